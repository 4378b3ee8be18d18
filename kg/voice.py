"""What the text says of a fact: its voice, decided once from its mentions for every reader.

A sentence can state a fact in the text's own voice, report someone's claim of it, deny or
question it, negate it, make it depend on a condition or a hypothetical modal; and the
extraction itself may be too unsure of it. Each mention (:class:`kg.model.Provenance`) has
one *voice*, :func:`mention_voice`; a fact (an edge) sums its mentions up in a :class:`Voice`,
:func:`edge_voice`. A fact is **stated** when at least one of its mentions is: the voice allows
it and the mention's confidence reaches the graph's threshold (``graph.graph["min_confidence"]``,
:data:`DEFAULT_MIN_CONFIDENCE` when unset; :func:`min_confidence`). The page, the JSON lines,
the RDF writer and reader, the Dask tables, ``kg stats`` and the build summary all ask this
module, never the mention fields themselves.

The voices, in order of precedence (:data:`VOICES`): ``stated``, ``claimed`` (someone said it:
``attributed_to`` the speaker's node, ``reported_by`` the verb), ``denied``, ``questioned``,
``negated`` (the text says it is not so), ``conditional`` ("if ..."), ``modal`` ("could",
"may", ...), ``low_confidence`` (the text's own voice, below the threshold). A fact's
:attr:`Voice.kind` is the first of these that any of its mentions has.

>>> from kg.model import Provenance
>>> said = Provenance("d", "Police said the gunmen fled.", 0, 28, "the gunmen", 12, 22, "x",
...                   0, 0, 0.8, "svo", attributed_to="police", reported_by="say")
>>> mention_voice(said)
'claimed'
>>> voice = edge_voice({"negated": False, "provenance": [said]})
>>> voice.kind, voice.stated, describe(voice, {"police": "Police"}.get)
('claimed', False, 'claimed by Police (say)')
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping

from kg.model import HYPOTHETICAL, KnowledgeGraph, Provenance

__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
    "STATED",
    "CLAIMED",
    "DENIED",
    "QUESTIONED",
    "NEGATED",
    "CONDITIONAL",
    "MODAL",
    "LOW_CONFIDENCE",
    "VOICES",
    "SOURCED",
    "Source",
    "Voice",
    "min_confidence",
    "check_min_confidence",
    "mention_voice",
    "edge_voice",
    "fact_voice",
    "voice_counts",
    "describe",
]

#: The confidence a mention in the text's own voice needs to be stated. A graph records its
#: own (``graph.graph["min_confidence"]``, ``kg build --min-confidence``); this is the default.
#: 0.0 states everything the voice allows. 0.89 is chosen on the rated GUM ``fit`` facts by
#: ``benchmarks/facts/fit_validity.py`` (written in ``extract/validity.json`` too; a test
#: checks they agree): no threshold makes 95% of stated facts right there, so it is the
#: highest that keeps 65% of the right-and-useful ones (docs/trust.md). On the test part:
#: 84.5% of the stated facts right (79.0% at 0), 75.7% of the right-and-useful facts kept.
DEFAULT_MIN_CONFIDENCE: float = 0.89

STATED = "stated"
CLAIMED = "claimed"
DENIED = "denied"
QUESTIONED = "questioned"
NEGATED = "negated"
CONDITIONAL = "conditional"
MODAL = "modal"
LOW_CONFIDENCE = "low_confidence"
#: Every voice, in order of precedence: a fact's kind is the first any of its mentions has.
VOICES: tuple[str, ...] = (STATED, CLAIMED, DENIED, QUESTIONED, NEGATED, CONDITIONAL, MODAL,
                           LOW_CONFIDENCE)
#: Voices that report a source's stance (a speaker, when the text names one, and a verb).
SOURCED: frozenset[str] = frozenset({CLAIMED, DENIED, QUESTIONED})
_RANK = {voice: i for i, voice in enumerate(VOICES)}


@dataclass(frozen=True, slots=True)
class Source:
    """Who reports a fact and how: one (voice, speaker, verb) of its mentions.

    Attributes:
        voice: ``claimed``, ``denied`` or ``questioned``.
        speaker: The speaker's node key, or None when the text names nobody ("allegedly").
        verb: The reporting verb or phrase (``reported_by``: "say", "accuse", "according
            to"), or None (a question in the text's own voice).
        mentions: How many mentions say so.
    """

    voice: str
    speaker: str | None
    verb: str | None
    mentions: int


@dataclass(frozen=True, slots=True)
class Voice:
    """How the text presents one fact, summed over its mentions.

    Attributes:
        kind: The fact's voice: ``stated`` when any mention is stated, else the first voice
            of :data:`VOICES` that a mention has. A fact without mentions (put in a graph by
            hand, or read from RDF that kg did not write) is what its edge says: ``negated``
            or ``stated``.
        counts: Mentions in each voice, as ``(voice, count)`` pairs in :data:`VOICES` order
            (only voices with mentions).
        sources: Who claimed, denied or questioned it, through which verb, in order of
            voice, speaker and verb.
        modalities: The hypothetical modals ("could", "may", ...) of its mentions that are not
            stated, sorted: the modal of a claim ("said it could") too.
        conditional: Some mention that is not stated is under a condition ("if ...").
        negated: The fact is negated (its edge key starts with "not").
    """

    kind: str
    counts: tuple[tuple[str, int], ...]
    sources: tuple[Source, ...] = ()
    modalities: tuple[str, ...] = ()
    conditional: bool = False
    negated: bool = False

    @property
    def stated(self) -> bool:
        """True when the graph states the fact: a plain triple, a solid edge, counted stated."""
        return self.kind == STATED

    def count(self, voice: str) -> int:
        """Mentions in ``voice``."""
        return dict(self.counts).get(voice, 0)

    @property
    def held_true(self) -> bool:
        """Some mention holds the fact true, whoever says it, under whatever modal or
        condition: not negated, and not every mention denies or questions it (what
        ``--assert-claims`` also writes as a plain triple)."""
        return not self.negated and any(
            voice not in (DENIED, QUESTIONED) for voice, _ in self.counts)


def check_min_confidence(value: Any) -> float:
    """``value`` as a threshold: a number from 0 to 1.

    >>> check_min_confidence(0.5)
    0.5
    >>> check_min_confidence(2)
    Traceback (most recent call last):
    ...
    ValueError: min_confidence must be a number from 0 to 1, not 2
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError(f"min_confidence must be a number from 0 to 1, not {value!r}")
    return float(value)


def min_confidence(graph: KnowledgeGraph) -> float:
    """The threshold ``graph`` states facts at: its own, else :data:`DEFAULT_MIN_CONFIDENCE`.

    >>> min_confidence(KnowledgeGraph()) == DEFAULT_MIN_CONFIDENCE
    True
    >>> min_confidence(KnowledgeGraph(min_confidence=0.7))
    0.7
    """
    value = graph.graph.get("min_confidence")
    return DEFAULT_MIN_CONFIDENCE if value is None else float(value)


def mention_voice(
    mention: Provenance, *, negated: bool = False,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> str:
    """The voice of one mention of a fact (``negated``: the fact's own flag).

    A source's stance comes first (denied, questioned, then any other report: claimed), then
    the fact's negation, a condition, a hypothetical modal ("will" and "shall" are not), and
    last the confidence: a mention the voice allows is stated only at ``min_confidence`` or
    above.

    >>> from kg.model import Provenance
    >>> p = Provenance("d", "A met B.", 0, 8, "A", 0, 1, "B", 6, 7, 0.95, "svo")
    >>> mention_voice(p), mention_voice(p, negated=True), mention_voice(p, min_confidence=0.97)
    ('stated', 'negated', 'low_confidence')
    """
    stance = mention.stance
    if stance == DENIED:
        return DENIED
    if stance == QUESTIONED:
        return QUESTIONED
    if mention.reported_by is not None or mention.attributed_to is not None:
        return CLAIMED
    if negated:
        return NEGATED
    if mention.conditional:
        return CONDITIONAL
    if mention.modality in HYPOTHETICAL:
        return MODAL
    if mention.confidence < min_confidence:
        return LOW_CONFIDENCE
    return STATED


def edge_voice(
    fact: Mapping[str, Any], *, min_confidence: float = DEFAULT_MIN_CONFIDENCE
) -> Voice:
    """The :class:`Voice` of a fact from its edge data (``provenance`` and ``negated``).

    >>> from kg.model import Provenance
    >>> p = Provenance("d", "A met B.", 0, 8, "A", 0, 1, "B", 6, 7, 0.9, "svo")
    >>> q = Provenance("d", "A may meet B.", 9, 22, "A", 9, 10, "B", 20, 21, 0.9, "svo",
    ...                modality="may")
    >>> edge_voice({"negated": False, "provenance": [p, q]}).counts
    (('stated', 1), ('modal', 1))
    """
    negated = bool(fact.get("negated", False))
    mentions: Iterable[Provenance] = fact.get("provenance") or ()
    counts: Counter[str] = Counter()
    sources: Counter[tuple[str, str | None, str | None]] = Counter()
    modalities: set[str] = set()
    conditional = False
    for mention in mentions:
        voice = mention_voice(mention, negated=negated, min_confidence=min_confidence)
        counts[voice] += 1
        if voice in SOURCED:
            sources[(voice, mention.attributed_to, mention.reported_by)] += 1
        if voice != STATED:
            if mention.modality in HYPOTHETICAL:
                modalities.add(mention.modality)  # type: ignore[arg-type]
            conditional = conditional or mention.conditional
    ordered = tuple(sorted(counts.items(), key=lambda item: _RANK[item[0]]))
    kind = ordered[0][0] if ordered else (NEGATED if negated else STATED)
    return Voice(
        kind=kind,
        counts=ordered,
        sources=tuple(Source(v, s, r, n) for (v, s, r), n in sorted(
            sources.items(), key=lambda item: (_RANK[item[0][0]], item[0][1] or "",
                                               item[0][2] or ""))),
        modalities=tuple(sorted(modalities)),
        conditional=conditional,
        negated=negated,
    )


def fact_voice(graph: KnowledgeGraph, subject: str, obj: str, key: str) -> Voice:
    """The :class:`Voice` of the fact ``(subject, obj, key)`` at the graph's own threshold."""
    return edge_voice(graph.edges[subject, obj, key], min_confidence=min_confidence(graph))


def voice_counts(graph: KnowledgeGraph) -> dict[str, dict[str, int]]:
    """Facts and mentions of ``graph`` in each voice, at its own threshold.

    Returns:
        ``{"facts": {voice: facts of that kind}, "mentions": {voice: mentions}}``, every voice
        of :data:`VOICES` present in order (zero when none).

    >>> voice_counts(KnowledgeGraph())["facts"]["stated"]
    0
    """
    threshold = min_confidence(graph)
    facts = dict.fromkeys(VOICES, 0)
    mentions = dict.fromkeys(VOICES, 0)
    for _, _, data in graph.edges(data=True):
        voice = edge_voice(data, min_confidence=threshold)
        facts[voice.kind] += 1
        for name, count in voice.counts:
            mentions[name] += count
    return {"facts": facts, "mentions": mentions}


def describe(voice: Voice, label: Callable[[str], str | None] | None = None) -> str:
    """The voice in words, as the page and the command line show it.

    One part per voice of its mentions, in :data:`VOICES` order: "stated", "claimed by
    Prosecutors (accuse)", "denied by Linda Hayes (deny)", "questioned", "negated",
    "conditional", "modal (could)", "low confidence"; "×N" after a part that N mentions
    share. ``label`` turns a speaker's node key into its label (the key when it gives None).

    >>> describe(Voice("stated", (("stated", 2), ("modal", 1)), modalities=("may",)))
    'stated ×2; modal (may)'
    """
    def times(n: int) -> str:
        return f" ×{n}" if n > 1 else ""

    parts = []
    for name, count in voice.counts:
        if name in SOURCED:
            for source in voice.sources:
                if source.voice != name:
                    continue
                text = name
                if source.speaker is not None:
                    shown = label(source.speaker) if label is not None else None
                    text += f" by {shown or source.speaker}"
                if source.verb:
                    text += f" ({source.verb})"
                parts.append(text + times(source.mentions))
        elif name == MODAL:
            parts.append(f"modal ({', '.join(voice.modalities)}){times(count)}")
        else:
            parts.append(name.replace("_", " ") + times(count))
    return "; ".join(parts) or voice.kind.replace("_", " ")
