"""kg: turn plain text into a knowledge graph.

>>> import kg
>>> kg.KnowledgeGraph().number_of_nodes()
0
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import KGError
from kg.merge import merge, merge_into
from kg.model import Argument, Document, KnowledgeGraph, Provenance, Triple
from kg import stats

__all__ = [
    "Argument",
    "Document",
    "KGError",
    "KnowledgeGraph",
    "Provenance",
    "Triple",
    "load",
    "merge",
    "merge_into",
    "stats",
]

__version__ = "0.1.0"


def load(path: str | Path, *, format: str | None = None) -> KnowledgeGraph:
    """Read a graph exported by kg (any RDF format) back into a :class:`KnowledgeGraph`."""
    from export.rdf import read_rdf  # the exporter reads its own format back

    return read_rdf(path, format=format)
