"""The per-document extraction budget: a hung document is skipped and named, the rest is kept.

The hang is real: ``tests.hang.v1`` (:mod:`tests.hang_extractor`) is a registered extractor
that spins forever on a sentence naming Fountain. Budgets count the extracting thread's CPU
time, so these tests hold on a busy machine; nothing here waits for a wall-clock time.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from extract.budget import Budget, OverBudget, cpu_limit
from kg.build import build_graph
from tests.hang_extractor import HANG_TEXT, NAME, REPO

#: Small, so that the hung document is given up quickly: 0.3 s + 1 ms per token of CPU.
QUICK = Budget(ms_per_token=1.0, floor=0.3)
GOOD = {
    "a_curie.txt": "Marie Curie discovered polonium in Paris.",
    "c_turing.txt": "Alan Turing designed the Automatic Computing Engine.",
    "d_hopper.txt": "Grace Hopper invented the compiler.",
}


def _spin() -> None:
    while True:
        pass


def test_cpu_limit_stops_an_endless_loop_in_the_calling_thread():
    with pytest.raises(OverBudget, match="budget of 0.1 s"):
        with cpu_limit(0.1):
            _spin()


def test_cpu_limit_stops_an_endless_loop_in_another_thread():
    """Dask runs tasks in worker threads, where SIGALRM cannot reach: the watchdog can."""
    outcome: list[str] = []

    def task() -> None:
        try:
            with cpu_limit(0.1):
                _spin()
        except OverBudget:
            outcome.append("stopped")

    worker = threading.Thread(target=task)
    worker.start()
    worker.join()  # ends only because the loop was stopped
    assert outcome == ["stopped"]


def test_cpu_limit_counts_cpu_time_not_waiting():
    """A thread that waits (as on a busy machine) uses no budget."""
    with cpu_limit(0.05):
        time.sleep(0.3)


def test_cpu_limit_leaves_nothing_pending_after_many_quick_bodies():
    for _ in range(2000):
        with cpu_limit(0.5):
            sum(range(50))
    busy_until = time.thread_time() + 0.6  # longer than any of the limits above
    while time.thread_time() < busy_until:  # a stray stop would be raised in here
        pass


def test_budget_grows_with_tokens_and_refuses_nonsense():
    assert Budget().seconds(0) == Budget().floor
    assert Budget().seconds(1000) > Budget().seconds(10)
    with pytest.raises(ValueError, match="positive"):
        Budget(ms_per_token=0)


@pytest.fixture()
def hang_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in GOOD.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "b_fountain.txt").write_text(HANG_TEXT, encoding="utf-8")
    return corpus


def check_hung_document_skipped(graph, report, corpus) -> None:
    assert [skipped.path for skipped in report.skipped] == [str(corpus / "b_fountain.txt")]
    assert "time budget" in report.skipped[0].reason
    assert not report.ok
    assert sorted(graph.documents) == sorted(GOOD)
    labels = {attrs["label"] for _, attrs in graph.nodes(data=True)}
    assert {"Marie Curie", "Alan Turing", "Grace Hopper"} <= labels
    assert report.documents == len(GOOD)


@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=pytest.mark.integration)])
def test_build_skips_the_hung_document_and_keeps_the_others(hang_corpus, nlp, jobs):
    graph, report = build_graph([hang_corpus], extractor=NAME, budget=QUICK, jobs=jobs,
                                nlp=nlp if jobs == 1 else None)
    check_hung_document_skipped(graph, report, hang_corpus)


def test_build_without_the_hang_is_unchanged_by_the_budget(tmp_path, nlp):
    """The budget changes nothing for documents that end: same graph with and without it."""
    for name, text in GOOD.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with_budget, _ = build_graph([tmp_path], nlp=nlp, budget=QUICK)
    without, _ = build_graph([tmp_path], nlp=nlp, budget=None)
    assert sorted(with_budget.edges(keys=True)) == sorted(without.edges(keys=True))
    assert with_budget.number_of_edges() > 0


@pytest.mark.integration  # runs a fresh interpreter
def test_a_stop_leaves_the_interpreter_as_it_was(tmp_path):
    """After stops, traced and untraced code run on: the stop leaves no eval-breaker state
    behind (withdrawing a pending stop with ``SetAsyncExc(NULL)`` did, and a traced thread of
    CPython 3.11 then spun forever). In a subprocess, so that such a spin fails the test."""
    script = tmp_path / "after_stops.py"
    script.write_text(
        "import sys\n"
        "from extract.budget import OverBudget, cpu_limit\n"
        "for _ in range(3):\n"
        "    try:\n"
        "        with cpu_limit(0.05):\n"
        "            while True:\n"
        "                pass\n"
        "    except OverBudget:\n"
        "        pass\n"
        "lines = []\n"
        "def tracer(frame, event, arg):\n"
        "    lines.append(event)\n"
        "    return tracer\n"
        "def work():\n"
        "    return sum(i for i in range(1000))\n"
        "sys.settrace(tracer)\n"
        "work()\n"
        "sys.settrace(None)\n"
        "print(len(lines) > 1000)\n"
    )
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                            cwd=str(REPO), timeout=600)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
