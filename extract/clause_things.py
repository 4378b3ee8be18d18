"""What "it" or "they" means as the subject of a clause joined to one about a thing.

A clause joined to another in one sentence (by "and", "but", "since", a semicolon) goes on
about the first clause's subject when its own subject is "it" or "they": "The formalin is
great for preserving structures, but for anemones, it prevents study of DNA", "Chatham Motors
have a range of rental vans available and they provide pretty good service", "A settlement
... was established in the 14th century and in 1423 it was granted a town charter". Measured
on GUM's fit documents (docs/identity.md, round 11); :mod:`extract.coref` tries this rule only
where :func:`extract.things.thing_in_reach` found several things in reach, or one that is no
named subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.lexicon import (
    EXTRAPOSING_VERBS,
    NOT_REFERENT_TYPES,
    PLURAL_PRONOUNS,
    SINGULAR_PRONOUNS,
)
from extract.quotations import quotation_at
from extract.things import extraposed_it, is_person_noun

__all__ = ["joined_clause_subject"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: How a clause hangs on the clause it goes on from: coordinated ("and it", "but they", a
#: semicolon the parser reads as parataxis) or adverbial ("since it is fundamental"); never
#: a reported or complement clause ("the claim was that it had to do with ...", "announced
#: that it is time"), whose "it" is as often no thing of the sentence.
_JOINED = frozenset({"conj", "parataxis", "advcl"})


def _plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or token.ent_type_ == "NORP"


def _agrees(token: Token, plural: bool) -> bool:
    """A noun "it" (``plural`` False) or "they" can mean: of its number, never a
    coordination ("Chao and Yang ... they": no one node is both), a date or amount, or a kind
    ("Such an organization ... but it": the kind, not the organisation meant), and for "it"
    no person."""
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in NOT_REFERENT_TYPES:
        return False
    if any(c.dep_ == "conj" for c in token.children) or any(
            c.lower_ == "such" for c in token.children):
        return False
    if _plural(token) != plural:
        return False
    return plural or not (token.ent_type_ == "PERSON" or is_person_noun(token))


def joined_clause_subject(token: Token) -> Token | None:
    """The noun subject of the clause that ``token``'s clause is joined to, when ``token``
    is "it" or "they", its clause's subject, after that noun, agreeing with it.

    The noun is a name or has a determiner or possessor (a bare noun is a kind: "Split
    starts are good and maybe next year they will move the boats"). Left open when "it"
    says what something is like ("but it was not enough": what happened), when the first
    clause's verb has an object of the same number and kind, its passive agent too ("The
    company bought the car and it broke down": the car?), when a pronoun of the same kind
    comes before it in that clause ("drivers have had their cars searched as they
    approach"), when the pronoun's verb has a clause after it ("it takes a lot to make the
    room laugh"), and across a quotation's edge.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("The aircraft was on approach to the airport when it came down.")
    >>> joined_clause_subject(doc[9]).text
    'aircraft'
    >>> doc = load_nlp()("The company bought the car and it broke down.")
    >>> joined_clause_subject(doc[6]) is None
    True
    """
    if token.dep_ not in _SUBJECTS or extraposed_it(token):
        return None
    plural = token.lower_ in PLURAL_PRONOUNS
    verb = token.head
    if verb.dep_ not in _JOINED or verb.head.i == verb.i:
        return None
    first = verb.head
    subject = next((c for c in first.children if c.dep_ in _SUBJECTS), None)
    if subject is None or subject.i > token.i or not _agrees(subject, plural) or not (
            subject.pos_ == "PROPN" or any(c.dep_ in ("det", "poss") for c in subject.children)):
        return None  # "Split starts are good and maybe next year they will move ...": a kind
    if token.dep_ == "nsubj" and verb.lemma_ in EXTRAPOSING_VERBS:
        # "be", "seem", "remain" ...: "it" says what something is like, as often the
        # situation the clause before tells of as its subject ("MacGill took five wickets,
        # but it was not enough", "it remains a largely invisible problem")
        return None
    if any(c.dep_ in ("xcomp", "ccomp", "csubj") and c.i > token.i for c in verb.children):
        return None  # "so it takes a lot to make the room laugh": what it takes is the clause
    if any(c.i < token.i and _agrees(c, plural) for c in _objects(first)):
        return None  # "bought the car and it broke down": the car could be meant
    kind = PLURAL_PRONOUNS if plural else SINGULAR_PRONOUNS
    if any(t.lower_ in kind for t in token.doc[first.left_edge.i : token.i]):
        return None  # "drivers have had their cars searched as they approach": the drivers
    if quotation_at(subject) != quotation_at(token):
        return None
    return subject


def _objects(verb: Token) -> list[Token]:
    """The objects of ``verb``, its passive agent among them ("were trapped by the flames as
    they raced through the markets": the flames)."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        found += [c for c in agent.children if c.dep_ == "pobj"]
    return found
