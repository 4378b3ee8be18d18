"""The SPARQL 1.1 Protocol as ``kg serve`` speaks it: reading a request, choosing a format, and
answering in the query worker's child.

A request carries its query in ``GET ?query=...``, in a form (``query=...``) or as an
``application/sparql-query`` body; an update or another dataset asked for by the protocol
(:func:`export.sparql.vet.vet_request`) is refused like one asked for in the query text. The
query's text is read only by :func:`answer_http`, which runs in a child of the query worker
under the time limit: nothing a client sends is parsed in the server's event loop.

>>> negotiate("text/csv;q=0.9, application/sparql-results+xml", RESULT_TYPES)[0]
'application/sparql-results+xml'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

import pyoxigraph as ox

from export.sparql.load import LoadedGraph
from export.sparql.syntax import oxigraph_syntax_error
from export.sparql.vet import vet_query, vet_request
from kg.errors import KGError, QueryError

if TYPE_CHECKING:
    from starlette.requests import Request

__all__ = ["GRAPH_TYPES", "MAX_QUERY_BYTES", "RESULT_TYPES", "HttpError", "NotAcceptableError",
           "answer_http", "negotiate", "read_query"]

#: Largest query accepted, in bytes (a query is text; megabytes of it are a mistake or abuse).
MAX_QUERY_BYTES = 1 << 20

#: Media types offered for SELECT and ASK answers, in order of preference.
RESULT_TYPES: list[tuple[str, Any]] = [
    ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ("text/csv", ox.QueryResultsFormat.CSV),
    ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ("application/json", ox.QueryResultsFormat.JSON),
    ("application/xml", ox.QueryResultsFormat.XML),
    ("text/xml", ox.QueryResultsFormat.XML),
]
#: Media types offered for CONSTRUCT and DESCRIBE answers, in order of preference.
GRAPH_TYPES: list[tuple[str, Any]] = [
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ("text/plain", ox.RdfFormat.N_TRIPLES),
]


class HttpError(KGError):
    """A request the protocol cannot answer (status other than 200), with a one-line reason."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class NotAcceptableError(KGError):
    """None of the media types a client accepts can carry the answer (``406``)."""


def negotiate(accept: str | None, offers: list[tuple[str, Any]]) -> tuple[str, Any] | None:
    """The offer an ``Accept`` header prefers (None when it accepts none of them).

    The highest quality wins; among equals, the earlier offer. No header accepts the first.
    """
    if not accept or not accept.strip():
        return offers[0]
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media:
            ranges.append((media.lower(), quality))

    def quality_of(media: str) -> float:
        kind = media.split("/")[0]
        best, specificity = 0.0, -1
        for pattern, quality in ranges:
            level = (2 if pattern == media else 1 if pattern == f"{kind}/*"
                     else 0 if pattern == "*/*" else -1)
            if level > specificity:
                best, specificity = quality, level
        return best if specificity >= 0 else 0.0

    scored = [(quality_of(media), -index, (media, fmt))
              for index, (media, fmt) in enumerate(offers)]
    quality, _, offer = max(scored)
    return offer if quality > 0 else None


async def read_query(request: Request) -> str:
    """The query text of a SPARQL protocol request (its size checked, nothing parsed).

    Raises:
        QueryNotAllowedError: An update (also any request to ``/update``), or
            ``default-graph-uri``/``named-graph-uri``.
        HttpError: No query, too large, not UTF-8, or sent in a form the protocol does not know.
    """
    params = request.query_params
    update = request.url.path == "/update"
    if request.method == "GET":
        vet_request(params.keys(), update=update)
        if "query" not in params:
            raise HttpError(400, "no query: give ?query=... (SPARQL 1.1 Protocol)")
        return params["query"]
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    vet_request(params.keys(), update=update or media == "application/sparql-update")
    if int(request.headers.get("content-length") or 0) > MAX_QUERY_BYTES:
        raise HttpError(413, f"the request is larger than {MAX_QUERY_BYTES} bytes")
    body = await request.body()
    if len(body) > MAX_QUERY_BYTES:
        raise HttpError(413, f"the request is larger than {MAX_QUERY_BYTES} bytes")
    if media == "application/sparql-query":
        return _decode(body)
    if media == "application/x-www-form-urlencoded":
        form = parse_qs(_decode(body), keep_blank_values=True)
        vet_request(form)
        if len(form.get("query", [])) != 1:
            raise HttpError(400, "give exactly one query=... in the form")
        return form["query"][0]
    raise HttpError(415, "send the query as application/x-www-form-urlencoded (query=...) "
                         "or application/sparql-query")


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as err:
        raise HttpError(400, f"the query is not UTF-8 ({err.reason} at byte {err.start})") from err


def answer_http(graph: LoadedGraph, query: str, results: str | None, graphs: str | None
                ) -> tuple[str, bytes]:
    """In the query worker's child: vet, parse, evaluate and serialise ``query``.

    Args:
        graph: The graph the worker holds (oxigraph).
        query: The query text, as the client sent it.
        results: The media type chosen for a SELECT or ASK answer (None: none acceptable).
        graphs: The media type chosen for a CONSTRUCT or DESCRIBE answer.

    Returns:
        The media type and the serialised answer.
    """
    kind = vet_query(query)
    namespaces = graph.namespaces
    assert graph.store is not None
    try:
        result = graph.store.query(query, prefixes=namespaces, use_default_graph_as_union=True)
    except SyntaxError as err:
        raise oxigraph_syntax_error(query, err, namespaces) from None
    except (OSError, RuntimeError, ValueError, TypeError) as err:
        raise QueryError(f"the query failed in oxigraph: {err}") from err
    table = isinstance(result, (ox.QuerySolutions, ox.QueryBoolean))
    offers, media = (RESULT_TYPES, results) if table else (GRAPH_TYPES, graphs)
    if media is None:
        raise NotAcceptableError(f"no acceptable format for a {kind or 'query'} answer; "
                                 f"accepted: " + ", ".join(m for m, _ in offers))
    fmt = dict(offers)[media]
    if not table and fmt == ox.RdfFormat.TURTLE:
        return media, ox.serialize(result, format=fmt, prefixes=namespaces)
    return media, result.serialize(format=fmt)
