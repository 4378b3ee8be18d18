"""Fixtures of the engine tests: one two-worker Dask cluster and a corpus of small documents."""

from __future__ import annotations

import logging
import random
import re
from pathlib import Path

import pytest

from tests.data import ROOT, SEEDS

CARB_SENTENCES = ROOT / "benchmarks" / "carb" / "data" / "dev_sentences.txt"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "``": '"', "''": '"'}


def sentences() -> list[str]:
    """Seed sentences and the CaRB dev sentences (tokens rejoined with spaces).

    The news story's "Hayes" and "Linda Hayes", scattered over documents, are joined only by
    the corpus-wide name pass, which the sharded output runs on its tables."""
    pool = []
    for path in sorted(SEEDS.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").splitlines():
            pool += [s for s in _SENTENCE_END.split(paragraph.strip()) if len(s.split()) > 3]
    for line in CARB_SENTENCES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            pool.append(" ".join(_PTB.get(token, token) for token in line.split()))
    return pool


def write_corpus(folder: Path, documents: int, *, seed: int = 0) -> Path:
    """``documents`` small documents of 1-3 sentences in two folders, plus a copy of one (a
    duplicate the build skips) and an empty file (skipped as unreadable)."""
    rng = random.Random(seed)
    pool = sentences()
    for index in range(documents):
        sub = folder / ("news" if index % 3 else "blogs")
        sub.mkdir(parents=True, exist_ok=True)
        text = " ".join(rng.sample(pool, rng.randint(1, 3)))
        header = f"date 2024-0{1 + index % 9}-1{index % 10} " if index % 5 == 0 else ""
        (sub / f"doc-{index:04d}.txt").write_text(header + text + "\n", encoding="utf-8")
    (folder / "copy.txt").write_bytes((folder / "news" / "doc-0001.txt").read_bytes())
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """Three hundred small documents (about 17,000 words)."""
    return write_corpus(tmp_path_factory.mktemp("corpus"), 300)


@pytest.fixture(scope="session")
def dask_client():
    """A ``LocalCluster(n_workers=2, threads_per_worker=1)`` shared by the session."""
    from distributed import Client, LocalCluster

    from kg.engines.dask_engine import LOCAL_HTTP

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, scheduler_kwargs=LOCAL_HTTP,
                      silence_logs=logging.ERROR) as cluster:
        with Client(cluster) as client:
            yield client
