"""Where a name starts and ends when the recogniser or the parser cut it short.

A phrase's concise label (:func:`extract.phrases.label_tokens`) takes a named entity's span,
or the head with its modifiers. Two shapes cut a name there although the parse says it goes
on: a place the recogniser tagged apart from the name it begins ("Fort" of "Fort Lee Historic
Park", "La pointe de la" of "La pointe de la Grande Vigie"), and a word of a quoted title the
parser hung off another word ("n'" of '"Fake n' Bacon"'). Both are read from the parse and the
recogniser's tags alone.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.lexicon import (
    CLOSING_QUOTES,
    HONORIFICS,
    OPENING_QUOTES,
    PLACE_TYPES,
    ROLE_WORDS,
)

__all__ = ["place_name_start", "quoted_title"]

#: How the words of a name left of its head hang on it in a parse.
_NAME_DEPS = frozenset({"compound", "nmod"})


def _name_word(token: Token, end: int) -> bool:
    """True when ``token`` can be a word of the name ending before ``end``: it hangs as a
    compound on a word right of it in the name, is no title ("President", "Mr"), and is
    either inside a recognised place or a capitalised proper noun."""
    if token.dep_ not in _NAME_DEPS or not token.i < token.head.i < end or token.is_punct:
        return False
    if token.lower_.rstrip(".") in HONORIFICS or token.lower_.rstrip(".") in ROLE_WORDS:
        return False  # "US President Bush": a role is no part of the name
    if token.ent_type_:
        return token.ent_type_ in PLACE_TYPES
    return token.pos_ == "PROPN" and token.is_title


def place_name_start(doc, start: int, end: int) -> int:
    """The start of the name whose entity span is ``[start, end)``, moved left over a place
    the recogniser tagged apart that the parse makes part of it, with the capitalised proper
    nouns between: "Fort" (a place) "Lee Historic Park" (a person) is Fort Lee Historic Park.
    ``start`` when no such place is there; a title ("Texas Governor Rick Perry") or a people
    ("Democrat Howard Dean") is never taken.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Fort", "Lee", "Park"], heads=[2, 2, 2],
    ...           deps=["compound", "compound", "ROOT"], pos=["PROPN"] * 3,
    ...           ents=["B-GPE", "B-PERSON", "I-PERSON"])
    >>> place_name_start(doc, 1, 3)
    0
    """
    first = start
    while first > 0 and not doc[first - 1].whitespace_.count("\n") and _name_word(
            doc[first - 1], end):
        first -= 1
    while first < start and doc[first].ent_iob_ == "I":
        first += 1  # a place is taken whole or not at all
    if not any(doc[i].ent_type_ in PLACE_TYPES for i in range(first, start)):
        return start
    return first


def quoted_title(tokens: list[Token], head: Token) -> list[Token]:
    """``tokens`` (a label, in text order) with the words between them filled in, when the
    label is a title written between quotation marks that end right after its head: the
    parser hangs a word of '"Fake n' Bacon"' off another word, and the label skipped it.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=['"', "Fake", "n", "'", "Bacon", '"'],
    ...           heads=[4, 4, 1, 1, 4, 4], deps=["punct", "amod", "dep", "punct", "ROOT",
    ...           "punct"], pos=["PUNCT", "ADJ", "CCONJ", "PUNCT", "PROPN", "PUNCT"])
    >>> [t.text for t in quoted_title([doc[1], doc[4]], doc[4])]
    ['Fake', 'n', "'", 'Bacon']
    """
    doc = head.doc
    if not tokens or head.pos_ != "PROPN" or tokens[-1].i != head.i:
        return tokens
    first = tokens[0].i
    if len(tokens) == head.i - first + 1 or first == 0 or head.i + 1 >= len(doc):
        return tokens  # nothing left out
    opener, closer = doc[first - 1].text, doc[head.i + 1].text
    if opener not in OPENING_QUOTES | {'"'} or closer not in CLOSING_QUOTES | {'"'}:
        return tokens
    words = doc[first : head.i + 1]
    if any(t.is_space or t.text in OPENING_QUOTES | {'"'} for t in words) or any(
            t.i != head.i and not first <= t.head.i <= head.i for t in words):
        return tokens  # the words between quotes are one phrase of the parse, or nothing
    return list(words)
