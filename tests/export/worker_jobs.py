"""Jobs and loaders for the query worker tests: module-level, so that they travel by name."""

from __future__ import annotations

import os
import threading
import time

#: Held by the test process; a process forked from it would inherit it held.
LOCK = threading.Lock()


def hold(value: object) -> tuple[dict, str]:
    """A loader: the state records the process that loaded it."""
    return {"value": value, "loaded_by": os.getpid()}, f"holding {value}"


def locked(state: object) -> str:
    with LOCK:
        return "acquired"


def parentage(state: object) -> tuple[int, int, int]:
    """The job's own pid, its parent's, and how many threads its parent runs."""
    parent = os.getppid()
    return os.getpid(), parent, len(os.listdir(f"/proc/{parent}/task"))


def sleep(state: object, seconds: float) -> str:
    time.sleep(seconds)
    return "slept"


def state_of(state: dict) -> dict:
    return state


def fail(state: object) -> None:
    raise LookupError("no such thing")
