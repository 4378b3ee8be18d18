"""Read a clause once: its subjects, verb group and complements, as a :class:`Clause` record.

:func:`read_clause` walks the parse around one verb and records what every clause rule of
:mod:`extract.rules` needs. A clause without a subject of its own takes one from the sentence
around it through one of the :data:`SUBJECT_RULES`, each a construction of its own:

* ``relcl`` -- a relative clause takes the noun it modifies ("services that could rival Sora");
* ``acl`` -- a participle modifying a noun takes that noun ("difficulties faced by companies");
* ``conj`` -- a coordinated verb takes its first verb's subject ("Xu founded Acme and funds
  startups");
* ``xcomp`` -- an open clausal complement takes its verb's subject ("Xu tries to woo"), or
  the person or body the verb has for object ("commissioned L'Enfant to paint");
* ``advcl`` -- a participial adverbial clause takes its verb's subject ("..., citing data");
* ``pcomp`` -- a clause after a preposition takes the nearest verb's subject ("before
  entering the city").

Every walk moves down the tree or up it by token index, so it ends on any parse.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from spacy.tokens import Token

from extract.doc_arrays import children_with, columns, has_child, left_children, right_children
from extract.lexicon import (
    ABSOLUTE_PREPS,
    AGENT_TYPES,
    CLOSE_BRACKETS,
    CONTRACTED_S,
    EXPERIENCE_NOUNS,
    INDEFINITE_ARTICLES,
    INSTRUMENT_VERBS,
    NEGATIONS,
    OBJECT_CONTROL,
    OBJECT_CONTROL_XCOMP,
    OPEN_BRACKETS,
    PERSONAL_OBJECTS,
    REPORTING_VERBS,
    STATE_VERBS,
    SUBJECT_CONTROL_XCOMP,
    TIME_TYPES,
    is_relative,
)
from extract.polarity import (
    alternative,
    contrastive,
    coordinator_before,
    either_or_object,
    instead_of,
    kept_from,
    negated_in_context,
)
from extract.records import Clause, Pattern, TokenRules
from extract.things import is_person_noun
from extract.verb_chains import verb_chain
from extract.verb_forms import (
    adjective_before_its_noun,
    base_form_after_finite,
    describes_a_complement,
    means_of_the_causer,
    passive_head,
    singular_relative_antecedent,
)

__all__ = ["SubjectRule", "SUBJECT_RULES", "CLAUSE_DEPS", "read_clause", "subjects", "conjuncts",
           "first_conjunct", "prep_objects", "has_prep_object"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
#: Labels of the children :func:`_complements` reads; it passes over any other child.
_COMPLEMENT_DEPS = _OBJECT_DEPS | {"prep", "agent", "ccomp", "acomp", "dative", "npadvmod", "tmod"}
_OBJECT_OR_DATIVE = _OBJECT_DEPS | {"dative"}
_AUX_DEPS = frozenset({"aux", "auxpass", "neg"})
_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_PARTICIPLES = frozenset({"VBN", "VBG"})
#: Clause heads a predicate can have; a verb under any other label (``amod`` ...) is skipped.
CLAUSE_DEPS = frozenset(
    {"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "parataxis"}
)
#: How deep subject rules may climb from verb to verb: a bound, so any parse ends quickly.
_MAX_DEPTH = 4


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("A, B and C"), in pre-order.

    Iterative, so a long chain of conjuncts cannot exhaust the recursion limit; it ends on any
    tree because each step moves to a child. Coordinated verbs are clauses of their own.
    """
    doc, cols = token.doc, columns(token.doc)
    out: list[Token] = []
    stack = [token.i]
    while stack:
        node = stack.pop()
        out.append(doc[node])
        kids = right_children(cols, node)
        found = [c for c in kids if cols.deps[c] == "conj" and cols.pos[c] not in _VERBAL]
        if found and any(cols.lowers[c] == "than" for c in kids):
            # "a car park rather than a school": the school is what was not built.
            found = [c for c in found if not _instead(doc, cols, node, c)]
        stack.extend(reversed(found))
    return out


def _instead(doc, cols, head: int, conj: int) -> bool:
    """The conjunct ``conj`` of ``head`` follows "rather than" (its nearest coordinator)."""
    found = coordinator_before(cols, head, conj)
    return found is not None and instead_of(doc[found])


def first_conjunct(token: Token) -> Token:
    """The first member of the list ``token`` is in ("Yemen" -> "Afghanistan" in
    "Afghanistan, Eritrea ... and Yemen"), or ``token`` itself; bounded by the sentence."""
    for _ in range(len(token.doc)):
        if token.dep_ != "conj" or token.head.i == token.i:
            break
        token = token.head
    return token


def prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition: its ``pobj`` and their conjuncts, or its ``pcomp``."""
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp"):
            return conjuncts(child) if child.dep_ == "pobj" else [child]
    return []


def has_prep_object(prep: Token) -> bool:
    """Whether :func:`prep_objects` finds anything, without collecting it."""
    return has_child(prep, ("pobj", "pcomp"))


def _modified_noun(verb: Token, depth: int) -> tuple[list[Token], str | None]:
    """Subjects of a clause modifying a noun: the noun and its conjuncts.

    Not for an infinitive ("reasons to end his rule", "money to buy arms"): the noun is
    what the clause is for or about, rarely who acts; nor for a tool used by a noun that names
    no agent (:data:`~extract.lexicon.INSTRUMENT_VERBS`).
    """
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return [], None
    noun = verb.head
    if verb.tag_ == "VBG" and verb.lemma_.lower() in INSTRUMENT_VERBS and not _names_an_agent(
            noun):
        return [], None  # "nests I made using Y-tong": the maker uses it, not the nests
    if verb.tag_ == "VBG" and noun.lemma_.lower() in EXPERIENCE_NOUNS:
        # "had difficulties getting the robots across": who has them gets them; "her
        # experience living there": she lived there
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if owners:
            return conjuncts(owners[0]), None
        if noun.dep_ == "dobj" and noun.head.pos_ in _VERBAL:
            return subjects(noun.head, depth + 1)[0], None
        return [], None
    return conjuncts(noun), None


def _head_verb_subjects(verb: Token, depth: int) -> tuple[list[Token], str | None]:
    """Subjects of the verb the clause hangs from, and how that verb found them.

    The open complement of a verb of asking, making or letting is about its object ("urged
    delegates to pursue development", "training them to write articles": object control);
    so is that of any verb whose object is a person or a body ("commissioned L'Enfant to
    paint", "took players to investigate"; not "promised him to return"); elsewhere it is
    about the subject ("the army used drones to strike the sites").
    """
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBJECT_CONTROL_XCOMP:
        objects = [c for c in verb.head.children if c.dep_ == "dobj"]
        if objects:
            return conjuncts(objects[0]), None
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in SUBJECT_CONTROL_XCOMP:
        people = [c for c in verb.head.children
                  if c.dep_ == "dobj" and c.i < verb.i and _names_an_agent(c)]
        if people:
            # "commissioned L'Enfant to paint a portrait", "took players to investigate the
            # murder": a person or a body between the verb and its "to" clause does it.
            return conjuncts(people[0]), None
    if verb.dep_ == "xcomp" and _to_be(verb) and any(
            c.dep_ == "dobj" and c.i < verb.i for c in verb.head.children):
        # "may find Tulsa's rolling land to be more challenging": what the object is, as the
        # subject finds, believes or wants it; the subject is not what it says
        return [], None
    if verb.dep_ == "conj":
        if base_form_after_finite(verb):
            return [], None
        own = _subject_read_as_object(verb)
        if own is not None:
            return [own], None
    return subjects(verb.head, depth + 1)


def _names_an_agent(token: Token) -> bool:
    """A person or body named by the recogniser ("L'Enfant", tagged an organisation), a noun
    of people ("players") or "him", "her", "me", "us", "you": who can act, unlike "the grant"
    of "used the grant to build"."""
    if token.ent_type_ in AGENT_TYPES:
        # "announced a Kickstarter to fund a trip": a name with "a" is a thing of that brand
        return not any(c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES for c in token.lefts)
    return is_person_noun(token) or (
        token.pos_ == "PRON" and token.lower_ in PERSONAL_OBJECTS)


def _to_be(verb: Token) -> bool:
    """A "to be" complement: after an object it says what the object is, as the verb's
    subject finds, believes or wants it ("may find Tulsa's rolling land to be more
    challenging", "believed him to be dead"), never what the subject is."""
    return verb.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts)


def _subject_read_as_object(verb: Token) -> Token | None:
    """The subject of a conjoined finite clause that the parser took for the last conjunct of
    the first clause's object: "The city had 391,000 people and the metro area had 937,000
    people" (the metro area has them, not the city). The noun ends right where the verb's
    group starts, with no conjunction or comma between them."""
    doc = verb.doc
    start = min((c.i for c in verb.lefts if c.dep_ in _AUX_DEPS), default=verb.i)
    if start == 0 or not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[start:verb.i + 1]):
        return None
    noun = doc[start - 1]
    for _ in range(len(doc)):  # from the phrase's last word up to its head, left to right
        if noun.head.i == noun.i or not start > noun.head.i > noun.i:
            break
        noun = noun.head
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or noun.right_edge.i != start - 1:
        return None
    first = noun
    for _ in range(len(doc)):
        if first.dep_ != "conj" or first.head.i == first.i:
            break
        first = first.head
    head = verb.head
    if first.dep_ == "pobj":  # "returned to the homes and the Vlava river receded"
        first = first.head
    return noun if first.dep_ in (*_OBJECT_DEPS, "prep") and first.head.i == head.i else None


def _nearest_verb_subjects(verb: Token, depth: int) -> tuple[list[Token], str | None]:
    """Subjects of the nearest verb above a prepositional clause ("... before entering")."""
    # Climb by token index: spaCy makes a new Token object on every access, so
    # ``node.head is not node`` would never end at the root.
    node = verb.head
    if node.head.pos_ == "ADJ" and node.head.dep_ in ("oprd", "ccomp", "xcomp"):
        # "making them more vulnerable to contracting the disease": who contracts it is the
        # object of "making", not its subject.
        return [], None
    while node.head.i != node.i and node.pos_ not in _VERBAL:
        node = node.head
    if node.pos_ not in _VERBAL:
        return [], None
    if means_of_the_causer(verb.head, node):
        node = node.head  # "made ends meet by doing needlework": she did it
    if verb.head.lower_ == "by" and verb.head.head.i == node.i and _passive_verb(node):
        # "The crowds can be avoided by walking from the station": a passive verb's subject
        # is what is done to; who walks is its unnamed agent.
        return [], None
    if node.lemma_.lower() in OBJECT_CONTROL and verb.head.head.i == node.i:
        # "accused Arafat of supporting terrorism": Arafat is who supports it.
        objects = [c for c in node.children if c.dep_ == "dobj"]
        if objects:
            return conjuncts(objects[0]), None
    return subjects(node, depth + 1)[0], None


def _adverbial_subjects(verb: Token, depth: int) -> tuple[list[Token], str | None]:
    """Subjects of a participial adverbial clause: its verb's ("..., citing data").

    Not those of a passive event the present participle trails after a comma: "the team was
    deducted a point, leading to a rush", "the supplies were delayed, leaving them two weeks".
    The passive's subject is what the event was done to; the participle says what the event
    brought about, and nobody in the sentence did it. A state in the present ("Sydfynske Øhav
    is located south of Funen, comprising 55 islands") or a participle of a state
    (:data:`~extract.lexicon.STATE_VERBS`: "was erected behind the Archives, overlooking the
    river") is the subject's own and lends it.

    Nor those of a past participle opened by "as" after its verb: "is one of the most successful
    products ever as measured by its durability", "..., as predicted" comment on the whole
    clause; the subject is not what was measured. (Right after the subject, "Edwards' early
    years, as seen in the novel, were re-imagined", it is the subject's.) Nor those of a past
    participle past an active verb's complement, or read as a verb of the noun after it
    (:mod:`extract.verb_forms`), nor of a tool used after a passive, whose agent uses it.
    """
    head = verb.head
    absolute = _absolute_subject(verb)
    if absolute is not None:
        return conjuncts(absolute), None
    if verb.tag_ == "VBN" and verb.i > head.i and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in verb.lefts):
        return [], None
    if describes_a_complement(verb) or adjective_before_its_noun(verb):
        return [], None  # "has factory buildings, now repurposed as lofts"
    if verb.lemma_.lower() in INSTRUMENT_VERBS and verb.tag_ == "VBG" and passive_head(head):
        return [], None  # "the tactics observed in fans using principles": the observer uses
    if verb.tag_ == "VBG" and verb.i > head.i and _passive_event(head) and (
            verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].text == ",") and (
            verb.lemma_.lower() not in STATE_VERBS):
        return [], None
    return _head_verb_subjects(verb, depth)


def _absolute_subject(verb: Token) -> Token | None:
    """The noun of an absolute construction whose participle ``verb`` is: the object of a
    "with" or "without" phrase that ends right before the participle's clause. "Legal abortion
    is one step closer with the lower house of Parliament voting to change the laws": the
    house votes, not legal abortion (the parser hangs the participle on the main verb)."""
    doc = verb.doc
    before = verb.left_edge.i - 1
    if before < 0 or verb.head.i >= verb.i:
        return None
    node = doc[before]
    for _ in range(len(doc)):
        if node.i == verb.head.i or node.head.i == node.i:
            return None
        if node.dep_ == "prep" and node.lower_ in ABSOLUTE_PREPS and node.right_edge.i == before:
            if any(c.dep_ == "dobj" and c.i < node.i for c in node.head.children):
                return None  # "ingested the food with the medicine, using ...": a plain phrase
            objects = [c for c in node.children if c.dep_ == "pobj"]
            return objects[0] if objects and objects[0].pos_ in _NOMINAL else None
        node = node.head
    return None


def _passive_event(verb: Token) -> bool:
    """A passive that tells an event: past, perfect or modal ("was deducted", "has been
    established", "can be expressed"), not a present state ("is located", "are known")."""
    auxiliaries = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass")]
    return any(c.dep_ == "auxpass" for c in auxiliaries) and not (
        len(auxiliaries) == 1 and auxiliaries[0].tag_ in ("VBZ", "VBP"))


def _passive_verb(verb: Token) -> bool:
    """A verb in the passive: "can be avoided", "was measured"."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


@dataclass(frozen=True, slots=True)
class SubjectRule:
    """One row of :data:`SUBJECT_RULES`: a construction that lends a clause its subject.

    Attributes:
        name: The construction; the clause records it as :attr:`Clause.borrowed`.
        applies_to: The trigger, a pattern over the clause's verb.
        find: ``(verb, depth) -> (subjects, how the clause lent from found them)``.
    """

    name: str
    applies_to: Pattern
    find: Callable[[Token, int], tuple[list[Token], str | None]]


#: Where a clause without a subject of its own finds one, tried in order; the first pattern
#: that matches the clause's verb decides.
SUBJECT_RULES: TokenRules[SubjectRule] = TokenRules(
    SubjectRule("relcl", Pattern(dep=frozenset({"relcl"}), head_pos=_NOMINAL), _modified_noun),
    SubjectRule("acl", Pattern(dep=frozenset({"acl"}), head_pos=_NOMINAL, tag=_PARTICIPLES),
                _modified_noun),
    SubjectRule("conj", Pattern(dep=frozenset({"conj"}), head_pos=_VERBAL, attached=True),
                _head_verb_subjects),
    SubjectRule("xcomp", Pattern(dep=frozenset({"xcomp"}), head_pos=_VERBAL, attached=True),
                _head_verb_subjects),
    SubjectRule("advcl", Pattern(dep=frozenset({"advcl"}), head_pos=_VERBAL, tag=_PARTICIPLES,
                                 attached=True), _adverbial_subjects),
    SubjectRule("pcomp", Pattern(dep=frozenset({"pcomp"})), _nearest_verb_subjects),
)


def _one_subject(own: list[Token], verb: Token) -> list[Token]:
    """A clause has one subject (with its conjuncts): of two the parser gave before the verb
    and set apart by punctuation, the nearer. The other is fronted material: "One game into
    his Six Nations career, and Gavin Henson is already a Welsh legend" is about Henson, not
    the game; "Anse Bertrand, not far from there, you can visit ..." is about "you".
    """
    if len(own) != 2:
        return own
    before = sorted((s for s in own if s.i < verb.i), key=lambda s: s.i)
    if len(before) != 2:
        return own
    far, near = before
    doc = verb.doc
    depth = 0
    for k in range(far.i + 1, near.i):
        depth += (doc[k].text in OPEN_BRACKETS) - (doc[k].text in CLOSE_BRACKETS)
    if depth > 0:
        return [far]  # "Daniel Bernoulli FRS (...; 8 February 1700 - ...) was": in brackets
    if not any(doc[k].is_punct for k in range(far.i + 1, near.left_edge.i)):
        return own  # "the time it takes and the ways ... can inform": one phrase, misparsed
    if not any(c.dep_ == "prep" for c in far.children) and any(
            c.dep_ == "cc" and far.i < c.i < near.i for c in far.children):
        return own  # "Many people, and many students, dislike math": a list
    return [near]


def subjects(verb: Token, depth: int = 0) -> tuple[list[Token], str | None]:
    """The subject heads of ``verb`` and, when they come from outside its clause, how.

    The second value names the subject rule (or ``relcl`` for a relative pronoun subject)
    that found them, None for the verb's own subjects or when there are none. A clause that
    borrows from a clause that itself borrowed keeps the inner name ("services that rival
    Sora and *win* ..." is ``relcl``); ``pcomp`` always names itself.
    """
    own = _one_subject(children_with(verb, _SUBJECT_DEPS), verb)
    expletive = next((c.i for c in children_with(verb, ("expl",)) if c.i < verb.i), None)
    if expletive is not None:  # "Dr. Guruswamy, ... there may be wisdom": "there" is it
        own = [s for s in own if s.i > expletive]
    if own:
        heads: list[Token] = []
        how = None
        for subject in own:
            if is_relative(subject) and verb.dep_ == "relcl":
                nearest = singular_relative_antecedent(verb)  # "..., and Faaborg, which is"
                heads.extend([nearest] if nearest is not None else conjuncts(verb.head))
                how = "relcl"
            else:
                heads.extend(conjuncts(subject))
        return heads, how
    if depth > _MAX_DEPTH or has_child(verb, ("expl",)):
        # "..., there being poor rewards awaiting a mathematician": "there" fills the
        # subject's place, so the clause borrows no one else's.
        return [], None
    for rule in SUBJECT_RULES.for_token(verb):
        if rule.applies_to(verb):
            heads, how = rule.find(verb, depth)
            return heads, (how or rule.name) if heads else None
    return [], None


def _auxiliaries(verb: Token) -> list[Token]:
    """Auxiliaries and negations of ``verb``; a coordinated verb shares its first verb's."""
    own = [c for c in verb.lefts if c.dep_ in _AUX_DEPS]
    # "aren’t": the parser may label a curly-apostrophe "n’t" as punctuation.
    own += [c for c in verb.rights
            if c.dep_ == "neg" or (c.dep_ == "punct" and c.lower_ in NEGATIONS)]
    if not any(c.dep_ in ("aux", "auxpass") for c in own) and verb.dep_ == "conj":
        head = verb.head
        if head.pos_ in _VERBAL and not any(c.dep_ in _SUBJECT_DEPS for c in verb.lefts):
            own += [c for c in head.lefts if c.dep_ in ("aux", "auxpass")]
    return own


def read_clause(verb: Token, dropped_subject: Callable[[Token], bool] | None = None
                ) -> Clause | None:
    """The clause headed by ``verb``, or None when ``verb`` heads no clause with a subject.

    ``verb`` is a VERB, a copular AUX heading a clause, or a word the tagger mistook for an
    adjective or noun but that takes a direct object. An xcomp whose verb has no object of its
    own is read as part of that verb's clause ("tries to woo"), not as a clause of its own.
    A clause whose subjects are all ``dropped_subject`` (facts the caller would drop) is not
    read further either: None.
    """
    if verb.dep_ not in CLAUSE_DEPS:
        return None
    if verb.dep_ == "xcomp" and verb.head.pos_ in _VERBAL and not has_child(
            verb.head, _OBJECT_OR_DATIVE):
        return None
    heads, borrowed = subjects(verb)
    if not heads or (dropped_subject is not None and all(map(dropped_subject, heads))):
        return None
    auxes = _auxiliaries(verb)
    # "not just about X but also about Y" denies nothing; "left without paying" does.
    negated = any((a.dep_ == "neg" or a.lower_ in NEGATIONS) and not contrastive(a)
                  for a in auxes) or negated_in_context(verb)
    modality = next((a.lower_ for a in auxes if a.tag_ == "MD"), None)
    kept = kept_from(verb)
    if kept is not None:
        # "was prevented from collapsing": it did not; "banned from conducting worship": it
        # may not. Neither is stated, nor is it anyone's intention.
        negated, modality = negated or kept[0], modality or kept[1]
    first = alternative(verb) if not negated else None
    if first is not None and has_child(first, ("neg",)):
        negated = True  # "did not smoke or drink": neither
    elif (first is not None or either_or_object(verb)) and modality is None:
        modality = "may"  # "fleeing intolerance or seeking adventure": either may be so
    group: list[Token] = [a for a in auxes if a.tag_ != "TO"]
    # "could also help", "already is doing", "usually consisted": adverbs inside the verb
    # group belong to it.
    first = min((a.i for a in auxes), default=verb.i - 1)
    doc, cols = verb.doc, columns(verb.doc)
    group += [doc[c] for c in left_children(cols, verb.i) if cols.deps[c] == "advmod"
              and c >= first - 1 and doc[c].tag_ == "RB" and cols.lowers[c] not in NEGATIONS]
    passive = (has_child(verb, ("auxpass", "nsubjpass")) or (
        borrowed == "acl" and verb.tag_ == "VBN")) and not _perfect_with_s(verb)
    head, words, chain_negated = verb_chain(verb, passive, group)
    clause = _complements(verb, head, heads, borrowed, passive, negated != chain_negated,
                          modality, words, group)
    return _noun_as_verb(clause) if passive and verb.tag_ not in _PASSIVE_TAGS else clause


def _perfect_with_s(verb: Token) -> bool:
    """ "He's garnered praise": a contracted "'s" before a participle with a direct object is
    "has", though the parser reads it as a passive "is" (a passive verb has no object)."""
    return verb.tag_ == "VBN" and any(c.dep_ == "dobj" for c in verb.children) and any(
        c.dep_ == "auxpass" and c.lower_ in CONTRACTED_S for c in verb.lefts)


#: Tags of a verb that "be" can make passive; "were surprise winners" has none.
_PASSIVE_TAGS = frozenset({"VBN", "VBD"})


def _noun_as_verb(clause: Clause) -> Clause:
    """A noun the parser read as a passive verb, its object right after it: "Scissor Sisters
    were surprise winners of the best album" is (be surprise winner of, best album), not
    (be surprise, winners): the noun and its object join the relation, and the object's
    prepositions become the clause's."""
    verb = clause.verb
    nouns = [o for o in clause.objects if o.i == verb.i + 1 and o.pos_ == "NOUN"]
    if not nouns:
        return clause
    noun = nouns[0]
    return replace(clause, words=("be", verb.lower_, noun.lemma_.lower()),
                   verb_group=(*clause.verb_group, noun), objects=(), passive=False,
                   preps=(*(c for c in noun.rights if c.dep_ == "prep"), *clause.preps))


def _complements(
    verb: Token,
    head: Token,
    heads: list[Token],
    borrowed: str | None,
    passive: bool,
    negated: bool,
    modality: str | None,
    words: list[str],
    group: list[Token],
) -> Clause:
    """Collect the complements of ``head`` and build the clause record."""
    objects: list[Token] = []
    preps: list[Token] = []
    datives: list[Token] = []
    complement: Token | None = None
    acomp: Token | None = None
    doc, cols = head.doc, columns(head.doc)  # a Token only of each child it may take
    for c in cols.children[cols.starts[head.i]:cols.starts[head.i + 1]]:
        dep = cols.deps[c]
        if dep not in _COMPLEMENT_DEPS:
            continue
        child = doc[c]
        if dep in _OBJECT_DEPS:
            objects.extend(conjuncts(child))
        elif dep == "prep" or (dep == "agent" and child.i > head.i):
            preps.append(child)
        elif dep == "ccomp" and (child.i > head.i or head.lemma_ in REPORTING_VERBS):
            complement = child
        elif dep == "acomp" and child.lower_ not in words:
            acomp = child
        elif dep == "dative":
            datives.append(child)
        elif dep in ("npadvmod", "tmod") and child.ent_type_ in TIME_TYPES:
            # "this year", "That night": time written as a noun phrase is a further argument.
            preps.append(child)
    if head.i != verb.i:
        # Prepositions attached to the first verb of a chain still belong to the fact.
        preps += [doc[c] for c in right_children(cols, verb.i) if cols.deps[c] == "prep"]
    if borrowed is None and verb.dep_ == "relcl":
        # The relative pronoun is the object: "the book that he wrote", "the city in which".
        if any(is_relative(o) for o in objects):
            objects = [o for o in objects if not is_relative(o)] + conjuncts(verb.head)
            borrowed = "relcl"
        elif not objects:
            for n, prep in enumerate(preps):
                if any(is_relative(p) for p in prep_objects(prep)):
                    preps.insert(0, preps.pop(n))
                    borrowed = "relcl"
                    break
    # The by-agent first, then prepositions right of the verb, then the rest in text order.
    preps.sort(key=lambda p: (p.dep_ != "agent", p.dep_ not in ("prep", "agent"), p.i < head.i,
                              p.i))
    return Clause(
        verb=verb,
        head=head,
        subjects=tuple(heads),
        borrowed=borrowed,
        passive=passive,
        negated=negated,
        modality=modality,
        words=tuple(words),
        verb_group=tuple(group),
        objects=tuple(objects),
        preps=tuple(preps),
        datives=tuple(datives),
        acomp=acomp,
        complement=complement,
    )
