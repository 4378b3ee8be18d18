"""The labelled fact mentions with the features of their parse, for the validity model.

Labels are keyed by (sentence, fact as shown, voice) (:mod:`benchmarks.facts.voice`); the
features need the parse. So the documents (GUM, lee) are read and parsed as ``kg extract`` reads and
parses them (``kg.build.read_sources``, the same pieces, the default model), each sentence
goes through :func:`extract.triples.fact_triples`, which gives every triple with the
:class:`~extract.records.Fact` behind it, and each triple is keyed by
:func:`benchmarks.facts.mentions.mention_row`, the function that keyed the labels. A mention
whose key has a decided label becomes an :class:`Example`.

Only aggregate figures of the ``test`` part are ever printed; nothing here shows a fact.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

from spacy.language import Language

from benchmarks.facts.mentions import labelled_documents, mention_row
from benchmarks.facts.store import Store
from benchmarks.facts.corpora import path_of
from extract.pipeline import load_nlp, piece_limit
from extract.triples import fact_triples
from extract.validity import features
from kg.build import BuildReport, read_sources
from kg.errors import KGError
from kg.model import KnowledgeGraph

__all__ = ["RIGHT", "Example", "labelled", "read_documents", "mention_features", "examples"]

#: Labels counted as right: right and useful (U), right but trivial (T).
RIGHT = frozenset({"U", "T"})


@dataclass(frozen=True)
class Example:
    """One labelled fact mention.

    Attributes:
        key: The fact's key (what raters judged).
        doc: Its document; ``part``: ``fit``, ``test`` or ``lee``.
        construction: The rule that read it.
        stated_voice: The voice lets the graph state it (own voice, not negated, not
            conditional or hypothetical: ``mention_row``'s ``voice["asserted"]``).
        features: Feature name -> value (:func:`extract.validity.features`).
        label: ``U``, ``T`` or ``W``.
    """

    key: str
    doc: str
    part: str
    construction: str
    stated_voice: bool
    features: Mapping[str, float]
    label: str

    @property
    def right(self) -> bool:
        """Rated right (U or T)."""
        return self.label in RIGHT


def labelled(store: Store | None = None) -> dict[str, str]:
    """Key -> decided label of every fact whose raters have decided."""
    rows = (store or Store()).read_labels()
    return {key: row["label"] for key, row in rows.items() if row.get("label") in ("U", "T", "W")}


def read_documents(names: Iterable[str]) -> list:
    """The labelled documents ``names`` read as ``kg extract`` reads them (their sources).

    Raises:
        KGError: A document could not be read (the message names it and why).
    """
    report = BuildReport()
    sources = list(read_sources([path_of(n) for n in names], KnowledgeGraph(), report))
    if report.skipped or report.duplicates:
        problems = [*report.skipped, *report.duplicates]
        raise KGError(f"documents not read: {'; '.join(str(p) for p in problems)}")
    return sources


def mention_features(
    names: Iterable[str], nlp: Language | None = None,
    progress: Callable[[str], None] | None = None,
) -> Iterator[tuple[dict, dict[str, float]]]:
    """``(mention row, features)`` for every fact mention of the documents ``names``."""
    nlp = nlp if nlp is not None else load_nlp()
    sources = read_documents(names)
    limit = piece_limit(nlp)
    for done, source in enumerate(sources, 1):
        name = Path(source.document.source).stem
        document = source.document.id
        for text, offset in source.pieces(limit):
            doc = nlp(text)
            for sent in doc.sents:
                for fact, triple in fact_triples(sent, document=document, offset=offset):
                    speaker = triple.source.label if triple.source is not None else None
                    row = mention_row(name, triple, speaker, source.text)
                    values = features(fact, triple.subject, triple.object)
                    yield row, values
        if progress is not None:
            progress(f"  [{done}/{len(sources)}] {name}")


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def examples(
    parts: Iterable[str] = ("fit", "test"), *, store: Store | None = None,
    nlp: Language | None = None, progress: Callable[[str], None] | None = _stderr,
) -> tuple[list[Example], dict[str, int]]:
    """The labelled mentions of ``parts`` (one per key: the first), sorted by key, and counts.

    The counts say how many decided labels there are and how many of them the extractor
    still makes (a label whose fact it no longer makes is stale and left out).
    """
    labels = labelled(store)
    found: dict[str, Example] = {}
    names = labelled_documents(parts)
    for row, values in mention_features(names, nlp, progress):
        label = labels.get(row["key"])
        if label is None or row["key"] in found:
            continue
        found[row["key"]] = Example(row["key"], row["doc"], row["part"], row["construction"],
                                    bool(row["voice"]["asserted"]), values, label)
    wanted = set(parts)
    counts = {"labels": sum(1 for key in labels), "matched": len(found)}
    out = sorted((e for e in found.values() if e.part in wanted), key=lambda e: e.key)
    return out, counts
