"""What "it" and "they" stand for: the one named subject in reach that agrees in number.

Split from :mod:`extract.coref` (which resolves every pronoun and names the rule that decided
it); the rule names returned here are listed in :data:`extract.coref.RESOLVED_BY` and
:data:`extract.coref.UNRESOLVED_BY`.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.doc_arrays import dep_labels, pos_tags, sentence_start
from extract.lexicon import (
    EXTRAPOSING_VERBS,
    NAMED_REFERENT_TYPES,
    NOT_REFERENT_TYPES,
    PERSON_NOUNS,
    PLURAL_PRONOUNS,
    SINGULAR_PRONOUNS,
    TELLING_VERBS,
    is_relative,
)

__all__ = ["extraposed_it", "is_person_noun", "thing_in_reach", "window_start"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Noun phrase heads that can be what "it" or "they" means (an apposition is its head again;
#: a conjunct is a referent of its own, also where the parser misreads "forces women").
_CANDIDATES = _SUBJECTS | frozenset({"dobj", "pobj", "attr", "conj", "dative", "oprd", "poss"})
_THING_WINDOW = 1


def window_start(token: Token, sentences: int) -> int:
    """Where the window of ``token``'s sentence and the ``sentences`` before it starts."""
    doc = token.doc
    start = sentence_start(doc, token.i)
    for _ in range(sentences):
        if start == 0:
            break
        start = sentence_start(doc, start - 1)
    return start


def is_person_noun(token: Token) -> bool:
    """True for a common noun that names a person ("captain", "mother")."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in PERSON_NOUNS


def extraposed_it(token: Token) -> bool:
    """True when "it" is the subject that stands for a clause after its verb: "It is likely
    that more jobs will go", "It seems that ...", "It is expected that ..." (a passive). It
    means that clause, never a thing named before; "It said that ..." is a speaker, and "it
    was told that ..." the one told.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("It is likely that more jobs will go. It said that jobs will go.")
    >>> extraposed_it(doc[0]), extraposed_it(doc[9])
    (True, False)
    """
    verb = token.head
    lemma = verb.lemma_.lower()
    if token.lower_ != "it" or token.dep_ not in _SUBJECTS or not (
            lemma in EXTRAPOSING_VERBS if token.dep_ == "nsubj" else lemma not in TELLING_VERBS):
        return False
    return any(c.dep_ in ("ccomp", "csubj") and c.i > token.i and not any(
        g.dep_ != "mark" and is_relative(g) for g in c.children)  # "It's stone that you carve"
        for c in verb.children)


def thing_in_reach(token: Token, plural: bool) -> tuple[Token | None, str]:
    """The one noun in reach that agrees with "it" (``plural`` False) or "they".

    Every subject and object of the sentence up to the pronoun and of the sentence before is
    a candidate ("it" never a person, a person noun or a coordination such as "Iraq and
    Russia"); a noun that only modifies another through "of" ("the capital of France") is
    not. Resolved only when exactly one candidate agrees.
    """
    if extraposed_it(token):
        return (None, "extraposed_it")
    start = window_start(token, _THING_WINDOW)
    doc = token.doc
    found: dict[str, Token] = {}
    deps, tags = dep_labels(doc), pos_tags(doc)
    for i in range(start, token.i):
        if deps[i] not in _CANDIDATES or tags[i] not in ("NOUN", "PROPN"):
            continue
        cand = doc[i]
        if cand.ent_type_ in NOT_REFERENT_TYPES:
            continue
        if cand.dep_ == "poss" and cand.head.pos_ != "NOUN":
            continue  # "Australia's Commonwealth Bank" names the bank, not Australia
        coordinated = any(c.dep_ == "conj" for c in cand.children)
        if (coordinated or cand.tag_ in ("NNS", "NNPS") or cand.ent_type_ == "NORP") != plural:
            continue
        if not plural and (cand.ent_type_ == "PERSON" or is_person_noun(cand)):
            continue
        if cand.dep_ == "pobj" and cand.head.head.i != cand.head.i and cand.head.head.pos_ in (
            "NOUN", "PROPN"
        ) and cand.head.lower_ == "of":
            continue  # "the capital of France": France modifies the capital, it is no rival
        found[cand.lemma_.lower()] = cand
    if len(found) != 1:
        return (None, "several_things_in_reach" if found else "no_thing_in_reach")
    (target,) = found.values()
    if any(c.dep_ == "conj" for c in target.children):
        # "Iraq and Russia ... they": no one node stands for the pair
        return (None, "coordinated_antecedent")
    if target.dep_ not in _SUBJECTS or target.ent_type_ not in NAMED_REFERENT_TYPES:
        # Only a name that was the topic of its clause is strong evidence: "It" after "the
        # best analogy I've heard" or "the northern part of Tulsa" is most often something
        # else (an event, the situation, a thing named earlier).
        return (None, "not_a_named_subject")
    same = SINGULAR_PRONOUNS if not plural else PLURAL_PRONOUNS
    if any(t.lower_ in same and t.i != token.i for t in doc[start:target.i]):
        # a thing spoken of before the name may be meant again
        return (None, "earlier_thing_spoken_of")
    return (target, "one_thing_in_reach")
