"""Where a pronoun stands in its clause: the subject the text gives that clause, whether the
clause modifies a noun, and which of he, she, it or they the pronoun is.

Plain reads of the parse for :mod:`extract.coref`, kept apart from the rules that resolve a
pronoun. Every walk up the tree is bounded by the document's length, so it ends on any parse.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.lexicon import FEMALE_PRONOUNS, MALE_PRONOUNS, PLURAL_PRONOUNS, SINGULAR_PRONOUNS

__all__ = ["in_noun_modifier", "pronoun_kind", "said_subject"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def said_subject(token: Token) -> Token | None:
    """The pronoun the text itself puts as the subject of ``token``'s clause, if any (found as
    :func:`extract.coref._clause_subject` finds a subject, before that pronoun is resolved)."""
    node = token
    for _ in range(len(token.doc)):
        subject = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return subject if subject.pos_ == "PRON" and subject.i != token.i else None
        if node.head.i == node.i or node.dep_ in ("relcl", "acl", "ccomp", "csubj",
                                                   "parataxis"):
            return None
        node = node.head
    return None


def pronoun_kind(token: Token) -> str:
    """Which of he, she, it or they a pronoun is a form of ("" for any other word)."""
    lower = token.lower_
    for kind, forms in (("m", MALE_PRONOUNS), ("f", FEMALE_PRONOUNS),
                        ("it", SINGULAR_PRONOUNS), ("they", PLURAL_PRONOUNS)):
        if lower in forms:
            return kind
    return ""


def in_noun_modifier(token: Token) -> bool:
    """True when ``token``'s clause, up its xcomp chain, is a clause modifying a noun ("acl")
    and has no subject of its own: who does it is a guess."""
    node = token.head
    for _ in range(len(token.doc)):
        if any(c.dep_ in _SUBJECTS for c in node.children) or node.head.i == node.i:
            return False
        if node.dep_ == "acl":
            return True
        if node.dep_ not in ("xcomp", "conj"):
            return False
        node = node.head
    return False
