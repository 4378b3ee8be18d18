"""Our implementation of the CaRB metric ("binary lenient tuple match").

CaRB (Bhardwaj, Aggarwal and Mausam, EMNLP 2019) scores Open IE tuples against crowdsourced
gold tuples word by word. The metric as implemented here (see ``benchmarks/carb/data`` and the
shared data README for the prose description):

* **Pair score.** Gold and predicted tuples are reduced to two arguments: ``arg1`` and all later
  arguments joined by spaces. Words are whitespace tokens compared exactly (case-sensitive,
  stop words and punctuation count). A pair scores ``(0, 0)`` unless the relations share a
  word (a multiset intersection; a predicted ``be`` left over also matches any form of "be" in
  the gold relation) and the prediction fills every gold argument slot. Otherwise precision is
  matched words over predicted words and recall matched words over gold words, matched slot by
  slot (relation with relation, ``arg1`` with ``arg1``, rest with rest). Predicted words are
  only counted in slots the gold tuple has, as in the original scorer. When the gold relation
  contains "said", "told", "added", "adds" or "says" (as a substring, as the original does),
  the prediction is also tried with its two arguments swapped and the larger
  ``(precision, recall)`` pair is kept.
* **Per sentence and threshold.** Every distinct confidence is a threshold; a prediction is
  kept when its confidence is at least the threshold. Recall sums, over gold tuples, the best
  recall of any kept prediction. Precision greedily pairs gold and kept predictions one to one,
  taking the highest-precision unused pair ``min(#gold, #kept)`` times (ties go to the earliest
  gold tuple, then the earliest prediction), and sums those precisions.
* **Corpus.** Numerators and denominators (kept predictions; gold tuples) are summed over the
  sentences that have gold. Sentences are matched on a key with spaces and ASCII punctuation
  removed and ``-LRB-``-style escapes undone. A threshold keeping nothing has precision 1. The
  reported point is the best-F1 threshold (the lowest one on ties); the AUC is the trapezoid
  area under the (recall, precision) points with ``(0, 1)`` added, without interpolation.

Reproduces the original scorer's figures on the CaRB dev split to three decimals
(``tests/benchmarks/test_carb_scorer.py``).
"""

from __future__ import annotations

import re
import string
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Iterable, Mapping, Sequence

__all__ = [
    "PTB_ESCAPES",
    "CarbTuple",
    "CurvePoint",
    "CarbScore",
    "sentence_key",
    "parse_gold_line",
    "parse_prediction_line",
    "load_gold",
    "load_predictions",
    "read_predictions",
    "match",
    "score",
    "score_files",
]

#: Forms of "be" a predicted ``be`` may match in a gold relation.
_BE_FORMS: tuple[str, ...] = ("be", "is", "am", "are", "was", "were", "been", "being")

#: Gold relations containing one of these try the prediction with its arguments swapped too.
_SAID_VERBS: tuple[str, ...] = ("said", "told", "added", "adds", "says")

#: Prefix of a gold context argument, which scoring ignores.
_CONTEXT_PREFIX = "C: "

#: Penn Treebank bracket escapes and the brackets they stand for, undone before sentences are
#: matched (the benchmarks' one copy of ``extract.carb.PTB_ESCAPES``; this module loads no spaCy).
PTB_ESCAPES: dict[str, str] = {
    "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
}

_PUNCT = re.compile(f"[{re.escape(string.punctuation)}]")


@dataclass(frozen=True, slots=True)
class CarbTuple:
    """One Open IE tuple: a relation and its arguments, with a confidence.

    Attributes:
        relation: The relation phrase, words separated by spaces.
        args: Argument phrases in order (``arg1``, ``arg2``, further arguments).
        confidence: The system's confidence; gold tuples have 1.0.
    """

    relation: str
    args: tuple[str, ...]
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class CurvePoint:
    """Precision and recall of the kept predictions at one confidence threshold."""

    threshold: float
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0 when both are 0)."""
        return _f1(self.precision, self.recall)


@dataclass(frozen=True, slots=True)
class CarbScore:
    """The CaRB figures of one system output.

    Attributes:
        auc: Area under the (recall, precision) curve with (0, 1) added.
        precision: Precision at the best-F1 threshold.
        recall: Recall at the best-F1 threshold.
        f1: The best F1 over thresholds.
        threshold: The confidence threshold of the best-F1 point (None without predictions).
        curve: One point per distinct confidence, in increasing threshold order.
    """

    auc: float
    precision: float
    recall: float
    f1: float
    threshold: float | None = None
    curve: tuple[CurvePoint, ...] = field(default=(), repr=False)

    def rounded(self, digits: int = 3) -> tuple[float, float, float, float]:
        """``(auc, precision, recall, f1)`` rounded as the CaRB paper reports them."""
        return tuple(round(x, digits) for x in (self.auc, self.precision, self.recall, self.f1))


def sentence_key(sentence: str) -> str:
    """The key sentences are matched on: no spaces, PTB escapes undone, no ASCII punctuation.

    >>> sentence_key("He said -LRB- twice -RRB- , `` no '' .")
    'Hesaidtwiceno'
    """
    key = sentence.replace(" ", "")
    for escape, bracket in PTB_ESCAPES.items():
        key = key.replace(escape, bracket)
    return _PUNCT.sub("", key)


def parse_gold_line(line: str) -> tuple[str, CarbTuple]:
    """Parse ``sentence \\t relation \\t arg1 \\t arg2 ...``; context (``C: ``) args are dropped.

    The line is stripped before it is split, so trailing empty arguments are not slots (as in
    the original gold reader; this matters for precision, which only counts predicted words
    in the slots the gold tuple has).

    >>> parse_gold_line("Bob left Paris .\\tleft\\tBob\\tParis\\tC: in 1990")
    ('Bob left Paris .', CarbTuple(relation='left', args=('Bob', 'Paris'), confidence=1.0))
    """
    fields = line.strip().split("\t")
    if len(fields) < 2:
        raise ValueError(f"A gold line needs a sentence and a relation: {line!r}")
    args = tuple(a.strip() for a in fields[2:] if not a.strip().startswith(_CONTEXT_PREFIX))
    return fields[0].strip(), CarbTuple(fields[1].strip(), args)


def parse_prediction_line(line: str) -> tuple[str, CarbTuple]:
    """Parse ``sentence \\t confidence \\t relation \\t arg1 \\t arg2 ...``.

    >>> parse_prediction_line("Bob left Paris .\\t0.5\\tleft\\tBob\\tParis\\n")
    ('Bob left Paris .', CarbTuple(relation='left', args=('Bob', 'Paris'), confidence=0.5))
    """
    fields = line.strip().split("\t")
    if len(fields) < 3:
        raise ValueError(f"A prediction line needs sentence, confidence and relation: {line!r}")
    try:
        confidence = float(fields[1])
    except ValueError as err:
        raise ValueError(f"Bad confidence {fields[1]!r} in prediction line {line!r}") from err
    return fields[0], CarbTuple(fields[2], tuple(fields[3:]), confidence)


def _group(pairs: Iterable[tuple[str, CarbTuple]]) -> dict[str, list[CarbTuple]]:
    grouped: dict[str, list[CarbTuple]] = defaultdict(list)
    for sentence, tup in pairs:
        grouped[sentence].append(tup)
    return dict(grouped)


def load_gold(path: str | PathLike[str]) -> dict[str, list[CarbTuple]]:
    """Read a gold file into ``{sentence: [tuples]}`` (sentence as written, stripped)."""
    with Path(path).open(encoding="utf-8") as fh:
        return _group(parse_gold_line(line) for line in fh if line.strip())


def read_predictions(lines: Iterable[str]) -> dict[str, list[CarbTuple]]:
    """Group CaRB tabbed lines (a system's output) into ``{sentence: [tuples]}``.

    >>> read_predictions(["Bob left .\\t1.0\\tleft\\tBob\\t", ""])
    {'Bob left .': [CarbTuple(relation='left', args=('Bob',), confidence=1.0)]}
    """
    return _group(parse_prediction_line(line) for line in lines if line.strip())


def load_predictions(path: str | PathLike[str]) -> dict[str, list[CarbTuple]]:
    """Read a system output in CaRB's tabbed format into ``{sentence: [tuples]}``."""
    with Path(path).open(encoding="utf-8") as fh:
        return read_predictions(fh)


def _binary(args: Sequence[str]) -> list[list[str]]:
    """Split into word lists of ``arg1`` and the rest joined (fewer when fewer args)."""
    if len(args) >= 2:
        return [args[0].split(), " ".join(args[1:]).split()]
    return [a.split() for a in args]


def _overlap(gold_words: Sequence[str], predicted_words: Sequence[str]) -> int:
    """Words in common, counted with multiplicity."""
    return sum((Counter(gold_words) & Counter(predicted_words)).values())


def _lenient(
    gold_rel: list[str], gold_args: list[list[str]], pred_rel: list[str], pred_args: list[list[str]]
) -> tuple[float, float]:
    left = Counter(pred_rel)
    matched = 0
    for word in gold_rel:
        if left[word] > 0:
            left[word] -= 1
            matched += 1
    if left["be"] > 0 and any(form in gold_rel for form in _BE_FORMS):
        matched += 1
    if matched == 0:
        return (0.0, 0.0)
    p_num = r_num = matched
    p_den, r_den = len(pred_rel), len(gold_rel)
    for i, gold_words in enumerate(gold_args):
        r_den += len(gold_words)
        if i >= len(pred_args):
            return (0.0, 0.0)
        p_den += len(pred_args[i])
        common = _overlap(gold_words, pred_args[i])
        p_num += common
        r_num += common
    return (p_num / p_den if p_den else 0.0, r_num / r_den if r_den else 0.0)


def match(gold: CarbTuple, predicted: CarbTuple) -> tuple[float, float]:
    """Score one predicted tuple against one gold tuple: ``(precision, recall)``.

    >>> gold = CarbTuple("was born in", ("Obama", "Hawaii"))
    >>> match(gold, CarbTuple("born in", ("Obama", "Hawaii")))
    (1.0, 0.8)
    >>> match(CarbTuple("is", ("Bush", "President")), CarbTuple("be", ("Bush", "President")))
    (1.0, 1.0)
    """
    gold_rel, gold_args = gold.relation.split(), _binary(gold.args)
    pred_rel, pred_args = predicted.relation.split(), _binary(predicted.args)
    straight = _lenient(gold_rel, gold_args, pred_rel, pred_args)
    if len(pred_args) < 2 or not any(verb in gold.relation for verb in _SAID_VERBS):
        return straight
    swapped = _lenient(gold_rel, gold_args, pred_rel, [pred_args[1], pred_args[0]])
    return max(straight, swapped)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _by_key(tuples: Mapping[str, list[CarbTuple]]) -> dict[str, list[CarbTuple]]:
    keyed: dict[str, list[CarbTuple]] = defaultdict(list)
    for sentence, items in tuples.items():
        keyed[sentence_key(sentence)].extend(items)
    return dict(keyed)


def _greedy_precision(pairs: list[tuple[float, int, int]], kept: set[int], n_gold: int) -> float:
    """Sum of precisions of a greedy one-to-one pairing; ``pairs`` sorted best first."""
    todo = min(n_gold, len(kept))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    total = 0.0
    for neg_precision, i, j in pairs:
        if todo == 0:
            break
        if j in kept and i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            total -= neg_precision
            todo -= 1
    return total


def score(
    gold: Mapping[str, list[CarbTuple]], predictions: Mapping[str, list[CarbTuple]]
) -> CarbScore:
    """Score system predictions against gold tuples with CaRB's binary lenient tuple match.

    Args:
        gold: ``{sentence: gold tuples}``, as from :func:`load_gold`.
        predictions: ``{sentence: predicted tuples}``, as from :func:`load_predictions`.
            Sentences without gold are ignored.

    Returns:
        AUC, and precision, recall and F1 at the best-F1 threshold, with the whole curve.

    >>> gold = {"Bob left Paris .": [CarbTuple("left", ("Bob", "Paris"))]}
    >>> predictions = {"Bob left Paris .": [CarbTuple("left", ("Bob", "Paris"), 0.9),
    ...                                     CarbTuple("left", ("Paris", "Bob"), 0.2)]}
    >>> score(gold, predictions).rounded()
    (1.0, 1.0, 1.0, 1.0)
    """
    gold_by_key = _by_key(gold)
    pred_by_key = _by_key(predictions)
    thresholds = sorted({t.confidence for items in pred_by_key.values() for t in items})
    if not thresholds:
        return CarbScore(0.0, 0.0, 0.0, 0.0)
    index = {c: k for k, c in enumerate(thresholds)}
    n = len(thresholds)
    # Difference arrays over threshold indices: a sentence adds its figures for the kept set
    # at its own confidence c to every threshold in (previous own confidence, c].
    p_num = [0.0] * (n + 1)
    p_den = [0] * (n + 1)
    r_num = [0.0] * (n + 1)
    r_den = 0

    for key, gold_tuples in gold_by_key.items():
        r_den += len(gold_tuples)
        preds = pred_by_key.get(key, [])
        if not preds:
            continue
        scores = [[match(g, p) for p in preds] for g in gold_tuples]
        pairs = sorted(
            (-scores[i][j][0], i, j) for i in range(len(gold_tuples)) for j in range(len(preds))
        )
        lo = 0
        for conf in sorted({p.confidence for p in preds}):
            kept = {j for j, p in enumerate(preds) if p.confidence >= conf}
            recall = sum(max(row[j][1] for j in kept) for row in scores)
            precision = _greedy_precision(pairs, kept, len(gold_tuples))
            hi = index[conf] + 1
            for arr, value in ((p_num, precision), (p_den, len(kept)), (r_num, recall)):
                arr[lo] += value
                arr[hi] -= value
            lo = hi

    curve: list[CurvePoint] = []
    acc_p = acc_pd = acc_r = 0.0
    for k, threshold in enumerate(thresholds):
        acc_p += p_num[k]
        acc_pd += p_den[k]
        acc_r += r_num[k]
        precision = acc_p / acc_pd if acc_pd > 0 else 1.0
        recall = acc_r / r_den if r_den > 0 else 0.0
        curve.append(CurvePoint(threshold, precision, recall))

    best = max(range(n), key=lambda k: (curve[k].f1, -k))
    return CarbScore(
        auc=_auc(curve),
        precision=curve[best].precision,
        recall=curve[best].recall,
        f1=curve[best].f1,
        threshold=curve[best].threshold,
        curve=tuple(curve),
    )


def _auc(curve: Sequence[CurvePoint]) -> float:
    """Trapezoid area under (recall, precision), thresholds ascending, with (0, 1) appended."""
    xs = [pt.recall for pt in curve] + [0.0]
    ys = [pt.precision for pt in curve] + [1.0]
    area = sum((xs[k] - xs[k + 1]) * (ys[k] + ys[k + 1]) / 2 for k in range(len(xs) - 1))
    return area


def score_files(gold_path: str | PathLike[str], predictions_path: str | PathLike[str]) -> CarbScore:
    """Load a gold file and a system output and :func:`score` them."""
    return score(load_gold(gold_path), load_predictions(predictions_path))
