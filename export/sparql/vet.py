"""What a query may do in kg: read the given graph, and nothing else.

This module is the one place that decides what is refused, and every refusal is a
:class:`~kg.errors.QueryNotAllowedError` carrying the sentence to show (``kg query`` prints
it, ``kg serve`` answers it with ``403``). kg answers SELECT, ASK, CONSTRUCT and DESCRIBE. It
refuses updates (INSERT, DELETE, LOAD, CLEAR, DROP, ...), ``SERVICE`` (a call to another
endpoint: Oxigraph would make it) and ``FROM``/``FROM NAMED`` (another dataset) before an
engine sees the query, by reading the query's tokens (:mod:`export.sparql.tokens`): no parser
is imported, so ``kg query`` starts fast, and strings, IRIs, comments, variables and local
names may say "service" freely. :func:`vet_request` refuses the same things where the SPARQL
protocol asks for them outside the query text (an ``update`` request, a
``default-graph-uri``). The parsers that run after the check refuse nothing themselves.

Parsers disagree on where a keyword ends: Oxigraph matches keywords without a word boundary,
so ``SERVICE:x {...}``, ``ASKFROM <g> {...}`` or ``?s ?p trueSERVICE <x> {...}`` reach the
network or another dataset there. So ``SERVICE`` and ``FROM`` are refused anywhere in the code
of a query, also inside a longer word or a prefix name, both as written and with its ``\\u``
escapes expanded (rdflib expands them before parsing).

>>> vet_query("PREFIX ex: <http://e.org/> SELECT * WHERE { ?s ex:service 'FROM' }")
'SELECT'
>>> vet_query("SELECT * WHERE { SERVICE <http://e.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.errors.QueryNotAllowedError: SERVICE <http://e.org/sparql> is refused: kg never calls other endpoints or the network
"""

from __future__ import annotations

import re
from typing import Iterable

from export.sparql.tokens import (
    QUERY_FORMS,
    Token,
    after_prologue,
    expand_unicode_escapes,
    position_text,
    tokens,
)
from kg.errors import QueryError, QueryNotAllowedError

__all__ = ["DATASET_REFUSED", "FROM_REFUSED", "UPDATE_REFUSED", "query_form", "selects_star",
           "vet_query", "vet_request"]

#: Keywords that exist only in SPARQL Update.
_UPDATE_WORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH",
     "USING"}
)
_REMOTE = re.compile("SERVICE|FROM", re.IGNORECASE)

UPDATE_REFUSED = ("SPARQL updates (INSERT, DELETE, LOAD, CLEAR, ...) are not allowed: the graph "
                  "is read-only; use SELECT, ASK, CONSTRUCT or DESCRIBE")
FROM_REFUSED = ("FROM and FROM NAMED are refused: the query runs over the given graph only "
                "(and loading other graphs could reach the network)")
DATASET_REFUSED = ("default-graph-uri and named-graph-uri are refused: the query runs over the "
                   "given graph only")
_SERVICE_REFUSED = "kg never calls other endpoints or the network"
#: Protocol parameters that name another dataset (SPARQL 1.1 Protocol, section 2.1.4).
_DATASET_PARAMETERS = frozenset({"default-graph-uri", "named-graph-uri"})


def _code(token: Token) -> str:
    """The part of a token a parser could read as keywords ('' for strings, IRIs, ...)."""
    if token.kind in ("word", "other", "number", "open", "close"):
        return token.text
    if token.kind == "pname":  # the local part is one name; the prefix may hide a keyword
        return token.text.split(":", 1)[0]
    return ""


def _refuse(query: str, found: list[Token]) -> None:
    if any(t.kind == "word" and t.text.upper() in _UPDATE_WORDS for t in found):
        raise QueryNotAllowedError(UPDATE_REFUSED)
    for index, token in enumerate(found):
        match = _REMOTE.search(_code(token))
        if match is None or (index and found[index - 1].text.upper() == "PREFIX"):
            continue  # a prefix declaration is harmless; its uses are not
        if match.group().upper() == "FROM":
            raise QueryNotAllowedError(FROM_REFUSED)
        if token.text.upper() == "SERVICE":
            following = [t for t in found[index + 1 : index + 3]
                         if not (t.kind == "word" and t.text.upper() == "SILENT")]
            if following and following[0].kind in ("iri", "pname", "var"):
                raise QueryNotAllowedError(
                    f"SERVICE {following[0].text} is refused: {_SERVICE_REFUSED}")
            raise QueryNotAllowedError(f"SERVICE is refused: {_SERVICE_REFUSED}")
        raise QueryNotAllowedError(
            f"{token.text!r} at {position_text(query, token.offset)} reads as SERVICE, which "
            f"is refused: {_SERVICE_REFUSED} (rename the prefix if it is one)"
        )


def vet_query(query: str) -> str:
    """Refuse an empty query, an update, ``SERVICE`` and ``FROM``; return the query form.

    Returns:
        ``"SELECT"``, ``"ASK"``, ``"CONSTRUCT"``, ``"DESCRIBE"``, or ``""`` when the query
        does not start with one (the parser then says what is wrong).

    Raises:
        QueryError: The query is empty.
        QueryNotAllowedError: An update, ``SERVICE``, ``FROM`` or ``FROM NAMED``.
    """
    if not isinstance(query, str):
        raise TypeError(f"query must be a string, not {type(query).__name__}")
    if not query.strip():
        raise QueryError("the query is empty")
    expanded = expand_unicode_escapes(query)
    for text in (query, expanded) if expanded != query else (query,):
        _refuse(text, list(tokens(text)))
    return query_form(query)


def query_form(query: str) -> str:
    """The form of a query (``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``), or ``""``.

    >>> query_form("PREFIX ex: <http://e.org/> # a comment\\nask { ?s ex:p ?o }")
    'ASK'
    """
    rest = after_prologue(list(tokens(query)))
    if rest and rest[0].kind == "word":
        word = rest[0].text.upper()
        for form in QUERY_FORMS:
            if word.startswith(form):
                return form
    return ""


def selects_star(query: str) -> bool:
    """Whether a query is ``SELECT *`` (or ``SELECT DISTINCT *``, ``SELECT REDUCED *``).

    >>> selects_star("SELECT DISTINCT * { ?s ?p ?o }"), selects_star("SELECT ?s { ?s ?p ?o }")
    (True, False)
    """
    rest = after_prologue(list(tokens(query)))
    if not rest or rest[0].text.upper() != "SELECT":
        return False
    rest = rest[1:]
    if rest and rest[0].text.upper() in ("DISTINCT", "REDUCED"):
        rest = rest[1:]
    return bool(rest) and rest[0].text == "*"


def vet_request(parameters: Iterable[str] = (), *, update: bool = False) -> None:
    """Refuse a SPARQL protocol request that asks for an update or for another dataset.

    Args:
        parameters: The names of the request's parameters (URL query and form).
        update: The request is an update by its form: an ``update`` parameter, an
            ``application/sparql-update`` body, the ``/update`` path.

    Raises:
        QueryNotAllowedError: An update, or a ``default-graph-uri``/``named-graph-uri``.

    >>> vet_request(["query"])
    >>> vet_request(["query", "default-graph-uri"])
    Traceback (most recent call last):
    ...
    kg.errors.QueryNotAllowedError: default-graph-uri and named-graph-uri are refused: the query runs over the given graph only
    """
    names = set(parameters)
    if update or "update" in names:
        raise QueryNotAllowedError(UPDATE_REFUSED)
    if names & _DATASET_PARAMETERS:
        raise QueryNotAllowedError(DATASET_REFUSED)
