"""Graph statistics as plain functions: graph in, plain dicts and numbers out.

Every function takes the graph first, as networkx algorithms do, so scripts can call them on
a graph from :func:`kg.load` or from a build.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

import networkx as nx

from kg.model import KnowledgeGraph
from kg.voice import min_confidence, voice_counts

__all__ = [
    "node_count",
    "edge_count",
    "density",
    "weakly_connected_components",
    "degree_distribution",
    "top_entities_by_degree",
    "pagerank",
    "centrality",
    "corpus_centrality",
    "top_entities_by_pagerank",
    "predicate_frequencies",
    "entity_type_counts",
    "facts_by_voice",
    "summary",
    "DEGREE_BINS",
    "chart_data",
    "chart_figure",
    "plot_stats",
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


def _links(graph: KnowledgeGraph, *, directed: bool, claims: bool
           ) -> tuple[list[int], list[int], list[float]]:
    """Edge lists (source index, target index, weight) of ``graph`` for power iteration.

    Each fact weighs its ``count`` (parallel facts add up); undirected, it counts both ways;
    with ``claims``, each attributed mention links its source to the fact's subject and
    object, both ways, with weight 1. Facts of an entity with itself are left out.
    """
    index = {node: i for i, node in enumerate(graph)}
    src: list[int] = []
    dst: list[int] = []
    weights: list[float] = []

    def link(u: str, v: str, weight: float, both: bool) -> None:
        if u == v:
            return
        src.append(index[u])
        dst.append(index[v])
        weights.append(weight)
        if both:
            src.append(index[v])
            dst.append(index[u])
            weights.append(weight)

    for u, v, data in graph.edges(data=True):
        link(u, v, float(data.get("count") or 1), not directed)
        if claims:
            for provenance in data.get("provenance", ()):
                source = getattr(provenance, "attributed_to", None)
                if source is not None and source in index:
                    link(source, u, 1.0, True)
                    link(source, v, 1.0, True)
    return src, dst, weights


def _power_iteration(graph: KnowledgeGraph, links: tuple[list[int], list[int], list[float]],
                     restart: list[float] | None, alpha: float) -> dict[str, float]:
    """PageRank by power iteration in numpy (networkx's values, without a scipy matrix).

    ``restart`` weighs where the random surfer restarts (uniform when None); entities with no
    outgoing link spread their rank the same way.
    """
    import numpy as np

    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return {}
    src, dst, weights = links
    source = np.asarray(src, dtype=np.int64)
    target = np.asarray(dst, dtype=np.int64)
    w = np.asarray(weights, dtype=np.float64)
    if restart is None or not any(restart):
        jump = np.full(n, 1.0 / n)
    else:
        jump = np.asarray(restart, dtype=np.float64)
        jump = jump / jump.sum()
    out = np.bincount(source, weights=w, minlength=n) if len(src) else np.zeros(n)
    dangling = out == 0
    share = np.divide(w, out[source], out=np.zeros_like(w), where=out[source] > 0)
    rank = jump.copy()
    for _ in range(500):
        spread = np.bincount(target, weights=rank[source] * share, minlength=n) if len(src) \
            else np.zeros(n)
        new = alpha * (spread + rank[dangling].sum() * jump) + (1.0 - alpha) * jump
        done = float(np.abs(new - rank).sum()) < n * 1e-12
        rank = new
        if done:
            break
    return {node: float(rank[i]) for i, node in enumerate(nodes)}


def pagerank(
    graph: KnowledgeGraph, *, directed: bool = False, alpha: float = 0.85
) -> dict[str, float]:
    """PageRank of every entity, each fact weighted by its ``count`` (parallel facts add up).

    Undirected by default: a fact's direction (subject to object) says nothing about which end
    matters, and directed PageRank on a fragmented graph ranks the ends of two-node chains
    first. Power iteration in numpy (the same values as ``networkx.pagerank``, without
    building a scipy matrix: a tenth of the time on a 20,000-entity graph); dangling entities
    spread their rank uniformly.

    >>> g = KnowledgeGraph()
    >>> for key in "abc":
    ...     g.add_node(key, label=key.upper(), aliases=[], type=None, mentions=1)
    >>> _ = g.add_edge("a", "b", key="x", predicate="x", negated=False, count=1, provenance=[])
    >>> _ = g.add_edge("c", "b", key="x", predicate="x", negated=False, count=1, provenance=[])
    >>> ranks = pagerank(g)
    >>> max(ranks, key=ranks.get)
    'b'
    """
    return _power_iteration(graph, _links(graph, directed=directed, claims=False), None, alpha)


def centrality(graph: KnowledgeGraph, *, alpha: float = 0.85) -> dict[str, float]:
    """How central each entity is to the corpus: what ``kg build``, ``kg stats`` and the page
    rank by.

    A personalised, undirected :func:`pagerank` in which (1) a claim links its source to what
    it is about (the speaker of "Fleischer said Powell delivered the message" to Powell and the
    message, as the RDF export's statements do), and (2) the random surfer restarts at
    corpus-wide entities in proportion to the number of documents that mention them: a node
    kept inside one document ("the spokesman" of one article) can be central to its story,
    never to the corpus.

    >>> from kg.model import Argument, Provenance, Triple
    >>> from kg.merge import merge_into
    >>> p = Provenance("d", "s", 0, 1, "a", 0, 1, "b", 0, 1, 0.5, "svo", attributed_to="x",
    ...                reported_by="say")
    >>> said = [Triple(Argument(s, s), "meet", Argument(o, o), p, source=Argument("X", "x"))
    ...         for s, o in (("a", "b"), ("c", "d"))]
    >>> max(centrality(merge_into(KnowledgeGraph(), said)).items(), key=lambda kv: kv[1])[0]
    'x'
    """
    documents: dict[str, set[str]] = {}
    for u, v, data in graph.edges(data=True):
        for provenance in data.get("provenance", ()):
            for key in (u, v, getattr(provenance, "attributed_to", None)):
                if key is not None:
                    documents.setdefault(key, set()).add(provenance.document)
    restart = [0.0 if attrs.get("scope") else float(len(documents.get(key, ())))
               for key, attrs in graph.nodes(data=True)]
    return _power_iteration(graph, _links(graph, directed=False, claims=True), restart, alpha)


def corpus_centrality(graph: KnowledgeGraph) -> dict[str, float]:
    """:func:`centrality` of the corpus-wide entities only: a node kept inside one document
    ("the difficulties" of one article) may be central to its story, never to the corpus."""
    nodes = graph.nodes
    return {key: score for key, score in centrality(graph).items()
            if not nodes[key].get("scope")}


def top_entities_by_pagerank(graph: KnowledgeGraph, n: int = 10) -> list[dict[str, Any]]:
    """The ``n`` most central entities of the corpus, by :func:`corpus_centrality`."""
    scores = corpus_centrality(graph)
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


def facts_by_voice(graph: KnowledgeGraph) -> dict[str, int]:
    """Map voice -> number of facts of that kind (:func:`kg.voice.edge_voice`), every voice of
    :data:`kg.voice.VOICES` in order: ``stated`` counts the facts the graph states.

    >>> facts_by_voice(KnowledgeGraph())["stated"]
    0
    """
    return voice_counts(graph)["facts"]


def summary(graph: KnowledgeGraph, *, top: int = 10) -> dict[str, Any]:
    """Every statistic above in one JSON-ready dict (what ``kg stats --json`` prints).

    ``voices`` counts the facts of each voice (``stated`` first) and ``mention_voices`` their
    mentions, at the graph's threshold ``min_confidence``.

    >>> summary(KnowledgeGraph())["entities"]
    0
    """
    components = weakly_connected_components(graph)
    voices = voice_counts(graph)
    return {
        "documents": len(graph.documents),
        "entities": node_count(graph),
        "facts": edge_count(graph),
        "stated_facts": voices["facts"]["stated"],
        "voices": voices["facts"],
        "mention_voices": voices["mentions"],
        "min_confidence": min_confidence(graph),
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


# ----------------------------------------------------------------------------- charts

#: Degree bins of the degree-distribution chart: (lowest, highest or None for no limit).
DEGREE_BINS: tuple[tuple[int, int | None], ...] = (
    (1, 1), (2, 2), (3, 3), (4, 4), (5, 9), (10, 19), (20, 49), (50, 99), (100, None),
)


def _bin_label(low: int, high: int | None) -> str:
    if high is None:
        return f"{low}+"
    return str(low) if low == high else f"{low}–{high}"


def chart_data(graph: KnowledgeGraph, *, top: int = 10) -> dict[str, list]:
    """The data of the three statistics charts, as plain lists (the page and ``--plot`` use it).

    Returns:
        ``{"top_pagerank": [[label, score], ...], "predicates": [[predicate, facts], ...],
        "degrees": [[bin, entities], ...]}``: the ``top`` entities by PageRank, the ``top``
        predicates by number of facts (most first), and how many entities have a degree in
        each of :data:`DEGREE_BINS` (degree 0 is left out).

    >>> chart_data(KnowledgeGraph())["degrees"][0]
    ['1', 0]
    """
    ranked = top_entities_by_pagerank(graph, top)
    facts: Counter[str] = Counter(str(d.get("predicate")) for _, _, d in graph.edges(data=True))
    predicates = sorted(facts.items(), key=lambda item: (-item[1], item[0]))[:top]
    degrees = degree_distribution(graph)
    bins = []
    for low, high in DEGREE_BINS:
        count = sum(n for d, n in degrees.items() if d >= low and (high is None or d <= high))
        bins.append([_bin_label(low, high), count])
    return {
        "top_pagerank": [[str(e["label"]), e["score"]] for e in ranked],
        "predicates": [[p, n] for p, n in predicates],
        "degrees": bins,
    }


def _pyplot():  # -> matplotlib.pyplot
    from kg.errors import KGError

    try:
        import matplotlib

        matplotlib.use("Agg", force=True)
        import matplotlib.pyplot as plt
    except ImportError as err:
        raise KGError(
            "kg stats --plot needs matplotlib: pip install 'kg-builder[plot]'"
        ) from err
    return plt


def plot_stats(graph: KnowledgeGraph, path: str | os.PathLike[str], *, top: int = 10) -> None:
    """Draw the page's three statistics charts into one SVG or PNG file (by its extension).

    Needs matplotlib (``pip install 'kg-builder[plot]'``); the file is written atomically.
    """
    from kg.io import atomic_open

    suffix = os.fspath(path).rsplit(".", 1)[-1].lower() if "." in os.fspath(path) else ""
    if suffix not in ("svg", "png"):
        raise ValueError(f"{os.fspath(path)}: the plot file must end in .svg or .png")
    plt = _pyplot()
    figure = chart_figure(graph, top=top)
    metadata = {"Date": None} if suffix == "svg" else {}  # no timestamp: same graph, same bytes
    with atomic_open(path, "wb") as handle:
        figure.savefig(handle, format=suffix, metadata=metadata, dpi=110)
    plt.close(figure)


def chart_figure(graph: KnowledgeGraph, *, top: int = 10):  # -> matplotlib.figure.Figure
    """The matplotlib figure :func:`plot_stats` saves: the page's three charts side by side.

    The degree chart's bucket labels ("10–19", "100+") are slanted so they never run into
    each other. The caller closes the figure (``matplotlib.pyplot.close``).
    """
    plt = _pyplot()
    data = chart_data(graph, top=top)
    plt.rcParams["svg.hashsalt"] = "kg-stats"  # fixed element ids: same graph, same bytes
    figure, axes = plt.subplots(1, 3, figsize=(15, 4.2), layout="constrained")
    panels = (
        ("Top entities by PageRank", data["top_pagerank"], "#4e79a7", True),
        ("Predicates by facts", data["predicates"], "#f28e2b", True),
        ("Degree distribution (entities)", data["degrees"], "#59a14f", False),
    )
    for ax, (title, rows, color, horizontal) in zip(axes, panels):
        names = [str(name) for name, _ in rows]
        values = [value for _, value in rows]
        if horizontal:
            ax.barh(range(len(rows)), values, color=color)
            ax.set_yticks(range(len(rows)), labels=names)
            ax.invert_yaxis()
        else:
            ax.bar(range(len(rows)), values, color=color)
            ax.set_xticks(range(len(rows)), labels=names, rotation=60, ha="right",
                          rotation_mode="anchor")
            ax.set_xlabel("degree")
        ax.set_title(title, loc="left", fontsize=11)
        ax.spines[["top", "right"]].set_visible(False)
    return figure
