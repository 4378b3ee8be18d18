"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a kg graph.

pyoxigraph answers the queries and writes the results in its own standard serialisers;
uvicorn (a maintained ASGI server) speaks HTTP; Starlette routes requests and checks the
``Host`` header. kg adds what neither offers: the graph is loaded once, every query is checked
(updates, ``SERVICE`` and ``FROM`` are refused, as in ``kg query``) and answered in a forked
child process that is killed at the time limit (pyoxigraph has no way to stop a running
query), and the kg prefixes are predeclared. Oxigraph's own server (the ``oxigraph`` package)
was measured and not chosen: it calls ``SERVICE`` endpoints over the network, its time limit
did not stop a running query, and it knows nothing of kg's prefixes (docs/rdf.md).

Protocol: ``GET /sparql?query=...``, ``POST /sparql`` with a form (``query=...``) or a
``application/sparql-query`` body. Results by content negotiation (``Accept``): SPARQL JSON
(default), XML, CSV, TSV for SELECT and ASK; Turtle (default), N-Triples, RDF/XML for
CONSTRUCT and DESCRIBE. ``/`` is a query page (YASGUI, served from this package: no network).

>>> negotiate("text/csv;q=0.9, application/sparql-results+xml", RESULT_TYPES)[0]
'application/sparql-results+xml'
"""

from __future__ import annotations

import asyncio
import html
import json
import os
import socket
import sys
from importlib import resources
from typing import Any, Callable
from urllib.parse import parse_qs

import pyoxigraph as ox

from export.query import DEFAULT_TIMEOUT, SparqlGraph, check_query, query_kind
from export.timelimit import Child
from kg.errors import KGError, QueryError, QueryNotAllowedError

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "GRAPH_TYPES",
    "RESULT_TYPES",
    "make_app",
    "negotiate",
    "serve",
]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
#: Largest query accepted, in bytes (a query is text; megabytes of it are a mistake or abuse).
MAX_QUERY_BYTES = 1 << 20
#: Seconds uvicorn waits for running requests after Ctrl-C before cancelling them.
SHUTDOWN_GRACE = 2.0

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
_LOOPBACK = ("127.0.0.1", "localhost", "::1")
_TEXT = "text/plain; charset=utf-8"
_PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
_FIRST_QUERY = """\
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>

SELECT ?name ?predicate ?object WHERE {
  ?person a schema:Person ; rdfs:label ?name .
  ?statement rdf:subject ?person ; rdf:predicate ?p ; rdf:object ?o .
  ?p rdfs:label ?predicate .
  ?o rdfs:label ?object .
}
ORDER BY ?name ?predicate ?object
LIMIT 100
"""


class HttpError(Exception):
    """An answer other than 200, with a one-line reason for the client."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


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


def _answer(store: ox.Store, query: str, kind: str, namespaces: dict[str, str],
            fmt: Any) -> bytes:
    """Evaluate and serialise (in the child process)."""
    result = store.query(query, prefixes=namespaces, use_default_graph_as_union=True)
    if kind in ("SELECT", "ASK"):
        return result.serialize(format=fmt)
    if fmt == ox.RdfFormat.TURTLE:
        return ox.serialize(result, format=fmt, prefixes=namespaces)
    return result.serialize(format=fmt)


class _Running:
    """The query processes running now, so that stopping the server stops them at once."""

    def __init__(self) -> None:
        self.children: set[Child] = set()
        self.stopping = False

    def stop_all(self) -> None:
        self.stopping = True
        for child in list(self.children):
            child.stop()


async def _in_child(work: Callable[[], bytes], timeout: float | None,
                    running: _Running) -> bytes:
    """``work()`` in a forked child, awaited without blocking the event loop."""
    if running.stopping:
        raise HttpError(503, "the server is stopping")
    loop = asyncio.get_running_loop()
    child = Child(work)
    running.children.add(child)
    try:
        return await _wait_child(loop, child, timeout, running)
    finally:
        running.children.discard(child)


async def _wait_child(loop, child: Child, timeout: float | None, running: _Running) -> bytes:
    finished = loop.create_future()

    def readable() -> None:
        try:
            if child.read_available() and not finished.done():
                finished.set_result(None)
        except OSError as err:  # pragma: no cover - the pipe broke
            if not finished.done():
                finished.set_exception(err)

    loop.add_reader(child.fd, readable)
    try:
        await asyncio.wait_for(finished, timeout or None)
    except asyncio.TimeoutError:
        loop.remove_reader(child.fd)
        child.kill()
        raise HttpError(503, f"the query did not finish within {timeout:g} s and was stopped "
                             f"(kg serve --timeout); narrow it down") from None
    except BaseException:  # cancelled: the client left or the server is stopping
        loop.remove_reader(child.fd)
        child.kill()
        raise
    loop.remove_reader(child.fd)
    try:
        return child.result()
    except QueryError:
        if running.stopping:
            raise HttpError(503, "the server is stopping") from None
        raise


def _static(name: str) -> bytes:
    return resources.files("export").joinpath("static", name).read_bytes()


def _page(title: str, namespaces: dict[str, str], timeout: float | None) -> bytes:
    config = json.dumps({"endpoint": "sparql", "query": _FIRST_QUERY})
    limit = f"{timeout:g} s" if timeout else "as long as it needs"
    text = _static("query.html").decode("utf-8").format(
        title=html.escape(title),
        prefix_names=html.escape(", ".join(sorted(namespaces))),
        timeout=limit,
        config=config.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"),
    )
    return text.encode("utf-8")


def make_app(graph: SparqlGraph, *, timeout: float | None = DEFAULT_TIMEOUT,
             title: str = "a kg graph", allowed_hosts: list[str] | None = None,
             max_queries: int | None = None):
    """The Starlette application answering SPARQL over ``graph`` (an oxigraph SparqlGraph).

    Args:
        graph: The loaded graph.
        timeout: Seconds a query may run (None or 0: no limit).
        title: What the query page calls the graph.
        allowed_hosts: Accepted ``Host`` names (DNS-rebinding guard); None accepts any.
        max_queries: Queries evaluated at once (default: one per CPU); others wait.
    """
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    if graph.store is None:
        raise ValueError("kg serve answers with pyoxigraph: load the graph with engine='oxigraph'")
    store, namespaces = graph.store, graph.namespaces
    slots = asyncio.Semaphore(max_queries or os.cpu_count() or 1)
    running = _Running()
    assets = {
        "yasgui/yasgui.min.js": (_static("yasgui/yasgui.min.js"), "text/javascript"),
        "yasgui/yasgui.min.css": (_static("yasgui/yasgui.min.css"), "text/css"),
        "query.js": (_static("query.js"), "text/javascript"),
        "query.css": (_static("query.css"), "text/css"),
    }
    page = _page(title, namespaces, timeout)

    async def read_query(request: Request) -> str:
        if request.method == "GET":
            params = request.query_params
            if "update" in params:
                raise HttpError(403, "updates are refused: this endpoint is read-only")
            if "query" not in params:
                raise HttpError(400, "no query: give ?query=... (SPARQL 1.1 Protocol)")
            _refuse_dataset(params.keys())
            return params["query"]
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        length = int(request.headers.get("content-length") or 0)
        if length > MAX_QUERY_BYTES:
            raise HttpError(413, f"the request is larger than {MAX_QUERY_BYTES} bytes")
        body = await request.body()
        if len(body) > MAX_QUERY_BYTES:
            raise HttpError(413, f"the request is larger than {MAX_QUERY_BYTES} bytes")
        if media == "application/sparql-update":
            raise HttpError(403, "updates are refused: this endpoint is read-only")
        if media == "application/sparql-query":
            _refuse_dataset(request.query_params.keys())
            return _decode(body)
        if media == "application/x-www-form-urlencoded":
            form = parse_qs(_decode(body), keep_blank_values=True)
            if "update" in form:
                raise HttpError(403, "updates are refused: this endpoint is read-only")
            if len(form.get("query", [])) != 1:
                raise HttpError(400, "give exactly one query=... in the form")
            _refuse_dataset(list(form) + list(request.query_params.keys()))
            return form["query"][0]
        raise HttpError(415, "send the query as application/x-www-form-urlencoded (query=...) "
                             "or application/sparql-query")

    async def sparql(request: Request) -> Response:
        try:
            query = await read_query(request)
            try:
                kind = query_kind(check_query(query, base=graph.base))
            except QueryNotAllowedError as err:
                raise HttpError(403, str(err)) from err
            except QueryError as err:
                raise HttpError(400, str(err)) from err
            offers = RESULT_TYPES if kind in ("SELECT", "ASK") else GRAPH_TYPES
            chosen = negotiate(request.headers.get("accept"), offers)
            if chosen is None:
                raise HttpError(406, f"no acceptable format for a {kind} answer; accepted: "
                                     + ", ".join(m for m, _ in offers))
            media, fmt = chosen
            async with slots:
                body = await _in_child(
                    lambda: _answer(store, query, kind, namespaces, fmt), timeout, running)
        except HttpError as err:
            return Response(f"kg serve: {err}\n", status_code=err.status, media_type=_TEXT)
        except QueryError as err:
            return Response(f"kg serve: {err}\n", status_code=400, media_type=_TEXT)
        except SyntaxError as err:  # oxigraph's parser disagreed with the check
            return Response(f"kg serve: malformed SPARQL: {err}\n", status_code=400,
                            media_type=_TEXT)
        except OSError as err:
            return Response(f"kg serve: the query failed: {err}\n", status_code=500,
                            media_type=_TEXT)
        charset = "" if media.endswith("xml") else "; charset=utf-8"
        return Response(body, media_type=media + charset, headers={"Vary": "Accept"})

    async def update(request: Request) -> Response:
        return Response("kg serve: updates are refused: this endpoint is read-only\n",
                        status_code=403, media_type=_TEXT)

    async def home(request: Request) -> Response:
        return Response(page, media_type="text/html; charset=utf-8",
                        headers={"Content-Security-Policy": _PAGE_POLICY})

    async def asset(request: Request) -> Response:
        found = assets.get(request.path_params["name"])
        if found is None:
            return Response("kg serve: not found\n", status_code=404, media_type=_TEXT)
        body, media = found
        return Response(body, media_type=media + "; charset=utf-8",
                        headers={"Cache-Control": "max-age=3600"})

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/query", sparql, methods=["GET", "POST"]),
        Route("/update", update, methods=["GET", "POST"]),
        Route("/{name:path}", asset, methods=["GET"]),
    ]
    middleware = []
    if allowed_hosts is not None:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    app = Starlette(routes=routes, middleware=middleware)
    app.state.running = running
    return app


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as err:
        raise HttpError(400, f"the query is not UTF-8 ({err.reason} at byte {err.start})") from err


def _refuse_dataset(names) -> None:
    if {"default-graph-uri", "named-graph-uri"} & set(names):
        raise HttpError(403, "default-graph-uri and named-graph-uri are refused: queries run over "
                             "the served graph only")


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        raise KGError(f"cannot listen on {host}:{port}: {err.strerror}; choose another --port "
                      f"or --host") from err
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _url(host: str, port: int) -> str:
    shown = "localhost" if host in _LOOPBACK else host
    return f"http://{shown}:{port}/"


def serve(
    source,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout: float | None = DEFAULT_TIMEOUT,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Load ``source`` once and answer SPARQL over HTTP until Ctrl-C (or SIGTERM).

    Args:
        source: A graph file (any RDF format kg reads) or a :class:`KnowledgeGraph`.
        host: Address to listen on; the default accepts connections from this machine only.
        port: TCP port; 0 picks a free one (the announced URL says which).
        timeout: Seconds a query may run (None or 0: no limit).
        announce: Called with each line to show the user (default: print to stdout).
    """
    import time

    import uvicorn

    say = announce or (lambda line: print(line, flush=True))
    started = time.monotonic()
    graph = SparqlGraph(source, engine="oxigraph")
    loaded = time.monotonic() - started
    sock = _listen(host, port)
    port = sock.getsockname()[1]
    loopback = host in _LOOPBACK or host.startswith("127.")
    allowed = [*_LOOPBACK, "[::1]", host] if loopback else None
    title = str(source) if not hasattr(source, "nodes") else "an in-memory graph"
    app = make_app(graph, timeout=timeout, title=title, allowed_hosts=allowed)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            timeout_graceful_shutdown=int(SHUTDOWN_GRACE), server_header=False)
    running: _Running = app.state.running

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            running.stop_all()  # a running query would hold the shutdown up to its time limit
            super().handle_exit(sig, frame)

    server = Server(config)
    url = _url(host, port)
    limit = f"{timeout:g} s" if timeout else "none"
    say(f"kg serve: {title}: {len(graph.store):,} RDF triples loaded in {loaded:.1f} s")
    say(f"kg serve: query page {url}  SPARQL endpoint {url}sparql  "
        f"(read-only; time limit {limit}; Ctrl-C stops)")
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn re-raises the Ctrl-C it handled, after shutting down
        pass
    finally:
        sock.close()
    say("kg serve: stopped")
    sys.stdout.flush()
