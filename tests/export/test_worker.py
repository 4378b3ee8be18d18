"""The query worker (export/sparql/worker.py): safe to use from a process that runs threads,
keeps its graph when a job is killed, starts again when it died, and leaves nothing behind.

Every test starts worker processes: the integration tier.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from export.sparql.worker import QueryWorker
from kg.errors import QueryTimeoutError
from tests.export import worker_jobs
from tests.export.processes import children

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 120.0


def _running(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, ended but not yet reaped, does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _gone(pids: list[int], limit: float = 30.0) -> bool:
    deadline = time.monotonic() + limit
    while any(_running(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.fixture
def worker():
    with QueryWorker() as started:
        assert started.load(worker_jobs.hold, 7) == "holding 7"
        yield started


def test_worker_job_does_not_inherit_a_lock_this_process_holds(worker):
    """A fork of this process would copy the lock held, and the job would wait forever: the
    worker's children are forked from a fresh process, where nobody holds it."""
    with worker_jobs.LOCK:
        assert worker.run(worker_jobs.locked, timeout=LIMIT) == "acquired"


def test_worker_forks_from_a_single_threaded_process_while_this_one_runs_threads(worker):
    stop = threading.Event()
    busy = [threading.Thread(target=stop.wait) for _ in range(4)]
    for thread in busy:
        thread.start()
    try:
        assert len(os.listdir("/proc/self/task")) > 4
        job, parent, threads = worker.run(worker_jobs.parentage, timeout=LIMIT)
    finally:
        stop.set()
        for thread in busy:
            thread.join()
    assert parent == worker.pid != os.getpid() and threads == 1
    assert _gone([job])


def test_worker_keeps_its_state_when_a_job_is_killed(worker):
    with pytest.raises(QueryTimeoutError, match="within 0.5 s"):
        worker.run(worker_jobs.sleep, 60, timeout=0.5)
    assert children(worker.pid) == []  # killed and reaped before the error was raised
    state = worker.run(worker_jobs.state_of, timeout=LIMIT)
    assert state == {"value": 7, "loaded_by": worker.pid}  # loaded once, by this worker


def test_worker_raises_the_jobs_own_error(worker):
    with pytest.raises(LookupError, match="no such thing"):
        worker.run(worker_jobs.fail, timeout=LIMIT)
    with pytest.raises(TypeError):
        worker.load(worker_jobs.hold)  # a loader's error too


def test_worker_starts_again_and_reloads_when_it_died(worker):
    first = worker.pid
    os.kill(first, signal.SIGKILL)
    assert _gone([first])
    state = worker.run(worker_jobs.state_of, timeout=LIMIT)
    assert worker.pid != first and state == {"value": 7, "loaded_by": worker.pid}


def test_worker_and_its_jobs_end_when_their_caller_is_killed(tmp_path):
    script = (
        "import sys, time; sys.path.insert(0, sys.argv[1])\n"
        "from export.sparql.worker import QueryWorker\n"
        "from tests.export import worker_jobs\n"
        "worker = QueryWorker(); worker.load(worker_jobs.hold, 1)\n"
        "pending = worker.submit(worker_jobs.sleep, 600)\n"
        "print(worker.pid, flush=True); time.sleep(600)\n"
    )
    caller = subprocess.Popen([sys.executable, "-c", script, str(ROOT)], stdout=subprocess.PIPE,
                              text=True, cwd=ROOT)
    holder = int(caller.stdout.readline())  # type: ignore[union-attr]
    deadline = time.monotonic() + LIMIT
    while not children(holder):  # the sleeping job
        assert time.monotonic() < deadline, "the job never started"
        time.sleep(0.05)
    jobs = children(holder)
    caller.kill()
    caller.wait()
    assert _gone([holder, *jobs])
