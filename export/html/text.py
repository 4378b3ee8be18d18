"""What the graph page says in words: edge labels and the header's line about the first view.

The page's script says the same things the same way (``kgFactLabel``, ``kgDescribe`` in
``export/html/static/graph_page.js``); these give the page its first text and the tests theirs.
"""

from __future__ import annotations

from typing import Any

from kg.voice import QUESTIONED, Voice

__all__ = ["NEGATED", "CONDITIONAL", "fact_flags", "fact_label", "drawn", "summary", "plural",
           "shorten"]

#: Bits of a fact's flags in the page data (the page's kgFactLabel reads them too).
NEGATED, CONDITIONAL = 1, 2


def plural(count: int, word: str, words: str | None = None) -> str:
    """``count`` and the word in the right number.

    >>> plural(1, "entity", "entities"), plural(1200, "fact")
    ('1 entity', '1,200 facts')
    """
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to at most ``limit`` characters with an ellipsis.

    >>> shorten("Yasser   Arafat", 32), shorten("the Australian Broadcasting Corporation", 12)
    ('Yasser Arafat', 'the Austral…')
    """
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fact_flags(voice: Voice) -> int:
    """The flag bits of a fact: :data:`NEGATED`, :data:`CONDITIONAL` (a mention not stated is
    under a condition)."""
    return (NEGATED if voice.negated else 0) | (CONDITIONAL if voice.conditional else 0)


def fact_label(predicate: str, modality: str, flags: int, kind: str) -> str:
    """The label drawn on a fact's edge: "may not rival (if)" (the page's kgFactLabel too).

    ``modality`` is the modals of the mentions that are not stated ("could", "may/might").

    >>> fact_label("rival", "may", NEGATED | CONDITIONAL, "modal")
    'may not rival (if)'
    """
    words = [modality] if modality else []
    if flags & NEGATED:
        words.append("not")
    words.append(predicate)
    label = " ".join(words)
    if flags & CONDITIONAL:
        label += " (if)"
    if kind == QUESTIONED:
        label += "?"
    return label


def drawn(data: dict[str, Any]) -> tuple[list[int], list[int]]:
    """The entities and facts the first view draws: its facts but those of hidden voices,
    and its entities but those whose every fact there is hidden (the page's kgVisible too)."""
    facts, hidden = data["facts"], set(data["hidden_voices"])
    shown = [f for f in data["view_facts"] if facts[f][7] not in hidden]
    had = {i for f in data["view_facts"] for i in facts[f][:2]}
    kept = {i for f in shown for i in facts[f][:2]}
    asked = sorted([*data["view"], *data["view_hidden"]])
    return [i for i in asked if i in kept or i not in had], shown


def summary(data: dict[str, Any]) -> str:
    """The header's line about the first view: what the graph holds and what is drawn.

    What is hidden, and how to show it, the page says below it (``kgDescribe``).
    """
    n_all, m_all, docs = data["total"]
    entities, facts = drawn(data)
    n_shown, m_shown = len(entities), len(facts)
    summary = (
        f"{plural(n_all, 'entity', 'entities')} · "
        f"{plural(m_all, 'fact')} · {plural(docs, 'document')}"
    )
    if n_shown < n_all or m_shown < m_all:
        shown = []
        if data["capped"]:
            shown.append(f"the {n_shown:,} most central entities (PageRank)")
        if len(data["view_facts"]) < data["facts_between"]:
            whose = "their" if shown else "the"
            shown.append(f"{whose} {m_shown:,} best-supported facts")
        if not shown:
            shown.append(f"{plural(n_shown, 'entity', 'entities')} and {plural(m_shown, 'fact')}")
        summary += (
            f" — showing {' and '.join(shown)}; "
            f"{plural(n_all - n_shown, 'entity', 'entities')} and "
            f"{plural(m_all - m_shown, 'fact')} left out"
        )
    return summary
