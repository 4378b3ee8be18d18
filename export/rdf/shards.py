"""Gzipped N-Triples shards: the triples of chosen parts of a graph, one self-contained file.

A graph too big for one place (the Dask engine's merged tables, see
:mod:`kg.engines.shards`) is written a part at a time: each part is a small
:class:`~kg.model.KnowledgeGraph` whose N-Triples (:mod:`export.rdf.text`, so IRIs and
literals are exactly the other writers') are filtered down to the :data:`SECTIONS` that part
owns. Together the shards hold exactly the triples of :func:`export.rdf.to_rdf` (mentions'
named graphs flattened, as N-Triples has none). Triple stores load such a folder in parallel
(``pyoxigraph.Store.bulk_load`` per file, Oxigraph's ``load --file 'graph/*.nt.gz'``, QLever,
Jena xloader, Virtuoso ``ld_dir``).
"""

from __future__ import annotations

import gzip
import os
from typing import Iterable

from export.rdf.iris import DEFAULT_BASE
from export.rdf.text import generate_text
from kg.io import atomic_open
from kg.model import KnowledgeGraph

__all__ = ["SECTIONS", "section", "write_shard"]

#: What a triple describes, by the owner of its subject.
SECTIONS: tuple[str, ...] = ("graph", "document", "entity", "relation", "fact")


def section(subject: str, predicate: str, base: str) -> str:
    """The part of the graph a triple belongs to (one of :data:`SECTIONS`), from the IRIs of
    its subject and predicate.

    >>> b = "http://example.org/kg/"
    >>> section(b + "entity/A", b + "relation/meet", b)
    'fact'
    >>> section(b + "entity/A", "http://www.w3.org/2000/01/rdf-schema#label", b)
    'entity'
    """
    if subject == base:
        return "graph"
    rest = subject[len(base):] if subject.startswith(base) else ""
    if rest.startswith(("statement/", "mention/")):
        return "fact"
    if rest.startswith("entity/"):
        return "fact" if predicate.startswith(base + "relation/") else "entity"
    if rest.startswith("relation/"):
        return "relation"
    if rest.startswith("document/"):
        return "document"
    raise ValueError(f"{subject!r} is not an IRI kg mints under {base!r}")


def _lines(graph: KnowledgeGraph, sections: frozenset[str], base: str,
           assert_claims: bool) -> set[str]:
    lines = set()
    for chunk in generate_text(graph, "nt", base=base, assert_claims=assert_claims):
        for line in chunk.splitlines(keepends=True):
            subject_end = line.index("> ")  # minted IRIs never hold ">"
            predicate_end = line.index("> ", subject_end + 3)
            if section(line[1:subject_end], line[subject_end + 3:predicate_end], base) in sections:
                lines.add(line)
    return lines


def write_shard(
    graph: KnowledgeGraph,
    path: str | os.PathLike[str],
    sections: Iterable[str] = SECTIONS,
    *,
    base: str = DEFAULT_BASE,
    assert_claims: bool = False,
) -> int:
    """Write the triples of ``graph`` in ``sections`` to gzipped N-Triples at ``path``,
    atomically; return their number (``assert_claims``: see :func:`export.rdf.write_rdf`).

    Lines are sorted and unique, and the gzip header carries no time or name, so the same part
    always gives the same bytes.
    """
    wanted = frozenset(sections)
    unknown = wanted - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown sections {sorted(unknown)}; choose from {SECTIONS}")
    lines = sorted(_lines(graph, wanted, base, assert_claims))
    with atomic_open(path, "wb") as handle:
        with gzip.GzipFile(fileobj=handle, mode="wb", mtime=0, filename="") as stream:
            stream.write("".join(lines).encode("utf-8"))
    return len(lines)
