"""The command line refuses what would lose work, in one line, before doing any work.

Run in this process through ``kg.cli.main`` (the console script's own entry point: typer's
parsing, kg's error lines and exit statuses), with the session's model, so these tests are
fast; ``tests/test_cli.py`` runs the real subprocesses. A check is shown to come *before any
work* by giving it a model that does not exist: the run must stop on the check, not on the
model.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.budget import DEFAULT_MS_PER_TOKEN, FLOOR_SECONDS
from kg.cli import main
from tests.hang_extractor import HANG_TEXT, NAME

GOOD_A = "Marie Curie discovered polonium in Paris."
GOOD_B = "Alan Turing designed the Automatic Computing Engine."
NO_MODEL = ("--model", "no_such_model")


@pytest.fixture()
def kg(capsys, nlp):  # nlp: the model is loaded once per session, and cached by name
    def run(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exit_:
            main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return exit_.value.code or 0, captured.out, captured.err

    return run


@pytest.fixture()
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_A, encoding="utf-8")
    (folder / "b.txt").write_text(GOOD_B, encoding="utf-8")
    return folder


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def test_version_and_short_help(kg):
    code, out, _ = kg("--version")
    assert code == 0 and out.startswith("kg ") and out.split()[1][0].isdigit()
    for args in (["-h"], ["build", "-h"], ["extract", "-h"]):
        code, out, _ = kg(*args)
        assert code == 0 and out.startswith("Usage: kg"), args


def test_build_help_states_the_budget_defaults(kg):
    """The help is written out (kg -h does not import spaCy); it must say what the code does."""
    _, out, _ = kg("build", "-h")
    text = " ".join(out.split())
    assert f"plus {FLOOR_SECONDS:g} s (default {DEFAULT_MS_PER_TOKEN:g}:" in text


def test_missing_into_graph_is_an_error_and_writes_nothing(kg, corpus, tmp_path):
    out = tmp_path / "out"
    assert kg("build", corpus, "-o", out, "-q")[0] == 0
    before = _outputs(out)
    code, stdout, err = kg("build", corpus, "--into", out / "nothere.ttl", *NO_MODEL)
    assert code == 2 and stdout == ""
    assert err.splitlines() == [f"kg: error: --into {out / 'nothere.ttl'}: no such graph file; "
                                "to start a new graph there, add --create"]
    assert _outputs(out) == before


def test_create_refuses_to_take_over_another_graphs_outputs(kg, corpus, tmp_path):
    """The issue's typo, asked for with --create: out/graph.html is graph.ttl's, not new.ttl's."""
    out = tmp_path / "out"
    kg("build", corpus, "-o", out, "-q")
    before = _outputs(out)
    code, _, err = kg("build", corpus, "--into", out / "new.ttl", "--create", *NO_MODEL)
    assert code == 2 and len(err.splitlines()) == 1
    assert f"are the outputs of {out / 'graph.ttl'}, not of {out / 'new.ttl'}" in err
    assert "--force" in err
    assert _outputs(out) == before


def test_force_replaces_them_and_the_manifest_says_whose_they_are(kg, corpus, tmp_path):
    out = tmp_path / "out"
    kg("build", corpus, "-o", out, "-q")
    assert kg("build", corpus, "--into", out / "new.ttl", "--create", "--force", "-q")[0] == 0
    manifest = json.loads((out / ".kg-outputs.json").read_text())
    assert manifest == {"graph": "new.ttl", "outputs": ["graph.html", "triples.jsonl"]}
    # Now the page is new.ttl's: rebuilding graph.ttl's outputs there needs --force again.
    assert kg("build", corpus, "-o", out, "-q", *NO_MODEL)[0] == 2


def test_create_starts_a_new_graph_in_a_fresh_folder(kg, corpus, tmp_path):
    graph = tmp_path / "new" / "mine.ttl"
    assert kg("build", corpus, "--into", graph, "--create", "-q")[0] == 0
    assert sorted(_outputs(graph.parent)) == [
        ".kg-outputs.json", "graph.html", "mine.ttl", "triples.jsonl"]
    # --into an existing graph needs no --create, and rewrites its own outputs.
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "c.txt").write_text("Grace Hopper invented the compiler.")
    assert kg("build", tmp_path / "more", "--into", graph, "-q")[0] == 0
    assert "Grace Hopper" in (graph.parent / "triples.jsonl").read_text()


def test_create_without_into_is_a_usage_error(kg, corpus, tmp_path):
    code, _, err = kg("build", corpus, "-o", tmp_path / "o", "--create")
    assert code == 2 and "--into" in err


def test_outputs_of_an_earlier_kg_belong_to_their_graph_ttl(kg, corpus, tmp_path):
    """A folder written before manifests existed: rebuilding it needs no --force."""
    out = tmp_path / "out"
    kg("build", corpus, "-o", out, "-q")
    (out / ".kg-outputs.json").unlink()
    assert kg("build", corpus, "-o", out, "-q")[0] == 0
    (out / ".kg-outputs.json").unlink()
    assert kg("build", corpus, "--into", out / "x.ttl", "--create", "-q", *NO_MODEL)[0] == 2


def test_output_that_is_a_file_is_refused_before_any_work(kg, corpus, tmp_path):
    existing = tmp_path / "existing.ttl"
    existing.write_text("mine")
    code, stdout, err = kg("build", corpus, "-o", existing, *NO_MODEL)
    assert code == 2 and stdout == ""
    assert err.splitlines() == [f"kg: error: {existing} is a file, not a folder: the outputs "
                                "go into a folder"]
    assert existing.read_text() == "mine"
    code, _, err = kg("build", corpus, "-o", existing / "sub", *NO_MODEL)
    assert code == 2 and "cannot be made" in err


@pytest.mark.parametrize("command", ["build", "extract"])
def test_url_is_refused_with_how_to_fetch_it(kg, tmp_path, command):
    url = "https://example.com/news/today.html?page=2"
    extra = ["-o", str(tmp_path / "o")] if command == "build" else []
    code, stdout, err = kg(command, url, *extra, *NO_MODEL)
    assert code == 2 and stdout == ""
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"kg: error: {url} is a URL;")  # not mangled to https:/...
    assert f"curl -L -o page.html '{url}'" in lines[0]
    assert not (tmp_path / "o").exists()


def test_no_document_names_the_patterns_looked_for(kg, tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "table.csv").write_text("a,b\n")
    out = tmp_path / "out"
    code, _, err = kg("build", folder, "-o", out)
    assert code == 1 and not out.exists()
    assert err.splitlines() == [
        f"kg: no document found: nothing under {folder} matches *.txt or *.md (add --include "
        "PATTERN to read other names); nothing was written."]
    code, _, err = kg("build", folder, "-o", out, "--include", "*.rst")
    assert code == 1 and "matches *.rst (add" in err


def test_duplicates_are_named_with_the_file_they_repeat(kg, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_A)
    for n in range(7):
        (folder / f"copy{n}.txt").write_text(GOOD_A)
    code, _, err = kg("build", folder, "-o", tmp_path / "out")
    assert code == 0
    lines = err.splitlines()
    assert lines[0] == "kg: 7 duplicate document(s) not added (same content):"
    assert lines[1:6] == [f"  {folder / f'copy{n}.txt'}: same content as {folder / 'a.txt'}"
                          for n in range(5)]
    assert lines[6] == "  ... and 2 more"
    # Into the graph again: each is already in the graph.
    code, _, err = kg("build", folder / "copy0.txt", "--into", tmp_path / "out" / "graph.ttl")
    assert code == 0
    assert f"  {folder / 'copy0.txt'}: same content as {folder / 'a.txt'}, already in the graph" \
        in err.splitlines()


def test_hung_document_is_skipped_named_and_the_rest_is_kept(kg, tmp_path):
    """The budget through the command line: exit 3, the reason, every other fact written."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_A)
    (folder / "b.txt").write_text(HANG_TEXT)
    (folder / "c.txt").write_text(GOOD_B)
    out = tmp_path / "out"
    code, _, err = kg("build", folder, "-o", out, "--extractor", NAME, "--doc-budget", "1")
    assert code == 3
    lines = err.splitlines()
    assert lines[0] == "kg: skipped 1 input(s):"
    assert lines[1].startswith(f"  {folder / 'b.txt'}: extraction ran over its time budget (")
    assert "--doc-budget sets it" in lines[1]
    facts = {json.loads(line)["source"] for line in (out / "triples.jsonl").read_text()
             .splitlines()}
    assert facts == {"a.txt", "c.txt"}
    code, stdout, err = kg("extract", folder, "--extractor", NAME, "--doc-budget", "1")
    assert code == 3 and "b.txt: extraction ran over its time budget" in err
    assert {json.loads(line)["source"] for line in stdout.splitlines()} == {"a.txt", "c.txt"}


@pytest.mark.integration  # runs the console script
def test_console_script_answers_version_and_help_without_loading_a_model():
    """The installed ``kg`` script itself (a real subprocess; nothing heavy is imported)."""
    import subprocess
    import sys

    script = Path(sys.executable).with_name("kg")
    version = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.startswith("kg ")
    short = subprocess.run([str(script), "-h"], capture_output=True, text=True)
    assert short.returncode == 0 and "build" in short.stdout


def test_html_refuses_to_replace_another_graphs_page(kg, corpus, tmp_path):
    out = tmp_path / "out"
    kg("build", corpus, "-o", out, "-q")
    other = tmp_path / "other"
    kg("build", corpus, "--into", other / "g.ttl", "--create", "-q")
    page = (out / "graph.html").read_bytes()
    for target in ("graph.html", "graph.ttl"):
        code, _, err = kg("html", other / "g.ttl", "-o", out / target)
        assert code == 2 and f"is one of the outputs of {out / 'graph.ttl'}" in err
    assert (out / "graph.html").read_bytes() == page
    assert kg("html", out / "graph.ttl", "-o", out / "graph.html")[0] == 0  # its own page
    assert kg("html", other / "g.ttl", "-o", out / "graph.html", "--force")[0] == 0
    assert kg("html", other / "g.ttl", "-o", out / "elsewhere.html")[0] == 0


def test_build_refuses_to_drop_documents_of_the_graph_it_replaces(kg, corpus, tmp_path):
    """`kg build one.txt -o out/` over a graph of more documents: a usage error, nothing written."""
    out = tmp_path / "out"
    assert kg("build", corpus, "-o", out, "--quiet")[0] == 0
    before = _outputs(out)
    code, _, err = kg("build", corpus / "a.txt", "-o", out, "--quiet")
    assert code == 2
    assert "holds 2 document(s), 1 of which this build does not read" in err
    assert str(corpus / "b.txt") in err and "--force" in err and "--into" in err
    assert _outputs(out) == before
    # the same inputs again, or more of them, need no --force
    assert kg("build", corpus, "-o", out, "--quiet")[0] == 0
    (corpus / "c.txt").write_text("Ada Lovelace wrote the first program.", encoding="utf-8")
    assert kg("build", corpus, "-o", out, "--quiet")[0] == 0
    # --force replaces the graph with the smaller one
    assert kg("build", corpus / "a.txt", "-o", out, "--quiet", "--force")[0] == 0
    from kg import load

    assert [doc.id for doc in load(out / "graph.ttl").documents.values()] == ["a.txt"]


def test_build_refuses_to_replace_a_graph_it_cannot_read(kg, corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("this is not turtle <", encoding="utf-8")
    code, _, err = kg("build", corpus, "-o", out, "--quiet")
    assert code == 2 and "cannot be read" in err and "--force" in err
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "this is not turtle <"
    assert kg("build", corpus, "-o", out, "--quiet", "--force")[0] == 0
