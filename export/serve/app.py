"""The web application of ``kg serve``: routes, answers and the query page.

Each query is answered by the query worker that holds the graph
(:mod:`export.sparql.worker`): in a child process that is killed at the time limit, where the
query is vetted, parsed, evaluated and serialised (:func:`~export.serve.protocol.answer_http`).
The event loop only reads requests and waits for answers, so a query that is slow to parse
or to answer never holds up another request.
"""

from __future__ import annotations

import asyncio
import html
import json
import os
from dataclasses import dataclass, replace
from importlib import resources
from typing import TYPE_CHECKING, Any

from export.serve.protocol import (
    GRAPH_TYPES,
    RESULT_TYPES,
    HttpError,
    NotAcceptableError,
    answer_http,
    negotiate,
    read_query,
)
from export.sparql.engine import SparqlGraph
from export.sparql.worker import DEFAULT_TIMEOUT, Pending
from kg.errors import QueryError, QueryNotAllowedError, QueryTimeoutError

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response

__all__ = ["ServeSettings", "make_app"]

_TEXT = "text/plain; charset=utf-8"
_PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
_ASSETS = {"yasgui/yasgui.min.js": "text/javascript", "yasgui/yasgui.min.css": "text/css",
           "query.js": "text/javascript", "query.css": "text/css"}
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


@dataclass(frozen=True)
class ServeSettings:
    """How ``kg serve`` answers.

    Attributes:
        timeout: Seconds a query may run (None or 0: no limit).
        title: What the query page calls the graph.
        allowed_hosts: Accepted ``Host`` names (DNS-rebinding guard); None accepts any.
        max_queries: Queries evaluated at once (default: one per CPU); others wait.
    """

    timeout: float | None = DEFAULT_TIMEOUT
    title: str = "a kg graph"
    allowed_hosts: tuple[str, ...] | None = None
    max_queries: int | None = None


def make_app(graph: SparqlGraph, settings: ServeSettings | None = None,
             **options: Any) -> Starlette:
    """The Starlette application answering SPARQL over ``graph`` (an oxigraph SparqlGraph).

    Args:
        graph: The loaded graph.
        settings: How to answer (:class:`ServeSettings`; the defaults when None).
        **options: Fields of :class:`ServeSettings` given one by one (``timeout=5``), as
            ``make_app`` took them before the settings object; they override ``settings``.

    >>> make_app.__name__, ServeSettings(timeout=5).max_queries
    ('make_app', None)
    """
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.routing import Route

    if graph.engine != "oxigraph":
        raise ValueError("kg serve answers with pyoxigraph: load the graph with engine='oxigraph'")
    settings = replace(settings or ServeSettings(), **options)
    endpoint = _Endpoint(graph, settings)
    routes = [
        Route("/", endpoint.home, methods=["GET"]),
        Route("/sparql", endpoint.sparql, methods=["GET", "POST"]),
        Route("/query", endpoint.sparql, methods=["GET", "POST"]),
        Route("/update", endpoint.sparql, methods=["GET", "POST"]),  # refused as an update
        Route("/{name:path}", endpoint.asset, methods=["GET"]),
    ]
    middleware = []
    if settings.allowed_hosts is not None:
        middleware.append(Middleware(TrustedHostMiddleware,
                                     allowed_hosts=list(settings.allowed_hosts)))
    app = Starlette(routes=routes, middleware=middleware)
    app.state.endpoint = endpoint
    return app


class _Endpoint:
    """The request handlers, the queries running now, and whether the server is stopping."""

    def __init__(self, graph: SparqlGraph, settings: ServeSettings) -> None:
        self.graph = graph
        self.settings = settings
        self.slots = asyncio.Semaphore(settings.max_queries or os.cpu_count() or 1)
        self.running: set[Pending] = set()
        self.stopping = False
        self.page = _page(settings.title, graph.namespaces, settings.timeout)
        self.assets = {name: (_static(name), media) for name, media in _ASSETS.items()}

    def stop_all(self) -> None:
        """Stop every running query (they are answered ``503``); safe in a signal handler."""
        self.stopping = True
        for pending in list(self.running):
            pending.stop()

    async def sparql(self, request: Request) -> Response:
        try:
            media, body = await self._answer(request)
        except QueryNotAllowedError as err:
            return _plain(403, str(err))
        except HttpError as err:
            return _plain(err.status, str(err))
        except NotAcceptableError as err:
            return _plain(406, str(err))
        except QueryTimeoutError:
            return _plain(503, f"the query did not finish within {self.settings.timeout:g} s "
                               f"and was stopped (kg serve --timeout); narrow it down")
        except QueryError as err:
            return _plain(503, "the server is stopping") if self.stopping else _plain(400, str(err))
        from starlette.responses import Response

        charset = "" if media.endswith("xml") else "; charset=utf-8"
        return Response(body, media_type=media + charset, headers={"Vary": "Accept"})

    async def _answer(self, request: Request) -> tuple[str, bytes]:
        query = await read_query(request)
        accept = request.headers.get("accept")
        results, graphs = (negotiate(accept, offers) for offers in (RESULT_TYPES, GRAPH_TYPES))
        async with self.slots:
            if self.stopping:
                raise HttpError(503, "the server is stopping")
            pending = self.graph.worker.submit(answer_http, query, results and results[0],
                                               graphs and graphs[0])
            self.running.add(pending)
            try:
                return await pending.result_async(self.settings.timeout)
            finally:
                self.running.discard(pending)

    async def home(self, request: Request) -> Response:
        from starlette.responses import Response

        return Response(self.page, media_type="text/html; charset=utf-8",
                        headers={"Content-Security-Policy": _PAGE_POLICY})

    async def asset(self, request: Request) -> Response:
        from starlette.responses import Response

        found = self.assets.get(request.path_params["name"])
        if found is None:
            return _plain(404, "not found")
        body, media = found
        return Response(body, media_type=media + "; charset=utf-8",
                        headers={"Cache-Control": "max-age=3600"})


def _plain(status: int, message: str) -> Response:
    """A one-line text answer (errors)."""
    from starlette.responses import Response

    return Response(f"kg serve: {message}\n", status_code=status, media_type=_TEXT)


def _static(name: str) -> bytes:
    return resources.files("export.serve").joinpath("static", name).read_bytes()


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
