"""Shared sample texts and constants for tests."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.model import KnowledgeGraph

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_41807614df481ccf.txt"

SMALL_TEXT = (
    "Marie Curie discovered polonium. Pierre Curie worked with Marie Curie in Paris. "
    "The restrictions stem from trade tensions."
)


def stricter_threshold(graph: KnowledgeGraph) -> float:
    """A threshold, read off ``graph``'s stated facts, that leaves some of them stated and
    moves the others to low confidence (the midpoint of their confidences): tests of the
    threshold stay true whatever the validity model's weights and default are."""
    from kg.voice import fact_voice

    stated = sorted(data["confidence"] for u, v, k, data in graph.edges(keys=True, data=True)
                    if fact_voice(graph, u, v, k).kind == "stated")
    assert len(set(stated)) >= 2, "the text states too few facts to test a threshold"
    return round((stated[0] + stated[-1]) / 2, 2)
