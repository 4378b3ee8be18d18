"""What a verb's form says about whether a clause without a subject may borrow one.

A clause with no subject of its own takes one from the sentence around it
(:data:`extract.clauses.SUBJECT_RULES`). The verb's form can rule that out where the parser
hung the clause on the wrong verb:

* a past participle trailing an active clause after its object ("Łódź has a collection of
  factory buildings, now mostly repurposed as lofts") is passive, and describes the object or
  a noun inside it, never the active subject (Łódź is not repurposed):
  :func:`describes_a_complement`;
* "followed by", "preceded by" after a complement order the complement in a list ("educated
  at Exeter School, followed by the University of Birmingham"): same function;
* a participle right before its "object" with no comma is an adjective of that noun
  ("brings together established research strengths"): :func:`adjective_before_its_noun`;
* a base form coordinated with a verb in the third person singular ("Labour has a plan to
  fast-track cases, get return agreements in place and take action") does not agree with its
  subject: it continues an infinitive the parser lost, what someone plans, not what the
  subject does: :func:`base_form_after_finite`;
* a "by" clause of means on a bare infinitive after "make", "let", "have" or "help" is the
  causer's doing ("made ends meet by doing needlework"): :func:`means_of_the_causer`.

Every function looks at a token's children and its head only, so each ends on any parse.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.doc_arrays import has_child
from extract.lexicon import (
    CAUSATIVE_VERBS,
    CONDITIONS,
    REASON_WORDS,
    SEQUENCE_VERBS,
    SINGULAR_VERB_FORMS,
    TIME_WORDS,
)

__all__ = ["describes_a_complement", "adjective_before_its_noun", "base_form_after_finite",
           "passive_head", "means_of_the_causer", "singular_relative_antecedent"]

#: Dependents that give a participle a clause of its own: its subject, auxiliary or
#: subordinator ("when confirmed as a Roman Catholic" is the subject's, as is "having left").
_OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "mark"})
#: Words that open an adverbial clause, whatever the parser labels them ("when confirmed").
_SUBORDINATORS = TIME_WORDS | CONDITIONS | REASON_WORDS
#: A verb's nominal complements.
_COMPLEMENTS = frozenset({"dobj", "dative", "attr", "oprd"})
#: Prepositions of a verb whose object is a complement ("gathers information through a series
#: of fixations", "backed by a hostile military alliance").
_PREPS = frozenset({"prep", "agent"})


def passive_head(verb: Token) -> bool:
    """A verb in the passive ("was educated", "can be avoided") or a past participle on a noun
    ("the tactics observed in fans"): its subject or noun is what is done to.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Goode", "was", "educated"],
    ...           heads=[2, 2, 2], deps=["nsubjpass", "auxpass", "ROOT"])
    >>> passive_head(doc[2])
    True
    """
    return has_child(verb, ("auxpass", "nsubjpass")) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")


def _complement_between(head: Token, verb: Token) -> bool:
    """Whether ``head`` has a nominal complement, or a preposition with an object, between
    itself and ``verb``."""
    for child in head.children:
        if not head.i < child.i < verb.i:
            continue
        if child.dep_ in _COMPLEMENTS:
            return True
        if child.dep_ in _PREPS and has_child(child, ("pobj",)):
            return True
    return False


def describes_a_complement(verb: Token) -> bool:
    """A bare past participle after its verb's complement, which it describes, not the
    verb's subject.

    After an active verb, the participle is passive and its subject is what is done to: the
    complement or a noun in it ("a viewer gathers information through fixations,
    interspersed by rapid movements": the fixations are). After a passive verb or "be" the
    participle may well be the subject's ("Data is gathered from the corpus, annotated for
    relations"; "The ceremony was simple, attended only by Hu Shih"), except "followed by" or
    "preceded by", which order the complement in a list. Before its verb, or with a subject,
    auxiliary or subordinator of its own, the participle is the subject's ("Born in Tianjin,
    Chao went"; "assumed the name when confirmed as a Roman Catholic").
    """
    head = verb.head
    if verb.tag_ != "VBN" or verb.i < head.i or has_child(verb, _OWN_CLAUSE):
        return False
    if any(c.lower_ in _SUBORDINATORS for c in verb.lefts):
        return False
    if not _complement_between(head, verb):
        return False
    if verb.lemma_.lower() in SEQUENCE_VERBS and has_child(verb, ("agent",)):
        return True
    return not (passive_head(head) or head.lemma_ == "be")


def adjective_before_its_noun(verb: Token) -> bool:
    """A bare past participle read as a verb of the noun right after it, with no comma
    before: "The project brings together established research strengths" has strengths that
    are established; the project establishes nothing. A past participle without "have" takes
    no object."""
    doc = verb.doc
    if verb.tag_ != "VBN" or has_child(verb, _OWN_CLAUSE) or verb.i + 1 >= len(doc):
        return False
    if verb.i > 0 and doc[verb.i - 1].is_punct:
        return False
    return any(c.dep_ == "dobj" and c.left_edge.i == verb.i + 1 for c in verb.children)


def base_form_after_finite(verb: Token) -> bool:
    """A base-form verb coordinated with a verb in the third person singular, neither with
    an auxiliary: it cannot share that verb's subject ("Labour has a plan to fast-track
    cases, get return agreements in place"; "fears it would amount to amnesty, which the Home
    Office rejects, and strain the welfare system"). The parser lost the infinitive or modal
    it goes with; what it says is planned, feared or possible. After a past verb the base
    form may be a present plural ("students reported a preference ..., recognize the need"),
    and after a verb with an auxiliary it shares the auxiliary ("will provide ... and
    consider")."""
    if verb.dep_ != "conj" or verb.tag_ != "VB" or has_child(verb, _OWN_CLAUSE):
        return False
    first = verb.head
    for _ in range(len(verb.doc)):  # up the conjuncts to the verb that has the subject
        if has_child(first, _OWN_CLAUSE) or first.dep_ != "conj" or first.head.i == first.i:
            break
        first = first.head
    return first.tag_ == "VBZ" and not has_child(first, ("aux", "auxpass"))


def means_of_the_causer(prep: Token, verb: Token) -> bool:
    """Whether a clause after the preposition ``prep`` ("by doing needlework") says how the
    subject of a causative verb brought about ``verb``, the bare infinitive it governs ("She
    made ends meet by doing needlework": she did it, the ends did not). Its subject is the
    causer's.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words="She made ends meet by doing".split(),
    ...           heads=[1, 1, 3, 1, 3, 4], deps="nsubj ROOT nsubj ccomp prep pcomp".split(),
    ...           tags="PRP VBD NNS VB IN VBG".split(), lemmas="she make end meet by do".split())
    >>> means_of_the_causer(doc[4], doc[3])
    True
    """
    return prep.lower_ == "by" and prep.head.i == verb.i and verb.tag_ == "VB" and (
        verb.dep_ in ("ccomp", "xcomp")) and verb.head.lemma_.lower() in CAUSATIVE_VERBS and (
        not has_child(verb, ("aux",)))


def singular_relative_antecedent(verb: Token) -> Token | None:
    """The one member of a list a relative clause in the singular is about: "by highway, bus
    and train - and Faaborg, which is best reached by bus" is about Faaborg alone, the noun
    before its comma; the parser hung it on "highway". None when the clause is plural, has
    no relative subject, or hangs on no list.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("They came by bus and by boat to Svendborg and Faaborg, which is small.")
    >>> [t.text for t in doc if t.dep_ == "relcl"], singular_relative_antecedent(doc[13])
    (['is'], Faaborg)
    """
    noun = verb.head
    if verb.dep_ != "relcl" or not noun.conjuncts:
        return None
    pronoun = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")
                    and c.tag_ in ("WDT", "WP")), None)
    if pronoun is None or pronoun.i < 2 or pronoun.doc[pronoun.i - 1].text != ",":
        return None
    finite = [verb, *(c for c in verb.lefts if c.dep_ in ("aux", "auxpass"))]
    if not any(t.tag_ == "VBZ" or t.lower_ in SINGULAR_VERB_FORMS for t in finite):
        return None
    before = pronoun.doc[pronoun.i - 2]
    return before if before.i in {noun.i, *(c.i for c in noun.conjuncts)} else None
