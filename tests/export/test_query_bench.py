"""benchmarks/query_bench.py runs and prints every figure (on the small sample graph: it
checks the script, not the speed, which the script itself measures)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from export.rdf import write_rdf
from tests.export.test_query_docs import doc_queries

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_query_bench_prints_engines_serve_and_whole_commands(tmp_path, sample_graph):
    graph = tmp_path / "out" / "graph.ttl"  # reused by the script instead of a 300-document build
    graph.parent.mkdir()
    write_rdf(sample_graph, graph)
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "query_bench.py"), "--work", str(tmp_path),
         "--runs", "1", "--rdflib-timeout", "60"],
        capture_output=True, text=True, timeout=1800, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    for text in ("graph: reusing", "oxigraph: load", "rdflib: load", "kg serve: ready",
                 "floor, python -c 'import pyoxigraph'", "first (builds the cache)",
                 "load average", "slowest documented query through kg query, repeated"):
        assert text in out, text
    names = [f"{doc.name}#{number}" for doc in (ROOT / "README.md", ROOT / "docs" / "rdf.md")
             for number in range(1, doc.read_text(encoding="utf-8").count("```sparql\n") + 1)]
    assert len(names) == len(doc_queries())
    for name in names:  # a row in the engines' table and one in the kg query table
        assert sum(line.startswith(name + " | ") for line in out.splitlines()) == 2, name
    assert not list((tmp_path / "cli-cache").glob("*")), "the script removes its caches"
