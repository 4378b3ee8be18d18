"""Dependency-parse rules: pure functions from a parsed sentence to triples.

The rules read one spaCy parse (``dep_``, ``pos_``, ``tag_``, ``lemma_``, ``ent_type_``) and never
re-parse. One family of constructions per function, as textacy's ``extract.triples`` does:

* :func:`verb_facts` -- a verbal or copular clause: active subject-verb-object (``svo``),
  passives with or without a by-agent (``passive``), verb + preposition objects (``prep``),
  copulas with attributes (``copula``), clausal objects (``ccomp``), xcomp chains ("tries to
  woo"), relative clauses (``relcl``) and participial modifiers (``acl``) that take their
  subject from the head noun, coordinated verbs sharing subject and auxiliaries (``conj``),
  light verbs ("makes a prediction" -> ``predict``, ``light_verb``);
* :func:`apposition_facts` -- "Xu Liang, a seasoned AI entrepreneur" -> (Xu Liang, be, AI
  entrepreneur);
* :func:`possessive_facts` -- "China's big tech giants" -> (China, have, China's big tech giants).

Each yields :class:`Fact` records (token-level, with the surface relation text that Open IE
benchmarks score); :func:`extract_sentence` turns them into :class:`~kg.model.Triple` objects
with labels, keys, offsets and a confidence, resolving pronouns on the way (:mod:`extract.coref`)
and dropping arguments that name nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from spacy.tokens import Span, Token

from extract.aliases import acronym_key
from extract.confidence import score_fact
from extract.coref import resolve
from extract.phrases import (
    PRONOUNS,
    argument_bounds,
    entity_label_key,
    entity_type,
    is_content_argument,
    tidy_bounds,
    transparent_head,
)
from extract.registry import extractors
from kg.model import Argument, Provenance, Triple

__all__ = [
    "Fact",
    "iter_facts",
    "verb_facts",
    "apposition_facts",
    "possessive_facts",
    "title_facts",
    "extract_sentence",
    "fact_triples",
    "extract_openie_sentence",
    "LIGHT_VERBS",
]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
_AUX_DEPS = frozenset({"aux", "auxpass", "neg"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_ADVERBS_IN_RELATION = True
#: Verbs of saying, whose clausal object may come first ("..., says Richard Burr").
_SAY_VERBS = frozenset({"say", "tell", "add", "note", "write", "report", "claim", "state",
                        "argue", "explain", "announce", "predict", "warn", "insist"})
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
#: Clause heads a predicate can have; a verb under any other label (``amod`` ...) is skipped.
_CLAUSE_DEPS = frozenset(
    {"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "parataxis"}
)
#: Light verb + nominalisation -> the verb the pair means.
LIGHT_VERBS: dict[tuple[str, str], str] = {
    (verb, noun): meaning
    for verb in ("make", "take", "give", "have", "do", "offer", "reach")
    for noun, meaning in {
        "prediction": "predict",
        "decision": "decide",
        "announcement": "announce",
        "attempt": "attempt",
        "choice": "choose",
        "promise": "promise",
        "statement": "state",
        "claim": "claim",
        "suggestion": "suggest",
        "recommendation": "recommend",
        "contribution": "contribute",
        "comparison": "compare",
        "investment": "invest",
        "payment": "pay",
        "visit": "visit",
        "offer": "offer",
        "agreement": "agree",
        "call": "call",
        "request": "request",
        "proposal": "propose",
        "effort": "try",
        "step": "act",
        "discovery": "discover",
        "assessment": "assess",
        "analysis": "analyse",
        "reference": "refer",
        "mention": "mention",
        "complaint": "complain",
        "speech": "speak",
        "appearance": "appear",
    }.items()
}


@dataclass(slots=True)
class Fact:
    """One extraction at token level, before labels and offsets.

    ``subject`` and ``object`` are phrase heads; ``*_bounds`` are the token bounds
    ``[start, end)`` of the full argument; ``relation`` is the relation as written
    ("could rival", "was founded in"); ``extra`` holds the bounds of further arguments.
    """

    subject: Token
    predicate: str
    relation: str
    object: Token
    construction: str
    subject_bounds: tuple[int, int]
    object_bounds: tuple[int, int]
    negated: bool = False
    modality: str | None = None
    extra: list[tuple[int, int]] = field(default_factory=list)
    clause_object: bool = False
    verb: Token | None = None
    variant: str | None = None
    extra_heads: list[Token] = field(default_factory=list)


def _conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("A, B and C"), in pre-order.

    Iterative, so a long chain of conjuncts cannot exhaust the recursion limit; it ends on any
    tree because each step moves to a child.
    """
    out: list[Token] = []
    stack = [token]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed([c for c in node.rights
                               if c.dep_ == "conj" and c.pos_ not in ("VERB", "AUX")]))
    return out


def _is_relative(token: Token) -> bool:
    return token.tag_ in _RELATIVE_TAGS or (token.lower_ == "that" and token.pos_ == "PRON")


def _auxiliaries(verb: Token) -> list[Token]:
    own = [c for c in verb.lefts if c.dep_ in _AUX_DEPS]
    own += [c for c in verb.rights if c.dep_ == "neg"]
    if not any(c.dep_ in ("aux", "auxpass") for c in own) and verb.dep_ == "conj":
        head = verb.head
        if head.pos_ in ("VERB", "AUX") and not any(c.dep_ in _SUBJECT_DEPS for c in verb.lefts):
            own += [c for c in head.lefts if c.dep_ in ("aux", "auxpass")]
    return own


def _subjects(verb: Token, depth: int = 0) -> tuple[list[Token], str | None]:
    """The subject heads of ``verb`` and, when borrowed from elsewhere, the construction."""
    own = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if own:
        heads: list[Token] = []
        how = None
        for subj in own:
            if _is_relative(subj) and verb.dep_ == "relcl":
                heads.extend(_conjuncts(verb.head))
                how = "relcl"
            else:
                heads.extend(_conjuncts(subj))
        return heads, how
    if depth > 4:
        return [], None
    dep = verb.dep_
    head = verb.head
    if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        if dep == "acl" and verb.tag_ not in ("VBN", "VBG"):
            return [], None
        return _conjuncts(head), dep
    if dep in ("conj", "xcomp", "advcl") and head.i != verb.i and head.pos_ in ("VERB", "AUX"):
        if dep == "advcl" and verb.tag_ not in ("VBG", "VBN"):
            return [], None
        heads, how = _subjects(head, depth + 1)
        return heads, how or dep
    if dep == "pcomp":
        # Climb to the nearest verb. Tokens are compared by index: spaCy makes a new Token
        # object on every access, so ``node.head is not node`` never ends at the root.
        node = head
        while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
            node = node.head
        if node.pos_ in ("VERB", "AUX"):
            heads, _ = _subjects(node, depth + 1)
            return heads, "pcomp"
    return [], None


def _bounds(head: Token, verb: Token | None = None) -> tuple[int, int]:
    return argument_bounds(head, exclude=verb)


def _pobjs(prep: Token) -> list[Token]:
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp"):
            return _conjuncts(child) if child.dep_ == "pobj" else [child]
    return []


def _surface(tokens: list[Token]) -> str:
    return " ".join(t.text for t in sorted(tokens, key=lambda t: t.i))


def verb_facts(verb: Token, *, openie: bool = False) -> Iterator[Fact]:
    """Facts of the clause headed by ``verb`` (a VERB, or a copular AUX heading a clause)."""
    if verb.dep_ not in _CLAUSE_DEPS:
        return
    if verb.pos_ == "AUX" and verb.dep_ in ("aux", "auxpass"):
        return
    # An xcomp whose head verb has no object of its own is folded into the head's chain.
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in _OBJECT_DEPS | {"dative"} for c in verb.head.children
    ):
        return
    subjects, how = _subjects(verb)
    if not subjects:
        return
    auxes = _auxiliaries(verb)
    negated = any(a.dep_ == "neg" or a.lower_ in _NEGATIONS for a in auxes)
    modality = next((a.lower_ for a in auxes if a.tag_ == "MD"), None)
    rel_tokens: list[Token] = [a for a in auxes if a.tag_ != "TO"]
    if _ADVERBS_IN_RELATION:
        # "could also help", "already is doing", "usually consisted": adverbs inside the verb
        # group belong to it.
        first = min((a.i for a in auxes), default=verb.i - 1)
        rel_tokens += [c for c in verb.lefts if c.dep_ == "advmod" and c.i >= first - 1
                       and c.tag_ == "RB" and c.lower_ not in _NEGATIONS]
    # Follow xcomp chains: "tries to woo", "is able to service".
    pred_words: list[str] = []
    head = verb
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        how == "acl" and verb.tag_ == "VBN"
    )
    while True:
        if head.i == verb.i:
            if passive:
                pred_words += ["be", head.lower_]
            else:
                pred_words.append(head.lemma_.lower())
        rel_tokens.append(head)
        for child in head.children:
            if child.dep_ == "prt":
                pred_words.append(child.lower_)
                rel_tokens.append(child)
        acomp = [c for c in head.children if c.dep_ == "acomp"]
        nxt = None
        if not any(c.dep_ in _OBJECT_DEPS for c in head.children):
            for child in head.rights:
                if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                    nxt = child
                    break
        if nxt is None and acomp and head.lemma_ == "be":
            # "is able to service": the adjective and its xcomp join the relation.
            for child in acomp[0].rights:
                if child.dep_ == "xcomp" and child.pos_ == "VERB":
                    rel_tokens.append(acomp[0])
                    pred_words.append(acomp[0].lower_)
                    nxt = child
                    break
        if nxt is None:
            break
        to = [c for c in nxt.lefts if c.tag_ == "TO" or c.dep_ in ("aux", "neg")]
        rel_tokens += to
        pred_words += [t.lower_ for t in to] + [nxt.lemma_.lower()]
        if any(t.dep_ == "neg" for t in to):
            negated = True
        head = nxt
    yield from _clause_facts(
        verb, head, subjects, how, pred_words, rel_tokens, negated, modality, passive, openie
    )


def _clause_facts(
    verb: Token,
    head: Token,
    subjects: list[Token],
    how: str | None,
    pred_words: list[str],
    rel_tokens: list[Token],
    negated: bool,
    modality: str | None,
    passive: bool,
    openie: bool,
) -> Iterator[Fact]:
    objects: list[Token] = []
    preps: list[Token] = []
    clause: Token | None = None
    acomp: Token | None = None
    datives: list[Token] = []
    for child in head.children:
        dep = child.dep_
        if dep in _OBJECT_DEPS:
            objects.extend(_conjuncts(child))
        elif dep in ("prep", "agent") and child.i > head.i:
            preps.append(child)
        elif dep == "prep" and child.i < head.i:
            preps.append(child)
        elif dep == "ccomp" and (child.i > head.i or head.lemma_ in _SAY_VERBS):
            clause = child
        elif dep == "acomp" and child.lower_ not in pred_words:
            acomp = child
        elif dep == "dative":
            datives.append(child)
        elif dep in ("npadvmod", "tmod") and child.ent_type_ in ("DATE", "TIME"):
            # "this year", "That night": time written as a noun phrase is a further argument.
            preps.append(child)
    if head.i != verb.i:
        # Prepositions attached to the first verb of a chain still belong to the fact.
        preps += [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i]
    # Relative clause whose relative pronoun is the object: "the book that he wrote".
    if how is None and verb.dep_ == "relcl":
        rel_obj = [o for o in objects if _is_relative(o)]
        if rel_obj:
            objects = [o for o in objects if not _is_relative(o)] + _conjuncts(verb.head)
            how = "relcl"
        elif not objects:
            for prep in preps:
                if any(_is_relative(p) for p in _pobjs(prep)):
                    preps.remove(prep)
                    preps.insert(0, prep)
                    how = "relcl"
                    break
    # The by-agent first, then prepositions right of the verb, then the rest in text order.
    preps.sort(key=lambda p: (p.dep_ != "agent", p.dep_ not in ("prep", "agent"), p.i < head.i,
                              p.i))
    verb_ref = verb
    construction = how or ("passive" if passive else "svo")
    lemma_obj = objects[0].lemma_.lower() if objects else ""
    light = LIGHT_VERBS.get((head.lemma_.lower(), lemma_obj)) if len(pred_words) == 1 else None

    def make(subj: Token, pred: str, rel: list[Token], obj: Token, cons: str,
             extra: list[Token], clause_object: bool = False, obj_bounds=None) -> Fact:
        target = transparent_head(obj) if not clause_object else obj
        bounds = _trim(obj.doc, obj_bounds or (
            (obj.left_edge.i, obj.right_edge.i + 1) if clause_object else _bounds(obj, verb_ref)
        ))
        extra_bounds = []
        for prep in extra:
            start, end = prep.left_edge.i, prep.right_edge.i + 1
            extra_bounds.append((start, end))
        return Fact(
            subject=subj,
            predicate=pred,
            relation=_surface(rel),
            object=target,
            construction=cons,
            subject_bounds=_bounds(subj, verb_ref),
            object_bounds=bounds,
            negated=negated,
            modality=modality,
            extra=extra_bounds,
            clause_object=clause_object,
            verb=verb_ref,
            extra_heads=list(extra),
        )

    base = " ".join(pred_words)
    if light and objects:
        noun = objects[0]
        # "makes a bold prediction: China is ..." -> (Xu Liang, predict, China is ...).
        target_preps = [p for p in noun.children if p.dep_ == "prep" and _pobjs(p)]
        for subj in subjects:
            if target_preps:
                prep = target_preps[0]
                for pobj in _pobjs(prep):
                    yield make(subj, f"{light} {prep.lower_}", rel_tokens + [noun, prep], pobj,
                               "light_verb", preps)
            elif clause is not None:
                yield make(subj, light, rel_tokens + [noun], clause, "light_verb", preps,
                           clause_object=True)
            elif (verb.dep_ == "ccomp" and verb.head.i > verb.i
                  and verb.head.pos_ in ("VERB", "AUX")):
                main = verb.head
                yield make(subj, light, rel_tokens + [noun], main, "light_verb", preps,
                           clause_object=True, obj_bounds=(verb.right_edge.i + 1,
                                                           main.right_edge.i + 1))
        if target_preps or clause is not None or verb.dep_ == "ccomp":
            return
    if objects:
        for subj in subjects:
            for obj in objects:
                if obj.i == subj.i:
                    continue
                cons = construction
                if head.lemma_ == "be" and obj.dep_ in ("attr", "conj") and how is None:
                    cons = "copula"
                    of = _of_complement(obj)
                    if of is not None:
                        # "Paris is the capital of France" -> (Paris, be capital of, France).
                        prep, pobj = of
                        rel = rel_tokens + list(obj.doc[obj.left_edge.i : prep.i + 1])
                        yield make(subj, f"{base} {obj.lemma_.lower()} of", rel, pobj, cons,
                                   preps)
                        continue
                yield make(subj, base, rel_tokens, obj, cons, datives + preps)
        return
    if preps and (preps[0].i > head.i or acomp is None):
        # A preposition before the verb joins the relation only when there is no adjective to
        # say more ("Despite ..., the promise remains undeterred" is about "undeterred").
        first = preps[0]
        pobjs = _pobjs(first)
        rest = preps[1:]
        words = list(pred_words)
        if pobjs:
            cons = construction if construction != "svo" else "prep"
            if head.lemma_ == "be" and how is None and not passive:
                cons = "copula"
            rel = rel_tokens + [first]
            for subj in subjects:
                for pobj in pobjs:
                    if pobj.dep_ == "pobj" and _is_relative(pobj) and verb.dep_ == "relcl":
                        pobj_heads = _conjuncts(verb.head)
                    else:
                        pobj_heads = [pobj]
                    for target in pobj_heads:
                        if target.i == subj.i:
                            continue
                        yield make(subj, f"{' '.join(words)} {first.lower_}", rel, target, cons,
                                   rest)
            return
    if acomp is not None:
        acomp_preps = [c for c in acomp.children if c.dep_ == "prep" and _pobjs(c)]
        for subj in subjects:
            if acomp_preps:
                prep = acomp_preps[0]
                for pobj in _pobjs(prep):
                    yield make(subj, f"{base} {acomp.lower_} {prep.lower_}",
                               rel_tokens + [acomp, prep], pobj, "copula", acomp_preps[1:] + preps)
            else:
                yield make(subj, base, rel_tokens, acomp, "copula", preps,
                           obj_bounds=(acomp.left_edge.i, acomp.right_edge.i + 1))
        return
    if clause is not None:
        for subj in subjects:
            yield make(subj, base, rel_tokens, clause, "ccomp", preps, clause_object=True)


def _is_acronym(text: str) -> bool:
    core = text[:-1] if text.endswith("s") else text
    core = core.replace(".", "")
    return len(core) >= 2 and core.isupper()


def _trim(doc, bounds: tuple[int, int]) -> tuple[int, int]:
    """Bounds without stray punctuation at either end (see :func:`tidy_bounds`)."""
    return tidy_bounds(doc, *bounds)


def _of_complement(noun: Token) -> tuple[Token, Token] | None:
    """``(of, pobj)`` when a common noun's first right dependent is an "of" phrase."""
    if noun.pos_ != "NOUN":
        return None
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return child, pobj
        return None
    return None


def apposition_facts(token: Token) -> Iterator[Fact]:
    """(X, be, Y) for an apposition Y of X; acronyms in brackets are aliases, not facts."""
    if token.dep_ != "appos" or token.head.pos_ not in ("NOUN", "PROPN"):
        return
    head = token.head
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].text == "(" and _is_acronym(token.text):
        return
    for appos in _conjuncts(token):
        yield Fact(
            subject=head,
            predicate="be",
            relation="be",
            object=appos,
            construction="apposition",
            subject_bounds=argument_bounds(head),
            object_bounds=argument_bounds(appos),
        )


def possessive_facts(token: Token) -> Iterator[Fact]:
    """(China, have, China's big tech giants) for a non-pronoun possessor."""
    if token.dep_ != "poss" or token.pos_ not in ("PROPN", "NOUN"):
        return
    owned = token.head
    if owned.pos_ not in ("NOUN", "PROPN"):
        return
    start = token.right_edge.i + 1
    _, end = argument_bounds(owned)
    yield Fact(
        subject=token,
        predicate="have",
        relation="has",
        object=owned,
        construction="possessive",
        subject_bounds=(token.left_edge.i + (token.left_edge.dep_ == "det"), token.i + 1),
        object_bounds=(start, end),
    )


def title_facts(token: Token) -> Iterator[Fact]:
    """(Todd Graves, be, former U.S. Attorney) for a title written before a person's name.

    ``token`` is the first token of a PERSON entity; the title is made of the modifiers of the
    name's head that stand before the entity and include a noun.
    """
    if token.ent_iob_ != "B" or token.ent_type_ != "PERSON":
        return
    doc = token.doc
    start = token.i
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    root = doc[end - 1]
    while start <= root.head.i < end and root.head.i != root.i:
        root = root.head
    titles = [c for c in root.lefts if c.i < start and c.dep_ in ("compound", "amod", "nmod")]
    if not titles or not any(c.pos_ in ("NOUN", "PROPN") for c in titles):
        return
    first = min(c.left_edge.i for c in titles)
    if doc[first].dep_ == "det" or doc[first].dep_ == "poss":
        first += 1
    title_head = max((c for c in titles if c.pos_ in ("NOUN", "PROPN")), key=lambda c: c.i)
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


_NOUN_PREPS = frozenset({"of", "in", "with", "between", "from", "at", "on", "for", "near"})


def noun_prep_facts(prep: Token) -> Iterator[Fact]:
    """(X, is in, Y) for a noun modified by a prepositional phrase ("businesses in Japan").

    A weak reading, for Open IE output only: annotators write these, the graph does not want
    every "of".
    """
    noun = prep.head
    if prep.dep_ != "prep" or prep.lower_ not in _NOUN_PREPS or noun.pos_ not in ("NOUN", "PROPN"):
        return
    if noun.dep_ in ("ROOT",) or prep.i < noun.i:
        return
    pobjs = [c for c in prep.children if c.dep_ == "pobj"]
    if not pobjs:
        return
    start, _ = argument_bounds(noun)
    if start > noun.i:
        start = noun.i
    for pobj in _conjuncts(pobjs[0]):
        yield Fact(
            subject=noun,
            predicate=f"be {prep.lower_}",
            relation=f"be {prep.text}",
            object=pobj,
            construction="noun_prep",
            subject_bounds=tidy_bounds(noun.doc, start, prep.i),
            object_bounds=argument_bounds(pobj),
        )


def _variants(fact: Fact) -> Iterator[Fact]:
    """Other readings of a verbal fact, as Open IE annotators often write them.

    * ``fold``: the object and the first prepositional phrase join the relation ("combined the
      work of all three with" + "personal snapshots");
    * ``split``: prepositional phrases on the object become arguments of their own ("observed"
      + "the practice" + "in Istanbul").
    """
    doc = fact.subject.doc
    obj = fact.object
    if fact.clause_object or fact.construction in ("apposition", "possessive", "title"):
        return
    preps = [p for p in fact.extra_heads if p.dep_ == "prep" and p.i > obj.i]
    if preps and obj.dep_ in ("dobj", "conj") and not fact.relation.endswith(obj.text):
        first = preps[0]
        pobjs = _pobjs(first)
        if pobjs and pobjs[0].dep_ == "pobj":
            start, end = fact.object_bounds
            relation = f"{fact.relation} {doc[start:end].text} {first.text}"
            pobj = pobjs[0]
            yield Fact(
                subject=fact.subject,
                predicate=f"{fact.predicate} {first.lower_}",
                relation=relation,
                object=pobj,
                construction=fact.construction,
                subject_bounds=fact.subject_bounds,
                object_bounds=argument_bounds(pobj),
                negated=fact.negated,
                modality=fact.modality,
                extra=[(p.left_edge.i, p.right_edge.i + 1) for p in preps[1:]],
                verb=fact.verb,
                variant="fold",
            )
    inner = [c for c in obj.rights if c.dep_ == "prep" and c.i < fact.object_bounds[1]]
    if inner and fact.object_bounds[0] <= obj.i:
        cut = inner[0].left_edge.i
        if cut > obj.i:
            yield Fact(
                subject=fact.subject,
                predicate=fact.predicate,
                relation=fact.relation,
                object=obj,
                construction=fact.construction,
                subject_bounds=fact.subject_bounds,
                object_bounds=(fact.object_bounds[0], cut),
                negated=fact.negated,
                modality=fact.modality,
                extra=[(c.left_edge.i, c.right_edge.i + 1) for c in inner] + fact.extra,
                verb=fact.verb,
                variant="split",
            )


def iter_facts(sent: Span, *, openie: bool = False, variants: bool = False) -> Iterator[Fact]:
    """Every fact the rules find in ``sent``, walking the parse once.

    ``openie`` is passed on to the verb rules for Open IE output. With ``variants``, less
    certain alternative readings of verbal facts follow each fact (see :func:`_variants`;
    measured on CaRB dev they cost more precision than they bring recall, so nothing turns
    them on); neither is for the graph.
    """
    for token in sent:
        pos = token.pos_
        facts: Iterator[Fact] | None = None
        if pos == "VERB" or (pos == "AUX" and token.dep_ not in ("aux", "auxpass")):
            facts = verb_facts(token, openie=openie)
        elif token.dep_ in _CLAUSE_DEPS and any(c.dep_ == "dobj" for c in token.rights):
            # A verb mistagged as adjective or noun ("does not rival Sora"): its object says
            # it is a verb.
            facts = verb_facts(token, openie=openie)
        elif token.dep_ == "appos":
            yield from apposition_facts(token)
        if facts is not None:
            for fact in facts:
                yield fact
                if variants:
                    yield from _variants(fact)
        if token.dep_ == "poss":
            yield from possessive_facts(token)
        elif openie and token.dep_ == "prep":
            yield from noun_prep_facts(token)
        if token.ent_iob_ == "B" and token.ent_type_ == "PERSON":
            yield from title_facts(token)


def _spans(bounds: tuple[int, int]) -> bool:
    return bounds[0] < bounds[1]


def _char_bounds(sent: Span, bounds: tuple[int, int]) -> tuple[int, int]:
    doc = sent.doc
    start, end = bounds
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def _argument(token: Token, fact: Fact, text: str, *, is_object: bool, openie: bool
              ) -> Argument | None:
    if openie or (is_object and fact.clause_object):
        # Open IE output scores the argument as written (``text``); no label or key is needed.
        if not any(ch.isalnum() for ch in text):
            return None
        return Argument(text, text.lower(), None)
    head = token
    if token.lower_ in PRONOUNS or (token.pos_ == "PRON") or _demonstrative(token):
        head = resolve(token)
        if head is None:
            return None
    label, key = entity_label_key(head)
    if not is_content_argument(label):
        return None
    return Argument(label, acronym_key(head) or key, entity_type(head))


def _demonstrative(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("these", "those", "this", "that")
               for c in token.lefts)


@extractors.register("kg.dependency.v1")
def extract_sentence(sent: Span, *, document: str, offset: int = 0) -> Iterator[Triple]:
    """Yield every triple the rules find in ``sent``; offsets are shifted by ``offset``.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Xu Liang founded a company.")
    >>> [(t.subject.label, t.predicate, t.object.label) for t in extract_sentence(
    ...     next(doc.sents), document="d")]
    [('Xu Liang', 'found', 'company')]
    """
    for _fact, triple in fact_triples(sent, document=document, offset=offset):
        yield triple


@extractors.register("kg.openie.v1")
def extract_openie_sentence(sent: Span, *, document: str, offset: int = 0) -> Iterator[Triple]:
    """The same rules for Open IE output (``kg extract --format carb``), not for the graph.

    Open IE benchmarks score the relation as written and take arguments as they stand, so here
    the predicate is the relation as written ("could rival", "was founded by"; a negation word
    is left out because ``negated`` carries it) and arguments are taken as written: a pronoun
    stays a pronoun instead of dropping the triple, and labels and keys are the argument text
    (no entity label is worked out, which Open IE output does not use).

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("He founded a company.")
    >>> [(t.subject.label, t.predicate, t.object.label) for t in extract_openie_sentence(
    ...     next(doc.sents), document="d")]
    [('He', 'founded', 'a company')]
    """
    for _fact, triple in fact_triples(sent, document=document, offset=offset, openie=True):
        yield triple


def fact_triples(
    sent: Span, *, document: str, offset: int = 0, openie: bool = False
) -> Iterator[tuple[Fact, Triple]]:
    """Like :func:`extract_sentence`, pairing each triple with the :class:`Fact` behind it.

    The fact keeps what the graph does not need but Open IE output does, such as the relation
    as written (``fact.relation``). With ``openie`` the triples are those of
    :func:`extract_openie_sentence`.
    """
    sent_start, sent_end = sent.start_char, sent.end_char
    local = sent.text  # never doc.text: that rebuilds the whole document for each sentence

    def text_at(start: int, end: int) -> str:
        return local[start - sent_start : end - sent_start]

    seen: set[tuple] = set()
    for fact in iter_facts(sent, openie=openie):
        if not (_spans(fact.subject_bounds) and _spans(fact.object_bounds)):
            # An argument with no tokens: only a crossing (non-projective) arc can make one,
            # such as a possessor whose subtree ends after the noun it owns.
            continue
        s_start, s_end = _char_bounds(sent, fact.subject_bounds)
        o_start, o_end = _char_bounds(sent, fact.object_bounds)
        ident = (s_start, s_end, fact.predicate, o_start, o_end)
        if ident in seen:
            continue
        subject_text, object_text = text_at(s_start, s_end), text_at(o_start, o_end)
        subject = _argument(fact.subject, fact, subject_text, is_object=False, openie=openie)
        if subject is None:
            continue
        obj = _argument(fact.object, fact, object_text, is_object=True, openie=openie)
        if obj is None or obj.key == subject.key:
            continue
        seen.add(ident)
        extra = tuple(text_at(*_char_bounds(sent, b)) for b in fact.extra)
        provenance = Provenance(
            document=document,
            sentence=local,
            sentence_start=sent_start + offset,
            sentence_end=sent_end + offset,
            subject_text=subject_text,
            subject_start=s_start + offset,
            subject_end=s_end + offset,
            object_text=object_text,
            object_start=o_start + offset,
            object_end=o_end + offset,
            confidence=score_fact(fact),
            construction=fact.construction,
            modality=fact.modality,
        )
        predicate = fact.predicate
        if openie:
            words = fact.relation.split()
            if fact.negated:
                words = [w for w in words if w.lower() not in _NEGATIONS]
            if fact.construction == "acl" and fact.verb is not None and fact.verb.tag_ == "VBN":
                # "difficulties faced by X": the participle is passive, "be" is understood.
                words = ["be", *words]
            predicate = " ".join(words) or fact.predicate
        yield fact, Triple(subject, predicate, obj, provenance, fact.negated, extra)
