"""The work of one query, as the query worker's child does it: vet, parse, evaluate, pack.

Everything that reads the query's text happens here, in a child process under the time
limit (:mod:`export.sparql.worker`): vetting (:func:`~export.sparql.vet.vet_query`), parsing
and evaluating. The answer travels back as plain tuples of strings (fast to pickle, no engine
internals): a term is ``(kind, value, language or datatype)``, None when unbound, and an
answer is ``(kind, variables, rows, boolean, triples)``;
:func:`export.sparql.result.unpack` makes a :class:`~export.sparql.result.QueryResult` of it.

Jobs take the worker's state first: a :class:`~export.sparql.load.LoadedGraph` for
:func:`answer`; the others need no graph in the worker: :func:`check`,
:func:`answer_from_store` (a cached store, opened in the child) and :func:`load_and_answer`
(a graph loaded in the child for one query).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

import pyoxigraph as ox

from export.sparql.load import LoadedGraph, Source, load_graph
from export.sparql.syntax import (
    check_query,
    default_base,
    namespaces_of,
    oxigraph_syntax_error,
    parse_oxigraph,
    query_kind,
    walk,
)
from export.sparql.tokens import tokens
from export.sparql.vet import selects_star, vet_query
from export.sparql.worker import pause_clock, start_clock
from kg.errors import QueryError

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.plugins.sparql.sparql import Query
    from rdflib.term import Node

__all__ = ["StoreReadError", "answer", "answer_from_store", "check", "load_and_answer",
           "prepare"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class StoreReadError(QueryError):
    """pyoxigraph could not read its store (a damaged cache entry)."""


def prepare(engine: str, *, load: bool = False) -> tuple[Callable[[], Any], ...]:
    """What a worker runs once before the jobs of ``engine`` (that load a graph, with
    ``load``): see :meth:`~export.sparql.worker.QueryWorker.submit`."""
    return ((_warm_rdflib,) if engine == "rdflib" else ()) + ((_warm_loading,) if load else ())


def _warm_rdflib() -> None:
    """Parse and answer a query in rdflib once: its first parse builds the parser's tables
    (0.1 s), which every child would build again."""
    from rdflib import Dataset, Graph

    answer(LoadedGraph("rdflib", "http://example.org/", dataset=Dataset(), union=Graph()),
           "SELECT ?s WHERE { ?s a rdfs:Class OPTIONAL { ?s rdfs:label ?l } } ORDER BY ?s")


def _warm_loading() -> None:
    """Load an empty graph once: imports the RDF export and fills its caches."""
    from kg.model import KnowledgeGraph

    load_graph(KnowledgeGraph(), "oxigraph")


def check(_state: Any, query: str, engine: str, base: str, namespaces: dict[str, str]) -> str:
    """Vet ``query`` and parse it as ``engine`` would, for a graph under ``base`` (whose
    prefixes are ``namespaces``); its form (``SELECT``, ...)."""
    kind = vet_query(query)
    if engine == "oxigraph":
        parse_oxigraph(query, namespaces)
        return kind
    return query_kind(check_query(query, base=base))


def load_and_answer(_state: Any, source: Source, engine: str, query: str) -> tuple[str, tuple]:
    """Check ``query`` (as :func:`check`, with the default base: it fails before any loading),
    load ``source`` into ``engine`` (not part of the time limit), then answer: the graph's
    base IRI and the packed answer."""
    base = default_base()
    check(None, query, engine, base, namespaces_of(base))
    pause_clock()
    graph, info = load_graph(source, engine)
    start_clock()
    return info.base, answer(graph, query)


def answer(graph: LoadedGraph, query: str) -> tuple:
    """The packed answer to ``query`` over the worker's graph."""
    if graph.store is not None:
        packed = _run_oxigraph(graph.store, query, vet_query(query), graph.namespaces)
    else:
        translated = check_query(query, base=graph.base)
        uses_graphs = any(node.name == "Graph" for node in walk(translated.algebra))
        target = graph.dataset if uses_graphs else graph.union
        assert target is not None
        packed = _run_rdflib(target, translated, query_kind(translated))
    return _star_order(query, packed)


def answer_from_store(_state: Any, store_path: str, namespaces: dict[str, str],
                      query: str) -> tuple:
    """The packed answer to ``query`` over the RocksDB store at ``store_path`` (a cache
    entry), opened read-only in this child: RocksDB's threads never reach a process that
    forks."""
    kind = vet_query(query)  # refused before the store is opened
    try:
        store = ox.Store.read_only(store_path)
    except (OSError, RuntimeError) as err:
        raise StoreReadError(f"the cached store cannot be opened: {err}") from None
    return _star_order(query, _run_oxigraph(store, query, kind, namespaces))


def _star_order(query: str, packed: tuple) -> tuple:
    """Columns of ``SELECT *`` in order of first appearance in the query, in both engines
    (rdflib and oxigraph each pick their own order otherwise)."""
    kind, variables, rows, boolean, triples = packed
    if kind != "SELECT" or not selects_star(query):
        return packed
    first_seen: dict[str, int] = {}
    for token in tokens(query):
        if token.kind == "var":
            first_seen.setdefault(token.text[1:], token.offset)
    order = sorted(variables, key=lambda var: (first_seen.get(var, len(query)), var))
    if order == variables:
        return packed
    position = [variables.index(v) for v in order]
    return (kind, order, [tuple(row[i] for i in position) for row in rows], boolean, triples)


def _pack_rdflib(term: Node | None) -> tuple | None:
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return ("u", str(term), None)
    if isinstance(term, BNode):
        return ("b", str(term), None)
    if isinstance(term, Literal):
        if term.language:
            return ("l", str(term), "@" + term.language)
        datatype = str(term.datatype) if term.datatype is not None else None
        return ("l", str(term), None if datatype == _XSD_STRING else datatype)
    raise QueryError(f"unsupported RDF term in a result: {term!r}")


def _pack_ox(term: Any) -> tuple | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("u", term.value, None)
    if isinstance(term, ox.BlankNode):
        return ("b", term.value, None)
    if isinstance(term, ox.Literal):
        if term.language:
            return ("l", term.value, "@" + term.language)
        datatype = term.datatype.value
        return ("l", term.value, None if datatype == _XSD_STRING else datatype)
    raise QueryError(f"unsupported RDF term in a result: {term!r}")


def _describe_rdflib(dataset: Graph, translated: Query) -> Graph:
    """DESCRIBE as oxigraph answers it: every triple whose subject is a described resource,
    following blank-node objects. (rdflib's own DESCRIBE adds reifications and describes every
    bound variable, not only the projected ones.)"""
    from rdflib import BNode, Graph, Literal, URIRef
    from rdflib.plugins.sparql.evaluate import evalPart
    from rdflib.plugins.sparql.sparql import QueryContext
    from rdflib.term import Variable

    algebra = translated.algebra
    resources: set = {term for term in algebra.PV if isinstance(term, URIRef)}
    variables = [term for term in algebra.PV if isinstance(term, Variable)]
    if algebra.p is not None:
        ctx = QueryContext(dataset, initBindings={}, datasetClause=None)
        ctx.prologue = translated.prologue
        for binding in evalPart(ctx, algebra.p):
            resources.update(binding[v] for v in variables if binding.get(v) is not None)
    graph = Graph()
    todo = [r for r in resources if not isinstance(r, Literal)]
    seen = set(todo)
    while todo:
        resource = todo.pop()
        for triple in dataset.triples((resource, None, None)):
            graph.add(triple)
            if isinstance(triple[2], BNode) and triple[2] not in seen:
                seen.add(triple[2])
                todo.append(triple[2])
    return graph


def _run_rdflib(dataset: Graph, translated: Query, kind: str) -> tuple:
    """Evaluate in rdflib; the answer packed as (kind, variables, rows, boolean, triples)."""
    try:
        if kind == "DESCRIBE":
            triples = _describe_rdflib(dataset, translated)
        else:
            result = dataset.query(translated)
            if kind == "SELECT":
                variables = [str(v) for v in result.vars or []]
                rows = [tuple(_pack_rdflib(t) for t in row) for row in result]
                return (kind, variables, rows, None, [])
            if kind == "ASK":
                return (kind, [], [], bool(result.askAnswer), [])
            triples = result
        return (kind, [], [], None,
                [tuple(_pack_rdflib(t) for t in triple) for triple in set(triples)])
    except QueryError:
        raise
    except Exception as err:  # evaluation errors surface as many exception types
        raise QueryError(f"the query failed in rdflib: {err}") from err


def _run_oxigraph(store: ox.Store, query: str, kind: str, namespaces: dict[str, str]) -> tuple:
    """Evaluate in pyoxigraph; the answer packed as (kind, variables, rows, boolean, triples).

    ``kind`` is the form :func:`vet_query` read; the result's own type decides how it is read.
    """
    try:
        # the union of the graphs is the default graph when there are no named graphs, and
        # querying the default graph alone is faster (by 10-20 %)
        union = next(iter(store.named_graphs()), None) is not None
        result = store.query(query, prefixes=namespaces, use_default_graph_as_union=union)
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            rows = [tuple(_pack_ox(solution[v]) for v in variables) for solution in result]
            return ("SELECT", variables, rows, None, [])
        if isinstance(result, ox.QueryBoolean):
            return ("ASK", [], [], bool(result), [])
        triples = {(_pack_ox(t.subject), _pack_ox(t.predicate), _pack_ox(t.object))
                   for t in result}
        return (kind if kind == "DESCRIBE" else "CONSTRUCT", [], [], None, list(triples))
    except SyntaxError as err:
        raise oxigraph_syntax_error(query, err, namespaces) from None
    except (OSError, RuntimeError) as err:
        if isinstance(err, OSError) or str(err).startswith("Corruption"):  # a damaged store
            raise StoreReadError(f"the query failed in oxigraph: {err}") from err
        raise QueryError(f"the query failed in oxigraph: {err}") from err
    except (ValueError, TypeError) as err:
        raise QueryError(f"the query failed in oxigraph: {err}") from err
