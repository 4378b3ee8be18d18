"""Values worked out once per spaCy Doc and kept in its ``user_data``.

The rules ask for the same document-wide scan, or the same phrase's label or node, several
times; each such value is computed on first use and kept on the Doc, so it lives exactly as
long as the parse it was read from. Values are plain data (strings, token indices, frozen
records), never Tokens or Spans.
"""

from __future__ import annotations

import functools
from typing import Any, Callable, Hashable, TypeVar

from spacy.tokens import Doc

__all__ = ["once_per_doc", "once_per_key", "per_doc"]

T = TypeVar("T")
_MISSING = object()


def once_per_doc(doc: Doc, name: str, compute: Callable[[], T]) -> T:
    """``compute()``, worked out once for ``doc`` and kept under ``name``.

    >>> import spacy
    >>> doc = spacy.blank("en")("one two")
    >>> once_per_doc(doc, "test.n", lambda: len(doc)), once_per_doc(doc, "test.n", lambda: 0)
    (2, 2)
    """
    if name not in doc.user_data:
        doc.user_data[name] = compute()
    return doc.user_data[name]


def per_doc(name: str) -> Callable[[Callable[[Doc], T]], Callable[[Doc], T]]:
    """Make ``compute(doc)`` run once per Doc, its value kept under ``name``.

    Like :func:`once_per_doc` for a whole function, for the columns read hundreds of thousands
    of times a corpus: a call is one look-up, with no closure made for it.

    >>> import spacy
    >>> @per_doc("test.words")
    ... def words(doc):
    ...     return len(doc)
    >>> doc = spacy.blank("en")("one two")
    >>> words(doc), doc.user_data["test.words"]
    (2, 2)
    """
    def decorate(compute: Callable[[Doc], T]) -> Callable[[Doc], T]:
        @functools.wraps(compute)
        def once(doc: Doc) -> T:
            data = doc.user_data
            value = data.get(name, _MISSING)
            if value is _MISSING:
                value = data[name] = compute(doc)
            return value
        return once
    return decorate


def once_per_key(doc: Doc, name: str, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` for ``key`` (a token index, or one with a document name), worked out once
    for ``doc`` and kept in the table ``name``; None is a value like any other.

    >>> import spacy
    >>> doc = spacy.blank("en")("one two")
    >>> once_per_key(doc, "test.k", 1, lambda: None), once_per_key(doc, "test.k", 1, lambda: 5)
    (None, None)
    """
    table: dict[Hashable, Any] | None = doc.user_data.get(name)
    if table is None:
        table = doc.user_data[name] = {}
    value = table.get(key, _MISSING)
    if value is _MISSING:
        value = table[key] = compute()
    return value
