"""kg.voice: one voice per mention and per fact, read alike by every view of a graph.

The voices are checked on a graph built by the real extractor from real sentences (the demo's
news story, seeds/001_riverton_council.txt), never on hand-set edge attributes; the rules of
precedence and the threshold on hand-made mentions.
"""

from __future__ import annotations

import json

import pytest

from export.jsonl import fact_records
from export.rdf import read_rdf, write_rdf
from kg.build import build_graph
from kg.merge import merge
from kg.model import KnowledgeGraph, Provenance
from kg.stats import summary
from kg.voice import (
    DEFAULT_MIN_CONFIDENCE,
    VOICES,
    describe,
    edge_voice,
    fact_voice,
    mention_voice,
    min_confidence,
)
from tests.data import SEEDS, stricter_threshold

STORY = SEEDS / "001_riverton_council.txt"


def _mention(confidence: float = 0.9, **voice) -> Provenance:
    return Provenance("d", "s", 0, 1, "a", 0, 1, "b", 0, 1, confidence, "svo", **voice)


@pytest.mark.parametrize("fields, negated, expected", [
    ({}, False, "stated"),
    ({"modality": "will"}, False, "stated"),
    ({"modality": "could"}, False, "modal"),
    ({"conditional": True, "modality": "could"}, False, "conditional"),
    ({}, True, "negated"),
    ({"conditional": True}, True, "negated"),
    ({"reported_by": "say", "attributed_to": "police"}, False, "claimed"),
    ({"reported_by": "say", "attributed_to": "police"}, True, "claimed"),
    ({"reported_by": "allegedly"}, False, "claimed"),
    ({"stance": "denied", "reported_by": "deny", "attributed_to": "hayes"}, False, "denied"),
    ({"stance": "questioned"}, False, "questioned"),
])
def test_mention_voice_takes_the_first_voice_that_applies(fields, negated, expected):
    assert mention_voice(_mention(**fields), negated=negated) == expected


def test_a_mention_is_stated_only_at_the_threshold_or_above():
    assert mention_voice(_mention(0.5), min_confidence=0.5) == "stated"
    assert mention_voice(_mention(0.49), min_confidence=0.5) == "low_confidence"
    # the threshold never makes a claim or a negation stated, nor turns them low_confidence
    assert mention_voice(_mention(0.1, reported_by="say"), min_confidence=0.5) == "claimed"
    assert mention_voice(_mention(0.1), negated=True, min_confidence=0.5) == "negated"


def test_edge_voice_is_stated_when_any_mention_is_and_counts_every_voice():
    said = _mention(reported_by="accuse", attributed_to="prosecutor")
    denied = _mention(stance="denied", reported_by="deny", attributed_to="hayes")
    voice = edge_voice({"negated": False, "provenance": [said, denied, said]})
    assert voice.kind == "claimed" and not voice.stated
    assert voice.counts == (("claimed", 2), ("denied", 1))
    assert describe(voice, {"prosecutor": "Prosecutors"}.get) == (
        "claimed by Prosecutors (accuse) ×2; denied by hayes (deny)")
    stated = edge_voice({"negated": False, "provenance": [said, _mention()]})
    assert stated.stated and stated.counts == (("stated", 1), ("claimed", 1))
    assert edge_voice({"negated": False, "provenance": [_mention(0.2)]},
                      min_confidence=0.3).kind == "low_confidence"


def test_every_voice_has_a_place_in_the_order():
    assert VOICES[0] == "stated" and VOICES[-1] == "low_confidence" and len(set(VOICES)) == 8


@pytest.fixture(scope="module")
def story(nlp) -> KnowledgeGraph:
    graph, report = build_graph([STORY], nlp=nlp)
    assert report.ok and report.documents == 1
    return graph


def _fact(graph: KnowledgeGraph, subject: str, predicate: str, obj: str):
    for u, v, key, data in graph.edges(keys=True, data=True):
        if (graph.nodes[u]["label"], data["predicate"], graph.nodes[v]["label"]) == (
                subject, predicate, obj):
            return fact_voice(graph, u, v, key)
    raise AssertionError(f"no fact {subject} {predicate} {obj}")


def test_real_sentences_give_each_voice(story):
    def label(key):
        return story.nodes[key]["label"]

    claim = _fact(story, "Linda Hayes", "accept", "gifts")
    assert claim.kind == "claimed"
    assert describe(claim, label) == "claimed by Prosecutors (accuse)"
    denial = _fact(story, "Delmar Construction", "pay", "lawyers")
    assert denial.kind == "denied" and describe(denial, label) == "denied by Linda Hayes (deny)"
    negation = _fact(story, "Delmar Construction", "win", "harbour contract")
    assert negation.kind == "negated" and negation.negated
    condition = _fact(story, "court", "convict", "Linda Hayes")
    assert condition.kind == "conditional"
    modal = _fact(story, "harbour contract", "cost", "40 million dollars")
    assert modal.kind == "modal" and modal.modalities == ("could",)
    stated = _fact(story, "Linda Hayes", "resign from", "Riverton city council")
    assert stated.stated


def test_every_view_says_the_same_of_every_fact(story, tmp_path):
    """The RDF (plain triples, kgv:voice), the JSON lines and kg stats agree with kg.voice."""
    path = tmp_path / "graph.ttl"
    write_rdf(story, path)
    from export.sparql import run_query

    voices = {str(row[0]): str(row[1]) for row in run_query(path, (
        "SELECT ?statement ?voice WHERE { ?statement kgv:voice ?voice }")).rows}
    plain = len(run_query(path, "SELECT * WHERE { ?r a kgv:Relation . ?s ?r ?o }").rows)
    kinds = [fact_voice(story, u, v, k).kind for u, v, k in story.edges(keys=True)]
    assert sorted(voices.values()) == sorted(kinds)
    assert plain == kinds.count("stated") == summary(story)["stated_facts"]
    assert summary(story)["voices"] == {name: kinds.count(name) for name in VOICES}
    for record in fact_records(story):
        assert record["asserted"] == (record["voice"] == "stated")


def test_the_threshold_is_the_graphs_own_and_survives_the_rdf(nlp, tmp_path):
    default, _ = build_graph([STORY], nlp=nlp)
    assert min_confidence(default) == DEFAULT_MIN_CONFIDENCE
    threshold = stricter_threshold(default)
    graph, _report = build_graph([STORY], nlp=nlp, min_confidence=threshold)
    assert min_confidence(graph) == threshold
    counts = summary(graph)["voices"]
    assert counts["low_confidence"] > 0 and counts["stated"] > 0
    # facts below the threshold move from stated to low_confidence, nothing else changes
    before = summary(default)["voices"]
    assert counts["stated"] + counts["low_confidence"] == before["stated"]
    assert all(counts[v] == before[v] for v in VOICES if v not in ("stated", "low_confidence"))
    path = tmp_path / "graph.ttl"
    write_rdf(graph, path)
    loaded = read_rdf(path)
    assert min_confidence(loaded) == threshold and summary(loaded)["voices"] == counts
    again = tmp_path / "again.ttl"
    write_rdf(loaded, again)
    assert again.read_bytes() == path.read_bytes()
    records = [json.loads(json.dumps(r)) for r in fact_records(loaded)]
    assert {r["voice"] for r in records if r["confidence"] < threshold and r["voice"] != "stated"}


def test_kg_build_min_confidence_reaches_kg_stats(nlp, tmp_path, capsys):
    from kg.cli import main

    out = tmp_path / "out"
    threshold = stricter_threshold(build_graph([STORY], nlp=nlp)[0])
    with pytest.raises(SystemExit) as done:
        main(["build", str(STORY), "-o", str(out), "--min-confidence", str(threshold)])
    assert done.value.code in (0, None)
    built = capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["stats", str(out / "graph.ttl")])
    stats = capsys.readouterr().out
    line = next(l for l in built.splitlines() if l.startswith("facts by voice:"))
    assert line in stats.splitlines() and "low confidence" in line and str(threshold) in line


def test_merge_states_at_the_highest_threshold_of_its_graphs():
    low, high, none = (KnowledgeGraph(min_confidence=0.2), KnowledgeGraph(min_confidence=0.6),
                       KnowledgeGraph())
    assert min_confidence(merge(low, none, high)) == 0.6
    assert "min_confidence" not in merge(none, KnowledgeGraph()).graph
