"""How sure the parser was of each arc: its margin, kept while it parses, for the validity model.

The final parse shows none of the small model's doubts: "saved" hangs on "cash" whether the
parser preferred that by a wide margin or by a hair. spaCy's greedy parser scores every
transition at every step and takes the best valid one; the margin of that choice over the
runner-up valid transition is its doubt about the arc the step made (arc-eager: a left arc
attaches the stack's top, a right arc the buffer's first word). A fact hanging on a low-margin
arc is more often wrong (:func:`margin_names`, the ``margins`` family of
:mod:`extract.validity`).

spaCy throws the scores away, so the component :data:`PARSE_MARGINS` does the parser's own
loop (the parser's model, transition system and ``transition_states``, the calls its
``beam_parse`` makes): the same arcs, in about the pipeline time of spaCy's own parser
(short docs are parsed in bigger parts, so in fewer steps; ``docs/trust.md``), each arc's
margin kept in ``doc.user_data``
(:func:`arc_margins`), and per word the margin over a runner-up that would have hung it on
another head (:func:`rival_margins`). ``load_nlp`` puts it in place of a greedy parser; a
pipeline whose parser is not greedy keeps its parser, and its facts have no margin features.

>>> from extract.pipeline import load_nlp
>>> doc = load_nlp()("Countries must spend the cash saved on health.")
>>> margins = arc_margins(doc)
>>> len(margins) == len(doc), bool(margins[doc[0].sent.root.i] == float("inf"))
(True, True)
>>> all(m >= 0 for m, t in zip(margins, doc) if t.head.i != t.i)
True
"""

from __future__ import annotations

from typing import Iterable, Iterator

import numpy
from spacy import util
from spacy.language import Language
from spacy.pipeline import DependencyParser
from spacy.tokens import Doc, Span

from extract.doc_arrays import head_indices
from extract.records import Fact

__all__ = ["PARSE_MARGINS", "greedy_parser", "arc_margins", "rival_margins", "margin_names",
           "margin_bucket"]

#: The name of the component that parses in place of a greedy parser (``load_nlp``).
PARSE_MARGINS = "kg_parse_margins"
#: Where a Doc keeps its margins, and its margins over rival heads.
_KEY = "kg.arc_margins"
_RIVAL_KEY = "kg.rival_margins"
#: Best-scored transitions looked at per step for the best valid one and its runner-up;
#: when they are not among them the arc keeps no margin (``inf``; on 18,302 arcs of GUM
#: documents, never).
_CANDIDATES = 10
#: Most tokens parsed at once beyond spaCy's quarter batch (:func:`_parts`): the parser
#: works out its features for every token of a part up front, 4 KB a token (256 MB here).
_PART_TOKENS = 65_536
#: Edges of the ``arc=`` buckets of a fact's weakest arc (score units of the parser).
_ARC_EDGES = (0.5, 1.0, 2.0, 3.0, 5.0)
#: Edges of the ``rival=`` buckets of a fact's weakest margin over a rival head.
_RIVAL_EDGES = (1.0, 3.0)
#: An arc below this margin is a weak one (``weak=`` counts them in the sentence).
_WEAK = 1.0


def greedy_parser(nlp: Language, name: str = "parser") -> bool:
    """True when ``nlp``'s component ``name`` is a dependency parser that parses greedily,
    the one whose loop :data:`PARSE_MARGINS` can run."""
    if name not in nlp.component_names:
        return False
    parser = nlp.get_pipe(name)
    return isinstance(parser, DependencyParser) and parser.cfg.get("beam_width", 1) == 1


def arc_margins(doc: Doc) -> numpy.ndarray | None:
    """Per token, the parser's margin for the arc that attached it (``inf`` for a root, or
    an arc no other valid transition competed with), or None when ``doc`` was not parsed by
    :data:`PARSE_MARGINS`."""
    return doc.user_data.get(_KEY)


def rival_margins(doc: Doc) -> numpy.ndarray | None:
    """Per token, the smallest margin by which the parser preferred its step over a
    runner-up that would have hung the token on another head (``inf``: no such runner-up),
    or None when ``doc`` was not parsed by :data:`PARSE_MARGINS`."""
    return doc.user_data.get(_RIVAL_KEY)


def _step_margins(is_valid, kinds: list[str], arc_moves: numpy.ndarray, states: list,
                  scores: numpy.ndarray, margins: list[numpy.ndarray],
                  rivals: list[numpy.ndarray], owner: dict[int, int]) -> None:
    """Record each state's step: for a best valid transition that makes an arc, its margin
    over the runner-up valid transition on the arc's child (``margins``); and, where the
    runner-up would have hung a word elsewhere, the margin on that word (``rivals``).

    The runner-up hangs a word elsewhere when the step makes an arc and the runner-up is a
    transition of another kind (the reverse arc, a shift, a reduce: the child would get
    another head, "on health" on "spend" instead of "saved"), or when the step makes no arc
    and the runner-up is one (a reduce over attaching the next word to the stack's top).
    A runner-up that only changes the arc's label is no rival. ``rivals`` holds the smallest
    such margin per word; after a shift or a reduce, margins of ``_RIVAL_EDGES[-1]`` or more
    are not recorded (``inf``: the same ``rival=`` bucket).

    ``kinds`` holds each transition's kind (the first letter of its name: ``L``, ``R``,
    ``S``, ``D``, ``B``), ``arc_moves`` per transition whether it makes an arc (kind ``L``
    or ``R``). Per step, the ranking and the gaps are worked out for every state at once;
    a state whose best-scored transition is a valid shift or reduce ahead of the next by
    ``_RIVAL_EDGES[-1]`` or more (records nothing) costs one validity question.
    """
    rows, width = scores.shape
    order = numpy.argsort(-scores, axis=1)[:, :_CANDIDATES]
    # each row's candidate scores, by flat index (as numpy.take_along_axis, cheaper)
    top = scores.ravel()[order + numpy.arange(0, rows * width, width)[:, None]]
    if order.shape[1] > 1:
        # in double precision, as the loop below subtracts them
        gaps = top[:, 0].astype("float64") - top[:, 1].astype("float64")
        quiet = ((gaps >= _RIVAL_EDGES[-1]) & ~arc_moves[order[:, 0]]).tolist()
    else:
        quiet = [False] * rows
    top = top.tolist()
    for row, ranked in enumerate(order.tolist()):
        state = states[row]
        # by class number: a name is looked up by a scan of every transition
        if quiet[row] and is_valid(state, ranked[0]):
            continue
        scored = top[row]
        best = second = -1
        for place, k in enumerate(ranked):
            if not is_valid(state, k):
                continue
            if best >= 0:
                second = place
                break
            best, kind = place, kinds[k]
            # After a shift or a reduce, a runner-up _RIVAL_EDGES[-1] or more below (the
            # top bucket, as good as none) is not looked for: most such steps, and their cost.
            if kind not in "LR" and (place + 1 == len(ranked)
                                     or scored[place] - scored[place + 1] >= _RIVAL_EDGES[-1]):
                break
        if second < 0:
            continue
        other = kinds[ranked[second]]
        margin = scored[best] - scored[second]
        doc_margins, doc_rivals = margins[owner[id(state)]], rivals[owner[id(state)]]
        if kind in "LR":
            child = state.S(0) if kind == "L" else state.B(0)
            if 0 <= child < len(doc_margins):
                doc_margins[child] = margin
                if other != kind and margin < doc_rivals[child]:
                    doc_rivals[child] = margin
        elif other in "LR":
            child = state.S(0) if other == "L" else state.B(0)
            if 0 <= child < len(doc_rivals) and margin < doc_rivals[child]:
                doc_rivals[child] = margin


def _parts(docs: list[Doc], fewest: int) -> Iterator[list[Doc]]:
    """``docs`` in consecutive parts parsed at once: ``fewest`` docs (spaCy's parser parses
    a quarter of a batch at once), and more while the part holds at most ``_PART_TOKENS``
    tokens. Each step of the loop costs the same Python work however many docs it advances,
    so parsing short docs in bigger parts takes fewer steps; the parse of a doc does not
    depend on the docs it is parsed with.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> [len(part) for part in _parts([nlp("a b")] * 5, 2)]
    [5]
    >>> [len(part) for part in _parts([nlp("a " * 40_000)] * 5, 2)]
    [2, 2, 1]
    """
    part: list[Doc] = []
    tokens = 0
    for doc in docs:
        if len(part) >= fewest and tokens + len(doc) > _PART_TOKENS:
            yield part
            part, tokens = [], 0
        part.append(doc)
        tokens += len(doc)
    if part:
        yield part


class _MarginParser:
    """The component: the parser ``parser``'s greedy loop, keeping each arc's margin."""

    def __init__(self, nlp: Language, parser: str) -> None:
        self.nlp = nlp
        self.parser = parser

    def _parse(self, docs: list[Doc]) -> None:
        parser = self.nlp.get_pipe(self.parser)
        moves = parser.moves
        batch = moves.init_batch(docs)
        margins = [numpy.full(len(doc), numpy.inf, dtype="float32") for doc in docs]
        rivals = [numpy.full(len(doc), numpy.inf, dtype="float32") for doc in docs]
        if not any(len(doc) for doc in docs):
            parser.set_annotations(docs, batch)
            self._keep(docs, margins, rivals)
            return
        kinds = [moves.get_class_name(k)[0] for k in range(moves.n_moves)]
        arc_moves = numpy.array([kind in "LR" for kind in kinds], dtype=bool)
        owner = {id(state): n for n, state in enumerate(batch)}
        step = parser.model.predict(docs)
        states = [state for state in batch if not state.is_final()]
        # Arc-eager ends in about two transitions a word; the bound only guards the loop.
        for _ in range(4 * max(len(doc) for doc in docs) + 16):
            if not states:
                break
            scores = numpy.ascontiguousarray(step.predict(states), dtype="float32")
            _step_margins(moves.is_valid, kinds, arc_moves, states, scores, margins, rivals,
                          owner)
            states = parser.transition_states(states, scores)
        step.clear_memory()
        if states:  # never seen: parse these docs with spaCy's own loop, without margins
            parser.set_annotations(docs, parser.predict(docs))
            return
        parser.set_annotations(docs, batch)
        self._keep(docs, margins, rivals)

    @staticmethod
    def _keep(docs: list[Doc], margins: list[numpy.ndarray],
              rivals: list[numpy.ndarray]) -> None:
        for doc, doc_margins, doc_rivals in zip(docs, margins, rivals):
            doc.user_data[_KEY] = doc_margins
            doc.user_data[_RIVAL_KEY] = doc_rivals

    def __call__(self, doc: Doc) -> Doc:
        self._parse([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        """Parse as spaCy's parser does, batches sorted by length and parsed in parts, but in
        parts of up to ``_PART_TOKENS`` tokens (:func:`_parts`)."""
        for batch in util.minibatch(stream, size=batch_size):
            for part in _parts(sorted(batch, key=len), max(batch_size // 4, 2)):
                self._parse(part)
            yield from batch


@Language.factory(PARSE_MARGINS, default_config={"parser": "parser"})
def parse_margins(nlp: Language, name: str, parser: str) -> _MarginParser:
    """A component that parses with the greedy parser ``parser`` (which must then be
    disabled: it would parse again) and keeps each arc's margin (:func:`arc_margins`)."""
    return _MarginParser(nlp, parser)


def margin_bucket(margin: float, edges: tuple[float, ...] = _ARC_EDGES) -> str:
    """The ``arc=`` bucket of a margin (or its bucket among other ``edges``: ``rival=`` and
    the ``inside`` family of :mod:`extract.validity_inside` use (1, 3)).

    >>> margin_bucket(0.2), margin_bucket(1.5), margin_bucket(9.0), margin_bucket(float("inf"))
    ('<0.5', '1-2', '5+', '5+')
    >>> margin_bucket(0.4, (1, 3)), margin_bucket(1.0, (1, 3)), margin_bucket(2.0, (1, 3))
    ('<1', '1-3', '1-3')
    """
    low = None
    for edge in edges:
        if margin < edge:
            return f"<{edge:g}" if low is None else f"{low:g}-{edge:g}"
        low = edge
    return f"{low:g}+"


def _chain(token) -> list[int]:
    """Indices of ``token`` and its heads up to the root (bounded: ends on any tree).

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Countries must spend the cash saved on health.")
    >>> [doc[i].text for i in _chain(doc[7])]
    ['health', 'on', 'saved', 'cash', 'spend']
    """
    heads = head_indices(token.doc)
    i = token.i
    chain = [i]
    for _ in range(len(heads)):
        if heads[i] == i:
            break
        i = heads[i]
        chain.append(i)
    return chain


def margin_names(fact: Fact, sent: Span | None = None) -> list[str]:
    """The ``margins`` features of ``fact``: ``arc=`` the bucket of the weakest arc among its
    heads, its verb and the words on the dependency path between the heads (the path up to
    and with their lowest common ancestor); ``weak=`` how many arcs of its sentence have a
    margin under 1 (0, 1, 2+); ``rival=`` the smallest margin over a runner-up that would
    have hung one of those words on another head (:func:`rival_margins`; under 1, 1-3, 3+).
    None when the Doc has no margins."""
    margins = arc_margins(fact.subject.doc)
    if margins is None:
        return []
    up_subject = _chain(fact.subject)
    up_object = _chain(fact.object)
    on_subject = set(up_subject)
    lca = next((i for i in up_object if i in on_subject), up_subject[-1])
    tokens = {*up_subject[:up_subject.index(lca) + 1],
              *up_object[:up_object.index(lca) if lca in up_object else len(up_object)]}
    if fact.verb is not None:
        tokens.add(fact.verb.i)
    weakest = min(float(margins[i]) for i in tokens)
    sent = sent if sent is not None else fact.subject.sent
    weak = int((margins[sent.start:sent.end] < _WEAK).sum())
    names = [f"arc={margin_bucket(weakest)}", f"weak={min(weak, 2)}{'+' if weak >= 2 else ''}"]
    rivals = rival_margins(fact.subject.doc)
    if rivals is not None:
        rival = min(float(rivals[i]) for i in tokens)
        names.append(f"rival={margin_bucket(rival, _RIVAL_EDGES)}")
    return names
