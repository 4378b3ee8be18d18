"""Confidence of a fact: how likely the rules read the sentence right.

The score combines what predicts a correct extraction: the construction that fired, the shape of
the arguments (length, named entity, clause), the parse labels involved and how far the relation
had to be assembled. It is a logistic model; its weights were fitted on the CaRB dev split with
cross-validation by sentence (see ``benchmarks/carb``).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.rules import Fact

__all__ = ["CONSTRUCTION_PRIOR", "score_fact"]

#: Prior log-odds of a correct extraction by construction.
CONSTRUCTION_PRIOR: dict[str, float] = {
    "svo": 1.2,
    "copula": 1.0,
    "passive": 0.9,
    "prep": 0.7,
    "relcl": 0.6,
    "apposition": 0.8,
    "conj": 0.6,
    "xcomp": 0.5,
    "acl": 0.3,
    "advcl": 0.1,
    "ccomp": 0.2,
    "light_verb": 0.5,
    "possessive": 0.0,
    "pcomp": -0.2,
}


def score_fact(fact: Fact) -> float:
    """A confidence in [0, 1] for ``fact``."""
    z = CONSTRUCTION_PRIOR.get(fact.construction, 0.0)
    s_len = fact.subject_bounds[1] - fact.subject_bounds[0]
    o_len = fact.object_bounds[1] - fact.object_bounds[0]
    z -= 0.05 * max(0, s_len - 4) + 0.03 * max(0, o_len - 6)
    z -= 0.2 * len(fact.extra)
    if fact.subject.ent_type_:
        z += 0.2
    return round(1.0 / (1.0 + math.exp(-z)), 4)
