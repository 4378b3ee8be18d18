"""RDF export and import of a :class:`~kg.model.KnowledgeGraph`, losslessly.

The vocabulary (documented in ``docs/rdf.md``):

- every entity is ``<base>entity/...``, ``a kgv:Entity`` (plus a schema.org class when its NER
  type maps), with ``rdfs:label``, ``skos:altLabel``, ``kgv:key``, ``kgv:nerType``,
  ``kgv:mentionCount`` and the exact ``kgv:forms`` / ``kgv:types`` counts (JSON objects);
- every predicate is ``<base>relation/...``, ``a rdf:Property, kgv:Relation`` with an
  ``rdfs:label``; every non-negated fact is asserted directly (``?s ?p ?o``);
- every fact (negated or not) has a ``rdf:Statement`` at ``<base>statement/<hash>`` with
  ``kgv:negated``, ``kgv:count``, ``kgv:confidence`` and one ``kgv:Mention`` per supporting
  sentence (``kgv:mention``) carrying the sentence, offsets, argument texts, construction,
  modality and ``prov:wasDerivedFrom`` its ``kgv:Document``;
- in N-Quads, TriG and the other dataset formats each document's mentions sit in a named
  graph named by the document's IRI; everything else is in the default graph.

IRIs are minted deterministically (no blank nodes), and output is sorted, so the same graph
always serialises to the same bytes.

>>> from kg.model import Argument, Provenance, Triple
>>> from kg.merge import merge_into
>>> p = Provenance("d.txt", "Xu Liang met Sora.", 0, 18, "Xu Liang", 0, 8, "Sora", 13, 17,
...                0.9, "svo")
>>> g = merge_into(KnowledgeGraph(), [Triple(Argument("Xu Liang", "xu liang", "PERSON"), "meet",
...                                          Argument("Sora", "sora"), p)])
>>> rdf = to_rdf(g)
>>> print(rdf.value(URIRef(DEFAULT_BASE + "entity/Xu_Liang"), RDFS.label))
Xu Liang
"""

from __future__ import annotations

import decimal
import hashlib
import json
import math
import os
import re
import unicodedata
import warnings
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from export.namespaces import (
    DCTERMS,
    KGV,
    NER_CLASSES,
    PROV,
    RDF,
    RDFS,
    SKOS,
    XSD,
    prefixes,
)
from kg.errors import GraphReadError
from kg.io import atomic_open
from kg.merge import add_document, merge_into, normalize_key
from kg.model import Document, KnowledgeGraph, Provenance, Triple, fact_key

__all__ = [
    "DEFAULT_BASE",
    "MAX_RDF_BYTES",
    "FORMATS",
    "EXTENSIONS",
    "resolve_format",
    "entity_iri",
    "relation_iri",
    "document_iri",
    "statement_iri",
    "to_rdf",
    "generate_rdf",
    "write_rdf",
    "parse_rdf",
    "read_checked",
    "reading_format",
    "serialize_rdf",
    "from_rdf",
    "read_rdf",
    "update_rdf",
    "graph_base",
    "provenance_sort_key",
]

#: Base IRI of entities, relations, documents and statements unless the user picks another.
DEFAULT_BASE = "http://example.org/kg/"

#: Largest RDF file :func:`read_rdf` accepts, in bytes (environment: ``KG_MAX_RDF_BYTES``).
MAX_RDF_BYTES = 1 << 30

#: Accepted format names (and aliases) -> rdflib plugin name.
FORMATS: dict[str, str] = {
    "turtle": "turtle",
    "ttl": "turtle",
    "longturtle": "longturtle",
    "nt": "nt",
    "ntriples": "nt",
    "n-triples": "nt",
    "nt11": "nt",
    "json-ld": "json-ld",
    "jsonld": "json-ld",
    "xml": "xml",
    "rdf/xml": "xml",
    "rdfxml": "xml",
    "rdf": "xml",
    "pretty-xml": "pretty-xml",
    "nquads": "nquads",
    "n-quads": "nquads",
    "nq": "nquads",
    "trig": "trig",
    "trix": "trix",
    "n3": "n3",
    "hext": "hext",
}

#: File extension -> rdflib plugin name.
EXTENSIONS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".ntriples": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
    ".nq": "nquads",
    ".nquads": "nquads",
    ".trig": "trig",
    ".trix": "trix",
    ".n3": "n3",
    ".hext": "hext",
}

_DATASET_FORMATS = frozenset({"nquads", "trig", "trix", "hext"})
_LINE_FORMATS = frozenset({"nt", "nquads", "hext"})
_XML_FORMATS = frozenset({"xml", "pretty-xml", "trix"})
#: rdflib plugin name -> pyoxigraph's name for the same format (formats both engines read).
_OXIGRAPH_FORMATS = {
    "turtle": "TURTLE",
    "longturtle": "TURTLE",
    "nt": "N_TRIPLES",
    "nquads": "N_QUADS",
    "trig": "TRIG",
    "n3": "N3",
    "xml": "RDF_XML",
    "pretty-xml": "RDF_XML",
    "json-ld": "JSON_LD",
}

_MAX_LOCAL = 80  # longest readable IRI local part before it is cut and hashed
_ASCII_KEEP = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.")
_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*\Z")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_EXTERNAL_ENTITY = re.compile(
    rb"<!ENTITY\s+(?:%\s*)?[^\s>]+\s+(?:SYSTEM|PUBLIC)\b|<!DOCTYPE\s+[^\s>\[]+\s+(?:SYSTEM|PUBLIC)\b"
)
_POSITION = re.compile(r"\bline[: ]+(\d+)|\bat (\d+):\d+|\blines? (\d+)", re.IGNORECASE)

#: Metadata keys that also get a Dublin Core property (the JSON record stays authoritative).
_DCTERMS_KEYS = {
    "date": DCTERMS.date,
    "title": DCTERMS.title,
    "author": DCTERMS.creator,
    "creator": DCTERMS.creator,
    "language": DCTERMS.language,
    "publisher": DCTERMS.publisher,
    "source": DCTERMS.source,
    "url": DCTERMS.source,
}


# --------------------------------------------------------------------------------------------
# formats


def resolve_format(path: str | os.PathLike[str] | None, format: str | None = None) -> str:
    """The rdflib plugin name for ``format``, or for the extension of ``path`` when None.

    >>> resolve_format("out/graph.ttl"), resolve_format("g.data", "N-Quads")
    ('turtle', 'nquads')

    Raises:
        ValueError: The format name or the extension is not an RDF format kg knows.
    """
    if format:
        name = FORMATS.get(format.strip().lower())
        if name is None:
            raise ValueError(
                f"unknown RDF format {format!r}; choose one of {', '.join(sorted(FORMATS))}"
            )
        return name
    suffix = Path(path).suffix.lower() if path is not None else ""
    name = EXTENSIONS.get(suffix)
    if name is None:
        raise ValueError(
            f"cannot tell the RDF format of {str(path)!r} from its extension {suffix!r}; "
            f"use one of {', '.join(sorted(EXTENSIONS))} or give a format"
        )
    return name


# --------------------------------------------------------------------------------------------
# IRIs


def _digest(*parts: str, size: int = 12) -> str:
    data = json.dumps(parts, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:size]


#: Turtle's PN_CHARS_BASE beyond ASCII, minus the zero-width joiners: characters that can
#: stand in a prefixed name, so every Turtle reader accepts what rdflib abbreviates.
_PN_RANGES = (
    (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x2FF), (0x370, 0x37D), (0x37F, 0x1FFF),
    (0x2070, 0x218F), (0x2C00, 0x2FEF), (0x3001, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFFD),
    (0x10000, 0xEFFFF),
)


def _keep(char: str) -> bool:
    """Whether ``char`` may stand unencoded in an IRI path segment we mint.

    ASCII letters, digits, ``-`` and ``.``; beyond ASCII only left-to-right letters and digits
    that are NFC on their own and allowed in Turtle prefixed names (so RFC 3987 ``ucschar``
    without bidi or formatting characters).
    """
    if char in _ASCII_KEEP:
        return True
    code = ord(char)
    if code < 0xC0 or not any(low <= code <= high for low, high in _PN_RANGES):
        return False
    return (
        unicodedata.category(char)[0] in "LN"
        and unicodedata.bidirectional(char) == "L"
        and unicodedata.is_normalized("NFC", char)
    )


def _encode(text: str, *, underscores: bool = True) -> tuple[str, bool]:
    """Readable IRI segment for ``text`` and whether it determines ``text`` exactly.

    Spaces become ``_``; every other character that is not plainly safe is percent-encoded
    (UTF-8, upper-case hex), so the mapping is injective on texts without ``_``. A text with
    ``_``, an empty text, a dot segment or one too long for a readable IRI is lossy. With
    ``underscores=False`` spaces are percent-encoded too and ``_`` is kept, losslessly.
    """
    out: list[str] = []
    lossless = True
    for char in text:
        if char == " " and underscores:
            out.append("_")
        elif _keep(char) or (char == "_" and not underscores):
            out.append(char)
        else:
            if char == "_":  # "_" stands for a space, so a real one cannot be told apart
                lossless = False
            out.append(
                "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))
            )
    encoded = "".join(out)
    if not text or encoded in (".", "..") or len(encoded) > _MAX_LOCAL:
        lossless = False
    return encoded, lossless


def _lossy(text: str, identity: str) -> str:
    """A readable but lossy local name for ``text``, made unique by a hash of ``identity``.

    ``~`` never appears in a lossless name (it would be percent-encoded), so a hashed name
    cannot equal an exact one; the ``h`` keeps the tail a valid XML name for RDF/XML.
    """
    readable = _encode(text[:_MAX_LOCAL // 3])[0].replace("%5F", "_")[:_MAX_LOCAL]
    readable = re.sub(r"%[0-9A-F]?$", "", readable)  # never cut a %XX escape in half
    return f"{readable}~h{_digest(identity)}"


def entity_iri(key: str, label: str | None = None, *, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of the entity with canonical ``key`` and display ``label``.

    Readable when possible (``Xu Liang`` -> ``<base>entity/Xu_Liang``); otherwise the readable
    part is followed by ``~h`` and a hash of the key, so two keys never share an IRI.

    >>> str(entity_iri("xu liang", "Xu Liang"))
    'http://example.org/kg/entity/Xu_Liang'
    >>> str(entity_iri("a_b"))
    'http://example.org/kg/entity/a_b~hf202b0fd689d'
    """
    root = base + "entity/"
    if label is not None and normalize_key(label) == key:
        encoded, exact = _encode(label)
        if exact:
            return URIRef(root + encoded)
    if normalize_key(key) == key:
        encoded, exact = _encode(key)
        if exact:
            return URIRef(root + encoded)
    return URIRef(root + _lossy(label if label else key, key))


def relation_iri(predicate: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a predicate; its local name is always a valid XML name (for RDF/XML).

    >>> str(relation_iri("stem from"))
    'http://example.org/kg/relation/stem_from'
    """
    encoded, exact = _encode(predicate)
    if exact and _NCNAME.match(encoded):
        return URIRef(base + "relation/" + encoded)
    return URIRef(base + "relation/" + _lossy(predicate, predicate))


def document_iri(document_id: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a source document (also the name of its graph in dataset formats).

    >>> str(document_iri("news/a_b c.txt"))
    'http://example.org/kg/document/news%2Fa_b%20c.txt'
    """
    encoded, exact = _encode(document_id, underscores=False)
    return URIRef(base + "document/" + (encoded if exact else _lossy(document_id, document_id)))


def statement_iri(subject: str, key: str, obj: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of the statement node of fact ``(subject key, fact key, object key)``."""
    return URIRef(base + "statement/" + _digest(subject, key, obj, size=32))


def _mention_iri(statement: URIRef, provenance: Provenance, occurrence: int) -> URIRef:
    fields = [str(v) for v in _provenance_fields(provenance)]
    digest = _digest(str(statement), str(occurrence), *fields, size=32)
    return URIRef(str(statement).rsplit("statement/", 1)[0] + "mention/" + digest)


def _check_base(base: str) -> str:
    import pyoxigraph

    if not isinstance(base, str) or not base.endswith(("/", "#")):
        raise ValueError(f"base IRI must end with '/' or '#', not {base!r}")
    try:
        pyoxigraph.NamedNode(base)
    except ValueError as err:
        raise ValueError(f"base {base!r} is not a valid absolute IRI: {err}") from err
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", base) or any(
        c in base for c in ' <>"{}|^`\\'
    ):
        raise ValueError(f"base {base!r} is not a valid absolute IRI")
    return base


# --------------------------------------------------------------------------------------------
# literals


def _decimal(value: float) -> Literal:
    """An ``xsd:decimal`` that reads back as exactly the same float.

    Decimal rather than double because rdflib's Turtle writer rounds doubles to 7 digits.

    >>> str(_decimal(0.1)), str(_decimal(1e-05)), str(_decimal(1))
    ('0.1', '0.00001', '1.0')
    """
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"confidence must be a finite number, not {value!r}")
    lexical = format(decimal.Decimal(repr(number)), "f")
    if "." not in lexical:
        lexical += ".0"
    return Literal(lexical, datatype=XSD.decimal)


def _float(literal: Node) -> float:
    return float(str(literal))


def _json(value: Any) -> Literal:
    return Literal(json.dumps(value, ensure_ascii=False, sort_keys=True))


def _provenance_fields(p: Provenance) -> tuple:
    return (
        p.document,
        p.sentence_start,
        p.sentence_end,
        p.subject_start,
        p.subject_end,
        p.object_start,
        p.object_end,
        p.construction,
        p.modality is not None,
        p.modality or "",
        repr(float(p.confidence)),
        p.sentence,
        p.subject_text,
        p.object_text,
    )


def provenance_sort_key(p: Provenance) -> tuple:
    """The order in which exports list (and :func:`read_rdf` returns) provenance records."""
    return _provenance_fields(p)


# --------------------------------------------------------------------------------------------
# export


def generate_rdf(
    graph: KnowledgeGraph, *, base: str = DEFAULT_BASE
) -> Iterator[tuple[Node, Node, Node, URIRef | None]]:
    """Yield the quads of ``graph``'s RDF form, in a deterministic order.

    The fourth element is the named graph (a document IRI) or None for the default graph.
    """
    base = _check_base(base)
    yield URIRef(base), RDF.type, KGV.KnowledgeGraph, None

    # documents (registered ones have a hash; others are only named by provenance)
    referenced = {p.document for _, _, data in graph.edges(data=True) for p in data["provenance"]}
    doc_iris: dict[str, URIRef] = {}
    for doc_id in sorted(set(graph.documents) | referenced):
        iri = doc_iris[doc_id] = document_iri(doc_id, base=base)
        yield iri, RDF.type, KGV.Document, None
        yield iri, RDF.type, PROV.Entity, None
        yield iri, KGV.documentId, Literal(doc_id), None
        document = graph.documents.get(doc_id)
        if document is None:
            continue
        yield iri, KGV.source, Literal(document.source), None
        yield iri, KGV.sha256, Literal(document.sha256), None
        yield iri, KGV.metadata, _json([list(pair) for pair in document.metadata]), None
        for name, value in document.metadata:
            prop = _DCTERMS_KEYS.get(name.strip().lower())
            if prop is None:
                continue
            if prop == DCTERMS.date and _is_date(value):
                yield iri, prop, Literal(value, datatype=XSD.date), None
            else:
                yield iri, prop, Literal(value), None

    # entities
    entity_iris: dict[str, URIRef] = {}
    for key in sorted(graph.nodes):
        attrs = graph.nodes[key]
        label = attrs.get("label")
        iri = entity_iris[key] = entity_iri(key, label, base=base)
        yield iri, RDF.type, KGV.Entity, None
        ner = attrs.get("type")
        if ner in NER_CLASSES:
            yield iri, RDF.type, NER_CLASSES[ner], None
        yield iri, KGV.key, Literal(key), None
        if label is not None:
            yield iri, RDFS.label, Literal(label), None
        for alias in sorted(attrs.get("aliases", ())):
            yield iri, SKOS.altLabel, Literal(alias), None
        if ner:
            yield iri, KGV.nerType, Literal(ner), None
        yield iri, KGV.mentionCount, Literal(int(attrs.get("mentions", 0))), None
        yield iri, KGV.forms, _json(attrs.get("forms", {})), None
        yield iri, KGV.types, _json(attrs.get("types", {})), None
    if len(set(entity_iris.values())) != len(entity_iris):  # pragma: no cover - by construction
        raise AssertionError("two entity keys were minted the same IRI")

    # relations
    predicates = sorted({data["predicate"] for _, _, data in graph.edges(data=True)})
    relation_iris: dict[str, URIRef] = {}
    for predicate in predicates:
        iri = relation_iris[predicate] = relation_iri(predicate, base=base)
        yield iri, RDF.type, RDF.Property, None
        yield iri, RDF.type, KGV.Relation, None
        yield iri, RDFS.label, Literal(predicate), None

    # facts, statements, mentions
    for subject, obj, key in sorted(graph.edges(keys=True)):
        data = graph.edges[subject, obj, key]
        s, o = entity_iris[subject], entity_iris[obj]
        p = relation_iris[data["predicate"]]
        negated = bool(data.get("negated", False))
        if not negated:
            yield s, p, o, None
        st = statement_iri(subject, key, obj, base=base)
        yield st, RDF.type, RDF.Statement, None
        yield st, RDF.subject, s, None
        yield st, RDF.predicate, p, None
        yield st, RDF.object, o, None
        yield st, KGV.negated, Literal(negated), None
        yield st, KGV["count"], Literal(int(data.get("count", 0))), None
        yield st, KGV.confidence, _decimal(data.get("confidence", 0.0)), None
        records = sorted(data.get("provenance", ()), key=provenance_sort_key)
        for modality in sorted({r.modality for r in records if r.modality is not None}):
            yield st, KGV.modality, Literal(modality), None
        for doc_id in sorted({r.document for r in records}):
            yield st, PROV.wasDerivedFrom, doc_iris[doc_id], None
        seen: dict[tuple, int] = {}
        for record in records:
            fields = _provenance_fields(record)
            occurrence = seen[fields] = seen.get(fields, -1) + 1
            m = _mention_iri(st, record, occurrence)
            g = doc_iris[record.document]
            yield st, KGV.mention, m, None
            yield m, RDF.type, KGV.Mention, g
            yield m, PROV.wasDerivedFrom, g, g
            yield m, KGV.sentence, Literal(record.sentence), g
            yield m, KGV.sentenceStart, Literal(int(record.sentence_start)), g
            yield m, KGV.sentenceEnd, Literal(int(record.sentence_end)), g
            yield m, KGV.subjectText, Literal(record.subject_text), g
            yield m, KGV.subjectStart, Literal(int(record.subject_start)), g
            yield m, KGV.subjectEnd, Literal(int(record.subject_end)), g
            yield m, KGV.objectText, Literal(record.object_text), g
            yield m, KGV.objectStart, Literal(int(record.object_start)), g
            yield m, KGV.objectEnd, Literal(int(record.object_end)), g
            yield m, KGV.confidence, _decimal(record.confidence), g
            yield m, KGV.construction, Literal(record.construction), g
            if record.modality is not None:
                yield m, KGV.modality, Literal(record.modality), g


def _is_date(value: str) -> bool:
    if not _ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _bind(target: Graph, base: str) -> None:
    for prefix, namespace in prefixes(base).items():
        target.bind(prefix, namespace, override=True, replace=True)


def to_rdf(graph: KnowledgeGraph, *, base: str = DEFAULT_BASE) -> Dataset:
    """The RDF dataset of ``graph``: everything in the default graph but mentions, which sit in
    one named graph per document. Iterating it (``triples``, ``subjects``) sees the union.

    Args:
        graph: The knowledge graph.
        base: Base IRI of entities, relations, documents and statements; must end in ``/`` or
            ``#``.

    Returns:
        An ``rdflib.Dataset`` with ``default_union`` set.
    """
    dataset = Dataset(default_union=True)
    _bind(dataset, base)
    default = dataset.default_graph
    named: dict[URIRef, Graph] = {}
    for s, p, o, g in generate_rdf(graph, base=base):
        if g is None:
            default.add((s, p, o))
        else:
            if g not in named:
                named[g] = dataset.graph(g)
            named[g].add((s, p, o))
    return dataset


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
        return self._sorted_graphs(triple)

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
    """Serialise ``dataset`` deterministically in rdflib plugin ``format``."""
    if format in _XML_FORMATS:
        _check_xml_text(dataset)
    with warnings.catch_warnings():  # rdflib's own plugins still call its deprecated APIs
        warnings.simplefilter("ignore", DeprecationWarning)
        target: Graph = (
            _sorted_dataset(dataset) if format in _DATASET_FORMATS else _union(dataset)
        )
        data = target.serialize(format=format, encoding="utf-8")
    if format in _LINE_FORMATS:
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


#: Formats written by pyoxigraph's serialisers (much faster than rdflib's on big graphs).
_OXIGRAPH_WRITERS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "nquads": "N_QUADS", "trig": "TRIG"}


def _sort_key(term: Node) -> tuple[str, str, str, str]:
    return (
        type(term).__name__,
        str(term),
        str(getattr(term, "datatype", None) or ""),
        getattr(term, "language", None) or "",
    )


def _to_ox(term: Node, cache: dict) -> Any:
    import pyoxigraph as ox

    found = cache.get(term)
    if found is not None:
        return found
    if isinstance(term, URIRef):
        value = ox.NamedNode(str(term))
    elif isinstance(term, Literal):
        if term.language:
            value = ox.Literal(str(term), language=term.language)
        elif term.datatype is not None:
            value = ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        else:
            value = ox.Literal(str(term))
    else:
        raise TypeError(f"kg exports never contain {term!r}")
    cache[term] = value
    return value


def _serialize_oxigraph(graph: KnowledgeGraph, base: str, name: str) -> bytes:
    """Sorted quads of ``graph`` written by pyoxigraph (Turtle, N-Triples, N-Quads, TriG)."""
    import pyoxigraph as ox

    keys: dict[Node, tuple] = {}

    def key(term: Node | None) -> tuple:
        if term is None:
            return ("",)
        found = keys.get(term)
        if found is None:
            found = keys[term] = _sort_key(term)
        return found

    cache: dict = {}
    fmt = getattr(ox.RdfFormat, _OXIGRAPH_WRITERS[name])
    # the "kg" prefix would make pyoxigraph write kg:statement\/...; full IRIs read better
    names = {k: str(v) for k, v in prefixes(base).items() if k != "kg"}
    if name in ("turtle", "nt"):
        triples = {(s, p, o) for s, p, o, _g in generate_rdf(graph, base=base)}
        ordered = sorted(triples, key=lambda t: (key(t[0]), key(t[1]), key(t[2])))
        items: list = [
            ox.Triple(_to_ox(s, cache), _to_ox(p, cache), _to_ox(o, cache)) for s, p, o in ordered
        ]
    else:
        quads = set(generate_rdf(graph, base=base))
        ordered_quads = sorted(
            quads, key=lambda q: (key(q[3]), key(q[0]), key(q[1]), key(q[2]))
        )
        items = [
            ox.Quad(
                _to_ox(s, cache), _to_ox(p, cache), _to_ox(o, cache),
                ox.DefaultGraph() if g is None else _to_ox(g, cache),
            )
            for s, p, o, g in ordered_quads
        ]
    data = ox.serialize(items, format=fmt, prefixes=None if name in _LINE_FORMATS else names)
    if name in _LINE_FORMATS:
        lines = sorted(line for line in data.split(b"\n") if line.strip())
        data = b"\n".join(lines) + b"\n" if lines else b""
    return data


def write_rdf(
    graph: KnowledgeGraph,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    base: str = DEFAULT_BASE,
) -> None:
    """Write ``graph`` as RDF to ``path`` atomically; same graph, same bytes.

    Args:
        graph: The knowledge graph.
        path: Output file; its extension picks the format when ``format`` is None.
        format: An rdflib format name or alias (``turtle``, ``nt``, ``json-ld``, ``xml``,
            ``nquads``, ``trig``, ``trix``, ``n3``, ``hext``, ...).
        base: Base IRI of the data.

    Raises:
        ValueError: Unknown format or extension, bad base, or text RDF/XML cannot carry.
    """
    name = resolve_format(path, format)
    if name in _OXIGRAPH_WRITERS:
        data = _serialize_oxigraph(graph, _check_base(base), name)
    else:
        data = serialize_rdf(to_rdf(graph, base=base), name)
    with atomic_open(path, "wb") as handle:
        handle.write(data)


# --------------------------------------------------------------------------------------------
# import


def _max_bytes(max_bytes: int | None) -> int:
    if max_bytes is not None:
        return max_bytes
    env = os.environ.get("KG_MAX_RDF_BYTES")
    if env:
        try:
            return int(env)
        except ValueError:
            raise ValueError(f"KG_MAX_RDF_BYTES must be a number of bytes, not {env!r}") from None
    return MAX_RDF_BYTES


def _line_of(err: BaseException) -> int | None:
    for attr in ("lineno", "line"):
        value = getattr(err, attr, None)
        if isinstance(value, int):
            return value
    getter = getattr(err, "getLineNumber", None)
    if callable(getter):
        try:
            return int(getter())
        except Exception:  # noqa: BLE001 - best effort only
            return None
    found = _POSITION.search(str(err))
    if found:
        return int(next(g for g in found.groups() if g))
    return None


def _locate(data: bytes, name: str) -> tuple[int | None, str]:
    """Ask pyoxigraph, an independent parser, where ``data`` goes wrong."""
    import pyoxigraph

    ox_name = _OXIGRAPH_FORMATS.get(name)
    if ox_name is None:
        return None, ""
    try:
        for _ in pyoxigraph.parse(data, format=getattr(pyoxigraph.RdfFormat, ox_name)):
            pass
    except SyntaxError as err:
        return _line_of(err), str(err)
    except Exception:  # noqa: BLE001 - only used to improve a message
        return None, ""
    return None, ""


def _refuse_remote(value: Any, path: str) -> None:
    """Refuse JSON-LD that would make rdflib fetch a context (network or local file)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("@context", "@import"):
                contexts = item if isinstance(item, list) else [item]
                for context in contexts:
                    if isinstance(context, str):
                        raise GraphReadError(
                            f"{path}: refusing to fetch the remote JSON-LD context {context!r}; "
                            f"inline the context instead"
                        )
                    _refuse_remote(context, path)
            else:
                _refuse_remote(item, path)
    elif isinstance(value, list):
        for item in value:
            _refuse_remote(item, path)


def reading_format(path: str | os.PathLike[str], format: str | None = None) -> str:
    """:func:`resolve_format` for a file to read: a bad name or extension is a GraphReadError."""
    try:
        return resolve_format(path, format)
    except ValueError as err:
        raise GraphReadError(f"{path}: {err}") from err


def read_checked(
    path: str | os.PathLike[str], format: str, *, max_bytes: int | None = None
) -> bytes:
    """The bytes of an RDF file in rdflib plugin ``format``, after the safety checks.

    Raises:
        GraphReadError: Missing or unreadable file, over the size limit, XML with external
            entities, or JSON-LD naming a remote context.
    """
    name = format
    shown = str(path)
    limit = _max_bytes(max_bytes)
    try:
        size = os.stat(path).st_size
    except OSError as err:
        raise GraphReadError(f"{shown}: cannot read the graph ({err.strerror})") from err
    if size > limit:
        raise GraphReadError(
            f"{shown}: the file is {size:,} bytes, more than the limit of {limit:,} bytes; "
            f"raise it with KG_MAX_RDF_BYTES (or max_bytes=) if you trust the file"
        )
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise GraphReadError(f"{shown}: cannot read the graph ({err.strerror})") from err
    if len(data) > limit:
        raise GraphReadError(f"{shown}: the file grew beyond the limit of {limit:,} bytes")
    if name in _XML_FORMATS and _EXTERNAL_ENTITY.search(data):
        raise GraphReadError(
            f"{shown}: refusing XML with external entities or an external DTD "
            f"(they could read local files or the network)"
        )
    if name == "json-ld":
        try:
            _refuse_remote(json.loads(data), shown)
        except ValueError as err:  # json.JSONDecodeError, UnicodeDecodeError
            line = getattr(err, "lineno", None)
            raise GraphReadError(f"{shown}:{line}: malformed JSON-LD: {err}") from err
    return data


def parse_rdf(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    max_bytes: int | None = None,
) -> Dataset:
    """Parse an RDF file safely into an rdflib ``Dataset`` (default graph = union).

    Safe for files from anywhere: files over ``max_bytes`` (default :data:`MAX_RDF_BYTES`, or
    ``KG_MAX_RDF_BYTES``) are refused before reading, XML external entities and remote
    JSON-LD contexts are refused, and nothing is fetched from the network.

    Raises:
        GraphReadError: Missing, too big, unsafe or malformed file; the message names the file
            and, for syntax errors, the line.
            Also raised for an unknown format name or extension.
    """
    name = reading_format(path, format)
    data = read_checked(path, name, max_bytes=max_bytes)
    shown = str(path)
    dataset = Dataset(default_union=True)
    try:
        with warnings.catch_warnings():  # rdflib's parsers still call its deprecated APIs
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset.parse(data=data, format=name, publicID=Path(path).resolve().as_uri())
    except Exception as err:  # rdflib raises many unrelated types for bad syntax
        line, located = _locate(data, name)
        if line is None:
            line = _line_of(err)
        detail = str(err).strip()
        message = located or (detail.splitlines()[0] if detail else type(err).__name__)
        where = f"{shown}:{line}" if line is not None else shown
        raise GraphReadError(f"{where}: malformed {name} RDF: {message}") from err
    return dataset


def graph_base(rdf: Graph) -> str:
    """The base IRI a kg export was written with (:data:`DEFAULT_BASE` when not recorded)."""
    bases = sorted(str(s) for s in rdf.subjects(RDF.type, KGV.KnowledgeGraph))
    return bases[0] if bases else DEFAULT_BASE


def _one(rdf: Graph, subject: Node, prop: URIRef) -> Node | None:
    values = sorted(rdf.objects(subject, prop), key=str)
    return values[0] if values else None


def _load_json(literal: Node | None, default: Any) -> Any:
    if literal is None:
        return default
    try:
        return json.loads(str(literal))
    except ValueError:
        return default


def from_rdf(rdf: Graph) -> KnowledgeGraph:
    """Rebuild a :class:`KnowledgeGraph` from its RDF form (the inverse of :func:`to_rdf`).

    Entities without kg's own bookkeeping (``kgv:forms`` ...) are rebuilt from their labels.
    """
    graph = KnowledgeGraph()
    graph.graph["base"] = graph_base(rdf)

    doc_ids: dict[Node, str] = {}
    for iri in rdf.subjects(RDF.type, KGV.Document):
        doc_id = _one(rdf, iri, KGV.documentId)
        doc_ids[iri] = str(doc_id) if doc_id is not None else str(iri)
        sha = _one(rdf, iri, KGV.sha256)
        if sha is None:
            continue
        source = _one(rdf, iri, KGV.source)
        meta = _load_json(_one(rdf, iri, KGV.metadata), None)
        if meta is None:
            found = _one(rdf, iri, DCTERMS.date)
            meta = [["date", str(found)]] if found is not None else []
        document = Document(
            id=doc_ids[iri],
            source=str(source) if source is not None else doc_ids[iri],
            sha256=str(sha),
            metadata=tuple((str(k), str(v)) for k, v in meta),
        )
        graph.documents[document.id] = document

    keys: dict[Node, str] = {}
    for iri in sorted(set(rdf.subjects(RDF.type, KGV.Entity)), key=str):
        key_literal = _one(rdf, iri, KGV.key)
        label_literal = _one(rdf, iri, RDFS.label)
        key = str(key_literal) if key_literal is not None else normalize_key(
            str(label_literal) if label_literal is not None else str(iri)
        )
        keys[iri] = key
        label = str(label_literal) if label_literal is not None else None
        aliases = sorted(str(a) for a in rdf.objects(iri, SKOS.altLabel))
        ner = _one(rdf, iri, KGV.nerType)
        mentions = _one(rdf, iri, KGV.mentionCount)
        forms = _load_json(_one(rdf, iri, KGV.forms), None)
        if forms is None:
            forms = {form: 1 for form in [label, *aliases] if form}
        types = _load_json(_one(rdf, iri, KGV.types), None)
        if types is None:
            types = {str(ner): 1} if ner is not None else {}
        graph.add_node(
            key,
            forms={str(k): int(v) for k, v in forms.items()},
            types={str(k): int(v) for k, v in types.items()},
            mentions=int(mentions) if mentions is not None else sum(forms.values()),
            label=label,
            aliases=aliases,
            type=str(ner) if ner is not None else None,
        )

    predicates: dict[Node, str] = {}
    for statement in sorted(set(rdf.subjects(RDF.type, RDF.Statement)), key=str):
        s = _one(rdf, statement, RDF.subject)
        p = _one(rdf, statement, RDF.predicate)
        o = _one(rdf, statement, RDF.object)
        if s not in keys or o not in keys or p is None:
            continue
        if p not in predicates:
            label = _one(rdf, p, RDFS.label)
            predicates[p] = str(label) if label is not None else str(p).rsplit("/", 1)[-1]
        predicate = predicates[p]
        negated_literal = _one(rdf, statement, KGV.negated)
        negated = bool(negated_literal.toPython()) if negated_literal is not None else False
        records = [
            _read_mention(rdf, m, doc_ids)
            for m in rdf.objects(statement, KGV.mention)
        ]
        records.sort(key=provenance_sort_key)
        count = _one(rdf, statement, KGV["count"])
        confidence = _one(rdf, statement, KGV.confidence)
        graph.add_edge(
            keys[s],
            keys[o],
            key=fact_key(predicate, negated),
            predicate=predicate,
            negated=negated,
            count=int(count) if count is not None else len(records),
            provenance=records,
            confidence=(
                _float(confidence)
                if confidence is not None
                else max((r.confidence for r in records), default=0.0)
            ),
        )
    return graph


def _read_mention(rdf: Graph, m: Node, doc_ids: dict[Node, str]) -> Provenance:
    def text(prop: URIRef) -> str:
        value = _one(rdf, m, prop)
        return str(value) if value is not None else ""

    def number(prop: URIRef) -> int:
        value = _one(rdf, m, prop)
        return int(value) if value is not None else 0

    doc = _one(rdf, m, PROV.wasDerivedFrom)
    modality = _one(rdf, m, KGV.modality)
    confidence = _one(rdf, m, KGV.confidence)
    return Provenance(
        document=doc_ids.get(doc, str(doc)) if doc is not None else "",
        sentence=text(KGV.sentence),
        sentence_start=number(KGV.sentenceStart),
        sentence_end=number(KGV.sentenceEnd),
        subject_text=text(KGV.subjectText),
        subject_start=number(KGV.subjectStart),
        subject_end=number(KGV.subjectEnd),
        object_text=text(KGV.objectText),
        object_start=number(KGV.objectStart),
        object_end=number(KGV.objectEnd),
        confidence=_float(confidence) if confidence is not None else 0.0,
        construction=text(KGV.construction),
        modality=str(modality) if modality is not None else None,
    )


class _Index:
    """The two lookups :func:`from_rdf` needs, over quads parsed by pyoxigraph."""

    def __init__(self) -> None:
        self._objects: dict[tuple[Node, Node], list[Node]] = {}
        self._subjects: dict[tuple[Node, Node], list[Node]] = {}

    def add(self, s: Node, p: Node, o: Node) -> None:
        self._objects.setdefault((s, p), []).append(o)
        self._subjects.setdefault((p, o), []).append(s)

    def objects(self, subject: Node, predicate: Node) -> Iterator[Node]:
        return iter(self._objects.get((subject, predicate), ()))

    def subjects(self, predicate: Node, obj: Node) -> Iterator[Node]:
        return iter(self._subjects.get((predicate, obj), ()))


def _parse_oxigraph(path: str | os.PathLike[str], name: str, data: bytes) -> _Index:
    import pyoxigraph as ox

    terms: dict[Any, Node] = {}

    def term(value: Any) -> Node:
        found = terms.get(value)
        if found is not None:
            return found
        if isinstance(value, ox.NamedNode):
            result: Node = URIRef(value.value)
        elif isinstance(value, ox.BlankNode):
            result = BNode(value.value)
        elif isinstance(value, ox.Literal):
            datatype = value.datatype.value
            if value.language:
                result = Literal(value.value, lang=value.language)
            elif datatype == str(XSD.string):
                result = Literal(value.value)
            else:
                result = Literal(value.value, datatype=URIRef(datatype))
        else:
            raise GraphReadError(f"{path}: unsupported RDF term {value!r}")
        terms[value] = result
        return result

    index = _Index()
    seen: set = set()
    try:
        for quad in ox.parse(
            data, format=getattr(ox.RdfFormat, _OXIGRAPH_FORMATS[name]),
            base_iri=Path(path).resolve().as_uri(),
        ):
            triple = (quad.subject, quad.predicate, quad.object)
            if triple in seen:
                continue
            seen.add(triple)
            index.add(term(quad.subject), term(quad.predicate), term(quad.object))
    except (SyntaxError, ValueError) as err:
        line = _line_of(err)
        if line is None:  # pyoxigraph gave no position (RDF/XML): rdflib's parser may
            parse_rdf(path, format=name)
        where = f"{path}:{line}" if line is not None else str(path)
        detail = " ".join(str(err).split())
        raise GraphReadError(f"{where}: malformed {name} RDF: {detail}") from err
    return index


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
        GraphReadError: See :func:`parse_rdf`.
    """
    name = reading_format(path, format)
    if name in _OXIGRAPH_FORMATS:  # fast path: pyoxigraph parses, an index answers lookups
        data = read_checked(path, name, max_bytes=max_bytes)
        return from_rdf(_parse_oxigraph(path, name, data))  # type: ignore[arg-type]
    return from_rdf(parse_rdf(path, format=format, max_bytes=max_bytes))


def update_rdf(
    path: str | os.PathLike[str],
    documents: Iterable[tuple[Document, Iterable[Triple]]],
    *,
    format: str | None = None,
    base: str | None = None,
) -> tuple[KnowledgeGraph, list[str]]:
    """Merge new documents into the graph file at ``path`` (created when missing), in place.

    A document whose content hash is already in the graph is skipped and its triples are never
    pulled, so running the same update twice changes nothing.

    Args:
        path: The graph file.
        documents: ``(document, triples)`` pairs; ``triples`` may be a lazy iterable.
        format: RDF format, else from the extension.
        base: Base IRI; defaults to the one the file was written with.

    Returns:
        The merged graph and the ids of the documents that were added.
    """
    graph = read_rdf(path, format=format) if Path(path).exists() else KnowledgeGraph()
    added: list[str] = []
    for document, triples in documents:
        if add_document(graph, document):
            merge_into(graph, triples)
            added.append(document.id)
    write_rdf(graph, path, format=format, base=base or graph.graph.get("base", DEFAULT_BASE))
    return graph, added

