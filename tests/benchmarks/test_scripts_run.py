"""Every benchmark script runs from a checkout with one command and prints its figures.

Tiny sizes, so these check that the scripts work (arguments, imports, the figures they
print), not how fast anything is: speed is measured by running the scripts themselves.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: Each script runs as a subprocess (some start Dask clusters): the integration tier.
pytestmark = pytest.mark.integration


def run_script(name: str, *args: str, timeout: float = 600) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / name), *args],
        capture_output=True, text=True, timeout=timeout, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_throughput_prints_every_figure(tmp_path):
    figures = tmp_path / "figures.json"
    out = run_script("throughput.py", "--words", "3000", "--out", str(tmp_path / "bench"),
                     "--build-cmd", "cli", "--json", str(figures))
    for text in ("1. raw spaCy nlp.pipe", "2. kg extract", "2b. in one process",
                 "3. --jobs 2 vs --jobs 1", "peak x4 / peak x1"):
        assert text in out
    data = json.loads(figures.read_text())
    assert data["ratio_kg_over_spacy"] > 0 and data["memory_growth_cli"] > 0
    assert data["in_process"]["ratio"] > 0 and len(data["in_process"]["kg"]) == 3


def test_graph_scale_prints_merge_export_and_queries(tmp_path):
    out = run_script("graph_scale.py", "--triples", "2000", "--entities", "200",
                     "--out", str(tmp_path), "--baseline-triples", "200")
    for text in ("merge (kg.merge.add_triple)", "export turtle", "merge + Turtle export",
                 "ratio rdflib/fast", "oxigraph: two_hop", "rdflib: count_per_predicate"):
        assert text in out


def test_profile_extract_prints_the_steps(tmp_path):
    out = run_script("profile_extract.py", "--words", "3000", "--out", str(tmp_path))
    for text in ("parse (nlp.pipe)", "rules (extractor)", "merge (add_triple)",
                 "kg extract CPU / parse CPU"):
        assert text in out


def test_html_bench_writes_pages_without_a_browser():
    out = run_script("html_bench.py", "--sizes", "100", "--no-browser")
    assert "100" in out and "write s" in out


@pytest.mark.filterwarnings("ignore")
def test_dask_bench_compares_engines_and_bulk_loads(tmp_path):
    pytest.importorskip("distributed")
    out = run_script("dask_bench.py", "--words", "3000", "--out", str(tmp_path))
    for text in ("local --jobs 2:", "dask 2 workers:", "overhead ratio (dask / local)",
                 "pyoxigraph bulk_load of"):
        assert text in out


def test_rules_bench_compares_this_tree_with_a_revision():
    out = run_script("rules_bench.py", "--limit", "10", "--rounds", "1", "--repeat", "1")
    gum = run_script("rules_bench.py", "--limit", "2", "--rounds", "1", "--repeat", "1",
                     "--corpus", "gum")
    assert "(GUM train)" in gum and "parse + rules / parse" in gum
    for text in ("kg.dependency.v1   this tree", "kg.openie.v1       HEAD",
                 "ratio this tree / HEAD:", "of parse"):
        assert text in out


def test_budget_bench_prints_what_the_budget_costs():
    out = run_script("budget_bench.py", "--words", "2000", "--rounds", "1", "--guards", "1000")
    for text in ("rules CPU per token", "rules only (parses reused)",
                 "extract_pieces (parse + rules)", "one cpu_limit"):
        assert text in out


def test_graph_quality_prints_the_identity_and_voice_figures():
    data = json.loads(run_script("graph_quality.py", "seeds", "--json"))
    (figures,) = data.values()
    assert figures["title_hubs"] == 0 and figures["clause_sized_nodes"] == 0
    assert figures["nodes"] > 0 and figures["asserted_facts"] > 0
    assert ["xu liang", "PERSON"] in figures["top30"]
    # drops are counted from kg explain's records, by the rule that dropped each
    assert figures["dropped_by"]["clause_object"] > 0
    assert figures["dropped_unresolved_pronouns"] == figures["dropped_by"].get(
        "unresolved_pronoun", 0)
    out = run_script("graph_quality.py", "seeds", "--show", "3")
    assert "30 most central" in out and "3 random facts" in out
    assert "resolved" in run_script("graph_quality.py", "seeds", "--pronouns", "2")
