"""Say in words what is wrong with a malformed SPARQL query, and where.

Parsers report the furthest point they reached and a list of grammar tokens they would have
accepted there ("expected one of ',', '.', ';', '{', '{|', '}', '~', [_]"), which reads badly
and often points inside the wrong token. Most real mistakes are simpler: a bracket or a string
left open, a bracket closed twice, a misspelt query form, an undeclared prefix. This module
finds those by scanning the query's tokens, and otherwise turns the parser's token list into
a short sentence.

>>> print(explain("SELECT ?x WHERE { ?x a schema:Person ", prefixes={"schema"}))
at line 1, column 37 (the end of the query, after '{ ?x a schema:Person'): the '{' opened at line 1, column 17 is never closed; expected '}'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

__all__ = ["explain", "describe_expected", "position_text"]

#: Tokens of a SPARQL query that matter for the checks below, in order of precedence.
_TOKEN = re.compile(
    r"""
      (?P<comment>\#[^\n\r]*)
    | (?P<long_string>'''|\"\"\")
    | (?P<string>['"])
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
    | (?P<open>[{(\[])
    | (?P<close>[})\]])
    | (?P<pname>(?:[^\W\d_][\w.-]*)?:(?:[\w:%\\-][\w.:%\\-]*)?)
    | (?P<word>[^\W\d][\w]*)
    | (?P<space>\s+)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_PAIRS = {"{": "}", "(": ")", "[": "]"}
_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_PROLOGUE = ("PREFIX", "BASE")


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    offset: int


def position_text(query: str, offset: int) -> str:
    """``line L, column C`` of a character offset (both counted from 1).

    >>> position_text("SELECT\\n?x", 7)
    'line 2, column 1'
    """
    line = query.count("\n", 0, offset) + 1
    column = offset - (query.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def _tokens(query: str) -> Iterator[_Token]:
    """Tokens of ``query``; an unterminated string ends the scan with an ``unclosed`` token."""
    at = 0
    while at < len(query):
        found = _TOKEN.match(query, at)
        assert found is not None  # the last alternative matches any character
        kind = found.lastgroup or "other"
        if kind in ("long_string", "string"):
            quote = found.group()
            end = _string_end(query, found.end(), quote)
            if end < 0:
                yield _Token("unclosed", quote, at)
                return
            yield _Token("literal", query[at:end], at)
            at = end
            continue
        if kind not in ("space", "comment"):
            yield _Token(kind, found.group(), at)
        at = found.end()


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


def _end_of(query: str) -> int:
    return len(query.rstrip())


def _snippet(text: str) -> str:
    return repr(" ".join(text.split()))


def _at(query: str, offset: int) -> str:
    """``at line L, column C (near '...')``: the position and the text around it."""
    start = query.rfind("\n", 0, offset) + 1
    before = query[max(start, offset - 12) : offset]
    after = query[offset:].split("\n", 1)[0][:12]
    return f"at {position_text(query, offset)} (near {_snippet(before + after)})"


def _at_end(query: str) -> str:
    end = _end_of(query)
    last = query[: end].rsplit("\n", 1)[-1][-20:]
    return f"at {position_text(query, end)} (the end of the query, after {_snippet(last)})"


def _brackets(query: str, tokens: list[_Token]) -> str | None:
    stack: list[_Token] = []
    for token in tokens:
        if token.kind == "unclosed":
            what = "string" if token.text.strip("'\"") == "" else "text"
            return (f"{_at(query, token.offset)}: the {what} that starts here "
                    f"with {token.text} is never closed; expected a closing {token.text}")
        if token.kind == "open":
            stack.append(token)
        elif token.kind == "close":
            if not stack:
                return (f"{_at(query, token.offset)}: '{token.text}' closes "
                        f"nothing; remove it or open a bracket before it")
            opened = stack.pop()
            if _PAIRS[opened.text] != token.text:
                return (f"{_at(query, token.offset)}: expected "
                        f"'{_PAIRS[opened.text]}' to close the '{opened.text}' opened at "
                        f"{position_text(query, opened.offset)} before this "
                        f"'{token.text}'")
    if stack:
        opened = stack[-1]
        return (f"{_at_end(query)}: the '{opened.text}' opened at "
                f"{position_text(query, opened.offset)} is never closed; expected "
                f"'{_PAIRS[opened.text]}'")
    return None


def _query_form(query: str, tokens: list[_Token]) -> str | None:
    """The first word after the prologue must be a query form."""
    index = 0
    while index < len(tokens) and tokens[index].text.upper() in _PROLOGUE:
        keyword = tokens[index].text.upper()
        index += 3 if keyword == "PREFIX" else 2  # PREFIX p: <iri> | BASE <iri>
    if index >= len(tokens):
        return f"{_at_end(query)}: expected a query: SELECT, ASK, CONSTRUCT or DESCRIBE"
    first = tokens[index]
    if first.kind == "word" and first.text.upper() not in _FORMS:
        return (f"{_at(query, first.offset)}: '{first.text}' is not a query "
                f"form; expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return None


def _prefixes(query: str, tokens: list[_Token], known: set[str]) -> str | None:
    declared = set(known)
    for index, token in enumerate(tokens):
        if token.text.upper() == "PREFIX" and index + 1 < len(tokens):
            declared.add(tokens[index + 1].text.split(":", 1)[0])
        elif token.kind == "pname":
            name = token.text.split(":", 1)[0]
            previous = tokens[index - 1].text.upper() if index else ""
            if name not in declared and previous != "PREFIX":
                return (f"{_at(query, token.offset)}: unknown prefix "
                        f"'{name}:' in '{token.text}'; declare it with PREFIX {name}: <...> "
                        f"(predeclared: {', '.join(sorted(known))})")
    return None


def explain(query: str, *, prefixes: Iterable[str] = ()) -> str | None:
    """Where and what the simple mistakes in ``query`` are, or None when none is found.

    Args:
        query: The query text.
        prefixes: Prefix names that are declared without a ``PREFIX`` line.

    >>> print(explain("SELEC ?x WHERE { ?x ?p ?o }"))
    at line 1, column 1 (near 'SELEC ?x WHE'): 'SELEC' is not a query form; expected SELECT, ASK, CONSTRUCT or DESCRIBE
    >>> explain("SELECT ?x WHERE { ?x ?p ?o }") is None
    True
    """
    tokens = list(_tokens(query))
    return (_brackets(query, tokens) or _query_form(query, tokens)
            or _prefixes(query, tokens, set(prefixes)))


#: Parser tokens that only SPARQL 1.2 (RDF-star) or internal rules use: not worth suggesting.
_NOISE = {"{|", "|}", "~", "<<", "<<(", ">>", ")>>", "[_]", "LATERAL"}
_WORDS = {
    "}": "'}' to close the group",
    ")": "')'",
    "]": "']'",
    ".": "'.' to end the triple",
    ";": "';' and another predicate",
    ",": "',' and another object",
    "{": "'{'",
    "(": "'('",
    "?": "a variable",
    "$": "a variable",
    "<": "an IRI",
    ":": "a prefixed name",
    "\"": "a string",
    "'": "a string",
    "_:": "a blank node",
}


def describe_expected(tokens: Iterable[str]) -> str:
    """The tokens a parser expected, as a short phrase.

    >>> describe_expected(['","', '"."', '";"', '"{"', '"{|"', '"}"', '"~"', '[_]'])
    "'}' to close the group, '.' to end the triple, ';' and another predicate, ',' and another object or '{'"
    """
    wanted: list[str] = []
    for raw in tokens:
        token = raw.strip()
        if token.startswith('"') and token.endswith('"') and len(token) >= 2:
            token = token[1:-1].replace('\\"', '"').replace("\\\\", "\\")
        if token in _NOISE or token.startswith("[") or not token:
            continue
        phrase = _WORDS.get(token)
        if phrase is None:
            if not token.isalpha():
                continue
            phrase = token.upper()
        if phrase not in wanted:
            wanted.append(phrase)
    order = {phrase: rank for rank, phrase in enumerate(_WORDS.values())}
    wanted.sort(key=lambda p: (order.get(p, len(order)), p))
    if not wanted:
        return "something else"
    if len(wanted) > 8:
        wanted = wanted[:8] + ["..."]
        return ", ".join(wanted)
    return ", ".join(wanted[:-1]) + (" or " if len(wanted) > 1 else "") + wanted[-1]
