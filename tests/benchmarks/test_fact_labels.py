"""The labelled fact set's tooling (benchmarks/facts): keys, sampling, sheets, ratings, report.

The extraction tests run kg's real extractor on two short GUM *fit* documents (about 370
words); the rest run on the rows they make, or on hand-made rows where a case needs one.
"""

from __future__ import annotations

import doctest
import importlib
import json
import re

import pytest

from benchmarks.facts import label_set
from benchmarks.facts.mentions import (
    document_mentions,
    in_sample,
    reserve_rows,
    sample_rows,
    unique_mentions,
)
from benchmarks.facts.ratings import merge_ratings, parse_ratings
from benchmarks.facts.report import cohen_kappa, label_report
from benchmarks.facts.sheets import ITEM_ID, assign, hand_out, pending, sheet_rows
from benchmarks.facts.store import LabelSetError, Store
from benchmarks.facts.voice import fact_key, shown_fact, voice_class, voice_text
from benchmarks.gum import part_of
from kg.voice import DEFAULT_MIN_CONFIDENCE

DOCS = ["GUM_news_stampede", "GUM_news_worship"]
MODULES = ["voice", "mentions", "store", "sheets", "ratings", "report", "label_set"]


@pytest.fixture(scope="module")
def mentions(nlp):
    return list(document_mentions(DOCS, nlp=nlp, progress=None))


@pytest.fixture
def store(tmp_path, nlp):
    """A label store over the two documents, every fact sampled."""
    store = Store(tmp_path / "store")
    label_set.make_sample(store, rate=1.0, names=DOCS, nlp=nlp)
    return store


def _rate(store, sheet_names, rater, tmp_path, pick):
    """Fill the sheets ``sheet_names`` as ``rater``: ``pick(row)`` gives each item's rating."""
    labels = store.read_labels()
    path = tmp_path / f"{rater}.txt"
    lines = [f"{item} {pick(row)}" for name in sheet_names for item, row in
             sheet_rows(labels, name)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return label_set.collect(store, rater, path)


def _names(paths):
    return [path.stem for path in paths]


@pytest.mark.parametrize("name", MODULES)
def test_facts_modules_doctests_pass(name):
    module = importlib.import_module(f"benchmarks.facts.{name}")
    assert doctest.testmod(module).failed == 0


def test_fact_key_is_pinned_and_ignores_only_whitespace_and_unicode_form():
    voice = {"negated": False, "speaker": "Prosecutors", "reported_by": "accuse"}
    key = fact_key("Prosecutors accuse Linda Hayes .", "Linda Hayes", "accept", "gifts",
                   voice_text(voice))
    assert key == "6f1ebafe6994bea6"
    assert fact_key(" Prosecutors  accuse\nLinda Hayes . ", "Linda  Hayes", "accept", "gifts",
                    voice_text(voice)) == key
    assert fact_key("Café .", "Café", "be", "x", "") == fact_key("Cafe\u0301 .", "Cafe\u0301",
                                                                 "be", "x", "")
    negated = voice_text({**voice, "negated": True})
    assert fact_key("Prosecutors accuse Linda Hayes .", "Linda Hayes", "accept", "gifts",
                    negated) != key
    assert fact_key("Prosecutors accuse Linda Hayes .", "Linda Hayes", "accept", "gift",
                    voice_text(voice)) != key


def test_document_mentions_keys_are_the_same_on_a_second_run(mentions, nlp):
    again = list(document_mentions(DOCS, nlp=nlp, progress=None))
    assert [row["key"] for row in again] == [row["key"] for row in mentions]
    assert len(mentions) >= 10
    for row in mentions:
        assert row["part"] == part_of(row["doc"]) == "fit"
        assert row["key"] == fact_key(row["sentence"], row["subject"], row["predicate"],
                                      row["object"], row["voice_text"])
        assert row["shown"] == shown_fact(row["subject"], row["predicate"], row["object"],
                                          row["voice"])
        # kg's own "asserted" and the voice the rater reads agree
        assert row["voice"]["asserted"] == (voice_class(row["voice"]) == "stated")


def test_sampling_depends_on_the_key_alone():
    keys = [f"{i:016x}" for i in range(4000)]
    rows = [{"key": key} for key in keys]
    chosen = {row["key"] for row in sample_rows(rows, 0.6)}
    assert 0.57 < len(chosen) / len(keys) < 0.63
    # another corpus around the same facts: every shared fact stays in or out
    other = {row["key"] for row in sample_rows(rows[1000:] + [{"key": "x" * 16}], 0.6)}
    assert other - {"x" * 16} == chosen - set(keys[:1000])
    assert {row["key"] for row in sample_rows(rows, 0.3)} <= chosen
    with pytest.raises(ValueError, match="rate"):
        in_sample(keys[0], 1.5)


def test_a_part_with_its_own_rate_is_sampled_at_it():
    keys = [f"{i:016x}" for i in range(4000)]
    lee = {row["key"] for row in sample_rows([{"key": k, "part": "lee"} for k in keys], 1.0)}
    assert 0.13 < len(lee) / len(keys) < 0.17
    # the same keys in a part without a rate of its own take the rate asked for
    fit = {row["key"] for row in sample_rows([{"key": k, "part": "fit"} for k in keys], 1.0)}
    assert fit == set(keys) and lee < fit


def test_unique_mentions_counts_a_repeated_sentence_fact_once(mentions):
    rows = unique_mentions(mentions + mentions[:3])
    assert len(rows) == len({row["key"] for row in mentions})
    assert [row["key"] for row in rows] == sorted(row["key"] for row in rows)
    assert sum(row["mentions"] for row in rows) == len(mentions) + 3


def test_sheet_lines_show_only_id_sentence_and_fact_with_voice(store, tmp_path):
    paths = label_set.make_sheets(store, "first", 8, tmp_path / "sheets")
    _rate(store, _names(paths), "ann", tmp_path, lambda row: "W")
    paths += label_set.make_sheets(store, "second", 8, tmp_path / "sheets")
    sample = {row["key"]: row for row in store.read_sample()}
    labels = store.read_labels()
    where = {item: key for key, row in labels.items() for item in row["items"].values()}
    items = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        header = "".join(line for line in text.splitlines() if line.startswith("#"))
        for doc in DOCS:
            assert doc not in text and doc.split("_")[2] not in header
        for line in text.splitlines():
            if line.startswith("#") or not line:
                continue
            item = line.split()[0]
            row = sample[where[item]]
            # the whole line is the id, the sentence and the fact as shown (with the text before
            # the sentence and the words as written, for a resolved argument): nothing else
            context = f"CONTEXT: {row['context']}  " if row["context"] else ""
            written = "".join(f"  WRITTEN {side}: {form}"
                              for side, form in sorted(row["written"].items()))
            assert line == (f"{item}  {context}SENTENCE: {row['sentence']}  ==>  "
                            f"FACT: {row['shown']}{written}")
            assert bool(row["context"]) == bool(row["written"])
            assert str(row["confidence"]) not in row["shown"]
            items += 1
    assert items == 2 * len(sample)


def test_a_resolved_argument_shows_its_words_and_the_text_before():
    from benchmarks.facts.mentions import _context, _written

    assert _written("Andy Warhol", "he", ()) == "he"
    assert _written("Douglass North", "North", ("surname",)) == "North"
    assert _written("TSM", "the TSM", ()) is None  # only a determiner dropped: nothing to judge
    assert _written("Andy Warhol", "Andy Warhol", ("surname",)) is None
    text = "One. Two sentences here. Andy Warhol was born in 1928. He died in 1987."
    assert _context(text, text.index("He")) == text[: text.index("He")].strip()
    long = "x" * 500 + ". Andy Warhol was born. "
    assert _context(long + "He died.", len(long)) == "Andy Warhol was born."


def test_sheets_are_shuffled_deterministically_and_mix_documents(store, tmp_path, nlp):
    paths = label_set.make_sheets(store, "first", 100, tmp_path / "a")
    twin = Store(tmp_path / "twin")
    label_set.make_sample(twin, rate=1.0, names=DOCS, nlp=nlp)
    again = label_set.make_sheets(twin, "first", 100, tmp_path / "b")
    assert [p.read_bytes() for p in paths] == [p.read_bytes() for p in again]
    docs = [row["doc"] for _item, row in sheet_rows(store.read_labels(), "first-01")]
    assert docs != sorted(docs) and docs != sorted(docs, reverse=True)
    assert store.labels.read_bytes() == twin.labels.read_bytes()


def test_second_sheets_share_no_item_with_the_first_sheet_of_their_number(store, tmp_path):
    first = label_set.make_sheets(store, "first", 6, tmp_path)
    second = label_set.make_sheets(store, "second", 6, tmp_path)
    assert len(first) == len(second) >= 3
    labels = store.read_labels()
    for number in range(1, len(first) + 1):
        on_first = {row["key"] for _i, row in sheet_rows(labels, f"first-{number:02d}")}
        on_second = {row["key"] for _i, row in sheet_rows(labels, f"second-{number:02d}")}
        assert not on_first & on_second
    assert all(set(row["items"]) == {"first", "second"} for row in labels.values())
    assert label_set.make_sheets(store, "second", 6, tmp_path) == []


def test_assign_balances_sheets_and_keeps_away_from_avoided_numbers():
    keys = [f"{i:016x}" for i in range(50)]
    avoid = {key: 1 + i % 5 for i, key in enumerate(keys)}
    sheets = assign(keys, "second", 10, 1, avoid)
    sizes = [len(sheet) for sheet in sheets]
    assert sum(sizes) == 50 and max(sizes) - min(sizes) <= 2
    assert [len(sheet) for sheet in assign(keys, "second", 10, 6, avoid)] == [10] * 5
    for number, sheet in enumerate(sheets, 1):
        assert all(avoid[key] != number for key in sheet)
    assert assign(keys[:3], "second", 10, 1, {key: 1 for key in keys[:3]}) is None


def test_one_second_sheet_of_one_first_sheet_takes_the_next_number(store, tmp_path):
    assert _names(label_set.make_sheets(store, "first", 100, tmp_path)) == ["first-01"]
    assert _names(label_set.make_sheets(store, "second", 100, tmp_path)) == ["second-02"]


def test_third_sheet_lists_exactly_the_disagreements(store, tmp_path):
    first = _names(label_set.make_sheets(store, "first", 100, tmp_path))
    second = _names(label_set.make_sheets(store, "second", 100, tmp_path))
    keys = sorted(store.read_labels())
    differ = set(keys[::3])
    _rate(store, first, "ann", tmp_path, lambda row: "U")
    _rate(store, second, "bo", tmp_path, lambda row: "W" if row["key"] in differ else "U")
    third = label_set.make_sheets(store, "third", 100, tmp_path)
    labels = store.read_labels()
    assert {row["key"] for _i, row in sheet_rows(labels, "third-01")} == differ
    assert len(third) == 1
    assert all(labels[key]["label"] == ("U" if key not in differ else None) for key in keys)
    _rate(store, ["third-01"], "cy", tmp_path, lambda row: "T")
    labels = store.read_labels()
    assert all(labels[key]["label"] == ("T" if key in differ else "U") for key in keys)
    assert pending("third", labels, []) == []


def test_collect_names_every_bad_line_and_merges_nothing(store, tmp_path):
    label_set.make_sheets(store, "first", 100, tmp_path)
    before = store.labels.read_bytes()
    bad = tmp_path / "bad.txt"
    bad.write_text("# ann's ratings\n"
                   "first-01.001 U\n"
                   "first-01.002 u\n"
                   "first-01.003\n"
                   "first-1.004 T\n"
                   "first-01.001 W\n"
                   "first-09.001 T\n"
                   "first-01.005 U extra\n", encoding="utf-8")
    with pytest.raises(LabelSetError) as caught:
        label_set.collect(store, "ann", bad)
    message = str(caught.value)
    assert "nothing was collected" in message and str(bad) in message
    assert "line 3: 'u' for first-01.002 is not a rating" in message
    assert "line 4: expected an item id and U, T or W" in message
    assert "line 5: 'first-1.004' is not an item id" in message
    assert "line 6: first-01.001 is rated again (first on line 2)" in message
    assert "line 8: expected an item id" in message
    assert store.labels.read_bytes() == before
    unknown = tmp_path / "unknown.txt"
    unknown.write_text("first-01.001 U\nfirst-09.001 T\n", encoding="utf-8")
    with pytest.raises(LabelSetError, match="line 2: first-09.001 is on no sheet"):
        label_set.collect(store, "ann", unknown)
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing yet\n\n", encoding="utf-8")
    with pytest.raises(LabelSetError, match="no ratings in the file"):
        label_set.collect(store, "ann", empty)
    with pytest.raises(LabelSetError, match="rater id"):
        label_set.collect(store, "ann smith", unknown)
    assert store.labels.read_bytes() == before


def test_collect_refuses_one_rater_in_two_slots_and_a_filled_slot(store, tmp_path):
    first = _names(label_set.make_sheets(store, "first", 100, tmp_path))
    second = _names(label_set.make_sheets(store, "second", 100, tmp_path))
    labels = store.read_labels()
    (item_a, row), *_ = sheet_rows(labels, "first-01")
    both = parse_ratings(f"{item_a} U\n{row['items']['second']} T\n", "both.txt")
    with pytest.raises(LabelSetError, match="line 2: .* is the fact of line 1 again"):
        merge_ratings(labels, "cy", both, "both.txt")
    _rate(store, first, "ann", tmp_path, lambda row: "U")
    with pytest.raises(LabelSetError, match="already rated as its first rating"):
        _rate(store, second, "ann", tmp_path, lambda row: "U")
    with pytest.raises(LabelSetError, match="already has its first rating, from rater ann"):
        _rate(store, first, "bo", tmp_path, lambda row: "U")
    # the same rater sending the same sheet again replaces the ratings
    merged = _rate(store, first, "ann", tmp_path, lambda row: "T")
    assert merged["changed"] == len(store.read_sample()) and merged["rated"] == 0
    assert {row["label"] for row in store.read_labels().values()} == {None}


def test_cohen_kappa_matches_hand_computed_values():
    # 50 items: both yes 20, A yes B no 5, A no B yes 10, both no 15.
    # observed 0.7; chance 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa (0.7 - 0.5) / 0.5 = 0.4
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.4)
    # three ratings: observed 3/4, chance (2*1 + 1*2 + 1*1) / 16 = 5/16 -> 7/11
    assert cohen_kappa([("U", "U"), ("U", "T"), ("T", "T"), ("W", "W")]) == pytest.approx(7 / 11)
    assert cohen_kappa([("U", "U")] * 4) is None and cohen_kappa([]) is None
    assert cohen_kappa([("U", "W"), ("W", "U")]) == pytest.approx(-1.0)


def test_report_counts_ratings_agreement_and_what_is_left(store, tmp_path):
    first = _names(label_set.make_sheets(store, "first", 100, tmp_path))
    second = _names(label_set.make_sheets(store, "second", 100, tmp_path))
    keys = sorted(store.read_labels())
    _rate(store, first, "ann", tmp_path, lambda row: "U" if row["key"] in keys[:6] else "T")
    _rate(store, second, "bo", tmp_path, lambda row: "U" if row["key"] in keys[:4] else "T")
    report = label_report(store.read_labels(), store.read_sample())
    n = len(keys)
    assert report["labelled"]["facts"] == n - 2
    assert report["labelled"]["ratings"] == {"U": 4, "T": n - 6, "W": 0}
    assert report["agreement"]["pairs"] == n and report["agreement"]["disagreements"] == 2
    chance = (6 * 4 + (n - 6) * (n - 4)) / n**2
    assert report["agreement"]["kappa U/T/W"] == pytest.approx(((n - 2) / n - chance)
                                                               / (1 - chance))
    assert report["agreement"]["kappa right/wrong"] is None  # nobody said W
    assert report["need rating"]["third"] == {"not on a sheet": 2, "on a sheet, not rated": 0}
    assert report["need rating"]["first"] == {"not on a sheet": 0, "on a sheet, not rated": 0}
    assert sum(sum(c.values()) for c in report["by construction"].values()) == n - 2
    assert sum(sum(c.values()) for c in report["by voice"].values()) == n - 2
    assert set(report["labelled"]["by part"]) == {"fit"}


def test_labels_survive_a_resample_and_only_new_facts_need_rating(tmp_path, nlp):
    store = Store(tmp_path / "store")
    label_set.make_sample(store, rate=1.0, names=DOCS[:1], nlp=nlp)
    first = _names(label_set.make_sheets(store, "first", 100, tmp_path))
    _rate(store, first, "ann", tmp_path, lambda row: "U")
    rated = store.labels.read_bytes()
    old = {row["key"] for row in store.read_sample()}
    # the "extractor" now also reads a second document; the first one's facts are unchanged
    label_set.make_sample(store, rate=1.0, names=DOCS, nlp=nlp)
    assert store.labels.read_bytes() == rated
    new = {row["key"] for row in store.read_sample()} - old
    assert new and set(pending("first", store.read_labels(), store.read_sample())) == new
    # and back: facts no longer made stay in the store, stale, with their ratings
    label_set.make_sample(store, rate=1.0, names=DOCS[1:], nlp=nlp)
    report = label_report(store.read_labels(), store.read_sample())
    assert report["stale"] == len(old) and store.labels.read_bytes() == rated


def test_reserve_rows_draw_stated_unrated_facts_by_seed():
    rows = [{"key": f"{i:016x}", "voice": {"asserted": i % 3 != 0}, "confidence": 0.9}
            for i in range(60)]
    rows += [{"key": f"{i:016x}", "voice": {"asserted": True}, "confidence": 0.1}
             for i in range(60, 80)]  # below the default threshold: not stated
    drawn = reserve_rows(rows, 10, seed=7, exclude=["0000000000000001"])
    assert len(drawn) == 10 and all(row["voice"]["asserted"] for row in drawn)
    assert all(row["confidence"] >= DEFAULT_MIN_CONFIDENCE for row in drawn)
    assert "0000000000000001" not in {row["key"] for row in drawn}
    assert drawn == reserve_rows(list(reversed(rows)), 10, seed=7,
                                 exclude=["0000000000000001"])
    assert drawn != reserve_rows(rows, 10, seed=8, exclude=["0000000000000001"])
    with pytest.raises(ValueError, match="only 40 stated"):
        reserve_rows(rows, 41, seed=7)
    # the census: every stated fact, rated or not, in key order, whatever n and seed
    census = reserve_rows(rows, 0, seed=1, all_stated=True)
    assert [row["key"] for row in census] == sorted(
        f"{i:016x}" for i in range(60) if i % 3 != 0)


def test_reserve_sheet_items_are_their_own_part_and_sheet(mentions, tmp_path):
    rows = [{**row, "part": "reserve"} for row in unique_mentions(mentions)]
    labels: dict = {}
    [name] = hand_out("first", [row["key"] for row in rows[:5]], labels,
                      {row["key"]: row for row in rows}, size=5, prefix="reserve")
    assert name == "reserve-01"
    assert all(ITEM_ID.fullmatch(row["items"]["first"])["slot"] == "reserve"
               for row in labels.values())
    assert pending("second", labels, []) == []
    assert len(pending("second", labels, [], parts=("reserve",))) == 5


def test_label_set_main_reports_json_and_errors_in_one_line(store, tmp_path, capsys):
    import io

    out = io.StringIO()
    assert label_set.main(["report", "--json", "--store", str(store.folder)], stdout=out) == 0
    report = json.loads(out.getvalue())
    assert report["sample"]["facts"] == len(store.read_sample())
    capsys.readouterr()
    missing = tmp_path / "nothere.txt"
    assert label_set.main(["collect", "--rater", "ann", str(missing),
                           "--store", str(store.folder)]) == 1
    err = capsys.readouterr().err.strip()
    assert re.fullmatch(r"error: .*nothere\.txt: cannot be read as UTF-8 text .*", err)
