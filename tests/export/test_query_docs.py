"""Every example query in docs/rdf.md and README.md answers the same in pyoxigraph and rdflib (in
Python, through `kg query` and through `kg serve`), on the seed articles and
tests/fixtures/claims.txt built with the real model and on the hand-built sample graph with its
claims, in Turtle and TriG; and every query of the README and docs/*.md finds rows in the graph
the README builds (`make demo`: `kg build seeds/ -o out/`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from export.sparql import ENGINES, run_query
from export.rdf import write_rdf
from tests.export.test_query import _answers

ROOT = Path(__file__).resolve().parents[2]
DOCS = (ROOT / "docs" / "rdf.md", ROOT / "README.md")
#: Every page with queries: each must find something in the demo graph.
ALL_DOCS = (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))
SEEDS = ROOT / "seeds"
#: Sentences someone said or denied, so the "who said what" and "what is denied" queries find
#: something in the real build.
CLAIMS = ROOT / "tests" / "fixtures" / "claims.txt"


def doc_queries(docs=DOCS) -> list[str]:
    return [query for doc in docs
            for query in re.findall(r"```sparql\n(.*?)```", doc.read_text(encoding="utf-8"),
                                    re.DOTALL)]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory, nlp):
    """The graph `make demo` writes: `kg build seeds/ -o out/` (the library call it makes)."""
    from export.outputs import write_outputs
    from kg.build import build_graph

    graph, _report = build_graph([SEEDS], nlp=nlp)
    folder = tmp_path_factory.mktemp("demo")
    write_outputs(graph, folder)
    return folder / "graph.ttl"


@pytest.mark.parametrize("index", range(len(doc_queries(ALL_DOCS))))
def test_docs_query_finds_rows_in_the_demo_graph(demo_file, index):
    query = doc_queries(ALL_DOCS)[index]
    assert len(run_query(demo_file, query)) > 0, query


def test_readme_fact_queries_show_each_fact_in_its_voice(demo_file):
    """The README's people query says which facts are claims, and by whom; its China query
    finds China's facts though none is stated."""
    readme = doc_queries((ROOT / "README.md",))
    people = run_query(demo_file, readme[0])
    rows = {(str(r[0]), str(r[1]), str(r[2])): (str(r[3]), r[4] and str(r[4])) for r in people.rows}
    assert rows[("Linda Hayes", "accept", "gifts")] == ("claimed", "Prosecutors")
    assert rows[("Linda Hayes", "resign from", "Riverton city council")] == ("stated", None)
    china = next(q for q in readme if '"China"' in q)
    voices = {str(row[2]) for row in run_query(demo_file, china).rows}
    assert voices and "stated" not in voices


@pytest.fixture(scope="module")
def seed_files(tmp_path_factory):
    from kg.build import build_graph

    graph, _report = build_graph([SEEDS, CLAIMS])
    assert graph.number_of_edges() > 0
    folder = tmp_path_factory.mktemp("seed")
    paths = [folder / "graph.ttl", folder / "graph.trig"]
    for path in paths:
        write_rdf(graph, path)
    return paths


@pytest.fixture(scope="module")
def sample_files(tmp_path_factory):
    from kg.merge import merge_into

    from .conftest import build_sample, claim_triples

    folder = tmp_path_factory.mktemp("sample")
    paths = [folder / "graph.ttl", folder / "graph.trig"]
    graph = merge_into(build_sample(), claim_triples())
    for path in paths:
        write_rdf(graph, path)
    return paths


def test_docs_have_example_queries():
    queries = doc_queries()
    assert len(queries) >= 10
    kinds = {q.split()[0] for q in queries}
    assert {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"} <= kinds


@pytest.mark.parametrize("index", range(len(doc_queries())))
def test_docs_query_same_answers_in_both_engines_on_the_seed(seed_files, index):
    query = doc_queries()[index]
    answers = [_answers(run_query(path, query, engine=engine))
               for path in seed_files for engine in ENGINES]
    assert all(a == answers[0] for a in answers[1:])


@pytest.mark.parametrize("index", range(len(doc_queries())))
def test_docs_query_same_nonempty_answers_on_the_sample(sample_files, index):
    query = doc_queries()[index]
    answers = [_answers(run_query(path, query, engine=engine))
               for path in sample_files for engine in ENGINES]
    assert all(a == answers[0] for a in answers[1:])
    assert answers[0], "every documented query should find something in the sample graph"


def test_docs_people_query_finds_xu_liang_in_the_seed(seed_files):
    result = run_query(seed_files[0], doc_queries()[0])
    assert "Xu Liang" in {str(row[1]) for row in result.rows}


def test_docs_claim_queries_find_who_said_and_who_denied_in_the_build(seed_files):
    said = next(q for q in doc_queries() if 'kgv:stance "asserted"' in q)
    denied = next(q for q in doc_queries() if 'kgv:stance "denied"' in q)
    for engine in ENGINES:
        speakers = {str(row[0]) for row in run_query(seed_files[0], said, engine=engine).rows}
        assert {"John Howard", "Peter Ryan", "Prosecutors", "Tom Brandt"} <= speakers
        rows = run_query(seed_files[0], denied, engine=engine).rows
        assert rows and {str(row[3]) for row in rows} == {"army", "Linda Hayes"}


# --- the same queries through `kg query` (both engines) and `kg serve` ------------------------


@pytest.fixture(scope="module")
def seed_endpoint(seed_files):
    from tests.export.test_serve import kg_serve

    with kg_serve(seed_files[0]) as (url, _process, _output):
        yield url + "sparql"


def _cli_answers(path: Path, query: str, engine: str):
    from typer.testing import CliRunner

    from kg.cli import app
    from tests.export.test_serve import graph_answers, json_answers

    done = CliRunner().invoke(app, ["query", str(path), query, "--format", "json",
                                    "--engine", engine])
    assert done.exit_code == 0, done.output
    if query.split()[0] in ("CONSTRUCT", "DESCRIBE"):
        return graph_answers(done.stdout.encode("utf-8"), "json-ld")
    return json_answers(json.loads(done.stdout))


def _served_answers(endpoint: str, query: str):
    from tests.export.test_serve import graph_answers, json_answers, post

    graph = query.split()[0] in ("CONSTRUCT", "DESCRIBE")
    status, _, body = post(endpoint, {"query": query},
                           "application/n-triples" if graph else None)
    assert status == 200, body
    return graph_answers(body, "nt") if graph else json_answers(json.loads(body))


@pytest.mark.integration  # starts kg serve
@pytest.mark.parametrize("index", range(len(doc_queries())))
def test_docs_query_same_answers_through_kg_query_and_kg_serve(seed_files, seed_endpoint, index):
    query = doc_queries()[index]
    expected = _answers(run_query(seed_files[0], query, engine="rdflib"))
    for engine in ENGINES:
        assert _cli_answers(seed_files[0], query, engine) == expected, engine
    assert _served_answers(seed_endpoint, query) == expected
