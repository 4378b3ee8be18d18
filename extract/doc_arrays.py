"""Per-document columns of the parse as plain data, read once from ``Doc.to_array``.

Every ``doc[i]``, ``token.head`` or ``token.sent`` makes a new Token or Span; a scan of the
whole document or of every token of a sentence made hundreds of thousands of them per
corpus. The columns here (labels as strings, sentence starts as indices) are read once per
Doc and kept in its ``user_data`` (:mod:`extract.doc_memo`), so such a scan looks up a list
instead and makes Tokens only of the words it keeps.
"""

from __future__ import annotations

import bisect
from typing import Container, NamedTuple

import numpy

from spacy.attrs import (DEP, HEAD, IDX, IS_PUNCT, LEMMA, LIKE_EMAIL, LOWER, ORTH, POS,
                         SENT_START, SPACY)
from spacy.tokens import Doc, Token

from extract.doc_memo import per_doc

__all__ = ["has_email", "token_texts", "token_lowers", "joined_text", "token_offsets", "lemmas",
           "punctuation", "entity_table", "head_indices", "child_table", "children_of",
           "has_child", "children_with", "dep_labels", "pos_tags", "sentence_starts",
           "sentence_start", "sentence_bounds", "Columns", "columns", "left_children",
           "right_children"]


#: String of each hash the columns have read, shared by all documents: a hash names one
#: string in any vocabulary, and a corpus has a few tens of thousands of distinct words.
_NAMES: dict[int, str] = {}
#: Size past which :data:`_NAMES` is started afresh, so that no stream of documents grows it
#: forever.
_MOST_NAMES = 1 << 20


def _strings(doc: Doc, attr: int) -> tuple[str, ...]:
    """The string of each token's value of ``attr`` (each hash looked up in the string store
    once per process; the per-token look-up runs in ``map``, no loop in Python)."""
    global _NAMES
    if len(_NAMES) > _MOST_NAMES:
        _NAMES = {}  # replaced, not emptied: a call in another thread keeps the one it has
    names = _NAMES
    keys = doc.to_array(attr).tolist()
    missing = set(keys).difference(names)
    if missing:
        strings = doc.vocab.strings
        names.update({key: strings[key] for key in missing})
    return tuple(map(names.__getitem__, keys))


@per_doc("kg.has_email")
def has_email(doc: Doc) -> bool:
    """Whether any token of ``doc`` is ``like_email``: a document without one needs no
    token-by-token look for an address.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> has_email(nlp("Write to ann@example.org")), has_email(nlp("Write to Ann"))
    (True, False)
    """
    return bool(doc.to_array(LIKE_EMAIL).any())


@per_doc("kg.texts")
def token_texts(doc: Doc) -> tuple[str, ...]:
    """Each token's ``text``.

    >>> import spacy
    >>> token_texts(spacy.blank("en")("Known as T-Town"))
    ('Known', 'as', 'T', '-', 'Town')
    """
    return _strings(doc, ORTH)


@per_doc("kg.lowers")
def token_lowers(doc: Doc) -> tuple[str, ...]:
    """Each token's lower-case form: scans of the whole document look for a word here
    instead of making a Token of each word.

    >>> import spacy
    >>> token_lowers(spacy.blank("en")("Known as T-Town"))
    ('known', 'as', 't', '-', 'town')
    """
    return _strings(doc, LOWER)


def joined_text(doc: Doc) -> str:
    """``doc.text``, joined from the text column and the trailing-space flags (spaCy makes a
    Token of every word to join it).

    >>> import spacy
    >>> joined_text(spacy.blank("en")("Known  as T-Town. "))
    'Known  as T-Town. '
    """
    spaces = numpy.where(doc.to_array(SPACY).astype(bool), " ", "").tolist()
    return "".join(map(str.__add__, token_texts(doc), spaces))


@per_doc("kg.offsets")
def token_offsets(doc: Doc) -> tuple[int, ...]:
    """Each token's ``idx``, its character offset in the document's text.

    >>> import spacy
    >>> token_offsets(spacy.blank("en")("Known as T-Town"))
    (0, 6, 9, 10, 11)
    """
    return tuple(doc.to_array(IDX).tolist())


@per_doc("kg.lemmas")
def lemmas(doc: Doc) -> tuple[str, ...]:
    """Each token's ``lemma_``.

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> lemmas(Doc(spacy.blank("en").vocab, words=["cats", "ran"], lemmas=["cat", "run"]))
    ('cat', 'run')
    """
    return _strings(doc, LEMMA)


@per_doc("kg.punct")
def punctuation(doc: Doc) -> list[bool]:
    """Each token's ``is_punct``.

    >>> import spacy
    >>> punctuation(spacy.blank("en")("Hi, you."))
    [False, True, False, True]
    """
    return doc.to_array(IS_PUNCT).astype(bool).tolist()


@per_doc("kg.entities")
def entity_table(doc: Doc) -> tuple[tuple[int, int, str, int], ...]:
    """``(start, end, label, root index)`` of each named entity (``doc.ents``), in text order:
    each read of ``doc.ents`` makes a Span and Tokens of every entity again, and several
    scans of each document read them.

    >>> from extract.pipeline import load_nlp
    >>> entity_table(load_nlp()("Yasser Arafat met George W. Bush."))
    ((0, 2, 'PERSON', 1), (3, 6, 'PERSON', 5))
    """
    # A name of one word is its own root (spaCy's ``Span.root``), worked out for longer ones
    return tuple((ent.start, ent.end, ent.label_,
                  ent.start if ent.end - ent.start == 1 else ent.root.i) for ent in doc.ents)


@per_doc("kg.heads")
def head_indices(doc: Doc) -> list[int]:
    """Each token's head index (``token.head.i``; a root is its own head).

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["the", "cat", "ran"], heads=[1, 2, 2],
    ...           deps=["det", "nsubj", "ROOT"])
    >>> head_indices(doc)
    [1, 2, 2]
    """
    offsets = doc.to_array(HEAD).view("int64")  # relative offsets, stored unsigned
    return [i + offset for i, offset in enumerate(offsets.tolist())]


@per_doc("kg.child_table")
def child_table(doc: Doc) -> tuple[list[int], list[int]]:
    """``(children, starts)``: the children of every token as indices, in one list ordered by
    head and, under each head, in text order; token ``i``'s are
    ``children[starts[i]:starts[i + 1]]``.

    Two lists per Doc: a tuple of children per token made one long-lived object per word,
    and the garbage collector, counting them, cost the rule pass several per cent.

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["the", "cat", "ran", "off"],
    ...           heads=[1, 2, 2, 2], deps=["det", "nsubj", "ROOT", "prt"])
    >>> child_table(doc)
    ([0, 1, 3], [0, 0, 1, 3, 3])
    """
    heads = numpy.asarray(head_indices(doc), dtype=numpy.int64)
    children = numpy.flatnonzero(heads != numpy.arange(len(heads)))
    owners = heads[children]
    children = children[numpy.argsort(owners, kind="stable")]  # text order kept per head
    counts = numpy.bincount(owners, minlength=len(heads))
    return children.tolist(), [0, *numpy.cumsum(counts).tolist()]


def children_of(doc: Doc) -> tuple[tuple[int, ...], ...]:
    """Each token's children as indices, in text order (``[c.i for c in token.children]``).

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["the", "cat", "ran", "off"],
    ...           heads=[1, 2, 2, 2], deps=["det", "nsubj", "ROOT", "prt"])
    >>> children_of(doc)
    ((), (0,), (1, 3), ())
    """
    children, starts = child_table(doc)
    return tuple(tuple(children[starts[i]:starts[i + 1]]) for i in range(len(doc)))


@per_doc("kg.deps")
def dep_labels(doc: Doc) -> tuple[str, ...]:
    """Each token's ``dep_``.

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["Ann", "ran"], heads=[1, 1],
    ...           deps=["nsubj", "ROOT"])
    >>> dep_labels(doc)
    ('nsubj', 'ROOT')
    """
    return _strings(doc, DEP)


@per_doc("kg.pos")
def pos_tags(doc: Doc) -> tuple[str, ...]:
    """Each token's ``pos_`` ('' where none was set).

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> pos_tags(Doc(spacy.blank("en").vocab, words=["Ann", "ran"], pos=["PROPN", "VERB"]))
    ('PROPN', 'VERB')
    """
    return _strings(doc, POS)


@per_doc("kg.sent_starts")
def sentence_starts(doc: Doc) -> tuple[int, ...]:
    """Index of the first token of each sentence, in order (0 first): where ``token.sent``
    starts, read without walking back token by token.

    >>> from extract.pipeline import load_nlp
    >>> sentence_starts(load_nlp()("It rained. We stayed in."))
    (0, 3)
    """
    flags = doc.to_array(SENT_START).tolist()
    return (0, *(i for i in range(1, len(flags)) if flags[i] == 1))


def sentence_start(doc: Doc, i: int) -> int:
    """``doc[i].sent.start``: the start of the sentence holding token ``i``.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("It rained. We stayed in.")
    >>> [sentence_start(doc, i) for i in range(len(doc))] == [t.sent.start for t in doc]
    True
    """
    starts = sentence_starts(doc)
    return starts[bisect.bisect_right(starts, i) - 1]


def has_child(token: Token, labels: Container[str]) -> bool:
    """``any(c.dep_ in labels for c in token.children)``, making no Token.

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["Ann", "ran"], heads=[1, 1],
    ...           deps=["nsubj", "ROOT"])
    >>> has_child(doc[1], {"nsubj"}), has_child(doc[1], {"dobj"})
    (True, False)
    """
    i = token.i
    deps, _pos, _lowers, children, starts = columns(token.doc)
    return any(deps[c] in labels for c in children[starts[i]:starts[i + 1]])


def children_with(token: Token, labels: Container[str]) -> list[Token]:
    """``[c for c in token.children if c.dep_ in labels]``, making Tokens of those only.

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["Ann", "ran", "off"], heads=[1, 1, 1],
    ...           deps=["nsubj", "ROOT", "prt"])
    >>> [t.text for t in children_with(doc[1], {"prt", "dobj"})]
    ['off']
    """
    doc, i = token.doc, token.i
    deps, _pos, _lowers, children, starts = columns(doc)
    return [doc[c] for c in children[starts[i]:starts[i + 1]] if deps[c] in labels]


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """``(sent.start, sent.end)`` of ``doc[i].sent``, found by bisection: ``token.sent``
    walks the document token by token to both ends of the sentence and makes a Span.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("It rained. We stayed in.")
    >>> [sentence_bounds(doc, i) for i in range(len(doc))] == [
    ...     (t.sent.start, t.sent.end) for t in doc]
    True
    """
    starts = sentence_starts(doc)
    n = bisect.bisect_right(starts, i)
    return starts[n - 1], starts[n] if n < len(starts) else len(doc)


class Columns(NamedTuple):
    """The columns a scan of a token's children reads, fetched with one look-up (each
    column function is a call and a dictionary look-up of its own)."""

    deps: tuple[str, ...]
    pos: tuple[str, ...]
    lowers: tuple[str, ...]
    children: list[int]
    starts: list[int]


@per_doc("kg.columns")
def columns(doc: Doc) -> Columns:
    """:func:`dep_labels`, :func:`pos_tags`, :func:`token_lowers` and :func:`child_table`
    of ``doc`` together.

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["Ann", "ran"], heads=[1, 1],
    ...           deps=["nsubj", "ROOT"])
    >>> columns(doc).deps, columns(doc).children
    (('nsubj', 'ROOT'), [0])
    """
    return Columns(dep_labels(doc), pos_tags(doc), token_lowers(doc), *child_table(doc))


def left_children(cols: Columns, i: int) -> list[int]:
    """The children of token ``i`` left of it, in text order (``token.lefts`` as indices;
    spaCy walks the whole left part of the subtree to find them).

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["the", "cat", "ran", "off"],
    ...           heads=[1, 2, 2, 2], deps=["det", "nsubj", "ROOT", "prt"])
    >>> left_children(columns(doc), 2), right_children(columns(doc), 2)
    ([1], [3])
    """
    children, starts = cols.children, cols.starts
    return [c for c in children[starts[i]:starts[i + 1]] if c < i]


def right_children(cols: Columns, i: int) -> list[int]:
    """The children of token ``i`` right of it, in text order (``token.rights`` as indices)."""
    children, starts = cols.children, cols.starts
    return [c for c in children[starts[i]:starts[i + 1]] if c > i]
