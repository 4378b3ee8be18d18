"""The parser's margins through the real pipeline (extract/parse_margins.py): the component
parses exactly as spaCy's own greedy parser does, keeps one margin per arc and per word the
margin over a rival head, and the validity features read the weakest of them on a fact's path."""

from __future__ import annotations

import math

import numpy
import spacy

from extract.parse_margins import (
    PARSE_MARGINS,
    arc_margins,
    greedy_parser,
    margin_names,
    rival_margins,
)
from extract.rules import iter_facts
from extract.validity import FEATURE_GROUPS, features

TEXTS = [
    "Countries must spend the cash saved on health.",
    "One game into his Six Nations career, and Gavin Henson is already a Welsh legend.",
    "The firm had seen no attacks exploiting the flaw, it said on Tuesday.\n\nNew heading\n\n"
    "Tulsa is also called T-town by the locals and has been called the Oil Capital of the World.",
    "",
    "   ",
    "Ursula von der Leyen met Erik ten Hag in Brussels (Belgium) - briefly.",
]


def _arcs(doc):
    return [(t.i, t.head.i, t.dep_, t.is_sent_start) for t in doc]


def _spacy_parse(nlp, texts, batch_size):
    """The same pipeline with spaCy's own parser in place of the component."""
    with nlp.select_pipes(disable=[PARSE_MARGINS]):
        nlp.enable_pipe("parser")
        try:
            return list(nlp.pipe(texts, batch_size=batch_size))
        finally:
            nlp.disable_pipe("parser")


def test_the_component_parses_in_place_of_the_greedy_parser(nlp):
    names = nlp.pipe_names
    assert greedy_parser(nlp) and "parser" in nlp.disabled and "parser" not in names
    assert names.index("kg_paragraph_breaks") < names.index(PARSE_MARGINS)
    assert names.index(PARSE_MARGINS) < names.index("attribute_ruler")
    assert not greedy_parser(spacy.blank("en"))


def test_the_component_makes_the_arcs_spacy_makes(nlp):
    for batch_size in (1, 2, 8, 64):  # 8: spaCy parses parts of 2, the component one of 6
        ours = list(nlp.pipe(TEXTS, batch_size=batch_size))
        theirs = _spacy_parse(nlp, TEXTS, batch_size)
        assert [d.text for d in ours] == TEXTS
        assert [_arcs(d) for d in ours] == [_arcs(d) for d in theirs]
        assert all(arc_margins(d) is None for d in theirs)
        assert all(rival_margins(d) is None for d in theirs)


def test_every_arc_has_a_margin_and_roots_none(nlp):
    arcs = finite = 0
    for doc in nlp.pipe(TEXTS):
        margins = arc_margins(doc)
        assert margins is not None and len(margins) == len(doc)
        for token, margin in zip(doc, margins.tolist()):
            if token.head.i == token.i:
                assert margin == math.inf
            else:
                # the chosen transition scores at least its runner-up; inf: it had none
                assert margin >= 0.0, (token.text, margin)
                arcs += 1
                finite += margin < math.inf
    assert arcs > 50 and finite >= 0.9 * arcs


def test_rival_margins_are_margins_over_another_head(nlp):
    rivals = finite = 0
    for doc in nlp.pipe(TEXTS):
        margins, rival = arc_margins(doc), rival_margins(doc)
        assert rival is not None and len(rival) == len(doc)
        for token, arc, other in zip(doc, margins.tolist(), rival.tolist()):
            assert other >= 0.0, (token.text, other)
            rivals += 1
            finite += other < math.inf
            if token.head.i == token.i:
                assert arc == math.inf
    # most words had a rival head at some step, not all: an unrivalled arc is inf
    assert 0.3 * rivals < finite < rivals


def test_a_doubtful_prepositional_attachment_has_a_close_rival(nlp):
    """"with the telescope" on "man" or on "saw": the parser chose by a narrow margin over
    a transition that hangs "with" elsewhere, and knew "telescope" hangs on "with"."""
    doc = nlp("She saw the man with the telescope.")
    rival, margins = rival_margins(doc), arc_margins(doc)
    prep = next(t for t in doc if t.lower_ == "with")
    assert prep.dep_ == "prep" and prep.head.lower_ in ("man", "saw")
    assert rival[prep.i] < 1.0 and rival[prep.i] <= margins[prep.i]
    assert min(rival[prep.i + 1:].tolist() + [math.inf]) > rival[prep.i]


def _fact(nlp, text="Xu Liang founded a company in Beijing.", predicate="found"):
    doc = nlp(text)
    return next(f for f in iter_facts(doc[:]) if f.predicate == predicate)


def test_margin_features_read_the_weakest_arc_on_the_facts_path(nlp):
    fact = _fact(nlp)
    doc = fact.subject.doc
    on_path = {fact.subject.i, fact.object.i, fact.verb.i}
    off_path = next(t.i for t in doc if t.i not in on_path and t.head.i != t.i)
    sure = numpy.full(len(doc), 9.0, dtype="float32")
    doc.user_data["kg.arc_margins"] = sure.copy()
    rival = numpy.full(len(doc), numpy.inf, dtype="float32")
    doc.user_data["kg.rival_margins"] = rival
    assert margin_names(fact) == ["arc=5+", "weak=0", "rival=3+"]
    doubt = sure.copy()
    doubt[off_path] = 0.1
    doc.user_data["kg.arc_margins"] = doubt
    rival[off_path] = 0.1
    assert margin_names(fact) == ["arc=5+", "weak=1", "rival=3+"]
    doubt[fact.object.i] = 0.7
    doubt[fact.subject.i] = 2.5
    rival[fact.verb.i] = 1.5
    assert margin_names(fact) == ["arc=0.5-1", "weak=2+", "rival=1-3"]
    rival[fact.object.i] = 0.7
    assert {"arc=0.5-1", "weak=2+", "rival=<1"} <= set(features(fact, groups=["margins"]))


def test_margin_features_are_absent_without_the_component(nlp):
    assert FEATURE_GROUPS["margins"] == ("arc=", "weak=", "rival=")
    doc = _spacy_parse(nlp, ["Xu Liang founded a company in Beijing."], 1)[0]
    fact = next(f for f in iter_facts(doc[:]) if f.predicate == "found")
    assert margin_names(fact) == []
    assert not any(name.startswith(("arc=", "weak=", "rival=")) for name in features(fact))
    real = features(_fact(nlp), groups=["margins"])
    for prefix in FEATURE_GROUPS["margins"]:
        assert sum(name.startswith(prefix) for name in real) == 1
