"""The text writer: N-Triples, N-Quads and Turtle of the same triples, deterministically."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
import warnings
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from export.rdf import document_iri, generate_text, write_rdf
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


def _text(graph: KnowledgeGraph, syntax: str, **options) -> str:
    return "".join(generate_text(graph, syntax, **options))


def _rdflib(text: str, format: str) -> Graph:
    """The triples of ``text`` parsed by rdflib (named graphs flattened)."""
    dataset = Dataset()
    with warnings.catch_warnings():  # rdflib's N-Quads parser calls its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.parse(data=text, format=format)
    union = Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _oxigraph(text: str, format: pyoxigraph.RdfFormat) -> Graph:
    """The triples of ``text`` parsed by pyoxigraph, an independent parser, then handed to
    rdflib as N-Triples for the comparison."""
    quads = pyoxigraph.parse(text.encode("utf-8"), format=format)
    triples = {pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in quads}
    data = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return _rdflib(data.decode("utf-8"), "nt")


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_every_syntax_writes_the_same_triples_in_both_parsers(name):
    graph = GRAPHS[name]()
    ntriples = _text(graph, "nt")
    reference = _rdflib(ntriples, "nt")
    assert len(reference) == len(set(ntriples.splitlines()))  # one triple a line
    assert isomorphic(_oxigraph(ntriples, pyoxigraph.RdfFormat.N_TRIPLES), reference)
    for syntax, ox_format in (("turtle", pyoxigraph.RdfFormat.TURTLE),
                              ("nquads", pyoxigraph.RdfFormat.N_QUADS)):
        text = _text(graph, syntax)
        assert isomorphic(_rdflib(text, syntax), reference), syntax
        assert isomorphic(_oxigraph(text, ox_format), reference), syntax


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_nquads_puts_each_mention_in_its_documents_graph(name):
    graph = GRAPHS[name]()
    quads = list(pyoxigraph.parse(_text(graph, "nquads").encode(), format=pyoxigraph.RdfFormat.N_QUADS))
    mention_documents = {
        q.subject.value: q.object.value for q in quads
        if q.predicate.value == "http://www.w3.org/ns/prov#wasDerivedFrom"
        and "/mention/" in q.subject.value
    }
    for quad in quads:
        is_mention = "/mention/" in quad.subject.value
        if isinstance(quad.graph_name, pyoxigraph.DefaultGraph):
            assert not is_mention
        else:
            assert is_mention and quad.graph_name.value == mention_documents[quad.subject.value]
    documents = {p.document for _, _, data in graph.edges(data=True) for p in data["provenance"]}
    assert set(mention_documents.values()) == {str(document_iri(d)) for d in documents}


def test_turtle_prefixes_the_vocabulary_and_writes_data_iris_in_full():
    text = _text(build_sample(), "turtle")
    assert text.startswith("@prefix kgv: <https://w3id.org/kg-builder/vocab#> .\n")
    assert "<http://example.org/kg/entity/Xu_Liang> a kgv:Entity, " not in text  # one per line
    assert "<http://example.org/kg/entity/Xu_Liang> a kgv:Entity ;\n    a schema:Person ;" in text
    assert '"0.9"^^xsd:decimal' in text and "ent:Xu_Liang" not in text


def test_custom_base_moves_every_data_iri():
    graph = build_sample()
    base = "https://data.example.com/graph#"
    reference = _rdflib(_text(graph, "nt"), "nt")
    moved = _rdflib(_text(graph, "nt", base=base), "nt")
    assert len(moved) == len(reference)
    default = "http://example.org/kg/"
    assert not any(default in str(term) for triple in moved for term in triple)
    assert any(str(s).startswith(base + "entity/") for s in moved.subjects())
    with pytest.raises(ValueError, match="base"):
        _text(graph, "nt", base="no-slash")


def test_text_is_deterministic_across_insertion_order():
    graph = _hostile_graph()
    shuffled = KnowledgeGraph()
    for document in reversed(list(graph.documents.values())):
        add_document(shuffled, document)
    edges = list(graph.edges(keys=True, data=True))
    for node, attrs in reversed(list(graph.nodes(data=True))):
        shuffled.add_node(node, **attrs)
    for s, o, k, data in reversed(edges):
        shuffled.add_edge(s, o, key=k, **{**data, "provenance": data["provenance"][::-1]})
    for syntax in ("nt", "turtle", "nquads"):
        assert _text(graph, syntax) == _text(shuffled, syntax)


@pytest.mark.integration  # runs interpreters under other hash seeds
def test_text_is_the_same_under_any_hash_seed(tmp_path):
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from tests.export.test_rdf_text import _hostile_graph\n"
        "from export.rdf import write_rdf\n"
        "write_rdf(_hostile_graph(), sys.argv[2])\n"
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


def test_output_is_valid_utf8_with_every_control_character_escaped():
    text = _text(_hostile_graph(), "nt")
    data = text.encode("utf-8")
    assert io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read() == text
    assert "\x00" not in text and "\u2028" not in text and "\x85" not in text
    assert all(line.endswith(" .") for line in text.splitlines())


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq"])
def test_parallel_workers_write_the_same_bytes(tmp_path, suffix):
    graph = _hostile_graph()
    one, three = tmp_path / f"one{suffix}", tmp_path / f"three{suffix}"
    write_rdf(graph, one)
    write_rdf(graph, three, workers=3)
    assert one.read_bytes() == three.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([one.name, three.name])
    with pytest.raises(ValueError, match="workers"):
        write_rdf(graph, tmp_path / "x.ttl", workers=0)


@pytest.mark.parametrize("suffix", [".nt", ".ttl", ".jsonld", ".trig"])
def test_a_gz_suffix_compresses_the_same_bytes(tmp_path, suffix):
    graph = build_sample()
    plain, packed = tmp_path / f"g{suffix}", tmp_path / f"g{suffix}.gz"
    write_rdf(graph, plain)
    write_rdf(graph, packed)
    assert gzip.decompress(packed.read_bytes()) == plain.read_bytes()
    again = tmp_path / f"again{suffix}.gz"
    write_rdf(graph, again)
    assert again.read_bytes() == packed.read_bytes()  # no time in the gzip header
