"""The map task on its own: one partition parsed in this process, as a warm worker would."""

from __future__ import annotations

from kg import build
from kg.build import BuildReport, read_sources
from kg.engines import dask_engine, tables
from kg.model import KnowledgeGraph


def test_extract_partition_frees_its_strings_in_a_memory_zone(tmp_path, nlp, corpus, monkeypatch):
    """A long-lived worker parsing partition after partition does not grow its vocabulary."""
    monkeypatch.setitem(build._WORKER_NLP, "", nlp)  # this process as a warm worker
    sources = read_sources([corpus / "blogs"], KnowledgeGraph(), BuildReport())
    _docs, partitions = dask_engine.plan_partitions(sources, 3000)
    assert len(partitions) >= 3
    before = len(nlp.vocab.strings)
    for index, partition in enumerate(partitions[:3]):
        result = dask_engine.extract_partition(
            partition, str(tmp_path / f"{index}.parquet"), model=None,
            extractor=dask_engine.DEFAULT_EXTRACTOR,
        )
        assert result["parsed"] and not result["loaded"] and result["triples"] > 0
        assert len(nlp.vocab.strings) == before


def test_extract_partition_reuses_a_finished_checkpoint(tmp_path, nlp, corpus, monkeypatch):
    monkeypatch.setitem(build._WORKER_NLP, "", nlp)
    sources = read_sources([corpus / "blogs"], KnowledgeGraph(), BuildReport())
    partition = dask_engine.plan_partitions(sources, 2000)[1][0]
    path = str(tmp_path / "p.parquet")
    first = dask_engine.extract_partition(partition, path, model=None,
                                          extractor=dask_engine.DEFAULT_EXTRACTOR)
    again = dask_engine.extract_partition(partition, path, model=None,
                                          extractor=dask_engine.DEFAULT_EXTRACTOR)
    assert first["parsed"] and not again["parsed"]
    assert {k: again[k] for k in ("words", "triples", "documents")} == {
        k: first[k] for k in ("words", "triples", "documents")}
    assert len(tables.read_checkpoint(path)) == first["triples"]
