"""The label store: ``labels.jsonl``, one row per fact handed to raters, sorted by key.

A row is created when its fact first goes on a sheet (``items`` names the sheet item of each
slot) and gains ``ratings`` as filled sheets are collected; ``label`` is the decided rating.
Nothing else lives in it: the construction and confidence of a fact are in ``sample.jsonl``,
for the scorer, and never reach a rater.

>>> decide({"ann": {"label": "U", "slot": "first"}, "bo": {"label": "U", "slot": "second"}})
'U'
>>> decide({"ann": {"label": "U", "slot": "first"}, "bo": {"label": "W", "slot": "second"}})
>>> decide({"ann": {"label": "U", "slot": "first"}, "bo": {"label": "W", "slot": "second"},
...         "cy": {"label": "T", "slot": "third"}})
'T'
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable, Mapping

from kg.errors import KGError
from kg.io import atomic_open

__all__ = [
    "HERE",
    "SLOTS",
    "RATINGS",
    "LabelSetError",
    "Store",
    "read_jsonl",
    "write_jsonl",
    "label_row",
    "slot_ratings",
    "decide",
]

#: The folder of the committed store (``sample.jsonl``, ``labels.jsonl``).
HERE = Path(__file__).resolve().parent
#: The rating slots of a fact: two independent ratings, and a third where they disagree.
SLOTS: tuple[str, ...] = ("first", "second", "third")
#: The ratings of ``/work/shared/RATING.md``: right and useful, right but trivial, wrong.
RATINGS: tuple[str, ...] = ("U", "T", "W")
#: The fields a label row copies from its sample row: what raters saw, and where it is from.
_ROW_FIELDS = ("key", "doc", "part", "sentence", "subject", "predicate", "object")


class LabelSetError(KGError):
    """A problem with the label set's files or a ratings file; the message says what to do."""


class Store:
    """The files of one label set (the committed one by default, any folder in tests)."""

    def __init__(self, folder: str | os.PathLike[str] = HERE) -> None:
        self.folder = Path(folder)
        self.sample = self.folder / "sample.jsonl"
        self.labels = self.folder / "labels.jsonl"

    def read_sample(self) -> list[dict[str, Any]]:
        """The sample rows; an error that says to run ``sample`` when there is none."""
        if not self.sample.exists():
            raise LabelSetError(f"{self.sample} does not exist: run `label_set.py sample` first")
        return read_jsonl(self.sample)

    def read_labels(self) -> dict[str, dict[str, Any]]:
        """The label rows by key (none when the file does not exist yet)."""
        if not self.labels.exists():
            return {}
        return {row["key"]: row for row in read_jsonl(self.labels)}

    def write_labels(self, rows: Mapping[str, dict[str, Any]]) -> None:
        """Write the label rows, sorted by key, atomically."""
        write_jsonl(self.labels, rows.values())


def read_jsonl(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The JSON objects of ``path``, one a line; an error naming the file and line otherwise."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise LabelSetError(f"{path}, line {number}: not JSON ({err.msg})") from err
            if not isinstance(row, dict) or "key" not in row:
                raise LabelSetError(f"{path}, line {number}: not a row with a 'key'")
            rows.append(row)
    return rows


def write_jsonl(path: str | os.PathLike[str], rows: Iterable[dict[str, Any]]) -> None:
    """Write ``rows`` sorted by key as compact JSON lines (sorted fields), atomically."""
    with atomic_open(path) as handle:
        for row in sorted(rows, key=lambda r: r["key"]):
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def label_row(sample_row: Mapping[str, Any]) -> dict[str, Any]:
    """A new, unrated label row for a sample (or reserve) row."""
    row = {name: sample_row[name] for name in _ROW_FIELDS}
    row["voice"] = sample_row["voice_text"]
    row["shown"] = sample_row["shown"]
    row["written"] = sample_row.get("written") or {}
    row["context"] = sample_row.get("context")
    row.update(items={}, ratings={}, label=None)
    return row


def slot_ratings(row: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    """Slot -> (rater, rating) of a label row."""
    return {given["slot"]: (rater, given["label"]) for rater, given in row["ratings"].items()}


def decide(ratings: Mapping[str, Mapping[str, str]]) -> str | None:
    """The label of a fact: the first and second rating when they agree, else the third's.

    None while the fact lacks the ratings that decide it.
    """
    by_slot = {given["slot"]: given["label"] for given in ratings.values()}
    first, second = by_slot.get("first"), by_slot.get("second")
    if first is None or second is None:
        return None
    if first == second:
        return first
    return by_slot.get("third")
