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

from bisect import bisect_left

from spacy.tokens import Token

from extract.appositions import apposition_of, bracket_words, bracketed, words_between
from extract.clauses import conjuncts, first_conjunct
from extract.doc_arrays import sentence_bounds, token_texts
from extract.doc_memo import once_per_doc
from extract.lexicon import (
    AUXILIARY_VERBS,
    ELLIPSIS_OPENERS,
    EXAMPLE_ADVERBS,
    GLOSS_WORDS,
    LABEL_SEPARATORS,
    LINKED_TYPES,
    LOCATIVE_PREPS,
    NOT_REFERENT_TYPES,
    OBJECT_PREP_FRAMES,
    OBJECT_HOLDING_VERBS,
    OPEN_BRACKETS,
    PERSONAL_RELATIVES,
    PLACE_TYPES,
    QUOTE_MARKS,
    RESULTATIVE_PREPS,
    TIME_TYPES,
)
from extract.phrases import title_tail
from extract.polarity import declined_saying
from extract.subtitles import colon_subtitle
from extract.teams import team_sense
from extract.records import Fact

__all__ = [
    "after_label",
    "numbers_or_dates",
    "names_side_by_side",
    "example",
    "with_a_state",
    "bracketed_affiliation",
    "past_a_list",
    "past_a_name",
    "substitution",
    "title_read_as_clause",
    "disagreeing_noun",
    "clause_on_a_date",
    "declined_to_say",
    "who_on_a_place",
    "indirect_question",
    "participle_past_a_phrase",
    "preposition_of_the_verb",
    "fronted_phrase",
    "elliptical_clause",
    "garbled_relation",
    "gerund_with_a_subject",
    "phrase_of_the_object",
    "lost_second_complement",
    "range_aside",
    "inside_a_title",
    "gapped_clause",
]

_NAMES = frozenset({"PROPN"})


def _name_like(token: Token) -> bool:
    """A proper noun, or a short abbreviation the tagger did not call one ("OK", "KS")."""
    return token.pos_ in _NAMES or (token.text.isupper() and token.text.isalpha()
                                    and len(token.text) <= 3)


def after_label(fact: Fact) -> bool:
    """A colon or semicolon between the phrase and its apposition: a heading and its
    subtitle, a caption, a label and its value, or the next item of a list ("The Use of
    Cognitive Digital Games in School: Contributions to Attention", "Image: Danny Newman",
    "IATA: TUL", "DKK; Depth: 2m"); or a colon right after the apposition, which is then a
    label of what follows ("Daniel Bernoulli FRS (German pronunciation: ...)")."""
    if fact.construction != "apposition":
        return False
    doc = fact.subject.doc
    if any(doc[i].text in LABEL_SEPARATORS for i in words_between(fact)):
        return True
    # A label whose value follows it: "(German pronunciation: [bɛʁˈnʊli])", "tel: 1 201".
    after = fact.object.i + 1
    return after < len(doc) and doc[after].text == ":"


def numbers_or_dates(fact: Fact) -> bool:
    """A date, time or amount on either side ("Tuesday, March 8", "Marstal, 25 minutes"),
    or a number in a bracketed apposition: a citation ("source material (Martin, 2000)"), a
    figure ("(Figure 2)"), a measure ("24°C (75°F)")."""
    if fact.construction != "apposition":
        return False
    appos = apposition_of(fact)
    if fact.subject.ent_type_ in NOT_REFERENT_TYPES or appos.ent_type_ in NOT_REFERENT_TYPES:
        return True
    # Only in brackets: "the newest markup language HTML 5" has a version in its name.
    doc = appos.doc
    return any(any(ch.isdigit() for ch in doc[i].text) for i in bracket_words(appos))


def names_side_by_side(fact: Fact) -> bool:
    """Two proper names, the second neither bracketed nor introduced by a determiner: a
    place and its region ("Brooklyn, New York", "Vinita, OK"), an address, or two members of
    a list ("Sweden, Belgium, England win") -- not one thing named twice. A second name in
    brackets ("Masjid Al-Haram (Grand Mosque)") or with "the" ("Sydfynske Øhav, the South
    Funen Archipelago") stays an apposition."""
    if fact.construction != "apposition":
        return False
    appos = apposition_of(fact)
    head = fact.subject
    if fact.predicate != "be" or head.pos_ not in _NAMES or not _name_like(appos) or (
            bracketed(appos)):
        return False  # (Brooklyn, be in, New York) is what "Brooklyn, New York" says
    if appos.ent_type_ == "PERSON" and any(c.dep_ == "det" for c in head.lefts) and not any(
            c.dep_ == "compound" for c in head.lefts):
        return False  # a title and the person who holds it: "the Regent, Tsarevna Sophia"
    return not any(c.dep_ == "det" for c in appos.lefts)


def bracketed_affiliation(fact: Fact) -> bool:
    """A person's name with another kind of name in brackets: his club, party, country or
    town ("Christophe Dominici (Stade Francais)", "Kevin Morgan (Newport)"), not a second
    name of his."""
    if fact.construction != "apposition":
        return False
    appos = apposition_of(fact)
    head = fact.subject
    if appos.pos_ not in _NAMES or appos.ent_type_ == "PERSON" or not bracketed(appos):
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
    if fact.construction != "apposition":
        return False
    appos = apposition_of(fact)
    return any(c.dep_ in ("conj", "cc") and c.i < appos.i for c in fact.subject.rights)


def past_a_name(fact: Fact) -> bool:
    """A prepositional phrase ending in a name stands between the phrase and its
    description: the description is of the nearer name ("members of the Society, a group of
    veterans", "the badge of the Society of the Cincinnati, an organization of officers"),
    which the parse did not see."""
    if fact.construction != "apposition":
        return False
    appos = apposition_of(fact)
    if not any(c.dep_ == "det" for c in appos.lefts) or appos.pos_ in _NAMES:
        return False
    doc = appos.doc
    return any(doc[i].dep_ == "pobj" and doc[i].pos_ in _NAMES and doc[i].head.dep_ == "prep"
               for i in words_between(fact))


def example(fact: Fact) -> bool:
    """An apposition opened by "especially", "particularly", "mainly" ...: an example or a
    part of the phrase ("applications of mathematics to mechanics, especially fluid
    mechanics"), not another name of it; or by "i.e.", "e.g." ...: a gloss or an example
    ("viewers familiar with the books (i.e., “Experts”)" is no (books, be, Experts))."""
    if fact.construction != "apposition":
        return False
    appos = apposition_of(fact)
    doc = appos.doc
    return any((doc[i].dep_ == "advmod" and doc[i].lower_ in EXAMPLE_ADVERBS)
               or doc[i].lower_ in GLOSS_WORDS for i in range(appos.left_edge.i, appos.i))


def with_a_state(fact: Fact) -> bool:
    """"with" and a noun in the state a particle or adjective after it gives it, which says
    how things stood, not what the verb did with the noun: "was caught with their headset
    off" is no (player, be caught with, headset)."""
    obj = fact.object
    prep = obj.head
    if obj.dep_ != "pobj" or prep.lower_ != "with" or prep.head.i == prep.i:
        return False
    after = obj.right_edge.i + 1
    if after >= len(obj.doc):
        return False
    state = obj.doc[after]
    return (state.tag_ == "RP" or (state.tag_ == "JJ" and state.dep_ != "amod")) and (
        state.head.i in (prep.head.i, obj.i) and not any(True for _ in state.children))


def substitution(fact: Fact) -> bool:
    """A name "for" a name: one player coming on for another ("two changes, Sutton for
    Maloney"), which names a substitution, not the player."""
    if fact.construction not in ("apposition", "copula"):
        return False
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


_SINGULAR_VERBS = frozenset({"VBZ"})
_PLURAL_VERBS = frozenset({"VBP"})
_SINGULAR_NOUNS = frozenset({"NN", "NNP"})
_PLURAL_NOUNS = frozenset({"NNS", "NNPS"})


def _finite(verb: Token) -> Token | None:
    """The present-tense word of a clause that shows its number: the verb, or its first
    auxiliary ("that are efficient", "which has been"); None when none shows it."""
    for token in [*(c for c in verb.lefts if c.dep_ in ("aux", "auxpass")), verb]:
        if token.tag_ in _SINGULAR_VERBS or token.tag_ in _PLURAL_VERBS:
            return token
    return None


def disagreeing_noun(fact: Fact) -> bool:
    """A relative clause or a participle whose verb does not agree with the noun the parse
    gave it: it belongs to another noun ("a bulb from busted CFL that are efficient": the
    bulbs are, not the CFL)."""
    if fact.construction not in ("relcl", "copula"):
        return False
    clause = fact.clause
    if clause is None or clause.verb.dep_ != "relcl":
        return False
    noun = clause.verb.head
    finite = _finite(clause.verb)
    if finite is None or noun.pos_ not in ("NOUN", "PROPN") or fact.subject.i != noun.i:
        return False  # the noun is what the clause is about, not who does it
    # "Iran and North Korea, which are ...": a list is plural whatever its first member.
    plural = noun.tag_ in _PLURAL_NOUNS or any(c.dep_ == "conj" for c in noun.rights)
    return (finite.tag_ in _SINGULAR_VERBS and plural) or (
        finite.tag_ in _PLURAL_VERBS and noun.tag_ in _SINGULAR_NOUNS and not plural)


def who_on_a_place(fact: Fact) -> bool:
    """A relative "who" the parse hung on a place, a date or a number: it is about people
    named elsewhere ("asylee hopefuls from Afghanistan, Eritrea, Libya, Syria and Yemen who
    applied before last summer": the hopefuls applied), when it is the object of a
    preposition of another noun. A place alone ("Look at Turkey, who is knocking on the
    doors"), or one that plays as a team in its document ("Belgium, who scored"), is one."""
    clause = fact.clause
    if clause is None or clause.verb.dep_ != "relcl":
        return False
    verb = clause.verb
    if not any(c.lower_ in PERSONAL_RELATIVES for c in verb.children):
        return False
    subject = fact.subject
    if not any(t.i == subject.i for t in conjuncts(verb.head)):
        return False  # the subject is not the noun the clause hangs on
    noun = first_conjunct(verb.head)
    if noun.dep_ != "pobj" or noun.head.head.pos_ not in ("NOUN", "PROPN"):
        return False  # "Look at Turkey, who is knocking on the doors": no other noun
    kind = subject.ent_type_
    return kind in NOT_REFERENT_TYPES or (kind in PLACE_TYPES and not team_sense(subject))


def clause_on_a_date(fact: Fact) -> bool:
    """A relative clause or a participle the parse hung on a date or a time: it is about
    something else ("headline ideas on a Monday coming from our staff": the ideas come)."""
    if fact.construction not in ("relcl", "acl", "passive", "copula"):
        return False
    clause = fact.clause
    if clause is None or clause.verb.dep_ not in ("relcl", "acl"):
        return False
    noun = clause.verb.head
    return noun.ent_type_ in TIME_TYPES and noun.i in (fact.subject.i, fact.object.i)


def indirect_question(fact: Fact) -> bool:
    """An argument that asks "how many" or "which": the sentence asks or counts, it states
    no fact about them ("counted how many ants were present on each food-source")."""
    if fact.clause is None:
        return False
    for argument in (fact.subject, fact.object):
        if argument.left_edge.tag_ not in ("WRB", "WDT"):
            continue  # a wh-word opens the phrase: "how many ants", "which firms"
        for child in argument.lefts:
            if child.tag_ == "WRB" or (child.tag_ == "WDT" and child.dep_ == "det"):
                return True
            if child.dep_ == "amod" and any(c.tag_ == "WRB" for c in child.lefts):
                return True
    return False


def participle_past_a_phrase(fact: Fact) -> bool:
    """A participle after a comma, hung on one member of a list, on the object of "of" or on a
    noun with a name between them: which noun it describes is a guess ("as Ozymandias in the
    film Watchmen (2009), based on DC Comics' series": Watchmen is; "a diary of his life and
    times, written in English", "Manakau, the property of his descendants, located on the
    eastern corner": the diary and the property are)."""
    if fact.construction not in ("acl", "passive"):
        return False
    clause = fact.clause
    if clause is None or clause.verb.dep_ != "acl" or clause.borrowed != "acl":
        return False
    verb = clause.verb
    noun = verb.head
    doc = verb.doc
    comma = verb.left_edge.i - 1
    if comma <= noun.i or doc[comma].text != ",":
        return False
    if noun.dep_ == "conj" or any(c.dep_ == "conj" and c.i < comma for c in noun.rights):
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        return True  # "the property of his descendants, located on": the property is
    # A name between them is the nearer candidate ("... the film Watchmen (2009), based
    # on"); "Fragments of letters from her, copied by Galois" has none.
    return any(doc[k].pos_ in _NAMES and doc[k].ent_type_ not in NOT_REFERENT_TYPES
               for k in range(noun.i + 1, comma))


def preposition_of_the_verb(fact: Fact) -> bool:
    """A bare participle after the object of a verb that takes the participle's preposition
    itself: "spend the cash saved on health" spends on health; the cash was not saved on it."""
    if fact.construction != "acl":
        return False
    clause = fact.clause
    if clause is None or clause.borrowed != "acl" or clause.verb.tag_ != "VBN":
        return False
    verb = clause.verb
    preps = [c for c in verb.children if not c.is_punct]
    if len(preps) != 1 or preps[0].dep_ != "prep":
        return False
    noun = verb.head
    governor = noun.head
    frame = OBJECT_PREP_FRAMES.get(governor.lemma_.lower())
    return noun.dep_ == "dobj" and frame is not None and preps[0].lower_ in frame and not any(
        c.dep_ == "prep" and c.lower_ == preps[0].lower_ for c in governor.children)


def fronted_phrase(fact: Fact) -> bool:
    """The fact's preposition comes before the clause's subject: a phrase that sets the
    scene ("On the other hand, their argument is ...", "Beyond these calls, efforts ... have
    emerged"), no argument of the verb. A named place, person or group is one ("In Malawi,
    10,000 people may have died"), and so is "the Hajj, in which 1,426 pilgrims were
    trampled": a relative word comes first by nature (and is not the fact's object)."""
    if fact.construction not in ("prep", "copula", "passive"):
        return False
    clause = fact.clause
    obj = fact.object
    if clause is None or obj.dep_ not in ("pobj", "conj"):
        return False
    for _ in range(len(obj.doc)):
        if obj.dep_ != "conj" or obj.head.i == obj.i:
            break
        obj = obj.head
    prep = obj.head
    if obj.dep_ != "pobj" or prep.dep_ != "prep" or (
            prep.i not in {p.i for p in clause.preps}) or obj.ent_type_ in LINKED_TYPES:
        return False  # "In Malawi, as many as 10,000 people may have died": a named place
    return any(prep.i < subject.left_edge.i for subject in clause.subjects
               if subject.head.i == clause.verb.i)


def elliptical_clause(fact: Fact) -> bool:
    """An inverted auxiliary after "nor", "neither" or "so" stands for the clause before it:
    "All the other countries could not agree ..., nor could the UN" says the UN could not
    agree either, not (countries, could, UN)."""
    clause = fact.clause
    if clause is None:
        return False
    verb = clause.verb
    if verb.i == 0 or verb.doc[verb.i - 1].lower_ not in ELLIPSIS_OPENERS:
        return False
    return verb.tag_ == "MD" or verb.lemma_.lower() in AUXILIARY_VERBS


def gerund_with_a_subject(fact: Fact) -> bool:
    """A gerund with a subject of its own and no auxiliary names an event, it does not
    state it: "the legend of Galois pouring his thoughts onto paper seems exaggerated",
    "one step before workers taking over the factory" (a parser may make the gerund the
    sentence's verb). Who did it is in a finite clause ("Galois poured ..."), not here.
    "With Mertens making early attempts" (an absolute) and a gerund joined to a finite
    verb ("and those writers training the new writers") do state what they say."""
    clause = fact.clause
    if clause is None or clause.borrowed is not None:
        return False
    verb = clause.verb
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with" or verb.dep_ not in ("ROOT", "pcomp"):
        return False
    return verb.tag_ == "VBG" and any(
        c.dep_ == "nsubj" and c.i == fact.subject.i for c in verb.children) and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


def garbled_relation(fact: Fact) -> bool:
    """A relation with no word in it, or with a word twice in a row: "It’s limitless" read
    with "’" as the verb, "Rivertrail is probably be best choice" as (Rivertrail, be be,
    best choice)."""
    predicate = fact.predicate
    if predicate.upper() == predicate.lower():
        return True  # no letter that has a case: no word
    words = predicate.split()
    return any(a == b for a, b in zip(words, words[1:]))


def phrase_of_the_object(fact: Fact) -> bool:
    """A named place or group after the object of a verb whose object is an event or a
    possession: the phrase is the object's ("began his famous retreat through New Jersey"),
    and (Washington, begin through, New Jersey) lost what the relation is about."""
    clause = fact.clause
    if fact.construction != "named_prep" or clause is None or not clause.objects:
        return False
    lemma = clause.head.lemma_.lower()
    if lemma not in OBJECT_HOLDING_VERBS:
        return False
    # "began postdoctoral research at Helsinki": he began there.
    return lemma == "have" or fact.object.head.lower_ not in LOCATIVE_PREPS


def lost_second_complement(fact: Fact) -> bool:
    """A verb that means something else without its second complement: "rich oil barons
    turned the Downtown area into a treasure trove" did not turn the area, and "critics view
    the film as a masterpiece" do not just view it."""
    clause = fact.clause
    if clause is None or fact.object.dep_ != "dobj":
        return False
    wanted = RESULTATIVE_PREPS.get(clause.head.lemma_.lower())
    return wanted is not None and any(
        c.dep_ == "prep" and c.lower_ == wanted and c.i > fact.object.i
        for c in clause.head.children)


def range_aside(fact: Fact) -> bool:
    """"from X to Y" after a comma lists who or what, it is no argument of the verb: "will put
    in an appearance, from Bono and Bob Geldof to Angelina Jolie" says nothing of (figures,
    put in to, Angelina Jolie)."""
    if fact.construction not in ("prep", "named_prep") or fact.clause is None:
        return False
    preps = {p.lower_: p for p in fact.clause.head.children if p.dep_ == "prep"}
    start, end = preps.get("from"), preps.get("to")
    if start is None or end is None or start.i > end.i or start.i == 0:
        return False
    if start.doc[start.i - 1].text != ",":
        return False
    prep = fact.object.head
    return prep.i in (start.i, end.i) or (prep.dep_ == "conj" and prep.head.i == start.i)


def inside_a_title(fact: Fact) -> bool:
    """An argument that is the end of a title another argument names whole: "starred in
    Pride and Prejudice" is no (Knightley, star in, Prejudice), "show Elevator to the
    Gallows" no (festival, show to, Gallows) (:func:`extract.phrases.title_tail`); and an
    argument that is a subtitle after a colon, either side: "the demonstration of Batman:
    Arkham VR, players are dropped" drops no Arkham VR anywhere
    (:func:`extract.subtitles.colon_subtitle`)."""
    if any(_subtitle(arg) for arg in (fact.subject, fact.object)):
        return True
    obj = fact.object
    if obj.pos_ != "PROPN":
        return False
    doc = obj.doc
    if obj.dep_ == "conj" and obj.i in {t.i for t in title_tail(obj.head)}:
        return True
    start = obj.left_edge.i
    name = start - 2 if start >= 2 and doc[start - 1].dep_ == "prep" else None
    if name is None or doc[name].pos_ != "PROPN":
        return False
    return start - 1 in {t.i for t in title_tail(doc[name])} or any(
        start - 1 in {t.i for t in title_tail(head)}
        for head in (doc[name].head,) if head.pos_ == "PROPN")


def _subtitle(argument: Token) -> bool:
    """True when ``argument`` is in the subtitle after a name and the nearest colon before it
    ("Batman: Arkham VR", '"India: New Economy, Old Economy"')."""
    doc = argument.doc
    colons = once_per_doc(doc, "kg.colons",
                          lambda: [i for i, text in enumerate(token_texts(doc)) if text == ":"])
    n = bisect_left(colons, argument.i)
    if n == 0 or colons[n - 1] <= sentence_bounds(doc, argument.i)[0]:
        return False
    return argument.i in {t.i for t in colon_subtitle(doc[colons[n - 1] - 1])}


def gapped_clause(fact: Fact) -> bool:
    """A conjunct of a preposition's object with that preposition of its own is the subject
    of a clause whose verb is left out: "with the silver medal going to Poland and the bronze
    to Armenia" says the bronze went to Armenia, not (silver medal, go to, bronze)."""
    obj = fact.object
    if obj.dep_ != "conj":
        return False
    first = first_conjunct(obj)
    prep = first.head
    return first.dep_ == "pobj" and prep.i != first.i and any(
        c.dep_ == "prep" and c.lower_ == prep.lower_ for c in obj.children)


def declined_to_say(fact: Fact) -> bool:
    """The fact is what someone refused or declined to say or confirm: "refused to confirm
    when and where the ceremony would take place" is no claim of theirs, and the sentence
    states nothing of it either (:func:`extract.polarity.declined_saying`)."""
    return fact.verb is not None and declined_saying(fact.verb)
