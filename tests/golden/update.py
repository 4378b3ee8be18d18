"""Regenerate the golden outputs after an intended change of extraction behaviour.

Usage (from the repository root)::

    .venv/bin/python tests/golden/update.py

Runs, in this process and from the repository root (documents are recorded by the path given),
``kg build seeds/ -o OUT --quiet`` (keeping ``graph.ttl`` and ``triples.jsonl``) and
``kg extract --format carb benchmarks/carb/data/dev_sentences.txt``, and writes their outputs
under ``tests/golden/``. ``tests/golden/test_golden.py`` checks that the
same commands still give these bytes. Read ``git diff --stat tests/golden`` and a sample of the
changed lines before committing them: that diff is the behaviour change.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from typer.testing import CliRunner  # noqa: E402

from kg.cli import app  # noqa: E402

__all__ = ["GOLDEN", "SEEDS", "CARB_SENTENCES", "SEED_OUTPUTS", "CARB_OUTPUT", "run_kg",
           "build_seeds", "main"]

GOLDEN = Path(__file__).resolve().parent
SEEDS = "seeds/"
CARB_SENTENCES = "benchmarks/carb/data/dev_sentences.txt"
#: Files of ``kg build seeds/`` kept as goldens (graph.html is the page's, tested on its own).
SEED_OUTPUTS = ("graph.ttl", "triples.jsonl")
CARB_OUTPUT = GOLDEN / "carb_dev.tsv"


def run_kg(*args: str) -> str:
    """Run a ``kg`` command in this process from the repository root; return its output.

    Raises:
        RuntimeError: The command did not exit with status 0 (its output is in the message).
    """
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, list(args))
    finally:
        os.chdir(cwd)
    if result.exit_code != 0:
        raise RuntimeError(f"kg {' '.join(args)} exited with {result.exit_code}: "
                           f"{result.output}") from result.exception
    return result.stdout


def build_seeds(outdir: Path) -> None:
    """``kg build seeds/ -o OUTDIR --quiet``: graph.ttl, graph.html, triples.jsonl."""
    run_kg("build", SEEDS, "-o", str(outdir), "--quiet")


def main() -> None:
    """Rewrite every golden file and say which ones changed."""
    with tempfile.TemporaryDirectory() as tmp:
        build_seeds(Path(tmp))
        (GOLDEN / "seeds").mkdir(exist_ok=True)
        for name in SEED_OUTPUTS:
            _replace(Path(tmp) / name, GOLDEN / "seeds" / name)
        carb = Path(tmp) / CARB_OUTPUT.name
        carb.write_text(run_kg("extract", "--format", "carb", CARB_SENTENCES), encoding="utf-8")
        _replace(carb, CARB_OUTPUT)


def _replace(new: Path, golden: Path) -> None:
    same = golden.exists() and golden.read_bytes() == new.read_bytes()
    if not same:
        shutil.copyfile(new, golden)
    print(f"{'unchanged' if same else 'rewritten'}: {golden.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
