"""Names that documents wrote differently are one node once the corpus is merged, on real
sentences through the real model (``kg.corpus_names``, ``kg.merge.resolve_corpus_names``)."""

from __future__ import annotations

import pytest

from kg.build import build_graph


def _build(tmp_path, nlp, *texts: str):
    paths = []
    for n, text in enumerate(texts):
        path = tmp_path / f"doc{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    graph, _report = build_graph(paths, nlp=nlp)
    return graph


@pytest.mark.parametrize(("texts", "node", "form", "rule"), [
    # GUM_voyage_lodz (fit) and the same city in plain letters.
    (("Łódź hosts several film festivals.", "Lodz hosts a film school."), "łódź", "Lodz",
     "corpus_spelling"),
    # A name with its middle initial left out (GUM_bio_fillmore names Charles J. Fillmore).
    (("Charles J. Fillmore taught linguistics at Berkeley.",
      "Charles Fillmore published a theory of grammar."), "charles j fillmore",
     "Charles Fillmore", "corpus_full_name"),
    # A surname no document spelled out (README's Mugabe).
    (("Robert Mugabe won the election.", "Mugabe addressed the crowd."), "robert mugabe",
     "Mugabe", "corpus_surname"),
])
def test_corpus_names_join_one_thing_written_differently(tmp_path, nlp, texts, node, form,
                                                          rule):
    graph = _build(tmp_path, nlp, *texts)
    assert node in graph.nodes
    assert rule in graph.nodes[node]["alias_rules"][form]


def test_two_full_names_keep_a_short_form_apart(tmp_path, nlp):
    graph = _build(tmp_path, nlp, "George W. Bush met the press.",
                   "George H. Bush met the press.", "George Bush met the press.")
    assert "george bush" in graph.nodes


def test_an_alias_one_document_defines_is_that_name_in_another(tmp_path, nlp):
    # GUM_academic_epistemic (fit) defines ACPeds; a second document uses it alone.
    graph = _build(tmp_path, nlp,
                   "The American College of Pediatricians (ACPeds) published a statement. "
                   "ACPeds also wrote a letter.",
                   "ACPeds published a second statement.")
    (node,) = [key for key in graph.nodes if "pediatricians" in key]
    assert "corpus_alias" in graph.nodes[node]["alias_rules"]["ACPeds"]


def test_an_initialism_one_document_reads_is_that_name_in_another(tmp_path, nlp):
    # GUM_news_ie9 (fit) writes "Internet Explorer 6", then "IE6"; a second document uses
    # "IE6" alone.
    graph = _build(tmp_path, nlp,
                   "Microsoft will retire Internet Explorer 6 soon. IE6 is old.",
                   "Many banks still use IE6.")
    assert "ie6" not in graph.nodes
    assert "corpus_alias" in graph.nodes["internet explorer 6"]["alias_rules"]["IE6"]
