"""The read-only, offline check of a query (export.sparql.vet), against Oxigraph as the oracle.

Every hostile query below is one Oxigraph would run (most of them contact the local listener
when run unchecked, which the tests verify): the check must refuse each one, whatever its
spelling, nesting, comments, strings or escapes. Harmless queries that merely mention
"service" or "from" in strings, IRIs, comments, variables or local names must pass.
"""

from __future__ import annotations

import socket
import threading
import time

import pyoxigraph as ox
import pytest

from export.sparql.vet import query_form, selects_star, vet_query, vet_request
from export.sparql.tokens import tokens
from kg.errors import QueryError, QueryNotAllowedError

E = "http://e.org/"


class Listener:
    """A local TCP port that counts connection attempts. Each connection is counted, then
    closed: the client sees the reset only after it was counted, so no test waits."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(100)
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}/sparql"
        self.count = 0
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:  # closed
                return
            self.count += 1
            conn.close()

    def close(self) -> None:
        self.server.shutdown(socket.SHUT_RDWR)
        self.server.close()
        self.thread.join()


@pytest.fixture(scope="module")
def listener():
    listening = Listener()
    yield listening
    listening.close()


@pytest.fixture(scope="module")
def store():
    """Every triple pattern of the hostile queries matches, so a SERVICE after it is called."""
    store = ox.Store()
    for s, p, o in [("a", "p", "o"), ("o.SERVICE", "p", "o"), ("a", "p", "service")]:
        store.add(ox.Quad(ox.NamedNode(E + s), ox.NamedNode(E + p), ox.NamedNode(E + o),
                          ox.NamedNode(E + "g")))
    store.add(ox.Quad(ox.NamedNode(E + "a"), ox.NamedNode(E + "p"), ox.Literal(True)))
    store.add(ox.Quad(ox.NamedNode(E + "a"), ox.NamedNode(E + "p"), ox.Literal(1)))
    return store


def _connects(store, listener, query: str) -> bool:
    """Whether Oxigraph, running ``query`` unchecked, tries to reach the listener."""
    before = listener.count
    try:
        result = store.query(query, prefixes={"ex": E, "": listener.url + "#", "services": E},
                             use_default_graph_as_union=True)
        if not isinstance(result, ox.QueryBoolean):
            list(result)
    except SyntaxError:
        return False
    except (OSError, RuntimeError):  # the listener never answers
        pass
    return listener.count > before


def _service(u: str) -> list[str]:
    iri = f"<{u}>"
    return [
        f"SELECT * WHERE {{ SERVICE {iri} {{ ?s ?p ?o }} }}",
        f"select * where {{ service {iri} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SeRvIcE SILENT {iri} {{ ?s ?p ?o }} }}",
        f"SELECT*WHERE{{SERVICE{iri}{{?s ?p ?o}}}}",
        f"SELECT * WHERE {{ ?s ?p ?o .SERVICE {iri} {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE {iri} {{ ?a ?b ?c }} }} }}",
        f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE {iri} {{ ?a ?b ?c }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE {iri} {{ ?a ?b ?c }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE {iri} {{ ?a ?b ?c }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ SERVICE {iri} {{ ?a ?b ?c }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE {iri} {{ ?a ?b ?c }} }} }} }}",
        f"SELECT * WHERE {{ GRAPH ?g {{ ?s ?p ?o }} SERVICE {iri} {{ ?a ?b ?c }} }}",
        f"ASK {{ ?s ?p ?o SERVICE {iri} {{ ?a ?b ?c }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o SERVICE {iri} {{ ?a ?b ?c }} }}",
        f"DESCRIBE ?s WHERE {{ ?s ?p ?o SERVICE {iri} {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ BIND(1 AS ?x) SERVICE {iri} {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o # SERVICE in a comment\n SERVICE {iri} {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ ?s ?p 'SERVICE # not a comment' . SERVICE {iri} {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ ?s ?p <{E}#>SERVICE {iri} {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ ?s ?p ex:o\\#x . SERVICE {iri} {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ ?s ?p ex:o\\' . SERVICE {iri} {{ ?a ?b ?c }} ?s ?p 'x' }}",
        f"SELECT * WHERE {{ ?s ?p '''x'SERVICE''' . SERVICE {iri} {{ ?a ?b ?c }} }}",
        f'SELECT * WHERE {{ ?s ?p "x\\"" . SERVICE {iri} {{ ?a ?b ?c }} }}',
        f"SELECT * WHERE {{ ?s ?p ?o SERVICE ?s {{ ?a ?b ?c }} VALUES ?s {{ {iri} }} }}",
        "SELECT * WHERE { SERVICE:x { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE SILENT:x { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p true SERVICE :x { ?a ?b ?c } }",
        "SELECT * WHERE { ?s ?p trueSERVICE :x { ?a ?b ?c } }",
        "SELECT * WHERE { ?s ?p 1SERVICE :x { ?a ?b ?c } }",
        "SELECT * WHERE { ?s ?p ?o.SERVICE:x{?a ?b ?c} }",
        "SELECT * WHERE { ?s ?p ?o SERVICEservices:o { ?a ?b ?c } }",
        "SELECT * WHERE { ?s ?p ?o SERVICESILENT:x { ?a ?b ?c } }",
        "SELECT * WHERE { \\u0053ERVICE :x { ?s ?p ?o } }",
        "SELECT * WHERE { SERVIC\\u0045 :x { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p 'a\\u0027 . SERVICE :x { ?a ?b ?c } ?s ?p \\u0027' }",
    ]


FROMS = [
    f"SELECT * FROM <{E}g> WHERE {{ ?s ?p ?o }}",
    f"SELECT * FROM NAMED <{E}g> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    f"select * from<{E}g>where{{?s ?p ?o}}",
    "SELECT * FROM:g WHERE { ?s ?p ?o }",
    "SELECT * FROMNAMED:g WHERE { ?s ?p ?o }",
    f"ASKFROM<{E}g>{{ ?s ?p ?o }}",
    f"ASK FROM <{E}g> {{ ?s ?p ?o }}",
    f"CONSTRUCT {{ ?s ?p ?o }} FROM <{E}g> WHERE {{ ?s ?p ?o }}",
    f"DESCRIBE ?s FROM <{E}g> WHERE {{ ?s ?p ?o }}",
    f"SELECT * # comment\nFROM <{E}g> WHERE {{ ?s ?p ?o }}",
    f"SELECT * \\u0046ROM <{E}g> WHERE {{ ?s ?p ?o }}",
]

UPDATES = [
    "INSERT DATA { <http://e.org/a> <http://e.org/b> <http://e.org/c> }",
    "insert data { <http://e.org/a> <http://e.org/b> <http://e.org/c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE DATA { <http://e.org/a> <http://e.org/b> <http://e.org/c> }",
    "LOAD <http://127.0.0.1:9/x.ttl>",
    "LOAD SILENT <http://127.0.0.1:9/x.ttl> INTO GRAPH <http://e.org/g>",
    "CLEAR ALL",
    "clear default",
    "DROP GRAPH <http://e.org/g>",
    "CREATE GRAPH <http://e.org/g>",
    "ADD DEFAULT TO <http://e.org/g>",
    "MOVE DEFAULT TO <http://e.org/g>",
    "COPY DEFAULT TO <http://e.org/g>",
    "WITH <http://e.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://e.org/> INSERT { ?s ex:p 1 } WHERE { ?s ?p ?o }",
    "# INSERT in a comment first\nBASE <http://e.org/> CLEAR ALL",
    "SELECT * WHERE { ?s ?p ?o } ; INSERT DATA { <http://e.org/a> <http://e.org/b> 1 }",
]

HARMLESS = [
    ("SELECT ?service WHERE { ?service ?p ?o }", "SELECT"),
    ("SELECT ?s WHERE { ?s ?p 'SERVICE <http://127.0.0.1:9/> { ?a ?b ?c }' }", "SELECT"),
    ('SELECT ?s WHERE { ?s ?p """FROM <http://e.org/g> SERVICE""" }', "SELECT"),
    ("SELECT ?s WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/> FROM <x>", "SELECT"),
    ("SELECT ?s WHERE { ?s ?p <http://e.org/service/from> }", "SELECT"),
    ("SELECT ?s WHERE { ?s a ex:Service ; ex:from ex:o.SERVICE }", "SELECT"),
    ("SELECT ?s WHERE { ?s ?p 'x'@service }", "SELECT"),
    ("SELECT ?s WHERE { _:from ?p ?s }", "SELECT"),
    ("SELECT ?s WHERE { ?s ex:insert ?o ; ex:delete ?d }", "SELECT"),
    ("PREFIX service2: <http://e.org/> ASK { ?s ?p ?o }", "ASK"),
    ("construct { ?s ?p ?o } where { ?s ?p ?o }", "CONSTRUCT"),
    ("BASE <http://e.org/> PREFIX ex: <x#> DESCRIBE ex:from", "DESCRIBE"),
    ("SELECT ?s WHERE { ?s ?p ?o FILTER(?o != 'a\\'SERVICE') }", "SELECT"),
]


@pytest.mark.parametrize("index", range(len(_service("u"))))
def test_vet_refuses_every_form_of_service(store, listener, index):
    query = _service(listener.url)[index]
    with pytest.raises(QueryNotAllowedError, match="SERVICE"):
        vet_query(query)


def test_hostile_service_queries_do_reach_the_network_unchecked(store, listener):
    """The hostile list is meaningful: Oxigraph, unchecked, calls out for most of them."""
    queries = _service(listener.url)
    reached = [q for q in queries if _connects(store, listener, q)]
    assert len(reached) >= len(queries) * 2 // 3, [q for q in queries if q not in reached]


@pytest.mark.parametrize("query", FROMS)
def test_vet_refuses_every_form_of_from(query):
    with pytest.raises(QueryNotAllowedError, match="FROM"):
        vet_query(query)


@pytest.mark.parametrize("query", UPDATES)
def test_vet_refuses_updates(query):
    with pytest.raises(QueryNotAllowedError, match="read-only"):
        vet_query(query)


@pytest.mark.parametrize("query, form", HARMLESS)
def test_vet_lets_harmless_mentions_pass(store, listener, query, form):
    assert vet_query(query) == form
    assert not _connects(store, listener, query)


def test_vet_refuses_a_prefix_that_reads_as_service():
    with pytest.raises(QueryNotAllowedError, match="'services:o' at line 1, column 27 reads as"):
        vet_query("SELECT * WHERE { ?s ?p ?o services:o ?x ?y }")


def test_vet_empty_query():
    for query in ("", "   \n", "# only a comment"):
        if query.strip():
            assert vet_query(query) == ""  # the parser says what is missing
        else:
            with pytest.raises(QueryError, match="empty"):
                vet_query(query)


def test_query_form_and_select_star():
    assert query_form("PREFIX a: <x:> BASE <y:> select ?x {}") == "SELECT"
    assert query_form("SELEC ?x {}") == ""
    assert selects_star("PREFIX a: <x:> SELECT REDUCED * {}")
    assert not selects_star("SELECT (COUNT(*) AS ?n) {}")
    assert not selects_star("ASK { { SELECT * {} } }")


def test_tokens_keep_strings_iris_and_escapes_whole():
    query = ("SELECT * { ?s ex:a\\'b 'it''s' ; ex:c <http://e.org/#'> ; ex:d '''a''b''' ; "
             "ex:e \"\\\"\" ; ex:f 'x'@en-GB--ltr ; ex:g _:b.1 ; ex:h 1.5e3 }")
    found = [(t.kind, t.text) for t in tokens(query)]
    assert ("pname", "ex:a\\'b") in found
    assert ("literal", "'it'") in found and ("literal", "'s'") in found
    assert ("iri", "<http://e.org/#'>") in found
    assert ("literal", "'''a''b'''") in found
    assert ("literal", '"\\""') in found
    assert ("langtag", "@en-GB--ltr") in found
    assert ("bnode", "_:b.1") in found
    assert ("number", "1.5e3") in found
    unclosed = list(tokens("SELECT * { ?s ?p 'abc }"))
    assert unclosed[-1].kind == "unclosed" and unclosed[-1].text == "'abc }"


def test_tokens_scan_a_long_run_of_name_characters_once():
    """A run of name characters with no ``:`` after it cannot start a prefixed name anywhere:
    it is read once, not again from each position (which took 4 s on 16 kB of ``a.a.a...``,
    growing with the square of the length: hours for the megabyte ``kg serve`` accepts). The
    bound is a hundred times what the linear scan needs on a busy machine; the old scan
    needed ten minutes here."""
    query = "ASK { ?s ?p ?o } " + "a." * 100_000
    started = time.perf_counter()
    found = list(tokens(query))
    assert time.perf_counter() - started < 60
    assert [t.text for t in found[-4:]] == ["a", ".", "a", "."] and len(found) == 200_006


def _spellings(word: str) -> list[str]:
    """``word`` as written, in lower case, capitalised, and with its first letter escaped."""
    return [word, word.lower(), word.capitalize(), f"\\u{ord(word[0]):04X}{word[1:]}"]


SEPARATORS = [" ", "\n", "\t# a comment\n", "  "]


def _hostile_variants() -> list[str]:
    """Updates, SERVICE and FROM in every spelling and with every separator."""
    found = []
    for sep in SEPARATORS:
        for service in _spellings("SERVICE"):
            for target in ("<http://127.0.0.1:9/sparql>", "SILENT <http://127.0.0.1:9/>",
                           "ex:endpoint", "?endpoint"):
                found.append(f"PREFIX ex: <http://e.org/>{sep}SELECT * WHERE {{ ?s ?p ?o{sep}"
                             f"{service}{sep}{target}{sep}{{ ?a ?b ?c }} }}")
        for from_ in _spellings("FROM"):
            for named in ("", "NAMED "):
                found.append(f"SELECT *{sep}{from_}{sep}{named}<http://e.org/g>{sep}"
                             f"WHERE {{ ?s ?p ?o }}")
        for update in ("INSERT DATA { <http://e.org/a> <http://e.org/b> 1 }",
                       "DELETE WHERE { ?s ?p ?o }", "LOAD <http://127.0.0.1:9/x.ttl>",
                       "CLEAR ALL", "DROP GRAPH <http://e.org/g>", "CREATE GRAPH <http://e.org/g>",
                       "ADD DEFAULT TO <http://e.org/g>", "MOVE DEFAULT TO <http://e.org/g>",
                       "COPY DEFAULT TO <http://e.org/g>",
                       "WITH <http://e.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"):
            first, rest = update.split(" ", 1)
            for spelled in _spellings(first):
                found.append(f"PREFIX ex: <http://e.org/>{sep}{spelled}{sep}{rest}")
    return found


def _rdflib_would_run(query: str) -> bool:
    """Whether rdflib, unchecked, reads ``query`` as an update or as a query that calls
    another endpoint or names another dataset."""
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    from export.sparql.syntax import walk

    try:
        algebra = translateQuery(parseQuery(query)).algebra
    except Exception:  # noqa: BLE001 - not a query rdflib reads: maybe an update
        try:
            return bool(parseUpdate(query).request)
        except Exception:  # noqa: BLE001 - neither
            return False
    return any(node.name == "ServiceGraphPattern" or dict.get(node, "datasetClause")
               for node in walk(algebra))


def test_vet_refuses_whatever_rdflib_would_run_as_an_update_service_or_from():
    """The rdflib engine has no check of its own after :func:`vet_query` (one refusal path):
    every hostile spelling rdflib reads as an update, a SERVICE or a FROM is refused by it."""
    variants = _hostile_variants()
    dangerous = [query for query in variants if _rdflib_would_run(query)]
    assert len(dangerous) >= len(variants) // 2  # the list means something to rdflib
    for query in dangerous:
        with pytest.raises(QueryNotAllowedError):
            vet_query(query)


def test_vet_request_refuses_updates_and_other_datasets_by_protocol():
    vet_request(["query"])
    for names, update in ((["update"], False), (["query"], True),
                          (["query", "default-graph-uri"], False), (["named-graph-uri"], False)):
        with pytest.raises(QueryNotAllowedError, match="read-only|given graph only"):
            vet_request(names, update=update)
