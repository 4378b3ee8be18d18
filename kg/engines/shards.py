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
from typing import TYPE_CHECKING, Iterable, Mapping

import pandas as pd

from export.rdf import DEFAULT_BASE
from export.rdf.shards import SECTIONS, section, write_shard
from kg.engines.tables import iter_edges, iter_nodes, speaker_keys
from kg.model import Document, KnowledgeGraph

if TYPE_CHECKING:
    import dask.dataframe as dd
    from dask.delayed import Delayed

__all__ = ["SECTIONS", "section", "write_shard", "entity_shard", "fact_shard", "meta_shard",
           "shard_paths", "with_labels", "speaker_labels"]


def entity_shard(
    entities: pd.DataFrame, path: str | os.PathLike[str], *, base: str = DEFAULT_BASE
) -> int:
    """Write the entity descriptions of one merged entity partition."""
    graph = KnowledgeGraph()
    graph.add_nodes_from(iter_nodes(entities))
    return write_shard(graph, path, ("entity",), base=base)


def fact_shard(
    facts: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    base: str = DEFAULT_BASE,
    speakers: Mapping[str, str | None] | None = None,
    assert_claims: bool = False,
    min_confidence: float | None = None,
) -> int:
    """Write the facts, statements and mentions of one merged fact partition.

    ``facts`` carries ``subject_label`` and ``object_label`` (joined from the entities), which
    the entity IRIs are minted from; ``speakers`` maps the keys of the entities claims are
    attributed to (``kgv:attributedTo``) to their labels, likewise; ``min_confidence`` is the
    threshold the facts are stated at (:mod:`kg.voice`; None: the default).
    """
    graph = KnowledgeGraph(min_confidence=min_confidence)
    for key, label in zip(
        pd.concat([facts["subject"], facts["object"]]),
        pd.concat([facts["subject_label"], facts["object_label"]]),
    ):
        graph.add_node(key, label=label if isinstance(label, str) else None)
    for subject, obj, key, data in iter_edges(facts):
        graph.add_edge(subject, obj, key=key, **data)
        for record in data["provenance"]:
            speaker = record.attributed_to
            if speaker is not None and speaker not in graph:
                graph.add_node(speaker, label=(speakers or {}).get(speaker))
    return write_shard(graph, path, ("fact",), base=base, assert_claims=assert_claims)


def with_labels(facts: dd.DataFrame, entities: dd.DataFrame) -> dd.DataFrame:
    """The merged facts with ``subject_label`` and ``object_label`` joined from the entities
    (what :func:`fact_shard` mints entity IRIs from)."""
    labels = entities[["key", "label"]]
    for role in ("subject", "object"):
        facts = facts.merge(
            labels.rename(columns={"key": role, "label": f"{role}_label"}), on=role, how="inner"
        )
    return facts


def speaker_labels(facts: dd.DataFrame, entities: dd.DataFrame) -> Delayed:
    """The labels of the entities claims are attributed to, as one dict for every fact
    partition (``speakers`` of :func:`fact_shard`): speakers are few, so a dict shipped to
    each writer rather than a join per mention."""
    import dask

    keys = facts.map_partitions(speaker_keys, meta=speaker_keys(facts._meta))
    found = entities[["key", "label"]].merge(keys.drop_duplicates(), on="key", how="inner")
    return dask.delayed(_label_map)(found)


def _label_map(frame: pd.DataFrame) -> dict[str, str | None]:
    return {key: label if isinstance(label, str) else None
            for key, label in zip(frame["key"], frame["label"])}


def meta_shard(
    documents: Iterable[Document],
    predicates: Iterable[str],
    path: str | os.PathLike[str],
    *,
    base: str = DEFAULT_BASE,
    assert_claims: bool = False,
    min_confidence: float | None = None,
) -> int:
    """Write the graph node (with its threshold, ``min_confidence``), the documents and the
    relations (``predicates``)."""
    graph = KnowledgeGraph(min_confidence=min_confidence)
    for document in documents:
        graph.documents[document.id] = document
    for index, predicate in enumerate(sorted(set(predicates))):
        # one placeholder fact per relation: only its relation triples are kept
        graph.add_edge("s", "o", key=str(index), predicate=predicate, negated=False, count=0,
                       provenance=[], confidence=0.0)
    return write_shard(graph, path, ("graph", "document", "relation"), base=base,
                       assert_claims=assert_claims)


def shard_paths(folder: str | os.PathLike[str]) -> list[Path]:
    """The shards in ``folder``, in name order."""
    return sorted(Path(folder).glob("part-*.nt.gz"))
