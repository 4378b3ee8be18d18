"""Cost of the extraction rules against spaCy's parse, this tree against a baseline revision.

Parses real text once (the CaRB dev sentences, tokenised as CaRB gives them, and the 50 news
articles of ``benchmarks/news/lee_dev``), then times the rule pass alone over those same parses
for both registered extractors (``kg.dependency.v1``, the graph's, and ``kg.openie.v1``), in
alternating child processes: one runs this tree's code, the other the code of ``--baseline``
(a git revision exported to a temporary folder). Each child reports the CPU seconds of its
fastest of ``--repeat`` passes; the script prints the median over ``--rounds`` per tree, the
rules' share of the parse time, and the ratio of this tree to the baseline (1.00: no cost).

Usage::

    python benchmarks/rules_bench.py                      # this tree against HEAD
    python benchmarks/rules_bench.py --baseline main --rounds 7
    python benchmarks/rules_bench.py --limit 20 --rounds 1    # quick check that it runs
    python benchmarks/rules_bench.py --corpus gum --baseline main  # GUM's 84 documents

``--corpus gum`` parses GUM's 84 train documents (65k words, six genres) instead, the corpus
issue 24 measures ``kg extract`` against spaCy on; the line ``parse + rules / parse`` is the
ratio of the rules and the validity model together to the parse alone.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CARB_SENTENCES = ROOT / "benchmarks" / "carb" / "data" / "dev_sentences.txt"
NEWS = ROOT / "benchmarks" / "news" / "lee_dev"
GUM = ROOT / "benchmarks" / "gum" / "data" / "documents"
EXTRACTORS = ("kg.dependency.v1", "kg.openie.v1")


def parse_corpus(out: Path, limit: int | None = None, corpus: str = "carb-news"
                 ) -> dict[str, float]:
    """Parse the text with this tree's pipeline into ``out`` (a DocBin); time the parse.

    ``limit`` keeps only the first sentences and articles (a quick run); ``corpus`` is
    ``carb-news`` (CaRB dev sentences and lee_dev) or ``gum`` (GUM's documents).
    """
    sys.path.insert(0, str(ROOT))
    from spacy.tokens import DocBin

    from extract.carb import parse_tokenised
    from extract.pipeline import load_nlp

    nlp = load_nlp()
    lines = CARB_SENTENCES.read_text(encoding="utf-8").splitlines()[:limit]
    folder = NEWS
    if corpus == "gum":
        lines, folder = [], GUM
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))][:limit]
    cpu = time.process_time()
    docs = [doc for _line, doc in parse_tokenised(lines, nlp)]
    docs += list(nlp.pipe(texts, batch_size=64))
    parse = time.process_time() - cpu
    DocBin(docs=docs).to_disk(out)
    return {"parse": parse, "words": sum(len(doc) for doc in docs),
            "sentences": sum(1 for doc in docs for _ in doc.sents)}


def time_rules(docbin: Path, repeat: int) -> dict[str, float]:
    """CPU seconds of the fastest of ``repeat`` rule passes over the parses, per extractor.

    Runs in a child whose ``PYTHONPATH`` selects the tree under test; only the registry's
    public API is used, so any revision with ``extract.registry.get_extractor`` can be timed.
    """
    import spacy
    from spacy.tokens import DocBin

    from extract.registry import get_extractor

    docs = list(DocBin().from_disk(docbin).get_docs(spacy.blank("en").vocab))
    sents = [sent for doc in docs for sent in doc.sents]

    def one_pass(rule) -> float:
        for doc in docs:  # what the rules cache on a Doc is worked out once per real run too
            doc.user_data.clear()
        cpu = time.process_time()
        for sent in sents:
            for _triple in rule(sent, document="d"):
                pass
        return time.process_time() - cpu

    out: dict[str, float] = {}
    for name in EXTRACTORS:
        rule = get_extractor(name)
        one_pass(rule)  # warms caches up; not counted
        out[name] = min(one_pass(rule) for _ in range(repeat))
    return out


def _export(revision: str, folder: Path) -> None:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "extract", "kg"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)


def _child(tree: Path, docbin: Path, repeat: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    result = subprocess.run(
        [sys.executable, __file__, "--child", str(docbin), "--repeat", str(repeat)],
        env=env, check=True, capture_output=True, text=True, cwd=tree,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    """Parse once, time both trees in alternation, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="HEAD", help="git revision to compare against")
    parser.add_argument("--rounds", type=int, default=5, help="child runs per tree")
    parser.add_argument("--repeat", type=int, default=3, help="passes per child (best kept)")
    parser.add_argument("--limit", type=int, default=None,
                        help="only the first N CaRB sentences and N articles")
    parser.add_argument("--corpus", choices=("carb-news", "gum"), default="carb-news",
                        help="CaRB dev sentences and lee_dev (default), or GUM's 84 documents")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(time_rules(args.child, args.repeat)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        docbin = Path(tmp) / "parsed.spacy"
        corpus = parse_corpus(docbin, args.limit, args.corpus)
        base = Path(tmp) / "baseline"
        base.mkdir()
        _export(args.baseline, base)
        times: dict[str, dict[str, list[float]]] = {"this tree": {}, args.baseline: {}}
        for _ in range(args.rounds):
            for label, tree in (("this tree", ROOT), (args.baseline, base)):
                for name, seconds in _child(tree, docbin, args.repeat).items():
                    times[label].setdefault(name, []).append(seconds)
    name = "GUM train" if args.corpus == "gum" else "CaRB dev + lee_dev"
    print(f"{corpus['words']:,} words, {corpus['sentences']:,} sentences ({name}); "
          f"parse {corpus['parse']:.2f} s CPU; load average {os.getloadavg()[0]:.1f}")
    print(f"{'extractor':<18} {'tree':<12} {'rules s CPU':>12} {'of parse':>9}")
    for name in EXTRACTORS:
        medians = {label: statistics.median(by_name[name]) for label, by_name in times.items()}
        for label, seconds in medians.items():
            print(f"{name:<18} {label:<12} {seconds:>12.3f} {seconds / corpus['parse']:>8.1%}")
        print(f"{name:<18} ratio this tree / {args.baseline}: "
              f"{medians['this tree'] / medians[args.baseline]:.3f}; parse + rules / parse: "
              f"{1 + medians['this tree'] / corpus['parse']:.3f}")


if __name__ == "__main__":
    main()
