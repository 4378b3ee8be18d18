"""Text to triples: document reading, spaCy parsing and dependency rules.

Importing the package registers the built-in sentence extractors (:mod:`extract.triples`).
"""

from __future__ import annotations

import extract.triples  # registers kg.dependency.v1 and kg.openie.v1
from extract.pipeline import extract, extract_doc, load_nlp

__all__ = ["extract", "extract_doc", "load_nlp"]
