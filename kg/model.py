"""The data model shared by every stage: triples, their provenance, documents, and the graph.

Extraction (``extract/``) produces :class:`Triple` objects; merging (``kg.merge``) folds them
into a :class:`KnowledgeGraph`; exporters (``export/``) read the graph. Nothing here imports
spaCy, rdflib or pyvis, so the model is cheap to import and pickle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

import networkx as nx

__all__ = [
    "Argument",
    "Provenance",
    "Triple",
    "Document",
    "KnowledgeGraph",
    "fact_key",
]


@dataclass(frozen=True, slots=True)
class Argument:
    """One argument of a triple, as the graph will see it.

    Attributes:
        label: Concise entity label ("Chinese generative AI services"): determiners and
            possessive pronouns dropped, compounds and meaningful modifiers kept.
        key: Canonical key of the entity: normalised lemma form ("chinese generative ai
            service"). Arguments with the same key are the same node.
        type: NER label ("PERSON", "GPE", ...) when the phrase is a named entity, else None.
        form: The argument as written when it differs from ``label`` ("Mr Arafat" for the
            label "Yasser Arafat"), else None.
        rules: Why this mention has this key: empty when the phrase is the key as written,
            else the identity rules that resolved it (``honorific``, ``surname``,
            ``acronym``, ...; see docs/identity.md).
        honorific: An honorific written before a person's name ("Mr", "Dr"), not part of it.
        role: A role title written before a person's name ("Prime Minister").
        scope: The document a generic noun's node belongs to ("spokesman" in one article is
            not the spokesman of another), or None for a corpus-wide node.
    """

    label: str
    key: str
    type: str | None = None
    form: str | None = None
    rules: tuple[str, ...] = ()
    honorific: str | None = None
    role: str | None = None
    scope: str | None = None

    @property
    def surface(self) -> str:
        """The argument as written in the sentence (``form``), or its label."""
        return self.form or self.label


#: What ``Provenance.modality`` can be: a closed set. The modal verb of the clause, lower
#: case, or ``intended`` for a clause that a verb of intention, expectation or attempt governs
#: ("expected to vote in favour of banning the group": the banning has not happened).
MODALITIES: frozenset[str] = frozenset(
    {"can", "could", "may", "might", "must", "shall", "should", "will", "would", "ought",
     "intended"}
)
#: Modalities under which the text does not state the fact as true in its own voice
#: (:data:`kg.voice.MODAL`).
HYPOTHETICAL: frozenset[str] = MODALITIES - {"will", "shall"}
#: A source's stance toward attributed content (``Provenance.stance``).
STANCES: tuple[str, ...] = ("asserted", "denied", "questioned")


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where one mention of a fact came from.

    Offsets are character offsets into the original document text (the file as read), so
    ``text[subject_start:subject_end] == subject_text`` holds for the source document.

    ``stance``, ``attributed_to``, ``reported_by``, ``conditional`` and ``modality`` say how
    the sentence presents the fact (its voice: :func:`kg.voice.mention_voice`); ``subject_rules`` and
    ``object_rules`` name the identity rules that made this mention's arguments their nodes
    (``("honorific", "surname")`` for "Mr Arafat" -> Yasser Arafat; see docs/identity.md).
    """

    document: str
    sentence: str
    sentence_start: int
    sentence_end: int
    subject_text: str
    subject_start: int
    subject_end: int
    object_text: str
    object_start: int
    object_end: int
    confidence: float
    construction: str
    modality: str | None = None
    stance: str = "asserted"
    attributed_to: str | None = None
    reported_by: str | None = None
    conditional: bool = False
    subject_rules: tuple[str, ...] = ()
    object_rules: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain-dict form for JSON lines (explicit: ``dataclasses.asdict`` deep-copies slowly)."""
        record = {name: getattr(self, name) for name in self.__dataclass_fields__}
        record["subject_rules"] = list(self.subject_rules)
        record["object_rules"] = list(self.object_rules)
        return record


@dataclass(frozen=True, slots=True)
class Triple:
    """A (subject, predicate, object) fact extracted from one sentence.

    Attributes:
        subject: The subject argument.
        predicate: Verb lemma plus particle or preposition ("stem from", "rival", "be").
        object: The object argument.
        provenance: Document, sentence, offsets, confidence and construction.
        negated: True when the sentence denies the fact ("does not rival"). A negated fact
            is a different fact from its affirmative twin and never merged with it.
        extra: Further argument texts (prepositional phrases, ...) kept for n-ary output
            formats such as CaRB; not part of the graph.
        source: Who the sentence attributes the fact to (the speaker of "X said ..."), whose
            key is ``provenance.attributed_to``; None when the text states it in its own voice.
    """

    subject: Argument
    predicate: str
    object: Argument
    provenance: Provenance
    negated: bool = False
    extra: tuple[str, ...] = ()
    source: Argument | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        """The identity of the fact: (subject key, fact key, object key)."""
        return (self.subject.key, fact_key(self.predicate, self.negated), self.object.key)

    def to_dict(self) -> dict[str, Any]:
        """Flat JSON-ready record: the fields `kg extract --format jsonl` prints."""
        p = self.provenance
        return {
            "subject": self.subject.label,
            "predicate": self.predicate,
            "object": self.object.label,
            "negated": self.negated,
            "modality": p.modality,
            "stance": p.stance,
            "attributed_to": p.attributed_to,
            "reported_by": p.reported_by,
            "conditional": p.conditional,
            "subject_rules": list(p.subject_rules),
            "object_rules": list(p.object_rules),
            "confidence": p.confidence,
            "construction": p.construction,
            "subject_text": p.subject_text,
            "object_text": p.object_text,
            "subject_type": self.subject.type,
            "object_type": self.object.type,
            "subject_key": self.subject.key,
            "object_key": self.object.key,
            "source": p.document,
            "sentence": p.sentence,
            "sentence_start": p.sentence_start,
            "sentence_end": p.sentence_end,
            "subject_start": p.subject_start,
            "subject_end": p.subject_end,
            "object_start": p.object_start,
            "object_end": p.object_end,
            "extra": list(self.extra),
        }


def fact_key(predicate: str, negated: bool = False) -> str:
    """The edge key of a fact in the MultiDiGraph: the predicate, prefixed when negated.

    >>> fact_key("rival"), fact_key("rival", negated=True)
    ('rival', 'not rival')
    """
    return f"not {predicate}" if negated else predicate


@dataclass(frozen=True, slots=True)
class Document:
    """A source document as recorded in the graph (its text is not kept).

    Attributes:
        id: Stable identifier, the path relative to the folder it was found in.
        source: The path it was read from, as given.
        sha256: Hex digest of the raw bytes, used to skip documents already merged.
        metadata: Header fields found at the top of the document (``{"date": "2024-02-24"}``).
    """

    id: str
    source: str
    sha256: str
    metadata: tuple[tuple[str, str], ...] = field(default_factory=tuple)


class KnowledgeGraph(nx.MultiDiGraph):
    """A ``networkx.MultiDiGraph`` of entities and facts, with the documents they came from.

    Nodes are canonical entity keys with attributes ``label`` (most frequent surface form),
    ``aliases`` (the other surface forms, sorted), ``type`` (most frequent NER label or None),
    ``mentions`` (how often the entity was an argument) and ``forms`` / ``types`` (the counts
    behind them). Edges are keyed by :func:`fact_key` and carry ``predicate``, ``negated``,
    ``count``, ``confidence`` (highest seen) and ``provenance`` (list of :class:`Provenance`);
    whether a fact is stated, and if not why, is :func:`kg.voice.fact_voice`.
    ``graph.graph["documents"]`` maps document id to :class:`Document`;
    ``graph.graph["min_confidence"]`` is the confidence a mention needs to be stated
    (:func:`kg.voice.min_confidence`).

    Being a real MultiDiGraph, every networkx algorithm accepts it directly.

    >>> g = KnowledgeGraph()
    >>> len(g), g.number_of_edges(), g.documents
    (0, 0, {})
    """

    def __init__(self, incoming_graph_data: Any = None, **attr: Any) -> None:
        super().__init__(incoming_graph_data, **attr)
        self.graph.setdefault("documents", {})

    @property
    def documents(self) -> dict[str, Document]:
        """Documents merged into this graph, by id."""
        return self.graph["documents"]

    def facts(self) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """Yield ``(subject key, fact key, object key, edge data)`` for every fact."""
        yield from self.edges(keys=True, data=True)
