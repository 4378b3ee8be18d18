"""Which names of a document a definite description can stand for, by the kind of thing named.

"The city" can be a city named before it, "the country" a country, "the company" an
organisation. The recogniser's type says what kind of thing a name is (GPE, ORG, ...), and a
place's name says whether it is a country or a state, province or region (:mod:`kg.countries`);
a description's head noun says which kind it wants (:data:`extract.lexicon.DESCRIPTION_KINDS`).
:func:`kind_antecedents` gives the names of that kind written **before** the description: the one of its sentence or the three before, if it is
also the one named most often so far ("the city" near "Mexico City" in a guide to Mérida is
Mérida);
:func:`extract.entities.describe` joins the description to
the one node they name, and leaves it alone when they name two or more ("the city" after
"Mexico City" and "Mérida") or none (a neighbourhood named only later).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from extract.lexicon import DESCRIPTION_KINDS
from extract.phrases import entity_key
from kg.countries import is_country, is_region
from kg.keys import normalize_key

__all__ = ["kind_of", "kind_antecedents", "outnumbered"]

_BY_NOUN = {noun: kind for kind, nouns in DESCRIPTION_KINDS.items() for noun in nouns}
_CACHE = "kg.named_kinds"
#: Sentences before a description's own in which a name of its kind is looked for: "the
#: city" two paragraphs after "Mexico City" is seldom Mexico City.
_WINDOW = 3


def kind_of(ent_label: str, key: str) -> str | None:
    """The kind of thing a recognised name is, as descriptions ask for it.

    >>> kind_of("GPE", "poland"), kind_of("GPE", "tulsa"), kind_of("GPE", "oklahoma")
    ('country', 'city', None)
    >>> kind_of("ORG", "sony"), kind_of("LOC", "alps")
    ('organisation', None)
    """
    if ent_label == "GPE":
        if is_country(key):
            return "country"
        return None if is_region(key) else "city"
    if ent_label == "ORG":
        return "organisation"
    return None


@dataclass(slots=True)
class _Names:
    """The names of one kind in a document, in text order, with what a description asks of
    them answered by bisection: which were written before a token, how often each key was."""

    starts: list[int] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    leader: list[int] = field(default_factory=list)  # highest count of any key so far
    by_key: dict[str, list[int]] = field(default_factory=dict)  # starts of each key

    def add(self, start: int, head: int, key: str) -> None:
        self.starts.append(start)
        self.heads.append(head)
        self.keys.append(key)
        self.by_key.setdefault(key, []).append(start)
        self.leader.append(max(self.leader[-1] if self.leader else 0, len(self.by_key[key])))

    def count_before(self, key: str, position: int) -> tuple[int, int]:
        """How often ``key`` and the most frequent key were named before ``position``."""
        n = bisect.bisect_left(self.starts, position)
        return (bisect.bisect_left(self.by_key.get(key, []), position),
                self.leader[n - 1] if n else 0)


def _named_kinds(doc: Doc) -> dict[str, _Names]:
    """The names of ``doc`` by kind, once (cached in ``doc.user_data``)."""
    cached = doc.user_data.get(_CACHE)
    if cached is not None:
        return cached
    found: dict[str, _Names] = {}
    for ent in doc.ents:
        key = entity_key(ent.root)
        kind = kind_of(ent.label_, normalize_key(key))
        if kind is not None and ent.root.pos_ == "PROPN":
            found.setdefault(kind, _Names()).add(ent.start, ent.root.i, key)
    doc.user_data[_CACHE] = found
    return found


def kind_antecedents(head: Token) -> list[int]:
    """The head of the one name of the kind ``head``'s noun asks for, written in its sentence
    or the three before it, if that name is also the one of its kind the document has named
    most often so far (a list: empty when there is no such name).

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Tulsa is in Oklahoma. The city is large.")
    >>> [doc[i].text for i in kind_antecedents(doc[6])]
    ['Tulsa']
    """
    kind = _BY_NOUN.get(head.lemma_.lower())
    if kind is None or not _bare_definite(head):
        return []
    doc = head.doc
    first = head.sent.start
    for _ in range(_WINDOW):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    names = _named_kinds(doc).get(kind)
    if names is None:
        return []
    lo = bisect.bisect_left(names.starts, first)
    hi = bisect.bisect_left(names.starts, head.i)
    near = {names.keys[n]: names.heads[n] for n in range(lo, hi)}
    if len(near) != 1:
        return []
    (i,) = near.values()
    return [] if outnumbered(head, doc[i]) else [i]


def outnumbered(head: Token, name: Token) -> bool:
    """True when ``head``'s noun asks for a kind of name and a name of that kind other than
    ``name`` (the one it would join) was named more often before ``head``: "the city" near
    "Mexico City" in a guide to Mérida is Mérida."""
    kind = _BY_NOUN.get(head.lemma_.lower())
    names = _named_kinds(head.doc).get(kind) if kind is not None else None
    if names is None:
        return False
    count, leader = names.count_before(entity_key(name), head.i)
    return count < leader


def _bare_definite(head: Token) -> bool:
    """"the" + the noun alone: "the old town" is a part of a city, "the Internet security firm
    Secunia.com" names itself."""
    return (all(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts)
            and any(True for _ in head.lefts)
            and not any(c.dep_ == "appos" for c in head.rights)
            and not (head.i + 1 < len(head.doc) and head.doc[head.i + 1].pos_ == "PROPN"))
