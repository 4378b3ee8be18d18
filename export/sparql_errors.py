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

from typing import Iterable

from export.sparql_tokens import QUERY_FORMS, Token, after_prologue, position_text, tokens

__all__ = ["explain", "describe_expected", "position_text"]

_PAIRS = {"{": "}", "(": ")", "[": "]"}


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


def _brackets(query: str, tokens: list[Token]) -> str | None:
    stack: list[Token] = []
    for token in tokens:
        if token.kind == "unclosed":
            quote = token.text[:3] if token.text[:3] in ("'''", '"""') else token.text[0]
            return (f"{_at(query, token.offset)}: the string that starts here "
                    f"with {quote} is never closed; expected a closing {quote}")
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


def _query_form(query: str, tokens: list[Token]) -> str | None:
    """The first word after the prologue must be a query form."""
    rest = after_prologue(tokens)
    if not rest:
        return f"{_at_end(query)}: expected a query: SELECT, ASK, CONSTRUCT or DESCRIBE"
    first = rest[0]
    if first.kind == "word" and first.text.upper() not in QUERY_FORMS:
        return (f"{_at(query, first.offset)}: '{first.text}' is not a query "
                f"form; expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return None


def _prefixes(query: str, tokens: list[Token], known: set[str]) -> str | None:
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
    found = list(tokens(query))
    return (_brackets(query, found) or _query_form(query, found)
            or _prefixes(query, found, set(prefixes)))


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
