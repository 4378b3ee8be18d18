"""Triples as tables: the columnar form distributed engines shuffle, merge and store.

Extraction output becomes one row per triple (:func:`triples_table`), stored as extracted (raw
entity keys), so a checkpoint stays valid when entity resolution changes; :func:`keyed` adds
the node keys (:func:`kg.keys.canonical_key`), fact keys and a corpus-wide order. A merge is
then two
group-bys, one by canonical entity key (:func:`finalize_entities`) and one by fact identity
(:func:`finalize_facts`), that combine exactly as :mod:`kg.merge` does: counts add, provenance
concatenates in input order, labels are the most frequent form (ties to the smallest).
:func:`graph_from_tables` turns the merged tables back into a :class:`KnowledgeGraph` that is
identical to the one the local engine builds, down to node and edge order.

Everything here is plain pandas and pyarrow, so it is tested without a cluster.
"""

from __future__ import annotations

import json
import os
from dataclasses import astuple, fields
from typing import Iterable, Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from kg.io import atomic_open
from kg.keys import canonical_key
from kg.merge import refresh_entity
from kg.model import Argument, Document, KnowledgeGraph, Provenance, Triple, fact_key
from kg.voice import DEFAULT_MIN_CONFIDENCE, edge_voice

__all__ = [
    "PROVENANCE_COLUMNS",
    "ARGUMENT_FIELDS",
    "MENTION_COLUMNS",
    "TRIPLE_SCHEMA",
    "ENTITY_COLUMNS",
    "speaker_keys",
    "FACT_COLUMNS",
    "triples_table",
    "CheckpointWriter",
    "read_checkpoint",
    "checkpoint_metadata",
    "keyed",
    "entity_rows",
    "finalize_entities",
    "finalize_facts",
    "provenance_records",
    "iter_nodes",
    "iter_edges",
    "graph_from_tables",
]

#: Provenance fields, in :class:`~kg.model.Provenance` order (its constructor's order).
PROVENANCE_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Provenance))

_INTS = {"sentence_start", "sentence_end", "subject_start", "subject_end", "object_start",
         "object_end"}
_NULLABLE = {"modality", "attributed_to", "reported_by"}


def _provenance_type(name: str) -> pa.DataType:
    if name in _INTS:
        return pa.int64()
    if name == "confidence":
        return pa.float64()
    if name == "conditional":
        return pa.bool_()
    return pa.string()  # identity rules as "honorific+surname"


_RULE_FIELDS = frozenset({"subject_rules", "object_rules"})


def _column_value(name: str, value: object) -> object:
    return "+".join(value) if name in _RULE_FIELDS else value  # type: ignore[arg-type]


#: Argument fields stored per role (``subject_label``, ``object_rules``, ``source_key`` ...):
#: everything :class:`~kg.model.Argument` holds; ``rules`` joined by ``+``.
ARGUMENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Argument))
_ROLES = ("subject", "object", "source")


def _argument_names(role: str) -> list[str]:
    """The Argument fields stored for ``role``: a subject's and an object's identity rules are
    already the provenance's ``subject_rules`` and ``object_rules`` columns."""
    return [name for name in ARGUMENT_FIELDS if name != "rules" or role == "source"]


def _argument_fields(role: str) -> list[pa.Field]:
    required = role != "source"
    return [pa.field(f"{role}_{name}", pa.string(),
                     nullable=not (required and name in ("key", "label")))
            for name in _argument_names(role)]


def _argument_values(arg: Argument | None) -> tuple:
    if arg is None:
        return (None,) * len(ARGUMENT_FIELDS)
    return tuple("+".join(value) if name == "rules" else value
                 for name, value in zip(ARGUMENT_FIELDS, astuple(arg)))


#: One row per extracted triple, as extracted: arguments, predicate, the provenance record.
TRIPLE_SCHEMA = pa.schema(
    [
        pa.field("row", pa.int64(), nullable=False),
        pa.field("predicate", pa.string(), nullable=False),
        pa.field("negated", pa.bool_(), nullable=False),
    ]
    + [field for role in _ROLES for field in _argument_fields(role)]
    + [pa.field(name, _provenance_type(name), nullable=name in _NULLABLE)
       for name in PROVENANCE_COLUMNS]
)

#: Columns of a merged entity table (one row per canonical key) and their dtypes. ``aliases``,
#: ``forms``, ``types``, ``alias_rules``, ``honorifics`` and ``roles`` are JSON; ``first``
#: orders entities as the local merge meets them.
ENTITY_COLUMNS: dict[str, str] = {
    "key": "string", "label": "string", "aliases": "string", "type": "string",
    "mentions": "int64", "forms": "string", "types": "string", "alias_rules": "string",
    "honorifics": "string", "roles": "string", "scope": "string", "first": "int64",
}
#: Columns of one argument mention (:func:`entity_rows`), grouped to count mentions.
MENTION_COLUMNS: tuple[str, ...] = ("key", "form", "type", "surface", "rules", "honorific",
                                    "role", "scope")
#: Columns of a merged fact table (one row per fact); ``provenance`` is a JSON list of records,
#: each the :class:`~kg.model.Provenance` fields in order; ``voice`` is the fact's
#: :attr:`kg.voice.Voice.kind` at the build's threshold (``stated`` ...).
FACT_COLUMNS: dict[str, str] = {
    "subject": "string", "fact_key": "string", "object": "string", "predicate": "string",
    "negated": "bool", "count": "int64", "confidence": "float64", "provenance": "string",
    "voice": "string", "first": "int64",
}

#: Bits of a sequence number below the partition index: rows of one partition, times three.
_ROW_BITS = 40
_MAX_RECORDS = 1 << 18  # rows per Arrow record batch written to a checkpoint


def triples_table(triples: Iterable[Triple], *, start: int = 0) -> pa.Table:
    """The rows of ``triples``, numbered from ``start``.

    >>> from kg.model import Argument
    >>> p = Provenance("d", "A met B.", 0, 8, "A", 0, 1, "B", 6, 7, 0.9, "svo")
    >>> t = triples_table([Triple(Argument("A", "A"), "meet", Argument("B", "b"), p)])
    >>> t.num_rows, t["subject_key"][0].as_py(), t["sentence"][0].as_py()
    (1, 'A', 'A met B.')
    """
    columns: dict[str, list] = {name: [] for name in TRIPLE_SCHEMA.names}
    for row, triple in enumerate(triples, start):
        columns["row"].append(row)
        columns["predicate"].append(triple.predicate)
        columns["negated"].append(bool(triple.negated))
        for role, arg in zip(_ROLES, (triple.subject, triple.object, triple.source)):
            wanted = _argument_names(role)
            for name, value in zip(ARGUMENT_FIELDS, _argument_values(arg)):
                if name in wanted:
                    columns[f"{role}_{name}"].append(value or None)
        for name, value in zip(PROVENANCE_COLUMNS, astuple(triple.provenance)):
            columns[name].append(_column_value(name, value))
    return pa.table(columns, schema=TRIPLE_SCHEMA)


class CheckpointWriter:
    """Write a partition's triples to one Parquet file, atomically, in bounded memory.

    Rows are appended batch by batch; the file appears under its final name only when
    :meth:`close` succeeds, carrying ``metadata`` (words, documents, ...) in its footer, so a
    file that exists is a finished partition.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._context = atomic_open(path, "wb")
        self._writer = pq.ParquetWriter(self._context.__enter__(), TRIPLE_SCHEMA)
        self.rows = 0

    def write(self, triples: Iterable[Triple]) -> None:
        """Append ``triples`` as the next rows."""
        table = triples_table(triples, start=self.rows)
        if table.num_rows:
            self._writer.write_table(table, row_group_size=_MAX_RECORDS)
            self.rows += table.num_rows

    def close(self, metadata: dict) -> None:
        """Finish the file with ``metadata`` (JSON-ready) and move it into place."""
        self._writer.add_key_value_metadata({"kg": json.dumps(metadata, sort_keys=True)})
        self._writer.close()
        self._context.__exit__(None, None, None)

    def abort(self, error: BaseException) -> None:
        """Drop the unfinished file."""
        self._writer.close()
        self._context.__exit__(type(error), error, error.__traceback__)


def checkpoint_metadata(path: str | os.PathLike[str]) -> dict | None:
    """The metadata a finished checkpoint carries, or None when ``path`` is not one."""
    try:
        meta = pq.read_metadata(path).metadata or {}
    except (OSError, pa.ArrowException):
        return None
    raw = meta.get(b"kg")
    return json.loads(raw) if raw else None


def read_checkpoint(path: str | os.PathLike[str]) -> pd.DataFrame:
    """A checkpoint's rows as a DataFrame (empty partitions give an empty, typed frame)."""
    return pq.read_table(path, schema=TRIPLE_SCHEMA).to_pandas()


def keyed(frame: pd.DataFrame, partition: int) -> pd.DataFrame:
    """Rows of checkpoint ``partition`` ready to merge: node keys ``subject`` and ``object``
    (as :func:`kg.merge.add_triple` computes them), ``fact_key``, and ``seq``, an order of
    the rows across the corpus (partitions are numbered in document order).

    Raises:
        ValueError: An entity key is empty after normalisation (as ``add_triple`` refuses).
    """
    frame = frame.copy()
    for role in ("subject", "object"):
        raw = frame[f"{role}_key"].astype(str)
        keys = {value: canonical_key(value) for value in raw.unique()}
        empty = [value for value, key in keys.items() if not key]
        if empty:
            raise ValueError(f"Triple has an empty entity key after normalisation: {empty[0]!r}")
        frame[role] = raw.map(keys).astype(str)
    frame["source"] = [canonical_key(value) if isinstance(value, str) else None
                       for value in frame["source_key"]]
    frame["fact_key"] = [
        fact_key(predicate, bool(negated))
        for predicate, negated in zip(frame["predicate"], frame["negated"])
    ]
    frame["fact_key"] = frame["fact_key"].astype(str)
    frame["seq"] = (partition << _ROW_BITS) + 3 * frame["row"].astype("int64")
    return frame


def entity_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per argument mention, as :func:`kg.merge.add_triple` counts it.

    Columns :data:`MENTION_COLUMNS` (``""`` for a missing value; ``surface`` and ``rules`` set
    only for a form an identity rule attached), ``n`` and ``first`` (sequence number: a
    subject comes before its object, and the speaker a claim is attributed to after both).
    """
    parts = []
    for offset, role in enumerate(_ROLES):
        rows = frame if role != "source" else frame[frame["source"].notna()]
        form = rows[f"{role}_form"].fillna("").astype(str)
        rules = rows[f"{role}_rules"].fillna("").astype(str)
        label = rows[f"{role}_label"].fillna("").astype(str)
        recorded = (rules != "") | (form != "")
        parts.append(pd.DataFrame({
            "key": rows[role].astype(str),
            "form": label,
            "type": rows[f"{role}_type"].fillna("").astype(str),
            "surface": form.where(form != "", label).where(recorded, ""),
            "rules": rules.where(rules != "", "exact").where(recorded, ""),
            "honorific": rows[f"{role}_honorific"].fillna("").astype(str),
            "role": rows[f"{role}_role"].fillna("").astype(str),
            "scope": rows[f"{role}_scope"].fillna("").astype(str),
            "n": 1,
            "first": rows["seq"].astype("int64") + offset,
        }))
    return pd.concat(parts, ignore_index=True)


def _frame(rows: list[tuple], columns: dict[str, str]) -> pd.DataFrame:
    """A frame of ``rows`` with exactly the dtypes of ``columns`` (also when empty)."""
    return pd.DataFrame(rows, columns=list(columns)).astype(columns)


def finalize_entities(counts: pd.DataFrame) -> pd.DataFrame:
    """Merged entities from mention counts (:data:`MENTION_COLUMNS`, ``n``, ``first``).

    One row per key; all rows of a key must be in ``counts`` (the frame is partitioned by
    key). Label, aliases and type are chosen by :mod:`kg.merge`'s own code, so ties break the
    same way.
    """
    records: dict[str, dict] = {}
    ordered = counts.sort_values("first", kind="stable")  # forms in first-seen order
    for (key, form, type_, surface, rules, honorific, role, scope, n,
         first) in ordered[[*MENTION_COLUMNS, "n", "first"]].itertuples(index=False, name=None):
        attrs = records.get(key)
        if attrs is None:
            attrs = records[key] = {"forms": {}, "types": {}, "mentions": 0, "first": first,
                                    "alias_rules": {}, "honorifics": set(), "roles": set(),
                                    "scope": scope or None}
        n = int(n)
        if form:
            attrs["forms"][form] = attrs["forms"].get(form, 0) + n
        if type_:
            attrs["types"][type_] = attrs["types"].get(type_, 0) + n
        if surface:
            attrs["alias_rules"].setdefault(surface, set()).update(rules.split("+"))
        if honorific:
            attrs["honorifics"].add(honorific)
        if role:
            attrs["roles"].add(role)
        attrs["mentions"] += n
        attrs["first"] = min(attrs["first"], int(first))
    rows = []
    for key, attrs in records.items():
        attrs["alias_rules"] = {form: sorted(names) for form, names in attrs["alias_rules"].items()}
        refresh_entity(attrs)
        rows.append((
            key, attrs["label"], json.dumps(attrs["aliases"], ensure_ascii=False),
            attrs["type"], attrs["mentions"],
            json.dumps(attrs["forms"], ensure_ascii=False, sort_keys=True),
            json.dumps(attrs["types"], ensure_ascii=False, sort_keys=True),
            json.dumps(attrs["alias_rules"], ensure_ascii=False, sort_keys=True),
            json.dumps(sorted(attrs["honorifics"]), ensure_ascii=False),
            json.dumps(sorted(attrs["roles"]), ensure_ascii=False),
            attrs["scope"],
            attrs["first"],
        ))
    return _frame(rows, ENTITY_COLUMNS)


def finalize_facts(
    rows: pd.DataFrame, min_confidence: float = DEFAULT_MIN_CONFIDENCE
) -> pd.DataFrame:
    """Merged facts from triple rows with ``seq``; all rows of a fact must be in ``rows``.

    Count is the number of rows, confidence the highest, provenance the records in input
    order; predicate and negation come from the first row, as the local merge keeps them;
    ``voice`` is :func:`kg.voice.edge_voice` at ``min_confidence``.
    """
    if rows.empty:
        return _frame([], FACT_COLUMNS)
    ordered = rows.sort_values(["subject", "fact_key", "object", "seq"], kind="stable")
    names = ["subject", "fact_key", "object", "predicate", "negated", "seq", *PROVENANCE_COLUMNS]
    confidence_at = PROVENANCE_COLUMNS.index("confidence")
    out: list[tuple] = []
    head: tuple = ()
    records: list[list] = []

    def flush() -> None:
        confidence = max(record[confidence_at] for record in records)
        subject, key, obj, predicate, negated, seq = head[:6]
        voice = edge_voice({"negated": bool(negated), "provenance": _records(records)},
                           min_confidence=min_confidence)
        out.append((subject, key, obj, predicate, bool(negated), len(records),
                    float(confidence), json.dumps(records, ensure_ascii=False), voice.kind,
                    int(seq)))

    for values in ordered[names].itertuples(index=False, name=None):
        if values[:3] != head[:3]:
            if records:
                flush()
            head, records = values, []
        records.append([_plain(value) for value in values[6:]])
    flush()
    return _frame(out, FACT_COLUMNS)


def _plain(value: object) -> object:
    """A JSON-ready Python value from a pandas cell (numpy scalars, NA for a missing value)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if value is pd.NA:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


_RULES_AT = [PROVENANCE_COLUMNS.index(name) for name in sorted(_RULE_FIELDS)]


def _records(rows: Iterable[list]) -> list[Provenance]:
    """:class:`Provenance` records from their field lists (identity rules joined by ``+``)."""
    records = []
    for record in rows:
        record = list(record)
        for at in _RULES_AT:
            record[at] = tuple(record[at].split("+")) if record[at] else ()
        records.append(Provenance(*record))
    return records


def provenance_records(data: str) -> list[Provenance]:
    """The :class:`Provenance` records of a fact's ``provenance`` JSON."""
    return _records(json.loads(data))


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


_SPEAKER_AT = PROVENANCE_COLUMNS.index("attributed_to")


def speaker_keys(facts: pd.DataFrame) -> pd.DataFrame:
    """The distinct keys (column ``key``) of the entities the facts' mentions are attributed
    to, from the ``provenance`` JSON of a merged fact table."""
    keys = {record[_SPEAKER_AT] for data in facts["provenance"] for record in json.loads(data)}
    keys.discard(None)
    return pd.DataFrame({"key": pd.Series(sorted(keys), dtype="string")})


def iter_nodes(entities: pd.DataFrame) -> Iterator[tuple[str, dict]]:
    """``(key, attrs)`` for each merged entity row, attrs as :class:`KnowledgeGraph` holds them."""
    for (key, label, aliases, type_, mentions, forms, types, alias_rules, honorifics, roles,
         scope) in entities[
        ["key", "label", "aliases", "type", "mentions", "forms", "types", "alias_rules",
         "honorifics", "roles", "scope"]
    ].itertuples(index=False, name=None):
        yield key, {
            "forms": json.loads(forms),
            "types": json.loads(types),
            "mentions": int(mentions),
            "label": _text(label),
            "aliases": json.loads(aliases),
            "type": _text(type_),
            "alias_rules": json.loads(alias_rules),
            "honorifics": json.loads(honorifics),
            "roles": json.loads(roles),
            "scope": _text(scope),
        }


def iter_edges(facts: pd.DataFrame) -> Iterator[tuple[str, str, str, dict]]:
    """``(subject, object, fact key, data)`` for each merged fact row."""
    for subject, key, obj, predicate, negated, count, confidence, provenance in facts[
        ["subject", "fact_key", "object", "predicate", "negated", "count", "confidence",
         "provenance"]
    ].itertuples(index=False, name=None):
        yield subject, obj, key, {
            "predicate": predicate,
            "negated": bool(negated),
            "count": int(count),
            "provenance": provenance_records(provenance),
            "confidence": float(confidence),
        }


def graph_from_tables(
    documents: Iterable[Document], entities: pd.DataFrame, facts: pd.DataFrame | None = None,
    *, min_confidence: float | None = None,
) -> KnowledgeGraph:
    """The :class:`KnowledgeGraph` of merged tables, nodes and edges in first-seen order
    (``facts`` None: the nodes alone; ``min_confidence``: the threshold it states facts at,
    recorded when given)."""
    graph = KnowledgeGraph()
    if min_confidence is not None:
        graph.graph["min_confidence"] = min_confidence
    for document in documents:
        graph.documents[document.id] = document
    graph.add_nodes_from(iter_nodes(entities.sort_values("first", kind="stable")))
    if facts is None:
        return graph
    for subject, obj, key, data in iter_edges(facts.sort_values("first", kind="stable")):
        graph.add_edge(subject, obj, key=key, **data)
    return graph
