"""The tokens of a SPARQL query, as the SPARQL 1.1 grammar and Oxigraph's parser read them.

Strings (all four quotings, with escapes), IRIs, comments, variables, prefixed names (with
``\\``-escapes and ``%XX`` in the local part), blank node labels and language tags are whole
tokens, so a word inside them is never taken for a keyword. The character classes are the
grammar's (``PN_CHARS_BASE``, ``PN_CHARS``, ``VARNAME``, ...), with any non-ASCII character
taken as a name character (:func:`_names`). Checking a query this way
needs no parser import (rdflib's takes half a second to import), and explains a syntax error
in words (:mod:`export.sparql_errors`).

>>> [(t.kind, t.text) for t in tokens('SELECT ?s { ?s ex:p "a # b" } # done')]
[('word', 'SELECT'), ('var', '?s'), ('open', '{'), ('var', '?s'), ('pname', 'ex:p'), ('literal', '"a # b"'), ('close', '}')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

__all__ = ["QUERY_FORMS", "Token", "after_prologue", "expand_unicode_escapes", "position_text",
           "tokens"]

#: The four query forms of SPARQL 1.1.
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")

def _names(ascii_chars: str) -> str:
    """A character class of the given ASCII characters and of every non-ASCII character.

    The grammar allows only some non-ASCII characters in names (``PN_CHARS_BASE``, ...); kg
    takes them all. A name read too long can only end where the real parser reports a syntax
    error (no token but a name starts with a non-ASCII character, and those characters are
    name characters everywhere), so it never hides a keyword from the check. And the exact
    classes, spanning most of Unicode, take 20 ms each to compile, on every ``kg query``.
    """
    excluded = "".join(re.escape(chr(c)) for c in range(128) if chr(c) not in ascii_chars)
    return f"[^{excluded}]"


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_DIGITS = "0123456789"
_BASE = _names(_LETTERS)  # PN_CHARS_BASE
_U = _names(_LETTERS + "_")  # PN_CHARS_U
_VARCHAR = _names(_LETTERS + "_" + _DIGITS)  # VARNAME (also the word characters)
_CHARS = _names(_LETTERS + "_-" + _DIGITS)  # PN_CHARS
_CHARS_DOT = _names(_LETTERS + "_-." + _DIGITS)
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PREFIX = rf"{_BASE}(?:{_CHARS_DOT}*{_CHARS})?"
_LOCAL = (rf"(?:{_names(_LETTERS + '_:' + _DIGITS)}|{_PLX})"
          rf"(?:(?:{_names(_LETTERS + '_-.:' + _DIGITS)}|{_PLX})*"
          rf"(?:{_names(_LETTERS + '_-:' + _DIGITS)}|{_PLX}))?")

#: One alternative per token kind, tried in this order at each position.
_KINDS = (
    ("space", r"[ \t\r\n]+"),
    ("comment", r"\#[^\r\n]*"),
    ("long_string", r"'''|\"\"\""),
    ("string", r"['\"]"),
    ("iri", r'<(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>'),
    ("var", rf"[?$]{_VARCHAR}+"),
    ("bnode", rf"_:{_VARCHAR}(?:{_CHARS_DOT}*{_CHARS})?"),
    ("langtag", r"@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*(?:--[a-zA-Z]+)?"),
    ("pname", rf"(?:{_PREFIX})?:(?:{_LOCAL})?"),
    ("number", r"[0-9]*\.[0-9]+(?:[eE][+-]?[0-9]+)?|[0-9]+\.[0-9]*[eE][+-]?[0-9]+"
               r"|[0-9]+(?:[eE][+-]?[0-9]+)?"),
    ("word", rf"{_BASE}{_VARCHAR}*"),
    ("open", r"[{(\[]"),
    ("close", r"[})\]]"),
    ("other", r"."),
)


def _alternatives(*, pname: bool) -> re.Pattern:
    return re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _KINDS
                               if pname or kind != "pname"), re.DOTALL)


_TOKEN = _alternatives(pname=True)
#: The same without prefixed names, for where none can start (see :func:`_pname_can_start`).
_TOKEN_NO_PNAME = _alternatives(pname=False)
_NAME_RUN = re.compile(f"{_CHARS_DOT}*")
_BASE_CHAR = re.compile(_BASE)

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


@dataclass(frozen=True)
class Token:
    """One token: its kind, its text and the offset of its first character in the query.

    Kinds: ``word`` (keywords, function names), ``pname``, ``var``, ``iri``, ``literal``,
    ``unclosed`` (a string never closed: the rest of the query), ``bnode``, ``langtag``,
    ``number``, ``open`` and ``close`` (brackets), ``other`` (operators, punctuation).
    """

    kind: str
    text: str
    offset: int

    @property
    def end(self) -> int:
        return self.offset + len(self.text)


def tokens(query: str, *, comments: bool = False) -> Iterator[Token]:
    """The tokens of ``query``, without white space (and comments, unless ``comments``).

    An unterminated string ends the scan with one ``unclosed`` token.
    """
    at = 0
    run = (0, 0)  # the last run of name characters looked at, as (start, end)
    while at < len(query):
        pname, run = _pname_can_start(query, at, run)
        found = (_TOKEN if pname else _TOKEN_NO_PNAME).match(query, at)
        assert found is not None  # the last alternative matches any character
        kind = found.lastgroup or "other"
        if kind in ("long_string", "string"):
            quote = found.group()
            end = _string_end(query, found.end(), quote)
            if end < 0:
                yield Token("unclosed", query[at:], at)
                return
            yield Token("literal", query[at:end], at)
            at = end
            continue
        if kind != "space" and (kind != "comment" or comments):
            yield Token(kind, found.group(), at)
        at = found.end()


def _pname_can_start(query: str, at: int, run: tuple[int, int]) -> tuple[bool, tuple[int, int]]:
    """Whether a prefixed name can start at ``at``, and the run of name characters after it.

    A prefix is a name that does not end with ``.``, directly followed by ``:``. Trying the
    pattern at every position of a long run of name characters without a ``:`` would read the
    run again from each position (quadratic: ``a.a.a.a...`` of 16 kB took 4 s); the run's end
    is found once and kept for every position inside it, so the scan stays linear.
    """
    if query[at] == ":":
        return True, run
    if not _BASE_CHAR.match(query, at):
        return False, run
    start, end = run
    if not start <= at + 1 < end:
        end = _NAME_RUN.match(query, at + 1).end()  # type: ignore[union-attr]
        run = (at + 1, end)
    can = query.startswith(":", end) and (end == at + 1 or query[end - 1] != ".")
    return can, run


def _string_end(query: str, start: int, quote: str) -> int:
    """Offset just after the string that opened with ``quote``, or -1 when it never closes."""
    at = start
    while at < len(query):
        char = query[at]
        if char == "\\":
            at += 2
            continue
        if len(quote) == 1 and char in "\n\r":
            return -1
        if query.startswith(quote, at):
            return at + len(quote)
        at += 1
    return -1


def expand_unicode_escapes(query: str) -> str:
    """``query`` with every ``\\uXXXX`` and ``\\UXXXXXXXX`` replaced by its character, as the
    SPARQL 1.1 text says to do before parsing (rdflib does; Oxigraph only inside strings
    and IRIs).

    >>> expand_unicode_escapes(r"\\u0053ERVICE")
    'SERVICE'
    """
    def char(found: re.Match) -> str:
        code = int(found.group(1) or found.group(2), 16)
        return chr(code) if code <= 0x10FFFF else found.group()

    return _ESCAPE.sub(char, query)


def after_prologue(found: list[Token]) -> list[Token]:
    """The tokens after the ``PREFIX`` and ``BASE`` declarations that open a query."""
    index = 0
    while index < len(found) and found[index].kind == "word":
        keyword = found[index].text.upper()
        if keyword == "PREFIX":
            index += 3  # PREFIX p: <iri>
        elif keyword == "BASE":
            index += 2  # BASE <iri>
        else:
            break
    return found[index:]


def position_text(query: str, offset: int) -> str:
    """``line L, column C`` of a character offset (both counted from 1).

    >>> position_text("SELECT\\n?x", 7)
    'line 2, column 1'
    """
    line = query.count("\n", 0, offset) + 1
    column = offset - (query.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"
