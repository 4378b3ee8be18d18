"""Graph statistics as plain functions: graph in, plain dicts and numbers out.

Every function takes the graph first, as networkx algorithms do, so scripts can call them on
a graph from :func:`kg.load` or from a build.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from kg.model import KnowledgeGraph

__all__ = [
    "node_count",
    "edge_count",
    "density",
    "weakly_connected_components",
    "degree_distribution",
    "top_entities_by_degree",
    "pagerank",
    "centrality",
    "top_entities_by_pagerank",
    "predicate_frequencies",
    "entity_type_counts",
    "summary",
]


def node_count(graph: KnowledgeGraph) -> int:
    """Number of entities."""
    return graph.number_of_nodes()


def edge_count(graph: KnowledgeGraph) -> int:
    """Number of distinct facts (edges); see :func:`summary` for mentions."""
    return graph.number_of_edges()


def density(graph: KnowledgeGraph) -> float:
    """Directed density of the entity graph (facts over ordered entity pairs)."""
    return nx.density(graph)


def weakly_connected_components(graph: KnowledgeGraph) -> list[list[str]]:
    """Components as sorted lists of entity keys, largest first (ties by first key)."""
    components = [sorted(c) for c in nx.weakly_connected_components(graph)]
    return sorted(components, key=lambda c: (-len(c), c[0]))


def degree_distribution(graph: KnowledgeGraph) -> dict[int, int]:
    """Map degree -> number of entities with that degree (in plus out, parallel edges count)."""
    return dict(sorted(Counter(d for _, d in graph.degree()).items()))


def _ranked(graph: KnowledgeGraph, scores: dict[str, float], n: int) -> list[dict[str, Any]]:
    order = sorted(scores, key=lambda k: (-scores[k], k))[:n]
    return [
        {"key": key, "label": graph.nodes[key]["label"], "score": scores[key]} for key in order
    ]


def top_entities_by_degree(graph: KnowledgeGraph, n: int = 10) -> list[dict[str, Any]]:
    """The ``n`` entities with the highest degree, as ``{"key", "label", "score"}`` dicts."""
    return _ranked(graph, dict(graph.degree()), n)


def _weighted(graph: KnowledgeGraph, *, claims: bool) -> nx.Graph:
    """The undirected entity graph, each pair weighted by its mentions; with ``claims``,
    the source of each attributed mention is linked to the fact's subject and object."""
    simple = nx.Graph()
    simple.add_nodes_from(graph)

    def link(u: str, v: str, weight: int) -> None:
        if u != v:
            simple.add_edge(u, v, weight=weight + (simple[u][v]["weight"]
                                                   if simple.has_edge(u, v) else 0))

    for u, v, data in graph.edges(data=True):
        link(u, v, data["count"])
        if claims:
            for provenance in data["provenance"]:
                source = getattr(provenance, "attributed_to", None)
                if source is not None and source in graph:
                    link(source, u, 1)
                    link(source, v, 1)
    return simple


def pagerank(graph: KnowledgeGraph) -> dict[str, float]:
    """PageRank of every entity over the undirected graph, each pair weighted by mentions.

    Undirected because a fact's direction (subject to object) says nothing about which end
    matters: the subject of many facts is as central as the object of many. (Directed PageRank
    on a fragmented graph ranks the ends of two-node chains first.) Facts of an entity with
    itself are left out.

    >>> from kg.model import Argument, Provenance, Triple
    >>> from kg.merge import merge_into
    >>> p = Provenance("d", "s", 0, 1, "a", 0, 1, "b", 0, 1, 0.5, "svo")
    >>> g = merge_into(KnowledgeGraph(), [Triple(Argument(x, x), "meet", Argument("hub", "hub"), p)
    ...                                   for x in "abc"])
    >>> max(pagerank(g).items(), key=lambda item: item[1])[0]
    'hub'
    """
    simple = _weighted(graph, claims=False)
    return nx.pagerank(simple, weight="weight") if len(simple) else {}


def centrality(graph: KnowledgeGraph) -> dict[str, float]:
    """How central each entity is to the corpus: what ``kg build`` and the page rank by.

    A personalised :func:`pagerank` in which (1) a claim links its source to what it is about
    (the speaker of "Fleischer said Powell delivered the message" to Powell and the message,
    as the RDF export's statements do), and (2) the random surfer restarts at corpus-wide
    entities in proportion to the number of documents that mention them: a node kept inside
    one document ("the spokesman" of one article) can be central to its story, never to the
    corpus.

    >>> from kg.model import Argument, Provenance, Triple
    >>> from kg.merge import merge_into
    >>> p = Provenance("d", "s", 0, 1, "a", 0, 1, "b", 0, 1, 0.5, "svo", attributed_to="x",
    ...                reported_by="say")
    >>> said = [Triple(Argument(s, s), "meet", Argument(o, o), p, source=Argument("X", "x"))
    ...         for s, o in (("a", "b"), ("c", "d"))]
    >>> max(centrality(merge_into(KnowledgeGraph(), said)).items(), key=lambda kv: kv[1])[0]
    'x'
    """
    simple = _weighted(graph, claims=True)
    if not len(simple):
        return {}
    documents: dict[str, set[str]] = {}
    for u, v, data in graph.edges(data=True):
        for provenance in data["provenance"]:
            for key in (u, v, getattr(provenance, "attributed_to", None)):
                if key is not None:
                    documents.setdefault(key, set()).add(provenance.document)
    restart = {key: 0.0 if attrs.get("scope") else float(len(documents.get(key, ())))
               for key, attrs in graph.nodes(data=True)}
    if not any(restart.values()):
        restart = None
    return nx.pagerank(simple, weight="weight", personalization=restart)


def top_entities_by_pagerank(graph: KnowledgeGraph, n: int = 10) -> list[dict[str, Any]]:
    """The ``n`` most central entities, by :func:`centrality` (a personalised PageRank)."""
    if graph.number_of_nodes() == 0:
        return []
    scores = centrality(graph)
    return [dict(entry, score=round(entry["score"], 6)) for entry in _ranked(graph, scores, n)]


def predicate_frequencies(graph: KnowledgeGraph) -> dict[str, int]:
    """Map predicate -> number of mentions, most frequent first."""
    counts: Counter[str] = Counter()
    for _, _, data in graph.edges(data=True):
        counts[data["predicate"]] += data["count"]
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def entity_type_counts(graph: KnowledgeGraph) -> dict[str, int]:
    """Map entity type -> number of entities; untyped entities count under ``"(none)"``."""
    counts = Counter(attrs.get("type") or "(none)" for _, attrs in graph.nodes(data=True))
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def summary(graph: KnowledgeGraph, *, top: int = 10) -> dict[str, Any]:
    """Every statistic above in one JSON-ready dict (what ``kg stats --json`` prints).

    >>> summary(KnowledgeGraph())["entities"]
    0
    """
    components = weakly_connected_components(graph)
    return {
        "documents": len(graph.documents),
        "entities": node_count(graph),
        "facts": edge_count(graph),
        "mentions": sum(data["count"] for _, _, data in graph.edges(data=True)),
        "density": density(graph) if graph.number_of_nodes() > 1 else 0.0,
        "weakly_connected_components": len(components),
        "largest_component": len(components[0]) if components else 0,
        "degree_distribution": {str(k): v for k, v in degree_distribution(graph).items()},
        "top_by_degree": top_entities_by_degree(graph, top),
        "top_by_pagerank": top_entities_by_pagerank(graph, top),
        "predicates": predicate_frequencies(graph),
        "entity_types": entity_type_counts(graph),
    }
