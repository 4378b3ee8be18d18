"""Closed-class words: pronouns, determiners and relative words, prepositions and
conjunctions with a job of their own, the small words inside titles, and punctuation marks.

Part of :mod:`extract.lexicon` (import the lists from there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "PRONOUNS", "STOP_WORDS", "MALE_PRONOUNS", "FEMALE_PRONOUNS", "PERSONAL_OBJECTS",
    "SINGULAR_PRONOUNS",
    "PLURAL_PRONOUNS", "REFLEXIVE_PRONOUNS", "POSSESSIVE_PRONOUNS", "RELATIVE_TAGS",
    "PERSONAL_RELATIVES", "DEMONSTRATIVES", "INDEFINITE_DETERMINERS",
    "DISTRIBUTIVE_DETERMINERS", "SINGULAR_DETERMINERS", "ARTICLES", "INDEFINITE_ARTICLES",
    "LIST_AND", "COORDINATORS", "QUANTIFIERS", "EMPTY_ADJECTIVES", "TRANSPARENT_NOUNS",
    "AMOUNT_NOUNS", "DEGREE_NOUNS", "DEGREE_ADJECTIVES", "PARTICLE_ADVERBS",
    "ADVERBIAL_PREPS", "TIME_WORDS", "CONDITIONS", "CONDITIONAL_PARTICIPLES", "AS_LONG_AS_ADVERBS",
    "CONDITION_PHRASES", "INVERTING_AUXILIARIES", "COMPLEMENT_PREPS", "RANKING_WORDS",
    "RESTRICTIVE_PREPS", "CHARACTERISING_PREPS", "ABSOLUTE_PREPS", "OBJECT_PREP_FRAMES", "AUTHOR_LIST_WORDS",
    "HYPHEN_PREFIXES",
    "NOUN_PREP_PREPOSITIONS", "TITLE_JOINERS", "TITLE_AND", "SPLIT_TITLE_JOINERS",
    "TITLE_TYPES", "DASHES", "SENTENCE_FINAL", "OPEN_BRACKETS", "CLOSE_BRACKETS",
    "QUOTE_MARKS", "OPENING_QUOTES", "CLOSING_QUOTES", "DOUBLE_QUOTES", "LABEL_SEPARATORS",
    "is_relative",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- Pronouns, determiners, relative words ----------------------------------------------------

PRONOUNS = _words(
    "i me my mine myself you your yours yourself yourselves he him his himself she her hers "
    "herself it its itself we us our ours ourselves they them their theirs themselves "
    "one ones someone somebody something anyone anybody anything everyone everybody "
    "everything nobody nothing who whom whose which that what whatever whoever there here "
    "this these those each all both some none another any either neither"
)
"""Pronouns and pronoun-like determiners: an argument headed by one needs an antecedent
(:func:`extract.arguments.needs_antecedent`), and a label that is one names nothing."""

STOP_WORDS = PRONOUNS | _words(
    "a an the and or but of in on at to for by with from as is are was were be been being "
    "do does did have has had not n't n\u2019t no yes so than then too very just also only "
    "more most "
    "other such same own many much few lot lots kind sort part"
)
"""Words that name nothing when they are a whole label ("the", "lots", "he"):
:func:`extract.phrases.is_content_argument` refuses such labels."""

MALE_PRONOUNS = _words("he him his himself")
"""Pronouns that stand for a man: resolved to the one male-compatible person in reach."""

FEMALE_PRONOUNS = _words("she her hers herself")
"""Pronouns that stand for a woman: resolved to the one female-compatible person in reach."""

PERSONAL_OBJECTS = _words("me you him her us")
"""Object pronouns that can only stand for people ("them" may stand for things)."""

SINGULAR_PRONOUNS = _words("it its itself")
"""Pronouns that stand for one thing, never a person."""

PLURAL_PRONOUNS = _words("they them their theirs themselves")
"""Pronouns that stand for a plural or a group."""

REFLEXIVE_PRONOUNS = _words("himself herself itself themselves")
"""Reflexives: always the subject of their own clause ("tried to blow himself up")."""

POSSESSIVE_PRONOUNS = _words("his her its their")
"""Possessive pronouns: their owner is first sought in their own clause's subject
(:mod:`extract.coref`), and a resolved one names the owner in the owned phrase's label
(:mod:`extract.arguments`: "its profit" -> "Commonwealth Bank's profit")."""

RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
"""Penn tags of relative (wh-) words: "which", "who", "whose"."""

PERSONAL_RELATIVES = _words("who whom")
"""Relative pronouns whose noun is a person (or people acting: a team, a country personified)."""


def is_relative(token: Token) -> bool:
    """A relative pronoun or determiner ("which", "who", "whose", "that").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["that", "who"], tags=["DT", "WP"],
    ...           pos=["PRON", "PRON"])
    >>> [is_relative(t) for t in doc]
    [True, True]
    """
    return token.tag_ in RELATIVE_TAGS or (token.lower_ == "that" and token.pos_ == "PRON")


DEMONSTRATIVES = _words("this these that those")
"""Determiners that point back at something named before ("these companies")."""

INDEFINITE_DETERMINERS = _words("a an another some any each every no either neither")
"""Determiners that bring a new referent into a story: "a government minister" of one
article is not the one of the next, so such a phrase is a node of its document."""

DISTRIBUTIVE_DETERMINERS = _words("each every either neither")
"""Determiners that make a noun many things ("every team in the contest"): such a phrase is
never the one thing the same noun names elsewhere in its document (``number``). "No" and
"any" are left out: "had no clue", "without any uprising" are negations, which the facts
record as such."""

SINGULAR_DETERMINERS = _words("a an one each every another")
"""Determiners that make a plural-looking noun one thing ("an ant species"): such a noun is
no plural an apposition could disagree with (:mod:`extract.appositions`)."""

ARTICLES = _words("a an the")
"""Articles: in lower case right after a noun with no comma, one opens a verb's object, not
an apposition ("'force feed' the ROS")."""

INDEFINITE_ARTICLES = _words("a an")
"""Indefinite articles: "a ..." after a bare noun comments on the clause ("made from scratch,
a fantastic display")."""

LIST_AND = frozenset({"and", "&"})
"""Conjunctions that join a list into one plural phrase ("John and Mary")."""

COORDINATORS = _words("and or")
"""Conjunctions whose two nouns are one complement of a label: "the leaders of Britain and
France", "the henequen or sisal plant harvest"."""

QUANTIFIERS = _words("few many several more most much numerous countless some fewer less")
"""Adjectives that say how many, not which: "very few women" is as generic as "women"."""

EMPTY_ADJECTIVES = _words("such other same own certain various last next")
"""Adjectives that carry no meaning in a label ("such measures" -> "measures")."""

TRANSPARENT_NOUNS = _words("likes like")
"""Nouns that only point at their "of" complement: "the likes of Sora" is about Sora."""

AMOUNT_NOUNS = _words(
    "number amount lot lots majority minority handful couple total percentage proportion "
    "dozen dozens hundreds thousands millions plenty deal")
"""Nouns that say how much there is of their "of" complement: an adjective on one says how
much too ("a large number of papers", "a growing number of children"), so the phrase names
no more than its complement does and keeps it ("large number of papers", never "large
number")."""

DEGREE_NOUNS = _words("bit lot deal tad")
"""Nouns of a phrase that says how much, before an adjective or adverb: "a little bit
inspired", "a great deal more popular", "a lot better" name nothing."""

DEGREE_ADJECTIVES = _words("little great good tiny whole")
"""Adjectives a phrase of :data:`DEGREE_NOUNS` may have: "a little bit", "a whole lot"."""

# --- Prepositions and conjunctions --------------------------------------------------------------

PARTICLE_ADVERBS = _words("back up down off out away aside")
"""Adverbs that, right after a verb, are its particle, whatever their tag: "pushed back the
launch" is no "push the launch"; "were taken away by the Nazis"."""

ADVERBIAL_PREPS = _words("despite notwithstanding amid amidst unlike regardless per besides")
"""Prepositions that set a scene or a concession, never an argument of the verb: "Russia,
despite its support for the coalition, is maintaining ties" is not (Russia, maintain
despite, support); "sank 25 per cent" has no "per" relation."""

TIME_WORDS = _words("after before since during until till following when while once")
"""Prepositions and conjunctions of time: what follows "after", "before", ... is no part of
an intention ("planned for dawn after rescuers braved heavy seas": that happened)."""

CONDITION_PHRASES = frozenset(tuple(pair.split(":")) for pair in _words(
    "on:condition in:event in:case"))
"""(Preposition, noun) pairs whose clause is a condition: "on condition that the firm cuts
costs", "in the event that the talks fail", "in case the bank fails"."""

INVERTING_AUXILIARIES = _words("should had were")
"""Auxiliaries that open a condition by going before their subject: "Should the talks fail",
"Had the police arrived earlier", "Were the bank to fail"."""

AS_LONG_AS_ADVERBS = _words("as so")
"""The adverbs before "long" in a condition: "as long as the factory stays open", "so long
as"."""

CONDITIONAL_PARTICIPLES = _words("provided providing assuming supposing")
"""Participles whose "that" clause is a condition of the clause they hang from: "the bank will
lend the firm money provided that the firm cuts costs" (not "given that", a premise)."""

CONDITIONS = _words("if unless provided providing assuming supposing lest")
"""Conjunctions that open a condition: the clause and the one it conditions are
``conditional``. Only a clause with a verb is a condition ("many, if not all, ...", "her
passionate, if discreet, love" concede), "as if" compares, and "even if" concedes: its
clause is hypothetical, the one it hangs from holds anyway. "whether" asks (its clause is
``questioned``)."""

COMPLEMENT_PREPS = _words("of for")
"""Prepositions whose object says which one a common noun means ("development of localized
video models")."""

RANKING_WORDS = _words(
    "first second third fourth fifth sixth seventh eighth ninth tenth last only next final "
    "sole")
"""Words that rank a noun among others ("the first YouTube star", "the only Scottish
soldier"); with superlatives ("latest", "most phenomenal") they make a noun mean nothing
without the complement saying among what ("to be immortalized at Madame Tussauds")."""

RESTRICTIVE_PREPS = _words("of in at on among to from since for within across")
"""Prepositions whose phrase after a ranked noun says where, when or of what it ranks ("the
first wax figure at this location", "the most phenomenal military power in history")."""

OBJECT_PREP_FRAMES: dict[str, frozenset[str]] = {
    "spend": _words("on"), "waste": _words("on"), "invest": _words("in"),
    "put": _words("in into on"), "place": _words("in on"), "pour": _words("into"),
    "use": _words("for"), "pay": _words("for"), "give": _words("to"), "send": _words("to"),
    "hand": _words("to"), "donate": _words("to"), "lend": _words("to"),
    "convert": _words("into"), "turn": _words("into"), "divert": _words("to"),
}
"""Verbs that take an object and a preposition of their own ("spend X on Y", "give X to
Y"): after "spend the cash saved", "on health" belongs to "spend", not to the bare
participle "saved" the parser hung it on (:mod:`extract.vetoes`)."""

NOUN_PREP_PREPOSITIONS = _words("of in with between from at on for near")
"""Prepositions of a noun that Open IE output reads as a fact ("businesses in Japan")."""

# --- Titles -----------------------------------------------------------------------------------

TITLE_JOINERS = _words("of and to the for at in on a an @ &")
"""Small words inside a title or a name ("Game of Thrones", "Elevator to the Gallows",
"Stardust @ home"): a name goes on across them to the next capitalised word."""

TITLE_AND = frozenset({"and", "&"})
"""Conjunctions inside a title ("Pride and Prejudice"): two bare names they join, neither a
person, place or body, are one title (:func:`extract.phrases.title_tail`)."""

SPLIT_TITLE_JOINERS = frozenset({"to", "@", "&"})
"""Words after which the parser hangs the rest of a title on the verb ("show Elevator to the
Gallows", "joined Stardust @ home"): the title goes on across them."""

TITLE_TYPES = frozenset({"", "PRODUCT", "WORK_OF_ART", "EVENT"})
"""Entity types (none, or a work's) of a name that may go on across "and", "to" or "@" into
the title it begins ("Pride and Prejudice", "Elevator to the Gallows"); a person, place or
organisation there is one of a list ("Paris and London") or an argument of its own."""

# --- Punctuation -----------------------------------------------------------------------------

DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
"""Dashes written as words: an apposition with one inside runs into the next aside."""

SENTENCE_FINAL = frozenset({".", "!", "?", "...", "…"})
"""Tokens that end a sentence; run-on text without one is cut (:mod:`extract.pipeline`)."""

OPEN_BRACKETS = frozenset({"(", "["})
"""Brackets that open an aside: a bracketed apposition is an alternative name, a translation,
a citation or an affiliation, and :mod:`extract.vetoes` tells them apart."""

CLOSE_BRACKETS = frozenset({")", "]"})
"""Brackets that close an aside opened by one of :data:`OPEN_BRACKETS`."""

QUOTE_MARKS = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "``", "''"})
"""Quote marks as tokens: skipped when looking for the bracket or word before a phrase."""

OPENING_QUOTES = frozenset({"\u201c", "``", "\u201e"})
"""Double quotation marks that only ever open a quotation (:mod:`extract.quotations`)."""

CLOSING_QUOTES = frozenset({"\u201d", "''"})
"""Double quotation marks that only ever close a quotation; a straight '"' does either, and
its spacing says which (:mod:`extract.quotations`)."""

DOUBLE_QUOTES = frozenset({'"', "\u201c", "\u201d", "\u201e", "``", "''"})
"""Double quotation marks, opening or closing: a title or a quotation runs between two."""

LABEL_SEPARATORS = frozenset({":", ";"})
"""Separators after which a phrase is a value, a subtitle or the next item of a list
("Image: Danny Newman", "IATA: TUL", "DKK; Depth: 2m"), never a second name of the phrase
before them."""

CHARACTERISING_PREPS = _words("with without")
"""Prepositions of a phrase that says which ones by what they have ("passengers with weak
stomachs"): a denial cut from it says more than the sentence (:mod:`extract.denials`)."""

ABSOLUTE_PREPS = _words("with without")
"""Prepositions that open an absolute construction, a noun and a participle after it: "with
the lower house of Parliament voting to change the laws" (the house votes), "without anyone
noticing" (:func:`extract.clauses.subjects`)."""

AUTHOR_LIST_WORDS = frozenset({"&", ",", "and", "et", "al", "al.", "."})
"""Words of an author list besides the names: "Marsden, Mackey, & Plonsky", "Makel et al."
(:mod:`extract.citations`)."""

HYPHEN_PREFIXES = _words("co re pre mis")
"""Prefixes written with a hyphen that make a verb of a verb ("co-founded", "re-elected",
"pre-recorded", "mis-sold"): the tokenizer keeps the word whole (:mod:`extract.hyphen_prefixes`).
Not "self-", whose words are mostly adjectives and nouns that the model reads well enough split
("self-medicating ants")."""
