"""GUM train documents with gold entities: text no rule of kg was written for.

84 documents of six genres (academic, bio, court, interview, news, voyage) from the train split
of GUM, the Georgetown University Multilayer corpus, with its gold entity mentions and
coreference (``data/gold.jsonl``; licences in ``data/LICENSE.md``, fields in ``README.md``).

The documents are split once, by document, into three parts (``data/split.json``), so that a
figure measured on one part is not a figure of text the rules were tuned on:

* ``fit``: 43 documents to read, to write rules against and to fit models on;
* ``test``: 29 documents that are rated and scored but never read while writing a rule or
  choosing a threshold;
* ``reserve``: 12 documents in neither part, for a last blind sample after the code is frozen.

Each genre is split on its own (documents ordered by the SHA-256 of their name: about 13% to
``reserve``, 33% to ``test``, the rest to ``fit``).

>>> sorted(PARTS), len(documents("fit")), len(documents())
(['fit', 'reserve', 'test'], 43, 84)
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

__all__ = ["DATA", "DOCUMENTS", "PARTS", "documents", "document_path", "part_of", "gold_mentions"]

DATA = Path(__file__).resolve().parent / "data"
DOCUMENTS = DATA / "documents"
PARTS: dict[str, tuple[str, ...]] = {
    part: tuple(names) for part, names in json.loads((DATA / "split.json").read_text()).items()
}


def documents(part: str | None = None) -> list[str]:
    """The document names (``GUM_news_korea``) of one part, or of all parts, sorted."""
    if part is None:
        return sorted(name for names in PARTS.values() for name in names)
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}: expected one of {', '.join(sorted(PARTS))}")
    return sorted(PARTS[part])


def document_path(name: str) -> Path:
    """The text file of document ``name``."""
    return DOCUMENTS / f"{name}.txt"


def part_of(name: str) -> str:
    """Which part document ``name`` is in.

    >>> part_of("GUM_news_korea") in PARTS
    True
    """
    for part, names in PARTS.items():
        if name in names:
            return part
    raise ValueError(f"{name!r} is not a GUM train document")


@lru_cache(maxsize=1)
def _gold() -> tuple[dict[str, Any], ...]:
    with open(DATA / "gold.jsonl", encoding="utf-8") as handle:
        return tuple(json.loads(line) for line in handle)


def gold_mentions(names: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """The gold entity mentions (one dict per line of ``gold.jsonl``) of ``names``, or all."""
    wanted = None if names is None else set(names)
    for mention in _gold():
        if wanted is None or mention["doc"] in wanted:
            yield mention
