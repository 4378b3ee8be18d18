"""Negation beyond "not": determiners, negative pronouns, "without", "fail to", "lack".

The rules mark a fact negated when its verb group has "not", "n't" or "never". English also
denies with the arguments ("had **no** clue", "**nobody** came", "**neither** X **nor** Y"),
with a preposition ("left **without** paying") and with verbs ("**failed** to stop", "**lacks**
funds", "was **prevented from** collapsing", "was **banned from** conducting worship": may not,
"**abstained from** voting"),
and with a negated "have" over a participle clause ("**don't have** writers coming up with a
story"). The contrastive "**not just** X **but also** Y" is no denial at all: it asserts both.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.doc_arrays import Columns, children_with, columns, left_children, right_children
from extract.doc_memo import once_per_key
from extract.lexicon import (
    ABSTAINING_VERBS,
    CONTRASTIVE_WORDS,
    DECLINING_VERBS,
    DISSUADING_VERBS,
    FACTIVE_VERBS,
    FORBIDDING_VERBS,
    INSTEAD_PHRASES,
    NEGATIONS,
    NEGATIVE_ADVERBIALS,
    NEGATIVE_CONJUNCTIONS,
    NEGATIVE_WORDS,
    NOT_QUITE_ADVERBS,
    PREVENTING_VERBS,
    REPORTING_VERBS,
    RESTRICTING_WORDS,
)

__all__ = [
    "negative_argument",
    "negated_by_preposition",
    "negated_by_adverbial",
    "negated_by_conjunction",
    "negated_by_having",
    "negated_in_context",
    "instead_of",
    "coordinator_before",
    "alternative",
    "either_or_object",
    "denied_knowing",
    "kept_from",
    "declined_saying",
    "contrastive",
]


_VERBAL = frozenset({"VERB", "AUX"})


def negative_argument(token: Token) -> bool:
    """True when the argument headed by ``token`` is negative: "no clue", "nobody", "neither
    X nor Y".

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["had", "no", "clue"], heads=[0, 2, 0],
    ...           deps=["ROOT", "det", "dobj"])
    >>> negative_argument(doc[2]), negative_argument(doc[0])
    (True, False)
    """
    # Asked of each fact's subject and object, and of each fact up to three times.
    return once_per_key(token.doc, "kg.negative_argument", token.i,
                        lambda: _negative_argument(token))


def _negative_argument(token: Token) -> bool:
    if token.lower_ in NEGATIVE_WORDS - {"nor"} or (
        token.lower_ == "one" and token.i > 0 and token.doc[token.i - 1].lower_ == "no"
    ):
        return True
    cols = columns(token.doc)
    if any(cols.deps[c] == "det" and cols.lowers[c] == "no" for c in left_children(cols, token.i)):
        return True
    # "neither X nor Y": the first conjunct carries "neither", the others hang from it.
    first = token
    for _ in range(len(token.doc)):
        if first.dep_ != "conj" or first.head.i == first.i:
            break
        first = first.head
    return any(child.dep_ in ("det", "preconj", "cc") and child.lower_ == "neither"
               for child in first.lefts)


def negated_in_context(verb: Token) -> bool:
    """True when something around the clause of ``verb`` denies it (beyond its own "not"): a
    preposition, a negative adverbial, a negated "have", "nor" or "rather than", "almost"."""
    return negated_by_preposition(verb) or negated_by_adverbial(verb) or negated_by_having(
        verb) or negated_by_conjunction(verb) or negated_by_adverb(verb)


def negated_by_preposition(verb: Token) -> bool:
    """True for a clause governed by "without": "he left without paying the bill", "the
    rising was postponed without any uprising occurring" (the noun of "without" and its
    participle: no uprising occurred); or by "instead of", "rather than": "Instead of
    building a school, the council built a car park" (no school was built)."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "pobj":
        return verb.head.head.lower_ == "without"
    return verb.dep_ == "pcomp" and (verb.head.lower_ == "without" or instead_of(verb.head))


def instead_of(word: Token) -> bool:
    """True when ``word`` is the "of" of "instead of" or the "than" of "rather than"
    (:data:`~extract.lexicon.INSTEAD_PHRASES`), however the parser hung the adverb: before
    it, as its head or its child."""
    if word.i == 0:
        return False
    before = word.doc[word.i - 1]
    return (before.lower_, word.lower_) in INSTEAD_PHRASES and (
        before.head.i == word.i or word.head.i == before.i or before.head.i == word.head.i)


def negated_by_adverb(verb: Token) -> bool:
    """True for a verb an adverb denies: "almost" or "nearly" before it ("the bill nearly
    passed the Senate" did not pass it; not "nearly 100 people attended" or "almost always
    wins", where they hang on the other word), or "no longer" ("he no longer lives in Paris")."""
    if verb.pos_ not in _VERBAL:
        return False
    for adverb in children_with(verb, ("advmod",)):
        if adverb.lower_ in NOT_QUITE_ADVERBS and adverb.i < verb.i:
            return True
        if adverb.lower_ == "longer" and any(c.lower_ == "no" for c in adverb.children):
            return True
    return False


def negated_by_having(verb: Token) -> bool:
    """True for a participle clause with its own subject after a negated "have": "you don't
    have writers coming up with a story" (the writers do not come up with one)."""
    head = verb.head
    return verb.dep_ == "ccomp" and verb.tag_ == "VBG" and head.lemma_ == "have" and any(
        c.dep_ == "nsubj" for c in verb.lefts) and any(c.dep_ == "neg" for c in head.children)


def negated_by_adverbial(verb: Token) -> bool:
    """True for a clause that a negative adverbial denies: "in no way wished to be
    associated with it", "at no point did they meet", "under no circumstances should it open"
    (:data:`~extract.lexicon.NEGATIVE_ADVERBIALS`, its noun with "no").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["in", "no", "way", "wished", "it"],
    ...           heads=[3, 2, 0, 3, 3], deps=["prep", "det", "pobj", "ROOT", "dobj"])
    >>> negated_by_adverbial(doc[3]), negated_by_adverbial(doc[2])
    (True, False)
    """
    for prep in children_with(verb, ("prep",)):
        for noun in children_with(prep, ("pobj",)):
            if (prep.lower_, noun.lower_) in NEGATIVE_ADVERBIALS and any(
                    c.dep_ == "det" and c.lower_ == "no" for c in noun.lefts):
                return True
    return False


def negated_by_conjunction(verb: Token) -> bool:
    """True for a clause that "nor" or "neither" opens: "[they] denied making any mistakes,
    nor did they think weather conditions were inappropriate" (they did not think so), "did
    not attend the meeting, nor did he send a representative" (he sent none), "neither
    confirmed nor denied the report" (neither). The parser hangs "nor" on the conjunct
    before the verb it denies, so the coordinator nearest before the verb decides.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("He did not come, nor did he call. He came and he called.")
    >>> negated_by_conjunction(doc[8]), negated_by_conjunction(doc[15])
    (True, False)
    """
    if any(c.dep_ in ("cc", "preconj") and c.lower_ in NEGATIVE_CONJUNCTIONS and c.i < verb.i
           for c in verb.children):
        return True  # "Nor did the company pay", "neither confirmed nor denied"
    if verb.dep_ != "conj" or verb.head.i == verb.i:
        return False
    doc = verb.doc
    found = coordinator_before(columns(doc), verb.head.i, verb.i)
    # "walked to work rather than drive the car": not driven.
    return found is not None and (doc[found].lower_ in NEGATIVE_CONJUNCTIONS
                                  or instead_of(doc[found]))


def coordinator_before(cols: Columns, head: int, conj: int) -> int | None:
    """The coordinator nearest before conjunct ``conj`` among those hung on ``head`` between
    the two ("and", "nor", the "than" of "rather than"), as an index; None if there is none.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("They built a car park rather than a school.")
    >>> doc[coordinator_before(columns(doc), 4, 8)].text
    'than'
    """
    found = [c for c in right_children(cols, head) if c < conj and cols.deps[c] == "cc"]
    return found[-1] if found else None


def kept_from(verb: Token) -> tuple[bool, str | None] | None:
    """How a verb of preventing above "from" bears on the clause of ``verb``: ``(negated,
    modality)``, or None when no such verb governs it.

    "The federation was prevented from collapsing": it did not collapse (negated). "The
    religion was banned from conducting worship": it may not (negated, "may"), whether or not
    it did. "discouraged them from voting": they should not ("should"). A subject can keep
    itself from it: "three members abstained from voting on the bill" did not vote. A negated
    verb of preventing, or one with a negative subject, undoes the negation: "was not banned
    from voting" (may), "did not stop him from leaving", "nothing will prevent us from being".

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("The religion was banned from conducting public worship.")
    >>> kept_from(doc[5]), kept_from(doc[3])
    ((True, 'may'), None)
    >>> kept_from(load_nlp()("Two members abstained from voting on the bill.")[4])
    (True, None)
    """
    node = verb
    for _ in range(len(verb.doc)):
        if node.dep_ != "conj" or node.head.i == node.i:
            break
        node = node.head  # "from conducting worship and holding rites": both are kept from
    prep = node.head
    if node.dep_ != "pcomp" or prep.lower_ != "from" or prep.head.i == prep.i:
        return None
    preventing = prep.head
    lemma = preventing.lemma_.lower()
    if lemma not in PREVENTING_VERBS | ABSTAINING_VERBS:
        return None
    negated = not any(c.dep_ == "neg" or c.lower_ in NEGATIONS or (
        c.dep_ == "nsubj" and negative_argument(c)) for c in preventing.children)
    if lemma in FORBIDDING_VERBS:
        return negated, "may"
    if lemma in DISSUADING_VERBS:
        return negated, "should"
    return negated, None


def declined_saying(verb: Token) -> bool:
    """True when the clause of ``verb`` is what a speaker refuses or declines to say: "The
    official refused to say what tactics the radical group would use" says nothing about the
    tactics, and the official claimed nothing (:data:`~extract.lexicon.DECLINING_VERBS`). A
    clause the speaker does say stays a claim: "said the group would use them".

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("He refused to say what they would use. He said they would use it.")
    >>> declined_saying(doc[7]), declined_saying(doc[13])
    (True, False)
    """
    node = verb
    for _ in range(len(verb.doc)):
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ == "ccomp" and head.lemma_.lower() in REPORTING_VERBS and (
                head.dep_ == "xcomp" and head.head.lemma_.lower() in DECLINING_VERBS):
            return True
        node = head
    return False


def _restricted_after(negation: Token) -> bool:
    """True when "only", "solely" ... later in the clause restricts the negated verb or its
    first complement: "do not exist solely to credential experts", "don't consist of only
    urban kids" deny only that this is all, not the fact itself.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["do", "n't", "consist", "of", "only", "kids"],
    ...           heads=[2, 2, 2, 2, 5, 3], deps=["aux", "neg", "ROOT", "prep", "advmod", "pobj"])
    >>> _restricted_after(doc[1]), _restricted_after(doc[1:4].as_doc()[1])
    (True, False)
    """
    verb = negation.head
    for child in verb.rights:
        if child.dep_ == "advmod" and child.lower_ in RESTRICTING_WORDS:
            return True
        if child.dep_ in ("dobj", "attr", "prep"):
            words = [child, *(c for c in child.children if c.dep_ == "pobj")]
            return any(c.dep_ == "advmod" and c.lower_ in RESTRICTING_WORDS and c.i < w.i
                       for w in words for c in w.lefts)
    return False


def contrastive(negation: Token) -> bool:
    """True when ``negation`` opens "not just/only ... but (also)", which denies nothing;
    "not only X" denies nothing even without its "but" ("not necessarily" needs one).

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("It is not just about money but also about pride.")
    >>> contrastive(doc[2])
    True
    """
    doc = negation.doc
    sent = negation.sent
    after = negation.i + 1
    if _restricted_after(negation):
        return True
    if after >= sent.end or doc[after].lower_ not in CONTRASTIVE_WORDS:
        return False
    if doc[after].lower_ in RESTRICTING_WORDS:
        return True  # "is not only a question of dignity": it is one, and more
    return any(doc[i].lower_ == "but" for i in range(after + 1, sent.end))


def alternative(verb: Token) -> Token | None:
    """The first of the clauses coordinated by "or" that ``verb`` heads one of, else None:
    "found themselves in Russia fleeing religious intolerance or seeking adventure" states
    neither, each is what may have been; "did not smoke or drink" denies both.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("They fled the war or sought adventure. They ate and drank.")
    >>> alternative(doc[1]).text, alternative(doc[5]).text, alternative(doc[10])
    ('fled', 'fled', None)
    """
    first = verb
    for _ in range(len(verb.doc)):
        if first.dep_ != "conj" or first.head.i == first.i or first.head.pos_ not in _VERBAL:
            break
        first = first.head
    cols = columns(verb.doc)  # the verb's right children, without a walk of its subtree
    rights = right_children(cols, first.i)
    members = [first.i, *(c for c in rights if cols.deps[c] == "conj" and cols.pos[c] in _VERBAL)]
    if len(members) < 2 or verb.i not in members:
        return None
    last = max(members)
    return first if any(cols.deps[c] == "cc" and cols.lowers[c] == "or" and first.i < c < last
                        for c in rights) else None


#: Objects that "either ... or" may join.
_EITHER_OR_OBJECTS = frozenset({"attr", "dobj", "oprd"})


def either_or_object(verb: Token) -> bool:
    """An object of ``verb`` opened by "either" and joined by "or": "the cause of the fire was
    most probably either an electrical fire or a cigarette fire" states neither cause, each
    is what may have been.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("The cause was either a fire or a flood. The cause was a fire.")
    >>> either_or_object(doc[2]), either_or_object(doc[12])
    (True, False)
    """
    return any(any(
        g.dep_ == "preconj" and g.lower_ == "either" for g in c.children) and any(
        g.dep_ == "cc" and g.lower_ == "or" for g in c.children)
        for c in children_with(verb, _EITHER_OR_OBJECTS))


def denied_knowing(verb: Token) -> bool:
    """A verb of coming to know, denied: "Nor did she realize that he wrote popular
    literature" states that he did; her not knowing it makes it no claim of hers.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Nor did she realize that he wrote it. She realized that he wrote it.")
    >>> denied_knowing(doc[3]), denied_knowing(doc[10])
    (True, False)
    """
    return verb.lemma_.lower() in FACTIVE_VERBS and any(
        c.dep_ == "neg" or c.lower_ in NEGATIONS or (c.lower_ == "nor" and c.i < verb.i)
        for c in verb.children)
