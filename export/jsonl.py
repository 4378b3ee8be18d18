"""Triples as JSON lines: one record per supporting mention of each fact.

``generate_jsonl`` yields lines, ``write_jsonl`` writes them atomically — the same pairing
networkx uses for its edge-list readers and writers. Records are sorted by document and
offsets, so the same graph always gives the same bytes.
"""

from __future__ import annotations

import json
import os
from operator import itemgetter
from typing import Any, Iterable, Iterator

from kg.io import atomic_open
from kg.model import KnowledgeGraph
from kg.voice import STATED, mention_voice, min_confidence

__all__ = ["fact_records", "generate_jsonl", "write_jsonl"]


def fact_records(graph: KnowledgeGraph) -> Iterator[dict[str, Any]]:
    """One record per (fact, mention) in ``graph``, sorted by document and position.

    Only the sort keys are held at once; each record is built as it is yielded, so writing
    the mentions of a large graph costs a small fraction of building all their dicts first.
    Each record has the mention's ``voice`` (:func:`kg.voice.mention_voice`, at the graph's
    threshold) and ``asserted``: true when that voice is ``stated``.
    """
    threshold = min_confidence(graph)
    entries = []
    for subject, obj, _key, data in graph.edges(keys=True, data=True):
        predicate, negated = data["predicate"], data["negated"]
        for prov in data["provenance"]:
            order = (prov.document, prov.sentence_start, prov.subject_start, prov.object_start,
                     predicate, subject, obj, negated)
            entries.append((order, subject, obj, data, prov))
    entries.sort(key=itemgetter(0))  # stable: mentions with equal keys keep graph order
    nodes = graph.nodes
    for _order, subject, obj, data, prov in entries:
        record = {
            "subject": nodes[subject]["label"],
            "predicate": data["predicate"],
            "object": nodes[obj]["label"],
            "negated": data["negated"],
            "subject_key": subject,
            "object_key": obj,
            "subject_type": nodes[subject].get("type"),
            "object_type": nodes[obj].get("type"),
            "count": data["count"],
            "source": prov.document,
        }
        record.update(prov.to_dict())
        voice = mention_voice(prov, negated=data["negated"], min_confidence=threshold)
        record["voice"] = voice
        record["asserted"] = voice == STATED  # the graph states the fact on this sentence
        del record["document"]
        yield record


def generate_jsonl(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Yield one compact JSON line (with trailing newline) per record."""
    for record in records:
        yield json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"


def write_jsonl(graph: KnowledgeGraph, path: str | os.PathLike[str]) -> None:
    """Write every fact mention of ``graph`` to ``path`` as JSON lines, atomically."""
    with atomic_open(path) as handle:
        handle.writelines(generate_jsonl(fact_records(graph)))
