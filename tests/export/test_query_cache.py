"""The store cache of `kg query` (export/sparql/store_cache.py): same answers, a changed file
is never answered from its old store, a half-written or damaged entry is never used, a
read-only or unwritable location falls back to loading, concurrent queries share one entry,
clean-up spares entries in use."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from export.sparql import run_query, store_cache
from export.rdf import write_rdf
from kg.errors import GraphReadError
from tests.export.test_query import QUERIES, _answers
from tests.export.test_query_docs import doc_queries

# the cache is built by a separate process, and several tests run kg: the integration tier
pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = QUERIES["people"]


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch) -> Path:
    """A cache of this test's own (inherited by the `kg` processes it starts)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("KG_CACHE_DIR", str(folder))
    return folder / "sparql"


@pytest.fixture
def graph(tmp_path, sample_graph) -> Path:
    path = tmp_path / "graph.ttl"
    write_rdf(sample_graph, path)
    return path


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.iterdir() if not p.name.startswith(".")) if cache.exists() \
        else []


def _kg(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          timeout=600, cwd=ROOT, **kwargs)


def _people(result) -> set[str]:
    return {str(row[1]) for row in result.rows}


def test_cache_answers_are_the_loaded_answers(graph, cache):
    for query in [*QUERIES.values(), *doc_queries()]:
        loaded = run_query(graph, query)
        cached = run_query(graph, query, cache=True)
        assert (cached.kind, cached.variables) == (loaded.kind, loaded.variables)
        assert _answers(cached) == _answers(loaded), query
    assert len(_entries(cache)) == 1
    entry = store_cache.open_entry(store_cache.file_key(graph))
    assert entry is not None and entry.triples > 100
    entry.close()


def test_cli_uses_the_cache_and_no_cache_does_not(graph, cache):
    done = _kg("query", str(graph), PEOPLE, "--format", "csv", "--no-cache")
    assert done.returncode == 0 and "Xu Liang" in done.stdout
    assert _entries(cache) == []
    cached = _kg("query", str(graph), PEOPLE, "--format", "csv")
    # the same rows; without ORDER BY, each store lists them in its own order
    assert cached.returncode == 0 and sorted(cached.stdout.splitlines()) == \
        sorted(done.stdout.splitlines())
    assert len(_entries(cache)) == 1
    again = _kg("query", str(graph), PEOPLE, "--format", "csv")
    assert again.stdout == cached.stdout and len(_entries(cache)) == 1


def test_a_changed_file_is_not_answered_from_its_old_store(graph, cache):
    assert _people(run_query(graph, PEOPLE, cache=True)) == {"Xu Liang", "Sam Altman"}
    text = graph.read_text(encoding="utf-8")
    assert text.count('"Sam Altman"') >= 1
    stat = graph.stat()
    graph.write_text(text.replace('"Sam Altman"', '"Sam Altmen"'), encoding="utf-8")
    os.utime(graph, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
    assert graph.stat().st_size == stat.st_size
    assert _people(run_query(graph, PEOPLE, cache=True)) == {"Xu Liang", "Sam Altmen"}
    assert len(_entries(cache)) == 2  # one per content; the older goes when space is short


def test_a_copied_graph_finds_its_entry(graph, cache, tmp_path):
    run_query(graph, PEOPLE, cache=True)
    copy = tmp_path / "elsewhere" / "copy.ttl"
    copy.parent.mkdir()
    shutil.copy(graph, copy)
    assert store_cache.file_key(copy) == store_cache.file_key(graph)
    assert _people(run_query(copy, PEOPLE, cache=True)) == {"Xu Liang", "Sam Altman"}
    assert len(_entries(cache)) == 1


def _built_entry(graph: Path) -> Path:
    run_query(graph, PEOPLE, cache=True)
    entry = store_cache.open_entry(store_cache.file_key(graph))
    assert entry is not None
    entry.close()
    return entry.path


def _damage_truncate(entry: Path) -> None:
    sst = max((entry / "store").glob("*.sst"), key=lambda p: p.stat().st_size)
    sst.write_bytes(sst.read_bytes()[: sst.stat().st_size // 2])


def _damage_no_meta(entry: Path) -> None:
    (entry / "meta.json").unlink()


def _damage_meta(entry: Path) -> None:
    (entry / "meta.json").write_text('{"format": 1, "base": ')


def _damage_missing_file(entry: Path) -> None:
    next((entry / "store").glob("MANIFEST-*")).unlink()


def _damage_bits(entry: Path) -> None:
    """Same sizes, flipped bytes: RocksDB's block checksums catch it when it reads."""
    for sst in (entry / "store").glob("*.sst"):
        data = bytearray(sst.read_bytes())
        data[len(data) // 2] ^= 0xFF
        sst.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [_damage_truncate, _damage_no_meta, _damage_meta,
                                    _damage_missing_file, _damage_bits])
def test_a_damaged_or_half_written_entry_is_never_used(graph, cache, damage):
    entry = _built_entry(graph)
    damage(entry)
    for query in (PEOPLE, QUERIES["counts"], QUERIES["describe"]):
        assert _answers(run_query(graph, query, cache=True)) == \
            _answers(run_query(graph, query)), query
    assert _people(run_query(graph, PEOPLE, cache=True)) == {"Xu Liang", "Sam Altman"}
    # the damaged entry is gone, or rebuilt whole: what is there now opens and is complete
    reopened = store_cache.open_entry(store_cache.file_key(graph))
    if reopened is not None:
        with reopened:  # RocksDB is opened in a new process (see CachedStore.open_store)
            assert _triples_in(reopened.path) == reopened.triples


def _triples_in(entry: Path) -> int:
    done = subprocess.run([sys.executable, "-c", "import sys, pyoxigraph; "
                           "print(len(pyoxigraph.Store.read_only(sys.argv[1])))",
                           str(entry / "store")], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return int(done.stdout)


def test_a_build_killed_halfway_leaves_nothing_that_is_used(tmp_path, cache):
    """SIGKILL `kg query` (and its builder) while the store is being written."""
    path = tmp_path / "big.nt"
    with open(path, "w", encoding="utf-8") as out:
        for i in range(150_000):
            out.write(f'<http://e.org/s{i}> <http://www.w3.org/2000/01/rdf-schema#label> '
                      f'"label {i}" .\n')
    query = 'SELECT ?s WHERE { ?s rdfs:label "label 149999" }'
    process = subprocess.Popen([sys.executable, "-m", "kg", "query", str(path), query],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    started = time.monotonic()
    while not (cache.exists() and any(cache.glob(".build-*/store/*.sst"))):
        assert process.poll() is None, "the build finished before it could be interrupted"
        assert time.monotonic() - started < 600
        time.sleep(0.005)
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate()
    assert _entries(cache) == []  # only the abandoned .build-* folder, which nobody reads
    result = run_query(path, query, cache=True)
    assert [str(row[0]) for row in result.rows] == ["http://e.org/s149999"]
    assert len(_entries(cache)) == 1


def test_unwritable_cache_location_falls_back_to_loading(graph, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker / "cache"))
    assert _people(run_query(graph, PEOPLE, cache=True)) == {"Xu Liang", "Sam Altman"}
    done = _kg("query", str(graph), PEOPLE, "--format", "csv")
    assert done.returncode == 0 and "Xu Liang" in done.stdout and done.stderr == ""


def _read_only(folder: Path, *command: str) -> subprocess.CompletedProcess:
    """Run ``command`` with ``folder`` mounted read-only (a private mount namespace)."""
    script = ('mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && '
              'touch "$0/probe" 2>/dev/null && exit 99; exec "$@"')
    return subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                           script, str(folder), str(folder), *command],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)


def test_read_only_cache_is_used_and_not_written(graph, cache, tmp_path):
    run_query(graph, PEOPLE, cache=True)
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*")}
    check = ("import sys; from export.sparql import store_cache as c; "
             "e = c.open_entry(c.file_key(sys.argv[1])); print(len(e.open_store()))")
    done = _read_only(cache, sys.executable, "-c", check, str(graph))
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 100
    done = _read_only(cache, sys.executable, "-m", "kg", "query", str(graph), PEOPLE,
                      "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert "Xu Liang" in done.stdout and done.stderr == ""
    other = tmp_path / "other.ttl"  # no entry, and none can be written: loaded in memory
    other.write_text(graph.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    done = _read_only(cache, sys.executable, "-m", "kg", "query", str(other), PEOPLE,
                      "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert "Xu Liang" in done.stdout
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*")} == before


def test_concurrent_queries_share_one_entry(graph, cache):
    processes = [subprocess.Popen([sys.executable, "-m", "kg", "query", str(graph), PEOPLE,
                                   "--format", "csv"], cwd=ROOT, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [process.communicate(timeout=600) for process in processes]
    assert all(process.returncode == 0 for process in processes), outputs
    assert len({out for out, _err in outputs}) == 1 and "Xu Liang" in outputs[0][0]
    assert len(_entries(cache)) == 1
    assert not list(cache.glob(".build-*")) and not list(cache.glob(".drop-*"))


def test_clean_up_keeps_entries_in_use_and_the_newest(tmp_path, sample_graph, cache):
    paths = []
    for number in range(3):
        path = tmp_path / f"g{number}.ttl"
        write_rdf(sample_graph, path, base=f"http://example.org/kg{number}/")
        run_query(path, PEOPLE, cache=True)
        paths.append(path)
    assert len(_entries(cache)) == 3
    keys = [store_cache.file_key(p) for p in paths]
    in_use = store_cache.open_entry(keys[0])
    assert in_use is not None
    removed = store_cache.clean(cache, keep=keys[2], max_bytes=0)
    assert removed == [keys[1]]
    assert {p.name for p in _entries(cache)} == {keys[0], keys[2]}
    in_use.close()
    assert store_cache.clean(cache, keep=keys[2], max_bytes=0) == [keys[0]]


def test_clean_up_removes_abandoned_builds(cache):
    cache.mkdir(parents=True)
    old = cache / ".build-old"
    (old / "store").mkdir(parents=True)
    fresh = cache / ".build-fresh"
    fresh.mkdir()
    past = time.time() - store_cache.STALE_BUILD_SECONDS - 60
    os.utime(old, (past, past))
    assert store_cache.clean(cache) == [".build-old"]
    assert fresh.exists()


def test_malformed_graph_same_error_with_and_without_cache(tmp_path, cache):
    path = tmp_path / "broken.ttl"
    path.write_text("<http://e.org/a> <http://e.org/b> .\n")
    messages = []
    for cached in (False, True):
        with pytest.raises(GraphReadError, match="broken.ttl") as info:
            run_query(path, PEOPLE, cache=cached)
        messages.append(str(info.value))
    assert messages[0] == messages[1]
    assert not cache.exists() or list(cache.iterdir()) == []
