"""What :mod:`extract.coref` keeps on a Doc so that no pronoun is resolved twice.

Once the table of the sentences' centres (the person each sentence's main subject is, filled
in text order by ``extract.coref._centres``) is complete, what a pronoun refers to depends on
the parse alone, so :func:`remembered` works it out once per token and keeps it in
``doc.user_data`` as plain data (the target's index and the rule). While the table is being
filled, a pronoun resolved on the way sees only part of it; :class:`CentresTable` notes what
each such resolution read, and the resolution is kept when every entry it read is the same in
the finished table: worked out again, it would take the same path to the same answer.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from spacy.tokens import Doc, Token

from extract.doc_memo import once_per_key

__all__ = ["CentresTable", "Resolution", "centres_table", "remembered"]


class Resolution(NamedTuple):
    """What a pronoun refers to (``target``, or None) and the rule that decided it."""

    target: Token | None
    rule: str


_CENTRES = "kg.coref_centres"
#: Set on a Doc while its centres are filled: a pronoun resolved meanwhile is not kept.
_FILLING = "kg.coref_centres_filling"
_RESOLUTIONS = "kg.coref_resolutions"
_ABSENT = object()


class CentresTable(dict):
    """``{sentence start: (person key, name token, gender)}``; while it is filled, each read
    (``get``) inside :meth:`resolve_noting` is noted with the entry it saw."""

    __slots__ = ("_reads", "_resolved")

    def __init__(self) -> None:
        super().__init__()
        self._reads: list[tuple[int, object]] | None = None
        self._resolved: list[tuple[int, Resolution, list[tuple[int, object]]]] = []

    def get(self, key, default=None):  # type: ignore[override]
        entry = dict.get(self, key, _ABSENT)
        if self._reads is not None:
            self._reads.append((key, entry))
        return default if entry is _ABSENT else entry

    def resolve_noting(self, token: Token, resolve: Callable[[Token], Resolution]
                       ) -> Resolution:
        """``resolve(token)``, noting what it read of this table on the way."""
        self._reads = reads = []
        try:
            found = resolve(token)
        finally:
            self._reads = None
        self._resolved.append((token.i, found, reads))
        return found

    def keep_unchanged(self, kept: dict[int, tuple[int | None, str]]) -> None:
        """Put in ``kept`` each resolution noted whose reads the finished table still gives."""
        for i, found, reads in self._resolved:
            if i not in kept and all(dict.get(self, key, _ABSENT) is entry
                                     for key, entry in reads):
                kept[i] = _as_indices(found)
        self._resolved = []


def centres_table(doc: Doc, fill: Callable[[Doc, CentresTable], None]) -> CentresTable:
    """The document's centres, filled by ``fill`` on first use (pronouns resolved meanwhile
    see the entries filled so far, and are kept as :class:`CentresTable` allows)."""
    cached = doc.user_data.get(_CENTRES)
    if cached is not None:
        return cached
    centres = CentresTable()
    doc.user_data[_CENTRES] = centres  # filled in text order: earlier ones are read
    doc.user_data[_FILLING] = True
    try:
        fill(doc, centres)
    finally:
        del doc.user_data[_FILLING]
    centres.keep_unchanged(doc.user_data.setdefault(_RESOLUTIONS, {}))
    return centres


def remembered(token: Token, resolve: Callable[[Token], Resolution]) -> Resolution:
    """``resolve(token)``, worked out once per token of a Doc; not kept while the Doc's
    centres are being filled, when it sees only part of them."""
    doc = token.doc
    if _FILLING in doc.user_data:
        return resolve(token)
    target, rule = once_per_key(doc, _RESOLUTIONS, token.i,
                                lambda: _as_indices(resolve(token)))
    return Resolution(doc[target] if target is not None else None, rule)


def _as_indices(found: Resolution) -> tuple[int | None, str]:
    return (found.target.i if found.target is not None else None), found.rule
