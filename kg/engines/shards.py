"""Sharded, gzipped N-Triples of a graph that is never held in one place.

A merged graph lives as partitions of an entity table and of a fact table (see
:mod:`kg.engines.tables`). Each partition becomes one ``part-*.nt.gz`` file; together with one
file for the graph node, documents and relations, the shards hold exactly the triples of
:func:`export.rdf.to_rdf` (mentions' named graphs flattened, as N-Triples has none). The terms
come from :func:`export.fast_rdf.generate_blocks` (the quads of :func:`export.rdf.generate_rdf`,
as text) run on a small graph per partition, so IRIs and literals are the local exporter's own;
only the triples the partition owns are kept.

Triple stores load such a folder in parallel (``pyoxigraph.Store.bulk_load`` per file,
Oxigraph's ``load --file 'graph/*.nt.gz'``, QLever, Jena xloader, Virtuoso ``ld_dir``).
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import Iterable

import pandas as pd

from export.fast_rdf import generate_blocks
from export.rdf import DEFAULT_BASE
from kg.engines.tables import iter_edges, iter_nodes
from kg.io import atomic_open
from kg.model import Document, KnowledgeGraph

__all__ = ["SECTIONS", "section", "write_shard", "entity_shard", "fact_shard", "meta_shard"]

#: What a quad of :func:`export.rdf.generate_rdf` describes, by the owner of its subject.
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
    name = subject
    if name == base:
        return "graph"
    rest = name[len(base):] if name.startswith(base) else ""
    if rest.startswith(("statement/", "mention/")):
        return "fact"
    if rest.startswith("entity/"):
        return "fact" if predicate.startswith(base + "relation/") else "entity"
    if rest.startswith("relation/"):
        return "relation"
    if rest.startswith("document/"):
        return "document"
    raise ValueError(f"{name!r} is not an IRI kg mints under {base!r}")


def write_shard(
    graph: KnowledgeGraph,
    path: str | os.PathLike[str],
    sections: Iterable[str],
    *,
    base: str = DEFAULT_BASE,
) -> int:
    """Write the triples of ``graph`` in ``sections`` to gzipped N-Triples; return their number.

    Lines are sorted and unique, and the gzip header carries no time, so the same partition
    always gives the same bytes.
    """
    wanted = frozenset(sections)
    lines = sorted({
        f"{s} {p} {o} .\n"
        for s, _g, pairs in generate_blocks(graph, base=base)
        for p, o in pairs
        if section(s[1:-1], p[1:-1], base) in wanted
    })
    with atomic_open(path, "wb") as handle:
        with gzip.GzipFile(fileobj=handle, mode="wb", mtime=0, filename="") as stream:
            stream.write("".join(lines).encode("utf-8"))
    return len(lines)


def entity_shard(
    entities: pd.DataFrame, path: str | os.PathLike[str], *, base: str = DEFAULT_BASE
) -> int:
    """Write the entity descriptions of one merged entity partition."""
    graph = KnowledgeGraph()
    graph.add_nodes_from(iter_nodes(entities))
    return write_shard(graph, path, ("entity",), base=base)


def fact_shard(
    facts: pd.DataFrame, path: str | os.PathLike[str], *, base: str = DEFAULT_BASE
) -> int:
    """Write the facts, statements and mentions of one merged fact partition.

    ``facts`` carries ``subject_label`` and ``object_label`` (joined from the entities), which
    the entity IRIs are minted from.
    """
    graph = KnowledgeGraph()
    for key, label in zip(
        pd.concat([facts["subject"], facts["object"]]),
        pd.concat([facts["subject_label"], facts["object_label"]]),
    ):
        graph.add_node(key, label=label if isinstance(label, str) else None)
    for subject, obj, key, data in iter_edges(facts):
        graph.add_edge(subject, obj, key=key, **data)
    return write_shard(graph, path, ("fact",), base=base)


def meta_shard(
    documents: Iterable[Document],
    predicates: Iterable[str],
    path: str | os.PathLike[str],
    *,
    base: str = DEFAULT_BASE,
) -> int:
    """Write the graph node, the documents and the relations (``predicates``)."""
    graph = KnowledgeGraph()
    for document in documents:
        graph.documents[document.id] = document
    for index, predicate in enumerate(sorted(set(predicates))):
        # one placeholder fact per relation: only its relation triples are kept
        graph.add_edge("s", "o", key=str(index), predicate=predicate, negated=False, count=0,
                       provenance=[], confidence=0.0)
    return write_shard(graph, path, ("graph", "document", "relation"), base=base)


def shard_paths(folder: str | os.PathLike[str]) -> list[Path]:
    """The shards in ``folder``, in name order."""
    return sorted(Path(folder).glob("part-*.nt.gz"))
