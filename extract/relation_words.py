"""Relation words a construction's plain reading gets wrong: a member, an idiom, a region.

The clause and phrase rules (:mod:`extract.rules`) name a fact's relation from the words of
its construction; three shapes say something else. A name after a plural subject and "be" is
one of its members ("The nearest airports are Newark Airport, ..." -> ``include``, not
``be``); a bare noun after a preposition can belong to the verb ("putting the browser at
risk", "were put in touch with lawyers"); a place after a place and one comma is the region
it lies in ("Brooklyn, New York" -> ``be in``). Some words belong in the relation: a light
verb's bare noun ("took place at"), a measure ("is 20 km from", "is five minutes from").
Each test reads the tokens next to the ones it is given and compares them by index.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.lexicon import (
    ADVERBIAL_PREPS,
    COMPLEX_PREPOSITION_NOUNS,
    IDIOM_NOUNS,
    LIGHT_VERBS,
    REGION_TYPES,
    THE_IDIOM_NOUNS,
    VERB_IDIOM_NOUNS,
)

__all__ = ["is_member", "is_idiom_noun", "idiom_after_object", "in_region", "bare_noun_object",
           "measure_before", "distance_from", "first_phrase"]

_PLURAL_NOUNS = frozenset({"NNS", "NNPS"})
_SINGULAR_NOUNS = frozenset({"NN", "NNP"})


def is_member(subject: Token, obj: Token, objects: tuple[Token, ...]) -> bool:
    """True when a copula's attribute is one member of its plural subject, not the subject:
    "The nearest airports are Newark Airport, LaGuardia Airport and JFK", "The main entry
    points are Svendborg ..." (a name, or one of a list, after a plural noun). A list names
    the subject's parts whatever their number, and an adjective standing for people ("the
    dead", "the injured") is plural when its verb is: "The dead were five children, four
    women and five men" counts the dead, none of the groups is all of them."""
    if not _plural_subject(subject):
        return False
    if len(objects) > 1:  # a list joined by "and" or "or", not "clones rather than the result"
        return obj.tag_ in _SINGULAR_NOUNS | _PLURAL_NOUNS and any(
            c.dep_ == "cc" and c.tag_ == "CC" for o in objects for c in o.children)
    # One name alone; "the Moriori" (with its article) names the whole people.
    return obj.tag_ in _SINGULAR_NOUNS and obj.pos_ == "PROPN" and not any(
        c.dep_ == "det" for c in obj.lefts)


def _plural_subject(subject: Token) -> bool:
    """A plural noun, or an adjective or participle after "the" that stands for the people it
    describes, with a verb in the plural ("the dead were", "the injured are")."""
    if subject.tag_ in _PLURAL_NOUNS:
        return True
    verb = subject.head
    return subject.tag_ in ("JJ", "VBN") and subject.dep_ == "nsubj" and any(
        c.dep_ == "det" and c.tag_ == "DT" for c in subject.lefts) and (
        verb.tag_ == "VBP" or (verb.tag_ == "VBD" and not verb.morph.get("Number")))


def is_idiom_noun(noun: Token) -> bool:
    """A noun of an idiom, with no determiner or modifier: "at risk", "in touch"."""
    return noun.lower_ in IDIOM_NOUNS and noun.dep_ == "pobj" and not any(
        True for _ in noun.lefts)


def idiom_after_object(head: Token, obj: Token) -> list[Token]:
    """A preposition and bare noun after the object that the verb means with it: "putting
    the browser at risk" puts it at risk, "put into question the masculinity" questions it.
    The noun of a verb's idiom keeps an "of" phrase ("at risk of being hacked"); that of a
    complex preposition does not ("expressed in terms of latitude"). Empty when there is none.
    """
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.i != obj.i and prep.lower_ not in ADVERBIAL_PREPS:
            nouns = [c for c in prep.children if c.dep_ == "pobj"]
            if len(nouns) == 1 and (is_idiom_noun(nouns[0]) or _the_idiom(nouns[0])) and not any(
                    not _idiom_of(nouns[0], c) for c in nouns[0].rights):
                return [prep, nouns[0]]
    return []


def _the_idiom(noun: Token) -> bool:
    """A noun of a verb's idiom after "the": "putting the Belgians in the lead"."""
    return noun.lower_ in THE_IDIOM_NOUNS and noun.dep_ == "pobj" and [
        t.lower_ for t in noun.lefts] == ["the"]


def _idiom_of(noun: Token, child: Token) -> bool:
    """An "of" phrase of a verb's idiom noun: "at risk of being hacked", "in charge of"."""
    lemma = noun.lower_
    return child.dep_ == "prep" and child.lower_ == "of" and lemma in VERB_IDIOM_NOUNS and (
        lemma not in COMPLEX_PREPOSITION_NOUNS)


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


def bare_noun_object(verb: Token, objects: tuple[Token, ...]) -> Token | None:
    """The object of a light verb that is one bare singular noun, which the verb means with
    it ("took place", "take part", "made use"), or None: a relation without it says nothing
    ("take at the Centre")."""
    if verb.lemma_.lower() not in LIGHT_VERBS or len(objects) != 1:
        return None
    obj = objects[0]
    if obj.dep_ != "dobj" or obj.tag_ != "NN" or obj.ent_type_ or any(True for _ in obj.children):
        return None
    return obj


def _measure(noun: Token) -> bool:
    """A noun with a number: "20 km", "five minutes", "one mile"."""
    return any(c.dep_ == "nummod" and c.like_num for c in noun.children)


def measure_before(prep: Token) -> list[Token]:
    """The measure a preposition is taken by, which its relation keeps: "is 20 km from
    Kraków" says how far, not where the village is from. Empty when there is none."""
    for child in prep.lefts:
        if child.dep_ == "npadvmod" and _measure(child):
            return list(child.subtree)
    return []


def distance_from(noun: Token) -> tuple[Token, Token] | None:
    """``(from, pobj)`` when an attribute is a measure away from something: "intersections
    are one mile from each other", "the hotel is five minutes from the beach" give how far
    the subject is from the place, not (hotel, be, five minutes)."""
    return first_phrase(noun, "from") if _measure(noun) else None


def first_phrase(noun: Token, word: str) -> tuple[Token, Token] | None:
    """``(prep, pobj)`` when ``noun``'s first right dependent is a ``word`` phrase."""
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == word:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return child, pobj
        return None
    return None
