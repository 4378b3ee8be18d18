"""The parser's doubt inside a fact's arguments: the ``inside`` family of :mod:`extract.validity`.

The ``margins`` family reads the arcs a fact hangs on: its heads, its verb and the path
between the heads. An argument's span is the head's subtree, so a word of it that the parser
attached by a hair ("the cash saved on health": "on health" on "saved" or on "spend") decides
where the argument ends, and a wrong end makes the fact wrong though every arc it hangs on is
sure. ``in_arc=`` buckets the smallest arc margin over the words of both arguments other than
their heads (:func:`extract.parse_margins.arc_margins`), ``in_rival=`` the smallest margin
over a runner-up that would have hung one of those words on another head
(:func:`extract.parse_margins.rival_margins`). An argument of one word has no such words; a
fact whose two arguments are single words, or whose Doc has no margins, has no ``inside``
features (they weigh 0).

Measured on the ``fit`` part only (``docs/trust.md``): added to the shipped families, CV AUC
0.726 -> 0.740, higher on each of five fold assignments.

>>> from extract.pipeline import load_nlp
>>> from extract.rules import iter_facts
>>> doc = load_nlp()("The old firm sold its main office in Leeds.")
>>> fact = next(f for f in iter_facts(doc[:]) if f.predicate == "sell")
>>> [name.split("=")[0] for name in inside_names(fact)]
['in_arc', 'in_rival']
"""

from __future__ import annotations

from extract.parse_margins import arc_margins, margin_bucket, rival_margins
from extract.records import Fact

__all__ = ["INSIDE_PREFIXES", "inside_names"]

#: The feature names of the family, by prefix (``extract.validity.FEATURE_GROUPS``).
INSIDE_PREFIXES: tuple[str, ...] = ("in_arc=", "in_rival=")
#: Bucket edges of both margins, in the parser's score units (as ``rival=`` of ``margins``).
_EDGES = (1.0, 3.0)


def _inner_words(fact: Fact) -> list[int]:
    """Indices of the words of both arguments other than each argument's own head."""
    words = []
    for (start, end), head in ((fact.subject_bounds, fact.subject.i),
                               (fact.object_bounds, fact.object.i)):
        words += [i for i in range(start, end) if i != head]
    return words


def inside_names(fact: Fact) -> list[str]:
    """The ``inside`` features of ``fact``: ``in_arc=`` and ``in_rival=``, the buckets of the
    smallest arc margin and rival-head margin over its arguments' words other than their
    heads; none when there are no such words or the Doc has no margins."""
    doc = fact.subject.doc
    margins = arc_margins(doc)
    words = _inner_words(fact)
    if margins is None or not words:
        return []
    names = [f"in_arc={margin_bucket(min(float(margins[i]) for i in words), _EDGES)}"]
    rivals = rival_margins(doc)
    if rivals is not None:
        names.append(
            f"in_rival={margin_bucket(min(float(rivals[i]) for i in words), _EDGES)}")
    return names
