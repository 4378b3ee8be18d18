"""Short names a document uses: acronyms it defines, and a name without its designator.

* "Large Language Models (LLMs)" makes every "LLMs" one entity: the document is scanned once
  (the result is cached in ``doc.user_data``) for a noun phrase followed by a bracketed
  acronym made of its initials; mentions of the acronym take the expansion's key.
* "Kestrel" after "Kestrel Analytics", "the Chathams" beside "the Chatham Islands": a
  one-word name that is the first word of exactly one longer organisation or place name of the
  document, whose other words only say what kind of thing it is (:data:`DESIGNATORS`), takes
  that name's key. "Sony" beside "Sony Ericsson" does not: "Ericsson" is a name of its own.
* "the Conservative Party (the Tories)", "Tåsinge (Taasinge)", "Tulsa, known as T-Town",
  "nicknamed", "also called", "better known by her pseudonym Jenna Marbles", "Ichiyō Higuchi
  was a pen name of Natsu Higuchi": a name the text itself gives another name takes that
  name's key wherever it is used (:func:`defined_alias_key`, :func:`person_alias_key`). A place in brackets after a place
  ("Sydney (Australia)") says where it is, and a party after a person ("Kerry Nettle
  (Democrats)") whom they stand for: neither is an alias. The naming word must be a
  participle: "Trump called Clinton" names no one.
"""

from __future__ import annotations

import re
import unicodedata

import numpy
from spacy.attrs import POS
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Token

from extract.doc_arrays import entity_table, token_lowers
from extract.lexicon import (
    AFFILIATION_TYPES,
    ALIAS_BETWEEN,
    DESIGNATORS,
    NAMING_PHRASES,
    NOT_NAME_TYPES,
    OTHER_NAME_MODIFIERS,
    OTHER_NAME_NOUNS,
    PLACE_TYPES,
    SHORT_NAME_TYPES,
)
from extract.doc_memo import once_per_doc
from extract.names import full_names, person_names
from extract.phrases import entity_key, entity_label
from kg.countries import is_country, is_region
from kg.keys import acronym_matches, canonical_key, normalize_key

__all__ = ["acronyms", "acronym_key", "acronym_letters", "alias_of", "country_prefix_key",
           "defined_alias_key", "initialism_key", "person_alias_key", "short_name_key"]

_CACHE = "kg.acronyms"
_SHORT_CACHE = "kg.short_names"
_ALIAS_CACHE = "kg.defined_aliases"
_INITIALS_CACHE = "kg.initialisms"
_ORG_KEYS_CACHE = "kg.organisation_keys"
#: An initialism as written: two to five capitals, a version number after them ("IE6").
_INITIALISM = re.compile(r"([A-Z]{2,5})(\d{0,3})")


def acronym_letters(text: str) -> str | None:
    """The letters of an acronym, lower case, without a plural "s" or dots; else None. An
    acronym in mixed case has three capitals or more, and its letters are its capitals.

    >>> acronym_letters("LLMs"), acronym_letters("U.S."), acronym_letters("Sora")
    ('llm', 'us', None)
    >>> acronym_letters("ACPeds"), acronym_letters("McDonald")
    ('acp', None)
    """
    core = text[:-1] if text.endswith("s") else text
    core = core.replace(".", "")
    if 2 <= len(core) <= 8 and core.isupper() and core.isalpha():
        return core.lower()
    capitals = "".join(c for c in core if c.isupper())
    if 2 <= len(core) <= 8 and core.isalpha() and core[0].isupper() and len(capitals) >= 3:
        return capitals.lower()  # "ACPeds" for the American College of Pediatricians
    return None


def acronyms(doc: Doc) -> dict[str, str]:
    """Map each acronym the document defines (lower case, no plural ``s``) to its expansion key.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Firms build Large Language Models (LLMs). LLMs need data.")
    >>> acronyms(doc)
    {'llm': 'large language model'}
    """
    cached = doc.user_data.get(_CACHE)
    if cached is not None:
        return cached
    found: dict[str, str] = {}
    for i in _brackets(doc):
        if i + 2 >= len(doc) or i == 0:
            continue
        short, close = doc[i + 1], doc[i + 2]
        if close.text != ")":
            continue
        letters = acronym_letters(short.text)
        if letters is None:
            continue
        head = doc[i - 1]
        if short.dep_ == "appos" and short.head.i < i:
            head = short.head
        if head.pos_ not in ("NOUN", "PROPN"):
            continue
        if acronym_matches(short.text, entity_label(head)):
            found.setdefault(letters, entity_key(head))
    doc.user_data[_CACHE] = found
    return found


def _brackets(doc: Doc) -> list[int]:
    """Indices of the document's opening round brackets, in text order."""
    return [i for i, lower in enumerate(token_lowers(doc)) if lower == "("]


def acronym_key(token: Token) -> str | None:
    """The expansion key when ``token`` is an acronym its document defines, else None."""
    letters = acronym_letters(token.text)
    if letters is None:
        return None
    return acronyms(token.doc).get(letters)


def _initialisms(doc: Doc) -> dict[tuple[str, str], dict[str, int]]:
    """``{(initials, number): {name key: its first token}}`` for each name of ``doc`` written
    as two capitalised proper nouns or more, a number after them kept ("Internet Explorer 6":
    ``("ie", "6")``); a person's name is left out (once per Doc)."""
    found: dict[tuple[str, str], dict[str, int]] = {}
    proper = [int(i) for i in numpy.flatnonzero(doc.to_array(POS) == PROPN)]
    run: list[Token] = []
    for i in [*proper, -2]:  # only the proper nouns become Tokens
        token = doc[i] if i >= 0 else None
        if token is not None and run and run[-1].i == i - 1 and token.is_title and (
                token.ent_type_ != "PERSON"):
            run.append(token)
            continue
        if len(run) >= 2:
            after = run[-1].i + 1
            number = doc[after].text if after < len(doc) and doc[after].text.isdigit() else ""
            words = [t.text for t in run] + ([number] if number else [])
            initials = "".join(t.text[0] for t in run).lower()
            found.setdefault((initials, number), {}).setdefault(
                normalize_key(" ".join(words)), run[0].i)
        run = [token] if token is not None and token.is_title and (
            token.ent_type_ != "PERSON") else []
    return found


def initialism_key(token: Token) -> str | None:
    """The key of the one name of the document written before ``token`` whose initials
    ``token`` is, a version number kept ("IE6" after "Internet Explorer 6", "IE" after
    "Internet Explorer"), when the document defines no acronym of it; else None
    (``initialism``). A known alias ("US", "UK", "EU") is no initialism.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Microsoft will retire Internet Explorer 6 soon. IE6 is old.")
    >>> initialism_key(doc[8])
    'internet explorer 6'
    """
    match = _INITIALISM.fullmatch(token.text)
    if match is None or token.pos_ != "PROPN" or acronym_key(token) is not None or (
            canonical_key(token.text) != normalize_key(token.text)):
        return None
    names = once_per_doc(token.doc, _INITIALS_CACHE, lambda: _initialisms(token.doc)).get(
        (match.group(1).lower(), match.group(2)), {})
    before = [key for key, first in names.items() if first < token.i]
    return before[0] if len(before) == 1 and len(names) == 1 else None


def _short_names(doc: Doc) -> dict[str, set[str]]:
    cached = doc.user_data.get(_SHORT_CACHE)
    if cached is not None:
        return cached
    found: dict[str, set[str]] = {}
    for _start, _end, label, root in entity_table(doc):
        if label not in SHORT_NAME_TYPES:
            continue
        words = entity_key(doc[root]).split()
        if len(words) >= 2 and all(word in DESIGNATORS for word in words[1:]):
            found.setdefault(words[0], set()).add(" ".join(words))
    doc.user_data[_SHORT_CACHE] = found
    return found


def short_name_key(token: Token) -> str | None:
    """The key of the one longer name of the document that ``token``'s one-word name starts,
    when its other words are designators ("Kestrel" -> "kestrel analytics"); else None.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Kestrel Analytics hired staff. Kestrel grew fast.")
    >>> short_name_key(doc[5])
    'kestrel analytics'
    """
    if token.pos_ != "PROPN":
        return None
    key = entity_key(token)
    if " " in key:
        return None
    found = _short_names(token.doc).get(key, ())
    return next(iter(found)) if len(found) == 1 and key not in found else None


def _organisation_keys(doc: Doc) -> frozenset[str]:
    return frozenset(normalize_key(entity_key(doc[root])) for _start, _end, label, root
                     in entity_table(doc) if label == "ORG" and doc[root].pos_ == "PROPN")


def country_prefix_key(token: Token) -> str | None:
    """The key of an organisation's name without the country written before it, when the
    rest, two words or more, is a name of an organisation the document also writes alone:
    "The United Kingdom Home Office" beside "the Home Office" -> "home office", "The United
    States Federal Reserve" beside "the Federal Reserve"; else None. The name alone is the
    one the text and other texts use; "Qantas Airways" (no country) and "US Airways" (one
    word after it) keep their keys.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("The United Kingdom Home Office sent letters. The Home Office said so.")
    >>> country_prefix_key(doc[4])
    'home office'
    """
    if token.ent_type_ != "ORG" or token.pos_ != "PROPN":
        return None
    words = normalize_key(entity_key(token)).split()
    names = once_per_doc(token.doc, _ORG_KEYS_CACHE, lambda: _organisation_keys(token.doc))
    for n in range(1, len(words) - 1):
        rest = " ".join(words[n:])
        if rest in names and is_country(canonical_key(" ".join(words[:n]))):
            return rest
    return None


def _alias_at(doc: Doc, start: int, end: int) -> tuple[Token, str] | None:
    """The head and written form (:func:`_alias_text`) of a name written as
    ``doc[start:end]`` (capitalised words), or None."""
    words = [t for t in doc[start:end] if not t.is_punct and t.dep_ != "det"]
    if not words or len(words) > 4 or any(not t.is_title and not t.is_upper for t in words):
        return None
    head = doc[start:end].root
    if head.pos_ != "PROPN" or head.ent_type_ in NOT_NAME_TYPES or head.like_num:
        return None
    while start < end and (doc[start].dep_ == "det" or doc[start].is_quote):
        start += 1
    while end > start and doc[end - 1].is_quote:
        end -= 1
    return head, normalize_key(doc[start:end].text.replace("-", " "))


def _named_before(doc: Doc, i: int) -> Token | None:
    """The name just left of ``doc[i]``: "Tulsa, known as", "Tulsa is also called", past one
    bracket of dates or another script ("Jenna Nicole Mourey (born September 15, 1986 [1]
    [2]), better known by her pseudonym", "Natsu Higuchi (樋口 奈津), also known as")."""
    j, skipped = i - 1, 0
    while j >= 0 and skipped < 4:
        token = doc[j]
        if token.text == ")":
            opening = next((k for k in range(j - 1, max(-1, j - 20), -1)
                            if doc[k].text in "()"), None)
            if opening is None or doc[opening].text != "(":
                return None
            j = opening - 1  # the bracket says when or how, it is no name
            continue
        if token.text == "," or token.lower_ in ALIAS_BETWEEN:
            j, skipped = j - 1, skipped + 1
            continue
        if token.pos_ == "PROPN" and token.ent_type_ not in NOT_NAME_TYPES:
            return token
        return None
    return None


def _naming_end(doc: Doc, stop: int) -> int:
    """Where the words that give a name its other name end, past "by her pseudonym" after
    "known": the other name starts there."""
    if stop < len(doc) and doc[stop - 1].lower_ == "known" and doc[stop].lower_ == "by":
        end = stop + 1
        while end < min(len(doc), stop + 5) and (
                doc[end].dep_ in ("det", "poss", "compound", "amod") or doc[end].is_lower):
            if doc[end].lower_ in OTHER_NAME_NOUNS and doc[end].lower_ not in (
                    OTHER_NAME_MODIFIERS):
                return end + 1
            end += 1
    return stop


def _compound_start(name: Token) -> int:
    """Where the run of compound words before the name ``name`` heads starts."""
    start = name.i
    while start > 0 and name.doc[start - 1].dep_ == "compound" and (
            name.doc[start - 1].head.i == name.i) and name.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return start


def _person_key(name: Token) -> str:
    """The key of the person name ``name`` heads, written in full, or the one full name of the
    document a lone surname stands for ("Higuchi ... was a pen name": Ichiyō Higuchi)."""
    key = normalize_key(" ".join(t.text for t in name.doc[_compound_start(name):name.i + 1]))
    if " " not in key:
        full, _rules = full_names(key, person_names(name.doc))
        if len(full) == 1:
            key = next(iter(full))
    return key


def _pen_name_of(doc: Doc, token: Token) -> tuple[Token, tuple[Token, str]] | None:
    """``(name, (other name, its text))`` for "X was a pen name of Y", "X is the pseudonym of
    Y": a noun of another name, the attribute of a copula whose subject is a name, with "of"
    and a person's name after it."""
    if token.dep_ != "attr" or token.lower_ in OTHER_NAME_MODIFIERS:
        return None
    if token.lower_ == "name" and not any(c.lower_ in OTHER_NAME_MODIFIERS for c in token.lefts):
        return None  # "X is the name of a river" gives no person another name
    subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if subject is None or owner is None or subject.pos_ != "PROPN" or (
            subject.ent_type_ not in ("", "PERSON")) or owner.ent_type_ != "PERSON":
        return None
    return subject, (owner, _alias_text(owner))


def _alias_text(head: Token) -> str:
    """How a name is written, lower case, without "the" and punctuation: "t-town", "tories"."""
    return normalize_key(entity_label(head).replace("-", " ")).removeprefix("the ")


def _name_key(name: Token, stop: int) -> str:
    """The key of the name ending at ``name``, cut before ``stop`` when the recogniser ran the
    name into its bracket ("The Conservative Party (Tories" as one organisation)."""
    doc = name.doc
    start = name.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    if doc[stop].ent_iob_ != "I":
        return entity_key(name)
    words = [t.text for t in doc[start:stop] if t.dep_ != "det" and not t.is_punct]
    return normalize_key(" ".join(words))


def _other_script(token: Token) -> bool:
    """True for a word written in letters other than Latin ("樋口", "Москва")."""
    letters = [c for c in token.text if c.isalpha()]
    return bool(letters) and not any(unicodedata.name(c, "").startswith("LATIN")
                                     for c in letters)


def _bracket_name(doc: Doc, i: int) -> tuple[int, int | None]:
    """Where the name in the bracket opened at ``doc[i]`` starts and ends (None: no name).

    The name fills the bracket ("Guadeloupe (Gwadloup)"), or follows the name in another
    script and ends at the bracket or a comma: "Natsu Higuchi (樋口 奈津 Higuchi Natsu)",
    "Ichiyō Higuchi (樋口 一葉 Higuchi Ichiyō, May 2, 1872 – ...)", the name as its own
    language writes it, then in Latin letters.
    """
    start = i + 1
    while start < min(len(doc), i + 5) and _other_script(doc[start]):
        start += 1
    ends = (")", ",") if start > i + 1 else (")",)
    close = next((t.i for t in doc[start: start + 6] if t.text in ends), None)
    return start, close


def _same_words_before(doc: Doc, i: int, alias: str) -> str | None:
    """The name written just before ``doc[i]`` with the words of ``alias`` in another order
    ("Natsu Higuchi (樋口 奈津 Higuchi Natsu)": family name first, as Japanese writes it),
    else None: that name, whatever the recogniser made of it, is the one the bracket gives."""
    words = alias.split()
    if len(words) < 2 or i < len(words):
        return None
    before = normalize_key(doc[i - len(words):i].text)
    return before if sorted(before.split()) == sorted(words) else None


_NAMING_FIRST = frozenset(words[0] for words in NAMING_PHRASES)


def _defined_aliases(doc: Doc) -> dict[str, str]:
    cached = doc.user_data.get(_ALIAS_CACHE)
    if cached is not None:
        return cached
    found: dict[str, str] = {}
    lowers = token_lowers(doc)
    for i, lower in enumerate(lowers):
        if lower != "(" and lower not in _NAMING_FIRST and lower not in OTHER_NAME_NOUNS:
            continue  # only a bracket or a naming word starts an alias: no Token for the rest
        token = doc[i]
        name = alias = None
        if lower in OTHER_NAME_NOUNS and lower not in _NAMING_FIRST:
            pen = _pen_name_of(doc, token)
            if pen is not None:
                name, alias = pen
        elif token.text == "(" and token.i > 0:
            opening, close = _bracket_name(doc, token.i)
            name = doc[token.i - 1]
            if (close is not None and name.pos_ == "PROPN"
                    and acronym_letters(doc[opening].text) is None):
                alias = _alias_at(doc, opening, close)
                if alias is not None and alias[0].ent_type_ in PLACE_TYPES and (
                        name.ent_type_ in PLACE_TYPES or is_country(alias[1])
                        or is_region(alias[1])):
                    alias = None  # "Sydney (Australia)": where it is, not another name
                elif alias is not None and name.ent_type_ == "PERSON" and (
                        alias[0].ent_type_ in AFFILIATION_TYPES):
                    alias = None  # "Kerry Nettle (Democrats)": a party, not another name
        else:
            words = next((w for w in NAMING_PHRASES if lowers[token.i: token.i + len(w)] == w),
                         None)
            if words is None and tuple(lowers[token.i: token.i + 2]) == ("known", "by"):
                words = ("known",)  # "better known by her pseudonym Jenna Marbles"
            if words is not None and token.tag_ == "VBN":  # "Trump called Clinton" names no one
                name = _named_before(doc, token.i)
                stop = _naming_end(doc, token.i + len(words))
                end = stop
                while end < min(len(doc), stop + 5) and (
                        doc[end].is_title or doc[end].is_upper or doc[end].tag_ == "HYPH"
                        or doc[end].is_quote or doc[end].dep_ == "det"):
                    end += 1
                alias = _alias_at(doc, stop, end) if name is not None else None
        if alias is not None and name is not None:
            own, other = _name_key(name, token.i), alias[1]
            if lower in OTHER_NAME_NOUNS and lower not in _NAMING_FIRST:
                own = _person_key(name)
            elif lower == "(":
                own = _same_words_before(doc, token.i, other) or own
            if other != own:
                found.setdefault(other, own)
    doc.user_data[_ALIAS_CACHE] = found
    return found


def defined_alias_key(token: Token) -> str | None:
    """The key of the name the document says ``token``'s name is another name of, or None.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Tulsa is also called T-Town by locals. T-Town is in Oklahoma.")
    >>> defined_alias_key(doc[12]), defined_alias_key(doc[0])
    ('tulsa', None)
    """
    aliases = _defined_aliases(token.doc)
    return alias_of(aliases, _alias_text(token)) if token.pos_ == "PROPN" and aliases else None


def alias_of(aliases: dict[str, str], key: str) -> str | None:
    """The name ``key`` is another name of, following a chain ("Natsuko Higuchi", also known
    as of Natsu Higuchi, whose pen name Ichiyō Higuchi is), or None."""
    found = None
    seen = {key}
    while (key := aliases.get(key)) is not None and key not in seen:  # type: ignore[assignment]
        found = key
        seen.add(key)
    return found


def person_alias_key(doc: Doc, key: str) -> str | None:
    """The name a person's key is another name of, in ``doc``, or None.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Ichiyō Higuchi was a pen name of Japanese author Natsu Higuchi.")
    >>> person_alias_key(doc, "natsu higuchi")
    'ichiyō higuchi'
    """
    aliases = _defined_aliases(doc)
    return alias_of(aliases, key) if aliases else None
