"""The CaRB dev runner: scoring existing files, and a small real extraction run."""

from __future__ import annotations

import io
from pathlib import Path

from benchmarks.carb.evaluate import DATA, main, run_extractor
from benchmarks.carb.scorer import load_predictions

SENTENCES = [
    "Marie Curie discovered polonium in 1898 with her husband .",
    "The strike obtained political support from the Political Affairs Committee .",
]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), stdout=out)
    return code, out.getvalue()


def test_main_scores_a_predictions_file_next_to_the_references():
    code, text = run("--predictions", str(DATA / "dev_openie5_output.tsv"))
    assert code == 0
    lines = text.splitlines()
    assert lines[0].split()[-4:] == ["AUC", "P", "R", "F1"]
    assert lines[1].split()[-4:] == ["0.240", "0.526", "0.406", "0.458"]
    assert "OpenIE-5 (reference output)" in lines[2] and lines[2].endswith("0.458")
    assert "naive spaCy (reference output)" in lines[3] and lines[3].endswith("0.421")


def test_main_output_only_rescores_the_output_file(tmp_path):
    output = tmp_path / "carb.tsv"
    output.write_text((DATA / "dev_naive_spacy_output.tsv").read_text(encoding="utf-8"))
    code, text = run("--output-only", "--output", str(output), "--no-references")
    assert code == 0
    assert text.splitlines()[1].split()[-4:] == ["0.260", "0.592", "0.327", "0.421"]
    assert len(text.splitlines()) == 2


def test_main_missing_predictions_file_is_exit_2(tmp_path, capsys):
    code, _ = run("--predictions", str(tmp_path / "nope.tsv"))
    assert code == 2
    assert "nope.tsv" in capsys.readouterr().err


def test_main_unknown_extractor_is_one_line_and_exit_2(tmp_path, capsys):
    code, _ = run("--extractor", "no.such.v1", "--output", str(tmp_path / "carb.tsv"))
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "no.such.v1" in err and len(err.splitlines()) == 1


def test_run_extractor_writes_carb_lines_and_times_both_stages(tmp_path):
    sentences = tmp_path / "sentences.txt"
    sentences.write_text("\n".join(SENTENCES) + "\n", encoding="utf-8")
    output = tmp_path / "out" / "carb.tsv"
    stats, written = run_extractor(sentences, output)
    assert (stats.sentences, stats.words) == (2, sum(len(s.split()) for s in SENTENCES))
    assert stats.tuples == len(written)
    assert output.read_text(encoding="utf-8").splitlines() == written
    assert stats.parse_seconds > 0 and stats.extract_seconds >= 0
    assert set(load_predictions(output)) <= set(SENTENCES)
    assert not list(Path(output.parent).glob(".*partial"))
