"""Read-only SPARQL over a kg graph, in rdflib or pyoxigraph, with the same answers.

Queries are checked before they run: only SELECT, ASK, CONSTRUCT and DESCRIBE are accepted
(updates are refused), ``SERVICE`` and ``FROM``/``FROM NAMED`` are refused (they would reach
the network), and syntax errors are reported with their line and column. The project's
prefixes (``kgv``, ``kg``, ``ent``, ``rel``, ``doc``) and the usual ones (``rdf``, ``rdfs``,
``skos``, ``schema``, ``prov``, ``dcterms``, ``xsd``) are predeclared.

>>> from kg.model import KnowledgeGraph
>>> run_query(KnowledgeGraph(), "ASK { ?s a schema:Person }").boolean
False
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.evaluate import evalPart
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query, QueryContext
from rdflib.term import Node, Variable

from export.namespaces import KGV, prefixes
from export.rdf import (
    _OXIGRAPH_FORMATS,
    DEFAULT_BASE,
    graph_base,
    parse_rdf,
    read_checked,
    reading_format,
    serialize_rdf,
    to_rdf,
)
from kg.errors import GraphReadError, QueryError
from kg.model import KnowledgeGraph

__all__ = ["ENGINES", "FORMATS", "QueryResult", "check_query", "run_query", "format_result"]

#: Query engines: rdflib (pure Python) and pyoxigraph (Rust; faster on large graphs).
ENGINES = ("rdflib", "oxigraph")

#: Output formats of :func:`format_result`.
FORMATS = ("table", "csv", "tsv", "json")


@dataclass
class QueryResult:
    """The answer to a query, independent of the engine that computed it.

    Attributes:
        kind: ``"SELECT"``, ``"ASK"``, ``"CONSTRUCT"`` or ``"DESCRIBE"``.
        variables: Projected variable names (SELECT), in order.
        rows: One tuple of rdflib terms (None when unbound) per solution (SELECT).
        boolean: The answer of an ASK query.
        graph: The triples of a CONSTRUCT or DESCRIBE query.
        namespaces: Prefix -> IRI, used to shorten IRIs in tables.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    namespaces: dict[str, str] = field(default_factory=dict)

    def __len__(self) -> int:
        if self.kind == "SELECT":
            return len(self.rows)
        if self.graph is not None:
            return len(self.graph)
        return int(bool(self.boolean))

    def __iter__(self) -> Iterator[Any]:
        if self.graph is not None:
            return iter(sorted(self.graph))
        return iter(self.rows)


# --------------------------------------------------------------------------------------------
# checking


def _walk(node: Any) -> Iterator[CompValue]:
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _walk(value)


def _position(query: str, err: Any) -> str:
    line = getattr(err, "lineno", None)
    col = getattr(err, "col", None)
    if line is None or col is None:
        return ""
    text = query.splitlines()[line - 1] if 0 < line <= len(query.splitlines()) else ""
    near = text[col - 1 : col + 19].strip()
    return f" at line {line}, column {col}" + (f" (near {near!r})" if near else "")


_OX_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)


def _oxigraph_diagnosis(query: str) -> str:
    """Oxigraph's more precise syntax message, as ``at line L, column C: ...`` (or "").

    Only asked when rdflib already rejected the query, against an empty in-memory store, and
    never for text that mentions SERVICE, so nothing can run or reach the network.
    """
    if re.search(r"service", query, re.IGNORECASE):
        return ""
    try:
        ox.Store().query(query)
    except SyntaxError as err:
        found = _OX_POSITION.match(str(err))
        if not found:
            return ""
        line, col, message = found.groups()
        message = " ".join(message.split())
        if len(message) > 120:
            message = message[:117] + "..."
        text = query.splitlines()[int(line) - 1] if 0 < int(line) <= len(query.splitlines()) else ""
        near = text[max(int(col) - 11, 0) : int(col) + 9].strip()
        return f"at line {line}, column {col}" + (f" (near {near!r})" if near else "") + f": {message}"
    except Exception:  # noqa: BLE001 - a diagnosis only
        return ""
    return ""


def check_query(query: str, *, base: str = DEFAULT_BASE) -> Query:
    """Parse ``query`` with the predeclared prefixes and refuse anything not read-only.

    Returns:
        The translated rdflib query.

    Raises:
        QueryError: Malformed (with line and column), an update, ``SERVICE`` or ``FROM``.

    >>> check_query("SELECT ?s WHERE { ?s a schema:Person }").algebra.name
    'SelectQuery'
    """
    if not isinstance(query, str) or not query.strip():
        raise QueryError("the query is empty")
    try:
        parsed = parseQuery(query)
    except Exception as err:  # pyparsing.ParseException and friends
        try:
            parseUpdate(query)
        except Exception:  # noqa: BLE001 - not an update either: report the query error
            pass
        else:
            raise QueryError(
                "SPARQL updates (INSERT, DELETE, LOAD, CLEAR, ...) are not allowed: kg query is "
                "read-only; use SELECT, ASK, CONSTRUCT or DESCRIBE"
            ) from err
        located = _oxigraph_diagnosis(query)
        if located:
            raise QueryError(f"malformed SPARQL {located}") from err
        message = str(getattr(err, "msg", err)).strip() or type(err).__name__
        raise QueryError(f"malformed SPARQL{_position(query, err)}: {message}") from err
    initial = {name: str(ns) for name, ns in prefixes(base).items()}
    try:
        translated = translateQuery(parsed, initNs=initial)
    except Exception as err:  # unknown prefix, bad aggregate use, ...
        raise QueryError(f"malformed SPARQL: {err}") from err
    for node in _walk(translated.algebra):
        if node.name == "ServiceGraphPattern":
            raise QueryError(
                f"SERVICE <{dict.get(node, 'term')}> is refused: kg query never calls other endpoints "
                f"or the network"
            )
        if dict.get(node, "datasetClause"):
            raise QueryError(
                "FROM and FROM NAMED are refused: the query runs over the given graph only "
                "(and loading other graphs could reach the network)"
            )
    return translated


# --------------------------------------------------------------------------------------------
# running


def _kind(translated: Query) -> str:
    return translated.algebra.name.replace("Query", "").upper()


def _from_ox(term: Any) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise QueryError(f"unsupported RDF term in a result: {term!r}")


def _to_ox(term: Node) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _store_from_rdflib(dataset: Dataset) -> ox.Store:
    store = ox.Store()
    default = dataset.default_graph.identifier
    quads = []
    for s, p, o, g in dataset.quads((None, None, None, None)):
        graph_id = getattr(g, "identifier", g)
        name = ox.DefaultGraph() if graph_id in (None, default) else _to_ox(graph_id)
        quads.append(ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), name))
    store.extend(quads)
    return store


def _store_from_file(path: str | os.PathLike[str]) -> ox.Store:
    name = reading_format(path)
    ox_name = _OXIGRAPH_FORMATS.get(name)
    if ox_name is None:  # a format only rdflib reads (TriX, HexTuples)
        return _store_from_rdflib(parse_rdf(path))
    data = read_checked(path, name)
    store = ox.Store()
    try:
        store.load(data, format=getattr(ox.RdfFormat, ox_name))
    except SyntaxError as err:
        raise GraphReadError(f"{path}: malformed {name} RDF: {err}") from err
    return store


def _ox_base(store: ox.Store) -> str:
    found = sorted(
        q.subject.value
        for q in store.quads_for_pattern(
            None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(KGV.KnowledgeGraph)), None
        )
    )
    return found[0] if found else DEFAULT_BASE


def run_query(
    source: str | Path | KnowledgeGraph,
    query: str,
    *,
    engine: str = "rdflib",
) -> QueryResult:
    """Run a read-only SPARQL query over a graph file or an in-memory graph.

    The default graph of the query is the union of every graph in the file, so the same query
    works on Turtle and on TriG/N-Quads exports.

    Args:
        source: Path of an RDF file (any format kg reads), or a :class:`KnowledgeGraph`.
        query: SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE; the kg prefixes are predeclared.
        engine: ``"rdflib"`` or ``"oxigraph"``.

    Raises:
        QueryError: The query is malformed or not allowed.
        GraphReadError: The file cannot be read as RDF.
        ValueError: Unknown engine.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown query engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if isinstance(query, str) is False:
        raise TypeError(f"query must be a string, not {type(query).__name__}")

    if engine == "rdflib":
        if isinstance(source, KnowledgeGraph):
            dataset = to_rdf(source, base=source.graph.get("base", DEFAULT_BASE))
        else:
            dataset = parse_rdf(source)
        base = graph_base(dataset)
        translated = check_query(query, base=base)
        uses_graphs = any(node.name == "Graph" for node in _walk(translated.algebra))
        # rdflib evaluates over a Dataset far more slowly than over a Graph: use the union
        # graph unless the query names graphs (GRAPH ?g { ... }).
        target = dataset if uses_graphs else _union_graph(dataset)
        return _star_order(query, _run_rdflib(target, translated, base))

    if isinstance(source, KnowledgeGraph):
        store = _store_from_rdflib(to_rdf(source, base=source.graph.get("base", DEFAULT_BASE)))
    else:
        store = _store_from_file(source)
    base = _ox_base(store)
    translated = check_query(query, base=base)
    return _star_order(query, _run_oxigraph(store, query, _kind(translated), base))


def _union_graph(dataset: Dataset) -> Graph:
    union = Graph()
    for prefix, namespace in dataset.namespaces():
        union.bind(prefix, namespace, override=True, replace=True)
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _star_order(query: str, result: QueryResult) -> QueryResult:
    """Columns of ``SELECT *`` in order of first appearance in the query, in both engines
    (rdflib and oxigraph each pick their own order otherwise)."""
    if result.kind != "SELECT":
        return result
    try:
        select = parseQuery(query)[1]
    except Exception:  # noqa: BLE001 - already parsed once by check_query
        return result
    if dict.get(select, "projection") is not None:
        return result

    def first(var: str) -> tuple[int, str]:
        found = re.search(r"[?$]" + re.escape(var) + r"(?![\w\u00b7\u0300-\u036f])", query)
        return (found.start() if found else len(query), var)

    order = sorted(result.variables, key=first)
    if order == result.variables:
        return result
    position = [result.variables.index(v) for v in order]
    result.rows = [tuple(row[i] for i in position) for row in result.rows]
    result.variables = order
    return result


def _namespaces(base: str) -> dict[str, str]:
    return {name: str(ns) for name, ns in prefixes(base).items()}


def _describe_rdflib(dataset: Graph, translated: Query) -> Graph:
    """DESCRIBE as oxigraph answers it: every triple whose subject is a described resource,
    following blank-node objects. (rdflib's own DESCRIBE adds reifications and describes every
    bound variable, not only the projected ones.)"""
    algebra = translated.algebra
    resources: set[Node] = {term for term in algebra.PV if isinstance(term, URIRef)}
    variables = [term for term in algebra.PV if isinstance(term, Variable)]
    if algebra.p is not None:
        ctx = QueryContext(dataset, initBindings={}, datasetClause=None)
        ctx.prologue = translated.prologue
        for binding in evalPart(ctx, algebra.p):
            resources.update(binding[v] for v in variables if binding.get(v) is not None)
    graph = Graph()
    todo = [r for r in resources if not isinstance(r, Literal)]
    seen = set(todo)
    while todo:
        resource = todo.pop()
        for triple in dataset.triples((resource, None, None)):
            graph.add(triple)
            if isinstance(triple[2], BNode) and triple[2] not in seen:
                seen.add(triple[2])
                todo.append(triple[2])
    return graph


def _run_rdflib(dataset: Graph, translated: Query, base: str) -> QueryResult:
    kind = _kind(translated)
    if kind == "DESCRIBE":
        try:
            graph = _describe_rdflib(dataset, translated)
        except Exception as err:  # noqa: BLE001 - evaluation errors come in many types
            raise QueryError(f"the query failed in rdflib: {err}") from err
        _bind(graph, base)
        return QueryResult(kind, graph=graph, namespaces=_namespaces(base))
    try:
        result = dataset.query(translated)
        if kind == "SELECT":
            variables = [str(v) for v in result.vars or []]
            rows = [tuple(row) for row in result]
            return QueryResult(kind, variables, rows, namespaces=_namespaces(base))
        if kind == "ASK":
            return QueryResult(kind, boolean=bool(result.askAnswer), namespaces=_namespaces(base))
        graph = Graph()
        for triple in result:
            graph.add(triple)
    except QueryError:
        raise
    except Exception as err:  # evaluation errors surface as many exception types
        raise QueryError(f"the query failed in rdflib: {err}") from err
    _bind(graph, base)
    return QueryResult(kind, graph=graph, namespaces=_namespaces(base))


def _run_oxigraph(store: ox.Store, query: str, kind: str, base: str) -> QueryResult:
    try:
        result = store.query(
            query, prefixes=_namespaces(base), use_default_graph_as_union=True
        )
        if kind == "SELECT":
            variables = [v.value for v in result.variables]
            rows = [tuple(_from_ox(solution[v]) for v in variables) for solution in result]
            return QueryResult(kind, variables, rows, namespaces=_namespaces(base))
        if kind == "ASK":
            return QueryResult(kind, boolean=bool(result), namespaces=_namespaces(base))
        graph = Graph()
        for triple in result:
            graph.add((_from_ox(triple.subject), _from_ox(triple.predicate),
                       _from_ox(triple.object)))
    except SyntaxError as err:
        raise QueryError(f"malformed SPARQL (oxigraph): {err}") from err
    except (OSError, ValueError, TypeError) as err:
        raise QueryError(f"the query failed in oxigraph: {err}") from err
    _bind(graph, base)
    return QueryResult(kind, graph=graph, namespaces=_namespaces(base))


def _bind(graph: Graph, base: str) -> None:
    for name, ns in prefixes(base).items():
        graph.bind(name, ns, override=True, replace=True)


# --------------------------------------------------------------------------------------------
# formatting


def _compact(term: URIRef, namespaces: dict[str, str]) -> str:
    text = str(term)
    best = ""
    for name, ns in namespaces.items():
        if text.startswith(ns) and len(ns) > len(namespaces.get(best, "")):
            local = text[len(ns):]
            if local and all(c.isalnum() or c in "_-." for c in local) and local[-1] != ".":
                best = name
    if best:
        return f"{best}:{text[len(namespaces[best]):]}"
    return f"<{text}>"


def _cell(term: Node | None, namespaces: dict[str, str]) -> str:
    """How a term reads in an aligned table: short IRIs, bare literal text, escaped controls."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = _compact(term, namespaces)
    elif isinstance(term, BNode):
        text = f"_:{term}"
    elif isinstance(term, Literal) and term.language:
        text = f"{term}@{term.language}"
    else:
        text = str(term)
    return "".join(
        c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii")
        for c in text
    )


def _width(text: str) -> int:
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def _table(header: list[str], rows: list[list[str]]) -> str:
    if not header:
        return ""
    widths = [_width(h) for h in header]
    for row in rows:
        widths = [max(w, _width(c)) for w, c in zip(widths, row)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out.extend(line(row) for row in rows)
    return "\n".join(out) + "\n"


_SHORT_TYPES = {XSD.integer, XSD.decimal, XSD.double, XSD.boolean}
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _nt(term: Node | None) -> str:
    """A term as SPARQL TSV writes it: Turtle syntax on one line, short numbers and booleans."""
    if term is None:
        return ""
    if not isinstance(term, Literal):
        return term.n3()
    if term.datatype in _SHORT_TYPES and not term.ill_typed:
        short = term._literal_n3(use_plain=True)
        if "^^" not in short and '"' not in short:
            return short
    text = '"' + str(term).translate(_TSV_ESCAPES) + '"'
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype is not None and term.datatype != XSD.string:
        return f"{text}^^<{term.datatype}>"
    return text


def _csv_value(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    value: dict[str, str] = {"type": "literal", "value": str(term)}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype != XSD.string:
        value["datatype"] = str(term.datatype)
    return value


def _delimited(header: list[str], rows: list[list[str]], delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def format_result(result: QueryResult, fmt: str) -> str:
    """Render a result as ``table`` (aligned text), ``csv``, ``tsv`` or ``json``.

    SELECT and ASK follow the W3C SPARQL 1.1 CSV/TSV and JSON result formats; CONSTRUCT and
    DESCRIBE graphs print as Turtle (table), ``subject,predicate,object`` rows (csv/tsv) or
    JSON-LD (json).

    >>> print(format_result(QueryResult("ASK", boolean=True), "json"), end="")
    {"head": {}, "boolean": true}
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown result format {fmt!r}; choose one of {', '.join(FORMATS)}")
    ns = result.namespaces
    if result.kind == "ASK":
        answer = bool(result.boolean)
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": answer}) + "\n"
        if fmt in ("csv", "tsv"):
            return ("_askResult\r\n" if fmt == "csv" else "?_askResult\n") + (
                ("true" if answer else "false") + ("\r\n" if fmt == "csv" else "\n")
            )
        return "yes\n" if answer else "no\n"

    if result.kind in ("CONSTRUCT", "DESCRIBE"):
        graph = result.graph if result.graph is not None else Graph()
        triples = sorted(graph)
        if fmt == "table":
            return serialize_rdf(_as_dataset(graph), "turtle").decode("utf-8")
        if fmt == "json":
            return serialize_rdf(_as_dataset(graph), "json-ld").decode("utf-8")
        header = ["subject", "predicate", "object"]
        if fmt == "csv":
            return _delimited(header, [[_csv_value(t) for t in row] for row in triples], ",")
        return "\n".join(["?subject\t?predicate\t?object"] + [
            "\t".join(_nt(t) for t in row) for row in triples
        ]) + "\n"

    variables = result.variables
    if fmt == "json":
        bindings = [
            {var: _json_term(term) for var, term in zip(variables, row) if term is not None}
            for row in result.rows
        ]
        return json.dumps(
            {"head": {"vars": variables}, "results": {"bindings": bindings}},
            ensure_ascii=False, indent=2,
        ) + "\n"
    if fmt == "csv":
        return _delimited(variables, [[_csv_value(t) for t in row] for row in result.rows], ",")
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines.extend("\t".join(_nt(t) for t in row) for row in result.rows)
        return "\n".join(lines) + "\n"
    return _table(variables, [[_cell(t, ns) for t in row] for row in result.rows])


def _as_dataset(graph: Graph) -> Dataset:
    dataset = Dataset(default_union=True)
    for name, ns in graph.namespaces():
        dataset.bind(name, ns, override=True, replace=True)
    for triple in graph:
        dataset.default_graph.add(triple)
    return dataset
