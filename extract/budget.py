"""A per-document extraction budget: CPU time in proportion to the document's tokens.

The rules are meant to end on every parse (each loop over a parse moves to a child, or climbs
heads compared by ``.i``, and the property test in ``tests/extract/test_random_trees.py`` runs
them on random trees). This is the defence in depth for a corpus: should a document still take
far longer than its length warrants, its extraction is stopped, the document is skipped and
named with the reason, and the rest of the corpus goes on.

How a running extraction is stopped, in any thread (the local build's main thread, a
``--jobs`` worker process, a Dask worker's executor thread): a watchdog thread, one per
process, watches the CPU clock of each thread inside :func:`cpu_limit` and, past its budget,
raises :class:`OverBudget` in that thread with ``PyThreadState_SetAsyncExc``. Signals are not
used: ``SIGALRM`` reaches only a process's main thread, and Dask runs tasks in other threads.
The asynchronous exception is delivered between two bytecodes of the extracting thread, which
is where the rules spend their time (pure Python over spaCy's token attributes); a call that
stays inside C code for long would see it only when it returns to Python.

The clock is the extracting thread's own CPU time (``pthread_getcpuclockid``; wall time where
the platform has no per-thread clock), so a busy machine does not make a document look slow.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from dataclasses import dataclass
from typing import Callable

__all__ = [
    "DEFAULT_MS_PER_TOKEN",
    "FLOOR_SECONDS",
    "Budget",
    "OverBudget",
    "cpu_limit",
]

#: CPU milliseconds of extraction allowed per token of a document by default. The rules take
#: 0.020 ms per token on real text (median of 165 documents of ``benchmarks/corpus.py``,
#: 50,000 words; the slowest 0.037 ms; ``benchmarks/budget_bench.py``), so this is more than a
#: hundred times what any of them needs: it only stops a document that would not end.
DEFAULT_MS_PER_TOKEN = 5.0
#: CPU seconds every document is allowed on top of its tokens' share (start-up costs such as
#: the acronym scan; a one-word document is never stopped at once).
FLOOR_SECONDS = 1.0

# ``PyThreadState_SetAsyncExc(thread id, exception)`` raises ``exception`` in that thread at
# its next check of the interpreter's eval breaker (a call, a backward jump). It is never
# called with NULL to withdraw one: CPython 3.11 then leaves the eval breaker set with
# nothing to raise, and a traced thread spins on it forever.
_raise_in = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_ulong, ctypes.py_object)(
    ("PyThreadState_SetAsyncExc", ctypes.pythonapi))


class OverBudget(BaseException):
    """Raised inside an extraction that ran past its budget.

    A :class:`BaseException`, like ``KeyboardInterrupt``, so that an ``except Exception`` in an
    extractor cannot swallow it.
    """


@dataclass(frozen=True)
class Budget:
    """CPU time allowed for one document: ``floor + ms_per_token * tokens / 1000`` seconds.

    >>> Budget().seconds(2000)
    11.0
    >>> Budget(ms_per_token=0.5, floor=0.0).seconds(2000)
    1.0
    """

    ms_per_token: float = DEFAULT_MS_PER_TOKEN
    floor: float = FLOOR_SECONDS

    def __post_init__(self) -> None:
        if not self.ms_per_token > 0 or not self.floor >= 0:
            raise ValueError(f"a budget needs a positive time per token and a floor of at "
                             f"least 0, not {self.ms_per_token} ms and {self.floor} s")

    def seconds(self, tokens: int) -> float:
        """CPU seconds allowed for a document of ``tokens`` tokens."""
        return self.floor + self.ms_per_token * tokens / 1000.0

    def describe(self, tokens: int) -> str:
        """The reason a document over this budget is skipped (for the build's summary)."""
        return (f"extraction ran over its time budget ({self.seconds(tokens):.1f} s of CPU for "
                f"{tokens} tokens at {self.ms_per_token:g} ms per token; --doc-budget sets it); "
                f"skipped")


def _thread_clock(ident: int) -> Callable[[], float]:
    """A function reading thread ``ident``'s CPU time, or wall time where that is missing."""
    try:
        clock = time.pthread_getcpuclockid(ident)  # type: ignore[attr-defined]
        time.clock_gettime(clock)
    except (AttributeError, OSError):
        return time.monotonic
    return lambda: time.clock_gettime(clock)


class _Guard:
    """One thread's running extraction: its clock, its limit, and whether it was stopped."""

    __slots__ = ("ident", "clock", "start", "seconds", "fired")

    def __init__(self, ident: int, seconds: float) -> None:
        self.ident = ident
        self.clock = _thread_clock(ident)
        self.start = self.clock()
        self.seconds = seconds
        self.fired = False

    def left(self) -> float:
        return self.seconds - (self.clock() - self.start)


class _Watchdog:
    """The process's watchdog thread and the guards it watches (one per extracting thread)."""

    #: Shortest sleep between two looks at a guard's clock.
    _TICK = 0.01

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._guards: dict[int, _Guard] = {}
        self._thread: threading.Thread | None = None
        self._until: float | None = None  # when the watchdog looks next (None: when told)

    def enter(self, seconds: float) -> _Guard:
        guard = _Guard(threading.get_ident(), seconds)
        with self._cond:
            # A spent guard left here (its stop was raised before its ``leave`` ran) is
            # replaced: it fired once and never fires again.
            self._guards[guard.ident] = guard
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="kg-budget-watchdog",
                                                daemon=True)
                self._thread.start()
            elif self._until is None or self._until > time.monotonic() + seconds:
                # Wake the watchdog only when it would look too late: one wake-up per
                # document would cost a thread switch each.
                self._cond.notify()
        return guard

    def leave(self, guard: _Guard) -> bool:
        """Stop watching ``guard`` (idempotent); True when the watchdog has stopped it.

        Taken under the lock the watchdog fires under: once this returns False, no stop can
        come; when it returns True the stop was raised already or is pending.
        """
        with self._cond:
            if self._guards.get(guard.ident) is guard:
                del self._guards[guard.ident]
            return guard.fired

    def _run(self) -> None:
        with self._cond:
            while True:
                wait = None
                for guard in list(self._guards.values()):
                    if guard.fired:
                        continue
                    try:
                        left = guard.left()
                    except OSError:  # the thread is gone: nothing to stop
                        del self._guards[guard.ident]
                        continue
                    if left <= 0:
                        guard.fired = True
                        _raise_in(guard.ident, OverBudget)
                    else:
                        # A thread's CPU time grows no faster than the wall clock: waiting
                        # ``left`` seconds never oversleeps its budget.
                        wait = max(self._TICK, left if wait is None else min(wait, left))
                self._until = None if wait is None else time.monotonic() + wait
                self._cond.wait(wait)

    def _after_fork(self) -> None:
        # A forked child has the parent's memory but not its watchdog thread (nor its
        # extracting threads): start afresh.
        self._cond = threading.Condition(threading.Lock())
        self._guards = {}
        self._thread = None
        self._until = None


_WATCHDOG = _Watchdog()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_WATCHDOG._after_fork)


class cpu_limit:
    """Run the body for at most ``seconds`` of this thread's CPU time, else raise
    :class:`OverBudget` from inside it (one limit at a time per thread).

    >>> with cpu_limit(5.0):
    ...     total = sum(range(1000))
    >>> try:
    ...     with cpu_limit(0.05):
    ...         while True:
    ...             pass
    ... except OverBudget as stop:
    ...     print(stop)
    over its budget of 0.1 s of CPU
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._guard: _Guard | None = None

    def __enter__(self) -> cpu_limit:
        self._guard = _WATCHDOG.enter(self.seconds)
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        # The stop may arrive anywhere in the body, or here before ``leave`` has taken the
        # watchdog's lock (it then propagates as is, and the next ``enter`` of this thread
        # replaces the spent guard). When ``leave`` says the guard was stopped, a stop still
        # pending is taken here, where it is expected, so none escapes after the block.
        if _WATCHDOG.leave(self._guard):  # type: ignore[arg-type]
            try:
                _take_pending_stop()
            except OverBudget:
                pass
            raise OverBudget(f"over its budget of {self.seconds:.1f} s of CPU") from None
        return False


def _take_pending_stop() -> None:
    """Run a few bytecodes that check the eval breaker (a call, a backward jump)."""
    for _ in range(2):
        pass
