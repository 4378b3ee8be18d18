"""Confidence of a fact: how likely the rules read the sentence right.

The score is a logistic model over cheap features of a :class:`~extract.records.Fact`: the
construction that read it (``cons=NAME``, one per rule of :mod:`extract.rules`), what its
clause says (the verb's label and tag, negation, modality), the shape of the arguments (length, named entity, pronoun, clause),
the parse labels involved and how much of the relation had to be assembled. The weights in
:data:`WEIGHTS` were fitted on the CaRB dev split (:func:`fit`, with cross-validation by
sentence to check that the ranking generalises); the fitted target is the precision a fact
earns when the facts of its sentence are paired one to one with the gold tuples, so precision
falls as confidence falls and a second reading of an already-matched fact ranks low.

Refit with ``python benchmarks/carb/fit_confidence.py``; it prints the cross-validated and
in-sample scores and the new weights.
"""

from __future__ import annotations

import math
import random
from typing import Iterable, Mapping, Sequence

from extract.phrases import doc_text
from extract.records import Fact
from extract.rules import FURTHER_CLAUSE_RULES

__all__ = ["WEIGHTS", "GRAPH_ONLY", "features", "score_fact", "score_from", "fit"]


def _length_bin(n: int) -> str:
    if n <= 1:
        return "1"
    if n <= 3:
        return "2-3"
    if n <= 6:
        return "4-6"
    if n <= 12:
        return "7-12"
    return "13+"


#: Graph-only constructions, which Open IE output (and so CaRB) never sees, are weighed as the
#: construction they extend (``Rule.weighed_as``, on the rule's own row): a further
#: prepositional phrase naming an entity is a ``prep``.
GRAPH_ONLY: dict[str, str] = {
    rule.name: rule.weighed_as for rule in FURTHER_CLAUSE_RULES if rule.weighed_as}


def _weighed_as(construction: str) -> str:
    return GRAPH_ONLY.get(construction, construction)


def features(fact: Fact) -> list[str]:
    """The names of the (binary) features that hold for ``fact``.

    Every feature is read off tokens the rules already visited, so scoring costs a few
    attribute lookups per fact.
    """
    subj, obj = fact.subject, fact.object
    s_len = fact.subject_bounds[1] - fact.subject_bounds[0]
    o_len = fact.object_bounds[1] - fact.object_bounds[0]
    verb = fact.verb
    names = [
        "bias",
        f"cons={_weighed_as(fact.construction)}",
        f"slen={_length_bin(s_len)}",
        f"olen={_length_bin(o_len)}",
        f"extra={min(len(fact.extra), 2)}",
        f"rlen={min(len(fact.relation.split()), 4)}",
        f"spos={subj.pos_}",
        f"opos={obj.pos_}" if not fact.clause_object else "opos=clause",
        f"odep={obj.dep_}",
        f"sdep={subj.dep_}",
    ]
    if fact.construction == "noun_prep":
        names.append(f"np={fact.relation.split()[-1].lower()}")
    if verb is not None:
        names.append(f"vdep={verb.dep_}")
        names.append(f"vtag={verb.tag_}")
        if verb.i < fact.subject_bounds[0]:
            names.append("subject_after_verb")
    flags = (
        ("subj_ent", bool(subj.ent_type_)),
        ("obj_ent", bool(obj.ent_type_)),
        ("subj_pron", subj.pos_ == "PRON"),
        ("negated", fact.negated),
        ("modal", bool(fact.modality)),
        ("obj_pron", obj.pos_ == "PRON"),
    )
    names += [name for name, present in flags if present]
    clause = fact.clause
    if clause is not None:
        voice = clause.voice
        if voice.reported_by is not None:
            names.append("reported" if voice.stance == "asserted" else f"stance={voice.stance}")
        if voice.conditional:
            names.append("conditional")
        if voice.intended:
            names.append("intended")
    doc = subj.doc
    n = len(doc)
    names.append(f"sentlen={'short' if n < 15 else 'mid' if n < 30 else 'long'}")
    text = doc_text(doc)
    for bounds, name in ((fact.object_bounds, "obj_punct"), (fact.subject_bounds, "subj_punct")):
        last = doc[bounds[1] - 1]
        span = text[doc[bounds[0]].idx : last.idx + len(last)]
        if "," in span or ";" in span or ":" in span:
            names.append(name)
    return names


#: Fitted log-odds weights (see the module docstring). Unknown features weigh nothing, but every
#: construction must have a weight (:func:`score_fact` checks, and so do the tests).
WEIGHTS: dict[str, float] = {
    'bias': -0.031,
    'conditional': -0.806,
    'cons=acl': -0.024,
    'cons=advcl': -0.008,
    'cons=apposition': -0.019,
    'cons=ccomp': 0.52,
    'cons=conj': 0.49,
    'cons=copula': -0.206,
    'cons=light_verb': -0.389,
    'cons=noun_prep': -0.403,
    'cons=passive': -0.003,
    'cons=pcomp': 0.33,
    'cons=possessive': -0.962,
    'cons=prep': 0.251,
    'cons=relcl': 0.079,
    'cons=svo': 0.22,
    'cons=title': 0.321,
    'cons=xcomp': -0.301,
    'extra=0': 0.032,
    'extra=1': -0.203,
    'extra=2': -0.611,
    'intended': 0.63,
    'modal': 0.458,
    'negated': -0.19,
    'np=at': -0.69,
    'np=between': 0.003,
    'np=for': -0.289,
    'np=from': -0.185,
    'np=in': -0.096,
    'np=near': 1.089,
    'np=of': -0.384,
    'np=on': -0.447,
    'np=with': 0.175,
    'obj_ent': 0.109,
    'obj_pron': -0.018,
    'obj_punct': -0.159,
    'odep=acomp': 0.042,
    'odep=appos': 0.206,
    'odep=attr': -0.162,
    'odep=ccomp': 0.52,
    'odep=compound': -0.665,
    'odep=conj': -0.089,
    'odep=dobj': -0.085,
    'odep=nmod': 0.761,
    'odep=nsubj': 0.98,
    'odep=nsubjpass': -1.109,
    'odep=oprd': 0.053,
    'odep=pcomp': -1.127,
    'odep=pobj': 0.019,
    'olen=1': -0.208,
    'olen=13+': -0.634,
    'olen=2-3': 0.026,
    'olen=4-6': 0.15,
    'olen=7-12': 0.145,
    'opos=ADJ': -0.166,
    'opos=ADP': -0.025,
    'opos=ADV': 1.14,
    'opos=NOUN': -0.026,
    'opos=NUM': -0.126,
    'opos=PRON': -0.018,
    'opos=PROPN': -0.158,
    'opos=VERB': -0.703,
    'opos=clause': -0.289,
    'reported': -0.743,
    'rlen=1': -0.141,
    'rlen=2': -0.057,
    'rlen=3': 0.141,
    'rlen=4': 0.206,
    'sdep=ROOT': -0.791,
    'sdep=appos': 0.064,
    'sdep=attr': -0.251,
    'sdep=ccomp': 1.173,
    'sdep=conj': -0.233,
    'sdep=csubj': -0.647,
    'sdep=dobj': -0.247,
    'sdep=nmod': -1.185,
    'sdep=npadvmod': 0.244,
    'sdep=nsubj': 0.355,
    'sdep=nsubjpass': 0.303,
    'sdep=oprd': -0.25,
    'sdep=pobj': -0.045,
    'sdep=poss': -0.563,
    'sdep=relcl': 0.259,
    'sentlen=long': -0.092,
    'sentlen=mid': -0.006,
    'sentlen=short': -0.007,
    'slen=1': -0.045,
    'slen=13+': -0.984,
    'slen=2-3': 0.128,
    'slen=4-6': 0.047,
    'slen=7-12': -0.347,
    'spos=ADJ': -0.08,
    'spos=AUX': -0.432,
    'spos=NOUN': -0.11,
    'spos=NUM': -0.355,
    'spos=PRON': -0.054,
    'spos=PROPN': 0.414,
    'spos=SCONJ': -0.181,
    'spos=VERB': -0.219,
    'stance=questioned': 0.13,
    'subj_ent': -0.16,
    'subj_pron': -0.054,
    'subj_punct': -0.45,
    'subject_after_verb': 0.123,
    'vdep=ROOT': 0.581,
    'vdep=acl': 0.065,
    'vdep=advcl': -0.173,
    'vdep=ccomp': 0.082,
    'vdep=conj': 0.079,
    'vdep=csubj': -0.27,
    'vdep=pcomp': -0.99,
    'vdep=relcl': 0.186,
    'vdep=xcomp': 0.834,
    'vtag=VB': -0.416,
    'vtag=VBD': 0.454,
    'vtag=VBG': 0.129,
    'vtag=VBN': 0.505,
    'vtag=VBP': -0.169,
    'vtag=VBZ': 0.053,
}


def score_fact(fact: Fact) -> float:
    """A confidence in [0, 1] for ``fact`` under the fitted :data:`WEIGHTS`.

    Raises:
        ValueError: The fact's construction has no fitted weight (a new rule: refit).
    """
    if f"cons={_weighed_as(fact.construction)}" not in WEIGHTS:
        raise ValueError(
            f"No fitted confidence weight for construction {fact.construction!r}; refit with "
            f"python benchmarks/carb/fit_confidence.py"
        )
    return score_from(WEIGHTS, features(fact))


def fit(
    examples: Sequence[tuple[Sequence[str], float]],
    *,
    epochs: int = 60,
    rate: float = 0.1,
    l2: float = 1e-3,
    seed: int = 0,
) -> dict[str, float]:
    """Fit logistic weights to ``(feature names, target in [0, 1])`` examples by SGD.

    The target may be fractional (how well a fact matched gold); the loss is cross-entropy.

    >>> w = fit([(["bias", "good"], 1.0), (["bias", "bad"], 0.0)] * 20, epochs=200)
    >>> w["good"] > 0 > w["bad"]
    True
    """
    weights: dict[str, float] = {}
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(order)
        step = rate / (1.0 + 0.05 * epoch)
        for i in order:
            names, target = examples[i]
            z = sum(weights.get(name, 0.0) for name in names)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            grad = p - target
            for name in names:
                old = weights.get(name, 0.0)
                weights[name] = old - step * (grad + l2 * old)
    return {name: round(value, 3) for name, value in sorted(weights.items()) if abs(value) > 1e-3}


def score_from(weights: Mapping[str, float], names: Iterable[str]) -> float:
    """The logistic of the summed ``weights`` of feature ``names``; unknown features weigh 0.

    >>> score_from({"bias": 0.0}, ["bias", "unknown"])
    0.5
    """
    z = sum(weights.get(name, 0.0) for name in names)
    return round(1.0 / (1.0 + math.exp(-z)), 4)
