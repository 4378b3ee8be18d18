"""Who a document names: its person mentions with the genders their honorifics say, and the
person the document is about.

Computed once per document (kept in ``doc.user_data``) for :mod:`extract.coref`, which resolves
"he" and "she" to these people. See docs/identity.md.
"""

from __future__ import annotations

import bisect
from collections import Counter

import numpy
from spacy.attrs import POS
from spacy.parts_of_speech import PROPN
from spacy.tokens import Token

from extract.doc_arrays import entity_table, token_lowers
from extract.doc_memo import once_per_doc
from extract.lexicon import FEMALE_HONORIFICS, FEMALE_PRONOUNS, MALE_HONORIFICS, MALE_PRONOUNS
from extract.names import full_names, person_key, person_names
from extract.phrases import is_citation

__all__ = ["known_genders", "main_person", "most_named", "other_gender_after", "person_key_at",
           "person_mentions", "subject_named_after", "topic_person", "unknown_name_says"]


def _gender(ent_start: Token) -> str | None:
    """The gender an honorific before a name states ("Ms Almao" -> "f"), else None."""
    doc = ent_start.doc
    for i in (ent_start.i, ent_start.i - 1):
        if i < 0:
            continue
        word = doc[i].lower_.rstrip(".")
        if word in FEMALE_HONORIFICS:
            return "f"
        if word in MALE_HONORIFICS:
            return "m"
    return None


_PEOPLE_CACHE = "kg.coref_people"
_SUBJECTS = ("nsubj", "nsubjpass")
#: How a clause or phrase put before its sentence's subject hangs on the main verb.
_FRONTED = ("advcl", "prep", "npadvmod")


def person_mentions(doc) -> tuple[list[int], list[tuple[int, str, Token]], dict[str, set[str]]]:
    """The document's person mentions, once: starts, ``(end, key, root)`` and genders by key.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Ms Almao met Yasser Arafat. Later Mr Arafat left.")
    >>> starts, mentions, genders = person_mentions(doc)
    >>> starts, [key for _end, key, _root in mentions], genders["almao"]
    ([0, 3, 8], ['almao', 'yasser arafat', 'yasser arafat'], {'f'})
    """
    return once_per_doc(doc, _PEOPLE_CACHE, lambda: _find_mentions(doc))


def _find_mentions(doc) -> tuple[list[int], list[tuple[int, str, Token]], dict[str, set[str]]]:
    found: list[tuple[int, int, str, Token]] = []
    genders: dict[str, set[str]] = {}
    for start, end, label, root_i in entity_table(doc):  # doc.ents would make Spans again
        if label != "PERSON":
            continue
        root = doc[root_i]
        key = person_key(root)
        if key is None:
            continue
        gender = _gender(doc[start])
        if gender:
            genders.setdefault(key, set()).add(gender)
        found.append((start, end, key, root))
    index = person_names(doc)
    proper = doc.to_array(POS)  # plain data: only the proper nouns become Tokens
    for i in numpy.flatnonzero(proper == PROPN):
        token = doc[int(i)]
        # A surname the recogniser typed otherwise or missed ("the legend of Galois", read
        # as a place) still names that person: a rival, or the antecedent.
        if token.ent_type_ != "PERSON" and not is_citation(token):
            surname = token.lower_.replace(".", "")
            known = surname in index["suffixes"]  # type: ignore[operator]
            full = full_names(surname, index)[0] if known else set()
            if full:
                key = next(iter(full)) if len(full) == 1 else f"{token.lower_} ?"
                found.append((token.i, token.i + 1, key, token))
    found.sort(key=lambda entry: entry[:2])
    starts = [start for start, _end, _key, _root in found]
    mentions = [(end, key, root) for _start, end, key, root in found]
    return starts, mentions, genders


_TOPIC_CACHE = "kg.coref_topic"
#: The fewest pronouns of one gender a document must have for its topic person to be taken
#: as their antecedent: a travel guide to Fort Lee (a place the recogniser calls a person)
#: says "he" twice, of George Washington.
_TOPIC_PRONOUNS = 3


def topic_person(doc, gender: str) -> Token | None:
    """The person a document is about, for a "he" or "she" with no one named in reach.

    That is the one person named in the document's first sentence (its title or lead), or,
    when that sentence is a heading that names no one ("Final days"), the person named three
    times or more and twice as often as anyone else who is the subject of some clause (not
    a photographer named only in credit lines, "Image: Nick Moreau"), when
    at least half of the document's person mentions are of that person or they are named
    at least twice as often as anyone else (a biography of an actor names many actors once
    or twice), and its pronouns of that gender are at least three and outnumber the other
    gender's at least two to one (a biography of Matthew Goode says "he" of him, and names
    his family now and then; a travel guide to Fort Lee, read as a person, says "he" twice,
    of George Washington); else None.
    """
    root, major = once_per_doc(doc, _TOPIC_CACHE, lambda: _topic(doc))
    return root if major == gender else None


def _topic(doc) -> tuple[Token | None, str | None]:
    """``(name token, gender)`` of the document's topic person, or ``(None, None)``."""
    starts, mentions, _genders = person_mentions(doc)
    first = next(iter(doc.sents), None)
    keys = Counter(key for _end, key, _root in mentions)
    opening: dict[str, Token] = {}
    for start, (_end, key, root) in zip(starts, mentions):
        if first is not None and start < first.end:
            opening.setdefault(key, root)  # its first mention: the name in full
    counts = Counter("m" if lower in MALE_PRONOUNS else "f" for lower in token_lowers(doc)
                     if lower in MALE_PRONOUNS or lower in FEMALE_PRONOUNS)
    if not opening and first is not None:
        # the first sentence is a heading that names no one ("Final days", "Early life"):
        # the person the document names most, three times or more and twice as often as
        # anyone else, and the subject of a clause somewhere (not a photographer named
        # only in credit lines, "Image: Nick Moreau"), is who it is about, if anyone
        key = _main_key(keys)
        named = [root for _end, other, root in mentions if other == key]
        if named and any(root.dep_ in _SUBJECTS for root in named):
            opening[key] = named[0]
    if len(opening) == 1:
        (key, root), = opening.items()
        others = [count for other, count in keys.items() if other != key]
        if 2 * keys[key] >= sum(keys.values()) or keys[key] >= 2 * max(others, default=0):
            major = max(counts, key=lambda g: counts[g], default=None)
            if major and counts[major] >= max(_TOPIC_PRONOUNS,
                                              2 * counts["f" if major == "m" else "m"]):
                return root, major
    return None, None


def person_key_at(token: Token) -> str | None:
    """The key of the person ``token`` names: one of the document's person mentions, whatever
    type the recogniser gave this one ("L'Enfant was recruited", read as an organisation), or
    a name typed as a person; else None.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Ms Almao met Yasser Arafat. Later Mr Arafat left.")
    >>> person_key_at(doc[8]), person_key_at(doc[2])
    ('yasser arafat', None)
    """
    starts, mentions, _genders = person_mentions(token.doc)
    n = bisect.bisect_right(starts, token.i) - 1
    while n >= 0 and mentions[n][0] > token.i:
        if mentions[n][2].i == token.i:
            return mentions[n][1]
        n -= 1
    return person_key(token) if token.ent_type_ == "PERSON" else None


_GENDERS_CACHE = "kg.coref_genders"


def known_genders(doc) -> dict[str, set[str]]:
    """The genders of the document's people by key: what their honorifics say
    (:func:`person_mentions`), except that the person the document is about has the gender
    of its pronouns (:func:`topic_person`) even where an honorific said otherwise of a
    mention keyed to them: a biography of Jenna Marbles that says "she" 32 times names a dog
    toy "Mr. Marbles"."""
    return once_per_doc(doc, _GENDERS_CACHE, lambda: _known_genders(doc))


def _known_genders(doc) -> dict[str, set[str]]:
    genders = {key: set(found) for key, found in person_mentions(doc)[2].items()}
    for gender in ("m", "f"):
        topic = topic_person(doc, gender)
        if topic is not None:
            genders[person_key(topic) or ""] = {gender}
    return genders


def most_named(doc) -> str | None:
    """The key of the person the document names most often, when one is named more often
    than any other."""
    counts = Counter(key for _end, key, _root in person_mentions(doc)[1]).most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] == counts[1][1]):
        return None
    return counts[0][0]


def main_person(doc) -> str | None:
    """The key of the person a document is mostly about: named at least three times and
    twice as often as anyone else, wherever it names them first.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Ms Almao met Yasser Arafat. Mr Arafat left. Arafat returned.")
    >>> main_person(doc), most_named(doc)
    ('yasser arafat', 'yasser arafat')
    """
    return _main_key(Counter(key for _end, key, _root in person_mentions(doc)[1]))


def _main_key(keys: Counter) -> str | None:
    """The key named at least three times and twice as often as any other, else None."""
    counts = keys.most_common(2)
    if not counts or counts[0][1] < 3 or (len(counts) == 2 and counts[0][1] < 2 * counts[1][1]):
        return None
    return counts[0][0]


def subject_named_after(token: Token) -> str | None:
    """The key of the person named by the main subject of ``token``'s sentence when that
    subject comes after ``token``: a pronoun before it, in a clause put first ("After he won
    the race, Smith said"), may mean that person, whom the text names only then; not a
    reported clause before its speaker ('"he was in the area," Stufflebeem said'); else None.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("When he arrived in Sydney, John Howard spoke to reporters.")
    >>> subject_named_after(doc[1])
    'john howard'
    """
    root = token.sent.root
    main = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    if main is None or main.i < token.i:
        return None
    node = token
    while node.head.i != root.i and node.head.i != node.i:
        node = node.head
    if node.dep_ not in _FRONTED:
        return None  # '"... he was in the area," Stufflebeem said': a speaker, not cataphora
    return person_key_at(main)


def unknown_name_says(token: Token) -> bool:
    """True when ``token`` is the subject of what a name says or thinks, and that name is no
    person the document names: "The Wilderness Society's Lyndon Schneiders says he hopes",
    Schneiders read as an organisation, is Schneiders, not the one man named before."""
    if token.dep_ not in _SUBJECTS or token.head.dep_ != "ccomp":
        return False
    verb = token.head.head
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    return subject is not None and subject.i < token.i and subject.pos_ == "PROPN" and (
        person_key_at(subject) is None)


def other_gender_after(mention: Token, wanted: str) -> bool:
    """True when a subject pronoun of the gender other than ``wanted`` follows ``mention`` in
    its sentence, which names no one else: that pronoun may well be the person named, whose
    gender is then not ``wanted``."""
    others = FEMALE_PRONOUNS if wanted == "m" else MALE_PRONOUNS
    sent = mention.sent
    starts, mentions, _genders = person_mentions(mention.doc)
    key = person_key_at(mention)
    if any(mentions[n][1] != key for n in range(bisect.bisect_left(starts, sent.start),
                                                bisect.bisect_left(starts, sent.end))):
        return False
    return any(t.lower_ in others and t.dep_ in _SUBJECTS for t in mention.doc[mention.i:sent.end])
