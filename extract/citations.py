"""An author-year citation is no argument: "in L2 research (Marsden & Mackey, 2014)".

Academic text cites its sources in brackets, and the parser joins the authors to the phrase
before the bracket as a list: "has included syntheses ..., for example, in education (Makel &
Plucker, 2014 and in psychology ...)" gave (metascience, include in, Makel & Plucker); "can
be used ... in L2 research (Marsden & Mackey, 2014; Marsden, Mackey, & Plonsky, 2016)" gave
(repository, hold in, Marsden & Mackey). The authors wrote about it; they are not where it
is.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from extract.lexicon import AUTHOR_LIST_WORDS, OPEN_BRACKETS

__all__ = ["author_citation"]

#: A year of publication, with the letter that tells two of a year apart ("2014a").
_YEAR = re.compile(r"(1[5-9]|20)\d\d[a-z]?")


def _author_word(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.lower_ in AUTHOR_LIST_WORDS


def author_citation(head: Token) -> bool:
    """True for a name in an author list that opens a bracket (or follows a ";" in it) and
    runs up to a year: "(Marsden & Mackey, 2014", "; Makel et al., 2012".

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("It is used in research (Marsden & Mackey, 2014).")
    >>> author_citation(doc[6]), author_citation(doc[4])
    (True, False)
    >>> doc = load_nlp()("Fillmore (born in Highland Park in 1929) was a linguist.")
    >>> author_citation(doc[5])
    False
    """
    if head.pos_ != "PROPN":
        return False
    doc = head.doc
    start = head.i
    while start > 0 and _author_word(doc[start - 1]):
        start -= 1
    # a bracket opens the citation, or the ";" between two citations in one bracket
    opener = doc[start - 1].text if start > 0 else ""
    if opener not in OPEN_BRACKETS and opener != ";":
        return False
    end = head.i + 1
    while end < len(doc) and _author_word(doc[end]):
        end += 1
    return end < len(doc) and _YEAR.fullmatch(doc[end].text) is not None
