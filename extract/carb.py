"""CaRB's tabbed output format: already-tokenised sentences in, one tuple a line out.

CaRB (the crowdsourced Open IE benchmark) gives one sentence a line, tokenised, tokens separated
by single spaces, and scores lines ``sentence \\t confidence \\t relation \\t arg1 \\t arg2
[\\t arg3 ...]``. The sentence column is the input line exactly, so the scorer can find its gold
tuples. Arguments are the full argument spans (``Provenance.subject_text`` / ``object_text``, then
``Triple.extra``), since CaRB scores whole spans word by word; the graph keeps its concise labels
separately.

The given tokenisation is honoured: each line becomes a ``Doc`` built from its tokens and the
pipeline's components run over it, one sentence per line. Penn Treebank bracket escapes
(``-LRB-`` ...) are undone for parsing, since the model was trained on real brackets, and put
back in the output when the input line used them, so output words are the input's words.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from extract.registry import SentenceExtractor, get_extractor
from kg.model import Triple, fact_key

__all__ = [
    "CARB_EXTRACTOR",
    "PTB_ESCAPES",
    "unescape_token",
    "tokenised_doc",
    "parse_tokenised",
    "carb_line",
    "doc_carb_lines",
    "carb_lines",
]

#: The extractor CaRB output uses by default: the graph's rules with Open IE conventions
#: (relation as written, unresolved pronouns kept as arguments).
CARB_EXTRACTOR = "kg.openie.v1"

#: Penn Treebank bracket escapes and the characters they stand for.
PTB_ESCAPES: dict[str, str] = {
    "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
}


def unescape_token(token: str) -> str:
    """The character a PTB bracket escape stands for; other tokens unchanged.

    >>> unescape_token("-LRB-"), unescape_token("Paris")
    ('(', 'Paris')
    """
    return PTB_ESCAPES.get(token, token)


def tokenised_doc(line: str, vocab: Vocab, *, one_sentence: bool = True) -> Doc:
    """An unparsed Doc with exactly the tokens of ``line`` (split on whitespace), unescaped.

    Args:
        line: One tokenised sentence, tokens separated by spaces.
        vocab: The vocabulary of the pipeline that will parse it.
        one_sentence: Preset the sentence boundaries so the parser keeps the line whole.

    Raises:
        ValueError: The line has no tokens.

    >>> from spacy.vocab import Vocab
    >>> doc = tokenised_doc("Bob -LRB- 30 -RRB- left .", Vocab())
    >>> [t.text for t in doc], doc.text
    (['Bob', '(', '30', ')', 'left', '.'], 'Bob ( 30 ) left .')
    """
    words = [unescape_token(token) for token in line.split()]
    if not words:
        raise ValueError(f"Cannot parse an empty sentence: {line!r}")
    doc = Doc(vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
    if one_sentence:
        for token in doc:
            token.is_sent_start = token.i == 0
    return doc


def parse_tokenised(
    lines: Iterable[str], nlp: Language, *, batch_size: int = 64, one_sentence: bool = True
) -> Iterator[tuple[str, Doc]]:
    """Parse tokenised sentences in batches, keeping their tokens: ``(line, Doc)`` pairs.

    Lazy: lines are pulled one batch at a time. Trailing newlines are removed from the lines
    yielded and blank lines are skipped.

    Args:
        lines: Tokenised sentences, one per item.
        nlp: A pipeline from :func:`extract.pipeline.load_nlp`.
        batch_size: Sentences per ``nlp.pipe`` batch.
        one_sentence: Keep every line one sentence (CaRB's unit) whatever the parser thinks.
    """
    stripped = (line.rstrip("\r\n") for line in lines)
    items = (
        (tokenised_doc(line, nlp.vocab, one_sentence=one_sentence), line)
        for line in stripped
        if line.strip()
    )
    for doc, line in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        yield line, doc


def _clean(text: str, escapes: dict[str, str]) -> str:
    """Whitespace-separated words of ``text`` with brackets escaped as the sentence had them."""
    return " ".join(escapes.get(word, word) for word in text.split())


def carb_line(sentence: str, triple: Triple) -> str:
    """One CaRB output line for ``triple`` found in ``sentence`` (the input line, verbatim).

    The relation is the predicate (``not`` first when negated); the Open IE extractor
    (:data:`CARB_EXTRACTOR`) writes it as the sentence does, since CaRB matches relation words
    exactly and surface forms score better than lemmas. The arguments are the full subject and
    object texts and then the further arguments of ``triple.extra``. Brackets are written as
    PTB escapes when the sentence writes them so.

    >>> from kg.model import Argument, Provenance
    >>> prov = Provenance("d", "s", 0, 0, "Bob", 0, 3, "the house ( old )", 0, 0, 0.75, "svo")
    >>> triple = Triple(Argument("Bob", "bob"), "leave", Argument("house", "house"), prov,
    ...                 extra=("in 1990",))
    >>> carb_line("Bob left the house -LRB- old -RRB- in 1990 .", triple).split("\\t")[1:]
    ['0.75', 'leave', 'Bob', 'the house -LRB- old -RRB-', 'in 1990']
    """
    tokens = set(sentence.split())
    escapes = {c: esc for esc, c in PTB_ESCAPES.items() if esc in tokens and c not in tokens}
    p = triple.provenance
    relation = fact_key(triple.predicate, triple.negated)
    args = [p.subject_text, p.object_text, *triple.extra]
    fields = [sentence, repr(float(p.confidence)), _clean(relation, escapes)]
    fields += [_clean(arg, escapes) for arg in args]
    return "\t".join(fields)


def doc_carb_lines(
    sentence: str,
    doc: Doc,
    *,
    extractor: str | SentenceExtractor = CARB_EXTRACTOR,
    document: str = "carb",
) -> Iterator[str]:
    """CaRB lines of every triple the extractor finds in ``doc``, the parse of ``sentence``.

    Args:
        sentence: The input line, written verbatim as the first column.
        doc: Its parse, as from :func:`parse_tokenised`.
        extractor: A registered extractor name, or the extractor itself (resolve it once
            when calling this per sentence: looking a name up costs as much as a rule pass).
        document: Document id recorded in the triples' provenance.
    """
    rule = get_extractor(extractor) if isinstance(extractor, str) else extractor
    for sent in doc.sents:
        for triple in rule(sent, document=document, offset=0):
            yield carb_line(sentence, triple)


def carb_lines(
    sentences: Iterable[str],
    nlp: Language,
    *,
    extractor: str = CARB_EXTRACTOR,
    batch_size: int = 64,
) -> Iterator[str]:
    """Extract from tokenised sentences and yield CaRB's tabbed lines (without newlines).

    Blank lines are skipped; trailing newlines are not part of the sentence column.

    Args:
        sentences: One tokenised sentence per item, tokens separated by spaces.
        nlp: A pipeline from :func:`extract.pipeline.load_nlp`.
        extractor: Registered name of the sentence extractor (:data:`CARB_EXTRACTOR`).
        batch_size: Sentences per ``nlp.pipe`` batch.

    >>> from extract.pipeline import load_nlp
    >>> lines = list(carb_lines(["Xu Liang founded a company ."], load_nlp()))
    >>> all(line.startswith("Xu Liang founded a company .\\t") for line in lines)
    True
    """
    rule = get_extractor(extractor)  # fails on an unknown name before parsing anything
    pairs = parse_tokenised(sentences, nlp, batch_size=batch_size)
    for n, (line, doc) in enumerate(pairs, start=1):
        yield from doc_carb_lines(line, doc, extractor=rule, document=f"line {n}")
