"""Which documents each part of the labelled fact set holds, and where their text is.

The parts ``fit``, ``test`` and ``reserve`` are GUM's (:mod:`benchmarks.gum`); ``lee`` is
the 300 ABC news articles of ``benchmarks/news/lee_background``: text of another publisher
and genre mix than GUM whose facts no rule was written from (the rules of issue 24 were
read off lee_dev, the same publisher's 50 articles, and off GUM's fit part). Its facts are
sampled at :data:`PART_RATES` so that a few hundred of them are rated; it adds untuned text
to fit the validity model on, and a second measure of the stated facts' precision.

>>> part_of("lee_bg_007"), genre_of("lee_bg_007"), path_of("lee_bg_007").name
('lee', 'abc', 'lee_bg_007.txt')
>>> len(part_documents("lee")), "lee_bg_112" in part_documents("lee")  # a repeat of 104
(293, False)
>>> part_of("GUM_news_korea") in ("fit", "test", "reserve"), genre_of("GUM_news_korea")
(True, 'news')
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from benchmarks import gum

__all__ = ["LEE", "PARTS", "PART_RATES", "part_documents", "path_of", "part_of", "genre_of"]

#: The folder of the ``lee`` part's documents.
LEE = Path(__file__).resolve().parents[1] / "news" / "lee_background"
#: Every part of the labelled set's documents.
PARTS: tuple[str, ...] = (*sorted(gum.PARTS), "lee")
#: Share of a part's distinct facts in the sample, where it is not the default rate: the
#: 300 lee articles make about 3,450 fact mentions; 0.15 of them is about 500 to rate.
PART_RATES: dict[str, float] = {"lee": 0.15}
_LEE_PREFIX = "lee_bg_"


def part_documents(part: str) -> list[str]:
    """The document names of ``part``, sorted.

    lee_background holds 7 articles twice under two names; only the first name is a
    document of ``lee`` (kg reads a repeated text once, so the second has no facts).
    """
    if part == "lee":
        return list(_lee_documents())
    return gum.documents(part)


@lru_cache(maxsize=1)
def _lee_documents() -> tuple[str, ...]:
    seen: set[bytes] = set()
    names = []
    for path in sorted(LEE.glob(f"{_LEE_PREFIX}*.txt")):
        digest = hashlib.sha256(path.read_bytes()).digest()
        if digest not in seen:
            seen.add(digest)
            names.append(path.stem)
    return tuple(names)


def path_of(name: str) -> Path:
    """The text file of document ``name`` (a GUM or a lee document)."""
    return LEE / f"{name}.txt" if name.startswith(_LEE_PREFIX) else gum.document_path(name)


def part_of(name: str) -> str:
    """The part document ``name`` is in."""
    return "lee" if name.startswith(_LEE_PREFIX) else gum.part_of(name)


def genre_of(name: str) -> str:
    """The genre of document ``name``: GUM's (``news``, ``bio``, ...), or ``abc`` for lee."""
    return "abc" if name.startswith(_LEE_PREFIX) else name.split("_")[1]
