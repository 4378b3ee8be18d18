"""Text to triples: document reading, spaCy parsing and dependency rules."""

from __future__ import annotations

from extract.pipeline import extract, extract_doc, load_nlp

__all__ = ["extract", "extract_doc", "load_nlp"]
