"""Starting a local Dask cluster for a kg build, or connecting to a running scheduler.

kg's own local cluster runs one thread per worker process, without Dask's sampling profiler
and without ``MALLOC_TRIM_THRESHOLD_`` (see :func:`_local_worker_config`); docs/dask.md gives
the same settings as a Dask config file for the workers of a real cluster.
"""

from __future__ import annotations

import logging
import os
from contextlib import ExitStack, contextmanager
from typing import Iterator

import dask
from distributed import Client, LocalCluster

from kg.errors import KGError

__all__ = ["LOCAL_HTTP", "ClusterError", "connect"]

#: Worker settings of a local cluster, with :func:`_local_worker_config`.
_WORKER_CONFIG = {"distributed.worker.profile.enabled": False}
#: The scheduler of a local cluster serves its HTTP endpoints (health, metrics) on a free
#: port: with the dashboard off it would still take 8787, and warn when another cluster on
#: the machine holds it.
LOCAL_HTTP = {"dashboard_address": ":0"}
#: How long to wait for a scheduler given by address.
_CONNECT_TIMEOUT = "30s"


class ClusterError(KGError):
    """The Dask scheduler could not be reached or a local cluster could not start."""


_TRIM = "MALLOC_TRIM_THRESHOLD_"


def _local_worker_config() -> dict:
    """Dask settings for the workers of a local cluster kg starts.

    Dask's sampling profiler costs a parser thread about a fifth of its speed, so it is off.
    Dask also starts workers with ``MALLOC_TRIM_THRESHOLD_=65536``; setting that variable
    turns off glibc's dynamic mmap threshold, so every array of 128 KiB or more the parser
    allocates is mapped and unmapped again: measured on 300,000 words, 10.5 s of system time
    against 3.4 s without it. kg's workers start without it (None unsets it in Dask's config).
    """
    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", default={}) or {})
    environ[_TRIM] = None
    return {**_WORKER_CONFIG, "distributed.nanny.pre-spawn-environ": environ}


@contextmanager
def _spawning_without_trim_threshold() -> Iterator[None]:
    """Keep ``MALLOC_TRIM_THRESHOLD_`` out of the environment workers are spawned with.

    A Dask nanny copies its variables into this process's ``os.environ`` before spawning a
    worker and leaves them there, so after one local cluster every later worker would inherit
    the variable whatever the config says. It is taken out while kg's cluster starts and put
    back afterwards unless it is Dask's own value.
    """
    before = os.environ.pop(_TRIM, None)
    try:
        yield
    finally:
        dask_value = dask.config.get(f"distributed.nanny.pre-spawn-environ.{_TRIM}", default=None)
        if before is not None and before != str(dask_value):
            os.environ[_TRIM] = before
        elif os.environ.get(_TRIM) == str(dask_value):
            del os.environ[_TRIM]


def connect(stack: ExitStack, scheduler: str | None, workers: int) -> Client:
    """A client of the scheduler at ``scheduler``, or of a new local cluster of ``workers``
    processes; both are closed with ``stack``."""
    if not scheduler and workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    try:
        if scheduler:
            return stack.enter_context(Client(scheduler, timeout=_CONNECT_TIMEOUT))
        with _spawning_without_trim_threshold(), dask.config.set(_local_worker_config()):
            cluster = stack.enter_context(
                LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                             dashboard_address=None, scheduler_kwargs=LOCAL_HTTP,
                             silence_logs=logging.ERROR)
            )
        return stack.enter_context(Client(cluster))
    except (OSError, RuntimeError) as err:
        where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
        raise ClusterError(f"cannot connect to {where}: {err}") from err
