"""The RDF formats kg writes and reads: one registration per format, looked up by name.

As RDFLib's plugin registry, a format is a name bound to the dotted path of the function that
writes it, imported on first use; :func:`export.rdf.write_rdf` looks the name up and never
grows a format switch. Adding a format is one :func:`register` line (plus its writer, if no
existing one fits, and a row in the round-trip test).

>>> resolve_format("out/graph.ttl"), resolve_format("g.data", "N-Quads")
('turtle', 'nquads')
>>> get_format("trig").writer
'export.rdf.write:write_oxigraph'
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Protocol

from kg.model import KnowledgeGraph

__all__ = [
    "RdfFormat",
    "Writer",
    "register",
    "get_format",
    "get_writer",
    "resolve_format",
    "FORMATS",
    "EXTENSIONS",
]


class Writer(Protocol):
    """Writes ``graph`` in format ``format`` to the open binary ``handle``.

    ``workers`` processes may share the work; ``scratch`` is a folder beside the output for
    any temporary files; ``assert_claims`` is :func:`export.rdf.write_rdf`'s option (pass it
    on to :func:`export.rdf.generate_text` or :func:`export.rdf.to_rdf`).
    """

    def __call__(self, graph: KnowledgeGraph, handle: BinaryIO, *, format: str, base: str,
                 workers: int, scratch: Path, assert_claims: bool | None) -> None: ...


@dataclass(frozen=True)
class RdfFormat:
    """One RDF format.

    Attributes:
        name: The canonical name (rdflib's plugin name, which the rdflib writer passes on).
        writer: ``"module:function"`` of its :class:`Writer`.
        extensions: File extensions that mean this format (lower case, with the dot).
        aliases: Other names ``--format`` accepts (compared case-insensitively).
        oxigraph: pyoxigraph's ``RdfFormat`` member of the same syntax, when pyoxigraph reads
            it (read_rdf then parses with pyoxigraph, much faster than rdflib).
        dataset: Has named graphs (each document's mentions sit in their document's graph).
        xml: XML-based: cannot carry most control characters; XML safety checks on reading.
        lines: One statement per line (rdflib's output of it is sorted by line).
    """

    name: str
    writer: str
    extensions: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    oxigraph: str | None = None
    dataset: bool = False
    xml: bool = False
    lines: bool = False


_REGISTRY: dict[str, RdfFormat] = {}

#: Every accepted format name and alias -> canonical name.
FORMATS: dict[str, str] = {}

#: File extension -> canonical format name.
EXTENSIONS: dict[str, str] = {}


def register(rdf_format: RdfFormat) -> None:
    """Make ``rdf_format`` writable and readable by its name, aliases and extensions.

    Raises:
        ValueError: A name, alias or extension another format already has.
    """
    names = [rdf_format.name, *rdf_format.aliases]
    for name in names:
        if FORMATS.get(name, rdf_format.name) != rdf_format.name:
            raise ValueError(f"RDF format name {name!r} is already {FORMATS[name]!r}")
    for extension in rdf_format.extensions:
        if EXTENSIONS.get(extension, rdf_format.name) != rdf_format.name:
            raise ValueError(f"extension {extension!r} is already {EXTENSIONS[extension]!r}")
    _REGISTRY[rdf_format.name] = rdf_format
    FORMATS.update(dict.fromkeys(names, rdf_format.name))
    EXTENSIONS.update(dict.fromkeys(rdf_format.extensions, rdf_format.name))


def get_format(name: str) -> RdfFormat:
    """The registered format with canonical ``name`` (see :func:`resolve_format`).

    Raises:
        ValueError: No format has that name.
    """
    found = _REGISTRY.get(name)
    if found is None:
        raise ValueError(f"no RDF format is registered as {name!r}")
    return found


def get_writer(name: str) -> Callable[..., None]:
    """The writer function of format ``name``, imported now."""
    module, _, function = get_format(name).writer.partition(":")
    return getattr(importlib.import_module(module), function)


def resolve_format(path: str | os.PathLike[str] | None, format: str | None = None) -> str:
    """The canonical name of ``format``, or of the format the extension of ``path`` means.

    Raises:
        ValueError: The format name or the extension is not an RDF format kg knows.
    """
    if format:
        name = FORMATS.get(format.strip().lower())
        if name is None:
            raise ValueError(
                f"unknown RDF format {format!r}; choose one of {', '.join(sorted(FORMATS))}"
            )
        return name
    suffix = Path(path).suffix.lower() if path is not None else ""
    name = EXTENSIONS.get(suffix)
    if name is None:
        raise ValueError(
            f"cannot tell the RDF format of {str(path)!r} from its extension {suffix!r}; "
            f"use one of {', '.join(sorted(EXTENSIONS))} or give a format"
        )
    return name


_TEXT, _RDFLIB, _OXIGRAPH = (f"export.rdf.write:{name}" for name in
                             ("write_text", "write_rdflib", "write_oxigraph"))

register(RdfFormat("turtle", _TEXT, (".ttl", ".turtle"), ("ttl",), oxigraph="TURTLE"))
register(RdfFormat("longturtle", _RDFLIB, oxigraph="TURTLE"))
register(RdfFormat("nt", _TEXT, (".nt", ".ntriples"), ("ntriples", "n-triples", "nt11"),
                   oxigraph="N_TRIPLES", lines=True))
register(RdfFormat("json-ld", _RDFLIB, (".jsonld", ".json"), ("jsonld",), oxigraph="JSON_LD"))
register(RdfFormat("xml", _RDFLIB, (".rdf", ".xml", ".owl"), ("rdf/xml", "rdfxml", "rdf"),
                   oxigraph="RDF_XML", xml=True))
register(RdfFormat("pretty-xml", _RDFLIB, oxigraph="RDF_XML", xml=True))
register(RdfFormat("nquads", _TEXT, (".nq", ".nquads"), ("n-quads", "nq"), oxigraph="N_QUADS",
                   dataset=True, lines=True))
register(RdfFormat("trig", _OXIGRAPH, (".trig",), oxigraph="TRIG", dataset=True))
register(RdfFormat("trix", _RDFLIB, (".trix",), dataset=True, xml=True))
register(RdfFormat("n3", _RDFLIB, (".n3",), oxigraph="N3"))
register(RdfFormat("hext", _RDFLIB, (".hext",), dataset=True, lines=True))
