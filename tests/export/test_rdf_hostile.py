"""Hostile text: every export parses in rdflib and pyoxigraph and keeps the text exactly."""

from __future__ import annotations

import os
import re

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Literal

from export.namespaces import KGV, RDFS, SKOS
from export.rdf import entity_iri, read_rdf, relation_iri, resolve_format, to_rdf, write_rdf
from kg.keys import normalize_key
from kg.merge import merge_into
from kg.model import KnowledgeGraph

from .conftest import XU, make_triple
from .test_rdf import OXIGRAPH_FORMATS

OXIGRAPH = OXIGRAPH_FORMATS  # the same format table as the round-trip tests
TEXT_EXTENSIONS = [".ttl", ".nt", ".jsonld", ".nq", ".trig", ".n3", ".hext"]  # XML: below
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

HOSTILE = [
    'say "hello" to \'them\'',
    "<script>alert(1)</script> & <b>",
    "back\\slash \\n \\u0041 \\",
    "new\nline\r\nand\ttab",
    "control \x00\x01\x07\x1b\x7f chars",
    "emoji 👩‍👩‍👧 🇨🇳 🤖",
    "right-to-left: שלום עולם مرحبا \u202e reversed \u200f",
    "x" * 10_000,
    "trailing quote\"",
    '"""triple"""',
    "ends with backslash\\",
    "{braces} |pipe| ^caret^ `tick`",
    "%41 percent %%",
    " leading and trailing spaces ",
    "_underscore_",
    ".",
    "..",
    "@prefix x: <y> .",
    "]]> <!-- -->",
    "\u00a0nbsp\u2028line sep\u2029para",
    "zero\u200bwidth\ufeffbom",
    "e\u0301 combining",
    "º ª µ ordinal",
    "0 leading digit",
]


def _graph(texts: list[str], predicate_texts: list[str] | None = None) -> KnowledgeGraph:
    triples = []
    for i, text in enumerate(texts):
        key = normalize_key(text) or f"empty-{i}"
        predicate = (predicate_texts or texts)[i % len(predicate_texts or texts)] or "p"
        triples.append(make_triple(
            (text, key, "PERSON"), predicate, XU, sentence=f"{text} — {i}", document=text or "d",
            modality=text or None, construction=text,
        ))
    return merge_into(KnowledgeGraph(), triples)


def _labels_survive(path, graph: KnowledgeGraph) -> None:
    loaded = read_rdf(path)
    for key, attrs in graph.nodes(data=True):
        assert loaded.nodes[key] == attrs
    for u, v, k, data in graph.edges(keys=True, data=True):
        assert loaded.edges[u, v, k]["provenance"] == data["provenance"]
        assert loaded.edges[u, v, k]["predicate"] == data["predicate"]


def _oxigraph_labels(path, fmt) -> set[str]:
    return {
        q.object.value
        for q in pyoxigraph.parse(path=str(path), format=OXIGRAPH[fmt])
        if q.predicate.value in (str(RDFS.label), str(SKOS.altLabel))
    }


@pytest.mark.parametrize("extension", TEXT_EXTENSIONS)
def test_hostile_text_round_trips_in_rdflib(tmp_path, extension):
    graph = _graph(HOSTILE)
    path = tmp_path / f"hostile{extension}"
    write_rdf(graph, path)
    _labels_survive(path, graph)


@pytest.mark.parametrize("extension", [e for e in TEXT_EXTENSIONS
                                       if resolve_format(f"x{e}") in OXIGRAPH])
def test_hostile_text_parses_in_pyoxigraph(tmp_path, extension):
    graph = _graph(HOSTILE)
    path = tmp_path / f"hostile{extension}"
    write_rdf(graph, path)
    labels = _oxigraph_labels(path, resolve_format(path))
    expected = {attrs["label"] for _, attrs in graph.nodes(data=True)}
    assert expected <= labels


@pytest.mark.parametrize("extension", [".rdf", ".trix"])
def test_hostile_text_xml_formats_where_xml_allows_it(tmp_path, extension):
    legal = [t for t in HOSTILE if not XML_ILLEGAL.search(t)]
    graph = _graph(legal)
    path = tmp_path / f"hostile{extension}"
    write_rdf(graph, path)
    _labels_survive(path, graph)
    if extension == ".rdf":
        labels = _oxigraph_labels(path, "xml")
        assert {attrs["label"] for _, attrs in graph.nodes(data=True)} <= labels


@pytest.mark.parametrize("fmt", ["xml", "pretty-xml", "trix"])
def test_hostile_text_xml_formats_refuse_what_xml_cannot_carry(tmp_path, fmt):
    graph = _graph(["control \x00 char"])
    path = tmp_path / "bad.xml"
    with pytest.raises(ValueError, match="U\\+0000"):
        write_rdf(graph, path, format=fmt)
    assert not path.exists()


def test_hostile_iris_are_valid_and_distinct():
    keys = {normalize_key(text) or f"k{i}": text for i, text in enumerate(HOSTILE)}
    entities = {entity_iri(key, text) for key, text in keys.items()}
    relations = {relation_iri(text) for text in HOSTILE}
    assert len(entities) == len(keys) and len(relations) == len(set(HOSTILE))
    for iri in entities | relations:
        pyoxigraph.NamedNode(str(iri))
        assert not re.search(r"[\x00-\x20<>\"{}|^`\\]", str(iri))


def test_hostile_label_is_a_plain_literal(tmp_path):
    graph = _graph(HOSTILE)
    rdf = to_rdf(graph)
    for key, attrs in graph.nodes(data=True):
        iri = entity_iri(key, attrs["label"])
        assert rdf.value(iri, RDFS.label) == Literal(attrs["label"])
        assert rdf.value(iri, KGV.key) == Literal(key)


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40
) | st.sampled_from(HOSTILE)


@settings(max_examples=int(os.environ.get("KG_HYPOTHESIS_EXAMPLES", "30")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(texts=st.lists(_text, min_size=1, max_size=4), predicates=st.lists(_text, min_size=1,
                                                                          max_size=2))
def test_property_any_text_round_trips_in_both_engines(tmp_path_factory, texts, predicates):
    graph = _graph(texts, predicates)
    folder = tmp_path_factory.mktemp("prop")
    for extension in (".ttl", ".nt", ".jsonld", ".trig", ".nq"):
        path = folder / f"g{extension}"
        write_rdf(graph, path)
        _labels_survive(path, graph)
        labels = _oxigraph_labels(path, resolve_format(path))
        assert {attrs["label"] for _, attrs in graph.nodes(data=True)} <= labels
    if not any(XML_ILLEGAL.search(t) for t in texts + predicates):
        path = folder / "g.rdf"
        write_rdf(graph, path)
        _labels_survive(path, graph)
        assert {attrs["label"] for _, attrs in graph.nodes(data=True)} <= _oxigraph_labels(
            path, "xml")
