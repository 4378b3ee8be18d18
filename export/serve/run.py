"""``kg serve``: load a graph once and answer SPARQL over HTTP until Ctrl-C.

uvicorn (a maintained ASGI server) speaks HTTP; the application is
:func:`export.serve.app.make_app`. Oxigraph's own server (the ``oxigraph`` package) was
measured and not chosen: it calls ``SERVICE`` endpoints over the network, its time limit did
not stop a running query, and it knows nothing of kg's prefixes (docs/rdf.md).
"""

from __future__ import annotations

import socket
import sys
import time
from typing import Any, Callable

from export.serve.app import ServeSettings, make_app
from export.sparql.engine import SparqlGraph
from export.sparql.load import Source
from export.sparql.worker import DEFAULT_TIMEOUT
from kg.errors import KGError

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "serve"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
#: Seconds uvicorn waits for running requests after Ctrl-C before cancelling them.
SHUTDOWN_GRACE = 2.0
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


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
    source: Source,
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
    import uvicorn

    say = announce or (lambda line: print(line, flush=True))
    started = time.monotonic()
    graph = SparqlGraph(source, engine="oxigraph")
    loaded = time.monotonic() - started
    sock = _listen(host, port)
    port = sock.getsockname()[1]
    loopback = host in _LOOPBACK or host.startswith("127.")
    title = str(source) if not hasattr(source, "nodes") else "an in-memory graph"
    settings = ServeSettings(timeout=timeout, title=title,
                             allowed_hosts=(*_LOOPBACK, "[::1]", host) if loopback else None)
    app = make_app(graph, settings)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            timeout_graceful_shutdown=int(SHUTDOWN_GRACE), server_header=False)
    endpoint = app.state.endpoint

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            endpoint.stop_all()  # a running query would hold the shutdown up to its time limit
            super().handle_exit(sig, frame)

    url = _url(host, port)
    limit = f"{timeout:g} s" if timeout else "none"
    say(f"kg serve: {title}: {graph.triples:,} RDF triples loaded in {loaded:.1f} s")
    say(f"kg serve: query page {url}  SPARQL endpoint {url}sparql  "
        f"(read-only; time limit {limit}; Ctrl-C stops)")
    try:
        Server(config).run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn re-raises the Ctrl-C it handled, after shutting down
        pass
    finally:
        sock.close()
        graph.close()
    say("kg serve: stopped")
    sys.stdout.flush()
