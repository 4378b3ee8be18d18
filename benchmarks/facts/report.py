"""What the labelled set holds: sizes, ratings, agreement, what still needs rating, and U/T/W
by construction and by voice.

Agreement is Cohen's kappa between the first and the second rating of every fact that has
both, over all rater pairs pooled (each fact's two ratings come from two different raters;
which two varies by sheet), on the three ratings and on right (U or T) against wrong (W).
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Hashable, Iterable, Mapping, Sequence

from benchmarks.facts.corpora import genre_of
from benchmarks.facts.store import RATINGS, SLOTS, slot_ratings
from benchmarks.facts.voice import voice_class

__all__ = ["cohen_kappa", "label_report", "format_report"]


def cohen_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa of two ratings per item: (observed - chance) / (1 - chance) agreement.

    None when it is undefined (no pairs, or both raters always gave one and the same rating).

    >>> round(cohen_kappa([("U", "U"), ("U", "T"), ("T", "T"), ("W", "W")]), 4)
    0.6364
    """
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(left[c] * right[c] for c in left) / (n * n)
    if chance == 1.0:
        return None
    return (observed - chance) / (1.0 - chance)


def _counts(labels: Iterable[str | None]) -> dict[str, int]:
    found = Counter(label for label in labels if label is not None)
    return {rating: found[rating] for rating in RATINGS}


def _by(rows: Iterable[Mapping[str, Any]], name) -> dict[str, dict[str, int]]:
    groups: dict[str, list[str]] = {}
    for row in rows:
        groups.setdefault(name(row), []).append(row["label"])
    return {group: _counts(groups[group]) for group in sorted(groups)}


def _right(rating: str) -> str:
    return "right" if rating in ("U", "T") else "wrong"


def label_report(
    labels: Mapping[str, dict[str, Any]], sample: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """The report as plain values (what ``report --json`` prints).

    Facts of the current sample count; label rows of facts the extractor no longer makes
    (``stale``) are kept in the store, in case they come back, but not counted here.
    """
    sampled = {row["key"]: row for row in sample}
    live = [labels[key] for key in sorted(sampled) if key in labels]
    decided = [row for row in live if row["label"] is not None]
    pairs = []
    for row in live:
        given = slot_ratings(row)
        if "first" in given and "second" in given:
            pairs.append((given["first"][1], given["second"][1]))
    binary = [(_right(a), _right(b)) for a, b in pairs]
    need = {slot: {"not on a sheet": 0, "on a sheet, not rated": 0} for slot in SLOTS}
    for key in sampled:
        row = labels.get(key)
        given = slot_ratings(row) if row else {}
        wanted = ["first", "second"]
        if "first" in given and "second" in given and given["first"][1] != given["second"][1]:
            wanted.append("third")
        for slot in wanted:
            if slot in given:
                continue
            on_sheet = row is not None and slot in row["items"]
            need[slot]["on a sheet, not rated" if on_sheet else "not on a sheet"] += 1
    scorer = [{**row, "construction": sampled[row["key"]]["construction"],
               "voice_class": voice_class(sampled[row["key"]]["voice"])} for row in decided]
    reserve = {}
    for row in labels.values():
        if row["part"] == "reserve":
            sheet = row["items"]["first"].rpartition(".")[0]
            given = slot_ratings(row)
            rating = row["label"] or given.get("first", (None, None))[1]
            reserve.setdefault(sheet, []).append(rating)
    return {
        "sample": {"facts": len(sampled), "by part": dict(Counter(r["part"] for r in sample))},
        "labelled": {
            "facts": len(decided),
            "by part": _by(decided, lambda r: r["part"]),
            "by genre": _by(decided, lambda r: f"{r['part']} {genre_of(r['doc'])}"),
            "ratings": _counts(row["label"] for row in decided),
        },
        "agreement": {
            "pairs": len(pairs),
            "observed": sum(a == b for a, b in pairs) / len(pairs) if pairs else None,
            "kappa U/T/W": cohen_kappa(pairs),
            "kappa right/wrong": cohen_kappa(binary),
            "disagreements": sum(a != b for a, b in pairs),
        },
        "need rating": need,
        "by construction": _by(scorer, lambda r: r["construction"]),
        "by voice": _by(scorer, lambda r: r["voice_class"]),
        "stale": sum(1 for key, row in labels.items()
                     if key not in sampled and row["part"] != "reserve"),
        "reserve": {sheet: _counts(ratings) | {"unrated": ratings.count(None)}
                    for sheet, ratings in sorted(reserve.items())},
    }


def _figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _table(title: str, groups: Mapping[str, Mapping[str, int]]) -> list[str]:
    lines = [f"{title}:"] + ([] if groups else ["  (none decided yet)"])
    width = max([len(group) for group in groups] + [10])
    for group, counts in groups.items():
        n = sum(counts[r] for r in RATINGS)
        wrong = f"{counts['W'] / n:6.1%} W" if n else ""
        lines.append(f"  {group:<{width}}  " + " / ".join(f"{counts[r]:4d}" for r in RATINGS)
                     + f"  (n {n:4d}) {wrong}")
    return lines


def format_report(report: Mapping[str, Any]) -> str:
    """The report as text for a person."""
    sample, labelled, agreement = report["sample"], report["labelled"], report["agreement"]
    lines = [
        f"sample: {sample['facts']} facts ("
        + ", ".join(f"{part} {n}" for part, n in sorted(sample["by part"].items())) + ")",
        f"labelled (decided): {labelled['facts']}; U / T / W = "
        + " / ".join(str(labelled["ratings"][r]) for r in RATINGS),
        f"agreement, first vs second, {agreement['pairs']} facts: observed "
        f"{_figure(agreement['observed'])}, kappa U/T/W {_figure(agreement['kappa U/T/W'])}, "
        f"kappa right/wrong {_figure(agreement['kappa right/wrong'])}, "
        f"{agreement['disagreements']} disagreements",
        "still to rate (not on a sheet / on a sheet, not rated): "
        + ", ".join(f"{slot} {n['not on a sheet']} / {n['on a sheet, not rated']}"
                    for slot, n in report["need rating"].items()),
        f"stale label rows (facts the extractor no longer makes): {report['stale']}",
        "U / T / W below",
    ]
    lines += _table("by part", labelled["by part"])
    lines += _table("by part and genre", labelled["by genre"])
    lines += _table("by construction", report["by construction"])
    lines += _table("by voice", report["by voice"])
    for sheet, counts in report["reserve"].items():
        lines.append(f"reserve sheet {sheet}: U / T / W = "
                     + " / ".join(str(counts[r]) for r in RATINGS)
                     + f", {counts['unrated']} unrated")
    return "\n".join(lines) + "\n"
