"""Which names of a document a definite description can stand for, by the kind of thing named.

"The city" can be a city named before it, "the country" a country, "the company" an
organisation. The recogniser's type says what kind of thing a name is (GPE, ORG, ...), and a
place's name says whether it is a country or a state, province or region (:mod:`kg.countries`); a description's head noun says
which kind it wants (:data:`KINDS`). :func:`kind_antecedents` gives the names of that kind
written **before** the description: the one of its sentence or the three before, if it is
also the one named most often so far ("the city" near "Mexico City" in a guide to Mérida is
Mérida);
:func:`extract.entities.describe` joins the description to
the one node they name, and leaves it alone when they name two or more ("the city" after
"Mexico City" and "Mérida") or none (a neighbourhood named only later).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from extract.phrases import entity_key
from kg.countries import is_country, is_region
from kg.merge import normalize_key

__all__ = ["KINDS", "kind_of", "kind_antecedents", "outnumbered"]

#: Head nouns of descriptions, by the kind of name they can stand for.
KINDS: dict[str, frozenset[str]] = {
    "city": frozenset("city town village capital municipality metropolis".split()),
    "country": frozenset("country nation".split()),
    "organisation": frozenset(
        "company firm corporation organization organisation party club band university "
        "publisher newspaper magazine airline bank charity agency".split()),
}
_BY_NOUN = {noun: kind for kind, nouns in KINDS.items() for noun in nouns}
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


def _named_kinds(doc: Doc) -> dict[str, list[tuple[int, int]]]:
    """``{kind: [(name start, name head index), ...]}`` for the names of ``doc``, once."""
    cached = doc.user_data.get(_CACHE)
    if cached is not None:
        return cached
    found: dict[str, list[tuple[int, int]]] = {}
    for ent in doc.ents:
        kind = kind_of(ent.label_, normalize_key(entity_key(ent.root)))
        if kind is not None and ent.root.pos_ == "PROPN":
            found.setdefault(kind, []).append((ent.start, ent.root.i))
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
    before = [i for start, i in _named_kinds(doc).get(kind, ()) if start < head.i]
    near = {entity_key(doc[i]): i for i in before if doc[i].sent.start >= first}
    if len(near) != 1:
        return []
    (i,) = near.values()
    return [] if outnumbered(head, doc[i]) else [i]


def outnumbered(head: Token, name: Token) -> bool:
    """True when ``head``'s noun asks for a kind of name and a name of that kind other than
    ``name`` (the one it would join) was named more often before ``head``: "the city" near
    "Mexico City" in a guide to Mérida is Mérida."""
    doc = head.doc
    key = entity_key(name)
    kind = _BY_NOUN.get(head.lemma_.lower())
    if kind is None:
        return False
    counts = Counter(entity_key(doc[i]) for start, i in _named_kinds(doc).get(kind, ())
                     if start < head.i)
    return bool(counts) and counts.get(key, 0) < max(counts.values())


def _bare_definite(head: Token) -> bool:
    """"the" + the noun alone: "the old town" is a part of a city, "the Internet security firm
    Secunia.com" names itself."""
    return (all(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts)
            and any(True for _ in head.lefts)
            and not any(c.dep_ == "appos" for c in head.rights)
            and not (head.i + 1 < len(head.doc) and head.doc[head.i + 1].pos_ == "PROPN"))
