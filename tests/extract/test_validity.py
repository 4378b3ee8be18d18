"""The validity model at run time: features of real sentences, the shipped table, the scores."""

from __future__ import annotations

import json

import pytest

from extract.confidence import score_fact
from extract.rules import constructions, iter_facts
from extract.triples import fact_triples
from extract.validity import (
    FEATURE_GROUPS,
    UNWEIGHED_CONSTRUCTIONS,
    features,
    load_table,
    score_features,
    validity,
    weights,
)
from kg.voice import DEFAULT_MIN_CONFIDENCE


def _facts(nlp, text, **kwargs):
    sent = next(nlp(text).sents)
    return [(fact, triple) for fact, triple in fact_triples(sent, document="d", **kwargs)]


def _find(pairs, predicate):
    return next(f for f, t in pairs if t.predicate == predicate)


def test_features_of_a_plain_clause(nlp):
    fact = _find(_facts(nlp, "Xu Liang founded a company in Beijing."), "found")
    names = features(fact)
    assert names["cons=svo"] == names["path=nsubj|dobj"] == names["voice=stated"] == 1.0
    assert names["spos=PROPN"] == names["sent=PERSON"] == names["final=yes"] == 1.0
    assert not any(name.startswith("cross=") for name in names)
    assert -6.0 <= names["carb"] <= 6.0


def test_features_see_commas_parentheses_and_lists(nlp):
    facts = list(iter_facts(nlp("Tom Smith, a lawyer from Boston, met the mayor (Jones).")[:]))
    apposition = next(f for f in facts if f.construction == "apposition")
    assert features(apposition)["cross=comma"] == 1.0
    met = next(f for f in facts if f.predicate == "meet")
    assert "cross=comma" in features(met) and "o_has=paren" not in features(met)
    listed = list(iter_facts(nlp("Tom visited Paris, Rome and Berlin.")[:]))
    assert any("cross=list" in features(f) or "cross=comma" in features(f) for f in listed)


def test_features_see_voice_and_resolution(nlp):
    pairs = _facts(nlp, "Police said the gunmen could have fled to Kenya if they had a car.")
    fled = [f for f, t in pairs if t.predicate.startswith("flee")]
    assert fled
    names = features(fled[0])
    assert {"voice=claimed", "voice=modal", "voice=conditional"} <= set(names)
    # a pronoun argument is marked whether or not the graph could resolve it
    sold = [f for f in iter_facts(nlp("She sold it in 1990.")[:]) if f.predicate == "sell"]
    assert sold and "s_res=pronoun" in features(sold[0])
    fragment = _facts(nlp, "Fort Lee Historic Park, a reconstruction of a Revolutionary War "
                           "encampment, with beautiful views")
    assert all("final=no" in features(f) for f, _ in fragment)


def test_features_see_quotation_and_capitals_outside_entities(nlp):
    pairs = _facts(nlp, 'The mayor said "Acme bought the Old Mill Bakery" on Monday.')
    bought = _find(pairs, "buy")
    names = features(bought, groups=["marks"])
    assert {"mark=quote", "mark=quoted", "caps=3"} <= set(names)
    plain = features(_find(_facts(nlp, "Xu Liang founded a company in Beijing."), "found"),
                     groups=["marks"])
    assert "caps=0" in plain and not any(n.startswith("mark=") for n in plain)
    # quote marks after the fact's start do not make it quoted
    after = _find(_facts(nlp, 'Acme bought the mill, "a ruin" said the mayor.'), "buy")
    assert "mark=quote" in features(after) and "mark=quoted" not in features(after)


def test_features_see_attachment_and_poor_heads(nlp):
    pairs = _facts(nlp, "Xu Liang founded a company in Beijing.")
    found_in = _find(pairs, "found in")
    names = features(found_in, groups=["attach"])
    # "company" stands between the verb and "in": the phrase could hang on either
    assert {"s_role=own", "vdep=ROOT", "odep=pobj", "pp=ambiguous"} <= set(names)
    assert "pp=ambiguous" not in features(_find(pairs, "found"))
    wrote = _find(_facts(nlp, "Bernoulli wrote a large number of papers on fluids."), "write")
    assert {"o_kind=generic", "o_of"} <= set(features(wrote, groups=["kinds"]))
    sold = [f for f in iter_facts(nlp("She sold it in 1990.")[:]) if f.predicate == "sell"]
    assert sold and "s_kind=pronoun" in features(sold[0])


def test_features_limited_to_groups_are_a_subset(nlp):
    fact = _find(_facts(nlp, "Xu Liang founded a company in Beijing."), "found")
    full = features(fact)
    some = features(fact, groups=["heads", "carb"])
    assert set(some) < set(full) and all(full[name] == value for name, value in some.items())
    assert not any(name.startswith(("sentlen=", "cross=", "voice=")) for name in some)


def test_the_shipped_table_loads_and_weighs_what_the_extractor_emits():
    table = load_table()
    assert table["threshold"] == DEFAULT_MIN_CONFIDENCE
    assert set(table["groups"]) <= set(FEATURE_GROUPS)
    prefixes = tuple(p for group in table["groups"] for p in FEATURE_GROUPS[group])
    assert all(name in ("bias",) or name.startswith((*prefixes, "cons="))
               for name in table["weights"])
    # every construction has a fitted weight or is a documented default (weight 0)
    missing = {c for c in constructions() if f"cons={c}" not in table["weights"]}
    assert missing == set(UNWEIGHED_CONSTRUCTIONS), (
        f"no fitted weight for {sorted(missing - UNWEIGHED_CONSTRUCTIONS)}: refit with "
        "python benchmarks/facts/fit_validity.py")


def test_load_table_refuses_another_file(tmp_path):
    bad = tmp_path / "weights.json"
    bad.write_text(json.dumps({"weights": {"bias": 0.1}}))
    with pytest.raises(ValueError, match="weights.json.*fit_validity"):
        load_table(bad)


def test_graph_confidence_is_the_validity_and_openie_keeps_carb(nlp):
    text = "The company, which Xu Liang founded in 2010, sold its Beijing office to Acme."
    graph = _facts(nlp, text)
    assert graph
    for fact, triple in graph:
        assert triple.provenance.confidence == validity(fact, triple.subject, triple.object)
        assert 0.0 < triple.provenance.confidence < 1.0
    for fact, triple in _facts(nlp, text, openie=True):
        assert triple.provenance.confidence == score_fact(fact)


def test_score_features_is_a_logistic_dot_product(nlp):
    assert score_features({"bias": 0.0}, {"bias": 1.0}) == 0.5
    assert score_features({"bias": 1.0, "carb": 0.5}, {"bias": 1.0, "carb": 2.0}) == 0.8808
    fact = next(iter_facts(nlp("Xu Liang founded a company.")[:]))
    assert validity(fact) == score_features(weights(), features(fact))
