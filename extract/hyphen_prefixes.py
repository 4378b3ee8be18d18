"""Keep a word with a hyphenated prefix whole: "co-owned", "re-elected", "co-starred".

spaCy's English tokenizer splits every hyphen between letters, and the small model then
reads the prefix as a verb of its own and hangs the real verb from it as an adverbial or a
conjunct: "and is co-owned by Stan" gave (bar, own by, Stan) with "is" on "co"; "and
co-starred in the TV film" hung "starred" on the film's title; "before re-embarking on the
journey" made "re" the clause and "embarking" an adverbial of "changed". Kept as one token, the
same model tags and attaches the word as the verb it is ("co-owned/VBN", "re-elected/VBN").

The prefixes are :data:`extract.lexicon.HYPHEN_PREFIXES`. Only a prefix that opens the word is
kept with it ("co-owned", not "Saint-Germain-de-Prés"),
and only before a letter.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

from spacy.language import Language

from extract.lexicon import HYPHEN_PREFIXES

__all__ = ["keep_prefixed_words", "prefix_hyphen"]


_Finditer = Callable[[str], Iterator[re.Match[str]]]


def prefix_hyphen(text: str, match: re.Match[str]) -> bool:
    """Whether ``match`` (an infix the tokenizer found in ``text``) is the hyphen after a
    word-opening prefix, with a letter after it.

    >>> text = "co-owned"
    >>> prefix_hyphen(text, re.search("-", text))
    True
    >>> text = "John-Christian"
    >>> prefix_hyphen(text, re.search("-", text))
    False
    """
    end = match.end()
    return (match.group() == "-" and text[:match.start()].lower() in HYPHEN_PREFIXES
            and end < len(text) and text[end].isalpha())


def keep_prefixed_words(nlp: Language) -> Language:
    """Make ``nlp``'s tokenizer keep words with a hyphenated prefix whole (in place).

    >>> import spacy
    >>> nlp = keep_prefixed_words(spacy.blank("en"))
    >>> [t.text for t in nlp("It is co-owned by John-Christian.")]
    ['It', 'is', 'co-owned', 'by', 'John', '-', 'Christian', '.']
    """
    tokenizer = nlp.tokenizer
    finditer: _Finditer | None = tokenizer.infix_finditer
    if finditer is None or getattr(finditer, "keeps_prefixed_words", False):
        return nlp

    def infixes(text: str) -> Iterator[re.Match[str]]:
        return (m for m in finditer(text) if not prefix_hyphen(text, m))

    infixes.keeps_prefixed_words = True  # type: ignore[attr-defined]
    tokenizer.infix_finditer = infixes
    return nlp
