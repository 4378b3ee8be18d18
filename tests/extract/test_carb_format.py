"""CaRB's tabbed output: the format contract, on a hand-built triple and with the real model."""

from __future__ import annotations

from dataclasses import replace

import pytest

from extract.carb import carb_line, carb_lines, parse_tokenised, tokenised_doc
from kg.model import Argument, Provenance, Triple

SENTENCES = [
    "Marie Curie discovered polonium in 1898 with her husband .",
    "The strike obtained political support from the Political Affairs Committee .",
    "Ban Ki-moon -LRB- born 1944 -RRB- was Secretary-General of the United Nations .",
    "It was a notable influence on John Buchan , who described it as `` a thriller . ''",
]


def make_triple(
    subject_text: str,
    predicate: str,
    object_text: str,
    *,
    extra: tuple[str, ...] = (),
    negated: bool = False,
    confidence: float = 0.8125,
) -> Triple:
    provenance = Provenance(
        document="d", sentence="s", sentence_start=0, sentence_end=1,
        subject_text=subject_text, subject_start=0, subject_end=len(subject_text),
        object_text=object_text, object_start=0, object_end=len(object_text),
        confidence=confidence, construction="svo",
    )
    return Triple(
        Argument(subject_text, subject_text.lower()), predicate,
        Argument(object_text, object_text.lower()), provenance, negated=negated, extra=extra,
    )


def test_carb_line_fields():
    sentence = "Marie Curie discovered polonium in 1898 ."
    triple = make_triple("Marie Curie", "discover", "polonium", extra=("in 1898",))
    assert carb_line(sentence, triple).split("\t") == [
        sentence, "0.8125", "discover", "Marie Curie", "polonium", "in 1898",
    ]


def test_carb_line_uses_full_argument_texts_not_labels():
    triple = replace(
        make_triple("China 's big tech giants", "rival", "the American firms"),
        subject=Argument("big tech giant", "big tech giant"),
        object=Argument("American firm", "american firm"),
    )
    fields = carb_line("s", triple).split("\t")
    assert fields[3:] == ["China 's big tech giants", "the American firms"]


def test_carb_line_negated_relation_keeps_not():
    triple = make_triple("Bob", "rival", "Ann", negated=True)
    assert carb_line("Bob does not rival Ann .", triple).split("\t")[2] == "not rival"


def test_carb_line_confidence_round_trips_exactly():
    triple = make_triple("Bob", "rival", "Ann", confidence=1 / 3)
    assert float(carb_line("s", triple).split("\t")[1]) == 1 / 3


def test_carb_line_restores_ptb_escapes_used_by_sentence():
    triple = make_triple("Ban Ki-moon ( born 1944 )", "be", "Secretary-General")
    escaped = carb_line("Ban Ki-moon -LRB- born 1944 -RRB- was Secretary-General .", triple)
    plain = carb_line("Ban Ki-moon ( born 1944 ) was Secretary-General .", triple)
    assert escaped.split("\t")[3] == "Ban Ki-moon -LRB- born 1944 -RRB-"
    assert plain.split("\t")[3] == "Ban Ki-moon ( born 1944 )"


def test_carb_line_has_no_stray_tabs_or_newlines():
    triple = make_triple("Bob\tSmith", "leave", "the\nhouse", extra=("in  1990",))
    fields = carb_line("Bob Smith left the house in 1990 .", triple).split("\t")
    assert fields[3:] == ["Bob Smith", "the house", "in 1990"]


def test_tokenised_doc_keeps_tokens_and_unescapes():
    from spacy.vocab import Vocab

    doc = tokenised_doc("Ban Ki-moon -LRB- born 1944 -RRB- was here .", Vocab())
    assert [t.text for t in doc] == ["Ban", "Ki-moon", "(", "born", "1944", ")", "was", "here", "."]


def test_tokenised_doc_rejects_empty_line():
    from spacy.vocab import Vocab

    with pytest.raises(ValueError, match="empty"):
        tokenised_doc("   ", Vocab())


def test_parse_tokenised_honours_tokens_and_one_sentence_a_line(nlp):
    lines = [*SENTENCES, "   \n", "He left . She stayed .\n"]
    pairs = list(parse_tokenised(lines, nlp))
    assert [line for line, _ in pairs] == [*SENTENCES, "He left . She stayed ."]
    for line, doc in pairs:
        assert len(doc) == len(line.split())
        assert len(list(doc.sents)) == 1
        assert doc.has_annotation("DEP")


def test_carb_lines_format_contract_with_real_model(nlp):
    lines = list(carb_lines([s + "\n" for s in SENTENCES], nlp))
    assert lines, "a check over no output lines checks nothing"
    by_sentence = {s: 0 for s in SENTENCES}
    for line in lines:
        fields = line.split("\t")
        assert fields[0] in by_sentence, "the sentence column is the input line exactly"
        by_sentence[fields[0]] += 1
        assert len(fields) >= 5
        assert 0.0 <= float(fields[1]) <= 1.0
        assert all(f.strip() for f in fields[2:5]), "relation and two arguments are non-empty"
        words = set(fields[0].split())
        for arg in fields[3:]:
            # arguments are spans of the sentence, written with the sentence's own tokens
            assert set(arg.split()) <= words, (arg, fields[0])
        assert "(" not in line and ")" not in line, "escapes are kept as the input wrote them"


def test_carb_lines_unknown_extractor_fails_early(nlp):
    with pytest.raises(ValueError, match="no.such.v1"):
        next(carb_lines(SENTENCES, nlp, extractor="no.such.v1"))
