"""The answer to a SPARQL query, whichever engine computed it, and its text forms.

:class:`QueryResult` holds rdflib terms; :func:`format_result` writes it as an aligned table
(IRIs shortened by the graph's prefixes, control characters escaped), or in the W3C SPARQL 1.1
CSV, TSV and JSON result formats (Turtle, rows or JSON-LD for CONSTRUCT and DESCRIBE).
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterator

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

__all__ = ["FORMATS", "QueryResult", "format_result", "unpack"]

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


def _unpack_term(packed: tuple | None, cache: dict) -> Node | None:
    if packed is None:
        return None
    found = cache.get(packed)
    if found is not None:
        return found
    kind, value, extra = packed
    if kind == "u":
        term: Node = URIRef(value)
    elif kind == "b":
        term = BNode(value)
    elif extra is None:
        term = Literal(value)
    elif extra.startswith("@"):
        term = Literal(value, lang=extra[1:])
    else:
        term = Literal(value, datatype=URIRef(extra))
    cache[packed] = term
    return term


def unpack(packed: tuple, namespaces: dict[str, str]) -> QueryResult:
    """The :class:`QueryResult` of an answer packed by :mod:`export.sparql.evaluate`.

    >>> unpack(("SELECT", ["x"], [(("l", "a", "@en"),)], None, []), {}).rows
    [(rdflib.term.Literal('a', lang='en'),)]
    """
    kind, variables, rows, boolean, triples = packed
    cache: dict = {}
    if kind == "SELECT":
        return QueryResult(kind, variables,
                           [tuple(_unpack_term(t, cache) for t in row) for row in rows],
                           namespaces=dict(namespaces))
    if kind == "ASK":
        return QueryResult(kind, boolean=boolean, namespaces=dict(namespaces))
    graph = Graph()
    for name, iri in namespaces.items():
        graph.bind(name, iri, override=True, replace=True)
    for triple in triples:
        graph.add(tuple(_unpack_term(t, cache) for t in triple))
    return QueryResult(kind, graph=graph, namespaces=dict(namespaces))


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
    if text.isprintable():
        return text
    return text.translate(_CONTROL_ESCAPES)


class _ControlEscapes(dict):
    """``str.translate`` table: a character that does not print (but a space) -> its escape.

    Filled on first sight of each character, so a long text is escaped in C, not in a loop.
    """

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        value = (None if char.isprintable() or char == " "
                 else char.encode("unicode_escape").decode("ascii"))
        self[code] = value if value is not None else char
        return self[code]


_CONTROL_ESCAPES = _ControlEscapes()


def _width(text: str) -> int:
    if text.isascii():
        return len(text)
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
        from export.rdf import serialize_rdf

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
