"""Quotations found from their marks, also where paragraphs were joined on one line, and who
speaks them, on real sentences of lee_background."""

from __future__ import annotations

import pytest

from extract.attribution import voice
from extract.quotations import quotation_at, quoted_voice, speakers


def _token(doc, word: str, occurrence: int = 0):
    return [t for t in doc if t.text == word][occurrence]


@pytest.mark.parametrize(
    ("text", "word", "occurrence", "inside"),
    [
        # A quotation closed in its sentence (lee_background 073).
        ('"I have talked to him about it," Mr Howard said.', "him", 0, True),
        ('"I have talked to him about it," Mr Howard said.', "Howard", 0, False),
        # A quotation left open at a paragraph's end continues in the next paragraph's
        # quotation, joined on one line (lee_background 097).
        ('"He was captured by the Northern Alliance team in a conflict situation. "He\'s held '
         'in military custody," Mr Williams said. He left.', "conflict", 0, True),
        ('"He was captured by the Northern Alliance team in a conflict situation. "He\'s held '
         'in military custody," Mr Williams said. He left.', "He", 2, False),
        # A closing mark with no opening one before it (lee_background 154) is no quotation
        # of the text after it.
        ('Mr Ruddock rejected that criticism. Australia has a very fine record," he said. He '
         'left.', "left", 0, False),
        # A quoted phrase inside a sentence (lee_background 012).
        ('The President said he had received the "support of all political parties". He left.',
         "parties", 0, True),
        ('The President said he had received the "support of all political parties". He left.',
         "left", 0, False),
        # A blank line ends any quotation.
        ('"He was captured in a conflict situation.\n\nHe left.', "left", 0, False),
    ],
)
def test_quoted_tokens(nlp, text, word, occurrence, inside):
    token = _token(nlp(text), word, occurrence)
    assert (quotation_at(token) is not None) is inside


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ('"I have talked to him about it," Mr Howard said.', "him", ["Howard"]),
        # 'She continued: "..."': a verb whose clausal object is the quotation reports it.
        ('She continued: "Labour has a plan for him."', "him", ["She"]),
        ('Mr Howard met him.', "him", []),
    ],
)
def test_speakers(nlp, text, word, expected):
    assert [t.text for t in speakers(_token(nlp(text), word))] == expected


@pytest.mark.parametrize(
    ("text", "word", "reported_by", "source"),
    [
        # A sentence the quotation opens, its speaker named in a later sentence of it.
        ('"He was captured in a conflict. "He\'s held in custody," Mr Williams said.', "captured",
         "quote", "Williams"),
        # A verb of saying in the sentence decides, as before.
        ('"He\'s held in custody," Mr Williams said.', "held", "say", "Williams"),
        # A quoted phrase of the text's own sentence, and a sentence after a quotation.
        ('Mr Ali described the plan as "a trap". He left.', "described", None, None),
        ('"We act," Mr Ali said. Israel attacked Gaza.', "attacked", None, None),
        # A quotation that opens mid-sentence and runs on (a mark read out of step) quotes
        # no sentence; nor does one never closed over more than two sentences.
        ('The pseudonym "Jenna Marbles "comes from her mother.', "comes", None, None),
        ('"Seles slipped in her set. She recovered. She won the match.', "won", None, None),
    ],
)
def test_quoted_voice(nlp, text, word, reported_by, source):
    verb = _token(nlp(text), word)
    found = quoted_voice(voice(verb), verb)
    assert found.reported_by == reported_by
    assert (found.source.text if found.source is not None else None) == source
