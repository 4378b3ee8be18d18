"""What ``kg build`` does, through the library: the settings objects and ``build_outputs``.

The command line only parses its options into ``BuildSettings`` and ``OutputSettings`` and
calls :func:`kg.build_outputs.build_outputs`; these tests hold the library to the command's
bytes and refusals, and the settings objects to the keywords the functions always took.
"""

from __future__ import annotations

from dataclasses import fields

import pytest

from export.outputs import OutputSettings, write_outputs
from extract.budget import Budget
from kg.build import BuildSettings, build_graph
from kg.build_outputs import BuildRefused, build_outputs, dask_settings

from tests.test_cli_safety import _outputs as _files
from tests.test_cli_safety import corpus, kg  # noqa: F401 - fixtures

NO_MODEL = BuildSettings(model="no_such_model")


def test_build_outputs_writes_the_bytes_kg_build_writes(kg, corpus, tmp_path):
    assert kg("build", corpus, "-o", tmp_path / "cli", "-q", "--min-confidence", "0.5",
              "--max-nodes", "3", "--base", "http://example.com/kg/")[0] == 0
    done = build_outputs(
        [corpus], output=tmp_path / "lib", settings=BuildSettings(min_confidence=0.5),
        outputs=OutputSettings(max_nodes=3, base="http://example.com/kg/"),
    )
    assert [p.name for p in done.written] == ["graph.ttl", "graph.html", "triples.jsonl"]
    assert done.report.ok and done.report.documents == 2
    assert done.graph.graph["min_confidence"] == 0.5
    assert _files(tmp_path / "lib") == _files(tmp_path / "cli")


def test_build_outputs_adds_documents_into_a_graph(corpus, tmp_path, nlp):
    graph = tmp_path / "g" / "mine.nt"
    first = build_outputs([corpus / "a.txt"], into=graph, create=True)
    assert first.written == [graph, graph.parent / "graph.html", graph.parent / "triples.jsonl"]
    again = build_outputs([corpus], into=graph)
    assert again.report.documents == 1 and len(again.report.duplicates) == 1
    assert sorted(again.graph.documents) == ["a.txt", "b.txt"]
    assert "Alan Turing" in (graph.parent / "triples.jsonl").read_text(encoding="utf-8")


@pytest.mark.parametrize("request_, message", [
    ({}, "give an output folder with -o, or a graph with --into"),
    ({"output": "OUT", "create": True}, "--create starts the graph named by --into"),
    ({"into": "OUT/none.ttl"}, "no such graph file; to start a new graph there, add --create"),
    ({"into": "OUT/none.ttl", "create": True, "dask": "shards"}, "cannot go --into one"),
])
def test_build_outputs_refuses_before_any_work(corpus, tmp_path, request_, message):
    """The model does not exist: a refusal must come before it is needed."""
    request_ = {key: (str(value).replace("OUT", str(tmp_path / "out"))
                      if isinstance(value, str) and key != "dask" else value)
                for key, value in request_.items()}
    if request_.get("dask") == "shards":
        request_["dask"] = dask_settings(NO_MODEL, collect=False)
    with pytest.raises(BuildRefused, match=message):
        build_outputs([corpus], settings=NO_MODEL, **request_)
    assert not (tmp_path / "out").exists()


def test_build_outputs_refuses_to_drop_documents_or_take_over_outputs(corpus, tmp_path, nlp):
    out = tmp_path / "out"
    build_outputs([corpus], output=out)
    before = _files(out)
    with pytest.raises(BuildRefused, match="this build does not read"):
        build_outputs([corpus / "a.txt"], output=out, settings=NO_MODEL)
    with pytest.raises(BuildRefused, match="are the outputs of"):
        build_outputs([corpus], into=out / "new.ttl", create=True, settings=NO_MODEL)
    assert _files(out) == before
    forced = build_outputs([corpus / "a.txt"], output=out, outputs=OutputSettings(force=True))
    assert sorted(forced.graph.documents) == ["a.txt"]


def test_build_outputs_writes_nothing_when_no_document_is_read(tmp_path, nlp):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "table.csv").write_text("a,b\n")
    done = build_outputs([folder], output=tmp_path / "out")
    assert done.written == [] and not done.graph.documents
    assert not (tmp_path / "out").exists()


def test_build_graph_takes_settings_or_the_same_keywords(corpus, nlp):
    import kg

    by_keywords, _ = kg.build_graph([corpus], nlp=nlp, min_confidence=0.4, budget=None)
    settings = kg.BuildSettings(min_confidence=0.4, budget=None)
    by_settings, _ = kg.build_graph([corpus], nlp=nlp, settings=settings)
    assert by_settings.graph["min_confidence"] == by_keywords.graph["min_confidence"] == 0.4
    assert sorted(by_settings.documents) == sorted(by_keywords.documents) == ["a.txt", "b.txt"]
    assert sorted(by_settings.edges(keys=True)) == sorted(by_keywords.edges(keys=True))
    overridden, _ = build_graph([corpus], nlp=nlp, settings=settings, min_confidence=0.9)
    assert overridden.graph["min_confidence"] == 0.9
    with pytest.raises(TypeError, match="no_such_option"):
        build_graph([corpus], nlp=nlp, no_such_option=1)


def test_write_outputs_takes_settings_or_the_same_keywords(seed_graph, tmp_path):
    write_outputs(seed_graph, tmp_path / "a", rdf_format="nt", max_nodes=5, max_facts=4)
    write_outputs(seed_graph, tmp_path / "b",
                  settings=OutputSettings(rdf_format="nt", max_nodes=5, max_facts=4))
    write_outputs(seed_graph, tmp_path / "c", settings=OutputSettings(rdf_format="nt"),
                  max_nodes=5, max_facts=4)
    assert _files(tmp_path / "a") == _files(tmp_path / "b") == _files(tmp_path / "c")
    write_outputs(seed_graph, tmp_path / "d", settings=OutputSettings(rdf_format="nt"))
    a, d = _files(tmp_path / "a"), _files(tmp_path / "d")
    assert a["graph.ttl"] == d["graph.ttl"] and a["graph.html"] != d["graph.html"]


def test_dask_settings_carry_the_build_and_output_settings():
    budget = Budget(ms_per_token=2.0)
    settings = BuildSettings(model="m", jobs=3, patterns=("*.rst",), extractor="x.v1",
                             progress=True, budget=budget, min_confidence=0.3)
    dask = dask_settings(settings, OutputSettings(base="http://b/", assert_claims=True),
                         workers=4, collect=False)
    assert (dask.model, dask.patterns, dask.extractor, dask.progress, dask.budget,
            dask.min_confidence) == ("m", ("*.rst",), "x.v1", True, budget, 0.3)
    assert (dask.base, dask.assert_claims, dask.workers, dask.collect) == (
        "http://b/", True, 4, False)
    # Every field the two settings share is carried; jobs is the local engine's own.
    shared = {f.name for f in fields(BuildSettings)} & {f.name for f in fields(type(dask))}
    assert shared == {"model", "patterns", "extractor", "progress", "budget", "min_confidence"}
    assert dask_settings(BuildSettings()).base == type(dask)().base
