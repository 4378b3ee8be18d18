"""Our CaRB scorer: the reference figures on the dev split, and the matching rules by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.carb.scorer import (
    CarbTuple,
    load_gold,
    load_predictions,
    match,
    parse_gold_line,
    parse_prediction_line,
    score,
    sentence_key,
)
DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "carb" / "data"

SENT = "Bob left Paris in 1990 ."


@pytest.fixture(scope="module")
def dev_gold():
    return load_gold(DATA / "dev_gold.tsv")


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("dev_openie5_output.tsv", (0.240, 0.526, 0.406, 0.458)),
        ("dev_naive_spacy_output.tsv", (0.260, 0.592, 0.327, 0.421)),
    ],
)
def test_score_reproduces_reference_rows(dev_gold, output, expected):
    result = score(dev_gold, load_predictions(DATA / output))
    assert result.rounded(3) == expected


def test_load_gold_counts_dev_sentences(dev_gold):
    assert len({sentence_key(s) for s in dev_gold}) == 638
    assert sum(len(v) for v in dev_gold.values()) == 2548
    assert not any(a.startswith("C: ") for v in dev_gold.values() for t in v for a in t.args)


def test_parse_gold_line_drops_context_args():
    sentence, gold = parse_gold_line(f"{SENT}\tleft\tBob\tC: in 1990\tParis\n")
    assert sentence == SENT
    assert gold.args == ("Bob", "Paris")


def test_parse_gold_line_trailing_empty_arg_is_no_slot():
    _, gold = parse_gold_line(f"{SENT}\tleft\tBob\t\n")
    assert gold.args == ("Bob",)


def test_parse_prediction_line_reads_confidence_and_args():
    sentence, pred = parse_prediction_line(f"{SENT}\t0.25\tleft\tBob\tParis\tin 1990\n")
    assert (sentence, pred.confidence, pred.relation) == (SENT, 0.25, "left")
    assert pred.args == ("Bob", "Paris", "in 1990")


def test_parse_prediction_line_rejects_bad_confidence():
    with pytest.raises(ValueError, match="'high'"):
        parse_prediction_line(f"{SENT}\thigh\tleft\tBob\tParis")


def test_context_args_do_not_change_score():
    plain = {SENT: [parse_gold_line(f"{SENT}\tleft\tBob\tParis")[1]]}
    with_context = {SENT: [parse_gold_line(f"{SENT}\tleft\tBob\tParis\tC: in 1990")[1]]}
    predictions = {SENT: [CarbTuple("left", ("Bob", "Paris"), 0.7)]}
    assert score(plain, predictions) == score(with_context, predictions)


def t(relation: str, *args: str) -> CarbTuple:
    return CarbTuple(relation, args)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        # exact match
        (t("left", "Bob", "Paris"), t("left", "Bob", "Paris"), (1.0, 1.0)),
        # a predicted "be" matches a form of "be" in the gold relation
        (t("is", "Bush", "President"), t("be", "Bush", "President"), (1.0, 1.0)),
        (t("was born in", "Obama", "Hawaii"), t("be born in", "Obama", "Hawaii"), (1.0, 1.0)),
        # ... but "be" does not match a relation without a form of "be"
        (t("left", "Bob", "Paris"), t("be", "Bob", "Paris"), (0.0, 0.0)),
        # relations must share a word
        (t("left", "Bob", "Paris"), t("quit", "Bob", "Paris"), (0.0, 0.0)),
        # every gold slot needs a predicted argument
        (t("left", "Bob", "Paris"), t("left", "Bob"), (0.0, 0.0)),
        # case-sensitive words, counted with multiplicity
        (t("left", "Bob", "Paris"), t("left", "bob", "Paris Paris"), (0.5, 2 / 3)),
        # further arguments are joined into the second slot
        (t("left", "Bob", "Paris", "in 1990"), t("left", "Bob", "Paris in 1990"), (1.0, 1.0)),
        # predicted words beyond the gold slots are not counted
        (t("left", "Bob"), t("left", "Bob", "Paris"), (1.0, 1.0)),
        # no argument swap for ordinary relations
        (t("left", "Bob", "Paris"), t("left", "Paris", "Bob"), (1 / 3, 1 / 3)),
        # said-type relations also try the prediction with its arguments swapped
        (t("said", "Bob", "he left"), t("said", "he left", "Bob"), (1.0, 1.0)),
        (t("has told", "Bob", "Ann"), t("told", "Ann", "Bob"), (1.0, 0.75)),
    ],
)
def test_match_rules(gold, predicted, expected):
    assert match(gold, predicted) == pytest.approx(expected)


def test_sentence_key_undoes_escapes_and_punctuation():
    assert sentence_key("Bob -LRB- 30 -RRB- left .") == sentence_key("Bob (30) left")


def test_score_matches_sentences_by_key():
    gold = {"Bob ( 30 ) left .": [CarbTuple("left", ("Bob", "home"))]}
    predictions = {"Bob -LRB- 30 -RRB- left .": [CarbTuple("left", ("Bob", "home"), 0.5)]}
    assert score(gold, predictions).rounded() == (1.0, 1.0, 1.0, 1.0)


def test_score_threshold_keeping_nothing_has_precision_one():
    gold = {SENT: [CarbTuple("left", ("Bob", "Paris"))]}
    predictions = {
        SENT: [CarbTuple("left", ("Bob", "Paris"), 0.5)],
        "A sentence without gold .": [CarbTuple("be", ("A", "sentence"), 0.9)],
    }
    curve = score(gold, predictions).curve
    points = [(p.threshold, p.precision, p.recall) for p in curve]
    assert points == [(0.5, 1.0, 1.0), (0.9, 1.0, 0.0)]


def test_score_greedy_one_to_one_precision_and_auc():
    gold = {SENT: [CarbTuple("left", ("Bob", "Paris"))]}
    predictions = {
        SENT: [
            CarbTuple("left", ("Paris", "Bob"), 0.9),  # (1/3, 1/3)
            CarbTuple("left", ("Bob", "Paris"), 0.2),  # (1, 1)
        ]
    }
    result = score(gold, predictions)
    # t=0.2 keeps both: one gold tuple pairs with one prediction, so precision is 1 / 2.
    points = [value for p in result.curve for value in (p.precision, p.recall)]
    assert points == pytest.approx([0.5, 1.0, 1 / 3, 1 / 3])
    # trapezoids (1, .5)-(1/3, 1/3)-(0, 1): 2/3 * (5/6) / 2 + 1/3 * (4/3) / 2 = 1/2
    assert result.auc == pytest.approx(0.5)
    assert (result.precision, result.recall, result.f1) == pytest.approx((0.5, 1.0, 2 / 3))
    assert result.threshold == 0.2


def test_score_gold_sentence_without_predictions_counts_in_recall():
    gold = {SENT: [t("left", "Bob", "Paris")], "Ann slept .": [t("slept", "Ann")]}
    predictions = {SENT: [CarbTuple("left", ("Bob", "Paris"), 1.0)]}
    assert score(gold, predictions).rounded() == (0.5, 1.0, 0.5, 0.667)


def test_score_without_predictions_is_zero():
    gold = {SENT: [CarbTuple("left", ("Bob", "Paris"))]}
    result = score(gold, {})
    assert result.rounded() == (0.0, 0.0, 0.0, 0.0)
    assert result.curve == ()
