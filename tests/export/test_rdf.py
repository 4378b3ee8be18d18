"""RDF export: vocabulary, lossless round trips in every format, determinism, safe reading."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic, to_isomorphic

from export.namespaces import DCTERMS, KGV, PROV, RDF, RDFS, SCHEMA, SKOS, XSD
from export.rdf import (
    DEFAULT_BASE,
    EXTENSIONS,
    document_iri,
    entity_iri,
    parse_rdf,
    provenance_sort_key,
    read_rdf,
    relation_iri,
    resolve_format,
    to_rdf,
    write_rdf,
)
from kg.errors import GraphReadError
from kg.merge import add_document, merge_into
from kg.model import KnowledgeGraph
from kg.stats import summary

from .conftest import (
    KUAISHOU,
    OPENAI,
    XU,
    build_sample,
    claim_triples,
    make_triple,
    sample_triples,
)

ENT = DEFAULT_BASE + "entity/"
REL = DEFAULT_BASE + "relation/"

#: Every extension kg writes, and whether pyoxigraph (the independent parser) reads it.
ALL_EXTENSIONS = sorted(EXTENSIONS)
OXIGRAPH_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "json-ld": pyoxigraph.RdfFormat.JSON_LD,
    "xml": pyoxigraph.RdfFormat.RDF_XML,
    "nquads": pyoxigraph.RdfFormat.N_QUADS,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "n3": pyoxigraph.RdfFormat.N3,
}


def _edge_dicts(graph: KnowledgeGraph) -> dict:
    return {
        (u, v, k): dict(data, provenance=sorted(data["provenance"], key=provenance_sort_key))
        for u, v, k, data in graph.edges(keys=True, data=True)
    }


def _node_dicts(graph: KnowledgeGraph) -> dict:
    return {key: dict(attrs) for key, attrs in graph.nodes(data=True)}


def _union(rdf) -> Graph:
    graph = Graph()
    for s, p, o, _ in rdf.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def _oxigraph_triples(path: Path, fmt) -> set:
    return {(q.subject, q.predicate, q.object) for q in pyoxigraph.parse(path=str(path), format=fmt)}


# --- vocabulary ------------------------------------------------------------------------------


def test_to_rdf_entities_have_label_aliases_and_classes(sample_graph):
    rdf = to_rdf(sample_graph)
    xu = URIRef(ENT + "Xu_Liang")
    assert (xu, RDFS.label, Literal("Xu Liang")) in rdf
    assert (xu, SKOS.altLabel, Literal("xu liang")) in rdf
    assert (xu, RDF.type, SCHEMA.Person) in rdf
    assert (xu, RDF.type, KGV.Entity) in rdf
    assert (URIRef(ENT + "Kuaishou"), RDF.type, SCHEMA.Organization) in rdf
    assert (URIRef(ENT + "Beijing"), RDF.type, SCHEMA.Place) in rdf
    untyped = URIRef(ENT + "difficulty")
    assert set(rdf.objects(untyped, RDF.type)) == {KGV.Entity}
    label = rdf.value(xu, RDFS.label)
    assert label.language is None and label.datatype is None


def test_to_rdf_relations_and_direct_facts(sample_graph):
    rdf = to_rdf(sample_graph)
    stem = URIRef(REL + "stem_from")
    assert (stem, RDF.type, RDF.Property) in rdf
    assert (stem, RDFS.label, Literal("stem from")) in rdf
    assert (URIRef(ENT + "Xu_Liang"), URIRef(REL + "found"), URIRef(ENT + "Kuaishou")) in rdf
    assert (URIRef(ENT + "difficulty"), stem, URIRef(ENT + "export_control")) in rdf


def test_to_rdf_negated_fact_is_only_a_statement(sample_graph):
    rdf = to_rdf(sample_graph)
    kuaishou, rival, openai = URIRef(ENT + "Kuaishou"), URIRef(REL + "rival"), URIRef(ENT + "OpenAI")
    assert (kuaishou, rival, openai) not in rdf
    statements = set(rdf.subjects(RDF.subject, kuaishou)) & set(rdf.subjects(RDF.object, openai))
    assert len(statements) == 1
    (statement,) = statements
    assert (statement, RDF.type, RDF.Statement) in rdf
    assert (statement, RDF.predicate, rival) in rdf
    assert (statement, KGV.negated, Literal(True)) in rdf


def test_to_rdf_fact_and_its_negation_are_two_statements():
    graph = merge_into(KnowledgeGraph(), [
        make_triple(KUAISHOU, "rival", OPENAI, sentence="Kuaishou rivals OpenAI."),
        make_triple(KUAISHOU, "rival", OPENAI, sentence="Kuaishou does not rival OpenAI.",
                    negated=True),
    ])
    rdf = to_rdf(graph)
    assert len(set(rdf.subjects(RDF.type, RDF.Statement))) == 2
    assert (URIRef(ENT + "Kuaishou"), URIRef(REL + "rival"), URIRef(ENT + "OpenAI")) in rdf


def test_to_rdf_provenance_uses_standard_terms(sample_graph):
    rdf = to_rdf(sample_graph)
    xu, found = URIRef(ENT + "Xu_Liang"), URIRef(REL + "found")
    (statement,) = set(rdf.subjects(RDF.subject, xu)) & set(rdf.subjects(RDF.predicate, found))
    assert rdf.value(statement, KGV["count"]).toPython() == 3
    assert float(rdf.value(statement, KGV.confidence)) == 0.95
    mentions = set(rdf.objects(statement, KGV.mention))
    assert len(mentions) == 3  # the exact duplicate keeps its own mention node
    docs = {rdf.value(m, PROV.wasDerivedFrom) for m in mentions}
    assert docs == {document_iri("news/seed.txt"), document_iri("news/other.txt")}
    sentences = {str(rdf.value(m, KGV.sentence)) for m in mentions}
    assert "xu liang founded Kuaishou in 2011." in sentences
    for m in mentions:
        for prop in (KGV.sentenceStart, KGV.sentenceEnd, KGV.subjectStart, KGV.subjectEnd,
                     KGV.objectStart, KGV.objectEnd):
            assert rdf.value(m, prop).datatype == XSD.integer
        assert rdf.value(m, KGV.construction) is not None
        assert rdf.value(m, KGV.subjectText) is not None


def test_to_rdf_modality_on_mention_and_statement(sample_graph):
    rdf = to_rdf(sample_graph)
    services = entity_iri("chinese generative ai service", "Chinese generative AI services")
    (statement,) = set(rdf.subjects(RDF.subject, services))
    assert rdf.value(statement, KGV.modality) == Literal("could")
    (mention,) = rdf.objects(statement, KGV.mention)
    assert rdf.value(mention, KGV.modality) == Literal("could")


def test_to_rdf_documents_with_hash_source_and_date(sample_graph):
    rdf = to_rdf(sample_graph)
    doc = document_iri("news/seed.txt")
    assert (doc, RDF.type, KGV.Document) in rdf
    assert rdf.value(doc, KGV.sha256) == Literal("a" * 64)
    assert rdf.value(doc, KGV.source) == Literal("corpus/news/seed.txt")
    assert rdf.value(doc, DCTERMS.date) == Literal("2024-02-24", datatype=XSD.date)


def test_to_rdf_no_blank_nodes(sample_graph):
    rdf = to_rdf(sample_graph)
    from rdflib import BNode

    assert not any(isinstance(t, BNode) for triple in rdf for t in triple)


def test_to_rdf_base_is_configurable_and_vocab_is_not(sample_graph):
    rdf = to_rdf(sample_graph, base="https://data.example.com/news#")
    assert (URIRef("https://data.example.com/news#entity/Xu_Liang"), RDF.type, KGV.Entity) in rdf
    assert str(KGV).startswith("https://w3id.org/kg-builder/")


@pytest.mark.parametrize("base", ["http://example.org/kg", "not an iri/", "http://a b/", ""])
def test_to_rdf_bad_base_is_refused(sample_graph, base):
    with pytest.raises(ValueError, match="base"):
        to_rdf(sample_graph, base=base)


# --- IRIs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key,label,expected",
    [
        ("xu liang", "Xu Liang", "Xu_Liang"),
        ("chinese generative ai service", "Chinese generative AI services",
         "chinese_generative_ai_service"),
        ("北京", "北京", "北京"),
        ("a/b", "a/b", "a%2Fb"),
        ("100%", "100%", "100%25"),
    ],
)
def test_entity_iri_readable(key, label, expected):
    assert str(entity_iri(key, label)) == ENT + expected


def test_entity_iri_never_collides():
    keys = ["a b", "a_b", "a  b", "a\tb", "a%20b", "a%5Fb", "a~hb", "", ".", "..", "A b",
            "x" * 10_000, "x" * 10_001, "ab", "a\u200fb", "a\u05d0b", "a", "_", " "]
    iris = {entity_iri(k, k) for k in keys} | {entity_iri(k) for k in keys}
    by_key = {}
    for k in keys:
        for iri in (entity_iri(k, k), entity_iri(k)):
            by_key.setdefault(iri, set()).add(k)
    assert all(len(ks) == 1 for ks in by_key.values()), by_key
    assert len(iris) >= len(keys)
    for iri in iris:
        pyoxigraph.NamedNode(str(iri))  # valid IRI
        assert len(str(iri)) < 200


@pytest.mark.parametrize("predicate", ["stem from", "3d print", "a_b", "über", "a/1", "x" * 500,
                                       "", "be.", "'s"])
def test_relation_iri_ends_in_an_xml_name(predicate):
    iri = str(relation_iri(predicate))
    pyoxigraph.NamedNode(iri)
    from rdflib.namespace import split_uri

    _, local = split_uri(iri)
    import re

    assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", local), local


def test_relation_iri_distinct_predicates_distinct_iris():
    predicates = ["a b", "a_b", "a  b", "A b", "a b ", "a/1", "a%2F1"]
    assert len({relation_iri(p) for p in predicates}) == len(predicates)


# --- claims: who said what -------------------------------------------------------------------


def _claims_graph() -> KnowledgeGraph:
    graph = merge_into(build_sample(), claim_triples())
    graph.nodes["xu liang"].update(alias_rules={"Mr Xu": ["honorific", "surname"]},
                                   honorifics=["Mr"], roles=["Chief Executive"])
    graph.add_node("spokesman@news/other.txt", label="spokesman", forms={"spokesman": 1},
                   types={}, mentions=1, aliases=[], type=None, alias_rules={}, honorifics=[],
                   roles=[], scope="news/other.txt")
    return graph


def _plain(rdf, subject: str, predicate: str, obj: str) -> bool:
    return (URIRef(ENT + subject), URIRef(REL + predicate), URIRef(ENT + obj)) in rdf


def test_to_rdf_claims_are_statements_linked_to_their_speaker():
    rdf = to_rdf(_claims_graph())
    assert not _plain(rdf, "OpenAI", "open_office_in", "Beijing")  # Sam Altman said it
    assert not _plain(rdf, "Kuaishou", "copy", "Sora")  # Kuaishou denied it
    assert _plain(rdf, "Xu_Liang", "found", "Kuaishou")
    said = next(rdf.subjects(KGV.reportedBy, Literal("say")))
    assert rdf.value(said, KGV.attributedTo) == URIRef(ENT + "Sam_Altman")
    assert rdf.value(said, KGV.stance) == Literal("asserted")
    statement = next(rdf.subjects(KGV.mention, said))
    assert rdf.value(statement, KGV.asserted).toPython() is False
    assert rdf.value(statement, KGV.attributedTo) == URIRef(ENT + "Sam_Altman")
    denied = next(rdf.subjects(KGV.stance, Literal("denied")))
    assert rdf.value(denied, KGV.attributedTo) == URIRef(ENT + "Kuaishou")
    xu = URIRef(ENT + "Xu_Liang")
    assert rdf.value(xu, KGV.honorific) == Literal("Mr")
    assert rdf.value(xu, KGV.role) == Literal("Chief Executive")
    assert json.loads(rdf.value(xu, KGV.aliasRules)) == {"Mr Xu": ["honorific", "surname"]}
    scoped = next(rdf.subjects(KGV.key, Literal("spokesman@news/other.txt")))
    assert rdf.value(scoped, KGV.scope) == document_iri("news/other.txt")


def test_assert_claims_asserts_claims_but_never_denials_or_negations(tmp_path):
    graph = _claims_graph()
    path = tmp_path / "graph.ttl"
    write_rdf(graph, path, assert_claims=True)
    rdf = _union(parse_rdf(path))
    assert _plain(rdf, "OpenAI", "open_office_in", "Beijing")
    assert not _plain(rdf, "Kuaishou", "copy", "Sora")
    assert not _plain(rdf, "Kuaishou", "rival", "OpenAI")  # negated
    assert (URIRef(DEFAULT_BASE), KGV.assertsClaims, Literal(True)) in rdf
    loaded = read_rdf(path)
    assert loaded.graph["assert_claims"] is True
    again = tmp_path / "again.ttl"
    write_rdf(loaded, again)  # the graph remembers how it was written
    assert again.read_bytes() == path.read_bytes()
    write_rdf(loaded, again, assert_claims=False)
    assert not _plain(_union(parse_rdf(again)), "OpenAI", "open_office_in", "Beijing")


@pytest.mark.parametrize("extension", [".ttl", ".nq", ".trig", ".jsonld", ".rdf"])
def test_claims_and_identity_attributes_round_trip(tmp_path, extension):
    graph = _claims_graph()
    path = tmp_path / f"graph{extension}"
    write_rdf(graph, path)
    loaded = read_rdf(path)
    assert _node_dicts(loaded) == _node_dicts(graph)
    assert _edge_dicts(loaded) == _edge_dicts(graph)
    records = [p for _, _, d in loaded.edges(data=True) for p in d["provenance"]]
    assert {(p.attributed_to, p.reported_by, p.stance) for p in records if p.reported_by} == {
        ("sam altman", "say", "asserted"), ("kuaishou", "deny", "denied")}
    again = tmp_path / f"again{extension}"
    write_rdf(loaded, again)
    assert again.read_bytes() == path.read_bytes()


def test_identity_rules_of_a_mention_round_trip_in_order(tmp_path):
    from dataclasses import replace

    graph = build_sample()
    data = graph.edges["xu liang", "kuaishou", "found"]
    data["provenance"][0] = replace(data["provenance"][0], subject_rules=("surname", "honorific"),
                                    object_rules=("acronym",), conditional=True)
    path = tmp_path / "graph.nt"
    write_rdf(graph, path)
    assert '"surname+honorific"' in path.read_text(encoding="utf-8")
    assert _edge_dicts(read_rdf(path)) == _edge_dicts(graph)


def test_read_rdf_of_an_older_file_derives_asserted(tmp_path, sample_graph):
    path = tmp_path / "graph.nt"
    write_rdf(sample_graph, path)
    older = [line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
             if "#asserted>" not in line]
    path.write_text("".join(older), encoding="utf-8")
    assert _edge_dicts(read_rdf(path)) == _edge_dicts(sample_graph)


# --- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("extension", ALL_EXTENSIONS)
def test_write_read_round_trip_every_format(tmp_path, sample_graph, extension):
    path = tmp_path / f"graph{extension}"
    write_rdf(sample_graph, path)
    loaded = read_rdf(path)
    assert _node_dicts(loaded) == _node_dicts(sample_graph)
    assert _edge_dicts(loaded) == _edge_dicts(sample_graph)
    assert loaded.documents == sample_graph.documents
    assert summary(loaded) == summary(sample_graph)
    again = tmp_path / f"again{extension}"
    write_rdf(loaded, again)
    assert again.read_bytes() == path.read_bytes()
    assert isomorphic(_union(parse_rdf(path)), _union(parse_rdf(again)))


@pytest.mark.parametrize("extension", [e for e in ALL_EXTENSIONS
                                       if resolve_format(f"x{e}") in OXIGRAPH_FORMATS])
def test_write_rdf_parses_in_pyoxigraph_identically(tmp_path, sample_graph, extension):
    path = tmp_path / f"graph{extension}"
    write_rdf(sample_graph, path)
    ox = _oxigraph_triples(path, OXIGRAPH_FORMATS[resolve_format(path)])
    reference = to_rdf(sample_graph)
    assert len(ox) == len(_union(reference))
    ox_nt = "\n".join(f"{s} {p} {o} ." for s, p, o in ox)
    assert isomorphic(Graph().parse(data=ox_nt, format="nt"), _union(reference))


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_dataset_formats_have_a_named_graph_per_document(tmp_path, sample_graph, fmt):
    path = tmp_path / "graph.data"
    write_rdf(sample_graph, path, format=fmt)
    ox_format = OXIGRAPH_FORMATS[fmt]
    names = {q.graph_name for q in pyoxigraph.parse(path=str(path), format=ox_format)}
    named = {n.value for n in names if isinstance(n, pyoxigraph.NamedNode)}
    assert named == {str(document_iri("news/seed.txt")), str(document_iri("news/other.txt"))}


@pytest.mark.integration  # runs interpreters under other hash seeds
def test_write_rdf_is_deterministic_across_insertion_order_and_hash_seed(tmp_path):
    forward = build_sample()
    backward = KnowledgeGraph()
    for doc in reversed(list(forward.documents.values())):
        add_document(backward, doc)
    merge_into(backward, reversed(sample_triples()))
    for extension in ALL_EXTENSIONS:
        a, b = tmp_path / f"a{extension}", tmp_path / f"b{extension}"
        write_rdf(forward, a)
        write_rdf(backward, b)
        assert a.read_bytes() == b.read_bytes(), extension
    script = (
        "import sys; sys.path.insert(0, 'tests/export');"
        "from conftest import build_sample; from export.rdf import write_rdf;"
        "[write_rdf(build_sample(), sys.argv[1] + e) for e in sys.argv[2:]]"
    )
    root = Path(__file__).resolve().parents[2]
    outputs = []
    for seed in ("1", "2"):
        prefix = str(tmp_path / f"seed{seed}")
        subprocess.run([sys.executable, "-c", script, prefix, *ALL_EXTENSIONS], check=True,
                       cwd=root, env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append([Path(prefix + e).read_bytes() for e in ALL_EXTENSIONS])
    assert outputs[0] == outputs[1]


def test_write_rdf_format_beats_extension(tmp_path, sample_graph):
    path = tmp_path / "graph.txt"
    write_rdf(sample_graph, path, format="nt")
    assert read_rdf(path, format="ntriples").number_of_edges() == sample_graph.number_of_edges()
    with pytest.raises(ValueError, match="extension"):
        write_rdf(sample_graph, tmp_path / "graph.unknown")
    with pytest.raises(ValueError, match="unknown RDF format"):
        write_rdf(sample_graph, path, format="yaml")


def test_write_rdf_is_atomic_on_error(tmp_path, sample_graph):
    path = tmp_path / "graph.rdf"
    path.write_text("previous")
    bad = merge_into(KnowledgeGraph(), [make_triple(XU, "found", ("A\x00B", "a\x00b", None),
                                                     sentence="x")])
    with pytest.raises(ValueError, match="RDF/XML cannot represent"):
        write_rdf(bad, path)
    assert path.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.rdf"]


def test_rdfxml_with_awkward_predicates_parses_in_both_engines(tmp_path):
    predicates = ["3d print", "a/1", "über", "be.", "x_y", "'s", "10"]
    graph = merge_into(KnowledgeGraph(), [
        make_triple(XU, p, KUAISHOU, sentence=f"Xu Liang {p} Kuaishou.") for p in predicates
    ])
    for fmt in ("xml", "pretty-xml"):
        path = tmp_path / f"g-{fmt}.rdf"
        write_rdf(graph, path, format=fmt)
        assert {d["predicate"] for _, _, d in read_rdf(path).edges(data=True)} == set(predicates)
        triples = _oxigraph_triples(path, pyoxigraph.RdfFormat.RDF_XML)
        assert len(triples) == len(_union(to_rdf(graph)))


def test_round_trip_isomorphic_after_build_export_load_export(tmp_path, sample_graph):
    first = tmp_path / "first.ttl"
    write_rdf(sample_graph, first)
    second = tmp_path / "second.ttl"
    write_rdf(read_rdf(first), second)
    one, two = Graph().parse(first), Graph().parse(second)
    assert isomorphic(one, two)
    assert to_isomorphic(one) == to_isomorphic(two)


def test_read_rdf_keeps_custom_base(tmp_path, sample_graph):
    path = tmp_path / "g.ttl"
    write_rdf(sample_graph, path, base="https://data.example.com/kg/")
    loaded = read_rdf(path)
    assert loaded.graph["base"] == "https://data.example.com/kg/"
    assert _node_dicts(loaded) == _node_dicts(sample_graph)


def test_confidence_round_trips_exactly(tmp_path):
    values = [0.1 + 0.2, 1e-7, 0.123456789123456, 1.0, 0.0, 2 / 3]
    graph = merge_into(KnowledgeGraph(), [
        make_triple(XU, f"p{i}", KUAISHOU, confidence=v) for i, v in enumerate(values)
    ])
    for extension in (".ttl", ".nt", ".jsonld", ".rdf", ".trig"):
        path = tmp_path / f"g{extension}"
        write_rdf(graph, path)
        loaded = read_rdf(path)
        assert sorted(d["confidence"] for _, _, d in loaded.edges(data=True)) == sorted(values)


def test_empty_graph_round_trips(tmp_path):
    for extension in ALL_EXTENSIONS:
        path = tmp_path / f"empty{extension}"
        write_rdf(KnowledgeGraph(), path)
        loaded = read_rdf(path)
        assert len(loaded) == 0 and loaded.number_of_edges() == 0


# --- reading RDF kg did not write -------------------------------------------------------------


def test_read_rdf_missing_file(tmp_path):
    with pytest.raises(GraphReadError, match="missing.ttl"):
        read_rdf(tmp_path / "missing.ttl")


@pytest.mark.parametrize(
    "name,text,line",
    [
        ("bad.ttl", "@prefix ex: <http://e.org/> .\nex:a ex:b ex:c .\nex:a ex:b \"unterminated .\n",
         3),
        ("bad.nt", "<http://e.org/a> <http://e.org/b> <http://e.org/c> .\n<http://e.org/a> oops .\n",
         2),
        ("bad.rdf", '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf'
                    '-syntax-ns#">\n<rdf:Description>\n</rdf:RDF>\n', 4),
        ("bad.jsonld", '{\n  "@id": "http://e.org/a",\n  "http://e.org/b": [\n}\n', 4),
        ("bad.trig", "<http://e.org/g> {\n <http://e.org/a> <http://e.org/b> .\n}\n", 2),
    ],
)
def test_read_rdf_malformed_names_file_and_line(tmp_path, name, text, line):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GraphReadError) as info:
        read_rdf(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}:"), message


def test_read_rdf_binary_garbage(tmp_path):
    path = tmp_path / "garbage.ttl"
    path.write_bytes(b"\xff\xfe\x00garbage\x00" * 10)
    with pytest.raises(GraphReadError, match="garbage.ttl"):
        read_rdf(path)


def test_read_rdf_refuses_xml_external_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    for name, payload in [
        ("xxe.rdf", f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM '
                    f'"file://{secret}"> ]>\n'),
        ("xxe-net.rdf", '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM '
                        '"http://127.0.0.1:9/x"> ]>\n'),
        ("xxe-param.rdf", f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY % p SYSTEM '
                          f'"file://{secret}"> %p; ]>\n'),
    ]:
        path = tmp_path / name
        path.write_text(
            payload
            + '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">\n'
            '<rdf:Description rdf:about="http://e.org/x"><rdfs:label>&xxe;</rdfs:label>'
            '</rdf:Description>\n</rdf:RDF>\n'
        )
        with pytest.raises(GraphReadError, match="external entities") as info:
            read_rdf(path)
        assert "TOP-SECRET" not in str(info.value)


def test_rdflib_alone_does_not_resolve_xxe_either(tmp_path):
    """Defence in depth: even bypassing our check, the XML parser does not read the file."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    payload = (
        f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">'
        '<rdf:Description rdf:about="http://e.org/x"><rdfs:label>&xxe;</rdfs:label>'
        '</rdf:Description></rdf:RDF>'
    )
    graph = Graph().parse(data=payload, format="xml")
    assert not any("TOP-SECRET" in str(o) for o in graph.objects())


def test_read_rdf_refuses_remote_jsonld_context(tmp_path):
    path = tmp_path / "remote.jsonld"
    path.write_text(json.dumps({"@context": "http://127.0.0.1:9/context.jsonld",
                                "@id": "http://e.org/a", "name": "x"}))
    with pytest.raises(GraphReadError, match="remote JSON-LD context"):
        read_rdf(path)


def test_read_rdf_refuses_files_over_the_limit(tmp_path, sample_graph, monkeypatch):
    path = tmp_path / "g.ttl"
    write_rdf(sample_graph, path)
    size = path.stat().st_size
    with pytest.raises(GraphReadError, match="limit"):
        read_rdf(path, max_bytes=size - 1)
    monkeypatch.setenv("KG_MAX_RDF_BYTES", str(size - 1))
    with pytest.raises(GraphReadError, match="KG_MAX_RDF_BYTES"):
        read_rdf(path)
    monkeypatch.setenv("KG_MAX_RDF_BYTES", str(size))
    assert read_rdf(path).number_of_edges() == sample_graph.number_of_edges()


def test_read_rdf_huge_sparse_file_is_refused_without_reading(tmp_path):
    path = tmp_path / "huge.nt"
    with open(path, "wb") as handle:  # a sparse 2 GiB file: refused from its size alone
        handle.seek(2 * 1024**3)
        handle.write(b"\n")
    with pytest.raises(GraphReadError, match="more than the limit"):
        read_rdf(path)


def test_read_rdf_foreign_graph_without_kg_terms(tmp_path):
    path = tmp_path / "foreign.ttl"
    path.write_text(
        "@prefix kgv: <https://w3id.org/kg-builder/vocab#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<http://e.org/a> a kgv:Entity ; rdfs:label \"Alpha\" .\n"
        "<http://e.org/b> rdfs:label \"unrelated\" .\n"
    )
    graph = read_rdf(path)
    assert dict(graph.nodes["alpha"]) == {
        "forms": {"Alpha": 1}, "types": {}, "mentions": 1, "label": "Alpha", "aliases": [],
        "type": None, "alias_rules": {}, "honorifics": [], "roles": [], "scope": None,
    }


def test_read_rdf_unknown_extension_or_format_is_a_read_error(tmp_path, sample_graph):
    path = tmp_path / "graph.data"
    write_rdf(sample_graph, path, format="turtle")
    with pytest.raises(GraphReadError, match="graph.data"):
        read_rdf(path)
    with pytest.raises(GraphReadError, match="yaml"):
        read_rdf(path, format="yaml")
    assert read_rdf(path, format="ttl").number_of_edges() == sample_graph.number_of_edges()


@pytest.mark.parametrize("fmt", ["longturtle", "pretty-xml", "n-triples", "json-ld", "rdf/xml"])
def test_write_read_round_trip_formats_by_name(tmp_path, sample_graph, fmt):
    path = tmp_path / "graph.out"
    write_rdf(sample_graph, path, format=fmt)
    loaded = read_rdf(path, format=fmt)
    assert _node_dicts(loaded) == _node_dicts(sample_graph)
    assert _edge_dicts(loaded) == _edge_dicts(sample_graph)
    again = tmp_path / "again.out"
    write_rdf(loaded, again, format=fmt)
    assert again.read_bytes() == path.read_bytes()


def test_kg_load_is_read_rdf(tmp_path, sample_graph):
    import kg

    path = tmp_path / "graph.ttl"
    write_rdf(sample_graph, path)
    assert _edge_dicts(kg.load(path)) == _edge_dicts(sample_graph)
    assert kg.load(path).documents == sample_graph.documents
