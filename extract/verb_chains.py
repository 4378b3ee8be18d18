"""A clause's relation words: its verb, the verb's particles and the chain of open
complements after it ("tries to woo", "is able to service", "pushed back").

:func:`verb_chain` is what :func:`extract.clauses.read_clause` builds a predicate from; every
step moves to a child or grandchild, so the walk ends on any tree.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.doc_arrays import children_with, has_child
from extract.lexicon import LACKING_VERBS, NEGATING_VERBS, PARTICLE_ADVERBS

__all__ = ["particles", "verb_chain"]

#: A verb's own objects: a verb with one ends the chain ("tried the door", not "tried to").
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
_VERBAL = frozenset({"VERB", "AUX"})


def particles(verb: Token) -> list[Token]:
    """The particles of ``verb``: its ``prt`` children, and an adverb of
    :data:`~extract.lexicon.PARTICLE_ADVERBS` right after it that the parser read as a plain
    adverb ("pushed back the launch": "push back", never "push")."""
    return [c for c in children_with(verb, ("prt", "advmod")) if c.dep_ == "prt" or (
        c.i == verb.i + 1 and c.lower_ in PARTICLE_ADVERBS)]


def verb_chain(verb: Token, passive: bool, group: list[Token]) -> tuple[Token, list[str], bool]:
    """Follow the xcomp chain from ``verb``: "tries to woo", "is able to service".

    Appends the chain's tokens to ``group``; returns the last verb, the predicate's words and
    whether a "not" inside the chain negates it ("tries not to"). Each step moves to a child
    or grandchild, so the walk ends on any tree.
    """
    words: list[str] = ["be", verb.lower_] if passive else [verb.lemma_.lower()]
    negated = False
    if not passive and words[0] in LACKING_VERBS:
        words, negated = ["have"], True  # "lacks funds": does not have them
    head = verb
    while True:
        group.append(head)
        for child in particles(head):
            words.append(child.lower_)
            group.append(child)
        nxt = None
        if not has_child(head, _OBJECT_DEPS):
            nxt = next((c for c in head.rights if c.dep_ == "xcomp" and c.pos_ in _VERBAL),
                       None)
        acomp = next(iter(children_with(head, ("acomp",))), None)
        if nxt is None and acomp is not None and head.lemma_ == "be":
            # "is able to service": the adjective and its xcomp join the relation.
            nxt = next((c for c in acomp.rights if c.dep_ == "xcomp" and c.pos_ == "VERB"),
                       None)
            if nxt is not None:
                # "too sick to do": "too" says the xcomp does not happen; it stays.
                too = [c for c in acomp.lefts if c.dep_ == "advmod" and c.lower_ == "too"]
                group += [*too, acomp]
                words += [*(t.lower_ for t in too), acomp.lower_]
        if nxt is None:
            return head, words, negated
        to = [c for c in nxt.lefts if c.tag_ == "TO" or c.dep_ in ("aux", "neg", "auxpass")]
        group += to
        if words == [head.lemma_.lower()] and words[0] in NEGATING_VERBS:
            # "failed to stop the attack": the attack was not stopped.
            words, negated = [t.lemma_.lower() for t in to if t.dep_ == "auxpass"], not negated
        else:
            # "wished to be associated with": the passive stays ("be associated").
            words += [t.lemma_.lower() if t.dep_ == "auxpass" else t.lower_ for t in to]
        passive_step = any(t.dep_ == "auxpass" for t in to)
        words.append(nxt.lower_ if passive_step else nxt.lemma_.lower())
        negated = negated != any(t.dep_ == "neg" for t in to)
        head = nxt
