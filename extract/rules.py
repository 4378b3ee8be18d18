"""Dependency-parse rules: pure functions from a parsed sentence to triples.

(Placeholder while the rules are written; see the extraction helper's work.)
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Span

from extract.registry import extractors
from kg.model import Triple

__all__ = ["extract_sentence"]


@extractors.register("kg.dependency.v1")
def extract_sentence(sent: Span, *, document: str, offset: int = 0) -> Iterator[Triple]:
    """Yield every triple the rules find in ``sent``; offsets are shifted by ``offset``."""
    return iter(())
