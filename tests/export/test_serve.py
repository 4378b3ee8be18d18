"""kg serve: a real server process, queried with SPARQLWrapper and plain HTTP; read-only,
offline, time-limited, never held up by one request, and it stops on SIGINT leaving no
process behind."""

from __future__ import annotations

import csv
import io
import json
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from xml.dom.minidom import Document

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from SPARQLWrapper import CSV, JSON, N3, POST, TSV, TURTLE, XML, SPARQLWrapper

from export.sparql import run_query
from export.rdf import write_rdf
from export.serve import RESULT_TYPES, negotiate
from tests.export.processes import children, grandchildren
from tests.export.test_query import UPDATES, _answers, listener  # noqa: F401  (listener: a fixture)

# every test here talks to a kg serve process: the integration tier (make test-integration)
pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
#: Generous bounds for a busy shared machine: they only stop a broken test from hanging.
START_LIMIT = 180.0
REQUEST_LIMIT = 120.0
#: The time limit given to the server under test; the slow query below never ends before it.
SERVER_TIMEOUT = 8
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
PEOPLE = "SELECT ?person ?name WHERE { ?person a schema:Person ; rdfs:label ?name }"


@contextmanager
def kg_serve(path: Path, *args: str) -> Iterator[tuple[str, subprocess.Popen, list[str]]]:
    """Start ``kg serve PATH --port 0 ARGS`` in a real process; yield (url, process, output).

    Waits for the line announcing the URL (not for a fixed time); stops the server with
    SIGINT on exit and fails if it does not stop.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(path), "--port", "0", *args],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    output: list[str] = []

    def pump() -> None:
        for line in process.stdout:  # type: ignore[union-attr]
            output.append(line)
            lines.put(line)
        lines.put("")

    threading.Thread(target=pump, daemon=True).start()
    url = None
    deadline = time.monotonic() + START_LIMIT
    try:
        while url is None:
            line = lines.get(timeout=max(deadline - time.monotonic(), 0.1))
            if not line:
                raise AssertionError(f"kg serve ended before serving: {''.join(output)}")
            if "query page " in line:
                url = line.split("query page ")[1].split()[0]
        yield url, process, output
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=REQUEST_LIMIT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                raise AssertionError("kg serve did not stop on SIGINT")


def http(url: str, *, data: bytes | None = None, headers: dict | None = None):
    """(status, content type, body) of a request; errors are answers too."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_LIMIT) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read()


def get(endpoint: str, query: str, accept: str | None = None, **params: str):
    headers = {"Accept": accept} if accept else {}
    return http(endpoint + "?" + urllib.parse.urlencode({"query": query, **params}),
                headers=headers)


def post(endpoint: str, form: dict[str, str], accept: str | None = None):
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if accept:
        headers["Accept"] = accept
    return http(endpoint, data=urllib.parse.urlencode(form).encode(), headers=headers)


def json_term(value: dict):
    if value["type"] == "uri":
        return URIRef(value["value"])
    if value["type"] == "bnode":
        return BNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    if "datatype" in value:
        return Literal(value["value"], datatype=URIRef(value["datatype"]))
    return Literal(value["value"])


def json_answers(data: dict):
    """SPARQL JSON results as :func:`_answers` gives them, to compare with ``run_query``."""
    if "boolean" in data:
        return data["boolean"]
    names = data["head"]["vars"]
    return sorted(
        tuple("" if name not in b else json_term(b[name]).n3() for name in names)
        for b in data["results"]["bindings"]
    )


def graph_answers(data: bytes, fmt: str):
    graph = Graph()
    graph.parse(data=data, format=fmt)
    return sorted(tuple(t.n3() for t in triple) for triple in graph)


def triple_count(endpoint: str) -> int:
    status, _, body = get(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def graph_path(tmp_path_factory) -> Path:
    from .conftest import build_sample

    path = tmp_path_factory.mktemp("served") / "graph.ttl"
    write_rdf(build_sample(), path)
    return path


@pytest.fixture(scope="module")
def server(graph_path):
    with kg_serve(graph_path, "--timeout", str(SERVER_TIMEOUT)) as (url, process, output):
        yield url + "sparql", process, output


@pytest.fixture
def endpoint(server) -> str:
    return server[0]


# --- results -------------------------------------------------------------------------------


def test_serve_announces_url_on_localhost(server):
    url, _process, output = server
    assert url.startswith("http://localhost:")
    assert "read-only" in "".join(output)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_serve_sparqlwrapper_select_in_every_format(endpoint, graph_path, method):
    expected = _answers(run_query(graph_path, PEOPLE))
    wrapper = SPARQLWrapper(endpoint)
    if method == "POST":
        wrapper.setMethod(POST)
    wrapper.setQuery(PEOPLE)
    wrapper.setReturnFormat(JSON)
    assert json_answers(wrapper.query().convert()) == expected

    wrapper.setReturnFormat(XML)
    document = wrapper.query().convert()
    assert isinstance(document, Document)
    names = {n.firstChild.data for n in document.getElementsByTagName("literal")}
    assert names == {"Xu Liang", "Sam Altman"}

    wrapper.setReturnFormat(CSV)
    rows = list(csv.reader(io.StringIO(wrapper.query().convert().decode("utf-8"))))
    assert rows[0] == ["person", "name"]
    assert sorted(r[1] for r in rows[1:]) == ["Sam Altman", "Xu Liang"]

    wrapper.setReturnFormat(TSV)
    lines = wrapper.query().convert().decode("utf-8").splitlines()
    assert lines[0] == "?person\t?name"
    assert '"Xu Liang"' in {line.split("\t")[1] for line in lines[1:]}


def test_serve_sparqlwrapper_ask_construct_describe(endpoint, graph_path):
    wrapper = SPARQLWrapper(endpoint)
    wrapper.setQuery("ASK { ?p a schema:Person ; rdfs:label 'Xu Liang' }")
    wrapper.setReturnFormat(JSON)
    assert wrapper.query().convert()["boolean"] is True

    for query in ("CONSTRUCT { ?s ?p ?o } WHERE { ?p a kgv:Relation . ?s ?p ?o }",
                  "DESCRIBE ent:Xu_Liang"):
        expected = _answers(run_query(graph_path, query))
        wrapper.setQuery(query)
        wrapper.setReturnFormat(TURTLE)
        assert graph_answers(wrapper.query().convert(), "turtle") == expected
        wrapper.setReturnFormat(N3)  # SPARQLWrapper asks for Turtle/N3 and parses it
        converted = wrapper.query().convert()
        assert graph_answers(converted, "turtle") == expected


@pytest.mark.parametrize(
    "accept, check",
    [
        (None, lambda body: json.loads(body)["head"]["vars"] == ["person", "name"]),
        ("application/sparql-results+json", lambda body: len(json.loads(body)["results"]
                                                            ["bindings"]) == 2),
        ("application/sparql-results+xml", lambda body: body.count(b"<result>") == 2),
        ("text/csv", lambda body: body.decode().splitlines()[0] == "person,name"),
        ("text/tab-separated-values", lambda body: body.decode().startswith("?person\t?name")),
        ("text/html,application/xhtml+xml,*/*;q=0.8", lambda body: json.loads(body)),
    ],
)
def test_serve_plain_http_get_and_post_negotiate_the_format(endpoint, accept, check):
    for status, media, body in (get(endpoint, PEOPLE, accept),
                                post(endpoint, {"query": PEOPLE}, accept)):
        assert status == 200, body
        assert check(body)
        if accept and "*/*" not in accept:
            assert media.startswith(accept)


def test_serve_sparql_query_body_and_graph_formats(endpoint, graph_path):
    query = "DESCRIBE ?p WHERE { ?p a schema:Person }"
    expected = _answers(run_query(graph_path, query))
    for accept, fmt in (("text/turtle", "turtle"), ("application/n-triples", "nt"),
                        ("application/rdf+xml", "xml")):
        status, media, body = http(endpoint, data=query.encode(), headers={
            "Content-Type": "application/sparql-query", "Accept": accept})
        assert status == 200, body
        assert media.startswith(accept)
        assert graph_answers(body, fmt) == expected


def test_serve_ask_in_every_result_format(endpoint):
    query = "ASK { ?p a schema:Person }"
    assert json.loads(get(endpoint, query)[2]) == {"head": {}, "boolean": True}
    assert b"<boolean>true</boolean>" in get(endpoint, query, "application/sparql-results+xml")[2]
    for accept in ("text/csv", "text/tab-separated-values"):
        status, _, body = get(endpoint, query, accept)
        assert status == 200 and b"true" in body


def test_serve_unacceptable_format_is_406(endpoint):
    status, _, body = get(endpoint, PEOPLE, "image/png")
    assert status == 406 and b"application/sparql-results+json" in body


def test_negotiate_prefers_quality_then_our_order():
    assert negotiate(None, RESULT_TYPES)[0] == "application/sparql-results+json"
    assert negotiate("text/*", RESULT_TYPES)[0] == "text/csv"
    assert negotiate("text/csv;q=0.2, */*;q=0.5", RESULT_TYPES)[0] == (
        "application/sparql-results+json")
    assert negotiate("application/json;q=0", RESULT_TYPES[4:5]) is None


# --- read-only, offline, errors --------------------------------------------------------------


@pytest.mark.parametrize("update", UPDATES)
def test_serve_refuses_updates_and_keeps_the_data(endpoint, graph_path, update):
    before_file = graph_path.read_bytes()
    before = triple_count(endpoint)
    requests = [
        post(endpoint, {"update": update}),
        post(endpoint, {"query": update}),
        get(endpoint, update),
        http(endpoint, data=update.encode(), headers={"Content-Type": "application/sparql-update"}),
        http(endpoint + "?" + urllib.parse.urlencode({"update": update})),
        http(endpoint.replace("/sparql", "/update"), data=urllib.parse.urlencode(
            {"update": update}).encode()),
    ]
    for status, _, body in requests:
        assert status == 403, body
        assert b"read-only" in body
    assert triple_count(endpoint) == before > 0
    assert graph_path.read_bytes() == before_file


def test_serve_refuses_service_and_from_without_connecting(endpoint, listener):  # noqa: F811
    target, hits = listener
    for query in (f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ ?s a schema:Person OPTIONAL {{ SERVICE SILENT <{target}> "
                  f"{{ ?s ?p ?o }} }} }}",
                  f"SELECT * FROM <{target}> WHERE {{ ?s ?p ?o }}"):
        for status, _, body in (get(endpoint, query), post(endpoint, {"query": query})):
            assert status == 403, body
    status, _, body = get(endpoint, PEOPLE, **{"default-graph-uri": target})
    assert status == 403, body
    assert hits == []


def test_serve_syntax_error_says_where_and_what(endpoint):
    status, media, body = get(endpoint, "SELECT ?x WHERE { ?x a schema:Person ")
    assert status == 400 and media.startswith("text/plain")
    text = body.decode()
    assert "line 1, column 37" in text and "end of the query" in text and "expected '}'" in text


def test_serve_refuses_foreign_host_names(endpoint):
    status, _, _ = http(endpoint + "?" + urllib.parse.urlencode({"query": PEOPLE}),
                        headers={"Host": "attacker.example"})
    assert status == 400


def test_serve_query_page_and_its_scripts_are_local(server):
    url = server[0].replace("sparql", "")
    status, media, page = http(url)
    assert status == 200 and media.startswith("text/html")
    text = page.decode()
    assert 'src="yasgui/yasgui.min.js"' in text and "http" not in text.split("<body>")[0]
    for asset in ("yasgui/yasgui.min.js", "yasgui/yasgui.min.css", "query.js"):
        status, _, body = http(url + asset)
        assert status == 200 and len(body) > 100, asset


# --- time limit, stopping ----------------------------------------------------------------------


def _until(condition, limit: float = REQUEST_LIMIT) -> bool:
    """Whether ``condition()`` holds within ``limit`` seconds (polled)."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_serve_stops_a_slow_query_at_the_time_limit(server):
    endpoint, process, _ = server
    started = time.monotonic()
    status, _, body = post(endpoint, {"query": SLOW})
    assert status == 503, body
    assert f"within {SERVER_TIMEOUT} s" in body.decode()
    assert time.monotonic() - started >= SERVER_TIMEOUT
    assert _until(lambda: grandchildren(process.pid) == [])  # the query's process is reaped
    assert len(children(process.pid)) == 1  # the worker holding the graph lives on
    assert triple_count(endpoint) > 0  # and the server still answers


#: Queries that took the old server's event loop for seconds each (rdflib's parser on many
#: VALUES; the token scan on a long run of name characters), and that run past the time limit
#: or fail once out of it.
#: The first is a long query over a cross product of four patterns: over the sample graph's
#: ~400 triples that is some 10^10 rows, far past the time limit on any machine (a product of
#: three, 7 * 10^7 rows, was counted in about 8 s: at the limit, so an idle machine answered).
PATHOLOGICAL = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } VALUES ?x { "
    + "1 " * 20000 + "}",
    "ASK { ?s ?p ?o } " + "a." * 30000,
]
#: Far below what either query held the old event loop for (tens of seconds on the shared
#: 2-core machine), far above a quick answer even on a busy one.
QUICK = 5.0


def _send_post(endpoint: str, form: dict[str, str]) -> socket.socket:
    """POST ``form`` to ``endpoint`` over a raw connection, without waiting for the answer."""
    url = urllib.parse.urlsplit(endpoint)
    body = urllib.parse.urlencode(form).encode()
    connection = socket.create_connection((url.hostname, url.port), timeout=REQUEST_LIMIT)
    connection.sendall(
        f"POST {url.path} HTTP/1.1\r\nHost: {url.hostname}\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
        f"Connection: close\r\n\r\n".encode() + body)
    return connection


def _status(connection: socket.socket) -> int:
    """The status of the answer on ``connection`` (read to its end)."""
    with connection:
        data = b"".join(iter(lambda: connection.recv(1 << 16), b""))
    return int(data.split(b" ", 2)[1])


@pytest.mark.parametrize("index", range(len(PATHOLOGICAL)))
def test_serve_a_pathological_query_does_not_stall_other_requests(server, index):
    endpoint = server[0]
    slow = _send_post(endpoint, {"query": PATHOLOGICAL[index]})  # sent whole before the next
    started = time.monotonic()
    status, _, body = get(endpoint, "ASK { ?s a schema:Person }")
    waited = time.monotonic() - started
    assert status == 200 and json.loads(body)["boolean"] is True
    assert waited < QUICK, f"a quick query waited {waited:.1f} s"
    assert _status(slow) in (400, 503)


def test_serve_exits_cleanly_on_sigint_during_a_query(graph_path):
    with kg_serve(graph_path) as (url, process, output):
        endpoint = url + "sparql"
        answers: list = []
        thread = threading.Thread(target=lambda: answers.append(post(endpoint, {"query": SLOW})))
        thread.start()
        assert _until(lambda: grandchildren(process.pid) != [], START_LIMIT), (
            "the slow query never started")
        processes = children(process.pid) + grandchildren(process.pid)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=REQUEST_LIMIT) == 0
        assert _until(lambda: not [pid for pid in processes if Path(f"/proc/{pid}").exists()],
                      10.0)
        thread.join(REQUEST_LIMIT)
    assert answers and answers[0][0] == 503
    assert "stopped" in "".join(output)
    assert "Traceback" not in "".join(output)


def test_make_app_takes_settings_or_the_same_keywords(graph_path):
    from export.serve import ServeSettings, make_app
    from export.sparql import SparqlGraph

    with SparqlGraph(graph_path) as graph:
        by_keywords = make_app(graph, timeout=5, title="t", allowed_hosts=("localhost",))
        assert by_keywords.state.endpoint.settings == ServeSettings(
            timeout=5, title="t", allowed_hosts=("localhost",))
        merged = make_app(graph, ServeSettings(title="t", max_queries=2), timeout=3)
        assert merged.state.endpoint.settings == ServeSettings(timeout=3, title="t",
                                                               max_queries=2)
        with pytest.raises(TypeError, match="timeot"):
            make_app(graph, timeot=3)
    with SparqlGraph(graph_path, engine="rdflib") as graph:
        with pytest.raises(ValueError, match="oxigraph"):
            make_app(graph)
