"""The columnar merge (kg.engines.tables) against kg.merge, without a cluster or a model."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from kg.engines import tables
from kg.merge import merge_into
from kg.model import Argument, Document, KnowledgeGraph, Provenance, Triple


def triple(s: str, p: str, o: str, *, doc: str = "d.txt", at: int = 0, negated: bool = False,
           s_type: str | None = None, confidence: float = 0.5) -> Triple:
    prov = Provenance(doc, f"{s} {p} {o}.", at, at + 9, s, at, at + 1, o, at + 4, at + 5,
                      confidence, "svo", "may" if at % 7 == 3 else None)
    return Triple(Argument(s, s.lower(), s_type), p, Argument(o, o.lower(), None), prov,
                  negated=negated)


def merged_by_tables(triples: list[Triple], cuts: list[int]) -> KnowledgeGraph:
    """Merge ``triples`` as the distributed engine does: partitions cut at ``cuts``, rows
    shuffled across reducers, then finalised."""
    bounds = [0, *cuts, len(triples)]
    rows = pd.concat(
        [tables.keyed(tables.triples_table(triples[a:b]).to_pandas(), index)
         for index, (a, b) in enumerate(zip(bounds, bounds[1:]))],
        ignore_index=True,
    ).sample(frac=1.0, random_state=1)  # a shuffle does not keep input order
    counts = (tables.entity_rows(rows).groupby(list(tables.MENTION_COLUMNS), as_index=False)
              .agg({"n": "sum", "first": "min"}))
    entities = pd.concat([tables.finalize_entities(part) for _, part in counts.groupby(
        counts["key"].str.len() % 2)])  # two reducers, each owning whole keys
    facts = tables.finalize_facts(rows)
    documents = [Document("d.txt", "d.txt", "0" * 64)]
    return tables.graph_from_tables(documents, entities, facts)


def local(triples: list[Triple]) -> KnowledgeGraph:
    graph = merge_into(KnowledgeGraph(), triples)
    graph.documents["d.txt"] = Document("d.txt", "d.txt", "0" * 64)
    return graph


def assert_same(a: KnowledgeGraph, b: KnowledgeGraph) -> None:
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
    assert a.documents == b.documents


def test_tables_merge_label_ties_go_to_smallest_form():
    triples = [triple("Zeta", "meet", "B"), triple("ZETA", "meet", "B", at=20),
               triple("zeta", "see", "B", at=40), triple("ZETA", "see", "C", at=60),
               triple("Zeta", "see", "C", at=80)]
    graph = merged_by_tables(triples, [2, 3])
    assert graph.nodes["zeta"]["label"] == "ZETA"  # 2 x ZETA, 2 x Zeta: "ZETA" < "Zeta"
    assert graph.nodes["zeta"]["aliases"] == ["Zeta", "zeta"]
    assert_same(graph, local(triples))


def test_tables_merge_counts_provenance_and_types_like_kg_merge():
    rng = random.Random(7)
    names = ["Xu Liang", "xu liang", "Sora", "OpenAI", "U.S. Tech", "US tech", "China"]
    triples = [
        triple(rng.choice(names), rng.choice(["rival", "meet", "stem from"]),
               rng.choice(names), at=index * 10, negated=rng.random() < 0.2,
               s_type=rng.choice([None, "ORG", "PERSON"]), confidence=rng.random())
        for index in range(300)
    ]
    graph = merged_by_tables(triples, [17, 90, 91, 200])
    assert_same(graph, local(triples))
    assert sum(d["count"] for _, _, d in graph.edges(data=True)) == 300


@pytest.mark.parametrize("threshold", [0.0, 0.6])
def test_fact_table_voice_is_kg_voice_at_the_threshold(threshold):
    from kg.voice import edge_voice

    rng = random.Random(3)
    triples = [triple(rng.choice("ABC"), rng.choice(["rival", "meet"]), rng.choice("DE"),
                      at=index * 10, negated=rng.random() < 0.2, confidence=rng.random())
               for index in range(80)]
    rows = tables.keyed(tables.triples_table(triples).to_pandas(), 0)
    facts = tables.finalize_facts(rows, threshold)
    graph = local(triples)
    expected = {(u, k, v): edge_voice(d, min_confidence=threshold).kind
                for u, v, k, d in graph.edges(keys=True, data=True)}
    found = dict(zip(zip(facts["subject"], facts["fact_key"], facts["object"]), facts["voice"]))
    assert found == expected
    assert set(found.values()) >= ({"stated", "negated", "low_confidence"}
                                   if threshold else {"stated", "negated"})


def test_tables_empty_partition_gives_typed_empty_frames():
    rows = tables.keyed(tables.triples_table([]).to_pandas(), 3)
    assert tables.finalize_facts(rows).empty
    assert list(tables.finalize_facts(rows).columns) == list(tables.FACT_COLUMNS)
    assert tables.graph_from_tables([], tables.finalize_entities(tables.entity_rows(rows)),
                                    tables.finalize_facts(rows)).number_of_nodes() == 0


def test_keyed_refuses_an_empty_key_like_add_triple():
    bad = Triple(Argument("...", "..."), "be", Argument("B", "b"),
                 Provenance("d", "s", 0, 1, "...", 0, 1, "B", 0, 1, 0.5, "svo"))
    with pytest.raises(ValueError, match="empty entity key"):
        tables.keyed(tables.triples_table([bad]).to_pandas(), 0)


def test_checkpoint_writer_is_atomic_and_carries_metadata(tmp_path):
    path = tmp_path / "part.parquet"
    writer = tables.CheckpointWriter(path)
    writer.write([triple("A", "meet", "B")])
    assert tables.checkpoint_metadata(path) is None  # not there until closed
    writer.write([triple("A", "see", "C", at=10)])
    writer.close({"words": 6})
    assert tables.checkpoint_metadata(path) == {"words": 6}
    assert tables.read_checkpoint(path)["row"].tolist() == [0, 1]

    broken = tables.CheckpointWriter(tmp_path / "broken.parquet")
    broken.write([triple("A", "meet", "B")])
    broken.abort(RuntimeError("killed"))
    assert not (tmp_path / "broken.parquet").exists()
    assert list(tmp_path.iterdir()) == [path]

