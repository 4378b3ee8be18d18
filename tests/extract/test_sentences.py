"""Sentences through the real pipeline (extract/pipeline.py, ``kg_paragraph_breaks``): a blank
line starts a sentence, the word after that start goes on with it, and run-on text is cut."""

from __future__ import annotations

from extract.pipeline import MAX_SENTENCE_TOKENS


def _sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


def test_a_heading_is_its_own_sentence_and_keeps_no_word_of_its_paragraph(nlp):
    text = ("Stay safe\n\nLindenburg is a very safe town. Avoid the area around the station "
            "at night.\n\nEat\n\nGasthaus Krone serves traditional food.")
    assert _sentences(nlp, text) == [
        "Stay safe", "Lindenburg is a very safe town.",
        "Avoid the area around the station at night.", "Eat",
        "Gasthaus Krone serves traditional food."]


def test_a_one_word_paragraph_and_a_short_sentence_stay_whole(nlp):
    assert _sentences(nlp, "Yes.\n\nNo. I agree with the mayor.\n\nIntroduction") == [
        "Yes.", "No.", "I agree with the mayor.", "Introduction"]


def test_a_single_line_break_starts_no_sentence(nlp):
    # Hard-wrapped text breaks lines inside sentences.
    assert _sentences(nlp, "The council built a new\nbridge over the river.") == [
        "The council built a new\nbridge over the river."]


def test_run_on_text_is_cut(nlp):
    doc = nlp(" ".join(["word"] * (3 * MAX_SENTENCE_TOKENS)))
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS + 1
