"""What the per-document extraction budget costs, and how far real text stays below it.

On documents of :mod:`benchmarks.corpus` (CaRB dev sentences and the seed articles, 200-400
words each), parsed once with the model kg uses, prints:

1. the rules' own CPU time per token for every document, and the largest (the default budget,
   :data:`extract.budget.DEFAULT_MS_PER_TOKEN`, should be far above it);
2. the extraction step (rules only, parses reused) without a budget and with the default one
   (a :class:`extract.budget.cpu_limit` per document: a watchdog thread, a clock read at each
   start and end), run alternately ``--rounds`` times; the overhead is the difference of the
   medians over the time without;
3. the same for the whole of :func:`extract.pipeline.extract_pieces` (parse included), which is
   what ``kg extract`` and ``kg build`` run: the overhead there is what a user pays;
4. the cost of one :class:`~extract.budget.cpu_limit` (entered and left ``--guards`` times in
   a row), and that cost per document as a share of the rules' and the whole run's time: the
   exact figure that the noisy differences of 2 and 3 approximate.

Usage::

    python benchmarks/budget_bench.py                 # 100,000 words (a few minutes)
    python benchmarks/budget_bench.py --words 20000   # quick check
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import iter_documents  # noqa: E402
from extract.budget import DEFAULT_MS_PER_TOKEN, Budget, cpu_limit  # noqa: E402
from extract.pipeline import extract_doc, extract_pieces, load_nlp  # noqa: E402
from extract.registry import DEFAULT_EXTRACTOR, get_extractor  # noqa: E402


def _rules(docs, rule, budget: Budget | None) -> float:
    """CPU seconds of the rules over every parsed doc, each under ``budget`` (or none)."""
    started = time.thread_time()
    for doc in docs:
        if budget is None:
            for _triple in extract_doc(doc, "d", extractor=rule):
                pass
        else:
            with cpu_limit(budget.seconds(len(doc))):
                for _triple in extract_doc(doc, "d", extractor=rule):
                    pass
    return time.thread_time() - started


def _pipeline(nlp, texts: list[str], budget: Budget | None) -> float:
    pieces = [(f"d{n}", text, 0) for n, text in enumerate(texts)]
    started = time.thread_time()
    for _triples in extract_pieces(pieces, nlp, budget=budget):
        pass
    return time.thread_time() - started


def _compare(name: str, rounds: int, run) -> float:
    without, with_ = [], []
    for _ in range(rounds):  # alternate, so that a busier moment hits both alike
        without.append(run(None))
        with_.append(run(Budget()))
    base, budgeted = statistics.median(without), statistics.median(with_)
    print(f"{name}: no budget {base:.3f} s, with the default budget {budgeted:.3f} s "
          f"(medians of {rounds}; CPU of this thread); difference "
          f"{100 * (budgeted - base) / base:+.2f} % (spread without: "
          f"{min(without):.3f}-{max(without):.3f} s)")
    return base


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--guards", type=int, default=50_000)
    args = parser.parse_args(argv)

    nlp = load_nlp()
    rule = get_extractor(DEFAULT_EXTRACTOR)
    texts = list(iter_documents(args.words))
    docs = list(nlp.pipe(texts, batch_size=64))
    tokens = sum(len(doc) for doc in docs)
    print(f"{len(docs)} documents, {tokens} tokens, {sum(len(t.split()) for t in texts)} words; "
          f"load average {os.getloadavg()[0]:.2f}")

    per_token = []
    for doc in docs:
        started = time.thread_time()
        for _triple in extract_doc(doc, "d", extractor=rule):
            pass
        per_token.append(1000 * (time.thread_time() - started) / max(1, len(doc)))
    per_token.sort()
    print(f"rules CPU per token: median {statistics.median(per_token):.4f} ms, 99th percentile "
          f"{per_token[int(0.99 * (len(per_token) - 1))]:.4f} ms, largest {per_token[-1]:.4f} ms; "
          f"default budget {DEFAULT_MS_PER_TOKEN:g} ms per token "
          f"({DEFAULT_MS_PER_TOKEN / per_token[-1]:.0f} times the largest), plus "
          f"{Budget().floor:g} s per document")

    rules = _compare("rules only (parses reused)", args.rounds, lambda b: _rules(docs, rule, b))
    whole = _compare("extract_pieces (parse + rules)", max(1, args.rounds // 2) + 1,
                     lambda b: _pipeline(nlp, texts, b))

    started = time.thread_time()
    for _ in range(args.guards):
        with cpu_limit(Budget().seconds(350)):
            pass
    guard = (time.thread_time() - started) / args.guards
    per_doc = guard * len(docs)
    print(f"one cpu_limit: {1e6 * guard:.1f} us of CPU; for these {len(docs)} documents "
          f"{1000 * per_doc:.1f} ms: {100 * per_doc / rules:.2f} % of the rules, "
          f"{100 * per_doc / whole:.3f} % of parse + rules")


if __name__ == "__main__":
    main()
