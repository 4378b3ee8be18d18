"""What the graph page shows and holds: :func:`page_data`, plain JSON-able data.

The first view draws :data:`DEFAULT_MAX_NODES` entities (``max_nodes`` overrides): the most
central ones by PageRank, grown outwards from the best-ranked entity of the largest component,
so the view is one connected, readable picture. Small fragments (components of at most
:data:`FRAGMENT_SIZE` entities) are left out and shown with one click. Besides what it draws,
the page holds the data to grow from what is shown (the neighbours the cap left out), to filter
by predicate or type across the graph and to tell each entity's story (its facts with their
sentences), within :data:`PAGE_MAX_FACTS` facts.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from typing import Any

from export.html.text import fact_flags, shorten
from kg.model import KnowledgeGraph, Provenance
from kg.stats import centrality, chart_data
from kg.voice import (
    LOW_CONFIDENCE,
    VOICES,
    describe,
    edge_voice,
    min_confidence,
)

__all__ = [
    "DEFAULT_MAX_NODES",
    "DEFAULT_MAX_FACTS",
    "DEFAULT_TITLE",
    "FRAGMENT_SIZE",
    "PAGE_MAX_FACTS",
    "REVEAL_MAX_FACTS",
    "FRAGMENT_MAX_ENTITIES",
    "PHYSICS_LIMIT",
    "MAX_SOURCES",
    "MAX_SENTENCE",
    "MAX_LABEL",
    "TYPE_COLORS",
    "HIDDEN_VOICES",
    "page_data",
    "node_id",
]

#: Entities drawn in the first view. At 1400 x 900 the canvas has about 3,800 square pixels per
#: entity for 200 of them, where a 13 px label of 12 characters needs about 1,300: on the real
#: corpus 89 of the 200 get a label at the fitted zoom (100: 70; 300: 94; 400: 22), so the first
#: view reads; the page grows from there on demand (docs/html.md).
DEFAULT_MAX_NODES = 200
#: Facts drawn in the first view among those entities, the best supported.
DEFAULT_MAX_FACTS = 10_000
#: Weakly connected components of at most this many entities are "fragments" (isolated pairs
#: and triples): hidden at first, one click shows them.
FRAGMENT_SIZE = 3
#: Facts the page holds in all (drawn or not), each with up to MAX_SOURCES sentences: about
#: 2-4 MB of data at most. A graph that has more keeps, in this order: the drawn facts, the
#: facts linking drawn entities to hidden ones (REVEAL_MAX_FACTS of them), the fragments
#: (FRAGMENT_MAX_ENTITIES entities), then the best-supported other facts.
PAGE_MAX_FACTS = 10_000
#: Facts that link a drawn entity to one the cap left out, kept so a click can reveal them.
REVEAL_MAX_FACTS = 4_000
#: Entities of small fragments kept for the "show fragments" button.
FRAGMENT_MAX_ENTITIES = 1_500
#: Above this many entities in a view the layout is computed in Python and physics is off.
PHYSICS_LIMIT = 300
#: Most source sentences kept per fact.
MAX_SOURCES = 3
#: Longest sentence kept, in characters.
MAX_SENTENCE = 280
#: Longest entity label drawn on the canvas (the panel, tooltip and search use the full one).
MAX_LABEL = 32
DEFAULT_TITLE = "Knowledge graph"

#: Colour of each spaCy entity type (colour-blind friendly Tableau 10, then extras).
TYPE_COLORS: dict[str, str] = {
    "PERSON": "#4e79a7",
    "ORG": "#f28e2b",
    "GPE": "#59a14f",
    "LOC": "#76b7b2",
    "NORP": "#edc948",
    "PRODUCT": "#b07aa1",
    "EVENT": "#ff9da7",
    "WORK_OF_ART": "#9c755f",
    "FAC": "#86bcb6",
    "LAW": "#d4a6c8",
    "LANGUAGE": "#8cd17d",
    "DATE": "#bab0ac",
    "TIME": "#d7b5a6",
    "MONEY": "#f1ce63",
    "PERCENT": "#a0cbe8",
    "QUANTITY": "#ffbe7d",
    "CARDINAL": "#d37295",
    "ORDINAL": "#fabfd2",
}
_EXTRA_COLORS = ("#499894", "#e15759", "#79706e", "#b6992d", "#9d7660", "#6b9ac4")
_UNTYPED = "(no type)"
_UNTYPED_COLOR = "#c4cdd5"

#: Voices whose facts the page hides until the reader asks (kg.voice.VOICES).
HIDDEN_VOICES: tuple[str, ...] = (LOW_CONFIDENCE,)

# ----------------------------------------------------------------------------- graph -> data


def _type_colors(types: list[str]) -> dict[str, str]:
    colors: dict[str, str] = {}
    extra = 0
    for name in types:
        if name == _UNTYPED:
            colors[name] = _UNTYPED_COLOR
        elif name in TYPE_COLORS:
            colors[name] = TYPE_COLORS[name]
        else:
            colors[name] = _EXTRA_COLORS[extra % len(_EXTRA_COLORS)]
            extra += 1
    return colors


def _provenance_order(p: Provenance) -> tuple:
    return (p.document, p.sentence_start, p.subject_start, p.object_start, p.sentence)


def node_id(key: str) -> str:
    """The id of an entity in the page (``network.body.data.nodes.get(id)``): ``"k:" + key``.

    The prefix keeps keys such as ``__proto__`` or ``constructor`` from meaning anything to
    JavaScript objects keyed by id.

    >>> node_id("xu liang")
    'k:xu liang'
    """
    return f"k:{key}"


def _support(data: dict[str, Any]) -> tuple[int, float]:
    return (-int(data.get("count") or 1), -float(data.get("confidence") or 0.0))


def _grow(
    adjacency: dict[str, set[str]], start: str, position: dict[str, int], limit: int
) -> list[str]:
    """Up to ``limit`` entities reached from ``start``, always taking the best-ranked entity
    next to those taken so far: a connected set that approximates the top of the ranking."""
    taken: list[str] = []
    seen = {start}
    frontier = [(position[start], start)]
    while frontier and len(taken) < limit:
        _rank, key = heapq.heappop(frontier)
        taken.append(key)
        for other in sorted(adjacency[key]):
            if other not in seen:
                seen.add(other)
                heapq.heappush(frontier, (position[other], other))
    return taken


def _first_view(
    graph: KnowledgeGraph, position: dict[str, int], components: list[list[str]],
    max_nodes: int | None,
) -> list[str]:
    """The entities drawn first: all of them when they fit, else ``max_nodes`` grown by
    PageRank from the largest components' best entities, fragments last."""
    keys = list(graph.nodes)
    if max_nodes is None or len(keys) <= max_nodes:
        return keys
    adjacency: dict[str, set[str]] = defaultdict(set)
    for u, v in graph.edges():
        if u != v:
            adjacency[u].add(v)
            adjacency[v].add(u)
    chosen: list[str] = []
    for members in components:
        if len(chosen) >= max_nodes:
            break
        best = min(members, key=position.__getitem__)
        chosen.extend(_grow(adjacency, best, position, max_nodes - len(chosen)))
    return chosen


def _components(graph: KnowledgeGraph, position: dict[str, int]) -> list[list[str]]:
    """Weakly connected components, largest first (ties: the one with the best entity)."""
    import networkx as nx

    found = [sorted(c, key=position.__getitem__) for c in nx.weakly_connected_components(graph)]
    return sorted(found, key=lambda c: (-len(c), position[c[0]]))


def page_data(
    graph: KnowledgeGraph,
    *,
    max_nodes: int | None = DEFAULT_MAX_NODES,
    max_facts: int | None = DEFAULT_MAX_FACTS,
) -> dict[str, Any]:
    """Everything the page shows and holds, as plain JSON-able data (deterministic).

    Entities are ``[key, label, type index, out-degree, in-degree, rank, aliases, extra]``
    (degrees in the whole graph; rank 0 is the highest PageRank; ``extra`` holds ``mentions``
    and, when the graph has them, ``alias_rules``, ``honorifics`` and ``scope``); facts are
    ``[subject, object, predicate index, count, confidence, flags, sources, voice index,
    voice text, modality, mentions]`` (flags: :data:`export.html.text.NEGATED`,
    :data:`~export.html.text.CONDITIONAL`; modality: of the mentions not stated), the voice (:func:`kg.voice.edge_voice` at the graph's
    threshold) as its index in ``voices`` and in words (:func:`kg.voice.describe`), with
    ``sources`` as ``[sentence index, document index, note index]`` (at most
    :data:`MAX_SOURCES`; the note is that mention's voice in words, in ``notes``). ``voices``
    lists every voice with its number of facts in the whole graph; ``hidden_voices`` are
    those drawn only when asked for. ``view`` and ``view_facts`` are what is drawn first
    (facts of hidden voices left out when drawn), ``fragments`` the entities the "show
    fragments" button adds, ``positions`` their coordinates.

    >>> from kg.model import KnowledgeGraph
    >>> page_data(KnowledgeGraph())["total"]
    [0, 0, 0]
    """
    for name, value in (("max_nodes", max_nodes), ("max_facts", max_facts)):
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} must be an int or None, not {value!r}")
            if value < 1:
                raise ValueError(f"{name} must be at least 1, not {value}")
    from export.html.layout import layout_positions  # numpy: only when a page is drawn

    scores = centrality(graph)
    ranking = sorted(graph.nodes, key=lambda k: (-round(scores[k], 12), str(k)))
    position = {key: i for i, key in enumerate(ranking)}
    components = _components(graph, position)

    view_keys = _first_view(
        graph, position, [c for c in components if len(c) > FRAGMENT_SIZE]
        + [c for c in components if len(c) <= FRAGMENT_SIZE], max_nodes,
    )
    in_view = set(view_keys)
    all_facts = sorted(graph.edges(keys=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    edges = graph.edges
    between = [e for e in all_facts if e[0] in in_view and e[1] in in_view]
    view_facts = between
    if max_facts is not None and len(between) > max_facts:
        best = sorted(range(len(between)), key=lambda i: (_support(edges[between[i]]), i))
        view_facts = [between[i] for i in sorted(best[:max_facts])]

    # The page's facts: drawn ones, then those that reveal hidden neighbours, then fragments,
    # then the best supported of the rest, within PAGE_MAX_FACTS.
    pool: list[tuple[str, str, str]] = list(view_facts)
    taken = set(pool)
    reveal = sorted(
        (e for e in all_facts if (e[0] in in_view) != (e[1] in in_view)),
        key=lambda e: (_support(edges[e]), position[e[1] if e[0] in in_view else e[0]]),
    )[:REVEAL_MAX_FACTS]
    fragment_keys: list[str] = []
    fragments_out = 0  # entities of small fragments the first view leaves out
    for members in components:
        if len(members) <= FRAGMENT_SIZE and not in_view.intersection(members):
            fragments_out += len(members)
    for members in components:
        if len(members) <= FRAGMENT_SIZE and not in_view.intersection(members):
            if len(fragment_keys) + len(members) > FRAGMENT_MAX_ENTITIES:
                break
            fragment_keys.extend(members)
    in_fragments = set(fragment_keys)
    fragment_facts = [e for e in all_facts if e[0] in in_fragments]
    rest = sorted((e for e in all_facts if e not in taken), key=lambda e: _support(edges[e]))
    for group in (reveal, fragment_facts, rest):
        for fact in group:
            if len(pool) >= PAGE_MAX_FACTS:
                break
            if fact not in taken:
                taken.add(fact)
                pool.append(fact)
    pool.sort(key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    entity_keys = sorted(in_view | in_fragments | {k for e in pool for k in e[:2]}, key=str)
    index = {key: i for i, key in enumerate(entity_keys)}
    fact_index = {fact: i for i, fact in enumerate(pool)}

    nodes = graph.nodes
    type_of = {key: str(nodes[key].get("type") or _UNTYPED) for key in entity_keys}
    type_counts = Counter(str(a.get("type") or _UNTYPED) for _, a in graph.nodes(data=True))
    types = sorted(type_counts, key=lambda t: (t == _UNTYPED, -type_counts[t], t))
    type_index = {t: i for i, t in enumerate(types)}
    colors = _type_colors(types)
    predicate_counts = Counter(str(edges[e].get("predicate", e[2])) for e in all_facts)
    predicates = sorted(predicate_counts, key=lambda p: (-predicate_counts[p], p))
    predicate_index = {p: i for i, p in enumerate(predicates)}
    out_degree, in_degree = dict(graph.out_degree()), dict(graph.in_degree())

    entities = []
    for key in entity_keys:
        attrs = nodes[key]
        label = str(attrs.get("label") or key)
        aliases = [str(a) for a in attrs.get("aliases") or [] if str(a) != label]
        extra: dict[str, Any] = {"mentions": int(attrs.get("mentions") or 0)}
        if attrs.get("alias_rules"):
            extra["alias_rules"] = {
                str(form): [str(r) for r in rules]
                for form, rules in sorted(dict(attrs["alias_rules"]).items())
            }
        if attrs.get("honorifics"):
            extra["honorifics"] = [str(h) for h in attrs["honorifics"]]
        if attrs.get("scope"):
            extra["scope"] = str(attrs["scope"])
        entities.append([key, label, type_index[type_of[key]], out_degree[key],
                         in_degree[key], position[key], aliases, extra])

    threshold = min_confidence(graph)
    voice_of = {e: edge_voice(edges[e], min_confidence=threshold) for e in all_facts}
    voice_totals = Counter(voice.kind for voice in voice_of.values())
    voice_index = {name: i for i, name in enumerate(VOICES)}

    def label(key: str) -> str:
        return str(nodes[key].get("label") or key) if key in nodes else str(key)

    documents: dict[str, int] = {}
    sentences: dict[str, int] = {}
    notes: dict[str, int] = {}
    facts = []
    for u, v, k in pool:
        data = edges[u, v, k]
        voice = voice_of[u, v, k]
        negated = bool(data.get("negated"))
        provenance = sorted(data.get("provenance") or [], key=_provenance_order)
        sources = []
        for prov in provenance[:MAX_SOURCES]:
            text = shorten(prov.sentence, MAX_SENTENCE)
            note = describe(edge_voice({"negated": negated, "provenance": [prov]},
                                       min_confidence=threshold), label)
            sources.append([sentences.setdefault(text, len(sentences)),
                            documents.setdefault(str(prov.document), len(documents)),
                            notes.setdefault(note, len(notes))])
        confidence = data.get("confidence")
        facts.append([
            index[u], index[v], predicate_index[str(data.get("predicate", k))],
            int(data.get("count") or 1),
            None if confidence is None else round(float(confidence), 3),
            fact_flags(voice), sources, voice_index[voice.kind], describe(voice, label),
            "/".join(voice.modalities), len(provenance),
        ])

    # Positions: the first view as one layout; the fragments as another, placed below it.
    positions: list[list[float] | None] = [None] * len(entity_keys)
    placed = layout_positions(view_keys_sorted := sorted(view_keys, key=str),
                              ((u, v) for u, v, _k in view_facts))
    for key in view_keys_sorted:
        positions[index[key]] = list(placed[key])
    if fragment_keys:
        fragment_sorted = sorted(fragment_keys, key=str)
        block = layout_positions(fragment_sorted, ((u, v) for u, v, _k in fragment_facts))
        top = max((y for x, y in placed.values()), default=0.0) + 160.0
        left = min((x for x, y in placed.values()), default=0.0)
        low = min(y for x, y in block.values())
        low_x = min(x for x, y in block.values())
        for key in fragment_sorted:
            x, y = block[key]
            positions[index[key]] = [round(x - low_x + left, 1), round(y - low + top, 1)]

    n_all, m_all = graph.number_of_nodes(), graph.number_of_edges()
    return {
        "types": [{"name": t, "color": colors[t], "count": type_counts[t]} for t in types],
        "predicates": [{"name": p, "count": predicate_counts[p]} for p in predicates],
        "documents": sorted(documents, key=documents.__getitem__),
        "sentences": sorted(sentences, key=sentences.__getitem__),
        "notes": sorted(notes, key=notes.__getitem__),
        "voices": [{"name": name, "label": name.replace("_", " "),
                    "count": voice_totals.get(name, 0)} for name in VOICES],
        "hidden_voices": [voice_index[name] for name in HIDDEN_VOICES],
        "min_confidence": threshold,
        "entities": entities,
        "facts": facts,
        "positions": positions,
        "view": sorted(index[k] for k in view_keys),
        "view_facts": sorted(fact_index[e] for e in view_facts),
        "fragments": sorted(index[k] for k in fragment_keys),
        "fragment_total": fragments_out,
        "cap": max_nodes or len(entity_keys) or 1,
        "facts_between": len(between),
        "total": [n_all, m_all, len(graph.documents)],
        "charts": chart_data(graph),
        "physics_limit": PHYSICS_LIMIT,
        "max_label": MAX_LABEL,
    }
