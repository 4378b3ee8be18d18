"""Fixtures shared by every test package: the real English model and the seed corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_41807614df481ccf.txt"


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory):
    """Keep ``kg query``'s store cache (``KG_CACHE_DIR``) out of the user's ~/.cache.

    Subprocesses inherit the variable; a test that sets its own folder overrides it.
    """
    import os

    folder = tmp_path_factory.mktemp("kg-cache")
    old = os.environ.get("KG_CACHE_DIR")
    os.environ["KG_CACHE_DIR"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("KG_CACHE_DIR", None)
    else:
        os.environ["KG_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def nlp():
    """The default English pipeline. Missing model = failing test, not a skip."""
    from extract.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_graph(nlp):
    """The seed articles built into a graph with the real model (read-only for tests)."""
    from kg.build import build_graph

    graph, report = build_graph([SEEDS], nlp=nlp)
    assert report.ok and report.documents == len(list(SEEDS.glob("*.txt")))
    return graph
