"""Relation words a construction's plain reading gets wrong: a member, an idiom, a region.

The clause and phrase rules (:mod:`extract.rules`) name a fact's relation from the words of
its construction; three shapes say something else. A name after a plural subject and "be" is
one of its members ("The nearest airports are Newark Airport, ..." -> ``include``, not
``be``); a bare noun after a preposition can belong to the verb ("putting the browser at
risk", "were put in touch with lawyers"); a place after a place and one comma is the region
it lies in ("Brooklyn, New York" -> ``be in``). Each test reads the tokens next to the ones
it is given and compares them by index.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.lexicon import ADVERBIAL_PREPS, IDIOM_NOUNS, REGION_TYPES

__all__ = ["is_member", "is_idiom_noun", "idiom_after_object", "in_region"]

_PLURAL_NOUNS = frozenset({"NNS", "NNPS"})
_SINGULAR_NOUNS = frozenset({"NN", "NNP"})


def is_member(subject: Token, obj: Token, objects: tuple[Token, ...]) -> bool:
    """True when a copula's attribute is one member of its plural subject, not the subject:
    "The nearest airports are Newark Airport, LaGuardia Airport and JFK", "The main entry
    points are Svendborg ..." (a name, or one of a list, after a plural noun)."""
    if subject.tag_ not in _PLURAL_NOUNS or obj.tag_ not in _SINGULAR_NOUNS:
        return False
    if len(objects) > 1:  # a list joined by "and" or "or", not "clones rather than the result"
        return any(c.dep_ == "cc" and c.tag_ == "CC" for o in objects for c in o.children)
    # One name alone; "the Moriori" (with its article) names the whole people.
    return obj.pos_ == "PROPN" and not any(c.dep_ == "det" for c in obj.lefts)


def is_idiom_noun(noun: Token) -> bool:
    """A noun of an idiom, with no determiner or modifier: "at risk", "in touch"."""
    return noun.lower_ in IDIOM_NOUNS and noun.dep_ == "pobj" and not any(
        True for _ in noun.lefts)


def idiom_after_object(head: Token, obj: Token) -> list[Token]:
    """A preposition and bare noun after the object that the verb means with it: "putting
    the browser at risk" puts it at risk, "put into question the masculinity" questions it.
    Empty when there is none.
    """
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.i != obj.i and prep.lower_ not in ADVERBIAL_PREPS:
            nouns = [c for c in prep.children if c.dep_ == "pobj"]
            if len(nouns) == 1 and is_idiom_noun(nouns[0]) and not any(
                    True for _ in nouns[0].children):
                return [prep, nouns[0]]
    return []


def _place(token: Token) -> bool:
    """A place name, or a short upper-case abbreviation of one ("OK", "KS") after a comma."""
    return token.ent_type_ in REGION_TYPES or (
        token.text.isupper() and token.text.isalpha() and 2 <= len(token.text) <= 3)


def in_region(appos: Token) -> bool:
    """True when an apposition is the region a place is in: "Brooklyn, New York", "Vinita,
    OK", "Jalalabad, eastern Afghanistan" -- a place after a place and one comma, the first
    in no list of its own ("Sweden, Belgium and England win" lists three countries).
    """
    head = appos.head
    doc = appos.doc
    if head.pos_ != "PROPN" or head.ent_type_ not in REGION_TYPES or not _place(appos):
        return False
    if head.dep_ == "conj" or any(c.dep_ in ("conj", "cc") for c in head.children):
        return False
    between = [doc[i].text for i in range(head.i + 1, appos.left_edge.i)]
    return between == [","] and not any(c.dep_ == "det" for c in appos.lefts)
