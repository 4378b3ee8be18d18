"""The figures a validity model is judged by: ROC AUC, Wilson intervals, reliability tables.

Plain functions over ``(probability, right)`` pairs, so that each can be checked by hand.

>>> auc([0.9, 0.8, 0.3], [True, False, False])
1.0
>>> wilson(8, 10)
(0.49, 0.943)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

__all__ = ["auc", "wilson", "Bin", "reliability", "log_loss", "ThresholdRow", "threshold_table",
           "choose_threshold"]

_Z95 = 1.959963984540054


def auc(scores: Sequence[float], right: Sequence[bool]) -> float:
    """ROC AUC of ``scores`` ranking right above wrong: the chance that a random right item
    scores above a random wrong one, ties counting half (the Mann-Whitney statistic).

    >>> auc([0.5, 0.5], [True, False])
    0.5
    >>> auc([0.1, 0.4, 0.35, 0.8], [False, False, True, True])
    0.75

    Raises:
        ValueError: One of the two classes is empty (AUC is undefined).
    """
    if len(scores) != len(right):
        raise ValueError(f"{len(scores)} scores but {len(right)} labels")
    positives = sum(1 for r in right if r)
    negatives = len(right) - positives
    if positives == 0 or negatives == 0:
        raise ValueError("AUC needs at least one right and one wrong item")
    order = sorted(range(len(scores)), key=lambda n: scores[n])
    rank_sum = 0.0
    n = 0
    while n < len(order):  # average ranks over ties
        end = n
        while end + 1 < len(order) and scores[order[end + 1]] == scores[order[n]]:
            end += 1
        mean_rank = (n + end) / 2 + 1
        rank_sum += mean_rank * sum(1 for k in range(n, end + 1) if right[order[k]])
        n = end + 1
    return round((rank_sum - positives * (positives + 1) / 2) / (positives * negatives), 4)


def wilson(successes: int, n: int, z: float = _Z95) -> tuple[float, float]:
    """The Wilson score interval of a proportion (95% by default), rounded to 3 places.

    >>> wilson(0, 0)
    (0.0, 1.0)
    >>> wilson(10, 10)
    (0.722, 1.0)
    """
    if n == 0:
        return 0.0, 1.0
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return round(max(0.0, centre - half), 3), round(min(1.0, centre + half), 3)


@dataclass(frozen=True)
class Bin:
    """One row of a reliability table: items whose probability fell in ``[low, high)``."""

    low: float
    high: float
    n: int
    predicted: float
    observed: float


def reliability(scores: Sequence[float], right: Sequence[bool], bins: int = 10) -> list[Bin]:
    """Predicted against observed share of right items, in ``bins`` equal-width bins of
    probability (the deciles [0, 0.1), ..., [0.9, 1.0]); empty bins are left out.

    >>> [(b.low, b.n, b.predicted, b.observed) for b in reliability([0.05, 0.15, 0.95, 0.91],
    ...                                                              [False, True, True, False])]
    [(0.0, 1, 0.05, 0.0), (0.1, 1, 0.15, 1.0), (0.9, 2, 0.93, 0.5)]
    """
    rows: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for score, ok in zip(scores, right):
        rows[min(bins - 1, int(score * bins))].append((score, ok))
    out = []
    for k, members in enumerate(rows):
        if members:
            out.append(Bin(round(k / bins, 3), round((k + 1) / bins, 3), len(members),
                           round(sum(s for s, _ in members) / len(members), 3),
                           round(sum(1 for _, ok in members if ok) / len(members), 3)))
    return out


def log_loss(scores: Sequence[float], right: Sequence[bool]) -> float:
    """Mean negative log-likelihood of the labels under ``scores`` (clipped away from 0, 1).

    >>> log_loss([0.5, 0.5], [True, False])
    0.6931
    """
    total = 0.0
    for score, ok in zip(scores, right):
        p = min(max(score, 1e-6), 1 - 1e-6)
        total -= math.log(p if ok else 1 - p)
    return round(total / len(scores), 4)


@dataclass(frozen=True)
class ThresholdRow:
    """What a threshold states among the facts whose voice allows it.

    Attributes:
        threshold: Facts with probability at least this are stated.
        stated: How many are stated; ``share``: as a share of the facts the voice allows.
        right: How many stated facts are right; ``precision`` with its Wilson interval.
        useful_kept: Share of the right-and-useful (U) facts the voice allows that are stated.
    """

    threshold: float
    stated: int
    share: float
    right: int
    precision: float
    interval: tuple[float, float]
    useful_kept: float


def threshold_table(scores: Sequence[float], labels: Sequence[str],
                    thresholds: Sequence[float]) -> list[ThresholdRow]:
    """One :class:`ThresholdRow` per threshold over facts labelled U, T or W.

    >>> row = threshold_table([0.9, 0.8, 0.2], ["U", "W", "U"], [0.5])[0]
    >>> row.stated, row.right, row.precision, row.useful_kept
    (2, 1, 0.5, 0.5)
    """
    useful = sum(1 for label in labels if label == "U")
    out = []
    for t in thresholds:
        kept = [label for score, label in zip(scores, labels) if score >= t]
        right = sum(1 for label in kept if label != "W")
        out.append(ThresholdRow(
            t, len(kept), round(len(kept) / len(labels), 3) if labels else 0.0, right,
            round(right / len(kept), 3) if kept else 1.0, wilson(right, len(kept)),
            round(sum(1 for label in kept if label == "U") / useful, 3) if useful else 0.0))
    return out


def choose_threshold(scores: Sequence[float], labels: Sequence[str], *, precision: float,
                     minimum: int, useful: float, step: float = 0.01
                     ) -> tuple[float | None, float | None]:
    """Two thresholds on a grid of ``step``: the precision-first one and the fallback.

    The first is the lowest threshold at which the stated facts (scored at or above it) are
    right at ``precision`` or more, and stay so at every higher threshold that states at
    least ``minimum`` facts (so a lucky dip is never chosen), provided it still states
    ``useful`` of the U facts: a threshold that is precise only in the last few facts of the
    tail, keeping next to none of the useful ones, meets one goal by giving up the other.
    None when there is none. The second is the highest threshold that still states
    ``useful`` of the U facts; None when even 0 does not.

    >>> choose_threshold([0.95, 0.85, 0.75, 0.65], ["U", "T", "W", "U"], precision=0.9,
    ...                  minimum=1, useful=0.5, step=0.1)
    (0.8, 0.9)
    >>> choose_threshold([0.95, 0.85, 0.75, 0.65], ["U", "T", "W", "U"], precision=0.9,
    ...                  minimum=1, useful=0.9, step=0.1)
    (None, 0.6)
    """
    grid = [round(k * step, 6) for k in range(int(round(1 / step)) + 1)]
    rows = threshold_table(scores, labels, grid)
    precise = None
    for row in reversed(rows):
        if row.stated < minimum:
            continue
        if row.precision < precision:
            break
        precise = row.threshold
    if precise is not None and rows[int(round(precise / step))].useful_kept < useful:
        precise = None
    fallback = next((row.threshold for row in reversed(rows) if row.useful_kept >= useful), None)
    return precise, fallback
