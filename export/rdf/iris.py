"""The IRIs kg mints: readable where that is safe, hashed where it would be ambiguous.

Every IRI is a pure function of what it names (never a blank node, never a counter), so the
same graph always gets the same IRIs, in every writer and in every process.

>>> str(entity_iri("xu liang", "Xu Liang"))
'http://example.org/kg/entity/Xu_Liang'
>>> str(document_iri("news/a_b c.txt"))
'http://example.org/kg/document/news%2Fa_b%20c.txt'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from json.encoder import encode_basestring

from rdflib import URIRef

from kg.keys import normalize_key
from kg.model import Provenance

__all__ = [
    "DEFAULT_BASE",
    "check_base",
    "entity_iri",
    "relation_iri",
    "document_iri",
    "statement_iri",
    "mention_iris",
    "provenance_fields",
    "provenance_sort_key",
]

#: Base IRI of entities, relations, documents and statements unless the user picks another.
DEFAULT_BASE = "http://example.org/kg/"

_MAX_LOCAL = 80  # longest readable IRI local part before it is cut and hashed
_ASCII_KEEP = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.")
_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*\Z")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")

#: Turtle's PN_CHARS_BASE beyond ASCII, minus the zero-width joiners: characters that can
#: stand in a prefixed name, so every Turtle reader accepts what a writer abbreviates.
_PN_RANGES = (
    (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x2FF), (0x370, 0x37D), (0x37F, 0x1FFF),
    (0x2070, 0x218F), (0x2C00, 0x2FEF), (0x3001, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFFD),
    (0x10000, 0xEFFFF),
)


def digest(parts: tuple[str, ...] | list[str], size: int = 12) -> str:
    """Hex SHA-256 of the JSON array of ``parts`` (``json.dumps(parts, ensure_ascii=False)``).

    The array text is joined by hand: the same bytes as ``json.dumps`` for strings, without
    its encoder's overhead, which matters once per mention of a million facts.

    >>> digest(["a_b"])
    'f202b0fd689d'
    """
    text = "[" + ", ".join(map(encode_basestring, parts)) + "]"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:size]


def _keep(char: str) -> bool:
    """Whether ``char`` may stand unencoded in an IRI path segment we mint.

    ASCII letters, digits, ``-`` and ``.``; beyond ASCII only left-to-right letters and digits
    that are NFC on their own and allowed in Turtle prefixed names (so RFC 3987 ``ucschar``
    without bidi or formatting characters).
    """
    if char in _ASCII_KEEP:
        return True
    code = ord(char)
    if code < 0xC0 or not any(low <= code <= high for low, high in _PN_RANGES):
        return False
    return (
        unicodedata.category(char)[0] in "LN"
        and unicodedata.bidirectional(char) == "L"
        and unicodedata.is_normalized("NFC", char)
    )


def _encode(text: str, *, underscores: bool = True) -> tuple[str, bool]:
    """Readable IRI segment for ``text`` and whether it determines ``text`` exactly.

    Spaces become ``_``; every other character that is not plainly safe is percent-encoded
    (UTF-8, upper-case hex), so the mapping is injective on texts without ``_``. A text with
    ``_``, an empty text, a dot segment or one too long for a readable IRI is lossy. With
    ``underscores=False`` spaces are percent-encoded too and ``_`` is kept, losslessly.
    """
    out: list[str] = []
    lossless = True
    for char in text:
        if char == " " and underscores:
            out.append("_")
        elif _keep(char) or (char == "_" and not underscores):
            out.append(char)
        else:
            if char == "_":  # "_" stands for a space, so a real one cannot be told apart
                lossless = False
            out.append(
                "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))
            )
    encoded = "".join(out)
    if not text or encoded in (".", "..") or len(encoded) > _MAX_LOCAL:
        lossless = False
    return encoded, lossless


def _lossy(text: str, identity: str) -> str:
    """A readable but lossy local name for ``text``, made unique by a hash of ``identity``.

    ``~`` never appears in a lossless name (it would be percent-encoded), so a hashed name
    cannot equal an exact one; the ``h`` keeps the tail a valid XML name for RDF/XML.
    """
    readable = _encode(text[:_MAX_LOCAL // 3])[0].replace("%5F", "_")[:_MAX_LOCAL]
    readable = re.sub(r"%[0-9A-F]?$", "", readable)  # never cut a %XX escape in half
    return f"{readable}~h{digest([identity])}"


def check_base(base: str) -> str:
    """``base`` when it can stand before every IRI kg mints.

    Raises:
        ValueError: It does not end in ``/`` or ``#``, or is not an absolute IRI.
    """
    import pyoxigraph

    if not isinstance(base, str) or not base.endswith(("/", "#")):
        raise ValueError(f"base IRI must end with '/' or '#', not {base!r}")
    try:
        pyoxigraph.NamedNode(base)
    except ValueError as err:
        raise ValueError(f"base {base!r} is not a valid absolute IRI: {err}") from err
    if not _SCHEME.match(base) or any(c in base for c in ' <>"{}|^`\\'):
        raise ValueError(f"base {base!r} is not a valid absolute IRI")
    return base


def entity_iri(key: str, label: str | None = None, *, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of the entity with canonical ``key`` and display ``label``.

    Readable when possible (``Xu Liang`` -> ``<base>entity/Xu_Liang``); otherwise the readable
    part is followed by ``~h`` and a hash of the key, so two keys never share an IRI.

    >>> str(entity_iri("a_b"))
    'http://example.org/kg/entity/a_b~hf202b0fd689d'
    """
    root = base + "entity/"
    if label is not None and normalize_key(label) == key:
        encoded, exact = _encode(label)
        if exact:
            return URIRef(root + encoded)
    if normalize_key(key) == key:
        encoded, exact = _encode(key)
        if exact:
            return URIRef(root + encoded)
    return URIRef(root + _lossy(label if label else key, key))


def relation_iri(predicate: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a predicate; its local name is always a valid XML name (for RDF/XML).

    >>> str(relation_iri("stem from"))
    'http://example.org/kg/relation/stem_from'
    """
    encoded, exact = _encode(predicate)
    if exact and _NCNAME.match(encoded):
        return URIRef(base + "relation/" + encoded)
    return URIRef(base + "relation/" + _lossy(predicate, predicate))


def document_iri(document_id: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a source document (also the name of its graph in dataset formats)."""
    encoded, exact = _encode(document_id, underscores=False)
    return URIRef(base + "document/" + (encoded if exact else _lossy(document_id, document_id)))


def statement_iri(subject: str, key: str, obj: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of the statement node of fact ``(subject key, fact key, object key)``.

    >>> str(statement_iri("xu liang", "found", "kuaishou"))[-32:]
    '5e90b3e732d5f0492bdf7e0da483bb04'
    """
    return URIRef(base + "statement/" + digest([subject, key, obj], 32))


def provenance_fields(p: Provenance) -> tuple:
    """What identifies a mention (its IRI hashes these) and orders a fact's mentions."""
    return (
        p.document,
        p.sentence_start,
        p.sentence_end,
        p.subject_start,
        p.subject_end,
        p.object_start,
        p.object_end,
        p.construction,
        p.modality is not None,
        p.modality or "",
        repr(float(p.confidence)),
        p.sentence,
        p.subject_text,
        p.object_text,
    )


def provenance_sort_key(p: Provenance) -> tuple:
    """The order in which exports list (and :func:`read_rdf` returns) provenance records:
    :func:`provenance_fields`, then how the sentence presents the fact (fields that do not
    go into a mention's IRI, so that adding them to kg changed no IRI)."""
    return (*provenance_fields(p), p.stance, p.attributed_to or "", p.reported_by or "",
            p.conditional, p.subject_rules, p.object_rules)


def mention_iris(statement: str, records: list[Provenance], *, base: str) -> list[str]:
    """The IRIs (as strings) of the mentions ``records`` of the statement with IRI
    ``statement``, in order: a hash of the statement, the record's :func:`provenance_fields`
    and how many equal records came before it (the same sentence extracted twice is two
    mentions).
    """
    root = base + "mention/"
    if len(records) == 1:  # most facts
        fields = map(str, provenance_fields(records[0]))
        return [root + digest([statement, "0", *fields], 32)]
    seen: dict[tuple, int] = {}
    iris = []
    for record in records:
        fields = provenance_fields(record)
        occurrence = seen[fields] = seen.get(fields, -1) + 1
        iris.append(root + digest([statement, str(occurrence), *map(str, fields)], 32))
    return iris
