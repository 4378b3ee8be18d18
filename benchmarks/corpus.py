"""Build the benchmark corpus: about a million words of real text, as a folder of documents.

The text is the CaRB dev sentences (Wikipedia and news, ``benchmarks/carb/data``, tokenised, so
they are detokenised here: PTB bracket escapes undone, no space before punctuation, quotes
joined to their words) and the seed articles (``seeds/*.txt``, split into sentences). Every
round shuffles the sentences with a fixed seed and groups them into documents of 200-400 words;
rounds repeat until the corpus has the words asked for. Each document is different (kg skips a
document whose bytes it has already seen, so plain copies would not be parsed at all).

The same arguments always write the same files. ``--scale 4`` writes a corpus four times the
size (the memory benchmark compares the two).

Usage::

    python benchmarks/corpus.py [--words 1000000] [--scale 1] [--out out/bench/corpus]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from pathlib import Path
from typing import Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.carb.scorer import PTB_ESCAPES  # noqa: E402  (loads no spaCy)

__all__ = ["detokenize", "load_sentences", "iter_documents", "write_corpus", "DEFAULT_OUT"]

CARB_SENTENCES = ROOT / "benchmarks" / "carb" / "data" / "dev_sentences.txt"
SEEDS = ROOT / "seeds"
DEFAULT_OUT = ROOT / "out" / "bench" / "corpus"
DEFAULT_WORDS = 1_000_000

_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "?", "!", "%", ")", "]", "}", "...",
                              "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
_METADATA = re.compile(r"\A\s*date\s*:?\s*\d{4}-\d{2}-\d{2}\s+", re.IGNORECASE)


def detokenize(line: str) -> str:
    """Plain text from one PTB-tokenised sentence.

    >>> detokenize("He said `` yes '' -LRB- twice -RRB- , did n't he ?")
    'He said "yes" (twice), didn\\'t he?'
    """
    out: list[str] = []
    glue = True  # no space before the next token
    quote_open = False
    for raw in line.split():
        token = PTB_ESCAPES.get(raw, raw)
        if token in ("``", "''", '"'):
            if token == "``" or (token == '"' and not quote_open):
                quote_open = True
                out.append(("" if glue else " ") + '"')
                glue = True
            else:
                quote_open = False
                out.append('"')
                glue = False
            continue
        if token == "`":
            token = "'"
        space = not glue and token not in _NO_SPACE_BEFORE
        out.append((" " if space else "") + token)
        glue = token in _NO_SPACE_AFTER
    return "".join(out).strip()


def _seed_sentences(paths: Iterable[Path]) -> Iterator[str]:
    for path in sorted(paths):
        text = _METADATA.sub("", path.read_text(encoding="utf-8"))
        for paragraph in text.split("\n"):
            paragraph = paragraph.strip()
            # headings (no final punctuation) are kept: real articles have them
            yield from (s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip())


def load_sentences() -> list[str]:
    """The sentence pool: detokenised CaRB sentences, then the seed sentences, in file order."""
    lines = CARB_SENTENCES.read_text(encoding="utf-8").splitlines()
    carb = [detokenize(line) for line in lines if line.strip()]
    return carb + list(_seed_sentences(SEEDS.glob("*.txt")))


def iter_documents(
    words: int, *, seed: int = 0, min_words: int = 200, max_words: int = 400
) -> Iterator[str]:
    """Documents of ``min_words``-``max_words`` words until ``words`` words are reached.

    >>> docs = list(iter_documents(2000))
    >>> sum(len(d.split()) for d in docs) >= 2000, len(set(docs)) == len(docs)
    (True, True)
    """
    pool = load_sentences()
    rng = random.Random(seed)
    total = 0
    while total < words:
        order = pool[:]
        rng.shuffle(order)
        current: list[str] = []
        size = 0
        target = rng.randint(min_words, max_words)
        for sentence in order:
            current.append(sentence)
            size += len(sentence.split())
            if size >= target:
                yield " ".join(current) + "\n"
                total += size
                if total >= words:
                    return
                current, size = [], 0
                target = rng.randint(min_words, max_words)
        # the tail of a round starts the next one's first document (never a tiny document)


def write_corpus(
    out: Path = DEFAULT_OUT, *, words: int = DEFAULT_WORDS, seed: int = 0, force: bool = False
) -> dict:
    """Write the corpus to ``out`` (one ``.txt`` per document) and return its manifest.

    An existing corpus written with the same arguments is kept as is.
    """
    out = Path(out)
    manifest_path = out / "corpus.json"
    wanted = {"words_requested": words, "seed": seed, "version": 1}
    if manifest_path.exists() and not force:
        manifest = json.loads(manifest_path.read_text())
        if {k: manifest.get(k) for k in wanted} == wanted:
            return manifest
    if out.exists():
        shutil.rmtree(out)
    folder = out / "docs"
    folder.mkdir(parents=True)
    documents = total = 0
    for index, text in enumerate(iter_documents(words, seed=seed)):
        (folder / f"doc-{index:06d}.txt").write_text(text, encoding="utf-8")
        documents += 1
        total += len(text.split())
    manifest = {**wanted, "words": total, "documents": documents, "path": str(folder)}
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=DEFAULT_WORDS, help="words in the corpus")
    parser.add_argument("--scale", type=int, default=1, help="multiply --words by this")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder (default out/bench/corpus[-xN])")
    parser.add_argument("--force", action="store_true", help="rewrite even if up to date")
    args = parser.parse_args(argv)
    out = args.out or DEFAULT_OUT.with_name(
        DEFAULT_OUT.name + (f"-x{args.scale}" if args.scale != 1 else "")
    )
    manifest = write_corpus(out, words=args.words * args.scale, seed=args.seed, force=args.force)
    print(f"{manifest['documents']} documents, {manifest['words']:,} words in {manifest['path']}")


if __name__ == "__main__":
    main()
