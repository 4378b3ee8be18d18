"""The whole extractor on real sentences with the real model: what must hold, not one parse."""

from __future__ import annotations

import pytest

from extract.pipeline import extract


def _triples(nlp, text):
    return list(extract([("d", text)], nlp))


def _facts(triples):
    return {(t.subject.label, t.predicate, t.object.label) for t in triples}


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Xu Liang founded a company.", ("Xu Liang", "found", "company")),
        ("Restrictions stem from trade tensions.", ("Restrictions", "stem from", "trade tensions")),
        ("Chinese companies are diligently working towards the creation of new models.",
         ("Chinese companies", "work towards", "creation of new models")),
        ("China is on the cusp of releasing generative AI services that could rival the likes "
         "of Sora in mere months.", ("generative AI services", "rival", "Sora")),
        ("Xu Liang, a seasoned AI entrepreneur, makes a bold prediction.",
         ("Xu Liang", "be", "seasoned AI entrepreneur")),
        ("Paris is the capital of France.", ("Paris", "be capital of", "France")),
    ],
)
def test_extract_finds_fact(nlp, text, fact):
    assert fact in _facts(_triples(nlp, text))


def test_extract_keeps_modality_on_relative_clause(nlp):
    text = "China releases services that could rival Sora."
    (triple,) = [t for t in _triples(nlp, text) if t.predicate == "rival"]
    assert triple.provenance.modality == "could"
    assert triple.provenance.construction == "relcl"
    assert triple.subject.label == "services"


def test_extract_keeps_negation(nlp):
    triples = _triples(nlp, "The new model does not rival Sora.")
    assert any(t.predicate == "rival" and t.negated for t in triples)
    assert not any(t.predicate == "rival" and not t.negated for t in triples)


def test_extract_one_triple_per_conjunct(nlp):
    facts = _facts(_triples(nlp, "Alice and Bob founded Acme and Initech."))
    assert {("Alice", "found", "Acme"), ("Bob", "found", "Acme"),
            ("Alice", "found", "Initech"), ("Bob", "found", "Initech")} <= facts


def test_extract_passive_with_and_without_agent(nlp):
    facts = _facts(_triples(nlp, "The company was founded by Xu Liang. The company was sold in "
                                 "Beijing."))
    assert ("company", "be founded by", "Xu Liang") in facts
    assert ("company", "be sold in", "Beijing") in facts


def test_extract_participial_modifier(nlp):
    text = "Scarce data compounds the difficulties faced by Chinese tech companies."
    facts = _facts(_triples(nlp, text))
    assert ("difficulties", "be faced by", "Chinese tech companies") in facts


def test_extract_light_verb_becomes_its_verb(nlp):
    facts = _facts(_triples(nlp, "The minister made a decision on the budget."))
    assert ("minister", "decide on", "budget") in facts


def test_extract_drops_unresolved_pronouns(nlp):
    triples = _triples(nlp, "They sold it to them.")
    assert triples == []


def test_extract_resolves_he_to_the_one_person_named(nlp):
    triples = _triples(nlp, "Xu Liang founded Acme in 2015. He sold Acme to Baidu.")
    sold = [t for t in triples if t.predicate == "sell"]
    assert sold and sold[0].subject.label == "Xu Liang"
    assert sold[0].provenance.subject_text == "He"


def test_extract_arguments_are_content_words(nlp):
    text = "It is this. He said that. There are 3. Xu Liang founded a company."
    triples = _triples(nlp, text)
    assert triples, "the last sentence has a fact; a check over no triples checks nothing"
    for triple in triples:
        for arg in (triple.subject, triple.object):
            assert arg.label.lower() not in {"it", "this", "he", "that", "there", "3", ""}


def test_extract_confidence_in_unit_interval_and_construction_named(nlp):
    text = ("Xu Liang, a seasoned AI entrepreneur, predicts that China could rival the US. "
            "Restrictions stemming from trade tensions remain a challenge.")
    triples = _triples(nlp, text)
    assert triples
    for triple in triples:
        assert 0.0 <= triple.provenance.confidence <= 1.0
        assert triple.provenance.construction
