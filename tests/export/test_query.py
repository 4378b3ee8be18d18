"""kg query: SPARQL in rdflib and pyoxigraph, same answers, read-only, clear errors."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from export.sparql import ENGINES, QueryResult, check_query, format_result, run_query
from export.rdf import DEFAULT_BASE, write_rdf
from kg.errors import GraphReadError, QueryError, QueryTimeoutError
from tests.export.processes import children, mentioning

ENT = DEFAULT_BASE + "entity/"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=[".ttl", ".trig", ".nq", ".jsonld", ".rdf"])
def graph_file(request, tmp_path, sample_graph):
    path = tmp_path / f"graph{request.param}"
    write_rdf(sample_graph, path)
    return path


def _answers(result: QueryResult):
    if result.kind == "SELECT":
        return sorted(tuple("" if t is None else t.n3() for t in row) for row in result.rows)
    if result.kind == "ASK":
        return result.boolean
    return sorted(tuple(t.n3() for t in triple) for triple in result.graph)


QUERIES = {
    "people": "SELECT ?person ?name WHERE { ?person a schema:Person ; rdfs:label ?name }",
    "label": 'SELECT ?s WHERE { ?s rdfs:label "Xu Liang" }',
    "ask": 'ASK { ent:Xu_Liang rel:found ent:Kuaishou }',
    "construct": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o . ?p a rdf:Property }",
    "describe": "DESCRIBE ent:Xu_Liang",
    "describe_where": "DESCRIBE ?p WHERE { ?p a schema:Person }",
    "counts": "SELECT ?p (SUM(?n) AS ?mentions) WHERE { ?st rdf:predicate ?p ; kgv:count ?n } "
              "GROUP BY ?p",
    "mentions": "SELECT ?sentence ?doc ?start WHERE { ?st rdf:subject ent:Xu_Liang ; "
                "kgv:mention ?m . ?m kgv:sentence ?sentence ; prov:wasDerivedFrom ?doc ; "
                "kgv:sentenceStart ?start }",
    "optional": "SELECT ?e ?type WHERE { ?e a kgv:Entity OPTIONAL { ?e kgv:nerType ?type } }",
    "negated": "SELECT ?s ?o WHERE { ?st kgv:negated true ; rdf:subject ?s ; rdf:object ?o }",
}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_run_query_engines_agree(graph_file, name):
    results = [run_query(graph_file, QUERIES[name], engine=engine) for engine in ENGINES]
    assert _answers(results[0]) == _answers(results[1])
    assert results[0].kind == results[1].kind


def test_run_query_on_in_memory_graph(sample_graph):
    for engine in ENGINES:
        result = run_query(sample_graph, QUERIES["people"], engine=engine)
        assert {str(row[1]) for row in result.rows} == {"Xu Liang", "Sam Altman"}


def test_run_query_predeclared_prefixes(graph_file):
    result = run_query(graph_file, "SELECT ?s WHERE { ?s a schema:Person }")
    assert {str(row[0]) for row in result.rows} == {ENT + "Xu_Liang", ENT + "Sam_Altman"}


def test_run_query_user_prefix_overrides(graph_file):
    query = "PREFIX schema: <http://nowhere.example/> SELECT ?s WHERE { ?s a schema:Person }"
    for engine in ENGINES:
        assert run_query(graph_file, query, engine=engine).rows == []


def test_run_query_base_prefixes_follow_the_file(tmp_path, sample_graph):
    path = tmp_path / "g.ttl"
    write_rdf(sample_graph, path, base="https://data.example.com/kg/")
    for engine in ENGINES:
        assert run_query(path, "ASK { ent:Xu_Liang a schema:Person }", engine=engine).boolean


UPDATES = [
    "INSERT DATA { <http://e.org/a> <http://e.org/b> <http://e.org/c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/x.ttl>",
    "CLEAR ALL",
    "DROP GRAPH <http://e.org/g>",
    "PREFIX ex: <http://e.org/> INSERT { ?s ex:p 1 } WHERE { ?s ?p ?o }",
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("query", UPDATES)
def test_run_query_refuses_updates(graph_file, engine, query):
    before = graph_file.read_bytes()
    with pytest.raises(QueryError, match="read-only"):
        run_query(graph_file, query, engine=engine)
    assert graph_file.read_bytes() == before


@pytest.fixture
def listener():
    """A local TCP listener that records any connection attempt."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.2)
    hits: list[int] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            hits.append(1)
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/sparql", hits
    stop.set()
    thread.join()
    server.close()


@pytest.mark.parametrize("engine", ENGINES)
def test_run_query_refuses_service_without_connecting(graph_file, engine, listener):
    endpoint, hits = listener
    queries = [
        f"SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s a schema:Person OPTIONAL {{ SERVICE SILENT <{endpoint}> "
        f"{{ ?s ?p ?o }} }} }}",
        f"ASK {{ {{ SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }} }} }}",
    ]
    for query in queries:
        with pytest.raises(QueryError, match="SERVICE"):
            run_query(graph_file, query, engine=engine)
    with pytest.raises(QueryError, match="FROM"):
        run_query(graph_file, f"SELECT * FROM <{endpoint}> WHERE {{ ?s ?p ?o }}", engine=engine)
    assert hits == []


def test_run_query_service_in_a_string_is_fine(graph_file):
    query = 'SELECT ?s WHERE { ?s rdfs:label ?l FILTER(?l != "SERVICE <http://x/>") }'
    for engine in ENGINES:
        assert len(run_query(graph_file, query, engine=engine).rows) > 0


@pytest.mark.parametrize("engine", ENGINES)
def test_run_query_malformed_has_position(graph_file, engine):
    with pytest.raises(QueryError, match=r"line 4, column 1[12]") as info:
        run_query(graph_file, "SELECT ?s\nWHERE {\n  ?s ?p ?o .\n  FILTER( }", engine=engine)
    assert "FILTER" in str(info.value)
    with pytest.raises(QueryError, match="empty"):
        run_query(graph_file, "   ", engine=engine)
    with pytest.raises(QueryError, match="nope"):
        run_query(graph_file, "SELECT * WHERE { ?s a nope:Thing }", engine=engine)


def test_run_query_unreadable_graph(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text("<http://e.org/a> <http://e.org/b> .\n")
    for engine in ENGINES:
        with pytest.raises(GraphReadError, match="broken.ttl"):
            run_query(path, "ASK { ?s ?p ?o }", engine=engine)


def test_run_query_unknown_engine(graph_file):
    with pytest.raises(ValueError, match="engine"):
        run_query(graph_file, "ASK {}", engine="jena")


def test_check_query_returns_algebra():
    assert check_query("DESCRIBE ent:Xu_Liang").algebra.name == "DescribeQuery"


# --- formats ---------------------------------------------------------------------------------


def _select(sample_graph, engine="rdflib"):
    query = ("SELECT ?e ?label ?mentions WHERE { ?e a kgv:Entity ; rdfs:label ?label ; "
             "kgv:mentionCount ?mentions } ORDER BY ?label")
    return run_query(sample_graph, query, engine=engine)


def test_format_result_table_is_aligned(sample_graph):
    text = format_result(_select(sample_graph), "table")
    lines = text.splitlines()
    assert lines[0].split() == ["e", "label", "mentions"]
    assert set(lines[1]) <= {"-", " "}
    assert any(line.startswith("ent:Xu_Liang ") for line in lines)
    column = lines[0].index("label")
    assert all(line[column - 2 : column] == "  " for line in lines[2:])


def test_format_result_csv_tsv_json(sample_graph):
    result = _select(sample_graph)
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows[0] == ["e", "label", "mentions"]
    assert [ENT + "Xu_Liang", "Xu Liang", "5"] in rows
    tsv = format_result(result, "tsv").splitlines()
    assert tsv[0] == "?e\t?label\t?mentions"
    assert f'<{ENT}Xu_Liang>\t"Xu Liang"\t5' in tsv
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == ["e", "label", "mentions"]
    xu = next(b for b in data["results"]["bindings"] if b["label"]["value"] == "Xu Liang")
    assert xu["e"] == {"type": "uri", "value": ENT + "Xu_Liang"}
    assert xu["label"] == {"type": "literal", "value": "Xu Liang"}
    assert xu["mentions"]["datatype"].endswith("#integer")


def test_format_result_same_text_in_both_engines(sample_graph):
    for fmt in ("table", "csv", "tsv", "json"):
        outputs = {format_result(_select(sample_graph, e), fmt) for e in ENGINES}
        assert len(outputs) == 1, fmt


def test_format_result_ask_and_graph(sample_graph):
    ask = run_query(sample_graph, "ASK { ?s a schema:Person }")
    assert format_result(ask, "table") == "yes\n"
    assert json.loads(format_result(ask, "json")) == {"head": {}, "boolean": True}
    construct = run_query(sample_graph, QUERIES["construct"])
    assert "rel:found ent:Kuaishou" in format_result(construct, "table")
    rows = list(csv.reader(io.StringIO(format_result(construct, "csv"))))
    assert rows[0] == ["subject", "predicate", "object"] and len(rows) > 3
    json.loads(format_result(construct, "json"))


def test_format_result_escapes_control_characters_in_tables():
    result = QueryResult("SELECT", ["x"], [(Literal("a\nb\tc"),), (URIRef("http://e.org/a b"),)])
    lines = format_result(result, "table").splitlines()
    assert lines[2] == "a\\nb\\tc"
    assert len(lines) == 4


def test_format_result_unknown_format(sample_graph):
    with pytest.raises(ValueError, match="xml"):
        format_result(_select(sample_graph), "xml")


def test_select_star_columns_in_order_of_appearance_in_both_engines(graph_file):
    query = ("SELECT * WHERE { ?st rdf:subject ?s ; rdf:predicate ?p ; kgv:count ?n . "
             "OPTIONAL { ?st kgv:modality ?m } }")
    results = [run_query(graph_file, query, engine=engine) for engine in ENGINES]
    assert all(r.variables == ["st", "s", "p", "n", "m"] for r in results)
    assert _answers(results[0]) == _answers(results[1])


# --- default engine, time limit, API ---------------------------------------------------------


def test_default_engine_is_oxigraph(graph_file):
    from export.sparql import DEFAULT_ENGINE, SparqlGraph

    assert DEFAULT_ENGINE == "oxigraph"
    assert SparqlGraph(graph_file).store is not None


SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.mark.integration  # forks a query process and kills it
@pytest.mark.parametrize("engine", ENGINES)
def test_run_query_time_limit_stops_a_runaway_query(sample_graph, engine):
    from export.sparql import SparqlGraph

    with SparqlGraph(sample_graph, engine=engine) as loaded:
        worker = loaded.worker.pid
        with pytest.raises(QueryTimeoutError, match="did not finish within 1 s"):
            loaded.query(SLOW, timeout=1)
        assert children(worker) == []  # the query's process is gone
        assert loaded.query("ASK { ?s a schema:Person }").boolean  # and the graph still works
        assert loaded.worker.pid == worker  # held by the same worker, not loaded again
    assert not Path(f"/proc/{worker}").exists()  # closing the graph stops its worker


def test_run_query_without_time_limit_answers(sample_graph):
    result = run_query(sample_graph, QUERIES["people"], timeout=None)
    assert {str(row[1]) for row in result.rows} == {"Xu Liang", "Sam Altman"}


def test_kg_api_query_and_rdf_objects(graph_file):
    import pyoxigraph
    import rdflib

    import kg

    graph = kg.load(graph_file)
    for source in (graph, graph_file):
        for engine in (None, "rdflib"):
            result = kg.query(source, QUERIES["people"], engine=engine)
            assert {str(row[1]) for row in result.rows} == {"Xu Liang", "Sam Altman"}
        store = kg.to_oxigraph(source)
        assert isinstance(store, pyoxigraph.Store)
        assert bool(store.query("ASK { ?s <http://www.w3.org/2000/01/rdf-schema#label> "
                                "'Xu Liang' }", use_default_graph_as_union=True))
        dataset = kg.to_rdflib(source)
        assert isinstance(dataset, rdflib.Graph)
        assert len(dataset) == len(store)


# --- through the command line ----------------------------------------------------------------


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          timeout=600, cwd=ROOT)


@pytest.mark.integration  # runs kg as a subprocess
@pytest.mark.parametrize("engine", ENGINES)
def test_cli_query_timeout_one_line_exit_1_no_process_left(tmp_path, sample_graph, engine):
    path = tmp_path / "slow-graph.ttl"
    write_rdf(sample_graph, path)
    done = _kg("query", str(path), SLOW, "--engine", engine, "--timeout", "1")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "kg: error: the query did not finish within 1 s and was stopped; give a longer "
        "--timeout (0 for none) or a narrower query"
    ]
    assert not mentioning(str(path))


@pytest.mark.integration  # runs kg as a subprocess
@pytest.mark.parametrize("engine", ENGINES)
def test_cli_syntax_error_points_at_the_end_and_says_what_is_missing(tmp_path, sample_graph,
                                                                     engine):
    path = tmp_path / "graph.ttl"
    write_rdf(sample_graph, path)
    done = _kg("query", str(path), "SELECT ?x WHERE { ?x a schema:Person ",
               "--engine", engine)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "kg: error: malformed SPARQL at line 1, column 37 (the end of the query, after "
        "'{ ?x a schema:Person'): the '{' opened at line 1, column 17 is never closed; "
        "expected '}'"
    )


@pytest.mark.parametrize(
    "query, words",
    [
        ("SELEC ?x WHERE { ?x ?p ?o }", ["line 1, column 1", "'SELEC' is not a query form",
                                         "SELECT, ASK, CONSTRUCT or DESCRIBE"]),
        ('SELECT ?x WHERE { ?x rdfs:label "Xu }', ["line 1, column 33", "never closed"]),
        ("SELECT ?x WHERE { ?x ?p ?o } }", ["line 1, column 30", "'}' closes nothing"]),
        ("SELECT ?x WHERE {\n  ?x a nope:Thing }", ["line 2, column 8", "unknown prefix 'nope:'",
                                                     "PREFIX nope:"]),
        ("SELECT ?x WHERE { ?x ?p ?o } ORDER ?x", ["line 1, column", "expected", "BY"]),
    ],
)
def test_check_query_syntax_errors_in_words(query, words):
    with pytest.raises(QueryError) as info:
        check_query(query)
    for word in words:
        assert word in str(info.value), str(info.value)


def test_kg_query_default_time_limit_is_the_cli_one():
    import inspect

    import kg
    from export.sparql.worker import DEFAULT_TIMEOUT

    assert inspect.signature(kg.query).parameters["timeout"].default == DEFAULT_TIMEOUT
