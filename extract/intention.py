"""Whether a clause is intended, not done: under a verb of intention, a purpose, a command.

A clause is ``intended`` (not done) under a verb of intention or expectation ("plans to"),
as the purpose of another ("**in order to** fight", "with a view to improving", "left early
**to** catch the train"), as a "**how to**", as what a command asks ("**Allow**
Parliament's perceptions to evolve"), or as what someone says should be done
(:func:`mandated`: "McAfee is **recommending that** users upgrade"); never when it is an adverbial clause of its own ("even
if ...", "because ...") or the content of a noun ("the argument **that** ..."). Read by
:func:`extract.attribution.voice`; every walk is bounded by the sentence length.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.lexicon import (
    ABOUT_TO,
    COMING_TO_NOUNS,
    COMING_VERBS,
    CONDITIONS,
    INTENTION_WORDS,
    MANDATIVE_ADJECTIVES,
    MANDATIVE_NOUNS,
    MANDATIVE_VERBS,
    OBJECT_CONTROL_XCOMP,
    PURPOSE_NOUNS,
    REASON_WORDS,
    TIME_WORDS,
    WEAK_MANDATIVE_NOUNS,
    WEAK_MANDATIVE_VERBS,
    WH_ADVERBS,
    WISHING_VERBS,
)
from extract.questions import asked_question

__all__ = ["intended", "mandated", "own_statement"]


def intended(verb: Token) -> bool:
    """True when a verb of intention or expectation governs the clause from above, or the
    clause is a purpose ("in order to fight"), a "how to" or what a command asks for."""
    node = verb
    for _ in range(len(verb.doc)):
        head = node.head
        if _how_to(node):
            return True  # "The problem is how to enable the world to enter the future"
        if head.i == node.i:
            return False
        if node.dep_ in ("ccomp", "xcomp", "acomp", "oprd") and _imperative(
                head.head if head.pos_ == "ADJ" and head.dep_ in ("acomp", "ccomp") else head):
            # "Allow Parliament's perceptions to evolve", "Make sure that the driver takes
            # the northern route": asked for, not done.
            return True
        if node.dep_ == "ccomp" and _small_clause(node, head):
            if head.lemma_.lower() in INTENTION_WORDS:
                return True  # "will allow people to decrease their energy consumption"
            node = head  # "agreed to let a united Germany join NATO": let it join, not joined
            continue
        if node.dep_ in ("ccomp", "csubj", "parataxis", "relcl"):
            return False
        if node.dep_ in ("acl", "advcl", "prep") and node.tag_ in ("VBN", "VBG"):
            # "seek to understand transformations engendered by digital technologies",
            # "The ceremony was simple, attended only by Hu Shih": a participle says what holds;
            # "given that ..." opens a premise.
            return False
        if own_statement(node) or (node.dep_ == "acl" and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in node.children)):
            # "..., even if that animal is special", "make the argument that the burns are
            # ...": a clause of its own, or the content of a noun, is no intention's object.
            return False
        if _purpose(node, head):
            return True
        if node.dep_ == "conj":
            # "want to go further and dispatch a force": a conjunct shares its first one's fate
            node = head
            continue
        if (node.dep_ == "prep" and node.lower_ in TIME_WORDS) or any(
            c.dep_ == "mark" and c.lower_ in TIME_WORDS for c in node.children
        ):
            return False  # "planned for dawn after rescuers braved heavy seas": that happened
        if node.dep_ in ("xcomp", "pcomp", "prep", "pobj", "acomp", "advcl", "dobj",
                         "acl") and (head.lemma_.lower() in INTENTION_WORDS or (
                             head.lower_ in ABOUT_TO and head.pos_ != "VERB")):
            return True
        node = head
    return False


def _small_clause(node: Token, head: Token) -> bool:
    """An infinitive with a subject after a verb of letting or making ("let a united Germany
    join", "allow people to decrease"), parsed as a clause of its own: an open complement."""
    return node.tag_ in ("VB", "VBP") and head.lemma_.lower() in OBJECT_CONTROL_XCOMP and not any(
        c.dep_ in ("mark", "aux") and c.lower_ != "to" for c in node.children)


def _how_to(node: Token) -> bool:
    """An infinitive opened by a question adverb: "how to enable", "where to stay"."""
    return node.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.lefts) \
        and any(c.dep_ == "advmod" and c.lower_ in WH_ADVERBS for c in node.lefts)


def _imperative(verb: Token) -> bool:
    """A command: a bare verb heading its sentence, or coordinated with one, with no subject
    and no auxiliary but "do" ("Allow ...", "Don't get into ...", "Put the pan on the stove
    and make sure ..."), in a sentence that is no question."""
    for _ in range(len(verb.doc)):
        if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "conj"):
            return False
        for child in verb.lefts:
            if child.dep_ in ("nsubj", "nsubjpass", "expl", "mark", "auxpass") or (
                    child.dep_ == "aux" and child.lemma_.lower() != "do"):
                return False
        if verb.dep_ == "ROOT":
            return not asked_question(verb)
        verb = verb.head
    return False


def _purpose(node: Token, head: Token) -> bool:
    """``node`` says what its head is for: a bare infinitive of purpose ("left early to catch
    the train"; not "only to find"), or the clause of a purpose phrase ("in order to fight",
    "with a view to improving")."""
    if node.dep_ == "advcl" and node.tag_ == "VB":
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in node.lefts) and not any(
            c.dep_ == "advmod" and c.lower_ == "only" for c in node.lefts) and not _come_to(
                node, head)
    return node.dep_ in ("acl", "prep") and head.lemma_.lower() in PURPOSE_NOUNS \
        and head.dep_ == "pobj"


def _come_to(node: Token, head: Token) -> bool:
    """ "The match came to end with England winning", "came to rest": a noun after a
    preposition "to" that the parser read as an infinitive; with an object of its own it is
    one ("came to end the war")."""
    return head.lemma_.lower() in COMING_VERBS and node.lower_ in COMING_TO_NOUNS and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp") for c in node.children)


#: Conjunctions opening an adverbial clause that says something of its own.
_OWN_STATEMENT_MARKS = CONDITIONS | TIME_WORDS | REASON_WORDS


def own_statement(node: Token) -> bool:
    """An adverbial clause opened by "if", "because", "while", "although" ...: neither the
    complement of an intention above it nor under a condition of the clause it hangs from."""
    return node.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _OWN_STATEMENT_MARKS for c in node.lefts)


def mandated(node: Token, head: Token) -> bool:
    """True when clause ``node`` is what ``head`` says should be done (the mandative
    subjunctive), not what is: "McAfee is recommending that users upgrade their anti-virus
    software", "it is important that visitors remove their shoes", "the recommendation that
    the form be signed"; and what is wished for ("I wish that my brother owned a car"). The clause's verb is in the base form ("be held", "build"), or, after
    a verb, adjective or noun that only ever asks (:data:`MANDATIVE_VERBS`), in the plain
    present ("that users upgrade"); a modal ("that it would"), an infinitive or a verb in
    the past or the third person ("suggests that the plan works") makes it a statement."""
    if node.dep_ == "ccomp":
        if head.lemma_.lower() in WISHING_VERBS:
            return True  # "I wish that my brother owned a car": he does not
        weak = _mandative_head(head)
    elif node.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        lemma = head.lemma_.lower()
        weak = False if lemma in MANDATIVE_NOUNS else True if lemma in WEAK_MANDATIVE_NOUNS \
            else None
    else:
        return False
    return weak is not None and _subjunctive(node, weak)


def _mandative_head(head: Token) -> bool | None:
    """Whether ``head`` asks for its "that" clause only in the base form (True), also in the
    present (False), or does not ask for it at all (None)."""
    lemma = head.lemma_.lower()
    if head.pos_ == "ADJ":
        return False if lemma in MANDATIVE_ADJECTIVES else None
    if head.pos_ not in ("VERB", "AUX"):
        return None
    if lemma in MANDATIVE_VERBS:
        return False
    if lemma in WEAK_MANDATIVE_VERBS:
        return True
    if any(c.dep_ == "acomp" and c.lemma_.lower() in MANDATIVE_ADJECTIVES
           for c in head.children):
        return False  # "It is important that ...": the clause hangs on the copula
    return None


def _subjunctive(verb: Token, weak: bool) -> bool:
    """A finite clause with a subject, opened by "that" or by nothing, whose first verb is in
    the base form, or (unless ``weak``) the plain present, with no modal before it."""
    children = list(verb.children)
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in children):
        return False
    if any(c.dep_ == "mark" and c.lower_ != "that" for c in children):
        return False  # "whether", "if": a question, not a demand
    auxiliaries = [c for c in children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if any(c.tag_ == "MD" or c.lower_ == "to" for c in auxiliaries):
        return False
    first = min([*auxiliaries, verb], key=lambda t: t.i)
    return first.tag_ == "VB" or (first.tag_ == "VBP" and not weak)
