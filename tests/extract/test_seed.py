"""The seed article end to end: read, extract with the real model, merge into a graph."""

from __future__ import annotations

import pytest

from extract.documents import read_document
from extract.pipeline import extract
from kg.merge import merge_into
from kg.model import KnowledgeGraph
from tests.conftest import SEED_ARTICLE


@pytest.fixture(scope="module")
def seed(nlp):
    source = read_document(SEED_ARTICLE)
    triples = list(extract([(source.document.id, source.body, source.body_start)], nlp))
    graph = merge_into(KnowledgeGraph(), triples)
    return source, triples, graph


def _node(graph, label):
    return [n for n, attrs in graph.nodes(data=True)
            if attrs["label"] == label or label in attrs["aliases"]]


def test_seed_has_xu_liang_person(seed):
    _, _, graph = seed
    (node,) = _node(graph, "Xu Liang")
    assert graph.nodes[node]["type"] == "PERSON"


def test_seed_has_china(seed):
    _, _, graph = seed
    assert _node(graph, "China")


def test_seed_uses_at_least_five_constructions(seed):
    _, triples, _ = seed
    constructions = {t.provenance.construction for t in triples}
    assert len(constructions & {"svo", "passive", "prep", "copula", "apposition", "relcl",
                                "acl", "conj", "light_verb", "possessive"}) >= 5


def test_seed_expected_facts(seed):
    _, triples, _ = seed
    facts = {(t.subject.label, t.predicate, t.object.label) for t in triples}
    assert ("Xu Liang", "be", "seasoned AI entrepreneur") in facts
    assert ("generative AI services", "rival", "Sora") in facts
    assert ("difficulties", "be faced by", "Chinese tech companies") in facts


def test_seed_provenance_slices_original_file(seed):
    source, triples, _ = seed
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    assert text == source.text and source.body_start > 0
    for triple in triples:
        p = triple.provenance
        assert p.document == SEED_ARTICLE.name
        assert text[p.sentence_start:p.sentence_end] == p.sentence
        assert text[p.subject_start:p.subject_end] == p.subject_text
        assert text[p.object_start:p.object_end] == p.object_text
        assert p.sentence_start <= p.subject_start < p.subject_end <= p.sentence_end
        assert p.sentence_start <= p.object_start < p.object_end <= p.sentence_end
