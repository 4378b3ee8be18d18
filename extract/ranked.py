"""Ranked nouns and the complement that says among what they rank.

"She was the first YouTube star to be immortalized at Madame Tussauds": cut to "first YouTube
star", the argument claims she was the first YouTube star of all. A noun ranked by an ordinal,
"only", "next", "last" or a superlative ("latest", "most phenomenal") means nothing true without
its restrictive complement: a to-infinitive or relative clause, or a phrase saying where, when
or of what ("at this location", "in history", "of Internet Explorer").

:func:`ranking_complement` finds that complement. A short prepositional one joins the graph's
label (:func:`kept_complement`, read by :mod:`extract.entities`, rule
``ranking_complement``); a clause, or a phrase too long for a node's label, would make the node
clause-sized, so the fact is dropped instead (veto ``cut_ranking_complement`` in
:mod:`extract.vetoes`).
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.doc_arrays import columns, left_children
from extract.lexicon import INDEFINITE_DETERMINERS, RANKING_WORDS, RESTRICTIVE_PREPS
from extract.phrases import LONGEST_LABEL, entity_label

__all__ = [
    "LONGEST_LABEL", "ranked", "ranking_complement", "kept_complement", "complement_object",
    "cut_complement",
]


#: Clauses that restrict a noun: "the third woman to appear on a banknote", "the first
#: player who scored".
_CLAUSES = frozenset({"acl", "relcl"})


#: Modifiers of a noun that can carry a ranking word as their adverb: "the only scheduled
#: shipping service", where "only" hangs on "scheduled", ranks the service all the same.
_MODIFIERS = frozenset({"amod", "compound"})


def _ranking(modifier: Token) -> bool:
    """True for a modifier that ranks its noun: an ordinal or "only" ("first", "only"), a
    superlative ("latest", "best"), an adjective with "most"/"least" ("most phenomenal"), or
    a modifier whose adverb is a ranking word ("only scheduled")."""
    if modifier.dep_ not in _MODIFIERS or modifier.text.isupper():
        return False  # "the FIRST Global competition" is a name
    if any(c.dep_ == "advmod" and (c.tag_ == "RBS" or c.lower_ in RANKING_WORDS)
           for c in modifier.children):
        return True  # "most phenomenal", "only scheduled"
    return modifier.dep_ == "amod" and (
        modifier.lower_ in RANKING_WORDS or modifier.tag_ == "JJS")


def ranked(head: Token) -> bool:
    """True when the common noun ``head`` has a modifier that ranks it.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("The nearest airport is the most phenomenal building in town.")
    >>> ranked(doc[2]), ranked(doc[7])
    (True, True)
    """
    if head.pos_ != "NOUN" or head.ent_type_:
        return False
    cols = columns(head.doc)
    if any(cols.deps[c] == "det" and cols.lowers[c] in INDEFINITE_DETERMINERS
           for c in left_children(cols, head.i)):
        return False  # "a third goal", "a first step": one more, not one ranked among others
    return any(_ranking(c) for c in head.lefts)


def ranking_complement(head: Token) -> Token | None:
    """The restrictive complement of the ranked noun ``head``: the first child right of it
    that is a clause (acl, relcl) or a phrase of :data:`RESTRICTIVE_PREPS`, or None.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("It was the first wax figure at this location. It was the first time.")
    >>> ranking_complement(doc[5]).text, ranking_complement(doc[15])
    ('at', None)
    """
    if not ranked(head):
        return None
    doc = head.doc
    for child in head.rights:
        if any(doc[i].is_punct and doc[i].tag_ != "HYPH"
               for i in range(head.i + 1, child.left_edge.i)):
            return None  # "the first woman, who ...", "the third map (round) of": an aside
        if child.dep_ in _CLAUSES:
            return child
        if child.dep_ == "prep" and child.lower_ in RESTRICTIVE_PREPS:
            return child
        if child.dep_ in ("prep", "appos", "conj", "cc"):
            return None  # another phrase comes first: the complement is not restrictive
    return None


def kept_complement(head: Token, label: str, object_label: str | None) -> bool:
    """True when the complement of ``head`` can join its ``label`` as "prep object": a
    prepositional phrase whose object's label is ``object_label``, short enough for a node."""
    complement = ranking_complement(head)
    return complement is not None and complement.dep_ == "prep" and bool(object_label) and (
        len(f"{label} {complement.lower_} {object_label}".split()) < LONGEST_LABEL)


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def complement_object(head: Token) -> Token | None:
    """The object of the prepositional complement of the ranked noun ``head``, if any."""
    complement = ranking_complement(head)
    if complement is None or complement.dep_ != "prep":
        return None
    pobj = _pobj(complement)
    return pobj if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") else None


def cut_complement(head: Token, inside: tuple[int, ...]) -> bool:
    """True when the argument headed by ``head`` loses its ranking complement: there is one,
    it is no part of the fact (none of the token indices ``inside``, the fact's verb and other
    argument, lies in it) and the graph's label cannot keep it (a clause, or too long)."""
    complement = ranking_complement(head)
    if complement is None:
        return False
    span = range(complement.left_edge.i, complement.right_edge.i + 1)
    if any(i in span for i in inside):
        return False  # the fact reads the complement itself: "the first star | be immortalized"
    pobj = complement_object(head)
    if pobj is None:
        return True
    return not kept_complement(head, entity_label(head), entity_label(pobj))
