"""The SPARQL examples of docs/identity.md answer what the page says, in both engines, on a
graph built with the real model from two small articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from export.sparql import ENGINES, run_query
from export.rdf import write_rdf

ROOT = Path(__file__).resolve().parents[2]
QUERIES = re.findall(r"```sparql\n(.*?)```",
                     (ROOT / "docs" / "identity.md").read_text(encoding="utf-8"), re.DOTALL)
ARTICLES = {
    "tampa.txt": "Yasser Arafat spoke in Ramallah. Later Mr Arafat met envoys. Asylum seekers "
                 "arrived on Christmas Island.",
    "woomera.txt": "Asylum seekers sewed their lips together at Woomera.",
}


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    from kg.build import build_graph

    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    graph, _report = build_graph([folder])
    path = folder / "graph.ttl"
    write_rdf(graph, path)
    return path


def _rows(path: Path, query: str, engine: str) -> set[tuple[str, ...]]:
    return {tuple(str(value) for value in row) for row in run_query(path, query,
                                                                     engine=engine).rows}


def test_the_page_has_both_examples():
    assert len(QUERIES) == 2


@pytest.mark.parametrize("engine", ENGINES)
def test_which_rule_made_a_form_a_node(graph_file, engine):
    rows = _rows(graph_file, QUERIES[1], engine)
    assert any(label == "Yasser Arafat" and form == "Mr Arafat" and "surname" in rules
               for label, form, rules in rows), rows


@pytest.mark.parametrize("engine", ENGINES)
def test_a_plural_kind_is_one_node_per_article_joined_by_label(graph_file, engine):
    rows = _rows(graph_file, QUERIES[0], engine)
    assert ("asylum seekers", "2") in rows  # one node per article, two articles
    assert all(int(articles) >= 1 for _kind, articles in rows)
