"""Short names a document uses: acronyms it defines, and a name without its designator.

* "Large Language Models (LLMs)" makes every "LLMs" one entity: the document is scanned once
  (the result is cached in ``doc.user_data``) for a noun phrase followed by a bracketed
  acronym made of its initials; mentions of the acronym take the expansion's key.
* "Kestrel" after "Kestrel Analytics", "the Chathams" beside "the Chatham Islands": a
  one-word name that is the first word of exactly one longer organisation or place name of the
  document, whose other words only say what kind of thing it is (:data:`DESIGNATORS`), takes
  that name's key. "Sony" beside "Sony Ericsson" does not: "Ericsson" is a name of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.phrases import entity_key, entity_label
from kg.merge import acronym_matches

__all__ = ["DESIGNATORS", "acronyms", "acronym_key", "acronym_letters", "short_name_key"]

_CACHE = "kg.acronyms"
_SHORT_CACHE = "kg.short_names"
#: Words that say what kind of organisation or place a name is, not which one.
DESIGNATORS = frozenset(
    "island isle archipelago mountain river lake bay valley county analytics inc ltd llc plc "
    "corp corporation co company group holdings industries technologies technology systems "
    "labs laboratories partners airlines airways motors media networks".split())
_SHORT_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC"})


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


def _short_names(doc: Doc) -> dict[str, set[str]]:
    cached = doc.user_data.get(_SHORT_CACHE)
    if cached is not None:
        return cached
    found: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ not in _SHORT_TYPES:
            continue
        words = entity_key(ent.root).split()
        if len(words) >= 2 and all(word in DESIGNATORS for word in words[1:]):
            found.setdefault(words[0], set()).add(" ".join(words))
    doc.user_data[_SHORT_CACHE] = found
    return found


def short_name_key(token: Token) -> str | None:
    """The key of the one longer name of the document that ``token``'s one-word name starts,
    when its other words are designators ("Kestrel" -> "kestrel analytics"); else None.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Kestrel Analytics hired staff. Kestrel grew fast.")
    >>> short_name_key(doc[5])
    'kestrel analytics'
    """
    if token.pos_ != "PROPN":
        return None
    key = entity_key(token)
    if " " in key:
        return None
    found = _short_names(token.doc).get(key, ())
    return next(iter(found)) if len(found) == 1 and key not in found else None
