"""Read-only SPARQL over a kg graph, in pyoxigraph (default) or rdflib, with the same answers.

Queries are checked before they run: only SELECT, ASK, CONSTRUCT and DESCRIBE are accepted
(updates are refused), ``SERVICE`` and ``FROM``/``FROM NAMED`` are refused (they would reach
the network or another dataset; :mod:`export.sparql.vet` decides), and a syntax error says in
words what was expected, at its line and column (:mod:`export.sparql.syntax`). The project's
prefixes (``kgv``, ``kg``, ``ent``, ``rel``, ``doc``) and the usual ones (``rdf``, ``rdfs``,
``skos``, ``schema``, ``prov``, ``dcterms``, ``xsd``) are predeclared. Every query runs under a
time limit (:data:`DEFAULT_TIMEOUT`) in a child of the query worker, which holds the graph and
survives a query it had to kill (:mod:`export.sparql.worker`); this process only sends the
query's text and reads the answer.

Oxigraph is the default engine: on a graph of 300 news documents (132,000 RDF triples) it
answers every documented query in under 2 s, where rdflib needs up to 7 s or runs past a
30 s limit (``benchmarks/query_bench.py``). rdflib stays available as ``engine="rdflib"``.
``run_query(path, ..., cache=True)`` (what ``kg query`` does) answers from a store kept on disk
for the file (:mod:`export.sparql.store_cache`) instead of parsing it on every call.

>>> from kg.model import KnowledgeGraph
>>> run_query(KnowledgeGraph(), "ASK { ?s a schema:Person }").boolean
False
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from export.sparql import store_cache
from export.sparql.evaluate import (
    StoreReadError,
    answer,
    answer_from_store,
    check,
    load_and_answer,
    prepare,
)
from export.sparql.load import (
    Source,
    check_engine,
    in_memory,
    load_graph,
    oxigraph_input,
    to_oxigraph,
    to_rdflib,
)
from export.sparql.result import QueryResult, unpack
from export.sparql.syntax import default_base, namespaces_of
from export.sparql.worker import DEFAULT_TIMEOUT, QueryWorker, default_worker
from kg.errors import GraphReadError

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Dataset

__all__ = ["DEFAULT_ENGINE", "SparqlGraph", "check_syntax", "run_query"]

#: The engine of ``kg query``, ``kg.query`` and :func:`run_query` unless told otherwise.
DEFAULT_ENGINE = "oxigraph"


def _text(query: Any) -> str:
    if not isinstance(query, str):
        raise TypeError(f"query must be a string, not {type(query).__name__}")
    return query


class SparqlGraph:
    """A graph loaded once into one engine, for any number of read-only queries.

    The graph is loaded into a query worker of its own (a separate process, see
    :mod:`export.sparql.worker`), which answers every query; :meth:`close` (or the end of a
    ``with`` block, or of this process) stops it.

    Args:
        source: Path of an RDF file (any format kg reads), or a :class:`KnowledgeGraph`.
        engine: ``"oxigraph"`` (default) or ``"rdflib"``.

    Attributes:
        engine: The engine's name.
        base: The base IRI the graph was written with (its ``kg``/``ent``/``rel``/``doc``
            prefixes follow it).
        namespaces: The predeclared prefixes (prefix -> IRI).
        triples: Number of RDF triples (quads) loaded.
        worker: The :class:`~export.sparql.worker.QueryWorker` holding the graph.

    >>> from kg.model import KnowledgeGraph
    >>> with SparqlGraph(KnowledgeGraph()) as graph:
    ...     graph.query("ASK { ?s a schema:Person }").boolean
    False
    """

    def __init__(self, source: Source, *, engine: str = DEFAULT_ENGINE) -> None:
        check_engine(engine)
        self.engine = engine
        self.source = source
        self.worker = QueryWorker()
        info = self.worker.load(load_graph, source, engine)
        self.base: str = info.base
        self.triples: int = info.triples
        self.namespaces = namespaces_of(self.base)
        self._copy: Any = None

    @property
    def store(self) -> ox.Store | None:
        """A pyoxigraph ``Store`` of the graph in this process (oxigraph engine; None
        otherwise), loaded on first use: the queries use the worker's own copy."""
        return self._here("oxigraph", to_oxigraph)

    @property
    def dataset(self) -> Dataset | None:
        """An rdflib ``Dataset`` of the graph in this process (rdflib engine; None
        otherwise), loaded on first use: the queries use the worker's own copy."""
        return self._here("rdflib", to_rdflib)

    def _here(self, engine: str, convert: Any) -> Any:
        if self.engine != engine:
            return None
        if self._copy is None:
            self._copy = convert(self.source)
        return self._copy

    def query(self, sparql: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> QueryResult:
        """Answer a read-only query within ``timeout`` seconds (None or 0: no limit).

        Raises:
            QueryError: The query is malformed.
            QueryNotAllowedError: The query is an update, or uses ``SERVICE`` or ``FROM``.
            QueryTimeoutError: The query ran out of time and was stopped.
        """
        packed = self.worker.run(answer, _text(sparql), timeout=timeout,
                                 prepare=prepare(self.engine))
        return unpack(packed, self.namespaces)

    def close(self) -> None:
        """Stop the worker holding the graph."""
        self.worker.close()

    def __enter__(self) -> SparqlGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def check_syntax(query: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> str:
    """Vet ``query`` (:func:`export.sparql.vet.vet_query`) and parse it in Oxigraph, without
    rdflib, in the query worker under the time limit; returns its form.

    Raises:
        QueryError: Malformed: the message gives the line, the column and what was expected.
        QueryNotAllowedError: An update, ``SERVICE``, ``FROM`` or ``FROM NAMED``.
        QueryTimeoutError: Parsing ran out of time.

    >>> check_syntax("ASK { ?s a schema:Person }")
    'ASK'
    """
    return _check(default_worker(), _text(query), "oxigraph", timeout)


def _check(worker: QueryWorker, query: str, engine: str, timeout: float | None) -> str:
    base = default_base()
    return worker.run(check, query, engine, base, namespaces_of(base), timeout=timeout,
                      prepare=prepare(engine))


def run_query(
    source: Source | SparqlGraph,
    query: str,
    *,
    engine: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    cache: bool = False,
) -> QueryResult:
    """Run a read-only SPARQL query over a graph file or an in-memory graph.

    The default graph of the query is the union of every graph in the file, so the same query
    works on Turtle and on TriG/N-Quads exports. The graph is loaded for this query alone, in
    a child of the shared query worker (loading is not part of the time limit); load it once
    with :class:`SparqlGraph` for many queries.

    Args:
        source: Path of an RDF file (any format kg reads), a :class:`KnowledgeGraph`, or a
            :class:`SparqlGraph` already loaded (for many queries over one graph).
        query: SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE; the kg prefixes are predeclared.
        engine: ``"oxigraph"`` (default) or ``"rdflib"``; a :class:`SparqlGraph` keeps its own.
        timeout: Seconds before the query is stopped; None or 0 for no limit.
        cache: Answer a graph file from a store kept on disk
            (:mod:`export.sparql.store_cache`), built by the first query and opened in
            milliseconds by the next ones (oxigraph engine; ``kg query`` does this unless
            ``--no-cache``).

    Raises:
        QueryError: The query is malformed.
        QueryNotAllowedError: An update, ``SERVICE``, ``FROM``.
        QueryTimeoutError: The query ran out of time and was stopped.
        GraphReadError: The file cannot be read as RDF.
        ValueError: Unknown engine, or an engine other than a :class:`SparqlGraph`'s own.
    """
    _text(query)
    if isinstance(source, SparqlGraph):
        if engine not in (None, source.engine):
            raise ValueError(f"this graph is loaded in {source.engine}, not {engine}")
        return source.query(query, timeout=timeout)
    engine = engine or DEFAULT_ENGINE
    check_engine(engine)
    worker = default_worker()
    worker.start()  # it starts up while this process reads the file
    if engine == "oxigraph" and cache and not in_memory(source):
        found = _query_cached(worker, source, query, timeout)
        if found is not None:
            return found
    base, packed = worker.run(load_and_answer, source, engine, query, timeout=timeout,
                              prepare=prepare(engine, load=True))
    return unpack(packed, namespaces_of(base))


def _query_cached(worker: QueryWorker, path: str | os.PathLike[str], query: str,
                  timeout: float | None) -> QueryResult | None:
    """Answer from the store cache (:mod:`export.sparql.store_cache`), building the entry
    first if need be; None when the cache cannot be used (the caller loads the graph)."""
    try:
        key = store_cache.file_key(path)
    except OSError as err:
        raise GraphReadError(f"{path}: cannot read the graph ({err.strerror})") from err
    entry = store_cache.open_entry(key)
    if entry is None:
        _check(worker, query, "oxigraph", timeout)
        readable = oxigraph_input(path)
        if readable is None:
            return None
        data, ox_name, name = readable
        from export.namespaces import KGV

        try:
            entry = store_cache.build_entry(
                store_cache.content_key(Path(path).suffix, data), data, ox_name,
                graph_class=str(KGV.KnowledgeGraph), default_base=default_base(),
                source=str(path))
        except SyntaxError as err:
            raise GraphReadError(f"{path}: malformed {name} RDF: {err}") from err
        if entry is None:
            return None
    with entry:
        namespaces = namespaces_of(entry.base)
        try:
            packed = worker.run(answer_from_store, str(entry.store_path), namespaces, query,
                                timeout=timeout)
        except StoreReadError:
            entry.discard()
            return None
    return unpack(packed, namespaces)
