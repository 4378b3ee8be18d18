"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a kg graph, with a query page.

pyoxigraph answers the queries and writes the results in its own standard serialisers;
uvicorn speaks HTTP; Starlette routes requests and checks the ``Host`` header. kg adds what
neither offers: the graph is loaded once, into a query worker that answers every query in a
child process killed at the time limit (:mod:`export.sparql.worker`); every query is checked
as in ``kg query`` (updates, ``SERVICE`` and ``FROM`` are refused: :mod:`export.sparql.vet`);
the kg prefixes are predeclared.

- :mod:`~export.serve.protocol`: requests, content negotiation, the answer in the worker.
- :mod:`~export.serve.app`: :func:`make_app` and its :class:`ServeSettings`; the query page.
- :mod:`~export.serve.run`: :func:`serve`, what ``kg serve`` calls.
- ``static/``: the query page (YASGUI, ``@zazuko/yasgui`` 4.6.2, MIT): no network needed.

Protocol: ``GET /sparql?query=...``, ``POST /sparql`` with a form (``query=...``) or a
``application/sparql-query`` body. Results by content negotiation (``Accept``): SPARQL JSON
(default), XML, CSV, TSV for SELECT and ASK; Turtle (default), N-Triples, RDF/XML for
CONSTRUCT and DESCRIBE. ``/`` is the query page.
"""

from __future__ import annotations

from export.serve.app import ServeSettings, make_app
from export.serve.protocol import GRAPH_TYPES, RESULT_TYPES, negotiate
from export.serve.run import DEFAULT_HOST, DEFAULT_PORT, serve

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "GRAPH_TYPES",
    "RESULT_TYPES",
    "ServeSettings",
    "make_app",
    "negotiate",
    "serve",
]
