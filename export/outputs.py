"""All of a build's outputs in one call, and which graph the outputs in a folder belong to.

``kg build`` writes three files: the graph (``graph.ttl``, or the ``--into`` file), and beside
it, in the output folder, the page ``graph.html`` and the mentions ``triples.jsonl``, which are
views of that graph. A small manifest in the folder, ``.kg-outputs.json``, records which graph
file the page and the mentions were made from:

.. code-block:: json

    {"graph": "graph.ttl", "outputs": ["graph.html", "triples.jsonl"]}

Before anything is read or parsed, :func:`check_outputs` refuses to write a page or mentions
that belong to a *different* graph (a mistyped ``--into`` path would otherwise replace the
real graph's page and mentions with those of a new one-document graph) unless ``force`` is
given. A folder written by a kg without manifests counts as belonging to its ``graph.ttl``.
Every file, the manifest included, is written atomically (:func:`kg.io.atomic_open`).

A build into a folder (``kg build PATHS -o DIR``) makes a new graph of ``PATHS``: before any
work, :func:`check_kept_documents` refuses to replace a ``DIR/graph.ttl`` that holds documents
those paths do not hold (by content), which would silently drop them.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable

from export.html import DEFAULT_MAX_FACTS, DEFAULT_MAX_NODES
from kg.errors import KGError
from kg.io import atomic_open
from kg.model import KnowledgeGraph

__all__ = [
    "GRAPH_NAME",
    "PAGE_NAME",
    "TRIPLES_NAME",
    "MANIFEST_NAME",
    "PARALLEL_WRITE_FACTS",
    "OutputSettings",
    "OutputFolderError",
    "OutputConflict",
    "DroppedDocuments",
    "owner",
    "input_hashes",
    "check_kept_documents",
    "check_folder",
    "check_outputs",
    "check_file",
    "write_outputs",
]

GRAPH_NAME = "graph.ttl"
PAGE_NAME = "graph.html"
TRIPLES_NAME = "triples.jsonl"
MANIFEST_NAME = ".kg-outputs.json"
#: Facts from which the graph file is written by ``jobs`` forked processes (same bytes).
PARALLEL_WRITE_FACTS = 50_000
_COMPANIONS = (PAGE_NAME, TRIPLES_NAME)


@dataclass(frozen=True)
class OutputSettings:
    """How a build's outputs are written: :func:`write_outputs`'s options, and ``kg build``'s.

    Attributes:
        base: Base IRI of entities; None keeps the one the graph was read with, else
            :data:`export.rdf.DEFAULT_BASE`.
        rdf_format: RDF format name (default: from the graph file's extension).
        max_nodes: Entities drawn in the page's first view, the most central (None: all);
            the page's own default (:data:`export.html.DEFAULT_MAX_NODES`) unless given.
        max_facts: Facts the page holds, the best supported (None: all).
        jobs: Processes writing a big graph file (from :data:`PARALLEL_WRITE_FACTS` facts;
            the bytes are the same for any number).
        force: Replace a page and mentions that belong to another graph (and, for
            ``kg build -o``, a graph file holding documents the build does not read).
        assert_claims: Also write attributed, modal and conditional claims as plain triples
            (see :func:`export.rdf.write_rdf`); None keeps what the graph was read with.

    >>> OutputSettings(rdf_format="nt").max_nodes
    200
    """

    base: str | None = None
    rdf_format: str | None = None
    max_nodes: int | None = DEFAULT_MAX_NODES
    max_facts: int | None = DEFAULT_MAX_FACTS
    jobs: int = 1
    force: bool = False
    assert_claims: bool | None = None


class OutputFolderError(KGError):
    """The output folder cannot be made: a file is in its place (or in a folder above it)."""


class OutputConflict(KGError):
    """Writing would replace outputs that belong to another graph (``--force`` allows it)."""


class DroppedDocuments(OutputConflict):
    """Writing would replace a graph holding documents the new build does not read."""


def _same(a: Path, b: Path) -> bool:
    return os.path.abspath(a) == os.path.abspath(b)


def owner(outdir: str | os.PathLike[str]) -> Path | None:
    """The graph file whose page and mentions are in ``outdir``, or None when there are none.

    Read from the folder's manifest; without one (outputs of an earlier kg), existing outputs
    belong to the folder's ``graph.ttl``. A folder whose page or mentions have no known graph
    (no manifest and no ``graph.ttl``) gives the folder itself, which matches no graph file.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> owner(folder) is None
    True
    >>> _ = (folder / "graph.html").write_text("<html></html>")
    >>> owner(folder) == folder
    True
    """
    folder = Path(outdir)
    manifest = folder / MANIFEST_NAME
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8"))["graph"]
    except (OSError, ValueError, KeyError, TypeError):
        recorded = None
    if isinstance(recorded, str) and recorded:
        return folder / recorded
    if not any((folder / name).exists() for name in _COMPANIONS):
        return None
    legacy = folder / GRAPH_NAME
    return legacy if legacy.exists() else folder


def check_folder(outdir: str | os.PathLike[str]) -> None:
    """Make sure ``outdir`` is, or can be made, a folder (no file is in the way).

    Raises:
        OutputFolderError: ``outdir``, or a folder above it, is a file.
    """
    folder = Path(outdir)
    for place in (folder, *folder.parents):
        if place.exists():
            if not place.is_dir():
                why = ("the outputs go into a folder" if place == folder
                       else f"the output folder {folder} cannot be made in it")
                raise OutputFolderError(f"{place} is a file, not a folder: {why}")
            return


def check_outputs(
    outdir: str | os.PathLike[str],
    graph_path: str | os.PathLike[str] | None = None,
    *,
    force: bool = False,
) -> None:
    """Make sure :func:`write_outputs` may write the outputs of ``graph_path`` into ``outdir``.

    Cheap (no graph is read), so a command calls it before any work.

    Raises:
        OutputFolderError: ``outdir`` (or a folder above it) is a file, or the graph file
            is a folder.
        OutputConflict: ``outdir`` holds the page and mentions of another graph and
            ``force`` is not set.
    """
    folder = Path(outdir)
    graph = Path(graph_path) if graph_path is not None else folder / GRAPH_NAME
    check_folder(folder)
    if graph.is_dir():
        raise OutputFolderError(f"{graph} is a folder, not a graph file")
    current = owner(folder)
    if force or current is None or _same(current, graph):
        return
    present = ", ".join(str(folder / name) for name in _COMPANIONS if (folder / name).exists())
    whose = ("of no graph kg knows (no manifest and no graph.ttl there)" if current == folder
             else f"of {current}")
    raise OutputConflict(
        f"{present} are the outputs {whose}, not of {graph}; write to another folder with -o, "
        f"or replace them with --force"
    )


def check_file(
    path: str | os.PathLike[str],
    graph_path: str | os.PathLike[str],
    *,
    force: bool = False,
) -> None:
    """Make sure one file made from ``graph_path`` (``kg html -o PATH``) may be written.

    Refused without ``force``: replacing a graph file recorded in the folder's manifest with
    something else, or a page or mentions that belong to another graph.

    Raises:
        OutputConflict: ``path`` belongs to another graph's outputs.
    """
    target, graph = Path(path), Path(graph_path)
    current = owner(target.parent)
    if force or current is None or _same(current, graph):
        return
    if _same(target, current) or (target.name in _COMPANIONS and target.exists()):
        raise OutputConflict(
            f"{target} is one of the outputs of {current}, not of {graph}; write elsewhere, "
            f"or replace it with --force"
        )


def input_hashes(
    paths: Iterable[str | os.PathLike[str]], *, patterns: Iterable[str] | None = None
) -> set[str]:
    """The content hashes (SHA-256 of the raw bytes) of the files a build of ``paths`` reads,
    found as the build finds them (:func:`extract.documents.find_files`); unreadable files
    are left out (the build skips them too)."""
    from extract.documents import DEFAULT_PATTERNS, find_files

    found = set()
    for item in find_files(paths, patterns=patterns or DEFAULT_PATTERNS):
        if not isinstance(item, tuple):
            continue
        digest = hashlib.sha256()
        try:
            with open(item[0], "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        except OSError:
            continue
        found.add(digest.hexdigest())
    return found


def check_kept_documents(
    graph_path: str | os.PathLike[str],
    paths: Iterable[str | os.PathLike[str]],
    *,
    patterns: Iterable[str] | None = None,
    format: str | None = None,
    force: bool = False,
) -> None:
    """Make sure a new graph of ``paths`` written to ``graph_path`` loses no document.

    Rebuilding the same inputs, or more, is allowed; so is a missing graph file. Cheap: the
    graph file's documents are streamed (:func:`export.rdf.read.graph_documents`) and the
    inputs hashed, nothing is parsed.

    Raises:
        DroppedDocuments: ``graph_path`` holds documents (by content) that ``paths`` do not,
            or cannot be read, and ``force`` is not set.
    """
    from export.rdf.read import graph_documents

    target = Path(graph_path)
    if force or not target.is_file():
        return
    advice = (f"add them to the inputs, add only the new documents with --into {target}, "
              f"write to another folder with -o, or replace the graph with --force")
    try:
        kept = graph_documents(target, format=format)
    except KGError as err:
        raise DroppedDocuments(f"{target} cannot be read to see which documents it holds "
                               f"({err}); replace it with --force, or write to another folder "
                               f"with -o") from err
    reading = input_hashes(paths, patterns=patterns)
    dropped = sorted(source for sha, source in kept.items() if sha not in reading)
    if dropped:
        shown = ", ".join(dropped[:3]) + (f" and {len(dropped) - 3} more" if len(dropped) > 3
                                           else "")
        raise DroppedDocuments(
            f"{target} holds {len(kept)} document(s), {len(dropped)} of which this build does "
            f"not read ({shown}): the new graph would drop {len(dropped)} document(s). To keep "
            f"them, {advice}"
        )


def write_outputs(
    graph: KnowledgeGraph,
    outdir: str | os.PathLike[str],
    *,
    graph_path: str | os.PathLike[str] | None = None,
    settings: OutputSettings | None = None,
    **options: Any,
) -> list[Path]:
    """Write the graph file, ``graph.html`` and ``triples.jsonl`` for ``graph``; their paths.

    Args:
        graph: The graph to write.
        outdir: Folder of the page and the mentions (made if missing).
        graph_path: The graph file (default ``outdir/graph.ttl``), in ``rdf_format`` or the
            format its extension names.
        settings: How to write them (:class:`OutputSettings`; its defaults when None).
        **options: Fields of :class:`OutputSettings` one by one (``base=...``,
            ``rdf_format="nt"``, ``max_nodes=None``, ``jobs=4``, ``force=True``, ...), the
            keyword arguments this function has always taken; they override ``settings``.

    Raises:
        OutputFolderError, OutputConflict: See :func:`check_outputs`.

    >>> import tempfile
    >>> from kg.model import KnowledgeGraph
    >>> folder = Path(tempfile.mkdtemp())
    >>> [p.name for p in write_outputs(KnowledgeGraph(), folder)]
    ['graph.ttl', 'graph.html', 'triples.jsonl']
    >>> write_outputs(KnowledgeGraph(), folder, graph_path=folder / "other.ttl")
    Traceback (most recent call last):
    ...
    export.outputs.OutputConflict: ...graph.html, ...triples.jsonl are the outputs of ...graph.ttl, not of ...other.ttl; write to another folder with -o, or replace them with --force
    """
    from export.html import write_html
    from export.jsonl import write_jsonl
    from export.rdf import DEFAULT_BASE, write_rdf

    settings = replace(settings or OutputSettings(), **options)
    folder = Path(outdir)
    target = Path(graph_path) if graph_path is not None else folder / GRAPH_NAME
    check_outputs(folder, target, force=settings.force)
    folder.mkdir(parents=True, exist_ok=True)
    _claim(folder, target)
    # A graph read back (--into) keeps the base IRI it was first written with.
    base = settings.base or graph.graph.get("base") or DEFAULT_BASE
    big = graph.number_of_edges() >= PARALLEL_WRITE_FACTS
    write_rdf(graph, target, format=settings.rdf_format, base=base,
              workers=settings.jobs if big else 1, assert_claims=settings.assert_claims)
    write_html(graph, folder / PAGE_NAME, max_nodes=settings.max_nodes,
               max_facts=settings.max_facts)
    write_jsonl(graph, folder / TRIPLES_NAME)
    return [target, folder / PAGE_NAME, folder / TRIPLES_NAME]


def _claim(folder: Path, graph: Path) -> None:
    """Record (before writing them) that the folder's page and mentions are ``graph``'s."""
    try:
        recorded = os.path.relpath(graph, folder)
    except ValueError:  # another drive (Windows)
        recorded = os.path.abspath(graph)
    if recorded.startswith(".." + os.sep):
        recorded = os.path.abspath(graph)
    manifest = {"graph": Path(recorded).as_posix(), "outputs": list(_COMPANIONS)}
    path = folder / MANIFEST_NAME
    text = json.dumps(manifest, indent=1, sort_keys=True) + "\n"
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    with atomic_open(path) as handle:
        handle.write(text)
