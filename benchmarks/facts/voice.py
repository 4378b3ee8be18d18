"""How a fact reads to a rater, and the key that names it.

A rater sees a fact as ``(subject | predicate | object)`` with its voice after a dash: what
the sentence says of it (negated, claimed by someone, denied, questioned, conditional, modal),
and nothing else. The key hashes exactly what the rater judges, the sentence and that text,
so a rating stays attached to its fact for as long as the extractor produces the same thing
from the same sentence, and a fact shown differently is a new fact that needs a rating.

>>> voice = {"negated": False, "modality": None, "stance": "asserted", "speaker": "Prosecutors",
...          "attributed_to": "prosecutors", "reported_by": "accuse", "conditional": False}
>>> shown_fact("Linda Hayes", "accept", "gifts", voice)
'(Linda Hayes | accept | gifts)  — claimed by Prosecutors (accuse)'
>>> fact_key("Prosecutors  accuse Linda Hayes of accepting gifts .", "Linda Hayes", "accept",
...          "gifts", voice_text(voice))
'3c12afaeb5373f24'
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any, Mapping

__all__ = [
    "VOICE_FIELDS",
    "normalise",
    "voice_parts",
    "voice_text",
    "voice_class",
    "shown_fact",
    "fact_key",
    "salted_fraction",
]

#: The fields of a ``kg extract`` JSON-lines record that make up a fact's voice.
VOICE_FIELDS: tuple[str, ...] = (
    "negated", "modality", "stance", "attributed_to", "reported_by", "conditional",
)
#: Modalities under which the text still states the fact (``kg.model.HYPOTHETICAL``'s complement).
_STATING_MODALS = frozenset({"will", "shall"})


def normalise(text: str) -> str:
    """Text as it is keyed and shown: Unicode NFC, whitespace runs as one space, trimmed.

    >>> normalise("Claire  Bailey-Ross\\n\\nUniversity ")
    'Claire Bailey-Ross University'
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def voice_parts(voice: Mapping[str, Any]) -> list[str]:
    """What the sentence says of the fact beyond negation, as short phrases for a reader.

    ``speaker`` is the label of the node ``attributed_to`` names (its key when no label is
    given); ``reported_by`` is the verb or noun of saying.

    >>> voice_parts({"stance": "denied", "speaker": "the firm", "reported_by": "deny"})
    ['denied by the firm (deny)']
    >>> voice_parts({"reported_by": "allegedly", "conditional": True, "modality": "could"})
    ['claimed, no speaker named (allegedly)', 'if …', 'modal: could']
    >>> voice_parts({"stance": "asserted"})
    []
    """
    parts = []
    speaker = voice.get("speaker") or voice.get("attributed_to")
    verb = voice.get("reported_by")
    how = f" ({normalise(verb)})" if verb else ""
    stance = voice.get("stance") or "asserted"
    if stance == "denied":
        parts.append(f"denied by {normalise(speaker)}{how}" if speaker else f"denied{how}")
    elif stance == "questioned":
        parts.append(f"questioned by {normalise(speaker)}{how}" if speaker
                     else f"asked as a question{how}")
    elif speaker:
        parts.append(f"claimed by {normalise(speaker)}{how}")
    elif verb:
        parts.append(f"claimed, no speaker named{how}")
    if voice.get("conditional"):
        parts.append("if …")
    if voice.get("modality"):
        parts.append(f"modal: {voice['modality']}")
    return parts


def voice_text(voice: Mapping[str, Any]) -> str:
    """The whole voice as one string, ``NOT`` first when the fact is negated; '' if stated.

    >>> voice_text({"negated": True, "modality": "will"})
    'NOT; modal: will'
    """
    return "; ".join((["NOT"] if voice.get("negated") else []) + voice_parts(voice))


def voice_class(voice: Mapping[str, Any]) -> str:
    """A coarse name of the voice for tables: ``stated`` or the flags joined by ``+``.

    >>> voice_class({"negated": False, "stance": "asserted"})
    'stated'
    >>> voice_class({"negated": True, "reported_by": "say", "modality": "could"})
    'negated+claim+modal'
    >>> voice_class({"modality": "will"})
    'stated'
    """
    flags = []
    if voice.get("negated"):
        flags.append("negated")
    stance = voice.get("stance") or "asserted"
    if stance != "asserted":
        flags.append(stance)
    elif voice.get("reported_by") or voice.get("attributed_to"):
        flags.append("claim")
    if voice.get("conditional"):
        flags.append("conditional")
    if voice.get("modality") and voice["modality"] not in _STATING_MODALS:
        flags.append("modal")
    return "+".join(flags) or "stated"


def shown_fact(subject: str, predicate: str, obj: str, voice: Mapping[str, Any]) -> str:
    """The fact as a rater reads it: the triple, ``NOT`` before it, the voice after a dash.

    >>> shown_fact("attacks", "exploit", "flaw", {"negated": True})
    'NOT (attacks | exploit | flaw)'
    """
    triple = f"({normalise(subject)} | {normalise(predicate)} | {normalise(obj)})"
    if voice.get("negated"):
        triple = f"NOT {triple}"
    parts = voice_parts(voice)
    return f"{triple}  — {'; '.join(parts)}" if parts else triple


def fact_key(sentence: str, subject: str, predicate: str, obj: str, voice: str) -> str:
    """A stable 16-hex-digit name of (sentence, fact as shown): SHA-256 of the normalised parts.

    Args:
        sentence: The sentence the fact was read from.
        subject: The subject's label, as the rater sees it.
        predicate: The predicate.
        obj: The object's label.
        voice: :func:`voice_text` of the fact's voice.
    """
    parts = [normalise(part) for part in (sentence, subject, predicate, obj, voice)]
    data = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def salted_fraction(salt: str, key: str) -> float:
    """A number in [0, 1) fixed by ``key`` and ``salt``, independent for each salt.

    Sampling asks ``salted_fraction("sample", key) < rate``; shuffling a sheet sorts by
    another salt, so the order of a sheet says nothing about which facts were sampled.

    >>> 0 <= salted_fraction("sample", "3c12afaeb5373f24") < 1
    True
    """
    digest = hashlib.sha256(f"{salt}\x1f{key}".encode("utf-8")).hexdigest()
    return int(digest[:15], 16) / 16**15
