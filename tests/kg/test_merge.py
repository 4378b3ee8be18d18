"""Merging triples and graphs: identity of entities and facts, counts, associativity."""

from __future__ import annotations

import gc

import pytest

from kg.keys import normalize_key
from kg.merge import add_document, fewer_collections, merge, merge_into
from kg.model import Argument, Document, KnowledgeGraph, Provenance, Triple
from kg.stats import summary


def _triple(subject: str, predicate: str, obj: str, *, doc: str = "d1", negated: bool = False,
            subject_type: str | None = None, start: int = 0, confidence: float = 0.8) -> Triple:
    sentence = f"{subject} {predicate} {obj}."
    prov = Provenance(doc, sentence, start, start + len(sentence), subject, start,
                      start + len(subject), obj, start + len(sentence) - len(obj) - 1,
                      start + len(sentence) - 1, confidence, "svo")
    return Triple(Argument(subject, subject.lower(), subject_type), predicate,
                  Argument(obj, obj.lower()), prov, negated=negated)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("U.S.", "us"),
        ("U.S. tech behemoth", "us tech behemoth"),
        ("  Xu   Liang ", "xu liang"),
        ("ＣＨＩＮＡ", "china"),
        ("e.g. this", "eg this"),
    ],
)
def test_normalize_key_table(raw, expected):
    assert normalize_key(raw) == expected


def test_merge_same_entity_written_differently_is_one_node():
    graph = merge_into(KnowledgeGraph(), [
        _triple("China", "rival", "Sora", subject_type="GPE"),
        _triple("CHINA", "release", "model"),
        _triple("China", "build", "model", subject_type="GPE"),
    ])
    assert graph.number_of_nodes() == 3
    node = graph.nodes["china"]
    assert node["label"] == "China"
    assert node["aliases"] == ["CHINA"]
    assert node["type"] == "GPE"
    assert node["mentions"] == 3


def test_merge_counts_repeated_fact_once_with_all_provenance():
    graph = merge_into(KnowledgeGraph(), [
        _triple("Xu", "predict", "release", doc="a", confidence=0.5),
        _triple("Xu", "predict", "release", doc="b", confidence=0.9),
    ])
    assert graph.number_of_edges() == 1
    data = graph.edges["xu", "release", "predict"]
    assert data["count"] == 2
    assert [p.document for p in data["provenance"]] == ["a", "b"]
    assert data["confidence"] == 0.9


def test_merge_keeps_parallel_predicates_and_negation_apart():
    graph = merge_into(KnowledgeGraph(), [
        _triple("A", "rival", "B"),
        _triple("A", "rival", "B", negated=True),
        _triple("A", "beat", "B"),
    ])
    keys = sorted(k for _, _, k in graph.edges(keys=True))
    assert keys == ["beat", "not rival", "rival"]
    assert graph.edges["a", "b", "not rival"]["negated"] is True


def test_merge_graphs_is_associative_and_matches_streaming():
    triples = [_triple("A", "meet", "B", doc="1"), _triple("B", "meet", "C", doc="2"),
               _triple("A", "meet", "B", doc="3"), _triple("a", "know", "C", doc="3")]
    parts = [merge_into(KnowledgeGraph(), [t]) for t in triples]
    left = merge(merge(parts[0], parts[1]), merge(parts[2], parts[3]))
    right = merge(parts[0], merge(parts[1], merge(parts[2], parts[3])))
    streamed = merge_into(KnowledgeGraph(), triples)
    for graph in (left, right):
        assert summary(graph) == summary(streamed)
        assert dict(graph.nodes(data=True)) == dict(streamed.nodes(data=True))


def test_add_triple_rejects_empty_key():
    bad = _triple("A", "meet", "B")
    bad = Triple(Argument("...", "..."), "meet", bad.object, bad.provenance)
    with pytest.raises(ValueError, match="empty entity key"):
        merge_into(KnowledgeGraph(), [bad])


def test_add_document_skips_same_content():
    graph = KnowledgeGraph()
    assert add_document(graph, Document("a.txt", "a.txt", "abc"))
    assert not add_document(graph, Document("b.txt", "b.txt", "abc"))
    assert list(graph.documents) == ["a.txt"]


def test_incremental_labels_match_a_full_recount():
    import random

    from kg.merge import refresh_entity

    rng = random.Random(3)
    forms = ["US", "U.S.", "us", "United States", "America"]
    triples = [_triple(rng.choice(forms), "meet", rng.choice(["B", "b", "Bee"]),
                       subject_type=rng.choice([None, "GPE", "ORG"])) for _ in range(300)]
    graph = merge_into(KnowledgeGraph(), triples)
    for _, attrs in graph.nodes(data=True):
        expected = dict(attrs)
        refresh_entity(expected)
        assert (attrs["label"], attrs["aliases"], attrs["type"]) == (
            expected["label"], expected["aliases"], expected["type"])


def test_add_document_sees_documents_added_behind_its_back():
    """``graph.documents`` is a plain dict: entries set directly still count as seen."""
    graph = KnowledgeGraph()
    assert add_document(graph, Document("a.txt", "in/a.txt", "1" * 64))
    graph.documents["b.txt"] = Document("b.txt", "in/b.txt", "2" * 64)
    assert not add_document(graph, Document("copy-of-b.txt", "in/c.txt", "2" * 64))
    del graph.documents["a.txt"]
    graph.documents["z.txt"] = Document("z.txt", "in/z.txt", "3" * 64)
    assert add_document(graph, Document("a-again.txt", "in/a.txt", "1" * 64))
    assert not add_document(graph, Document("copy-of-z.txt", "in/z2.txt", "3" * 64))
    assert sorted(graph.documents) == ["a-again.txt", "b.txt", "z.txt"]


def test_fewer_collections_restores_the_thresholds_even_on_error():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        with fewer_collections(threshold=123_456):
            assert gc.get_threshold()[0] == 123_456
            raise RuntimeError("stop")
    assert gc.get_threshold() == before


def test_a_node_type_is_the_vote_of_its_mentions_across_documents():
    # "Manchester United" read as a person in one article and as an organisation in two:
    # one node, typed by the majority, whatever the order the documents come in.
    graph = merge_into(KnowledgeGraph(), [
        _triple("Manchester United", "sign", "striker", subject_type="PERSON", doc="a"),
        _triple("Manchester United", "beat", "Chelsea", subject_type="ORG", doc="b"),
        _triple("Manchester United", "lose to", "Arsenal", subject_type="ORG", doc="c"),
    ])
    assert [k for k in graph if k.startswith("manchester")] == ["manchester united"]
    assert graph.nodes["manchester united"]["type"] == "ORG"
    assert graph.nodes["manchester united"]["types"] == {"PERSON": 1, "ORG": 2}
