"""Parse RDF files from anywhere, safely: size limit, no XML entities, no remote JSON-LD.

Nothing here fetches from the network or reads another file: files over the limit are refused
before reading, XML external entities and external DTDs are refused, and so is JSON-LD that
names a remote ``@context``. A syntax error names the file and, where a parser says, the line.
pyoxigraph parses every format it knows (much faster than rdflib); rdflib parses the others.
"""

from __future__ import annotations

import json
import os
import re
import warnings
from pathlib import Path
from typing import Any, Iterator

import pyoxigraph as ox
from rdflib import Dataset
from rdflib.term import Node

from export.rdf.formats import _REGISTRY, get_format, resolve_format
from export.rdf.terms import from_ox
from kg.errors import GraphReadError

__all__ = [
    "MAX_RDF_BYTES",
    "reading_format",
    "read_checked",
    "parse_rdf",
    "parse_oxigraph",
    "TripleIndex",
]

#: Largest RDF file :func:`export.rdf.read_rdf` accepts, in bytes (environment:
#: ``KG_MAX_RDF_BYTES``).
MAX_RDF_BYTES = 1 << 30

_EXTERNAL_ENTITY = re.compile(
    rb"<!ENTITY\s+(?:%\s*)?[^\s>]+\s+(?:SYSTEM|PUBLIC)\b|<!DOCTYPE\s+[^\s>\[]+\s+(?:SYSTEM|PUBLIC)\b"
)
_POSITION = re.compile(r"\bline[: ]+(\d+)|\bat (\d+):\d+|\blines? (\d+)", re.IGNORECASE)


def oxigraph_format(name: str) -> Any:
    """pyoxigraph's ``RdfFormat`` for registered format ``name``, or None if it has none."""
    member = get_format(name).oxigraph
    return getattr(ox.RdfFormat, member) if member else None


def _max_bytes(max_bytes: int | None) -> int:
    if max_bytes is not None:
        return max_bytes
    env = os.environ.get("KG_MAX_RDF_BYTES")
    if env:
        try:
            return int(env)
        except ValueError:
            raise ValueError(f"KG_MAX_RDF_BYTES must be a number of bytes, not {env!r}") from None
    return MAX_RDF_BYTES


def _line_of(err: BaseException) -> int | None:
    for attr in ("lineno", "line"):
        value = getattr(err, attr, None)
        if isinstance(value, int):
            return value
    getter = getattr(err, "getLineNumber", None)
    if callable(getter):
        try:
            return int(getter())
        except Exception:  # noqa: BLE001 - best effort only
            return None
    found = _POSITION.search(str(err))
    if found:
        return int(next(g for g in found.groups() if g))
    return None


def _locate(data: bytes, name: str) -> tuple[int | None, str]:
    """Ask pyoxigraph, an independent parser, where ``data`` goes wrong."""
    rdf_format = oxigraph_format(name)
    if rdf_format is None:
        return None, ""
    try:
        for _ in ox.parse(data, format=rdf_format):
            pass
    except SyntaxError as err:
        return _line_of(err), str(err)
    except Exception:  # noqa: BLE001 - only used to improve a message
        return None, ""
    return None, ""


def _refuse_remote(value: Any, path: str) -> None:
    """Refuse JSON-LD that would make rdflib fetch a context (network or local file)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("@context", "@import"):
                contexts = item if isinstance(item, list) else [item]
                for context in contexts:
                    if isinstance(context, str):
                        raise GraphReadError(
                            f"{path}: refusing to fetch the remote JSON-LD context {context!r}; "
                            f"inline the context instead"
                        )
                    _refuse_remote(context, path)
            else:
                _refuse_remote(item, path)
    elif isinstance(value, list):
        for item in value:
            _refuse_remote(item, path)


def reading_format(path: str | os.PathLike[str], format: str | None = None) -> str:
    """:func:`resolve_format` for a file to read: a bad name or extension is a GraphReadError."""
    try:
        return resolve_format(path, format)
    except ValueError as err:
        raise GraphReadError(f"{path}: {err}") from err


def read_checked(
    path: str | os.PathLike[str], format: str, *, max_bytes: int | None = None
) -> bytes:
    """The bytes of an RDF file in registered ``format``, after the safety checks.

    Raises:
        GraphReadError: Missing or unreadable file, over the size limit, XML with external
            entities, or JSON-LD naming a remote context.
    """
    shown = str(path)
    limit = _max_bytes(max_bytes)
    try:
        size = os.stat(path).st_size
    except OSError as err:
        raise GraphReadError(f"{shown}: cannot read the graph ({err.strerror})") from err
    if size > limit:
        raise GraphReadError(
            f"{shown}: the file is {size:,} bytes, more than the limit of {limit:,} bytes; "
            f"raise it with KG_MAX_RDF_BYTES (or max_bytes=) if you trust the file"
        )
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise GraphReadError(f"{shown}: cannot read the graph ({err.strerror})") from err
    if len(data) > limit:
        raise GraphReadError(f"{shown}: the file grew beyond the limit of {limit:,} bytes")
    if get_format(format).xml and _EXTERNAL_ENTITY.search(data):
        raise GraphReadError(
            f"{shown}: refusing XML with external entities or an external DTD "
            f"(they could read local files or the network)"
        )
    if format == "json-ld":
        try:
            _refuse_remote(json.loads(data), shown)
        except ValueError as err:  # json.JSONDecodeError, UnicodeDecodeError
            line = getattr(err, "lineno", None)
            raise GraphReadError(f"{shown}:{line}: malformed JSON-LD: {err}") from err
    return data


def parse_rdf(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    max_bytes: int | None = None,
) -> Dataset:
    """Parse an RDF file safely with rdflib into a ``Dataset`` (default graph = union).

    Safe for files from anywhere: files over ``max_bytes`` (default :data:`MAX_RDF_BYTES`, or
    ``KG_MAX_RDF_BYTES``) are refused before reading, XML external entities and remote
    JSON-LD contexts are refused, and nothing is fetched from the network.

    Raises:
        GraphReadError: Missing, too big, unsafe or malformed file; the message names the file
            and, for syntax errors, the line. Also raised for an unknown format or extension.
    """
    name = reading_format(path, format)
    data = read_checked(path, name, max_bytes=max_bytes)
    shown = str(path)
    dataset = Dataset(default_union=True)
    try:
        with warnings.catch_warnings():  # rdflib's parsers still call its deprecated APIs
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset.parse(data=data, format=name, publicID=Path(path).resolve().as_uri())
    except Exception as err:  # rdflib raises many unrelated types for bad syntax
        line, located = _locate(data, name)
        if line is None:
            line = _line_of(err)
        detail = str(err).strip()
        message = located or (detail.splitlines()[0] if detail else type(err).__name__)
        where = f"{shown}:{line}" if line is not None else shown
        raise GraphReadError(f"{where}: malformed {name} RDF: {message}") from err
    return dataset


class TripleIndex:
    """The two lookups :func:`export.rdf.from_rdf` needs (as rdflib's ``Graph`` has them),
    over triples parsed by pyoxigraph; duplicate triples (from named graphs) count once."""

    def __init__(self) -> None:
        self._objects: dict[tuple[Node, Node], list[Node]] = {}
        self._subjects: dict[tuple[Node, Node], list[Node]] = {}

    def add(self, s: Node, p: Node, o: Node) -> None:
        self._objects.setdefault((s, p), []).append(o)
        self._subjects.setdefault((p, o), []).append(s)

    def objects(self, subject: Node, predicate: Node) -> Iterator[Node]:
        return iter(self._objects.get((subject, predicate), ()))

    def subjects(self, predicate: Node, obj: Node) -> Iterator[Node]:
        return iter(self._subjects.get((predicate, obj), ()))


def parse_oxigraph(
    path: str | os.PathLike[str], *, format: str | None = None, max_bytes: int | None = None
) -> TripleIndex | Dataset:
    """Parse an RDF file safely into a :class:`TripleIndex` with pyoxigraph (formats it does
    not read: into a ``Dataset`` with rdflib, as :func:`parse_rdf`).

    Raises:
        GraphReadError: See :func:`parse_rdf`.
    """
    name = reading_format(path, format)
    rdf_format = oxigraph_format(name)
    if rdf_format is None:
        return parse_rdf(path, format=name, max_bytes=max_bytes)
    data = read_checked(path, name, max_bytes=max_bytes)
    terms: dict[Any, Node] = {}
    index = TripleIndex()
    seen: set = set()
    try:
        for quad in ox.parse(data, format=rdf_format, base_iri=Path(path).resolve().as_uri()):
            triple = (quad.subject, quad.predicate, quad.object)
            if triple in seen:
                continue
            seen.add(triple)
            index.add(*(from_ox(term, terms) for term in triple))
    except (SyntaxError, ValueError) as err:
        line = _line_of(err)
        if line is None:  # pyoxigraph gave no position (RDF/XML): rdflib's parser may
            parse_rdf(path, format=name, max_bytes=max_bytes)
        where = f"{path}:{line}" if line is not None else str(path)
        detail = " ".join(str(err).split())
        raise GraphReadError(f"{where}: malformed {name} RDF: {detail}") from err
    except TypeError as err:  # from_ox: a term kg does not read
        raise GraphReadError(f"{path}: {err}") from err
    return index


#: Registered format name -> pyoxigraph's ``RdfFormat`` member name, for the formats
#: pyoxigraph reads (as :mod:`export.sparql.load` looks them up).
_OXIGRAPH_FORMATS = {name: spec.oxigraph for name, spec in _REGISTRY.items() if spec.oxigraph}
