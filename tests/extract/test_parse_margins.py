"""The parser's margins through the real pipeline (extract/parse_margins.py): the component
parses exactly as spaCy's own greedy parser does, keeps one margin per arc, and the validity
features read the weakest arc on a fact's path."""

from __future__ import annotations

import math

import numpy
import spacy

from extract.parse_margins import PARSE_MARGINS, arc_margins, greedy_parser, margin_names
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
    for batch_size in (1, 2, 64):
        ours = list(nlp.pipe(TEXTS, batch_size=batch_size))
        theirs = _spacy_parse(nlp, TEXTS, batch_size)
        assert [d.text for d in ours] == TEXTS
        assert [_arcs(d) for d in ours] == [_arcs(d) for d in theirs]
        assert all(arc_margins(d) is None for d in theirs)


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
    assert margin_names(fact) == ["arc=5+", "weak=0"]
    doubt = sure.copy()
    doubt[off_path] = 0.1
    doc.user_data["kg.arc_margins"] = doubt
    assert margin_names(fact) == ["arc=5+", "weak=1"]
    doubt[fact.object.i] = 0.7
    doubt[fact.subject.i] = 2.5
    assert margin_names(fact) == ["arc=0.5-1", "weak=2+"]
    assert {"arc=0.5-1", "weak=2+"} <= set(features(fact, groups=["margins"]))


def test_margin_features_are_absent_without_the_component(nlp):
    assert FEATURE_GROUPS["margins"] == ("arc=", "weak=")
    doc = _spacy_parse(nlp, ["Xu Liang founded a company in Beijing."], 1)[0]
    fact = next(f for f in iter_facts(doc[:]) if f.predicate == "found")
    assert margin_names(fact) == []
    assert not any(name.startswith(("arc=", "weak=")) for name in features(fact))
    real = features(_fact(nlp), groups=["margins"])
    assert sum(name.startswith("arc=") for name in real) == 1
    assert sum(name.startswith("weak=") for name in real) == 1
