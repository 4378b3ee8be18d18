"""Extraction behaviour is pinned: ``kg build seeds/`` and ``kg extract --format carb`` on the
CaRB dev sentences give the bytes stored in ``tests/golden/``.

A change of behaviour, intended or not, fails here. When it is intended, regenerate the files
with ``python tests/golden/update.py`` and commit them with the change (CONTRIBUTING.md).
"""

from __future__ import annotations

import pytest

from export.rdf import read_rdf, write_rdf
from extract.carb import carb_lines
from tests.golden.update import (
    CARB_OUTPUT,
    CARB_SENTENCES,
    GOLDEN,
    ROOT,
    SEED_OUTPUTS,
    build_seeds,
    run_kg,
)

_HINT = "if the change is intended, run `python tests/golden/update.py` and commit the diff"


def _first_difference(got: list[str], expected: list[str]) -> str:
    for n, (a, b) in enumerate(zip(got, expected), start=1):
        if a != b:
            return f"line {n}:\n  got      {a!r}\n  expected {b!r}"
    return f"{len(got)} lines, expected {len(expected)}"


def _dev_sentences() -> list[str]:
    lines = (ROOT / CARB_SENTENCES).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip()]


def test_seed_build_writes_the_golden_graph_and_triples(tmp_path):
    build_seeds(tmp_path)
    for name in SEED_OUTPUTS:
        got = (tmp_path / name).read_text(encoding="utf-8")
        expected = (GOLDEN / "seeds" / name).read_text(encoding="utf-8")
        assert got == expected, (
            f"{name}: {_first_difference(got.splitlines(), expected.splitlines())}\n{_HINT}")


def test_the_golden_graph_is_written_again_to_the_same_bytes(tmp_path):
    """docs/rdf.md's promise on the golden build: ``write_rdf(read_rdf(graph.ttl))`` gives the
    bytes ``kg build`` wrote (tests/export/test_rdf_formats.py checks every format)."""
    golden = GOLDEN / "seeds" / "graph.ttl"
    again = tmp_path / "graph.ttl"
    write_rdf(read_rdf(golden), again)
    assert again.read_bytes() == golden.read_bytes()


def test_carb_output_of_every_fourth_dev_sentence_is_golden(nlp):
    sentences = _dev_sentences()
    assert len(set(sentences)) == len(sentences), "the dev sentences are distinct"
    chosen = sentences[::4]
    wanted = set(chosen)
    expected = [line for line in CARB_OUTPUT.read_text(encoding="utf-8").splitlines()
                if line.split("\t", 1)[0] in wanted]
    got = list(carb_lines(chosen, nlp))
    assert len(expected) > 400
    assert got == expected, f"{_first_difference(got, expected)}\n{_HINT}"


@pytest.mark.slow
def test_carb_output_of_the_whole_dev_set_is_golden():
    got = run_kg("extract", "--format", "carb", CARB_SENTENCES).splitlines()
    expected = CARB_OUTPUT.read_text(encoding="utf-8").splitlines()
    assert got == expected, f"{_first_difference(got, expected)}\n{_HINT}"
