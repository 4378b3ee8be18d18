"""A pyoxigraph store of a graph file kept on disk, so that repeated ``kg query`` calls over
the same graph open it in milliseconds instead of parsing it again (0.7 s for a
300-document graph, minutes for a big one).

**Where.** ``$KG_CACHE_DIR/sparql/``, else ``$XDG_CACHE_HOME/kg/sparql/``, else
``~/.cache/kg/sparql/``. One entry per graph *content*: its name is the SHA-256 of the file's
bytes, of its extension (which decides the format), of the pyoxigraph version and of this
module's :data:`CACHE_FORMAT`. An edited file is a new entry, so an entry never goes stale,
and a graph copied elsewhere finds its entry. An entry is a RocksDB store and ``meta.json``
(base IRI, triple count, the size of each store file).

**Atomic.** An entry is built in a ``.build-*`` folder beside the others and renamed into
place when complete; a build that dies leaves only that folder, which nobody reads (it is
removed after :data:`STALE_BUILD_SECONDS`). An entry whose files do not have the sizes it
recorded, or that does not open, is set aside and not used.

**Concurrency.** Readers hold a shared ``flock`` on the entry's ``meta.json`` while they use
it; clean-up takes an exclusive lock without waiting and skips entries in use. Two processes
that build the same entry at once both build; the first rename wins, the other copy is
dropped.

**Size.** After each build, the least recently used entries are removed until the total is
under ``$KG_CACHE_MAX_MB`` (default :data:`DEFAULT_MAX_MB`); the newest is always kept.

**Read-only or unwritable location.** Entries that exist are used (opening writes nothing);
otherwise the cache is skipped and the caller loads the graph in memory, as without a cache.

>>> cache_root({"KG_CACHE_DIR": "/var/cache/kg"}).as_posix()
'/var/cache/kg/sparql'
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import pyoxigraph as ox

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows: no locks, so no clean-up either
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "CACHE_FORMAT",
    "DEFAULT_MAX_MB",
    "STALE_BUILD_SECONDS",
    "CachedStore",
    "build_entry",
    "cache_root",
    "clean",
    "content_key",
    "file_key",
    "graph_base",
    "open_entry",
]

#: Bumped whenever what an entry holds changes; older entries are then ignored and cleaned.
CACHE_FORMAT = 1

#: Largest total size of the cache (``KG_CACHE_MAX_MB``), in megabytes.
DEFAULT_MAX_MB = 2048

#: Age after which an abandoned ``.build-*`` folder is removed.
STALE_BUILD_SECONDS = 3600

_META = "meta.json"
_STORE = "store"
_BUILD = ".build-"
_DROP = ".drop-"
_CHUNK = 1 << 20
#: RocksDB's own log of what it did: it may grow when a store is opened for writing.
_VOLATILE = ("LOG",)


def cache_root(environ: Mapping[str, str] | None = None) -> Path:
    """The folder of the store cache (it need not exist)."""
    env = os.environ if environ is None else environ
    if env.get("KG_CACHE_DIR"):
        return Path(env["KG_CACHE_DIR"]) / "sparql"
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"]) / "kg" / "sparql"
    return Path.home() / ".cache" / "kg" / "sparql"


def _hasher(suffix: str) -> Any:
    digest = hashlib.sha256()
    digest.update(f"kg store cache {CACHE_FORMAT}; pyoxigraph {ox.__version__}; "
                  f"extension {suffix.lower()}\n".encode("utf-8"))
    return digest


def file_key(path: str | os.PathLike[str]) -> str:
    """The entry name of a graph file: a hash of its bytes, extension and the versions.

    Raises:
        OSError: The file cannot be read.
    """
    digest = _hasher(Path(path).suffix)
    with open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def content_key(suffix: str, data: bytes) -> str:
    """:func:`file_key` of a file with extension ``suffix`` holding ``data``."""
    digest = _hasher(suffix)
    digest.update(data)
    return digest.hexdigest()


@dataclass
class CachedStore:
    """A complete cache entry, locked against clean-up until :meth:`close`.

    Attributes:
        path: The entry's folder.
        base: The base IRI the graph was written with.
        triples: Number of quads in the store.
    """

    path: Path
    base: str
    triples: int
    _lock: int | None = None

    @property
    def store_path(self) -> Path:
        """The folder of the entry's RocksDB store."""
        return self.path / _STORE

    def open_store(self) -> ox.Store:
        """The entry's store, opened read-only. Open it in a process that will not fork
        afterwards (kg opens it in the query's own child): RocksDB starts threads, which a
        forked process would lack (it then waits forever).

        Raises:
            OSError, RuntimeError: The store is damaged (RocksDB reports a checksum mismatch
                as a RuntimeError, when it reads the damaged block).
        """
        return ox.Store.read_only(str(self.store_path))

    def close(self) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def __enter__(self) -> CachedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def discard(self) -> None:
        """Remove a damaged entry (unless another process uses it); it is rebuilt next time."""
        self.close()
        _drop_unused(self.path)


def _store_files(store: Path) -> dict[str, int]:
    return {entry.name: entry.stat().st_size for entry in store.iterdir()
            if entry.is_file() and entry.name not in _VOLATILE}


def _read_meta(entry: Path) -> dict | None:
    try:
        meta = json.loads((entry / _META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("format") != CACHE_FORMAT:
        return None
    return meta


def _intact(entry: Path, meta: dict) -> bool:
    try:
        return _store_files(entry / _STORE) == meta.get("files")
    except OSError:
        return False


def open_entry(key: str, *, root: Path | None = None) -> CachedStore | None:
    """The complete, intact entry ``key``, locked for use; None when there is none.

    A damaged entry (files missing or of the wrong size, unreadable ``meta.json``) is never
    used, and is removed when the location is writable and nobody uses it.
    """
    try:
        entry = (root or cache_root()) / key
        lock = os.open(entry / _META, os.O_RDONLY)
    except (OSError, RuntimeError):  # no entry; RuntimeError: no home folder
        return None
    try:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_SH)  # waits only while an entry is being removed
            if os.fstat(lock).st_ino != os.stat(entry / _META).st_ino:
                raise OSError("the entry was removed meanwhile")
        meta = _read_meta(entry)
        if meta is None or not _intact(entry, meta):
            raise OSError("damaged entry")
    except OSError:
        os.close(lock)
        if (entry / _STORE).exists():
            _drop_unused(entry)
        return None
    try:  # most recently used first when cleaning up; fails harmlessly when read-only
        os.utime(entry / _META)
    except OSError:
        pass
    return CachedStore(entry, meta["base"], meta["triples"], lock)


def _aside(entry: Path) -> Path:
    return entry.with_name(f"{_DROP}{entry.name}-{os.getpid()}-{time.monotonic_ns()}")


def _drop(entry: Path) -> None:
    """Rename ``entry`` out of the way (atomic), then remove it; quietly skip on failure."""
    aside = _aside(entry)
    try:
        os.rename(entry, aside)
    except OSError:
        return
    shutil.rmtree(aside, ignore_errors=True)


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def graph_base(store: ox.Store, graph_class: str, default: str) -> str:
    """The base IRI of a kg export in ``store``: the IRI of its ``graph_class`` instance."""
    found = sorted(q.subject.value for q in store.quads_for_pattern(
        None, ox.NamedNode(_RDF_TYPE), ox.NamedNode(graph_class), None))
    return found[0] if found else default


def _build(folder: Path, data: bytes, fmt: str, graph_class: str, default_base: str,
           source: str) -> None:
    """Load ``data`` into a new store in ``folder``; write ``meta.json`` last."""
    store = ox.Store(str(folder / _STORE))
    store.bulk_load(data, format=getattr(ox.RdfFormat, fmt))
    store.flush()
    meta = {"format": CACHE_FORMAT, "pyoxigraph": ox.__version__, "source": source,
            "base": graph_base(store, graph_class, default_base), "triples": len(store),
            "built": time.time()}
    del store  # closes RocksDB: every file is complete before its size is recorded
    meta["files"] = _store_files(folder / _STORE)
    for name in meta["files"]:
        _fsync(folder / _STORE / name)
    with open(folder / _META, "w", encoding="utf-8") as stream:
        json.dump(meta, stream)
        stream.flush()
        os.fsync(stream.fileno())


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


#: Exit status of the builder for RDF that does not parse (its message on standard error).
_EXIT_SYNTAX = 65


def _builder_main(argv: list[str]) -> None:
    """The builder process: the RDF on standard input, the rest as arguments."""
    folder, fmt, graph_class, default_base, source = argv
    data = sys.stdin.buffer.read()
    try:
        _build(Path(folder), data, fmt, graph_class, default_base, source)
    except SyntaxError as err:
        sys.stderr.write(str(err))
        sys.exit(_EXIT_SYNTAX)


def build_entry(
    key: str,
    data: bytes,
    fmt: str,
    *,
    graph_class: str,
    default_base: str,
    source: str = "",
    root: Path | None = None,
) -> CachedStore | None:
    """Build entry ``key`` from the RDF ``data`` and return it, locked for use.

    Args:
        key: :func:`content_key` of the file the data comes from.
        data: The file's bytes.
        fmt: pyoxigraph's name of its format (``"TURTLE"``, ``"N_QUADS"``, ...).
        graph_class: IRI of the class of the graph's own resource, whose IRI is the base.
        default_base: The base when there is none.
        source: The file's path, recorded for people reading the cache.
        root: The cache folder (default :func:`cache_root`).

    The store is written by a new Python process, so that the caller never runs RocksDB's
    threads itself.

    Returns:
        The entry, or None when the cache location cannot be written (or the disk is full):
        the caller then loads the graph in memory.

    Raises:
        SyntaxError: ``data`` is not valid RDF in ``fmt`` (nothing is left behind).
    """
    try:
        root = root or cache_root()
        root.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=_BUILD, dir=root))
    except (OSError, RuntimeError):
        return None
    command = [sys.executable, "-c", "import sys; from export.sparql.store_cache import "
               "_builder_main; _builder_main(sys.argv[1:])",
               str(folder), fmt, graph_class, default_base, source]
    try:
        with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE) as process:
            try:
                _, errors = process.communicate(data)
            except BaseException:  # Ctrl-C: stop the builder too
                process.kill()
                raise
        if process.returncode == _EXIT_SYNTAX:
            raise SyntaxError(errors.decode("utf-8", "replace").strip())
        if process.returncode != 0:  # disk full, RocksDB refused, killed, ...
            return None
        try:
            os.rename(folder, root / key)
        except OSError:  # another process renamed the same entry first: use theirs
            pass
    except OSError:  # the builder could not be started
        return None
    finally:
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)
    clean(root, keep=key)
    return open_entry(key, root=root)


def _max_bytes(environ: Mapping[str, str]) -> int:
    try:
        return int(float(environ.get("KG_CACHE_MAX_MB", DEFAULT_MAX_MB)) * 1e6)
    except ValueError:
        return int(DEFAULT_MAX_MB * 1e6)


def clean(root: Path | None = None, *, keep: str = "", max_bytes: int | None = None) -> list[str]:
    """Remove abandoned builds, entries of other formats and the least recently used entries
    beyond the size limit; entries in use are skipped. Returns the names removed."""
    if fcntl is None:
        return []
    root = root or cache_root()
    limit = _max_bytes(os.environ) if max_bytes is None else max_bytes
    removed = []
    entries = []
    now = time.time()
    try:
        children = list(root.iterdir())
    except OSError:
        return []
    for child in children:
        if child.name.startswith((_BUILD, _DROP)):
            try:
                if now - child.stat().st_mtime > STALE_BUILD_SECONDS:
                    shutil.rmtree(child, ignore_errors=True)
                    removed.append(child.name)
            except OSError:
                pass
            continue
        meta = _read_meta(child)
        if meta is None:
            if child.is_dir() and (child / _STORE).exists() and _drop_unused(child):
                removed.append(child.name)
            continue
        try:
            used = (child / _META).stat().st_mtime
        except OSError:
            continue
        entries.append((child.name == keep, used, sum(meta.get("files", {}).values()), child))
    total = sum(size for _keep, _used, size, _child in entries)
    for kept, _used, size, child in sorted(entries):  # others before the kept one, oldest first
        if total <= limit or kept:
            break
        if _drop_unused(child):
            removed.append(child.name)
            total -= size
    return removed


def _drop_unused(entry: Path) -> bool:
    """Remove ``entry`` unless a reader holds it; True when it was removed.

    The exclusive lock is held while the entry is renamed away: a reader that was waiting
    for its shared lock then finds the name gone and treats the entry as missing.
    """
    if fcntl is None:
        return False
    try:
        fd = os.open(entry / _META, os.O_RDONLY)
    except OSError:  # no meta.json: nobody can be reading it
        _drop(entry)
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return False
    aside = _aside(entry)
    try:
        os.rename(entry, aside)
    except OSError:
        return False
    finally:
        os.close(fd)
    shutil.rmtree(aside, ignore_errors=True)
    return True
