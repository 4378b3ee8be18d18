"""label_diff: which rated fit facts an extractor change stops making, and never a test row.

The extraction runs kg's real extractor on one short GUM *fit* document (about 180 words).
"""

from __future__ import annotations

import doctest
import json

import pytest

from benchmarks.facts import label_diff
from benchmarks.facts.store import write_jsonl
from benchmarks.gum import documents

DOC = "GUM_news_stampede"


def test_doctests_pass():
    assert doctest.testmod(label_diff).failed == 0


def test_only_fit_rows_with_a_decided_label_count():
    rows = [{"key": "a", "part": "fit", "label": "W"}, {"key": "b", "part": "test", "label": "U"},
            {"key": "c", "part": "reserve", "label": "T"}, {"key": "d", "part": "fit",
                                                          "label": None}]
    assert label_diff.fit_labels(rows) == {"a": "W"}


def test_a_test_document_is_refused():
    with pytest.raises(ValueError, match="only fit"):
        label_diff.extract_fit([documents("test")[0]], progress=False)


def test_gone_and_new_facts_are_counted_by_label_and_construction():
    labels = {"w1": "W", "w2": "W", "u1": "U", "t1": "T"}
    before = [{"key": "w1", "construction": "apposition"}, {"key": "w2", "construction": "svo"},
              {"key": "u1", "construction": "svo"}, {"key": "t1", "construction": "svo"},
              {"key": "x", "construction": "svo"}]
    diff = label_diff.compare(labels, before, [{"key": "w2"}, {"key": "t1"}, {"key": "n"}])
    assert diff["made"] == {"apposition": {"U": 0, "T": 0, "W": 1},
                            "svo": {"U": 1, "T": 1, "W": 1}}
    assert diff["gone"] == {"apposition": {"U": 0, "T": 0, "W": 1},
                            "svo": {"U": 1, "T": 0, "W": 0}}
    assert diff["gone_keys"] == {"U": ["u1"], "T": [], "W": ["w1"]}
    assert diff["new"] == ["n"]
    text = label_diff.format_diff(diff)
    assert "W removed: 1 of 2; U/T lost: 1 of 2 (U 1, T 0); new facts (no rating): 1" in text


def test_main_compares_a_real_extraction_with_the_labels(tmp_path, nlp, capsys):
    now = label_diff.extract_fit([DOC], nlp=nlp, progress=False)
    assert now and all(row["doc"] == DOC for row in now)
    kept, dropped = now[0], dict(now[1], key="0" * 16)
    test_row = dict(now[2], part="test", label="W")
    labels = tmp_path / "labels.jsonl"
    write_jsonl(labels, [dict(kept, part="fit", label="U"), dict(dropped, part="fit", label="W"),
                         test_row])
    saved = tmp_path / "now.jsonl"
    out = tmp_path / "out.txt"
    with open(out, "w", encoding="utf-8") as handle:
        code = label_diff.main(["--labels", str(labels), "--doc", DOC, "--save", str(saved),
                                "--show", "W", "--quiet"], stdout=handle, nlp=nlp)
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert "W removed: 1 of 1; U/T lost: 0 of 1 (U 0, T 0)" in text
    assert dropped["shown"] in text and dropped["sentence"] in text
    assert {json.loads(line)["key"] for line in saved.read_text().splitlines()} == {
        row["key"] for row in now}
    # Against the saved extraction, nothing changed.
    with open(out, "w", encoding="utf-8") as handle:
        code = label_diff.main(["--labels", str(labels), "--doc", DOC, "--against", str(saved),
                                "--quiet"], stdout=handle, nlp=nlp)
    assert code == 0 and "W removed: 0 of 0; U/T lost: 0 of 1" in out.read_text()
    assert label_diff.main(["--labels", str(tmp_path / "missing.jsonl"), "--quiet"],
                           nlp=nlp) == 1
    assert "error:" in capsys.readouterr().err
