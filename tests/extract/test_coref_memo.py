"""A pronoun resolved once and kept resolves as it would worked out again.

:mod:`extract.coref_memo` keeps each resolution on its Doc, including those worked out while
the table of centres was still being filled, when their reads of it are the same in the
finished table. Here real parses are resolved through the kept path and afresh against the
finished table, and the two must agree pronoun by pronoun.
"""

from __future__ import annotations

import pytest
import spacy

from extract.coref import _centres, _resolution, resolution
from extract.coref_memo import CentresTable, Resolution
from tests.extract.test_coref import _CHAO, _GALOIS, _GOODE

_KEPT = "kg.coref_resolutions"


def _plain(found: Resolution) -> tuple[int | None, str]:
    return (found.target.i if found.target is not None else None), found.rule


@pytest.mark.parametrize("text", [_GOODE, _CHAO, _GALOIS])
def test_kept_resolutions_are_those_worked_out_afresh(nlp, text):
    kept_doc = nlp(text)
    kept = [_plain(resolution(t)) for t in kept_doc if t.pos_ == "PRON"]
    fresh_doc = nlp(text)
    _centres(fresh_doc)  # the finished table; then nothing kept from filling it
    fresh_doc.user_data.pop(_KEPT)
    fresh = [_plain(_resolution(t)) for t in fresh_doc if t.pos_ == "PRON"]
    assert kept == fresh
    assert any(target is not None for target, _rule in kept)


def test_filling_the_centres_keeps_resolutions(nlp):
    doc = nlp(_GOODE)
    _centres(doc)
    kept = doc.user_data[_KEPT]
    he = [t.i for t in doc if t.lower_ == "he"]
    assert set(kept) & set(he), "no pronoun resolved while filling the table was kept"


def test_a_resolution_whose_reads_changed_is_not_kept():
    doc = spacy.blank("en")("he saw him")
    table = CentresTable()
    table[0] = ("ann", doc[0], "f")

    def reads(entry: int):
        def resolve(token):
            table.get(entry)
            return Resolution(None, "no_person_in_reach")
        return resolve

    assert table.resolve_noting(doc[0], reads(0)) == Resolution(None, "no_person_in_reach")
    table.resolve_noting(doc[1], reads(3))  # read while sentence 3 had no entry yet
    table.resolve_noting(doc[2], reads(0))
    table[3] = ("bob", doc[1], "m")
    table[0] = ("ann", doc[0], "f")  # an equal entry, but a new one: not the one read
    kept: dict[int, tuple[int | None, str]] = {}
    table.keep_unchanged(kept)
    assert kept == {}
    table.resolve_noting(doc[0], reads(0))
    table.keep_unchanged(kept)
    assert kept == {0: (None, "no_person_in_reach")}
    assert table.get(7, "none") == "none"
