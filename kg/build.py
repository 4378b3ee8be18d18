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
from typing import Any, Callable, Iterable, Iterator

from spacy.language import Language

from extract.budget import Budget
from extract.documents import DEFAULT_PATTERNS, Skipped, SourceText, iter_documents
from extract.pipeline import (
    DEFAULT_BUDGET,
    DocumentTriples,
    Piece,
    Stopped,
    batch_pieces,
    document_pieces,
    extract_documents,
    extract_pieces,
    gather,
    load_nlp,
    piece_limit,
    piece_words,
)
from extract.registry import DEFAULT_EXTRACTOR
from kg.merge import add_triple, fewer_collections, resolve_corpus_names
from kg.model import KnowledgeGraph, Triple
from kg.voice import check_min_confidence

__all__ = [
    "BuildSettings",
    "BuildReport",
    "Duplicate",
    "read_sources",
    "source_pieces",
    "worker_nlp",
    "iter_extracted",
    "build_graph",
    "progress_bar",
]

#: Characters of text sent to a worker in one task: large enough to amortise the hand-off.
_TASK_CHARS = 200_000
#: Tasks in flight per worker: bounds memory while keeping every worker busy.
_TASKS_AHEAD = 2


@dataclass(frozen=True)
class BuildSettings:
    """How a build reads and extracts: :func:`build_graph`'s options, and ``kg build``'s.

    Attributes:
        model: spaCy pipeline name; None loads the default English model.
        jobs: Worker processes for parsing and extraction.
        patterns: File-name patterns taken from folders.
        extractor: Registered extractor name.
        progress: Show a progress bar on standard error.
        budget: Extraction time allowed per document, in proportion to its tokens
            (:class:`~extract.budget.Budget`; None: no limit). A document over it is left out
            of the graph and listed in ``report.skipped`` with the reason.
        min_confidence: The confidence a mention in the text's own voice needs for the graph
            to state its fact (:mod:`kg.voice`), recorded in ``graph.graph``; None keeps the
            one the graph has, else :data:`kg.voice.DEFAULT_MIN_CONFIDENCE`. 0 states all
            that the voice allows.

    >>> BuildSettings(jobs=2).jobs, BuildSettings().extractor
    (2, 'kg.dependency.v1')
    """

    model: str | None = None
    jobs: int = 1
    patterns: Iterable[str] = DEFAULT_PATTERNS
    extractor: str = DEFAULT_EXTRACTOR
    progress: bool = False
    budget: Budget | None = DEFAULT_BUDGET
    min_confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A file left out because its content is already there: in the graph, or read before it.

    Attributes:
        path: The file left out.
        original: The source of the document with the same content (as the graph records it).
        in_graph: True when that document was already in the graph before this build.
    """

    path: str
    original: str
    in_graph: bool = False


@dataclass
class BuildReport:
    """What a build did: documents merged, skipped, duplicated, and how fast."""

    documents: int = 0
    triples: int = 0
    words: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when every input was read and merged (nothing skipped)."""
        return not self.skipped


# Per-process model cache for worker processes: the only state a worker keeps.
_WORKER_NLP: dict[str, Language] = {}


def worker_nlp(model: str | None) -> tuple[Language, bool]:
    """The pipeline ``model`` of this worker process, loaded on first use; True if just loaded.

    Worker processes (``--jobs N``, Dask workers) call this, so each loads the model once and
    the model object never travels between processes.
    """
    key = model or ""
    nlp = _WORKER_NLP.get(key)
    if nlp is not None:
        return nlp, False
    nlp = _WORKER_NLP[key] = load_nlp(model)
    return nlp, True


def _extract_task(
    model: str | None, extractor: str, budget: Budget | None, pieces: list[Piece]
) -> list[list[Triple] | Stopped]:
    """Worker entry point: the triples of each piece (a pure function of its input)."""
    nlp, _loaded = worker_nlp(model)
    return list(extract_pieces(pieces, nlp, extractor=extractor, budget=budget))


def _documents(
    sources: Iterable[SourceText], limit: int
) -> Iterator[tuple[SourceText, str, int, Iterator[tuple[str, int]]]]:
    """Sources as :mod:`extract.pipeline` takes documents: (key, id, body offset, pieces)."""
    return ((source, source.document.id, source.body_start, source.pieces(limit))
            for source in sources)


def source_pieces(
    sources: Iterable[SourceText], limit: int
) -> Iterator[tuple[SourceText, bool, Piece]]:
    """Every piece of every source (at most ``limit`` characters), flagged when it is its
    document's last (:func:`extract.pipeline.document_pieces` over decoded documents)."""
    return document_pieces(_documents(sources, limit))


def iter_extracted(
    sources: Iterable[SourceText],
    *,
    model: str | None = None,
    jobs: int = 1,
    extractor: str = DEFAULT_EXTRACTOR,
    nlp: Language | None = None,
    budget: Budget | None = DEFAULT_BUDGET,
) -> Iterator[DocumentTriples]:
    """Yield each source's :class:`~extract.pipeline.DocumentTriples`, in input order, lazily.

    Documents are cut into pieces that fit the parser; only a bounded number of pieces is in
    flight at once, so memory does not grow with the corpus or with one huge document. A
    document whose extraction runs over ``budget`` comes back with no triples and the reason
    (``skipped``); the others are unaffected, in one process as with ``jobs`` workers.

    Args:
        sources: Decoded documents, consumed lazily.
        model: spaCy pipeline name (None: the default English model).
        jobs: Worker processes; 1 parses in this process.
        extractor: Registered extractor name.
        nlp: An already loaded pipeline to use when ``jobs == 1``.
        budget: Extraction time allowed per document (None: no limit).
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if jobs == 1:
        nlp = nlp if nlp is not None else load_nlp(model)
        yield from extract_documents(_documents(sources, piece_limit(nlp)), nlp,
                                     extractor=extractor, budget=budget)
        return

    limit = piece_limit(load_nlp(model))  # fail fast, with the clear message, before forking
    yield from gather(_parallel(sources, model, extractor, budget, jobs, limit))


def _parallel(
    sources: Iterable[SourceText], model: str | None, extractor: str, budget: Budget | None,
    jobs: int, limit: int,
) -> Iterator[tuple[SourceText, bool, list[Triple] | Stopped, int]]:
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    pending: deque[tuple[list[tuple[SourceText, bool, Piece]], Future]] = deque()

    def drain() -> Iterator[tuple[SourceText, bool, list[Triple] | Stopped, int]]:
        batch, future = pending.popleft()
        for (source, last, piece), result in zip(batch, future.result()):
            yield source, last, result, piece_words(piece)

    try:
        for batch in batch_pieces(source_pieces(sources, limit), _TASK_CHARS):
            task = [piece for _source, _last, piece in batch]
            pending.append((batch, pool.submit(_extract_task, model, extractor, budget, task)))
            while len(pending) > jobs * _TASKS_AHEAD:
                yield from drain()
        while pending:
            yield from drain()
    finally:
        # On Ctrl-C or an error, drop queued work instead of finishing the corpus.
        pool.shutdown(wait=True, cancel_futures=True)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which reports it once and stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def read_sources(
    paths: Iterable[str | os.PathLike[str]],
    graph: KnowledgeGraph,
    report: BuildReport,
    *,
    patterns: Iterable[str] = DEFAULT_PATTERNS,
) -> Iterator[SourceText]:
    """Readable documents not yet in ``graph`` (by content hash); the rest go to ``report``."""
    in_graph = {doc.sha256: doc.source for doc in graph.documents.values()}
    seen = dict(in_graph)
    taken = set(graph.documents)
    for item in iter_documents(paths, patterns=patterns):
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        if item.warning:
            report.warnings.append(item.warning)
        sha256 = item.document.sha256
        if sha256 in seen:
            report.duplicates.append(
                Duplicate(item.document.source, seen[sha256], sha256 in in_graph))
            continue
        seen[sha256] = item.document.source
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
    settings: BuildSettings | None = None,
    on_triples: Callable[[list[Triple]], None] | None = None,
    nlp: object | None = None,
    **options: Any,
) -> tuple[KnowledgeGraph, BuildReport]:
    """Read every document under ``paths``, extract triples and merge them into a graph.

    Args:
        paths: Files and folders to read (folders recursively, matching ``patterns``).
        graph: An existing graph to merge into (``--into``); documents already in it, by
            content hash, are skipped so counts never double. None starts a new graph.
        settings: How to read and extract (:class:`BuildSettings`; its defaults when None).
        on_triples: Called with each document's triples as they are merged (streaming output).
        nlp: An already loaded pipeline to reuse (``jobs == 1`` only).
        **options: Fields of :class:`BuildSettings` one by one (``jobs=2``,
            ``min_confidence=0.7``, ``model=...``, ``patterns=...``, ``extractor=...``,
            ``progress=...``, ``budget=...``), the keyword arguments this function has
            always taken; they override ``settings``.

    Returns:
        The graph and a :class:`BuildReport`.

    >>> build_graph([], jobs=0)
    Traceback (most recent call last):
    ...
    ValueError: jobs must be at least 1, not 0
    """
    settings = replace(settings or BuildSettings(), **options)
    graph = graph if graph is not None else KnowledgeGraph()
    if settings.min_confidence is not None:
        graph.graph["min_confidence"] = check_min_confidence(settings.min_confidence)
    report = BuildReport()
    started = time.perf_counter()
    sources = read_sources(paths, graph, report, patterns=settings.patterns)
    bar = progress_bar(settings.progress)
    try:
        with fewer_collections():
            for source, triples, words, stopped in iter_extracted(
                sources, model=settings.model, jobs=settings.jobs,
                extractor=settings.extractor, nlp=nlp, budget=settings.budget,
            ):
                if stopped is not None:
                    report.skipped.append(Skipped(source.document.source, stopped))
                    continue
                graph.documents[source.document.id] = source.document
                for triple in triples:
                    add_triple(graph, triple)
                if on_triples is not None:
                    on_triples(triples)
                report.documents += 1
                report.triples += len(triples)
                report.words += words
                if bar is not None:
                    bar.update(1)
                    bar.set_postfix(triples=report.triples, refresh=False)
    finally:
        if bar is not None:
            bar.close()
    resolve_corpus_names(graph)
    report.seconds = time.perf_counter() - started
    return graph, report


def progress_bar(enabled: bool):  # -> tqdm | None
    """A tqdm bar of documents on standard error, or None when disabled or not a terminal."""
    if not enabled or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit="doc", desc="kg", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
