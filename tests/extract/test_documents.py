"""Reading documents: discovery, decoding, metadata headers, and skip reasons."""

from __future__ import annotations

import pytest

from extract.documents import (
    Skipped,
    SourceText,
    find_files,
    iter_documents,
    read_document,
    split_metadata,
)
from kg.errors import DocumentError
from tests.data import SEED_ARTICLE


def test_seed_header_becomes_metadata_and_offsets_stay_in_file():
    source = read_document(SEED_ARTICLE)
    assert dict(source.document.metadata) == {"date": "2024-02-24"}
    assert source.body.startswith("As the morning sun")
    assert source.text[source.body_start:] == source.body
    assert source.document.id == SEED_ARTICLE.name
    assert len(source.document.sha256) == 64


@pytest.mark.parametrize(
    "text, metadata, body",
    [
        ("date 2024-02-24 Text.", {"date": "2024-02-24"}, "Text."),
        ("Date: 2024-02-24\n\nText.", {"date": "2024-02-24"}, "Text."),
        ("published 2023-01-02T10:00:00Z Text.", {"date": "2023-01-02T10:00:00Z"}, "Text."),
        ("The date 2024-02-24 was fine.", {}, "The date 2024-02-24 was fine."),
        ("date tomorrow. Text.", {}, "date tomorrow. Text."),
    ],
)
def test_split_metadata_table(text, metadata, body):
    found, start = split_metadata(text)
    assert found == metadata
    assert text[start:] == body


@pytest.mark.parametrize(
    "data, expected",
    [
        ("Café au lait.".encode("utf-8"), "Café au lait."),
        (b"\xef\xbb\xbf" + "Café.".encode("utf-8"), "Café."),
        ("Café naïve.".encode("utf-16"), "Café naïve."),
    ],
)
def test_read_document_decodes_unicode_encodings(tmp_path, data, expected):
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    source = read_document(path)
    assert source.text == expected
    assert source.warning is None


def test_read_document_decodes_legacy_encoding_with_warning(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Le café de la gare était fermé à Noël, déçu.".encode("cp1252"))
    source = read_document(path)
    assert "café" in source.text and "Noël" in source.text
    assert source.warning and "legacy.txt" in source.warning


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"text\x00with nul", "binary"),
    ],
)
def test_read_document_rejects_with_named_reason(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(DocumentError, match=reason) as info:
        read_document(path)
    assert "bad.txt" in str(info.value)


def test_find_files_sorted_recursive_with_relative_ids(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "b" / "c.md").write_text("C.")
    (tmp_path / "b" / "image.png").write_bytes(b"\x89PNG")
    found = list(find_files([tmp_path]))
    assert [doc_id for _, doc_id in found] == ["a.txt", "b/c.md"]


def test_iter_documents_reports_missing_path_and_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text("Good text.")
    items = list(iter_documents([tmp_path / "missing", tmp_path]))
    assert isinstance(items[0], Skipped) and "no such file" in items[0].reason
    assert isinstance(items[1], SourceText) and items[1].text == "Good text."
