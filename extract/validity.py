"""Validity of a fact mention: the probability that a reader rates it right (U or T, not W).

A logistic model over cheap facts of the parse, in the manner of ReVerb's confidence (Fader et
al. 2011): the construction that read the fact, the dependency path between the heads of its
arguments (the labels up to their lowest common ancestor), the part of speech and entity type
of each head, the arguments' lengths, what the stretch between and around them crosses (a
comma, a parenthesis, a colon, a dash, a quote, a list), the distance between the heads, the
sentence's length and depth, its quotes, dashes and capitalised words outside named entities
(a heading, a menu, a list of places), how the arguments hang in the tree (a borrowed subject,
a preposition that could attach elsewhere), poor heads (a pronoun, a number, a generic word),
how each argument was resolved (a pronoun, a surname, a description: the identity rules of
:mod:`extract.entities`), the voice and the parser's own doubt: the margin by which it
preferred the weakest arc the fact hangs on (:mod:`extract.parse_margins`), and the weakest
arc inside its arguments (:mod:`extract.validity_inside`), and where a prepositional object's
preposition hangs (:mod:`extract.validity_ambiguity`). The weights were
fitted on the ``fit`` part of the labelled GUM facts (``benchmarks/facts/``: every fact
rated U / T / W by two raters and a third where they disagreed) with cross-validation by
document, and are shipped as a table (:data:`TABLE_PATH`); scoring is a dot product, so kg
needs nothing beyond the standard library at run time.

Refit with ``python benchmarks/facts/fit_validity.py``; score the ``test`` part with
``python benchmarks/facts/score_validity.py``; what the figures mean: ``docs/trust.md``.

>>> from extract.pipeline import load_nlp
>>> from extract.rules import iter_facts
>>> doc = load_nlp()("Xu Liang founded a company in Beijing.")
>>> fact = next(iter_facts(doc[:]))
>>> names = features(fact)
>>> names["cons=svo"], names["path=nsubj|dobj"]
(1.0, 1.0)
>>> 0.0 < validity(fact) < 1.0
True
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import numpy
from spacy.attrs import ENT_IOB, IS_TITLE, ORTH
from spacy.tokens import Span, Token

from extract.confidence import score_fact
from extract.doc_arrays import dep_labels, head_indices, pos_tags, token_texts
from extract.doc_memo import once_per_doc
from extract.lexicon import PRONOUNS
from extract.parse_margins import margin_names
from extract.records import Fact
from extract.validity_ambiguity import AMBIGUITY_PREFIXES, ambiguity_names
from extract.validity_inside import INSIDE_PREFIXES, inside_names
from kg.model import HYPOTHETICAL, Argument

__all__ = [
    "MODEL_NAME",
    "TABLE_PATH",
    "UNWEIGHED_CONSTRUCTIONS",
    "FEATURE_GROUPS",
    "features",
    "logit",
    "load_table",
    "weights",
    "score_features",
    "validity",
    "contributions",
]

#: The model's versioned name, recorded in its table.
MODEL_NAME = "kg.validity.v1"
#: The fitted table: ``weights`` (feature name -> log-odds), how it was fitted and its figures.
TABLE_PATH = Path(__file__).resolve().with_name("validity.json")

#: Constructions with no weight, which weigh 0 (a fact of one is scored as the average
#: construction): the graph's extractor never emits them, so no rated fact has them. Open IE
#: output's phrase rules (``possessive``, ``noun_prep``, ``title``) and a clause as object
#: (``ccomp``, dropped from the graph: its own facts are extracted). A test checks that every
#: other construction has a fitted weight.
UNWEIGHED_CONSTRUCTIONS: frozenset[str] = frozenset({"possessive", "noun_prep", "title", "ccomp"})

#: Feature families by the prefix of their names; the fitting script can leave a family out
#: to measure what it adds (``--drop``). ``bias`` and ``cons`` are always in.
FEATURE_GROUPS: dict[str, tuple[str, ...]] = {
    "path": ("path=", "up_s=", "up_o=", "on_path=", "plen=", "lca="),
    "heads": ("spos=", "opos=", "sent=", "oent=", "s_cut", "o_cut", "vtag=", "pred="),
    "lengths": ("slen=", "olen=", "extra=", "rlen="),
    "crossing": ("cross=", "s_has=", "o_has="),
    "distance": ("dist=", "obj_first"),
    "sentence": ("sentlen=", "depth=", "root=", "final=", "commas=", "propn="),
    "crosses": ("cx=",),
    "attach": ("s_role=", "vdep=", "sdep=", "odep=", "o_conj=", "pp="),
    "kinds": ("s_kind=", "o_kind=", "s_of", "o_of"),
    "spans": ("s_verb", "o_verb", "s_digit", "o_digit", "share="),
    "marks": ("mark=", "caps="),
    "resolution": ("s_res=", "o_res=", "s_drop=", "o_drop="),
    "words": ("pw=",),
    "voice": ("voice=",),
    "carb": ("carb",),
    "margins": ("arc=", "weak=", "rival="),
    "inside": INSIDE_PREFIXES,
    "ambiguity": AMBIGUITY_PREFIXES,
}

#: Punctuation a fact's stretch of text can cross, by the feature it sets.
_CROSSINGS: dict[str, str] = {
    ",": "comma", ";": "colon", ":": "colon", "(": "paren", ")": "paren", "[": "paren",
    "]": "paren", "-": "dash", "--": "dash", "\u2013": "dash", "\u2014": "dash",
    '"': "quote", "``": "quote", "''": "quote", "\u201c": "quote", "\u201d": "quote",
    "'": "quote", "\u2018": "quote", "\u2019": "quote",
}
#: Identity rules that make an argument stand for a name its words do not hold.
_RESOLVING = frozenset({"surname", "ambiguous_name", "definite_description",
                        "possessive_pronoun", "appositive_name", "acronym", "key_alias",
                        "honorific", "document_scope"})
#: Head words that name no particular thing ("a large number", "one", "the rest"): an
#: argument headed by one is often cut from the phrase that says what it is.
_GENERIC_HEADS = frozenset(
    "thing things one ones part parts way ways kind kinds lot lots number numbers bit half "
    "majority series type types sort sorts rest set couple piece amount variety range group "
    "example case fact end side area place time times point form member members aspect".split())
#: Dependency labels under which the parser leaves words it could not attach well.
_LOOSE_LABELS = frozenset({"npadvmod", "dep", "nmod", "compound", "amod", "advmod", "meta",
                           "intj", "nummod", "quantmod"})
#: Labels of a subject that the verb of its clause governs itself.
_OWN_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
#: Quote marks and dashes of a sentence by the mark they set (an apostrophe is no quote; a
#: hyphen spaCy splits off, "eye - tracking", counts as a dash, as it did in the fit).
_MARKS: dict[str, str] = {k: v for k, v in _CROSSINGS.items()
                          if v in ("quote", "dash") and k not in ("'", "\u2018", "\u2019")}
#: ``ENT_IOB`` of a token outside every named entity ("O").
_OUTSIDE = 2
#: Labels of the path kept in ``path=`` (deeper paths are summarised by ``plen=``).
_PATH_LABELS = 2


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    """The bucket of ``n`` among ascending upper ``edges`` ("1", "2-3", ..., "13+").

    >>> _bucket(1, (1, 3, 6)), _bucket(5, (1, 3, 6)), _bucket(9, (1, 3, 6))
    ('1', '4-6', '7+')
    """
    low = 0
    for edge in edges:
        if n <= edge:
            return str(edge) if low + 1 >= edge else f"{low + 1}-{edge}"
        low = edge
    return f"{low + 1}+"


def _ancestors(token: Token) -> list[int]:
    """Indices of ``token`` and its heads up to the root (bounded: ends on any tree), read
    from the head column."""
    heads = head_indices(token.doc)
    i = token.i
    chain = [i]
    for _ in range(len(heads)):
        head = heads[i]
        if head == i:
            break
        i = head
        chain.append(i)
    return chain


def _path(subject: Token, obj: Token) -> tuple[list[str], list[str], int]:
    """Dependency labels from each head up to their lowest common ancestor, and that
    ancestor's index."""
    deps = dep_labels(subject.doc)
    up_subject = _ancestors(subject)
    positions = {t: n for n, t in enumerate(up_subject)}
    up_object: list[str] = []
    lca = up_subject[-1]
    for k in _ancestors(obj):
        if k in positions:
            lca = k
            break
        up_object.append(deps[k])
    up = [deps[t] for t in up_subject[:positions.get(lca, len(up_subject))]]
    return up, up_object, lca


def _depth(token: Token) -> int:
    return len(_ancestors(token)) - 1


def _cut_entity(head: Token, bounds: tuple[int, int]) -> bool:
    """True when the named entity around ``head`` runs past the argument ("Ericsson" of
    "Sony Ericsson")."""
    if head.ent_iob_ == "O":
        return False
    doc = head.doc
    start = head.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = head.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start < bounds[0] or end > bounds[1]


def _crossed(doc, start: int, end: int) -> set[str]:
    """What the tokens ``[start, end)`` hold: punctuation kinds and a coordination (list)."""
    seen: set[str] = set()
    texts, deps = token_texts(doc), dep_labels(doc)  # no Token made of each word crossed
    for k in range(start, end):
        kind = _CROSSINGS.get(texts[k])
        if kind is not None:
            seen.add(kind)
        elif deps[k] == "cc":
            seen.add("list")
    return seen


_FINAL = frozenset({".", "!", "?", "...", '"', "''", "\u201d", "'", "\u2019", ")"})


def _sentence(sent) -> list[str]:
    """Facts of the whole sentence: its root's part of speech, a missing final stop (a
    heading, an address, a caption), its commas and its share of proper nouns."""
    commas = propn = 0
    last = None
    for token in sent:
        if token.is_space:
            continue
        last = token
        if token.text == ",":
            commas += 1
        elif token.pos_ == "PROPN":
            propn += 1
    share = propn / max(1, len(sent))
    return [
        f"root={sent.root.pos_}",
        f"final={'yes' if last is not None and last.text in _FINAL else 'no'}",
        f"commas={_bucket(commas, (0, 1, 3))}",
        f"propn={'0' if share == 0 else 'low' if share < 0.15 else 'mid' if share < 0.35 else 'high'}",
    ]


def _voice(fact: Fact) -> list[str]:
    names = []
    if fact.negated:
        names.append("voice=negated")
    if fact.modality in HYPOTHETICAL:
        names.append("voice=modal")
    clause = fact.clause
    if clause is not None:
        voice = clause.voice
        if voice.reported_by is not None or voice.source is not None:
            names.append("voice=claimed" if voice.stance == "asserted"
                         else f"voice={voice.stance}")
        elif voice.stance != "asserted":
            names.append(f"voice={voice.stance}")
        if voice.conditional:
            names.append("voice=conditional")
        if voice.intended:
            names.append("voice=intended")
    return names or ["voice=stated"]


def _argument(side: str, head: Token, bounds: tuple[int, int],
              argument: Argument | None) -> list[str]:
    """How an argument was resolved (a pronoun, identity rules) and how much of its span
    its label leaves out."""
    names = []
    if head.lower_ in PRONOUNS or head.pos_ == "PRON":
        names.append(f"{side}_res=pronoun")
    if argument is None:
        return names
    names += [f"{side}_res={rule}" for rule in sorted(set(argument.rules) & _RESOLVING)]
    if not names:
        left_out = bounds[1] - bounds[0] - len(argument.label.split())
        names.append(f"{side}_drop={_bucket(max(0, left_out), (0, 2, 5))}")
    return names


def logit(p: float) -> float:
    """The log-odds of ``p``, clipped to [-6, 6].

    >>> logit(0.5)
    0.0
    """
    p = min(max(p, 0.0025), 0.9975)
    return round(math.log(p / (1.0 - p)), 6)


def _path_names(fact: Fact) -> list[str]:
    up_s, up_o, lca = _path(fact.subject, fact.object)
    names = [
        f"path={'>'.join(up_s[:_PATH_LABELS])}|{'>'.join(up_o[:_PATH_LABELS])}",
        f"up_s={up_s[0] if up_s else '-'}",
        f"up_o={up_o[0] if up_o else '-'}",
        f"plen={_bucket(len(up_s) + len(up_o), (1, 2, 3, 5))}",
        f"lca={pos_tags(fact.subject.doc)[lca]}",
    ]
    return names + [f"on_path={label}" for label in sorted({*up_s[1:], *up_o[1:]})]


def _head_names(fact: Fact) -> list[str]:
    subj, obj = fact.subject, fact.object
    names = [f"spos={subj.pos_}", f"opos={obj.pos_}", f"sent={subj.ent_type_ or '-'}",
             f"oent={obj.ent_type_ or '-'}"]
    if fact.predicate.split()[0] == "be":
        names.append("pred=be")
    if fact.verb is not None:
        names.append(f"vtag={fact.verb.tag_}")
    if _cut_entity(subj, fact.subject_bounds):
        names.append("s_cut")
    if _cut_entity(obj, fact.object_bounds):
        names.append("o_cut")
    return names


def _length_names(fact: Fact) -> list[str]:
    (s_start, s_end), (o_start, o_end) = fact.subject_bounds, fact.object_bounds
    return [f"slen={_bucket(s_end - s_start, (1, 3, 6, 12))}",
            f"olen={_bucket(o_end - o_start, (1, 3, 6, 12))}",
            f"extra={min(len(fact.extra), 2)}",
            f"rlen={min(len(fact.predicate.split()), 4)}"]


def _crossing_names(fact: Fact) -> list[str]:
    doc = fact.subject.doc
    (s_start, s_end), (o_start, o_end) = fact.subject_bounds, fact.object_bounds
    first_end, second_start = (s_end, o_start) if s_start <= o_start else (o_end, s_start)
    return ([f"cross={kind}" for kind in sorted(_crossed(doc, first_end, second_start))]
            + [f"s_has={kind}" for kind in sorted(_crossed(doc, s_start, s_end))]
            + [f"o_has={kind}" for kind in sorted(_crossed(doc, o_start, o_end))])


def _distance_names(fact: Fact) -> list[str]:
    subj, obj = fact.subject, fact.object
    names = [f"dist={_bucket(abs(obj.i - subj.i), (1, 2, 4, 8, 16))}"]
    return names + ["obj_first"] if obj.i < subj.i else names


def _sentence_names(fact: Fact, sent: Span | None) -> list[str]:
    """The sentence's own features, worked out once per sentence (kept in ``user_data``)."""
    subj, obj = fact.subject, fact.object
    depth = f"depth={_bucket(max(_depth(subj), _depth(obj)), (1, 2, 3, 5))}"
    sent = sent if sent is not None else subj.sent
    cache = subj.doc.user_data.setdefault("kg.validity.sentences", {})
    names = cache.get(sent.start)
    if names is None:
        names = cache[sent.start] = [f"sentlen={_bucket(len(sent), (9, 19, 29, 44))}",
                                     *_sentence(sent)]
    return [depth, *names]


def _attach_names(fact: Fact) -> list[str]:
    """How the arguments hang in the tree, where the parser most often goes wrong: whose
    subject the subject is, where the verb hangs, each head's label, an object conjunct far
    from its first conjunct, a prepositional object whose preposition could attach to a noun
    between it and the verb ("planned on a grid system with ...")."""
    subj, obj, verb = fact.subject, fact.object, fact.verb
    if verb is None:
        role = "noun"
    elif subj.head.i == verb.i or (fact.clause is not None and subj.head.i == fact.clause.head.i):
        role = "own" if subj.dep_ in _OWN_SUBJECTS else "other"
    else:
        role = f"via_{fact.clause.borrowed}" if fact.clause is not None else "via_None"
    names = [f"s_role={role}", f"vdep={verb.dep_ if verb is not None else '-'}",
             f"sdep={subj.dep_}", f"odep={obj.dep_}"]
    if obj.dep_ == "conj":
        names.append(f"o_conj={'far' if abs(obj.i - obj.head.i) > 4 else 'near'}")
    if obj.dep_ == "pobj":
        prep = obj.head
        base = prep.head
        if base.pos_ in ("NOUN", "PROPN"):
            names.append("pp=noun")
        elif any(t.pos_ in ("NOUN", "PROPN")
                 for t in obj.doc[min(base.i, prep.i) + 1:max(base.i, prep.i)]):
            names.append("pp=ambiguous")
    return names


def _kind(token: Token) -> str | None:
    """What kind of head ``token`` is when it is a poor one: a pronoun, a number, a generic
    word, an adjective/adverb/verb as a noun head, a loosely attached word."""
    if token.pos_ == "PRON" or token.lower_ in PRONOUNS:
        return "pronoun"
    if token.pos_ == "NUM" or token.like_num:
        return "number"
    if token.lower_ in _GENERIC_HEADS:
        return "generic"
    if token.pos_ in ("ADJ", "ADV", "VERB", "ADP"):
        return token.pos_
    if token.dep_ in _LOOSE_LABELS:
        return "loose"
    return None


def _kind_names(fact: Fact) -> list[str]:
    names = []
    for side, head in (("s", fact.subject), ("o", fact.object)):
        kind = _kind(head)
        if kind is not None:
            names.append(f"{side}_kind={kind}")
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            names.append(f"{side}_of")
    return names


def _span_names(fact: Fact, sent: Span) -> list[str]:
    """A verb or a digit inside an argument, and how much of the sentence the fact spans."""
    doc = fact.subject.doc
    names = []
    for side, (start, end) in (("s", fact.subject_bounds), ("o", fact.object_bounds)):
        tokens = doc[start:end]
        if any(t.pos_ == "VERB" for t in tokens):
            names.append(f"{side}_verb")
        if any(t.is_digit for t in tokens):
            names.append(f"{side}_digit")
    low = min(fact.subject_bounds[0], fact.object_bounds[0])
    high = max(fact.subject_bounds[1], fact.object_bounds[1])
    share = (high - low) / max(1, len(sent))
    return names + [f"share={'low' if share < 0.3 else 'mid' if share < 0.6 else 'high'}"]


def _doc_marks(doc) -> tuple[list[int], list[int], list[int]]:
    """Where the document's quote marks and dashes are, and how many capitalised words
    outside named entities come before each token (a prefix sum): read once per document
    from ``doc.to_array``, so a sentence's marks cost two bisections."""
    table = doc.to_array([ORTH, IS_TITLE, ENT_IOB])
    codes = {doc.vocab.strings[text]: kind for text, kind in _MARKS.items()}
    quotes, dashes = [], []
    for i, orth in enumerate(table[:, 0].tolist()):
        kind = codes.get(orth)
        if kind is not None:
            (quotes if kind == "quote" else dashes).append(i)
    capital = (table[:, 1] == 1) & (table[:, 2] == _OUTSIDE)
    return quotes, dashes, [0, *numpy.cumsum(capital).tolist()]


def _count(positions: list[int], start: int, end: int) -> int:
    """How many of the sorted ``positions`` are in ``[start, end)``."""
    return bisect_left(positions, end) - bisect_left(positions, start)


def _mark_names(fact: Fact, sent: Span) -> list[str]:
    """The sentence's quote marks and dashes, its capitalised words outside named entities
    (a title, a heading, a menu, a list of places; its first word aside), and ``mark=quoted``
    when the fact starts inside a quotation (after an odd number of quote marks)."""
    quotes, dashes, capitals = once_per_doc(sent.doc, "kg.validity.marks",
                                            lambda: _doc_marks(sent.doc))
    names = []
    if _count(dashes, sent.start, sent.end):
        names.append("mark=dash")
    if _count(quotes, sent.start, sent.end):
        names.append("mark=quote")
        start = min(fact.subject_bounds[0], fact.object_bounds[0])
        if _count(quotes, sent.start, start) % 2:
            names.append("mark=quoted")
    caps = capitals[sent.end] - capitals[min(sent.start + 1, sent.end)]
    return [*names, f"caps={min(caps, 3)}"]


def features(fact: Fact, subject: Argument | None = None,
             obj_argument: Argument | None = None, *, sent: Span | None = None,
             groups: Iterable[str] | None = None) -> dict[str, float]:
    """The features of one fact mention: name -> value (1.0 for the binary ones).

    ``subject`` and ``obj_argument`` are the graph's arguments (label, identity rules) when
    known (Open IE output has none); ``sent`` the fact's sentence (found when not given).
    ``groups`` limits the features to those families of :data:`FEATURE_GROUPS` (None: all),
    so that scoring computes only what the table weighs; ``bias`` and ``cons=`` are always in.
    """
    wanted = FEATURE_GROUPS.keys() if groups is None else set(groups)
    cons = fact.construction
    names = ["bias", f"cons={cons}"]
    if "path" in wanted or "crosses" in wanted:
        names += _path_names(fact)
    if "heads" in wanted or "crosses" in wanted:
        names += _head_names(fact)
    if "lengths" in wanted:
        names += _length_names(fact)
    if "crossing" in wanted or "crosses" in wanted:
        names += _crossing_names(fact)
    if "distance" in wanted:
        names += _distance_names(fact)
    if "sentence" in wanted:
        names += _sentence_names(fact, sent)
    if "resolution" in wanted:
        names += _argument("s", fact.subject, fact.subject_bounds, subject)
        names += _argument("o", fact.object, fact.object_bounds, obj_argument)
    if "words" in wanted:
        names.append(f"pw={fact.predicate.split()[-1]}")
    if "voice" in wanted or "crosses" in wanted:
        names += _voice(fact)
    if "attach" in wanted:
        names += _attach_names(fact)
    if "kinds" in wanted:
        names += _kind_names(fact)
    if "spans" in wanted:
        names += _span_names(fact, sent if sent is not None else fact.subject.sent)
    if "marks" in wanted:
        names += _mark_names(fact, sent if sent is not None else fact.subject.sent)
    if "margins" in wanted:
        names += margin_names(fact, sent)
    if "inside" in wanted:
        names += inside_names(fact)
    if "ambiguity" in wanted:
        names += ambiguity_names(fact)
    if "crosses" in wanted:
        names += [f"cx={cons}&{name}" for name in names
                  if name.startswith(("cross=", "up_o=", "up_s=", "voice=", "opos=", "spos="))]
    values = dict.fromkeys(names, 1.0)
    if "carb" in wanted:
        values["carb"] = logit(score_fact(fact))
    return values


def load_table(path: str | Path = TABLE_PATH) -> dict[str, Any]:
    """The fitted table at ``path``: ``weights`` and how they were fitted.

    Raises:
        ValueError: The file is not a table of this model (the message names it).
    """
    with open(path, encoding="utf-8") as handle:
        table = json.load(handle)
    if table.get("model") != MODEL_NAME or not isinstance(table.get("weights"), dict):
        raise ValueError(f"{path}: not a {MODEL_NAME} weight table; refit with "
                         f"python benchmarks/facts/fit_validity.py")
    return table


@lru_cache(maxsize=1)
def weights() -> Mapping[str, float]:
    """The shipped weights (read once per process)."""
    return load_table()["weights"]


@lru_cache(maxsize=1)
def _groups() -> frozenset[str]:
    """The feature families the shipped table weighs."""
    return frozenset(load_table()["groups"])


def score_features(table: Mapping[str, float], values: Mapping[str, float]) -> float:
    """The logistic of the dot product of ``values`` with ``table``; unknown names weigh 0.

    A feature the fit never saw (a new construction, a dependency label the labelled facts
    never had) weighs nothing: the fact is scored as the average of its other features say.

    >>> score_features({"bias": 0.0, "a": 2.0}, {"bias": 1.0, "b": 1.0})
    0.5
    """
    z = sum([table.get(name, 0.0) * value for name, value in values.items()])
    z = max(-30.0, min(30.0, z))
    return round(1.0 / (1.0 + math.exp(-z)), 4)


def validity(fact: Fact, subject: Argument | None = None,
             obj_argument: Argument | None = None, *, sent: Span | None = None) -> float:
    """The probability that ``fact`` is right, under the shipped weights (:func:`weights`).

    Only the feature families the table weighs are computed.
    """
    return score_features(weights(), features(fact, subject, obj_argument, sent=sent,
                                              groups=_groups()))


def contributions(fact: Fact, subject: Argument | None = None,
                  obj_argument: Argument | None = None, *, sent: Span | None = None
                  ) -> list[tuple[str, float]]:
    """What weighs in ``fact``'s validity: ``(feature, weight x value)`` for every feature the
    shipped table weighs, largest effect first (``kg explain`` prints the first few).

    >>> from extract.pipeline import load_nlp
    >>> from extract.rules import iter_facts
    >>> fact = next(iter_facts(load_nlp()("Xu Liang founded a company in Beijing.")[:]))
    >>> parts = contributions(fact)
    >>> all(abs(a[1]) >= abs(b[1]) for a, b in zip(parts, parts[1:]))
    True
    """
    table = weights()
    values = features(fact, subject, obj_argument, sent=sent, groups=_groups())
    found = [(name, round(table[name] * value, 3)) for name, value in values.items()
             if table.get(name)]
    return sorted(found, key=lambda item: (-abs(item[1]), item[0]))
