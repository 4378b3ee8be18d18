"""kg's RDF vocabulary as one table: every property every writer writes and the reader reads.

Each :class:`Row` says, for one kind of subject, which property it gets, where the value comes
from and how it is written. The text writer (:mod:`export.rdf.text`) compiles the rows into
templates, the rdflib and Oxigraph writers parse that text, and :func:`export.rdf.read_rdf`
reads every row that names an attribute back into that attribute. So a new node or fact
attribute is one new row here, e.g.::

    Row(ENTITY, KGV.role, "roles", TEXT, many=True, default=[]),
    Row(MENTION, KGV.reportedBy, "reported_by", TEXT, optional=True),

The subjects and the records their rows read:

- ``GRAPH``: the ``<base>`` node: ``{"assert_claims", "min_confidence"}`` (``assert_claims``
  True, or None when not; ``min_confidence`` the threshold the graph states facts at);
- ``DOCUMENT``: ``{"id", "source", "sha256", "metadata"}`` (only ``id`` for a document that
  provenance names but the graph never registered);
- ``ENTITY``: a node's attributes plus ``"key"``, the node itself;
- ``RELATION``: ``{"predicate"}``;
- ``FACT``: the edge data plus ``"subject"`` and ``"object"`` (node keys),
  ``"assert_claims"`` (the writer's option) and ``"voice"`` (its :class:`kg.voice.Voice` at
  the graph's threshold): the plain ``subject relation object`` triple, written when
  :func:`plain_triple` says so;
- ``STATEMENT``: the same record, with ``"provenance"`` sorted and ``"mentions"``, the IRIs
  of the ``MENTION`` subjects (one per provenance record) that follow it;
- ``MENTION``: a :class:`kg.model.Provenance` (its fields are the attributes).

The order of the rows is the order of the properties in every block of output, so it is part
of the byte-for-byte output: append new rows where they should appear.

>>> [(row.predicate.n3(), row.value, row.kind) for row in rows(RELATION)][-1]
('<http://www.w3.org/2000/01/rdf-schema#label>', 'predicate', 'text')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any, Callable, Mapping

from rdflib import URIRef

from export.namespaces import DCTERMS, KGV, PROV, RDF, RDFS, SKOS
from kg.voice import Voice, edge_voice

__all__ = [
    "GRAPH", "DOCUMENT", "ENTITY", "RELATION", "FACT", "STATEMENT", "MENTION", "SUBJECTS",
    "IN_DOCUMENT_GRAPH",
    "TEXT", "INTEGER", "DECIMAL", "BOOLEAN", "JSON", "ENTITY_IRI", "RELATION_IRI",
    "DOCUMENT_IRI", "MENTION_IRI", "NER_CLASS", "DUBLIN_CORE", "NAMES", "KINDS",
    "Row", "VOCABULARY", "rows", "plain_triple", "dublin_core", "DUBLIN_CORE_KEYS",
    "is_date",
]

# -- subjects, in output order --------------------------------------------------------------
GRAPH, DOCUMENT, ENTITY, RELATION = "graph", "document", "entity", "relation"
FACT, STATEMENT, MENTION = "fact", "statement", "mention"
SUBJECTS = (GRAPH, DOCUMENT, ENTITY, RELATION, FACT, STATEMENT, MENTION)
#: Subjects written into the named graph of their document in dataset formats (N-Quads, TriG,
#: ...); every other subject is in the default graph.
IN_DOCUMENT_GRAPH = frozenset({MENTION})

# -- kinds: how a value is written (and read back) ------------------------------------------
TEXT = "text"                  # a plain string literal
INTEGER = "integer"            # xsd:integer
DECIMAL = "decimal"            # xsd:decimal that reads back as exactly the same float
BOOLEAN = "boolean"            # xsd:boolean
JSON = "json"                  # a JSON text (sorted keys) in a plain string literal
ENTITY_IRI = "entity iri"      # a node key, written as the entity's IRI
RELATION_IRI = "relation iri"  # a predicate, written as the relation's IRI
DOCUMENT_IRI = "document iri"  # a document id, written as the document's IRI
MENTION_IRI = "mention iri"    # a mention's IRI, already minted
NER_CLASS = "ner class"        # a NER label, written as its schema.org class (none: no triple)
DUBLIN_CORE = "dublin core"    # (dcterms property, text) pairs; ISO dates as xsd:date
NAMES = "names"                # a tuple of names in order, one string joined by "+"
KINDS = (TEXT, INTEGER, DECIMAL, BOOLEAN, JSON, ENTITY_IRI, RELATION_IRI, DOCUMENT_IRI,
         MENTION_IRI, NER_CLASS, DUBLIN_CORE, NAMES)


@dataclass(frozen=True)
class Row:
    """One property of one kind of subject.

    Attributes:
        subject: Which subject gets the property (one of :data:`SUBJECTS`).
        predicate: The property (None for :data:`DUBLIN_CORE`, whose pairs name it, and for
            :data:`FACT`, whose predicate is the fact's relation).
        value: An attribute of the subject's record (written and read back), a constant IRI
            (a class), or a function of the record (derived: written, never read back).
        kind: How the value is written (one of :data:`KINDS`); None for a constant IRI.
        many: The value is a collection: one triple per item, in the collection's order
            (sorted for attributes).
        optional: No triple when the value is None (or when its kind maps it to nothing).
        default: The value of a missing attribute, for writing and for reading back (a
            missing attribute without a default is not written when optional, and is left out
            when read back unless optional).
        when: Only for records where this returns true.
    """

    subject: str
    predicate: URIRef | None
    value: str | URIRef | Callable[[Any], Any]
    kind: str | None = None
    many: bool = False
    optional: bool = False
    default: Any = None
    when: Callable[[Any], bool] | None = None

    def __post_init__(self) -> None:
        if self.subject not in SUBJECTS:
            raise ValueError(f"unknown subject {self.subject!r}; one of {SUBJECTS}")
        if isinstance(self.value, URIRef) != (self.kind is None):
            raise ValueError(f"a row has a kind unless its value is a constant IRI: {self}")
        if self.kind is not None and self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}; one of {KINDS}")

    @property
    def attribute(self) -> str | None:
        """The record attribute this row writes and reads back, if any."""
        return self.value if isinstance(self.value, str) and self.kind is not None else None


def _voice(fact: Mapping[str, Any]) -> Voice:
    """The fact's voice as the writer computed it, or at the default threshold."""
    voice = fact.get("voice")
    return voice if voice is not None else edge_voice(fact)


def plain_triple(fact: Mapping[str, Any]) -> bool:
    """Whether a fact is also stated as a plain ``subject relation object`` triple.

    Every fact has a statement; only a fact the graph states (:attr:`kg.voice.Voice.stated`:
    a mention in the text's own voice, not negated, at the graph's confidence threshold) is a
    plain triple, so ``?s ?p ?o`` never finds what a sentence denies, only reports, or what
    the extraction is unsure of. Written with ``assert_claims`` (a key of the record, from
    :func:`export.rdf.write_rdf`), a fact some mention holds true
    (:attr:`kg.voice.Voice.held_true`) is a plain triple too.

    >>> plain_triple({"negated": True, "provenance": []})
    False
    """
    voice = _voice(fact)
    return voice.stated or bool(fact.get("assert_claims")) and voice.held_true


def _stated(fact: Mapping[str, Any]) -> bool:
    return _voice(fact).stated


def _voice_kind(fact: Mapping[str, Any]) -> str:
    return _voice(fact).kind


#: Header fields (lower case) that also get a Dublin Core property (``kgv:metadata`` keeps
#: every field, and stays authoritative).
DUBLIN_CORE_KEYS = {
    "date": DCTERMS.date,
    "title": DCTERMS.title,
    "author": DCTERMS.creator,
    "creator": DCTERMS.creator,
    "language": DCTERMS.language,
    "publisher": DCTERMS.publisher,
    "source": DCTERMS.source,
    "url": DCTERMS.source,
}


def dublin_core(document: Mapping[str, Any]) -> list[tuple[URIRef, str]]:
    """The ``(dcterms property, value)`` pairs of a document's header, in header order."""
    pairs = []
    for name, value in document.get("metadata") or ():
        prop = DUBLIN_CORE_KEYS.get(name.strip().lower())
        if prop is not None:
            pairs.append((prop, value))
    return pairs


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def is_date(value: str) -> bool:
    """Whether ``value`` is an ISO date that exists (written as ``xsd:date``).

    >>> is_date("2024-02-24"), is_date("2024-02-30"), is_date("24 Feb 2024")
    (True, False, False)
    """
    if not _ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _modalities(fact: Mapping[str, Any]) -> list[str]:
    records = fact["provenance"]
    if len(records) == 1:  # most facts: no set to build
        return [] if records[0].modality is None else [records[0].modality]
    return sorted({r.modality for r in records if r.modality is not None})


def _distinct(field: str) -> Callable[[Mapping[str, Any]], list[str]]:
    """The sorted distinct values of mention field ``field`` over a fact's mentions."""
    def values(fact: Mapping[str, Any]) -> list[str]:
        found = {getattr(r, field) for r in fact["provenance"]}
        found.discard(None)
        return sorted(found)
    values.__name__ = f"_{field}s"
    return values


def _documents(fact: Mapping[str, Any]) -> list[str]:
    records = fact["provenance"]
    if len(records) == 1:
        return [records[0].document]
    return sorted({r.document for r in records})


#: The table. Order within a subject is output order.
VOCABULARY: tuple[Row, ...] = (
    Row(GRAPH, RDF.type, KGV.KnowledgeGraph),
    Row(GRAPH, KGV.assertsClaims, "assert_claims", BOOLEAN, optional=True),
    Row(GRAPH, KGV.minConfidence, "min_confidence", DECIMAL, optional=True),

    Row(DOCUMENT, RDF.type, KGV.Document),
    Row(DOCUMENT, RDF.type, PROV.Entity),
    Row(DOCUMENT, KGV.documentId, "id", TEXT),
    Row(DOCUMENT, KGV.source, "source", TEXT, optional=True),
    Row(DOCUMENT, KGV.sha256, "sha256", TEXT, optional=True),
    Row(DOCUMENT, KGV.metadata, "metadata", JSON, optional=True),
    Row(DOCUMENT, None, dublin_core, DUBLIN_CORE, many=True),

    Row(ENTITY, RDF.type, KGV.Entity),
    Row(ENTITY, RDF.type, "type", NER_CLASS, optional=True),
    Row(ENTITY, KGV.key, "key", TEXT),
    Row(ENTITY, RDFS.label, "label", TEXT, optional=True),
    Row(ENTITY, SKOS.altLabel, "aliases", TEXT, many=True, default=[]),
    Row(ENTITY, KGV.nerType, "type", TEXT, optional=True),
    Row(ENTITY, KGV.mentionCount, "mentions", INTEGER, default=0),
    Row(ENTITY, KGV.forms, "forms", JSON, default={}),
    Row(ENTITY, KGV.types, "types", JSON, default={}),
    Row(ENTITY, KGV.aliasRules, "alias_rules", JSON, default={}),
    Row(ENTITY, KGV.honorific, "honorifics", TEXT, many=True, default=[]),
    Row(ENTITY, KGV.role, "roles", TEXT, many=True, default=[]),
    Row(ENTITY, KGV.scope, "scope", DOCUMENT_IRI, optional=True),

    Row(RELATION, RDF.type, RDF.Property),
    Row(RELATION, RDF.type, KGV.Relation),
    Row(RELATION, RDFS.label, "predicate", TEXT),

    Row(FACT, None, "object", ENTITY_IRI, when=plain_triple),

    Row(STATEMENT, RDF.type, RDF.Statement),
    Row(STATEMENT, RDF.subject, "subject", ENTITY_IRI),
    Row(STATEMENT, RDF.predicate, "predicate", RELATION_IRI),
    Row(STATEMENT, RDF.object, "object", ENTITY_IRI),
    Row(STATEMENT, KGV.negated, "negated", BOOLEAN, default=False),
    Row(STATEMENT, KGV["count"], "count", INTEGER, default=0),
    Row(STATEMENT, KGV.confidence, "confidence", DECIMAL, default=0.0),
    Row(STATEMENT, KGV.modality, _modalities, TEXT, many=True),
    Row(STATEMENT, KGV.asserted, _stated, BOOLEAN),
    Row(STATEMENT, KGV.voice, _voice_kind, TEXT),
    Row(STATEMENT, KGV.stance, _distinct("stance"), TEXT, many=True),
    Row(STATEMENT, KGV.attributedTo, _distinct("attributed_to"), ENTITY_IRI, many=True),
    Row(STATEMENT, PROV.wasDerivedFrom, _documents, DOCUMENT_IRI, many=True),
    Row(STATEMENT, KGV.mention, itemgetter("mentions"), MENTION_IRI, many=True),

    Row(MENTION, RDF.type, KGV.Mention),
    Row(MENTION, PROV.wasDerivedFrom, "document", DOCUMENT_IRI, default=""),
    Row(MENTION, KGV.sentence, "sentence", TEXT, default=""),
    Row(MENTION, KGV.sentenceStart, "sentence_start", INTEGER, default=0),
    Row(MENTION, KGV.sentenceEnd, "sentence_end", INTEGER, default=0),
    Row(MENTION, KGV.subjectText, "subject_text", TEXT, default=""),
    Row(MENTION, KGV.subjectStart, "subject_start", INTEGER, default=0),
    Row(MENTION, KGV.subjectEnd, "subject_end", INTEGER, default=0),
    Row(MENTION, KGV.objectText, "object_text", TEXT, default=""),
    Row(MENTION, KGV.objectStart, "object_start", INTEGER, default=0),
    Row(MENTION, KGV.objectEnd, "object_end", INTEGER, default=0),
    Row(MENTION, KGV.confidence, "confidence", DECIMAL, default=0.0),
    Row(MENTION, KGV.construction, "construction", TEXT, default=""),
    Row(MENTION, KGV.modality, "modality", TEXT, optional=True),
    Row(MENTION, KGV.stance, "stance", TEXT, default="asserted"),
    Row(MENTION, KGV.attributedTo, "attributed_to", ENTITY_IRI, optional=True),
    Row(MENTION, KGV.reportedBy, "reported_by", TEXT, optional=True),
    Row(MENTION, KGV.conditional, "conditional", BOOLEAN, default=False),
    Row(MENTION, KGV.subjectRules, "subject_rules", NAMES, optional=True, default=()),
    Row(MENTION, KGV.objectRules, "object_rules", NAMES, optional=True, default=()),
)

def rows(subject: str) -> tuple[Row, ...]:
    """The rows of ``subject``, in output order."""
    return tuple(row for row in VOCABULARY if row.subject == subject)
