"""A deliberately hanging extractor, registered like any other, for the budget tests.

``tests.hang.v1`` is ``kg.dependency.v1`` except that a sentence with the word ``Fountain`` in
it never ends: it spins on the CPU, as the ``pcomp`` loop fixed in commit d8f30ab did on
"US 258 intersects NC 222 in Fountain before entering Edgecombe County .". Importing this
module registers it (in-process tests, forked ``--jobs`` workers); a subprocess or a Dask
worker finds it through the ``kg_extractors`` entry point that :func:`plugin_path` installs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from spacy.tokens import Span

from extract.registry import DEFAULT_EXTRACTOR, extractors, get_extractor
from kg.model import Triple

NAME = "tests.hang.v1"
HANG_WORD = "Fountain"
HANG_TEXT = "US 258 intersects NC 222 in Fountain before entering Edgecombe County."
REPO = Path(__file__).resolve().parent.parent


@extractors.register(NAME)
def hang_extractor(sent: Span, *, document: str, offset: int = 0) -> Iterator[Triple]:
    """The default extractor's triples, or no end at all for a sentence naming Fountain."""
    if any(token.text == HANG_WORD for token in sent):
        spins = 0
        while True:  # no sleep: a hang burns CPU time, which is what the budget counts
            spins += 1
    yield from get_extractor(DEFAULT_EXTRACTOR)(sent, document=document, offset=offset)


def plugin_path(folder: Path) -> str:
    """Install this extractor as a plugin in ``folder``: a ``PYTHONPATH`` for subprocesses.

    A minimal distribution (``*.dist-info`` with ``METADATA`` and ``entry_points.txt``)
    declares ``tests.hang.v1`` in the ``kg_extractors`` group, which kg's catalogue registry
    reads, exactly as it would for a package installed with pip.
    """
    info = folder / "kg_hang_plugin-0.0.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: kg-hang-plugin\nVersion: 0.0\n")
    (info / "entry_points.txt").write_text(
        f"[kg_extractors]\n{NAME} = tests.hang_extractor:hang_extractor\n")
    return os.pathsep.join([str(folder), str(REPO)])
