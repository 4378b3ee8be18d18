"""The corpus-wide name pass on merged tables (kg.engines.corpus_moves) against
kg.merge.resolve_corpus_names, without a cluster or a model."""

from __future__ import annotations

import pandas as pd
from rdflib import Graph

from export.rdf import provenance_sort_key, to_rdf
from kg.engines import tables
from kg.engines.corpus_moves import (
    joined_entities,
    move_mentions,
    move_rows,
    name_moves,
    new_keys,
    replace_entities,
)
from kg.merge import merge_into, resolve_corpus_names
from kg.model import Argument, Document, KnowledgeGraph, Provenance, Triple

DOCUMENTS = [Document(name, name, name * 32) for name in ("a", "b", "c")]


def arg(label: str, type_: str | None = None, **fields) -> Argument:
    return Argument(label, label.lower(), type_, **fields)


def fact(subject: Argument, predicate: str, obj: Argument, doc: str, at: int,
         source: Argument | None = None) -> Triple:
    prov = Provenance(doc, f"{subject.label} {predicate} {obj.label}.", at, at + 30,
                      subject.label, at, at + 5, obj.label, at + 10, at + 15, 0.5 + at / 1000,
                      "svo", attributed_to=source.key if source else None,
                      stance="reported" if source else "asserted",
                      subject_rules=subject.rules, object_rules=obj.rules)
    return Triple(subject, predicate, obj, prov, source=source)


ROBERT, HARARE = arg("Robert Mugabe", "PERSON"), arg("Harare", "GPE")
MUGABE = arg("Mugabe", "PERSON", form="President Mugabe", rules=("honorific",))
LODZ, LODZ_ACCENTED = arg("Lodz", "GPE"), arg("Łódź", "GPE")
AGREEMENT, JOBS = arg("agreement"), arg("jobs")

TRIPLES = [
    fact(ROBERT, "meet", HARARE, "a", 0),
    fact(ROBERT, "visit", LODZ_ACCENTED, "a", 40),
    fact(HARARE, "be", HARARE, "a", 80),  # a self-loop of no moved node stays
    fact(MUGABE, "meet", HARARE, "b", 0),  # joins the fact of document a
    fact(AGREEMENT, "create", JOBS, "b", 40, source=MUGABE),  # re-attributed
    fact(MUGABE, "praise", LODZ, "b", 80),  # both ends move
    fact(LODZ, "praise", LODZ_ACCENTED, "c", 0),  # becomes a self-loop: dropped
    fact(LODZ, "welcome", arg("Mugabe", "PERSON"), "c", 40),
    fact(LODZ, "twin", arg("Warsaw", "GPE"), "c", 80),
]


def local_graph(triples: list[Triple]) -> tuple[dict, KnowledgeGraph]:
    graph = merge_into(KnowledgeGraph(), triples)
    graph.documents.update({doc.id: doc for doc in DOCUMENTS})
    return resolve_corpus_names(graph), graph


def table_graph(triples: list[Triple]) -> tuple[dict, KnowledgeGraph]:
    """The tables path of a sharded build: rows in two partitions, the merged entity table in
    two partitions of whole keys, each with the nodes the moves join replaced; triple rows
    moved partition by partition, then merged by fact."""
    rows = pd.concat([tables.keyed(tables.triples_table(triples[:4]).to_pandas(), 0),
                      tables.keyed(tables.triples_table(triples[4:]).to_pandas(), 1)],
                     ignore_index=True)
    counts = (tables.entity_rows(rows).groupby(list(tables.MENTION_COLUMNS), as_index=False)
              .agg({"n": "sum", "first": "min"}))
    parts = [tables.finalize_entities(part)
             for _, part in counts.groupby(counts["key"].str.len() % 2)]
    moves = name_moves(pd.concat(parts))
    joined = joined_entities(counts, moves)
    entities = pd.concat([replace_entities(part, joined, moves) for part in parts])
    # the same as merging every mention count again, with the moves made
    remerged = tables.finalize_entities(move_mentions(counts, moves))
    assert dict(tables.iter_nodes(remerged)) == dict(tables.iter_nodes(entities))
    keys = new_keys(moves)
    facts = tables.finalize_facts(pd.concat([move_rows(rows.iloc[:5], keys),
                                             move_rows(rows.iloc[5:], keys)]))
    return moves, tables.graph_from_tables(DOCUMENTS, entities, facts)


def rdf(graph: KnowledgeGraph) -> set:
    union = Graph()
    for s, p, o, _g in to_rdf(graph).quads((None, None, None, None)):
        union.add((s, p, o))
    return set(union)


def edges(graph: KnowledgeGraph) -> dict:
    return {(u, k, v): {**data, "provenance": sorted(data["provenance"], key=provenance_sort_key)}
            for u, v, k, data in graph.edges(keys=True, data=True)}


def test_moves_on_tables_give_the_graph_resolve_corpus_names_gives():
    local_moves, local = local_graph(TRIPLES)
    moves, graph = table_graph(TRIPLES)
    assert local_moves == {"mugabe": "robert mugabe", "łódź": "lodz"}  # not vacuous
    assert new_keys(moves) == local_moves
    assert dict(graph.nodes(data=True)) == dict(local.nodes(data=True))
    assert edges(graph) == edges(local)
    assert rdf(graph) == rdf(local)
    robert = graph.nodes["robert mugabe"]
    assert robert["alias_rules"] == {"Mugabe": ["corpus_surname"],
                                     "President Mugabe": ["corpus_surname", "honorific"]}
    assert ("lodz", "praise", "lodz") not in edges(graph)
    assert ("harare", "be", "harare") in edges(graph)
    claim = graph.edges["agreement", "jobs", "create"]["provenance"]
    assert [p.attributed_to for p in claim] == ["robert mugabe"]


def test_no_moves_leave_the_tables_as_they_are():
    rows = tables.keyed(tables.triples_table(TRIPLES[:3]).to_pandas(), 0)
    counts = tables.entity_rows(rows).assign(n=1)
    assert name_moves(tables.finalize_entities(counts)) == {}
    assert move_mentions(counts, {}) is counts and move_rows(rows, {}) is rows
