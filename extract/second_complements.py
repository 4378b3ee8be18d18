"""Objects that a verb's second complement turns into something else.

"called replication the gold standard", "made the couple a model of modern marriage", "find
Tulsa's rolling land to be challenging", "take their job very seriously": the verb says what
its object is called, made, found or taken as, and the object alone says something else.
Nobody calls the gold standard, finds the land or takes the job. Each test here is a row of
:data:`extract.vetoes.GRAPH_VETOES`, which drops the graph fact and names why; each reads
the children of the fact's verb and object and compares tokens by index.
"""

from __future__ import annotations

from extract.clauses import first_conjunct
from extract.lexicon import JUDGING_VERBS, RESULT_VERBS, TAKING_ADVERBS
from extract.records import Fact

__all__ = ["predicate_of_the_object", "judged_object", "taken_as"]


def predicate_of_the_object(fact: Fact) -> bool:
    """What a verb says its object is, read as the object: "some commentators have called
    replication the 'gold standard' of research evidence" call replication that, not
    (commentators, call, gold standard); "Hu's account ... made the couple a model of modern
    marriage" made no model (the parser gives "model" a subject of its own); "found 10
    members guilty" and "left 80 civilians dead" found and left no one."""
    obj = first_conjunct(fact.object)
    if obj.dep_ == "dobj" and any(c.dep_ == "nsubj" for c in obj.children):
        return True
    head = obj.head
    if obj.dep_ == "dobj" and _state_of_the_object(obj, head):
        return True
    # A name after the object is kept: "named their robot 'Robogee'" is read as naming it.
    return obj.dep_ == "oprd" and obj.pos_ == "NOUN" and any(
        c.dep_ == "dobj" and c.i < obj.i for c in head.children)


def _state_of_the_object(obj, head) -> bool:
    """An adjective after the object that says what a verb of judging or of result finds or
    leaves it: "has found 10 militia gang members guilty of crimes" (the parser hangs
    "guilty" on the noun), "left nearly 80 civilians dead" (on the verb)."""
    lemma = head.lemma_.lower()
    if lemma not in JUDGING_VERBS and lemma not in RESULT_VERBS:
        return False
    return any(c.dep_ == "oprd" and c.pos_ == "ADJ" and c.i > obj.i for c in head.children) \
        or any(c.dep_ == "amod" and c.pos_ == "ADJ" and c.i == obj.i + 1 for c in obj.children)


def judged_object(fact: Fact) -> bool:
    """The object of a verb of judging followed by "to be": "Riders ... may find Tulsa's
    rolling land to be a bit more challenging" do not find the land, they judge it."""
    clause = fact.clause
    obj = fact.object
    if clause is None or obj.dep_ != "dobj" or obj.head.i != clause.head.i:
        return False
    head = clause.head
    return head.lemma_.lower() in JUDGING_VERBS and any(
        c.dep_ == "xcomp" and c.i > obj.i and c.lemma_ == "be" and not any(
            g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in head.children)


def taken_as(fact: Fact) -> bool:
    """"take" with an adverb of regard after its object: "the meter maids take their job very
    seriously" and "Taking his discoveries further" take nothing anywhere; (maids, take,
    job) says something else."""
    clause = fact.clause
    obj = fact.object
    if clause is None or obj.dep_ != "dobj" or clause.head.lemma_.lower() != "take":
        return False
    return obj.head.i == clause.head.i and any(
        c.dep_ == "advmod" and c.i > obj.i and c.lower_ in TAKING_ADVERBS
        for c in clause.head.children)
