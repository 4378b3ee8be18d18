"""The RDF of a graph as N-Triples, N-Quads or Turtle text, compiled from the vocabulary table.

Every writer starts here: the text writers stream this text to a file, and the rdflib and
Oxigraph writers parse it (:mod:`export.rdf.terms`). Building rdflib terms costs seconds per
hundred thousand triples, so the text is made from templates instead: for each subject of
:mod:`export.rdf.vocabulary`, each run of rows that always give exactly one triple becomes one
format string per syntax, filled with the encoded values of a record.

Output is deterministic (same graph, same text) and in generation order: the graph node, the
documents, the entities and the relations sorted by key, then each fact (sorted by subject,
fact key and object) as its plain triple, its statement and its mentions.

>>> from kg.model import KnowledgeGraph
>>> g = KnowledgeGraph()
>>> g.add_node("sora", label="Sora")
>>> text = "".join(generate_text(g, "nt"))
>>> '<http://example.org/kg/entity/Sora> <https://w3id.org/kg-builder/vocab#key> "sora" .' in text
True
>>> print("".join(generate_text(g, "turtle")).split("\\n\\n")[1].splitlines()[0])
<http://example.org/kg/> a kgv:KnowledgeGraph ;
"""

from __future__ import annotations

import decimal
import json
import math
import re
import operator
from operator import attrgetter, methodcaller
from typing import Any, Callable, Iterator

from export.namespaces import DCTERMS, NER_CLASSES, RDF, XSD, prefixes
from export.rdf.iris import (
    DEFAULT_BASE,
    check_base,
    digest,
    document_iri,
    entity_iri,
    mention_iris,
    provenance_sort_key,
    relation_iri,
)
from export.rdf.vocabulary import (
    BOOLEAN,
    DECIMAL,
    DOCUMENT,
    DOCUMENT_IRI,
    DUBLIN_CORE,
    ENTITY,
    ENTITY_IRI,
    FACT,
    GRAPH,
    IN_DOCUMENT_GRAPH,
    INTEGER,
    JSON,
    MENTION,
    MENTION_IRI,
    NAMES,
    NER_CLASS,
    RELATION,
    RELATION_IRI,
    STATEMENT,
    SUBJECTS,
    TEXT,
    Row,
    is_date,
    rows,
)
from kg.model import KnowledgeGraph
from kg.voice import edge_voice, min_confidence

__all__ = ["SYNTAXES", "generate_text", "decimal_lexical"]

#: The text syntaxes: N-Triples (named graphs flattened), N-Quads, Turtle (the union).
SYNTAXES = ("nt", "nquads", "turtle")

# --------------------------------------------------------------------------------------------
# terms as text

_NEEDS_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f\x85\u2028\u2029]')
_ESCAPES = {code: f"\\u{code:04X}" for code in [*range(0x20), 0x7F, 0x85, 0x2028, 0x2029]}
_ESCAPES.update({ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r",
                 ord("\t"): "\\t", ord("\b"): "\\b", ord("\f"): "\\f"})
_PN_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_TURTLE_SEPARATOR = " ;\n    "  # between the predicate-object pairs of one subject
_SEPARATOR_LENGTH = len(_TURTLE_SEPARATOR)


def _string(text: str) -> str:
    """A plain string literal; line breaks and control characters escaped.

    >>> print(_string('say "hi"\\n'))
    "say \\"hi\\"\\n"
    """
    if not text.isprintable() or '"' in text or "\\" in text:  # faster than the regex alone
        if _NEEDS_ESCAPE.search(text):
            text = text.translate(_ESCAPES)
    return f'"{text}"'


def _json(value: Any) -> str:
    return _string(json.dumps(value, ensure_ascii=False, sort_keys=True))


def _names(value: tuple[str, ...]) -> str | None:
    """Names in order as one literal (``"honorific+surname"``); None (no triple) for none."""
    return _string("+".join(value)) if value else None


def decimal_lexical(value: float) -> str:
    """The ``xsd:decimal`` lexical form that reads back as exactly the same float.

    Decimal rather than double because rdflib's Turtle writer rounds doubles to 7 digits.

    >>> decimal_lexical(0.1), decimal_lexical(1e-05), decimal_lexical(1)
    ('0.1', '0.00001', '1.0')
    """
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"confidence must be a finite number, not {value!r}")
    lexical = format(decimal.Decimal(repr(number)), "f")
    return lexical if "." in lexical else lexical + ".0"


class _Memo(dict):
    """A dict that computes missing values with ``make`` (IRIs, decimals: few distinct)."""

    def __init__(self, make: Callable[[Any], str]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> str:
        value = self[key] = self.make(key)
        return value


class _Context:
    """How one output writes terms: vocabulary IRIs (prefixed names in Turtle), data IRIs
    (always in full) and literals, with the data IRIs minted so far."""

    def __init__(self, base: str, syntax: str) -> None:
        self.base = base
        self.turtle = syntax == "turtle"
        self._prefixes = [(name, str(ns)) for name, ns in prefixes(base).items()]
        self.names = _Memo(self._name)
        self.documents = _Memo(lambda doc_id: f"<{document_iri(doc_id, base=base)}>")
        self.entities = _Memo(lambda key: f"<{entity_iri(key, base=base)}>")
        self.relations = _Memo(lambda predicate: f"<{relation_iri(predicate, base=base)}>")
        suffix = self.datatype
        self.decimals = _Memo(lambda value: f'"{decimal_lexical(value)}"{suffix(XSD.decimal)}')
        true, false = f'"true"{suffix(XSD.boolean)}', f'"false"{suffix(XSD.boolean)}'
        self.booleans = _Memo(lambda value: true if value else false)
        self.ner_classes = {label: self.names[cls] for label, cls in NER_CLASSES.items()}

    def _name(self, iri: str) -> str:
        if self.turtle:
            for prefix, namespace in self._prefixes:
                local = iri[len(namespace):]
                if iri.startswith(namespace) and _PN_LOCAL.match(local):
                    return f"{prefix}:{local}"
        return f"<{iri}>"

    def predicate(self, iri: str) -> str:
        return "a" if self.turtle and iri == str(RDF.type) else self.names[iri]

    def datatype(self, iri: str) -> str:
        return "^^" + self.names[str(iri)]

    def encoder(self, kind: str) -> tuple[Callable[[Any], Any], str]:
        """``(encode, wrap)``: ``wrap.format(encode(value))`` is the object's text."""
        integer = '"{}"' + self.datatype(XSD.integer)
        return {
            TEXT: (_string, "{}"),
            INTEGER: ("%d".__mod__, integer),  # text of int(value), in C
            DECIMAL: (self.decimals.__getitem__, "{}"),
            BOOLEAN: (self.booleans.__getitem__, "{}"),
            JSON: (_json, "{}"),
            ENTITY_IRI: (self.entities.__getitem__, "{}"),
            RELATION_IRI: (self.relations.__getitem__, "{}"),
            DOCUMENT_IRI: (self.documents.__getitem__, "{}"),
            MENTION_IRI: (str, "<{}>"),
            NER_CLASS: (self.ner_classes.get, "{}"),
            NAMES: (_names, "{}"),
        }[kind]

    def dublin_core(self, prop: str, value: str) -> tuple[str, str]:
        """A Dublin Core pair: the property's name and the value (dates as ``xsd:date``)."""
        text = _string(value)
        if prop == DCTERMS.date and is_date(value):
            text += self.datatype(XSD.date)
        return self.predicate(str(prop)), text

# --------------------------------------------------------------------------------------------
# one subject's rows, compiled


def _getter(row: Row, subject: str) -> Callable[[Any], Any]:
    """The raw value of ``row`` in a record of ``subject``."""
    if not isinstance(row.value, str):  # derived
        return row.value  # type: ignore[return-value]
    if subject == MENTION:  # a Provenance: fields are attributes
        return attrgetter(row.value)
    return methodcaller("get", row.value, row.default)


def _is_fixed(row: Row) -> bool:
    """Whether ``row`` always gives exactly one triple (and so can be part of a template)."""
    return (
        row.predicate is not None and row.when is None and not row.many and not row.optional
        and (row.kind is None or row.attribute is not None)
    )


#: ``segment(subject, graph, record) -> text``: one or more rows of a block, rendered.
Segment = Callable[[str, "str | None", Any], str]


class _Syntax:
    """How the predicate-object pairs of one block are written in one syntax.

    N-Triples and N-Quads repeat the subject (and the graph name) on every line; Turtle
    writes ``subject p1 o1 ;\n    p2 o2 .``, here each pair with its leading separator. A pair
    is ``lead + before + predicate + " " + object + after + trail``, where ``lead`` is the
    subject (nothing in Turtle) and ``trail`` the graph name (N-Quads mentions only).
    """

    def __init__(self, syntax: str, subject: str) -> None:
        self.turtle = syntax == "turtle"
        self.graph = syntax == "nquads" and subject in IN_DOCUMENT_GRAPH
        self.before = _TURTLE_SEPARATOR if self.turtle else " "
        self.end = "" if self.turtle else " " if self.graph else " .\n"  # after an object

    def around(self, predicate: str, wrap: str) -> tuple[str, str]:
        """What comes before and after an object of ``predicate`` written as ``wrap``."""
        pre, post = wrap.split("{}")
        return f"{self.before}{predicate} {pre}", post + self.end

    def tokens(self, predicate: str, wrap: str) -> list[str | None]:
        """The pieces of one pair; None where the subject, the object and the graph go."""
        head, tail = self.around(predicate, wrap)
        if self.turtle:
            return [head, None, tail]
        if self.graph:
            return [None, head, None, tail, None, " .\n"]
        return [None, head, None, tail]


def _run(rows_: list[Row], subject: str, ctx: _Context, syntax: _Syntax, opens: bool) -> Segment:
    """Fixed rows (constants first) as one list of text pieces, with slots that a record
    fills: the subject on every line, the graph name, and each object.

    A run that ``opens`` its block writes the subject first in Turtle too.
    """
    encoders: list[Callable[[Any], Any]] = []
    template: list[str | None] = [None] if opens and syntax.turtle else []
    for row in rows_:
        if row.kind is None:
            constant, wrap = ctx.names[str(row.value)], "{}"
        else:
            (encode, wrap), constant = ctx.encoder(row.kind), None
            encoders.append(encode)
        tokens = syntax.tokens(ctx.predicate(str(row.predicate)), wrap)
        if opens and syntax.turtle and len(template) == 1:
            tokens[0] = tokens[0][len(_TURTLE_SEPARATOR) - 1:]  # " p ", after the subject
        tokens[tokens.index(None, 1 if not syntax.turtle else 0)] = constant  # the object
        template += tokens
    attributes = [row for row in rows_ if row.kind is not None]
    if subject == MENTION:  # a Provenance: one C call gets every field
        many = attrgetter(*[row.value for row in attributes])
        raw = many if len(attributes) > 1 else (lambda record: (many(record),))
    else:
        names = [row.value for row in attributes]
        defaults = [row.default for row in attributes]
        raw = lambda record: map(record.get, names, defaults)  # noqa: E731
    constants = len(rows_) - len(attributes)  # they lead: the objects to fill come after

    if syntax.turtle:  # pieces: [subject], then (predicate, object, after) per row
        first = (2 if opens else 1) + 3 * constants

        def turtle(s: str, g: str | None, record: Any) -> str:
            parts = template[:]
            if opens:
                parts[0] = s
            if encoders:
                parts[first::3] = map(_call, encoders, raw(record))
            return "".join(parts)
        return turtle
    lines, graph = len(rows_), syntax.graph
    stride = len(template) // lines  # (subject, predicate, object, after[, graph, end])
    first = 2 + stride * constants

    def run(s: str, g: str | None, record: Any) -> str:
        parts = template[:]
        parts[0::stride] = [s] * lines
        if encoders:
            parts[first::stride] = map(_call, encoders, raw(record))
        if graph:
            parts[4::stride] = [g] * lines
        return "".join(parts)
    return run


def _call(function: Callable[[Any], Any], value: Any) -> Any:  # operator.call before 3.11
    return function(value)


_call = getattr(operator, "call", _call)  # noqa: F811 - C speed where Python has it


def _pairs(row: Row, subject: str, ctx: _Context, syntax: _Syntax) -> Segment:
    """A row that gives any number of triples (optional, many, conditional or derived)."""
    get, when, optional = _getter(row, subject), row.when, row.optional
    turtle, graph, before, end = syntax.turtle, syntax.graph, syntax.before, syntax.end
    if row.kind is None:
        encode: Callable[[Any], Any] = lambda _value: ctx.names[str(row.value)]  # noqa: E731
        wrap = "{}"
    elif row.kind == DUBLIN_CORE:
        encode, wrap = ctx.dublin_core, "{}"
    else:
        encode, wrap = ctx.encoder(row.kind)

    if row.predicate is None:  # the predicate is data: a fact's relation, Dublin Core
        pre, post = wrap.split("{}")
        after, relations = post + end, ctx.relations

        def text(s: str, g: str | None, p: str, obj: str) -> str:
            if turtle:
                return f"{before}{p} {pre}{obj}{after}"
            return f"{s}{before}{p} {pre}{obj}{after}{g} .\n" if graph else \
                f"{s}{before}{p} {pre}{obj}{after}"

        if row.kind == DUBLIN_CORE:
            def dublin_core(s: str, g: str | None, record: Any) -> str:
                if when is not None and not when(record):
                    return ""
                return "".join([text(s, g, *encode(prop, value)) for prop, value in get(record)])
            return dublin_core

        def plain(s: str, g: str | None, record: Any) -> str:
            if when is not None and not when(record):
                return ""
            return text(s, g, relations[record["predicate"]], encode(get(record)))
        return plain

    head, tail = syntax.around(ctx.predicate(str(row.predicate)), wrap)
    if row.many:
        if row.attribute is not None:  # attributes: any collection, written sorted
            unordered = get
            get = lambda record: sorted(unordered(record) or ())  # noqa: E731

        def many(s: str, g: str | None, record: Any) -> str:
            if when is not None and not when(record):
                return ""
            items = get(record)
            if not items:
                return ""
            lead, trail = ("", "") if turtle else (s, f"{g} .\n" if graph else "")
            if len(items) == 1:  # most often
                return f"{lead}{head}{encode(items[0])}{tail}{trail}"
            return "".join([f"{lead}{head}{encode(item)}{tail}{trail}" for item in items])
        return many

    def one(s: str, g: str | None, record: Any) -> str:
        if when is not None and not when(record):
            return ""
        value = get(record)
        if value is None and optional:
            return ""
        text = encode(value)
        if text is None:
            return ""
        if turtle:
            return f"{head}{text}{tail}"
        return f"{s}{head}{text}{tail}{g} .\n" if graph else f"{s}{head}{text}{tail}"
    return one


class _Shape:
    """The rows of one subject, compiled for one syntax: ``render`` gives a block of text."""

    __slots__ = ("turtle", "segments", "opened")

    def __init__(self, subject: str, ctx: _Context, syntax: str) -> None:
        style = _Syntax(syntax, subject)
        self.turtle = style.turtle
        self.segments: list[Segment] = []
        fixed: list[Row] = []  # a run: constant rows first, then attribute rows

        def flush() -> None:
            if fixed:
                opens = not self.segments
                self.segments.append(_run(fixed, subject, ctx, style, opens))
                fixed.clear()

        for row in rows(subject):
            if not _is_fixed(row):
                flush()
                self.segments.append(_pairs(row, subject, ctx, style))
                continue
            if row.kind is None and any(other.kind is not None for other in fixed):
                flush()
            fixed.append(row)
        flush()
        # a block that opens with a run is never empty, and its subject comes first
        self.opened = bool(rows(subject)) and _is_fixed(rows(subject)[0])

    def render(self, s: str, g: str | None, record: Any) -> str:
        """The block of subject ``s`` (in graph ``g``) for ``record``; "" if it has no rows."""
        text = ""
        for segment in self.segments:  # a loop, not a comprehension: no frame of its own
            text += segment(s, g, record)
        if not self.turtle:
            return text
        if self.opened:
            text += " .\n"  # in place
            return text
        # every pair came with its leading separator
        return f"{s} {text[_SEPARATOR_LENGTH:]} .\n" if text else ""


# --------------------------------------------------------------------------------------------
# the graph


def generate_text(
    graph: KnowledgeGraph,
    syntax: str,
    *,
    base: str = DEFAULT_BASE,
    part: tuple[int, int] = (0, 1),
    assert_claims: bool | None = None,
) -> Iterator[str]:
    """Yield the RDF of ``graph`` as text in ``syntax`` (one of :data:`SYNTAXES`), one block
    of complete lines at a time.

    Args:
        graph: The knowledge graph.
        syntax: ``nt``, ``nquads`` or ``turtle`` (Turtle starts with its ``@prefix`` lines).
        base: Base IRI of the data.
        part: ``(i, n)``: only the ``i``-th of ``n`` consecutive parts (the first has the
            prefixes, documents, entities and relations, then each a slice of the facts), so
            ``n`` processes can write one output whose concatenation is the whole.
        assert_claims: Also write claims as plain triples
            (:func:`export.rdf.vocabulary.plain_triple`), and say so on the graph node; None
            does as the graph was read (``graph.graph["assert_claims"]``, else not).

    Facts are stated (plain triples, ``kgv:asserted true``) at the graph's own threshold,
    :func:`kg.voice.min_confidence`, which the graph node records (``kgv:minConfidence``).
    """
    if syntax not in SYNTAXES:
        raise ValueError(f"unknown text syntax {syntax!r}; one of {SYNTAXES}")
    base = check_base(base)
    if assert_claims is None:
        assert_claims = bool(graph.graph.get("assert_claims", False))
    threshold = min_confidence(graph)
    index, parts = part
    head = index == 0
    ctx = _Context(base, syntax)
    shape = {subject: _Shape(subject, ctx, syntax) for subject in SUBJECTS}
    if head and syntax == "turtle":
        yield "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in prefixes(base).items()) + "\n"
    if head:
        yield shape[GRAPH].render(f"<{base}>", None, {"assert_claims": assert_claims or None,
                                                      "min_confidence": threshold})

    referenced = {p.document for _, _, data in graph.edges(data=True) for p in data["provenance"]}
    for doc_id in sorted(set(graph.documents) | referenced):
        iri = ctx.documents[doc_id]
        if head:
            document = graph.documents.get(doc_id)
            record = {"id": doc_id} if document is None else {
                "id": doc_id, "source": document.source, "sha256": document.sha256,
                "metadata": document.metadata}
            yield shape[DOCUMENT].render(iri, None, record)

    for key in sorted(graph.nodes):
        attrs = graph.nodes[key]
        iri = ctx.entities[key] = f"<{entity_iri(key, attrs.get('label'), base=base)}>"
        if head:
            yield shape[ENTITY].render(iri, None, {**attrs, "key": key})
    if len(set(ctx.entities.values())) != len(ctx.entities):  # pragma: no cover
        raise AssertionError("two entity keys were minted the same IRI")

    for predicate in sorted({data["predicate"] for _, _, data in graph.edges(data=True)}):
        iri = ctx.relations[predicate]
        if head:
            yield shape[RELATION].render(iri, None, {"predicate": predicate})

    fact, statement, mention = shape[FACT], shape[STATEMENT], shape[MENTION]
    documents = ctx.documents
    statement_root = base + "statement/"
    edges = graph.edges
    ordered = sorted(graph.edges(keys=True))
    share = ordered[len(ordered) * index // parts : len(ordered) * (index + 1) // parts]
    del ordered
    for subject, obj, key in share:
        data = edges[subject, obj, key]
        records = data.get("provenance", ())
        if len(records) > 1:
            records = sorted(records, key=provenance_sort_key)
        st = statement_root + digest([subject, key, obj], 32)
        mentions = mention_iris(st, records, base=base)
        record = {**data, "subject": subject, "object": obj, "provenance": records,
                  "mentions": mentions, "assert_claims": assert_claims,
                  "voice": edge_voice(data, min_confidence=threshold)}
        blocks = [fact.render(ctx.entities[subject], None, record),
                  statement.render(f"<{st}>", None, record)]
        for provenance, iri in zip(records, mentions):
            blocks.append(mention.render(f"<{iri}>", documents[provenance.document], provenance))
        yield "".join(blocks)
