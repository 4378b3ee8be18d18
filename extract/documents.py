"""Reading documents: find text files, decode them, split off header metadata.

Reading is lazy: :func:`iter_documents` yields one :class:`SourceText` at a time, so a corpus
is never held in memory. A file that cannot be read becomes a :class:`Skipped` record naming the
file and the reason; the rest of the corpus goes on.
"""

from __future__ import annotations

import codecs
import errno
import fnmatch
import hashlib
import os
import stat
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

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
    "split_text",
    "STREAM_BYTES",
]

DEFAULT_PATTERNS: tuple[str, ...] = ("*.txt", "*.md")

#: Files larger than this are decoded from disk piece by piece instead of held in memory.
STREAM_BYTES = 8 * 1024 * 1024
_STREAM_CHUNK = 1024 * 1024

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

    Small files are held in memory (``text``); files above the streaming threshold are not:
    ``text`` is None and :meth:`pieces` decodes them from disk a chunk at a time, so a 50 MB
    document is parsed in bounded memory.

    Attributes:
        document: The record kept in the graph (id, source, hash, metadata).
        text: The whole decoded text (provenance offsets index into it), or None when streamed.
        body_start: Where the prose starts (after any metadata header).
        warning: A note about the decoding (for example a legacy encoding), or None.
        encoding: Codec used to decode a streamed file (None when ``text`` is held).
        size: Size of the source in characters (held) or bytes (streamed): a cost estimate.
    """

    document: Document
    text: str | None
    body_start: int = 0
    warning: str | None = None
    encoding: str | None = None
    size: int = 0

    @property
    def body(self) -> str:
        """The prose after the metadata header (only for documents held in memory)."""
        if self.text is None:
            raise ValueError(f"{self.document.source} is streamed; iterate pieces() instead")
        return self.text[self.body_start :]

    def pieces(self, limit: int = 100_000) -> Iterator[tuple[str, int]]:
        """Yield the prose as ``(piece, character offset)`` pieces of at most ``limit`` chars."""
        if self.text is not None:
            yield from split_text(self.body, self.body_start, limit=limit)
            return
        yield from _stream_pieces(Path(self.document.source), self.encoding or "utf-8", limit)


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


def _cut(window: str, limit: int) -> int:
    """Where to end a piece of ``window``: a paragraph break, sentence end or space if near."""
    for separator in ("\n\n", "\n", ". ", "? ", "! ", " "):
        found = window.rfind(separator, limit // 2, limit)
        if found != -1:
            return found + len(separator)
    return limit


def split_text(text: str, offset: int = 0, *, limit: int = 100_000) -> Iterator[tuple[str, int]]:
    """Cut ``text`` into pieces of at most ``limit`` characters, with their offsets.

    Cuts fall at a paragraph break when one is near, else at a sentence end, else at a space,
    so that spaCy's ``max_length`` never refuses a long document and provenance offsets (piece
    offset plus position in the piece) still index the original text.

    >>> list(split_text("One. Two.", 10, limit=5))
    [('One. ', 10), ('Two.', 15)]
    """
    if limit < 1:
        raise ValueError(f"limit must be positive, not {limit}")
    start = 0
    while len(text) - start > limit:
        cut = _cut(text[start : start + limit + 1], limit)
        yield text[start : start + cut], offset + start
        start += cut
    if start < len(text):
        yield text[start:], offset + start


def _stream_pieces(path: Path, encoding: str, limit: int) -> Iterator[tuple[str, int]]:
    """Decode ``path`` incrementally and yield pieces as :func:`split_text` would."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    buffer, offset, first = "", 0, True
    try:
        handle = open(path, "rb")
    except OSError as err:
        raise DocumentError(str(path), f"cannot be read ({err.strerror or err})") from err
    with handle:
        while True:
            chunk = handle.read(_STREAM_CHUNK)
            buffer += decoder.decode(chunk, final=not chunk)
            if first and (len(buffer) >= 4096 or not chunk):
                first = False
                _metadata, body_start = split_metadata(buffer)
                buffer, offset = buffer[body_start:], body_start
            while not first and len(buffer) > limit:
                cut = _cut(buffer[: limit + 1], limit)
                yield buffer[:cut], offset
                buffer, offset = buffer[cut:], offset + cut
            if not chunk:
                break
    if buffer:
        yield buffer, offset


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


def read_document(
    path: str | os.PathLike[str],
    doc_id: str | None = None,
    *,
    stream_above: int = STREAM_BYTES,
) -> SourceText:
    """Read and decode one file; files over ``stream_above`` bytes are streamed, not held.

    Raises:
        DocumentError: The file is missing, unreadable, not a regular file, binary or empty.
    """
    path = Path(path)
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb", closefd=True) as handle:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise DocumentError(str(path), "is not a regular file (a pipe, device or folder)")
            if info.st_size > stream_above:
                return _scan_large(path, handle, doc_id or path.name)
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
    _check_words(path, text)
    metadata, body_start = split_metadata(text)
    document = Document(
        id=doc_id or path.name,
        source=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        metadata=tuple(sorted(metadata.items())),
    )
    return SourceText(document, text, body_start, warning, size=len(text))


def _check_words(path: Path, text: str) -> None:
    if not text.strip():
        raise DocumentError(str(path), "is empty; skipped")
    if not any(char.isalpha() for char in text):
        raise DocumentError(str(path), "has no words (only numbers, punctuation or symbols); skipped")


def _scan_large(path: Path, handle: BinaryIO, doc_id: str) -> SourceText:
    """Check, hash and pick the codec of a large file without holding it in memory."""
    head = handle.read(_STREAM_CHUNK)
    digest = hashlib.sha256(head)
    while chunk := handle.read(_STREAM_CHUNK):
        if b"\x00" in chunk and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise DocumentError(str(path), "looks like a binary file (it contains NUL bytes); skipped")
        digest.update(chunk)
    # Decode the head to learn the codec (cut at a line end so no character is split).
    cut = head.rfind(b"\n")
    sample = head[: cut + 1] if cut > 0 else head
    text, warning = _decode(path, sample)
    if head.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif warning and "decoded as" in warning:
        encoding = warning.rsplit(" ", 1)[-1]
    else:
        encoding = "utf-8"  # invalid sequences further on are replaced, as in small files
    _check_words(path, text)
    metadata, body_start = split_metadata(text)
    document = Document(
        id=doc_id,
        source=str(path),
        sha256=digest.hexdigest(),
        metadata=tuple(sorted(metadata.items())),
    )
    size = os.fstat(handle.fileno()).st_size
    return SourceText(document, None, body_start, warning, encoding=encoding, size=size)


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
