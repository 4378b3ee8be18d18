"""Exports of a KnowledgeGraph: RDF (rdflib) and interactive HTML (pyvis)."""

from __future__ import annotations

__all__: list[str] = []
