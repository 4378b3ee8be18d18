"""Throughput benchmark: kg against raw spaCy on the same corpus, parallel speed-up, memory.

In one run, on the corpus of :mod:`benchmarks.corpus` (written first if missing), prints:

1. raw spaCy: ``nlp.pipe`` over the documents with the model and components kg uses
   (:func:`extract.pipeline.load_nlp`, the same ``batch_size``), words per second, but with
   spaCy's own parser in place of kg's (``kg_parse_margins`` parses the same arcs and keeps
   their margins: its cost is kg's, so it is measured on kg's side);
2. ``kg extract`` (the real command, a subprocess, stdout to /dev/null), words per second,
   and the ratio ``time_kg / time_spacy`` (1.00: kg adds nothing; goal at most 1.10);
2b. the same in one process (``--rounds``, alternating, median CPU): raw ``nlp.pipe`` against
   ``kg extract``'s own path, the model loaded once for both, so neither start-up nor machine
   load drifting between two processes weighs on the ratio;
3. ``kg extract --jobs 2`` against ``--jobs 1``: speed-up ``time_jobs1 / time_jobs2`` (goal at
   least 1.7 on two cores);
4. peak resident memory of ``kg build`` on the corpus and on a corpus four times the size
   (different documents, since kg skips documents it has seen): goal, the second at most
   1.3 times the first. ``--build-cmd library`` also measures the build through the library
   (:func:`kg.build.build_graph`, then :func:`export.rdf.write_rdf`, the streaming
   writer ``kg build`` uses for Turtle), without the HTML page and JSON lines.

Every measured step runs in its own process, started from this small parent (which never
imports spaCy), and its peak memory is the child's own (``os.wait4``). Times are wall-clock
seconds of the whole process, model loading included; the start-up cost (measured on a
one-sentence document) is also subtracted to give the steady-state ratios.

Usage::

    python benchmarks/throughput.py                  # about 1,000,000 words (15-30 minutes)
    python benchmarks/throughput.py --words 50000    # quick check
    python benchmarks/throughput.py --corpus-dir benchmarks/gum/data/documents --skip jobs,memory
                                                     # kg extract / spaCy on GUM's 84 documents
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_SCRIPT = ROOT / "benchmarks" / "corpus.py"
DEFAULT_OUT = ROOT / "out" / "bench"


# --------------------------------------------------------------------------------------------
# child stages (each runs in its own process)


@contextmanager
def _spacy_parser(nlp):
    """``nlp`` with spaCy's own parser running instead of kg's margin-keeping one."""
    from extract.parse_margins import PARSE_MARGINS

    if PARSE_MARGINS not in nlp.pipe_names:
        yield nlp
        return
    nlp.disable_pipe(PARSE_MARGINS)
    nlp.enable_pipe("parser")
    try:
        yield nlp
    finally:
        nlp.disable_pipe("parser")
        nlp.enable_pipe(PARSE_MARGINS)


def _stage_spacy(corpus: Path, batch_size: int) -> None:
    """Parse every document with nlp.pipe; print JSON: words, load and parse seconds."""
    started = time.perf_counter()
    sys.path.insert(0, str(ROOT))
    from extract.pipeline import load_nlp

    nlp = load_nlp()
    loaded = time.perf_counter()
    words = 0

    def texts():
        nonlocal words
        for path in sorted(corpus.rglob("*.txt")):
            text = path.read_text(encoding="utf-8")
            words += len(text.split())
            yield text

    sentences = 0
    with _spacy_parser(nlp):
        for doc in nlp.pipe(texts(), batch_size=batch_size):
            sentences += sum(1 for _ in doc.sents)
        pipes = nlp.pipe_names
    done = time.perf_counter()
    print(json.dumps({"words": words, "sentences": sentences, "load_s": loaded - started,
                      "parse_s": done - loaded, "pipes": pipes}))


def _stage_alternate(corpus: Path, batch_size: int, rounds: int) -> None:
    """In one process, with the model loaded once: raw ``nlp.pipe`` and ``kg extract``'s own
    path (documents read by ``read_sources``, ``iter_extracted`` with the default budget, each
    triple serialised as the JSON line the command prints), in alternation, ``rounds`` times
    each. Prints JSON: the CPU seconds of every round of each. Model loading and start-up are
    left out of both sides alike; what remains is parsing against parsing plus everything kg
    does per document, sentence and fact."""
    sys.path.insert(0, str(ROOT))
    from extract.pipeline import load_nlp
    from kg.build import BuildReport, iter_extracted, read_sources
    from kg.merge import fewer_collections
    from kg.model import KnowledgeGraph

    nlp = load_nlp()
    paths = sorted(corpus.rglob("*.txt"))
    list(nlp.pipe(["Xu Liang founded a company in Beijing."]))  # warm up both sides alike

    def spacy_pass() -> float:
        cpu = time.process_time()
        texts = (path.read_text(encoding="utf-8") for path in paths)
        with _spacy_parser(nlp):
            for doc in nlp.pipe(texts, batch_size=batch_size):
                sum(1 for _ in doc.sents)
        return time.process_time() - cpu

    def kg_pass() -> float:
        cpu = time.process_time()
        sources = read_sources([corpus], KnowledgeGraph(), BuildReport())
        with fewer_collections():  # as the command does
            for result in iter_extracted(sources, nlp=nlp):
                for triple in result.triples:
                    json.dumps(triple.to_dict(), ensure_ascii=False, sort_keys=True)
        return time.process_time() - cpu

    times: dict[str, list[float]] = {"spacy": [], "kg": []}
    for _ in range(rounds):
        times["spacy"].append(spacy_pass())
        times["kg"].append(kg_pass())
    print(json.dumps(times))


def _stage_library_build(corpus: Path, out: Path, jobs: int) -> None:
    """``kg build`` through the library, with the graph written by export.rdf.write_rdf."""
    sys.path.insert(0, str(ROOT))
    from export.rdf import write_rdf
    from kg.build import build_graph

    started = time.perf_counter()
    graph, report = build_graph([corpus], jobs=jobs)
    built = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    write_rdf(graph, out / "graph.ttl")
    print(json.dumps({"build_s": built - started, "export_s": time.perf_counter() - built,
                      "triples": report.triples, "entities": graph.number_of_nodes(),
                      "facts": graph.number_of_edges()}))


# --------------------------------------------------------------------------------------------
# the parent


def _run(cmd: list[str], *, stdout=subprocess.DEVNULL, limit_gb: float | None = None) -> dict:
    """Run ``cmd``; its wall seconds, peak RSS in MB (its own, via wait4), and return code."""

    def limit() -> None:
        if limit_gb:
            size = int(limit_gb * 1024 ** 3)
            resource.setrlimit(resource.RLIMIT_AS, (size, size))

    started = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT,
                               preexec_fn=limit if limit_gb else None)
    stderr = process.stderr.read() if process.stderr else b""
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return {"wall_s": wall, "peak_mb": usage.ru_maxrss / 1024, "cpu_s": usage.ru_utime
            + usage.ru_stime, "rc": process.returncode,
            "stderr": stderr.decode("utf-8", "replace")[-2000:]}


def _kg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg", *args]


def _corpus(words: int, scale: int, out: Path) -> tuple[Path, dict]:
    folder = out / (f"corpus-{words}" + (f"-x{scale}" if scale != 1 else ""))
    subprocess.run([sys.executable, str(CORPUS_SCRIPT), "--words", str(words), "--scale",
                    str(scale), "--out", str(folder)], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    manifest = json.loads((folder / "corpus.json").read_text())
    return Path(manifest["path"]), manifest


def _show(label: str, result: dict, extra: str = "") -> None:
    print(f"  {label:<40} {result['wall_s']:7.1f} s  cpu {result['cpu_s']:7.1f} s  "
          f"peak {result['peak_mb']:7,.0f} MB  {extra}".rstrip(), flush=True)
    if result["rc"] != 0:
        print(f"    exit code {result['rc']}: {result['stderr'].strip()[-600:]}", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=1_000_000, help="corpus size in words")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--corpus-dir", type=Path, help="measure this folder of .txt documents "
                        "instead of the generated corpus (the memory step still generates)")
    parser.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size "
                        "(kg's extract_pieces default)")
    parser.add_argument("--skip", default="", help="comma-separated: spacy, extract, "
                        "alternate, jobs, memory")
    parser.add_argument("--build-cmd", default="cli,library",
                        help="memory benchmark: cli (kg build), library (build_graph + "
                        "export.rdf.write_rdf), or both")
    parser.add_argument("--memory-limit-gb", type=float, default=12.0,
                        help="address-space limit of each kg build (protects a shared machine)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    # internal
    parser.add_argument("--rounds", type=int, default=3, help="in-process step: rounds of "
                        "each side, alternating (the median is reported)")
    parser.add_argument("--stage", choices=("spacy", "library-build", "alternate"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.stage == "spacy":
        _stage_spacy(args.corpus, args.batch_size)
        return
    if args.stage == "alternate":
        _stage_alternate(args.corpus, args.batch_size, args.rounds)
        return
    if args.stage == "library-build":
        _stage_library_build(args.corpus, args.out, args.jobs)
        return

    skip = {s for s in args.skip.split(",") if s}
    args.out.mkdir(parents=True, exist_ok=True)
    if args.corpus_dir is not None:
        corpus = args.corpus_dir.resolve()
        paths = sorted(corpus.rglob("*.txt"))
        manifest = {"documents": len(paths),
                    "words": sum(len(p.read_text(encoding="utf-8").split()) for p in paths)}
    else:
        corpus, manifest = _corpus(args.words, 1, args.out)
    words = manifest["words"]
    load = os.getloadavg()
    print(f"throughput: corpus {corpus} ({manifest['documents']:,} documents, {words:,} words); "
          f"{os.cpu_count()} CPUs, load {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}", flush=True)
    figures: dict = {"words": words, "documents": manifest["documents"], "load_before": load}

    tiny = Path(tempfile.mkdtemp(prefix="kg-bench-")) / "tiny"
    tiny.mkdir()
    (tiny / "one.txt").write_text("Xu Liang founded a company in Beijing.\n", encoding="utf-8")

    spacy_s = kg_s = startup = None
    if "spacy" not in skip:
        spacy = _spacy_figures(args, corpus)
        spacy_s = spacy["parse_s"]
        figures["spacy"] = spacy
        print(f"  1. raw spaCy nlp.pipe {spacy['pipes']}: {spacy['parse_s']:.1f} s parsing "
              f"(+{spacy['load_s']:.1f} s start-up; process cpu {spacy['cpu_s']:.1f} s, peak "
              f"{spacy['peak_mb']:,.0f} MB) = {words / spacy['parse_s']:,.0f} words/s",
              flush=True)

    if not ({"extract", "jobs"} <= skip):
        startup_run = _run(_kg("extract", str(tiny), "--quiet"))
        startup = startup_run["wall_s"]
        _show("kg extract start-up (one sentence)", startup_run)
        figures["kg_startup_s"] = startup
        figures["kg_startup_cpu_s"] = startup_run["cpu_s"]

    if "extract" not in skip:
        result = _run(_kg("extract", str(corpus), "--quiet"))
        _show("kg extract --jobs 1", result)
        kg_s = result["wall_s"]
        figures["extract_jobs1"] = result
        steady = kg_s - startup
        line = f"  2. kg extract: {words / steady:,.0f} words/s (start-up excluded)"
        if spacy_s:
            ratio = steady / spacy_s
            total_ratio = kg_s / (spacy_s + figures["spacy"]["load_s"])
            figures["ratio_kg_over_spacy"] = ratio
            figures["ratio_kg_over_spacy_with_startup"] = total_ratio
            startup_cpu = figures["kg_startup_cpu_s"]
            cpu_ratio = (result["cpu_s"] - startup_cpu) / (figures["spacy"]["cpu_s"] - startup_cpu)
            figures["cpu_ratio_kg_over_spacy"] = cpu_ratio
            line += (f"; time_kg / time_spacy = {ratio:.2f} (goal <= 1.10; "
                     f"{total_ratio:.2f} with start-up on both sides; CPU time {cpu_ratio:.2f})")
        print(line, flush=True)

    if "alternate" not in skip:
        with tempfile.TemporaryFile("w+") as out:
            result = _run([sys.executable, __file__, "--stage", "alternate", "--corpus",
                           str(corpus), "--batch-size", str(args.batch_size), "--rounds",
                           str(args.rounds)], stdout=out)
            out.seek(0)
            text = out.read()
        if result["rc"] != 0:
            print(f"    in-process step failed: {result['stderr'].strip()[-600:]}", flush=True)
        else:
            times = json.loads(text.strip().splitlines()[-1])
            spacy_cpu, kg_cpu = (statistics.median(times[k]) for k in ("spacy", "kg"))
            figures["in_process"] = {**times, "ratio": kg_cpu / spacy_cpu}
            print(f"  2b. in one process, model loaded once, {args.rounds} alternating rounds "
                  f"(median CPU): spaCy {spacy_cpu:.1f} s, kg extract's path {kg_cpu:.1f} s: "
                  f"ratio {kg_cpu / spacy_cpu:.3f} (goal <= 1.10)", flush=True)

    if "jobs" not in skip:
        result = _run(_kg("extract", str(corpus), "--quiet", "--jobs", "2"))
        _show("kg extract --jobs 2", result)
        figures["extract_jobs2"] = result
        if kg_s:
            speedup = (kg_s - startup) / (result["wall_s"] - startup)
            figures["speedup_jobs2"] = speedup
            figures["speedup_jobs2_with_startup"] = kg_s / result["wall_s"]
            print(f"  3. --jobs 2 vs --jobs 1: speed-up {speedup:.2f} (goal >= 1.7; "
                  f"{kg_s / result['wall_s']:.2f} with start-up)", flush=True)

    if "memory" not in skip:
        big, big_manifest = _corpus(args.words, 4, args.out)
        print(f"  4. peak memory of a build; corpus x4: {big_manifest['documents']:,} documents,"
              f" {big_manifest['words']:,} words", flush=True)
        for mode in [m for m in args.build_cmd.split(",") if m]:
            peaks = []
            for name, folder in (("x1", corpus), ("x4", big)):
                target = args.out / f"build-{mode}-{name}"
                shutil.rmtree(target, ignore_errors=True)
                if mode == "cli":
                    cmd = _kg("build", str(folder), "-o", str(target), "--quiet")
                else:
                    cmd = [sys.executable, __file__, "--stage", "library-build", "--corpus",
                           str(folder), "--out", str(target)]
                result = _run(cmd, limit_gb=args.memory_limit_gb)
                label = "kg build" if mode == "cli" else "build_graph + write_rdf"
                _show(f"{label} {name}", result)
                figures[f"build_{mode}_{name}"] = result
                peaks.append(result["peak_mb"] if result["rc"] == 0 else None)
                shutil.rmtree(target, ignore_errors=True)
            if all(peaks):
                growth = peaks[1] / peaks[0]
                figures[f"memory_growth_{mode}"] = growth
                print(f"     {mode}: peak x4 / peak x1 = {growth:.2f} (goal <= 1.3)", flush=True)
            else:
                print(f"     {mode}: a build failed (see above)", flush=True)

    shutil.rmtree(tiny.parent, ignore_errors=True)
    figures["load_after"] = os.getloadavg()
    print(f"load after: {figures['load_after'][0]:.1f}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str) + "\n")


def _spacy_figures(args: argparse.Namespace, corpus: Path) -> dict:
    """Run the raw spaCy stage and return its JSON (with the child's peak memory)."""
    with tempfile.TemporaryFile("w+") as out:
        result = _run([sys.executable, __file__, "--stage", "spacy", "--corpus", str(corpus),
                       "--batch-size", str(args.batch_size)], stdout=out)
        out.seek(0)
        text = out.read()
    if result["rc"] != 0:
        raise SystemExit(f"raw spaCy stage failed: {result['stderr']}")
    figures = json.loads(text.strip().splitlines()[-1])
    figures.update(wall_s=result["wall_s"], peak_mb=result["peak_mb"], cpu_s=result["cpu_s"])
    return figures


if __name__ == "__main__":
    main()
