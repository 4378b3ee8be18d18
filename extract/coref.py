"""Cautious pronoun, reflexive and demonstrative resolution over one parsed document.

A pronoun is resolved only when the evidence is strong in every genre (measured against GUM's
gold coreference by ``benchmarks/gum_identity.py``: news, biographies, interviews, travel
guides, academic papers, court transcripts); anything else gives None and the caller drops the
triple rather than inventing a referent:

* reflexives (``himself``, ``itself``, ``themselves``) -> the subject of their own clause
  ("a suicide bomber tried to blow himself up" -> the bomber); an emphatic one beside a name
  is that name ("copied by Galois himself"), one read as the subject after its verb's
  auxiliary no one ("the law is itself evolving"); not when the subject is a coordination or the
  clause modifies a noun and has no subject of its own ("difficulties getting themselves");
* possessives (``his``, ``its``, ``their``) -> the subject of their own clause when it agrees
  ("Russia defended itself against criticism of its arms sales"), not when that subject is
  a pronoun of another kind ("he illuminated ... semantics, and its role"), "its" a person
  the document names, or the owned phrase a copula's complement ("the main attraction
  would be its collection"); else as below;
* ``he``/``she`` and their forms -> the one person named in reach (the sentence up to the
  pronoun and the two before it), counting the forms of one name as one person ("Yasser
  Arafat" ... "Mr Arafat") and a surname the recogniser typed otherwise ("the legend of
  Galois") as that person; a person whose honorific says the other gender ("Ms Almao" for
  "he") is not compatible (except the document's topic person, who has its pronouns'
  gender: a dog toy "Mr. Marbles" in a biography of Jenna Marbles), a person-denoting noun
  in reach ("the captain") makes it ambiguous (a name the document gives a person is that
  person, never such a rival, whatever the recogniser typed it), and so does a pronoun of
  the same gender in reach before that person's first mention (someone named earlier is
  being spoken of: "He served as Russell's interpreter when Russell visited China. ... he
  wrote") or after it as the object of that person's verb ("Peter the Great employed him
  ... He": someone else of that gender is about); "s/he" is no one; an object pronoun is
  never the subject of its own verb, which would say "himself" ("Siméon Poisson asked him":
  not Poisson, nor a rival, nor the document's topic standing for them); with no person
  named in reach at all, the person the document is about (the one named in its first
  sentence, or under a heading naming no one the one named most, as a subject; when at least
  half its person mentions are theirs or they are named twice as often as anyone else, a
  short form counted as theirs when they are the one of its full names named first, and its
  pronouns of that gender are three or more and outnumber the
  other's two to one: a biography's "he"), unless a person noun comes before the pronoun in
  its sentence ("a young woman who has lost her parents"); and, where no person noun in
  reach could be meant (none, or every one written before the named subject continued), the
  subject the text goes on about: its sentence's main subject before it ("Fillmore taught at Pisa, where
  he met Sue Atkins"), or for a sentence's own main subject the main subject of the sentence
  before ("Daniel was a son of Johann Bernoulli. He had two brothers"), a person whose gender
  a pronoun resolved before, an honorific or the document's topic says, with no one else
  named on the way, not inside a quotation, and across a paragraph break only the person the
  document names most; a "he"/"she" inside a quotation (:mod:`extract.quotations`) is never
  its speaker, who would say "I", and is left open whenever the speaker is in reach or is a
  pronoun left open ('"I've talked to him," Mr Howard said');
* ``it``/``its``, ``they``/``them``/``their`` -> the one noun in reach (the subjects and
  objects of the sentence up to the pronoun and of the one before) that agrees in number, and
  only when it is a name (organisation, place, product, ...) that is the subject of its clause
  and no pronoun of the same number in reach comes before it: "it" after "the best analogy
  I've heard" or "the northern part of Tulsa" meant something else four times in five in the
  GUM documents; failing that, the subject of the clause its own clause is joined to
  (:mod:`extract.clause_things`: "The aircraft was on approach when it came down");
* a demonstrative noun phrase (``these companies``) -> the nearest preceding mention in
  reach with the same head lemma.

Each lookup scans at most three sentences, so the cost stays linear in the text.
:func:`resolution` names the rule that resolved a pronoun, or the one that left it
unresolved (:data:`RESOLVED_BY`, :data:`UNRESOLVED_BY`), so ``kg explain`` can say why.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Span, Token

from extract.clause_things import joined_clause_subject
from extract.coref_memo import CentresTable, Resolution, centres_table, remembered
from extract.coref_rules import RESOLVED_BY, UNRESOLVED_BY
from extract.names import person_key
from extract.people import (
    known_genders,
    main_person,
    most_named,
    other_gender_after,
    person_key_at,
    person_mentions,
    subject_named_after,
    topic_person,
    unknown_name_says,
)
from extract.doc_arrays import children_with, columns, dep_labels, left_children, token_lowers
from extract.phrases import paragraph_break
from extract.pronoun_clauses import in_noun_modifier, pronoun_kind, said_subject
from extract.quotations import quotation_at, speakers
from extract.rivals import RIVAL_DEPS, person_noun_in_sentence, rival_person
from extract.things import is_person_noun, thing_in_reach, window_start
from extract.lexicon import (
    DEMONSTRATIVES,
    FEMALE_NOUNS,
    FEMALE_PRONOUNS,
    MALE_NOUNS,
    MALE_PRONOUNS,
    NOT_REFERENT_TYPES,
    PLURAL_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    REFLEXIVE_PRONOUNS,
    SINGULAR_PRONOUNS,
    is_relative,
)

__all__ = ["Resolution", "RESOLVED_BY", "UNRESOLVED_BY", "has_demonstrative", "resolution",
           "resolve"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Objects of a verb: a pronoun there is never its own verb's subject (else "himself").
_OBJECTS = frozenset({"dobj", "dative"})
_PERSON_WINDOW = 2


def _left_open(token: Token, wanted: str, rule: str, continues: bool = True,
               to_topic: bool = False) -> Resolution:
    """``rule`` left a "he"/"she" open among the people in reach: the subject the text goes on
    about may still say who it is (:func:`_continued_subject`, unless not ``continues``), or,
    with ``to_topic``, the document's topic person (:func:`_topic_subject`)."""
    continued = _continued_subject(token, wanted) if continues else None
    if continued is not None:
        return Resolution(continued, "same_subject")
    topic = _topic_subject(token, wanted) if to_topic else None
    return Resolution(topic, "topic_subject") if topic is not None else Resolution(None, rule)


def _topic_subject(token: Token, wanted: str) -> Token | None:
    """The person the document is about (:func:`extract.people.topic_person`), named before
    a "he"/"she" that is the main subject of a sentence with no quotation, when no one else
    who could be meant is a subject in reach: the people named there are objects or said of
    ("He was wounded at the Siege of Savannah" in a life of L'Enfant), no person noun is a
    subject ("His father asked him. He agreed"), every "he"/"she" subject there is the
    main subject of a sentence about the topic person."""
    main, topic = _main_subject(token.sent), topic_person(token.doc, wanted)
    if main is None or main.i != token.i or topic is None or topic.i > token.i or any(
            quotation_at(t) is not None for t in token.sent):
        return None  # '"... to expel Arafat personally," he said': a speaker, anyone
    key, doc, centres = person_key(topic), token.doc, _centres(token.doc)
    for t in doc[window_start(token, _PERSON_WINDOW):token.i]:
        other = person_key_at(t)
        if t.dep_ in _SUBJECTS and other != key and (rival_person(t, wanted) or (
                pronoun_kind(t) == wanted and centres.get(t.sent.start, ("",))[0] != key) or (
                other not in (None, key) and wanted in known_genders(doc).get(other, {wanted}))):
            return None
    return topic


def _person(token: Token) -> Resolution:
    found = _named_person(token)
    later = subject_named_after(token) if found.target is not None else None
    wanted = "m" if token.lower_ in MALE_PRONOUNS else "f"
    if later is not None and person_key_at(found.target) != later and known_genders(
            token.doc).get(later, {wanted}) == {wanted}:
        return Resolution(None, "subject_named_after")  # "After he won, Smith said": Smith?
    return found


def _named_person(token: Token) -> Resolution:
    if token.i > 0 and token.doc[token.i - 1].text.endswith("/"):
        return Resolution(None, "slash_pronoun")  # "s/he": whoever it is, no one named
    start = window_start(token, _PERSON_WINDOW)
    wanted = "m" if token.lower_ in MALE_PRONOUNS else "f"
    doc = token.doc
    starts, mentions, _honorifics = person_mentions(doc)
    genders = known_genders(doc)
    bound = _own_subjects(token)
    speaking = _speaker_keys(token, wanted)
    if speaking is None:
        return Resolution(None, "unknown_speaker")
    people: dict[str, Token] = {}
    for n in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, token.i)):
        end, key, root = mentions[n]
        if end <= token.i:
            people[key] = root  # the latest mention of each person
    excluded = {key for _end, key, root in mentions if root.i in bound}
    if any(genders.get(key, {wanted}) == {wanted} for key in speaking & set(people)):
        # '"I've talked to him," Mr Howard said': not Howard, who would say "I"; and with
        # the speaker set aside, who else is meant is a guess ('"... an infamous coquette
        # and her two dupes"', said Galois: not the one woman named before)
        return Resolution(None, "quotation_speaker")
    compatible = {key: root for key, root in people.items()
                  if genders.get(key, {wanted}) == {wanted} and key not in excluded}
    if unknown_name_says(token):
        return Resolution(None, "unknown_name_says")
    named = {root.i for _end, _key, root in mentions[bisect.bisect_left(starts, start):
                                                     bisect.bisect_left(starts, token.i)]}
    deps = dep_labels(doc)
    rivals = [i for i in range(start, token.i) if deps[i] in RIVAL_DEPS
              and rival_person(doc[i], wanted) and i not in bound and i not in named]
    if rivals:
        # "the captain" could be meant as well, unless its sentence's main subject, a person
        # named after every rival, is the one the text goes on about: "However, Daniel
        # refused, because he wanted to study mathematics" after "his father"
        main = _main_subject(token.sent)
        return _left_open(token, wanted, "rival_person_noun", to_topic=True,
                          continues=main is not None and rivals[-1] < main.i < token.i or (
                              _continued_after(token, wanted, rivals[-1])))
    if not people or not set(people) - excluded:
        if any(person_noun_in_sentence(t, wanted) for t in doc[token.sent.start : token.i]):
            # "a young woman who has lost her parents": she, not the biography's subject
            return Resolution(None, "person_noun_in_sentence")
        topic = topic_person(doc, wanted)
        if topic is not None and (topic.i > token.i or person_key(topic) in speaking
                                  or person_key(topic) in excluded):
            topic = None  # "He returned ..., marrying Yang Buwei": named after, not before
        if topic is not None:
            return Resolution(topic, "document_topic")
        return _left_open(token, wanted, "no_person_in_reach")
    if len(compatible) != 1:
        return _left_open(token, wanted, "several_people_in_reach" if compatible
                          else "no_compatible_person", to_topic=bool(compatible))
    (key, root), = compatible.items()
    first = min(mentions[n][2].i for n in range(bisect.bisect_left(starts, start),
                                                  bisect.bisect_left(starts, token.i))
                if mentions[n][1] == key)
    main = main_person(doc)
    if main is not None and main != key and genders.get(main, {wanted}) == {wanted} and (
            not _subject_before(token, root)):
        # "... Dumas is alone in this assertion ... a description of his opponent": in a
        # biography of Galois, whom it names 27 times, the one other man in reach is a guess
        return _left_open(token, wanted, "main_person_out_of_reach", to_topic=True)
    pronouns = MALE_PRONOUNS if wanted == "m" else FEMALE_PRONOUNS
    lowers = token_lowers(doc)
    if any(lowers[i] in pronouns and i != token.i for i in range(start, first)):
        # "He served as Russell's interpreter when Russell visited China. ... he wrote":
        # someone named before the window is spoken of, and may be meant again.
        return _left_open(token, wanted, "earlier_person_spoken_of", to_topic=True)
    mentioned = {mentions[n][2].i for n in range(bisect.bisect_left(starts, start),
                                                  bisect.bisect_left(starts, token.i))
                 if mentions[n][1] == key}
    if any(lowers[i] in pronouns and mentioned & _own_subjects(doc[i])
           for i in range(first, token.i)):
        # "The Tsar employed him ... He": someone else of that gender, who may be meant again
        return _left_open(token, wanted, "other_person_spoken_of")
    if key not in genders and other_gender_after(root, wanted):
        # "Dumas is alone in this assertion, and if he were correct ... (she ultimately
        # married someone else)": a "he" after Dumas, of no one else, may be Dumas himself
        return Resolution(None, "other_gender_spoken_of")
    return Resolution(root, "one_person_in_reach")


def _speaker_keys(token: Token, wanted: str) -> set[str] | None:
    """The people who speak the quotation ``token`` stands in: never what a "he" or "she" in
    it means, as they would say "I" ('"I've talked to him," Mr Howard said': not Howard).
    None when a speaker of the pronoun's gender is a pronoun left unresolved: whoever the
    quotation speaks of may be that speaker, too."""
    keys: set[str] = set()
    pronouns = MALE_PRONOUNS if wanted == "m" else FEMALE_PRONOUNS
    for subject in speakers(token):
        target: Token | None = subject
        if subject.pos_ == "PRON":
            if subject.lower_ not in MALE_PRONOUNS and subject.lower_ not in FEMALE_PRONOUNS:
                continue
            target = resolve(subject)
            if target is None and subject.lower_ in pronouns:
                return None
        key = person_key(target) if target is not None and target.ent_type_ == "PERSON" \
            else None
        if key is not None:
            keys.add(key)
    return keys


def _main_subject(sent) -> Token | None:
    """The subject of a sentence's main verb, if any."""
    return next(iter(children_with(sent.root, _SUBJECTS)), None)


def _centres(doc) -> CentresTable:
    """``{sentence start: (person key, name token, gender)}`` for each sentence whose main
    verb's subject is a person of known gender: a "he"/"she" resolved to a name, or a name
    whose gender an honorific, the document's topic or a pronoun resolved to it before says
    (one pass, in text order)."""
    return centres_table(doc, _fill_centres)


def _fill_centres(doc, centres: CentresTable) -> None:
    genders = {key: set(found) for key, found in known_genders(doc).items()}
    lowers = token_lowers(doc)
    for sent in doc.sents:
        subject = _main_subject(sent)
        main = person_key_at(subject) if subject is not None else None
        if main is not None and len(genders.get(main, ())) == 1:
            centres[sent.start] = (main, subject, next(iter(genders[main])))
        for i in range(sent.start, sent.end):
            if lowers[i] not in MALE_PRONOUNS and lowers[i] not in FEMALE_PRONOUNS:
                continue
            token = doc[i]
            target = centres.resolve_noting(token, resolution).target
            key = person_key_at(target) if target is not None else None
            if key is None:
                continue
            gender = "m" if token.lower_ in MALE_PRONOUNS else "f"
            genders.setdefault(key, set()).add(gender)  # "he" of Chao: Chao is a man
            if subject is not None and token.i == subject.i:
                centres[sent.start] = (key, target, gender)
            elif key == main and sent.start not in centres and genders[key] == {gender}:
                # "Chao went to the United States ..., where he was a classmate of Hu
                # Shih": the subject's gender, said after it in its own sentence
                centres[sent.start] = (key, subject, gender)


def _continued_subject(token: Token, wanted: str) -> Token | None:
    """The person a "he"/"she" continues as the subject the text is about, or None.

    A subject or object pronoun after its sentence's main subject is that subject when it is a
    person of the pronoun's gender and no one else is named between them, but for a role
    after "as" ("Fillmore taught at Pisa, where he met Sue Atkins"; "a lead role ..., as
    music journalist Stanley Mitchell, for which he earned a nomination"); a pronoun that is
    itself the main subject continues the main subject of the sentence before (or of the one
    before that, when the sentence between names no one), a person of its gender, when no one
    else is named before it in its own sentence ("Daniel was a son of Johann Bernoulli. He had
    two brothers"). The gender must be known (:func:`_centres`); a pronoun inside a quotation
    is left to the other rules.
    """
    sent = token.sent
    if token.dep_ not in _SUBJECTS | _OBJECTS | {"pobj"} or token.lower_ in REFLEXIVE_PRONOUNS:
        return None
    if quotation_at(token) is not None:
        return None  # '"He was captured by the Northern Alliance," he said': not the speaker
    doc = token.doc
    centres = _centres(doc)
    main = _main_subject(sent)
    if main is not None and main.i < token.i:
        centre = centres.get(sent.start)
        if main.i in _own_subjects(token):
            return None  # "Gordon asked him": not Gordon, or the text would say "himself"
        first = main.i + 1
    elif main is not None and main.i == token.i and token.head.i == sent.root.i and (
            token.dep_ in _SUBJECTS):
        previous = _previous_centre(sent, centres, wanted)
        centre = centres.get(previous.start) if previous is not None else None
        first = sent.start
    else:
        return None
    if centre is None or centre[2] != wanted:
        return None
    starts, mentions, _genders = person_mentions(doc)
    for n in range(bisect.bisect_left(starts, first), bisect.bisect_left(starts, token.i)):
        root = mentions[n][2]
        if mentions[n][1] != centre[0] and not (root.dep_ == "pobj" and root.head.lower_ == "as"):
            return None  # someone else is named on the way, not a role ("as Stanley Mitchell")
    pronouns = MALE_PRONOUNS if wanted == "m" else FEMALE_PRONOUNS
    lowers = token_lowers(doc)  # a Token only of each pronoun of the gender
    for t in (doc[k] for k in range(window_start(token, _PERSON_WINDOW), token.i)
              if lowers[k] in pronouns):
        if centres.get(t.sent.start, ("",))[0] == centre[0] and (
                _main_subject(t.sent) is not None
                and _main_subject(t.sent).i in _own_subjects(t)):
            return None  # "Peter employed him ... He": someone else of that gender is about
    return centre[1]


def _continued_after(token: Token, wanted: str, rival: int) -> bool:
    """True when ``token``, a "he"/"she" that is its sentence's main subject, may continue the
    main subject of a sentence before (:func:`_previous_centre`) named after the person noun at
    ``rival``: the text has gone on from "his father" to the man it is about ("His father then
    asked him to study medicine, and Daniel agreed ... Daniel studied medicine at Basel. He
    was a close friend of Euler")."""
    main = _main_subject(token.sent)
    if main is None or main.i != token.i:
        return False
    previous = _previous_centre(token.sent, _centres(token.doc), wanted)
    subject = _main_subject(previous) if previous is not None else None
    return subject is not None and rival < subject.i and subject.pos_ != "PRON"


def _previous_centre(sent: Span, centres: CentresTable, wanted: str) -> Span | None:
    """The sentence before ``sent`` whose main subject's person (:func:`_centres`) a
    "he"/"she" that is ``sent``'s main subject continues, or None; a sentence that names
    no one and has no subject ("[7]", a heading), or whose subject a "he"/"she" of the
    ``wanted`` gender owns ("Already in college his interests had turned to music"), is
    passed over, at most :data:`_PERSON_WINDOW` sentences back. Across a paragraph break
    only the person the document names most continues: a new paragraph may turn to someone
    else (an interview's answer after its question, a story's next scene)."""
    doc = sent.doc
    starts = person_mentions(doc)[0]
    before = sent.start
    crossed = False
    for _ in range(_PERSON_WINDOW):
        if before == 0:
            return None
        crossed = crossed or paragraph_break(doc[before - 1])
        previous = doc[before - 1].sent
        before = previous.start
        centre = centres.get(before)
        subject = _main_subject(previous)
        if subject is not None and centre is None and any(
                c.dep_ == "poss" and pronoun_kind(c) == wanted for c in subject.children):
            subject = None  # "his interests": the man the text goes on about, still
        if centre is not None or subject is not None or (
                bisect.bisect_left(starts, previous.start)
                < bisect.bisect_left(starts, previous.end)):
            if centre is None or (crossed and centre[0] != most_named(doc)):
                return None
            return previous
    return None


def _subject_before(token: Token, mention: Token) -> bool:
    """True when ``mention`` is the main subject of ``token``'s sentence, before it, or of the
    sentence before ("Saul Eslake says it is the third drop. He says ...")."""
    if mention.i > token.i:
        return False
    sent = token.sent
    previous = token.doc[sent.start - 1].sent if sent.start > 0 else None
    for subject in (_main_subject(s) for s in (sent, previous) if s is not None):
        if subject is not None and (subject.i == mention.i or (
                mention.head.i == subject.i and mention.dep_ in ("appos", "compound"))):
            return True  # "ANZ chief economist Saul Eslake says": the economist, Eslake
    return False


def _own_subjects(token: Token) -> set[int]:
    """The subjects of the verb an object pronoun ("him", "her") depends on: never what it
    means, or the text would say "himself" ("His father then asked him", "The Tsar employed
    him"). Empty for any other pronoun."""
    if token.dep_ not in _OBJECTS or token.lower_ in REFLEXIVE_PRONOUNS:
        return set()
    return {c.i for c in token.head.children if c.dep_ in _SUBJECTS}


def _clause_subject(token: Token) -> Token | None:
    """The subject of the clause ``token`` stands in, following xcomp chains upward.

    A relative pronoun subject ("husbands ..., who regard themselves") stands for the noun
    the relative clause modifies.
    """
    node = token
    for _ in range(len(token.doc)):
        subjects = [c for c in node.children if c.dep_ in _SUBJECTS]
        if subjects:
            subject = subjects[0]
            if is_relative(subject) and node.dep_ == "relcl" and (
                node.head.i != node.i
            ):
                return node.head
            if subject.pos_ == "PRON" and subject.i != token.i:
                return resolve(subject) if subject.lower_ not in REFLEXIVE_PRONOUNS else None
            return subject
        if node.dep_ in ("relcl", "acl") and node.head.i != node.i:
            return node.head
        if node.head.i == node.i or node.dep_ in ("ccomp", "csubj", "parataxis"):
            return None  # the clause has no subject of its own and borrows none
        node = node.head
    return None


def _agrees(token: Token, pronoun: str) -> bool:
    """True when ``token`` can be what the possessive ``pronoun`` stands for."""
    plural = token.tag_ in ("NNS", "NNPS") or token.ent_type_ == "NORP" or any(
        c.dep_ == "conj" for c in token.children)
    person = token.ent_type_ == "PERSON" or is_person_noun(token)
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in NOT_REFERENT_TYPES:
        return False
    if pronoun == "their":
        return plural
    if plural:
        return False
    if pronoun == "its":
        return not person
    if not person:
        return False
    if token.ent_type_ == "PERSON":
        key = person_key(token)
        genders = known_genders(token.doc).get(key or "", set())
        wanted = "m" if pronoun == "his" else "f"
        return genders <= {wanted}
    lemma = token.lemma_.lower()
    return lemma not in (FEMALE_NOUNS if pronoun == "his" else MALE_NOUNS)


def _owner(token: Token) -> tuple[Token | None, Resolution | None]:
    """What a possessive pronoun refers to when its own clause's subject agrees with it, and
    the person a "his"/"her" names (:func:`_person`) when that was worked out on the way, so
    :func:`resolution` does not work it out again.

    "Russia defended itself against criticism of its arms sales", "Colin Powell had delivered
    the message to his counterpart": the subject of the clause is the owner.
    """
    # Not when a nearer owner stands between the phrase and the verb: "conflict between the
    # party's senators and its organisation" (the party's), unlike "criticism of its sales".
    node = token.head
    for _ in range(len(token.doc)):
        if node.head.i == node.i or node.head.pos_ in ("VERB", "AUX"):
            break
        node = node.head
        if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in node.children):
            return None, None
    if token.head.dep_ == "attr":
        return None, None  # "the main attraction would be its collection": its is Fort Lee's
    said = said_subject(token)
    if said is not None and pronoun_kind(said) != pronoun_kind(token):
        return None, None  # "he illuminated ... semantics, and its role": not he
    subject = _clause_subject(token)
    if subject is None or subject.left_edge.i <= token.i <= subject.right_edge.i:
        return None, None  # "their actions are ...": the subject is the owned phrase itself
    if not _agrees(subject, token.lower_):
        return None, None
    if token.lower_ == "its" and person_key_at(subject) is not None:
        return None, None  # "Ličen has joined the Program to develop its ...": not Ličen
    if token.lower_ in MALE_PRONOUNS or token.lower_ in FEMALE_PRONOUNS:
        # A person is only taken when no other person in reach could be meant.
        person = _person(token)
        named = person.target
        if subject.ent_type_ == "PERSON":
            return (subject if named is not None and person_key(named) == person_key(
                subject) else None), person
        starts, _, _ = person_mentions(token.doc)
        window = window_start(token, _PERSON_WINDOW)
        if bisect.bisect_left(starts, token.i) > bisect.bisect_left(starts, window):
            return None, person
        return subject, person
    return subject, None


def has_demonstrative(token: Token) -> bool:
    """Whether a demonstrative determiner stands before ``token`` ("*these* companies")."""
    cols = columns(token.doc)
    deps, lowers = cols.deps, cols.lowers
    return any(deps[c] == "det" and lowers[c] in DEMONSTRATIVES
               for c in left_children(cols, token.i))


def _same_head(token: Token) -> Resolution:
    start = window_start(token, _PERSON_WINDOW)
    doc = token.doc
    for i in range(token.i - 1, start - 1, -1):
        cand = doc[i]
        if cand.lemma_ == token.lemma_ and cand.pos_ in ("NOUN", "PROPN") and not (
            has_demonstrative(cand)
        ):
            return Resolution(cand, "same_head")
    return Resolution(None, "no_earlier_mention")


def resolve(token: Token) -> Token | None:
    """The head token of what ``token`` (a pronoun or demonstrative phrase) refers to, or None.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Xu Liang founded a company. He sold it in 2020.")
    >>> resolve(doc[6]).text, resolve(doc[8])  # "it": a common noun is too weak a clue
    ('Liang', None)
    >>> doc = load_nlp()("A suicide bomber tried to blow himself up.")
    >>> resolve(doc[6]).text
    'bomber'
    """
    return resolution(token).target


def resolution(token: Token) -> Resolution:
    """What ``token`` (a pronoun or demonstrative phrase) refers to, and by which rule.

    The rule is one of :data:`RESOLVED_BY` when the target is found, else one of
    :data:`UNRESOLVED_BY`: why none is taken.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("John Howard met Kim Beazley. He left.")
    >>> resolution(doc[6])
    Resolution(target=None, rule='several_people_in_reach')
    """
    return remembered(token, _resolution)


def _resolution(token: Token) -> Resolution:
    lower = token.lower_
    if lower in REFLEXIVE_PRONOUNS:
        if token.dep_ == "appos" and token.head.i != token.i:
            return Resolution(token.head, "emphatic_reflexive")  # "copied by Galois himself"
        if token.dep_ in _SUBJECTS and any(c.dep_ in ("aux", "auxpass") and c.i < token.i
                                           for c in token.head.children):
            # "the law is itself evolving", read as the verb's subject: an emphatic one
            # whose noun the parse lost ("found himself unable" stays Gordon)
            return Resolution(None, "no_clause_subject")
        if in_noun_modifier(token):
            # "had difficulties getting themselves across": not the difficulties
            return Resolution(None, "reflexive_in_noun_modifier")
        subject = _clause_subject(token)
        if subject is not None and any(c.dep_ == "conj" for c in subject.children):
            # "Menzies and Livingston found themselves": no one node is both
            return Resolution(None, "coordinated_subject")
        return Resolution(subject, "reflexive" if subject is not None else "no_clause_subject")
    if lower in POSSESSIVE_PRONOUNS and token.dep_ == "poss":
        owner, person = _owner(token)
        if owner is not None and any(c.dep_ == "conj" for c in owner.children):
            return Resolution(None, "coordinated_subject")  # "A and B have their final ..."
        if owner is not None:
            return Resolution(owner, "possessive_owner")
        if person is not None:
            return person  # a "his"/"her" whose person _owner worked out already
    if lower in MALE_PRONOUNS or lower in FEMALE_PRONOUNS:
        return _person(token)
    if lower in SINGULAR_PRONOUNS or lower in PLURAL_PRONOUNS:
        found = Resolution(*thing_in_reach(token, plural=lower in PLURAL_PRONOUNS))
        # a joined clause's subject, unless a thing spoken of before the one named is meant
        joined = None if found.target is not None or found.rule == "earlier_thing_spoken_of" \
            else joined_clause_subject(token)
        return found if joined is None else Resolution(joined, "joined_clause_subject")
    if token.pos_ in ("NOUN", "PROPN") and has_demonstrative(token):
        return _same_head(token)
    return Resolution(None, "never_resolved")
