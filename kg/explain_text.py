"""``kg explain`` for a person: an :class:`~kg.explanation.Explanation` written as text.

Each sentence gets its parse on a few lines (``number word TAG dep>head``), its candidate
facts with what became of them, and its identity decisions; the named rules cited are
explained once, at the end. Only formatting lives here: every word of it comes from the
records :mod:`kg.explanation` made.
"""

from __future__ import annotations

import textwrap
from typing import Iterable

from kg.explanation import (
    DROPPED,
    CandidateRecord,
    Explanation,
    IdentityRecord,
    SentenceExplanation,
    TokenRecord,
    reasons,
)
from kg.voice import LOW_CONFIDENCE, SOURCED, STATED

__all__ = ["format_explanation"]

WIDTH = 100
_INDENT = "    "


def _cells(cells: Iterable[str], width: int, separator: str) -> list[str]:
    """``cells`` joined by ``separator`` into lines of at most ``width``, never inside one."""
    lines: list[str] = []
    for cell in cells:
        if lines and len(lines[-1]) + len(separator) + len(cell) <= width:
            lines[-1] += separator + cell
        else:
            lines.append(cell)
    return lines or [""]


def _word(text: str) -> str:
    """A token as it can be read on one line: white space written as escapes ("\\n")."""
    return text if text.strip() and not any(ch.isspace() for ch in text) else (
        text.encode("unicode_escape").decode("ascii").replace(" ", "\\s") or '""')


def _parse_lines(tokens: Iterable[TokenRecord]) -> list[str]:
    return _cells((f"{t.number} {_word(t.text)} {t.tag} {t.dep}"
                   + (f">{t.head}" if t.head else "") for t in tokens), WIDTH - 9, " | ")


def _why_kept(c: CandidateRecord, min_confidence: float) -> str:
    parts = []
    if c.outcome in SOURCED:
        parts += [f"reported by {c.reported_by}" if c.reported_by else "",
                  f"attributed to {c.attributed_to}" if c.attributed_to else "",
                  f"stance {c.stance}" if c.stance not in ("asserted", c.outcome) else ""]
    if c.modality and c.outcome != STATED:
        parts.append(c.modality)
    if c.outcome == LOW_CONFIDENCE:
        parts.append(f"below {min_confidence:.2f}")
    parts = [p for p in parts if p]
    return f" ({', '.join(parts)})" if parts else ""


def _candidate_lines(c: CandidateRecord, min_confidence: float) -> list[str]:
    fact = f"({c.subject or '-'} | {c.predicate} | {c.object or '-'})"
    head = f"{c.number}. {c.rule}: {fact} -> "
    if c.outcome == DROPPED:
        about = [f"{c.dropped_role} {(c.subject if c.dropped_role == 'subject' else c.object)!r}"
                 if c.dropped_role else "", c.because or ""]
        detail = ": ".join(a for a in about if a)
        return [head + f"dropped by {c.dropped_by}" + (f" ({detail})" if detail else "")]
    line = head + c.outcome + _why_kept(c, min_confidence)
    if c.negated and c.outcome != "negated":
        line += ", negated"
    if c.conditional and c.outcome != "conditional":
        line += ", conditional"
    line += f", confidence {c.confidence:.2f}"
    weighs = _cells((f"{name} {weight:+.2f}" for name, weight in c.contributions),
                    WIDTH - 2 * len(_INDENT) - 13, ", ")
    if not c.contributions:
        return [line]
    return [line, f"{_INDENT}weighs most: {weighs[0]}",
            *(f"{_INDENT}             {more}" for more in weighs[1:])]


def _identity_line(i: IdentityRecord) -> str:
    line = f"{i.role} {i.mention!r} (word {i.word})"
    if i.pronoun_rule is not None:
        line += (f": pronoun resolved to {i.antecedent!r} by {i.pronoun_rule}"
                 if i.antecedent is not None else f": pronoun unresolved ({i.pronoun_rule})")
    if i.node is None:
        return f"{line} -> no node ({i.dropped_by})"
    kind = f" [{i.type}]" if i.type else ""
    return f"{line} -> node {i.node!r}{kind}" + (f" by {', '.join(i.rules)}" if i.rules else "")


def _sentence_lines(s: SentenceExplanation, min_confidence: float) -> list[str]:
    lines = [f"sentence {s.number} (characters {s.start}-{s.end}): {' '.join(s.text.split())}"]
    parse = _parse_lines(s.tokens)
    lines.append(f"  parse: {parse[0]}")
    lines += [f"         {more}" for more in parse[1:]]
    if not s.candidates:
        lines.append("  candidates: none (no rule proposed a fact)")
        return lines
    lines.append("  candidates:")
    for candidate in s.candidates:
        lines += [f"{_INDENT}{line}" for line in _candidate_lines(candidate, min_confidence)]
    if s.identities:
        lines.append("  identity:")
        lines += [f"{_INDENT}{_identity_line(i)}" for i in s.identities]
    return lines


def _cited(explanation: Explanation) -> list[str]:
    names: set[str] = set()
    for sentence in explanation.sentences:
        names.update(c.dropped_by for c in sentence.candidates if c.dropped_by)
        names.update(c.because for c in sentence.candidates if c.because)
        names.update(i.pronoun_rule for i in sentence.identities if i.pronoun_rule)
        names.update(i.dropped_by for i in sentence.identities if i.dropped_by)
    return sorted(names)


def format_explanation(explanation: Explanation) -> str:
    """The explanation as ``kg explain`` prints it (ends with a newline)."""
    shown = len(explanation.sentences)
    lines = [f"{explanation.document}: {shown} of {explanation.total_sentences} "
             f"sentence{'s' if explanation.total_sentences != 1 else ''}"
             + (f" (a fact is stated at confidence {explanation.min_confidence:.2f} or more)"
                if explanation.min_confidence else "")]
    for sentence in explanation.sentences:
        lines.append("")
        lines += _sentence_lines(sentence, explanation.min_confidence)
    cited = _cited(explanation)
    if cited:
        meaning = reasons()
        lines += ["", "rules named above:"]
        for name in cited:
            module, text = meaning[name]
            lines += textwrap.wrap(f"{name} ({module}): {text}", WIDTH,
                                   initial_indent="  ", subsequent_indent=_INDENT)
    return "\n".join(lines) + "\n"
