"""Shared sample texts and constants for tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_41807614df481ccf.txt"

SMALL_TEXT = (
    "Marie Curie discovered polonium. Pierre Curie worked with Marie Curie in Paris. "
    "The restrictions stem from trade tensions."
)
