"""Cheap pronoun and demonstrative resolution over one parsed document.

Only what the text makes clear is resolved; anything else gives None and the caller drops the
triple rather than inventing a referent:

* ``he``/``she`` and their forms -> the one person named in the preceding text window (the
  current sentence up to the pronoun and the two sentences before it); several different
  people, or none, leave it unresolved;
* ``it``/``its``, ``they``/``them``/``their`` -> the subject of the nearest preceding clause in
  the window when it agrees in number and is not a person or a pronoun;
* a demonstrative noun phrase (``these companies``) -> the nearest preceding mention in the
  window with the same head lemma.

Each lookup scans a window of at most three sentences, so the cost stays linear in the text.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["DEMONSTRATIVES", "has_demonstrative", "resolve"]

_PERSONAL = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_SINGULAR = frozenset({"it", "its", "itself"})
_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
#: Determiners that point back at something named before ("these companies").
DEMONSTRATIVES = frozenset({"this", "these", "that", "those"})
_WINDOW = 2


def _window_start(token: Token) -> int:
    sent = token.sent
    doc = token.doc
    start = sent.start
    for _ in range(_WINDOW):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


def _person(token: Token) -> Token | None:
    start = _window_start(token)
    people: dict[str, Token] = {}
    for ent in token.doc.ents:
        if ent.start >= token.i:
            break
        if ent.end > start and ent.label_ == "PERSON":
            people.setdefault(ent.text.split()[-1], ent.root)
    if len(people) == 1:
        return next(iter(people.values()))
    return None


def _subject(token: Token, plural: bool) -> Token | None:
    start = _window_start(token)
    doc = token.doc
    for i in range(token.i - 1, start - 1, -1):
        cand = doc[i]
        if cand.dep_ not in ("nsubj", "nsubjpass") or cand.pos_ not in ("NOUN", "PROPN"):
            continue
        if cand.ent_type_ == "PERSON":
            return None
        if (cand.tag_ in ("NNS", "NNPS")) != plural:
            return None
        return cand
    return None


def has_demonstrative(token: Token) -> bool:
    """Whether a demonstrative determiner stands before ``token`` ("*these* companies")."""
    return any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in token.lefts)


def _same_head(token: Token) -> Token | None:
    start = _window_start(token)
    doc = token.doc
    for i in range(token.i - 1, start - 1, -1):
        cand = doc[i]
        if cand.lemma_ == token.lemma_ and cand.pos_ in ("NOUN", "PROPN") and not (
            has_demonstrative(cand)
        ):
            return cand
    return None


def resolve(token: Token) -> Token | None:
    """The head token of what ``token`` (a pronoun or demonstrative phrase) refers to, or None.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Xu Liang founded a company. He sold it in 2020.")
    >>> resolve(doc[6]).text
    'Liang'
    """
    lower = token.lower_
    if lower in _PERSONAL:
        return _person(token)
    if lower in _SINGULAR:
        return _subject(token, plural=False)
    if lower in _PLURAL:
        return _subject(token, plural=True)
    if token.pos_ in ("NOUN", "PROPN") and has_demonstrative(token):
        return _same_head(token)
    return None
