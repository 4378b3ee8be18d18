"""Filled ratings files: strict reading, and merging into the label store.

A ratings file has one line per item, ``first-03.017 U``: an item id of a sheet, a space, and
U, T or W. Blank lines and text after ``#`` are ignored. A file with any problem is refused
whole, with every problem named by line, so a rater's typo never half-merges a sheet.

>>> parse_ratings("# ann\\nfirst-01.001 U\\nfirst-01.002 W  # unsure\\n", "ann.txt")
[(2, 'first-01.001', 'U'), (3, 'first-01.002', 'W')]
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from benchmarks.facts.sheets import ITEM_ID
from benchmarks.facts.store import RATINGS, LabelSetError, decide, slot_ratings

__all__ = ["RATER_ID", "parse_ratings", "merge_ratings"]

#: What a rater id may be: letters, digits, ``.``, ``_`` and ``-``, starting with a letter or digit.
RATER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
#: How many problems a refused file lists before counting the rest.
_SHOWN_PROBLEMS = 25


def _refuse(path: str, problems: list[str]) -> LabelSetError:
    shown = problems[:_SHOWN_PROBLEMS]
    more = len(problems) - len(shown)
    lines = "\n  ".join(shown + ([f"… and {more} more"] if more else []))
    return LabelSetError(f"{path}: {len(problems)} problem(s); nothing was collected:\n  {lines}")


def parse_ratings(text: str, path: str) -> list[tuple[int, str, str]]:
    """(line number, item id, rating) of each rating in ``text``, the file ``path``.

    Raises:
        LabelSetError: naming every bad line of the file (shape, id, rating, repeated item).
    """
    problems: list[str] = []
    entries: list[tuple[int, str, str]] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        if len(fields) != 2:
            problems.append(f"line {number}: expected an item id and U, T or W, "
                            f"got {line[:80]!r}")
            continue
        item, rating = fields
        if not ITEM_ID.fullmatch(item):
            problems.append(f"line {number}: {item[:40]!r} is not an item id like first-03.017")
            continue
        if rating not in RATINGS:
            problems.append(f"line {number}: {rating[:20]!r} for {item} is not a rating: "
                            "expected U, T or W (capital letters)")
            continue
        if item in seen:
            problems.append(f"line {number}: {item} is rated again (first on line {seen[item]})")
            continue
        seen[item] = number
        entries.append((number, item, rating))
    if not entries and not problems:
        problems.append("no ratings in the file (expected lines like 'first-03.017 U')")
    if problems:
        raise _refuse(path, problems)
    return entries


def merge_ratings(
    labels: dict[str, dict[str, Any]],
    rater: str,
    entries: list[tuple[int, str, str]],
    path: str,
) -> dict[str, Any]:
    """Merge one rater's ``entries`` (from :func:`parse_ratings`) into ``labels``, in place.

    Each item's slot is the slot of the sheet it is on. A rater rates a fact once: a rating of
    a fact the rater already rated in another slot is refused, as is a slot another rater
    already filled. The same rater collecting the same item again replaces the rating.

    Returns:
        ``rated`` (new ratings), ``changed`` (replaced), ``sheets`` (sheet -> [rated here,
        items on the sheet]).

    Raises:
        LabelSetError: naming every refused line; then nothing is merged.
    """
    if not RATER_ID.fullmatch(rater):
        raise LabelSetError(f"rater id {rater!r}: use letters, digits, '.', '_' and '-' only")
    where = {item: (key, slot) for key, row in labels.items()
             for slot, item in row["items"].items()}
    problems: list[str] = []
    planned: dict[str, tuple[str, int]] = {}
    updates = []
    for number, item, rating in entries:
        if item not in where:
            problems.append(f"line {number}: {item} is on no sheet of this label store")
            continue
        key, slot = where[item]
        row = labels[key]
        earlier = row["ratings"].get(rater)
        if earlier is not None and earlier["slot"] != slot:
            problems.append(f"line {number}: {item} is a fact {rater} already rated as its "
                            f"{earlier['slot']} rating ({earlier.get('item')}); "
                            "one rater rates a fact once")
            continue
        holder = slot_ratings(row).get(slot)
        if holder is not None and holder[0] != rater:
            problems.append(f"line {number}: {item} already has its {slot} rating, "
                            f"from rater {holder[0]}")
            continue
        if key in planned:
            problems.append(f"line {number}: {item} is the fact of line {planned[key][1]} "
                            "again; one rater rates a fact once")
            continue
        planned[key] = (slot, number)
        updates.append((key, slot, item, rating))
    if problems:
        raise _refuse(path, problems)
    on_sheet = Counter(item.rpartition(".")[0] for item in where)
    sheets: dict[str, list[int]] = {}
    changed = 0
    for key, slot, item, rating in updates:
        row = labels[key]
        changed += rater in row["ratings"]
        row["ratings"][rater] = {"item": item, "label": rating, "slot": slot}
        row["label"] = decide(row["ratings"])
        sheet = item.rpartition(".")[0]
        sheets.setdefault(sheet, [0, on_sheet[sheet]])[0] += 1
    return {"rated": len(updates) - changed, "changed": changed, "sheets": sheets}
