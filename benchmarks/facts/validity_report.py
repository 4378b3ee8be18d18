"""Printed figures of the validity model on a set of labelled mentions (fit CV or test).

Only aggregates: AUC, a reliability table, precision per construction, and what thresholds
state. Shared by ``fit_validity.py`` (cross-validated predictions on ``fit``) and
``score_validity.py`` (the shipped table on ``test``).
"""

from __future__ import annotations

from typing import Sequence

from benchmarks.facts.metrics import auc, log_loss, reliability, threshold_table, wilson
from benchmarks.facts.validity_data import Example

__all__ = ["THRESHOLDS", "summary", "report_lines"]

#: The thresholds of the printed trade-off curve.
THRESHOLDS: tuple[float, ...] = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def summary(examples: Sequence[Example], scores: Sequence[float],
            threshold: float) -> dict[str, object]:
    """The headline figures: AUC, log-loss, and what ``threshold`` states (as a dict)."""
    right = [e.right for e in examples]
    voiced = [(s, e.label) for s, e in zip(scores, examples) if e.stated_voice]
    row = threshold_table([s for s, _ in voiced], [lab for _, lab in voiced], [threshold])[0]
    return {"n": len(examples), "auc": auc(scores, right), "log_loss": log_loss(scores, right),
            "voice_allows": len(voiced), "threshold": threshold, "stated": row.stated,
            "stated_share": row.share, "precision": row.precision,
            "interval": list(row.interval), "useful_kept": row.useful_kept}


def report_lines(title: str, examples: Sequence[Example], scores: Sequence[float],
                 threshold: float, thresholds: Sequence[float] = THRESHOLDS) -> list[str]:
    """The full printed report of ``scores`` on ``examples``."""
    right = [e.right for e in examples]
    counts = {lab: sum(1 for e in examples if e.label == lab) for lab in "UTW"}
    lines = [f"== {title}: {len(examples)} facts (U / T / W = {counts['U']} / {counts['T']} / "
             f"{counts['W']}); ROC AUC right vs wrong {auc(scores, right):.3f}; "
             f"log-loss {log_loss(scores, right):.3f}", "",
             "reliability (probability bins):", "  bin         n  predicted  observed"]
    for b in reliability(scores, right):
        lines.append(f"  {b.low:.1f}-{b.high:.1f}  {b.n:>5}  {b.predicted:>9.3f}  "
                     f"{b.observed:>8.3f}")
    lines += ["", "precision (U+T share) by construction, 95% Wilson interval:",
              "  construction      n  right  precision  interval       mean p"]
    for cons in sorted({e.construction for e in examples}):
        members = [(s, e) for s, e in zip(scores, examples) if e.construction == cons]
        ok = sum(1 for _, e in members if e.right)
        low, high = wilson(ok, len(members))
        mean = sum(s for s, _ in members) / len(members)
        lines.append(f"  {cons:<14} {len(members):>4}  {ok:>5}  {ok / len(members):>9.3f}  "
                     f"[{low:.3f}, {high:.3f}]  {mean:.3f}")
    voiced = [(s, e.label) for s, e in zip(scores, examples) if e.stated_voice]
    lines += ["", f"thresholds over the {len(voiced)} facts whose voice allows stating them "
              f"(U kept: share of their U facts stated):",
              "  threshold  stated  share  precision  interval        U kept"]
    chosen = sorted({*thresholds, threshold})
    for row in threshold_table([s for s, _ in voiced], [lab for _, lab in voiced], chosen):
        mark = "  <- default" if row.threshold == threshold else ""
        lines.append(f"  {row.threshold:>9.3f}  {row.stated:>6}  {row.share:>5.3f}  "
                     f"{row.precision:>9.3f}  [{row.interval[0]:.3f}, {row.interval[1]:.3f}]  "
                     f"{row.useful_kept:>6.3f}{mark}")
    return lines
