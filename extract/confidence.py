"""Confidence of a fact: how likely the rules read the sentence right.

The score is a logistic model over cheap features of a :class:`~extract.records.Fact`: the
construction that read it (``cons=NAME``, one per rule of :mod:`extract.rules`), what its
clause says (the verb's label and tag, negation, modality), the shape of the arguments (length, named entity, pronoun, clause),
the parse labels involved and how much of the relation had to be assembled. The weights in
:data:`WEIGHTS` were fitted on the CaRB dev split (:func:`fit`, with cross-validation by
sentence to check that the ranking generalises); the fitted target is the precision a fact
earns when the facts of its sentence are paired one to one with the gold tuples, so precision
falls as confidence falls and a second reading of an already-matched fact ranks low. A
feature seen on fewer than 20 facts of CaRB dev gets no weight (its fit is noise).

Refit with ``python benchmarks/carb/fit_confidence.py``; it prints the cross-validated and
in-sample scores and the new weights.
"""

from __future__ import annotations

import math
import random
from collections import Counter
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
    'bias': -0.029,
    'cons=acl': -0.021,
    'cons=advcl': 0.088,
    'cons=apposition': -0.05,
    'cons=ccomp': 0.677,
    'cons=conj': 0.449,
    'cons=copula': -0.133,
    'cons=light_verb': -0.376,
    'cons=noun_prep': -0.379,
    'cons=passive': 0.114,
    'cons=pcomp': 0.171,
    'cons=possessive': -0.883,
    'cons=prep': 0.332,
    'cons=relcl': 0.198,
    'cons=svo': 0.222,
    'cons=title': 0.14,
    'cons=xcomp': -0.289,
    'extra=0': 0.005,
    'extra=1': -0.166,
    'extra=2': -0.512,
    'modal': 0.119,
    'negated': -0.33,
    'np=at': -0.706,
    'np=for': -0.326,
    'np=from': -0.264,
    'np=in': -0.17,
    'np=of': -0.491,
    'np=on': -0.469,
    'np=with': 0.076,
    'obj_ent': 0.078,
    'obj_pron': -0.026,
    'obj_punct': -0.165,
    'odep=acomp': 0.074,
    'odep=appos': 0.176,
    'odep=attr': -0.126,
    'odep=ccomp': 0.677,
    'odep=compound': -0.552,
    'odep=conj': -0.058,
    'odep=dobj': 0.019,
    'odep=nsubj': 0.887,
    'odep=pobj': 0.068,
    'olen=1': -0.205,
    'olen=13+': -0.603,
    'olen=2-3': 0.041,
    'olen=4-6': 0.19,
    'olen=7-12': 0.125,
    'opos=ADJ': -0.154,
    'opos=NOUN': 0.036,
    'opos=NUM': -0.039,
    'opos=PRON': -0.026,
    'opos=PROPN': -0.086,
    'opos=clause': -0.644,
    'reported': -0.618,
    'rlen=1': -0.096,
    'rlen=2': -0.058,
    'rlen=3': 0.209,
    'rlen=4': 0.176,
    'sdep=appos': -0.005,
    'sdep=attr': -0.298,
    'sdep=conj': -0.204,
    'sdep=dobj': -0.275,
    'sdep=nsubj': 0.313,
    'sdep=nsubjpass': 0.263,
    'sdep=pobj': -0.126,
    'sdep=poss': -0.694,
    'sentlen=long': -0.026,
    'sentlen=mid': -0.03,
    'sentlen=short': 0.003,
    'slen=1': -0.048,
    'slen=13+': -0.934,
    'slen=2-3': 0.003,
    'slen=4-6': 0.067,
    'slen=7-12': -0.381,
    'spos=ADJ': -0.134,
    'spos=NOUN': -0.09,
    'spos=NUM': -0.339,
    'spos=PRON': 0.013,
    'spos=PROPN': 0.279,
    'subj_ent': -0.082,
    'subj_pron': 0.013,
    'subj_punct': -0.443,
    'subject_after_verb': 0.217,
    'vdep=ROOT': 0.443,
    'vdep=acl': 0.074,
    'vdep=advcl': -0.251,
    'vdep=ccomp': 0.012,
    'vdep=conj': 0.043,
    'vdep=pcomp': -0.904,
    'vdep=relcl': 0.096,
    'vtag=VB': -0.107,
    'vtag=VBD': 0.377,
    'vtag=VBG': 0.031,
    'vtag=VBN': 0.535,
    'vtag=VBP': -0.189,
    'vtag=VBZ': -0.035,
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
    epochs: int = 150,
    rate: float = 0.1,
    l2: float = 1e-2,
    min_count: int = 20,
    seed: int = 0,
) -> dict[str, float]:
    """Fit logistic weights to ``(feature names, target in [0, 1])`` examples by SGD.

    The target may be fractional (how well a fact matched gold); the loss is cross-entropy.
    A feature found in fewer than ``min_count`` examples gets no weight (a handful of facts
    only teaches the noise of those facts), except ``bias`` and the constructions, which
    :func:`score_fact` needs.

    >>> w = fit([(["bias", "good"], 1.0), (["bias", "bad"], 0.0)] * 20 +
    ...         [(["bias", "rare"], 1.0)] * 3, epochs=200)
    >>> w["good"] > 0 > w["bad"], "rare" in w
    (True, False)
    """
    seen = Counter(name for names, _target in examples for name in set(names))
    examples = [([name for name in names if seen[name] >= min_count or name == "bias"
                  or name.startswith("cons=")], target) for names, target in examples]
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
