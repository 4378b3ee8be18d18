"""Acronyms a document defines: "Large Language Models (LLMs)" makes every "LLMs" one entity.

The document is scanned once (the result is cached in ``doc.user_data``) for a noun phrase
followed by a bracketed acronym made of its initials; later and earlier mentions of the acronym
then take the expansion's key, so they share its node in the graph.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.phrases import entity_key, entity_label
from kg.merge import acronym_matches

__all__ = ["acronyms", "acronym_key", "acronym_letters"]

_CACHE = "kg.acronyms"


def acronym_letters(text: str) -> str | None:
    """The letters of an acronym, lower case, without a plural "s" or dots; else None.

    >>> acronym_letters("LLMs"), acronym_letters("U.S."), acronym_letters("Sora")
    ('llm', 'us', None)
    """
    core = text[:-1] if text.endswith("s") else text
    core = core.replace(".", "")
    if 2 <= len(core) <= 8 and core.isupper() and core.isalpha():
        return core.lower()
    return None


def acronyms(doc: Doc) -> dict[str, str]:
    """Map each acronym the document defines (lower case, no plural ``s``) to its expansion key.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Firms build Large Language Models (LLMs). LLMs need data.")
    >>> acronyms(doc)
    {'llm': 'large language model'}
    """
    cached = doc.user_data.get(_CACHE)
    if cached is not None:
        return cached
    found: dict[str, str] = {}
    for token in doc:
        if token.text != "(" or token.i + 2 >= len(doc) or token.i == 0:
            continue
        short, close = doc[token.i + 1], doc[token.i + 2]
        if close.text != ")":
            continue
        letters = acronym_letters(short.text)
        if letters is None:
            continue
        head = doc[token.i - 1]
        if short.dep_ == "appos" and short.head.i < token.i:
            head = short.head
        if head.pos_ not in ("NOUN", "PROPN"):
            continue
        if acronym_matches(short.text, entity_label(head)):
            found.setdefault(letters, entity_key(head))
    doc.user_data[_CACHE] = found
    return found


def acronym_key(token: Token) -> str | None:
    """The expansion key when ``token`` is an acronym its document defines, else None."""
    letters = acronym_letters(token.text)
    if letters is None:
        return None
    return acronyms(token.doc).get(letters)
