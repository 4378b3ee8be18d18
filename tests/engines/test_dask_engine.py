"""The Dask engine builds the same graph as the local engine, survives a lost worker and
resumes from its checkpoints."""

from __future__ import annotations

import gzip
import os
import signal
import threading
import time

import pandas as pd
import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from export.rdf import to_rdf
from kg.build import build_graph
from kg.engines import dask_cluster
from kg.engines.dask_engine import (
    ClusterError,
    DaskSettings,
    build_graph_dask,
    model_loads,
)

#: Every test here starts or uses a Dask cluster of worker processes: the integration tier.
pytestmark = pytest.mark.integration
from kg.errors import KGError
from kg.model import KnowledgeGraph
from kg.stats import summary
from tests.data import ROOT, SEEDS, stricter_threshold


def rdf_triples(graph: KnowledgeGraph) -> Graph:
    """The RDF of ``graph`` with named graphs flattened (what N-Triples shards hold)."""
    union = Graph()
    for s, p, o, _g in to_rdf(graph).quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def shard_triples(shards: list[str]) -> Graph:
    """Every shard parsed by rdflib; also checks pyoxigraph loads each one."""
    union = Graph()
    store = pyoxigraph.Store()
    for shard in shards:
        data = gzip.decompress(open(shard, "rb").read())
        union.parse(data=data.decode("utf-8"), format="nt")
        store.bulk_load(data, format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert len(store) == len(union)
    return union


def assert_same_graph(dask_graph: KnowledgeGraph, local_graph: KnowledgeGraph) -> None:
    assert dask_graph.documents == local_graph.documents
    assert list(dask_graph.nodes(data=True)) == list(local_graph.nodes(data=True))
    assert list(dask_graph.edges(keys=True, data=True)) == list(
        local_graph.edges(keys=True, data=True)
    )
    assert summary(dask_graph) == summary(local_graph)
    assert isomorphic(rdf_triples(dask_graph), rdf_triples(local_graph))


@pytest.fixture(scope="module")
def local_corpus_graph(corpus, nlp):
    graph, report = build_graph([corpus], nlp=nlp)
    return graph, report


def test_build_graph_dask_matches_local_on_the_seeds(tmp_path, dask_client, seed_graph):
    graph, report = build_graph_dask(
        [SEEDS], client=dask_client, checkpoint_dir=tmp_path / "ck", output_dir=tmp_path / "out",
        partition_bytes=1,
    )
    documents = len(list(SEEDS.glob("*.txt")))
    assert report.ok and report.documents == documents and report.partitions == documents
    assert_same_graph(graph, seed_graph)
    assert set(shard_triples(report.shards)) == set(rdf_triples(seed_graph))
    assert report.triples_written == len(rdf_triples(seed_graph))


def test_build_graph_dask_states_facts_at_the_threshold_as_the_local_build(tmp_path, dask_client,
                                                                        nlp):
    story = SEEDS / "001_riverton_council.txt"
    threshold = stricter_threshold(build_graph([story], nlp=nlp)[0])
    local, _report = build_graph([story], nlp=nlp, min_confidence=threshold)
    graph, report = build_graph_dask(
        [story], client=dask_client, checkpoint_dir=tmp_path / "ck", output_dir=tmp_path / "out",
        min_confidence=threshold,
    )
    assert graph.graph["min_confidence"] == local.graph["min_confidence"] == threshold
    assert_same_graph(graph, local)
    assert set(shard_triples(report.shards)) == set(rdf_triples(local))
    voices = {v for frame in (tmp_path / "out" / "facts").glob("*.parquet")
              for v in pd.read_parquet(frame)["voice"]}
    assert "low_confidence" in voices and "stated" in voices


@pytest.mark.parametrize("assert_claims", [False, True])
def test_build_graph_dask_shards_link_claims_to_their_speakers(tmp_path, dask_client, nlp,
                                                               assert_claims):
    """Speakers' IRIs in fact shards are the entity shards' (minted from their labels)."""
    claims = ROOT / "tests" / "fixtures" / "claims.txt"
    local, _report = build_graph([claims], nlp=nlp)
    local.graph["assert_claims"] = assert_claims
    speakers = {p.attributed_to for _, _, d in local.edges(data=True) for p in d["provenance"]}
    assert {"john howard", "peter ryan"} <= speakers
    _graph, report = build_graph_dask(
        [claims], client=dask_client, checkpoint_dir=tmp_path / "ck",
        output_dir=tmp_path / "out", collect=False, assert_claims=assert_claims,
    )
    assert set(shard_triples(report.shards)) == set(rdf_triples(local))


#: Documents that name one person and one city differently: only the corpus-wide name pass
#: (kg.merge.resolve_corpus_names) joins "Mugabe" to "Robert Mugabe" and "Łódź" to "Lodz".
NAMED_APART = {
    "a.txt": "Robert Mugabe met the trade ministers of Poland in Harare on Monday. Robert "
             "Mugabe visited Łódź in May, and the ministers signed a new agreement with "
             "Zimbabwe.\n",
    "b.txt": "Mugabe said that the new agreement would create thousands of jobs. Mugabe "
             "praised Lodz last year. The mayor of Lodz welcomed Mugabe warmly.\n",
    "c.txt": "The city of Lodz honoured Łódź. Łódź praised Lodz. Lodz visited Łódź in June.\n",
}


@pytest.mark.parametrize("collect", [False, True])
def test_build_graph_dask_shards_join_names_across_documents_as_the_local_build(
        tmp_path, dask_client, nlp, collect):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in NAMED_APART.items():
        (corpus / name).write_text(text, encoding="utf-8")
    local, _report = build_graph([corpus], nlp=nlp)
    rules = {rule for _key, attrs in local.nodes(data=True)
             for names in attrs["alias_rules"].values() for rule in names}
    assert {"corpus_surname", "corpus_spelling"} <= rules  # the pass moved nodes
    assert "mugabe" not in local and "robert mugabe" in local
    speakers = {p.attributed_to for _, _, d in local.edges(data=True) for p in d["provenance"]}
    assert "robert mugabe" in speakers  # a claim of the moved "Mugabe", re-attributed
    graph, report = build_graph_dask(
        [corpus], client=dask_client, checkpoint_dir=tmp_path / "ck",
        output_dir=tmp_path / "out", collect=collect, partition_bytes=1,
    )
    assert report.partitions == len(NAMED_APART)
    assert set(shard_triples(report.shards)) == set(rdf_triples(local))
    assert report.triples_written == len(rdf_triples(local))
    if collect:
        assert_same_graph(graph, local)
    else:
        assert graph is None


def test_build_graph_dask_into_a_graph_skips_known_documents(dask_client, seed_graph):
    known = seed_graph.copy()
    known.graph["base"] = "http://example.com/kg/"
    graph, report = build_graph_dask([SEEDS], graph=known, client=dask_client)
    assert report.documents == 0 and len(report.duplicates) == len(list(SEEDS.glob("*.txt")))
    assert_same_graph(graph, seed_graph)
    assert graph.graph["base"] == "http://example.com/kg/"


def test_build_graph_dask_matches_local_on_many_documents(
    tmp_path, dask_client, corpus, local_corpus_graph
):
    local_graph, local_report = local_corpus_graph
    graph, report = build_graph_dask(
        [corpus], client=dask_client, checkpoint_dir=tmp_path / "ck",
        output_dir=tmp_path / "out", partition_bytes=5000, output_partitions=3,
    )
    assert report.partitions > 5
    assert (report.documents, report.words, report.triples) == (
        local_report.documents, local_report.words, local_report.triples)
    assert report.duplicates == local_report.duplicates and report.duplicates
    assert report.skipped == local_report.skipped and len(report.skipped) == 1
    assert_same_graph(graph, local_graph)
    assert len([s for s in report.shards if "facts" in s]) == 3
    assert set(shard_triples(report.shards)) == set(rdf_triples(local_graph))
    assert {p.name for p in (tmp_path / "out" / "facts").iterdir()} == {
        f"part-facts-{i:05d}.parquet" for i in range(3)}

    # the model was loaded once per worker process, however many partitions each parsed
    assert set(report.model_loads.values()) <= {1}
    per_worker = dask_client.run(lambda: (os.getpid(), model_loads()))
    assert len(per_worker) == 2
    for pid, loads in per_worker.values():
        assert sum(loads.values()) == 1, (pid, loads)


def test_build_graph_dask_resumes_without_reparsing_finished_partitions(
    tmp_path, dask_client, corpus, local_corpus_graph
):
    options = dict(client=dask_client, checkpoint_dir=tmp_path / "ck", partition_bytes=12000)
    _graph, first = build_graph_dask([corpus], **options)
    assert first.reused == 0
    checkpoints = sorted((tmp_path / "ck").glob("*.parquet"))
    assert len(checkpoints) == first.partitions
    stamps = {path: path.stat().st_mtime_ns for path in checkpoints}
    checkpoints[1].unlink()  # as if the job had died before this partition finished

    # the same options as a settings object: the same checkpoints, so the same partitions
    settings = DaskSettings(checkpoint_dir=tmp_path / "ck", partition_bytes=12000)
    graph, again = build_graph_dask([corpus], client=dask_client, settings=settings)
    assert again.reused == first.partitions - 1
    assert again.words == first.words and again.triples == first.triples
    for path in checkpoints[2:]:
        assert path.stat().st_mtime_ns == stamps[path]  # not rewritten
    assert_same_graph(graph, local_corpus_graph[0])


def test_build_graph_dask_survives_a_killed_worker(
    tmp_path, dask_client, corpus, local_corpus_graph
):
    checkpoint_dir = tmp_path / "ck"
    result: dict = {}

    def run() -> None:
        try:
            result["built"] = build_graph_dask(
                [corpus], client=dask_client, checkpoint_dir=checkpoint_dir,
                partition_bytes=3000,
            )
        except BaseException as err:  # handed to the test thread
            result["error"] = err

    thread = threading.Thread(target=run)
    thread.start()
    victim = None
    deadline = time.monotonic() + 120
    while victim is None and time.monotonic() < deadline and thread.is_alive():
        busy = [worker for worker, keys in dask_client.processing().items()
                if any("kg-extract" in str(key) for key in keys)]
        if busy and any(checkpoint_dir.glob("*.parquet")):  # the model is loaded, mid-map
            victim = busy[0]
        else:
            time.sleep(0.05)
    assert victim is not None, "the map stage ended before a worker could be killed"
    pid = dask_client.run(os.getpid, workers=[victim])[victim]
    os.kill(pid, signal.SIGKILL)
    thread.join(timeout=300)
    assert "error" not in result, result.get("error")
    graph, report = result["built"]
    assert report.documents == local_corpus_graph[1].documents
    assert_same_graph(graph, local_corpus_graph[0])
    # the nanny restarts the worker: the cluster is whole again for later tests
    dask_client.wait_for_workers(2, timeout=60)
    assert pid not in dask_client.run(os.getpid).values()  # the worker really died


def test_build_graph_dask_unreachable_scheduler_is_one_kg_error(monkeypatch, tmp_path):
    monkeypatch.setattr(dask_cluster, "_CONNECT_TIMEOUT", "1s")
    with pytest.raises(ClusterError, match="tcp://127.0.0.1:9") as caught:
        build_graph_dask([SEEDS], scheduler="tcp://127.0.0.1:9")
    assert isinstance(caught.value, KGError)


def _trim_threshold() -> str | None:
    return os.environ.get("MALLOC_TRIM_THRESHOLD_")


def test_local_workers_start_without_dask_malloc_trim_threshold(monkeypatch):
    """Dask's MALLOC_TRIM_THRESHOLD_ turns off glibc's dynamic mmap threshold (system time
    in the parser); kg's local workers start without it, even after a plain Dask cluster has
    left it in this process's environment, and keep Dask's other settings."""
    import logging
    from contextlib import ExitStack

    import dask
    from distributed import Client, LocalCluster

    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)  # restored after the test

    def environ_of(client: Client) -> list:
        return list(client.run(
            lambda: (_trim_threshold(), os.environ.get("OMP_NUM_THREADS"))).values())

    default = dask.config.get("distributed.nanny.pre-spawn-environ")
    assert default.get("MALLOC_TRIM_THRESHOLD_") is not None  # what Dask does by default
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None, scheduler_kwargs=dask_cluster.LOCAL_HTTP,
                      silence_logs=logging.ERROR) as cluster:
        with Client(cluster) as client:
            assert environ_of(client)[0][0] is not None
    assert os.environ.get("MALLOC_TRIM_THRESHOLD_") is not None  # what Dask leaves behind
    with ExitStack() as stack:
        client = dask_cluster.connect(stack, None, 1)
        assert environ_of(client) == [(None, str(default.get("OMP_NUM_THREADS")))]
        profiling = client.run(lambda: dask.config.get("distributed.worker.profile.enabled"))
        assert list(profiling.values()) == [False]
