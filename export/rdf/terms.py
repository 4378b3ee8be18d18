"""The RDF of a graph as rdflib and pyoxigraph terms, and rdflib's serialisers made stable.

Terms are never built by hand here: the quads are the N-Quads text of :mod:`export.rdf.text`
parsed by pyoxigraph, so every writer derives from the one vocabulary table. The term
converters (:func:`to_ox`, :func:`from_ox`) and :func:`bind_prefixes` are the one copy the
query engine shares.

>>> from kg.model import Argument, Provenance, Triple
>>> from kg.merge import merge_into
>>> from kg.model import KnowledgeGraph
>>> from export.namespaces import RDFS
>>> p = Provenance("d.txt", "Xu Liang met Sora.", 0, 18, "Xu Liang", 0, 8, "Sora", 13, 17,
...                0.9, "svo")
>>> g = merge_into(KnowledgeGraph(), [Triple(Argument("Xu Liang", "xu liang", "PERSON"), "meet",
...                                          Argument("Sora", "sora"), p)])
>>> rdf = to_rdf(g)
>>> print(rdf.value(URIRef("http://example.org/kg/entity/Xu_Liang"), RDFS.label))
Xu Liang
"""

from __future__ import annotations

import json
import re
import warnings
from typing import Any, Iterator

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from export.namespaces import XSD, prefixes
from export.rdf.formats import get_format
from export.rdf.iris import DEFAULT_BASE, check_base
from export.rdf.text import generate_text
from kg.model import KnowledgeGraph

__all__ = [
    "to_ox",
    "from_ox",
    "bind_prefixes",
    "oxigraph_quads",
    "generate_rdf",
    "to_rdf",
    "serialize_rdf",
]

_XSD_STRING = str(XSD.string)
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def to_ox(term: Node, cache: dict | None = None) -> Any:
    """The pyoxigraph term of an rdflib term (``cache``: a dict that remembers conversions).

    >>> to_ox(Literal("5", datatype=XSD.integer))
    <Literal value=5 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>
    """
    if cache is not None:
        found = cache.get(term)
        if found is not None:
            return found
    if isinstance(term, URIRef):
        value = ox.NamedNode(str(term))
    elif isinstance(term, BNode):
        value = ox.BlankNode(str(term))
    elif isinstance(term, Literal):
        if term.language:
            value = ox.Literal(str(term), language=term.language)
        elif term.datatype is not None:
            value = ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        else:
            value = ox.Literal(str(term))
    else:
        raise TypeError(f"not an RDF term: {term!r}")
    if cache is not None:
        cache[term] = value
    return value


def from_ox(term: Any, cache: dict | None = None) -> Node:
    """The rdflib term of a pyoxigraph term; ``xsd:string`` literals come back plain.

    >>> from_ox(ox.Literal("Sora")) == Literal("Sora")
    True
    """
    if cache is not None:
        found = cache.get(term)
        if found is not None:
            return found
    if isinstance(term, ox.NamedNode):
        value: Node = URIRef(term.value)
    elif isinstance(term, ox.BlankNode):
        value = BNode(term.value)
    elif isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if term.language:
            value = Literal(term.value, lang=term.language)
        elif datatype == _XSD_STRING:
            value = Literal(term.value)
        else:
            value = Literal(term.value, datatype=URIRef(datatype))
    else:
        raise TypeError(f"unsupported RDF term {term!r}")
    if cache is not None:
        cache[term] = value
    return value


def bind_prefixes(graph: Graph, base: str) -> None:
    """Bind every prefix kg uses for data under ``base`` (:func:`export.namespaces.prefixes`)."""
    for prefix, namespace in prefixes(base).items():
        graph.bind(prefix, namespace, override=True, replace=True)


def oxigraph_quads(graph: KnowledgeGraph, *, base: str = DEFAULT_BASE,
                   assert_claims: bool | None = None) -> list[ox.Quad]:
    """The quads of ``graph``'s RDF, as pyoxigraph parses them from the N-Quads text."""
    text = generate_text(graph, "nquads", base=check_base(base), assert_claims=assert_claims)
    data = "".join(text).encode("utf-8")
    return list(ox.parse(data, format=ox.RdfFormat.N_QUADS))


def generate_rdf(
    graph: KnowledgeGraph, *, base: str = DEFAULT_BASE, assert_claims: bool | None = None
) -> Iterator[tuple[Node, Node, Node, URIRef | None]]:
    """Yield the quads of ``graph``'s RDF as rdflib terms, in generation order.

    The fourth element is the named graph (a document IRI) or None for the default graph.
    """
    cache: dict = {}
    for quad in oxigraph_quads(graph, base=base, assert_claims=assert_claims):
        name = quad.graph_name
        yield (
            from_ox(quad.subject, cache), from_ox(quad.predicate, cache),
            from_ox(quad.object, cache),
            None if isinstance(name, ox.DefaultGraph) else from_ox(name, cache),  # type: ignore
        )


def to_rdf(
    graph: KnowledgeGraph, *, base: str = DEFAULT_BASE, assert_claims: bool | None = None
) -> Dataset:
    """The RDF dataset of ``graph``: everything in the default graph but mentions, which sit in
    one named graph per document. Iterating it (``triples``, ``subjects``) sees the union.

    Args:
        graph: The knowledge graph.
        base: Base IRI of entities, relations, documents and statements; must end in ``/`` or
            ``#``.
        assert_claims: See :func:`export.rdf.write_rdf`.

    Returns:
        An ``rdflib.Dataset`` with ``default_union`` set.
    """
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset, base)
    default = dataset.default_graph
    named: dict[Node, Graph] = {}
    for s, p, o, g in generate_rdf(graph, base=base, assert_claims=assert_claims):
        if g is None:
            default.add((s, p, o))
        else:
            if g not in named:
                named[g] = dataset.graph(g)
            named[g].add((s, p, o))
    return dataset


# --------------------------------------------------------------------------------------------
# rdflib's serialisers, fed sorted input so that the same graph gives the same bytes


def _term_key(triple: tuple[Node, Node, Node]) -> tuple[str, str, str]:
    return (triple[0].n3(), triple[1].n3(), triple[2].n3())


class _SortedGraph(Graph):
    """A Graph whose triple iteration is sorted, so that serialisers that walk the store
    (RDF/XML, JSON-LD, ...) write in the same order whatever the hash seed."""

    def triples(self, triple, *args, **kwargs):  # type: ignore[no-untyped-def,override]
        yield from sorted(super().triples(triple, *args, **kwargs), key=_term_key)


class _SortedDataset(Dataset):
    """A Dataset whose graphs (default graph first) and triples iterate in sorted order."""

    def _sorted_graphs(self, triple=None):  # type: ignore[no-untyped-def]
        graphs = sorted(
            super().graphs(triple),
            key=lambda g: (g.identifier != DATASET_DEFAULT_GRAPH_ID, str(g.identifier)),
        )
        for graph in graphs:
            yield _SortedGraph(
                store=self.store, identifier=graph.identifier,
                namespace_manager=self.namespace_manager,
            )

    def graphs(self, triple=None):  # type: ignore[no-untyped-def,override]
        return self._sorted_graphs(triple)

    def contexts(self, triple=None):  # type: ignore[no-untyped-def,override]
        return self._sorted_graphs(triple)  # rdflib's serialisers still call contexts()

    def triples(self, triple, *args, **kwargs):  # type: ignore[no-untyped-def,override]
        yield from sorted(super().triples(triple, *args, **kwargs), key=_term_key)


def _sorted_dataset(dataset: Dataset) -> Dataset:
    result = _SortedDataset(default_union=True)
    for prefix, namespace in dataset.namespaces():
        result.bind(prefix, namespace, override=True, replace=True)
    default = dataset.default_graph.identifier
    quads = sorted(
        ((s, p, o, getattr(g, "identifier", g)) for s, p, o, g in dataset.quads()),
        key=lambda q: (q[3] != default, str(q[3]), *_term_key(q[:3])),
    )
    for s, p, o, g in quads:
        target = result.default_graph if g == default else result.graph(g)
        target.add((s, p, o))
    return result


def _union(dataset: Dataset) -> Graph:
    union = _SortedGraph()
    for prefix, namespace in dataset.namespaces():
        union.bind(prefix, namespace, override=True, replace=True)
    triples = {(s, p, o) for s, p, o, _g in dataset.quads((None, None, None, None))}
    for triple in sorted(triples, key=_term_key):
        union.add(triple)
    return union


def _check_xml_text(dataset: Dataset) -> None:
    for s, p, o in dataset.triples((None, None, None)):
        for term in (s, p, o):
            found = _XML_ILLEGAL.search(str(term))
            if found:
                raise ValueError(
                    f"RDF/XML cannot represent the character U+{ord(found.group()):04X} in "
                    f"{str(term)[:60]!r}; write Turtle, N-Triples, N-Quads, TriG or JSON-LD"
                )


def serialize_rdf(dataset: Dataset, format: str) -> bytes:
    """Serialise ``dataset`` deterministically with rdflib's plugin for ``format``.

    Raises:
        ValueError: Text that an XML format cannot carry.
    """
    spec = get_format(format)
    if spec.xml:
        _check_xml_text(dataset)
    with warnings.catch_warnings():  # rdflib's own plugins still call its deprecated APIs
        warnings.simplefilter("ignore", DeprecationWarning)
        target: Graph = _sorted_dataset(dataset) if spec.dataset else _union(dataset)
        data = target.serialize(format=format, encoding="utf-8")
    if spec.lines:
        lines = sorted({line for line in data.split(b"\n") if line.strip()})
        data = b"\n".join(lines) + b"\n" if lines else b""
    elif format == "json-ld":  # rdflib emits nodes in set order: sort them
        document = _sorted_json(json.loads(data))
        data = (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
    return data


def _sorted_json(value: Any, key: str = "") -> Any:
    """JSON-LD with every unordered array sorted (``@list`` arrays keep their order)."""
    if isinstance(value, dict):
        return {k: _sorted_json(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        if key == "@list":
            return items
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value
