"""Words that change what a clause says: negation, verbs and nouns of saying and thinking,
hedges, light verbs and their nouns, control, directives, intention and purpose.

Part of :mod:`extract.lexicon` (import the lists from there).
"""

from __future__ import annotations

__all__ = [
    "NEGATIONS", "NEGATIVE_WORDS", "NEGATIVE_CONJUNCTIONS", "NEGATIVE_ADVERBIALS",
    "NOT_QUITE_ADVERBS", "INSTEAD_PHRASES", "TRUTH_ADJECTIVES", "FALSITY_ADJECTIVES",
    "NEGATING_VERBS", "LACKING_VERBS", "OF_OBJECT_VERBS",
    "CONTRASTIVE_WORDS", "ELLIPSIS_OPENERS", "AUXILIARY_VERBS", "CONTRACTED_S",
    "LESSENING_WORDS", "EXAMPLE_ADVERBS", "GLOSS_WORDS", "RESTRICTING_WORDS",
    "REPORTING_VERBS", "REPORTING_PARTICLES", "DISCOURSE_MARKERS", "DENYING_VERBS",
    "QUESTIONING_VERBS", "CLAUSE_ONLY_VERBS", "CLAIM_NOUNS", "HEARSAY_ADVERBS",
    "HEDGE_ADVERBS", "HEDGE_ADJECTIVES", "HEDGE_NOUNS", "LIGHT_VERBS", "OBJECT_HOLDING_VERBS",
    "LOCATIVE_PREPS", "RESULTATIVE_PREPS", "IDIOM_NOUNS", "SAYING_LIGHT_VERBS",
    "NOMINALISATIONS", "SAYING_NOUNS", "ACCUSING_VERBS", "CREDITING_VERBS", "ASKING_VERBS",
    "PREVENTING_VERBS", "FORBIDDING_VERBS", "DISSUADING_VERBS", "ABSTAINING_VERBS",
    "DECLINING_VERBS", "DIRECTIVE_VERBS", "OBJECT_CONTROL", "OBJECT_CONTROL_XCOMP",
    "SUBJECT_CONTROL_XCOMP", "INTENTION_WORDS", "ABOUT_TO",
    "PURPOSE_NOUNS", "EXPERIENCE_NOUNS", "STATE_VERBS", "COMING_VERBS", "COMING_TO_NOUNS", "WH_ADVERBS", "REASON_WORDS",
    "EXTRAPOSING_VERBS", "TELLING_VERBS", "SEQUENCE_VERBS", "INSTRUMENT_VERBS",
    "CAUSATIVE_VERBS", "VERB_IDIOM_NOUNS", "COMPLEX_PREPOSITION_NOUNS", "JUDGING_VERBS",
    "RESULT_VERBS", "TAKING_ADVERBS", "SINGULAR_VERB_FORMS", "THE_IDIOM_NOUNS", "FACTIVE_VERBS",
    "MANDATIVE_VERBS", "WEAK_MANDATIVE_VERBS", "MANDATIVE_ADJECTIVES", "MANDATIVE_NOUNS",
    "WEAK_MANDATIVE_NOUNS", "WISHING_VERBS", "DURATION_VERBS",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- Negation --------------------------------------------------------------------------------

NEGATIONS = _words("not n't n\u2019t never no")
"""Words that negate a verb group ("does not rival", "never came", "aren\u2019t")."""

NEGATIVE_WORDS = _words("no none nothing nobody neither nor nowhere")
"""Pronouns and determiners that deny what they stand in ("nothing", "no clue")."""

NEGATIVE_CONJUNCTIONS = _words("nor neither")
"""Conjunctions that deny the clause they open: "nor did they think ...", "neither confirmed
nor denied"."""

NOT_QUITE_ADVERBS = _words("almost nearly")
"""Adverbs on a verb that say its event did not quite happen: "the bill nearly passed the
Senate" (it did not pass), "Maria almost lost her job"."""

TRUTH_ADJECTIVES = _words("true correct right accurate")
"""Adjectives that, negated, deny the clause they judge: "it is not true that the mayor owns
the company"."""

FALSITY_ADJECTIVES = _words("false untrue wrong incorrect inaccurate baseless unfounded")
"""Adjectives that deny the clause they judge: "it is false that the mayor owns the company"."""

INSTEAD_PHRASES = frozenset({("instead", "of"), ("rather", "than")})
"""Phrases (adverb, then preposition or conjunction) opening what was not done or chosen:
"instead of building a school", "walked rather than drive the car", "a car park rather than
a school"."""

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

CONTRACTED_S = _words("'s \u2019s")
"""The contracted "is" or "has" ("He's garnered praise"): "has" before a participle with an
object, whatever the parser's passive reading says."""

LESSENING_WORDS = _words("less least")
"""Degree words that turn an adjective around: "less interested in details" is no interest
in them, so they stay in the relation."""

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
    "observe point forecast assure pledge accept propose hypothesise hypothesize posit check verify "
    "worry"
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

HEARSAY_ADVERBS = _words("allegedly reportedly supposedly purportedly apparently ostensibly")
"""Adverbs that make a clause reported, with no named source ("allegedly took bribes")."""

HEDGE_ADVERBS = _words("probably possibly perhaps maybe presumably arguably conceivably")
"""Adverbs that make a clause a hypothesis, not a fact: "the cause was most probably an
electrical fire" is held only as likely, with no named source (as with hearsay)."""

HEDGE_ADJECTIVES = _words("possible probable likely unlikely conceivable plausible")
"""Adjectives whose "that" clause is a hypothesis: "it's possible that the fields are clones"
states no clones."""

HEDGE_NOUNS = _words("possibility chance prospect likelihood probability risk danger threat")
"""Nouns whose "that" clause is a hypothesis: "the possibility that the virus reached the
capital" states no such thing (the stance is ``questioned``)."""

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

VERB_IDIOM_NOUNS = _words(
    "risk question touch place practice account mind charge jeopardy danger doubt effect "
    "force motion use service operation power office custody trial justice life death "
    "consideration perspective context focus contact action"
)
"""Bare nouns that make an idiom with a verb and a preposition: "putting the browser at
risk", "put into question the masculinity", "were put in touch with lawyers", "take into
account": the relation keeps them ((vulnerabilities, put at risk, browser)), or it says
something else ((victims, be put in, touch)). After the verb's object the idiom keeps an "of"
phrase of its own ("putting the browser at risk of being hacked"), unless the noun also makes
a complex preposition (:data:`COMPLEX_PREPOSITION_NOUNS`)."""

COMPLEX_PREPOSITION_NOUNS = _words(
    "line accordance behalf spite means favour favor addition lieu light respect regard terms "
    "search response return honour honor memory support front place account consideration"
)
"""The nouns of complex prepositions: "in line with", "on behalf of", "in place of", "in terms
of". They join the relation as the idiom nouns do ("withdrawn in line with the published
policy" is withdrawn in line with a policy, not (claim, be withdrawn in, line)), but their
"of" phrase is the object: "expressed in terms of latitude" is no idiom "in terms of" with
the object before it."""

THE_IDIOM_NOUNS = _words("lead dark loop")
"""Nouns of a verb's idiom after "the", the object between: "putting the Belgians in the
lead", "kept the public in the dark", "keep them in the loop": (Mertens, put in lead,
Belgians), not (Mertens, put, Belgians)."""

IDIOM_NOUNS = VERB_IDIOM_NOUNS | COMPLEX_PREPOSITION_NOUNS
"""Every bare noun a verb or a complex preposition takes into the relation (both lists)."""

JUDGING_VERBS = _words(
    "find consider believe deem judge think suppose presume expect imagine prove declare "
    "assume reckon hold know show report"
)
"""Verbs of judging whose object is the subject of a following "to be": "may find Tulsa's
rolling land to be a bit more challenging" finds no land (:mod:`extract.second_complements`)."""

RESULT_VERBS = _words("leave keep make render")
"""Verbs whose object an adjective after it says the state of: "left nearly 80 civilians
dead" left no civilians (:mod:`extract.second_complements`)."""

TAKING_ADVERBS = _words("seriously lightly personally further apart")
"""Adverbs after the object that make another verb of "take": "take their job very
seriously", "Taking his discoveries further" (:mod:`extract.second_complements`)."""

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

OF_OBJECT_VERBS = _words(
    "tell inform warn remind notify assure convince persuade apprise accuse suspect convict "
    "acquit clear rob deprive strip rid cure relieve disabuse")
"""Verbs with an object and an "of" complement of their own, what is told or charged or
taken: "told the court of their sorrow", "accused the minister of lying", "robbed him of
his savings". An "of" phrase the parser hangs on their object is the verb's."""

ASKING_VERBS = _words(
    "urge ask tell order persuade encourage invite call want expect require advise instruct "
    "command beg implore press request train teach warn"
)
"""Verbs whose object is asked or told to do what their open complement says, which need not
happen: "Police urged business owners to turn over videotapes"."""

CREDITING_VERBS = _words("credit")
"""Verbs whose "with" complement is someone's claim: "he was credited with revolutionizing
linguistics" (by whom the sentence need not say). Not "charge": "charged with reviewing the
plans" is a duty as often as "charged with murder" is an accusation."""

PREVENTING_VERBS = _words("forbid prevent stop ban bar prohibit discourage deter keep")
"""Verbs whose object is kept from doing what their "from" clause says: "stopped them from
leaving" (they did not leave). The clause is negated (extract.polarity.kept_from)."""

FORBIDDING_VERBS = _words("forbid ban bar prohibit")
"""Preventing verbs that forbid: "was banned from conducting public worship" says the act was
not allowed ("may not"), not that it did not happen."""

DISSUADING_VERBS = _words("discourage")
"""Preventing verbs that only advise against: "discouraged them from voting" says they
should not, not that they did not."""

ABSTAINING_VERBS = _words("abstain refrain desist")
"""Verbs whose subject keeps itself from doing what their "from" clause says: "abstained from
voting on the bill" (they did not vote). The clause is negated (extract.polarity.kept_from)."""

DECLINING_VERBS = _words("refuse decline")
"""Verbs whose subject will not do what their open complement says: "refused to say what
tactics the group would use" says nothing, so what would have been said is nobody's claim
(extract.polarity.declined_saying)."""

MANDATIVE_VERBS = _words(
    "recommend advise urge demand request require order command mandate stipulate decree direct")
"""Verbs whose "that" clause in the base form or the plain present says what should be done,
not what is (the mandative subjunctive): "McAfee is recommending that users upgrade their
anti-virus software" (nobody has upgraded yet); "the rules require that the form be signed"."""

WEAK_MANDATIVE_VERBS = _words("insist suggest propose ask move petition")
"""Verbs whose "that" clause is mandative only in the base form ("proposed that the city
build a bridge"); in the present it is a claim ("suggest that children learn faster")."""

DURATION_VERBS = _words("wait stay last live remain take linger endure persist survive sleep")
"""Verbs that "as long as" measures instead of conditioning: "waited as long as he could"."""

WISHING_VERBS = _words("wish")
"""Verbs whose "that" clause, in any form, is wished for and so is not so: "I wish that my
brother owned a car", "she wished he were here"."""

MANDATIVE_ADJECTIVES = _words(
    "important essential vital necessary crucial imperative critical advisable desirable "
    "mandatory compulsory obligatory preferable urgent")
"""Adjectives whose "that" clause says what should be, not what is: "it is important that
visitors remove their shoes", "it's absolutely essential that there be safeguards"."""

MANDATIVE_NOUNS = _words(
    "recommendation requirement demand request stipulation mandate directive")
"""Nouns whose "that" clause in the base form or the present says what should be done: "the
recommendation that users upgrade"."""

WEAK_MANDATIVE_NOUNS = _words("proposal suggestion insistence motion")
"""Nouns whose "that" clause is mandative only in the base form (:data:`WEAK_MANDATIVE_VERBS`)."""

DIRECTIVE_VERBS = ASKING_VERBS | PREVENTING_VERBS
"""Verbs whose object is asked, told or kept from doing something that need not happen: what
is urged or prevented is attributed to whoever asks, not stated."""

OBJECT_CONTROL = ACCUSING_VERBS | CREDITING_VERBS | PREVENTING_VERBS | _words(
    "exempt protect save praise thank congratulate criticise criticize punish fine forgive "
    "employ engage involve assist aid")
"""Verbs whose object, not subject, does what their prepositional clause says: "accused X of
lying", "stopped X from leaving", "blamed X for losing", "employed him in organizing his
army", "assisted her in writing"."""

OBJECT_CONTROL_XCOMP = ASKING_VERBS | _words(
    "allow permit force compel oblige help enable lead cause get make let need convince "
    "inspire prompt drive push pressure remind authorise authorize empower forbid appoint "
    "elect choose name"
)
"""Verbs whose object does what their open complement says: "urged delegates to pursue",
"persuaded him to leave", "helped al-Qaida establish a camp"."""

SUBJECT_CONTROL_XCOMP = _words("promise use")
"""Verbs whose subject, not their object, does what their open complement says, even when the
object is a person: "promised him to return", "used his friends to get a job"."""

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

EXPERIENCE_NOUNS = _words("difficulty trouble problem experience success")
"""Nouns of what someone goes through in doing something: "had difficulties getting their
robots across the border", "her experience living in this neighborhood". The participle after
them is done by who has the difficulty or the experience, never by the noun."""

STATE_VERBS = _words(
    "overlook comprise contain include face border span surround resemble house feature "
    "measure weigh stretch")
"""Verbs of where or what a thing is, not of what happens: a participle of one after a passive
event still describes the event's subject ("a statue was erected behind the Archives,
overlooking the Ottawa River"), where another says what the event brought about ("the team
was deducted a point, leading to a rush")."""

COMING_VERBS = _words("come bring draw grind")
"""Verbs of "came to end", "drew to a close": the "to" before :data:`COMING_TO_NOUNS` is a
preposition, never an infinitive of purpose, even when the parser tags the noun a verb."""

COMING_TO_NOUNS = _words("end close halt stop standstill rest power light life terms grips")
"""Nouns of "come to end", "came to rest", "came to power", "brought to a halt"."""

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

EXTRAPOSING_VERBS = _words("be seem appear become remain happen")
"""Verbs whose subject "it" may stand for a clause after them, which says what "it" is:
"It is likely that more jobs will go", "It seems that ..." (:mod:`extract.things`)."""

TELLING_VERBS = _words(
    "tell inform advise warn assure notify remind promise persuade convince teach show ask")
"""Verbs whose passive subject is the one told, beside the clause told: "it was told by
Ansett administrators that it could no longer share its terminal" is Virgin Blue, never a
clause put after its verb ("It is expected that ...")."""

SEQUENCE_VERBS = _words("follow precede")
"""Verbs of order in a list: "educated at Exeter School, followed by the University of
Birmingham" puts the school before the university; the clause's subject is followed by
nothing."""

INSTRUMENT_VERBS = _words("use employ utilize utilise")
"""Verbs of working with a tool: "nests I made using Y-tong", "were cut into slices using a
microtome". Whoever uses it is a person or a body doing the work, never the thing made or
done to."""

CAUSATIVE_VERBS = _words("make let have help")
"""Verbs that take a bare infinitive clause of someone else's doing: "made ends meet",
"helping the Russians take Azov". Whoever makes, lets or helps it happen is the subject of a
"by" clause of means hung on the infinitive ("made ends meet by doing needlework": she did
the needlework, not the ends)."""

SINGULAR_VERB_FORMS = _words("is was has does 's")
"""Forms of a verb or auxiliary that agree with one thing only: "by highway, bus and train -
and Faaborg, which is best reached by bus" is about Faaborg alone
(:func:`extract.verb_forms.singular_relative_antecedent`)."""

FACTIVE_VERBS = _words("realize realise know notice discover learn")
"""Verbs of coming to know whose clause holds whether or not anyone knows it: denied, they
report nothing ("Nor did she realize that he wrote popular literature": he did, and the text
says so; :func:`extract.polarity.denied_knowing`)."""
