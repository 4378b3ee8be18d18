"""Node keys: how any string becomes the key of its entity's node, in one small module.

Extraction (``extract/``) keys the arguments it finds, merging (:mod:`kg.merge`) joins
mentions whose keys are equal, and the RDF exporter and reader (``export/rdf/``) mint IRIs
from keys and read them back: all three normalise with the functions here, so a key means the
same thing everywhere. Countries are keyed by :mod:`kg.countries`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable

from kg.countries import country_key

__all__ = [
    "KEY_ALIASES",
    "normalize_key",
    "plain_apostrophes",
    "SCOPE_MARK",
    "scoped_key",
    "canonical_key",
    "acronym_matches",
    "distinct_names",
    "spells_out",
]

_SPACE = re.compile(r"\s+")
#: Marks written for an apostrophe: the right single quotation mark and the modifier letter.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
#: Single letters joined by full stops, the last stop optional: "U.S.", "U.S", "D.C.".
_ACRONYM_DOTS = re.compile(r"\b([^\W\d_](?:\.[^\W\d_])+)\.?(?![^\W\d_])")


@functools.lru_cache(maxsize=1 << 18)
def normalize_key(key: str) -> str:
    """Canonical form of an entity key: NFKC, case-folded, acronym dots and spacing removed,
    a typographic apostrophe written as the plain one ("HBO\u2019s" and "HBO's",
    "L\u2019Enfant" and "L'Enfant" are one spelling; the argument records ``punctuation``).
    Cached, as :func:`canonical_key` is: extraction asks for the same keys again and again.

    >>> normalize_key("U.S.  Tech"), normalize_key("the U.S army"), normalize_key("3.5 m")
    ('us tech', 'the us army', '3.5 m')
    >>> normalize_key("L\u2019Enfant") == normalize_key("L'Enfant")
    True
    """
    text = plain_apostrophes(unicodedata.normalize("NFKC", key))
    text = _ACRONYM_DOTS.sub(lambda m: m.group(1).replace(".", ""), text)
    text = _SPACE.sub(" ", text.casefold()).strip(" .,;:!?\"'")
    return text


def plain_apostrophes(text: str) -> str:
    """``text`` with each typographic apostrophe written as the plain one.

    >>> plain_apostrophes("HBO\u2019s")
    "HBO's"
    """
    return text.translate(_APOSTROPHES)


#: Different names of one entity, by normalised key (whole key or its first word).
KEY_ALIASES: dict[str, str] = {
    "us": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "the united states": "united states",
    "uk": "united kingdom",
    "prc": "china",
    "people's republic of china": "china",
    "eu": "european union",
    "un": "united nations",
    # "New York" is the city in everyday writing; the state is "New York State" or "the state
    # of New York", keyed apart ("a civil engineering firm in New York City" and "Madame
    # Tussauds New York" are one place).
    "new york city": "new york",
    "nyc": "new york",
}


_POSSESSIVE = re.compile(r"(?:'s|\u2019s|s')(?: |$)")

#: Separates a document-scoped node's key from its document id ("spokesman@lee_04.txt").
SCOPE_MARK = "@"


def scoped_key(key: str, scope: str | None) -> str:
    """The key of a node kept inside document ``scope`` (``key`` itself when None).

    >>> scoped_key("spokesman", "news/a.txt"), scoped_key("china", None)
    ('spokesman@news/a.txt', 'china')
    """
    return f"{key}{SCOPE_MARK}{scope}" if scope else key


@functools.lru_cache(maxsize=1 << 18)
def canonical_key(key: str) -> str:
    """The node key of an entity: :func:`normalize_key`, then known aliases resolved.

    A key that is an alias, or starts with one as a whole word, is rewritten, so ``U.S.``,
    ``US`` and ``United States`` are one node and ``U.S. tech behemoths`` says ``united
    states`` too. A key with a possessive in it names what an owner has, and its first word
    is the owner's ("UK Prime Minister Tony Blair's opening speech"): it is left as written.
    The document id of a scoped key (:func:`scoped_key`) is kept as it is.

    >>> canonical_key("U.S."), canonical_key("US"), canonical_key("United States")
    ('united states', 'united states', 'united states')
    >>> canonical_key("Britain"), canonical_key("Great Britain"), canonical_key("America")
    ('united kingdom', 'united kingdom', 'united states')
    >>> canonical_key("U.S. tech behemoth")
    'united states tech behemoth'
    >>> canonical_key("UK Prime Minister Tony Blair's opening speech")
    "uk prime minister tony blair's opening speech"
    >>> canonical_key("usain bolt")
    'usain bolt'
    >>> canonical_key("The Spokesman@News/A.txt")
    'the spokesman@News/A.txt'
    """
    if SCOPE_MARK in key:
        base, _, scope = key.rpartition(SCOPE_MARK)
        if base:
            return scoped_key(canonical_key(base), scope)
    text = normalize_key(key)
    if text in KEY_ALIASES:
        return KEY_ALIASES[text]
    country = country_key(text)
    if country is not None:
        return country  # "Britain", "Great Britain" -> united kingdom (kg.countries)
    first, _, rest = text.partition(" ")
    if rest and first in KEY_ALIASES and not _POSSESSIVE.search(rest):
        return f"{KEY_ALIASES[first]} {rest}"
    return text


def acronym_matches(acronym: str, expansion: str) -> bool:
    """True when ``acronym`` is made of the initials of ``expansion``'s words.

    A plural ``s`` on the acronym, dots, hyphenated words and small function words
    ("of", "and", "the") are allowed for.

    >>> acronym_matches("LLMs", "Large Language Models"), acronym_matches("U.S.", "United States")
    (True, True)
    >>> acronym_matches("AI", "Large Language Models")
    False
    >>> acronym_matches("ACPeds", "American College of Pediatricians")
    True
    """
    letters = acronym.replace(".", "").replace("-", "")
    if letters.endswith("s") and letters[:-1].isupper():
        letters = letters[:-1]
    elif not letters.isupper() and sum(c.isupper() for c in letters) >= 3:
        letters = "".join(c for c in letters if c.isupper())  # "ACPeds"
    letters = letters.lower()
    words = [w for w in re.split(r"[\s\-]+", expansion.lower()) if w]
    if len(letters) < 2 or not words:
        return False
    full = "".join(w[0] for w in words)
    content = "".join(w[0] for w in words if w not in {"of", "and", "the", "for", "&", "in"})
    return letters in (full, content)


def distinct_names(keys: Iterable[str]) -> set[str]:
    """Names without those that a longer one of them spells out in full.

    "george bush" is inside "george w bush" (same first and last word, the words in order),
    so both name one person and only the longer stays.

    >>> sorted(distinct_names(["george bush", "george w bush", "laura bush"]))
    ['george w bush', 'laura bush']
    """
    keys = set(keys)
    return {k for k in keys if not any(spells_out(k, other) for other in keys)}


def spells_out(short: str, long: str) -> bool:
    """True when the name ``long`` spells out ``short`` with more words: the same first and
    last word, the words of ``short`` in order.

    >>> spells_out("joshua norton", "joshua abraham norton"), spells_out("norton", "joshua norton")
    (True, False)
    """
    a, b = short.split(), long.split()
    if len(a) >= len(b) or not a or a[0] != b[0] or a[-1] != b[-1]:
        return False
    rest = iter(b)
    return all(word in rest for word in a)
