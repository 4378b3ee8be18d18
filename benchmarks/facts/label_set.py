"""The labelled fact set: sample facts, write rater sheets, collect ratings, report.

A rating round, in order (``benchmarks/facts/README.md`` says more)::

    python benchmarks/facts/label_set.py sample                  # sample.jsonl
    python benchmarks/facts/label_set.py sheets --slot first --size 200 --out SHEETS
    python benchmarks/facts/label_set.py sheets --slot second --size 200 --out SHEETS
    python benchmarks/facts/label_set.py collect --rater ann ann-first-01.txt   # each file
    python benchmarks/facts/label_set.py sheets --slot third --size 200 --out SHEETS
    python benchmarks/facts/label_set.py collect --rater cy cy-third-01.txt
    python benchmarks/facts/label_set.py report [--json]
    python benchmarks/facts/label_set.py reserve --n 40 --seed 7 --out SHEETS  # code frozen
    python benchmarks/facts/label_set.py reserve --census --seed 7 --out SHEETS  # all stated

Each command only parses its arguments and calls a library function of this package;
progress goes to standard error, errors are one line and exit status 1.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Sequence, TextIO

if importlib.util.find_spec("benchmarks") is None:  # run as a script, not from the repo root
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from spacy.language import Language  # noqa: E402

from benchmarks.facts.mentions import (  # noqa: E402
    DEFAULT_RATE,
    LABELLED_PARTS,
    document_mentions,
    labelled_documents,
    reserve_rows,
    sample_rows,
    unique_mentions,
)
from benchmarks.facts.corpora import PART_RATES  # noqa: E402
from benchmarks.facts.ratings import merge_ratings, parse_ratings  # noqa: E402
from benchmarks.facts.report import format_report, label_report  # noqa: E402
from benchmarks.facts.sheets import hand_out, pending, write_sheet  # noqa: E402
from benchmarks.facts.store import HERE, SLOTS, LabelSetError, Store, write_jsonl  # noqa: E402
from benchmarks.gum import documents  # noqa: E402
from kg.errors import KGError  # noqa: E402

__all__ = ["make_sample", "make_sheets", "rewrite_sheet", "collect", "make_reserve",
           "reserve_census", "main"]


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def make_sample(
    store: Store,
    *,
    rate: float = DEFAULT_RATE,
    names: Sequence[str] | None = None,
    nlp: Language | None = None,
) -> dict[str, Any]:
    """Extract the fit and test documents (or ``names``), write ``sample.jsonl``; counts.

    Label rows are untouched: a fact whose key is unchanged keeps its ratings, and facts no
    longer sampled keep theirs in the store (``report`` calls them stale).
    """
    names = labelled_documents() if names is None else list(names)
    if any(name in documents("reserve") for name in names):
        raise LabelSetError("the reserve documents are never part of the labelled set")
    _say(f"extracting {len(names)} documents ({', '.join(LABELLED_PARTS)})")
    mentions = list(document_mentions(names, nlp=nlp, progress=_say))
    distinct = unique_mentions(mentions)
    sample = sample_rows(distinct, rate)
    write_jsonl(store.sample, sample)
    labels = store.read_labels()
    counts = {
        "mentions": len(mentions),
        "distinct": len(distinct),
        "sampled": len(sample),
        "by part": {part: sum(row["part"] == part for row in sample) for part in LABELLED_PARTS},
        "already in labels": sum(row["key"] in labels for row in sample),
    }
    _say(f"{counts['mentions']} fact mentions, {counts['distinct']} distinct; "
         f"{counts['sampled']} sampled at rate {rate} ("
         + ", ".join(f"{part} {n}" for part, n in counts["by part"].items())
         + f"); {counts['already in labels']} of them already on a sheet or rated -> "
         f"{store.sample}")
    return counts


def make_sheets(
    store: Store, slot: str, size: int, out: str | Path, parts: Sequence[str] = LABELLED_PARTS
) -> list[Path]:
    """Put every fact that needs a ``slot`` rating on new sheets in ``out``; their paths.

    The items are recorded in ``labels.jsonl`` (written before the sheets, so a sheet on
    disk is always one the store knows).
    """
    labels = store.read_labels()
    sample = store.read_sample() if slot == "first" else []
    keys = pending(slot, labels, sample, parts)
    if not keys:
        _say(f"no fact needs a {slot} rating: no sheet written")
        return []
    names = hand_out(slot, keys, labels, {row["key"]: row for row in sample}, size=size)
    store.write_labels(labels)
    paths = [write_sheet(out, name, labels) for name in names]
    _say(f"{len(keys)} facts on {len(paths)} {slot} sheets: "
         + ", ".join(path.name for path in paths))
    return paths


def rewrite_sheet(store: Store, name: str, out: str | Path) -> Path:
    """Write sheet ``name`` again, as it was handed out (a lost file, a second copy)."""
    return write_sheet(out, name, store.read_labels())


def collect(store: Store, rater: str, path: str | Path) -> dict[str, Any]:
    """Merge the ratings file ``path`` of ``rater`` into ``labels.jsonl``; what was merged."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise LabelSetError(f"{path}: cannot be read as UTF-8 text ({err})") from err
    labels = store.read_labels()
    merged = merge_ratings(labels, rater, parse_ratings(text, str(path)), str(path))
    store.write_labels(labels)
    for sheet, (rated, total) in sorted(merged["sheets"].items()):
        missing = f"; {total - rated} not rated" if rated < total else ""
        _say(f"{sheet}: {rated} of {total} items rated by {rater}{missing}")
    _say(f"{merged['rated']} new ratings, {merged['changed']} replaced -> {store.labels}")
    return merged


def make_reserve(
    store: Store, n: int, seed: int, out: str | Path, *, nlp: Language | None = None
) -> Path:
    """A blind sheet of ``n`` random stated facts of the reserve documents, not rated before.

    Its facts go into ``labels.jsonl`` as part ``reserve`` (never fit or test), each on sheet
    ``reserve-NN`` in the first slot.
    """
    names = documents("reserve")
    _say(f"extracting the {len(names)} reserve documents")
    rows = unique_mentions(document_mentions(names, nlp=nlp, progress=_say))
    labels = store.read_labels()
    drawn = reserve_rows(rows, n, seed, exclude=labels)
    [name] = hand_out("first", [row["key"] for row in drawn], labels,
                      {row["key"]: row for row in drawn}, size=n, prefix="reserve")
    store.write_labels(labels)
    path = write_sheet(out, name, labels)
    _say(f"{n} stated reserve facts (seed {seed}) -> {path}")
    return path


def reserve_census(
    store: Store, n: int, seed: int, out: str | Path, *, nlp: Language | None = None
) -> dict[str, Any]:
    """Every fact the default graph states in the reserve documents, with its label.

    When the reserve holds too few unrated stated facts for a fresh sample, the figure that
    is left is the census: all of them, rated blind over the samples so far. The ones not
    rated yet go on a new first sheet in ``out`` (rate them as a sample's, a second and a
    third rater after); ``n`` random facts of the census (``seed``) are counted apart, as a
    sample of the issue's size. Returns the counts.
    """
    names = documents("reserve")
    _say(f"extracting the {len(names)} reserve documents")
    rows = unique_mentions(document_mentions(names, nlp=nlp, progress=_say))
    labels = store.read_labels()
    stated = reserve_rows(rows, 0, seed, all_stated=True)
    unrated = [row for row in stated if row["key"] not in labels]
    if unrated:
        [name] = hand_out("first", [row["key"] for row in unrated], labels,
                          {row["key"]: row for row in unrated}, size=len(unrated),
                          prefix="reserve")
        store.write_labels(labels)
        _say(f"{len(unrated)} stated reserve facts not rated yet -> "
             f"{write_sheet(out, name, labels)}")

    def counts(chosen: list[dict[str, Any]]) -> dict[str, int]:
        found = Counter(labels[row["key"]].get("label") or "undecided" for row in chosen)
        return {label: found.get(label, 0) for label in ("U", "T", "W", "undecided")}

    drawn = random.Random(seed).sample(stated, min(n, len(stated)))
    return {"stated": len(stated), "census": counts(stated), "sample": counts(drawn),
            "seed": seed}


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", type=Path, default=HERE, metavar="DIR",
                        help="folder of sample.jsonl and labels.jsonl (default: this one)")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    sample = commands.add_parser("sample", parents=[common], help="extract and sample facts")
    sample.add_argument("--rate", type=float, default=DEFAULT_RATE,
                        help=f"share of distinct fit and test facts sampled ({DEFAULT_RATE}); "
                             f"lee's is {PART_RATES['lee']}")
    sheets = commands.add_parser("sheets", parents=[common], help="write rater sheets")
    sheets.add_argument("--slot", choices=SLOTS, help="which rating the sheets collect")
    sheets.add_argument("--size", type=int, default=200, help="items per sheet (about)")
    sheets.add_argument("--out", type=Path, required=True, metavar="DIR")
    sheets.add_argument("--part", action="append", choices=("fit", "test", "lee", "reserve"),
                        help="second and third sheets: facts of these parts (fit, test, lee)")
    sheets.add_argument("--rewrite", metavar="SHEET",
                        help="write an existing sheet (first-03) again instead")
    collect_cmd = commands.add_parser("collect", parents=[common], help="merge a ratings file")
    collect_cmd.add_argument("--rater", required=True, help="the rater's id (ann, rater-07)")
    collect_cmd.add_argument("file", type=Path, metavar="FILE")
    reserve = commands.add_parser("reserve", parents=[common],
                                  help="a blind sheet of stated reserve facts")
    reserve.add_argument("--n", type=int, default=40)
    reserve.add_argument("--seed", type=int, required=True)
    reserve.add_argument("--out", type=Path, required=True, metavar="DIR")
    reserve.add_argument("--census", action="store_true",
                         help="every stated reserve fact: sheet the unrated ones, count all "
                              "and --n of them drawn with --seed")
    report = commands.add_parser("report", parents=[common], help="what the set holds")
    report.add_argument("--json", action="store_true", help="print the report as JSON")
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run one command; 0 on success, 1 on an error (one line on standard error)."""
    args = _parser().parse_args(argv)
    out = stdout or sys.stdout
    store = Store(args.store)
    try:
        if args.command == "sample":
            make_sample(store, rate=args.rate)
        elif args.command == "sheets":
            if args.rewrite:
                _say(f"-> {rewrite_sheet(store, args.rewrite, args.out)}")
            elif args.slot is None:
                raise LabelSetError("sheets needs --slot first|second|third (or --rewrite)")
            else:
                make_sheets(store, args.slot, args.size, args.out,
                            tuple(args.part or LABELLED_PARTS))
        elif args.command == "collect":
            collect(store, args.rater, args.file)
        elif args.command == "reserve" and args.census:
            out.write(json.dumps(reserve_census(store, args.n, args.seed, args.out),
                                 sort_keys=True) + "\n")
        elif args.command == "reserve":
            make_reserve(store, args.n, args.seed, args.out)
        else:
            report = label_report(store.read_labels(), store.read_sample())
            out.write(json.dumps(report, indent=1, sort_keys=True) + "\n" if args.json
                      else format_report(report))
    except (KGError, ValueError) as err:
        _say(f"error: {err}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
