"""RDF export and import of a :class:`~kg.model.KnowledgeGraph`, losslessly, in any format.

One vocabulary table (:mod:`export.rdf.vocabulary`, documented in ``docs/rdf.md``) says what
every entity, relation, fact, statement, mention and document becomes; every writer derives
its output from it, and :func:`read_rdf` reads every attribute row back. The modules, by job:

- :mod:`~export.rdf.iris`: the IRIs kg mints (readable, or hashed when ambiguous);
- :mod:`~export.rdf.vocabulary`: the table;
- :mod:`~export.rdf.formats`: the format registry (name, aliases, extensions -> writer);
- :mod:`~export.rdf.text`: the table compiled to N-Triples, N-Quads and Turtle text;
- :mod:`~export.rdf.terms`: the same as rdflib or pyoxigraph terms; stable rdflib output;
- :mod:`~export.rdf.write`: :func:`write_rdf` and the writers;
- :mod:`~export.rdf.parse`: safe parsing of files from anywhere;
- :mod:`~export.rdf.read`: :func:`read_rdf`, the graph rebuilt from its RDF;
- :mod:`~export.rdf.shards`: gzipped N-Triples shards of parts of a graph.

IRIs are minted deterministically (no blank nodes) and output is ordered, so the same graph
always serialises to the same bytes, also after a round trip through :func:`read_rdf`.

>>> import tempfile, pathlib
>>> from kg.model import Argument, KnowledgeGraph, Provenance, Triple
>>> from kg.merge import merge_into
>>> p = Provenance("d.txt", "Xu Liang met Sora.", 0, 18, "Xu Liang", 0, 8, "Sora", 13, 17,
...                0.9, "svo")
>>> g = merge_into(KnowledgeGraph(), [Triple(Argument("Xu Liang", "xu liang", "PERSON"), "meet",
...                                          Argument("Sora", "sora"), p)])
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.ttl"
>>> write_rdf(g, path)
>>> again = path.with_name("again.ttl")
>>> write_rdf(read_rdf(path), again)
>>> again.read_bytes() == path.read_bytes()
True
"""

from __future__ import annotations

from export.rdf.formats import EXTENSIONS, FORMATS, RdfFormat, register, resolve_format
from export.rdf.iris import (
    DEFAULT_BASE,
    document_iri,
    entity_iri,
    provenance_sort_key,
    relation_iri,
    statement_iri,
)
from export.rdf.parse import (
    _OXIGRAPH_FORMATS,  # noqa: F401 - export.sparql.load looks formats up here
    MAX_RDF_BYTES,
    parse_rdf,
    read_checked,
    reading_format,
)
from export.rdf.read import from_rdf, graph_base, read_rdf
from export.rdf.terms import bind_prefixes, from_ox, generate_rdf, serialize_rdf, to_ox, to_rdf
from export.rdf.text import generate_text
from export.rdf.write import write_rdf

__all__ = [
    "DEFAULT_BASE",
    "MAX_RDF_BYTES",
    "FORMATS",
    "EXTENSIONS",
    "RdfFormat",
    "register",
    "resolve_format",
    "entity_iri",
    "relation_iri",
    "document_iri",
    "statement_iri",
    "provenance_sort_key",
    "generate_text",
    "generate_rdf",
    "to_rdf",
    "to_ox",
    "from_ox",
    "bind_prefixes",
    "serialize_rdf",
    "write_rdf",
    "parse_rdf",
    "read_checked",
    "reading_format",
    "from_rdf",
    "graph_base",
    "read_rdf",
]
