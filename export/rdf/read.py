"""Rebuild a :class:`~kg.model.KnowledgeGraph` from its RDF, row by row of the vocabulary.

Every row of :mod:`export.rdf.vocabulary` whose value is an attribute is read back into that
attribute, so what a writer adds to the table comes back without a change here. Entities,
statements and documents that lack kg's own bookkeeping (a graph kg did not write) are
rebuilt from what they have: labels, mentions, ...
"""

from __future__ import annotations

import copy
import json
import os
from typing import Any, Callable, Iterable, Protocol

from rdflib import Graph, URIRef
from rdflib.term import Node

from export.namespaces import DCTERMS, KGV, RDF, RDFS
from export.rdf.iris import DEFAULT_BASE, provenance_sort_key
from export.rdf.parse import oxigraph_format, parse_oxigraph, read_checked, reading_format
from export.rdf.vocabulary import (
    BOOLEAN,
    DECIMAL,
    DOCUMENT,
    DOCUMENT_IRI,
    ENTITY,
    ENTITY_IRI,
    GRAPH,
    INTEGER,
    JSON,
    MENTION,
    NAMES,
    RELATION_IRI,
    STATEMENT,
    TEXT,
    Row,
    rows,
)
from kg.keys import normalize_key
from kg.model import Document, KnowledgeGraph, Provenance, fact_key

__all__ = ["LEGACY_MIN_CONFIDENCE", "graph_base", "from_rdf", "read_rdf", "graph_documents"]

#: The threshold of a graph file that records none (written before kg recorded thresholds, or
#: not by kg): 0, so it states again exactly what its plain triples stated.
LEGACY_MIN_CONFIDENCE = 0.0


class Triples(Protocol):
    """What the reader asks of parsed RDF: an rdflib ``Graph`` or a ``TripleIndex``."""

    def objects(self, subject: Node, predicate: Node) -> Iterable[Node]: ...

    def subjects(self, predicate: Node, obj: Node) -> Iterable[Node]: ...


def graph_base(rdf: Graph | Triples) -> str:
    """The base IRI a kg export was written with (:data:`DEFAULT_BASE` when not recorded)."""
    bases = sorted(str(s) for s in rdf.subjects(RDF.type, KGV.KnowledgeGraph))
    return bases[0] if bases else DEFAULT_BASE


def _json(term: Node) -> Any:
    try:
        return json.loads(str(term))
    except ValueError:
        return None  # not kg's JSON: as if the property were missing


class _Reader:
    """Reads the attribute rows of one subject's description out of parsed RDF."""

    def __init__(self, rdf: Triples) -> None:
        self.rdf = rdf
        self.documents: dict[Node, str] = {}  # IRI -> document id
        self.entities: dict[Node, str] = {}  # IRI -> node key
        self.relations: dict[Node, str] = {}  # IRI -> predicate
        self.decode: dict[str, Callable[[Node], Any]] = {
            TEXT: str,
            INTEGER: int,
            DECIMAL: lambda term: float(str(term)),
            BOOLEAN: lambda term: bool(term.toPython()),
            JSON: _json,
            ENTITY_IRI: self.entities.get,
            RELATION_IRI: self._relation,
            DOCUMENT_IRI: lambda term: self.documents.get(term, str(term)),
            NAMES: lambda term: tuple(str(term).split("+")),
        }

    def _relation(self, iri: Node) -> str:
        found = self.relations.get(iri)
        if found is None:
            label = self.one(iri, RDFS.label)
            found = self.relations[iri] = (
                str(label) if label is not None else str(iri).rsplit("/", 1)[-1])
        return found

    def one(self, subject: Node, predicate: URIRef) -> Node | None:
        values = sorted(self.rdf.objects(subject, predicate), key=str)
        return values[0] if values else None

    def read(self, subject: Node, kind: str) -> tuple[dict[str, Any], set[str]]:
        """The attributes of ``subject`` (a ``kind`` of :mod:`~export.rdf.vocabulary`), and
        which of them were missing (then set to their row's default, or left out)."""
        values: dict[str, Any] = {}
        missing: set[str] = set()
        for row in _readable(kind):
            decode = self.decode[row.kind]  # type: ignore[index]
            found = sorted(self.rdf.objects(subject, row.predicate), key=str)
            if row.many:
                values[row.value] = [decode(term) for term in found]  # type: ignore[index]
                continue
            value = decode(found[0]) if found else None
            if value is None:
                missing.add(row.value)  # type: ignore[arg-type]
                if not (row.optional or row.default is not None):
                    continue
                value = copy.copy(row.default)
            values[row.value] = value  # type: ignore[index]
        return values, missing


def _readable(kind: str) -> list[Row]:
    """The rows of ``kind`` that name an attribute kg can read back."""
    return [row for row in rows(kind) if row.attribute is not None and row.kind in _DECODED]


_DECODED = frozenset({TEXT, INTEGER, DECIMAL, BOOLEAN, JSON, ENTITY_IRI, RELATION_IRI,
                      DOCUMENT_IRI, NAMES})


def from_rdf(rdf: Graph | Triples) -> KnowledgeGraph:
    """Rebuild a :class:`KnowledgeGraph` from its RDF form (the inverse of :func:`to_rdf`).

    Entities without kg's own bookkeeping (``kgv:forms`` ...) are rebuilt from their labels.
    The graph node's settings come back into ``graph.graph``: ``assert_claims`` (when written
    with it, so write_rdf keeps it) and ``min_confidence`` (:data:`LEGACY_MIN_CONFIDENCE` when
    the file has none).
    """
    graph = KnowledgeGraph()
    base = graph.graph["base"] = graph_base(rdf)
    reader = _Reader(rdf)
    settings, _missing = reader.read(URIRef(base), GRAPH)
    if settings.get("assert_claims") is True:
        graph.graph["assert_claims"] = True
    threshold = settings.get("min_confidence")
    graph.graph["min_confidence"] = LEGACY_MIN_CONFIDENCE if threshold is None else threshold

    for iri in rdf.subjects(RDF.type, KGV.Document):
        values, missing = reader.read(iri, DOCUMENT)
        doc_id = values.get("id")
        doc_id = reader.documents[iri] = doc_id if doc_id is not None else str(iri)
        if values.get("sha256") is None:  # named by provenance only, never registered
            continue
        metadata = values.get("metadata")
        if "metadata" in missing or not isinstance(metadata, list):
            found = reader.one(iri, DCTERMS.date)
            metadata = [["date", str(found)]] if found is not None else []
        graph.documents[doc_id] = Document(
            id=doc_id,
            source=values["source"] if values.get("source") is not None else doc_id,
            sha256=values["sha256"],
            metadata=tuple((str(name), str(value)) for name, value in metadata),
        )

    for iri in sorted(set(rdf.subjects(RDF.type, KGV.Entity)), key=str):
        attrs, missing = reader.read(iri, ENTITY)
        label = attrs.get("label")
        key = attrs.pop("key", None) or normalize_key(label if label is not None else str(iri))
        reader.entities[iri] = key
        if "forms" in missing or not isinstance(attrs["forms"], dict):
            attrs["forms"] = {form: 1 for form in [label, *attrs["aliases"]] if form}
        if "types" in missing or not isinstance(attrs["types"], dict):
            attrs["types"] = {attrs["type"]: 1} if attrs.get("type") is not None else {}
        attrs["forms"] = {str(k): int(v) for k, v in attrs["forms"].items()}
        attrs["types"] = {str(k): int(v) for k, v in attrs["types"].items()}
        if not isinstance(attrs["alias_rules"], dict):
            attrs["alias_rules"] = {}
        attrs["alias_rules"] = {str(form): [str(rule) for rule in rules]
                                for form, rules in attrs["alias_rules"].items()
                                if isinstance(rules, list)}
        if "mentions" in missing:
            attrs["mentions"] = sum(attrs["forms"].values())
        graph.add_node(key, **attrs)

    for statement in sorted(set(rdf.subjects(RDF.type, RDF.Statement)), key=str):
        data, missing = reader.read(statement, STATEMENT)
        subject, obj = data.pop("subject", None), data.pop("object", None)
        if subject is None or obj is None or data.get("predicate") is None:
            continue
        records = sorted((_mention(reader, m) for m in rdf.objects(statement, KGV.mention)),
                         key=provenance_sort_key)
        if "count" in missing:
            data["count"] = len(records)
        if "confidence" in missing:
            data["confidence"] = max((r.confidence for r in records), default=0.0)
        graph.add_edge(subject, obj, key=fact_key(data["predicate"], data["negated"]),
                       provenance=records, **data)
    return graph


def _mention(reader: _Reader, iri: Node) -> Provenance:
    values, _missing = reader.read(iri, MENTION)
    return Provenance(**values)


def read_rdf(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    max_bytes: int | None = None,
) -> KnowledgeGraph:
    """Read a graph written by :func:`write_rdf` (any format) back, losslessly.

    The result carries ``documents`` (so new documents can be merged in with
    :func:`kg.merge.add_document`) and ``graph.graph["base"]``, the base IRI it was written with.
    Provenance lists come back in :func:`provenance_sort_key` order.

    Raises:
        GraphReadError: See :func:`export.rdf.parse_rdf`.
    """
    return from_rdf(parse_oxigraph(path, format=format, max_bytes=max_bytes))


def graph_documents(
    path: str | os.PathLike[str], *, format: str | None = None
) -> dict[str, str]:
    """The documents a graph file holds, ``{sha256: source}``, without building the graph.

    Cheap enough to ask before a build replaces the file: the triples are streamed and only
    the documents' ``kgv:sha256`` and ``kgv:source`` are kept.

    Raises:
        GraphReadError: See :func:`export.rdf.parse_rdf`.
    """
    import pyoxigraph as ox

    name = reading_format(path, format)
    rdf_format = oxigraph_format(name)
    if rdf_format is None:  # a format pyoxigraph does not read: the whole graph
        return {doc.sha256: doc.source for doc in read_rdf(path, format=name).documents.values()}
    data = read_checked(path, name)
    sha256, source = ox.NamedNode(str(KGV.sha256)), ox.NamedNode(str(KGV.source))
    hashes: dict[Any, str] = {}
    sources: dict[Any, str] = {}
    try:
        for quad in ox.parse(data, format=rdf_format):
            if quad.predicate == sha256:
                hashes[quad.subject] = quad.object.value
            elif quad.predicate == source:
                sources[quad.subject] = quad.object.value
    except (SyntaxError, ValueError):
        parse_oxigraph(path, format=name)  # raises GraphReadError, naming the line
        raise
    return {sha: sources.get(subject, sha) for subject, sha in hashes.items()}
