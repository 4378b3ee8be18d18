"""Rater sheets: which facts go on them, in what order, and how they read.

A sheet is a text file a rater fills from the top: a short header (how to answer, what the
voice notation means) and one line per item, ``ID  SENTENCE: …  ==>  FACT: …``. It shows
the sentence and the fact with its voice, nothing else: no construction, no confidence, no
document, no other rating. Item ids (``first-03.017``) name the sheet, so they are unique for
good: new sheets are numbered after every sheet of their slot in ``labels.jsonl``.

Items are shuffled by a salted hash of their key, so a sheet mixes documents and parts and
the same state always gives the same sheets.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any, Iterable, Mapping

from benchmarks.facts.store import SLOTS, LabelSetError, label_row, slot_ratings
from benchmarks.facts.voice import salted_fraction
from kg.io import atomic_open

__all__ = [
    "ITEM_ID",
    "pending",
    "next_number",
    "assign",
    "sheet_name",
    "hand_out",
    "sheet_rows",
    "render_sheet",
    "write_sheet",
]

#: A sheet item id: slot (or ``reserve``), sheet number, item number.
ITEM_ID = re.compile(r"(?P<sheet>(?P<slot>first|second|third|reserve)-(?P<number>\d{2,}))"
                     r"\.(?P<item>\d{3,})")

_HEADER = """\
# kg fact ratings · sheet {name} · {count} items
#
# Rate each FACT, read with its voice, against its SENTENCE only, as
# /work/shared/RATING.md says: U right and useful, T right but trivial, W wrong.
#
# How a fact reads: (subject | relation | object) stated as fact in the text's own voice;
#   NOT (…)                    the sentence says it does not hold
#   — claimed by X (verb)      X says it (the verb or noun of saying in brackets);
#                              "claimed, no speaker named" when nobody is named
#   — denied by X / questioned by X / asked as a question
#   — if …                     it holds only under a condition
#   — modal: could             only possible, required, expected ("intended": planned,
#                              expected or attempted, not done)
#
# When the graph names an argument otherwise than the sentence writes it ("he" shown as
# "Andy Warhol"), the fact says so ("WRITTEN subject: he") and CONTEXT gives the text just
# before the sentence: rate W when the name is not who or what the words stand for.
#
# Answer in a separate text file, one line per item: the item id, a space, and U, T or W.
# Lines starting with # are ignored. Example:
#   {first} U
#
"""


def pending(
    slot: str,
    labels: Mapping[str, dict[str, Any]],
    sample: Iterable[Mapping[str, Any]],
    parts: Iterable[str] = ("fit", "test"),
) -> list[str]:
    """The keys that need a sheet of ``slot`` and are on none, by key.

    ``first``: sample facts with no first rating. ``second``: facts with a first rating or on
    a first sheet, with no second rating. ``third``: facts whose first and second ratings
    disagree, with no third. ``parts`` limits second and third sheets to those parts (a
    reserve check can be rated twice with ``parts=("reserve",)``).
    """
    if slot not in SLOTS:
        raise ValueError(f"slot must be one of {', '.join(SLOTS)}, not {slot!r}")
    if slot == "first":
        keys = {row["key"] for row in sample}
        return sorted(key for key in keys
                      if key not in labels or _open(labels[key], "first"))
    wanted = set(parts)
    found = []
    for key, row in labels.items():
        given = slot_ratings(row)
        if row["part"] not in wanted or not _open(row, slot):
            continue
        if slot == "second" and ("first" in given or "first" in row["items"]):
            found.append(key)
        elif (slot == "third" and "first" in given and "second" in given
              and given["first"][1] != given["second"][1]):
            found.append(key)
    return sorted(found)


def _open(row: Mapping[str, Any], slot: str) -> bool:
    """Neither rated in ``slot`` nor on a sheet of it."""
    return slot not in row["items"] and slot not in slot_ratings(row)


def next_number(labels: Mapping[str, dict[str, Any]], prefix: str) -> int:
    """The number of the next sheet named ``prefix-NN`` (1 when there is none)."""
    numbers = [int(match["number"]) for row in labels.values()
               for item in row["items"].values()
               if (match := ITEM_ID.fullmatch(item)) and match["slot"] == prefix]
    return max(numbers, default=0) + 1


def sheet_name(prefix: str, number: int) -> str:
    """``first-03``: the slot (or ``reserve``) and a two-digit number."""
    return f"{prefix}-{number:02d}"


def assign(
    keys: Iterable[str],
    slot: str,
    size: int,
    first: int = 1,
    avoid: Mapping[str, int] | None = None,
) -> list[list[str]] | None:
    """Deal ``keys`` onto sheets of about ``size`` items, numbered from ``first``.

    The keys are shuffled by a hash salted with ``slot`` and dealt round the sheets, so the
    sheets are as equal in size as can be. ``avoid`` maps a key to a sheet number it must not
    go on (for second sheets: the number of its first sheet, so that ``second-k`` shares no
    item with ``first-k`` and one rater can take both); a sheet may then get an item or two
    more than another. None when ``avoid`` cannot be kept without leaving a sheet empty.

    >>> [len(sheet) for sheet in assign([f"{i:016x}" for i in range(10)], "first", 4)]
    [4, 3, 3]
    >>> assign(["a", "b"], "second", 5, first=3, avoid={"a": 3}) is None
    True
    """
    if size < 1:
        raise ValueError(f"size must be at least 1, not {size}")
    order = sorted(keys, key=lambda key: (salted_fraction(f"sheet:{slot}", key), key))
    count = math.ceil(len(order) / size)
    capacity = [len(order) // count + (i < len(order) % count) for i in range(count)]
    sheets: list[list[str]] = [[] for _ in range(count)]
    avoid = avoid or {}
    for key in order:
        choices = [i for i in range(count) if avoid.get(key) != first + i]
        if not choices:
            return None
        # the emptiest sheet with room (dealt round the table); if none has room, the emptiest
        room = [i for i in choices if len(sheets[i]) < capacity[i]]
        sheets[min(room or choices, key=lambda i: (len(sheets[i]), i))].append(key)
    return None if any(not sheet for sheet in sheets) else sheets


def hand_out(
    slot: str,
    keys: Iterable[str],
    labels: dict[str, dict[str, Any]],
    sources: Mapping[str, Mapping[str, Any]],
    *,
    size: int,
    prefix: str | None = None,
) -> list[str]:
    """Put ``keys`` on new sheets of ``slot``; record each item in ``labels``; the sheet names.

    ``sources`` gives the sample (or reserve) row of a key that has no label row yet. Second
    sheets are numbered after the last sheet of their slot, as every sheet is, unless that
    would put facts of ``first-k`` on ``second-k`` (one sheet, or facts of only one or two
    first sheets): then they are numbered after the highest first sheet of their facts.
    """
    keys = list(keys)
    prefix = prefix or slot
    number = next_number(labels, prefix)
    avoid = {}
    if slot == "second":
        for key in keys:
            match = ITEM_ID.fullmatch(labels.get(key, {}).get("items", {}).get("first", ""))
            if match and match["slot"] == "first":
                avoid[key] = int(match["number"])
    sheets = assign(keys, slot, size, number, avoid)
    if sheets is None:
        number = max(number, max(avoid.values()) + 1)
        sheets = assign(keys, slot, size, number, avoid)
        assert sheets is not None  # no first sheet has a number this high
    names = []
    for offset, sheet in enumerate(sheets):
        name = sheet_name(prefix, number + offset)
        names.append(name)
        for index, key in enumerate(sheet, 1):
            if key not in labels:
                labels[key] = label_row(sources[key])
            labels[key]["items"][slot] = f"{name}.{index:03d}"
    return names


def sheet_rows(labels: Mapping[str, dict[str, Any]], name: str) -> list[tuple[str, dict]]:
    """(item id, label row) of every item of sheet ``name``, in item order."""
    items = [(item, row) for row in labels.values() for item in row["items"].values()
             if item.rpartition(".")[0] == name]
    if not items:
        raise LabelSetError(f"no sheet {name!r} in the label store")
    return sorted(items, key=lambda pair: pair[0])


def render_sheet(name: str, items: list[tuple[str, Mapping[str, Any]]]) -> str:
    """The text of sheet ``name``: the header, then one line per item (sentence, fact)."""
    lines = [_HEADER.format(name=name, count=len(items), first=items[0][0])]
    for item, row in items:
        context = f"CONTEXT: {row['context']}  " if row.get("context") else ""
        written = "".join(f"  WRITTEN {side}: {form}"
                          for side, form in sorted((row.get("written") or {}).items()))
        lines.append(f"{item}  {context}SENTENCE: {row['sentence']}  ==>  "
                     f"FACT: {row['shown']}{written}\n")
    return "".join(lines)


def write_sheet(folder: str | Path, name: str, labels: Mapping[str, dict[str, Any]]) -> Path:
    """Write sheet ``name`` to ``folder/name.txt`` atomically; its path."""
    path = Path(folder) / f"{name}.txt"
    with atomic_open(path) as handle:
        handle.write(render_sheet(name, sheet_rows(labels, name)))
    return path
