"""Sharded, gzipped N-Triples of a graph that is never held in one place.

A merged graph lives as partitions of an entity table and of a fact table (see
:mod:`kg.engines.tables`). Each partition becomes a small :class:`KnowledgeGraph` and one
``part-*.nt.gz`` file, written by the one shard writer, :func:`export.rdf.shards.write_shard`,
which keeps only the triples the partition owns; one more file holds the graph node, the
documents and the relations. Together the shards hold exactly the triples of
:func:`export.rdf.to_rdf` (mentions' named graphs flattened).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

import pandas as pd

from export.rdf import DEFAULT_BASE
from export.rdf.shards import SECTIONS, section, write_shard
from kg.engines.tables import iter_edges, iter_nodes
from kg.model import Document, KnowledgeGraph

__all__ = ["SECTIONS", "section", "write_shard", "entity_shard", "fact_shard", "meta_shard",
           "shard_paths"]


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
