"""Fixtures shared by every test package: the real English model and the seed corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_41807614df481ccf.txt"


@pytest.fixture(scope="session")
def nlp():
    """The default English pipeline. Missing model = failing test, not a skip."""
    from extract.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_graph(nlp):
    """The seed article built into a graph with the real model (read-only for tests)."""
    from kg.build import build_graph

    graph, report = build_graph([SEEDS], nlp=nlp)
    assert report.ok and report.documents == 1
    return graph
