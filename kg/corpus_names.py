"""Names that documents wrote differently, joined once the whole corpus is merged.

Inside a document, the forms of a name take one key (:mod:`extract.names`,
:mod:`extract.entities`); across documents two nodes are one only when their keys are equal.
These rules join, after every document is merged, corpus-wide nodes whose keys differ only
in how a name is written, and only when the corpus leaves one choice:

* ``corpus_surname``: a one-word person node ("mugabe") is the last word of exactly one
  multi-word person of the corpus ("robert mugabe");
* ``corpus_full_name``: a person of two or more words is spelled out by exactly one longer
  person of the corpus, with a middle name ("george bush" -> "george w bush") or a first
  name more ("noam chomsky" -> "avram noam chomsky");
* ``corpus_alias``: a name one document gave another name ("the Australian Broadcasting
  Corporation (ABC)", "Guadeloupe, known as Gwadloup", "Kestrel" for "Kestrel Analytics",
  "ASIO" after "the Australian Security Intelligence Organisation's (ASIO) powers")
  is that name in every document that uses it alone, when no other node has that alias;
* ``corpus_spelling``: nodes whose keys differ only by accents and letters with a stroke
  ("łódź", "lodz"; "mérida", "merida") are one, under the key written most often (the
  accented one on a tie), when the recogniser named at least one of them (of any type: it
  types "Łódź" as a person, a place or nothing, sentence by sentence).

:func:`corpus_name_moves` says which node joins which, and by which rule;
:func:`kg.merge.resolve_corpus_names` makes the moves.
"""

from __future__ import annotations

import unicodedata

from kg.keys import SCOPE_MARK, canonical_key, distinct_names, spells_out
from kg.model import KnowledgeGraph

__all__ = ["corpus_name_moves", "fold_spelling"]

#: Rules by which a document gave a name another one: an acronym it defined, the initials
#: of a name it wrote, a short name, a name it said was another's.
_ALIAS_RULES = frozenset({"acronym", "initialism", "defined_alias", "short_name"})

#: Letters that Unicode does not decompose into a base letter and a mark.
_STROKES = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ß": "ss",
                          "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"})


def fold_spelling(key: str) -> str:
    """``key`` without accents and strokes, as the name is often written in plain letters.

    >>> fold_spelling("łódź"), fold_spelling("mérida"), fold_spelling("sydfynske øhav")
    ('lodz', 'merida', 'sydfynske ohav')
    """
    decomposed = unicodedata.normalize("NFKD", key.translate(_STROKES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _corpus_wide(key: str, attrs: dict) -> bool:
    return not attrs.get("scope") and SCOPE_MARK not in key


def _people_moves(graph: KnowledgeGraph) -> dict[str, tuple[str, str]]:
    by_last: dict[str, set[str]] = {}
    by_suffix: dict[str, set[str]] = {}
    by_ends: dict[tuple[str, str], set[str]] = {}
    people: list[str] = []
    for key, attrs in graph.nodes(data=True):
        if attrs.get("type") != "PERSON" or not _corpus_wide(key, attrs):
            continue
        words = key.split()
        if not words:
            continue
        people.append(key)
        if len(words) > 1:
            by_last.setdefault(words[-1], set()).add(key)
            for n in range(1, len(words) - 1):
                by_suffix.setdefault(" ".join(words[n:]), set()).add(key)
            by_ends.setdefault((words[0], words[-1]), set()).add(key)
    moves: dict[str, tuple[str, str]] = {}
    for key in people:
        words = key.split()
        if len(words) == 1:
            candidates = distinct_names(by_last.get(key, ()))
            rule = "corpus_surname"
        else:
            longer = by_suffix.get(key, set()) | {
                k for k in by_ends.get((words[0], words[-1]), ()) if spells_out(key, k)}
            candidates = distinct_names(longer)
            rule = "corpus_full_name"
        if len(candidates) == 1:
            (target,) = candidates
            if target != key:
                moves[key] = (target, rule)
    return moves


def _spelling_moves(graph: KnowledgeGraph, taken: dict[str, tuple[str, str]]
                    ) -> dict[str, tuple[str, str]]:
    groups: dict[str, list[str]] = {}
    for key, attrs in graph.nodes(data=True):
        if not _corpus_wide(key, attrs) or key in taken:
            continue
        groups.setdefault(fold_spelling(key), []).append(key)
    moves: dict[str, tuple[str, str]] = {}
    for keys in groups.values():
        if len(keys) < 2 or all(graph.nodes[k].get("type") is None for k in keys):
            continue
        target = min(keys, key=lambda k: (-graph.nodes[k].get("mentions", 0),
                                          fold_spelling(k) == k, k))
        for key in keys:
            if key != target:
                moves[key] = (target, "corpus_spelling")
    return moves


def _alias_moves(graph: KnowledgeGraph, taken: dict[str, tuple[str, str]]
                 ) -> dict[str, tuple[str, str]]:
    by_alias: dict[str, set[str]] = {}
    for key, attrs in graph.nodes(data=True):
        if not _corpus_wide(key, attrs):
            continue
        for form, rules in (attrs.get("alias_rules") or {}).items():
            if _ALIAS_RULES.intersection(rules):
                alias = canonical_key(form).removeprefix("the ")
                by_alias.setdefault(alias, set()).add(key)
    moves: dict[str, tuple[str, str]] = {}
    for key, attrs in graph.nodes(data=True):
        found = by_alias.get(key, set()) - {key}
        if len(found) == 1 and _corpus_wide(key, attrs) and key not in taken:
            moves[key] = (next(iter(found)), "corpus_alias")
    return moves


def corpus_name_moves(graph: KnowledgeGraph) -> dict[str, tuple[str, str]]:
    """``{node key: (key of the node it joins, rule)}`` for every corpus-wide node that one
    of the rules of this module joins to another; the target is never moved itself.

    >>> from kg.model import Argument, KnowledgeGraph, Provenance, Triple
    >>> from kg.merge import merge_into
    >>> def person(label):
    ...     return Argument(label=label, key=label.lower(), type="PERSON")
    >>> def said(a, b, document):
    ...     prov = Provenance(document, "s", 0, 1, a.label, 0, 1, b.label, 0, 1, 0.9, "svo")
    ...     return Triple(a, "met", b, prov)
    >>> graph = merge_into(KnowledgeGraph(), [
    ...     said(person("George W Bush"), person("Mugabe"), "a.txt"),
    ...     said(person("George Bush"), person("Robert Mugabe"), "b.txt")])
    >>> for key, move in sorted(corpus_name_moves(graph).items()):
    ...     print(key, move)
    george bush ('george w bush', 'corpus_full_name')
    mugabe ('robert mugabe', 'corpus_surname')
    """
    moves = _people_moves(graph)
    targets = {target for target, _rule in moves.values()}
    moves = {key: move for key, move in moves.items() if key not in targets}
    for found in (_alias_moves(graph, moves), _spelling_moves(graph, moves)):
        for key, move in found.items():
            if key not in targets and move[0] not in moves and key not in moves:
                moves[key] = move
                targets.add(move[0])
    return moves
