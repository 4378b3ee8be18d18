"""Graph-scale benchmark: merge one million extracted triples, export them, query the result.

A deterministic synthetic corpus stands in for extraction output: ``--triples`` kg triples
(:class:`kg.model.Triple`, each with a :class:`~kg.model.Provenance` record carrying a real
sentence from the CaRB data and the seed articles) over ``--entities`` entities, with
heavy-tailed entity and predicate frequencies (a few hubs, a long tail), alternative surface
forms, NER types, negated and modal facts, repeated facts and 20 triples per document.

Printed, with wall seconds, CPU seconds and peak resident memory:

1. generating the triples alone (subtracted from the next line);
2. merging them into a :class:`kg.model.KnowledgeGraph` with :func:`kg.merge.merge_into`;
3. Turtle export with :func:`export.rdf.write_rdf` (the streaming text writer; optionally
   N-Triples and gzipped N-Triples), with the number of RDF triples written;
4. the baseline, rdflib's serialiser (``write_rdf(..., format="longturtle")``), on a prefix
   of the same triples (``--baseline-triples``; rdflib cannot hold the full export), and the
   per-triple ratio;
5. SPARQL in a separate process on the entity and fact triples of the export (everything but
   statements and mentions, which rdflib could not hold in memory): load, a COUNT per
   predicate and a two-hop path query from the biggest hub, in rdflib and in pyoxigraph.

Usage::

    python benchmarks/graph_scale.py                      # 1,000,000 triples, 100,000 entities
    python benchmarks/graph_scale.py --triples 50000 --entities 5000   # quick check
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
from itertools import accumulate
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.model import Argument, Document, KnowledgeGraph, Provenance, Triple  # noqa: E402

DEFAULT_OUT = ROOT / "out" / "bench" / "graph"
TRIPLES_PER_DOCUMENT = 20
_TYPES = ("PERSON", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "NORP", "WORK_OF_ART", "DATE")
_CONSTRUCTIONS = ("svo", "svo", "svo", "prep", "prep", "copula", "passive", "apposition",
                  "conj", "xcomp", "relcl", "acl", "possessive", "light_verb")
_VERBS = (
    "be", "have", "found", "lead", "rival", "meet", "acquire", "invest", "build", "release",
    "announce", "join", "leave", "support", "oppose", "sign", "win", "lose", "describe",
    "publish", "produce", "develop", "own", "sell", "buy", "visit", "attack", "defend", "elect",
    "appoint", "replace", "create", "destroy", "serve", "play", "direct", "write", "marry",
    "succeed", "defeat", "represent", "cover", "enter", "operate", "launch", "fund", "hire",
)
_PREPS = ("", " in", " of", " for", " with", " from", " to", " by", " on", " at", " as")
_CONFIDENCES = (0.35, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def _peak_mb() -> float:
    """Peak resident memory of this process so far, in MB.

    VmHWM (Linux), which unlike ``ru_maxrss`` does not carry over the parent's peak into a
    child started with fork and exec.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Timer:
    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def stop(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def _sentences() -> list[str]:
    from benchmarks.corpus import load_sentences

    return load_sentences()


def _zipf_weights(n: int, exponent: float, offset: float = 5.0) -> list[float]:
    return list(accumulate(1.0 / (rank + offset) ** exponent for rank in range(n)))


def _entities(
    count: int, rng: random.Random, words: list[str]
) -> list[tuple[str, str, str | None]]:
    """``(label, key, type)`` of ``count`` distinct entities named with real words."""
    entities: list[tuple[str, str, str | None]] = []
    keys: set[str] = set()
    while len(entities) < count:
        size = rng.choice((1, 1, 2, 2, 2, 3))
        parts = [rng.choice(words) for _ in range(size)]
        typed = rng.random() < 0.55
        label = " ".join(p.capitalize() for p in parts) if typed else " ".join(parts).lower()
        key = label.casefold()
        if key in keys:
            label = f"{label} {len(entities)}"
            key = label.casefold()
        keys.add(key)
        entities.append((label, key, rng.choice(_TYPES) if typed else None))
    return entities


def synthetic_triples(
    triples: int, entities: int, *, seed: int = 0
) -> Iterator[tuple[Document | None, Triple]]:
    """Yield ``(document or None, triple)``: a document record precedes its first triple.

    Deterministic for a given seed. Entity and predicate frequencies are heavy-tailed; 8 % of
    mentions use another surface form, 3 % of facts are negated and 5 % modal.
    """
    rng = random.Random(seed)
    sentences = _sentences()
    words = sorted({w.strip(".,;:()\"'") for s in sentences for w in s.split()} - {""})
    words = [w for w in words if w.isalpha() and len(w) > 2]
    names = _entities(entities, rng, words)
    rng.shuffle(names)
    entity_weights = _zipf_weights(entities, 0.9)
    predicates = [verb + prep for verb in _VERBS for prep in _PREPS]
    rng.shuffle(predicates)
    predicate_weights = _zipf_weights(len(predicates), 1.1, 1.0)
    batch = 10_000
    produced = 0
    doc_index = -1
    position = 0
    while produced < triples:
        n = min(batch, triples - produced)
        subjects = rng.choices(names, cum_weights=entity_weights, k=n)
        objects = rng.choices(names, cum_weights=entity_weights, k=n)
        preds = rng.choices(predicates, cum_weights=predicate_weights, k=n)
        for i in range(n):
            document = None
            if (produced + i) % TRIPLES_PER_DOCUMENT == 0:
                doc_index += 1
                position = 0
                doc_id = f"news/{doc_index // 1000:03d}/doc-{doc_index:06d}.txt"
                day = f"2024-{1 + doc_index % 12:02d}-{1 + doc_index % 28:02d}"
                document = Document(doc_id, f"corpus/{doc_id}", f"{doc_index:064x}",
                                    (("date", day),))
            if (produced + i) % 3 == 0:  # about three triples per sentence
                sentence = rng.choice(sentences)
                start = position
                position += len(sentence) + 1
            s_label, s_key, s_type = subjects[i]
            o_label, o_key, o_type = objects[i]
            if rng.random() < 0.08:
                s_label = s_label.upper() if rng.random() < 0.5 else s_label.lower()
            provenance = Provenance(
                document=doc_id,
                sentence=sentence,
                sentence_start=start,
                sentence_end=start + len(sentence),
                subject_text=s_label,
                subject_start=start,
                subject_end=start + len(s_label),
                object_text=o_label,
                object_start=start + len(sentence) - len(o_label) - 1,
                object_end=start + len(sentence) - 1,
                confidence=rng.choice(_CONFIDENCES),
                construction=rng.choice(_CONSTRUCTIONS),
                modality=rng.choice(("could", "may", "will", "should")) if rng.random() < 0.05
                else None,
            )
            yield document, Triple(
                Argument(s_label, s_key, s_type), preds[i], Argument(o_label, o_key, o_type),
                provenance, negated=rng.random() < 0.03,
            )
        produced += n


def merge_synthetic(triples: int, entities: int, *, seed: int = 0) -> KnowledgeGraph:
    """The merged graph of :func:`synthetic_triples` (documents recorded as ``kg build`` does)."""
    from kg.merge import add_triple

    graph = KnowledgeGraph()
    for document, triple in synthetic_triples(triples, entities, seed=seed):
        if document is not None:
            graph.documents[document.id] = document
        add_triple(graph, triple)
    return graph


def _line(label: str, wall: float, cpu: float | None = None, extra: str = "") -> None:
    cpu_text = f"  cpu {cpu:7.1f} s" if cpu is not None else ""
    print(f"  {label:<44} {wall:7.1f} s{cpu_text}  peak {_peak_mb():7,.0f} MB  {extra}".rstrip(),
          flush=True)


# --------------------------------------------------------------------------------------------
# queries (run in a child process so their memory does not count against the merge/export)

COUNT_PER_PREDICATE = """
SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n) ?p
"""

TWO_HOP = """
SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{
  <{hub}> ?p ?b . ?p a <https://w3id.org/kg-builder/vocab#Relation> .
  ?b ?q ?c . ?q a <https://w3id.org/kg-builder/vocab#Relation> .
}}
"""


def _facts_file(graph: KnowledgeGraph, path: Path, base: str) -> tuple[int, str]:
    """Write the entity, relation and fact triples (N-Triples); return (lines, start entity)."""
    from export.rdf import generate_text

    keep = (f"<{base}entity/", f"<{base}relation/", f"<{base}>")
    lines = 0
    with open(path, "w", encoding="utf-8") as handle:
        for block in generate_text(graph, "nt", base=base):
            kept = [line for line in block.splitlines(keepends=True) if line.startswith(keep)]
            handle.write("".join(kept))
            lines += len(kept)
    # the 100th entity by out-degree: popular, but not the one hub every query would pick
    ranked = sorted(graph.nodes, key=lambda n: (-graph.out_degree(n), n))
    hub_key = ranked[min(99, len(ranked) - 1)]
    from export.rdf import entity_iri

    return lines, str(entity_iri(hub_key, graph.nodes[hub_key].get("label"), base=base))


def run_queries(path: Path, hub: str, engines: list[str]) -> dict:
    """Load ``path`` (N-Triples) into each engine and time the two queries; print and return."""
    results: dict = {}
    two_hop = TWO_HOP.format(hub=hub)
    for engine in engines:
        timer = _Timer()
        if engine == "oxigraph":
            import pyoxigraph

            store = pyoxigraph.Store()
            store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.N_TRIPLES)
            size = len(store)
            load = timer.stop()

            def run(query: str):
                return list(store.query(query))
        else:
            from rdflib import Graph

            rdf = Graph()
            rdf.parse(str(path), format="nt")
            size = len(rdf)
            load = timer.stop()

            def run(query: str):
                return list(rdf.query(query))
        _line(f"{engine}: load {size:,} triples", *load)
        timings = results[engine] = {"load": load[0], "triples": size}
        for name, query in (("count_per_predicate", COUNT_PER_PREDICATE), ("two_hop", two_hop)):
            timer = _Timer()
            rows = run(query)
            wall, cpu = timer.stop()
            value = getattr(rows[0][0], "value", rows[0][0]) if len(rows) == 1 else None
            shown = f"({len(rows)} rows)" if len(rows) != 1 else f"(answer {value})"
            _line(f"{engine}: {name}", wall, cpu, shown)
            timings[name] = wall
            timings[f"{name}_rows"] = len(rows)
    return results


# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--formats", default="turtle,turtle:2",
                        help="comma-separated: turtle, nt, shards (gzipped N-Triples parts); "
                        "FORMAT:N writes with N processes")
    parser.add_argument("--baseline-triples", type=int, default=10_000,
                        help="triples for the rdflib write_rdf baseline (0: skip)")
    parser.add_argument("--engines", default="oxigraph,rdflib",
                        help="query engines (empty: skip the queries)")
    parser.add_argument("--query-timeout", type=float, default=900,
                        help="seconds one engine may take for load and both queries")
    parser.add_argument("--keep", action="store_true", help="keep the exported files")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    # internal: the query stage, run in a child process
    parser.add_argument("--query-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--hub", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.query_file is not None:
        engines = [e for e in args.engines.split(",") if e]
        run_queries(args.query_file, args.hub, engines)
        return

    from export.rdf import DEFAULT_BASE, write_rdf

    args.out.mkdir(parents=True, exist_ok=True)
    figures: dict = {"triples": args.triples, "entities": args.entities}
    load = os.getloadavg()
    print(f"graph_scale: {args.triples:,} triples over {args.entities:,} entities; "
          f"{os.cpu_count()} CPUs, load {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; "
          f"Python {platform.python_version()}", flush=True)

    timer = _Timer()
    for _ in synthetic_triples(args.triples, args.entities, seed=args.seed):
        pass
    generate = timer.stop()
    _line("generate triples only", *generate)

    timer = _Timer()
    graph = merge_synthetic(args.triples, args.entities, seed=args.seed)
    total = timer.stop()
    merge = (total[0] - generate[0], total[1] - generate[1])
    _line("merge (kg.merge.add_triple)", *merge,
          f"{graph.number_of_nodes():,} entities, {graph.number_of_edges():,} facts, "
          f"{len(graph.documents):,} documents")
    figures["merge_s"], figures["facts"] = merge[0], graph.number_of_edges()

    formats = [f for f in args.formats.split(",") if f]
    export_seconds = 0.0
    for fmt in formats:
        timer = _Timer()
        if fmt == "shards":
            paths = [args.out / "shards" / "part-00000.nt.gz"]
            paths[0].parent.mkdir(parents=True, exist_ok=True)
            write_rdf(graph, paths[0])
            size = sum(p.stat().st_size for p in paths)
            detail = f"{len(paths)} shards"
        else:
            name, _, workers = fmt.partition(":")
            target = args.out / ("graph.ttl" if name == "turtle" else "graph.nt")
            write_rdf(graph, target, workers=int(workers or 1))
            size = target.stat().st_size
            detail = target.name
        wall, cpu = timer.stop()
        _line(f"export {fmt} (export.rdf.write_rdf, streaming)", wall, cpu, f"{size / 1e6:,.0f} MB, {detail}")
        figures[f"export_{fmt}_s"] = wall
        if fmt.startswith("turtle"):
            export_seconds = min(wall, export_seconds or wall)
    nt_path = args.out / "graph.nt"
    if nt_path.exists():
        with open(nt_path, "rb") as handle:
            blocks = iter(lambda: handle.read(1 << 24), b"")
            rdf_triples = sum(block.count(b"\n") for block in blocks)
        figures["rdf_triples"] = rdf_triples
        print(f"  RDF triples written: {rdf_triples:,}")
    figures["merge_plus_turtle_s"] = merge[0] + export_seconds
    figures["peak_mb"] = _peak_mb()
    print(f"  => merge + Turtle export (faster Turtle): {merge[0] + export_seconds:.1f} s "
          f"(goal < 60 s), "
          f"peak {_peak_mb():,.0f} MB (goal < 4,000 MB)", flush=True)

    if args.baseline_triples:
        n = min(args.baseline_triples, args.triples)
        small = merge_synthetic(n, max(1, args.entities * n // args.triples), seed=args.seed)
        timer = _Timer()
        write_rdf(small, args.out / "small-fast.ttl")
        fast = timer.stop()
        timer = _Timer()
        write_rdf(small, args.out / "small-rdflib.ttl", format="longturtle")
        slow = timer.stop()
        _line(f"baseline on {n:,} triples: streaming Turtle", *fast)
        _line(f"baseline on {n:,} triples: rdflib (longturtle)", *slow,
              f"ratio rdflib/fast = {slow[0] / fast[0]:.1f}x")
        figures["baseline_ratio"] = slow[0] / fast[0]

    engines = [e for e in args.engines.split(",") if e]
    if engines:
        facts_path = args.out / "facts.nt"
        lines, hub = _facts_file(graph, facts_path, DEFAULT_BASE)
        del graph
        print(f"  queries on the entity and fact triples ({lines:,} triples; hub {hub}):",
              flush=True)
        figures["queries"] = {}
        for engine in engines:  # one process each: a time limit, and separate memory peaks
            try:
                subprocess.run(
                    [sys.executable, __file__, "--query-file", str(facts_path), "--hub", hub,
                     "--engines", engine],
                    check=True, timeout=args.query_timeout,
                )
            except subprocess.TimeoutExpired:
                print(f"  {engine}: process stopped at the {args.query_timeout:.0f} s limit "
                      f"(the lines above it are complete)", flush=True)
                figures["queries"][engine] = f"timeout {args.query_timeout:.0f} s"
        if not args.keep:
            facts_path.unlink()
    if not args.keep:
        for name in ("graph.ttl", "graph.nt", "small-fast.ttl", "small-rdflib.ttl"):
            (args.out / name).unlink(missing_ok=True)
        for path in sorted((args.out / "shards").glob("*.nt.gz")):
            path.unlink()
    figures["load_after"] = os.getloadavg()[0]
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
