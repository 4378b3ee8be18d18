"""Checking a SPARQL query before it runs: what it may do, its syntax, its kind.

:func:`check_syntax` vets the query's tokens (:mod:`export.sparql_check`) and lets Oxigraph
parse it, in a child process under a time limit, and explains a syntax error in words at its
line and column; :func:`check_query` parses it with rdflib (for the rdflib engine) with the
project's prefixes predeclared.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterator

import pyoxigraph as ox

from export.namespaces import prefixes
from export.sparql_check import FROM_REFUSED, UPDATE_REFUSED, vet_query
from export.sparql_errors import describe_expected, explain, position_text
from export.timelimit import DEFAULT_TIMEOUT, call_with_time_limit
from kg.errors import QueryError, QueryNotAllowedError

if TYPE_CHECKING:  # rdflib's SPARQL engine and kg's graph model are imported when used:
    # they take most of a second to import, and the default engine needs neither
    from rdflib.plugins.sparql.sparql import Query


__all__ = ["check_syntax", "check_query", "query_kind", "default_base", "namespaces_of",
           "oxigraph_syntax_error", "walk"]


def walk(node: Any) -> Iterator[Any]:
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from walk(value)


def _rdflib_position(query: str, err: Any) -> str:
    line = getattr(err, "lineno", None)
    col = getattr(err, "col", None)
    if line is None or col is None:
        return ""
    text = query.splitlines()[line - 1] if 0 < line <= len(query.splitlines()) else ""
    near = text[col - 1 : col + 19].strip()
    return f" at line {line}, column {col}" + (f" (near {near!r})" if near else "")


_OX_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_OX_EXPECTED = re.compile(r"expected (?:one of )?(.*)", re.DOTALL)
_OX_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[A-Za-z_]+')


def _offset(query: str, line: int, column: int) -> int:
    """Character offset of a 1-based line and column (columns counted in characters)."""
    lines = query.splitlines(keepends=True)
    return sum(len(text) for text in lines[: line - 1]) + column - 1


def _oxigraph_diagnosis(query: str, namespaces: dict[str, str]) -> str:
    """Oxigraph's position of a syntax error, with what it expected in words (or "").

    Only asked when rdflib already rejected the query (which :func:`vet_query` let through:
    no SERVICE), against an empty in-memory store, so nothing can run or reach the network.
    """
    try:
        ox.Store().query(query, prefixes=namespaces)
    except SyntaxError as err:
        return _oxigraph_location(query, err)
    except Exception:  # noqa: BLE001 - a diagnosis only
        return ""
    return ""


def _oxigraph_location(query: str, err: SyntaxError) -> str:
    """Where Oxigraph's syntax error is, and what it expected, in words ("" if unknown)."""
    found = _OX_POSITION.match(str(err))
    if not found:
        return ""
    line, col, message = int(found.group(1)), int(found.group(2)), found.group(3)
    expected = _OX_EXPECTED.match(message)
    if expected:
        message = "expected " + describe_expected(_OX_TOKEN.findall(expected.group(1)))
    else:
        message = " ".join(message.split())[:120]
    offset = min(_offset(query, line, col), len(query))
    if not query[offset:].strip():
        offset = len(query.rstrip())
        where = f"at {position_text(query, offset)} (the end of the query)"
    else:
        near = query[max(offset - 10, 0) : offset + 10].split("\n")
        where = f"at {position_text(query, offset)} (near {' '.join(near).strip()!r})"
    return f"{where}: {message}"


def oxigraph_syntax_error(query: str, err: SyntaxError, namespaces: dict[str, str]) -> QueryError:
    located = explain(query, prefixes=namespaces) or _oxigraph_location(query, err)
    message = " ".join(str(err).split())
    return QueryError(f"malformed SPARQL {located}" if located else f"malformed SPARQL: {message}")


def _parse_oxigraph(query: str, namespaces: dict[str, str]) -> None:
    """Parse in Oxigraph, over an empty store (a SELECT, CONSTRUCT or DESCRIBE is evaluated
    lazily, so not at all; an ASK is, over nothing)."""
    try:
        ox.Store().query(query, prefixes=namespaces)
    except SyntaxError as err:
        raise oxigraph_syntax_error(query, err, namespaces) from None


def check_syntax(query: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> str:
    """Vet ``query`` (:func:`export.sparql_check.vet_query`) and parse it in Oxigraph, without
    rdflib; returns its form. The parse runs under the time limit (in a child).

    Raises:
        QueryError: Malformed: the message gives the line, the column and what was expected.
        QueryNotAllowedError: An update, ``SERVICE``, ``FROM`` or ``FROM NAMED``.
        QueryTimeoutError: Parsing ran out of time.

    >>> check_syntax("ASK { ?s a schema:Person }")
    'ASK'
    """
    kind = vet_query(query)
    namespaces = namespaces_of(default_base())
    call_with_time_limit(lambda: _parse_oxigraph(query, namespaces), timeout)
    return kind


def _syntax_error(query: str, err: Exception, namespaces: dict[str, str]) -> QueryError:
    located = explain(query, prefixes=namespaces) or _oxigraph_diagnosis(query, namespaces)
    if located:
        return QueryError(f"malformed SPARQL {located}")
    message = str(getattr(err, "msg", err)).strip() or type(err).__name__
    return QueryError(f"malformed SPARQL{_rdflib_position(query, err)}: {message}")


def check_query(query: str, *, base: str | None = None) -> Query:
    """Vet ``query``, parse it in rdflib with the predeclared prefixes and refuse anything not
    read-only (again, on rdflib's algebra).

    Args:
        query: The query text.
        base: The base IRI of the graph (its ``ent:``, ``rel:``, ... prefixes follow it).

    Returns:
        The translated rdflib query.

    Raises:
        QueryError: Malformed: the message gives the line, the column and what was expected.
        QueryNotAllowedError: An update, ``SERVICE``, ``FROM`` or ``FROM NAMED``.

    >>> check_query("SELECT ?s WHERE { ?s a schema:Person }").algebra.name
    'SelectQuery'
    """
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    vet_query(query)
    namespaces = namespaces_of(base or default_base())
    try:
        parsed = parseQuery(query)
    except Exception as err:  # pyparsing.ParseException and friends
        try:
            parseUpdate(query)
        except Exception:  # noqa: BLE001 - not an update either: report the query error
            pass
        else:
            raise QueryNotAllowedError(UPDATE_REFUSED) from err
        raise _syntax_error(query, err, namespaces) from err
    try:
        translated = translateQuery(parsed, initNs=namespaces)
    except Exception as err:  # unknown prefix, bad aggregate use, ...
        located = explain(query, prefixes=namespaces)
        raise QueryError(f"malformed SPARQL {located}" if located
                         else f"malformed SPARQL: {err}") from err
    for node in walk(translated.algebra):
        if node.name == "ServiceGraphPattern":
            raise QueryNotAllowedError(
                f"SERVICE <{dict.get(node, 'term')}> is refused: kg never calls other endpoints "
                f"or the network"
            )
        if dict.get(node, "datasetClause"):
            raise QueryNotAllowedError(FROM_REFUSED)
    return translated


def namespaces_of(base: str) -> dict[str, str]:
    """The predeclared prefixes (prefix -> IRI) for a graph whose base IRI is ``base``."""
    return {name: str(ns) for name, ns in prefixes(base).items()}


def default_base() -> str:
    from export.rdf import DEFAULT_BASE

    return DEFAULT_BASE


def query_kind(translated: Query) -> str:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``, from :func:`check_query`'s result."""
    return translated.algebra.name.replace("Query", "").upper()


