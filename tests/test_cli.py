"""The command line end to end, as a user runs it: real model, real files, real parsers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

from tests.data import SEEDS

#: Each test starts kg as a real subprocess (model load included): the integration tier.
pytestmark = pytest.mark.integration

PERSON_QUERY = "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name"


def run_kg(*args: str, cwd: Path | None = None, check: bool = True, **kwargs):
    result = subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd, **kwargs
    )
    if check and result.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = run_kg("build", str(SEEDS), "-o", str(out), "--quiet")
    assert result.stdout == ""
    return out


def test_build_writes_three_outputs_that_parse(built):
    assert sorted(p.name for p in built.iterdir()) == [
        ".kg-outputs.json", "graph.html", "graph.ttl", "triples.jsonl"]
    graph = rdflib.Graph().parse(built / "graph.ttl", format="turtle")
    assert len(graph) > 100
    labels = {str(o) for o in graph.objects(None, rdflib.RDFS.label)}
    assert {"Xu Liang", "China"} <= labels
    records = [json.loads(line) for line in (built / "triples.jsonl").read_text().splitlines()]
    assert records and {r["source"] for r in records} == {p.name for p in SEEDS.glob("*.txt")}


def test_stats_json_answers(built):
    result = run_kg("stats", str(built / "graph.ttl"), "--json")
    stats = json.loads(result.stdout)
    assert stats["documents"] == len(list(SEEDS.glob("*.txt")))
    assert stats["stated_facts"] == stats["voices"]["stated"] > 0
    assert stats["entities"] > 10 and stats["facts"] > 10
    assert stats["entity_types"].get("PERSON", 0) >= 1


def test_stats_text_summary(built):
    result = run_kg("stats", str(built / "graph.ttl"))
    assert "entities:" in result.stdout and "top by PageRank:" in result.stdout


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_query_finds_the_person(built, engine):
    result = run_kg("query", str(built / "graph.ttl"), PERSON_QUERY, "--format", "csv",
                    "--engine", engine)
    assert "Xu Liang" in result.stdout.splitlines()


def test_query_json_results(built):
    result = run_kg("query", str(built / "graph.ttl"), PERSON_QUERY, "--format", "json")
    names = [b["name"]["value"] for b in json.loads(result.stdout)["results"]["bindings"]]
    assert "Xu Liang" in names


def test_html_command_writes_offline_page(built, tmp_path):
    page = tmp_path / "page.html"
    run_kg("html", str(built / "graph.ttl"), "-o", str(page))
    text = page.read_text()
    assert "Xu Liang" in text
    assert "<script src=" not in text and 'rel="stylesheet" href' not in text
    assert list(tmp_path.iterdir()) == [page]


def test_extract_jsonl_fields(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("Marie Curie discovered polonium in Paris.", encoding="utf-8")
    result = run_kg("extract", str(doc))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records
    for record in records:
        for field in ("subject", "predicate", "object", "sentence", "source", "confidence"):
            assert field in record
    assert ("Marie Curie", "discover", "polonium") in {
        (r["subject"], r["predicate"], r["object"]) for r in records}


def test_extract_tsv_has_header_and_columns(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("Marie Curie discovered polonium.", encoding="utf-8")
    lines = run_kg("extract", str(doc), "--format", "tsv").stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["subject", "predicate", "object"]
    assert all(len(line.split("\t")) == 7 for line in lines)


def test_jobs_two_output_is_byte_identical(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
    paragraphs = [p for p in seed.split("\n\n") if p.strip()]
    for i, paragraph in enumerate(paragraphs * 3):
        (corpus / f"doc{i:02d}.txt").write_text(f"{paragraph}\nDocument {i} was written.\n")
    one, two = tmp_path / "one", tmp_path / "two"
    run_kg("build", str(corpus), "-o", str(one), "--quiet")
    run_kg("build", str(corpus), "-o", str(two), "--quiet", "--jobs", "2")
    for name in ("graph.ttl", "graph.html", "triples.jsonl"):
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_big_graphs_are_written_by_jobs_processes_with_the_same_bytes(
    tmp_path, seed_graph, monkeypatch
):
    """``kg build --jobs 2`` writes graph.ttl in two forked parts from a size up: same file."""
    from export import outputs

    monkeypatch.setattr(outputs, "PARALLEL_WRITE_FACTS", 1)  # the seed graph counts as big
    for jobs in (1, 2):
        outputs.write_outputs(seed_graph, tmp_path / f"j{jobs}", jobs=jobs)
    assert seed_graph.number_of_edges() > 1
    for name in ("graph.ttl", "graph.html", "triples.jsonl"):
        assert (tmp_path / "j1" / name).read_bytes() == (tmp_path / "j2" / name).read_bytes()
    assert sorted(p.name for p in (tmp_path / "j2").iterdir()) == [
        ".kg-outputs.json", "graph.html", "graph.ttl", "triples.jsonl"]  # no part files left


def test_into_merges_new_documents_and_never_doubles(tmp_path, built):
    graph_file = tmp_path / "graph.ttl"
    graph_file.write_bytes((built / "graph.ttl").read_bytes())
    before = json.loads(run_kg("stats", str(graph_file), "--json").stdout)
    run_kg("build", str(SEEDS), "--into", str(graph_file), "--quiet")
    assert graph_file.read_bytes() == (built / "graph.ttl").read_bytes()
    extra = tmp_path / "new"
    extra.mkdir()
    (extra / "note.txt").write_text("Xu Liang founded a robotics company in Shenzhen.")
    run_kg("build", str(extra), "--into", str(graph_file), "--quiet")
    after = json.loads(run_kg("stats", str(graph_file), "--json").stdout)
    assert after["documents"] == before["documents"] + 1
    assert after["mentions"] > before["mentions"]


def test_unknown_model_gives_one_clear_line(tmp_path):
    result = run_kg("build", str(SEEDS), "-o", str(tmp_path), "--model", "no_such_model",
                    check=False)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no_such_model" in lines[0] and "pip install" in lines[0]
    assert "Traceback" not in result.stderr


def test_python_m_kg_and_console_script_agree():
    script = Path(sys.executable).with_name("kg")
    direct = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=True)
    assert direct.stdout == run_kg("--help").stdout.replace("python -m kg", "kg")


def test_into_keeps_the_base_iri_of_the_graph(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Marie Curie discovered polonium.")
    out = tmp_path / "out"
    run_kg("build", str(doc), "-o", str(out), "--base", "http://example.com/mine/", "--quiet")
    other = tmp_path / "b.txt"
    other.write_text("Pierre Curie discovered radium.")
    run_kg("build", str(other), "--into", str(out / "graph.ttl"), "--quiet")
    graph = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    entities = {str(s) for s in graph.subjects(rdflib.RDFS.label, None)}
    assert any(s.startswith("http://example.com/mine/entity/") for s in entities)
    assert not any(s.startswith("http://example.org/kg/") for s in entities)
    labels = {str(o) for o in graph.objects(None, rdflib.RDFS.label)}
    assert {"Marie Curie", "Pierre Curie"} <= labels


def test_unknown_rdf_format_is_one_line(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Marie Curie discovered polonium.")
    result = run_kg("build", str(doc), "-o", str(tmp_path / "o"), "--format", "nonsense",
                    check=False)
    assert result.returncode == 1
    assert "nonsense" in result.stderr and "Traceback" not in result.stderr


def test_dask_engine_gives_the_local_graph(tmp_path, built):
    out = tmp_path / "dask"
    run_kg("build", str(SEEDS), "-o", str(out), "--engine", "dask", "--workers", "2", "--quiet",
           timeout=600)
    for name in ("graph.ttl", "graph.html", "triples.jsonl"):
        assert (out / name).read_bytes() == (built / name).read_bytes(), name


def test_dask_shards_resume_from_checkpoints(tmp_path):
    import gzip

    checkpoints = tmp_path / "checkpoints"
    first = run_kg("build", str(SEEDS), "-o", str(tmp_path / "a"), "--engine", "dask",
                   "--shards", "--checkpoints", str(checkpoints), timeout=600)
    assert "(0 resumed)" in first.stdout
    second = run_kg("build", str(SEEDS), "-o", str(tmp_path / "b"), "--engine", "dask",
                    "--shards", "--checkpoints", str(checkpoints), timeout=600)
    partitions = len(list(SEEDS.glob("*.txt")))  # one small document per partition
    assert f"({partitions} resumed)" in second.stdout
    shards = sorted((tmp_path / "b" / "graph").glob("part-*.nt.gz"))
    assert shards
    graph = rdflib.Graph()
    for shard in shards:
        graph.parse(data=gzip.decompress(shard.read_bytes()), format="nt")
    assert "Xu Liang" in {str(o) for o in graph.objects(None, rdflib.RDFS.label)}


def test_dask_options_need_the_dask_engine(tmp_path):
    result = run_kg("build", str(SEEDS), "-o", str(tmp_path), "--shards", check=False)
    assert result.returncode == 2 and "--engine dask" in result.stderr


def test_html_draws_the_page_default_by_default(tmp_path):
    """A big graph's page draws the library's default first view and says what it left out."""
    from benchmarks.html_bench import synthetic_graph
    from export.html import DEFAULT_MAX_NODES
    from export.rdf import write_rdf
    from kg.cli import PAGE_MAX_NODES
    from tests.export.test_html import json_block, parse

    graph = synthetic_graph(PAGE_MAX_NODES + 7)
    write_rdf(graph, tmp_path / "graph.ttl")
    run_kg("html", str(tmp_path / "graph.ttl"), "-o", str(tmp_path / "page.html"))
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert len(json_block(page, "kg-nodes")) == PAGE_MAX_NODES == DEFAULT_MAX_NODES
    assert "7 entities and" in " ".join(parse(page).text)
    run_kg("html", str(tmp_path / "graph.ttl"), "-o", str(tmp_path / "all.html"),
           "--max-nodes", str(PAGE_MAX_NODES + 7))
    assert len(json_block((tmp_path / "all.html").read_text(encoding="utf-8"), "kg-nodes")) == (
        PAGE_MAX_NODES + 7)


@pytest.mark.parametrize("mode", [["--jobs", "1"], ["--jobs", "2"],
                                  ["--engine", "dask", "--workers", "2"]])
def test_hung_document_is_skipped_in_every_engine(tmp_path, mode):
    """A real command with a real plugin: ``tests.hang.v1`` installed through the
    ``kg_extractors`` entry point, found by the command and by every worker process."""
    import os

    from tests.hang_extractor import HANG_TEXT, NAME, plugin_path

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = {"a.txt": "Marie Curie discovered polonium in Paris.", "b.txt": HANG_TEXT,
             "c.txt": "Alan Turing designed the Automatic Computing Engine.",
             "d.txt": "Grace Hopper invented the compiler."}
    for name, text in texts.items():
        (corpus / name).write_text(text, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=plugin_path(tmp_path / "plugin"))
    out = tmp_path / "out"
    result = run_kg("build", str(corpus), "-o", str(out), "--quiet", "--extractor", NAME,
                    "--doc-budget", "1", *mode, check=False, env=env, cwd=tmp_path, timeout=900)
    assert result.returncode == 3, result.stderr
    assert f"{corpus / 'b.txt'}: extraction ran over its time budget" in result.stderr
    sources = {json.loads(line)["source"] for line in (out / "triples.jsonl").read_text()
               .splitlines()}
    assert sources == {"a.txt", "c.txt", "d.txt"}
