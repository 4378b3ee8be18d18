"""A title's subtitle after a colon: "Smosh: The Movie", "Counter-Strike: Global Offensive".

The parser does not know that a colon can join the two halves of one name: it hangs the
subtitle on the verb, as an apposition, a conjunct or even a subject, and leaves the name
before the colon to stand alone. Cut there, the name names something else ("appeared in
Smosh" is no film; "Arkham VR" is no demonstration of Batman's). :func:`colon_subtitle`
finds the subtitle so that :mod:`extract.phrases` labels the name whole and
:func:`extract.misreadings.inside_a_title` drops facts about its second half alone.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.lexicon import CLOSING_QUOTES, OPENING_QUOTES

__all__ = ["colon_subtitle"]

_VERBAL = frozenset({"VERB", "AUX"})


def colon_subtitle(name: Token) -> list[Token]:
    """The colon and the subtitle after proper noun ``name``, or [] when none follows.

    A subtitle is a colon written against the name ("Smosh:", not "Smosh :"), then a run of
    proper nouns, opened perhaps by a capitalised article ("The Movie"), and no verb right
    after it: "Sydney: Police Arrest Man" is a headline, and "Note: the figures" no name.
    Between quotation marks the subtitle runs to the closing mark: '"India: New Economy, Old
    Economy"'.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Marbles appeared as herself in Smosh: The Movie.")
    >>> [t.text for t in colon_subtitle(doc[5])]
    [':', 'The', 'Movie']
    >>> colon_subtitle(doc[0])
    []
    """
    doc = name.doc
    colon = name.i + 1
    if name.pos_ != "PROPN" or colon + 1 >= len(doc) or doc[colon].text != ":" or (
            name.whitespace_ or not doc[colon].whitespace_):
        return []
    quoted = _quoted_rest(name, colon)
    if quoted:
        return [doc[colon], *quoted]
    words: list[Token] = []
    for token in doc[colon + 1:]:
        if token.pos_ == "PROPN" and (token.is_title or token.is_upper):
            words.append(token)
        elif not words and token.pos_ == "DET" and token.is_title:
            words.append(token)  # "The Movie"
        elif words and token.tag_ == "HYPH" and not token.whitespace_:
            words.append(token)  # "Counter-Strike"
        else:
            break
    while words and words[-1].pos_ != "PROPN":
        words.pop()
    if not words:
        return []
    after = words[-1].i + 1
    if after < len(doc) and doc[after].pos_ in _VERBAL:
        return []  # a headline: "Sydney: Police Arrest Man"
    return [doc[colon], *words]


def _quoted_rest(name: Token, colon: int) -> list[Token]:
    """The words from after ``colon`` to the closing quotation mark, when ``name`` (with the
    proper nouns before it) opens a quotation and its rest starts with a capital and has no
    verb; else []."""
    doc = name.doc
    start = name.i
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    quotes = OPENING_QUOTES | CLOSING_QUOTES | {'"'}
    if start == 0 or doc[start - 1].text not in OPENING_QUOTES | {'"'} or not (
            doc[colon + 1].is_title):
        return []
    for token in doc[colon + 1: name.sent.end]:
        if token.text in quotes:
            return list(doc[colon + 1: token.i]) if token.text in CLOSING_QUOTES | {'"'} else []
        if token.pos_ in _VERBAL:
            return []  # a quoted saying: '"Howard: We will win," he said'
    return []
