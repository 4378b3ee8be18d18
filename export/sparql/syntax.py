"""Parse a SPARQL query, and say in words what is wrong with a malformed one, and where.

:func:`parse_oxigraph` parses in Oxigraph (what ``kg query`` and ``kg serve`` run), and
:func:`check_query` in rdflib (the ``rdflib`` engine), each with the project's prefixes
predeclared, after :func:`export.sparql.vet.vet_query` has refused what kg refuses: these
parsers only say whether the query is well formed. Parsing can take long on a hostile query
(rdflib needs seconds for a few thousand ``VALUES``), so kg runs them in its query worker,
under the time limit (:mod:`export.sparql.worker`), never in a server's event loop.

Parsers report the furthest point they reached and a list of grammar tokens they would have
accepted there ("expected one of ',', '.', ';', '{', '{|', '}', '~', [_]"), which reads badly
and often points inside the wrong token. Most real mistakes are simpler: a bracket or a string
left open, a bracket closed twice, a misspelt query form, an undeclared prefix. This module
finds those by scanning the query's tokens, and otherwise turns the parser's token list into
a short sentence.

>>> print(explain("SELECT ?x WHERE { ?x a schema:Person ", prefixes={"schema"}))
at line 1, column 37 (the end of the query, after '{ ?x a schema:Person'): the '{' opened at line 1, column 17 is never closed; expected '}'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterable, Iterator

import pyoxigraph as ox

from export.sparql.tokens import QUERY_FORMS, Token, after_prologue, position_text, tokens
from export.sparql.vet import vet_query
from kg.errors import QueryError

if TYPE_CHECKING:  # rdflib's SPARQL engine is imported when used: it takes most of a second
    from rdflib.plugins.sparql.sparql import Query

__all__ = ["check_query", "default_base", "describe_expected", "explain", "namespaces_of",
           "oxigraph_syntax_error", "parse_oxigraph", "position_text", "query_kind", "walk"]

_PAIRS = {"{": "}", "(": ")", "[": "]"}


def _end_of(query: str) -> int:
    return len(query.rstrip())


def _snippet(text: str) -> str:
    return repr(" ".join(text.split()))


def _at(query: str, offset: int) -> str:
    """``at line L, column C (near '...')``: the position and the text around it."""
    start = query.rfind("\n", 0, offset) + 1
    before = query[max(start, offset - 12) : offset]
    after = query[offset:].split("\n", 1)[0][:12]
    return f"at {position_text(query, offset)} (near {_snippet(before + after)})"


def _at_end(query: str) -> str:
    end = _end_of(query)
    last = query[: end].rsplit("\n", 1)[-1][-20:]
    return f"at {position_text(query, end)} (the end of the query, after {_snippet(last)})"


def _brackets(query: str, tokens: list[Token]) -> str | None:
    stack: list[Token] = []
    for token in tokens:
        if token.kind == "unclosed":
            quote = token.text[:3] if token.text[:3] in ("'''", '"""') else token.text[0]
            return (f"{_at(query, token.offset)}: the string that starts here "
                    f"with {quote} is never closed; expected a closing {quote}")
        if token.kind == "open":
            stack.append(token)
        elif token.kind == "close":
            if not stack:
                return (f"{_at(query, token.offset)}: '{token.text}' closes "
                        f"nothing; remove it or open a bracket before it")
            opened = stack.pop()
            if _PAIRS[opened.text] != token.text:
                return (f"{_at(query, token.offset)}: expected "
                        f"'{_PAIRS[opened.text]}' to close the '{opened.text}' opened at "
                        f"{position_text(query, opened.offset)} before this "
                        f"'{token.text}'")
    if stack:
        opened = stack[-1]
        return (f"{_at_end(query)}: the '{opened.text}' opened at "
                f"{position_text(query, opened.offset)} is never closed; expected "
                f"'{_PAIRS[opened.text]}'")
    return None


def _query_form(query: str, tokens: list[Token]) -> str | None:
    """The first word after the prologue must be a query form."""
    rest = after_prologue(tokens)
    if not rest:
        return f"{_at_end(query)}: expected a query: SELECT, ASK, CONSTRUCT or DESCRIBE"
    first = rest[0]
    if first.kind == "word" and first.text.upper() not in QUERY_FORMS:
        return (f"{_at(query, first.offset)}: '{first.text}' is not a query "
                f"form; expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return None


def _prefixes(query: str, tokens: list[Token], known: set[str]) -> str | None:
    declared = set(known)
    for index, token in enumerate(tokens):
        if token.text.upper() == "PREFIX" and index + 1 < len(tokens):
            declared.add(tokens[index + 1].text.split(":", 1)[0])
        elif token.kind == "pname":
            name = token.text.split(":", 1)[0]
            previous = tokens[index - 1].text.upper() if index else ""
            if name not in declared and previous != "PREFIX":
                return (f"{_at(query, token.offset)}: unknown prefix "
                        f"'{name}:' in '{token.text}'; declare it with PREFIX {name}: <...> "
                        f"(predeclared: {', '.join(sorted(known))})")
    return None


def explain(query: str, *, prefixes: Iterable[str] = ()) -> str | None:
    """Where and what the simple mistakes in ``query`` are, or None when none is found.

    Args:
        query: The query text.
        prefixes: Prefix names that are declared without a ``PREFIX`` line.

    >>> print(explain("SELEC ?x WHERE { ?x ?p ?o }"))
    at line 1, column 1 (near 'SELEC ?x WHE'): 'SELEC' is not a query form; expected SELECT, ASK, CONSTRUCT or DESCRIBE
    >>> explain("SELECT ?x WHERE { ?x ?p ?o }") is None
    True
    """
    found = list(tokens(query))
    return (_brackets(query, found) or _query_form(query, found)
            or _prefixes(query, found, set(prefixes)))


#: Parser tokens that only SPARQL 1.2 (RDF-star) or internal rules use: not worth suggesting.
_NOISE = {"{|", "|}", "~", "<<", "<<(", ">>", ")>>", "[_]", "LATERAL"}
_WORDS = {
    "}": "'}' to close the group",
    ")": "')'",
    "]": "']'",
    ".": "'.' to end the triple",
    ";": "';' and another predicate",
    ",": "',' and another object",
    "{": "'{'",
    "(": "'('",
    "?": "a variable",
    "$": "a variable",
    "<": "an IRI",
    ":": "a prefixed name",
    "\"": "a string",
    "'": "a string",
    "_:": "a blank node",
}


def describe_expected(tokens: Iterable[str]) -> str:
    """The tokens a parser expected, as a short phrase.

    >>> describe_expected(['","', '"."', '";"', '"{"', '"{|"', '"}"', '"~"', '[_]'])
    "'}' to close the group, '.' to end the triple, ';' and another predicate, ',' and another object or '{'"
    """
    wanted: list[str] = []
    for raw in tokens:
        token = raw.strip()
        if token.startswith('"') and token.endswith('"') and len(token) >= 2:
            token = token[1:-1].replace('\\"', '"').replace("\\\\", "\\")
        if token in _NOISE or token.startswith("[") or not token:
            continue
        phrase = _WORDS.get(token)
        if phrase is None:
            if not token.isalpha():
                continue
            phrase = token.upper()
        if phrase not in wanted:
            wanted.append(phrase)
    order = {phrase: rank for rank, phrase in enumerate(_WORDS.values())}
    wanted.sort(key=lambda p: (order.get(p, len(order)), p))
    if not wanted:
        return "something else"
    if len(wanted) > 8:
        wanted = wanted[:8] + ["..."]
        return ", ".join(wanted)
    return ", ".join(wanted[:-1]) + (" or " if len(wanted) > 1 else "") + wanted[-1]


# --------------------------------------------------------------------------------------------
# parsing


def namespaces_of(base: str) -> dict[str, str]:
    """The predeclared prefixes (prefix -> IRI) for a graph whose base IRI is ``base``."""
    from export.namespaces import prefixes  # imported here: rdflib takes a tenth of a second

    return {name: str(ns) for name, ns in prefixes(base).items()}


def default_base() -> str:
    from export.rdf import DEFAULT_BASE  # imported here: export.rdf loads the graph model

    return DEFAULT_BASE


_OX_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_OX_EXPECTED = re.compile(r"expected (?:one of )?(.*)", re.DOTALL)
_OX_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[A-Za-z_]+')


def _offset(query: str, line: int, column: int) -> int:
    """Character offset of a 1-based line and column (columns counted in characters)."""
    lines = query.splitlines(keepends=True)
    return sum(len(text) for text in lines[: line - 1]) + column - 1


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


def _oxigraph_error(query: str, namespaces: dict[str, str]) -> SyntaxError | None:
    """Oxigraph's syntax error of ``query``, or None. Parsed over an empty in-memory store: a
    SELECT, CONSTRUCT or DESCRIBE is evaluated lazily, so not at all; an ASK over nothing."""
    try:
        ox.Store().query(query, prefixes=namespaces)
    except SyntaxError as err:
        return err
    return None


def oxigraph_syntax_error(query: str, err: SyntaxError, namespaces: dict[str, str]) -> QueryError:
    """The :class:`QueryError` for Oxigraph's syntax error ``err``, in words where possible."""
    located = explain(query, prefixes=namespaces) or _oxigraph_location(query, err)
    message = " ".join(str(err).split())
    return QueryError(f"malformed SPARQL {located}" if located else f"malformed SPARQL: {message}")


def parse_oxigraph(query: str, namespaces: dict[str, str]) -> None:
    """Parse ``query`` in Oxigraph with the prefixes ``namespaces``.

    Raises:
        QueryError: Malformed: the message gives the line, the column and what was expected.
    """
    err = _oxigraph_error(query, namespaces)
    if err is not None:
        raise oxigraph_syntax_error(query, err, namespaces) from None


def _rdflib_position(query: str, err: Any) -> str:
    line = getattr(err, "lineno", None)
    col = getattr(err, "col", None)
    if line is None or col is None:
        return ""
    text = query.splitlines()[line - 1] if 0 < line <= len(query.splitlines()) else ""
    near = text[col - 1 : col + 19].strip()
    return f" at line {line}, column {col}" + (f" (near {near!r})" if near else "")


def _rdflib_syntax_error(query: str, err: Exception, namespaces: dict[str, str]) -> QueryError:
    """Words for rdflib's parse error: the simple mistakes, else Oxigraph's position (asked of
    an empty store, so nothing can run), else rdflib's own message."""
    located = explain(query, prefixes=namespaces)
    if not located:
        try:
            found = _oxigraph_error(query, namespaces)
        except Exception:  # noqa: BLE001 - a diagnosis only
            found = None
        located = _oxigraph_location(query, found) if found is not None else ""
    if located:
        return QueryError(f"malformed SPARQL {located}")
    message = str(getattr(err, "msg", err)).strip() or type(err).__name__
    return QueryError(f"malformed SPARQL{_rdflib_position(query, err)}: {message}")


def check_query(query: str, *, base: str | None = None) -> Query:
    """Vet ``query`` and parse it in rdflib with the predeclared prefixes.

    Args:
        query: The query text.
        base: The base IRI of the graph (its ``ent:``, ``rel:``, ... prefixes follow it).

    Returns:
        The translated rdflib query.

    Raises:
        QueryError: Malformed: the message gives the line, the column and what was expected.
        QueryNotAllowedError: An update, ``SERVICE``, ``FROM`` or ``FROM NAMED``
            (:func:`~export.sparql.vet.vet_query`).

    >>> check_query("SELECT ?s WHERE { ?s a schema:Person }").algebra.name
    'SelectQuery'
    """
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    vet_query(query)
    namespaces = namespaces_of(base or default_base())
    try:
        parsed = parseQuery(query)
    except Exception as err:  # pyparsing.ParseException and friends
        raise _rdflib_syntax_error(query, err, namespaces) from err
    try:
        return translateQuery(parsed, initNs=namespaces)
    except Exception as err:  # unknown prefix, bad aggregate use, ...
        located = explain(query, prefixes=namespaces)
        raise QueryError(f"malformed SPARQL {located}" if located
                         else f"malformed SPARQL: {err}") from err


def walk(node: Any) -> Iterator[Any]:
    """Every node of an rdflib query algebra, depth first."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from walk(value)


def query_kind(translated: Query) -> str:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``, from :func:`check_query`'s result."""
    return translated.algebra.name.replace("Query", "").upper()
