"""The streaming writer (export.fast_rdf) writes exactly the RDF of export.rdf.to_rdf."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

import export.fast_rdf as fast_rdf
from export.fast_rdf import (
    generate_nquads,
    generate_ntriples,
    generate_turtle,
    write_fast_rdf,
    write_ntriples_shards,
)
from export.namespaces import SKOS
from export.rdf import to_rdf
from kg.merge import add_document, merge_into
from kg.model import Document, KnowledgeGraph

from .conftest import BEIJING, KUAISHOU, XU, build_sample, make_triple

ROOT = Path(__file__).resolve().parents[2]

#: Strings that break naive writers: quotes, backslashes, line breaks of every kind, control
#: characters, emoji (outside the BMP), right-to-left text and bidi controls, combining marks.
HOSTILE = [
    'say "hi" \\ or \\"not\\"',
    "line one\nline two\r\nthree\ttab",
    "nul\x00 bell\x07 esc\x1b del\x7f unit\x1f",
    "emoji \U0001F600 and flag \U0001F1E8\U0001F1F3 and ZWJ \U0001F469\u200d\U0001F4BB",
    "RTL \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u202eevil\u202c",
    "separators \u2028 \u2029 nel\x85 bom\ufeff",
    "combining e\u0301 vs \u00e9, fullwidth \uff21",
    "\"\"\" triple quotes ''' and <angle> {braces} ^caret `tick` |pipe|",
    "trailing backslash \\",
]


def _hostile_graph() -> KnowledgeGraph:
    graph = KnowledgeGraph()
    add_document(graph, Document('news/"odd" doc\n.txt', "in/odd.txt", "c" * 64, (
        ("date", "2024-02-30"), ("title", HOSTILE[0]), ("author", HOSTILE[4]),
        ("creator", HOSTILE[4]), ("url", "http://example.com/?q=\"x\"")))),
    add_document(graph, Document("\U0001F600/\u05e9.txt", "in/e.txt", "d" * 64,
                                 (("date", "2024-02-24"),)))
    triples = []
    for i, text in enumerate(HOSTILE):
        subject = (f"{text} {i}", f"{text.lower()} {i}", "PERSON" if i % 2 else None)
        obj = (f"Thing {i} {text[:5]}", f"thing {i} {text[:5].lower()}", "ORG")
        document = ('news/"odd" doc\n.txt', "\U0001F600/\u05e9.txt", "unregistered \x01")[i % 3]
        triples.append(make_triple(subject, f"rel {text[:6]}", obj, document=document,
                                   sentence=f"{text} sentence {i}.", start=i * 7,
                                   negated=i % 4 == 3, modality=text[:4] if i % 3 == 1 else None,
                                   confidence=(0.1, 1, 1e-05, 0.333333333333)[i % 4],
                                   construction=text[-5:]))
        # a second, identical mention: two Mention nodes, one fact
        triples.append(triples[-1])
    triples.append(make_triple(XU, "found", KUAISHOU, sentence=HOSTILE[1]))
    triples.append(make_triple(("Xu   Liang", "xu liang", "GPE"), "be in", BEIJING,
                               sentence=HOSTILE[3]))
    return merge_into(graph, triples)


GRAPHS = {"sample": build_sample, "hostile": _hostile_graph, "empty": KnowledgeGraph}


def _expected(graph: KnowledgeGraph, base: str = "http://example.org/kg/") -> Graph:
    union = Graph()
    for s, p, o, _g in to_rdf(graph, base=base).quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _parse(text: str, format: str) -> Graph:
    graph = Graph()
    graph.parse(data=text, format=format)
    return graph


def _via_oxigraph(text: str, format: pyoxigraph.RdfFormat) -> Graph:
    """Parse with pyoxigraph, an independent parser, and hand its triples back to rdflib."""
    triples = list(pyoxigraph.parse(text.encode("utf-8"), format=format))
    data = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert len(set(triples)) == len(_parse(data.decode("utf-8"), "nt"))
    return _parse(data.decode("utf-8"), "nt")


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_generate_ntriples_is_isomorphic_to_to_rdf_in_both_parsers(name):
    graph = GRAPHS[name]()
    text = "".join(generate_ntriples(graph))
    expected = _expected(graph)
    assert isomorphic(_parse(text, "nt"), expected)
    assert isomorphic(_via_oxigraph(text, pyoxigraph.RdfFormat.N_TRIPLES), expected)
    assert all(line.endswith(" .") for line in text.splitlines())


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_generate_turtle_is_isomorphic_to_to_rdf_in_both_parsers(name):
    graph = GRAPHS[name]()
    text = "".join(generate_turtle(graph))
    expected = _expected(graph)
    assert isomorphic(_parse(text, "turtle"), expected)
    assert isomorphic(_via_oxigraph(text, pyoxigraph.RdfFormat.TURTLE), expected)
    assert "kgv:sentence" in text or name == "empty"


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_generate_nquads_keeps_each_documents_named_graph(name):
    graph = GRAPHS[name]()
    dataset = Dataset()
    dataset.parse(data="".join(generate_nquads(graph)), format="nquads")
    expected = to_rdf(graph)

    def quads(ds: Dataset) -> set:
        found = set()
        for s, p, o, g in ds.quads((None, None, None, None)):
            name = getattr(g, "identifier", g)
            found.add((s, p, o, None if name == DATASET_DEFAULT_GRAPH_ID else name))
        return found

    assert quads(dataset) == quads(expected)


def test_custom_base_gives_the_same_iris_as_to_rdf():
    graph = build_sample()
    base = "https://data.example.com/graph#"
    text = "".join(generate_ntriples(graph, base=base))
    assert isomorphic(_parse(text, "nt"), _expected(graph, base))
    with pytest.raises(ValueError, match="base"):
        "".join(generate_ntriples(graph, base="no-slash"))


def test_fast_output_is_deterministic_across_insertion_order(tmp_path):
    graph = _hostile_graph()
    shuffled = KnowledgeGraph()
    for document in reversed(list(graph.documents.values())):
        add_document(shuffled, document)
    edges = list(graph.edges(keys=True, data=True))
    for node, attrs in reversed(list(graph.nodes(data=True))):
        shuffled.add_node(node, **attrs)
    for s, o, k, data in reversed(edges):
        shuffled.add_edge(s, o, key=k, **{**data, "provenance": data["provenance"][::-1]})
    for generate in (generate_ntriples, generate_turtle, generate_nquads):
        assert "".join(generate(graph)) == "".join(generate(shuffled))


def test_fast_output_is_the_same_under_any_hash_seed(tmp_path):
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from tests.export.test_fast_rdf import _hostile_graph\n"
        "from export.fast_rdf import write_fast_rdf\n"
        "write_fast_rdf(_hostile_graph(), sys.argv[2])\n"
    )
    outputs = []
    for seed in ("1", "2"):
        target = tmp_path / f"seed{seed}.ttl"
        subprocess.run(
            [sys.executable, "-c", script, str(ROOT), str(target)],
            check=True, env={"PYTHONHASHSEED": seed, "PATH": ""}, cwd=ROOT,
        )
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("suffix,format", [(".nt", "nt"), (".ttl", "turtle"),
                                           (".nq", "nquads"), (".nt.gz", "nt")])
def test_write_fast_rdf_picks_the_format_from_the_extension(tmp_path, suffix, format):
    graph = build_sample()
    path = tmp_path / f"graph{suffix}"
    write_fast_rdf(graph, path)
    data = path.read_bytes()
    if suffix.endswith(".gz"):
        data = gzip.decompress(data)
    parsed = Dataset()
    parsed.parse(data=data.decode("utf-8"), format=format)
    union = Graph()
    for s, p, o, _g in parsed.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, _expected(graph))


def test_write_fast_rdf_refuses_formats_it_does_not_write(tmp_path):
    with pytest.raises(ValueError, match="json-ld"):
        write_fast_rdf(build_sample(), tmp_path / "graph.jsonld")
    assert not list(tmp_path.iterdir())


def test_write_ntriples_shards_splits_exactly_and_in_order(tmp_path):
    graph = _hostile_graph()
    paths = write_ntriples_shards(graph, tmp_path / "shards", shard_triples=7)
    assert [p.name for p in paths[:2]] == ["part-00000.nt.gz", "part-00001.nt.gz"]
    assert sorted(p.name for p in (tmp_path / "shards").iterdir()) == [p.name for p in paths]
    texts = [gzip.decompress(p.read_bytes()).decode("utf-8") for p in paths]
    assert all(text.count("\n") == 7 for text in texts[:-1])
    assert 1 <= texts[-1].count("\n") <= 7
    assert "".join(texts) == "".join(generate_ntriples(graph))
    merged = Graph()
    for text in texts:
        merged.parse(data=text, format="nt")
    assert isomorphic(merged, _expected(graph))


def test_write_ntriples_shards_names_and_size_options(tmp_path):
    paths = write_ntriples_shards(build_sample(), tmp_path, shard_triples=10**9,
                                  name="w3-{index:03d}.nt.gz", first_index=4)
    assert [p.name for p in paths] == ["w3-004.nt.gz"]
    with pytest.raises(ValueError, match="shard_triples"):
        write_ntriples_shards(build_sample(), tmp_path, shard_triples=0)


def test_changed_vocabulary_falls_back_to_generate_rdf(monkeypatch):
    """If export.rdf's vocabulary and the templates disagree, the output still matches."""
    monkeypatch.setattr(fast_rdf, "_CHECKED", {})
    monkeypatch.setitem(fast_rdf._OTHER_TERMS, "rdfs:label", SKOS.prefLabel)  # a wrong template
    graph = _hostile_graph()
    with pytest.warns(RuntimeWarning, match="vocabulary"):
        text = "".join(generate_ntriples(graph))
    assert isomorphic(_parse(text, "nt"), _expected(graph))
    turtle = "".join(generate_turtle(graph))
    assert isomorphic(_parse(turtle, "turtle"), _expected(graph))


def test_templates_agree_with_generate_rdf():
    """The fast path is in use: a failure here means export.rdf's vocabulary changed."""
    fast_rdf._CHECKED.clear()
    assert fast_rdf._templates_agree("http://example.org/kg/")


def test_output_is_valid_utf8_text():
    text = "".join(generate_ntriples(_hostile_graph()))
    data = text.encode("utf-8")
    assert io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read() == text
    assert "\x00" not in text and "\u2028" not in text and "\x85" not in text


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".nt.gz"])
def test_write_fast_rdf_in_parallel_writes_the_same_bytes(tmp_path, suffix):
    graph = _hostile_graph()
    one, three = tmp_path / f"one{suffix}", tmp_path / f"three{suffix}"
    write_fast_rdf(graph, one)
    write_fast_rdf(graph, three, workers=3)
    assert one.read_bytes() == three.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([one.name, three.name])
    with pytest.raises(ValueError, match="workers"):
        write_fast_rdf(graph, tmp_path / "x.ttl", workers=0)
