"""Merging triples and graphs: one node per canonical entity, one edge per distinct fact.

Keys are normalised by :mod:`kg.keys`. Merging is associative and commutative up to the
order of provenance lists (exporters sort them), so the same code serves a single process,
``--jobs N`` and a distributed reduce.
"""

from __future__ import annotations

import contextlib
import gc
import weakref
from dataclasses import replace
from typing import Iterable, Iterator

from kg.corpus_names import corpus_name_moves
from kg.keys import canonical_key
from kg.model import Argument, Document, KnowledgeGraph, Provenance, Triple, fact_key

__all__ = [
    "refresh_entity",
    "add_triple",
    "add_document",
    "merge_into",
    "merge",
    "fewer_collections",
    "resolve_corpus_names",
]


def refresh_entity(attrs: dict) -> None:
    """Set ``label``, ``aliases`` and ``type`` of node attributes from their counts, from scratch.

    The reference definition of what merging keeps up to date incrementally: label = most
    frequent form, ties to the lexicographically smallest; aliases = the other forms and the
    forms an identity rule attached (``alias_rules``), sorted; type likewise from the type
    counts (None without any).

    >>> attrs = {"forms": {"US": 2, "U.S.": 2, "America": 1}, "types": {"GPE": 3},
    ...          "alias_rules": {"the States": ["key_alias"]}}
    >>> refresh_entity(attrs); attrs["label"], attrs["aliases"], attrs["type"]
    ('U.S.', ['America', 'US', 'the States'], 'GPE')
    """
    forms, types = attrs["forms"], attrs["types"]
    label = min(forms, key=lambda form: (-forms[form], form)) if forms else None
    attrs["label"] = label
    attrs["aliases"] = _aliases(forms, attrs.get("alias_rules", {}), label)
    attrs["type"] = min(types, key=lambda type_: (-types[type_], type_)) if types else None


def _aliases(forms: dict[str, int], rules: dict[str, list[str]], label: str | None) -> list[str]:
    return sorted({*forms, *rules} - {label})


def _raise_to(counts: dict[str, int], current: str | None, value: str, by: int) -> bool:
    """Add ``by`` to ``value``'s count; True when ``value`` now outranks ``current``.

    Ranking: most frequent first, ties to the lexicographically smallest, for determinism.
    Counts only grow, so after raising one value only that value can overtake the current
    leader: the leader stays correct without rescanning every count.
    """
    count = counts[value] = counts.get(value, 0) + by
    if current is None or current == value:
        return current is None
    leader = counts[current]
    return count > leader or (count == leader and value < current)


def _union(current: list[str], more: Iterable[str]) -> list[str] | None:
    """``current`` with ``more`` added, sorted; None when nothing is new (the common case)."""
    new = [item for item in more if item and item not in current]
    return sorted({*current, *new}) if new else None


def _add_entity(
    graph: KnowledgeGraph,
    key: str,
    forms: dict[str, int],
    types: dict[str, int],
    mentions: int,
    *,
    rules: dict[str, Iterable[str]] | None = None,
    honorifics: Iterable[str] = (),
    roles: Iterable[str] = (),
    scope: str | None = None,
) -> None:
    """Add one entity's counts to node ``key``, creating it when new.

    ``rules`` maps surface forms to the identity rules that made them this node; they join
    ``alias_rules``. ``honorifics`` and ``roles`` join the node's sorted lists.
    """
    attrs = graph.nodes[key] if key in graph else None
    if attrs is None:
        graph.add_node(key, forms={}, types={}, mentions=0, label=None, aliases=[], type=None,
                       alias_rules={}, honorifics=[], roles=[], scope=scope)
        attrs = graph.nodes[key]
    known = attrs["forms"]
    new_form = False
    for form, count in forms.items():
        if form:
            new_form = new_form or form not in known
            if _raise_to(known, attrs["label"], form, count):
                attrs["label"] = form
                new_form = True
    if rules:
        alias_rules = attrs["alias_rules"]
        for form, names in rules.items():
            merged = _union(alias_rules.get(form, []), names)
            if merged is not None:
                new_form = new_form or (form not in alias_rules and form not in known)
                alias_rules[form] = merged
    if new_form:
        attrs["aliases"] = _aliases(known, attrs["alias_rules"], attrs["label"])
    for type_, count in types.items():
        if type_ and _raise_to(attrs["types"], attrs["type"], type_, count):
            attrs["type"] = type_
    for name, values in (("honorifics", honorifics), ("roles", roles)):
        merged = _union(attrs[name], values) if values else None
        if merged is not None:
            attrs[name] = merged
    attrs["mentions"] += mentions


def _add_fact(
    graph: KnowledgeGraph,
    subject: str,
    obj: str,
    predicate: str,
    negated: bool,
    provenance: list[Provenance],
    count: int,
) -> None:
    key = fact_key(predicate, negated)
    best = max((p.confidence for p in provenance), default=0.0)
    data = graph.get_edge_data(subject, obj, key)  # the stored dict itself, or None
    if data is None:
        graph.add_edge(
            subject,
            obj,
            key=key,
            predicate=predicate,
            negated=negated,
            count=count,
            provenance=list(provenance),
            confidence=best,
        )
        return
    data["count"] += count
    data["provenance"].extend(provenance)
    data["confidence"] = max(data["confidence"], best)


def _add_argument(graph: KnowledgeGraph, key: str, arg: Argument) -> None:
    rules = {arg.surface: arg.rules or ("exact",)} if arg.rules or arg.form else None
    _add_entity(graph, key, {arg.label: 1}, {arg.type: 1} if arg.type else {}, 1, rules=rules,
                honorifics=(arg.honorific,) if arg.honorific else (),
                roles=(arg.role,) if arg.role else (), scope=arg.scope)


def add_triple(graph: KnowledgeGraph, triple: Triple) -> None:
    """Merge one triple into ``graph`` in place.

    The speaker a triple is attributed to (``triple.source``) becomes a node too, so the
    claim's source can be looked up like any entity.

    >>> from kg.model import Argument, Provenance, Triple
    >>> from kg.voice import fact_voice
    >>> p = Provenance("d", "A met B.", 0, 8, "A", 0, 1, "B", 6, 7, 0.9, "svo")
    >>> g = KnowledgeGraph()
    >>> add_triple(g, Triple(Argument("A", "a"), "meet", Argument("B", "b"), p))
    >>> add_triple(g, Triple(Argument("A", "a"), "meet", Argument("B", "b"), p))
    >>> g.edges["a", "b", "meet"]["count"], fact_voice(g, "a", "b", "meet").stated
    (2, True)
    """
    subject_key = canonical_key(triple.subject.key)
    object_key = canonical_key(triple.object.key)
    if not subject_key or not object_key:
        raise ValueError(f"Triple has an empty entity key after normalisation: {triple!r}")
    _add_argument(graph, subject_key, triple.subject)
    _add_argument(graph, object_key, triple.object)
    if triple.source is not None:
        _add_argument(graph, canonical_key(triple.source.key), triple.source)
    _add_fact(
        graph,
        subject_key,
        object_key,
        triple.predicate,
        triple.negated,
        [triple.provenance],
        1,
    )


# Content hashes of each graph's documents, with the document count they were taken at.
# ``graph.documents`` is a plain dict that callers may change directly: a change of size
# re-indexes, and a hash found in the index is confirmed before a document is refused.
_CONTENT_HASHES: weakref.WeakKeyDictionary[KnowledgeGraph, tuple[int, set[str]]] = (
    weakref.WeakKeyDictionary()
)


def add_document(graph: KnowledgeGraph, document: Document) -> bool:
    """Record a source document; False when a document with the same content is already in.

    A document is identified by its content hash, so re-adding a file (even renamed) is a
    no-op and counts never double. Constant time per new document: reading back a graph of
    50,000 documents does not compare every pair.

    >>> g = KnowledgeGraph()
    >>> add_document(g, Document("a.txt", "in/a.txt", "0" * 64))
    True
    >>> add_document(g, Document("b.txt", "in/b.txt", "0" * 64))  # same bytes, other name
    False
    """
    documents = graph.documents
    size, hashes = _CONTENT_HASHES.get(graph, (-1, set()))
    if size != len(documents):
        hashes = {doc.sha256 for doc in documents.values()}
    if document.sha256 in hashes:
        if any(doc.sha256 == document.sha256 for doc in documents.values()):
            _CONTENT_HASHES[graph] = (len(documents), hashes)
            return False
        hashes = {doc.sha256 for doc in documents.values()}  # one was removed directly
    documents[document.id] = document
    hashes.add(document.sha256)
    _CONTENT_HASHES[graph] = (len(documents), hashes)
    return True


@contextlib.contextmanager
def fewer_collections(threshold: int = 200_000) -> Iterator[None]:
    """Run the cyclic garbage collector less often inside the block (merging, reading).

    A merge allocates millions of long-lived containers (node and edge dicts, provenance
    lists) and almost no reference cycles, yet every few hundred allocations trigger a
    collection and every full one walks the whole graph built so far. Raising the
    first-generation threshold keeps memory unchanged (nothing here is cyclic garbage); on
    one million triples the merge took 15.2 s of CPU instead of 17.0 s. The previous
    thresholds are restored on exit.
    """
    previous = gc.get_threshold()
    gc.set_threshold(max(threshold, previous[0]), *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def merge_into(graph: KnowledgeGraph, triples: Iterable[Triple]) -> KnowledgeGraph:
    """Merge ``triples`` into ``graph`` in place and return it."""
    with fewer_collections():
        for triple in triples:
            add_triple(graph, triple)
    return graph


def merge(*graphs: KnowledgeGraph) -> KnowledgeGraph:
    """Return a new graph that is the union of ``graphs``: counts add, provenance concatenates.

    The operation is associative, so partial graphs from workers can be combined in any
    grouping. The result states facts at the highest threshold of those its inputs recorded
    (``graph.graph["min_confidence"]``; none recorded: none), so merging never states more.

    >>> merge(KnowledgeGraph(min_confidence=0.2), KnowledgeGraph(min_confidence=0.5)).graph
    {'documents': {}, 'min_confidence': 0.5}
    """
    result = KnowledgeGraph()
    thresholds = [g.graph["min_confidence"] for g in graphs
                  if g.graph.get("min_confidence") is not None]
    if thresholds:
        result.graph["min_confidence"] = max(thresholds)
    for graph in graphs:
        for document in graph.documents.values():
            result.documents.setdefault(document.id, document)
        for key, attrs in graph.nodes(data=True):
            _add_node_attrs(result, key, attrs)
        for subject, obj, _key, data in graph.edges(keys=True, data=True):
            _add_fact(
                result,
                subject,
                obj,
                data["predicate"],
                data["negated"],
                data["provenance"],
                data["count"],
            )
    return result


def _add_node_attrs(graph: KnowledgeGraph, key: str, attrs: dict, extra_rule: str = "") -> None:
    """Add a node's attributes (as merging keeps them) to node ``key`` of ``graph``."""
    rules = dict(attrs.get("alias_rules") or {})
    if extra_rule:
        for form in (*attrs["forms"], *rules):
            rules[form] = [*rules.get(form, ()), extra_rule]
    _add_entity(graph, key, attrs["forms"], attrs["types"], attrs["mentions"], rules=rules,
                honorifics=attrs.get("honorifics", ()), roles=attrs.get("roles", ()),
                scope=attrs.get("scope"))


def resolve_corpus_names(graph: KnowledgeGraph) -> dict[str, str]:
    """Join nodes that documents named differently, once the whole corpus is merged.

    Inside a document a surname already takes its full name (:mod:`extract.names`); this
    pass, run once after every document is merged, makes the moves of
    :func:`kg.corpus_names.corpus_name_moves`: a surname a document never spelled out joins
    the only person of the corpus with that last name (``corpus_surname``), a name with words
    left out the one longer name that spells it (``corpus_full_name``), a name written
    without its accents the one written with them (``corpus_spelling``). It is weaker
    evidence than a full name in the same document, so each move is recorded under its rule.
    Facts of the two nodes combine as merging does; a fact between the two is dropped (it
    would relate a thing to itself); claims attributed to a moved node are re-attributed.
    Running it again changes nothing. Returns the moves made, ``{old key: new key}``.
    """
    found = corpus_name_moves(graph)
    moves = {old: new for old, (new, _rule) in found.items()}
    if not moves:
        return moves
    for old, (new, rule) in found.items():
        _add_node_attrs(graph, new, graph.nodes[old], extra_rule=rule)
    for subject, obj, _key, data in list(graph.edges(keys=True, data=True)):
        if subject not in moves and obj not in moves:
            continue
        subject2, obj2 = moves.get(subject, subject), moves.get(obj, obj)
        if subject2 != obj2:
            _add_fact(graph, subject2, obj2, data["predicate"], data["negated"],
                      data["provenance"], data["count"])
    graph.remove_nodes_from(list(moves))
    for _subject, _obj, data in graph.edges(data=True):
        provenance = data["provenance"]
        for n, prov in enumerate(provenance):
            if prov.attributed_to in moves:
                provenance[n] = replace(prov, attributed_to=moves[prov.attributed_to])
    return moves
