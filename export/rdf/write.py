"""Write a graph as RDF: :func:`write_rdf` picks the writer of the format from the registry.

Three writers serve every registered format, all from the one vocabulary table:

- :func:`write_text` streams N-Triples, N-Quads and Turtle text (:mod:`export.rdf.text`),
  in constant memory beside the graph, in ``workers`` forked processes for big graphs;
- :func:`write_oxigraph` has pyoxigraph serialise the sorted quads (TriG);
- :func:`write_rdflib` hands a sorted rdflib dataset to rdflib's serialiser of the format
  (JSON-LD, RDF/XML, TriX, N3, HexTuples, long Turtle).

Every output is deterministic, so a graph read back with :func:`export.rdf.read_rdf` is
written again to exactly the same bytes.
"""

from __future__ import annotations

import gzip
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import BinaryIO, Iterable

import pyoxigraph as ox

from export.namespaces import prefixes
from export.rdf.formats import get_format, get_writer, resolve_format
from export.rdf.iris import DEFAULT_BASE, check_base
from export.rdf.terms import oxigraph_quads, serialize_rdf, to_rdf
from export.rdf.text import generate_text
from kg.io import atomic_open
from kg.model import KnowledgeGraph

__all__ = ["write_rdf", "write_text", "write_oxigraph", "write_rdflib"]


def write_rdf(
    graph: KnowledgeGraph,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    base: str = DEFAULT_BASE,
    workers: int = 1,
    assert_claims: bool | None = None,
) -> None:
    """Write ``graph`` as RDF to ``path`` atomically; the same graph gives the same bytes.

    Args:
        graph: The knowledge graph.
        path: Output file; its extension picks the format when ``format`` is None. A ``.gz``
            suffix compresses (the format then comes from the extension before it).
        format: A registered format name or alias (``turtle``, ``nt``, ``nquads``,
            ``json-ld``, ``xml``, ``trig``, ``trix``, ``n3``, ``hext``, ...; see
            :data:`export.rdf.FORMATS`).
        base: Base IRI of the data.
        workers: Processes that may write parts of the file at once (the streaming text
            formats, forked so they share the graph); the bytes are the same for any number.
        assert_claims: Also write as plain ``subject relation object`` triples the facts the
            text attributes to someone or states under a modal or a condition (never negated
            facts, nor facts every mention denies or questions), and record that on the graph
            node; None does as the graph was read (:func:`export.rdf.read_rdf` keeps it),
            else False: only facts the text asserts in its own voice.

    Raises:
        ValueError: Unknown format or extension, bad base or ``workers``, or text RDF/XML
            cannot carry.

    >>> import tempfile, pathlib
    >>> from kg.model import KnowledgeGraph
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "graph.nt"
    >>> write_rdf(KnowledgeGraph(), target)
    >>> print(target.read_text(), end="")
    <http://example.org/kg/> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kg-builder/vocab#KnowledgeGraph> .
    <http://example.org/kg/> <https://w3id.org/kg-builder/vocab#minConfidence> "0.89"^^<http://www.w3.org/2001/XMLSchema#decimal> .
    """
    compress = str(path).endswith(".gz")
    name = resolve_format(str(path)[:-3] if compress and format is None else path, format)
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    base = check_base(base)
    writer = get_writer(name)
    with atomic_open(path, "wb") as raw:
        handle: BinaryIO = raw
        if compress:
            handle = gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0)  # type: ignore
        try:
            writer(graph, handle, format=name, base=base, workers=workers,
                   scratch=Path(path).parent, assert_claims=assert_claims)
        finally:
            if compress:
                handle.close()


# --------------------------------------------------------------------------------------------
# the writers (registered by name in export.rdf.formats)


def write_text(graph: KnowledgeGraph, handle: BinaryIO, *, format: str, base: str,
               workers: int = 1, scratch: Path | None = None,
               assert_claims: bool | None = None) -> None:
    """Stream the N-Triples, N-Quads or Turtle text of ``graph`` to ``handle``.

    With ``workers`` > 1 (where processes can be forked), each process writes a consecutive
    part to a file in ``scratch``, then the parts are copied in order.
    """
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        _write_parts(handle, graph, format, base, workers, scratch or Path(tempfile.gettempdir()),
                     assert_claims)
    else:
        _write_chunks(handle, generate_text(graph, format, base=base,
                                            assert_claims=assert_claims))


def write_oxigraph(graph: KnowledgeGraph, handle: BinaryIO, *, format: str, base: str,
                   assert_claims: bool | None = None, **_options: object) -> None:
    """Have pyoxigraph serialise the sorted quads of ``graph`` (prefixes declared)."""
    quads = sorted(set(oxigraph_quads(graph, base=base, assert_claims=assert_claims)),
                   key=_quad_key)
    # the "kg" prefix would make pyoxigraph write kg:statement\/...; full IRIs read better
    names = {name: str(ns) for name, ns in prefixes(base).items() if name != "kg"}
    rdf_format = getattr(ox.RdfFormat, get_format(format).oxigraph or "")
    handle.write(ox.serialize(quads, format=rdf_format, prefixes=names))


def write_rdflib(graph: KnowledgeGraph, handle: BinaryIO, *, format: str, base: str,
                 assert_claims: bool | None = None, **_options: object) -> None:
    """Serialise ``graph`` with rdflib's plugin for ``format``, from sorted input."""
    handle.write(serialize_rdf(to_rdf(graph, base=base, assert_claims=assert_claims), format))


def _term_key(term: object) -> tuple[str, ...]:
    """Terms in the order of kind (literals before IRIs), text, datatype, language."""
    if isinstance(term, ox.NamedNode):
        return ("URIRef", term.value, "", "")
    if isinstance(term, ox.Literal):
        datatype = "" if term.language else term.datatype.value
        return ("Literal", term.value, "" if datatype == _XSD_STRING else datatype,
                term.language or "")
    if isinstance(term, ox.DefaultGraph):
        return ("",)
    raise TypeError(f"kg exports never contain {term!r}")  # pragma: no cover


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _quad_key(quad: ox.Quad) -> tuple:
    return (_term_key(quad.graph_name), _term_key(quad.subject), _term_key(quad.predicate),
            _term_key(quad.object))


#: What forked part writers need, set just before they are forked (never pickled).
_PART_JOB: dict[str, tuple] = {}


def _write_part(index: int) -> str:
    graph, syntax, base, parts, folder, claims = _PART_JOB["job"]
    path = os.path.join(folder, f"part-{index:05d}")
    with open(path, "wb") as handle:
        _write_chunks(handle, generate_text(graph, syntax, base=base, part=(index, parts),
                                            assert_claims=claims))
    return path


def _write_parts(handle: BinaryIO, graph: KnowledgeGraph, syntax: str, base: str, parts: int,
                 near: Path, assert_claims: bool | None) -> None:
    """Write ``parts`` consecutive parts in forked processes, then copy them in order."""
    folder = tempfile.mkdtemp(prefix=".kg-parts-", dir=near)
    _PART_JOB["job"] = (graph, syntax, base, parts, folder, assert_claims)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=parts, mp_context=context) as pool:
            paths = list(pool.map(_write_part, range(parts)))
        for path in paths:
            with open(path, "rb") as part:
                shutil.copyfileobj(part, handle, 1 << 20)
            os.unlink(path)
    finally:
        _PART_JOB.clear()
        shutil.rmtree(folder, ignore_errors=True)


def _write_chunks(handle: BinaryIO, chunks: Iterable[str], size: int = 1 << 20) -> None:
    """Write text chunks as UTF-8, about ``size`` characters at a time."""
    buffer: list[str] = []
    held = 0
    for chunk in chunks:
        buffer.append(chunk)
        held += len(chunk)
        if held >= size:
            handle.write("".join(buffer).encode("utf-8"))
            buffer, held = [], 0
    if buffer:
        handle.write("".join(buffer).encode("utf-8"))
