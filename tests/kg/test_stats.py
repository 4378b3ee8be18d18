"""Statistics return plain, JSON-ready values that match networkx's own answers."""

from __future__ import annotations

import json

import networkx as nx

from kg import stats
from kg.merge import merge_into
from kg.model import KnowledgeGraph
from tests.kg.test_merge import _triple


def _graph() -> KnowledgeGraph:
    return merge_into(KnowledgeGraph(), [
        _triple("Xu", "predict", "release", subject_type="PERSON"),
        _triple("Xu", "found", "company", subject_type="PERSON"),
        _triple("Xu", "found", "company", subject_type="PERSON", doc="d2"),
        _triple("company", "build", "model"),
        _triple("Alice", "know", "Bob", subject_type="PERSON"),
    ])


def test_counts_density_and_components():
    graph = _graph()
    assert stats.node_count(graph) == 6
    assert stats.edge_count(graph) == 4
    assert stats.density(graph) == nx.density(nx.MultiDiGraph(graph))
    assert stats.weakly_connected_components(graph) == [
        ["company", "model", "release", "xu"], ["alice", "bob"]]


def test_degree_distribution_and_top_entities():
    graph = _graph()
    assert stats.degree_distribution(graph) == {1: 4, 2: 2}
    assert stats.top_entities_by_degree(graph, 1)[0]["label"] in {"Xu", "company"}
    ranked = stats.top_entities_by_pagerank(graph, 6)
    assert [e["score"] for e in ranked] == sorted((e["score"] for e in ranked), reverse=True)
    # Undirected and weighted by mentions: the two hubs (three mentions, two neighbours
    # each) come first, not "model", the sink that directed PageRank would put first.
    assert {ranked[0]["key"], ranked[1]["key"]} == {"xu", "company"}


def test_predicates_and_types():
    graph = _graph()
    assert stats.predicate_frequencies(graph) == {"found": 2, "build": 1, "know": 1, "predict": 1}
    assert stats.entity_type_counts(graph) == {"(none)": 4, "PERSON": 2}


def test_summary_is_json_ready():
    result = stats.summary(_graph(), top=3)
    assert json.loads(json.dumps(result)) == result
    assert result["mentions"] == 5 and result["facts"] == 4
    assert len(result["top_by_degree"]) == 3


def test_summary_of_empty_graph():
    result = stats.summary(KnowledgeGraph())
    assert result["entities"] == 0 and result["top_by_pagerank"] == []
