"""What keeps a candidate fact out of the graph: named vetoes on a misread parse.

The rules (:mod:`extract.rules`) read every clause the parser gives them; some readings are
parser errors no entity can come from ("hired gun Abu Nidal" read with "hired" as the
subject, "said on Wednesday" read as a fact about Wednesday). :data:`GRAPH_VETOES` is the
table of those checks, walked in order (a row that names constructions is tried on theirs
only): the first that holds names why the candidate is dropped (:func:`veto`), so
``kg explain`` prints the rule and :mod:`extract.triples` keeps none of them. Open IE output
(``kg.openie.v1``) keeps every reading, as CaRB's annotators write them; only the graph is
vetoed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Token

from extract.appositions import APPOSITION_SHAPES
from extract.attribution import reporting
from extract.citations import author_citation
from extract.clauses import conjuncts, first_conjunct
from extract.denials import denial_cut_short
from extract.doc_arrays import columns, has_child, has_email, token_texts
from extract.lexicon import (
    CLAUSE_ONLY_VERBS,
    CLOSE_BRACKETS,
    DASHES,
    DEGREE_ADJECTIVES,
    DEGREE_NOUNS,
    INDEFINITE_ARTICLES,
    LABEL_SEPARATORS,
    NAMING_PHRASES,
    NOT_REFERENT_TYPES,
    OPEN_BRACKETS,
    PURPOSE_NOUNS,
    TIME_TYPES,
    is_relative,
)
from extract.misreadings import (
    after_label,
    bracketed_affiliation,
    clause_on_a_date,
    declined_to_say,
    disagreeing_noun,
    elliptical_clause,
    example,
    with_a_state,
    fronted_phrase,
    gapped_clause,
    garbled_relation,
    gerund_with_a_subject,
    indirect_question,
    inside_a_title,
    lost_second_complement,
    names_side_by_side,
    numbers_or_dates,
    participle_past_a_phrase,
    past_a_list,
    past_a_name,
    phrase_of_the_object,
    preposition_of_the_verb,
    range_aside,
    substitution,
    title_read_as_clause,
    who_on_a_place,
)
from extract.phrases import label_tokens
from extract.ranked import cut_complement
from extract.second_complements import judged_object, predicate_of_the_object, taken_as
from extract.records import Fact

__all__ = ["Veto", "GRAPH_VETOES", "veto"]

_VERBAL = ("VERB", "AUX")
_PREP_RULES = frozenset({"prep", "named_prep"})


@dataclass(frozen=True, slots=True)
class Veto:
    """One row of :data:`GRAPH_VETOES`: a name and the test that drops a candidate.

    Attributes:
        name: The rule's name, as ``kg explain`` prints it beside a dropped candidate.
        applies_to: True when the candidate is a misreading this row catches.
        constructions: The constructions whose candidates the row is about (None: all); the
            row is tried only on those, as :class:`~extract.records.TokenRules` indexes rules.
    """

    name: str
    applies_to: Callable[[Fact], bool]
    constructions: frozenset[str] | None = None


def _listing(appos: Token) -> bool:
    """True for an apposition that lists members of a group ("seven countries - Malawi,
    Mozambique, ... and Lesotho"), none of which is the group, runs across a dash, or
    is separated from its noun by a verb (two phrases of different clauses)."""
    doc = appos.doc
    for _ in range(len(doc)):  # from a listed member up to the apposition itself
        if appos.dep_ != "conj" or appos.head.i == appos.i:
            break
        appos = appos.head
    if any(doc[k].pos_ in _VERBAL for k in range(appos.head.i + 1, appos.left_edge.i)):
        return True  # a clause between them: the parser joined two phrases of different clauses
    return len(conjuncts(appos)) > 1 or sum(
        c.dep_ == "appos" for c in appos.head.children) > 1 or any(
        t.text in DASHES and t.i > 0 and doc[t.i - 1].whitespace_ for t in appos.head.subtree)


def _noun_complement(verb: Token) -> bool:
    """True for a clause after a noun's preposition ("conditions for resuming talks"), but
    not in a phrase the verb's subject is in ("China is on the cusp of releasing ...")."""
    noun = verb.head.head
    if noun.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
        return False
    return not (noun.dep_ == "pobj" and noun.head.head.pos_ in _VERBAL)


def _subject_of_next_verb(noun: Token) -> bool:
    """True for a conjunct that is the subject of the finite verb right after it, misparsed
    ("returned to the homes and the Vlava river receded": the river recedes)."""
    after = noun.right_edge.i + 1
    if after >= len(noun.doc):
        return False
    verb = noun.doc[after]
    return verb.tag_ in ("VBD", "VBZ", "VBP") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def subject_of_a_cut_clause(fact: Fact) -> bool:
    """A direct object that is the subject of a clause the parser cut off after it: "a new
    departmental report which recommends Australia outsource information technology"
    recommends no Australia, "has been told directors, including chairman Ray Williams, made
    a bid" was told no directors, "The Government says a 28-year-old man left Australia"
    says no man. English lets a clause follow a verb of saying, thinking or advising without
    "that", and the clause's subject reads as the verb's object; a finite verb right after
    the object's phrase with no subject of its own shows it (for a verb of saying, also one
    the parser made a participle of the noun: "man left"). After a relative clause that a
    comma opened and no comma closed, the verb is the relative clause's too: "Mr Kissinger,
    who has denied the subject of Timor came up during the talks, appeared ..." denied no
    subject; it came up ("The company which sold the shares rose" is read as it stands)."""
    obj = fact.object
    verb = fact.verb
    if obj.dep_ != "dobj" or verb is None or obj.head.i != verb.i:
        return False
    if reporting(verb) is not None and any(
            c.dep_ == "acl" and c.tag_ in _FINITE_TAGS and c.i == obj.i + 1 and not any(
                g.dep_ in _SUBJECT_DEPS for g in c.children) for c in obj.rights):
        return True  # "says a 28-year-old man left Australia", "left" read as a participle
    after = _finite_verb_after(obj)
    if after is None or any(c.dep_ in ("relcl", "acl") for c in obj.rights):
        return False  # "a voice communication they believed could be bin Laden": its gap
    subjects = [c for c in after.children if c.dep_ in _SUBJECT_DEPS]
    if after.head.i == verb.i and after.dep_ in ("ccomp", "xcomp") and not subjects:
        return True  # the clause hangs on the verb, its subject taken for the verb's object
    if verb.dep_ in ("relcl", "acl"):
        start = verb.left_edge.i
        return start > 0 and obj.doc[start - 1].text == "," and any(
            s.i == verb.head.i for s in subjects)
    if subjects or _governs(after, verb) or (after.dep_ == "conj" and after.head.i == verb.i):
        return False  # the verb has a subject, or shares the clause's
    # "the royal commission set up to investigate" may be a participle; "directors ... made
    # a bid" with an object of its own may not.
    return after.tag_ != "VBD" or after.i != _first_of_group(after) or any(
        c.dep_ in _PAST_ONLY_COMPLEMENTS for c in after.children)


#: Complements a past participle after a noun cannot take, and a past tense verb can.
_PAST_ONLY_COMPLEMENTS = frozenset({"dobj", "ccomp", "attr", "acomp", "dative"})


def _first_of_group(verb: Token) -> int:
    """Index of the first word of ``verb``'s group: its first auxiliary, else itself."""
    return min((c.i for c in verb.lefts if c.dep_ in ("aux", "auxpass")), default=verb.i)


#: Dependencies of a subject, and of a verb that heads a clause.
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "conj", "advcl", "parataxis", "dep",
                          "relcl", "acl", "csubj", "pcomp"})


def _governs(head: Token, token: Token) -> bool:
    """True when ``token`` is ``head`` or hangs below it."""
    for _ in range(len(token.doc)):
        if token.i == head.i:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _finite_verb_after(noun: Token) -> Token | None:
    """The verb of a finite clause that begins right after the phrase of ``noun`` (its
    conjuncts and appositions left out: "had about 391,000 people and the metro area had" is
    the conjunct's business): a finite verb there, or the verb that a finite auxiliary or
    modal there belongs to ("their leader would not be arrested"); None when no such clause
    begins there.
    """
    doc = noun.doc
    ends = [noun.i, *(t.i for c in noun.children if c.dep_ not in ("conj", "cc", "appos")
                      for t in c.subtree)]
    after = max(ends) + 1
    if after >= len(doc):
        return None
    token = doc[after]
    if token.dep_ in ("aux", "auxpass") and (token.tag_ in _FINITE_TAGS or token.tag_ == "MD") \
            and token.head.i > token.i:
        token = token.head
    elif token.tag_ not in _FINITE_TAGS:
        return None
    return token if token.pos_ in _VERBAL and token.dep_ in _CLAUSE_DEPS else None


def verbal_argument(fact: Fact) -> bool:
    """A verb as subject or object: "hired gun Abu Nidal" read with "hired" as the subject."""
    return fact.subject.pos_ in _VERBAL or fact.object.pos_ in _VERBAL


#: Parts of speech that name nothing: an argument headed by one is a misparse.
_FUNCTION_WORDS = frozenset({"ADP", "SCONJ", "CCONJ", "PART", "DET", "INTJ"})


def function_word_argument(fact: Fact) -> bool:
    """A preposition or conjunction as subject or object, or an adverb as subject: "flying
    to the Chathams and back is not cheap" read as (back, be, cheap), "the last, or among the
    last battles" as (Darfur, be, among). (An adverb object can say a result: "is piled
    high".)"""
    return fact.subject.pos_ in _FUNCTION_WORDS or fact.subject.pos_ == "ADV" or (
        not fact.clause_object and fact.object.pos_ in _FUNCTION_WORDS)


def email_address(fact: Fact) -> bool:
    """An e-mail address as the verb or in an argument: an author line ("Claire Bailey-Ross
    claire.bailey-ross@port.ac.uk University of Portsmouth") is no clause, and an address is
    how to write to someone, never what they are ("Daniela Karine Ramos dadaniela@gmail.com"
    read as an apposition)."""
    verb = fact.verb
    return (verb is not None and verb.like_email) or (has_email(fact.subject.doc) and any(
        t.like_email for head in (fact.subject, fact.object) for t in label_tokens(head)))


def _separated(argument: Token, *, colon: bool) -> bool:
    """True when a bracket opens or closes between ``argument`` and the verb it depends on,
    or (with ``colon``) a colon or semicolon stands between them."""
    verb = argument.head
    doc = argument.doc
    low, high = sorted((argument.i, verb.i))
    depth = 0
    texts = token_texts(doc)
    for k in range(low + 1, high):
        text = texts[k]
        depth += (text in OPEN_BRACKETS) - (text in CLOSE_BRACKETS)
        if colon and text in LABEL_SEPARATORS and depth == 0:
            return True
    return depth != 0


def across_a_separator(fact: Fact) -> bool:
    """A subject or object the parser hung across a bracket from its verb, or a subject
    across a colon: "are becoming increasingly prevalent (e.g., Star Wars, Harry Potter)"
    is no (systems, become, Harry Potter); "Store hours: Mon-Fri ... Main Street is the
    primary retail section" no (hours, be section of, Fort Lee). A bracketed figure is
    the verb's own ("migrates to Antarctica and back (nearly 40,000 kilometers)")."""
    clause = fact.clause
    if clause is None:
        return False
    subject = fact.subject
    if subject.dep_ in ("nsubj", "nsubjpass") and _separated(subject, colon=True):
        return True
    obj = first_conjunct(fact.object)  # a listed member: the verb's own object
    return obj.dep_ in ("dobj", "attr") and obj.ent_type_ not in NOT_REFERENT_TYPES and (
        _separated(obj, colon=False))


def _joined_by_hyphen(doc, hyphen: int) -> bool:
    """True when token ``hyphen`` is a hyphen written between two words with no space
    ("cross-section", "Mon-Fri"), so the words on its two sides make one."""
    if not 0 < hyphen < len(doc) - 1 or token_texts(doc)[hyphen] != "-":
        return False
    before, after = doc[hyphen - 1], doc[hyphen + 1]
    return not before.whitespace_ and not doc[hyphen].whitespace_ and (
        before.is_alpha and after.is_alpha)


def part_of_a_word(fact: Fact) -> bool:
    """An argument that begins or ends inside a hyphenated word, which the tokeniser split
    and the parser did not put back together: "offered a tremendous cross-section of genres"
    is no (outfits, offer, tremendous cross), nor (outfits, offer, section of genres)."""
    doc = fact.subject.doc
    return any(_joined_by_hyphen(doc, end) or _joined_by_hyphen(doc, start - 1)
               for start, end in (fact.subject_bounds, fact.object_bounds))


def unmarked_apposition(fact: Fact) -> bool:
    """A common noun "in apposition" to a plural noun with no comma, bracket, dash or quote
    between them: a verb the tagger read as a plural noun, its object read as the apposition
    ("a moving fluid exchanges its kinetic energy", "part of the trails crosses private
    property"). A name right after its noun is one ("the romantic comedy Chasing Liberty")."""
    if fact.construction != "apposition" or fact.subject.tag_ != "NNS" or (
            fact.object.pos_ == "PROPN"):
        return False
    doc = fact.subject.doc
    appos = first_conjunct(fact.object)
    return not any(doc[k].is_punct or not doc[k].text[:1].isalnum()
                   for k in range(fact.subject.i + 1, appos.left_edge.i + 1))


def modifier_of_the_next_noun(fact: Fact) -> bool:
    """An argument followed, with no punctuation between, by a common noun the parser hung on
    it as an apposition: the argument only modifies that noun ("is the day to day business of
    life" is no (facet, be, day to day))."""
    doc = fact.subject.doc
    for arg in (fact.subject, fact.object):
        if arg.pos_ not in ("NOUN", "NUM"):
            continue
        for appos in arg.rights:
            if appos.dep_ == "appos" and appos.pos_ == "NOUN" and not any(
                    doc[k].is_punct or not doc[k].text[:1].isalnum()
                    for k in range(arg.i + 1, appos.left_edge.i + 1)):
                return True
    return False


def date_of_statement(fact: Fact) -> bool:
    """"said on Wednesday": when it was said is no fact of its own; "giving birth ... more
    than nine months after": a span of time is not what a verb acts on."""
    return fact.object.ent_type_ in TIME_TYPES and fact.verb is not None and (
        reporting(fact.verb) is not None or fact.object.dep_ == "dobj")


def relative_word(fact: Fact) -> bool:
    """"whose violent death was reported": the relative clause's noun is elsewhere."""
    subject, obj = fact.subject, fact.object
    return is_relative(subject) or is_relative(obj) or any(
        c.tag_ == "WP$" for c in subject.lefts) or any(c.tag_ == "WP$" for c in obj.lefts)


def noun_complement(fact: Fact) -> bool:
    """"one of the conditions for resuming talks": a noun's complement says nothing of who
    resumes them (Open IE output keeps the guess, which CaRB's annotators accept)."""
    verb = fact.verb
    return verb is not None and verb.dep_ == "pcomp" and _noun_complement(verb)


def distant_participle(fact: Fact) -> bool:
    """"authorities were counting the cost as the river receded, revealing the damage": with
    another clause between them, whose subject a participle has is a guess."""
    verb = fact.verb
    return verb is not None and verb.dep_ == "advcl" and any(
        t.pos_ == "VERB" and t.dep_ in ("advcl", "conj", "relcl", "ccomp")
        for t in verb.doc[verb.head.i + 1 : verb.i])


def subject_of_next_verb(fact: Fact) -> bool:
    """"returned to the homes and the Vlava river receded": the river is no object."""
    return fact.object.dep_ == "conj" and _subject_of_next_verb(fact.object)


#: What makes a coordinated verb's clause its own: an object or complement.
_OWN_COMPLEMENTS = frozenset({"dobj", "attr", "acomp", "xcomp", "ccomp", "prep", "dative"})


def object_past_a_verb(fact: Fact) -> bool:
    """An object the parse hung on the clause's verb past a verb coordinated with it that has
    complements of its own, the object's verb: "has not enjoyed the rapid growth ..., and has
    had to endure the fall of its industry, rising unemployment and emigration" enjoys no
    unemployment ("bought and sold cars", a verb with none, shares the object)."""
    clause = fact.clause
    if clause is None:
        return False
    head = clause.head
    obj = first_conjunct(fact.object)
    if obj.dep_ == "pobj" and obj.head.dep_ == "prep":
        obj = obj.head
    if obj.head.i != head.i or obj.i < head.i:
        return False
    cols = columns(head.doc)  # the verb's children, without a walk of its whole subtree
    return any(cols.deps[c] == "conj" and cols.pos[c] in _VERBAL and head.i < c < obj.i
               and has_child(head.doc[c], _OWN_COMPLEMENTS)
               for c in cols.children[cols.starts[head.i]:cols.starts[head.i + 1]])


def listing(fact: Fact) -> bool:
    """"seven countries - Malawi, Mozambique, ... and Lesotho": no member is the group."""
    return _listing(fact.object)


def clause_of_its_own(fact: Fact) -> bool:
    """"succumb more quickly than they do in the West": the preposition belongs to a clause
    of its own (here a comparison), not to the verb."""
    return any(c.dep_ in ("nsubj", "aux", "mark") for c in fact.object.head.children)


def purpose_phrase(fact: Fact) -> bool:
    """"evolved in order to fight the pressure", "with a view to improving the quality": the
    phrase says what the clause is for (its clause is ``intended``), and (adaptations, evolve
    in, order) says nothing. The purpose noun must govern a clause: an infinitive, or a
    preposition and a gerund ("a view well beyond the coming months" is no purpose)."""
    obj = fact.object
    if obj.dep_ != "pobj" or obj.lemma_.lower() not in PURPOSE_NOUNS:
        return False
    for child in obj.rights:
        if child.dep_ == "acl" and child.tag_ == "VB":
            return True
        if child.dep_ == "prep" and any(
                g.dep_ == "pcomp" or g.tag_ == "VBG" for g in child.children):
            return True
    return False


def clausal_complement(fact: Fact) -> bool:
    """"AIDS is making the effects of the famine much worse in Malawi": the verb's real
    complement is the clause, and (AIDS, make in, Malawi) says nothing."""
    return fact.verb is not None and any(c.dep_ == "ccomp" for c in fact.verb.children)


def subject_of_the_clause(fact: Fact) -> bool:
    """"alleged a staff member told him ...": the member is the clause's subject, not the
    object of a verb that takes a clause and no person
    (:data:`~extract.lexicon.CLAUSE_ONLY_VERBS`)."""
    verb = fact.verb
    return fact.object.dep_ == "dobj" and verb is not None and (
        verb.lemma_.lower() in CLAUSE_ONLY_VERBS) and any(c.dep_ == "ccomp" for c in verb.children)


def object_after_that(fact: Fact) -> bool:
    """An object after a "that" the parser hung on the verb as a word of its own: "Daniel
    realised that in a similar way, a moving fluid exchanges its kinetic energy" is a clause,
    no (Daniel, realise, moving fluid exchanges)."""
    verb = fact.verb
    obj = fact.object
    return verb is not None and obj.dep_ == "dobj" and obj.head.i == verb.i and any(
        c.lower_ == "that" and c.tag_ == "IN" and verb.i < c.i < obj.left_edge.i
        for c in verb.children)


#: Participles that give a noun its name ("a podcast called X"), as a tagger may misread them.
_NAMING_PARTICIPLES = frozenset(words[0] for words in NAMING_PHRASES if len(words) == 1)


def naming_participle(fact: Fact) -> bool:
    """A name after "called", "dubbed" ... with nobody called it: the participle names the
    noun before it, misread as a verb with a subject ("a podcast with her boyfriend Julien
    Solomita called 'The Jenna Julien Podcast'" is no (Solomita, call, Podcast))."""
    verb = fact.verb
    return verb is not None and fact.object.dep_ == "oprd" and (
        verb.lower_ in _NAMING_PARTICIPLES) and any(c.dep_ == "nsubj" for c in verb.children) and (
        not any(c.dep_ in ("dobj", "aux", "auxpass", "nsubjpass") for c in verb.children))


def resulting_state(fact: Fact) -> bool:
    """"left eight civilians dead": the civilians are the object, not "dead"."""
    return fact.object.dep_ == "oprd" and fact.object.pos_ == "ADJ"


#: Tags of the word a phrase of degree ("a little bit", "a lot") says how much of.
_DEGREE_OF = frozenset({"JJ", "JJR", "RB", "RBR", "VBN"})


def _degree_phrase(head: Token) -> bool:
    doc = head.doc
    if head.lower_ not in DEGREE_NOUNS or head.i + 1 >= len(doc) or (
            doc[head.i + 1].tag_ not in _DEGREE_OF):
        return False
    lefts = list(head.lefts)
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES for c in lefts) and all(
        c.dep_ == "det" or (c.dep_ == "amod" and c.lower_ in DEGREE_ADJECTIVES) for c in lefts)


def degree_phrase(fact: Fact) -> bool:
    """An argument that only says how much of the word after it: "I'm a little bit inspired
    by dreams", "has become a great deal more popular", "a lot better" (the parser made the
    phrase a subject or an object; it names nothing)."""
    return _degree_phrase(fact.subject) or _degree_phrase(fact.object)


def adjective_object(fact: Fact) -> bool:
    """An adjective the parser made a verb's direct object, or a conjunct of one: "deposit
    balls colored blue and orange" read "colored" as the verb of "balls"; nothing is
    (balls, color, blue). A noun after an adjective is the object ("need more"), not this."""
    return first_conjunct(fact.object).dep_ == "dobj" and fact.object.tag_ == "JJ" and not any(
        c.dep_ == "det" for c in fact.object.children)


def cut_ranking_complement(fact: Fact) -> bool:
    """A ranked noun cut from what it ranks among: "the first YouTube star to be immortalized
    at Madame Tussauds" is no "first YouTube star" of all (:mod:`extract.ranked`; a short
    phrase joins the label instead, "the first wax figure at this location")."""
    inside = tuple(t.i for t in (fact.subject, fact.object, fact.verb) if t is not None)
    return cut_complement(fact.subject, inside) or cut_complement(fact.object, inside)


def citation_argument(fact: Fact) -> bool:
    """An argument that is the author list of a bracketed citation ("in L2 research (Marsden
    & Mackey, 2014)" is no (repository, hold in, Marsden & Mackey)): the authors wrote about
    the fact, they are no part of it (:mod:`extract.citations`)."""
    return author_citation(fact.subject) or author_citation(fact.object)


#: The vetoes of graph facts, in order: the first that holds drops the candidate.
GRAPH_VETOES: tuple[Veto, ...] = (
    Veto("verbal_argument", verbal_argument),
    Veto("function_word_argument", function_word_argument),
    Veto("email_address", email_address),
    Veto("across_a_separator", across_a_separator),
    Veto("part_of_a_word", part_of_a_word),
    Veto("date_of_statement", date_of_statement),
    Veto("relative_word", relative_word),
    Veto("noun_complement", noun_complement, frozenset({"pcomp"})),
    Veto("distant_participle", distant_participle, frozenset({"advcl"})),
    Veto("subject_of_next_verb", subject_of_next_verb),
    Veto("object_past_a_verb", object_past_a_verb),
    Veto("listing", listing, frozenset({"apposition"})),
    Veto("unmarked_apposition", unmarked_apposition, frozenset({"apposition"})),
    Veto("clause_of_its_own", clause_of_its_own, _PREP_RULES),
    Veto("clausal_complement", clausal_complement, _PREP_RULES),
    Veto("purpose_phrase", purpose_phrase, _PREP_RULES),
    Veto("subject_of_the_clause", subject_of_the_clause),
    Veto("subject_of_a_cut_clause", subject_of_a_cut_clause),
    Veto("object_after_that", object_after_that),
    Veto("naming_participle", naming_participle),
    Veto("resulting_state", resulting_state),
    Veto("adjective_object", adjective_object),
    Veto("degree_phrase", degree_phrase),
    Veto("modifier_of_the_next_noun", modifier_of_the_next_noun),
    Veto("cut_ranking_complement", cut_ranking_complement),
    Veto("denial_cut_short", denial_cut_short),
    # Shapes of a construction that say something else (extract.misreadings):
    Veto("apposition_after_label", after_label, frozenset({"apposition"})),
    Veto("apposition_of_numbers", numbers_or_dates, frozenset({"apposition"})),
    Veto("apposition_names_side_by_side", names_side_by_side, frozenset({"apposition"})),
    Veto("apposition_bracketed_affiliation", bracketed_affiliation, frozenset({"apposition"})),
    Veto("apposition_past_a_list", past_a_list, frozenset({"apposition"})),
    Veto("apposition_past_a_name", past_a_name, frozenset({"apposition"})),
    Veto("apposition_of_an_example", example, frozenset({"apposition"})),
    Veto("substitution", substitution, frozenset({"apposition", "copula"})),
    *(Veto(name, test, frozenset({"apposition"})) for name, test in APPOSITION_SHAPES),
    Veto("with_a_state", with_a_state, frozenset({"prep", "named_prep", "passive"})),
    Veto("title_read_as_clause", title_read_as_clause),
    Veto("disagreeing_noun", disagreeing_noun, frozenset({"relcl", "copula"})),
    Veto("clause_on_a_date", clause_on_a_date, frozenset({"relcl", "acl", "passive", "copula"})),
    Veto("who_on_a_place", who_on_a_place, frozenset({"relcl", "copula", "named_prep"})),
    Veto("indirect_question", indirect_question),
    Veto("participle_past_a_phrase", participle_past_a_phrase, frozenset({"acl", "passive"})),
    Veto("preposition_of_the_verb", preposition_of_the_verb, frozenset({"acl"})),
    Veto("fronted_phrase", fronted_phrase, frozenset({"prep", "copula", "passive"})),
    Veto("elliptical_clause", elliptical_clause),
    Veto("garbled_relation", garbled_relation),
    Veto("gerund_with_a_subject", gerund_with_a_subject),
    Veto("phrase_of_the_object", phrase_of_the_object, frozenset({"named_prep"})),
    Veto("lost_second_complement", lost_second_complement),
    # A second complement that changes what the object is (extract.second_complements):
    Veto("predicate_of_the_object", predicate_of_the_object),
    Veto("judged_object", judged_object),
    Veto("taken_as", taken_as),
    Veto("range_aside", range_aside, frozenset({"prep", "named_prep"})),
    Veto("gapped_clause", gapped_clause, frozenset({"prep", "named_prep"})),
    Veto("inside_a_title", inside_a_title),
    Veto("citation_argument", citation_argument),
    Veto("declined_to_say", declined_to_say),
)
#: The rows of :data:`GRAPH_VETOES` worth trying on a candidate of each construction (the rows
#: for every construction, and those naming it), in table order.
_FOR_ALL = tuple(rule for rule in GRAPH_VETOES if rule.constructions is None)
_BY_CONSTRUCTION = {
    name: tuple(rule for rule in GRAPH_VETOES
                if rule.constructions is None or name in rule.constructions)
    for name in {name for rule in GRAPH_VETOES for name in rule.constructions or ()}
}


def veto(fact: Fact) -> str | None:
    """The name of the first of :data:`GRAPH_VETOES` that drops ``fact``, or None.

    >>> from extract.pipeline import load_nlp
    >>> from extract.rules import iter_facts
    >>> sent = next(load_nlp()("The blast left eight civilians dead.").sents)
    >>> [(f.object.text, veto(f)) for f in iter_facts(sent)]
    [('civilians', 'predicate_of_the_object'), ('dead', 'resulting_state')]
    """
    for rule in _BY_CONSTRUCTION.get(fact.construction, _FOR_ALL):
        if rule.applies_to(fact):
            return rule.name
    return None
