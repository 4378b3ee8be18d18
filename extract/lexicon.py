"""Every word list the rules read, in one place, one documented frozenset (or dict) per list.

As spaCy keeps its stop words in ``spacy/lang/en/stop_words.py``, kg keeps here every closed
class of words a rule tests a token against: pronouns and determiners, titles and person
nouns, named-entity types, negation, verbs of saying and thinking, light verbs, control and
intention, prepositions with a job of their own, and a few punctuation marks. Each rule module
imports the lists it needs from here; none defines a list of its own (a test checks), so one
list cannot drift from its twin in another module.

Words are lower case; verbs and nouns are lemmas (rules compare ``token.lemma_.lower()``),
other words are compared as written (``token.lower_``). Sets of dependency labels, parts of
speech and tags stay beside the rules that read them, as textacy keeps them: they are the
parse's vocabulary, not English's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    # pronouns, determiners, relative words
    "PRONOUNS", "STOP_WORDS", "MALE_PRONOUNS", "FEMALE_PRONOUNS", "SINGULAR_PRONOUNS",
    "PLURAL_PRONOUNS", "REFLEXIVE_PRONOUNS", "POSSESSIVE_PRONOUNS", "RELATIVE_TAGS",
    "PERSONAL_RELATIVES",
    "is_relative", "DEMONSTRATIVES", "INDEFINITE_DETERMINERS", "DISTRIBUTIVE_DETERMINERS",
    "QUANTIFIERS", "EMPTY_ADJECTIVES",
    "TRANSPARENT_NOUNS",
    # names, titles, people
    "HONORIFICS", "FEMALE_HONORIFICS", "MALE_HONORIFICS", "ROLE_WORDS", "PERSON_NOUNS",
    "FEMALE_NOUNS", "MALE_NOUNS", "KINSHIP_NOUNS", "ONE_RELATIVE_NOUNS", "CHILD_NOUNS",
    "INSTITUTIONS",
    "MONTHS", "POSSESSIVE_MARKS",
    "POST_NOMINALS",
    "NAME_END_WORDS", "DESIGNATORS", "LEGAL_FORMS", "ALIAS_BETWEEN", "NAMING_PHRASES",
    "OTHER_NAME_NOUNS", "OTHER_NAME_MODIFIERS",
    "DESCRIPTION_KINDS",
    "LANGUAGE_VERBS", "LANGUAGE_PREPS", "CONTEST_VERBS", "CONTEST_PREPS",
    # named-entity types
    "NAME_TYPES", "LINKED_TYPES", "DESCRIBED_TYPES", "NUMERIC_TYPES", "TIME_TYPES",
    "NOT_REFERENT_TYPES", "NAMED_REFERENT_TYPES", "NOT_NAME_TYPES", "SHORT_NAME_TYPES",
    "PLACE_TYPES", "AFFILIATION_TYPES", "REGION_TYPES",
    # negation
    "NEGATIONS", "NEGATIVE_WORDS", "NEGATIVE_ADVERBIALS", "EXAMPLE_ADVERBS", "GLOSS_WORDS",
    "NEGATING_VERBS",
    "LACKING_VERBS", "CONTRASTIVE_WORDS",
    "RESTRICTING_WORDS", "ELLIPSIS_OPENERS", "AUXILIARY_VERBS",
    # saying and thinking
    "REPORTING_VERBS", "REPORTING_PARTICLES", "DISCOURSE_MARKERS", "DENYING_VERBS", "QUESTIONING_VERBS",
    "CLAUSE_ONLY_VERBS", "CLAIM_NOUNS",
    "HEARSAY_ADVERBS", "HEDGE_ADVERBS", "HEDGE_ADJECTIVES",
    # light verbs
    "LIGHT_VERBS", "NOMINALISATIONS", "SAYING_LIGHT_VERBS", "SAYING_NOUNS",
    "OBJECT_HOLDING_VERBS", "LOCATIVE_PREPS", "IDIOM_NOUNS", "RESULTATIVE_PREPS",
    # control, directives, intention
    "ACCUSING_VERBS", "ASKING_VERBS", "PREVENTING_VERBS", "DIRECTIVE_VERBS", "OBJECT_CONTROL",
    "OBJECT_CONTROL_XCOMP", "INTENTION_WORDS", "ABOUT_TO", "PURPOSE_NOUNS", "WH_ADVERBS",
    "REASON_WORDS",
    # prepositions and conjunctions
    "ADVERBIAL_PREPS", "TIME_WORDS", "CONDITIONS", "COMPLEMENT_PREPS", "NOUN_PREP_PREPOSITIONS",
    "OBJECT_PREP_FRAMES",
    "TITLE_JOINERS", "TITLE_TYPES", "TITLE_AND", "SPLIT_TITLE_JOINERS",
    # punctuation
    "DASHES", "SENTENCE_FINAL", "OPEN_BRACKETS", "CLOSE_BRACKETS", "QUOTE_MARKS",
    "OPENING_QUOTES", "CLOSING_QUOTES",
    "LABEL_SEPARATORS",
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

QUANTIFIERS = _words("few many several more most much numerous countless some fewer less")
"""Adjectives that say how many, not which: "very few women" is as generic as "women"."""

EMPTY_ADJECTIVES = _words("such other same own certain various last next")
"""Adjectives that carry no meaning in a label ("such measures" -> "measures")."""

TRANSPARENT_NOUNS = _words("likes like")
"""Nouns that only point at their "of" complement: "the likes of Sora" is about Sora."""


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
    "man woman boy girl child baby person people father mother son daughter husband wife "
    "brother sister uncle aunt friend captain pilot driver minister president premier leader "
    "senator spokesman spokeswoman official officer policeman soldier judge lawyer doctor "
    "nurse teacher student worker farmer victim suspect gunman bomber attacker priest "
    "bishop king queen prince princess chairman director manager chief executive founder "
    "entrepreneur researcher scientist analyst expert author writer reporter journalist "
    "candidate governor mayor ambassador secretary commissioner inspector detective "
    "prisoner detainee refugee pilgrim player coach member citizen resident spokeswoman "
    "chairwoman colleague militant deputy staffer envoy negotiator"
)
"""Common nouns that denote people: never an antecedent of "it", and a rival antecedent of
"he"/"she" (so "the captain ... he" beside a named person is left unresolved)."""

FEMALE_NOUNS = _words(
    "woman girl mother daughter wife sister aunt queen princess spokeswoman chairwoman")
"""Person nouns of women: no rival antecedent of "he"."""

MALE_NOUNS = _words(
    "man boy father son husband brother uncle king prince spokesman chairman policeman gunman")
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
}
"""Head nouns of definite descriptions, by the kind of name they can stand for: "the city"
a city named before it, "the company" an organisation (:mod:`extract.descriptions`)."""

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


# --- Negation --------------------------------------------------------------------------------

NEGATIONS = _words("not n't n\u2019t never no")
"""Words that negate a verb group ("does not rival", "never came", "aren\u2019t")."""

NEGATIVE_WORDS = _words("no none nothing nobody neither nor nowhere")
"""Pronouns and determiners that deny what they stand in ("nothing", "no clue")."""

NEGATIVE_ADVERBIALS = frozenset(tuple(pair.split(":")) for pair in _words(
    "in:way by:means at:time at:point at:stage under:circumstances on:account in:sense"))
"""(Preposition, noun) of the adverbials that with "no" negate their clause: "in no way
wished", "at no point did", "under no circumstances should" ("in no time" only hurries it)."""

NEGATING_VERBS = _words("fail")
"""Verbs whose complement did not happen: "failed to stop" -> not stop."""

LACKING_VERBS = _words("lack")
"""Verbs that say their object is missing: "lacks funds" -> not (have, funds)."""

CONTRASTIVE_WORDS = _words("just only merely simply solely necessarily")
"""Words after "not" that open "not just ... but (also)", which denies nothing."""

ELLIPSIS_OPENERS = _words("nor neither so")
"""Words before an inverted auxiliary that stands for a whole clause said before: "nor could
the UN", "nor did France", "so did Spain" -- the auxiliary is no verb of its own, and what
follows it is its subject, not its object."""

AUXILIARY_VERBS = _words("do be have")
"""Verbs that stand in for another after :data:`ELLIPSIS_OPENERS` ("nor did France"), beside
the modals ("nor could the UN")."""

EXAMPLE_ADVERBS = _words("especially particularly notably mainly mostly chiefly primarily")
"""Adverbs that make what follows an example or a part of what comes before ("mechanics,
especially fluid mechanics"), not another name of it."""

GLOSS_WORDS = _words("i.e. i.e ie e.g. e.g eg viz viz.")
"""Abbreviations that open a gloss or an example ("viewers familiar with the books (i.e.,
“Experts”)", "negotiation (i.e., emotional responses)"): what follows says what a phrase
means, or names one case of it, often of a longer phrase than the noun the parser hangs it
from; it is not another name of that noun."""

RESTRICTING_WORDS = _words("just only merely simply solely")
"""Words after "not" that deny only that the fact is all there is, with or without a "but"
after them: "marriage is not only a question of dignity" says it is one."""


# --- Saying and thinking ---------------------------------------------------------------------

REPORTING_VERBS = _words(
    "say tell claim allege deny believe predict warn report state insist argue suggest "
    "announce add note explain write think expect fear hope estimate assert maintain admit "
    "acknowledge confirm reveal indicate declare contend concede reckon suspect doubt question "
    "reject dispute threaten promise speculate feel agree disclose testify swear "
    "charge accuse complain recall stress emphasise emphasize assume guess imagine suppose "
    "conclude decide realise realize learn hear read know find show prove "
    "ask wonder query refute dismiss rebut contest retort reply respond counter remark "
    "observe point forecast assure pledge accept propose hypothesise hypothesize posit check verify"
)
"""Verbs whose clausal complement is someone's statement or belief, not the text's own:
"Howard said the party would split" is Howard's claim (:mod:`extract.attribution`). Their
complement may come first ("..., says Richard Burr"; :mod:`extract.clauses`)."""

REPORTING_PARTICLES = frozenset(tuple(pair.split(":")) for pair in _words(
    "point:out find:out read:out"))
"""(Verb, particle) pairs that still report: "pointed out that ...", "found out that ...".
Any other particle makes a verb of :data:`REPORTING_VERBS` another verb, which reports
nothing ("any process must be well thought out", "showed up at a club")."""

DISCOURSE_MARKERS = frozenset(tuple(pair.split(":")) for pair in _words("you:know"))
"""(Subject, verb) of a parenthetical that reports nothing: "the court is, you know,
playing a dialogical role" is nobody's claim."""

DENYING_VERBS = _words("deny reject dispute refute dismiss rebut contest")
"""Verbs of saying that deny what they report: the stance is ``denied``."""

QUESTIONING_VERBS = _words("question doubt ask wonder query check verify")
"""Verbs of saying that doubt what they report: the stance is ``questioned``."""

CLAUSE_ONLY_VERBS = _words(
    "allege claim say believe think predict suggest argue insist state assert reveal "
    "announce admit deny acknowledge report estimate")
"""Verbs of saying that take a clause and no person as object: a direct object beside their
clause is the clause's subject, misparsed ("alleged a staff member told him ..."). Not every
verb of saying: "tell", "warn" or "question" take an object of their own beside a clause."""

CLAIM_NOUNS = _words(
    "claim report allegation suggestion assertion rumour rumor belief fear speculation charge "
    "accusation statement suspicion theory contention assurance promise warning prediction "
    "hope view opinion idea notion argument evidence proof sign indication complaint estimate "
    "forecast"
)
"""Nouns whose clausal complement is a claim ("claims he misled", "reports that ...")."""

HEARSAY_ADVERBS = _words("allegedly reportedly supposedly purportedly apparently")
"""Adverbs that make a clause reported, with no named source ("allegedly took bribes")."""

HEDGE_ADVERBS = _words("probably possibly perhaps maybe presumably arguably conceivably")
"""Adverbs that make a clause a hypothesis, not a fact: "the cause was most probably an
electrical fire" is held only as likely, with no named source (as with hearsay)."""

HEDGE_ADJECTIVES = _words("possible probable likely unlikely conceivable plausible")
"""Adjectives whose "that" clause is a hypothesis: "it's possible that the fields are clones"
states no clones."""

# --- Light verbs -------------------------------------------------------------------------------

LIGHT_VERBS = _words("make take give have do offer reach")
"""Verbs that say little of their own beside a nominalisation: "makes a decision about X"
means (S, decide about, X) (rule ``light_verb``, through :data:`NOMINALISATIONS`)."""

OBJECT_HOLDING_VERBS = _words("begin start continue resume finish complete end launch have")
"""Verbs whose object carries the phrases after it ("began his famous retreat through New
Jersey", "how many elephants Hannibal had on the Alps"): a named place or group there is the
object's, not the verb's, and (Washington, begin through, New Jersey) says nothing
(:mod:`extract.vetoes`). Where an event begins is where its beginning is ("began research at
Helsinki"): :data:`LOCATIVE_PREPS` stay the verb's, except after "have"."""

LOCATIVE_PREPS = _words("in at")
"""Prepositions of place that hold for an event's verb as for the event ("began postdoctoral
research at Helsinki": he began there)."""

RESULTATIVE_PREPS: dict[str, str] = {
    "turn": "into", "view": "as", "regard": "as", "see": "as", "make": "into",
}
"""Verbs that mean something else without their second complement: "turned the Downtown
area into a treasure trove" did not turn the area, "view the film as a masterpiece" did not
view it; (S, turn, area) is no fact (:mod:`extract.vetoes`)."""

IDIOM_NOUNS = _words(
    "risk question touch place practice account mind charge jeopardy danger doubt effect "
    "force motion use service operation power office custody trial justice life death "
    "consideration perspective context focus contact action"
)
"""Bare nouns that make an idiom with a verb and a preposition: "putting the browser at
risk", "put into question the masculinity", "were put in touch with lawyers", "take into
account": the relation keeps them ((vulnerabilities, put at risk, browser)), or it says
something else ((victims, be put in, touch))."""

SAYING_LIGHT_VERBS = _words("make give issue offer deliver voice express")
"""Light verbs that, with a noun of saying (:data:`SAYING_NOUNS`) as object, are verbs of
saying: "makes a prediction: ...", "issued a warning that ..."."""

NOMINALISATIONS: dict[str, str] = {
    "prediction": "predict", "decision": "decide", "announcement": "announce",
    "attempt": "attempt", "choice": "choose", "promise": "promise", "statement": "state",
    "claim": "claim", "suggestion": "suggest", "recommendation": "recommend",
    "contribution": "contribute", "comparison": "compare", "investment": "invest",
    "payment": "pay", "visit": "visit", "offer": "offer", "agreement": "agree", "call": "call",
    "request": "request", "proposal": "propose", "effort": "try", "step": "act",
    "discovery": "discover", "assessment": "assess", "analysis": "analyse", "reference": "refer",
    "mention": "mention", "complaint": "complain", "speech": "speak", "appearance": "appear",
    "warning": "warn", "allegation": "allege", "accusation": "accuse", "assertion": "assert",
    "denial": "deny", "forecast": "forecast", "assurance": "assure", "admission": "admit",
    "pledge": "pledge",
}
"""Nouns a light verb turns into the verb they mean: "makes a decision about X" is (S, decide
about, X) (rule ``light_verb``), and "makes a prediction: ..." says "predict", a verb of
saying, so what follows is the speaker's claim (:func:`extract.attribution.reporting`)."""

SAYING_NOUNS = _words(
    "prediction statement claim announcement warning promise suggestion allegation accusation "
    "assertion denial forecast assurance admission pledge")
"""Nominalisations of verbs of saying: with a :data:`SAYING_LIGHT_VERBS` verb they report
("makes a prediction: China is ..."); "made a decision" or "reached an agreement" does not."""


# --- Control, directives, intention ------------------------------------------------------------

ACCUSING_VERBS = _words("accuse suspect charge convict acquit clear blame")
"""Verbs whose "of" complement is the accusation: "accused X of doing Y" is the accuser's
claim, and X is who does Y."""

ASKING_VERBS = _words(
    "urge ask tell order persuade encourage invite call want expect require advise instruct "
    "command beg implore press request train teach warn"
)
"""Verbs whose object is asked or told to do what their open complement says, which need not
happen: "Police urged business owners to turn over videotapes"."""

PREVENTING_VERBS = _words("forbid prevent stop ban bar prohibit discourage deter keep")
"""Verbs whose object is kept from doing what their "from" clause says: "stopped them from
leaving" (they did not leave)."""

DIRECTIVE_VERBS = ASKING_VERBS | PREVENTING_VERBS
"""Verbs whose object is asked, told or kept from doing something that need not happen: what
is urged or prevented is attributed to whoever asks, not stated."""

OBJECT_CONTROL = ACCUSING_VERBS | PREVENTING_VERBS | _words(
    "exempt protect save praise thank congratulate criticise criticize punish fine forgive")
"""Verbs whose object, not subject, does what their prepositional clause says: "accused X of
lying", "stopped X from leaving", "blamed X for losing"."""

OBJECT_CONTROL_XCOMP = ASKING_VERBS | _words(
    "allow permit force compel oblige help enable lead cause get make let need convince "
    "inspire prompt drive push pressure remind authorise authorize empower forbid appoint "
    "elect choose name"
)
"""Verbs whose object does what their open complement says: "urged delegates to pursue",
"persuaded him to leave", "helped al-Qaida establish a camp"."""

INTENTION_WORDS = _words(
    "expect plan intend want hope try attempt seek aim propose vote threaten promise agree "
    "decide prepare offer need wish plot consider likely unlikely poised set due about "
    "ready eager willing determined keen able unable allow permit authorise authorize "
    "focus strive"
)
"""Verbs and adjectives whose complement has not happened: intentions, expectations,
attempts ("plans to", "is expected to", "tried to", "voted in favour of", "likely to",
"focused on achieving")."""

ABOUT_TO = _words("close near verge brink")
"""Words that put a clause just ahead of happening: "close to signing", "on the verge of"."""

PURPOSE_NOUNS = _words("order view purpose goal intention objective")
"""Nouns of a purpose phrase ("in order to fight", "with a view to improving", "for the
purpose of testing"): the clause they govern says what someone means to do, not what was
done, and the phrase itself is no argument of the verb ("evolved in order to fight" is no
(X, evolve in, order))."""

WH_ADVERBS = _words("how why when where")
"""Question adverbs. "how to enable", "where to stay": an infinitive they open says what
could or should be done, not what was; "have not said why the team was denied visas": a
finite clause they open is held true by the text, whoever does or does not say why."""

REASON_WORDS = _words("because although though whereas since as")
"""Conjunctions of reason and concession: with :data:`TIME_WORDS` and :data:`CONDITIONS`
they open an adverbial clause that says something of its own, never the complement of an
intention above it ("we need to know ..., even if that animal is special") and never
under a condition of the clause it hangs from ("While some islands are connected by the same
ferry, you will have to go back ..., if you rely on public transport")."""


# --- Prepositions and conjunctions --------------------------------------------------------------

ADVERBIAL_PREPS = _words("despite notwithstanding amid amidst unlike regardless per besides")
"""Prepositions that set a scene or a concession, never an argument of the verb: "Russia,
despite its support for the coalition, is maintaining ties" is not (Russia, maintain
despite, support); "sank 25 per cent" has no "per" relation."""

TIME_WORDS = _words("after before since during until till following when while once")
"""Prepositions and conjunctions of time: what follows "after", "before", ... is no part of
an intention ("planned for dawn after rescuers braved heavy seas": that happened)."""

CONDITIONS = _words("if unless provided providing assuming supposing lest")
"""Conjunctions that open a condition: the clause and the one it conditions are
``conditional``. Only a clause with a verb is a condition ("many, if not all, ...", "her
passionate, if discreet, love" concede), "as if" compares, and "even if" concedes: its
clause is hypothetical, the one it hangs from holds anyway. "whether" asks (its clause is
``questioned``)."""

COMPLEMENT_PREPS = _words("of for")
"""Prepositions whose object says which one a common noun means ("development of localized
video models")."""

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

LABEL_SEPARATORS = frozenset({":", ";"})
"""Separators after which a phrase is a value, a subtitle or the next item of a list
("Image: Danny Newman", "IATA: TUL", "DKK; Depth: 2m"), never a second name of the phrase
before them."""
