"""Building the seed article end to end: entities, constructions and provenance."""

from __future__ import annotations

from kg.build import build_graph
from kg.model import Provenance
from tests.data import SEED_ARTICLE, SEEDS


def _find(graph, label: str) -> str:
    keys = [k for k, attrs in graph.nodes(data=True)
            if attrs["label"] == label or label in attrs["aliases"]]
    assert keys, f"no node labelled {label!r}"
    return keys[0]


def test_seed_graph_has_person_xu_liang_and_china(seed_graph):
    xu = _find(seed_graph, "Xu Liang")
    assert seed_graph.nodes[xu]["type"] == "PERSON"
    china = _find(seed_graph, "China")
    assert seed_graph.degree(china) >= 1


def test_seed_graph_uses_at_least_five_constructions(seed_graph):
    constructions = {p.construction for _, _, data in seed_graph.edges(data=True)
                     for p in data["provenance"]}
    assert len(constructions) >= 5, constructions


def test_seed_provenance_points_back_at_the_file(seed_graph):
    texts = {path.name: path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt")}
    records: list[Provenance] = [p for _, _, data in seed_graph.edges(data=True)
                                 for p in data["provenance"]]
    assert {p.document for p in records} == set(texts)
    for p in records:
        text = texts[p.document]
        assert text[p.sentence_start:p.sentence_end] == p.sentence
        assert text[p.subject_start:p.subject_end] == p.subject_text
        assert text[p.object_start:p.object_end] == p.object_text
        assert p.sentence_start <= p.subject_start < p.subject_end <= p.sentence_end
        assert 0.0 < p.confidence <= 1.0


def test_seed_metadata_recorded_not_parsed_as_prose(seed_graph):
    document = seed_graph.documents[SEED_ARTICLE.name]
    assert dict(document.metadata) == {"date": "2024-02-24"}
    for _, _, data in seed_graph.edges(data=True):
        for p in data["provenance"]:
            assert "2024-02-24" not in p.sentence


def test_rebuilding_into_same_graph_adds_nothing(seed_graph, nlp):
    from kg.merge import merge
    from kg.stats import summary

    copy = merge(seed_graph)
    graph, report = build_graph([SEEDS], graph=copy, nlp=nlp)
    assert report.documents == 0 and report.duplicates
    assert summary(graph) == summary(seed_graph)


def test_long_document_is_split_with_correct_offsets(tmp_path, nlp):
    sentence = "Marie Curie discovered polonium in Paris. "
    path = tmp_path / "long.txt"
    path.write_text(sentence * 2500, encoding="utf-8")  # 105,000 characters: two pieces
    graph, report = build_graph([path], nlp=nlp)
    assert report.documents == 1
    text = path.read_text(encoding="utf-8")
    starts = set()
    for _, _, data in graph.edges(data=True):
        for p in data["provenance"]:
            assert text[p.subject_start:p.subject_end] == p.subject_text
            starts.add(p.sentence_start)
    assert max(starts) > 100_000  # the second piece's offsets are the document's
