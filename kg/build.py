"""Building a graph from a corpus: read, extract, merge — streaming, optionally in parallel.

This is the library function behind ``kg build`` and ``kg extract``. Documents are read lazily,
parsed in batches and merged as they come; with ``jobs > 1`` batches of documents go to worker
processes (each loads the model once) and come back in input order, so the result is
byte-identical to ``jobs=1``.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator

from extract.documents import DEFAULT_PATTERNS, Skipped, SourceText, iter_documents
from extract.pipeline import extract_documents, load_nlp
from extract.registry import DEFAULT_EXTRACTOR
from kg.merge import add_triple
from kg.model import KnowledgeGraph, Triple

__all__ = ["BuildReport", "read_sources", "iter_extracted", "build_graph"]

#: Characters of text sent to a worker in one task: large enough to amortise the hand-off.
_TASK_CHARS = 200_000
#: Tasks in flight per worker: bounds memory while keeping every worker busy.
_TASKS_AHEAD = 2


@dataclass
class BuildReport:
    """What a build did: documents merged, skipped, duplicated, and how fast."""

    documents: int = 0
    triples: int = 0
    words: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when every input was read and merged (nothing skipped)."""
        return not self.skipped


# Per-process model cache for worker processes: the only state a worker keeps.
_WORKER_NLP: dict[str, object] = {}


def _extract_task(
    model: str | None, extractor: str, items: list[tuple[str, str, int]]
) -> list[tuple[str, list[Triple]]]:
    """Worker entry point: parse and extract a batch of documents (a pure function of its input)."""
    key = model or ""
    nlp = _WORKER_NLP.get(key)
    if nlp is None:
        nlp = _WORKER_NLP[key] = load_nlp(model)
    return list(extract_documents(items, nlp, extractor=extractor))


def _batches(
    sources: Iterable[SourceText], limit: int
) -> Iterator[list[SourceText]]:
    batch: list[SourceText] = []
    size = 0
    for source in sources:
        batch.append(source)
        size += len(source.text)
        if size >= limit:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def iter_extracted(
    sources: Iterable[SourceText],
    *,
    model: str | None = None,
    jobs: int = 1,
    extractor: str = DEFAULT_EXTRACTOR,
    nlp: object | None = None,
) -> Iterator[tuple[SourceText, list[Triple]]]:
    """Yield ``(source, triples)`` for each source, in input order, parsing lazily.

    Args:
        sources: Decoded documents, consumed lazily.
        model: spaCy pipeline name (None: the default English model).
        jobs: Worker processes; 1 parses in this process.
        extractor: Registered extractor name.
        nlp: An already loaded pipeline to use when ``jobs == 1``.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if jobs == 1:
        nlp = nlp if nlp is not None else load_nlp(model)
        window: deque[SourceText] = deque()

        def items() -> Iterator[tuple[str, str, int]]:
            for source in sources:
                window.append(source)
                yield source.document.id, source.body, source.body_start

        for _doc_id, triples in extract_documents(items(), nlp, extractor=extractor):
            yield window.popleft(), triples
        return

    load_nlp(model)  # fail fast, with the clear message, before starting workers
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    try:
        pending: deque[tuple[list[SourceText], Future]] = deque()
        for batch in _batches(sources, _TASK_CHARS):
            items = [(s.document.id, s.body, s.body_start) for s in batch]
            pending.append((batch, pool.submit(_extract_task, model, extractor, items)))
            while len(pending) > jobs * _TASKS_AHEAD:
                yield from _drain(pending.popleft())
        while pending:
            yield from _drain(pending.popleft())
    finally:
        # On Ctrl-C or an error, drop queued work instead of finishing the corpus.
        pool.shutdown(wait=True, cancel_futures=True)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which reports it once and stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _drain(entry: tuple[list[SourceText], Future]) -> Iterator[tuple[SourceText, list[Triple]]]:
    batch, future = entry
    for source, (_doc_id, triples) in zip(batch, future.result()):
        yield source, triples


def read_sources(
    paths: Iterable[str | os.PathLike[str]],
    graph: KnowledgeGraph,
    report: BuildReport,
    *,
    patterns: Iterable[str] = DEFAULT_PATTERNS,
) -> Iterator[SourceText]:
    """Readable documents not yet in ``graph`` (by content hash); the rest go to ``report``."""
    seen = {doc.sha256 for doc in graph.documents.values()}
    taken = set(graph.documents)
    for item in iter_documents(paths, patterns=patterns):
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        if item.warning:
            report.warnings.append(item.warning)
        if item.document.sha256 in seen:
            report.duplicates.append(item.document.source)
            continue
        seen.add(item.document.sha256)
        document = item.document
        if document.id in taken:
            # A different file under a taken id (same name in two folders, or a changed file
            # added with --into): keep both, the newcomer under a hash-suffixed id.
            document = replace(document, id=f"{document.id}#{document.sha256[:12]}")
            item = replace(item, document=document)
        taken.add(document.id)
        yield item


def build_graph(
    paths: Iterable[str | os.PathLike[str]],
    *,
    graph: KnowledgeGraph | None = None,
    model: str | None = None,
    jobs: int = 1,
    patterns: Iterable[str] = DEFAULT_PATTERNS,
    extractor: str = DEFAULT_EXTRACTOR,
    progress: bool = False,
    on_triples: Callable[[list[Triple]], None] | None = None,
    nlp: object | None = None,
) -> tuple[KnowledgeGraph, BuildReport]:
    """Read every document under ``paths``, extract triples and merge them into a graph.

    Args:
        paths: Files and folders to read (folders recursively, matching ``patterns``).
        graph: An existing graph to merge into (``--into``); documents already in it, by
            content hash, are skipped so counts never double. None starts a new graph.
        model: spaCy pipeline name; None loads the default English model.
        jobs: Worker processes for parsing and extraction.
        patterns: File-name patterns taken from folders.
        extractor: Registered extractor name.
        progress: Show a progress bar on standard error.
        on_triples: Called with each document's triples as they are merged (streaming output).
        nlp: An already loaded pipeline to reuse (``jobs == 1`` only).

    Returns:
        The graph and a :class:`BuildReport`.
    """
    graph = graph if graph is not None else KnowledgeGraph()
    report = BuildReport()
    started = time.perf_counter()
    sources = read_sources(paths, graph, report, patterns=patterns)
    bar = _progress_bar(progress)
    try:
        for source, triples in iter_extracted(
            sources, model=model, jobs=jobs, extractor=extractor, nlp=nlp
        ):
            graph.documents[source.document.id] = source.document
            for triple in triples:
                add_triple(graph, triple)
            if on_triples is not None:
                on_triples(triples)
            report.documents += 1
            report.triples += len(triples)
            report.words += len(source.body.split())
            if bar is not None:
                bar.update(1)
                bar.set_postfix(triples=report.triples, refresh=False)
    finally:
        if bar is not None:
            bar.close()
    report.seconds = time.perf_counter() - started
    return graph, report


def _progress_bar(enabled: bool):  # -> tqdm | None
    if not enabled or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit="doc", desc="kg", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
