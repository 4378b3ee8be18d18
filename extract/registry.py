"""A registry of sentence extractors under versioned names, as spaCy registers its components.

An extractor is a function ``(sentence: Span, *, document: str, offset: int) -> Iterator[Triple]``.
A better one can be registered under a new name (``@extractors.register("my.extractor.v1")``)
and chosen by name: ``extract(..., extractor="my.extractor.v1")`` in Python, ``--extractor``
in ``benchmarks/carb/evaluate.py``. Importing the ``extract`` package registers the built-in
ones (:mod:`extract.triples`), as importing spaCy registers its components.
"""

from __future__ import annotations

from typing import Callable, Iterator

import catalogue

from kg.model import Triple

__all__ = ["extractors", "SentenceExtractor", "DEFAULT_EXTRACTOR", "get_extractor"]

SentenceExtractor = Callable[..., Iterator[Triple]]

extractors = catalogue.create("kg", "extractors", entry_points=True)

DEFAULT_EXTRACTOR = "kg.dependency.v1"


def get_extractor(name: str = DEFAULT_EXTRACTOR) -> SentenceExtractor:
    """Return the extractor registered as ``name``.

    Raises:
        ValueError: No extractor has that name; the message lists the ones that exist.
    """
    try:
        return extractors.get(name)
    except catalogue.RegistryError as err:
        known = ", ".join(sorted(extractors.get_all()))
        raise ValueError(f"Unknown extractor {name!r}; registered: {known}") from err
