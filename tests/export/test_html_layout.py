"""The numpy layout behind the HTML page, and the PageRank it ranks entities by."""

from __future__ import annotations

import math
import random

import networkx as nx
import pytest

from export.html.layout import EDGE_LENGTH, fast_layout, layout_positions
from kg.model import KnowledgeGraph
from kg.stats import pagerank


def _star_pair() -> nx.Graph:
    """Two hubs joined by an edge, each with leaves: a two-node core (a line in MDS)."""
    graph = nx.Graph([("a", "b")])
    graph.add_edges_from(("a", f"a{i}") for i in range(6))
    graph.add_edges_from(("b", f"b{i}") for i in range(3))
    return graph


def _mixed() -> nx.Graph:
    graph = nx.disjoint_union_all(
        [nx.path_graph(5), nx.star_graph(12), nx.cycle_graph(7), nx.complete_graph(5),
         _star_pair(), nx.empty_graph(4), nx.path_graph(2)]
    )
    return graph


SHAPES = {
    "single": nx.empty_graph(1),
    "pair": nx.path_graph(2),
    "path": nx.path_graph(30),
    "star": nx.star_graph(40),
    "star pair": _star_pair(),
    "cycle": nx.cycle_graph(25),
    "complete": nx.complete_graph(12),
    "tree": nx.balanced_tree(3, 4),
    "mixed": _mixed(),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_fast_layout_keeps_nodes_apart_and_bounded(name):
    graph = SHAPES[name]
    pos = fast_layout(graph)
    assert set(pos) == set(graph)
    n = len(graph)
    points = list(pos.values())
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in points)
    span = max(max(abs(x), abs(y)) for x, y in points)
    assert span <= EDGE_LENGTH * (n + 2)  # no component flung far away
    closest = min(
        (math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1 :]),
        default=EDGE_LENGTH,
    )
    assert closest >= EDGE_LENGTH * 0.3


def test_fast_layout_is_deterministic():
    graph = nx.gnm_random_graph(300, 500, seed=3)
    assert fast_layout(graph) == fast_layout(graph.copy())


def test_layout_positions_is_fast_enough_for_5000_nodes():
    import time

    rng = random.Random(1)
    nodes = list(range(5000))
    edges = [(i, rng.randrange(i)) for i in range(1, 5000) for _ in range(rng.choice((1, 2)))]
    started = time.perf_counter()
    pos = layout_positions(nodes, edges)
    assert len(pos) == 5000
    assert time.perf_counter() - started < 8  # about 0.5 s on an idle core


def _facts(pairs) -> KnowledgeGraph:
    graph = KnowledgeGraph()
    for u, v in pairs:
        for key in (u, v):
            if key not in graph:
                graph.add_node(key, label=key, aliases=[], type=None, mentions=1)
        graph.add_edge(u, v, predicate="p", negated=False, count=1, provenance=[])
    return graph


def test_pagerank_matches_the_textbook_power_iteration():
    graph = _facts([("a", "b"), ("b", "c"), ("c", "a"), ("a", "c"), ("d", "c")])
    ours = pagerank(graph, directed=True)
    reference = _python_pr(graph)
    for node in graph:
        assert ours[node] == pytest.approx(reference[node], abs=1e-6)
    assert sum(ours.values()) == pytest.approx(1.0)


def test_pagerank_undirected_favours_hubs():
    graph = _facts([("hub", f"leaf{i}") for i in range(5)] + [("x", "y")])
    ranks = pagerank(graph)  # undirected by default
    assert max(ranks, key=ranks.get) == "hub"
    directed = pagerank(graph, directed=True)
    assert max(directed, key=directed.get) != "hub"  # directed: leaves win


def _python_pr(graph: nx.MultiDiGraph, alpha: float = 0.85) -> dict:
    """Textbook PageRank on the simple digraph (dangling mass spread uniformly)."""
    simple = nx.DiGraph(graph)
    n = len(simple)
    rank = {v: 1 / n for v in simple}
    for _ in range(200):
        dangling = sum(rank[v] for v in simple if simple.out_degree(v) == 0)
        rank = {
            v: (1 - alpha) / n
            + alpha * (dangling / n + sum(rank[u] / simple.out_degree(u)
                                          for u in simple.predecessors(v)))
            for v in simple
        }
    return rank
