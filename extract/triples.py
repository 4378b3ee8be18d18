"""From facts to triples: labels, keys, offsets, provenance and confidence.

The rules (:mod:`extract.rules`) emit token-level :class:`~extract.records.Fact` records;
:func:`fact_triples` turns each into a :class:`~kg.model.Triple`: arguments get their concise
labels and keys (:mod:`extract.phrases`), pronouns are resolved (:mod:`extract.coref`) or the
fact is dropped, offsets become character offsets in the document, and the fact is scored:
the graph's facts by the validity model fitted on rated facts (:mod:`extract.validity`),
Open IE output by the CaRB-fitted confidence (:mod:`extract.confidence`). The two registered
sentence extractors are here: the graph's ``kg.dependency.v1`` and Open IE output's
``kg.openie.v1``.
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Span, Token

from extract.arguments import graph_argument
from extract.attribution import Voice, reporting
from extract.clauses import conjuncts
from extract.confidence import score_fact
from extract.lexicon import CLAUSE_ONLY_VERBS, DASHES, NEGATIONS, TIME_TYPES, is_relative
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
from kg.keys import canonical_key
from kg.model import Argument, Provenance, Triple

__all__ = ["extract_sentence", "extract_openie_sentence", "fact_triples"]

_OWN_VOICE = Voice()


def _char_bounds(sent: Span, bounds: tuple[int, int]) -> tuple[int, int]:
    doc = sent.doc
    start, end = bounds
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def _spans(bounds: tuple[int, int]) -> bool:
    return bounds[0] < bounds[1]


def _listing(appos: Token) -> bool:
    """True for an apposition that lists members of a group ("seven countries - Malawi,
    Mozambique, ... and Lesotho"), none of which is the group, runs across a dash, or
    is separated from its noun by a verb (two phrases of different clauses)."""
    doc = appos.doc
    for _ in range(len(doc)):  # from a listed member up to the apposition itself
        if appos.dep_ != "conj" or appos.head.i == appos.i:
            break
        appos = appos.head
    if any(doc[k].pos_ in ("VERB", "AUX") for k in range(appos.head.i + 1, appos.left_edge.i)):
        return True  # a clause between them: the parser joined two phrases of different clauses
    return len(conjuncts(appos)) > 1 or sum(
        c.dep_ == "appos" for c in appos.head.children) > 1 or any(
        t.text in DASHES and t.i > 0 and doc[t.i - 1].whitespace_ for t in appos.head.subtree)


def _noun_complement(verb: Token) -> bool:
    """True for a clause after a noun's preposition ("conditions for resuming talks"), but
    not in a phrase the verb's subject is in ("China is on the cusp of releasing ...")."""
    noun = verb.head.head
    if noun.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
        return False
    return not (noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX"))


def _subject_of_next_verb(noun: Token) -> bool:
    """True for a conjunct that is the subject of the finite verb right after it, misparsed
    ("returned to the homes and the Vlava river receded": the river recedes)."""
    after = noun.right_edge.i + 1
    if after >= len(noun.doc):
        return False
    verb = noun.doc[after]
    return verb.tag_ in ("VBD", "VBZ", "VBP") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _nominal(fact: Fact) -> bool:
    """False when the parse gives an argument no entity can be: a verb as subject or object
    ("hired gun Abu Nidal" read with "hired" as the subject), a resulting state taken for the
    object ("left eight civilians dead": the civilians are the object, not "dead"), a
    relative word ("whose death"), the date of a statement ("said on Wednesday") or a span
    of time taken for a direct object."""
    if fact.subject.pos_ in ("VERB", "AUX") or fact.object.pos_ in ("VERB", "AUX"):
        return False
    if fact.object.ent_type_ in TIME_TYPES and fact.verb is not None and (
        reporting(fact.verb) is not None or fact.object.dep_ == "dobj"
    ):
        # "said on Wednesday": when it was said is no fact of its own; "giving birth ...
        # more than nine months after": a span of time is not what a verb acts on.
        return False
    if any(is_relative(t) for t in (fact.subject, fact.object)) or any(
        c.tag_ == "WP$" for t in (fact.subject, fact.object) for c in t.lefts
    ):
        return False  # "whose violent death was reported": the relative clause's noun is elsewhere
    if fact.construction == "pcomp" and fact.verb is not None and fact.verb.dep_ == "pcomp" and (
        _noun_complement(fact.verb)
    ):
        # "one of the conditions for resuming talks": a noun's complement says nothing of who
        # resumes them (Open IE output keeps the guess, which CaRB's annotators accept).
        return False
    if fact.construction == "advcl" and fact.verb is not None and fact.verb.dep_ == "advcl" and any(
        t.pos_ == "VERB" and t.dep_ in ("advcl", "conj", "relcl", "ccomp")
        for t in fact.verb.doc[fact.verb.head.i + 1 : fact.verb.i]
    ):
        # "authorities were counting the cost as the river receded, revealing the damage":
        # with another clause between them, whose subject a participle has is a guess.
        return False
    if fact.object.dep_ == "conj" and _subject_of_next_verb(fact.object):
        return False
    if fact.construction == "apposition" and _listing(fact.object):
        return False
    if fact.construction in ("prep", "named_prep") and any(
        c.dep_ in ("nsubj", "aux", "mark") for c in fact.object.head.children
    ):
        # "succumb more quickly than they do in the West": the preposition belongs to a
        # clause of its own (here a comparison), not to the verb.
        return False
    if fact.construction in ("prep", "named_prep") and fact.verb is not None and any(
        c.dep_ == "ccomp" for c in fact.verb.children
    ):
        # "AIDS is making the effects of the famine much worse in Malawi": the verb's real
        # complement is the clause, and (AIDS, make in, Malawi) says nothing.
        return False
    if fact.object.dep_ == "dobj" and fact.verb is not None and (
        fact.verb.lemma_.lower() in CLAUSE_ONLY_VERBS
    ) and any(c.dep_ == "ccomp" for c in fact.verb.children):
        return False  # "alleged a staff member told him ...": the member is the clause's subject
    return not (fact.object.dep_ == "oprd" and fact.object.pos_ == "ADJ")


def _argument(token: Token, fact: Fact, text: str, *, is_object: bool, openie: bool,
              document: str) -> Argument | None:
    if openie or (is_object and fact.clause_object):
        # Open IE output scores the argument as written (``text``); no label or key is needed.
        if not any(ch.isalnum() for ch in text):
            return None
        return Argument(text, text.lower(), None)
    return graph_argument(token, document)


@extractors.register("kg.dependency.v1")
def extract_sentence(sent: Span, *, document: str, offset: int = 0) -> Iterator[Triple]:
    """Yield every triple the rules find in ``sent``; offsets are shifted by ``offset``.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Xu Liang founded a company.")
    >>> [(t.subject.label, t.predicate, t.object.label) for t in extract_sentence(
    ...     next(doc.sents), document="d")]
    [('Xu Liang', 'found', 'company')]
    """
    for _fact, triple in fact_triples(sent, document=document, offset=offset):
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
    for _fact, triple in fact_triples(sent, document=document, offset=offset, openie=True):
        yield triple


def fact_triples(
    sent: Span, *, document: str, offset: int = 0, openie: bool = False
) -> Iterator[tuple[Fact, Triple]]:
    """Like :func:`extract_sentence`, pairing each triple with the :class:`Fact` behind it.

    The fact keeps what the graph does not need but Open IE output does, such as the relation
    as written (``fact.relation``). With ``openie`` the triples are those of
    :func:`extract_openie_sentence`.
    """
    sent_start, sent_end = sent.start_char, sent.end_char
    local = sent.text  # never doc.text: that rebuilds the whole document for each sentence

    def text_at(start: int, end: int) -> str:
        return local[start - sent_start : end - sent_start]

    seen: set[tuple] = set()
    phrase_rules = OPENIE_PHRASE_RULES if openie else PHRASE_RULES
    further = OPENIE_FURTHER_RULES if openie else FURTHER_CLAUSE_RULES
    for fact in iter_facts(sent, phrase_rules=phrase_rules, further=further):
        if not (_spans(fact.subject_bounds) and _spans(fact.object_bounds)):
            # An argument with no tokens: only a crossing (non-projective) arc can make one,
            # such as a possessor whose subtree ends after the noun it owns.
            continue
        if not openie and (fact.clause_object or not _nominal(fact)):
            # A clause is not an entity: its own facts are extracted, attributed to the
            # speaker (Clause.voice), and the reporting fact is their provenance.
            continue
        s_start, s_end = _char_bounds(sent, fact.subject_bounds)
        o_start, o_end = _char_bounds(sent, fact.object_bounds)
        ident = (s_start, s_end, fact.predicate, o_start, o_end)
        if ident in seen:
            continue
        subject_text, object_text = text_at(s_start, s_end), text_at(o_start, o_end)
        subject = _argument(fact.subject, fact, subject_text, is_object=False, openie=openie,
                            document=document)
        if subject is None:
            continue
        obj = _argument(fact.object, fact, object_text, is_object=True, openie=openie,
                        document=document)
        if obj is None or obj.key == subject.key:
            continue
        seen.add(ident)
        extra = tuple(text_at(*_char_bounds(sent, b)) for b in fact.extra)
        voice = fact.clause.voice if fact.clause is not None else _OWN_VOICE
        source = None
        if voice.source is not None and not openie:
            source = graph_argument(voice.source, document)
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
        yield fact, Triple(subject, predicate, obj, provenance, fact.negated, extra, source)
