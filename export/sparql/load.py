"""The RDF export of a graph, or a graph file, as a pyoxigraph store or an rdflib dataset.

These are what the query engines read: :func:`to_oxigraph` and :func:`to_rdflib` (also
``kg.to_oxigraph`` and ``kg.to_rdflib``), and :func:`load_graph`, which the query worker
(:mod:`export.sparql.worker`) runs to hold a graph for its queries.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Union

import pyoxigraph as ox

from export.sparql import store_cache
from export.sparql.syntax import namespaces_of
from kg.errors import GraphReadError

if TYPE_CHECKING:  # kg's graph model and rdflib are imported when used
    from rdflib import Dataset, Graph

    from kg.model import KnowledgeGraph

__all__ = ["ENGINES", "GraphInfo", "LoadedGraph", "Source", "check_engine", "graph_base",
           "in_memory", "load_graph", "oxigraph_input", "to_oxigraph", "to_rdflib"]

#: Query engines: pyoxigraph (Rust; the default) and rdflib (pure Python).
ENGINES = ("oxigraph", "rdflib")

#: What can be queried: a graph file (any RDF format kg reads) or an in-memory graph.
Source = Union[str, "os.PathLike[str]", "KnowledgeGraph"]

def check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise ValueError(f"unknown query engine {engine!r}; choose one of {', '.join(ENGINES)}")


def _default_base() -> str:
    from export.rdf import DEFAULT_BASE  # imported here: export.rdf loads the graph model

    return DEFAULT_BASE


def graph_base(store: ox.Store) -> str:
    """The base IRI of a kg export in ``store``: the IRI of its ``kgv:KnowledgeGraph``."""
    from export.namespaces import KGV

    return store_cache.graph_base(store, str(KGV.KnowledgeGraph), _default_base())


def _store_from_rdflib(dataset: Dataset) -> ox.Store:
    from export.rdf.terms import to_ox

    cache: dict = {}
    store = ox.Store()
    default = dataset.default_graph.identifier
    quads = []
    for s, p, o, g in dataset.quads((None, None, None, None)):
        graph_id = getattr(g, "identifier", g)
        name = ox.DefaultGraph() if graph_id in (None, default) else to_ox(graph_id, cache)
        quads.append(ox.Quad(to_ox(s, cache), to_ox(p, cache), to_ox(o, cache), name))
    store.extend(quads)
    return store


def oxigraph_input(path: str | os.PathLike[str]) -> tuple[bytes, str, str] | None:
    """The checked bytes of a graph file, pyoxigraph's name of its format (``TURTLE``, ...)
    and kg's; None for a format only rdflib reads (TriX, HexTuples)."""
    from export.rdf import _OXIGRAPH_FORMATS, read_checked, reading_format

    name = reading_format(path)
    ox_name = _OXIGRAPH_FORMATS.get(name)
    if ox_name is None:
        return None
    return read_checked(path, name), ox_name, name


def _store_from_file(path: str | os.PathLike[str]) -> ox.Store:
    readable = oxigraph_input(path)
    if readable is None:
        from export.rdf import parse_rdf

        return _store_from_rdflib(parse_rdf(path))
    data, ox_name, name = readable
    store = ox.Store()
    try:
        store.load(data, format=getattr(ox.RdfFormat, ox_name))
    except SyntaxError as err:
        raise GraphReadError(f"{path}: malformed {name} RDF: {err}") from err
    return store


def in_memory(source: Any) -> bool:
    """Whether ``source`` is a :class:`KnowledgeGraph` (without importing kg's model for a
    path)."""
    if isinstance(source, (str, os.PathLike)):
        return False
    from kg.model import KnowledgeGraph

    return isinstance(source, KnowledgeGraph)


def _base_of(graph: KnowledgeGraph) -> str:
    return graph.graph.get("base", _default_base())


def to_oxigraph(source: Source) -> ox.Store:
    """A pyoxigraph ``Store`` holding the RDF export of a graph file or an in-memory graph.

    Named graphs (TriG, N-Quads) stay named graphs; query it with
    ``use_default_graph_as_union=True`` to see everything, as kg does.

    >>> from kg.model import KnowledgeGraph
    >>> len(to_oxigraph(KnowledgeGraph())) > 0
    True
    """
    if in_memory(source):
        from export.rdf import to_rdf

        return _store_from_rdflib(to_rdf(source, base=_base_of(source)))
    return _store_from_file(source)


def to_rdflib(source: Source) -> Dataset:
    """An rdflib ``Dataset`` (a ``Graph`` whose default graph is the union of all graphs)
    holding the RDF export of a graph file or an in-memory graph.

    >>> from kg.model import KnowledgeGraph
    >>> len(to_rdflib(KnowledgeGraph())) > 0
    True
    """
    from export.rdf import parse_rdf, to_rdf

    if in_memory(source):
        return to_rdf(source, base=_base_of(source))
    return parse_rdf(source)


def _union_graph(dataset: Dataset) -> Graph:
    from rdflib import Graph

    union = Graph()
    for prefix, namespace in dataset.namespaces():
        union.bind(prefix, namespace, override=True, replace=True)
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


@dataclass
class LoadedGraph:
    """A graph loaded into one engine (what the query worker holds).

    Attributes:
        engine: ``"oxigraph"`` or ``"rdflib"``.
        base: The base IRI the graph was written with.
        namespaces: The predeclared prefixes (prefix -> IRI) of a graph under ``base``.
        store: The pyoxigraph store (oxigraph).
        dataset: The rdflib dataset, with its named graphs (rdflib).
        union: Every triple of ``dataset`` in one graph: rdflib answers a query that names
            no graph far faster over it than over the dataset (rdflib).
    """

    engine: str
    base: str
    store: ox.Store | None = None
    dataset: Dataset | None = None
    union: Graph | None = None
    namespaces: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.namespaces = namespaces_of(self.base)


@dataclass(frozen=True)
class GraphInfo:
    """What the caller learns of a graph the worker loaded."""

    base: str
    triples: int


def load_graph(source: Source, engine: str) -> tuple[LoadedGraph, GraphInfo]:
    """Load ``source`` into ``engine``; the loaded graph and its base IRI and size."""
    if engine == "oxigraph":
        store = to_oxigraph(source)
        loaded = LoadedGraph(engine, graph_base(store), store=store)
        return loaded, GraphInfo(loaded.base, len(store))
    from export.rdf import graph_base as rdflib_base

    dataset = to_rdflib(source)
    union = _union_graph(dataset)
    loaded = LoadedGraph(engine, rdflib_base(union), dataset=dataset, union=union)
    return loaded, GraphInfo(loaded.base, len(union))
