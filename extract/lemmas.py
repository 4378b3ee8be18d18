"""Verb lemmas the rule lemmatizer gets wrong: "hoped" -> "hop", "coding" -> "cod".

spaCy's English rule lemmatizer strips "-ed", "-ing" and "-es" and keeps the first form its verb
index knows, so a one-syllable verb whose base ends in a silent "e" loses it when the bare
stem is also a word: "hoped" -> "hop", "hopes" -> "hop", "rated" -> "rat", "waned" -> "wan",
"coding" -> "cod". English spelling settles it: a one-syllable verb ending in one vowel and one consonant doubles
the consonant before the ending ("hopped", "rotted"), so an undoubled one ("hoped") comes from
the base with "e". A fact's relation is written with its verb's lemma, so the wrong one is a
garbled relation ("companies | hop to leverage | ...").

A verb with a hyphenated prefix, which the tokenizer keeps whole (:mod:`extract.hyphen_prefixes`),
is a word the verb index does not know, so the lemmatizer only guesses: "co-owned" ->
"co-owne", "re-embarking" -> "re-embarke". Its lemma is the prefix and the lemma of the rest
("co-own", "re-embark").

Any other "-ed" or "-ing" form whose lemma the verb index does not know is a guess too
("cordoned" -> "cordone", "helicoptered" -> "helicoptere", "reoffending" -> "reoffende"), and
a fact's relation would read "cordone off". Its lemma is, in this order, a prefix written
without a hyphen and the lemma of a verb the index knows ("reoffend", "reinter"), a form with
a doubled consonant undone that is a known verb ("targetting" -> "target"), or a form that is
a known noun, as English makes verbs of nouns ("cordon", "helicopter", "deadlock").
"""

from __future__ import annotations

import re

from spacy.attrs import POS
from spacy.language import Language
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc

from extract.lexicon import HYPHEN_PREFIXES

__all__ = ["VERB_LEMMAS", "silent_e_lemma", "prefixed_lemma", "unknown_verb_lemma",
           "verb_lemmas"]

#: The name of the pipeline component, added after the lemmatizer by ``load_nlp``.
VERB_LEMMAS = "kg_verb_lemmas"

#: A one-syllable stem ending in one vowel and one consonant that doubles ("hop", "rat").
_UNDOUBLED = re.compile(r"[^aeiouy]*[aeiou][b-df-hj-np-tvz]")


def silent_e_lemma(word: str, lemma: str, verbs: frozenset[str] | set[str]) -> str | None:
    """The right lemma of ``word`` when the lemmatizer dropped its base's silent "e", else None.

    >>> verbs = {"hope", "hop", "rate", "rat", "visit"}
    >>> silent_e_lemma("hoped", "hop", verbs), silent_e_lemma("hopes", "hop", verbs)
    ('hope', 'hope')
    >>> silent_e_lemma("hopped", "hop", verbs), silent_e_lemma("visited", "visit", verbs)
    (None, None)
    """
    lower = word.lower()
    suffix = "ed" if lower.endswith("ed") else "ing" if lower.endswith("ing") else \
        "es" if lower.endswith("es") else None
    if suffix is None or lemma.lower() != lower[: -len(suffix)]:
        return None
    stem = lemma.lower()
    if _UNDOUBLED.fullmatch(stem) is None or stem + "e" not in verbs:
        return None
    return stem + "e"


def prefixed_lemma(word: str, exceptions: dict[str, list[str]], rules: list[list[str]],
                   verbs: frozenset[str] | set[str]) -> str | None:
    """The lemma of a verb with a hyphenated prefix: the prefix and the rest's lemma, found as
    spaCy's rule lemmatizer finds a verb's (an exception, else the first ending rule that
    makes a known verb, else the first that makes anything); None for another word.

    >>> rules = [["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]]
    >>> verbs = {"own", "embark", "elect", "rate"}
    >>> prefixed_lemma("co-owned", {}, rules, verbs), prefixed_lemma("re-rated", {}, rules, verbs)
    ('co-own', 're-rate')
    >>> prefixed_lemma("co-starred", {"starred": ["star"]}, rules, verbs)
    'co-star'
    >>> prefixed_lemma("John-Christian", {}, rules, verbs) is None
    True
    """
    prefix, hyphen, rest = word.lower().partition("-")
    if not hyphen or prefix not in HYPHEN_PREFIXES or not rest.isalpha():
        return None
    if rest in exceptions:
        return f"{prefix}-{exceptions[rest][0]}"
    forms = [rest[: len(rest) - len(old)] + new for old, new in rules if rest.endswith(old)]
    known = [form for form in forms if form in verbs]
    return f"{prefix}-{(known or forms or [rest])[0]}"


def _forms(word: str, rules: list[list[str]]) -> list[str]:
    """The forms spaCy's ending rules make of ``word``, and each with a doubled final
    consonant undone ("targett" -> "target")."""
    forms = [word[: len(word) - len(old)] + new for old, new in rules if word.endswith(old)]
    undoubled = [f[:-1] for f in forms
                 if len(f) > 3 and f[-1] == f[-2] and f[-1] not in "aeiou"]
    return forms + undoubled


def _known_lemma(word: str, exceptions: dict[str, list[str]], rules: list[list[str]],
                 verbs: frozenset[str] | set[str]) -> str | None:
    if word in exceptions:
        return exceptions[word][0]
    return next((form for form in _forms(word, rules) if form in verbs), None)


def unknown_verb_lemma(word: str, lemma: str, exceptions: dict[str, list[str]],
                       rules: list[list[str]], verbs: frozenset[str] | set[str],
                       nouns: frozenset[str] | set[str]) -> str | None:
    """A better lemma for an "-ed" or "-ing" form whose lemma the verb index does not know:
    an unhyphenated prefix and a known verb's lemma, a known verb with a doubled consonant
    undone, a known noun made a verb; None when the lemma is known or nothing is better.

    >>> rules = [["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]]
    >>> verbs, nouns = {"offend", "target"}, {"cordon", "target"}
    >>> unknown_verb_lemma("cordoned", "cordone", {}, rules, verbs, nouns)
    'cordon'
    >>> unknown_verb_lemma("reoffending", "reoffende", {}, rules, verbs, nouns)
    'reoffend'
    >>> unknown_verb_lemma("targetting", "targette", {}, rules, verbs, nouns)
    'target'
    >>> unknown_verb_lemma("offended", "offend", {}, rules, verbs, nouns) is None
    True
    """
    lower = word.lower()
    if lemma.lower() in verbs or not lower.isalpha() or not lower.endswith(("ed", "ing")):
        return None
    for prefix in sorted(HYPHEN_PREFIXES):
        rest = lower[len(prefix):]
        if lower.startswith(prefix) and len(rest) > 3 and (
                known := _known_lemma(rest, exceptions, rules, verbs)) is not None:
            return prefix + known
    forms = _forms(lower, rules)
    return next((f for f in forms if f in verbs), None) or next(
        (f for f in forms if f in nouns), None)


@Language.factory(VERB_LEMMAS)
def verb_lemmas(nlp: Language, name: str):
    """A component that puts back the silent "e" of one-syllable verb lemmas, makes the
    lemma of a verb with a hyphenated prefix from the rest's and finds a better one for any
    other verb form whose lemma is a guess (a no-op for a pipeline whose lemmatizer has no
    verb index)."""
    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    exceptions: dict[str, list[str]] = {}
    rules: list[list[str]] = []
    if nlp.has_pipe("lemmatizer"):
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            verbs = frozenset(lookups.get_table("lemma_index").get("verb", ()))
            nouns = frozenset(lookups.get_table("lemma_index").get("noun", ()))
            if lookups.has_table("lemma_exc") and lookups.has_table("lemma_rules"):
                exceptions = dict(lookups.get_table("lemma_exc").get("verb", {}))
                rules = list(lookups.get_table("lemma_rules").get("verb", []))

    def fix(doc: Doc) -> Doc:
        if verbs:
            # the verbs found in the part-of-speech column: a Token is made of those only
            for i, pos in enumerate(doc.to_array(POS).tolist()):
                if pos == VERB or pos == AUX:
                    token = doc[i]
                    lemma = prefixed_lemma(token.text, exceptions, rules, verbs) if (
                        rules and "-" in token.text) else None
                    lemma = lemma or silent_e_lemma(token.text, token.lemma_, verbs)
                    if lemma is None and rules:
                        lemma = unknown_verb_lemma(token.text, token.lemma_, exceptions,
                                                   rules, verbs, nouns)
                    if lemma is not None:
                        token.lemma_ = lemma
        return doc

    return fix
