"""Misreadings: shapes of a construction that say something other than the rule reads.

A rule reads a construction from the parse; some shapes of that construction say something
else. Two names side by side ("Florence Place, Florence Avenue") are two things, not one
named twice; a name before a colon ("Image: Danny Newman", "IATA: TUL") is a label and its
value; a bracket after a player ("Christophe Dominici (Stade Francais)") names his club. Each
test here is one such shape (its docstring shows a sentence of it), a row of
:data:`extract.vetoes.GRAPH_VETOES`, which drops the graph fact and names why (``kg
explain`` prints the name). Every test reads a few tokens around the fact's arguments and
compares them by index; none walks further than the sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.clauses import conjuncts
from extract.lexicon import (
    CLOSE_BRACKETS,
    LABEL_SEPARATORS,
    NOT_REFERENT_TYPES,
    OPEN_BRACKETS,
    QUOTE_MARKS,
)
from extract.records import Fact

__all__ = [
    "after_label",
    "numbers_or_dates",
    "names_side_by_side",
    "bracketed_affiliation",
    "past_a_list",
    "past_a_name",
    "substitution",
    "title_read_as_clause",
]

_NAMES = frozenset({"PROPN"})


def _apposition(fact: Fact) -> Token:
    """The token that bears the ``appos`` label: the object, or the list it is a member of."""
    appos = fact.object
    for _ in range(len(appos.doc)):
        if appos.dep_ != "conj" or appos.head.i == appos.i:
            break
        appos = appos.head
    return appos


def _between(fact: Fact) -> range:
    """Indices of the tokens between the apposition's anchor and the apposition."""
    return range(fact.subject.i + 1, _apposition(fact).left_edge.i)


def _opening(appos: Token) -> Token | None:
    """The first token before the apposition's words that is not a quote mark, if any."""
    doc = appos.doc
    start = appos.left_edge.i
    while start < appos.i and (doc[start].is_punct or doc[start].text in QUOTE_MARKS):
        start += 1
    for i in range(start - 1, max(-1, start - 4), -1):
        if doc[i].text not in QUOTE_MARKS:
            return doc[i]
    return None


def _bracketed(appos: Token) -> bool:
    opening = _opening(appos)
    return opening is not None and opening.text in OPEN_BRACKETS


def _bracket_words(appos: Token) -> range:
    """Indices of the tokens inside the bracket the apposition opens, up to its closing one
    or the end of the sentence (empty when the apposition is not bracketed)."""
    opening = _opening(appos)
    if opening is None or opening.text not in OPEN_BRACKETS:
        return range(0)
    end = appos.sent.end
    for i in range(opening.i + 1, end):
        if appos.doc[i].text in CLOSE_BRACKETS:
            return range(opening.i + 1, i)
    return range(opening.i + 1, end)


def _name_like(token: Token) -> bool:
    """A proper noun, or a short abbreviation the tagger did not call one ("OK", "KS")."""
    return token.pos_ in _NAMES or (token.text.isupper() and token.text.isalpha()
                                    and len(token.text) <= 3)


def after_label(fact: Fact) -> bool:
    """A colon or semicolon between the phrase and its apposition: a heading and its
    subtitle, a caption, a label and its value, or the next item of a list ("The Use of
    Cognitive Digital Games in School: Contributions to Attention", "Image: Danny Newman",
    "IATA: TUL", "DKK; Depth: 2m")."""
    doc = fact.subject.doc
    return any(doc[i].text in LABEL_SEPARATORS for i in _between(fact))


def numbers_or_dates(fact: Fact) -> bool:
    """A date, time or amount on either side ("Tuesday, March 8", "Marstal, 25 minutes"),
    or a number in a bracketed apposition: a citation ("source material (Martin, 2000)"), a
    figure ("(Figure 2)"), a measure ("24°C (75°F)")."""
    appos = _apposition(fact)
    if fact.subject.ent_type_ in NOT_REFERENT_TYPES or appos.ent_type_ in NOT_REFERENT_TYPES:
        return True
    # Only in brackets: "the newest markup language HTML 5" has a version in its name.
    doc = appos.doc
    return any(any(ch.isdigit() for ch in doc[i].text) for i in _bracket_words(appos))


def names_side_by_side(fact: Fact) -> bool:
    """Two proper names, the second neither bracketed nor introduced by a determiner: a
    place and its region ("Brooklyn, New York", "Vinita, OK"), an address, or two members of
    a list ("Sweden, Belgium, England win") -- not one thing named twice. A second name in
    brackets ("Masjid Al-Haram (Grand Mosque)") or with "the" ("Sydfynske Øhav, the South
    Funen Archipelago") stays an apposition."""
    appos = _apposition(fact)
    head = fact.subject
    if fact.predicate != "be" or head.pos_ not in _NAMES or not _name_like(appos) or (
            _bracketed(appos)):
        return False  # (Brooklyn, be in, New York) is what "Brooklyn, New York" says
    if appos.ent_type_ == "PERSON" and any(c.dep_ == "det" for c in head.lefts) and not any(
            c.dep_ == "compound" for c in head.lefts):
        return False  # a title and the person who holds it: "the Regent, Tsarevna Sophia"
    return not any(c.dep_ == "det" for c in appos.lefts)


def bracketed_affiliation(fact: Fact) -> bool:
    """A person's name with another kind of name in brackets: his club, party, country or
    town ("Christophe Dominici (Stade Francais)", "Kevin Morgan (Newport)"), not a second
    name of his."""
    appos = _apposition(fact)
    head = fact.subject
    if appos.pos_ not in _NAMES or appos.ent_type_ == "PERSON" or not _bracketed(appos):
        return False
    # A person, or a name in a list of people ("Christophe Dominici (Stade Francais),
    # Aurelien Rougerie (Clermont) and ...", where the recogniser missed the first).
    if not any(t.ent_type_ == "PERSON" for t in conjuncts(head)):
        return False
    # "Natsuko Higuchi (Higuchi Natsuko)": a name written the other way round is the same
    # person's.
    start = appos.left_edge.i
    words = {t.lower_ for t in head.subtree if t.pos_ in _NAMES and t.i < start}
    return not any(t.lower_ in words for t in appos.subtree if t.pos_ in _NAMES)


def past_a_list(fact: Fact) -> bool:
    """The phrase's own list runs between it and the apposition: the apposition belongs to
    a later member ("Newark Airport, LaGuardia Airport, Teterboro (general aviation only)"
    is not "Newark Airport (general aviation)")."""
    appos = _apposition(fact)
    return any(c.dep_ in ("conj", "cc") and c.i < appos.i for c in fact.subject.rights)


def past_a_name(fact: Fact) -> bool:
    """A prepositional phrase ending in a name stands between the phrase and its
    description: the description is of the nearer name ("members of the Society, a group of
    veterans", "the badge of the Society of the Cincinnati, an organization of officers"),
    which the parse did not see."""
    appos = _apposition(fact)
    if not any(c.dep_ == "det" for c in appos.lefts) or appos.pos_ in _NAMES:
        return False
    doc = appos.doc
    return any(doc[i].dep_ == "pobj" and doc[i].pos_ in _NAMES and doc[i].head.dep_ == "prep"
               for i in _between(fact))


def substitution(fact: Fact) -> bool:
    """A name "for" a name: one player coming on for another ("two changes, Sutton for
    Maloney"), which names a substitution, not the player."""
    obj = fact.object
    return obj.pos_ in _NAMES and any(
        c.dep_ == "prep" and c.lower_ == "for" and any(o.pos_ in _NAMES for o in c.children)
        for c in obj.rights)


def title_read_as_clause(fact: Fact) -> bool:
    """A capitalised verb inside a sentence that borrows its subject: the first word of a
    title ("nominated for Being Julia", "Takekurabe ('Comparing Heights')"), read as a clause
    about whoever is nearby. A capital after an opening quote counts only when the quote is
    short and not followed by a comma (a quoted sentence: '"Taking it further," he said')."""
    clause = fact.clause
    if clause is None or clause.borrowed is None:
        return False
    verb = clause.verb
    if not verb.text[:1].isupper() or verb.i == verb.sent.start or verb.is_sent_start:
        return False
    doc = verb.doc
    before = doc[verb.i - 1]
    if before.is_punct and before.text not in QUOTE_MARKS:
        return before.text in OPEN_BRACKETS
    if before.text in QUOTE_MARKS:
        end = min(verb.i + 7, verb.sent.end)
        close = next((i for i in range(verb.i + 1, end) if doc[i].text in QUOTE_MARKS), None)
        return close is not None and (close + 1 >= len(doc) or doc[close + 1].text != ",")
    return True
