"""The format registry: every registered format round-trips byte for byte; formats plug in."""

from __future__ import annotations

import subprocess
import sys

import pyoxigraph
import pytest
from rdflib.compare import isomorphic

import export.rdf.formats as formats
from export.rdf import (
    EXTENSIONS,
    FORMATS,
    RdfFormat,
    generate_text,
    read_rdf,
    register,
    resolve_format,
    to_rdf,
    write_rdf,
)
from export.rdf.formats import get_format, get_writer
from kg.model import KnowledgeGraph

from ..conftest import ROOT, SEEDS
from .conftest import build_sample
from .test_rdf_text import _hostile_graph, _oxigraph, _rdflib

#: Every registered format, by its canonical name.
ALL_FORMATS = sorted(set(FORMATS.values()))


def _union_ntriples(graph: KnowledgeGraph) -> str:
    return "".join(generate_text(graph, "nt"))


@pytest.mark.parametrize("name", ALL_FORMATS)
def test_every_format_round_trips_a_built_graph_byte_for_byte(seed_graph, tmp_path, name):
    """write_rdf(read_rdf(built)) is the built file, and an independent parser agrees."""
    built = tmp_path / "built.rdf"
    write_rdf(seed_graph, built, format=name)
    loaded = read_rdf(built, format=name)
    again = tmp_path / "again.rdf"
    write_rdf(loaded, again, format=name)
    assert again.read_bytes() == built.read_bytes()
    assert sorted(loaded.edges(keys=True)) == sorted(seed_graph.edges(keys=True))
    ox_name = get_format(name).oxigraph
    if ox_name is not None:
        text = built.read_bytes().decode("utf-8")
        reference = _rdflib(_union_ntriples(seed_graph), "nt")
        assert isomorphic(_oxigraph(text, getattr(pyoxigraph.RdfFormat, ox_name)), reference)


@pytest.mark.parametrize("name", [n for n in ALL_FORMATS if not get_format(n).xml])
def test_every_format_round_trips_hostile_text_byte_for_byte(tmp_path, name):
    graph = _hostile_graph()
    built, again = tmp_path / "built.rdf", tmp_path / "again.rdf"
    write_rdf(graph, built, format=name)
    write_rdf(read_rdf(built, format=name), again, format=name)
    assert again.read_bytes() == built.read_bytes()


@pytest.mark.integration  # runs kg build as a subprocess
def test_kg_build_writes_the_bytes_write_rdf_writes(seed_graph, tmp_path):
    """docs/rdf.md's promise: the graph kg build writes is the file write_rdf writes of it, and
    of the graph read back."""
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "kg", "build", str(SEEDS), "-o", str(out), "--quiet"],
                   check=True, cwd=ROOT)
    built = (out / "graph.ttl").read_bytes()
    library, again = tmp_path / "library.ttl", tmp_path / "again.ttl"
    write_rdf(seed_graph, library)
    write_rdf(read_rdf(out / "graph.ttl"), again)
    assert library.read_bytes() == built
    assert again.read_bytes() == built


@pytest.fixture
def registry():
    """The registry as it was, restored after the test."""
    saved = (dict(formats._REGISTRY), dict(FORMATS), dict(EXTENSIONS))
    yield
    for target, before in zip((formats._REGISTRY, FORMATS, EXTENSIONS), saved):
        target.clear()
        target.update(before)


def write_sorted_ntriples(graph, handle, *, format, base, **_options):
    """A writer for the test format: N-Triples with the lines sorted."""
    lines = sorted("".join(generate_text(graph, "nt", base=base)).splitlines(keepends=True))
    handle.write("".join(lines).encode("utf-8"))


def test_a_registered_format_is_written_and_read_by_name_and_extension(registry, tmp_path):
    register(RdfFormat("sorted-nt", f"{__name__}:write_sorted_ntriples", (".snt",),
                       ("sorted-ntriples",), oxigraph="N_TRIPLES", lines=True))
    graph = build_sample()
    path = tmp_path / "graph.snt"
    write_rdf(graph, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(_union_ntriples(graph).splitlines()))
    assert resolve_format("x.SNT") == resolve_format(None, "Sorted-NTriples") == "sorted-nt"
    again = tmp_path / "again.data"
    write_rdf(read_rdf(path), again, format="sorted-nt")
    assert again.read_bytes() == path.read_bytes()
    assert isomorphic(_rdflib(path.read_text(encoding="utf-8"), "nt"),
                      _rdflib(_union_ntriples(graph), "nt"))


def test_register_refuses_a_name_or_extension_another_format_has(registry):
    with pytest.raises(ValueError, match="'ttl' is already 'turtle'"):
        register(RdfFormat("other", "export.rdf.write:write_text", aliases=("ttl",)))
    with pytest.raises(ValueError, match="'.nt' is already 'nt'"):
        register(RdfFormat("other", "export.rdf.write:write_text", (".nt",)))
    assert "other" not in FORMATS


def test_writers_are_imported_by_dotted_name():
    assert get_writer("turtle").__name__ == "write_text"
    assert get_writer("json-ld").__name__ == "write_rdflib"
    with pytest.raises(ValueError, match="no RDF format is registered as 'yaml'"):
        get_format("yaml")


def test_to_rdf_holds_the_triples_every_writer_writes():
    graph = build_sample()
    union = _rdflib(_union_ntriples(graph), "nt")
    dataset = to_rdf(graph)
    quads = set(dataset.quads((None, None, None, None)))
    assert len(quads) == len(union)
    assert {(s, p, o) for s, p, o, _graph in quads} == set(union)
    assert isomorphic(_rdflib(dataset.serialize(format="nquads"), "nquads"), union)
