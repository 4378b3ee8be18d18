"""The query worker process (:mod:`export.sparql.worker`): holds a graph, forks one child per job.

Started as a new interpreter, it imports little, never starts a thread and never opens a
RocksDB store, so forking it is safe. Its loop waits on three things: the control socket
(requests from the caller, each with a socket of its own; end of file: the caller is gone),
the sockets of running jobs (readable: the caller gave up on that job, which is killed) and
``SIGCHLD`` (a child ended: it is reaped and its socket closed, which tells a caller waiting
for a stopped job that it is gone). A child dies with the worker (``PR_SET_PDEATHSIG`` on
Linux), and the worker ignores Ctrl-C: its caller stops it.
"""

from __future__ import annotations

import gc
import os
import pickle
import select
import signal
import socket
import sys
from typing import Any, Callable

from export.sparql import worker
from export.sparql.worker import frame

__all__ = ["main"]

_HEADER = 8
#: ``prctl`` of the C library (Linux), looked up once so that each child only calls it.
_PRCTL: Callable[..., int] | None = None
_PR_SET_PDEATHSIG = 1


def main(control_fd: int) -> None:
    """Serve requests from the caller on ``control_fd`` until it closes."""
    global _PRCTL
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        _PRCTL = ctypes.CDLL(None, use_errno=True).prctl
    control = socket.socket(fileno=control_fd)
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_read, False)
    os.set_blocking(wake_write, False)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.set_wakeup_fd(wake_write, warn_on_full_buffer=False)
    holder = _Holder(control, (wake_read, wake_write))
    try:
        holder.serve()
    except Exception:  # a bug: say what it was before going
        import traceback

        traceback.print_exc()
    finally:
        holder.stop_all()
        os._exit(0)  # nothing to flush or finalise: the caller waits for this exit


class _Holder:
    def __init__(self, control: socket.socket, wake: tuple[int, int]) -> None:
        self.control = control
        self.wake = wake
        self.state: Any = None
        self.prepared: set[Callable[[], Any]] = set()
        self.jobs: dict[int, socket.socket] = {}  # child pid -> its job's socket
        self.watched: dict[int, int] = {}  # socket fd -> pid, for jobs the caller may stop

    def serve(self) -> None:
        while True:
            ready, _, _ = select.select([self.control, self.wake[0], *self.watched], [], [])
            if self.wake[0] in ready:
                _drain(self.wake[0])
            self.reap()
            for fd in ready:
                if fd in self.watched:  # the caller shut its end: stop that job
                    _kill(self.watched.pop(fd))
            if self.control in ready:
                request = _receive(self.control)
                if request is None:  # the caller is gone
                    return
                sock, payload = request
                try:
                    kind, fn, args, prepare = pickle.loads(payload)
                    for step in prepare:  # once here, not in every child
                        if step not in self.prepared:
                            step()
                            self.prepared.add(step)
                except Exception as err:  # noqa: BLE001 - e.g. a job this process cannot import
                    with sock:
                        _send(sock, frame(False, err))
                    continue
                self.handle(sock, kind, fn, args)

    def handle(self, sock: socket.socket, kind: str, fn: Callable[..., Any], args: tuple) -> None:
        if kind == "load":
            with sock:
                try:
                    self.state, info = fn(*args)
                    _send(sock, frame(True, info))
                except BaseException as err:  # noqa: BLE001 - the caller raises it
                    _send(sock, frame(False, err))
            return
        threads = _threads()
        if threads > 1:  # a loader started a thread: forking could deadlock the child
            with sock:
                _send(sock, frame(False, RuntimeError(
                    f"the query worker runs {threads} threads and cannot fork safely")))
            return
        holder = os.getpid()
        gc.freeze()  # the child's collections skip what is here: its pages stay shared
        try:
            pid = os.fork()
        except OSError as err:
            with sock:
                _send(sock, frame(False, OSError(f"cannot start a query process: {err}")))
            return
        if pid == 0:
            self.child(holder, sock, fn, args)
        self.jobs[pid] = sock
        self.watched[sock.fileno()] = pid

    def child(self, holder: int, sock: socket.socket, fn: Callable[..., Any], args: tuple
              ) -> None:
        """In the forked child: run the job, write its answer, exit."""
        try:
            _die_with(holder)
            signal.set_wakeup_fd(-1)
            for number in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD):
                signal.signal(number, signal.SIG_DFL)
            self.control.close()
            for other in self.jobs.values():
                other.close()
            for fd in self.wake:
                os.close(fd)
            worker._JOB = sock  # where start_clock writes
            try:
                answer = frame(True, fn(self.state, *args))
            except BaseException as err:  # noqa: BLE001 - sent to the caller, raised there
                answer = frame(False, err)
            _send(sock, answer)
        finally:
            os._exit(0)

    def reap(self) -> None:
        while self.jobs:
            try:
                pid, _status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            sock = self.jobs.pop(pid, None)
            if sock is not None:
                self.watched.pop(sock.fileno(), None)
                sock.close()  # a caller waiting for a stopped job sees it end

    def stop_all(self) -> None:
        for pid in self.jobs:
            _kill(pid)
        for pid, sock in list(self.jobs.items()):
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
            sock.close()
        self.jobs.clear()


def _receive(control: socket.socket) -> tuple[socket.socket, bytes] | None:
    """The next request: its job socket and its pickled ``(kind, function, arguments)``; None
    when the caller closed the control socket (or broke the protocol)."""
    try:
        header, fds, _flags, _address = socket.recv_fds(control, _HEADER, 1)
        if header:
            header += _read(control, _HEADER - len(header))
            payload = _read(control, int.from_bytes(header, "big"))
    except (OSError, EOFError):
        header = b""
    if not header or len(fds) != 1:
        for fd in fds:
            os.close(fd)
        return None
    return socket.socket(fileno=fds[0]), payload


def _read(sock: socket.socket, size: int) -> bytes:
    chunks = []
    while size > 0:
        chunk = sock.recv(min(size, 1 << 20))
        if not chunk:
            raise EOFError("the caller closed the control socket mid-request")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _send(sock: socket.socket, data: bytes) -> None:
    try:
        sock.sendall(data)
    except OSError:  # the caller gave up on the job
        pass


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 4096):
            pass
    except BlockingIOError:
        pass


def _threads() -> int:
    """Threads of this process (Linux); 1 where it cannot be told."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 1


def _die_with(parent: int) -> None:
    """Have the kernel kill this process when ``parent`` ends (Linux), and end now if it has."""
    if _PRCTL is not None:
        _PRCTL(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
