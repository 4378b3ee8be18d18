"""Questions: whether a clause is asked rather than stated.

A sentence ending in a question mark asks its last clause; a colon or semicolon before that
clause sets the clauses before it apart ("A third factor is the way the event will be
mediated: will NBC have ...?" states the factor). A yes-no question whose auxiliary comes
before its subject ("Do you think it was appropriate ...?") asks what its verb of thinking
would report, and so claims nothing. :mod:`extract.attribution` reads both.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.doc_arrays import sentence_bounds, token_texts

__all__ = ["asked_question", "inverted_question"]


def asked_question(token: Token) -> bool:
    """True when the sentence of ``token`` ends with a question mark (trailing whitespace
    aside) and no colon or semicolon after ``token`` sets the question apart ("A third
    factor is the way the event will be mediated: will NBC have ...?" asks only the last
    clause). Read off the tokens: building the sentence's text cost a tenth of the walk.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("The factor is the way: will NBC have it?")
    >>> asked_question(doc[2]), asked_question(doc[8])
    (False, True)
    """
    doc = token.doc
    start, end = sentence_bounds(doc, token.i)
    last = end - 1
    while last > start and doc[last].is_space:
        last -= 1
    texts = token_texts(doc)
    return texts[last].endswith("?") and not any(
        texts[i] in (":", ";") for i in range(token.i + 1, last))


def inverted_question(verb: Token) -> bool:
    """A yes-no question, its auxiliary before the subject: "Do you think ...?", "Would he
    say that ...?"; not "Why do you think X?", which takes X as given.

    >>> from extract.pipeline import load_nlp
    >>> nlp = load_nlp()
    >>> inverted_question(nlp("Do you think it rained?")[2])
    True
    >>> inverted_question(nlp("Why do you think it rained?")[3])
    False
    """
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    return subject is not None and asked_question(verb) and any(
        c.dep_ == "aux" and c.i < subject.i for c in verb.lefts) and not any(
            t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in verb.doc[verb.sent.start:verb.i])
