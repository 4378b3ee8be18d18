"""Where a document quotes someone, and who: direct quotations and the people who speak them.

A quotation is found from its quotation marks (double ones: ``"``, curly, ``` `` ``/``''``),
robustly enough for text whose paragraphs were joined on one line: a straight mark opens when
it stands after a space (or at the start) and before a word, and closes when it stands right
after a word or punctuation. A quotation left open continues until a closing mark, as in news
style, where a quotation running over paragraphs opens each one and closes only the last
('"He was captured ... situation. "He's held in custody," Mr Williams said'); a blank line
ends any quotation. A quotation's speaker is the subject of a verb outside it, in a sentence
it shares, that reports it: a verb of saying (:func:`extract.attribution.reporting`) or a
verb whose clausal object lies inside the quotation ('She continued: "Labour ..."'). The
pronoun rules of :mod:`extract.coref` read both: a "he" inside a quotation is never its
speaker, who would say "I".

A clause the text states in its own voice is someone's words when its sentence is quoted
(:func:`quoted_voice`): the sentence's main verb stands inside the quotation, so no verb of
the sentence reports it, as in the paragraphs of a news quotation that open with a mark
('"Such efforts will only increase tension.'). It is a claim of the quotation's speaker, or
of nobody named.
"""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from extract.attribution import Voice, reporting
from extract.doc_arrays import token_texts
from extract.doc_memo import once_per_doc
from extract.lexicon import CLOSING_QUOTES, OPENING_QUOTES
from extract.phrases import paragraph_break

__all__ = ["quotation_at", "speakers", "quoted_voice"]

#: Double quotation marks only: a single "'" is as often an apostrophe ("the Jones'").
_OPENING = OPENING_QUOTES
_CLOSING = CLOSING_QUOTES
_STRAIGHT = '"'
_SPANS_CACHE = "kg.quotation_spans"


def _opens(token: Token) -> bool | None:
    """True when the quotation mark ``token`` opens a quotation, False when it closes one,
    None when its spacing does not say (then it toggles)."""
    if token.text in _OPENING:
        return True
    if token.text in _CLOSING:
        return False
    doc = token.doc
    before = token.i == 0 or bool(doc[token.i - 1].whitespace_) or doc[token.i - 1].is_space \
        or doc[token.i - 1].is_left_punct
    after = token.i + 1 < len(doc) and not token.whitespace_ and not doc[token.i + 1].is_punct \
        and not doc[token.i + 1].is_space
    if before and after:
        return True
    if not before:
        return False
    return None


def _spans(doc: Doc) -> list[tuple[int, int]]:
    """``[(start, end)]`` token spans of the document's quotations, marks included, in order
    (worked out once per document)."""
    return once_per_doc(doc, _SPANS_CACHE, lambda: _find_spans(doc))


def _find_spans(doc: Doc) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start: int | None = None
    marks = _OPENING | _CLOSING | {_STRAIGHT}
    # Only a mark or a blank line (paragraph_break) can open or close one: the words that
    # are either are picked out of the distinct words, their tokens from the text column.
    wanted = [doc.vocab.strings[text] for text in set(token_texts(doc))
              if text in marks or text.count("\n") >= 2]
    found = numpy.isin(doc.to_array(ORTH), numpy.array(wanted, dtype=numpy.uint64))
    for i in numpy.flatnonzero(found).tolist():
        token = doc[i]
        if paragraph_break(token):
            if start is not None:
                spans.append((start, token.i))  # a blank line ends any quotation
            start = None
            continue
        if token.text not in _OPENING and token.text not in _CLOSING and (
                token.text != _STRAIGHT):
            continue
        opens = _opens(token)
        if opens is None:
            opens = start is None
        if opens:
            start = token.i if start is None else start  # a new paragraph of one quotation
        elif start is not None:
            spans.append((start, token.i + 1))
            start = None
    if start is not None:
        spans.append((start, len(doc)))
    return spans


def quotation_at(token: Token) -> tuple[int, int] | None:
    """The ``(start, end)`` span of the quotation ``token`` stands in, or None.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()('"He was held. "He is free," Mr Williams said. He left.')
    >>> quotation_at(doc[1]), quotation_at(doc[6]), quotation_at(doc[13])
    ((0, 11), (0, 11), None)
    """
    spans = _spans(token.doc)
    n = bisect.bisect_right(spans, (token.i, len(token.doc) + 1)) - 1
    if n >= 0 and spans[n][0] < token.i < spans[n][1]:
        return spans[n]
    return None


def speakers(token: Token) -> list[Token]:
    """The subjects of the verbs that report the quotation ``token`` stands in, or [].

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()('"I have talked to him," Mr Howard said.')
    >>> [t.text for t in speakers(doc[5])]
    ['Howard']
    """
    span = quotation_at(token)
    if span is None:
        return []
    doc = token.doc
    start, end = span
    first = doc[start].sent.start
    last = doc[end - 1].sent.end
    found = []
    for verb in doc[first:last]:
        if start <= verb.i < end or verb.pos_ not in ("VERB", "AUX"):
            continue
        quoting = reporting(verb) is not None or any(
            c.dep_ == "ccomp" and start <= c.i < end for c in verb.children)
        if not quoting:
            continue
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and quotation_at(child) is None:
                found.append(child)
    return found


#: A quotation makes its sentences someone's words only when it opens a sentence and runs
#: over at most this many sentences, or :data:`UNCLOSED_SENTENCES` when never closed (a blank
#: line or the document's end cuts it off): a mark read out of step, or a stray one ('"Seles,
#: slow into her stride, ...'), would otherwise quote the text's own sentences after it.
QUOTED_SENTENCES = 4
UNCLOSED_SENTENCES = 2


def _opens_sentence(doc: Doc, start: int) -> bool:
    """Whether the quotation mark at ``start`` is the first word of its sentence (after
    spaces)."""
    first = doc[start].sent.start
    return all(doc[i].is_space for i in range(first, start))


def quoted_voice(found: Voice, verb: Token) -> Voice:
    """``found``, the voice of the clause of ``verb``, or a claim when the clause is quoted.

    A clause in the text's own voice (no reporting verb, no source, stance ``asserted``)
    whose sentence's main verb stands in the same quotation as ``verb`` is the speaker's
    claim (:func:`speakers`, reported by ``quote``), or a claim of nobody named, when the
    quotation opens a sentence and is no longer than :data:`QUOTED_SENTENCES` sentences
    (:data:`UNCLOSED_SENTENCES` if never closed).

    >>> from extract.attribution import voice
    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()('"Such efforts will increase tension. "We act," Mr Ali said. Israel '
    ...                  'described it as "a trap".')
    >>> [(v.reported_by, v.source and v.source.text) for v in
    ...  (quoted_voice(voice(doc[i]), doc[i]) for i in (4, 9, 17))]
    [('quote', 'Ali'), ('say', 'Ali'), (None, None)]
    """
    if found.reported_by is not None or found.source is not None or (
            found.stance != "asserted"):
        return found
    span = quotation_at(verb)
    if span is None:
        return found
    start, end = span
    root = verb.sent.root
    if not start < root.i < end:
        return found  # 'described it as "a trap"': the sentence is the text's own
    doc = verb.doc
    if not _opens_sentence(doc, start):
        return found  # a mark read out of step ('The pseudonym "Jenna Marbles "comes from')
    closed = doc[end - 1].text in _CLOSING or (doc[end - 1].text == _STRAIGHT and end - 1 > start)
    sentences = sum(1 for _ in doc[start:end].sents)
    if sentences > (QUOTED_SENTENCES if closed else UNCLOSED_SENTENCES):
        return found
    said_by = speakers(verb)
    return Voice("quote", said_by[0] if said_by else None, "asserted", found.conditional,
                 found.intended)
