"""kg: turn plain text into a knowledge graph.

>>> import kg
>>> kg.KnowledgeGraph().number_of_nodes()
0
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import KGError
from kg.lazy import lazy_names

if TYPE_CHECKING:  # imported when first used (below)
    from export.sparql.result import QueryResult
    from kg import stats, voice
    from kg.build import BuildSettings
    from kg.build import build_graph
    from kg.explanation import Explanation, explain
    from kg.merge import merge, merge_into
    from kg.model import Argument, Document, KnowledgeGraph, Provenance, Triple
    from kg.voice import DEFAULT_MIN_CONFIDENCE, Voice, edge_voice, fact_voice, mention_voice

__all__ = [
    "Argument",
    "BuildSettings",
    "DEFAULT_MIN_CONFIDENCE",
    "Document",
    "Explanation",
    "KGError",
    "KnowledgeGraph",
    "Provenance",
    "Triple",
    "Voice",
    "build_graph",
    "edge_voice",
    "explain",
    "fact_voice",
    "load",
    "mention_voice",
    "merge",
    "merge_into",
    "query",
    "stats",
    "to_oxigraph",
    "to_rdflib",
    "voice",
]

__version__ = "0.1.0"

#: Public names imported on first use, so that ``import kg.errors`` or ``kg query`` do not
#: import networkx (half a second) through the package.
_LAZY = {
    "Argument": "kg.model",
    "Document": "kg.model",
    "KnowledgeGraph": "kg.model",
    "Provenance": "kg.model",
    "Triple": "kg.model",
    "Explanation": "kg.explanation",
    "explain": "kg.explanation",
    "merge": "kg.merge",
    "merge_into": "kg.merge",
    "stats": "kg.stats",
    "voice": "kg.voice",
    "Voice": "kg.voice",
    "DEFAULT_MIN_CONFIDENCE": "kg.voice",
    "edge_voice": "kg.voice",
    "fact_voice": "kg.voice",
    "mention_voice": "kg.voice",
    "build_graph": "kg.build",
    "BuildSettings": "kg.build",
}


__getattr__, __dir__ = lazy_names("kg", _LAZY, globals())


def load(path: str | Path, *, format: str | None = None) -> KnowledgeGraph:
    """Read a graph exported by kg (any RDF format) back into a :class:`KnowledgeGraph`."""
    from export.rdf import read_rdf  # the exporter reads its own format back

    return read_rdf(path, format=format)


def query(
    source: Any,
    sparql: str,
    *,
    engine: str | None = None,
    timeout: float | None = 60.0,
    cache: bool = False,
) -> "QueryResult":
    """Run a read-only SPARQL query over a graph file, a loaded graph or a ``SparqlGraph``.

    Same checks and answers as ``kg query``: the kg prefixes are predeclared, updates,
    ``SERVICE`` and ``FROM`` are refused, and a query running past ``timeout`` seconds (60 by
    default; None or 0: no limit) is stopped with :class:`kg.errors.QueryTimeoutError`.
    ``engine`` is ``"oxigraph"`` (the default; fast) or ``"rdflib"``. To run many queries over
    one big file, load it once with ``export.sparql.SparqlGraph(path)`` and pass that; or pass
    ``cache=True`` to answer from a store kept on disk for the file, as ``kg query`` does
    (built by the first query, opened in milliseconds by the next, in this process or not).

    >>> import kg
    >>> kg.query(kg.KnowledgeGraph(), "ASK { ?s a schema:Person }").boolean
    False
    """
    from export.sparql.engine import run_query

    return run_query(source, sparql, engine=engine, timeout=timeout, cache=cache)


def to_rdflib(source: str | Path | KnowledgeGraph) -> Any:
    """The RDF export of a graph (or a graph file) as an ``rdflib.Dataset``.

    A ``Dataset`` is an rdflib ``Graph`` whose default graph is the union of all graphs, so
    ``.query(...)``, ``.triples(...)`` and ``.serialize(...)`` see every triple.
    """
    from export.sparql.load import to_rdflib as convert

    return convert(source)


def to_oxigraph(source: str | Path | KnowledgeGraph) -> Any:
    """The RDF export of a graph (or a graph file) as a ``pyoxigraph.Store``.

    Query it with ``use_default_graph_as_union=True`` to see the triples of every graph.
    """
    from export.sparql.load import to_oxigraph as convert

    return convert(source)
