"""Reading documents: find text files, decode them, split off header metadata.

Reading is lazy: :func:`iter_documents` yields one :class:`SourceText` at a time, so a corpus
is never held in memory. A file that cannot be read becomes a :class:`Skipped` record naming the
file and the reason; the rest of the corpus goes on.
"""

from __future__ import annotations

import errno
import fnmatch
import hashlib
import os
import stat
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import DocumentError
from kg.model import Document

__all__ = [
    "DEFAULT_PATTERNS",
    "SourceText",
    "Skipped",
    "find_files",
    "read_document",
    "iter_documents",
    "split_metadata",
]

DEFAULT_PATTERNS: tuple[str, ...] = ("*.txt", "*.md")

# Metadata at the very top of a document: "date 2024-02-24" or "date: 2024-02-24", possibly on
# the same line as the prose that follows (as in the seed article).
_METADATA = re.compile(
    r"\A(?P<lead>\s*)(?P<key>date|published|updated)\s*:?\s+"
    r"(?P<value>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SourceText:
    """A decoded document ready for extraction.

    Attributes:
        document: The record kept in the graph (id, source, hash, metadata).
        text: The whole decoded text; provenance offsets index into it.
        body_start: Where the prose starts (after any metadata header).
        warning: A note about the decoding (for example a legacy encoding), or None.
    """

    document: Document
    text: str
    body_start: int = 0
    warning: str | None = None

    @property
    def body(self) -> str:
        """The prose after the metadata header."""
        return self.text[self.body_start :]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path that was not processed, and why (a sentence a person can act on)."""

    path: str
    reason: str


def split_metadata(text: str) -> tuple[dict[str, str], int]:
    """Return header metadata and the offset where the prose begins.

    >>> split_metadata(" date 2024-02-24 As the sun rises.")
    ({'date': '2024-02-24'}, 17)
    >>> split_metadata("No header here.")
    ({}, 0)
    """
    match = _METADATA.match(text)
    if not match:
        return {}, 0
    key = match.group("key").lower()
    return {"date" if key == "published" else key: match.group("value")}, match.end()


def find_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    patterns: Iterable[str] = DEFAULT_PATTERNS,
) -> Iterator[tuple[Path, str] | Skipped]:
    """Yield ``(file, document id)`` for every matching file under ``paths``, sorted by id.

    Folders are walked recursively without following symbolic links to folders (so a link
    loop cannot trap the walk); files named directly are taken whatever their extension. The
    document id is the path relative to the folder given, or the file name for a file given
    directly. The order never depends on the file system or on the order of ``paths``.
    Missing paths, broken links and link loops yield a :class:`Skipped` naming the problem.
    """
    patterns = tuple(patterns)
    found: list[tuple[str, str, Path]] = []
    problems: list[Skipped] = []
    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            for folder, dirnames, filenames in os.walk(root, onerror=None):
                dirnames.sort()
                for name in filenames:
                    if not any(fnmatch.fnmatch(name, pattern) for pattern in patterns):
                        continue
                    path = Path(folder, name)
                    problem = _link_problem(path)
                    if problem:
                        problems.append(Skipped(str(path), problem))
                    else:
                        found.append((path.relative_to(root).as_posix(), str(path), path))
        elif root.is_file():
            found.append((root.name, str(root), root))
        else:
            problems.append(Skipped(str(raw), _link_problem(root) or "no such file or folder"))
    yield from sorted(problems, key=lambda skipped: skipped.path)
    for doc_id, _source, path in sorted(found):
        yield path, doc_id


def _link_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file through links, or None when it can."""
    try:
        path.stat()
    except FileNotFoundError:
        return "broken symbolic link (its target does not exist)" if path.is_symlink() else None
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "symbolic link loop"
        return f"cannot be inspected ({err.strerror})"
    return None


def _decode(path: Path, data: bytes) -> tuple[str, str | None]:
    """Decode bytes as UTF-8 (with or without BOM) or UTF-16 (with BOM), else best guess."""
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(str(path), "looks like a binary file (it contains NUL bytes); skipped")
    head = data[:8192]
    controls = sum(1 for byte in head if byte < 32 and byte not in b"\t\n\r\f\x1b")
    if head and controls / len(head) > 0.1 and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(str(path), "looks like a binary file (mostly control bytes); skipped")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    if any(ord(char) > 127 and char != "\ufffd" for char in text):
        # Mostly UTF-8 (it has valid multi-byte characters) with some broken sequences.
        bad = text.count("\ufffd")
        return text, f"{path}: {bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD"
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    # Short Western texts are ambiguous between many code pages; the Windows Latin one is by
    # far the most common, so it wins whenever it is a plausible reading.
    best = next((m for m in matches if m.encoding == "cp1252"), matches[0] if matches else None)
    if best is None:
        return text, f"{path}: not UTF-8 and no encoding fits; invalid bytes replaced"
    return str(best), f"{path}: not UTF-8; decoded as {best.encoding}"


def read_document(path: str | os.PathLike[str], doc_id: str | None = None) -> SourceText:
    """Read and decode one file.

    Raises:
        DocumentError: The file is missing, unreadable, binary or empty.
    """
    path = Path(path)
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb", closefd=True) as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise DocumentError(str(path), "is not a regular file (a pipe, device or folder)")
            data = handle.read()
    except FileNotFoundError as err:
        raise DocumentError(str(path), "no longer exists (it vanished after it was listed)") from err
    except PermissionError as err:
        raise DocumentError(str(path), "cannot be read: permission denied") from err
    except IsADirectoryError as err:
        raise DocumentError(str(path), "is a folder, not a file") from err
    except OSError as err:
        raise DocumentError(str(path), f"cannot be read ({err.strerror or err})") from err
    text, warning = _decode(path, data)
    if not text.strip():
        raise DocumentError(str(path), "is empty; skipped")
    if not any(char.isalpha() for char in text):
        raise DocumentError(str(path), "has no words (only numbers, punctuation or symbols); skipped")
    metadata, body_start = split_metadata(text)
    document = Document(
        id=doc_id or path.name,
        source=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        metadata=tuple(sorted(metadata.items())),
    )
    return SourceText(document, text, body_start, warning)


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    *,
    patterns: Iterable[str] = DEFAULT_PATTERNS,
) -> Iterator[SourceText | Skipped]:
    """Lazily read every document under ``paths``; unreadable ones come out as Skipped."""
    for item in find_files(paths, patterns=patterns):
        if isinstance(item, Skipped):
            yield item
            continue
        path, doc_id = item
        try:
            yield read_document(path, doc_id)
        except DocumentError as err:
            yield Skipped(err.path, err.reason)
