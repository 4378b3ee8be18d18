"""Why a fact is, or is not, in the graph: the records behind ``kg explain``.

:func:`explain` parses a text (:func:`explain_file` a document) as ``kg build`` does and walks
:func:`extract.triples.judge_facts`, the generator both extractors filter, over each sentence.
For every sentence it records the parse, every candidate fact the rules proposed with what
became of it (stated; or kept in another voice of :mod:`kg.voice`: claimed, denied,
questioned, negated, conditional, modal or below the confidence wanted; or dropped by the
named rule that dropped it), the confidence and the
features that weigh most in it, and how each mention became its node (the identity rules of
:class:`kg.model.Argument`, the pronoun rule and antecedent, or why it became none). Nothing
here decides what the extractor decides: the records are what it yielded, so they cannot
drift from it. The records are plain data (:meth:`Explanation.records`, JSON lines);
:func:`kg.explain_text.format_explanation` writes them for a person.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, NamedTuple

from kg.errors import DocumentError, ExplainError
from kg.model import Provenance
from kg.voice import DEFAULT_MIN_CONFIDENCE, VOICES, check_min_confidence, mention_voice

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span, Token

    from extract.arguments import Identity
    from extract.documents import SourceText
    from extract.triples import Judged

__all__ = [
    "OUTCOMES",
    "TokenRecord",
    "CandidateRecord",
    "IdentityRecord",
    "Reason",
    "SentenceExplanation",
    "Explanation",
    "outcome",
    "explain",
    "explain_file",
    "explain_source",
    "explain_input",
    "reasons",
]

DROPPED = "dropped"
#: What can become of a candidate fact: a voice of :data:`kg.voice.VOICES`, or dropped.
OUTCOMES = (*VOICES, DROPPED)
#: Features shown beside a fact's confidence: the ones that weigh most.
TOP_CONTRIBUTIONS = 5


def outcome(provenance: Provenance, negated: bool, *,
            min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> str:
    """What the graph makes of one mention of a fact: its voice, as every view of the graph
    decides it (:func:`kg.voice.mention_voice`): ``stated``, or why not (``claimed``,
    ``denied``, ``questioned``, ``negated``, ``conditional``, ``modal``, ``low_confidence``).

    >>> p = Provenance("d", "Xu founded Acme.", 0, 16, "Xu", 0, 2, "Acme", 11, 15, 0.95, "svo")
    >>> outcome(p, False), outcome(p, True), outcome(p, False, min_confidence=0.97)
    ('stated', 'negated', 'low_confidence')
    """
    return mention_voice(provenance, negated=negated, min_confidence=min_confidence)


@dataclass(frozen=True)
class TokenRecord:
    """One token of the parse: its number in the sentence (from 1), word, fine tag,
    dependency label and the number of its head (0 for the root)."""

    number: int
    text: str
    tag: str
    dep: str
    head: int


@dataclass(frozen=True)
class CandidateRecord:
    """One candidate fact a rule proposed, and what became of it.

    Attributes:
        sentence: The sentence's number in the document (from 1).
        number: The candidate's number in the sentence (from 1), in the rules' order.
        rule: The construction that proposed it (``svo``, ``relcl``, ``apposition``, ...).
        subject, predicate, object: The fact: node labels when it was kept, the text as
            written when it was dropped.
        outcome: One of :data:`OUTCOMES`.
        dropped_by: The named rule that dropped it (see :func:`reasons`), or None.
        dropped_role: ``subject`` or ``object`` when the drop is about one argument.
        because: More of why it was dropped: the pronoun rule that found no antecedent.
        confidence: The fact's confidence (kept facts only).
        contributions: ``(feature, weight x value)`` of the features that weigh most in its
            confidence (the validity model, :mod:`extract.validity`).
        triple: The triple as ``kg extract`` prints it (``Triple.to_dict()``), when kept.
    """

    sentence: int
    number: int
    rule: str
    subject: str
    predicate: str
    object: str
    outcome: str
    dropped_by: str | None = None
    dropped_role: str | None = None
    because: str | None = None
    confidence: float | None = None
    contributions: tuple[tuple[str, float], ...] = ()
    negated: bool = False
    modality: str | None = None
    stance: str | None = None
    reported_by: str | None = None
    attributed_to: str | None = None
    conditional: bool = False
    triple: dict[str, Any] | None = None


@dataclass(frozen=True)
class IdentityRecord:
    """How one mention became its node (or why it became none).

    Attributes:
        sentence: The sentence's number in the document.
        role: ``subject``, ``object`` or ``source`` (the speaker of a claim), as first met.
        mention: The mention as written.
        word: The number of the mention's head word in the sentence.
        node: The node's key, or None.
        label, type: The node's label and entity type for this mention.
        rules: The identity rules that made the mention this node (``Argument.rules``;
            empty: the key is the phrase as written).
        form: The name as written when it is not the node's label ("Mr Arafat").
        pronoun_rule: The rule that resolved a pronoun or demonstrative phrase, or left it
            unresolved (:data:`extract.coref.RESOLVED_BY`, ``UNRESOLVED_BY``).
        antecedent: What the pronoun was resolved to, as written.
        dropped_by: Why the mention is no node (:data:`extract.arguments.NO_NODE_BY`).
    """

    sentence: int
    role: str
    mention: str
    word: int
    node: str | None = None
    label: str | None = None
    type: str | None = None
    rules: tuple[str, ...] = ()
    form: str | None = None
    pronoun_rule: str | None = None
    antecedent: str | None = None
    dropped_by: str | None = None


@dataclass
class SentenceExplanation:
    """The explanation of one sentence: parse, candidates and identity decisions."""

    number: int
    text: str
    start: int
    end: int
    tokens: list[TokenRecord] = field(default_factory=list)
    candidates: list[CandidateRecord] = field(default_factory=list)
    identities: list[IdentityRecord] = field(default_factory=list)


@dataclass
class Explanation:
    """What the extractor did with each sentence of one document (or text).

    ``sentences`` holds the sentences asked for; ``total_sentences`` counts the document's.
    """

    document: str
    sentences: list[SentenceExplanation]
    total_sentences: int
    min_confidence: float = DEFAULT_MIN_CONFIDENCE

    def candidates(self) -> list[CandidateRecord]:
        """Every candidate of every sentence, in order."""
        return [c for sentence in self.sentences for c in sentence.candidates]

    def records(self) -> Iterator[dict[str, Any]]:
        """Plain records, one per sentence, candidate and identity decision (JSON-ready)."""
        for sentence in self.sentences:
            yield {"record": "sentence", "document": self.document, "sentence": sentence.number,
                   "text": sentence.text, "start": sentence.start, "end": sentence.end,
                   "parse": [[t.number, t.text, t.tag, t.dep, t.head] for t in sentence.tokens]}
            for candidate in sentence.candidates:
                yield {"record": "candidate", "document": self.document, **asdict(candidate)}
            for identity in sentence.identities:
                yield {"record": "identity", "document": self.document, **asdict(identity)}

    def to_jsonl(self) -> str:
        """The records as JSON lines (sorted keys), as ``kg explain --json`` prints them."""
        return "".join(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
                       for record in self.records())


class Reason(NamedTuple):
    """Where a named rule lives (a file of the project) and what it means."""

    module: str
    meaning: str


def reasons() -> dict[str, Reason]:
    """Every named rule a record may cite (drops, vetoes, pronoun rules): where it lives and
    what it means.

    >>> reasons()["listing"].module, reasons()["apposition_after_label"].module
    ('extract/vetoes.py', 'extract/misreadings.py')
    """
    from extract import arguments, coref, rules, triples, vetoes

    tables = [(rules.__name__, rules.RULE_DROPS), (triples.__name__, triples.DROPPED_BY),
              (arguments.__name__, arguments.NO_NODE_BY), (coref.__name__, coref.RESOLVED_BY),
              (coref.__name__, coref.UNRESOLVED_BY)]
    # A veto lives where its test does (extract/vetoes.py, or extract/misreadings.py).
    tables += [(veto.applies_to.__module__,
                {veto.name: " ".join((veto.applies_to.__doc__ or "").split())})
               for veto in vetoes.GRAPH_VETOES]
    return {name: Reason(f"extract/{module.rsplit('.', 1)[-1]}.py", meaning)
            for module, table in tables for name, meaning in table.items()}


def _text(sent: Span, bounds: tuple[int, int]) -> str:
    start, end = bounds
    return sent.doc[start:end].text if start < end else ""


def _candidate(number: int, sentence: int, judged: Judged, sent: Span,
               min_confidence: float) -> CandidateRecord:
    from extract.validity import contributions

    fact, triple, drop, _identities = judged
    if triple is None:
        return CandidateRecord(
            sentence, number, fact.construction, _text(sent, fact.subject_bounds),
            fact.predicate, _text(sent, fact.object_bounds), DROPPED,
            dropped_by=drop.rule if drop else None, dropped_role=drop.role if drop else None,
            because=drop.detail if drop else None, negated=fact.negated)
    p = triple.provenance
    return CandidateRecord(
        sentence, number, fact.construction, triple.subject.label, triple.predicate,
        triple.object.label, outcome(p, triple.negated, min_confidence=min_confidence),
        confidence=p.confidence,
        contributions=tuple(contributions(fact, triple.subject, triple.object,
                                          sent=sent)[:TOP_CONTRIBUTIONS]),
        negated=triple.negated, modality=p.modality, stance=p.stance,
        reported_by=p.reported_by, attributed_to=p.attributed_to, conditional=p.conditional,
        triple=triple.to_dict())


def _identities(sentence: int, judged: Judged, sent: Span, seen: set[int]
                ) -> Iterator[IdentityRecord]:
    fact, _triple, _drop, identities = judged
    source = fact.clause.voice.source if fact.clause is not None else None
    heads: list[tuple[str, Token | None, str]] = [
        ("subject", fact.subject, _text(sent, fact.subject_bounds)),
        ("object", fact.object, _text(sent, fact.object_bounds)),
        ("source", source, source.text if source is not None else "")]
    for (role, token, written), found in zip(heads, identities):
        if found is None or token is None or token.i in seen:
            continue
        seen.add(token.i)
        yield _identity(sentence, role, token, written, found, sent)


def _identity(sentence: int, role: str, token: Token, written: str, found: Identity,
              sent: Span) -> IdentityRecord:
    argument, dropped_by, antecedent, how = found
    common = {"sentence": sentence, "role": role, "mention": written or token.text,
              "word": token.i - sent.start + 1, "pronoun_rule": how,
              "antecedent": antecedent.text if antecedent is not None else None}
    if argument is None:
        return IdentityRecord(**common, dropped_by=dropped_by)
    return IdentityRecord(**common, node=argument.key, label=argument.label, type=argument.type,
                          rules=argument.rules, form=argument.form)


def _tokens(sent: Span) -> list[TokenRecord]:
    start = sent.start
    return [TokenRecord(t.i - start + 1, t.text, t.tag_, t.dep_,
                        0 if t.head.i == t.i else t.head.i - start + 1) for t in sent]


def _explain_sentence(number: int, sent: Span, document: str, offset: int,
                      min_confidence: float) -> SentenceExplanation:
    from extract.triples import judge_facts

    explained = SentenceExplanation(number, sent.text, sent.start_char + offset,
                                    sent.end_char + offset, _tokens(sent))
    seen: set[int] = set()
    for n, judged in enumerate(judge_facts(sent, document=document, offset=offset), start=1):
        explained.candidates.append(_candidate(n, number, judged, sent, min_confidence))
        explained.identities.extend(_identities(number, judged, sent, seen))
    return explained


def _chosen(number: int, sent: Span, sentence: int | None, match: str | None) -> bool:
    if sentence is not None:
        return number == sentence
    return match is None or match.casefold() in sent.text.casefold()


def _explain_pieces(pieces: Iterable[tuple[str, int]], document: str, nlp: Language, *,
                    sentence: int | None, match: str | None, min_confidence: float | None
                    ) -> Explanation:
    if sentence is not None and match is not None:
        raise ValueError("give a sentence number or a text to match, not both")
    if sentence is not None and sentence < 1:
        raise ValueError(f"sentence numbers start at 1, not {sentence}")
    min_confidence = (DEFAULT_MIN_CONFIDENCE if min_confidence is None
                      else check_min_confidence(min_confidence))
    explained: list[SentenceExplanation] = []
    number = 0
    for doc, offset in nlp.pipe(((text, start) for text, start in pieces), as_tuples=True,
                                batch_size=64):
        for sent in doc.sents:
            number += 1
            if _chosen(number, sent, sentence, match):
                explained.append(_explain_sentence(number, sent, document, offset,
                                                   min_confidence))
    if sentence is not None and not explained:
        raise ExplainError(f"{document}: there is no sentence {sentence}; it has {number} "
                           f"sentence{'s' if number != 1 else ''} (1 to {number})")
    if match is not None and not explained:
        raise ExplainError(f"{document}: no sentence contains {match!r} (of {number} "
                           f"sentence{'s' if number != 1 else ''}; the match ignores case)")
    return Explanation(document, explained, number, min_confidence)


def explain(text: str, *, document: str = "text", nlp: Language | None = None,
            model: str | None = None, sentence: int | None = None, match: str | None = None,
            min_confidence: float | None = None) -> Explanation:
    """Explain what the graph's extractor does with each sentence of ``text``.

    Args:
        text: One sentence or a whole text (pronouns resolve across its sentences).
        document: The document id recorded in provenance.
        nlp: A pipeline from :func:`extract.pipeline.load_nlp` (else ``model`` is loaded).
        sentence: Explain only this sentence (numbered from 1).
        match: Explain only the sentences that contain this text (any case).
        min_confidence: A kept fact below it is ``low_confidence``, not ``stated`` (None:
            ``kg build``'s default, :data:`kg.voice.DEFAULT_MIN_CONFIDENCE`).

    Raises:
        ExplainError: ``sentence`` is past the last sentence, or no sentence has ``match``.

    >>> import kg
    >>> result = kg.explain("Xu Liang founded a company. He sold it in 2020.")
    >>> [(c.subject, c.predicate, c.object, c.outcome) for c in result.candidates()]
    [('Xu Liang', 'found', 'company', 'stated'), ('He', 'sell', 'it', 'dropped')]
    >>> result.candidates()[1].because  # "it": a common noun is too weak a clue
    'not_a_named_subject'
    >>> result.sentences[1].identities[0].pronoun_rule
    'one_person_in_reach'
    """
    from extract.documents import split_text
    from extract.pipeline import load_nlp, piece_limit

    if not text.strip():
        raise ExplainError("nothing to explain: the text is empty")
    nlp = nlp or load_nlp(model)
    return _explain_pieces(split_text(text, 0, limit=piece_limit(nlp)), document, nlp,
                           sentence=sentence, match=match, min_confidence=min_confidence)


def explain_source(source: SourceText, *, nlp: Language | None = None,
                   model: str | None = None, sentence: int | None = None,
                   match: str | None = None,
                   min_confidence: float | None = None) -> Explanation:
    """:func:`explain` for a document as ``kg build`` reads it (same pieces, offsets, id)."""
    from extract.pipeline import load_nlp, piece_limit

    nlp = nlp or load_nlp(model)
    return _explain_pieces(source.pieces(piece_limit(nlp)), source.document.id, nlp,
                           sentence=sentence, match=match, min_confidence=min_confidence)


def explain_file(path: str | Path, *, document: str | None = None, **options: Any
                 ) -> Explanation:
    """:func:`explain` for the file at ``path`` (its id: ``document``, else its name).

    Raises:
        ExplainError: The file is missing or cannot be read as text (the message says why).
    """
    from extract.documents import read_document

    path = Path(path)
    if not path.exists():
        raise ExplainError(f"{path}: no such file")
    try:
        source = read_document(path, document)
    except DocumentError as err:
        raise ExplainError(str(err)) from err
    return explain_source(source, **options)


def explain_input(value: str, **options: Any) -> Explanation:
    """``kg explain VALUE``: the file ``value`` names when there is one, else ``value`` as text.

    A value that looks like a path (one word with a ``/``, or a name with an extension such
    as ``notes.txt``) but names no file is an error rather than a one-word text; so is a
    folder.

    Raises:
        ExplainError: ``value`` names a folder, or looks like a path to a missing file.
    """
    path = Path(value)
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except (OSError, ValueError):  # a long text is no file name, nor one with a NUL byte
        is_dir = exists = False
    if is_dir:
        raise ExplainError(f"{value}: is a folder; kg explain reads one file, or a text")
    if exists:
        return explain_file(path, **options)
    if _looks_like_path(value):
        raise ExplainError(f"{value}: no such file")
    return explain(value, **options)


def _looks_like_path(value: str) -> bool:
    """One word with a slash, or a name with a file extension ("notes.txt", "a/b")."""
    if not value or any(ch.isspace() for ch in value):
        return False
    if "/" in value or "\\" in value:
        return True
    stem, dot, suffix = value.rpartition(".")
    return bool(stem and dot) and 1 <= len(suffix) <= 5 and suffix.isascii() and (
        suffix.isalnum() and any(ch.islower() for ch in suffix))
