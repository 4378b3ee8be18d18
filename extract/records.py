"""The records the rule tables share: a clause as read, a fact as emitted, a rule, a pattern.

:class:`Clause` is what one verbal or copular clause says, read once from the parse by
:func:`extract.clauses.read_clause`; every clause rule reads it instead of walking the parse
again. :class:`Fact` is what a rule emits, at token level, before labels and offsets.
:class:`Rule` is one row of a rule table: a name, a trigger (``applies_to``) and an emitter
(``emit``); :class:`Pattern` states a trigger over one token as data, as spaCy's
``DependencyMatcher`` patterns do, so a table can be read without running it, and
:class:`TokenRules` is an ordered table of rules over tokens, indexed by the dependency labels
their patterns name (as spaCy's ``Matcher`` indexes its patterns), so a token is tried only
against the rules that can match it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Generic, Iterator, TypeVar

import numpy
from spacy.attrs import DEP, ENT_IOB, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from extract.attribution import Voice, voice
from extract.quotations import quoted_voice
from extract.doc_memo import once_per_key
from extract.polarity import negative_argument

__all__ = ["Clause", "Fact", "Rule", "Pattern", "TokenRules"]

#: ``Token.ent_iob_`` by the value of ``ENT_IOB`` in ``Doc.to_array``.
_IOB_TAGS = ("", "I", "O", "B")


def _among(column: numpy.ndarray, codes: list[int]) -> numpy.ndarray:
    """Which values of a ``Doc.to_array`` column (unsigned 64-bit) are one of ``codes``."""
    return numpy.isin(column, numpy.array(codes, dtype=numpy.uint64))


T = TypeVar("T")
R = TypeVar("R")


@dataclass(slots=True)
class Clause:
    """One verbal or copular clause: its subjects, verb group and complements.

    Facts of the clause read these fields through :attr:`Fact.clause`, so a property of the
    clause (its negation, modality, or, later, who reports it) is worked out once, in
    :func:`~extract.clauses.read_clause`, and reaches every fact of the clause. Rules read the
    record and never change it (it is not frozen only because frozen dataclasses made the
    whole rule pass about 12 % slower).

    Attributes:
        verb: The verb heading the clause, first of its xcomp chain ("tries" in "tries to woo").
        head: The last verb of the chain ("woo"), whose dependents are the complements.
        subjects: Subject heads, one per conjunct ("Alice and Bob").
        borrowed: The construction through which the clause takes an argument from the
            sentence around it (``relcl``, ``acl``, ``conj``, ``xcomp``, ``advcl``, ``pcomp``:
            the subject rules of :mod:`extract.clauses`, or ``relcl`` for a relative pronoun
            object), else None.
        passive: The verb group is passive ("was founded", "faced by").
        negated: The verb group is negated ("does not rival", "tries not to").
        modality: The modal auxiliary, lower-cased ("could"), else None.
        words: The predicate's words: the lemma ("be" and the participle when passive),
            particles, and the rest of the chain ("try to woo", "be able to service").
        verb_group: The tokens of the relation as written: auxiliaries, adverbs inside the
            group, the verbs and particles of the chain; not in text order.
        objects: Object heads (``dobj``, ``attr``, ``oprd`` and their conjuncts) of ``head``;
            the noun a relative clause modifies stands for a relative pronoun object.
        preps: Prepositions (the by-agent first, then those right of ``head`` in text order,
            then the rest) and time noun phrases ("this year"): further arguments.
        datives: Indirect objects ("gave *him* a book").
        acomp: The adjectival complement, unless the relation already holds it.
        complement: The clausal complement (``ccomp``) that is the clause's object.
        voice: Whose voice the clause is in: reported, denied, conditional or the text's
            own (:func:`extract.attribution.voice`), read off ``verb`` when first asked for.
    """

    verb: Token
    head: Token
    subjects: tuple[Token, ...]
    borrowed: str | None
    passive: bool
    negated: bool
    modality: str | None
    words: tuple[str, ...]
    verb_group: tuple[Token, ...]
    objects: tuple[Token, ...]
    preps: tuple[Token, ...]
    datives: tuple[Token, ...]
    acomp: Token | None
    complement: Token | None
    _voice: Voice | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def voice(self) -> Voice:
        """The clause's :class:`~extract.attribution.Voice`, worked out on first use: the
        facts of most clauses are dropped before anything asks for it."""
        if self._voice is None:
            self._voice = quoted_voice(voice(self.verb), self.verb)
        return self._voice


@dataclass(slots=True)
class Fact:
    """One extraction at token level, before labels and offsets.

    ``subject`` and ``object`` are phrase heads; ``*_bounds`` are the token bounds
    ``[start, end)`` of the full argument; ``relation`` is the relation as written
    ("could rival", "was founded in"); ``extra`` holds the bounds of further arguments;
    ``construction`` names the rule that read it (see :func:`extract.rules.constructions`);
    ``dropped_by`` names why the rule itself keeps it out (:data:`extract.rules.RULE_DROPS`),
    None for a fact it proposes.
    """

    subject: Token
    predicate: str
    relation: str
    object: Token
    construction: str
    subject_bounds: tuple[int, int]
    object_bounds: tuple[int, int]
    extra: list[tuple[int, int]] = field(default_factory=list)
    clause_object: bool = False
    clause: Clause | None = None
    dropped_by: str | None = None

    @property
    def negated(self) -> bool:
        """The clause denies the fact ("does not rival", "failed to stop"), or an argument
        does ("had no clue", "neither X nor Y"); facts of noun phrases never are."""
        return self.clause is not None and (
            self.clause.negated or negative_argument(self.object)
            or negative_argument(self.subject))

    @property
    def modality(self) -> str | None:
        """The clause's modal auxiliary, else None."""
        return self.clause.modality if self.clause is not None else None

    @property
    def verb(self) -> Token | None:
        """The verb heading the clause, or None for a fact of a noun phrase."""
        return self.clause.verb if self.clause is not None else None


@dataclass(frozen=True, slots=True)
class Rule(Generic[T]):
    """One row of a rule table: where a rule applies and what it emits there.

    Attributes:
        name: The construction the rule reads; facts record it (``Provenance.construction``)
            and the confidence model weighs it (feature ``cons=NAME``).
        applies_to: The trigger: does the rule fire on this token (or clause)?
        emit: The facts the rule finds there (possibly none).
        weighed_as: For a construction the graph has and Open IE output (hence CaRB, which
            the confidence weights are fitted on) has not, the construction whose weight it
            takes (:data:`extract.confidence.GRAPH_ONLY`); None: its own.
    """

    name: str
    applies_to: Callable[[T], bool]
    emit: Callable[[T], Iterator[Fact]]
    weighed_as: str | None = None


@dataclass(frozen=True, slots=True)
class Pattern:
    """A trigger over one token, written as data: every attribute given must match.

    Sets list the values allowed (``lower``: the lower-cased word); ``not_pos`` the parts of
    speech refused; ``attached`` requires a head other than the token itself (the root has
    none).

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["Xu", "ran"], heads=[1, 1], deps=["nsubj", "ROOT"],
    ...           pos=["PROPN", "VERB"])
    >>> subject = Pattern(dep=frozenset({"nsubj"}), head_pos=frozenset({"VERB"}))
    >>> subject(doc[0]), subject(doc[1])
    (True, False)
    """

    dep: frozenset[str] | None = None
    lower: frozenset[str] | None = None
    pos: frozenset[str] | None = None
    not_pos: frozenset[str] | None = None
    tag: frozenset[str] | None = None
    head_pos: frozenset[str] | None = None
    ent_iob: str | None = None
    ent_type: str | None = None
    attached: bool = False

    def __call__(self, token: Token) -> bool:
        """Whether ``token`` matches every attribute the pattern gives."""
        return (
            (self.dep is None or token.dep_ in self.dep)
            and (self.ent_iob is None or token.ent_iob_ == self.ent_iob)
            and (self.lower is None or token.lower_ in self.lower)
            and (self.pos is None or token.pos_ in self.pos)
            and (self.not_pos is None or token.pos_ not in self.not_pos)
            and (self.tag is None or token.tag_ in self.tag)
            and (self.ent_type is None or token.ent_type_ == self.ent_type)
            and (not self.attached or token.head.i != token.i)
            and (self.head_pos is None or token.head.pos_ in self.head_pos)
        )


class TokenRules(Generic[R]):
    """An ordered table of rules over tokens; :meth:`for_token` gives the ones worth trying.

    A row is any record with a ``name`` and an ``applies_to`` trigger (a :class:`Rule`, or
    :class:`~extract.clauses.SubjectRule`).

    The rules are indexed by the dependency label and the entity IOB tag their
    :class:`Pattern` triggers name, as spaCy's ``Matcher`` indexes its patterns: a rule whose
    pattern names labels is tried only on tokens with one of them, one naming ``ent_iob``
    only on tokens with that tag, any other rule on every token. Table order is kept.

    >>> table = TokenRules(Rule("poss", Pattern(dep=frozenset({"poss"})), lambda t: iter(())))
    >>> [rule.name for rule in table], table.names
    (['poss'], ('poss',))
    """

    __slots__ = ("rules", "names", "by_dep", "by_iob", "anywhere")

    def __init__(self, *rules: R) -> None:
        self.rules = rules
        self.names = tuple(rule.name for rule in rules)
        labels = {label for rule in rules for label in _trigger(rule, "dep") or ()}
        #: Dependency label -> the rules worth trying on a token with that label.
        self.by_dep = {label: tuple(rule for rule in rules if _may_match(rule, "dep", label))
                       for label in labels}
        unlabelled = [rule for rule in rules if _trigger(rule, "dep") is None]
        tags = {_trigger(rule, "ent_iob") for rule in unlabelled} - {None}
        #: Entity IOB tag -> the rules worth trying on a token whose label no pattern names.
        self.by_iob = {tag: tuple(rule for rule in unlabelled
                                  if _may_match(rule, "ent_iob", tag)) for tag in tags}
        #: The rules worth trying on any other token.
        self.anywhere = tuple(rule for rule in unlabelled if _trigger(rule, "ent_iob") is None)

    def __iter__(self) -> Iterator[R]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def worth_trying(self, doc: Doc, clause_deps: frozenset[str]) -> list[bool]:
        """For each token of ``doc``, whether a rule pass has anything to try on it: a
        clause it may head (a verb or auxiliary, or a label of ``clause_deps``) or a rule of
        this table its label or IOB tag may trigger. Read from the document's arrays once
        per table, so a pass makes no Token of the other words."""
        def compute() -> list[bool]:
            strings = doc.vocab.strings
            dep, pos, iob = doc.to_array([DEP, POS, ENT_IOB]).T
            labelled = _among(dep, [strings[label] for label in self.by_dep])
            worth = _among(dep, [strings[label] for label, rules in self.by_dep.items() if rules])
            worth |= _among(dep, [strings[label] for label in clause_deps])
            worth |= _among(pos, [VERB, AUX])
            # A token whose label no pattern names: the rules of its IOB tag, else anywhere's.
            unlabelled = [code for code, tag in enumerate(_IOB_TAGS)
                          if (self.by_iob[tag] if tag in self.by_iob else self.anywhere)]
            worth |= ~labelled & _among(iob, unlabelled)
            return worth.tolist()
        return once_per_key(doc, "kg.worth_trying", (self.names, clause_deps), compute)

    def for_token(self, token: Token) -> tuple[R, ...]:
        """The rules, in table order, whose trigger may match ``token``."""
        rules = self.by_dep.get(token.dep_)
        if rules is not None:
            return rules
        # ``ent_iob_`` costs a Python call in spaCy: read it only when a rule asks for it.
        return self.by_iob.get(token.ent_iob_, self.anywhere) if self.by_iob else self.anywhere


def _trigger(rule, attribute: str):
    """What the rule's pattern requires of ``attribute``; None for any value (or no pattern)."""
    trigger = rule.applies_to
    return getattr(trigger, attribute) if isinstance(trigger, Pattern) else None


def _may_match(rule, attribute: str, value: str) -> bool:
    wanted = _trigger(rule, attribute)
    return wanted is None or value == wanted or (not isinstance(wanted, str) and value in wanted)
