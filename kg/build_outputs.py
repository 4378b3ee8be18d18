"""What ``kg build`` does, as one library call: check the outputs, build the graph, write it.

:func:`build_outputs` refuses, before any work, what would lose work or cannot be done (no
output named, outputs that belong to another graph, a graph file that would drop documents, a
missing ``--into`` graph: :class:`BuildRefused`); then it reads the ``into`` graph, builds
with the local engine (:func:`kg.build.build_graph`) or on a Dask cluster
(:func:`kg.engines.dask_engine.build_graph_dask`), and writes the graph file, the page and the
mentions (:func:`export.outputs.write_outputs`). It is the glue between building and writing:
besides the command line, the one module of ``kg`` that writes exports.

Its options come in settings objects, one per concern: :class:`~kg.build.BuildSettings` (how
documents are read and extracted), :class:`~export.outputs.OutputSettings` (how the outputs
are written) and, for a Dask build, :class:`~kg.engines.dask_engine.DaskSettings`, made from
those two by :func:`dask_settings`.

>>> build_outputs(["seeds/"])
Traceback (most recent call last):
...
kg.build_outputs.BuildRefused: give an output folder with -o, or a graph with --into
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from export.outputs import (
    GRAPH_NAME,
    OutputConflict,
    OutputFolderError,
    OutputSettings,
    check_folder,
    check_kept_documents,
    check_outputs,
    write_outputs,
)
from kg.build import BuildReport, BuildSettings, build_graph
from kg.errors import KGError
from kg.model import KnowledgeGraph

if TYPE_CHECKING:
    from kg.engines.dask_engine import DaskSettings

__all__ = ["BuildOutcome", "BuildRefused", "build_outputs", "dask_settings"]


class BuildRefused(KGError):
    """A build refused before any work, nothing read or written: the request cannot be done
    as asked, or would replace outputs or documents of another graph (``kg build`` exits 2)."""


@dataclass(frozen=True)
class BuildOutcome:
    """What :func:`build_outputs` made.

    Attributes:
        graph: The graph built (with the ``into`` graph's documents); None for a Dask build
            that wrote shards instead of gathering the graph.
        report: What the build read, merged and skipped (a
            :class:`~kg.engines.dask_engine.DaskBuildReport` for a Dask build).
        written: The files written, the graph file first; empty when no document could be
            read (nothing is written then) and for shards (``report.shards`` lists them).
    """

    graph: KnowledgeGraph | None
    report: BuildReport
    written: list[Path]


def dask_settings(
    settings: BuildSettings, outputs: OutputSettings | None = None, **options: Any
) -> DaskSettings:
    """The :class:`~kg.engines.dask_engine.DaskSettings` of a Dask build: ``settings``, the
    base IRI and ``assert_claims`` of ``outputs`` (the shards are written with them), and the
    Dask options (``scheduler=``, ``workers=``, ``checkpoint_dir=``, ``collect=False`` for
    shards).

    Raises:
        KGError: The dask extra is not installed.
    """
    try:
        from kg.engines.dask_engine import DaskSettings
    except ImportError as err:
        raise KGError(f"--engine dask needs the dask extra: pip install 'kg-builder[dask]' "
                      f"({err})") from err
    outputs = outputs or OutputSettings()
    names = {f.name for f in fields(DaskSettings)}
    shared = {f.name: getattr(settings, f.name) for f in fields(settings) if f.name in names}
    shared["assert_claims"] = outputs.assert_claims
    if outputs.base:
        shared["base"] = outputs.base
    return DaskSettings(**{**shared, **options})


def build_outputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    output: str | os.PathLike[str] | None = None,
    into: str | os.PathLike[str] | None = None,
    create: bool = False,
    settings: BuildSettings | None = None,
    outputs: OutputSettings | None = None,
    dask: DaskSettings | None = None,
) -> BuildOutcome:
    """Build the graph of ``paths`` and write it with its page and mentions (``kg build``).

    Args:
        paths: Files and folders to read.
        output: Folder of the outputs (``-o``): ``graph.ttl``, ``graph.html`` and
            ``triples.jsonl``. Without ``into``, the graph is new and may not drop documents
            an earlier ``graph.ttl`` there holds (unless ``outputs.force``).
        into: A graph file to add the documents to, updated in place (``--into``); the page
            and mentions go beside it unless ``output`` is given.
        create: Start a new graph at ``into`` when the file does not exist.
        settings: How to read and extract (:class:`~kg.build.BuildSettings`).
        outputs: How to write (:class:`~export.outputs.OutputSettings`).
        dask: Build on a Dask cluster with these settings (see :func:`dask_settings`); with
            ``collect=False`` the build writes shards into ``output`` instead of one graph.

    Returns:
        A :class:`BuildOutcome`.

    Raises:
        BuildRefused: Before any work (see the module's docstring).
    """
    paths = list(paths)
    settings, outputs = settings or BuildSettings(), outputs or OutputSettings()
    outdir, graph_path = _check(paths, output, into, create, settings, outputs, dask)
    graph = None
    if into is not None and Path(into).exists():
        from export.rdf import read_rdf

        graph = read_rdf(into, format=outputs.rdf_format)
    if dask is not None:
        from kg.engines.dask_engine import build_graph_dask

        if not dask.collect:
            dask = replace(dask, output_dir=outdir)
        graph, report = build_graph_dask(paths, graph=graph, settings=dask)
        if graph is None:
            return BuildOutcome(None, report, [])
    else:
        graph, report = build_graph(paths, graph=graph, settings=settings)
    if not graph.documents:
        return BuildOutcome(graph, report, [])
    written = write_outputs(graph, outdir, graph_path=graph_path, settings=outputs)
    return BuildOutcome(graph, report, written)


def _check(
    paths: list[str | os.PathLike[str]], output: str | os.PathLike[str] | None,
    into: str | os.PathLike[str] | None, create: bool, settings: BuildSettings,
    outputs: OutputSettings, dask: DaskSettings | None,
) -> tuple[Path, Path]:
    """The output folder and the graph file, once the build is known to be allowed."""
    shards = dask is not None and not dask.collect
    if output is None and into is None:
        raise BuildRefused("give an output folder with -o, or a graph with --into")
    if shards and into is not None:
        raise BuildRefused("--shards writes a new sharded graph; it cannot go --into one")
    if create and into is None:
        raise BuildRefused("--create starts the graph named by --into; give --into GRAPH")
    if into is not None and not Path(into).exists() and not create:
        raise BuildRefused(f"--into {into}: no such graph file; to start a new graph there, "
                           f"add --create")
    outdir = Path(output) if output is not None else Path(into).parent  # type: ignore[arg-type]
    graph_path = Path(into) if into is not None else outdir / GRAPH_NAME
    try:
        if shards:
            check_folder(outdir)
        else:
            check_outputs(outdir, graph_path, force=outputs.force)
            if into is None:  # a new graph replaces OUTDIR/graph.ttl: it must lose nothing
                check_kept_documents(graph_path, paths, patterns=settings.patterns,
                                     format=outputs.rdf_format, force=outputs.force)
    except (OutputFolderError, OutputConflict) as err:
        raise BuildRefused(str(err)) from err
    return outdir, graph_path
