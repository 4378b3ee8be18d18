"""Triples as JSON lines: one record per supporting mention of each fact.

``generate_jsonl`` yields lines, ``write_jsonl`` writes them atomically — the same pairing
networkx uses for its edge-list readers and writers. Records are sorted by document and
offsets, so the same graph always gives the same bytes.
"""

from __future__ import annotations

import json
import os
from typing import Any, Iterable, Iterator

from kg.io import atomic_open
from kg.model import KnowledgeGraph, Triple

__all__ = ["triple_record", "fact_records", "generate_jsonl", "write_jsonl"]


def triple_record(triple: Triple) -> dict[str, Any]:
    """The JSON record of one extracted triple (what ``kg extract`` prints)."""
    return triple.to_dict()


def fact_records(graph: KnowledgeGraph) -> Iterator[dict[str, Any]]:
    """One record per (fact, mention) in ``graph``, sorted by document and position."""
    records = []
    for subject, obj, _key, data in graph.edges(keys=True, data=True):
        for prov in data["provenance"]:
            record = {
                "subject": graph.nodes[subject]["label"],
                "predicate": data["predicate"],
                "object": graph.nodes[obj]["label"],
                "negated": data["negated"],
                "subject_key": subject,
                "object_key": obj,
                "subject_type": graph.nodes[subject].get("type"),
                "object_type": graph.nodes[obj].get("type"),
                "count": data["count"],
                "source": prov.document,
            }
            record.update(prov.to_dict())
            del record["document"]
            records.append(record)
    records.sort(
        key=lambda r: (
            r["source"], r["sentence_start"], r["subject_start"], r["object_start"],
            r["predicate"], r["subject_key"], r["object_key"], r["negated"],
        )
    )
    return iter(records)


def generate_jsonl(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Yield one compact JSON line (with trailing newline) per record."""
    for record in records:
        yield json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"


def write_jsonl(graph: KnowledgeGraph, path: str | os.PathLike[str]) -> None:
    """Write every fact mention of ``graph`` to ``path`` as JSON lines, atomically."""
    with atomic_open(path) as handle:
        handle.writelines(generate_jsonl(fact_records(graph)))
