"""Streaming RDF output for large graphs: N-Triples, N-Quads and Turtle written as text.

:func:`export.rdf.to_rdf` builds an rdflib ``Dataset``, which costs seconds per hundred thousand
triples and gigabytes at a few million; this module writes the same RDF (same IRIs, literals
and datatypes, so the output is isomorphic to ``to_rdf``'s) straight to text, one subject block
at a time, in constant memory beside the graph.

The IRIs come from :mod:`export.rdf`'s own minting functions (:func:`~export.rdf.entity_iri`,
:func:`~export.rdf.statement_iri`, ...). The layout of each block (which properties an entity,
statement or mention has) is restated here as text templates, because building rdflib terms is
what makes :func:`~export.rdf.generate_rdf` slow; so that the two can never disagree, the first
use with a base IRI checks the templates against ``generate_rdf`` on a probe graph that has
every feature (documents with metadata, typed and untyped entities, aliases, negated and modal
facts, repeated mentions). If they differ (the vocabulary changed), a :class:`RuntimeWarning`
is issued and the output is derived from ``generate_rdf`` itself: slower, never different.

Output is deterministic (same graph, same bytes) but in generation order: unlike
:func:`export.rdf.write_rdf` N-Triples lines are not sorted, which would need the whole file
in memory.

>>> from kg.model import Argument, KnowledgeGraph, Provenance, Triple
>>> from kg.merge import merge_into
>>> p = Provenance("d.txt", "Xu Liang met Sora.", 0, 18, "Xu Liang", 0, 8, "Sora", 13, 17,
...                0.9, "svo")
>>> g = merge_into(KnowledgeGraph(), [Triple(Argument("Xu Liang", "xu liang", "PERSON"), "meet",
...                                          Argument("Sora", "sora"), p)])
>>> text = "".join(generate_ntriples(g))
>>> "<http://example.org/kg/relation/meet> <http://example.org/kg/entity/Sora> ." in text
True
>>> "<http://example.org/kg/> a kgv:KnowledgeGraph ." in "".join(generate_turtle(g))
True
"""

from __future__ import annotations

import gzip
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import tempfile
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterable, Iterator

from json.encoder import encode_basestring

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from export.namespaces import DCTERMS, KGV, NER_CLASSES, PROV, RDF, RDFS, SKOS, XSD, prefixes
from export.rdf import (
    _DCTERMS_KEYS,
    DEFAULT_BASE,
    _check_base,
    _decimal,
    _is_date,
    _provenance_fields,
    document_iri,
    entity_iri,
    generate_rdf,
    provenance_sort_key,
    relation_iri,
    resolve_format,
)
from kg.io import atomic_open
from kg.model import Document, KnowledgeGraph

__all__ = [
    "FAST_FORMATS",
    "generate_blocks",
    "generate_ntriples",
    "generate_nquads",
    "generate_turtle",
    "write_fast_rdf",
    "write_ntriples_shards",
]

#: rdflib format names (as :func:`export.rdf.resolve_format` returns them) written here.
FAST_FORMATS = frozenset({"nt", "nquads", "turtle"})

#: A subject, its graph (``<document IRI>``, or None for the default graph) and its
#: predicate-object pairs (a list, or a fixed-shape block that iterates as one), all terms in
#: N-Triples syntax.
Block = tuple[str, "str | None", Iterable[tuple[str, str]]]

# --------------------------------------------------------------------------------------------
# terms as N-Triples text

_NEEDS_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f\x85\u2028\u2029]')
_ESCAPES = {code: f"\\u{code:04X}" for code in [*range(0x20), 0x7F, 0x85, 0x2028, 0x2029]}
_ESCAPES.update({ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r",
                 ord("\t"): "\\t", ord("\b"): "\\b", ord("\f"): "\\f"})


def _string(text: str) -> str:
    """A plain string literal; line breaks and control characters escaped.

    >>> print(_string('say "hi"\\n'))
    "say \\"hi\\"\\n"
    """
    if _NEEDS_ESCAPE.search(text):
        text = text.translate(_ESCAPES)
    return f'"{text}"'


def _term(node: Node) -> str:
    """Any rdflib term (as :func:`~export.rdf.generate_rdf` yields them) as N-Triples text."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        text = _string(str(node))
        if node.language:
            return f"{text}@{node.language}"
        if node.datatype is not None and node.datatype != XSD.string:
            return f"{text}^^<{node.datatype}>"
        return text
    if isinstance(node, BNode):  # pragma: no cover - kg mints no blank nodes
        return f"_:{node}"
    raise TypeError(f"cannot write {node!r} as N-Triples")  # pragma: no cover


_KGV_TERMS = (
    "KnowledgeGraph", "Document", "documentId", "source", "sha256", "metadata", "Entity", "key",
    "nerType", "mentionCount", "forms", "types", "Relation", "negated", "count", "confidence",
    "modality", "mention", "Mention", "sentence", "sentenceStart", "sentenceEnd", "subjectText",
    "subjectStart", "subjectEnd", "objectText", "objectStart", "objectEnd", "construction",
)
_OTHER_TERMS = {
    "a": RDF.type, "prov:Entity": PROV.Entity, "prov:wasDerivedFrom": PROV.wasDerivedFrom,
    "rdfs:label": RDFS.label, "skos:altLabel": SKOS.altLabel, "rdf:Property": RDF.Property,
    "rdf:Statement": RDF.Statement, "rdf:subject": RDF.subject, "rdf:predicate": RDF.predicate,
    "rdf:object": RDF.object,
}
_DATATYPES = {"integer": XSD.integer, "decimal": XSD.decimal, "boolean": XSD.boolean,
              "date": XSD.date}
_PN_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


def _style(base: str, *, turtle: bool) -> dict[str, str]:
    """How each vocabulary term and datatype is written: ``<iri>``, or a Turtle prefixed name.

    Keys: kgv local names, the names in ``_OTHER_TERMS``, ``ner:<NER label>``, every Dublin
    Core IRI kg uses, and ``^<datatype>`` (the suffix of a typed literal).
    """
    iris: dict[str, str] = {name: KGV[name] for name in _KGV_TERMS}
    iris.update(_OTHER_TERMS)
    iris.update({f"ner:{label}": cls for label, cls in NER_CLASSES.items()})
    iris.update({str(prop): prop for prop in _DCTERMS_KEYS.values()})
    style = {name: _name(iri, base, turtle) for name, iri in iris.items()}
    style.update({f"^{name}": "^^" + _name(iri, base, turtle) for name, iri in _DATATYPES.items()})
    if turtle:
        style["a"] = "a"
    style["true"] = f'"true"{style["^boolean"]}'
    style["false"] = f'"false"{style["^boolean"]}'
    return style


def _name(iri: str, base: str, turtle: bool) -> str:
    if turtle:
        for prefix, namespace in prefixes(base).items():
            local = iri[len(namespace):]
            if iri.startswith(str(namespace)) and _PN_LOCAL.match(local):
                return f"{prefix}:{local}"
    return f"<{iri}>"


class _Decimals(dict):
    """``float -> "lexical"^^xsd:decimal`` through :func:`export.rdf._decimal`, memoised."""

    def __init__(self, suffix: str) -> None:
        super().__init__()
        self.suffix = suffix

    def __missing__(self, value: float) -> str:
        text = self[value] = f'"{_decimal(value)}"{self.suffix}'
        return text


def _json(value: object) -> str:
    return _string(json.dumps(value, ensure_ascii=False, sort_keys=True))


def _hex(json_array: str, size: int) -> str:
    """``export.rdf._digest`` of the parts whose JSON array text is ``json_array``."""
    return hashlib.sha256(json_array.encode("utf-8", "surrogatepass")).hexdigest()[:size]


def _json_strings(parts: Iterable[object]) -> str:
    """``json.dumps([str(p) for p in parts], ensure_ascii=False)``, without the encoder."""
    return ", ".join([encode_basestring(str(part)) for part in parts])


# --------------------------------------------------------------------------------------------
# blocks


class _Template:
    """A block shape with fixed predicates, compiled once per output format.

    ``wraps[i]`` turns value ``i`` into its object term (``"{}"`` when the value already is
    one). Format arguments: 0 the subject, 1 the graph name, 2... the values.
    """

    def __init__(self, predicates: list[str], wraps: list[str]) -> None:
        self.predicates = predicates
        self.wraps = wraps
        objects = [w.replace("{}", f"{{{i + 2}}}") for i, w in enumerate(wraps)]
        esc = [p.replace("{", "{{").replace("}", "}}") for p in predicates]
        self.nt = "".join(f"{{0}} {p} {o} .\n" for p, o in zip(esc, objects))
        self.nq = "".join(f"{{0}} {p} {o} {{1}} .\n" for p, o in zip(esc, objects))
        self.ttl = "{0} " + " ;\n    ".join(f"{p} {o}" for p, o in zip(esc, objects)) + " .\n"


class _Fixed:
    """The pairs of a block of a :class:`_Template` shape: iterates as ``(predicate, object)``."""

    __slots__ = ("template", "values")

    def __init__(self, template: _Template, values: tuple) -> None:
        self.template = template
        self.values = values

    def __iter__(self) -> Iterator[tuple[str, str]]:
        t = self.template
        return iter([(p, w.format(v)) for p, w, v in zip(t.predicates, t.wraps, self.values)])

    def __len__(self) -> int:
        return len(self.template.predicates)


def _templated_blocks(
    graph: KnowledgeGraph,
    base: str,
    style: dict[str, str] | None = None,
    part: tuple[int, int] = (0, 1),
) -> Iterator[Block]:
    """The blocks of ``graph``'s RDF form, built from text templates (the fast path).

    ``style`` (from :func:`_style`) says how vocabulary terms and datatypes are written.
    ``part=(i, n)`` yields only the ``i``-th of ``n`` consecutive parts (the first has the
    documents, entities and relations, then each a slice of the facts), so ``n`` processes can
    write one output whose concatenation is the whole.
    """
    index, parts = part
    head = index == 0
    T = style if style is not None else _style(base, turtle=False)
    A = T["a"]
    integer, date = T["^integer"], T["^date"]
    decimals = _Decimals(T["^decimal"])
    if head:
        yield f"<{base}>", None, [(A, T["KnowledgeGraph"])]

    referenced = {p.document for _, _, data in graph.edges(data=True) for p in data["provenance"]}
    doc_iris: dict[str, str] = {}
    for doc_id in sorted(set(graph.documents) | referenced):
        iri = doc_iris[doc_id] = f"<{document_iri(doc_id, base=base)}>"
        pairs = [(A, T["Document"]), (A, T["prov:Entity"]), (T["documentId"], _string(doc_id))]
        document: Document | None = graph.documents.get(doc_id)
        if document is not None:
            pairs.append((T["source"], _string(document.source)))
            pairs.append((T["sha256"], _string(document.sha256)))
            pairs.append((T["metadata"], _json([list(pair) for pair in document.metadata])))
            for name, value in document.metadata:
                prop = _DCTERMS_KEYS.get(name.strip().lower())
                if prop is None:
                    continue
                if prop == DCTERMS.date and _is_date(value):
                    pairs.append((T[str(prop)], _string(value) + date))
                else:
                    pairs.append((T[str(prop)], _string(value)))
        if head:
            yield iri, None, pairs

    entity_iris: dict[str, str] = {}
    for key in sorted(graph.nodes):
        attrs = graph.nodes[key]
        label = attrs.get("label")
        iri = entity_iris[key] = f"<{entity_iri(key, label, base=base)}>"
        ner = attrs.get("type")
        pairs = [(A, T["Entity"])]
        if ner in NER_CLASSES:
            pairs.append((A, T[f"ner:{ner}"]))
        pairs.append((T["key"], _string(key)))
        if label is not None:
            pairs.append((T["rdfs:label"], _string(label)))
        for alias in sorted(attrs.get("aliases", ())):
            pairs.append((T["skos:altLabel"], _string(alias)))
        if ner:
            pairs.append((T["nerType"], _string(ner)))
        pairs.append((T["mentionCount"], f'"{int(attrs.get("mentions", 0))}"{integer}'))
        pairs.append((T["forms"], _json(attrs.get("forms", {}))))
        pairs.append((T["types"], _json(attrs.get("types", {}))))
        if head:
            yield iri, None, pairs
    if len(set(entity_iris.values())) != len(entity_iris):  # pragma: no cover
        raise AssertionError("two entity keys were minted the same IRI")

    relation_iris: dict[str, str] = {}
    for predicate in sorted({data["predicate"] for _, _, data in graph.edges(data=True)}):
        iri = relation_iris[predicate] = f"<{relation_iri(predicate, base=base)}>"
        if head:
            yield iri, None, [
                (A, T["rdf:Property"]), (A, T["Relation"]), (T["rdfs:label"], _string(predicate))
            ]

    # Facts, statements, mentions; a statement lists its mentions before their blocks come.
    strings: dict[str, str] = {}  # constructions: few distinct values
    mention, derived, sentence = T["mention"], T["prov:wasDerivedFrom"], T["sentence"]
    s_start, s_end, subj_text, subj_start, subj_end = (
        T["sentenceStart"], T["sentenceEnd"], T["subjectText"], T["subjectStart"],
        T["subjectEnd"])
    obj_text, obj_start, obj_end, confidence, construction, modality = (
        T["objectText"], T["objectStart"], T["objectEnd"], T["confidence"], T["construction"],
        T["modality"])
    mention_class, statement_class = T["Mention"], T["rdf:Statement"]
    rdf_s, rdf_p, rdf_o, negated_p, count_p = (
        T["rdf:subject"], T["rdf:predicate"], T["rdf:object"], T["negated"], T["count"])
    true, false = T["true"], T["false"]
    number = '"{}"' + integer
    mention_shape = _Template(
        [A, derived, sentence, s_start, s_end, subj_text, subj_start, subj_end, obj_text,
         obj_start, obj_end, confidence, construction],
        ["{}", "{}", "{}", number, number, "{}", number, number, "{}", number, number, "{}",
         "{}"],
    )
    modal_mention_shape = _Template(mention_shape.predicates + [modality],
                                    mention_shape.wraps + ["{}"])
    # the IRIs of export.rdf.statement_iri and _mention_iri, without building rdflib terms
    statement_root, mention_root = base + "statement/", base + "mention/"
    edges = graph.edges
    ordered = sorted(graph.edges(keys=True))
    share = ordered[len(ordered) * index // parts : len(ordered) * (index + 1) // parts]
    del ordered
    for subject, obj, key in share:
        data = edges[subject, obj, key]
        s, o = entity_iris[subject], entity_iris[obj]
        p = relation_iris[data["predicate"]]
        negated = bool(data.get("negated", False))
        if not negated:
            yield s, None, [(p, o)]
        st_iri = statement_root + _hex(f"[{_json_strings((subject, key, obj))}]", 32)
        records = data.get("provenance", ())
        if len(records) > 1:
            records = sorted(records, key=provenance_sort_key)
        pairs = [
            (A, statement_class), (rdf_s, s), (rdf_p, p), (rdf_o, o),
            (negated_p, true if negated else false),
            (count_p, f'"{int(data.get("count", 0))}"{integer}'),
            (confidence, decimals[float(data.get("confidence", 0.0))]),
        ]
        if len(records) == 1:
            if records[0].modality is not None:
                pairs.append((modality, _string(records[0].modality)))
            pairs.append((derived, doc_iris[records[0].document]))
        else:
            for value in sorted({r.modality for r in records if r.modality is not None}):
                pairs.append((modality, _string(value)))
            for doc_id in sorted({r.document for r in records}):
                pairs.append((derived, doc_iris[doc_id]))
        blocks: list[Block] = []
        seen: dict[tuple, int] = {}
        head = f"[{encode_basestring(st_iri)}, "
        for record in records:
            fields = _provenance_fields(record)
            occurrence = seen[fields] = seen.get(fields, -1) + 1
            text = f'{head}"{occurrence}", {_json_strings(fields)}]'
            m = f"<{mention_root}{_hex(text, 32)}>"
            g = doc_iris[record.document]
            pairs.append((mention, m))
            kind = strings.get(record.construction)
            if kind is None:
                kind = strings[record.construction] = _string(record.construction)
            values = (
                mention_class, g, _string(record.sentence), int(record.sentence_start),
                int(record.sentence_end), _string(record.subject_text),
                int(record.subject_start), int(record.subject_end), _string(record.object_text),
                int(record.object_start), int(record.object_end),
                decimals[float(record.confidence)], kind,
            )
            if record.modality is None:
                lines = _Fixed(mention_shape, values)
            else:
                lines = _Fixed(modal_mention_shape, (*values, _string(record.modality)))
            blocks.append((m, g, lines))
        yield f"<{st_iri}>", None, pairs
        yield from blocks


def _generic_blocks(graph: KnowledgeGraph, base: str) -> Iterator[Block]:
    """The blocks of :func:`~export.rdf.generate_rdf`'s quads (the slow, always-right path)."""
    rendered: dict[Node, str] = {}

    def render(node: Node) -> str:
        text = rendered.get(node)
        if text is None:
            text = _term(node)
            if not isinstance(node, Literal) or len(rendered) < 100_000:
                rendered[node] = text
        return text

    current: tuple[str, str | None] | None = None
    pairs: list[tuple[str, str]] = []
    for s, p, o, g in generate_rdf(graph, base=base):
        head = (render(s), render(g) if g is not None else None)
        if head != current:
            if current is not None:
                yield current[0], current[1], pairs
            current, pairs = head, []
        pairs.append((render(p), _term(o) if isinstance(o, Literal) else render(o)))
    if current is not None:
        yield current[0], current[1], pairs


# --------------------------------------------------------------------------------------------
# the check that keeps the templates equal to generate_rdf

_CHECKED: dict[str, bool] = {}


def _probe_graph() -> KnowledgeGraph:
    """A small graph with every feature the RDF form has."""
    from kg.merge import add_document, merge_into
    from kg.model import Argument, Provenance, Triple

    graph = KnowledgeGraph()
    add_document(graph, Document("a.txt", "in/a.txt", "a" * 64, (
        ("date", "2024-02-24"), ("title", 'T "x"'), ("author", "A"), ("creator", "A"),
        ("published", "not a date"), ("url", "http://x"), ("other", "y"))))
    add_document(graph, Document("b/c d.txt", "in/b/c d.txt", "b" * 64, ()))

    def triple(s, pred, o, doc="a.txt", *, negated=False, modality=None, conf=0.5):
        p = Provenance(doc, f"{s[0]} {pred} {o[0]}.", 3, 20, s[0], 3, 5, o[0], 9, 12, conf,
                       "svo", modality)
        return Triple(Argument(*s), pred, Argument(*o), p, negated=negated)

    x, y, z = ("Xu", "xu", "PERSON"), ("Acme", "acme", "ORG"), ("a_b", "a_b", "NORP")
    w = ("thing", "thing", None)
    return merge_into(graph, [
        triple(x, "found", y), triple(x, "found", y), triple(("xu", "xu", None), "found", y,
                                                             "b/c d.txt", conf=0.25),
        triple(y, "rival", z, negated=True, modality="could"), triple(y, "rival", z, conf=1),
        triple(z, "be in", w, "unregistered.txt", modality="may", conf=1e-05),
    ])


def _expand(blocks: Iterable[Block]) -> set[tuple[str, str, str, str | None]]:
    return {(s, p, o, g) for s, g, pairs in blocks for p, o in pairs}


def _templates_agree(base: str) -> bool:
    """Whether the templates give exactly ``generate_rdf``'s quads (checked once per base)."""
    agree = _CHECKED.get(base)
    if agree is None:
        probe = _probe_graph()
        agree = _CHECKED[base] = (
            _expand(_templated_blocks(probe, base)) == _expand(_generic_blocks(probe, base))
        )
        if not agree:
            warnings.warn(
                "export.fast_rdf: the RDF vocabulary of export.rdf.generate_rdf has changed and "
                "the fast templates no longer match it; writing through generate_rdf (slower)",
                RuntimeWarning,
                stacklevel=3,
            )
    return agree


def generate_blocks(
    graph: KnowledgeGraph,
    *,
    base: str = DEFAULT_BASE,
    turtle: bool = False,
    _part: tuple[int, int] = (0, 1),
) -> Iterator[Block]:
    """Yield ``(subject, graph name, [(predicate, object), ...])`` blocks of ``graph``'s RDF.

    Terms are N-Triples text (``<iri>``, ``"literal"^^<datatype>``), or with ``turtle`` the
    vocabulary terms are prefixed names (``kgv:sentence``, ``a``, ``^^xsd:integer``; the
    prefixes are those of :func:`export.namespaces.prefixes`). The graph name is the document
    IRI of a mention's block and None for the default graph. The quads are exactly those of
    :func:`export.rdf.generate_rdf`.
    """
    base = _check_base(base)
    if _templates_agree(base):
        return _templated_blocks(graph, base, _style(base, turtle=turtle), _part)
    if _part != (0, 1):
        raise ValueError("only the template path writes in parts")
    blocks = _generic_blocks(graph, base)
    return _turtle_terms(blocks, base) if turtle else blocks


def _turtle_terms(blocks: Iterable[Block], base: str) -> Iterator[Block]:
    """Blocks in N-Triples syntax with the vocabulary rewritten as Turtle prefixed names."""
    plain, short = _style(base, turtle=False), _style(base, turtle=True)
    names = {plain[key]: short[key] for key in plain}
    objects = {**names, plain["a"]: _name(str(RDF.type), base, True)}  # "a" is no object
    suffixes = {plain[key]: short[key] for key in plain if key.startswith("^")}
    for s, g, pairs in blocks:
        out = []
        for p, o in pairs:
            if o.startswith('"'):
                cut = o.rfind('"') + 1
                o = o[:cut] + suffixes.get(o[cut:], o[cut:])
            else:
                o = objects.get(o, o)
            out.append((names.get(p, p), o))
        yield s, g, out


# --------------------------------------------------------------------------------------------
# formats


def generate_ntriples(
    graph: KnowledgeGraph, *, base: str = DEFAULT_BASE, _part: tuple[int, int] = (0, 1)
) -> Iterator[str]:
    """Yield N-Triples text of ``graph`` (every named graph's triples included), block by block.

    Each item is one or more complete lines.
    """
    for s, g, pairs in generate_blocks(graph, base=base, _part=_part):
        if type(pairs) is _Fixed:
            yield pairs.template.nt.format(s, g, *pairs.values)
        else:
            yield "".join([f"{s} {p} {o} .\n" for p, o in pairs])


def generate_nquads(
    graph: KnowledgeGraph, *, base: str = DEFAULT_BASE, _part: tuple[int, int] = (0, 1)
) -> Iterator[str]:
    """Yield N-Quads text of ``graph``: mentions in their document's named graph."""
    for s, g, pairs in generate_blocks(graph, base=base, _part=_part):
        if type(pairs) is _Fixed and g is not None:
            yield pairs.template.nq.format(s, g, *pairs.values)
            continue
        end = f" {g} .\n" if g is not None else " .\n"
        yield "".join([f"{s} {p} {o}{end}" for p, o in pairs])


def generate_turtle(
    graph: KnowledgeGraph, *, base: str = DEFAULT_BASE, _part: tuple[int, int] = (0, 1)
) -> Iterator[str]:
    """Yield Turtle text of ``graph`` (the union of its graphs, as ``write_rdf`` writes Turtle).

    The prefixes first, then one subject block per item; data IRIs are written in full.
    """
    base = _check_base(base)
    if _part[0] == 0:
        yield "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in prefixes(base).items()) + "\n"
    for s, g, pairs in generate_blocks(graph, base=base, turtle=True, _part=_part):
        if type(pairs) is _Fixed:
            yield pairs.template.ttl.format(s, g, *pairs.values)
        else:
            yield s + " " + " ;\n    ".join([f"{p} {o}" for p, o in pairs]) + " .\n"


_GENERATORS: dict[str, Callable[..., Iterator[str]]] = {
    "nt": generate_ntriples,
    "nquads": generate_nquads,
    "turtle": generate_turtle,
}


def write_fast_rdf(
    graph: KnowledgeGraph,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    base: str = DEFAULT_BASE,
    workers: int = 1,
) -> None:
    """Write ``graph`` as N-Triples, N-Quads or Turtle to ``path``, atomically, streaming.

    Args:
        graph: The knowledge graph.
        path: Output file; its extension picks the format when ``format`` is None. A ``.gz``
            suffix compresses (the format then comes from the suffix before it).
        format: ``nt``, ``nquads`` or ``turtle`` (or an alias :func:`resolve_format` knows).
        base: Base IRI of the data.
        workers: Processes that write parts of the file (forked, so they share the graph
            without copying it); the bytes are the same for any number.

    Raises:
        ValueError: A format this writer does not do (use :func:`export.rdf.write_rdf`).
    """
    compress = str(path).endswith(".gz")
    name = resolve_format(str(path)[:-3] if compress and format is None else path, format)
    generator = _GENERATORS.get(name)
    if generator is None:
        raise ValueError(
            f"the fast writer does {', '.join(sorted(FAST_FORMATS))}, not {name!r}; "
            f"use export.rdf.write_rdf"
        )
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    base = _check_base(base)
    parallel = (workers > 1 and _templates_agree(base)
                and "fork" in multiprocessing.get_all_start_methods())
    with atomic_open(path, "wb") as raw:
        handle = raw
        if compress:
            handle = gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0)
        try:
            if parallel:
                _write_parts(handle, generator, graph, base, workers, Path(path).parent)
            else:
                _write_chunks(handle, generator(graph, base=base))
        finally:
            if compress:
                handle.close()


#: What forked part writers need, set just before they are forked (never pickled).
_PART_JOB: dict[str, tuple] = {}


def _write_part(index: int) -> str:
    generator, graph, base, parts, folder = _PART_JOB["job"]
    path = os.path.join(folder, f"part-{index:05d}")
    with open(path, "wb") as handle:
        _write_chunks(handle, generator(graph, base=base, _part=(index, parts)))
    return path


def _write_parts(handle, generator, graph: KnowledgeGraph, base: str, parts: int,
                 near: Path) -> None:
    """Write ``parts`` consecutive parts in forked processes, then copy them in order."""
    folder = tempfile.mkdtemp(prefix=".kg-parts-", dir=near)
    _PART_JOB["job"] = (generator, graph, base, parts, folder)
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


def _write_chunks(handle, chunks: Iterable[str], size: int = 1 << 20) -> None:
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


def write_ntriples_shards(
    graph: KnowledgeGraph,
    folder: str | os.PathLike[str],
    *,
    shard_triples: int = 1_000_000,
    base: str = DEFAULT_BASE,
    name: str = "part-{index:05d}.nt.gz",
    first_index: int = 0,
    compresslevel: int = 6,
) -> list[Path]:
    """Write ``graph`` as gzipped N-Triples files of at most ``shard_triples`` lines each.

    The concatenation of the shards, in order, is exactly :func:`generate_ntriples`'s text.
    Each shard is written atomically; a distributed writer gives each partition its own
    ``first_index`` (or ``name``) so shards never collide.

    Args:
        graph: The knowledge graph.
        folder: Output folder (created when missing).
        shard_triples: Most lines in one shard.
        base: Base IRI of the data.
        name: File name pattern, formatted with ``index``.
        first_index: Index of the first shard.
        compresslevel: gzip level (1 fastest, 9 smallest).

    Returns:
        The paths written, in order (every graph has at least its ``kgv:KnowledgeGraph``
        line, so at least one shard).
    """
    if shard_triples < 1:
        raise ValueError(f"shard_triples must be at least 1, not {shard_triples}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    lines: list[str] = []
    in_shard = 0
    shard = None  # (atomic_open context, GzipFile) of the shard being written

    def open_shard():
        path = folder / name.format(index=first_index + len(paths))
        paths.append(path)
        context = atomic_open(path, "wb")
        raw = context.__enter__()
        return context, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=compresslevel,
                                      mtime=0)

    def close_shard(error: BaseException | None = None) -> None:
        context, handle = shard
        if error is None:
            handle.write("".join(lines).encode("utf-8"))
        handle.close()
        if error is None:
            context.__exit__(None, None, None)
        else:
            context.__exit__(type(error), error, error.__traceback__)
        lines.clear()

    try:
        for text in generate_ntriples(graph, base=base):
            block = text.splitlines(keepends=True) if text.count("\n") > 1 else [text]
            while block:
                if shard is None:
                    shard, in_shard = open_shard(), 0
                room = shard_triples - in_shard
                taken, block = block[:room], block[room:]
                lines.extend(taken)
                in_shard += len(taken)
                if in_shard >= shard_triples:
                    close_shard()
                    shard = None
                elif len(lines) >= 10_000:
                    shard[1].write("".join(lines).encode("utf-8"))
                    lines.clear()
        if shard is not None:
            close_shard()
            shard = None
    except BaseException as err:
        if shard is not None:
            close_shard(err)
        raise
    return paths
