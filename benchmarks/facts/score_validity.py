"""Score the shipped validity model on the ``test`` part of the labelled facts (once), or on lee.

The test part was never used to choose anything (features, penalty, calibration, threshold:
all chosen on ``fit`` by ``fit_validity.py``). This prints only aggregate figures: ROC AUC
right (U or T) vs wrong (W), the reliability table, precision per construction with 95%
Wilson intervals, and, over the facts whose voice allows stating them, what the default
threshold and a range of others state (share, precision with its interval, U facts kept).

Usage::

    python benchmarks/facts/score_validity.py           # the shipped table, on test
    python benchmarks/facts/score_validity.py --json    # the headline figures as JSON
    python benchmarks/facts/score_validity.py --part lee  # the news articles (unfitted)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.facts.validity_data import examples  # noqa: E402
from benchmarks.facts.validity_report import report_lines, summary  # noqa: E402
from extract.validity import TABLE_PATH, load_table, score_features  # noqa: E402
from kg.voice import DEFAULT_MIN_CONFIDENCE  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Print the report of the table (``--table``, the shipped one) on ``--part`` (test)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", type=Path, default=TABLE_PATH, help="weight table to score")
    parser.add_argument("--json", action="store_true", help="print the headline figures as JSON")
    parser.add_argument("--part", choices=("test", "lee"), default="test",
                        help="the part to score (lee: the news articles, while no table is "
                             "fitted on them)")
    args = parser.parse_args(argv)
    table = load_table(args.table)
    threshold = table.get("threshold", DEFAULT_MIN_CONFIDENCE)
    fitted = table["fitted_on"]
    if args.part in fitted["part"].split(" + "):
        print(f"error: the table was fitted on {args.part}; it cannot be scored there",
              file=sys.stderr)
        return 1
    data, _counts = examples((args.part,))
    scores = [score_features(table["weights"], e.features) for e in data]
    if args.json:
        print(json.dumps(summary(data, scores, threshold), sort_keys=True))
        return 0
    print(f"table {args.table.name}: fitted on {fitted['facts']} facts of {fitted['part']} "
          f"({fitted['documents']} documents); CV AUC {table['cv']['auc']}; "
          f"default threshold {threshold} ({table.get('threshold_rule', '?')} rule)")
    for line in report_lines(f"{args.part} part ({len({e.doc for e in data})} documents)", data,
                             scores, threshold):
        print(line)
    head = summary(data, scores, threshold)
    print(f"\nat the default {threshold}: {head['stated']} of {head['voice_allows']} facts the "
          f"voice allows are stated ({head['stated_share']:.1%}); precision "
          f"{head['precision']:.3f} [{head['interval'][0]:.3f}, {head['interval'][1]:.3f}]; "
          f"U kept {head['useful_kept']:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
