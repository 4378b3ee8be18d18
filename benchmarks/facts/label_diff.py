"""What an extractor change does to the rated facts of the ``fit`` documents.

The labelled set (``labels.jsonl``) names each rated fact by its key (:mod:`.voice`). Extract
the fit documents again, and every rated fact is either still made (same sentence, same fact,
same voice: same key) or not. For a change to be a fix, it must stop making facts rated W
(wrong) while keeping those rated U and T (right)::

    python benchmarks/facts/label_diff.py --save /tmp/base.jsonl     # before the change
    # ... change the rules ...
    python benchmarks/facts/label_diff.py --against /tmp/base.jsonl  # after it

prints, by construction (the construction the fact had when it was made before), how many
rated facts of each label were made before and how many of them are gone now, and how many
facts are new (not made before: a gone fact read differently, or a fact not seen before, with
no rating yet). Without ``--against`` the "before" is every rated fit fact. ``--show W``
lists the gone W facts with their sentences (``U``, ``T``, ``new`` likewise).

Only the ``fit`` part is ever read: rules are tuned on it, and the ``test`` part stays a
measure of text no rule was written for (``benchmarks/gum``).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence, TextIO

if importlib.util.find_spec("benchmarks") is None:  # run as a script, not from the repo root
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from spacy.language import Language  # noqa: E402

from benchmarks.facts.mentions import document_mentions, unique_mentions  # noqa: E402
from benchmarks.facts.store import (  # noqa: E402
    HERE,
    RATINGS,
    read_jsonl,
    write_jsonl,
)
from benchmarks.gum import documents  # noqa: E402
from kg.errors import KGError  # noqa: E402

__all__ = ["PART", "fit_labels", "extract_fit", "compare", "format_diff", "main"]

#: The only part this script reads.
PART = "fit"
#: What a saved extraction keeps of each row.
_SAVED = ("key", "doc", "sentence", "subject", "predicate", "object", "construction", "shown")


def fit_labels(rows: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Key -> decided label (U/T/W) of the rated rows of the fit part; others are left out.

    >>> fit_labels([{"key": "a", "part": "fit", "label": "W"},
    ...             {"key": "b", "part": "test", "label": "U"},
    ...             {"key": "c", "part": "fit", "label": None}])
    {'a': 'W'}
    """
    return {row["key"]: row["label"] for row in rows
            if row.get("part") == PART and row.get("label") in RATINGS}


def extract_fit(names: Sequence[str] | None = None, *, nlp: Language | None = None,
                progress: bool = True) -> list[dict[str, Any]]:
    """One row per distinct fact kg makes now in the fit documents (the fields of ``_SAVED``).

    Args:
        names: Some fit documents (default: all of them); any other document is an error.
        nlp: A loaded spaCy pipeline (None: the default English model).
        progress: Print a line per document on standard error.
    """
    fit = documents(PART)
    names = fit if names is None else list(names)
    others = sorted(set(names) - set(fit))
    if others:
        raise ValueError(f"not fit documents: {', '.join(others)} (only fit is ever read)")
    say = (lambda m: print(m, file=sys.stderr, flush=True)) if progress else None
    rows = unique_mentions(document_mentions(names, nlp=nlp, progress=say))
    return [{name: row[name] for name in _SAVED} for row in rows]


def compare(
    labels: Mapping[str, str],
    before: Sequence[Mapping[str, Any]],
    now: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """Rated facts made before and gone now, by label and construction; new facts.

    ``before`` rows need ``key`` and ``construction`` (a labels row has no construction: it
    counts as ``?``); ``now`` rows need ``key``.

    >>> labels = {"a": "W", "b": "U", "c": "T"}
    >>> before = [{"key": k, "construction": "svo"} for k in "abc"]
    >>> diff = compare(labels, before, [{"key": "b"}, {"key": "c"}, {"key": "d"}])
    >>> diff["made"]["svo"], diff["gone"]["svo"], diff["new"]
    ({'U': 1, 'T': 1, 'W': 1}, {'U': 0, 'T': 0, 'W': 1}, ['d'])
    """
    made_now = {row["key"] for row in now}
    made_before = {row["key"] for row in before}
    made: dict[str, Counter] = defaultdict(Counter)
    gone: dict[str, Counter] = defaultdict(Counter)
    gone_keys: dict[str, list[str]] = defaultdict(list)
    for row in before:
        label = labels.get(row["key"])
        if label is None:
            continue
        construction = row.get("construction") or "?"
        made[construction][label] += 1
        if row["key"] not in made_now:
            gone[construction][label] += 1
            gone_keys[label].append(row["key"])
    return {
        "made": {c: {r: made[c][r] for r in RATINGS} for c in sorted(made)},
        "gone": {c: {r: gone[c][r] for r in RATINGS} for c in sorted(made)},
        "gone_keys": {r: sorted(gone_keys[r]) for r in RATINGS},
        "new": sorted(made_now - made_before),
    }


def format_diff(diff: Mapping[str, Any]) -> str:
    """The comparison as a table: per construction, rated facts made before and gone now."""
    lines = [f"{'construction':<14}" + "".join(f"{r:>6} made  gone" for r in RATINGS)]
    total_made: Counter = Counter()
    total_gone: Counter = Counter()
    for construction, made in diff["made"].items():
        gone = diff["gone"][construction]
        total_made.update(made)
        total_gone.update(gone)
        lines.append(f"{construction:<14}" + "".join(
            f"{made[r]:>11} {gone[r]:>5}" for r in RATINGS))
    lines.append(f"{'all':<14}" + "".join(
        f"{total_made[r]:>11} {total_gone[r]:>5}" for r in RATINGS))
    right_gone = total_gone["U"] + total_gone["T"]
    lines.append(f"W removed: {total_gone['W']} of {total_made['W']}; U/T lost: {right_gone} "
                 f"of {total_made['U'] + total_made['T']} (U {total_gone['U']}, "
                 f"T {total_gone['T']}); new facts (no rating): {len(diff['new'])}")
    return "\n".join(lines) + "\n"


def _show(keys: Iterable[str], rows: Mapping[str, Mapping[str, Any]], out: TextIO) -> None:
    by_sentence: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for key in keys:
        row = rows[key]
        by_sentence[row["sentence"]].append(row)
    for sentence in sorted(by_sentence):
        out.write(f"\nS: {sentence}\n")
        for row in by_sentence[sentence]:
            out.write(f"   {row['shown']}   [{row.get('construction') or '?'}]\n")


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None,
         nlp: Language | None = None) -> int:
    """Run the comparison; 0 on success, 1 on an error (one line on standard error)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", type=Path, default=HERE / "labels.jsonl", metavar="FILE",
                        help="the label rows (default: the committed labels.jsonl)")
    parser.add_argument("--against", type=Path, metavar="FILE",
                        help="an extraction saved with --save: what kg made before")
    parser.add_argument("--save", type=Path, metavar="FILE",
                        help="save this extraction (to compare a later one --against it)")
    parser.add_argument("--show", action="append", default=[], choices=(*RATINGS, "new"),
                        help="list the gone facts of this label, or the new facts")
    parser.add_argument("--doc", action="append", metavar="NAME",
                        help="only this fit document (repeatable; default: every one)")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    out = stdout or sys.stdout
    try:
        label_rows = read_jsonl(args.labels)
        labels = fit_labels(label_rows)
        before = read_jsonl(args.against) if args.against else [
            row for row in label_rows if row["key"] in labels]
        if args.doc:
            before = [row for row in before if row["doc"] in args.doc]
        now = extract_fit(args.doc, nlp=nlp, progress=not args.quiet)
        if args.save:
            write_jsonl(args.save, now)
        diff = compare(labels, before, now)
        out.write(format_diff(diff))
        rows = {row["key"]: row for row in [*before, *now]}
        for label in args.show:
            out.write(f"\n=== {label}: {'made now, not before' if label == 'new' else 'gone'}\n")
            _show(diff["new"] if label == "new" else diff["gone_keys"][label], rows, out)
    except (KGError, OSError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
