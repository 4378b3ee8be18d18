"""Definite descriptions: the one name of its document that "the river", "the city" or "the
President" stands for, when the text leaves no doubt.

A description joins a name only on evidence that holds in any text, not on what a sample of
documents happened to contain; when in doubt it stays apart (a split costs a join, a wrong
join makes false facts). :func:`description_antecedent` asks, in this order:

* **the form**: "the" + a common noun, with nothing after it (no "of", relative clause or
  list; an apposition only when it names the same node) and no possessor, number or other
  determiner; every word before the noun must be in the name it joins ("the space station"
  for "the International Space Station", never "the interim government" for "the Federal
  Government"); a word of a name ("the Commonwealth group") makes the phrase a name of its
  own, no description;
* **a compatible name**: one whose head is the noun ("the river" for "the Hudson River"), a
  person whose role or apposition ends with it ("the President" for "President Donald
  Trump"), or a name of the kind the noun asks for (:data:`extract.lexicon.DESCRIPTION_KINDS`:
  "the city" a city, :func:`kind_of`, or a name the text says is one: "Łódź is Poland's
  third biggest city");
* **exactly one**: every compatible name written anywhere before the description is one node,
  no new referent of the noun was brought in before it ("a river", "another company"), and,
  for a noun of a kind, no proper noun the recogniser left untyped (or typed as a group)
  heads a subject or object in reach ("Austar will cut jobs. The company ..."); for a noun
  of a kind, a name of the kind named out of reach is no rival when the one in reach was
  named :data:`MAIN_NAME_RATIO` times as often before (Warsaw, once, in a guide to Łódź);
* **in reach**: that name is written in the description's paragraph, and for a noun of a
  kind (which no word of the name repeats) at most :data:`REACH` sentences before it.

:func:`named_by_apposition` is the one other description rule: a noun followed directly by a
person's name ("His Senate colleague Kerry Nettle") is that person.
"""

from __future__ import annotations

import bisect
import re
from typing import Callable, NamedTuple

import numpy
from spacy.attrs import POS
from spacy.parts_of_speech import NOUN
from spacy.tokens import Doc, Token

from extract.doc_arrays import (columns, entity_table, left_children, lemmas, pos_tags,
                                punctuation, right_children, token_lowers)
from extract.doc_memo import once_per_doc
from extract.lexicon import (
    CHILD_NOUNS,
    DESCRIBED_TYPES,
    DESCRIPTION_KINDS,
    INDEFINITE_DETERMINERS,
    MAYBE_WORK_TYPES,
    ONE_RELATIVE_NOUNS,
    POSSESSIVE_PRONOUNS,
    WORK_KINDS,
)
from extract.names import person_key, titles_before
from extract.phrases import doc_text, entity_key, entity_type, label_tokens, tagged
from kg.countries import is_country, is_region
from kg.keys import normalize_key

__all__ = ["MAIN_NAME_RATIO", "REACH", "kind_of", "description_antecedent",
           "named_by_apposition", "named_relative"]

#: Sentences before a description of a kind ("the city") in which its name must be written
#: (in its paragraph too): "the city" two paragraphs after "Mexico City" is seldom Mexico City.
REACH = 3

_BY_NOUN = {noun: kind for kind, nouns in DESCRIPTION_KINDS.items() for noun in nouns}
#: The kind of a name by its recogniser type alone (a place's kind is read from its key; a
#: work's sort is unknown: "work" is a rival of each of :data:`extract.lexicon.WORK_KINDS`,
#: never a candidate).
_KIND_OF_TYPE = {"ORG": "organisation", "WORK_OF_ART": "work"}
_CACHE = "kg.description_names"
_DESCRIBED_OR_WORK = DESCRIBED_TYPES | {"WORK_OF_ART"}
_NO_WORDS: frozenset[str] = frozenset()
_NOUNS_CACHE = "kg.nouns_by_lemma"
_PARAGRAPHS = "kg.paragraph_breaks"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
#: Left children a description may have besides "the": words that say which one is meant,
#: and must then be words of the name.
_MODIFIERS = frozenset({"amod", "compound", "nmod"})
#: Right children that leave a description as it is ("the company's", "the river.").
_HARMLESS_RIGHTS = frozenset({"punct", "case"})
_HARMLESS_OR_APPOSITION = _HARMLESS_RIGHTS | {"appos"}
#: Where an indefinite noun phrase says what something is, not that a new one comes in:
#: "Tulsa is a city", "Tulsa, a city in Oklahoma".
_PREDICATIVE = frozenset({"attr", "appos", "oprd", "acomp"})
#: Dependencies of a noun phrase that is a clause's subject or object.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "conj"})


def kind_of(ent_label: str, key: str) -> str | None:
    """The kind of thing a recognised name is, as descriptions ask for it.

    >>> kind_of("GPE", "poland"), kind_of("GPE", "tulsa"), kind_of("GPE", "oklahoma")
    ('country', 'city', None)
    >>> kind_of("ORG", "sony"), kind_of("LOC", "alps")
    ('organisation', None)
    >>> kind_of("WORK_OF_ART", "crown")
    'work'
    """
    if ent_label == "GPE":
        if is_country(key):
            return "country"
        return None if is_region(key) else "city"
    return _KIND_OF_TYPE.get(ent_label)


def _introduced_kind(root: Token, start: int) -> tuple[str, frozenset[str]] | None:
    """``(kind, words)`` when the name headed by ``root`` is introduced by a noun of a kind
    right before it, which says what it is: "the romantic comedy Chasing Liberty" (an
    apposition to a noun with a determiner or possessor), "the HBO series Game of Thrones"
    (the noun a compound of the name); the noun is written right before the name, which
    starts at ``start`` ("club president Eddie McGuire" is no club). The words of that noun
    phrase count as the name's, so "the romantic comedy" later is that film. Else None."""
    if root.dep_ == "appos" and root.head.i == start - 1 and any(
            c.dep_ in ("det", "poss") for c in root.head.lefts):
        noun = root.head
        words = _words(t for c in noun.lefts if c.dep_ in _MODIFIERS for t in c.subtree)
    else:
        noun = next((c for c in root.lefts if c.dep_ == "compound" and c.i == start - 1
                     and c.pos_ == "NOUN"), None)
        if noun is None:
            return None
        words = _words(t for t in noun.subtree if t.i < noun.i)
    kind = _BY_NOUN.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
    return None if kind is None else (kind, words | _words([noun]))


class _Name(NamedTuple):
    """A name a description may stand for: where it is written, its head, and its words."""

    start: int
    head: int
    words: frozenset[str]


def _words(tokens) -> frozenset[str]:
    return frozenset(w for t in tokens if not t.is_punct for w in (t.lower_, t.lemma_.lower()))


def _span_words(doc: Doc, start: int, end: int) -> frozenset[str]:
    """:func:`_words` of ``doc[start:end]``, read from the document's columns."""
    lowers, found, punct = token_lowers(doc), lemmas(doc), punctuation(doc)
    return frozenset(w for i in range(start, end) if not punct[i]
                     for w in (lowers[i], found[i].lower()))


def _names(doc: Doc) -> dict[str, list[_Name]]:
    """The names of ``doc`` a description may stand for, by the noun or kind that asks for
    them, in text order (computed once, cached in ``doc.user_data``).

    ``{noun: [...]}``: an organisation's or a place's name of two words or more under its
    head ("bank" for "the Commonwealth Bank"), and a person under the last word of a role
    written before the name or in apposition to it ("spokesman" for "White House spokesman
    Ari Fleischer"; the role's words count as the person's); ``{kind: [...]}``: every name
    of a kind (:func:`kind_of`), under ``"kind:city"`` and so on.
    """
    cached = doc.user_data.get(_CACHE)
    if cached is not None:
        return cached
    found: dict[str, list[_Name]] = {}
    said = _said_kinds(doc)
    for start, end, ent_label, root_i in entity_table(doc):
        root = doc[root_i]
        proper = root.pos_ == "PROPN"
        described = proper and ent_label in _DESCRIBED_OR_WORK
        # A name's key is read only where its kind is asked for (or the text says one):
        # working out the label of every person's name here cost the rule pass 1 %.
        key = normalize_key(entity_key(root)) if proper and (described or said) else ""
        introduced = _introduced_kind(root, start) if proper else None
        entries: list[tuple[str, frozenset[str]]] = []  # (noun or kind, words besides the name's)
        if introduced is not None:
            # "the romantic comedy Chasing Liberty": what the text says, whatever the type
            entries.append((f"kind:{introduced[0]}", introduced[1]))
        if described:
            if end - start > 1 and ent_label != "WORK_OF_ART":
                entries.append((root.lemma_.lower(), _NO_WORDS))
            kind = kind_of(ent_label, key)
            kind = said.get(key, kind) if kind in (None, "work") else kind
            if kind is not None and introduced is None:
                entries.append((f"kind:{kind}", _NO_WORDS))
            if ent_label in MAYBE_WORK_TYPES and kind != "work" and introduced is None and (
                    kind not in WORK_KINDS):
                # "Match Point" (typed ORG) may be a film as well: a rival of every sort
                entries.append(("kind:work", _NO_WORDS))
        else:
            if key in said and introduced is None:
                # "Łódź is Poland's third biggest city", read as a person's name in most
                # sentences
                entries.append((f"kind:{said[key]}", _NO_WORDS))
            if ent_label == "PERSON":
                entries += [(noun.lower(), role_words) for noun, role_words in _roles(root)]
        if entries:
            words = _span_words(doc, start, end)
            for noun, more in entries:
                found.setdefault(noun, []).append(_Name(start, root_i, words | more))
    doc.user_data[_CACHE] = found
    return found


def _roles(root: Token) -> list[tuple[str, frozenset[str]]]:
    """``(noun, words)`` of each role the person's name headed by ``root`` is written with:
    before it ("White House spokesman Ari Fleischer"), or in apposition to it either way
    ("Ari Fleischer, a spokesman", "the physician Yang Buwei")."""
    roles: list[tuple[str, frozenset[str]]] = []
    _, role = titles_before(label_tokens(root))
    if role:
        roles.append((role.split()[-1], frozenset(role.lower().split())))
    roles += [(c.lemma_, _words(c.subtree)) for c in root.children
              if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and any(
            c.dep_ in ("det", "poss") for c in root.head.lefts):
        # "the physician Yang Buwei"; not "Image: Zach Weiner", a credit line
        roles.append((root.head.lemma_, _words(root.head.lefts) | {root.head.lower_}))
    return roles


def _said_kinds(doc: Doc) -> dict[str, str]:
    """``{name key: kind}`` for each name the text itself says is of a kind, whatever the
    recogniser typed it: "Łódź is Poland's third biggest city", "Mérida, a city of
    contrasts" (a predicate or an apposition headed by a noun of
    :data:`extract.lexicon.DESCRIPTION_KINDS`). A name said to be of two kinds is left out."""
    said: dict[str, set[str]] = {}
    found, tags = lemmas(doc), pos_tags(doc)
    for i in tagged(doc, "NN"):  # only the singular nouns of a kind become Tokens
        kind = _BY_NOUN.get(found[i].lower()) if tags[i] == "NOUN" else None
        if kind is None:
            continue
        token = doc[i]
        if token.dep_ == "attr" and token.head.lemma_ == "be":
            name = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        elif token.dep_ == "appos":
            name = token.head
        else:
            continue
        if name is not None and name.pos_ == "PROPN" and not any(
                c.dep_ == "conj" for c in name.children):
            said.setdefault(normalize_key(entity_key(name)), set()).add(kind)
    return {key: next(iter(kinds)) for key, kinds in said.items() if len(kinds) == 1}


def _modifier_words(head: Token) -> frozenset[str] | None:
    """The words before a description's noun that say which one is meant, or None when the
    phrase is no definite description kg joins (see the module docstring for the form)."""
    if head.tag_ not in ("NN", "NNS", "NNP", "NNPS") or head.dep_ in ("conj", "appos"):
        return None
    determiners = [c for c in head.lefts if c.dep_ == "det"]
    if len(determiners) != 1 or determiners[0].lower_ != "the":
        return None
    modifiers = [c for c in head.lefts if c.dep_ != "det" and not c.is_punct]
    if any(c.dep_ not in _MODIFIERS for c in modifiers):
        return None  # a possessor, a number, an adverb: "Port Augusta's centre", "the two firms"
    inner = [t for c in modifiers for t in c.subtree if not t.is_punct]
    if any(t.pos_ == "PROPN" for t in inner):
        return None  # "the Commonwealth group", "Appin Road": a name of its own
    cols = columns(head.doc)
    if any(cols.deps[c] not in _HARMLESS_OR_APPOSITION for c in right_children(cols, head.i)):
        return None  # "the company that ...", "the river, the bridge and ...", "the city of X"
    return _words(inner)


def _paragraph(doc: Doc, char: int) -> int:
    breaks = doc.user_data.get(_PARAGRAPHS)
    if breaks is None:
        breaks = doc.user_data[_PARAGRAPHS] = [
            m.start() for m in _PARAGRAPH_BREAK.finditer(doc_text(doc))]
    return bisect.bisect_right(breaks, char)


def _reach_start(head: Token) -> int:
    """The first token the name of a description of a kind may be written at: in its
    paragraph, and at most :data:`REACH` sentences before its own."""
    doc = head.doc
    first = head.sent.start
    for _ in range(REACH):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    paragraph = _paragraph(doc, head.idx)
    while first < head.i and _paragraph(doc, doc[first].idx) != paragraph:
        first = doc[first].sent.end
    return first


def _indefinite(token: Token) -> bool:
    """True when ``token`` heads a new referent: "a", "an", "another" ... before it, with only
    modifiers between ("a small river"), read from the words since parses of such phrases
    vary ("a small river runs" with "river" as a compound)."""
    doc = token.doc
    for i in range(token.i - 1, max(token.i - 5, -1), -1):
        word = doc[i]
        if word.lower_ in INDEFINITE_DETERMINERS:
            return True
        if word.pos_ not in ("ADJ", "ADV", "NOUN", "PROPN", "NUM") and word.tag_ != "HYPH":
            return False
    return False


def _new_referent_before(head: Token) -> bool:
    """True when an indefinite phrase with the description's noun ("a river", "another
    company") comes before it: "the river" may then be that one. A predicative one ("Tulsa
    is a city", "Tulsa, a city in Oklahoma") says what a name is, and brings in nothing."""
    doc = head.doc
    same = _nouns_by_lemma(doc).get(head.lemma_, ())  # a Token only of each earlier same noun
    return any(t.dep_ not in _PREDICATIVE and t.head.dep_ not in _PREDICATIVE and _indefinite(t)
               for t in (doc[i] for i in same[:bisect.bisect_left(same, head.i)]))


def _nouns_by_lemma(doc: Doc) -> dict[str, list[int]]:
    """``{lemma: [index, ...]}`` of the common nouns of ``doc``, in text order (once per Doc):
    each description looks up its own noun instead of reading the document up to it."""
    def index() -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        words = lemmas(doc)
        for i in numpy.flatnonzero(doc.to_array(POS) == NOUN).tolist():
            found.setdefault(words[i], []).append(i)
        return found
    return once_per_doc(doc, _NOUNS_CACHE, index)


def _unnamed_names(doc: Doc, start: int, end: int) -> bool:
    """True when a proper noun the recogniser typed as nothing or as a group (NORP) heads a
    subject or object between ``start`` and ``end`` ("Austar will cut 400 jobs", "told the
    Sydney Swans"): it may be the organisation or place a description of a kind means."""
    return any(t.pos_ == "PROPN" and t.ent_type_ in ("", "NORP") and t.dep_ in _ARGUMENT_DEPS
               for t in doc[start:end])


def _work_of_no_sort(names: dict[str, list[_Name]], head: Token, key: str,
                     key_of: Callable[[Token], str | None]) -> bool:
    """True when a name that may be a work of no sort the text says (typed WORK_OF_ART,
    ORG or PRODUCT), other than the candidate ``key``, is named in reach before the
    description of a sort of work headed by ``head``: "the comedy" may be it ("Woody Allen's
    Match Point", typed ORG, after "the romantic comedy Chasing Liberty")."""
    first = _reach_start(head)
    return any(first <= name.start < head.i and key_of(head.doc[name.head]) != key
               for name in names.get("kind:work", ()))


#: How many times more often than any rival out of reach the one name of a kind in reach
#: must have been named before a description of its kind ("the city" in a guide to Łódź
#: that named Warsaw once).
MAIN_NAME_RATIO = 3


def _main_of_kind(keys: dict[str, int], counts: dict[str, int], by_noun: set[str],
                  referents: set[str], first: int) -> dict[str, int]:
    """``keys`` cut to the names a description of a kind may stand for, when the others are
    weak rivals; else ``keys`` as they are.

    A name of the kind written only as a modifier or a possessor ("US forces", "the Green
    Country region", "Microsoft's Outlook") is no rival to one written as a referent; and when one name is in reach, every other
    named out of reach, by kind only, :data:`MAIN_NAME_RATIO` times less often, is none.
    """
    if referents & keys.keys():
        keys = {key: latest for key, latest in keys.items()
                if key in referents or key in by_noun}
    near = [key for key, latest in keys.items() if latest >= first]
    if len(near) != 1:
        return keys
    (main,) = near
    if all(key == main or (key not in by_noun and MAIN_NAME_RATIO * counts[key] <= counts[main])
           for key in keys):
        return {main: keys[main]}
    return keys


def description_antecedent(head: Token, key_of: Callable[[Token], str | None]) -> Token | None:
    """The head of the one name the definite description headed by ``head`` stands for, or None.

    ``key_of`` gives a name's node key (None when the name is no node shared beyond its
    document); names with one key are one candidate.

    >>> from extract.pipeline import load_nlp
    >>> from extract.phrases import entity_key
    >>> doc = load_nlp()("Fort Lee lies above the Hudson River. Views of the river are fine.")
    >>> doc[11].text, description_antecedent(doc[11], entity_key).text
    ('river', 'River')
    >>> doc = load_nlp()("Tulsa is in Oklahoma. The old town is small.")
    >>> description_antecedent(doc[7], entity_key) is None
    True
    """
    modifiers = _modifier_words(head)
    if modifiers is None:
        return None
    plural = head.tag_ in ("NNS", "NNPS")
    names = _names(head.doc)
    lemma = head.lemma_.lower()
    found = list(names.get(lemma) or names.get(head.lower_, ()))
    kind = _BY_NOUN.get(lemma)
    if kind is not None and not plural:
        found += names.get(f"kind:{kind}", ())
    doc = head.doc
    keys: dict[str, int] = {}  # key -> head of its latest mention before the description
    counts: dict[str, int] = {}  # key -> its mentions before the description
    by_noun: set[str] = set()  # keys whose name ends with the noun ("the Hudson River")
    referents: set[str] = set()  # keys named at least once as no modifier or possessor
    nouns = len(found) - (len(names.get(f"kind:{kind}", ())) if kind and not plural else 0)
    for n, name in enumerate(found):
        if name.start >= head.i or name.head == head.i:
            continue
        if plural and doc[name.head].tag_ not in ("NNS", "NNPS"):
            continue  # "the islands" after "the Chatham Islands": a plural name only
        if not modifiers <= name.words:
            continue
        key = key_of(doc[name.head])
        if key is None:
            return None  # a name of its story only ("the Government") is a rival too
        keys[key] = max(keys.get(key, -1), name.head)
        counts[key] = counts.get(key, 0) + 1
        if doc[name.head].dep_ not in _MODIFIERS and doc[name.head].dep_ != "poss":
            referents.add(key)
        if n < nouns:
            by_noun.add(key)
    if len(keys) > 1 and kind is not None:
        keys = _main_of_kind(keys, counts, by_noun, referents, _reach_start(head))
    if len(keys) != 1 or _new_referent_before(head):
        return None
    ((key, latest),) = keys.items()
    if kind in WORK_KINDS and _work_of_no_sort(names, head, key, key_of):
        return None
    if any(key_of(c) != key for c in head.rights if c.dep_ == "appos"):
        return None  # "the Palestinian leader, Yasser Arafat" is Arafat, whoever was before
    if kind is not None and any(name.head == latest for name in names.get(f"kind:{kind}", ())):
        first = _reach_start(head)
        if latest < first or _unnamed_names(doc, first, head.i):
            return None
        return doc[latest]
    return doc[latest] if _paragraph(doc, doc[latest].idx) == _paragraph(doc, head.idx) else None


def named_by_apposition(head: Token) -> Token | None:
    """The person's name that follows a common noun with no comma between ("His Senate
    colleague Kerry Nettle"), if any: the noun is that person's description.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("His Senate colleague Kerry Nettle intends to move a motion.")
    >>> named_by_apposition(doc[2]).text
    'Nettle'
    """
    cols = columns(head.doc)
    if head.pos_ != "NOUN" or not any(cols.deps[c] in ("det", "poss")
                                      for c in left_children(cols, head.i)):
        return None  # "Image: Zach Weiner" is a credit line, not a description of him
    for child in head.rights:
        if child.dep_ == "appos" and child.left_edge.i == head.i + 1 and (
            entity_type(child) == "PERSON"
        ):
            return child
    return None


_RELATIVES_CACHE = "kg.named_relatives"


def _relative_form(head: Token) -> tuple[str, str] | None:
    """``(pronoun, noun)`` of "his father", "her husband": a noun of a tie one has one of
    (:data:`extract.lexicon.ONE_RELATIVE_NOUNS`), singular, whose only word before it is a
    possessive pronoun, and which heads no list; else None."""
    if head.tag_ != "NN" or head.lemma_.lower() not in ONE_RELATIVE_NOUNS:
        return None
    lefts = [c for c in head.lefts if not c.is_punct]
    if len(lefts) != 1 or lefts[0].dep_ != "poss" or lefts[0].lower_ not in POSSESSIVE_PRONOUNS:
        return None
    if any(c.dep_ == "conj" for c in head.children):
        return None
    return lefts[0].lower_, head.lemma_.lower()


def _parent_of(root: Token) -> bool:
    """True when the person's name headed by ``root`` is the one parent a child noun names:
    "Daniel was a son of Johann Bernoulli", "the second son of Pierre L'Enfant" (never "son
    of Pierre and Marie L'Enfant", two parents)."""
    of = root.head
    return (root.dep_ == "pobj" and of.lower_ == "of"
            and of.head.lemma_.lower() in CHILD_NOUNS
            and not any(c.dep_ == "conj" for c in (*root.children, *of.children)))


def _named_relatives(doc: Doc) -> dict[tuple[str, str], list[tuple[int, int, str | None]]]:
    """``{(pronoun, noun): [(where named, name head, person key), ...]}``: each "his
    father, Johann" and "her husband Ian" of ``doc``, and each one parent "son of" or
    "daughter of" names, as "his father" and "her father" (a mother is named only in an
    apposition), in text order (once per Doc)."""
    found: dict[tuple[str, str], list[tuple[int, int, str | None]]] = {}
    for _start, _end, ent_label, root_i in entity_table(doc):
        root = doc[root_i]
        if ent_label != "PERSON" or any(c.dep_ == "conj" for c in root.children):
            continue
        if root.dep_ == "appos" and (form := _relative_form(root.head)) is not None:
            found.setdefault(form, []).append((root.head.i, root.i, person_key(root)))
        elif _parent_of(root):
            for form in (("his", "father"), ("her", "father")):
                found.setdefault(form, []).append((root.i, root.i, person_key(root)))
    return found


def named_relative(head: Token) -> Token | None:
    """The person a "his father" or "her wife" headed by ``head`` is, when the text named
    that relative before with the same words ("Around schooling age, his father, Johann,
    encouraged him ... His father then asked him to study in medicine") or, for a father,
    as the one parent of a son or daughter ("Daniel was a son of Johann Bernoulli ... He
    is said to have had a bad relationship with his father"), and never named another so;
    else None (``kinship_description``).

    The naming itself ("his father, Johann") and a predicate ("Johann was his father") say
    what the person is: they are facts, never joined.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("His father, Johann, taught him. Later his father left Basel.")
    >>> named_relative(doc[10]).text
    'Johann'
    """
    form = _relative_form(head)
    if form is None or head.dep_ in _PREDICATIVE or any(
            c.dep_ == "appos" for c in head.children):
        return None
    named = once_per_doc(head.doc, _RELATIVES_CACHE, lambda: _named_relatives(head.doc)).get(form)
    keys = {key for _at, _name, key in named or ()}
    if len(keys) != 1 or None in keys:
        return None  # never named, or two people named so
    before = [name for at, name, _key in named if at < head.i]
    return head.doc[before[-1]] if before else None
