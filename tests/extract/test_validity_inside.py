"""The parser's doubt inside a fact's arguments (extract/validity_inside.py): the weakest arc
and rival-head margins over the arguments' words other than their heads, read from the
margins the real pipeline keeps (set by hand here so that the test does not depend on the
statistical model's scores)."""

from __future__ import annotations

import numpy

from extract.parse_margins import PARSE_MARGINS
from extract.rules import iter_facts
from extract.validity import FEATURE_GROUPS, features
from extract.validity_inside import INSIDE_PREFIXES, inside_names


def _fact(nlp, text, predicate):
    doc = nlp(text)
    return next(f for f in iter_facts(doc[:]) if f.predicate == predicate)


def _set(doc, arcs, rivals):
    doc.user_data["kg.arc_margins"] = arcs
    doc.user_data["kg.rival_margins"] = rivals


def test_inside_reads_the_weakest_word_inside_the_arguments_not_their_heads(nlp):
    fact = _fact(nlp, "The old firm sold its main office in Leeds.", "sell")
    doc = fact.subject.doc
    assert (fact.subject.text, fact.object.text) == ("firm", "office")
    arcs = numpy.full(len(doc), 9.0, dtype="float32")
    rivals = numpy.full(len(doc), numpy.inf, dtype="float32")
    _set(doc, arcs, rivals)
    assert inside_names(fact) == ["in_arc=3+", "in_rival=3+"]
    # The heads, the verb and the final stop are the margins family's or nobody's.
    for i in (fact.subject.i, fact.object.i, fact.verb.i, len(doc) - 1):
        arcs[i] = 0.1
        rivals[i] = 0.1
    assert inside_names(fact) == ["in_arc=3+", "in_rival=3+"]
    old = next(t.i for t in doc if t.text == "old")
    leeds = next(t.i for t in doc if t.text == "Leeds")
    arcs[leeds] = 2.0
    rivals[old] = 0.5
    assert inside_names(fact) == ["in_arc=1-3", "in_rival=<1"]
    arcs[old] = 0.3
    assert {"in_arc=<1", "in_rival=<1"} <= set(features(fact, groups=["inside"]))


def test_inside_is_absent_for_single_words_and_without_margins(nlp):
    assert FEATURE_GROUPS["inside"] == INSIDE_PREFIXES
    fact = _fact(nlp, "Mary saw John.", "see")
    assert fact.subject_bounds[1] - fact.subject_bounds[0] == 1
    assert fact.object_bounds[1] - fact.object_bounds[0] == 1
    assert inside_names(fact) == []
    with nlp.select_pipes(disable=[PARSE_MARGINS]):
        nlp.enable_pipe("parser")
        try:
            doc = nlp("The old firm sold its main office in Leeds.")
        finally:
            nlp.disable_pipe("parser")
    bare = next(f for f in iter_facts(doc[:]) if f.predicate == "sell")
    assert inside_names(bare) == []
    assert not any(name.startswith(INSIDE_PREFIXES) for name in features(bare))
