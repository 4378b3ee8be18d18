"""Person nouns a "he" or "she" could mean besides the name the resolver found.

:mod:`extract.coref` leaves a pronoun open when such a noun stands in reach ("the captain
... he"); the tests are here, apart from the resolver, with the labels a rival can have so a
scan reads them off the document's arrays before it makes a Token.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.doc_memo import once_per_key
from extract.lexicon import (
    FEMALE_NOUNS,
    FEMALE_PRONOUNS,
    MALE_NOUNS,
    MALE_PRONOUNS,
    PERSON_NOUNS,
    ROLE_WORDS,
)
from extract.things import is_person_noun

__all__ = ["RIVAL_DEPS", "person_noun_in_sentence", "rival_person"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: The only labels :func:`rival_person` can accept (a subject, or a definite object).
RIVAL_DEPS = _SUBJECTS | {"dobj", "pobj"}


def rival_person(token: Token, gender: str) -> bool:
    """True when ``token`` is a person noun that "he" (``m``) or "she" (``f``) could mean too.

    Rivals are singular person nouns, capitalised ("the Prime Minister") or not, that are
    subjects or definite objects, unless of the other gender ("his mother" is no rival for
    "he"), and subject names the recogniser did not tag ("God"). Plural nouns ("reporters"),
    indefinite objects ("for having a child") and nouns that describe the named person
    ("Saud al-Rasheed, a 21-year-old Saudi man", "served as the Director") are not.
    """
    # Each pronoun's window is scanned by several rules, and the windows overlap.
    return once_per_key(token.doc, "kg.rival_person", (token.i, gender),
                        lambda: _rival_person(token, gender))


def _rival_person(token: Token, gender: str) -> bool:
    if token.ent_type_:
        return False
    if token.pos_ == "PROPN" and token.dep_ in _SUBJECTS:
        return True  # a name the recogniser missed ("God had put humans on Earth")
    if token.dep_ not in _SUBJECTS and not (
        token.dep_ in ("dobj", "pobj") and any(c.dep_ == "det" and c.lower_ == "the"
                                               for c in token.lefts)
    ):
        return False  # an indefinite object ("for having a child") is seldom referred back to
    lemma = token.lemma_.lower()
    if not (token.tag_ == "NN" and is_person_noun(token)) and not (
            token.tag_ == "NNP" and lemma in PERSON_NOUNS and lemma in ROLE_WORDS and not (
                token.head.lower_ == "as" or any(c.dep_ == "appos" for c in token.children))):
        return False  # "the Prime Minister" too, not "served as the Director", "the Premier, X"
    return lemma not in (FEMALE_NOUNS if gender == "m" else MALE_NOUNS)


def person_noun_in_sentence(token: Token, gender: str) -> bool:
    """True when ``token`` is a singular person noun that "he" (``m``) or "she" (``f``)
    later in its sentence could mean, whatever its role: weaker evidence than a name in
    reach (the document's topic person) gives way to it. Not a noun of the other gender, nor
    one a pronoun of the same gender owns ("her mentor" is not she)."""
    if token.tag_ != "NN" or not is_person_noun(token) or token.ent_type_:
        return False
    if token.lemma_.lower() in (FEMALE_NOUNS if gender == "m" else MALE_NOUNS):
        return False
    pronouns = MALE_PRONOUNS if gender == "m" else FEMALE_PRONOUNS
    return not any(c.dep_ == "poss" and c.lower_ in pronouns for c in token.lefts)
