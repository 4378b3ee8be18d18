"""The Dask engine: the local build's extraction and merge, run on a Dask cluster.

``kg build CORPUS --engine dask`` calls :func:`build_graph_dask`. The corpus is cut into large
partitions of whole documents (tens of MB each); each partition is one task. A worker loads
the spaCy model once per process (:func:`kg.build.worker_nlp`, the local engine's own cache),
streams the partition through ``nlp.pipe`` inside ``nlp.memory_zone()`` and writes the triples
to a Parquet checkpoint named by a hash of the partition's documents. The merge is a
``dask.dataframe`` group-by by canonical entity key (``split_out`` partitions) and a shuffle by
fact identity, reduced per partition with the same code as :mod:`kg.merge`
(:mod:`kg.engines.tables`); the merged partitions are written directly as gzipped N-Triples
shards and Parquet (:mod:`kg.engines.shards`), after the corpus-wide name pass made on the
tables (:mod:`kg.engines.corpus_moves`), or gathered into a :class:`KnowledgeGraph`.

The client reads every file once to hash it (duplicates are skipped and ids given exactly as
the local engine does); workers read the files again by path, so on a real cluster the corpus,
the checkpoint folder and the output folder must be on storage every worker sees.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

import dask
import dask.dataframe as dd
import pandas as pd
from distributed import Client, as_completed

from export.rdf import DEFAULT_BASE
import extract.pipeline
from extract.budget import Budget
from extract.documents import DEFAULT_PATTERNS, Skipped, SourceText, read_document
from extract.pipeline import (
    DEFAULT_BUDGET,
    DocumentGatherer,
    batch_pieces,
    extract_pieces,
    piece_limit,
    piece_words,
)
from extract.registry import DEFAULT_EXTRACTOR
from kg import build as local
from kg.build import BuildReport, read_sources
from kg.engines import corpus_moves, shards, tables
from kg.engines.dask_cluster import LOCAL_HTTP, ClusterError, connect
from kg.errors import DocumentError
from kg.merge import merge, resolve_corpus_names
from kg.model import Document, KnowledgeGraph
from kg.voice import DEFAULT_MIN_CONFIDENCE, check_min_confidence
from kg.voice import min_confidence as graph_threshold

__all__ = [
    "DEFAULT_PARTITION_BYTES",
    "LOCAL_HTTP",
    "ClusterError",
    "DaskBuildReport",
    "DaskSettings",
    "Partition",
    "plan_partitions",
    "extract_partition",
    "model_loads",
    "build_graph_dask",
]

#: Text per map task: large enough that scheduling costs nothing next to parsing.
DEFAULT_PARTITION_BYTES = 32 * 1024 * 1024
#: Fewest map tasks per worker thread, so that a small corpus is spread over every worker.
_TASKS_PER_THREAD = 4
#: Characters parsed inside one ``nlp.memory_zone()``: bounds what a zone holds.
_ZONE_CHARS = 1_000_000
#: Bumped when the checkpoint layout or the extraction it stores changes meaning.
_CHECKPOINT_VERSION = 3

# Model loads in this process, by model name: how tests see that a worker loaded it once.
_LOADS: dict[str, int] = {}


@dataclass
class DaskBuildReport(BuildReport):
    """A :class:`~kg.build.BuildReport` plus what the cluster did.

    Attributes:
        partitions: Map tasks the corpus was cut into.
        reused: Partitions taken from finished checkpoints instead of parsed.
        model_loads: Worker process id -> times it loaded the model during this build.
        scheduler: Address of the scheduler used.
        shards: N-Triples files written (``graph/part-*.nt.gz``), in name order.
        triples_written: RDF triples in the shards.
        read_seconds: Listing and hashing the corpus (in this process). ``seconds`` also
            counts starting a local cluster.
        map_seconds: Parsing and extraction on the workers.
        reduce_seconds: Merging, writing the shards and gathering the graph.
    """

    partitions: int = 0
    reused: int = 0
    model_loads: dict[int, int] = field(default_factory=dict)
    scheduler: str = ""
    shards: list[str] = field(default_factory=list)
    triples_written: int = 0
    read_seconds: float = 0.0
    map_seconds: float = 0.0
    reduce_seconds: float = 0.0


@dataclass(frozen=True)
class Partition:
    """A map task: consecutive documents, as ``(source path, document id, sha256)``."""

    index: int
    documents: tuple[tuple[str, str, str], ...]
    size: int

    def key(self, model: str | None, extractor: str, budget: Budget | None = DEFAULT_BUDGET
            ) -> str:
        """Hash of what the partition's triples depend on: content, model, extractor, code,
        and the extraction budget (which decides what is skipped)."""
        limit = None if budget is None else [budget.ms_per_token, budget.floor]
        data = json.dumps(
            [_CHECKPOINT_VERSION, _code_fingerprint(), model or "", extractor, limit,
             [[doc_id, sha] for _source, doc_id, sha in self.documents]],
            ensure_ascii=False,
        )
        return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


@functools.cache
def _code_fingerprint() -> str:
    """Hash of the extraction code, so a checkpoint made by other rules is never reused."""
    digest = hashlib.sha256()
    for path in sorted(Path(extract.pipeline.__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def plan_partitions(
    sources: Iterable[SourceText],
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
    *,
    min_partitions: int = 1,
) -> tuple[list[Document], list[Partition]]:
    """Cut ``sources`` (in order) into partitions of about ``partition_bytes`` of text.

    A document is never split; one larger than a partition is a partition of its own (the
    worker streams it in pieces). Partitions are made smaller when that is needed to have
    ``min_partitions`` of them, so a small corpus still keeps every worker busy.

    >>> from kg.model import Document
    >>> docs = [SourceText(Document(f"d{i}", f"/c/d{i}", f"{i}"), "x" * 40, size=40)
    ...         for i in range(5)]
    >>> [len(p.documents) for p in plan_partitions(docs, 100)[1]]
    [3, 2]
    >>> [len(p.documents) for p in plan_partitions(docs, 100, min_partitions=4)[1]]
    [2, 2, 1]
    """
    if partition_bytes < 1:
        raise ValueError(f"partition_bytes must be positive, not {partition_bytes}")
    entries = [(source.document, source.size) for source in sources]  # no text is kept
    total = sum(size for _doc, size in entries)
    target = max(1, min(partition_bytes, total // max(1, min_partitions)))
    documents: list[Document] = []
    partitions: list[Partition] = []
    batch: list[tuple[str, str, str]] = []
    size = 0
    for doc, doc_size in entries:
        documents.append(doc)
        batch.append((doc.source, doc.id, doc.sha256))
        size += doc_size
        if size >= target:
            partitions.append(Partition(len(partitions), tuple(batch), size))
            batch, size = [], 0
    if batch:
        partitions.append(Partition(len(partitions), tuple(batch), size))
    return documents, partitions


def model_loads() -> dict[str, int]:
    """Model loads in the calling process (``client.run(model_loads)`` asks every worker)."""
    return dict(_LOADS)


def _worker_nlp(model: str | None):  # -> tuple[Language, bool]
    nlp, loaded = local.worker_nlp(model)
    if loaded:
        _LOADS[model or ""] = _LOADS.get(model or "", 0) + 1
    return nlp, loaded


def _reread(source: str, doc_id: str, sha256: str) -> SourceText:
    text = read_document(source, doc_id)
    if text.document.sha256 != sha256:
        raise DocumentError(source, "changed while the build was running; run it again")
    return text


def extract_partition(
    partition: Partition, checkpoint: str, *, model: str | None, extractor: str,
    budget: Budget | None = DEFAULT_BUDGET,
) -> dict:
    """Worker task: parse ``partition`` and write its triples to ``checkpoint`` (Parquet).

    Returns the partition's counts, the documents skipped for running over ``budget``
    (``skipped``: ``[source, reason]`` pairs; their triples are not written), and the worker's
    process id and whether this call loaded the model. A finished checkpoint is returned as is
    (a retried task does no work twice).
    """
    done = tables.checkpoint_metadata(checkpoint)
    if done is not None:
        return {**done, "pid": os.getpid(), "loaded": False, "parsed": False}
    nlp, loaded = _worker_nlp(model)
    sources = (_reread(*doc) for doc in partition.documents)
    words = triples = 0
    skipped: list[list[str]] = []
    gatherer = DocumentGatherer()
    writer = tables.CheckpointWriter(checkpoint)
    try:
        for batch in batch_pieces(local.source_pieces(sources, piece_limit(nlp)), _ZONE_CHARS):
            pieces = [piece for _source, _last, piece in batch]
            extracted = []
            with nlp.memory_zone():
                results = extract_pieces(pieces, nlp, extractor=extractor, budget=budget)
                for (source, last, piece), result in zip(batch, results):
                    document = gatherer.add(source, last, result, piece_words(piece))
                    if document is None:
                        continue
                    if document.skipped is not None:
                        skipped.append([source.document.source, document.skipped])
                        continue
                    words += document.words
                    extracted.extend(document.triples)
            triples += len(extracted)
            writer.write(extracted)  # one row group per zone
    except BaseException as err:
        writer.abort(err)
        raise
    counts = {"words": words, "triples": triples, "documents": len(partition.documents),
              "skipped": skipped}
    writer.close(counts)
    return {**counts, "pid": os.getpid(), "loaded": loaded, "parsed": True}


def _load_partition(item: tuple[int, str]) -> pd.DataFrame:
    index, path = item
    return tables.keyed(tables.read_checkpoint(path), index)


def _meta_rows() -> pd.DataFrame:
    return tables.keyed(tables.TRIPLE_SCHEMA.empty_table().to_pandas(), 0)


def _write_entities(frame: pd.DataFrame, out: str, base: str, partition_info=None):
    number = partition_info["number"] if partition_info else 0
    name = f"part-entities-{number:05d}"
    frame.to_parquet(Path(out, "entities", f"{name}.parquet"), index=False)
    written = shards.entity_shard(frame, Path(out, "graph", f"{name}.nt.gz"), base=base)
    return pd.DataFrame({"shard": [f"{name}.nt.gz"], "triples": [written], "predicates": ["[]"]})


def _write_facts(frame: pd.DataFrame, out: str, base: str, speakers: dict, claims: bool,
                 threshold: float, partition_info=None):
    number = partition_info["number"] if partition_info else 0
    name = f"part-facts-{number:05d}"
    frame.to_parquet(Path(out, "facts", f"{name}.parquet"), index=False)
    written = shards.fact_shard(frame, Path(out, "graph", f"{name}.nt.gz"), base=base,
                                speakers=speakers, assert_claims=claims,
                                min_confidence=threshold)
    predicates = json.dumps(sorted(set(frame["predicate"])), ensure_ascii=False)
    return pd.DataFrame({"shard": [f"{name}.nt.gz"], "triples": [written],
                         "predicates": [predicates]})


def _mention_counts(rows: dd.DataFrame, partitions: int) -> dd.DataFrame:
    """Mentions counted by :data:`~kg.engines.tables.MENTION_COLUMNS` (``partitions`` parts)."""
    mentions = rows.map_partitions(tables.entity_rows, meta=tables.entity_rows(_meta_rows()))
    return (
        mentions.groupby(list(tables.MENTION_COLUMNS))
        .agg({"n": "sum", "first": "min"}, split_out=partitions)
        .reset_index()
    )


def _entities(counts: dd.DataFrame, partitions: int) -> dd.DataFrame:
    """The merged entity table of mention ``counts``, in ``partitions`` partitions."""
    entity_meta = tables.finalize_entities(counts._meta)  # typed, empty
    return counts.shuffle(on="key", npartitions=partitions).map_partitions(
        tables.finalize_entities, meta=entity_meta
    )


def _facts(rows: dd.DataFrame, partitions: int, threshold: float) -> dd.DataFrame:
    """The merged fact table of ``rows`` (voices at ``threshold``), ``partitions`` parts."""
    facts = rows.shuffle(on=["subject", "fact_key", "object"], npartitions=partitions)
    return facts.map_partitions(tables.finalize_facts, threshold,
                                meta=tables.finalize_facts(_meta_rows()))


@dataclass(frozen=True)
class DaskSettings:
    """How a Dask build runs and what it makes: :func:`build_graph_dask`'s options.

    Attributes:
        scheduler: Address of a running scheduler (``tcp://host:8786``); None starts a
            ``LocalCluster`` of ``workers`` processes for this build.
        workers: Worker processes of the local cluster (one thread each).
        model: spaCy pipeline name; None loads the default English model. Workers load it.
        extractor: Registered extractor name.
        patterns: File-name patterns taken from folders.
        checkpoint_dir: Where each partition's triples are kept; a later build with the same
            folder skips the partitions already finished. None uses a temporary folder
            (removed afterwards). On a cluster it must be shared storage.
        output_dir: Where to write ``graph/part-*.nt.gz`` (N-Triples shards) and the merged
            ``entities/`` and ``facts/`` Parquet tables; None writes nothing.
        collect: Gather the merged graph into this process and return it; turn off for
            graphs larger than the client's memory (the shards are then the output).
        partition_bytes: Text per map task (smaller when the corpus would otherwise give
            fewer than four tasks per worker thread).
        output_partitions: Partitions of the merged tables (and shards); None: as many as
            map tasks.
        base: Base IRI of the RDF shards.
        progress: Show a progress bar of parsed documents on standard error.
        budget: Extraction time allowed per document (:class:`~extract.budget.Budget`;
            None: no limit), enforced on the workers; a document over it is left out and
            listed in ``report.skipped``, as with :func:`kg.build.build_graph`.
        assert_claims: The shards also state claims as plain triples (see
            :func:`export.rdf.write_rdf`).
        min_confidence: The confidence a mention needs to be stated (:mod:`kg.voice`),
            recorded on the graph and its shards; None keeps ``graph``'s, else the default.
    """

    scheduler: str | None = None
    workers: int = 2
    model: str | None = None
    extractor: str = DEFAULT_EXTRACTOR
    patterns: Iterable[str] = DEFAULT_PATTERNS
    checkpoint_dir: str | os.PathLike[str] | None = None
    output_dir: str | os.PathLike[str] | None = None
    collect: bool = True
    partition_bytes: int = DEFAULT_PARTITION_BYTES
    output_partitions: int | None = None
    base: str = DEFAULT_BASE
    progress: bool = False
    budget: Budget | None = DEFAULT_BUDGET
    assert_claims: bool | None = None
    min_confidence: float | None = None

    def checkpoint(self, folder: Path, partition: Partition) -> str:
        """The Parquet checkpoint of ``partition`` in ``folder``."""
        return str(folder / f"{partition.key(self.model, self.extractor, self.budget)}.parquet")


def build_graph_dask(
    paths: Iterable[str | os.PathLike[str]],
    *,
    graph: KnowledgeGraph | None = None,
    client: Client | None = None,
    settings: DaskSettings | None = None,
    **options: Any,
) -> tuple[KnowledgeGraph | None, DaskBuildReport]:
    """Build the graph of ``paths`` on a Dask cluster: what :func:`kg.build.build_graph` builds.

    Args:
        paths: Files and folders to read (folders recursively, matching ``patterns``).
        graph: An existing graph (``--into``): documents already in it, by content hash, are
            skipped, and the result is a new graph, ``kg.merge.merge(graph, built)``, equal to
            what :func:`kg.build.build_graph` makes of it. Only with ``collect``; the shards
            hold the new documents alone, so ``output_dir`` is refused with it.
        client: An already connected ``distributed.Client`` (overrides ``scheduler``).
        settings: The build's options (:class:`DaskSettings`; its defaults when None).
        **options: Fields of :class:`DaskSettings` one by one (``workers=4``,
            ``output_dir=...``), the keyword arguments this function has always taken; they
            override ``settings``.

    Returns:
        The graph (None unless ``collect``) and a :class:`DaskBuildReport`.

    >>> build_graph_dask([], workers=0)
    Traceback (most recent call last):
    ...
    ValueError: workers must be at least 1, not 0
    """
    settings = replace(settings or DaskSettings(), **options)
    if not settings.collect and settings.output_dir is None:
        raise ValueError("nothing to produce: give output_dir or collect=True")
    if graph is not None and (settings.output_dir is not None or not settings.collect):
        raise ValueError("merging into an existing graph needs collect=True and no output_dir")
    min_confidence = _min_confidence(settings, graph)
    report = DaskBuildReport()
    started = time.perf_counter()
    with ExitStack() as stack:
        if client is None:
            client = connect(stack, settings.scheduler, settings.workers)
        report.scheduler = client.scheduler_info().get("address", "")
        connected = time.perf_counter()
        documents, partitions, checkpoints = _plan(stack, client, paths, graph, settings, report)
        mapped = time.perf_counter()
        report.read_seconds = mapped - connected
        stopped = _run_map(client, partitions, checkpoints, settings, report)
        # Documents skipped on the workers are not in the graph (nor in its shards).
        report.skipped += sorted(stopped, key=lambda skipped: skipped.path)
        left_out = {skipped.path for skipped in stopped}
        documents = [doc for doc in documents if doc.source not in left_out]
        report.documents = len(documents)
        reduced = time.perf_counter()
        report.map_seconds = reduced - mapped
        built = _reduce(client, documents, partitions, checkpoints, report, settings,
                        DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence)
        report.reduce_seconds = time.perf_counter() - reduced
    if graph is not None and built is not None:
        attributes = {k: v for k, v in graph.graph.items() if k != "documents"}
        built = merge(graph, built)
        built.graph.update(attributes)  # the base IRI read with the graph, ...
    if built is not None and min_confidence is not None:
        built.graph["min_confidence"] = min_confidence
    if built is not None:
        resolve_corpus_names(built)  # as the local build does, over the whole graph
    report.seconds = time.perf_counter() - started
    return built, report


def _min_confidence(settings: DaskSettings, graph: KnowledgeGraph | None) -> float | None:
    """The threshold asked for (checked), else ``graph``'s, else None (the default)."""
    if settings.min_confidence is not None:
        return check_min_confidence(settings.min_confidence)
    return graph_threshold(graph) if graph is not None else None


def _plan(
    stack: ExitStack, client: Client, paths: Iterable[str | os.PathLike[str]],
    graph: KnowledgeGraph | None, settings: DaskSettings, report: DaskBuildReport,
) -> tuple[list[Document], list[Partition], list[str]]:
    """The documents to build, their partitions and each partition's checkpoint."""
    folder = Path(settings.checkpoint_dir if settings.checkpoint_dir is not None
                  else stack.enter_context(tempfile.TemporaryDirectory(prefix="kg-dask-")))
    folder.mkdir(parents=True, exist_ok=True)
    known = graph if graph is not None else KnowledgeGraph()
    sources = read_sources(paths, known, report, patterns=settings.patterns)
    threads = sum(client.nthreads().values()) or settings.workers
    documents, partitions = plan_partitions(
        sources, settings.partition_bytes, min_partitions=_TASKS_PER_THREAD * threads
    )
    report.partitions = len(partitions)
    return documents, partitions, [settings.checkpoint(folder, p) for p in partitions]


def _run_map(
    client: Client,
    partitions: list[Partition],
    checkpoints: list[str],
    settings: DaskSettings,
    report: DaskBuildReport,
) -> list[Skipped]:
    """Run (or resume) every partition's extraction; the documents skipped on the workers."""
    futures = []
    stopped: list[Skipped] = []
    bar = local.progress_bar(settings.progress)
    for partition, checkpoint in zip(partitions, checkpoints):
        done = tables.checkpoint_metadata(checkpoint)
        if done is not None:
            report.reused += 1
            stopped += _count(report, done)
            if bar is not None:
                bar.update(done["documents"])
            continue
        futures.append(client.submit(
            extract_partition, partition, checkpoint, model=settings.model,
            extractor=settings.extractor, budget=settings.budget,
            key=f"kg-extract-{partition.index:06d}-{Path(checkpoint).stem[:16]}",
        ))
    try:
        for _future, result in as_completed(futures, with_results=True):
            stopped += _count(report, result)
            if not result["parsed"]:
                report.reused += 1
            if result["loaded"]:
                report.model_loads[result["pid"]] = report.model_loads.get(result["pid"], 0) + 1
            if bar is not None:
                bar.update(result["documents"])
                bar.set_postfix(triples=report.triples, refresh=False)
    except BaseException:
        client.cancel(futures)
        raise
    finally:
        if bar is not None:
            bar.close()
    return stopped


def _count(report: DaskBuildReport, counts: dict) -> list[Skipped]:
    report.words += counts["words"]
    report.triples += counts["triples"]
    return [Skipped(path, reason) for path, reason in counts.get("skipped", ())]


def _reduce(
    client: Client,
    documents: list[Document],
    partitions: list[Partition],
    checkpoints: list[str],
    report: DaskBuildReport,
    settings: DaskSettings,
    threshold: float,
) -> KnowledgeGraph | None:
    output_dir, collect, base = settings.output_dir, settings.collect, settings.base
    assert_claims = bool(settings.assert_claims)
    if not report.triples:
        graph = tables.graph_from_tables(documents, tables.finalize_entities(
            pd.DataFrame(columns=[*tables.MENTION_COLUMNS, "n", "first"])
        ), tables.finalize_facts(_meta_rows()))
        if output_dir is not None:
            _write_empty(documents, output_dir, report, base, assert_claims, threshold)
        return graph if collect else None
    count = settings.output_partitions or len(partitions)
    rows = dd.from_map(
        _load_partition, list(enumerate(checkpoints)), meta=_meta_rows(), enforce_metadata=False
    )
    counts = _mention_counts(rows, count)
    entities, facts = _entities(counts, count), _facts(rows, count, threshold)
    entity_frame = None
    shard_tables = entities, facts
    if output_dir is not None:
        # The shards are never gathered: the name pass runs on the tables. It needs every
        # entity (not the facts), so the entity table is computed first and kept.
        counts, entities = dask.persist(counts, entities)
        entity_frame = entities.compute()
        moves = corpus_moves.name_moves(entity_frame)
        moved = corpus_moves.moved_tables(rows, counts, entities, moves)
        if moved is not None:
            shard_tables = moved[1], _facts(moved[0], count, threshold)
    wanted = []
    if collect:
        wanted += [facts] if entity_frame is not None else [entities, facts]
    if output_dir is not None:
        out = Path(output_dir)
        for name in ("graph", "entities", "facts"):
            _clear(out / name)
        meta = pd.DataFrame({"shard": pd.Series([], dtype=object),
                             "triples": pd.Series([], dtype="int64"),
                             "predicates": pd.Series([], dtype=object)})
        shard_entities, shard_facts = shard_tables
        wanted += [
            shard_entities.map_partitions(_write_entities, str(out), base, meta=meta),
            shards.with_labels(shard_facts, shard_entities).map_partitions(
                _write_facts, str(out), base, shards.speaker_labels(shard_facts, shard_entities),
                assert_claims, threshold, meta=meta),
        ]
    results = dask.compute(*wanted)
    graph = None
    if collect:
        if entity_frame is None:
            entity_frame, results = results[0], results[1:]
        graph = tables.graph_from_tables(documents, entity_frame, results[0])
        results = results[1:]
    if output_dir is not None:
        written = pd.concat(results, ignore_index=True)
        predicates = {p for item in written["predicates"] for p in json.loads(item)}
        meta_written = shards.meta_shard(documents, predicates, out / "graph" / "part-meta.nt.gz",
                                         base=base, assert_claims=assert_claims,
                                         min_confidence=threshold)
        report.triples_written = int(written["triples"].sum()) + meta_written
        report.shards = [str(path) for path in shards.shard_paths(out / "graph")]
    return graph


def _clear(folder: Path) -> None:
    """Empty an output folder of a previous build's parts (never anything else)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in folder.glob("part-*"):
        path.unlink()


def _write_empty(
    documents: list[Document], output_dir: str | os.PathLike[str], report: DaskBuildReport,
    base: str, assert_claims: bool = False, threshold: float | None = None,
) -> None:
    out = Path(output_dir)
    _clear(out / "graph")
    report.triples_written = shards.meta_shard(documents, (), out / "graph" / "part-meta.nt.gz",
                                               base=base, assert_claims=assert_claims,
                                               min_confidence=threshold)
    report.shards = [str(path) for path in shards.shard_paths(out / "graph")]
