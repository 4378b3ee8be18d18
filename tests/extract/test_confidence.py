"""Confidence means something: on CaRB dev sentences, precision falls as confidence falls."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from extract.carb import carb_line, parse_tokenised
from extract.confidence import GRAPH_ONLY, WEIGHTS, features, fit, score_fact, score_from
from extract.rules import constructions, iter_facts
from extract.triples import fact_triples
from tests.extract.parses import parse

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "benchmarks" / "carb" / "data"


@pytest.fixture(scope="module")
def scorer():
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks.carb import scorer

    return scorer


def test_score_fact_in_unit_interval_and_uses_fitted_weights():
    doc = parse(
        "Xu/1/nsubj/PROPN/NNP/Xu/B-PERSON founded/1/ROOT/VERB/VBD/found Acme/1/dobj/PROPN/NNP/"
        "Acme/B-ORG ./1/punct/PUNCT/."
    )
    (fact,) = iter_facts(doc[:])
    names = features(fact)
    assert "cons=svo" in names and "bias" in names
    assert 0.0 < score_fact(fact) < 1.0
    assert score_fact(fact) == score_from(WEIGHTS, names)
    assert score_from({"bias": 0.0}, names) == 0.5
    assert any(name in WEIGHTS for name in names)


def test_every_construction_has_a_fitted_weight():
    missing = [name for name in constructions()
               if f"cons={GRAPH_ONLY.get(name, name)}" not in WEIGHTS]
    assert not missing, f"no fitted weight for {missing}: run benchmarks/carb/fit_confidence.py"
    # A graph-only construction borrows the weight of one that Open IE output has.
    assert all(f"cons={borrowed}" in WEIGHTS and borrowed not in GRAPH_ONLY
               for borrowed in GRAPH_ONLY.values())


def test_a_construction_without_a_fitted_weight_fails_loudly():
    doc = parse(
        "Xu/1/nsubj/PROPN/NNP/Xu/B-PERSON founded/1/ROOT/VERB/VBD/found Acme/1/dobj/PROPN/NNP/"
        "Acme/B-ORG ./1/punct/PUNCT/."
    )
    (fact,) = iter_facts(doc[:])
    with pytest.raises(ValueError, match="'brand_new'.*fit_confidence"):
        score_fact(replace(fact, construction="brand_new"))


def test_fit_learns_the_direction_of_a_feature():
    examples = [(["bias", "cons=svo"], 0.9), (["bias", "cons=possessive"], 0.1)] * 30
    weights = fit(examples, epochs=100)
    assert weights["cons=svo"] > weights["cons=possessive"]


def test_precision_falls_as_confidence_falls_on_carb_dev(nlp, scorer):
    gold = {scorer.sentence_key(k): v for k, v in scorer.load_gold(DATA / "dev_gold.tsv").items()}
    lines = (DATA / "dev_sentences.txt").read_text(encoding="utf-8").splitlines()[:240]
    scored = []  # (confidence, best precision against a gold tuple of the sentence)
    for line, doc in parse_tokenised(lines, nlp):
        golds = gold.get(scorer.sentence_key(line), [])
        for sent in doc.sents:
            for _fact, triple in fact_triples(sent, document="carb", openie=True):
                predicted = scorer.parse_prediction_line(carb_line(line, triple))[1]
                best = max((scorer.match(g, predicted)[0] for g in golds), default=0.0)
                scored.append((triple.provenance.confidence, best))
    scored.sort(key=lambda pair: -pair[0])
    third = len(scored) // 3
    assert third > 50

    def mean(part):
        return sum(p for _c, p in part) / len(part)

    top, middle, bottom = scored[:third], scored[third : 2 * third], scored[2 * third :]
    assert mean(top) > mean(middle) > mean(bottom)
    assert mean(top) - mean(bottom) > 0.2
