"""Verb lemmas through the real pipeline: the silent "e" the rule lemmatizer drops is put
back, a guessed lemma of a verb the index does not know is made from a known verb or noun,
and nothing else changes (extract/lemmas.py)."""

from __future__ import annotations

import pytest

from extract.lemmas import VERB_LEMMAS

ROWS = [
    # (sentence, verb, lemma): a one-syllable base in "e" (GUM fit: "hoped", "rated", "coding")
    ("The companies hoped to leverage the prestige of Elsevier.", "hoped", "hope"),
    ("The film was rated highly by critics.", "rated", "rate"),
    ("She was coding the survey answers.", "coding", "code"),
    ("The light waned in the evening.", "waned", "wane"),
    # a doubled consonant, a longer verb, a base with no "e": as the lemmatizer has them
    ("The rabbit hopped away.", "hopped", "hop"),
    ("They visited the museum.", "visited", "visit"),
    ("The team targeted the budget.", "targeted", "target"),
    ("He robbed the bank.", "robbed", "rob"),
    # a verb the index does not know: a noun made a verb, a prefix on a known verb
    # (lee_background: "cordoned off", "helicoptered to hospital", "reoffending")
    ("About 100 police cordoned off the area.", "cordoned", "cordon"),
    ("Others were helicoptered to hospital.", "helicoptered", "helicopter"),
    ("Many prisoners end up reoffending to repay the debt.", "reoffending", "reoffend"),
]


def test_the_pipeline_runs_the_component_after_the_lemmatizer(nlp):
    names = nlp.pipe_names
    assert names.index(VERB_LEMMAS) == names.index("lemmatizer") + 1


@pytest.mark.parametrize(("text", "verb", "lemma"), ROWS, ids=[row[1] for row in ROWS])
def test_verb_lemma(nlp, text, verb, lemma):
    token = next(t for t in nlp(text) if t.text == verb)
    assert token.lemma_ == lemma
