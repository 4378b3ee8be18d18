"""Scoring kg's node identity against GUM's gold entities: the definitions, as code.

Pure functions over two lists, so the scorer is tested on small hand-made cases
(``tests/benchmarks/test_gum_identity.py``); ``benchmarks/gum_identity.py`` runs kg and prints.

**kg's mentions.** Every argument (subject and object) of every fact mention of the graph, as
:class:`Argument`: its document, character span, the node key the graph gives it (after the
corpus-level passes of ``kg build``), the text and the identity rules recorded, and its *head*
(the root token of the span in the same parse kg built from). A pronoun argument kg could not
resolve is no argument of the graph (the fact is dropped); it is passed as an :class:`Argument`
with ``node=None`` so recall can count it.

**Alignment.** An argument stands for the gold mention of its document with exactly its span
(surrounding white space left out); failing that, the one whose minimal span (``min_start``,
``min_end``) contains the first character of the argument's head, the innermost one (shortest
span; ties: the later start) when several do; failing that, the innermost gold mention whose
whole span contains it; else it is unaligned (counted, not scored). "The King of Athens" is so
the king, never Athens; "Athens" is Athens; "Madame Tussauds New York" (whose parse head is
"York") is the museum, not New York. Each gold mention is scored once: when
several arguments stand for it, its node is the one most of them have (ties: smallest key).

**Gold identity.** Two gold mentions are the same thing when, in one document, they share
``entity`` or a non-null ``identity`` (81 of GUM train's (document, title) pairs carry two
entity ids: "Harry Kane" twice in one report), and across documents when they share a non-null
``identity``. A gold mention is *named* when its ``identity`` is not null (its entity has a
Wikipedia title); pronouns and descriptions of a named entity are named mentions too. A gold
mention whose ``link`` is ``pred`` or ``appos`` (:data:`UNSCORED_LINKS`: "Daniel Bernoulli was
*a Swiss mathematician*", "L'Enfant, *a French-born engineer*") is not scored: it says what its
antecedent is, which a graph states as a fact about the entity ((Daniel Bernoulli, be, Swiss
mathematician)); one node for both would make that fact a loop.

**Pair scores.** Within documents: every pair of distinct aligned gold mentions of one document
of which at least one is named; across documents: every pair from two documents of which at
least one is named. A pair is *joined* when both have the same node and *same* when gold says
so; precision = joined and same / joined, recall = joined and same / same, F1 their harmonic
mean. A join of a named mention with anything else is scored; pairs of unnamed mentions are
not (gold says nothing about them across documents). ``within_all`` scores every pair of one
document, named or not, for information.

**Coverage.** Named gold (document, identity) pairs with at least one aligned mention, over all.
**Nodes per gold entity.** For each covered (document, identity): the distinct nodes of its
aligned mentions (mean, and the share with exactly one); across the corpus, per identity.

**Pronouns.** A *resolved pronoun* is an argument of the graph whose text is a third-person
personal pronoun (:data:`PRONOUNS`): kg keeps such a fact only when it resolved the pronoun.
It is *right* when its node's entity in its document is the pronoun's gold entity (same thing
as above); the node's entity is the gold thing most of the node's other aligned mentions in
the document stand for, counting neither pronouns nor arguments joined by a description rule
(:data:`DESCRIPTION_RULES`); when it has none, the gold mentions of the document whose text,
without a leading determiner, is the node's label; else the pronoun is *unjudged* (counted).
A resolved pronoun that stands for no gold mention (GUM marks none: "it is raining") is wrong.
Precision = right / judged; recall = right / the aligned third-person pronoun arguments of the
facts the rules find, resolved or not. **Descriptions**: an argument with a rule of
:data:`DESCRIPTION_RULES` is judged the same way (precision).

**Baseline.** The same aligned gold mentions, each in the node named by its gold text,
lower-cased: "join mentions with the same lower-cased text".

**Errors by cause.** Each scored pair that is joined but not the same (a *wrong join*) or the
same but not joined (a *split*) is counted under its cause: the kinds of its two mentions
(``name``: the gold minimal text starts with a capital letter; ``pronoun``: the gold text is a
pronoun; ``description``: anything else), then for a wrong join the identity rules recorded on
its two arguments (``same key`` when none), for a split whether a node is kept inside its
document (``scoped``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any, Iterable, Mapping, Sequence

__all__ = [
    "PRONOUNS",
    "DESCRIPTION_RULES",
    "UNSCORED_LINKS",
    "Argument",
    "align",
    "score",
]

#: Third-person personal pronouns: what kg resolves or drops.
PRONOUNS = frozenset("he him himself she her herself it itself they them themselves".split())
#: Every pronoun GUM marks as a mention, for telling a pronoun mention from a name.
_ANY_PRONOUN = PRONOUNS | frozenset(
    "i me my mine myself you your yours yourself yourselves his hers its we us our ours "
    "ourselves their theirs this that these those who whom whose which".split())
#: Gold links of mentions that say what their antecedent is ("was a Swiss mathematician",
#: "L'Enfant, a French-born engineer"): a graph states them as facts about the entity.
UNSCORED_LINKS = frozenset({"pred", "appos"})
#: Identity rules that join a description ("the city", "the spokesman") to a named node.
DESCRIPTION_RULES = frozenset({"definite_description", "appositive_name", "kinship_description"})
_DETERMINERS = ("the ", "a ", "an ", "this ", "these ", "that ", "those ")


@dataclass(frozen=True, slots=True)
class Argument:
    """One argument of a fact mention, as the graph keys it (``node=None``: dropped pronoun).

    Attributes:
        doc: The document's name (``GUM_news_korea``).
        start, end: The argument's character span.
        head: Character offset of the first character of the argument's head token.
        node: The graph's node key, or None for a pronoun argument kg could not resolve.
        text: The argument as written.
        rules: The identity rules recorded on it (``Provenance.subject_rules``).
        label: The node's label (for judging a pronoun whose node has no other mention).
    """

    doc: str
    start: int
    end: int
    head: int
    node: str | None
    text: str
    rules: tuple[str, ...] = ()
    label: str = ""


def _inside(mention: Mapping[str, Any], offset: int, minimal: bool) -> bool:
    lo, hi = (mention["min_start"], mention["min_end"]) if minimal else (
        mention["start"], mention["end"])
    return lo <= offset < hi


def align(arguments: Sequence[Argument], gold: Sequence[Mapping[str, Any]]) -> list[int | None]:
    """The index in ``gold`` of the mention each argument stands for, or None.

    >>> gold = [{"doc": "d", "start": 0, "end": 18, "min_start": 4, "min_end": 8},
    ...         {"doc": "d", "start": 12, "end": 18, "min_start": 12, "min_end": 18}]
    >>> align([Argument("d", 0, 18, 4, "king", "the King of Athens"),
    ...        Argument("d", 12, 18, 12, "athens", "Athens"),
    ...        Argument("d", 20, 22, 20, "x", "it")], gold)
    [0, 1, None]
    """
    by_doc: dict[str, list[int]] = defaultdict(list)
    for n, mention in enumerate(gold):
        by_doc[mention["doc"]].append(n)
    found: list[int | None] = []
    for argument in arguments:
        candidates = by_doc.get(argument.doc, [])
        start = argument.start + len(argument.text) - len(argument.text.lstrip())
        end = argument.end - (len(argument.text) - len(argument.text.rstrip()))
        best = next((n for n in candidates
                     if gold[n]["start"] == start and gold[n]["end"] == end), None)
        for minimal in (True, False):
            if best is not None:
                break
            inside = [n for n in candidates if _inside(gold[n], argument.head, minimal)]
            if inside:
                best = min(inside, key=lambda n: (gold[n]["end"] - gold[n]["start"],
                                                  -gold[n]["start"], n))
                break
        found.append(best)
    return found


def _kind(mention: Mapping[str, Any]) -> str:
    text = mention["text"].lower()
    if text in _ANY_PRONOUN:
        return "pronoun"
    first = mention["min_text"][:1]
    return "name" if first.isalpha() and first.isupper() else "description"


def _same(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Gold says ``a`` and ``b`` are one thing (see the module docstring)."""
    if a["identity"] is not None and a["identity"] == b["identity"]:
        return True
    return a["doc"] == b["doc"] and a["entity"] == b["entity"]


def _thing(mention: Mapping[str, Any]) -> tuple[str, str]:
    """A key that two mentions share exactly when gold says they are the same thing, within
    one document (its title when named, else its entity id)."""
    if mention["identity"] is not None:
        return ("title", mention["identity"])
    return ("entity", mention["entity"])


def _prf(joined: int, same: int, both: int) -> dict[str, float | int]:
    precision = both / joined if joined else 1.0
    recall = both / same if same else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "joined": joined, "same": same, "joined_and_same": both}


@dataclass(slots=True)
class _Scored:
    """One aligned gold mention: the gold record, its node, and the arguments behind it."""

    gold: Mapping[str, Any]
    node: str
    rules: frozenset[str]
    text: str


def _scored_mentions(arguments: Sequence[Argument], gold: Sequence[Mapping[str, Any]],
                     aligned: Sequence[int | None]) -> list[_Scored]:
    nodes: dict[int, Counter[str]] = defaultdict(Counter)
    rules: dict[int, set[str]] = defaultdict(set)
    texts: dict[int, str] = {}
    for argument, index in zip(arguments, aligned):
        if index is None or argument.node is None or gold[index].get("link") in UNSCORED_LINKS:
            continue
        nodes[index][argument.node] += 1
        rules[index].update(argument.rules)
        texts.setdefault(index, argument.text)
    return [_Scored(gold[n], min(counts, key=lambda k: (-counts[k], k)),
                    frozenset(rules[n]), texts[n])
            for n, counts in sorted(nodes.items())]


def _pair_cause(a: _Scored, b: _Scored, joined: bool) -> str:
    kinds = "-".join(sorted((_kind(a.gold), _kind(b.gold))))
    if joined:
        rules = sorted((a.rules | b.rules) - {"exact"})
        return f"wrong join {kinds} [{', '.join(rules) or 'same key'}]"
    scoped = "@" in a.node or "@" in b.node
    return f"split {kinds}{' [scoped]' if scoped else ''}"


def _example(a: _Scored, b: _Scored) -> str:
    def one(m: _Scored) -> str:
        thing = m.gold["identity"] or f"entity {m.gold['entity']}"
        return f"{m.text!r}->{m.node} ({thing})"
    other = f"{b.gold['doc']}: " if b.gold["doc"] != a.gold["doc"] else ""
    return f"{a.gold['doc']}: {one(a)} / {other}{one(b)}"


class _Errors:
    """Error pairs counted by cause, with a few examples from documents one may read."""

    def __init__(self, readable: frozenset[str], per_cause: int = 3) -> None:
        self.counts: Counter[str] = Counter()
        self.examples: dict[str, list[str]] = defaultdict(list)
        self.readable = readable
        self.per_cause = per_cause

    def add(self, a: _Scored, b: _Scored, joined: bool) -> None:
        cause = _pair_cause(a, b, joined)
        self.counts[cause] += 1
        shown = self.examples[cause]
        if (len(shown) < self.per_cause and a.gold["doc"] in self.readable
                and b.gold["doc"] in self.readable):
            text = _example(a, b)
            if text not in shown:
                shown.append(text)

    def report(self) -> dict[str, Any]:
        return {cause: {"pairs": count, "examples": self.examples.get(cause, [])}
                for cause, count in self.counts.most_common()}


def _within(mentions: list[_Scored], node_of, errors: _Errors | None, named_only: bool
            ) -> dict[str, float | int]:
    by_doc: dict[str, list[_Scored]] = defaultdict(list)
    for m in mentions:
        by_doc[m.gold["doc"]].append(m)
    joined = same = both = 0
    for group in by_doc.values():
        for a, b in combinations(group, 2):
            if named_only and a.gold["identity"] is None and b.gold["identity"] is None:
                continue
            j, s = node_of(a) == node_of(b), _same(a.gold, b.gold)
            joined += j
            same += s
            both += j and s
            if errors is not None and j != s:
                errors.add(a, b, j)
    return _prf(joined, same, both)


def _across(mentions: list[_Scored], node_of, errors: _Errors | None) -> dict[str, float | int]:
    """Pairs of two documents with at least one named mention; only the joined and the same
    pairs are walked (the others count for nothing)."""
    by_node: dict[str, list[_Scored]] = defaultdict(list)
    by_title: dict[str, list[_Scored]] = defaultdict(list)
    for m in mentions:
        by_node[node_of(m)].append(m)
        if m.gold["identity"] is not None:
            by_title[m.gold["identity"]].append(m)
    joined = both = 0
    for group in by_node.values():
        for a, b in combinations(group, 2):
            if a.gold["doc"] == b.gold["doc"] or (
                    a.gold["identity"] is None and b.gold["identity"] is None):
                continue
            joined += 1
            if a.gold["identity"] == b.gold["identity"]:
                both += 1
            elif errors is not None:
                errors.add(a, b, True)
    same = 0
    for group in by_title.values():
        for a, b in combinations(group, 2):
            if a.gold["doc"] == b.gold["doc"]:
                continue
            same += 1
            if errors is not None and node_of(a) != node_of(b):
                errors.add(a, b, False)
    return _prf(joined, same, both)


def _coverage(mentions: list[_Scored], gold: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    named = {(m["doc"], m["identity"]) for m in gold if m["identity"] is not None}
    nodes: dict[tuple[str, str], set[str]] = defaultdict(set)
    corpus: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.gold["identity"] is not None:
            nodes[(m.gold["doc"], m.gold["identity"])].add(m.node)
            corpus[m.gold["identity"]].add(m.node)
    covered = len(nodes)
    return {
        "named_entities": len(named),
        "covered": covered,
        "coverage": round(covered / len(named), 4) if named else 0.0,
        "nodes_per_entity": round(sum(map(len, nodes.values())) / covered, 3) if covered else 0.0,
        "one_node_share": round(sum(len(v) == 1 for v in nodes.values()) / covered, 4)
        if covered else 0.0,
        "nodes_per_identity_corpus": round(sum(map(len, corpus.values())) / len(corpus), 3)
        if corpus else 0.0,
    }


def _label_entity(doc: str, label: str, gold_by_doc: Mapping[str, list[Mapping[str, Any]]]
                  ) -> Counter:
    wanted = label.lower()
    found: Counter = Counter()
    for mention in gold_by_doc.get(doc, ()):
        text = mention["text"].lower()
        for det in _DETERMINERS:
            if text.startswith(det):
                text = text[len(det):]
                break
        if text == wanted:
            found[_thing(mention)] += 1
    return found


def _judge(kind_rules: frozenset[str] | None, arguments: Sequence[Argument],
           gold: Sequence[Mapping[str, Any]], aligned: Sequence[int | None],
           scored: list[_Scored], readable: frozenset[str]) -> dict[str, Any]:
    """Precision of the arguments picked (pronouns when ``kind_rules`` is None, else those
    with one of ``kind_rules``): is each one's node its gold entity's node in its document?"""
    anchors: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for m in scored:
        if _kind(m.gold) != "pronoun" and not (m.rules & DESCRIPTION_RULES):
            anchors[(m.gold["doc"], m.node)][_thing(m.gold)] += 1
    gold_by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for mention in gold:
        gold_by_doc[mention["doc"]].append(mention)
    right = wrong = unjudged = 0
    errors: list[str] = []
    seen: set[int | tuple] = set()
    for argument, index in zip(arguments, aligned):
        if argument.node is None:
            continue
        if kind_rules is None:
            if argument.text.lower() not in PRONOUNS:
                continue
        elif not set(argument.rules) & kind_rules:
            continue
        ident = index if index is not None else (argument.doc, argument.start)
        if ident in seen:
            continue
        seen.add(ident)
        if index is None:
            wrong += 1
            if argument.doc in readable and len(errors) < 12:
                errors.append(f"{argument.doc}: {argument.text!r}->{argument.node} "
                              f"(no gold mention)")
            continue
        counts = anchors.get((argument.doc, argument.node)) or _label_entity(
            argument.doc, argument.label, gold_by_doc)
        if not counts:
            unjudged += 1
            continue
        entity = min(counts, key=lambda k: (-counts[k], k))
        if entity == _thing(gold[index]):
            right += 1
        else:
            wrong += 1
            if argument.doc in readable and len(errors) < 12:
                thing = gold[index]["identity"] or f"entity {gold[index]['entity']}"
                errors.append(f"{argument.doc}: {argument.text!r}->{argument.node} "
                              f"(gold: {gold[index]['text']!r}, {thing})")
    judged = right + wrong
    return {"resolved": judged + unjudged, "judged": judged, "right": right,
            "unjudged": unjudged,
            "precision": round(right / judged, 4) if judged else 1.0, "wrong_examples": errors}


def _pronoun_recall(arguments: Sequence[Argument], aligned: Sequence[int | None]) -> int:
    """Distinct gold mentions that a third-person pronoun argument stands for, resolved or not."""
    return len({index for argument, index in zip(arguments, aligned)
                if index is not None and argument.text.lower() in PRONOUNS})


def _with_recall(figures: dict[str, Any], met: int) -> dict[str, Any]:
    figures["met"] = met
    figures["recall"] = round(figures["right"] / met, 4) if met else 0.0
    return figures


def score(
    arguments: Sequence[Argument],
    gold: Sequence[Mapping[str, Any]],
    *,
    readable: Iterable[str] = (),
) -> dict[str, Any]:
    """Every figure of the module docstring, as a JSON-ready dict.

    Args:
        arguments: kg's arguments (dropped pronoun arguments with ``node=None``).
        gold: The gold mentions of the documents scored (``benchmarks.gum.gold_mentions``).
        readable: Documents whose errors may be shown as examples (the ``fit`` part only).

    >>> gold = [
    ...     {"doc": "d", "start": 0, "end": 6, "min_start": 0, "min_end": 6, "text": "Norton",
    ...      "min_text": "Norton", "entity": "1", "identity": "Norton"},
    ...     {"doc": "d", "start": 7, "end": 9, "min_start": 7, "min_end": 9, "text": "he",
    ...      "min_text": "he", "entity": "1", "identity": "Norton"}]
    >>> args = [Argument("d", 0, 6, 0, "norton", "Norton"), Argument("d", 7, 9, 7, "norton", "he")]
    >>> figures = score(args, gold)
    >>> figures["within"]["f1"], figures["pronouns"]["precision"], figures["coverage"]["coverage"]
    (1.0, 1.0, 1.0)
    """
    readable = frozenset(readable)
    aligned = align(arguments, gold)
    scored = _scored_mentions(arguments, gold, aligned)

    def node(m: _Scored) -> str:
        return m.node

    def text(m: _Scored) -> str:
        return m.gold["text"].lower()

    within_errors, across_errors = _Errors(readable), _Errors(readable)
    kept = [a for a in arguments if a.node is not None]
    return {
        "arguments": len(kept),
        "aligned_arguments": sum(1 for a, n in zip(arguments, aligned)
                                 if a.node is not None and n is not None),
        "gold_mentions_scored": len(scored),
        "within": _within(scored, node, within_errors, named_only=True),
        "across": _across(scored, node, across_errors),
        "within_all": _within(scored, node, None, named_only=False),
        "baseline_within": _within(scored, text, None, named_only=True),
        "baseline_across": _across(scored, text, None),
        "coverage": _coverage(scored, gold),
        "pronouns": _with_recall(_judge(None, arguments, gold, aligned, scored, readable),
                                 _pronoun_recall(arguments, aligned)),
        "descriptions": _judge(DESCRIPTION_RULES, arguments, gold, aligned, scored, readable),
        "errors_within": within_errors.report(),
        "errors_across": across_errors.report(),
    }
