"""Where the time of ``kg extract`` and ``kg build`` goes: parse, rules, merge, output, export.

Runs the same steps as the commands (documents read by :func:`kg.build.read_sources`, pieces
parsed by ``nlp.pipe`` in batches of 64, the registered extractor on each sentence, triples
merged with :func:`kg.merge.add_triple`, JSON lines as ``kg extract`` prints them, then the
files ``kg build`` writes) with a CPU-time and a wall-clock stopwatch around each step, so the
shares hold even on a busy machine. ``--cprofile`` also profiles the run (CPU time) and prints
the self time per package and the top functions.

Usage::

    python benchmarks/profile_extract.py [--words 100000] [--cprofile] [--skip-rdflib]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_OUT = ROOT / "out" / "bench"


class Clock:
    """Accumulated CPU and wall seconds per step."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.wall: dict[str, float] = defaultdict(float)

    def add(self, step: str, cpu0: float, wall0: float) -> None:
        self.cpu[step] += time.process_time() - cpu0
        self.wall[step] += time.perf_counter() - wall0

    def timed_iter(self, step: str, iterable):
        """Yield from ``iterable``, charging the time spent inside its ``next`` to ``step``."""
        iterator = iter(iterable)
        while True:
            cpu0, wall0 = time.process_time(), time.perf_counter()
            try:
                item = next(iterator)
            except StopIteration:
                self.add(step, cpu0, wall0)
                return
            self.add(step, cpu0, wall0)
            yield item


def run(corpus: Path, out: Path, *, rdflib: bool) -> tuple[Clock, dict]:
    clock = Clock()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    from export.html import write_html
    from export.jsonl import write_jsonl
    from export.rdf import write_rdf
    from extract.pipeline import load_nlp, piece_limit
    from extract.registry import DEFAULT_EXTRACTOR, get_extractor
    from kg.build import BuildReport, read_sources
    from kg.merge import add_triple
    from kg.model import KnowledgeGraph

    nlp = load_nlp()
    rule = get_extractor(DEFAULT_EXTRACTOR)
    clock.add("start-up (imports, model)", cpu0, wall0)

    graph = KnowledgeGraph()
    report = BuildReport()
    limit = piece_limit(nlp)
    words = 0
    triples_n = 0

    def pieces():
        nonlocal words
        for source in clock.timed_iter("read documents", read_sources([corpus], graph, report)):
            graph.documents[source.document.id] = source.document
            for text, offset in clock.timed_iter("read documents", source.pieces(limit)):
                words += len(text.split())
                yield text, (source.document.id, offset)

    sink = open(os.devnull, "w", encoding="utf-8")
    parsed = nlp.pipe(pieces(), as_tuples=True, batch_size=64)
    for doc, (doc_id, offset) in clock.timed_iter("parse (nlp.pipe)", parsed):
        cpu0, wall0 = time.process_time(), time.perf_counter()
        triples = []
        for sent in doc.sents:
            triples.extend(rule(sent, document=doc_id, offset=offset))
        clock.add("rules (extractor)", cpu0, wall0)
        cpu0, wall0 = time.process_time(), time.perf_counter()
        for triple in triples:
            sink.write(json.dumps(triple.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        clock.add("kg extract output (JSON lines)", cpu0, wall0)
        cpu0, wall0 = time.process_time(), time.perf_counter()
        for triple in triples:
            add_triple(graph, triple)
        clock.add("merge (add_triple)", cpu0, wall0)
        triples_n += len(triples)
    # reading happens inside nlp.pipe's pulls: report parse without it
    clock.cpu["parse (nlp.pipe)"] -= clock.cpu["read documents"]
    clock.wall["parse (nlp.pipe)"] -= clock.wall["read documents"]

    out.mkdir(parents=True, exist_ok=True)
    steps = [("build: graph.ttl by export.rdf.write_rdf", lambda: write_rdf(graph, out / "f.ttl"))]
    if rdflib:
        steps.append(("build: graph.ttl by rdflib (longturtle)",
                      lambda: write_rdf(graph, out / "graph.ttl", format="longturtle")))
    steps += [("build: graph.html", lambda: write_html(graph, out / "graph.html")),
              ("build: triples.jsonl", lambda: write_jsonl(graph, out / "triples.jsonl"))]
    for name, step in steps:
        cpu0, wall0 = time.process_time(), time.perf_counter()
        step()
        clock.add(name, cpu0, wall0)
    return clock, {"words": words, "triples": triples_n, "entities": graph.number_of_nodes(),
                   "facts": graph.number_of_edges(), "documents": len(graph.documents)}


_PACKAGES = (
    ("spacy", "spaCy"), ("thinc", "thinc (spaCy's network)"), ("numpy", "numpy"),
    ("/extract/", "extract (rules, phrases)"), ("/kg/", "kg (build, merge, model)"),
    ("/export/", "export"), ("rdflib", "rdflib"), ("networkx", "networkx"), ("json", "json"),
    ("pyvis", "pyvis/jinja"), ("jinja2", "pyvis/jinja"),
)


def _by_package(stats: pstats.Stats) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        for needle, label in _PACKAGES:
            if needle in filename:
                totals[label] += tottime
                break
        else:
            totals["built-ins and other" if filename == "~" else "other Python"] += tottime
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=100_000, help="corpus size in words")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--cprofile", action="store_true", help="also profile (CPU time)")
    parser.add_argument("--skip-rdflib", action="store_true",
                        help="do not time write_rdf (rdflib), slow on big graphs")
    args = parser.parse_args(argv)

    folder = args.out / f"corpus-{args.words}"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), "--words",
                    str(args.words), "--out", str(folder)], check=True,
                   stdout=subprocess.DEVNULL)
    corpus = Path(json.loads((folder / "corpus.json").read_text())["path"])
    load = os.getloadavg()
    print(f"profile_extract: {corpus}; load {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")

    target = Path(tempfile.mkdtemp(prefix="kg-profile-"))
    profiler = cProfile.Profile(time.process_time) if args.cprofile else None
    if profiler is not None:
        profiler.enable()
    clock, sizes = run(corpus, target, rdflib=not args.skip_rdflib)
    if profiler is not None:
        profiler.disable()

    print(f"  {sizes['words']:,} words, {sizes['documents']:,} documents -> "
          f"{sizes['triples']:,} triples, {sizes['entities']:,} entities, "
          f"{sizes['facts']:,} facts")
    extract_steps = ["parse (nlp.pipe)", "read documents", "rules (extractor)",
                     "kg extract output (JSON lines)"]
    core = sum(clock.cpu[s] for s in extract_steps)
    print(f"  {'step':<42} {'cpu s':>8} {'wall s':>8} {'% of extract':>13}")
    for step in clock.cpu:
        share = f"{100 * clock.cpu[step] / core:12.1f}%" if step in extract_steps else ""
        print(f"  {step:<42} {clock.cpu[step]:8.2f} {clock.wall[step]:8.2f} {share}")
    parse = clock.cpu["parse (nlp.pipe)"]
    print(f"  kg extract CPU / parse CPU (start-up excluded): {core / parse:.2f}")
    if profiler is not None:
        stats = pstats.Stats(profiler)
        total = sum(v[2] for v in stats.stats.values())
        print(f"\n  cProfile, CPU self time by package (total {total:.1f} s; profiling "
              f"inflates Python-heavy code):")
        for label, seconds in _by_package(stats).items():
            print(f"    {label:<32} {seconds:8.2f} s {100 * seconds / total:5.1f}%")
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(25)
        print("\n" + "\n".join(buffer.getvalue().splitlines()[6:40]))


if __name__ == "__main__":
    main()
