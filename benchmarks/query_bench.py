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
Last, what running one query costs beyond the engine's own work: a query that finds nothing
at once, ``--overhead-runs`` times, through ``SparqlGraph.query`` (graph loaded once) and
through ``kg serve`` (median round trip).

With ``--baseline REV`` (a git revision, exported with ``git archive``), the ``kg query``
commands and the overhead are measured for both trees, alternating query by query, and the
ratios printed: load on a shared machine changes from minute to minute, so the comparison
is only fair within one run.

Usage::

    python benchmarks/query_bench.py [--documents 300] [--work DIR] [--rdflib-timeout 60] \\
        [--runs 3] [--cli-only] [--baseline REV] [--overhead-runs 30]
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
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

NEWS = ROOT / "benchmarks" / "news" / "lee_dev"
DOCS = (ROOT / "README.md", ROOT / "docs" / "rdf.md")
GOAL = 2.0
#: A query that finds nothing at once: its round trip is the cost of running a query at all.
TRIVIAL = "ASK { <urn:kg:bench:s> <urn:kg:bench:p> <urn:kg:bench:o> }"
THIS = "this tree"


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
    """Resident memory of ``pid`` and of its children (kg serve's query worker holds the
    graph), in MB."""
    total = 0.0
    for process in [pid, *_children(pid)]:
        for line in Path(f"/proc/{process}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) / 1024
    return total


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for task in Path(f"/proc/{pid}/task").iterdir()
                for child in (task / "children").read_text().split()]
    except OSError:
        return []


def _command(args: list[str], env: dict[str, str], tree: Path = ROOT) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the process and the children it waited for)."""
    started = time.monotonic()
    process = subprocess.Popen(args, cwd=tree, env=_tree_env(env, tree),
                               stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{' '.join(args[:4])} ... failed")
    return wall, usage.ru_utime + usage.ru_stime


def _tree_env(env: dict[str, str], tree: Path) -> dict[str, str]:
    """``env`` for a process that must import ``tree``'s kg (first on its path)."""
    return env if tree == ROOT else {**env, "PYTHONPATH": str(tree)}


def run_cli(graph: Path, work: Path, runs: int, trees: dict[str, Path]) -> dict:
    """``kg query`` end to end for every documented query: the first query of a graph (its
    store cache is built), the same query repeated (the cache is opened) and ``--no-cache``
    (the graph is loaded in memory), ``runs`` times each, for each tree in turn; and the
    floor, ``python -c 'import pyoxigraph'``, in the same run."""
    env = dict(os.environ)
    floor = [_command([sys.executable, "-c", "import pyoxigraph"], env) for _ in range(runs)]
    report: dict = {"floor": floor, "trees": {label: {} for label in trees},
                    "load_before": os.getloadavg()}
    for number, (name, query) in enumerate([("trivial", TRIVIAL), *documented_queries()]):
        for label in trees:
            report["trees"][label][name] = {"first": [], "repeated": [], "no-cache": []}
        command = [sys.executable, "-m", "kg", "query", str(graph), query]
        for run in range(runs):
            for label, tree in trees.items():
                times = report["trees"][label][name]
                cache = work / "cli-cache" / f"{number}-{run}"
                shutil.rmtree(cache, ignore_errors=True)
                env["KG_CACHE_DIR"] = str(cache)
                times["first"].append(_command(command, env, tree))
                times["repeated"].append(_command(command, env, tree))
                times["no-cache"].append(_command([*command, "--no-cache"], env, tree))
                shutil.rmtree(cache, ignore_errors=True)
    report["load_after"] = os.getloadavg()
    return report


def measure_overhead(graph: Path, runs: int) -> dict:
    """Runs in its own process: :data:`TRIVIAL` ``runs`` times through ``SparqlGraph.query``
    over the graph loaded once (``export.sparql``; a tree older than it, ``export.query``)."""
    try:
        from export.sparql import SparqlGraph
    except ImportError:  # a --baseline tree from before export/sparql/
        from export.query import SparqlGraph

    loaded = SparqlGraph(graph)
    loaded.query(TRIVIAL, timeout=60)  # the first query may set things up
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        loaded.query(TRIVIAL, timeout=60)
        times.append(time.perf_counter() - started)
    return {"api": times}


def run_overhead(graph: Path, runs: int, trees: dict[str, Path], rounds: int = 5) -> dict:
    """Per tree: the trivial query's round trip through the API (``rounds`` processes per
    tree, in turn) and through ``kg serve`` (every tree's server up at once, asked in turn)."""
    report = {label: {"api": [], "serve": []} for label in trees}
    for _round in range(rounds):
        for label, tree in trees.items():
            command = [sys.executable, __file__, "--overhead", str(max(1, runs // rounds)),
                       "--graph", str(graph), "--tree", str(tree)]
            done = subprocess.run(command, cwd=tree, env=_tree_env(dict(os.environ), tree),
                                  check=True, capture_output=True, text=True)
            report[label]["api"] += json.loads(done.stdout.strip().splitlines()[-1])["api"]
    with ExitStack() as stack:
        urls = {label: stack.enter_context(_served(graph, tree))[0]
                for label, tree in trees.items()}
        for url in urls.values():
            _ask(url, TRIVIAL)  # the first query may set things up
        for _run in range(runs):
            for label, url in urls.items():
                report[label]["serve"].append(_ask(url, TRIVIAL)[0])
    return report


@contextmanager
def _served(graph: Path, tree: Path = ROOT) -> Iterator[tuple[str, subprocess.Popen, float]]:
    """``kg serve`` (of ``tree``) over ``graph``: its URL, its process, its start-up time."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(graph), "--port", "0"],
        cwd=tree, env=_tree_env(dict(os.environ), tree), stdout=subprocess.PIPE, text=True,
    )
    started = time.monotonic()
    url = None
    for line in process.stdout:  # type: ignore[union-attr]
        if "query page " in line:
            url = line.split("query page ")[1].split()[0]
            break
    try:
        if url is None:
            raise SystemExit("kg serve did not start")
        yield url, process, time.monotonic() - started
    finally:
        process.send_signal(2)
        process.wait(timeout=120)


def _ask(url: str, query: str) -> tuple[float, int]:
    """Seconds of one query over HTTP, and the size of its answer."""
    graph_query = query.split()[0] in ("CONSTRUCT", "DESCRIBE")
    accept = "application/n-triples" if graph_query else "application/sparql-results+json"
    request = urllib.request.Request(
        url + "sparql", data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": accept})
    began = time.monotonic()
    with urllib.request.urlopen(request, timeout=600) as response:
        size = len(response.read())
    return time.monotonic() - began, size


def run_server(graph: Path) -> dict:
    """``kg serve``: start-up, memory, and each documented query, first and warm."""
    with _served(graph) as (url, process, start):
        report: dict = {"start": start, "rss_mb": _rss_mb(process.pid), "queries": {}}
        for name, query in documented_queries():
            first, size = _ask(url, query)
            warm, size = _ask(url, query)
            report["queries"][name] = {"times": [first, warm], "bytes": size}
        report["rss_after_mb"] = _rss_mb(process.pid)
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
    parser.add_argument("--baseline", help="a git revision to measure against (kg query and "
                        "the per-query overhead, alternating)")
    parser.add_argument("--overhead-runs", type=int, default=30,
                        help="round trips of the trivial query per tree and way")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--overhead", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--graph", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--tree", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.tree:
        sys.path.insert(0, str(args.tree))  # before ROOT: the tree under test
    if args.measure:
        print(json.dumps(measure_engine(args.graph, args.measure, args.rdflib_timeout)))
        return
    if args.overhead:
        print(json.dumps(measure_overhead(args.graph, args.overhead)))
        return

    graph = build(args.work, args.documents)
    from export.sparql import to_oxigraph

    triples = len(to_oxigraph(graph))
    print(f"graph: {graph} ({graph.stat().st_size / 1e6:.1f} MB Turtle, {triples:,} RDF triples)")
    with tempfile.TemporaryDirectory() as tmp:
        trees = {THIS: ROOT}
        if args.baseline:
            trees[args.baseline] = _export(args.baseline, Path(tmp))
        cli = run_cli(graph, args.work, args.runs, trees)
        overhead = run_overhead(graph, args.overhead_runs, trees)
    if args.cli_only:
        print()
        report_cli(cli, args.runs)
        report_overhead(overhead)
        return
    engines = {engine: run_engine(graph, engine, args.rdflib_timeout)
               for engine in ("oxigraph", "rdflib")}
    served = run_server(graph)

    limit = args.rdflib_timeout
    print()
    for engine, report in engines.items():
        print(f"{engine}: load {report['load']:.2f} s, peak memory of its process "
              f"{report['peak_mb']:.0f} MB")
    print(f"kg serve: ready {served['start']:.2f} s after start, resident (with its children) "
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
    report_overhead(overhead)


def _export(revision: str, folder: Path) -> Path:
    """The library of ``revision`` (``git archive``) in ``folder``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "kg", "extract",
                              "export"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def report_cli(cli: dict, runs: int) -> None:
    for label, queries in cli["trees"].items():
        print()
        worst = print_cli(cli, label, queries)
        print(f"{label}: slowest documented query through kg query, repeated (median of "
              f"{runs}): {worst:.2f} s (goal < {GOAL:g} s: {'met' if worst < GOAL else 'NOT met'})")
    if len(cli["trees"]) == 2:
        print()
        _print_ratios(cli["trees"])


def _print_ratios(trees: dict) -> None:
    """Median wall and CPU of each way of running ``kg query``: this tree against the other."""
    (this, ours), (other, theirs) = trees.items()
    print(f"kg query, {this} / {other}: ratio of medians over every query (trivial included)")
    for way in ("first", "repeated", "no-cache"):
        for index, what in ((0, "wall"), (1, "CPU")):
            mine = [statistics.median(t[index] for t in ours[n][way]) for n in ours]
            base = [statistics.median(t[index] for t in theirs[n][way]) for n in theirs]
            print(f"  {way:<9} {what:<4} {this}: {statistics.median(mine):.3f} s, {other}: "
                  f"{statistics.median(base):.3f} s, ratio {sum(mine) / sum(base):.2f} "
                  f"(sum over queries)")
        trivial = (statistics.median(t[0] for t in ours["trivial"][way]),
                   statistics.median(t[0] for t in theirs["trivial"][way]))
        print(f"  {way:<9} trivial query, wall: {trivial[0]:.3f} s against {trivial[1]:.3f} s "
              f"({trivial[0] - trivial[1]:+.3f} s)")


def report_overhead(overhead: dict) -> None:
    """The trivial query's round trip: what running any query costs, per tree."""
    print()
    print("one query that finds nothing at once, round trip in ms: median (min-max)")
    for label, times in overhead.items():
        for way, name in (("api", "SparqlGraph.query"), ("serve", "kg serve (HTTP)")):
            values = sorted(t * 1000 for t in times[way])
            print(f"  {label}, {name}: {statistics.median(values):.1f} "
                  f"({values[0]:.1f}-{values[-1]:.1f}) over {len(values)} runs")


def _spread(pairs: list[tuple[float, float]], which: int = 0) -> str:
    values = sorted(pair[which] for pair in pairs)
    return f"{statistics.median(values):.2f} ({values[0]:.2f}-{values[-1]:.2f})"


def print_cli(cli: dict, label: str, queries: dict) -> float:
    """Print the ``kg query`` table of one tree; returns the slowest median wall time of a
    repeated documented query."""
    before = " ".join(f"{x:.2f}" for x in cli["load_before"])
    after = " ".join(f"{x:.2f}" for x in cli["load_after"])
    print(f"{label}: kg query, whole command, wall seconds: median (min-max) of "
          f"{len(cli['floor'])} runs; load average {before} before, {after} after "
          f"({os.cpu_count()} CPUs)")
    print(f"floor, python -c 'import pyoxigraph': {_spread(cli['floor'])} wall, "
          f"{_spread(cli['floor'], 1)} CPU")
    print(" | ".join(("query", "first (builds the cache)", "repeated", "repeated CPU",
                      "--no-cache")))
    worst = 0.0
    for name, times in queries.items():
        if name != "trivial":
            worst = max(worst, statistics.median(t[0] for t in times["repeated"]))
        print(" | ".join((name, _spread(times["first"]), _spread(times["repeated"]),
                          _spread(times["repeated"], 1), _spread(times["no-cache"]))))
    return worst


if __name__ == "__main__":
    main()
