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
from dataclasses import dataclass
from typing import Any

from export.html.text import fact_flags, shorten
from kg.model import KnowledgeGraph, Provenance
from kg.stats import centrality, chart_data
from kg.voice import LOW_CONFIDENCE, VOICES, Voice, describe, edge_voice, min_confidence

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


_FactKey = tuple[str, str, str]


def _adjacency(facts: list[_FactKey]) -> dict[str, set[str]]:
    """Each entity's neighbours through ``facts``, in both directions (self-loops left out)."""
    adjacency: dict[str, set[str]] = defaultdict(set)
    for u, v, _k in facts:
        if u != v:
            adjacency[u].add(v)
            adjacency[v].add(u)
    return adjacency


def _grow(
    adjacency: dict[str, set[str]], starts: list[str], position: dict[str, int],
    limit: int | None, *, within: set[str] | None = None, seen: set[str] | None = None,
) -> list[str]:
    """Up to ``limit`` entities from ``starts`` onwards (None: all it reaches), always taking
    the best-ranked entity next to those taken so far: a connected set that approximates the
    top of the ranking. Only entities ``within`` are taken (None: any), none of ``seen``."""
    taken: list[str] = []
    seen = {*(seen or ()), *starts}
    frontier = [(position[key], key) for key in starts]
    heapq.heapify(frontier)
    while frontier and (limit is None or len(taken) < limit):
        _rank, key = heapq.heappop(frontier)
        taken.append(key)
        for other in sorted(adjacency.get(key, ())):
            if other not in seen and (within is None or other in within):
                seen.add(other)
                heapq.heappush(frontier, (position[other], other))
    return taken


def _components(
    keys: list[str], adjacency: dict[str, set[str]], position: dict[str, int]
) -> list[list[str]]:
    """The connected parts of ``keys`` through ``adjacency``, largest first (ties: the one
    with the best entity), each best-ranked first."""
    found = []
    seen: set[str] = set()
    for key in sorted(keys, key=position.__getitem__):
        if key not in seen:
            part = _grow(adjacency, [key], position, None, seen=seen)
            seen.update(part)
            found.append(sorted(part, key=position.__getitem__))
    return sorted(found, key=lambda c: (-len(c), position[c[0]]))


@dataclass(frozen=True)
class _Shown:
    """The graph as the page shows it until the reader asks for more: the facts of the voices
    drawn by default, those of :data:`HIDDEN_VOICES`, and the entities only the latter reach."""

    facts: list[_FactKey]  # facts of the voices drawn by default, in key order
    hidden: list[_FactKey]  # facts of hidden voices, in key order
    behind: set[str]  # entities with facts, all of them of hidden voices

    @classmethod
    def of(cls, all_facts: list[_FactKey], voice_of: dict[_FactKey, Voice]) -> _Shown:
        hidden_voices = set(HIDDEN_VOICES)
        shown = [e for e in all_facts if voice_of[e].kind not in hidden_voices]
        hidden = [e for e in all_facts if voice_of[e].kind in hidden_voices]
        reached = {key for fact in shown for key in fact[:2]}
        return cls(shown, hidden, {key for fact in hidden for key in fact[:2]} - reached)


def _first_view(
    visible: list[str], adjacency: dict[str, set[str]], position: dict[str, int],
    components: list[list[str]], max_nodes: int | None,
) -> list[str]:
    """The entities drawn first: every visible one when they fit, else ``max_nodes`` grown by
    PageRank through the facts drawn, from the largest components' best entities."""
    if max_nodes is None or len(visible) <= max_nodes:
        return visible
    chosen: list[str] = []
    for members in components:
        if len(chosen) >= max_nodes:
            break
        chosen.extend(_grow(adjacency, members[:1], position, max_nodes - len(chosen)))
    return chosen


def _behind_view(
    view: list[str], shown: _Shown, position: dict[str, int], max_nodes: int | None,
    everything: bool,
) -> list[str]:
    """The entities only hidden facts reach that come into the first view when their voice is
    shown: those joined to it by such facts (through one another), best-ranked first, at most
    ``max_nodes``; every one of them when the view holds every visible entity."""
    if everything:
        return sorted(shown.behind, key=position.__getitem__)[:max_nodes]
    adjacency = _adjacency(shown.hidden)
    starts = {other for key in view for other in adjacency.get(key, ()) if other in shown.behind}
    return _grow(adjacency, sorted(starts, key=position.__getitem__), position, max_nodes,
                 within=shown.behind, seen=set(view))


@dataclass(frozen=True)
class _Choice:
    """Which entities and facts the page draws first and which it holds besides."""

    position: dict[str, int]  # each entity's rank (0: the highest PageRank)
    all_facts: list[_FactKey]  # every fact of the graph, in key order
    view: list[str]  # the entities drawn first
    capped: bool  # the cap left visible entities out of the first view
    view_hidden: list[str]  # the entities it draws once hidden voices are shown
    between: list[_FactKey]  # the facts among both
    view_facts: list[_FactKey]  # those of them in the view (at most max_facts)
    drawn_facts: list[_FactKey]  # those of them drawn first (their voice is not hidden)
    fragments: list[str]  # the fragments' entities the "show fragments" button adds
    fragment_facts: list[_FactKey]  # the facts drawn among them
    fragment_total: int  # entities of the fragments the first view leaves out
    pool: list[_FactKey]  # every fact the page holds, in key order


def _fact_order(fact: _FactKey) -> tuple[str, str, str]:
    return (str(fact[0]), str(fact[1]), str(fact[2]))


def _check_cap(name: str, value: int | None) -> None:
    if value is not None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int or None, not {value!r}")
        if value < 1:
            raise ValueError(f"{name} must be at least 1, not {value}")


def _choose(
    graph: KnowledgeGraph, voice_of: dict[_FactKey, Voice], max_nodes: int | None,
    max_facts: int | None,
) -> _Choice:
    """The first view (:func:`_first_view` of the entities the facts drawn by default reach,
    fragments last; :func:`_behind_view`), its facts, and what else fits."""
    scores = centrality(graph)
    ranking = sorted(graph.nodes, key=lambda k: (-round(scores[k], 12), str(k)))
    position = {key: i for i, key in enumerate(ranking)}
    all_facts = sorted(graph.edges(keys=True), key=_fact_order)
    shown = _Shown.of(all_facts, voice_of)
    visible = [key for key in ranking if key not in shown.behind]
    adjacency = _adjacency(shown.facts)
    components = _components(visible, adjacency, position)
    small = [c for c in components if len(c) <= FRAGMENT_SIZE]
    view = _first_view(visible, adjacency, position,
                       [c for c in components if len(c) > FRAGMENT_SIZE] + small, max_nodes)
    capped = len(view) < len(visible)
    view_hidden = _behind_view(view, shown, position, max_nodes, not capped)
    asked = {*view, *view_hidden}
    between = [e for e in all_facts if e[0] in asked and e[1] in asked]
    hidden = set(shown.hidden)
    view_facts = between
    if max_facts is not None and len(between) > max_facts:
        best = sorted(range(len(between)), key=lambda i: (
            between[i] in hidden, _support(graph.edges[between[i]]), i))
        view_facts = [between[i] for i in sorted(best[:max_facts])]
        reached = {key for fact in view_facts for key in fact[:2]}  # none is drawn alone
        view_hidden = [key for key in view_hidden if key in reached]
    in_view = set(view)
    left_out = [c for c in small if not in_view.intersection(c)]
    fragments: list[str] = []
    for members in left_out:
        if len(fragments) + len(members) > FRAGMENT_MAX_ENTITIES:
            break
        fragments.extend(members)
    in_fragments = set(fragments)
    fragment_facts = [e for e in shown.facts if e[0] in in_fragments]
    pool = _pool(graph, position, asked, all_facts, view_facts, fragment_facts)
    return _Choice(position, all_facts, view, capped, view_hidden, between, view_facts,
                   [e for e in view_facts if e not in hidden], fragments, fragment_facts,
                   sum(len(c) for c in left_out), pool)


def _pool(
    graph: KnowledgeGraph, position: dict[str, int], in_view: set[str], all_facts: list[_FactKey],
    view_facts: list[_FactKey], fragment_facts: list[_FactKey],
) -> list[_FactKey]:
    """The page's facts: the drawn ones, then those that reveal hidden neighbours, then the
    fragments', then the best supported of the rest, within :data:`PAGE_MAX_FACTS`."""
    edges = graph.edges
    pool = list(view_facts)
    taken = set(pool)
    reveal = sorted(
        (e for e in all_facts if (e[0] in in_view) != (e[1] in in_view)),
        key=lambda e: (_support(edges[e]), position[e[1] if e[0] in in_view else e[0]]),
    )[:REVEAL_MAX_FACTS]
    rest = sorted((e for e in all_facts if e not in taken), key=lambda e: _support(edges[e]))
    for group in (reveal, fragment_facts, rest):
        for fact in group:
            if len(pool) >= PAGE_MAX_FACTS:
                break
            if fact not in taken:
                taken.add(fact)
                pool.append(fact)
    return sorted(pool, key=_fact_order)


def _types(graph: KnowledgeGraph) -> list[dict[str, Any]]:
    """Entity types, most entities first (untyped last), with their colours and counts."""
    counts = Counter(str(a.get("type") or _UNTYPED) for _, a in graph.nodes(data=True))
    names = sorted(counts, key=lambda t: (t == _UNTYPED, -counts[t], t))
    colors = _type_colors(names)
    return [{"name": t, "color": colors[t], "count": counts[t]} for t in names]


def _predicates(graph: KnowledgeGraph, facts: list[_FactKey]) -> list[dict[str, Any]]:
    """Predicates, most facts first, with their counts."""
    counts = Counter(str(graph.edges[e].get("predicate", e[2])) for e in facts)
    return [{"name": p, "count": counts[p]} for p in sorted(counts, key=lambda p: (-counts[p], p))]


def _entity_rows(
    graph: KnowledgeGraph, keys: list[str], types: list[dict[str, Any]], position: dict[str, int]
) -> list[list[Any]]:
    """``[key, label, type index, out-degree, in-degree, rank, aliases, extra]`` per entity."""
    type_index = {t["name"]: i for i, t in enumerate(types)}
    out_degree, in_degree = dict(graph.out_degree()), dict(graph.in_degree())
    rows = []
    for key in keys:
        attrs = graph.nodes[key]
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
        rows.append([key, label, type_index[str(attrs.get("type") or _UNTYPED)],
                     out_degree[key], in_degree[key], position[key], aliases, extra])
    return rows


def _fact_rows(
    graph: KnowledgeGraph, pool: list[_FactKey], index: dict[str, int],
    predicates: list[dict[str, Any]], voice_of: dict[_FactKey, Voice], threshold: float,
) -> tuple[list[list[Any]], dict[str, list[str]]]:
    """The page's facts as rows (see :func:`page_data`), and the ``documents``, ``sentences``
    and ``notes`` their sources point into, each stored once."""
    nodes, edges = graph.nodes, graph.edges
    predicate_index = {p["name"]: i for i, p in enumerate(predicates)}
    tables: dict[str, dict[str, int]] = {"documents": {}, "sentences": {}, "notes": {}}

    def label(key: str) -> str:
        return str(nodes[key].get("label") or key) if key in nodes else str(key)

    def stored(table: str, text: str) -> int:
        return tables[table].setdefault(text, len(tables[table]))

    rows = []
    for u, v, k in pool:
        data, voice = edges[u, v, k], voice_of[u, v, k]
        negated = bool(data.get("negated"))
        provenance = sorted(data.get("provenance") or [], key=_provenance_order)
        sources = []
        for prov in provenance[:MAX_SOURCES]:
            note = describe(edge_voice({"negated": negated, "provenance": [prov]},
                                       min_confidence=threshold), label)
            sources.append([stored("sentences", shorten(prov.sentence, MAX_SENTENCE)),
                            stored("documents", str(prov.document)), stored("notes", note)])
        confidence = data.get("confidence")
        rows.append([
            index[u], index[v], predicate_index[str(data.get("predicate", k))],
            int(data.get("count") or 1),
            None if confidence is None else round(float(confidence), 3),
            fact_flags(voice), sources, VOICES.index(voice.kind), describe(voice, label),
            "/".join(voice.modalities), len(provenance),
        ])
    return rows, {name: list(table) for name, table in tables.items()}


def _positions(index: dict[str, int], chosen: _Choice) -> list[list[float] | None]:
    """Coordinates of the first view as one layout, and of the fragments as another, placed
    below it; None for the entities the page holds but places only when it draws them."""
    from export.html.layout import layout_positions  # numpy: only when a page is drawn

    positions: list[list[float] | None] = [None] * len(index)
    view = sorted(chosen.view, key=str)
    placed = layout_positions(view, ((u, v) for u, v, _k in chosen.drawn_facts))
    for key in view:
        positions[index[key]] = list(placed[key])
    if chosen.fragments:
        fragments = sorted(chosen.fragments, key=str)
        block = layout_positions(fragments, ((u, v) for u, v, _k in chosen.fragment_facts))
        top = max((y for x, y in placed.values()), default=0.0) + 160.0
        left = min((x for x, y in placed.values()), default=0.0)
        low = min(y for x, y in block.values())
        low_x = min(x for x, y in block.values())
        for key in fragments:
            x, y = block[key]
            positions[index[key]] = [round(x - low_x + left, 1), round(y - low + top, 1)]
    return positions


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
    :data:`~export.html.text.CONDITIONAL`; modality: of the mentions not stated), the voice
    (:func:`kg.voice.edge_voice` at the graph's threshold) as its index in ``voices`` and in
    words (:func:`kg.voice.describe`), with ``sources`` as ``[sentence index, document index,
    note index]`` (at most :data:`MAX_SOURCES`; the note is that mention's voice in words, in
    ``notes``). ``voices`` lists every voice with its number of facts in the whole graph; ``hidden_voices`` are
    those drawn only when asked for. ``view`` is what the first view draws: the ``cap`` best
    entities by PageRank among those a fact of a shown voice reaches (``capped`` when that
    left some out), grown through those facts; ``view_hidden`` the entities only facts of
    hidden voices reach that it draws when those voices are shown; ``view_facts`` the facts
    among both (those of hidden voices drawn when shown); ``fragments`` the entities the
    "show fragments" button adds; ``positions`` their coordinates.

    >>> from kg.model import KnowledgeGraph
    >>> page_data(KnowledgeGraph())["total"]
    [0, 0, 0]
    """
    _check_cap("max_nodes", max_nodes)
    _check_cap("max_facts", max_facts)
    threshold = min_confidence(graph)
    voice_of = {e: edge_voice(graph.edges[e], min_confidence=threshold)
                for e in graph.edges(keys=True)}
    chosen = _choose(graph, voice_of, max_nodes, max_facts)
    keys = sorted({*chosen.view, *chosen.view_hidden, *chosen.fragments,
                   *(k for e in chosen.pool for k in e[:2])}, key=str)
    index = {key: i for i, key in enumerate(keys)}
    fact_index = {fact: i for i, fact in enumerate(chosen.pool)}
    types, predicates = _types(graph), _predicates(graph, chosen.all_facts)
    facts, texts = _fact_rows(graph, chosen.pool, index, predicates, voice_of, threshold)
    totals = Counter(voice.kind for voice in voice_of.values())
    return {
        "types": types,
        "predicates": predicates,
        **texts,  # "documents", "sentences", "notes"
        "voices": [{"name": name, "label": name.replace("_", " "), "count": totals.get(name, 0)}
                   for name in VOICES],
        "hidden_voices": [VOICES.index(name) for name in HIDDEN_VOICES],
        "min_confidence": threshold,
        "entities": _entity_rows(graph, keys, types, chosen.position),
        "facts": facts,
        "positions": _positions(index, chosen),
        "view": sorted(index[k] for k in chosen.view),
        "capped": chosen.capped,
        "view_hidden": sorted(index[k] for k in chosen.view_hidden),
        "view_facts": sorted(fact_index[e] for e in chosen.view_facts),
        "fragments": sorted(index[k] for k in chosen.fragments),
        "fragment_total": chosen.fragment_total,
        "cap": max_nodes or len(keys) or 1,
        "facts_between": len(chosen.between),
        "total": [graph.number_of_nodes(), graph.number_of_edges(), len(graph.documents)],
        "charts": chart_data(graph),
        "physics_limit": PHYSICS_LIMIT,
        "max_label": MAX_LABEL,
    }
