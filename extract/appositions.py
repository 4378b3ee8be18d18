"""Appositions that name no identity: shapes where the second phrase is not the first again.

An apposition reads as (phrase, be, apposition): one thing named twice ("Mozilla Firefox,
its main rival"). Some shapes the parser labels ``appos`` are something else: the last
member of a list ("the constitutional value of dignity, equality, fraternity"), a contrast
("the greater producer of wealth, not oil"), a noun of another number, which cannot be the
same thing ("a family of Aberdeenshire, holders of the small estate"), the subject of the
clause that follows ("at the University of Paris, Johann, unable to bear ..., banned
Daniel"), words inside a quoted title, or a comment on a whole clause ("made from scratch,
a fantastic display of craftsmanship"). Each test below is one shape, a row of
:data:`extract.vetoes.GRAPH_VETOES` named ``apposition_...``; the helpers at the top find
the apposition's words and brackets for :mod:`extract.misreadings` too. Every test reads a
few tokens around the two phrases and compares them by index.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.lexicon import (
    ARTICLES,
    CLOSE_BRACKETS,
    CLOSING_QUOTES,
    DASHES,
    DOUBLE_QUOTES,
    INDEFINITE_ARTICLES,
    LIST_AND,
    OPEN_BRACKETS,
    OPENING_QUOTES,
    QUOTE_MARKS,
    SINGULAR_DETERMINERS,
)
from extract.records import Fact

__all__ = [
    "apposition_of",
    "words_between",
    "opening",
    "bracketed",
    "bracket_words",
    "APPOSITION_SHAPES",
    "another_number",
    "contrast",
    "end_of_a_list",
    "subject_of_the_clause",
    "inside_a_quotation",
    "comment_on_a_clause",
    "object_of_a_verb",
    "numbered_part",
    "place_of_an_address",
    "bracketed_gloss",
]

#: Tags of finite verbs: a clause with one and no subject is missing its subject.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
#: Punctuation that sets an apposition apart from its phrase.
_SETTING_APART = frozenset({",", ":", ";"}) | OPEN_BRACKETS | DASHES


def apposition_of(fact: Fact) -> Token:
    """The token that bears the ``appos`` label: the object, or the list it is a member of."""
    appos = fact.object
    for _ in range(len(appos.doc)):
        if appos.dep_ != "conj" or appos.head.i == appos.i:
            break
        appos = appos.head
    return appos


def words_between(fact: Fact) -> range:
    """Indices of the tokens between the apposition's anchor and the apposition."""
    return range(fact.subject.i + 1, apposition_of(fact).left_edge.i)


def opening(appos: Token) -> Token | None:
    """The first token before the apposition's words that is not a quote mark, if any."""
    doc = appos.doc
    start = appos.left_edge.i
    while start < appos.i and (doc[start].is_punct or doc[start].text in QUOTE_MARKS):
        start += 1
    for i in range(start - 1, max(-1, start - 4), -1):
        if doc[i].text not in QUOTE_MARKS:
            return doc[i]
    return None


def bracketed(appos: Token) -> bool:
    """True when a bracket opens right before the apposition's words ("erythema (sunburn)")."""
    found = opening(appos)
    return found is not None and found.text in OPEN_BRACKETS


def bracket_words(appos: Token) -> range:
    """Indices of the tokens inside the bracket the apposition opens, up to its closing one
    or the end of the sentence (empty when the apposition is not bracketed)."""
    found = opening(appos)
    if found is None or found.text not in OPEN_BRACKETS:
        return range(0)
    end = appos.sent.end
    for i in range(found.i + 1, end):
        if appos.doc[i].text in CLOSE_BRACKETS:
            return range(found.i + 1, i)
    return range(found.i + 1, end)


def _apposition_pair(fact: Fact) -> tuple[Token, Token] | None:
    """(phrase, apposition) of an apposition fact, else None."""
    if fact.construction != "apposition":
        return None
    return fact.subject, apposition_of(fact)


def _number(noun: Token) -> str | None:
    """``plural`` or ``singular`` when a common noun or a one-word name shows it, else None:
    a capitalised plural ("Troubled Waters", "the Chatham Islands") is a name of one thing,
    and a list joined by "and" ("John and Mary") is plural whatever its members."""
    if any(c.dep_ == "conj" for c in noun.rights) and any(
            c.dep_ == "cc" and c.lower_ in LIST_AND for c in noun.rights):
        return "plural"
    if noun.tag_ == "NNS" and noun.text[:1].islower():
        return "singular" if any(
            c.dep_ == "det" and c.lower_ in SINGULAR_DETERMINERS for c in noun.lefts
        ) else "plural"
    return "singular" if noun.tag_ in ("NN", "NNP") else None


def another_number(fact: Fact) -> bool:
    """One phrase plural, the other singular: they cannot be one thing. The apposition is
    one member of the plural ("the islands Grande Terre and far away Basse Terre"), or
    describes another noun ("a family of Aberdeenshire, holders of the small estate"). A
    bracket may gloss a word of another language, whatever its number ("taonga
    (treasures)")."""
    pair = _apposition_pair(fact)
    if pair is None or bracketed(pair[1]):
        return False
    first, second = _number(pair[0]), _number(pair[1])
    return first is not None and second is not None and first != second


def contrast(fact: Fact) -> bool:
    """"X, not Y" says X is not Y ("brains is the greater producer of wealth, not oil"), and
    "no X, no Y" names nothing ("no sneakers, no shorts")."""
    pair = _apposition_pair(fact)
    if pair is None:
        return False
    head, appos = pair
    doc = head.doc
    if any(doc[i].dep_ == "neg" and doc[i].head.i in (head.i, appos.i)
           for i in range(head.i + 1, appos.i)):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for t in pair for c in t.lefts)


def end_of_a_list(fact: Fact) -> bool:
    """The apposition continues a list the phrase holds or is a member of: "the
    constitutional value of dignity, equality, fraternity" is no (value, be, fraternity),
    and two bare plurals side by side ("Audio-visual displays, detailed exhibits") are two
    kinds of thing."""
    pair = _apposition_pair(fact)
    if pair is None:
        return False
    head, appos = pair
    doc = head.doc
    between = words_between(fact)
    if any(doc[i].dep_ == "conj" and doc[i].head.i in between for i in between):
        return True
    bare = all(t.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod") for c in t.lefts) for t in pair)
    return bare and any(doc[i].text == "," for i in between)


def subject_of_the_clause(fact: Fact) -> bool:
    """A name after a phrase of a fronted preposition, before a finite verb with no subject:
    the name is that verb's subject ("Upon ... tying for first place in a contest at the
    University of Paris, Johann, unable to bear the shame, banned Daniel": Johann banned
    him, and is no university)."""
    pair = _apposition_pair(fact)
    if pair is None:
        return False
    head, appos = pair
    if appos.pos_ != "PROPN" or head.dep_ != "pobj":
        return False
    node = head
    for _ in range(len(head.doc)):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.tag_ in _FINITE:
            break
    else:
        return False
    if node.tag_ not in _FINITE or node.dep_ == "conj" or node.i < appos.i:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in node.children)


def _quotation_start(doc, end: int, start: int) -> int | None:
    """Index of the double quote that opens a quotation still open at token ``end``, counted
    from token ``start`` (straight quotes pair up; curly ones open and close), else None."""
    opened: int | None = None
    for i in range(start, end):
        text = doc[i].text
        if text == '"':
            opened = i if opened is None else None
        elif text in OPENING_QUOTES:
            opened = i
        elif text in CLOSING_QUOTES:
            opened = None
    return opened


def inside_a_quotation(fact: Fact) -> bool:
    """Both phrases inside one quoted title: the apposition is a part of the title ('author
    of "The History of Peter the Great, Emperor of Russia"'), not the text's own naming of
    anything. A quoted sentence, with a verb, keeps its appositions ('asked: "Were you
    subject to ... modern slavery (severe exploitation ...)"')."""
    pair = _apposition_pair(fact)
    if pair is None:
        return False
    head, appos = pair
    doc = head.doc
    start = _quotation_start(doc, head.i, head.sent.start)
    if start is None:
        return False
    end = appos.right_edge.i + 1
    return not any(doc[i].text in DOUBLE_QUOTES for i in range(head.i + 1, end)) and not any(
        doc[i].pos_ in ("VERB", "AUX") for i in range(start + 1, end))


def comment_on_a_clause(fact: Fact) -> bool:
    """A bare singular noun after a preposition ("from scratch", "by hand") refers to no one
    thing; "a ..." after it comments on the whole clause ("elements made from scratch, a
    fantastic display of craftsmanship"), it does not rename the noun."""
    pair = _apposition_pair(fact)
    if pair is None:
        return False
    head, appos = pair
    if head.tag_ != "NN" or head.dep_ != "pobj" or any(
            c.dep_ not in ("punct", "appos") for c in head.children):
        return False
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES for c in appos.lefts)


def object_of_a_verb(fact: Fact) -> bool:
    """A phrase opened by a lower-case "the", "a" or "an" right after a noun, nothing but a
    quote between them: the object of a verb the tagger read as a noun ("you have to 'force
    feed' the ROS"). An apposition is set apart by a comma, a bracket or a dash, or is a
    name with no article ("the romantic comedy Chasing Liberty", "the series The Crown")."""
    pair = _apposition_pair(fact)
    if pair is None:
        return False
    head, appos = pair
    doc = head.doc
    if any(doc[i].text in _SETTING_APART or not doc[i].is_punct for i in words_between(fact)):
        return False
    first = appos.left_edge
    return first.dep_ == "det" and first.head.i == appos.i and first.lower_ in ARTICLES and (
        first.text.islower())


def numbered_part(fact: Fact) -> bool:
    """A numbered noun with no article after a comma names a part of the phrase, not the
    phrase ("season 2 of Epic Rap Battles of History, episode 13")."""
    pair = _apposition_pair(fact)
    if pair is None:
        return False
    head, appos = pair
    doc = head.doc
    return appos.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in appos.rights) and not any(
        c.dep_ in ("det", "poss") for c in appos.lefts) and any(
            doc[i].text == "," for i in words_between(fact))


def place_of_an_address(fact: Fact) -> bool:
    """A bracket after a street and its number says where the address is ("Vindebyørevej
    42 (Taasinge)", "319 S. Denver (downtown)"), not another name of it."""
    pair = _apposition_pair(fact)
    if pair is None:
        return False
    head, appos = pair
    return head.pos_ == "PROPN" and bracketed(appos) and any(
        c.dep_ == "nummod" and c.like_num for c in head.children)


def bracketed_gloss(fact: Fact) -> bool:
    """One bare common noun in brackets after a name glosses the word, it does not name the
    thing again: "the dwellers of Łódź (łodzianin (man) łodzianka (woman) ...)" is no
    (łodzianin, be, man)."""
    pair = _apposition_pair(fact)
    if pair is None:
        return False
    head, appos = pair
    doc = appos.doc
    return head.pos_ == "PROPN" and appos.pos_ == "NOUN" and bracketed(appos) and all(
        i == appos.i or doc[i].is_punct for i in bracket_words(appos))


#: The tests of this module as (veto name, test), in the order :mod:`extract.vetoes` tries
#: them.
APPOSITION_SHAPES = (
    ("apposition_of_another_number", another_number),
    ("apposition_in_contrast", contrast),
    ("apposition_ends_a_list", end_of_a_list),
    ("apposition_is_the_subject", subject_of_the_clause),
    ("apposition_inside_a_quotation", inside_a_quotation),
    ("apposition_comments_on_a_clause", comment_on_a_clause),
    ("apposition_is_an_object", object_of_a_verb),
    ("apposition_numbers_a_part", numbered_part),
    ("apposition_places_an_address", place_of_an_address),
    ("apposition_is_a_gloss", bracketed_gloss),
)
