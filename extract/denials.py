"""A denial cut short: a negated fact whose object lost what the negation is about.

A negation often denies only the part of a phrase that restricts it: "Some routes are not good
for passengers **with weak stomachs**" says nothing against the routes for other passengers;
"the majority does not want to identify with people **who are disabled**"; "the city bus is not
a **major** form of transportation". The graph's labels are short ("passengers", "people",
relation "be form of"), and cut so, the denial says what the sentence does not: (routes, not be
good for, passengers). A stated fact loses little when such a phrase is left out ("good for
passengers with weak stomachs" is good for some passengers); a denied one turns false.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.lexicon import CHARACTERISING_PREPS, EMPTY_ADJECTIVES
from extract.phrases import label_tokens
from extract.ranked import ranking_complement
from extract.records import Fact

__all__ = ["denial_cut_short", "restrictions_left_out"]

#: Modifiers of a noun that pick out some of what it names: a relative or participle clause.
_RESTRICTING_CLAUSES = frozenset({"relcl", "acl"})


def restrictions_left_out(noun: Token, kept: set[int]) -> list[Token]:
    """The restricting modifiers of ``noun`` that start outside the tokens ``kept``: a
    relative or participle clause, a "with" phrase, an adjective; not a ranked noun's
    complement, which the label keeps or :func:`extract.ranked.cut_complement` vetoes, nor a
    place or time ("the way of life at the school" sets the scene).

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("It is not good for passengers with weak stomachs.")
    >>> [t.text for t in restrictions_left_out(doc[5], {5})]
    ['with']
    """
    ranking = ranking_complement(noun)
    return [c for c in noun.children if c.i not in kept and (
        ranking is None or c.i != ranking.i) and (
        c.dep_ in _RESTRICTING_CLAUSES or (c.dep_ == "prep" and c.lower_ in CHARACTERISING_PREPS)
        or (c.dep_ == "amod" and c.lower_ not in EMPTY_ADJECTIVES))]


def denial_cut_short(fact: Fact) -> bool:
    """A negated fact whose object, or the noun its relation holds ("is not a major form of"),
    lost a phrase that restricts it: what is denied is that phrase's part alone."""
    if not fact.negated or fact.clause is None:
        return False
    obj = fact.object
    if obj.pos_ in ("NOUN", "PROPN") and restrictions_left_out(
            obj, {t.i for t in label_tokens(obj)}):
        return True
    # "is not a major form of transportation": the relation "be form of" holds the noun
    # "form" and leaves out its adjective.
    noun = obj.head.head if obj.dep_ == "pobj" else None
    words = set(fact.predicate.split())
    return noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() in words and any(
        c.dep_ == "amod" and c.lower_ not in EMPTY_ADJECTIVES and c.lower_ not in words
        for c in noun.children)
