"""Whose voice a clause is in: attribution, stance and conditions of the clause around a verb.

A fact is asserted by the text only when its clause stands in the text's own voice. Walking
up from the clause's verb, the first of these decides otherwise:

* the clause is the complement of a reporting or cognition verb ("Howard **said** the party
  would split", "officials **believe** ...", "Tel **denied** he ...") -> an attributed claim,
  its source the verb's subject (or by-agent), its stance from the verb (``denied`` for deny,
  reject, dispute ...; ``questioned`` for question, doubt, ask ...; else ``asserted``);
* the clause is the content of a claim-like noun ("**claims** he misled the board",
  "**reports** that the army had killed civilians") -> attributed; when that noun is the
  object of a denying verb ("Tel **denied** claims ..."), the stance is ``denied`` and the
  denier is the source;
* the clause is what someone is accused of ("officials **accused** Arafat **of** supporting
  terrorism") -> attributed to the accuser;
* "**according to** X" on the clause or one above it -> attributed to X;
* the clause is what someone is credited with ("he was **credited with**
  revolutionizing linguistics") -> attributed to the subject of "credit", or to nobody named;
* the clause is what a verb asks its object to do ("police **urged** owners to turn over
  tapes") -> ``intended``: asked for, not done, and nobody's claim. What a verb keeps its
  object from doing ("**banned** them from conducting worship", "**prevented** it from
  collapsing") is no intention: :func:`extract.polarity.kept_from` negates it;
* "allegedly", "reportedly" on the verb -> reported, with no named source.

On the way up, an adverbial clause introduced by "if", "unless" ... marks everything below
it, and the main clause it conditions, as ``conditional``, but not a clause of its own below
that main clause ("**While** some islands are connected by ferry, you will have to go back,
if you rely on ...") nor one a semicolon sets apart; a question ("...?") is ``questioned``.
A finite clause opened by "why", "how", "when" or "where" is held true whoever does or does
not say why ("officials have not said **why** the team was denied visas").

A clause is ``intended`` (not done) under a verb of intention, as a purpose, a "how to" or
what a command asks (:mod:`extract.intention`). A clause with a subject of its own joined to
a verb of saying after what it reports goes on with the report (:mod:`extract.claim_scope`).
Every walk is bounded by the sentence length and compares tokens by index.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from extract.claim_scope import continues_report
from extract.doc_arrays import children_with, columns, token_lowers
from extract.lexicon import (
    ACCUSING_VERBS,
    AS_LONG_AS_ADVERBS,
    CLAIM_NOUNS,
    CONDITION_PHRASES,
    CONDITIONAL_PARTICIPLES,
    CONDITIONS,
    CREDITING_VERBS,
    DENYING_VERBS,
    DIRECTIVE_VERBS,
    DISCOURSE_MARKERS,
    DURATION_VERBS,
    FALSITY_ADJECTIVES,
    HEARSAY_ADVERBS,
    HEDGE_ADJECTIVES,
    HEDGE_ADVERBS,
    HEDGE_NOUNS,
    INVERTING_AUXILIARIES,
    NOMINALISATIONS,
    QUESTIONING_VERBS,
    QUOTE_MARKS,
    REPORTING_PARTICLES,
    REPORTING_VERBS,
    SAYING_LIGHT_VERBS,
    SAYING_NOUNS,
    TRUTH_ADJECTIVES,
    WH_ADVERBS,
    is_relative,
)
from extract.intention import intended, mandated, own_statement
from extract.polarity import (
    denied_knowing,
    kept_from,
    negated_by_conjunction,
    negative_argument,
)
from extract.questions import asked_question, inverted_question
from extract.things import is_person_noun

__all__ = ["Voice", "reporting", "voice"]


@dataclass(frozen=True, slots=True)
class Voice:
    """How the text presents one clause.

    Attributes:
        reported_by: The reporting verb or noun ("say", "claim", "according to"), or None
            when the text states the clause in its own voice.
        source: Head token of who the clause is attributed to, or None (unknown or not
            attributed).
        stance: ``asserted``, ``denied`` or ``questioned``: the source's stance.
        conditional: The clause holds only under a condition ("if ...").
        intended: The clause is what someone plans, expects, tries or votes to do ("is
            expected to vote in favour of banning the group"), not what happened.
    """

    reported_by: str | None = None
    source: Token | None = None
    stance: str = "asserted"
    conditional: bool = False
    intended: bool = False


def _subject(verb: Token) -> Token | None:
    """The subject or by-agent of ``verb`` (the speaker of "X said", "was said by X").

    A verb without one of its own takes it where the sentence gives it: "... and warned
    that ..." (a conjoined verb) and "..., saying that ..." (a participle after the clause)
    from the verb they hang from, "tried to explain that ..." from the verb of its chain
    (unless it has an object: "advised officials to assume that ..."), "guys thinking that
    ..." (a participle on a noun) from that noun. Each step moves to the
    head, so the walk ends; it is bounded by the sentence length.
    """
    for _ in range(len(verb.doc)):
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child
        head = verb.head
        if head.i == verb.i:
            return None
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
            return head
        if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children):
            # "advised officials to assume that ...": the object may be who assumes, or the
            # parser's mistake ('told the press, "to show that ..."'): nobody is named.
            return None
        if not (verb.dep_ in ("conj", "xcomp") or (
                verb.dep_ == "advcl" and verb.tag_ == "VBG"
                and not any(c.dep_ == "mark" for c in verb.children))):
            return None
        verb = head
    return None


def reporting(verb: Token) -> str | None:
    """The verb of saying ``verb`` is ("say"; "predict" for "makes a prediction"), or None."""
    lemma = verb.lemma_.lower()
    if lemma in REPORTING_VERBS:
        if any(c.dep_ == "prt" and (lemma, c.lower_) not in REPORTING_PARTICLES
               for c in verb.children):
            return None  # "must be well thought out": another verb
        return lemma
    if lemma in SAYING_LIGHT_VERBS:
        for child in verb.children:
            if child.dep_ == "dobj" and child.lemma_.lower() in SAYING_NOUNS:
                return NOMINALISATIONS[child.lemma_.lower()]
    return None


def _directive(node: Token, head: Token) -> Token | None:
    """The verb that asks its object to do what clause ``node`` says, if any.

    "urged delegates to pursue development" (an xcomp of a verb with an object), "stopped
    them from leaving" (a clause after "from"): what is urged or prevented is not stated.
    """
    if node.dep_ == "xcomp" and head.lemma_.lower() in DIRECTIVE_VERBS and any(
        c.dep_ == "dobj" for c in head.children
    ):
        return head
    if node.dep_ == "pcomp" and head.lower_ == "from" and head.head.i != head.i and (
        head.head.lemma_.lower() in DIRECTIVE_VERBS
    ):
        return head.head
    return None


def _reported_by_dependent(node: Token, verb: Token) -> Token | None:
    """A verb of saying that hangs from ``node`` and reports it: "The plan will fail, he
    said", "Xu Liang makes a bold prediction: China is on the cusp ..." (parsed with the
    reported clause as the head). Never one whose own clause holds ``verb``, the verb whose
    voice is sought: "Probably some people mainly think about the scientific part" is not
    the people's claim that they think about it."""
    for child in children_with(node, ("ccomp", "parataxis")):
        if child.left_edge.i <= verb.i <= child.right_edge.i:
            continue
        if child.pos_ in ("VERB", "AUX") and (
            reporting(child) is not None
        ) and any(c.dep_ == "nsubj" for c in child.children) and not any(
            c.dep_ in ("ccomp", "parataxis", "xcomp") or (c.dep_ == "dobj" and not (
                c.pos_ in ("PRON", "PROPN") or is_person_noun(c)
                or c.lemma_.lower() in SAYING_NOUNS)) for c in child.children
        ) and not _set_apart(child, node, colon=child.i > node.i) and not _discourse_marker(child):
            # "He was not the only Scottish soldier; his fellow-Scots also found themselves
            # in Russia", "Gorbachev agreed to a concession: he agreed to let ...": a clause
            # after a semicolon or a colon reports nothing before it; nor does a verb with an
            # object other than whom it tells ("She wrote little ..., but her stories had").
            return child
    return None


def _stance(lemma: str, verb: Token | None = None) -> str:
    """The stance a verb of saying takes to what it reports; "cannot say that ..." and "did
    not claim that ..." leave it in doubt (questioned), and so do "did not deny" and "nor did
    they think that ...".
    """
    if verb is not None and (any(c.dep_ == "neg" for c in verb.children)
                             or negated_by_conjunction(verb)):
        return "questioned"
    if lemma in DENYING_VERBS:
        return "denied"
    if lemma in QUESTIONING_VERBS:
        return "questioned"
    return "asserted"


def _according_to(node: Token) -> Token | None:
    """X of "according to X" attached to ``node``."""
    for child in children_with(node, ("prep",)):
        if child.lower_ == "according":
            for to in child.children:
                if to.lower_ == "to":
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    return None


#: Labels of a word that can head a condition or its phrase (:func:`_is_condition`).
_CONDITION_DEPS = frozenset({"advcl", "acl", "relcl", "ccomp", "advmod", "prep"})
#: Marks that open a condition, and "though" of "as though".
_CONDITION_MARKS = CONDITIONS | {"though"}
#: Prepositions of :data:`CONDITION_PHRASES`.
_CONDITION_PREPS = frozenset(prep for prep, _noun in CONDITION_PHRASES)


def _is_condition(node: Token, *, governing: bool = False) -> bool:
    """True when ``node`` heads a condition ("if the talks fail"); with ``governing``, one
    that conditions the clause it hangs from.

    Only a clause with a verb is a condition: "many, if not all, the markers" and "her
    passionate, if discreet, love" concede. "as if" compares; "even if" concedes, so its own
    clause is hypothetical but the clause it hangs from holds anyway.
    """
    dep = node.dep_
    if dep not in _CONDITION_DEPS:
        return False
    if _condition_phrase(node, governing):
        return True
    if dep not in ("advcl", "acl") or node.pos_ not in ("VERB", "AUX"):
        return False  # "This letter, if judged by ...": a participle can be a condition
    for child in node.children:
        if child.dep_ == "mark" and child.lower_ in _CONDITION_MARKS:
            before = node.doc[child.i - 1].lower_ if child.i > 0 else ""
            if before == "as":
                # "acted as if the road belonged to the city": a comparison with what is not
                # so; the clause it hangs from holds.
                return not governing
            return child.lower_ != "though" and not (governing and before == "even")
    return False


def _condition_phrase(node: Token, governing: bool) -> bool:
    """A condition the parser does not open with a conjunction: "provided that the firm cuts
    costs", "assuming that the drug works" (a participle and its clause), "as long as the
    factory stays open" (the adverb "long" and its clause), "on condition that ...", "in the
    event that ...", "should the talks fail" (an inverted auxiliary); "in case the bank
    fails" is a condition of its own clause only (cash is kept either way)."""
    dep, lower, head = node.dep_, node.lower_, node.head
    if dep == "prep" and lower not in _CONDITION_PREPS:
        return False
    if dep == "advcl" and _inverted(node):
        return True
    if dep in ("acl", "relcl", "ccomp") and _condition_clause(node, head):
        return not governing or head.lower_ != "case"
    if dep == "prep":
        return any(_condition_clause(g, c) and not (governing and c.lower_ == "case")
                   for c in children_with(node, ("pobj",)) for g in c.children)
    if dep == "ccomp" and node.left_edge.i >= 2 and not governing and (
            node.doc[node.left_edge.i - 2].lower_,
            node.doc[node.left_edge.i - 1].lower_) in CONDITION_PHRASES:
        return True  # "Take an umbrella in case the rain starts", parsed as a clause of "take"
    if dep == "advcl" and lower in CONDITIONAL_PARTICIPLES:
        return any(c.dep_ == "ccomp" for c in node.children)
    if dep == "ccomp" and head.dep_ == "advcl" and head.lower_ in CONDITIONAL_PARTICIPLES:
        return True
    if dep == "advmod" and lower == "long":
        # "waited as long as he could" says how long, not on what condition
        return head.lemma_.lower() not in DURATION_VERBS and any(
            c.dep_ == "advmod" and c.lower_ in AS_LONG_AS_ADVERBS and c.i < node.i
            for c in node.children) and any(c.dep_ == "advcl" for c in node.children)
    if dep == "advcl" and head.lower_ == "long" and head.dep_ == "advmod":
        return _condition_phrase(head, governing)
    return False


def _condition_clause(clause: Token, noun: Token) -> bool:
    """``clause`` is the condition a noun after a preposition opens: "on condition that",
    "in the event that the talks fail", "in case the bank fails": a clause with a subject
    right after the singular noun (not "the event won by Ray Hass", "in some cases attacking
    the wrong men")."""
    return clause.dep_ in ("acl", "relcl", "ccomp") and noun.dep_ == "pobj" and (
        noun.head.lower_, noun.lower_) in CONDITION_PHRASES and (
            clause.left_edge.i == noun.i + 1) and any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)


def _inverted(clause: Token) -> bool:
    """An adverbial clause opened by an inverted auxiliary, a condition: "Should the talks
    fail", "Had the police arrived earlier", "Were the bank to fail"."""
    doc = clause.doc
    first = doc[clause.left_edge.i]
    if first.lower_ not in INVERTING_AUXILIARIES or first.i + 1 >= len(doc) or not (
            first.i == clause.i or (first.head.i == clause.i and first.dep_ == "aux")):
        return False
    return doc[first.i + 1].pos_ in ("DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ") and not any(
        c.dep_ == "mark" for c in clause.children)


def _asks(node: Token) -> bool:
    """A subordinate clause opened by "whether": an indirect question ("assessing whether
    particular journals are legitimate"), which states nothing."""
    return node.head.i != node.i and any(
        c.dep_ == "mark" and c.lower_ == "whether" for c in node.children)


def _hedge(verb: Token) -> str | None:
    """The adverb that makes the clause of ``verb`` a hypothesis, if any, on the verb or its
    complement: "was most probably an electrical fire", "are possibly a better course"."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in HEDGE_ADVERBS:
            return child.lower_
        if child.dep_ in ("attr", "acomp"):
            for grandchild in child.children:
                if grandchild.dep_ == "advmod" and grandchild.lower_ in HEDGE_ADVERBS:
                    return grandchild.lower_
    return None


def _hedging_adjective(copula: Token) -> str | None:
    """The adjective of "it's possible that ...", whose clause is a hypothesis, if any."""
    for child in copula.children:
        if child.dep_ == "acomp" and child.lower_ in HEDGE_ADJECTIVES:
            return child.lower_
    return None


def _judged_untrue(copula: Token) -> str | None:
    """The adjective of "it is false that ..." or "it is not true that ...", if any."""
    negated = any(c.dep_ == "neg" for c in copula.children)
    for child in children_with(copula, ("acomp",)):
        lower = child.lower_
        if (lower in FALSITY_ADJECTIVES and not negated) or (
                lower in TRUTH_ADJECTIVES and negated):
            return lower
    return None


def _claim(noun: Token, conditional: bool) -> Voice:
    """The voice of the content of a claim-like ``noun`` ("claims he misled the board")."""
    governor = noun.head
    lemma = governor.lemma_.lower()
    if noun.dep_ in ("dobj", "nsubjpass") and governor.i != noun.i and lemma in DENYING_VERBS:
        return Voice(lemma, _subject(governor), "denied", conditional)
    if noun.dep_ in ("dobj", "nsubjpass") and lemma in QUESTIONING_VERBS:
        return Voice(lemma, _subject(governor), "questioned", conditional)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if negative_argument(noun) or noun.lemma_.lower() in HEDGE_NOUNS:
        # "There was no proof that the missive was genuine": nobody claims it is; "the
        # possibility that the virus reached the capital": a hypothesis.
        return Voice(noun.lemma_.lower(), owner, "questioned", conditional)
    return Voice(noun.lemma_.lower(), owner, "asserted", conditional)


def voice(verb: Token) -> Voice:
    """The :class:`Voice` of the clause headed by ``verb``, found by walking up the parse.

    >>> from extract.pipeline import load_nlp
    >>> nlp = load_nlp()
    >>> v = voice(nlp("Tel has denied claims he misled the board.")[5])
    >>> v.reported_by, v.source.text, v.stance
    ('deny', 'Tel', 'denied')
    >>> voice(nlp("If the talks fail, Israel will attack Gaza.")[7]).conditional
    True
    >>> voice(nlp("Israel attacked Gaza.")[1])
    Voice(reported_by=None, source=None, stance='asserted', conditional=False, intended=False)
    """
    found = _voice(verb)
    if found.intended or not intended(verb):
        return found
    return Voice(found.reported_by, found.source, found.stance, found.conditional, True)


def _set_apart(child: Token, head: Token, *, colon: bool = False) -> bool:
    """True when a semicolon (with ``colon``, a colon too) of ``head``'s own sets ``child``
    apart from it: "If walking use caution, and if parking, make sure to feed the meter; the
    meter maids take their job very seriously" (the conditions are not the meter maids')."""
    marks = (";", ":") if colon else (";",)
    low, high = sorted((child.i, head.i))
    return any(c.dep_ == "punct" and c.text in marks and low < c.i < high
               for c in head.children)


def _discourse_marker(verb: Token) -> bool:
    """A parenthetical that reports nothing: "you know"."""
    lemma = verb.lemma_.lower()
    return any(c.dep_ == "nsubj" and (c.lower_, lemma) in DISCOURSE_MARKERS
               for c in verb.children)


def _voice(verb: Token) -> Voice:
    doc = verb.doc
    conditional = False
    # Above an adverbial clause of its own ("While some islands are connected by the same
    # ferry, you will have to go back ..., if you rely on ..."), the conditions of the clause
    # it hangs from are not its own.
    sheltered = False
    cols = columns(doc)
    children = cols.children[cols.starts[verb.i]:cols.starts[verb.i + 1]]
    if any(cols.lowers[c] in HEARSAY_ADVERBS and cols.deps[c] == "advmod" for c in children):
        return Voice(next(cols.lowers[c] for c in children if cols.lowers[c] in HEARSAY_ADVERBS),
                     None, "asserted", _is_condition(verb))
    hedges, whether = _words(doc)
    hedge = _hedge(verb) if hedges else None
    asked = requested = False
    node = verb
    for _ in range(len(doc)):
        # "If the talks fail, Israel will attack": the condition governs its head clause.
        conditional = conditional or (not sheltered and (_is_condition(node) or any(
            _is_condition(child, governing=True) and not _set_apart(child, node)
            for child in node.children)))
        asked = asked or (whether and _asks(node))
        found = _found_here(node, verb, conditional)
        if found is not None:
            return _ask(found, asked, requested)
        head = node.head
        if head.i == node.i:
            break
        if hedges and node.dep_ in ("ccomp", "csubj") and head.pos_ == "AUX":
            hedge = hedge or _hedging_adjective(head)
        if mandated(node, head):
            # "McAfee is recommending that users upgrade": asked for, not done.
            requested = requested or not _presupposed(verb, node)
        found = _found_above(node, head, conditional)
        if found is not None and found.stance == "questioned" and found.reported_by is None \
                and _presupposed(verb, node):
            return Voice(None, None, "asserted", conditional)  # "... the neologism created in"
        if found is not None:
            return _ask(found, asked, requested)
        if _directive(node, head) is not None and kept_from(node) is None:
            # "urged delegates to pursue development", "was banned from conducting public
            # worship": asked for or kept from, not done, and nobody's claim.
            requested = requested or not _presupposed(verb, node)
        sheltered = sheltered or own_statement(node)
        node = head
    if asked or asked_question(verb):
        return Voice(None, None, "questioned", conditional, requested)
    return Voice(hedge, None, "asserted", conditional, requested)


#: Nouns whose "that" clause is what someone claims or supposes, not what the text states.
CONTENT_NOUNS = CLAIM_NOUNS | HEDGE_NOUNS

_WORDS_CACHE = "kg.voice_words"


def _words(doc) -> tuple[bool, bool]:
    """Whether ``doc`` has a hedge, and whether it has "whether" (cached on the document as
    plain data): they are looked for only in a document that has one."""
    found = doc.user_data.get(_WORDS_CACHE)
    if found is None:
        words = set(token_lowers(doc))
        found = doc.user_data[_WORDS_CACHE] = (
            not words.isdisjoint(HEDGE_ADVERBS | HEDGE_ADJECTIVES), "whether" in words)
    return found


def _presupposed(verb: Token, top: Token) -> bool:
    """True when a participle or a relative clause lies on the way from ``verb`` up to
    ``top``: what it says of a noun holds, whatever is asked of the clause around it
    ("required the team to travel through territory controlled by the Taliban")."""
    node = verb
    for _ in range(len(verb.doc)):
        if node.dep_ == "relcl" or (
                node.dep_ in ("acl", "advcl") and node.tag_ in ("VBN", "VBG")):
            return True
        if node.i == top.i or node.head.i == node.i:
            return False
        node = node.head
    return False


def _ask(found: Voice, asked: bool, requested: bool) -> Voice:
    """``found`` with the stance of an indirect question and the request met on the way up."""
    stance = "questioned" if asked and found.stance == "asserted" else found.stance
    return Voice(found.reported_by, found.source, stance, found.conditional,
                 found.intended or requested)


def _found_here(node: Token, verb: Token, conditional: bool) -> Voice | None:
    """A source named on ``node`` itself: "according to X", or a verb of saying hanging from
    it ("The plan will fail, he said")."""
    source = _according_to(node)
    if source is not None and not source.left_edge.i <= verb.i <= source.right_edge.i:
        return Voice("according to", source, "asserted", conditional)
    speaker_verb = _reported_by_dependent(node, verb)
    if speaker_verb is not None:
        meaning = reporting(speaker_verb)
        return Voice(meaning, _subject(speaker_verb), _stance(meaning, speaker_verb),
                     conditional)
    return None


def _found_above(node: Token, head: Token, conditional: bool) -> Voice | None:
    """The voice ``head`` gives the clause of ``node``: a verb of saying, a claim noun, or an
    accusation ("accused X of doing")."""
    if node.dep_ in ("ccomp", "csubj") and head.pos_ in ("VERB", "AUX"):
        # "Nor did she realize that he wrote ...": he did, and it is nobody's claim.
        meaning = None if denied_knowing(head) else reporting(head)
        quoted = meaning is None and node.dep_ == "ccomp" and _quotation(node)
        # "The agreement was that Gorbachev agreed to a concession: he agreed to let ...": a
        # verb after a colon or semicolon reports nothing before it; "have not said why the
        # team was denied visas": what "why" asks about holds.
        if (meaning is not None or quoted) and not _wh_clause(node) and not (
                node.i < head.i and _set_apart(node, head, colon=True)):
            if meaning is not None and inverted_question(head):
                # "Do you think it was appropriate for Dan Savage to popularize ...?": asked,
                # and nobody's claim.
                return Voice(None, None, "questioned", conditional)
            if meaning is not None:
                return Voice(meaning, _subject(head), _stance(meaning, head), conditional)
            # 'She continued: "Labour has a plan ..."': any verb whose object is a quotation
            # reports it; one with nobody to say it ('any process "must be well thought
            # out": "Moves ..."') leaves the quotation to the verb of saying above it.
            speaker = _subject(head)
            if speaker is not None:
                return Voice(head.lemma_.lower(), speaker, "asserted", conditional)
    if continues_report(node, head) and reporting(node) is None and (
            meaning := reporting(head)) is not None and not inverted_question(head):
        # "Paris claims that her passport was taken and she was forced to work": still hers
        return Voice(meaning, _subject(head), _stance(meaning, head), conditional)
    if node.dep_ == "ccomp" and head.lemma_ == "be":
        # "their argument is that she stayed to fight the fire": the claim noun's content.
        noun = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() in CONTENT_NOUNS:
            return _claim(noun, conditional)
    if node.dep_ in ("ccomp", "csubj") and head.lemma_ == "be" and (
            judged := _judged_untrue(head)) is not None:
        # "It is not true that the mayor owns the company": the text denies it.
        return Voice(judged, None, "denied", conditional)
    if node.dep_ in ("acl", "ccomp", "relcl") and head.pos_ == "NOUN" and (
        head.lemma_.lower() in CONTENT_NOUNS
    ) and not _relative(node, head) and not _participle(node):
        return _claim(head, conditional)
    if node.dep_ == "pcomp" and head.head.i != head.i:
        # "accused Arafat of supporting terrorism", "he was credited with revolutionizing
        # linguistics": the accuser's or creditor's claim (nobody named in a passive).
        accuser = head.head
        lemma = accuser.lemma_.lower()
        if (head.lower_ == "of" and lemma in ACCUSING_VERBS) or (
                head.lower_ == "with" and lemma in CREDITING_VERBS):
            return Voice(lemma, _subject(accuser), "asserted", conditional)
    return None


def _participle(node: Token) -> bool:
    """A bare participle on a noun: "an asylum claim being withdrawn", "a statement
    condemning surgery" say what befalls the claim or what the statement does, not what it
    claims ("reports that the army had killed civilians" has a subject of its own)."""
    return node.dep_ == "acl" and node.tag_ in ("VBN", "VBG") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in node.children)


def _wh_clause(clause: Token) -> bool:
    """A finite clause opened by "why", "how", "when" or "where": what it asks about is held
    true ("officials have not said why the team was denied visas": it was denied them)."""
    return clause.tag_ != "VB" and any(
        c.dep_ == "advmod" and c.lower_ in WH_ADVERBS and c.i == clause.left_edge.i
        for c in clause.lefts)


def _quotation(clause: Token) -> bool:
    """True when the clause headed by ``clause`` opens with a quotation mark: a direct
    quotation, not a clause of the text's own."""
    doc = clause.doc
    start = clause.left_edge.i
    return doc[start].text in QUOTE_MARKS or (start > 0 and doc[start - 1].text in QUOTE_MARKS)


def _relative(clause: Token, noun: Token) -> bool:
    """True for a relative clause about the noun ("the report that he wrote"), whose gap is the
    noun itself, rather than a content clause ("the report that he lied")."""
    if clause.dep_ != "relcl":
        return False
    return any(is_relative(c) for c in clause.children)
