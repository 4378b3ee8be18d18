"""Run the extractor over the CaRB dev sentences, score it, and print it next to the references.

Usage (from the repository root)::

    .venv/bin/python benchmarks/carb/evaluate.py                    # extract, write, score
    .venv/bin/python benchmarks/carb/evaluate.py --output-only      # rescore the last output
    .venv/bin/python benchmarks/carb/evaluate.py --predictions F    # score any CaRB-format file

Extraction writes ``out/carb_dev_output.tsv`` (``--output``). The table shows AUC, P, R and F1
from our scorer (:mod:`benchmarks.carb.scorer`) for our output and for the two reference outputs
shipped with the data (OpenIE-5 and a naive spaCy extractor), scored the same way. The speed line
compares the time spent parsing with spaCy against the time spent in the extraction rules (and
output formatting): the goal is extraction under 10% of parse time.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Iterator, Sequence, TextIO

if importlib.util.find_spec("benchmarks") is None:  # run as a script, not from the repo root
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.carb.scorer import (  # noqa: E402
    CarbScore,
    load_gold,
    load_predictions,
    read_predictions,
    score,
)
from kg.errors import KGError  # noqa: E402

__all__ = [
    "DATA",
    "DEFAULT_OUTPUT",
    "REFERENCES",
    "RunStats",
    "run_extractor",
    "score_file",
    "format_report",
    "main",
]

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
DEFAULT_OUTPUT = ROOT / "out" / "carb_dev_output.tsv"

#: Reference system outputs shipped with the dev split: (display name, file name).
REFERENCES: tuple[tuple[str, str], ...] = (
    ("OpenIE-5 (reference output)", "dev_openie5_output.tsv"),
    ("naive spaCy (reference output)", "dev_naive_spacy_output.tsv"),
)


@dataclass(frozen=True, slots=True)
class RunStats:
    """What one extraction run did and how long its two stages took.

    Attributes:
        sentences: Sentences parsed.
        words: Tokens parsed.
        tuples: Lines written.
        parse_seconds: Time inside spaCy (``nlp.pipe``), model loading excluded.
        extract_seconds: Time inside the extraction rules and CaRB formatting.
    """

    sentences: int
    words: int
    tuples: int
    parse_seconds: float
    extract_seconds: float

    @property
    def overhead(self) -> float:
        """Extraction time as a fraction of parse time."""
        return self.extract_seconds / self.parse_seconds if self.parse_seconds else 0.0


def _timed(items: Iterator, clock: list[float]) -> Iterator:
    """Yield from ``items``, adding the time spent producing each item to ``clock[0]``."""
    while True:
        start = time.perf_counter()
        try:
            item = next(items)
        except StopIteration:
            clock[0] += time.perf_counter() - start
            return
        clock[0] += time.perf_counter() - start
        yield item


def run_extractor(
    sentences_path: str | PathLike[str],
    output_path: str | PathLike[str],
    *,
    model: str | None = None,
    extractor: str | None = None,
    batch_size: int = 64,
) -> tuple[RunStats, list[str]]:
    """Extract from a tokenised sentence file into a CaRB-format file, timing parse and rules.

    Args:
        sentences_path: One tokenised sentence a line.
        output_path: Where the CaRB lines go (folders are created).
        model: spaCy pipeline name; the default English one when None.
        extractor: Registered extractor name; ``extract.carb.CARB_EXTRACTOR`` when None.
        batch_size: Sentences per ``nlp.pipe`` batch.

    Returns:
        The run's figures and the CaRB lines written (score these rather than re-reading the
        file, which a concurrent run may have replaced).
    """
    from extract.carb import CARB_EXTRACTOR, doc_carb_lines, parse_tokenised
    from extract.pipeline import load_nlp
    from extract.registry import get_extractor

    rule = get_extractor(extractor or CARB_EXTRACTOR)
    nlp = load_nlp(model)
    nlp("Warm up the pipeline .")
    parse_clock, extract_clock = [0.0], [0.0]
    sentences = words = 0
    written: list[str] = []
    with Path(sentences_path).open(encoding="utf-8") as src:
        pairs = _timed(parse_tokenised(src, nlp, batch_size=batch_size), parse_clock)
        for n, (line, doc) in enumerate(pairs, start=1):
            sentences += 1
            words += len(doc)
            carb = doc_carb_lines(line, doc, extractor=rule, document=f"line {n}")
            written.extend(_timed(carb, extract_clock))
    # Write whole, then rename, so a concurrent reader never scores half a file.
    output = Path(output_path)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.{os.getpid()}.partial")
    partial.write_text("".join(f"{line}\n" for line in written), encoding="utf-8")
    partial.replace(output)
    tuples = len(written)
    return RunStats(sentences, words, tuples, parse_clock[0], extract_clock[0]), written


def score_file(
    predictions_path: str | PathLike[str], gold_path: str | PathLike[str] = DATA / "dev_gold.tsv"
) -> CarbScore:
    """Score a CaRB-format file against the gold tuples with our scorer."""
    return score(load_gold(gold_path), load_predictions(predictions_path))


def format_report(rows: Sequence[tuple[str, CarbScore]], stats: RunStats | None = None) -> str:
    """The results table (and the speed line when ``stats`` is given), as printed."""
    width = max(len(name) for name, _ in rows)
    lines = [f"{'CaRB dev, our scorer':<{width}}    AUC      P      R     F1"]
    for name, result in rows:
        auc, p, r, f1 = result.rounded(3)
        lines.append(f"{name:<{width}}  {auc:5.3f}  {p:5.3f}  {r:5.3f}  {f1:5.3f}")
    if stats is not None:
        parse_rate = stats.words / stats.parse_seconds if stats.parse_seconds else float("inf")
        rule_rate = stats.words / stats.extract_seconds if stats.extract_seconds else float("inf")
        verdict = "ok" if stats.overhead < 0.10 else "over the 10% goal"
        lines += [
            "",
            f"{stats.sentences} sentences, {stats.words} words, {stats.tuples} tuples written",
            f"parse:      {stats.parse_seconds:7.2f} s  {parse_rate:10.0f} words/s",
            f"extraction: {stats.extract_seconds:7.2f} s  {rule_rate:10.0f} words/s",
            f"extraction / parse time: {stats.overhead:.1%} ({verdict}; goal < 10%)",
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Command line entry point; returns the exit code."""
    stdout = stdout or sys.stdout
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=Path, default=DATA / "dev_sentences.txt",
                        help="tokenised sentences, one a line (default: the dev split)")
    parser.add_argument("--gold", type=Path, default=DATA / "dev_gold.tsv",
                        help="gold tuples (default: the dev split)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                        help=f"where extraction writes its CaRB lines (default: {DEFAULT_OUTPUT})")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--output-only", action="store_true",
                       help="do not extract: score the existing --output file")
    group.add_argument("--predictions", type=Path, metavar="FILE",
                       help="do not extract: score this CaRB-format file")
    parser.add_argument("--model", help="spaCy pipeline (default: the installed English one)")
    parser.add_argument("--extractor",
                        help="registered extractor name (default: extract.carb.CARB_EXTRACTOR)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--no-references", action="store_true",
                        help="do not score the reference outputs")
    args = parser.parse_args(argv)
    try:
        return _run(args, stdout)
    except (ValueError, OSError, KGError) as err:  # bad file, unknown extractor, no model
        print(f"error: {err}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace, stdout: TextIO) -> int:
    stats = None
    gold = load_gold(args.gold)
    if args.predictions is not None or args.output_only:
        predictions = args.predictions or args.output
        if not predictions.is_file():
            print(f"error: no such predictions file: {predictions}", file=sys.stderr)
            return 2
        rows = [(f"kg ({predictions.name})", score(gold, load_predictions(predictions)))]
    else:
        from extract.carb import CARB_EXTRACTOR

        stats, written = run_extractor(args.sentences, args.output, model=args.model,
                                       extractor=args.extractor, batch_size=args.batch_size)
        name = f"kg ({args.extractor or CARB_EXTRACTOR})"
        rows = [(name, score(gold, read_predictions(written)))]
    if not args.no_references:
        rows += [(label, score(gold, load_predictions(DATA / fn))) for label, fn in REFERENCES]
    print(format_report(rows, stats), file=stdout)
    if stats is not None:
        print(f"\noutput: {args.output}", file=stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
