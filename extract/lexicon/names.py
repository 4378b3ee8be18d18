"""Words about names and what they name: honorifics, person and kinship nouns, designators
and legal forms, naming phrases, kinds of description, and sets of spaCy's named-entity types.

Part of :mod:`extract.lexicon` (import the lists from there).
"""

from __future__ import annotations

__all__ = [
    "HONORIFICS", "FEMALE_HONORIFICS", "MALE_HONORIFICS", "ROLE_WORDS", "PERSON_NOUNS",
    "FEMALE_NOUNS", "MALE_NOUNS", "KINSHIP_NOUNS", "ONE_RELATIVE_NOUNS", "CHILD_NOUNS",
    "INSTITUTIONS", "MONTHS", "POSSESSIVE_MARKS", "POST_NOMINALS", "NAME_END_WORDS",
    "DESIGNATORS", "LEGAL_FORMS", "ALIAS_BETWEEN", "OTHER_NAME_NOUNS", "OTHER_NAME_MODIFIERS",
    "NAMING_PHRASES", "DESCRIPTION_KINDS", "WORK_KINDS", "MAYBE_WORK_TYPES", "LANGUAGE_VERBS",
    "LANGUAGE_PREPS", "CONTEST_VERBS", "CONTEST_PREPS", "NAME_TYPES", "LINKED_TYPES", "DESCRIBED_TYPES", "NUMERIC_TYPES",
    "TIME_TYPES", "NOT_REFERENT_TYPES", "NAMED_REFERENT_TYPES", "NOT_NAME_TYPES",
    "SHORT_NAME_TYPES", "PLACE_TYPES", "AFFILIATION_TYPES", "REGION_TYPES", "AGENT_TYPES",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- Names, titles, people ----------------------------------------------------------------------

HONORIFICS = _words(
    "mr mrs ms miss mx mister madam madame mme mlle messrs dr prof professor sir dame lord "
    "lady rev reverend hon herr"
)
"""Honorifics, lower case without a full stop: never part of a name or a label, never a node
("Mr Williams" is ``williams`` with honorific ``Mr``)."""

FEMALE_HONORIFICS = _words("mrs ms miss madam madame mme mlle dame lady")
"""Honorifics that say a person is a woman ("Ms Almao" is no antecedent of "he")."""

MALE_HONORIFICS = _words("mr mister sir lord herr messrs")
"""Honorifics that say a person is a man."""

ROLE_WORDS = _words(
    "president vice prime minister premier chancellor secretary senator sen governor gov "
    "mayor judge justice chief general gen colonel col major lieutenant lt captain capt "
    "commander admiral sergeant sgt corporal detective inspector constable officer "
    "commissioner ambassador king queen prince princess pope bishop archbishop cardinal "
    "sheikh ayatollah imam rabbi chairman chairwoman spokesman spokeswoman treasurer "
    "attorney director deputy acting former leader candidate coach emperor empress tsar "
    "czar tsarina tsarevna tsarevich kaiser sultan emir shah pharaoh"
)
"""Words of a role title that spaCy's NER sometimes puts inside a person's name ("President
Robert Mugabe", "Senator Ridgeway"): stripped from the front of a name and kept as the
person's ``role``; a bare role noun ("the Prime Minister") is a node of its document."""

PERSON_NOUNS = _words(
    "man woman boy girl child baby person people father mother mum mom dad son daughter "
    "husband wife brother sister uncle aunt friend captain pilot driver minister president "
    "premier leader senator spokesman spokeswoman official officer policeman soldier judge "
    "lawyer doctor nurse teacher student worker farmer victim suspect gunman bomber "
    "attacker priest bishop king queen prince princess chairman director manager chief "
    "executive founder entrepreneur researcher scientist analyst expert author writer "
    "reporter journalist candidate governor mayor ambassador secretary commissioner "
    "inspector detective prisoner detainee refugee pilgrim player coach member citizen "
    "resident spokeswoman chairwoman colleague militant deputy staffer envoy negotiator"
)
"""Common nouns that denote people: never an antecedent of "it", and a rival antecedent of
"he"/"she" (so "the captain ... he" beside a named person is left unresolved)."""

FEMALE_NOUNS = _words(
    "woman girl mother mum mom daughter wife sister aunt queen princess spokeswoman "
    "chairwoman")
"""Person nouns of women: no rival antecedent of "he"."""

MALE_NOUNS = _words(
    "man boy father dad son husband brother uncle king prince spokesman chairman policeman "
    "gunman")
"""Person nouns of men: no rival antecedent of "she"."""

KINSHIP_NOUNS = _words(
    "father mother son daughter brother sister husband wife widow widower uncle aunt nephew "
    "niece cousin grandfather grandmother grandson granddaughter parent stepfather "
    "stepmother stepson stepdaughter sibling"
)
"""Nouns of a family tie: a name they govern ("second son of Pierre L'Enfant", "his father,
Mr Smith") is a relative, who shares a surname or a first and last name with the person the
document is about and is not them (``kinship``)."""

ONE_RELATIVE_NOUNS = _words("father mother husband wife")
"""Family ties one has one of at a time: "his father" named once ("his father, Johann") is
that person where the text says "his father" again (``kinship_description``)."""

CHILD_NOUNS = _words("son daughter child")
"""Nouns of a child: "Daniel was a son of Johann Bernoulli" names his father
(``kinship_description``)."""

INSTITUTIONS = _words(
    "government opposition parliament cabinet coalition administration army military navy "
    "police council court ministry department senate house committee commission party "
    "treasury church"
)
"""Organisations the recogniser types by one capitalised common noun: "the Government" of an
Israeli story is not the one of an Australian story, so alone it is a node of its document."""

MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
"""Month names: a date with one is a point of the calendar ("September 11"), a node of the
corpus; "Monday" is not."""

POSSESSIVE_MARKS = ("'s", "'", "\u2019s")
"""Possessive endings taken off a person's name ("Arafat's" is Arafat)."""

POST_NOMINALS = _words("frs frse frsc obe mbe cbe kbe dbe phd md qc kc mp esq")
"""Letters written after a name that are no part of it ("Daniel Bernoulli FRS")."""

NAME_END_WORDS = _words("of the and de von van in at for")
"""Words a recognised name never ends with ("Patrick Leopold Gordon of Auchleuchries", where
the recogniser stopped after "of")."""

DESIGNATORS = _words(
    "island isle archipelago mountain river lake bay valley county analytics inc ltd llc plc "
    "corp corporation co company group holdings industries technologies technology systems "
    "labs laboratories partners airlines airways motors media networks")
"""Words that say what kind of organisation or place a name is, not which one: "Kestrel"
is the short name of "Kestrel Analytics" (rule ``short_name``)."""

LEGAL_FORMS = _words("inc incorporated ltd llc plc corp co pty gmbh ag sa nv bv spa")
"""Abbreviations of a company's legal form after its name, which say nothing of which
company it is: "Microsoft Corp." and "Microsoft" are one (rule ``legal_form``)."""

ALIAS_BETWEEN = _words("also better commonly locally often is was are were sometimes")
"""Words between a name and the words that give it another: "Tulsa is also called"."""

OTHER_NAME_NOUNS = _words("pseudonym pen stage nickname alias name")
"""Nouns for another name of a person: "better known by her pseudonym Jenna Marbles", "was a
pen name of Japanese author Natsu Higuchi" (rule ``defined_alias``)."""

OTHER_NAME_MODIFIERS = _words("pen stage")
"""Words that make "name" another name of a person: "a pen name", "her stage name"."""

NAMING_PHRASES = (("known", "as"), ("nicknamed",), ("called",), ("dubbed",))
"""Words that give a name another one: "known as", "nicknamed", "also called", "dubbed"
(rule ``defined_alias``)."""

DESCRIPTION_KINDS: dict[str, frozenset[str]] = {
    "city": _words("city town village capital municipality metropolis"),
    "country": _words("country nation"),
    "organisation": _words(
        "company firm corporation organization organisation party club band university "
        "publisher newspaper magazine airline bank charity agency"),
    # works: one kind per sort, so "the film" is never the novel it was based on
    "film": _words("film movie"),
    "series": _words("series show sitcom"),
    "book": _words("book novel"),
    "episode": _words("episode"),
    "song": _words("song"),
    "album": _words("album"),
    "comedy": _words("comedy"),
    "drama": _words("drama"),
}
"""Head nouns of definite descriptions, by the kind of name they can stand for: "the city"
a city named before it, "the company" an organisation, "the film" a film (a name the text
introduces with the noun, "the romantic comedy Chasing Liberty", or says is one, "X is a
film"; a name the recogniser types WORK_OF_ART, of no sort said, is a rival of every sort)
(:mod:`extract.descriptions`). "Game" is in none: "the game" is a match as often as a work.
Events ("the festival", "the war") are in none: the recogniser's EVENT says no sort of
event, and a name that ends with the noun ("the Taipei City Lantern Festival") is already
what "the festival" stands for by its last word. Nouns that head names of their own
("society", "academy", "institute", "association", "journal") are in none either: "the
society" is "the Linguistic Society of America" by its last word, where every organisation
named around it would be a rival of a kind."""

WORK_KINDS = frozenset({"film", "series", "book", "episode", "song", "album", "comedy", "drama"})
"""The kinds of :data:`DESCRIPTION_KINDS` that are sorts of work: a name the recogniser
types WORK_OF_ART, with no sort the text says, may be any of them, so it is a rival of each
and a candidate of none."""

LANGUAGE_VERBS = _words("speak write learn teach translate know study understand read master")
"""Verbs whose object, when it is a nationality word, is a language ("speaks French")."""

LANGUAGE_PREPS = _words("in into")
"""Prepositions before a nationality word that make it a language ("wrote in French")."""

CONTEST_VERBS = _words(
    "beat defeat draw play lose win score face thrash edge overcome eliminate tie concede "
    "trail lead")
"""Verbs of a contest: a country that beats, draws or plays is a team ("England beat
Panama")."""

CONTEST_PREPS = _words("against versus vs")
"""Prepositions of a contest: "against Tunisia" names a team."""

# --- Named-entity types (spaCy's OntoNotes labels) -----------------------------------------------

NAME_TYPES = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                        "WORK_OF_ART", "LAW", "LANGUAGE"})
"""Entity types of names: a plural with one of these in it is the named group ("US forces")."""

LINKED_TYPES = NAME_TYPES - {"PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
"""Names of who or where (people, groups, organisations, places, events): a further
prepositional phrase naming one is a fact of its own in the graph (rule ``named_prep``)."""

DESCRIBED_TYPES = NAME_TYPES - {"PERSON", "NORP", "WORK_OF_ART", "LANGUAGE"}
"""Named things a definite description can stand for by the name's last word: "the bank"
for "the Commonwealth Bank" (people are described by their roles instead)."""

MAYBE_WORK_TYPES = frozenset({"WORK_OF_ART", "ORG", "PRODUCT"})
"""Entity types of names that may be works (films are often typed ORG or PRODUCT): one of
these, of no sort the text says, is a rival of "the film", "the series" and every other
sort of :data:`WORK_KINDS` (:mod:`extract.descriptions`)."""

NUMERIC_TYPES = frozenset({"PERCENT", "CARDINAL", "QUANTITY", "MONEY"})
"""Number-like entity types: an amount is a node of its story ("three", "$303 million"),
and "20 per cent of voyeurs" keeps what it is a share of."""

TIME_TYPES = frozenset({"DATE", "TIME"})
"""Entity types of dates and times: "this year" is a further argument of a clause, the date
of a statement is no fact of its own, and only a date with a year or a month is a node of
the corpus."""

NOT_REFERENT_TYPES = NUMERIC_TYPES | TIME_TYPES | {"ORDINAL"}
"""Entity types that name no thing a pronoun stands for."""

NAMED_REFERENT_TYPES = NAME_TYPES - {"PERSON"}
"""Entity types of names "it" or "they" may stand for."""

NOT_NAME_TYPES = NOT_REFERENT_TYPES | {"LANGUAGE"}
"""Types of what is no name of a thing another name can be given to (a date, a number, a
language)."""

SHORT_NAME_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC"})
"""Names of organisations and places, which a one-word short name can stand for."""

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
"""Names of places: a place in brackets after a place says where it is, not another name."""

AFFILIATION_TYPES = frozenset({"NORP", "ORG", "GPE"})
"""Names in brackets after a person that say whom they belong to ("Kerry Nettle
(Democrats)"), not another name of theirs."""

REGION_TYPES = frozenset({"GPE", "LOC"})
"""Entity types of places and regions: "Brooklyn, New York" is a place and the region it is
in, which the apposition rule reads as (Brooklyn, be in, New York), not as one place named
twice."""

AGENT_TYPES = frozenset({"PERSON", "ORG", "NORP"})
"""Entity types of who can act: the object of "commissioned L'Enfant to paint" (tagged an
organisation) is who paints (:mod:`extract.clauses`)."""
