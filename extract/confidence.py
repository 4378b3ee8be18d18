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

__all__ = ["WEIGHTS", "features", "score_fact", "score_from", "fit"]


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
        f"cons={fact.construction}",
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
    if subj.ent_type_:
        names.append("subj_ent")
    if obj.ent_type_:
        names.append("obj_ent")
    if subj.pos_ == "PRON":
        names.append("subj_pron")
    if fact.negated:
        names.append("negated")
    if fact.modality:
        names.append("modal")
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
    'cons=acl': 0.019,
    'cons=advcl': 0.121,
    'cons=apposition': 0.025,
    'cons=ccomp': 0.218,
    'cons=conj': 0.52,
    'cons=copula': -0.181,
    'cons=light_verb': -0.449,
    'cons=named_prep': 0.296,
    'cons=noun_prep': -0.35,
    'cons=passive': 0.05,
    'cons=pcomp': 0.23,
    'cons=possessive': -0.928,
    'cons=prep': 0.296,
    'cons=relcl': 0.044,
    'cons=svo': 0.227,
    'cons=title': 0.341,
    'cons=xcomp': -0.487,
    'extra=0': 0.036,
    'extra=1': -0.2,
    'extra=2': -0.685,
    'modal': 0.405,
    'negated': -0.106,
    'np=at': -0.678,
    'np=between': 0.038,
    'np=for': -0.282,
    'np=from': -0.173,
    'np=in': -0.078,
    'np=near': 1.085,
    'np=of': -0.367,
    'np=on': -0.421,
    'np=with': 0.188,
    'obj_ent': 0.125,
    'obj_punct': -0.168,
    'odep=acomp': -0.052,
    'odep=appos': 0.201,
    'odep=attr': -0.243,
    'odep=ccomp': 0.218,
    'odep=compound': -0.664,
    'odep=conj': -0.102,
    'odep=dobj': -0.086,
    'odep=nmod': 0.778,
    'odep=nsubj': 0.975,
    'odep=nsubjpass': -1.083,
    'odep=oprd': 0.072,
    'odep=pcomp': -0.727,
    'odep=pobj': 0.024,
    'olen=1': -0.211,
    'olen=13+': -0.635,
    'olen=2-3': 0.014,
    'olen=4-6': 0.143,
    'olen=7-12': 0.148,
    'opos=ADJ': -0.201,
    'opos=ADP': -0.075,
    'opos=ADV': 1.073,
    'opos=AUX': 0.077,
    'opos=NOUN': -0.059,
    'opos=NUM': -0.23,
    'opos=PRON': -0.136,
    'opos=PROPN': -0.204,
    'opos=VERB': -1.009,
    'opos=clause': 0.218,
    'rlen=1': -0.117,
    'rlen=2': -0.042,
    'rlen=3': 0.037,
    'rlen=4': 0.157,
    'sdep=ROOT': -0.803,
    'sdep=appos': 0.064,
    'sdep=attr': -0.276,
    'sdep=ccomp': 1.169,
    'sdep=conj': -0.208,
    'sdep=csubj': -0.649,
    'sdep=dobj': -0.216,
    'sdep=nmod': -1.225,
    'sdep=npadvmod': 0.289,
    'sdep=nsubj': 0.334,
    'sdep=nsubjpass': 0.299,
    'sdep=oprd': -0.27,
    'sdep=pobj': -0.048,
    'sdep=poss': -0.58,
    'sdep=relcl': 0.269,
    'sentlen=long': -0.087,
    'sentlen=mid': -0.02,
    'slen=1': -0.036,
    'slen=13+': -0.985,
    'slen=2-3': 0.11,
    'slen=4-6': 0.042,
    'slen=7-12': -0.364,
    'spos=ADJ': -0.13,
    'spos=AUX': -0.459,
    'spos=NOUN': -0.123,
    'spos=NUM': -0.341,
    'spos=PRON': -0.04,
    'spos=PROPN': 0.411,
    'spos=SCONJ': -0.171,
    'spos=VERB': -0.194,
    'subj_ent': -0.158,
    'subj_pron': -0.04,
    'subj_punct': -0.42,
    'subject_after_verb': 0.097,
    'vdep=ROOT': 0.664,
    'vdep=acl': 0.028,
    'vdep=advcl': -0.187,
    'vdep=ccomp': -0.249,
    'vdep=conj': 0.11,
    'vdep=csubj': -0.43,
    'vdep=pcomp': -0.787,
    'vdep=relcl': 0.287,
    'vdep=xcomp': 0.459,
    'vtag=VB': -0.427,
    'vtag=VBD': 0.398,
    'vtag=VBG': 0.038,
    'vtag=VBN': 0.489,
    'vtag=VBP': -0.212,
    'vtag=VBZ': 0.031,
}


def score_fact(fact: Fact) -> float:
    """A confidence in [0, 1] for ``fact`` under the fitted :data:`WEIGHTS`.

    Raises:
        ValueError: The fact's construction has no fitted weight (a new rule: refit).
    """
    if f"cons={fact.construction}" not in WEIGHTS:
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
