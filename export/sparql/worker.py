"""Run query work under a time limit, safely from any process: a warm worker holds the graph.

Neither engine can stop a query from the outside: pyoxigraph evaluates in Rust without a
cancellation hook, and rdflib's evaluation can sit in one long generator for minutes. So a
query runs in a process that can be killed. Forking the calling process for it is not safe
when the caller already runs threads (uvicorn, RocksDB inside pyoxigraph, the extraction
watchdog, a notebook kernel): the child gets a copy of every lock, held or not, but only the
forking thread, and can wait forever on a lock another thread held.

So a :class:`QueryWorker` is a new interpreter (started by *spawn*: ``sys.executable``, nothing
copied from the caller; :mod:`export.sparql.holder`) that loads the graph once and stays
single-threaded: it never starts a thread nor opens a RocksDB store. For each query it forks a
short-lived child, which is safe because the worker has no other thread, costs about a
millisecond (the graph is shared copy-on-write) and lets a query past its limit be killed
while the worker and its graph live on for the next query. Work that needs no graph (parsing
a query, answering from a cached store on disk, which the child opens) uses the shared
:func:`default_worker`, started once per process and reused.

Each request travels over a socket pair of its own: the caller keeps one end and hands the
other to the worker with the request; the child writes its answer there (8 bytes of length,
then a pickle of ``(ok, value)``). To stop a query, the caller shuts its end down: the worker
sees it, kills the child and reaps it, and closing its copy of the socket tells the caller so.
If the caller dies, the worker sees its control socket close, kills its children and exits.
Where the platform cannot fork (Windows), work runs in the calling process with no limit.

>>> worker = QueryWorker()
>>> worker.load(_hold, 6)
'holding 6'
>>> worker.run(_times, 7, timeout=60)
42
>>> worker.close()
"""

from __future__ import annotations

import atexit
import json
import os
import pickle
import socket
import subprocess
import sys
import threading
import time
import weakref
from typing import Any, Callable

from kg.errors import QueryError, QueryTimeoutError

__all__ = ["DEFAULT_TIMEOUT", "Pending", "QueryWorker", "can_fork", "default_worker",
           "pause_clock", "start_clock"]

#: Seconds a query may run before it is stopped (``kg query --timeout``, ``kg serve``,
#: ``kg.query``): far above the slowest documented query on a 300-document graph (under 1 s
#: in oxigraph), low enough that a runaway query gives the machine back within a minute.
DEFAULT_TIMEOUT = 60.0

#: Seconds to wait for the worker to confirm that a stopped query's process is gone.
_CONFIRM = 10.0
_HEADER = 8
#: Headers without an answer: the job paused or started its clock (:func:`pause_clock`).
_CLOCK = {"pause": (1 << 64) - 2, "start": (1 << 64) - 1}
_CHUNK = 1 << 16
_BOOT = ("import json, sys; sys.path[:0] = json.loads(sys.argv[1]); "
         "from export.sparql.holder import main; main(int(sys.argv[2]))")


def can_fork() -> bool:
    """Whether this platform can fork and pass sockets (Linux, macOS); elsewhere queries run
    in the calling process without a limit."""
    return hasattr(os, "fork") and hasattr(socket, "AF_UNIX") and hasattr(socket, "send_fds")


def frame(ok: bool, value: Any) -> bytes:
    """An answer as it travels: its length, then the pickle of ``(ok, value)``."""
    try:
        data = pickle.dumps((ok, value), protocol=5)
    except Exception:  # noqa: BLE001 - an exception that cannot travel keeps its message
        data = pickle.dumps((False, QueryError(f"{type(value).__name__}: {value}")), protocol=5)
    return len(data).to_bytes(_HEADER, "big") + data


def _timed_out(seconds: float) -> QueryTimeoutError:
    return QueryTimeoutError(
        f"the query did not finish within {seconds:g} s and was stopped; "
        f"give a longer --timeout (0 for none) or a narrower query")


def _unanswered() -> QueryError:
    return QueryError("the query process ended before answering (out of memory?)")


def _decode(data: bytes) -> Any:
    ok, value = pickle.loads(data)
    if not ok:
        raise value
    return value


class Pending:
    """A request sent to a :class:`QueryWorker`: wait for its answer, or stop it.

    The time limit counts from the request; a job can stop the clock while it does work that
    is not limited (loading a graph: :func:`pause_clock`) and start it again
    (:func:`start_clock`).
    """

    def __init__(self, sock: socket.socket | None, *, value: bytes = b"") -> None:
        self._sock = sock
        self._value = value  # the pickled answer already known (work done in this process)

    def result(self, timeout: float | None = None) -> Any:
        """The job's return value (or the exception it raised, raised here).

        Raises:
            QueryTimeoutError: No answer within ``timeout`` seconds (None or 0: no limit); the
                job's process is killed and reaped before this returns.
        """
        if self._sock is None:
            return _decode(self._value)
        deadline = _deadline(timeout)
        try:
            while True:
                size = int.from_bytes(self._read(_HEADER, deadline), "big")
                if size not in _CLOCK.values():
                    break
                deadline = _deadline(timeout) if size == _CLOCK["start"] else None
            data = self._read(size, deadline)
        except socket.timeout:
            self.cancel()
            raise _timed_out(timeout or 0) from None
        except BaseException:  # Ctrl-C while waiting, a broken answer: stop the job too
            self.cancel()
            raise
        self._close()
        return _decode(data)

    def _read(self, size: int, deadline: float | None) -> bytes:
        sock = self._sock
        assert sock is not None
        chunks, left = [], size
        while left:
            if deadline is None:
                sock.settimeout(None)
            else:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise socket.timeout
                sock.settimeout(remaining)
            chunk = sock.recv(min(left, _CHUNK))
            if not chunk:
                raise _unanswered()
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    async def result_async(self, timeout: float | None = None) -> Any:
        """:meth:`result` for an event loop: waits without blocking it (for jobs that leave
        the clock alone)."""
        import asyncio  # imported here: the blocking form, what kg query uses, needs none of it

        if self._sock is None:
            return _decode(self._value)
        loop = asyncio.get_running_loop()
        self._sock.setblocking(False)
        try:
            data = await asyncio.wait_for(self._read_async(loop), timeout or None)
        except asyncio.TimeoutError:
            self.cancel(confirm=False)
            raise _timed_out(timeout or 0) from None
        except BaseException:  # cancelled: the client left or the server is stopping
            self.cancel(confirm=False)
            raise
        self._close()
        return _decode(data)

    async def _read_async(self, loop: Any) -> bytes:
        sock = self._sock
        assert sock is not None
        buffer = bytearray()
        while len(buffer) < _HEADER or len(buffer) < _HEADER + int.from_bytes(
                buffer[:_HEADER], "big"):
            chunk = await loop.sock_recv(sock, _CHUNK)
            if not chunk:
                raise _unanswered()
            buffer += chunk
        return bytes(buffer[_HEADER:])

    def stop(self) -> None:
        """Ask the worker to kill the job's process, without waiting and without closing:
        whoever waits for the answer sees it end (safe in a signal handler)."""
        if self._sock is not None and self._sock.fileno() >= 0:
            try:
                self._sock.shutdown(socket.SHUT_WR)
            except OSError:
                pass

    def cancel(self, *, confirm: bool = True) -> None:
        """Stop the job: the worker kills its process. With ``confirm``, wait (briefly) until
        the worker says the process is reaped."""
        sock = self._sock
        if sock is None or sock.fileno() < 0:
            return
        try:
            sock.shutdown(socket.SHUT_WR)
            if confirm:
                sock.setblocking(True)
                sock.settimeout(_CONFIRM)
                while sock.recv(_CHUNK):  # an answer that was on its way: dropped
                    pass
        except OSError:
            pass
        finally:
            sock.close()

    def _close(self) -> None:
        if self._sock is not None:
            self._sock.close()


def _deadline(timeout: float | None) -> float | None:
    return time.monotonic() + timeout if timeout else None


#: In a job's child process: the socket its answer goes to (see :func:`pause_clock`).
_JOB: socket.socket | None = None


def pause_clock() -> None:
    """In a job's child: stop counting time against its limit (until :func:`start_clock`)."""
    if _JOB is not None:
        _JOB.sendall(_CLOCK["pause"].to_bytes(_HEADER, "big"))


def start_clock() -> None:
    """In a job's child: its whole time limit starts again now."""
    if _JOB is not None:
        _JOB.sendall(_CLOCK["start"].to_bytes(_HEADER, "big"))


class QueryWorker:
    """A spawned process that holds one graph and answers jobs about it in forked children.

    Jobs are module-level functions ``job(state, *args)``, where ``state`` is what the last
    :meth:`load` made; their arguments and results travel pickled. A worker starts on first
    use and starts again (loading its graph again) if it died.
    """

    def __init__(self) -> None:
        self._local = not can_fork()
        self._state: Any = None  # the graph, where work runs in this process
        self._process: subprocess.Popen | None = None
        self._control: socket.socket | None = None
        self._loaded: tuple[Callable[..., Any], tuple] | None = None
        self._lock = threading.RLock()
        self._cwd = _cwd()  # relative paths keep their meaning if the worker starts again
        self._finalizer: weakref.finalize | None = None

    @property
    def pid(self) -> int | None:
        """The worker's process id (None before it starts, or where work runs here)."""
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        """Start the worker process now (it also starts on first use); returns at once."""
        with self._lock:
            if self._local or self.alive():
                return
            self._stop()
            ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
            with theirs:
                command = [sys.executable, "-c", _BOOT, json.dumps(sys.path), str(theirs.fileno())]
                self._process = subprocess.Popen(
                    command, pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL, start_new_session=True, cwd=self._cwd)
            self._control = ours
            self._finalizer = weakref.finalize(self, _shut, ours, self._process)

    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def load(self, loader: Callable[..., tuple[Any, Any]], *args: Any) -> Any:
        """Run ``loader(*args)`` in the worker, keep the state it returns first, and return the
        second (a summary for the caller). The worker runs it again if it has to restart."""
        with self._lock:
            self._loaded = (loader, args)
            if self._local:
                self._state, info = loader(*args)
                return info
            self.start()
            return self._send("load", loader, args, ()).result()

    def submit(self, job: Callable[..., Any], *args: Any,
               prepare: tuple[Callable[[], Any], ...] = ()) -> Pending:
        """Start ``job(state, *args)`` in a new child of the worker; its :class:`Pending`.

        Args:
            job: A module-level function (it travels by name).
            args: Its arguments after the state (they travel pickled).
            prepare: Module-level functions the worker runs once, before its first child that
                needs them: imports and the set-up a first call does (parser tables, caches),
                which would otherwise be done again in every child.
        """
        with self._lock:
            if self._local:
                try:
                    value = pickle.dumps((True, job(self._state, *args)))
                except Exception as err:  # noqa: BLE001 - raised by Pending.result
                    value = pickle.dumps((False, err))
                return Pending(None, value=value)
            if not self.alive():
                self.start()
                if self._loaded is not None:
                    self._send("load", self._loaded[0], self._loaded[1], ()).result()
            return self._send("job", job, args, prepare)

    def run(self, job: Callable[..., Any], *args: Any, timeout: float | None,
            prepare: tuple[Callable[[], Any], ...] = ()) -> Any:
        """``job(state, *args)`` in a child, killed after ``timeout`` seconds (None or 0: no
        limit); ``prepare`` as for :meth:`submit`.

        Raises:
            QueryTimeoutError: The job did not finish in time (its process is gone).
        """
        return self.submit(job, *args, prepare=prepare).result(timeout)

    def _send(self, kind: str, fn: Callable[..., Any], args: tuple,
              prepare: tuple[Callable[[], Any], ...]) -> Pending:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        data = pickle.dumps((kind, fn, args, prepare), protocol=5)
        try:
            assert self._control is not None
            socket.send_fds(self._control, [len(data).to_bytes(_HEADER, "big")],
                            [theirs.fileno()])
            self._control.sendall(data)
        except OSError as err:
            ours.close()
            self._stop()
            raise QueryError(f"the query worker stopped ({err}); try again") from err
        finally:
            theirs.close()
        return Pending(ours)

    def close(self) -> None:
        """Stop the worker and every query it runs; it starts again if used again."""
        with self._lock:
            self._stop()

    def _stop(self) -> None:
        if self._finalizer is not None:
            self._finalizer()
        self._process = self._control = self._finalizer = None

    def __enter__(self) -> QueryWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _cwd() -> str | None:
    try:
        return os.getcwd()
    except OSError:  # the folder was removed: the worker starts where this process is
        return None


def _shut(control: socket.socket, process: subprocess.Popen) -> None:
    """Close the control socket (the worker then stops its children and exits) and reap it."""
    control.close()
    try:
        process.wait(timeout=_CONFIRM)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


_DEFAULT: QueryWorker | None = None
_DEFAULT_LOCK = threading.Lock()


def default_worker() -> QueryWorker:
    """The worker without a graph that this process shares for work that needs none (checking
    a query, answering from a cached store); started on first use, stopped at exit."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = QueryWorker()
            atexit.register(_DEFAULT.close)
        return _DEFAULT


def _hold(value: Any) -> tuple[Any, str]:
    """A loader for the example above: holds ``value``."""
    return value, f"holding {value}"


def _times(state: int, factor: int) -> int:
    """A job for the example above."""
    return state * factor
