"""Run a function in a forked child process that is killed when it takes too long.

Neither engine can stop a query from the outside: pyoxigraph evaluates in Rust without a
cancellation hook, and rdflib's evaluation can sit in one long generator for minutes. A forked
child shares the loaded graph with its parent (copy-on-write, nothing is loaded twice), runs
the query, and sends its pickled answer back through a pipe; when the time is up the parent
kills it with SIGKILL and reaps it, so no process is left behind and the parent is unharmed.

The blocking form (:func:`call_with_time_limit`) serves ``kg query`` and the Python API; the
server uses :class:`Child` directly and waits for the pipe in its event loop.

>>> call_with_time_limit(lambda: 6 * 7, 60)
42
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from typing import Any, Callable, TypeVar

from kg.errors import QueryError, QueryTimeoutError

__all__ = ["DEFAULT_TIMEOUT", "Child", "call_with_time_limit", "can_fork"]

#: Seconds a query may run before it is stopped (``kg query --timeout``, ``kg serve``,
#: ``kg.query``): far above the slowest documented query on a 300-document graph (under 1 s
#: in oxigraph), low enough that a runaway query gives the machine back within a minute.
DEFAULT_TIMEOUT = 60.0

T = TypeVar("T")

_CHUNK = 1 << 16


def can_fork() -> bool:
    """Whether this platform can fork (Linux, macOS); elsewhere queries run without a limit."""
    return hasattr(os, "fork")


class Child:
    """A forked process computing ``fn()``; its result arrives as bytes on :attr:`fd`.

    The child writes ``pickle.dumps((ok, value))``, where ``value`` is the result or the
    exception it raised, and exits with ``os._exit`` (no atexit handlers, no buffered output
    flushed twice).
    """

    def __init__(self, fn: Callable[[], Any], *, encode: Callable[[Any], bytes] | None = None):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(read_fd)
            _run_child(fn, write_fd, encode)
        os.close(write_fd)
        self.pid = pid
        self.fd = read_fd
        self.chunks: list[bytes] = []
        self.started = time.monotonic()
        self._reaped = False

    def read_available(self) -> bool:
        """Read what the pipe holds now; True once the child closed it (finished or died)."""
        data = os.read(self.fd, _CHUNK)
        if data:
            self.chunks.append(data)
            return False
        return True

    def wait(self, seconds: float | None) -> bool:
        """Block until the child finished (True) or ``seconds`` passed (False)."""
        deadline = None if seconds is None else self.started + seconds
        while True:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return False
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready and self.read_available():
                return True

    def stop(self) -> None:
        """Send SIGKILL without waiting (safe in a signal handler); :meth:`kill` reaps."""
        if not self._reaped:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def kill(self) -> None:
        """Kill the child (if it still runs) and reap it; safe to call twice."""
        if self._reaped:
            return
        self.stop()
        self._reap()

    def _reap(self) -> int:
        self._reaped = True
        os.close(self.fd)
        _, status = os.waitpid(self.pid, 0)
        return status

    def payload(self) -> bytes:
        """The bytes the child sent (reading the rest of them if need be); reaps it."""
        while not self.read_available():
            pass
        status = self._reap()
        data = b"".join(self.chunks)
        if not data:
            how = (f"was killed by signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status)
                   else f"exited with status {os.WEXITSTATUS(status)}")
            raise QueryError(f"the query process {how} before answering (out of memory?)")
        return data

    def result(self) -> Any:
        """The value ``fn()`` returned, or the exception it raised, raised here."""
        ok, value = pickle.loads(self.payload())
        if not ok:
            raise value
        return value


def _run_child(fn: Callable[[], Any], write_fd: int, encode) -> None:
    status = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C in a terminal ends it at once
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        try:
            value = fn()
            data = encode(value) if encode else pickle.dumps((True, value), protocol=5)
        except BaseException as err:  # noqa: BLE001 - sent to the parent, raised there
            data = pickle.dumps((False, _picklable(err)), protocol=5)
        view = memoryview(data)
        while view:
            written = os.write(write_fd, view)
            view = view[written:]
    except BaseException:  # noqa: BLE001 - the parent sees an empty answer and says so
        status = 1
    finally:
        os._exit(status)


def _picklable(err: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(err))
        return err
    except Exception:  # noqa: BLE001 - keep the message, lose the type
        return QueryError(f"{type(err).__name__}: {err}")


def call_with_time_limit(fn: Callable[[], T], seconds: float | None, *,
                         isolate: bool = False) -> T:
    """``fn()``, computed in a child process that is killed after ``seconds``.

    With ``seconds`` None or 0, ``fn()`` runs here with no limit (in a child all the same
    when ``isolate``, for work that must not leave state in this process); where the platform
    cannot fork, always here.

    Raises:
        QueryTimeoutError: ``fn`` did not finish in time (the child is killed and reaped).
    """
    if not can_fork() or not (seconds or isolate):
        return fn()
    child = Child(fn)
    try:
        finished = child.wait(seconds or None)
    except BaseException:  # Ctrl-C while waiting: take the child down too
        child.kill()
        raise
    if not finished:
        child.kill()
        raise QueryTimeoutError(
            f"the query did not finish within {seconds:g} s and was stopped; "
            f"give a longer --timeout (0 for none) or a narrower query"
        )
    return child.result()
