"""Entities that merge and predicates that normalise, on small texts with the real model."""

from __future__ import annotations

import pytest

from extract.phrases import entity_key
from extract.pipeline import extract
from kg.keys import acronym_matches, canonical_key
from kg.merge import merge_into
from kg.model import KnowledgeGraph
from tests.extract.parses import parse


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("U.S.", "united states"),
        ("US", "united states"),
        ("United States", "united states"),
        ("the United States", "united states"),
        ("U.S. tech behemoth", "united states tech behemoth"),
        # An alias is a whole word, and a possessive phrase's first word is its owner's.
        ("UK Prime Minister Tony Blair's opening speech",
         "uk prime minister tony blair's opening speech"),
        ("usain bolt", "usain bolt"),
        # The city by its everyday name; the state keeps its own key.
        ("New York City", "new york"),
        ("NYC", "new york"),
        ("New York State", "new york state"),
        ("China", "china"),
        ("user", "user"),
    ],
)
def test_canonical_key_resolves_aliases(raw, expected):
    assert canonical_key(raw) == expected


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("LLMs", "Large Language Models", True),
        ("LLM", "large language model", True),
        ("NATO", "North Atlantic Treaty Organization", True),
        ("DoD", "Department of Defense", True),
        ("UN", "United Nations", True),
        ("AI", "Large Language Models", False),
        ("A", "Apple", False),
    ],
)
def test_acronym_matches_table(short, long, expected):
    assert acronym_matches(short, long) is expected


def _graph(nlp, text):
    return merge_into(KnowledgeGraph(), extract([("d", text)], nlp))


def _node_of(graph, form):
    nodes = [n for n, a in graph.nodes(data=True) if form in a["forms"]]
    assert len(nodes) == 1, (form, nodes)
    return nodes[0]


def test_acronym_and_expansion_are_one_node(nlp):
    graph = _graph(nlp, "Firms build Large Language Models (LLMs). LLMs need data.")
    assert _node_of(graph, "LLMs") == _node_of(graph, "Large Language Models")


def test_us_spellings_are_one_node(nlp):
    text = ("The U.S. restricts chip exports. The United States funds research. "
            "China rivals the US.")
    graph = _graph(nlp, text)
    keys = {_node_of(graph, form) for form in ("U.S.", "United States", "US")
            if any(form in a["forms"] for _, a in graph.nodes(data=True))}
    assert keys == {"united states"}


def test_a_description_names_a_name_only_with_words_of_that_name(nlp):
    """"good news" ends like "BBC News" and is no BBC News; "the bank" is the one bank."""
    graph = _graph(nlp, "BBC News reported the decision. The decision is good news for "
                        "everyone.")
    assert _node_of(graph, "good news") != "bbc news"
    text = "The Commonwealth Bank cut 300 jobs. The bank reported a record profit."
    assert any(t.subject.key == "commonwealth bank" and t.object.label == "record profit"
               for t in extract([("d", text)], nlp))


def test_an_at_sign_in_a_name_is_no_scope_mark(nlp):
    """"Stardust @ home" is one name; "@" in a key would mark the document of a scoped key."""
    graph = _graph(nlp, "Volunteers joined Stardust @ home to search for dust grains.")
    assert _node_of(graph, "Stardust @ home") == "stardust at home"


def test_plural_singular_and_case_share_a_node(nlp):
    graph = _graph(nlp, "Chinese companies build models. The Chinese company builds chips.")
    assert _node_of(graph, "Chinese companies") == _node_of(graph, "Chinese company")


def test_possessive_names_the_owner_without_a_tautology(nlp):
    graph = _graph(nlp, "China's big tech giants build models.")
    giants = _node_of(graph, "China's big tech giants")
    assert "china" in giants  # the owner says which giants these are
    assert graph.has_edge(giants, "model@d")
    assert not graph.has_edge("china", giants)  # no (China, have, China's big tech giants)


def test_pronoun_resolves_or_the_triple_is_dropped(nlp):
    resolved = list(extract([("d", "Xu Liang founded Acme. He sold Acme to Baidu.")], nlp))
    assert any(t.subject.label == "Xu Liang" and t.predicate == "sell" for t in resolved)
    ambiguous = list(extract([("d", "Xu met Li. He sold the firm to Baidu.")], nlp))
    assert not any(t.predicate == "sell" for t in ambiguous)


def test_light_verb_becomes_its_verb(nlp):
    triples = list(extract([("d", "Xu Liang makes a bold prediction about China.")], nlp))
    assert ("Xu Liang", "predict about", "China") in {
        (t.subject.label, t.predicate, t.object.label) for t in triples}


@pytest.mark.parametrize(("spec", "key"), [
    # "Mertens" read as a plural in a list, and as a singular name elsewhere: the "s" stays.
    ("Mertens/1/nsubj/PROPN/NNP scored/1/ROOT/VERB/VBD/score ./1/punct/PUNCT/. "
     "Lukaku/5/nsubj/PROPN/NNP and/3/cc/CCONJ/CC Mertens/3/conj/PROPN/NNPS "
     "tried/5/ROOT/VERB/VBD/try ./5/punct/PUNCT/.", "mertens"),
    # "the Chathams" beside "Chatham": a plural name loses its "s".
    ("Chatham/1/nsubj/PROPN/NNP lies/1/ROOT/VERB/VBZ/lie ./1/punct/PUNCT/. "
     "the/4/det/DET/DT Chathams/5/nsubj/PROPN/NNPS are/5/ROOT/AUX/VBP/be "
     "far/5/advmod/ADV/RB ./5/punct/PUNCT/.", "chatham"),
])
def test_a_plural_name_keeps_its_s_where_the_document_reads_it_as_singular(spec, key):
    doc = parse(spec)
    assert entity_key(next(t for t in reversed(doc) if t.tag_ == "NNPS")) == key
