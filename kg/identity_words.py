"""Word lists of the identity rules (docs/identity.md) that the extraction lexicon lacks.

They live apart from :mod:`extract.lexicon`, which another line of work owns, and say only
which mentions may not be joined: kin of a named person and phrases that name many things.
"""

from __future__ import annotations

__all__ = ["DISTRIBUTIVE_DETERMINERS", "KINSHIP_NOUNS"]

KINSHIP_NOUNS = frozenset(
    "father mother son daughter brother sister husband wife widow widower uncle aunt nephew "
    "niece cousin grandfather grandmother grandson granddaughter parent stepfather "
    "stepmother stepson stepdaughter sibling".split()
)
"""Nouns of a family tie: a name they govern ("second son of Pierre L'Enfant", "his father,
Mr Smith") is a relative, who shares a surname or a first and last name with the person the
document is about and is not them (``kinship``)."""

DISTRIBUTIVE_DETERMINERS = frozenset("each every either neither".split())
"""Determiners that make a noun many things ("every team in the contest"): such a phrase is
never the one thing the same noun names elsewhere in its document (``number``). "No" and
"any" are left out: "had no clue", "without any uprising" are negations, which the facts
record as such."""
