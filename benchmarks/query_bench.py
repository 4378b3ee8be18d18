"""Benchmark of SPARQL over a 300-document graph: every documented query, in each engine and
through ``kg serve``.

The corpus: 300 distinct news documents made from the 50 real Lee corpus articles in
``benchmarks/news/lee_dev/`` (:func:`make_corpus`: three whole articles each, in combinations
that never repeat, since kg skips documents whose content hash it has seen). It is built
once with ``kg build --jobs 2`` and kept in ``--work`` (default: a folder under /tmp).

For each engine, in its own process (so its memory is its own): load time, peak memory
(largest resident set, from ``wait4``) and, for every ``sparql`` block of README.md and
docs/rdf.md, the time of the first run and of a second (warm) run. rdflib queries that run
past ``--rdflib-timeout`` are stopped and reported as such. Then ``kg query`` end to end
(process start, load, query, output) with the default engine: the first query of a graph
(which builds its store cache), the query repeated (which opens it) and ``--no-cache``, with
wall and CPU time, the load average and the floor of a Python process importing pyoxigraph;
and ``kg serve``: start-up, memory after loading, and each query over HTTP (first and warm).

Usage::

    python benchmarks/query_bench.py [--documents 300] [--work DIR] [--rdflib-timeout 60] \\
        [--runs 3] [--cli-only]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

NEWS = ROOT / "benchmarks" / "news" / "lee_dev"
DOCS = (ROOT / "README.md", ROOT / "docs" / "rdf.md")
GOAL = 2.0


def documented_queries() -> list[tuple[str, str]]:
    """(name, query) of every ``sparql`` block of the README and docs/rdf.md."""
    found = []
    for doc in DOCS:
        blocks = re.findall(r"```sparql\n(.*?)```", doc.read_text(encoding="utf-8"), re.DOTALL)
        for number, query in enumerate(blocks, 1):
            found.append((f"{doc.name}#{number}", query))
    return found


def make_corpus(folder: Path, documents: int) -> None:
    """Write ``documents`` distinct documents recombined from the Lee articles.

    Document ``i`` is three whole articles, ``i``, ``i + 7 + r`` and ``i + 19 + 2r`` (modulo
    50, with ``r = i // 50``), so no two documents share their content and the corpus has about
    as many words as 300 real articles (the Lee articles are short: 80 words on average).
    """
    articles = [p.read_text(encoding="utf-8").strip() for p in sorted(NEWS.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    count = len(articles)
    for i in range(documents):
        r = i // count
        parts = [articles[i % count], articles[(i + 7 + r) % count],
                 articles[(i + 19 + 2 * r) % count]]
        (folder / f"news_{i:03d}.txt").write_text("\n\n".join(parts) + "\n", encoding="utf-8")


def build(work: Path, documents: int) -> Path:
    graph = work / "out" / "graph.ttl"
    if graph.exists():
        print(f"graph: reusing {graph}")
        return graph
    corpus = work / "corpus"
    make_corpus(corpus, documents)
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(work / "out"),
                    "--jobs", "2", "--quiet"], check=True, cwd=ROOT)
    print(f"graph: built {documents} documents in {time.monotonic() - started:.1f} s")
    return graph


def measure_engine(graph: Path, engine: str, timeout: float) -> dict:
    """Runs in its own process: load, then every documented query twice."""
    from export.sparql import SparqlGraph
    from kg.errors import QueryTimeoutError

    started = time.monotonic()
    loaded = SparqlGraph(graph, engine=engine)
    report: dict = {"load": time.monotonic() - started, "queries": {}}
    for name, query in documented_queries():
        times = []
        for _run in ("first", "warm"):
            started = time.monotonic()
            try:
                rows = len(loaded.query(query, timeout=timeout))
            except QueryTimeoutError:
                times.append(None)
                break
            times.append(time.monotonic() - started)
        report["queries"][name] = {"times": times, "rows": rows if times[-1] else None}
    return report


def run_engine(graph: Path, engine: str, timeout: float) -> dict:
    """:func:`measure_engine` in a child process; adds its peak resident memory."""
    command = [sys.executable, __file__, "--measure", engine, "--graph", str(graph),
               "--rdflib-timeout", str(timeout)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    output = process.stdout.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"measuring {engine} failed with status {process.returncode}")
    report = json.loads(output)
    report["peak_mb"] = usage.ru_maxrss / 1024
    return report


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _command(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the process and the children it waited for)."""
    started = time.monotonic()
    process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{' '.join(args[:4])} ... failed")
    return wall, usage.ru_utime + usage.ru_stime


def run_cli(graph: Path, work: Path, runs: int) -> dict:
    """``kg query`` end to end for every documented query: the first query of a graph (its
    store cache is built), the same query repeated (the cache is opened) and ``--no-cache``
    (the graph is loaded in memory), ``runs`` times each; and the floor, ``python -c 'import
    pyoxigraph'``, in the same run."""
    env = dict(os.environ)
    floor = [_command([sys.executable, "-c", "import pyoxigraph"], env) for _ in range(runs)]
    report: dict = {"floor": floor, "queries": {}, "load_before": os.getloadavg()}
    for number, (name, query) in enumerate(documented_queries()):
        times: dict[str, list] = {"first": [], "repeated": [], "no-cache": []}
        command = [sys.executable, "-m", "kg", "query", str(graph), query]
        for run in range(runs):
            cache = work / "cli-cache" / f"{number}-{run}"
            shutil.rmtree(cache, ignore_errors=True)
            env["KG_CACHE_DIR"] = str(cache)
            times["first"].append(_command(command, env))
            times["repeated"].append(_command(command, env))
            times["no-cache"].append(_command([*command, "--no-cache"], env))
            shutil.rmtree(cache, ignore_errors=True)
        report["queries"][name] = times
    report["load_after"] = os.getloadavg()
    return report


def run_server(graph: Path) -> dict:
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(graph), "--port", "0"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    started = time.monotonic()
    url = None
    for line in process.stdout:  # type: ignore[union-attr]
        if "query page " in line:
            url = line.split("query page ")[1].split()[0]
            break
    if url is None:
        raise SystemExit("kg serve did not start")
    report: dict = {"start": time.monotonic() - started, "rss_mb": _rss_mb(process.pid),
                    "queries": {}}
    try:
        for name, query in documented_queries():
            graph_query = query.split()[0] in ("CONSTRUCT", "DESCRIBE")
            accept = "application/n-triples" if graph_query else "application/sparql-results+json"
            times = []
            for _run in ("first", "warm"):
                request = urllib.request.Request(
                    url + "sparql", data=urllib.parse.urlencode({"query": query}).encode(),
                    headers={"Accept": accept})
                began = time.monotonic()
                with urllib.request.urlopen(request, timeout=600) as response:
                    size = len(response.read())
                times.append(time.monotonic() - began)
            report["queries"][name] = {"times": times, "bytes": size}
        report["rss_after_mb"] = _rss_mb(process.pid)
    finally:
        process.send_signal(2)
        process.wait(timeout=120)
    return report


def _seconds(value: float | None, limit: float) -> str:
    return f"> {limit:g} (stopped)" if value is None else f"{value:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--work", type=Path,
                        default=Path(tempfile.gettempdir()) / "kg-query-bench")
    parser.add_argument("--rdflib-timeout", type=float, default=60.0)
    parser.add_argument("--runs", type=int, default=3,
                        help="times each kg query command runs (figures: median, min-max)")
    parser.add_argument("--cli-only", action="store_true",
                        help="only time kg query (skip the engines in Python and kg serve)")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--graph", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure_engine(args.graph, args.measure, args.rdflib_timeout)))
        return

    graph = build(args.work, args.documents)
    from export.sparql import to_oxigraph

    triples = len(to_oxigraph(graph))
    print(f"graph: {graph} ({graph.stat().st_size / 1e6:.1f} MB Turtle, {triples:,} RDF triples)")
    cli = run_cli(graph, args.work, args.runs)
    if args.cli_only:
        print()
        report_cli(cli, args.runs)
        return
    engines = {engine: run_engine(graph, engine, args.rdflib_timeout)
               for engine in ("oxigraph", "rdflib")}
    served = run_server(graph)

    limit = args.rdflib_timeout
    print()
    for engine, report in engines.items():
        print(f"{engine}: load {report['load']:.2f} s, peak memory of its process "
              f"{report['peak_mb']:.0f} MB")
    print(f"kg serve: ready {served['start']:.2f} s after start, resident "
          f"{served['rss_mb']:.0f} MB after loading, {served['rss_after_mb']:.0f} MB after the "
          f"queries")
    print()
    header = ("query", "oxigraph first/warm", "rdflib first/warm", "kg serve first/warm",
              "answers")
    print(" | ".join(header))
    worst = 0.0
    for name, _query in documented_queries():
        ox = engines["oxigraph"]["queries"][name]
        rd = engines["rdflib"]["queries"][name]
        sv = served["queries"][name]
        worst = max(worst, *(t for t in ox["times"] if t is not None), *sv["times"])
        print(" | ".join((
            name,
            " / ".join(_seconds(t, limit) for t in ox["times"]),
            " / ".join(_seconds(t, limit) for t in rd["times"]),
            " / ".join(f"{t:.3f}" for t in sv["times"]),
            str(ox["rows"]),
        )))
    print()
    print(f"slowest documented query in oxigraph (loaded) or through kg serve: {worst:.2f} s "
          f"(goal < {GOAL:g} s: {'met' if worst < GOAL else 'NOT met'})")
    print()
    report_cli(cli, args.runs)


def report_cli(cli: dict, runs: int) -> None:
    worst = print_cli(cli)
    print(f"slowest documented query through kg query, repeated (median of {runs}): "
          f"{worst:.2f} s (goal < {GOAL:g} s: {'met' if worst < GOAL else 'NOT met'})")


def _spread(pairs: list[tuple[float, float]], which: int = 0) -> str:
    values = sorted(pair[which] for pair in pairs)
    return f"{statistics.median(values):.2f} ({values[0]:.2f}-{values[-1]:.2f})"


def print_cli(cli: dict) -> float:
    """Print the ``kg query`` table; returns the slowest median wall time of a repeated query."""
    before = " ".join(f"{x:.2f}" for x in cli["load_before"])
    after = " ".join(f"{x:.2f}" for x in cli["load_after"])
    print(f"kg query, whole command, wall seconds: median (min-max) of {len(cli['floor'])} runs; "
          f"load average {before} before, {after} after ({os.cpu_count()} CPUs)")
    print(f"floor, python -c 'import pyoxigraph': {_spread(cli['floor'])} wall, "
          f"{_spread(cli['floor'], 1)} CPU")
    print(" | ".join(("query", "first (builds the cache)", "repeated", "repeated CPU",
                      "--no-cache")))
    worst = 0.0
    for name, times in cli["queries"].items():
        worst = max(worst, statistics.median(t[0] for t in times["repeated"]))
        print(" | ".join((name, _spread(times["first"]), _spread(times["repeated"]),
                          _spread(times["repeated"], 1), _spread(times["no-cache"]))))
    return worst


if __name__ == "__main__":
    main()
