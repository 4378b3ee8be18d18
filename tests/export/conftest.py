"""Shared fixtures for the export tests: a small hand-built graph (no spaCy model needed)."""

from __future__ import annotations

import pytest

from kg.merge import add_document, merge_into
from kg.model import Argument, Document, KnowledgeGraph, Provenance, Triple
from kg.voice import DEFAULT_MIN_CONFIDENCE

SEED_TEXT = (
    "Xu Liang, a seasoned AI entrepreneur, founded Kuaishou in Beijing. "
    "Chinese generative AI services could rival Sora. "
    "The difficulties stem from export controls. "
    "Kuaishou does not rival OpenAI."
)


def make_triple(
    subject: tuple[str, str, str | None],
    predicate: str,
    obj: tuple[str, str, str | None],
    *,
    document: str = "news/seed.txt",
    sentence: str = "Xu Liang founded Kuaishou.",
    start: int = 0,
    negated: bool = False,
    modality: str | None = None,
    confidence: float = 0.9,
    construction: str = "svo",
    source: tuple[str, str, str | None] | None = None,
    reported_by: str | None = None,
    stance: str = "asserted",
) -> Triple:
    """A triple with plausible provenance; arguments are (label, key, type); ``source`` is
    the speaker a claim is attributed to."""
    s_label, s_key, s_type = subject
    o_label, o_key, o_type = obj
    s_at = max(sentence.find(s_label), 0)
    o_at = max(sentence.find(o_label), 0)
    provenance = Provenance(
        document=document,
        sentence=sentence,
        sentence_start=start,
        sentence_end=start + len(sentence),
        subject_text=s_label,
        subject_start=start + s_at,
        subject_end=start + s_at + len(s_label),
        object_text=o_label,
        object_start=start + o_at,
        object_end=start + o_at + len(o_label),
        confidence=confidence,
        construction=construction,
        modality=modality,
        stance=stance,
        attributed_to=source[1] if source else None,
        reported_by=reported_by,
    )
    return Triple(
        Argument(s_label, s_key, s_type), predicate, Argument(o_label, o_key, o_type),
        provenance, negated=negated, source=Argument(*source) if source else None,
    )


XU = ("Xu Liang", "xu liang", "PERSON")
KUAISHOU = ("Kuaishou", "kuaishou", "ORG")
BEIJING = ("Beijing", "beijing", "GPE")
CHINA = ("China", "china", "GPE")
SERVICES = ("Chinese generative AI services", "chinese generative ai service", None)
SORA = ("Sora", "sora", "PRODUCT")
OPENAI = ("OpenAI", "openai", "ORG")
DIFFICULTIES = ("difficulties", "difficulty", None)
CONTROLS = ("export controls", "export control", None)


def sample_triples() -> list[Triple]:
    s1 = "Xu Liang, a seasoned AI entrepreneur, founded Kuaishou in Beijing."
    s2 = "Chinese generative AI services could rival Sora."
    s3 = "The difficulties stem from export controls."
    s4 = "Kuaishou does not rival OpenAI."
    return [
        make_triple(XU, "found", KUAISHOU, sentence=s1, construction="svo"),
        make_triple(XU, "be", ("AI entrepreneur", "ai entrepreneur", None), sentence=s1,
                    construction="apposition", confidence=round(DEFAULT_MIN_CONFIDENCE + 0.02, 2)),
        make_triple(KUAISHOU, "be in", BEIJING, sentence=s1, construction="prep"),
        make_triple(SERVICES, "rival", SORA, sentence=s2, start=68, modality="could",
                    construction="modal"),
        make_triple(DIFFICULTIES, "stem from", CONTROLS, sentence=s3, start=118,
                    construction="verb_prep", confidence=DEFAULT_MIN_CONFIDENCE),  # at the threshold
        make_triple(KUAISHOU, "rival", OPENAI, sentence=s4, start=163, negated=True),
        # a second mention of a fact, from another document, with another surface form
        make_triple(("xu liang", "xu liang", "PERSON"), "found", KUAISHOU,
                    document="news/other.txt", sentence="xu liang founded Kuaishou in 2011.",
                    confidence=0.95),
        make_triple(XU, "found", KUAISHOU, sentence=s1, construction="svo"),  # exact duplicate
        make_triple(BEIJING, "be in", CHINA, document="news/other.txt",
                    sentence="Beijing is in China.", construction="copula"),
        make_triple(XU, "meet", ("Sam Altman", "sam altman", "PERSON"),
                    document="news/other.txt", sentence="Xu Liang met Sam Altman.",
                    construction="svo"),
        make_triple(("Sam Altman", "sam altman", "PERSON"), "lead", OPENAI,
                    document="news/other.txt", sentence="Sam Altman leads OpenAI.",
                    construction="svo"),
    ]


def claim_triples() -> list[Triple]:
    """Claims: one someone said (under a modal), one someone denied, in news/other.txt."""
    said = "Sam Altman said OpenAI would open an office in Beijing."
    denied = "Kuaishou denied that it copied Sora."
    return [
        make_triple(OPENAI, "open office in", BEIJING, document="news/other.txt", sentence=said,
                    start=200, modality="would", source=("Sam Altman", "sam altman", "PERSON"),
                    reported_by="say"),
        make_triple(KUAISHOU, "copy", SORA, document="news/other.txt", sentence=denied,
                    start=260, source=KUAISHOU, reported_by="deny", stance="denied"),
    ]


def build_sample() -> KnowledgeGraph:
    graph = KnowledgeGraph()
    add_document(graph, Document("news/seed.txt", "corpus/news/seed.txt", "a" * 64,
                                 (("date", "2024-02-24"),)))
    add_document(graph, Document("news/other.txt", "corpus/news/other.txt", "b" * 64, ()))
    return merge_into(graph, sample_triples())


@pytest.fixture
def sample_graph() -> KnowledgeGraph:
    """A hand-built graph: two documents, persons, orgs, places, a negated and a modal fact."""
    return build_sample()
