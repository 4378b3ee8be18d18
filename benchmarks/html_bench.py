"""Benchmark of the HTML page: write time, time until interactive in Chromium, file size.

Renders synthetic knowledge graphs of 1,000, 5,000 and 20,000 entities (a preferential-
attachment graph with typed entities, several predicates, parallel and negated facts, two
source sentences per fact) and the real corpus (``--real``, benchmarks/real_corpus.py) with
the page's defaults (the first view draws ``DEFAULT_MAX_NODES`` entities; the page holds at
most ``PAGE_MAX_FACTS`` facts), and opens each page in headless Chromium at 1400 x 900.

"Interactive" is measured from the start of navigation until the page has drawn the graph
(vis-network's first ``afterDrawing``, recorded as ``window.kgReadyAt``) *and* the main thread
answers a script call (so layout or physics still running would count). "CPU" is the processor
time this Chromium's processes used meanwhile (from /proc, Linux only): unlike wall-clock time it
does not grow when other processes compete for the cores (the write's "CPU s" likewise). Each
page is opened twice: the
first load in a browser pays for compiling vis-network and growing the heap.

Usage::

    python benchmarks/html_bench.py [--sizes 1000,5000,20000] [--real] [--max-nodes N]
                                    [--no-browser] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from export.html import DEFAULT_MAX_NODES, write_html  # noqa: E402
from kg.model import Document, KnowledgeGraph, Provenance  # noqa: E402

TYPES = ("PERSON", "ORG", "GPE", "PRODUCT", "NORP", "EVENT", None, None)
PREDICATES = ("found", "rival", "be in", "lead", "invest in", "stem from", "meet", "be", "use")
#: Confidence of every synthetic fact: above any default threshold (kg.voice), so the page
#: states them and draws the graph the benchmark means to measure.
CONFIDENCE = 0.95


def synthetic_graph(entities: int, *, seed: int = 1, documents: int = 50) -> KnowledgeGraph:
    """A knowledge graph of ``entities`` nodes and about 1.8 facts per node, deterministic."""
    rng = random.Random(seed)
    graph = KnowledgeGraph()
    for d in range(documents):
        doc_id = f"corpus/doc{d:03d}.txt"
        graph.documents[doc_id] = Document(doc_id, doc_id, f"{d:064x}")
    for i in range(entities):
        type_ = TYPES[i % len(TYPES)]
        label = f"Entity {i}"
        graph.add_node(
            f"entity {i}",
            label=label,
            aliases=[f"E{i}"] if i % 5 == 0 else [],
            type=type_,
            mentions=1 + i % 4,
            forms={label: 1},
            types={type_: 1} if type_ else {},
        )
    pool = ["entity 0"]
    for i in range(1, entities):
        node = f"entity {i}"
        for _ in range(rng.choice((1, 1, 2, 3))):
            other = rng.choice(pool)
            predicate = rng.choice(PREDICATES)
            negated = rng.random() < 0.05
            subject, obj = (node, other) if rng.random() < 0.5 else (other, node)
            key = f"not {predicate}" if negated else predicate
            sentence = (
                f"{graph.nodes[subject]['label']} does{' not' if negated else ''} "
                f"{predicate} {graph.nodes[obj]['label']}, the report said."
            )
            provenance = [
                Provenance(f"corpus/doc{rng.randrange(documents):03d}.txt", sentence, 0,
                           len(sentence), subject, 0, 1, obj, 2, 3, CONFIDENCE, "svo")
                for _ in range(2)
            ]
            if graph.has_edge(subject, obj, key):
                data = graph.edges[subject, obj, key]
                data["count"] += 2
                data["provenance"].extend(provenance)
            else:
                graph.add_edge(subject, obj, key=key, predicate=predicate, negated=negated,
                               count=2, confidence=CONFIDENCE, provenance=provenance)
            pool.extend((other, node))
    return graph


def measure_browser(path: Path, driver, timeout: float = 120.0) -> dict[str, float]:
    """Open ``path`` and time it until drawn and responsive; also count drawn items."""
    driver.get("about:blank")
    time.sleep(0.3)
    root = driver.service.process.pid
    cpu_before = _chromium_cpu_seconds(root)
    started = time.perf_counter()
    driver.get(path.as_uri())
    while True:
        ready = driver.execute_script("return window.kgReady === true")
        if ready:
            break
        if time.perf_counter() - started > timeout:
            raise TimeoutError(f"{path} not interactive after {timeout} s")
        time.sleep(0.02)
    wall = time.perf_counter() - started
    drawn_at = driver.execute_script("return window.kgReadyAt") / 1000.0
    counts = driver.execute_script(
        "return [network.body.data.nodes.length, network.body.data.edges.length]"
    )
    cpu = _chromium_cpu_seconds(root) - cpu_before
    return {"interactive_s": wall, "drawn_s": drawn_at, "cpu_s": cpu, "nodes": counts[0],
            "edges": counts[1]}


def _chromium_cpu_seconds(root_pid: int) -> float:
    """User plus system time of ``root_pid`` and its descendants (NaN without /proc)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return float("nan")
    parent: dict[int, int] = {}
    used: dict[int, int] = {}
    for stat in proc.glob("[0-9]*/stat"):
        try:
            data = stat.read_text()
        except OSError:
            continue
        fields = data[data.rindex(")") + 2 :].split()
        pid = int(stat.parent.name)
        parent[pid] = int(fields[1])
        used[pid] = int(fields[11]) + int(fields[12])
    total = 0
    for pid, ticks in used.items():
        ancestor = pid
        while ancestor > 1 and ancestor != root_pid:
            ancestor = parent.get(ancestor, 0)
        if ancestor == root_pid:
            total += ticks
    return total / os.sysconf("SC_CLK_TCK")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--real", action="store_true", help="also the real corpus's graph")
    parser.add_argument("--max-nodes", type=int, default=DEFAULT_MAX_NODES,
                        help="entities drawn first (default: the page's own default)")
    parser.add_argument("--no-browser", action="store_true", help="only time the writing")
    parser.add_argument("--keep", type=Path, help="folder to keep the pages in")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    out = args.keep or Path(tempfile.mkdtemp(prefix="kg-html-bench-"))
    out.mkdir(parents=True, exist_ok=True)

    driver_cm = None
    driver = None
    if not args.no_browser:
        from tests.browser.chromium import available, chromium

        reason = available()
        if reason:
            print(f"(no browser timing: {reason})", file=sys.stderr)
        else:
            driver_cm = chromium(1400, 900)
            driver = driver_cm.__enter__()
    try:
        print(f"{'entities':>8} {'facts':>7} {'write s':>8} {'CPU s':>6} {'size MB':>8} {'drawn':>6} "
              f" | browser (first load, then again): drawn s, interactive s, CPU s")
        graphs = [(f"{size:,}", lambda size=size: synthetic_graph(size)) for size in sizes]
        if args.real:
            from benchmarks.real_corpus import real_graph

            graphs.append(("real", real_graph))
        for name, make in graphs:
            graph = make()
            path = out / f"graph-{name.replace(',', '')}.html"
            started, cpu_started = time.perf_counter(), time.process_time()
            write_html(graph, path, max_nodes=args.max_nodes, title=f"Graph {name}")
            write_s = time.perf_counter() - started
            write_cpu = time.process_time() - cpu_started
            size_mb = path.stat().st_size / 1e6
            expected = min(args.max_nodes, len(graph))
            row = (f"{len(graph):>8,} {graph.number_of_edges():>7,} {write_s:>8.2f} "
                   f"{write_cpu:>6.2f} {size_mb:>8.2f} {expected:>6,}")
            if driver is not None:
                for attempt in ("first", "again"):
                    result = measure_browser(path, driver)
                    if result["nodes"] != expected:
                        raise AssertionError(f"drawn {result} for {len(graph)} entities")
                    row += (f" | {attempt} {result['drawn_s']:>5.2f} "
                            f"{result['interactive_s']:>5.2f} {result['cpu_s']:>5.2f}")
            print(row, flush=True)
    finally:
        if driver_cm is not None:
            driver_cm.__exit__(None, None, None)
    if args.keep:
        print(f"pages kept in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
