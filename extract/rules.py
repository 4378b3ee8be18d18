"""The extractor as tables of rules: one small function per construction, walked in order.

:func:`iter_facts` visits every token of a sentence once. A token that heads a clause is read
into a :class:`~extract.records.Clause` (:func:`extract.clauses.read_clause`, where the
subject rules ``relcl``, ``acl``, ``conj``, ``xcomp``, ``advcl`` and ``pcomp`` live) and the
first of the :data:`CLAUSE_RULES` that applies to the clause emits its facts, as ClausIE
decides a clause's type from its constituents:

* ``light_verb`` -- "makes a prediction about X" -> (S, predict about, X);
* ``svo`` -- objects and attributes: (Xu Liang, found, company), (Paris, be capital of, France);
* ``prep`` -- a prepositional object: (restrictions, stem from, trade tensions);
* ``copula`` -- an adjectival complement: (promise, remain, undeterred);
* ``ccomp`` -- a clausal object: (Burr, say, lawyers appeal).

Then every one of the :data:`PHRASE_RULES` whose pattern matches the token emits (noun-phrase
constructions: the graph's ``apposition``; Open IE output adds ``possessive``, ``noun_prep``
and ``title``).

A fact records its construction: the rule's name, except that a clause that borrows an
argument records how (``relcl`` ...) and a passive one records ``passive``, rather than ``svo``
or ``prep`` (see :func:`constructions`). The confidence model weighs each name
(:mod:`extract.confidence`); adding a rule is adding a row, a function, a weight and a test
table (CONTRIBUTING.md).
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from spacy.tokens import Span, Token

from extract.aliases import acronym_letters
from extract.clauses import (
    CLAUSE_DEPS,
    SUBJECT_RULES,
    conjuncts,
    has_prep_object,
    prep_objects,
    read_clause,
)
from extract.doc_arrays import columns, right_children
from extract.lexicon import (
    ADVERBIAL_PREPS,
    LESSENING_WORDS,
    LIGHT_VERBS,
    LINKED_TYPES,
    NOMINALISATIONS,
    NOUN_PREP_PREPOSITIONS,
    is_relative,
)
from extract.phrases import argument_bounds, tidy_bounds, transparent_head
from extract.records import Clause, Fact, Pattern, Rule, TokenRules
from extract.relation_words import (
    bare_noun_object,
    distance_from,
    first_phrase,
    idiom_after_object,
    in_region,
    is_idiom_noun,
    is_member,
    measure_before,
)

__all__ = [
    "CLAUSE_RULES",
    "FURTHER_CLAUSE_RULES",
    "OPENIE_FURTHER_RULES",
    "PHRASE_RULES",
    "OPENIE_PHRASE_RULES",
    "PASSIVE",
    "RULE_DROPS",
    "constructions",
    "heads_clause",
    "clause_facts",
    "iter_facts",
]

SAME_TOKEN = "same_token"
BRACKETED_ACRONYM = "bracketed_acronym"
#: Why a rule proposes a fact only to keep it out (``Fact.dropped_by``), by name.
RULE_DROPS = {
    SAME_TOKEN: "subject and object are the same word of the parse",
    BRACKETED_ACRONYM: "a bracketed acronym is a name of its noun (an alias), not a fact",
}
_NOUNS = frozenset({"NOUN", "PROPN"})
_VERBAL = frozenset({"VERB", "AUX"})
#: What a passive clause records instead of ``svo`` or ``prep``.
PASSIVE = "passive"
def _surface(tokens: Iterable[Token]) -> str:
    return " ".join(t.text for t in sorted(tokens, key=lambda t: t.i))


def _fact(
    clause: Clause,
    subject: Token,
    predicate: str,
    relation: Iterable[Token],
    obj: Token,
    construction: str,
    extra: Iterable[Token],
    *,
    clause_object: bool = False,
    object_bounds: tuple[int, int] | None = None,
    dropped_by: str | None = None,
) -> Fact:
    """A fact of ``clause``; the object is the whole subtree of ``obj`` when a clause."""
    verb = clause.verb
    if object_bounds is None:
        object_bounds = ((obj.left_edge.i, obj.right_edge.i + 1) if clause_object
                         else argument_bounds(obj, exclude=verb))
    return Fact(
        subject=subject,
        predicate=predicate,
        relation=_surface(relation),
        object=obj if clause_object else transparent_head(obj),
        construction=construction,
        subject_bounds=argument_bounds(subject, exclude=verb),
        object_bounds=tidy_bounds(obj.doc, *object_bounds),
        extra=[(p.left_edge.i, p.right_edge.i + 1) for p in extra],
        clause_object=clause_object,
        clause=clause,
        dropped_by=dropped_by,
    )


def _named(clause: Clause, name: str) -> str:
    """The construction a fact of ``clause`` records when rule ``name`` reads it."""
    return clause.borrowed or (PASSIVE if clause.passive else name)


def _light_meaning(clause: Clause) -> str | None:
    """The verb a light verb and its object mean ("make" + "decision" -> "decide")."""
    if len(clause.words) != 1 or not clause.objects:
        return None
    if clause.head.lemma_.lower() not in LIGHT_VERBS:
        return None
    return NOMINALISATIONS.get(clause.objects[0].lemma_.lower())


def _preps_with_objects(token: Token) -> list[Token]:
    return [p for p in token.children if p.dep_ == "prep" and has_prep_object(p)]


def _has_light_verb(clause: Clause) -> bool:
    """True when :func:`light_verb_facts` has a target: a preposition of the noun, the
    clause's clausal object, or the main clause that follows a light verb reported before it
    (else the clause is read by the next rule: "had taken an internal decision" is svo)."""
    if _light_meaning(clause) is None:
        return False
    verb = clause.verb
    return bool(_preps_with_objects(clause.objects[0])) or clause.complement is not None or (
        _main_after(verb))


def _main_after(verb: Token) -> bool:
    """True for a clause reported before its verb of saying, which it hangs from."""
    return verb.dep_ == "ccomp" and verb.head.i > verb.i and verb.head.pos_ in _VERBAL


def light_verb_facts(clause: Clause) -> Iterator[Fact]:
    """(Xu Liang, predict, China is ...) for "makes a bold prediction: China is ...".

    The light verb and its noun become the verb they mean; the object is the noun's
    prepositional object, the clause's clausal object, or the main clause when the light verb
    heads a clause written before its verb of saying.
    """
    light = _light_meaning(clause)
    noun = clause.objects[0]
    verb = clause.verb
    group = [*clause.verb_group, noun]
    target_preps = _preps_with_objects(noun)
    for subject in clause.subjects:
        if target_preps:
            prep = target_preps[0]
            for pobj in prep_objects(prep):
                yield _fact(clause, subject, f"{light} {prep.lower_}", [*group, prep], pobj,
                            "light_verb", clause.preps)
        elif clause.complement is not None:
            yield _fact(clause, subject, light, group, clause.complement, "light_verb",
                        clause.preps, clause_object=True)
        elif _main_after(verb):
            main = verb.head
            yield _fact(clause, subject, light, group, main, "light_verb", clause.preps,
                        clause_object=True,
                        object_bounds=(verb.right_edge.i + 1, main.right_edge.i + 1))


def _of_complement(noun: Token) -> tuple[Token, Token] | None:
    """``(of, pobj)`` when a common noun's first right dependent is an "of" phrase."""
    return first_phrase(noun, "of") if noun.pos_ == "NOUN" else None


def object_facts(clause: Clause) -> Iterator[Fact]:
    """(S, verb, O) for each subject and object; "be" + attribute is a ``copula``.

    "Paris is the capital of France" -> (Paris, be capital of, France): an attribute's "of"
    phrase joins the relation. A name after a plural subject is one of its members:
    "The nearest airports are Newark Airport, ..." -> (nearest airports, include, Newark
    Airport).
    """
    base = " ".join(clause.words)
    copular = clause.head.lemma_ == "be" and clause.borrowed is None
    for subject in clause.subjects:
        for obj in clause.objects:
            name = _named(clause, "svo")
            if obj.i == subject.i:
                yield _fact(clause, subject, base, clause.verb_group, obj, name, (),
                            dropped_by=SAME_TOKEN)
                continue
            if copular and obj.dep_ in ("attr", "conj"):
                name = "copula"
                if base == "be" and is_member(subject, obj, clause.objects):
                    yield _fact(clause, subject, "include", clause.verb_group, obj, name,
                                clause.datives + clause.preps)
                    continue
                of = _of_complement(obj) or distance_from(obj)
                if of is not None:
                    prep, pobj = of
                    relation = [*clause.verb_group, *obj.doc[obj.left_edge.i : prep.i + 1]]
                    words = (obj.lemma_.lower() if prep.lower_ == "of" else " ".join(
                        t.lower_ for t in obj.doc[obj.left_edge.i : obj.i + 1]))
                    yield _fact(clause, subject, f"{base} {words} {prep.lower_}", relation,
                                pobj, name, clause.preps)
                    continue
            idiom = [] if name == "copula" else idiom_after_object(clause.head, obj)
            if not idiom:
                yield _fact(clause, subject, base, clause.verb_group, obj, name,
                            clause.datives + clause.preps)
                continue
            yield _fact(clause, subject, f"{base} {idiom[0].lower_} {idiom[1].lower_}",
                        [*clause.verb_group, *idiom], obj, name,
                        clause.datives + tuple(p for p in clause.preps if p.i != idiom[0].i))


def _argument_preps(clause: Clause) -> list[Token]:
    return [p for p in clause.preps if p.lower_ not in ADVERBIAL_PREPS]


def _copular_adjective(clause: Clause) -> bool:
    """"be" with an adjective: the adjective is what the clause says ("the language is
    important in writing" is about "important", not (language, be in, writing))."""
    return clause.acomp is not None and clause.head.lemma_ == "be" and not clause.passive


def _has_prep_object(clause: Clause) -> bool:
    # A preposition before the verb joins the relation only when there is no adjective to
    # say more ("Despite ..., the promise remains undeterred" is about "undeterred").
    # Nor does one after an adjective that completes the verb: "his expulsion became
    # official in January 1831" is about "official", not (expulsion, become in, January).
    preps = _argument_preps(clause)
    acomp = clause.acomp
    return bool(preps) and (preps[0].i > clause.head.i or acomp is None) and (
        has_prep_object(preps[0])) and not _copular_adjective(clause) and (
        acomp is None or not clause.head.i < acomp.i < preps[0].i)


def prep_facts(clause: Clause) -> Iterator[Fact]:
    """(S, verb prep, O) for the first preposition: (restrictions, stem from, trade tensions).

    The other prepositions stay further arguments; "be" + preposition is a ``copula``; a
    relative pronoun object ("the city in which he lived") stands for the modified noun.
    """
    first = _argument_preps(clause)[0]
    rest = [p for p in clause.preps if p.i != first.i]
    name = _named(clause, "prep")
    if clause.head.lemma_ == "be" and clause.borrowed is None and not clause.passive:
        name = "copula"
    measure = measure_before(first)  # "is 20 km from Kraków"
    predicate = " ".join([*clause.words, *(t.lower_ for t in measure), first.lower_])
    relation = [*clause.verb_group, *measure, first]
    objects = prep_objects(first)
    # "were put in touch with lawyers": (victims, be put in touch with, lawyers); the parser
    # hangs "with" on the noun or on the verb.
    idiom = objects[0] if len(objects) == 1 and is_idiom_noun(objects[0]) else None
    inner = [] if idiom is None else [
        p for p in (*idiom.rights, *clause.preps)
        if p.dep_ == "prep" and p.i == idiom.i + 1
        and any(c.dep_ == "pobj" for c in p.children)]
    if inner:
        predicate = f"{predicate} {idiom.lower_} {inner[0].lower_}"
        relation += [idiom, inner[0]]
        rest = [p for p in rest if p.i != inner[0].i]
        objects = prep_objects(inner[0])
    verb = clause.verb
    for subject in clause.subjects:
        for pobj in objects:
            if pobj.dep_ == "pobj" and is_relative(pobj) and verb.dep_ == "relcl":
                targets = conjuncts(verb.head)
            else:
                targets = [pobj]
            for target in targets:
                # "accused of making footage": a clause after the preposition is written
                # out for Open IE, but it is no entity (its own facts say what it says).
                clausal = target.dep_ == "pcomp" and target.pos_ in _VERBAL
                yield _fact(clause, subject, predicate, relation, target, name, rest,
                            clause_object=clausal,
                            dropped_by=SAME_TOKEN if target.i == subject.i else None)


def _without(preps: list[Token], taken: Token) -> list[Token]:
    """``preps`` in order, each once, without the preposition ``taken`` by the relation."""
    seen = {taken.i}
    kept = []
    for prep in preps:
        if prep.i not in seen:
            seen.add(prep.i)
            kept.append(prep)
    return kept


def acomp_facts(clause: Clause) -> Iterator[Fact]:
    """(promise, remain, undeterred); with a preposition, (Xu, be proud of, team).

    After "be", a preposition of the verb right of the adjective joins it too: "Fillmore was
    extremely influential in the areas of syntax" -> (Fillmore, be influential in, areas of
    syntax).
    """
    acomp = clause.acomp
    base = " ".join(clause.words)
    acomp_preps = _preps_with_objects(acomp)
    if not acomp_preps and _copular_adjective(clause):
        acomp_preps = [p for p in _argument_preps(clause)
                       if p.i > acomp.i and p.dep_ == "prep" and has_prep_object(p)]
    # "less interested in details" says the opposite of "interested in details": the degree
    # stays in the relation.
    less = [c for c in acomp.lefts if c.dep_ == "advmod" and c.lower_ in LESSENING_WORDS]
    adjective = " ".join([*(c.lower_ for c in less), acomp.lower_])
    for subject in clause.subjects:
        if acomp_preps:
            prep = acomp_preps[0]
            for pobj in prep_objects(prep):
                yield _fact(clause, subject, f"{base} {adjective} {prep.lower_}",
                            [*clause.verb_group, *less, acomp, prep], pobj, "copula",
                            _without(acomp_preps[1:] + list(clause.preps), prep))
        else:
            yield _fact(clause, subject, base, clause.verb_group, acomp, "copula", clause.preps,
                        object_bounds=(acomp.left_edge.i, acomp.right_edge.i + 1))


def ccomp_facts(clause: Clause) -> Iterator[Fact]:
    """(Xu Liang, predict, China could rival the US): the clausal object as written."""
    for subject in clause.subjects:
        yield _fact(clause, subject, " ".join(clause.words), clause.verb_group,
                    clause.complement, "ccomp", clause.preps, clause_object=True)


#: What a clause says, by the shape of its complements: the first rule that applies emits
#: the clause's facts (the order matters: a light verb's noun is an object too).
CLAUSE_RULES: tuple[Rule[Clause], ...] = (
    Rule("light_verb", _has_light_verb, light_verb_facts),
    Rule("svo", lambda clause: bool(clause.objects), object_facts),
    Rule("prep", _has_prep_object, prep_facts),
    Rule("copula", lambda clause: clause.acomp is not None, acomp_facts),
    Rule("ccomp", lambda clause: clause.complement is not None, ccomp_facts),
)


def apposition_facts(token: Token) -> Iterator[Fact]:
    """(Xu Liang, be, AI entrepreneur) for an apposition; a bracketed acronym is an alias;
    (Brooklyn, be in, New York) for a place and its region."""
    doc = token.doc
    alias = token.i > 0 and doc[token.i - 1].text == "(" and acronym_letters(token.text)
    head = token.head
    relation = "be in" if in_region(token) else "be"
    for appos in conjuncts(token):
        yield Fact(
            subject=head,
            predicate=relation,
            relation=relation,
            object=appos,
            construction="apposition",
            subject_bounds=argument_bounds(head),
            object_bounds=argument_bounds(appos),
            dropped_by=BRACKETED_ACRONYM if alias else None,
        )


def possessive_facts(token: Token) -> Iterator[Fact]:
    """(China, have, China's big tech giants) for a non-pronoun possessor."""
    owned = token.head
    _, end = argument_bounds(owned)
    yield Fact(
        subject=token,
        predicate="have",
        relation="has",
        object=owned,
        construction="possessive",
        subject_bounds=(token.left_edge.i + (token.left_edge.dep_ == "det"), token.i + 1),
        object_bounds=(token.right_edge.i + 1, end),
    )


def title_facts(token: Token) -> Iterator[Fact]:
    """(Todd Graves, be, former U.S. Attorney) for a title written before a person's name.

    ``token`` is the first token of a PERSON entity; the title is made of the modifiers of the
    name's head that stand before the entity and include a noun.
    """
    doc = token.doc
    start = token.i
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    root = doc[end - 1]
    while start <= root.head.i < end and root.head.i != root.i:
        root = root.head
    titles = [c for c in root.lefts if c.i < start and c.dep_ in ("compound", "amod", "nmod")]
    if not titles or not any(c.pos_ in _NOUNS for c in titles):
        return
    first = min(c.left_edge.i for c in titles)
    if doc[first].dep_ == "det" or doc[first].dep_ == "poss":
        first += 1
    title_head = max((c for c in titles if c.pos_ in _NOUNS), key=lambda c: c.i)
    if first >= start or any(doc[i].is_punct for i in range(first, start)):
        return
    yield Fact(
        subject=root,
        predicate="be",
        relation="be",
        object=title_head,
        construction="title",
        subject_bounds=(start, end),
        object_bounds=(first, start),
    )


def noun_prep_facts(prep: Token) -> Iterator[Fact]:
    """(X, is in, Y) for a noun modified by a prepositional phrase ("businesses in Japan").

    A weak reading, for Open IE output only: annotators write these, the graph does not want
    every "of".
    """
    noun = prep.head
    if noun.dep_ == "ROOT" or prep.i < noun.i:
        return
    pobjs = [c for c in prep.children if c.dep_ == "pobj"]
    if not pobjs:
        return
    start = min(argument_bounds(noun)[0], noun.i)
    for pobj in conjuncts(pobjs[0]):
        yield Fact(
            subject=noun,
            predicate=f"be {prep.lower_}",
            relation=f"be {prep.text}",
            object=pobj,
            construction="noun_prep",
            subject_bounds=tidy_bounds(noun.doc, start, prep.i),
            object_bounds=argument_bounds(pobj),
        )


_APPOSITION = Rule("apposition", Pattern(dep=frozenset({"appos"}), not_pos=_VERBAL,
                                         head_pos=_NOUNS), apposition_facts)
_POSSESSIVE = Rule("possessive", Pattern(dep=frozenset({"poss"}), pos=_NOUNS, head_pos=_NOUNS),
                   possessive_facts)
_TITLE = Rule("title", Pattern(ent_iob="B", ent_type="PERSON"), title_facts)
_NOUN_PREP = Rule(
    "noun_prep",
    Pattern(dep=frozenset({"prep"}), head_pos=_NOUNS, lower=NOUN_PREP_PREPOSITIONS),
    noun_prep_facts,
)
#: Noun-phrase constructions of the graph, tried on every token in order: each whose pattern
#: matches emits. Possessives ("China's big tech giants") and titles ("Prime Minister John
#: Howard") are not facts of the graph: the owner is named in the owned phrase's own node, and
#: a title is its person's ``role`` (:mod:`extract.entities`), never a node shared by everyone
#: who holds it.
PHRASE_RULES = TokenRules(_APPOSITION)
#: The phrase rules of Open IE output, which annotators write: possessives, noun +
#: preposition readings and titles as well.
OPENIE_PHRASE_RULES = TokenRules(_APPOSITION, _POSSESSIVE, _NOUN_PREP, _TITLE)


def constructions() -> list[str]:
    """Every construction name a fact can record, sorted: the names of the rules of every
    table (subject, clause and phrase rules) and :data:`PASSIVE`.

    >>> constructions()[:4]
    ['acl', 'advcl', 'apposition', 'ccomp']
    """
    names = {PASSIVE}
    for table in (SUBJECT_RULES, CLAUSE_RULES, FURTHER_CLAUSE_RULES, OPENIE_PHRASE_RULES):
        names.update(rule.name for rule in table)
    return sorted(names)


def heads_clause(token: Token) -> bool:
    """A verb, a copula heading a clause, or a mistagged verb that takes a direct object.

    "does not rival Sora" with "rival" tagged as an adjective: its object says it is a verb.
    """
    pos = token.pos_
    if pos == "VERB" or (pos == "AUX" and token.dep_ not in ("aux", "auxpass")):
        return True
    if token.dep_ not in CLAUSE_DEPS:
        return False
    cols = columns(token.doc)
    return any(cols.deps[c] == "dobj" for c in right_children(cols, token.i))


def _named_preps(clause: Clause) -> list[Token]:
    """Prepositions of ``clause``, after the one a ``prep`` fact takes, whose object is named."""
    if _copular_adjective(clause):
        # "ship time is expensive, especially in Antarctica": the place is where the
        # adjective holds (the copula rule's fact), not where the subject is.
        return []
    preps = _argument_preps(clause)
    if preps and not clause.objects and _has_prep_object(clause):
        preps = preps[1:]  # the prep rule's own object
    return [p for p in preps if p.dep_ == "prep"
            and any(o.ent_type_ in LINKED_TYPES for o in prep_objects(p))]


def named_prep_facts(clause: Clause) -> Iterator[Fact]:
    """(members, pay to, Taliban) for a further prepositional phrase naming an entity.

    A clause's first object or prepositional phrase makes its fact; the others stay further
    arguments of it. One that names a person, organisation or place ("found dead in Canada",
    "paid ... to the Taliban") is a fact of its own in the graph, so the entity is linked.
    """
    base = " ".join(clause.words)
    verb_group = list(clause.verb_group)
    bare = bare_noun_object(clause.head, clause.objects)
    if bare is not None:  # "took place at the Centre": (Expo, take place at, Centre)
        base = f"{base} {bare.lower_}"
        verb_group.append(bare)
    for prep in _named_preps(clause):
        rest = [p for p in clause.preps if p.i != prep.i]
        for subject in clause.subjects:
            for pobj in prep_objects(prep):
                if pobj.ent_type_ in LINKED_TYPES:
                    yield _fact(clause, subject, f"{base} {prep.lower_}",
                                [*verb_group, prep], pobj, "named_prep", rest,
                                dropped_by=SAME_TOKEN if pobj.i == subject.i else None)


#: Rules that add facts of their own after the clause's main facts, each whose trigger holds.
FURTHER_CLAUSE_RULES: tuple[Rule[Clause], ...] = (
    # Open IE output keeps these phrases inside the clause's fact, so CaRB never scores a
    # fact of this rule: it is weighed as the ``prep`` fact it extends.
    Rule("named_prep", lambda clause: bool(_named_preps(clause)), named_prep_facts,
         weighed_as="prep"),
)
#: Open IE output keeps further prepositional phrases as arguments of the clause's fact, as
#: annotators write them (a fact of their own costs CaRB precision: measured, see
#: benchmarks/carb/fit_confidence.py).
OPENIE_FURTHER_RULES: tuple[Rule[Clause], ...] = ()


def clause_facts(clause: Clause, rules: tuple[Rule[Clause], ...] = CLAUSE_RULES,
                 further: tuple[Rule[Clause], ...] = FURTHER_CLAUSE_RULES) -> Iterator[Fact]:
    """The facts of ``clause``: those of the first of ``rules`` that applies to it, then
    those of every one of ``further`` that applies."""
    for rule in rules:
        if rule.applies_to(clause):
            yield from rule.emit(clause)
            break
    for rule in further:
        if rule.applies_to(clause):
            yield from rule.emit(clause)


def iter_facts(sent: Span, *, phrase_rules: TokenRules = PHRASE_RULES,
               further: tuple[Rule[Clause], ...] = FURTHER_CLAUSE_RULES,
               dropped_subject: Callable[[Token], bool] | None = None) -> Iterator[Fact]:
    """Every fact the rules find in ``sent``, walking its tokens once, in text order.

    For each token: the facts of the clause it heads (:data:`CLAUSE_RULES`), then those of
    each of ``phrase_rules`` whose pattern matches it (:data:`OPENIE_PHRASE_RULES` for Open IE).
    A clause whose subjects are all ``dropped_subject`` gives none: each fact of a clause is
    said of one of its subjects, and the caller would drop it.
    """
    # TokenRules.for_token, inlined: this loop runs for every token of every sentence.
    by_dep, by_iob, anywhere = phrase_rules.by_dep, phrase_rules.by_iob, phrase_rules.anywhere
    doc = sent.doc
    worth = phrase_rules.worth_trying(doc, CLAUSE_DEPS)
    for i in range(sent.start, sent.end):
        if not worth[i]:
            continue  # heads no clause and no phrase rule may match: no Token made
        token = doc[i]
        if heads_clause(token):
            clause = read_clause(token, dropped_subject)
            if clause is not None:
                yield from clause_facts(clause, further=further)
        dep = token.dep_
        if dep in by_dep:
            rules = by_dep[dep]
        elif by_iob:
            iob = token.ent_iob_
            rules = by_iob[iob] if iob in by_iob else anywhere
        else:
            rules = anywhere
        for rule in rules:
            if rule.applies_to(token):
                yield from rule.emit(token)
