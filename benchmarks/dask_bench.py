"""Dask engine against the local engine on one corpus, and bulk-loading the shards.

Prints, for the same corpus: the local build with ``--jobs N`` (words per second), the Dask
build on a ``LocalCluster`` of N one-thread workers (cluster start, read, map and reduce
phases, words per second, and the overhead ratio Dask time / local time), and the time
``pyoxigraph.Store.bulk_load`` takes to load the N-Triples shards. The machine's load average
is printed with the figures: on a shared machine they are only comparable at equal load.

Usage::

    python benchmarks/dask_bench.py [--words 1000000] [--workers 2] [--partition-mb 4]
    python benchmarks/dask_bench.py --zone-check   # what nlp.memory_zone() costs a map task
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

__all__ = ["corpus_folder", "run_local", "run_dask", "bulk_load", "zone_cost", "main"]


def corpus_folder(words: int, out: Path) -> tuple[Path, int]:
    """A corpus of about ``words`` words: the performance benchmark's, or small documents
    from the seeds and the CaRB sentences when that builder is not in the tree."""
    try:
        from benchmarks.corpus import write_corpus
    except ImportError:
        from tests.engines.conftest import write_corpus as write_small

        folder = out / f"small-{words}"
        if not folder.exists():
            write_small(folder, max(1, words // 45))
        return folder, words
    manifest = write_corpus(out / f"corpus-{words}", words=words)
    return Path(manifest["path"]), manifest["words"]


def run_local(corpus: Path, jobs: int) -> dict:
    """Build with the local engine; the graph is dropped, only the report is kept."""
    from kg.build import build_graph

    started = time.perf_counter()
    graph, report = build_graph([corpus], jobs=jobs)
    seconds = time.perf_counter() - started
    return {"engine": f"local --jobs {jobs}", "seconds": seconds, "words": report.words,
            "triples": report.triples, "facts": graph.number_of_edges()}


def run_dask(corpus: Path, workers: int, partition_bytes: int, out: Path) -> dict:
    """Build on a fresh local cluster started by kg itself (``kg build --engine dask
    --workers N``: the same worker settings users get), writing shards and Parquet to ``out``.
    """
    from kg.engines.dask_engine import build_graph_dask

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kg-bench-ck-") as checkpoints:
        _graph, report = build_graph_dask(
            [corpus], workers=workers, checkpoint_dir=checkpoints, output_dir=out,
            collect=False, partition_bytes=partition_bytes,
        )
    seconds = time.perf_counter() - started
    startup = seconds - report.read_seconds - report.map_seconds - report.reduce_seconds
    return {"engine": f"dask {workers} workers", "seconds": seconds,
            "startup": max(startup, 0.0), "read": report.read_seconds,
            "map": report.map_seconds, "reduce": report.reduce_seconds,
            "words": report.words, "triples": report.triples,
            "partitions": report.partitions, "shards": report.shards,
            "rdf_triples": report.triples_written, "model_loads": report.model_loads}


def bulk_load(shards: list[str], store_dir: Path) -> dict:
    """Load every shard into an on-disk pyoxigraph store; time it and count the triples."""
    import pyoxigraph

    if store_dir.exists():
        shutil.rmtree(store_dir)
    store = pyoxigraph.Store(str(store_dir))
    started = time.perf_counter()
    for shard in shards:
        with gzip.open(shard, "rb") as handle:
            store.bulk_load(handle, pyoxigraph.RdfFormat.N_TRIPLES)
    store.flush()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "triples": len(store),
            "bytes": sum(os.path.getsize(s) for s in shards)}


def zone_cost(corpus: Path, documents: int = 800) -> list[tuple[bool, float]]:
    """CPU seconds to extract the first ``documents`` of ``corpus`` in this process, without
    and with ``nlp.memory_zone()`` (as a Dask map task runs), alternating, twice each."""
    from extract.pipeline import extract_pieces, load_nlp

    nlp = load_nlp()
    paths = sorted(corpus.rglob("*.txt"))[:documents]
    pieces = [(p.name, p.read_text(encoding="utf-8"), 0) for p in paths]
    list(extract_pieces(pieces[:50], nlp))  # warm up
    results = []
    for zone in (False, True, False, True):
        started = time.process_time()
        with nlp.memory_zone() if zone else contextlib.nullcontext():
            for _triples in extract_pieces(pieces, nlp):
                pass
        results.append((zone, time.process_time() - started))
    return results


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2, help="Dask workers and local --jobs")
    parser.add_argument("--partition-mb", type=float, default=4.0,
                        help="text per Dask map task (MB)")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench" / "dask")
    parser.add_argument("--skip-local", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--zone-check", action="store_true",
                        help="only time extraction with and without nlp.memory_zone()")
    args = parser.parse_args(argv)

    args.out.mkdir(parents=True, exist_ok=True)
    corpus, words = corpus_folder(args.words, args.out)
    results: dict = {"corpus": str(corpus), "words": words, "cpus": os.cpu_count()}
    print(f"corpus: {corpus} ({words:,} words); load average {_load()}", flush=True)
    if args.zone_check:
        for zone, seconds in zone_cost(corpus):
            print(f"extract 800 documents {'inside' if zone else 'without'} nlp.memory_zone(): "
                  f"{seconds:.1f} s CPU", flush=True)
        return

    if not args.skip_local:
        results["local"] = local = run_local(corpus, args.workers)
        local["load_after"] = _load()
        print(f"{local['engine']}: {local['seconds']:.1f} s, "
              f"{local['words'] / local['seconds']:,.0f} words/s; load {_load()}", flush=True)

    output = args.out / "output"
    results["dask"] = dask = run_dask(corpus, args.workers, int(args.partition_mb * 2**20),
                                      output)
    dask["load_after"] = _load()
    print(f"{dask['engine']}: {dask['seconds']:.1f} s (cluster start and shutdown "
          f"{dask['startup']:.1f}, "
          f"read {dask['read']:.1f}, map {dask['map']:.1f}, reduce+write "
          f"{dask['reduce']:.1f}), {dask['words'] / dask['seconds']:,.0f} words/s, "
          f"{dask['partitions']} partitions, {len(dask['shards'])} shards, "
          f"{dask['rdf_triples']:,} RDF triples; load {_load()}", flush=True)
    if not args.skip_local:
        results["overhead"] = dask["seconds"] / results["local"]["seconds"]
        results["overhead_without_startup"] = (
            (dask["seconds"] - dask["startup"]) / results["local"]["seconds"])
        print(f"overhead ratio (dask / local): {results['overhead']:.2f} "
              f"({results['overhead_without_startup']:.2f} without cluster start)")

    results["bulk_load"] = loaded = bulk_load(dask["shards"], args.out / "oxigraph")
    print(f"pyoxigraph bulk_load of {len(dask['shards'])} shards "
          f"({loaded['bytes'] / 2**20:.1f} MB gzipped): {loaded['seconds']:.2f} s, "
          f"{loaded['triples']:,} triples, {loaded['triples'] / loaded['seconds']:,.0f} "
          f"triples/s; load {_load()}")
    if args.json:
        print(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
