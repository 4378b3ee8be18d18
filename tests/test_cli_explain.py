"""``kg explain`` as a user runs it, in this process (fast tier): the text and JSON forms, a
file with ``--sentence`` and ``--match``, and one clear line for each mistake."""

from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.explanation import explain, explain_file
from kg.voice import DEFAULT_MIN_CONFIDENCE
from tests.data import SEED_ARTICLE

TEXT = "Xu Liang founded a company. He sold it in 2020. John Howard met Kim Beazley. " \
       "He criticised the plan."


def run(capsys, *args: str) -> tuple[int, str, str]:
    """``kg ARGS`` in this process: exit status, standard output, standard error."""
    with pytest.raises(SystemExit) as stopped:
        main(list(args))
    out = capsys.readouterr()
    return stopped.value.code or 0, out.out, out.err


def test_explain_text_shows_parse_candidates_outcomes_and_identity(capsys):
    status, out, err = run(capsys, "explain", TEXT)
    assert status == 0 and err == ""
    assert out.startswith(  # kg build's default threshold
        f"text: 4 of 4 sentences (a fact is stated at confidence {DEFAULT_MIN_CONFIDENCE:.2f} "
        f"or more)\n")
    assert "sentence 2 (characters 28-47): He sold it in 2020." in out
    assert "  parse: 1 Xu NNP compound>2 | 2 Liang NNP nsubj>3 | 3 founded VBD ROOT" in out
    assert "1. svo: (Xu Liang | found | company) -> stated, confidence" in out
    assert "subject 'He' (word 1): pronoun resolved to 'Liang' by one_person_in_reach -> " \
           "node 'xu liang' [PERSON]" in out
    assert "1. svo: (He | criticise | the plan) -> dropped by unresolved_pronoun " \
           "(subject 'He': several_people_in_reach)" in out
    assert "  several_people_in_reach (extract/coref.py): more than one compatible person is " \
           "named in reach" in out


def test_explain_json_gives_the_same_records_as_the_library(capsys, tmp_path):
    status, out, err = run(capsys, "explain", TEXT, "--json")
    assert status == 0 and err == ""
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["record"] for r in records if r["record"] == "sentence"] == ["sentence"] * 4
    candidates = [r for r in records if r["record"] == "candidate"]
    assert {(r["subject"], r["predicate"], r["object"], r["outcome"]) for r in candidates} >= {
        ("Xu Liang", "found", "company", "stated"), ("He", "criticise", "the plan", "dropped")}
    identities = [r for r in records if r["record"] == "identity"]
    assert {"role", "mention", "node", "rules", "pronoun_rule", "antecedent"} <= set(
        identities[0])
    assert out == explain(TEXT).to_jsonl()
    path = tmp_path / "text.txt"
    path.write_text(TEXT, encoding="utf-8")
    status, from_file, _ = run(capsys, "explain", str(path), "--json")
    assert status == 0 and from_file == explain_file(path).to_jsonl()
    assert from_file == explain(TEXT, document="text.txt").to_jsonl()


def test_explain_file_picks_a_sentence_by_number_or_by_text(capsys):
    status, out, _ = run(capsys, "explain", str(SEED_ARTICLE), "--sentence", "2")
    assert status == 0
    assert out.startswith(f"{SEED_ARTICLE.name}: 1 of ")
    assert "sentence 2 (characters 153-368): Xu Liang, a seasoned AI entrepreneur" in out
    status, matched, _ = run(capsys, "explain", str(SEED_ARTICLE), "--match", "SEASONED AI")
    assert status == 0 and matched == out


@pytest.mark.parametrize(("args", "status", "message"), [
    (["nosuch.txt"], 1, "kg: error: nosuch.txt: no such file\n"),
    (["notes/missing"], 1, "kg: error: notes/missing: no such file\n"),
    (["seeds"], 1, "kg: error: seeds: is a folder; kg explain reads one file, or a text\n"),
    ([str(SEED_ARTICLE), "--sentence", "400"], 1,
     f"kg: error: {SEED_ARTICLE.name}: there is no sentence 400; it has 23 sentences "
     f"(1 to 23)\n"),
    ([str(SEED_ARTICLE), "--match", "no such words"], 1,
     f"kg: error: {SEED_ARTICLE.name}: no sentence contains 'no such words' (of 23 sentences; "
     f"the match ignores case)\n"),
    ([TEXT, "--sentence", "1", "--match", "Xu"], 2,
     "kg: error: give --sentence or --match, not both\n"),
    (["   "], 1, "kg: error: nothing to explain: the text is empty\n"),
], ids=["missing file", "missing path", "folder", "sentence out of range", "no match", "both",
        "empty"])
def test_explain_mistakes_get_one_clear_line(capsys, monkeypatch, args, status, message):
    from tests.data import ROOT

    monkeypatch.chdir(ROOT)
    got_status, out, err = run(capsys, "explain", *args)
    assert (got_status, out, err) == (status, "", message)
