"""From facts to triples: labels, keys, offsets, provenance and confidence.

The rules (:mod:`extract.rules`) emit token-level :class:`~extract.records.Fact` records;
:func:`judge_facts` turns each into a :class:`~kg.model.Triple` or drops it by a named rule:
misread parses are vetoed (:mod:`extract.vetoes`), arguments get their concise labels and keys
(:mod:`extract.phrases`), pronouns are resolved (:mod:`extract.coref`) or the fact is dropped,
offsets become character offsets in the document, and the fact is scored: the graph's facts
by the validity model fitted on rated facts (:mod:`extract.validity`), Open IE output by the
CaRB-fitted confidence (:mod:`extract.confidence`). The two registered sentence extractors
are here: the graph's ``kg.dependency.v1`` and Open IE output's ``kg.openie.v1``.
"""

from __future__ import annotations

from typing import Iterator, NamedTuple, Optional, Tuple

from spacy.tokens import Span

from extract.arguments import Identity, identify, unresolved
from extract.attribution import Voice
from extract.confidence import score_fact
from extract.doc_arrays import token_offsets, token_texts
from extract.lexicon import NEGATIONS
from extract.phrases import doc_text
from extract.records import Fact
from extract.registry import extractors
from extract.rules import (
    FURTHER_CLAUSE_RULES,
    OPENIE_FURTHER_RULES,
    OPENIE_PHRASE_RULES,
    PHRASE_RULES,
    iter_facts,
)
from extract.validity import validity
from extract.vetoes import veto
from kg.keys import canonical_key
from kg.model import Argument, Provenance, Triple

__all__ = ["Drop", "Judged", "DROPPED_BY", "extract_sentence", "extract_openie_sentence",
           "fact_triples", "judge_facts"]

_OWN_VOICE = Voice()

EMPTY_ARGUMENT = "empty_argument"
CLAUSE_OBJECT = "clause_object"
DUPLICATE = "duplicate"
SAME_NODE = "same_node"
#: Why a candidate is dropped here, beside the vetoes (:mod:`extract.vetoes`) and the
#: mentions that are no node (:data:`extract.arguments.NO_NODE_BY`), by name.
DROPPED_BY = {
    EMPTY_ARGUMENT: "an argument with no tokens (only a crossing arc of the parse makes one)",
    CLAUSE_OBJECT: "the object is a clause, no entity: its own facts are extracted, attributed "
                   "to whoever says it",
    DUPLICATE: "the same subject, predicate and object spans as an earlier candidate",
    SAME_NODE: "subject and object are one node: a fact would relate a thing to itself",
}


class Drop(NamedTuple):
    """Why a candidate is no triple: the rule's name, the argument it is about (``subject``
    or ``object``, when one is), and more of why (the pronoun rule that found no antecedent)."""

    rule: str
    role: str | None = None
    detail: str | None = None


#: A candidate fact and what became of it: a plain tuple ``(fact, triple, drop, identities)``
#: with its triple or None, the :class:`Drop` that took it or None, and the
#: :data:`~extract.arguments.Identity` of its subject, object and source (the speaker of a
#: claim), as far as they were worked out. A plain tuple, because the extractors make one per
#: candidate and keep only the triples (a named tuple cost the rule pass 2 %).
Judged = Tuple[Fact, Optional[Triple], Optional[Drop], Tuple[Optional[Identity], ...]]


def _char_bounds(sent: Span, bounds: tuple[int, int]) -> tuple[int, int]:
    doc = sent.doc
    start, end = bounds
    offsets = token_offsets(doc)
    return offsets[start], offsets[end - 1] + len(token_texts(doc)[end - 1])


def _spans(bounds: tuple[int, int]) -> bool:
    return bounds[0] < bounds[1]


def _as_written(text: str) -> Identity:
    """Open IE output scores an argument as written (``text``); no label or key is needed."""
    if not any(ch.isalnum() for ch in text):
        return None, "no_content", None, None
    return Argument(text, text.lower(), None), None, None, None


@extractors.register("kg.dependency.v1")
def extract_sentence(sent: Span, *, document: str, offset: int = 0) -> Iterator[Triple]:
    """Yield every triple the rules find in ``sent``; offsets are shifted by ``offset``.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Xu Liang founded a company.")
    >>> [(t.subject.label, t.predicate, t.object.label) for t in extract_sentence(
    ...     next(doc.sents), document="d")]
    [('Xu Liang', 'found', 'company')]
    """
    for _fact, triple, _drop, _identities in judge_facts(sent, document=document, offset=offset,
                                                          triples_only=True):
        if triple is not None:
            yield triple


@extractors.register("kg.openie.v1")
def extract_openie_sentence(sent: Span, *, document: str, offset: int = 0) -> Iterator[Triple]:
    """The same rules for Open IE output (``kg extract --format carb``), not for the graph.

    Open IE benchmarks score the relation as written and take arguments as they stand, so here
    the predicate is the relation as written ("could rival", "was founded by"; a negation word
    is left out because ``negated`` carries it) and arguments are taken as written: a pronoun
    stays a pronoun instead of dropping the triple, and labels and keys are the argument text
    (no entity label is worked out, which Open IE output does not use).

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("He founded a company.")
    >>> [(t.subject.label, t.predicate, t.object.label) for t in extract_openie_sentence(
    ...     next(doc.sents), document="d")]
    [('He', 'founded', 'a company')]
    """
    for _fact, triple, _drop, _identities in judge_facts(sent, document=document,
                                                          offset=offset, openie=True):
        if triple is not None:
            yield triple


def fact_triples(
    sent: Span, *, document: str, offset: int = 0, openie: bool = False
) -> Iterator[tuple[Fact, Triple]]:
    """Like :func:`extract_sentence`, pairing each triple with the :class:`Fact` behind it.

    The fact keeps what the graph does not need but Open IE output does, such as the relation
    as written (``fact.relation``). With ``openie`` the triples are those of
    :func:`extract_openie_sentence`.
    """
    for fact, triple, _drop, _identities in judge_facts(sent, document=document, offset=offset,
                                                         openie=openie):
        if triple is not None:
            yield fact, triple


def judge_facts(
    sent: Span, *, document: str, offset: int = 0, openie: bool = False,
    triples_only: bool = False,
) -> Iterator[Judged]:
    """Every candidate fact the rules find in ``sent``, each with what became of it.

    A candidate becomes a triple, or is dropped by a named rule (:class:`Drop`): one of
    :data:`~extract.rules.RULE_DROPS` (the rule that proposed it), :data:`DROPPED_BY`, a
    veto of :data:`~extract.vetoes.GRAPH_VETOES`, or a rule of
    :data:`~extract.arguments.NO_NODE_BY` for an argument that is no node. The extractors are
    filters over this generator, so what ``kg explain`` prints is what they do.

    With ``triples_only`` (the graph's extractor, which keeps the triples alone) a candidate
    whose subject or object is a pronoun left unresolved (:func:`~extract.arguments.unresolved`)
    becomes no triple whichever rule would name its drop, so it is passed over unjudged: a
    clause whose subjects all are such is not read past its subjects (two clauses in five of
    running text), and such a candidate of another clause is dropped before the vetoes.

    >>> from extract.pipeline import load_nlp
    >>> sent = next(load_nlp()("The blast left eight civilians dead.").sents)
    >>> [(fact.object.text, drop) for fact, _triple, drop, _ in judge_facts(sent, document="d")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('civilians', Drop(rule='predicate_of_the_object', role=None, detail=None)),
     ('dead', Drop(rule='resulting_state', role=None, detail=None))]
    """
    sent_start, sent_end = sent.start_char, sent.end_char
    # The document's text is joined once (phrases.doc_text): Span.text would make a Token of
    # each word of the sentence again, and doc.text of each word of the document.
    local = doc_text(sent.doc)[sent_start:sent_end]

    def text_at(start: int, end: int) -> str:
        return local[start - sent_start : end - sent_start]

    seen: set[tuple] = set()
    phrase_rules = OPENIE_PHRASE_RULES if openie else PHRASE_RULES
    further = OPENIE_FURTHER_RULES if openie else FURTHER_CLAUSE_RULES
    skipped = unresolved if triples_only and not openie else None
    for fact in iter_facts(sent, phrase_rules=phrase_rules, further=further,
                           dropped_subject=skipped):
        if fact.dropped_by is not None:  # the rule proposed it and kept it out itself
            yield fact, None, Drop(fact.dropped_by), ()
            continue
        if not (_spans(fact.subject_bounds) and _spans(fact.object_bounds)):
            # An argument with no tokens: only a crossing (non-projective) arc can make one,
            # such as a possessor whose subtree ends after the noun it owns.
            yield fact, None, Drop(EMPTY_ARGUMENT), ()
            continue
        if not openie:
            if fact.clause_object:
                # A clause is not an entity: its own facts are extracted, attributed to the
                # speaker (Clause.voice), and the reporting fact is their provenance.
                yield fact, None, Drop(CLAUSE_OBJECT), ()
                continue
            if triples_only and (unresolved(fact.subject) or unresolved(fact.object)):
                continue
            vetoed = veto(fact)
            if vetoed is not None:
                yield fact, None, Drop(vetoed), ()
                continue
        s_start, s_end = _char_bounds(sent, fact.subject_bounds)
        o_start, o_end = _char_bounds(sent, fact.object_bounds)
        ident = (s_start, s_end, fact.predicate, o_start, o_end)
        if ident in seen:
            yield fact, None, Drop(DUPLICATE), ()
            continue
        subject_text, object_text = text_at(s_start, s_end), text_at(o_start, o_end)
        found_subject = (_as_written(subject_text) if openie
                         else identify(fact.subject, document))
        subject = found_subject[0]
        if subject is None:
            yield fact, None, Drop(found_subject[1], "subject", found_subject[3]), (
                found_subject,)
            continue
        found_object = (_as_written(object_text) if openie or fact.clause_object
                        else identify(fact.object, document))
        obj = found_object[0]
        if obj is None:
            yield fact, None, Drop(found_object[1], "object", found_object[3]), (
                found_subject, found_object)
            continue
        if obj.key == subject.key:
            yield fact, None, Drop(SAME_NODE), (found_subject, found_object)
            continue
        seen.add(ident)
        extra = tuple(text_at(*_char_bounds(sent, b)) for b in fact.extra)
        voice = fact.clause.voice if fact.clause is not None else _OWN_VOICE
        source = found_source = None
        if voice.source is not None and not openie:
            found_source = identify(voice.source, document)
            source = found_source[0]
        provenance = Provenance(
            document=document,
            sentence=local,
            sentence_start=sent_start + offset,
            sentence_end=sent_end + offset,
            subject_text=subject_text,
            subject_start=s_start + offset,
            subject_end=s_end + offset,
            object_text=object_text,
            object_start=o_start + offset,
            object_end=o_end + offset,
            confidence=score_fact(fact) if openie else validity(fact, subject, obj, sent=sent),
            construction=fact.construction,
            modality=fact.modality or ("intended" if voice.intended else None),
            stance=voice.stance,
            attributed_to=canonical_key(source.key) if source is not None else None,
            reported_by=voice.reported_by,
            conditional=voice.conditional,
            subject_rules=subject.rules,
            object_rules=obj.rules,
        )
        predicate = fact.predicate
        if openie:
            words = fact.relation.split()
            if fact.negated:
                words = [w for w in words if w.lower() not in NEGATIONS]
            if fact.construction == "acl" and fact.verb is not None and fact.verb.tag_ == "VBN":
                # "difficulties faced by X": the participle is passive, "be" is understood.
                words = ["be", *words]
            predicate = " ".join(words) or fact.predicate
        yield (fact, Triple(subject, predicate, obj, provenance, fact.negated, extra, source),
               None, (found_subject, found_object, found_source))
