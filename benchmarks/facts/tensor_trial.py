"""Does spaCy's own contextual vector of a word (``doc.tensor``) help the validity model?

A measuring script, not part of kg. ``doc.tensor`` is the shared ``tok2vec`` output of the
pipeline kg loads (:func:`extract.pipeline.load_nlp`; 96 floats per token in
en_core_web_sm), computed anyway for the tagger and kg's parser. This script reads, for every
labelled fact of the ``fit`` and ``lee`` parts (never ``test`` or ``reserve``), the tensor rows
of the subject head, the object head and the verb (:attr:`extract.records.Fact.verb`; a fact
of a noun phrase has none), adds them to the shipped families (those of
``extract/validity.json``) as dense features in several forms, and prints the
cross-validated log-loss and AUC by document (the folds, seeds and logistic regression of
``fit_validity.py``), on fit alone and on fit + lee (folds over both), against the shipped
families alone measured by the same code in the same run.

Dense features are standardised (mean 0, sd 1) on the training fold and get their own L2
penalty (``--dense-penalties``; ``same``: the sparse one); a PCA basis is fitted on the
training fold's facts (``pca_facts``) or on every token of the training fold's documents
(``pca_tokens``, unlabelled); ``stack`` is one feature, the out-of-fold log-odds of a
logistic on the raw rows alone. The regression is ``logistic.py``'s Newton solver, called
directly so that the dense block can have its own penalty.

Result (2026-12-07, 1,727 fit facts in 43 documents, 2,209 fit + lee facts in 259): no form
of the tensor pays. The best, 8 PCA dimensions per role from the tokens at dense L2 300,
adds +0.002 AUC on fit and +0.003 on fit + lee (the bar was +0.01 on both); the raw values
and every form of 16+ dimensions lower the AUC; on its own (construction and bias only) the
tensor reaches an AUC of about 0.62 against the construction's 0.56.

Usage::

    python benchmarks/facts/tensor_trial.py build      # parse fit + lee once (under a minute), cache
    python benchmarks/facts/tensor_trial.py measure --penalties 3,10,30,100   # same penalty
    python benchmarks/facts/tensor_trial.py measure --penalties 10 \
        --dense-penalties 30,100,300,1000,3000 --only base,raw,pca_tokens8,cos
    python benchmarks/facts/tensor_trial.py measure --groups none --penalties 10 \
        --dense-penalties 100,300,1000 --only base,raw,pca_tokens8   # the tensor alone

The cache is ``/tmp/kg_tensor_trial.pkl`` (``--cache`` to move it).
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.facts.logistic import _newton, document_folds, matrix, vocabulary  # noqa: E402
from benchmarks.facts.mentions import labelled_documents, mention_row  # noqa: E402
from benchmarks.facts.metrics import auc, log_loss  # noqa: E402
from benchmarks.facts.validity_data import Example, labelled, read_documents  # noqa: E402
from extract.pipeline import load_nlp, piece_limit  # noqa: E402
from extract.triples import fact_triples  # noqa: E402
from extract.validity import FEATURE_GROUPS, features, load_table  # noqa: E402

CACHE = Path("/tmp/kg_tensor_trial.pkl")
FOLDS = 5
SEEDS = ("validity", "validity-2", "validity-3")
MINIMUM_COUNT = 3
#: Roles whose tensor rows are read: subject head, object head, verb.
ROLES = ("s", "o", "v")


# ----------------------------------------------------------------------------- build


def build(parts: Sequence[str], cache: Path) -> None:
    """Parse the documents of ``parts`` as ``validity_data.examples`` does; keep each
    labelled fact's example and tensor rows, and every token's row (for PCA), in ``cache``."""
    labels = labelled()
    nlp = load_nlp()
    sources = read_documents(labelled_documents(parts))
    limit = piece_limit(nlp)
    found: dict[str, tuple[Example, dict]] = {}
    tokens: dict[str, list[np.ndarray]] = {}
    token_pos: dict[str, list[list[str]]] = {}
    filled = empty = 0
    for done, source in enumerate(sources, 1):
        name = Path(source.document.source).stem
        document = source.document.id
        for text, offset in source.pieces(limit):
            doc = nlp(text)
            tensor = doc.tensor
            if tensor.shape[0] == len(doc) and tensor.shape[0] and np.abs(tensor).sum() > 0:
                filled += 1
            else:
                empty += 1
            tokens.setdefault(name, []).append(np.asarray(tensor, dtype=np.float32).copy())
            token_pos.setdefault(name, []).append([t.pos_ for t in doc])
            for sent in doc.sents:
                for fact, triple in fact_triples(sent, document=document, offset=offset):
                    speaker = triple.source.label if triple.source is not None else None
                    row = mention_row(name, triple, speaker, source.text)
                    label = labels.get(row["key"])
                    if label is None or row["key"] in found:
                        continue
                    values = features(fact, triple.subject, triple.object)
                    verb = fact.verb
                    dense = dict(  # plain data, so that the cache unpickles anywhere
                        rows={"s": tensor[fact.subject.i].astype(np.float32).copy(),
                              "o": tensor[fact.object.i].astype(np.float32).copy(),
                              "v": (tensor[verb.i].astype(np.float32).copy()
                                    if verb is not None
                                    else np.zeros(tensor.shape[1], dtype=np.float32))},
                        has_verb=verb is not None,
                        pos={"s": fact.subject.pos_, "o": fact.object.pos_,
                             "v": verb.pos_ if verb is not None else "-"})
                    found[row["key"]] = (
                        Example(row["key"], row["doc"], row["part"], row["construction"],
                                bool(row["voice"]["asserted"]), values, label), dense)
        print(f"  [{done}/{len(sources)}] {name}", file=sys.stderr, flush=True)
    wanted = set(parts)
    kept = sorted((pair for pair in found.values() if pair[0].part in wanted),
                  key=lambda pair: pair[0].key)
    with open(cache, "wb") as handle:
        pickle.dump({"examples": [e for e, _ in kept], "dense": [d for _, d in kept],
                     "tokens": {n: np.concatenate(v) for n, v in tokens.items()},
                     "token_pos": {n: [p for ps in v for p in ps]
                                   for n, v in token_pos.items()},
                     "pieces": {"filled": filled, "empty": empty}}, handle)
    print(f"{len(kept)} labelled facts; pieces with a filled tensor {filled}, empty {empty}; "
          f"wrote {cache}")


# ----------------------------------------------------------------------------- variants

#: A variant: (training indices, all data) -> matrix of dense features for every example,
#: built from the training fold only where it fits anything.
Variant = Callable[[np.ndarray, "Cache"], np.ndarray]


@dataclass
class Cache:
    """The cached examples of some parts, with their tensor rows as matrices (one row per
    example; ``v`` zeros where ``has_verb`` is False) and every token's row and part of
    speech by document."""

    examples: list[Example]
    s: np.ndarray
    o: np.ndarray
    v: np.ndarray
    has_verb: np.ndarray
    pos: dict[str, list[str]]
    tokens: dict[str, np.ndarray]
    token_pos: dict[str, list[str]]


def _cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    na = np.linalg.norm(a, axis=1)
    nb = np.linalg.norm(b, axis=1)
    return np.where((na > 0) & (nb > 0), (a * b).sum(1) / np.maximum(na * nb, 1e-9), 0.0)


def raw_roles(roles: str) -> Variant:
    """The 96 raw values of each role of ``roles``, and whether the fact has a verb."""
    def variant(train: np.ndarray, c: Cache) -> np.ndarray:
        return np.hstack([getattr(c, r) for r in roles] + [c.has_verb[:, None]])
    return variant


def _basis(rows: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    mean = rows.mean(0)
    _, _, vt = np.linalg.svd(rows - mean, full_matrices=False)
    return mean, vt[:k].T


def pca_facts(k: int) -> Variant:
    """Per role, PCA to ``k`` dimensions fitted on the training fold's facts (that role's
    rows; verbless facts left out of the verb's basis)."""
    def variant(train: np.ndarray, c: Cache) -> np.ndarray:
        out = []
        for r in ROLES:
            rows = getattr(c, r)
            fit_rows = rows[train][c.has_verb[train]] if r == "v" else rows[train]
            mean, basis = _basis(fit_rows, k)
            z = (rows - mean) @ basis
            if r == "v":
                z[~c.has_verb] = 0.0
            out.append(z)
        return np.hstack(out + [c.has_verb[:, None]])
    return variant


def pca_tokens(k: int) -> Variant:
    """PCA to ``k`` dimensions fitted on every token of the training fold's documents (one
    basis for all roles; unlabelled)."""
    def variant(train: np.ndarray, c: Cache) -> np.ndarray:
        docs = sorted({c.examples[n].doc for n in train})
        rows = np.concatenate([c.tokens[d] for d in docs if d in c.tokens])
        mean, basis = _basis(rows[:: max(1, len(rows) // 40000)].astype(float), k)
        out = []
        for r in ROLES:
            z = (getattr(c, r) - mean) @ basis
            if r == "v":
                z[~c.has_verb] = 0.0
            out.append(z)
        return np.hstack(out + [c.has_verb[:, None]])
    return variant


def cosines(train: np.ndarray, c: Cache) -> np.ndarray:
    """Cosine similarity of subject/verb, object/verb and subject/object rows."""
    sv = np.where(c.has_verb, _cos(c.s, c.v), 0.0)
    ov = np.where(c.has_verb, _cos(c.o, c.v), 0.0)
    return np.column_stack([sv, ov, _cos(c.s, c.o), c.has_verb])


def norms(train: np.ndarray, c: Cache) -> np.ndarray:
    """The length of each role's row."""
    return np.column_stack([np.linalg.norm(c.s, axis=1), np.linalg.norm(c.o, axis=1),
                            np.where(c.has_verb, np.linalg.norm(c.v, axis=1), 0.0),
                            c.has_verb])


def pos_distance(train: np.ndarray, c: Cache) -> np.ndarray:
    """Per role, the distance (cosine and Euclidean) of the head's row from the mean row of
    the tokens of its part of speech in the training fold's documents: a word the tagger and
    parser see as an odd member of its class."""
    docs = sorted({c.examples[n].doc for n in train})
    sums: dict[str, np.ndarray] = {}
    counts: dict[str, int] = {}
    for d in docs:
        rows, tags = c.tokens[d], c.token_pos[d]
        for tag in set(tags):
            mask = np.array([t == tag for t in tags])
            sums[tag] = sums.get(tag, 0) + rows[mask].sum(0)
            counts[tag] = counts.get(tag, 0) + int(mask.sum())
    means = {t: sums[t] / counts[t] for t in sums}
    zero = np.zeros(c.s.shape[1])
    out = []
    for r in ROLES:
        rows = getattr(c, r)
        centre = np.array([means.get(p, zero) for p in c.pos[r]])
        cos = _cos(rows, centre)
        dist = np.linalg.norm(rows - centre, axis=1)
        if r == "v":
            cos, dist = np.where(c.has_verb, cos, 0.0), np.where(c.has_verb, dist, 0.0)
        out += [cos, dist]
    return np.column_stack(out + [c.has_verb])


def _ridge_logit(x: np.ndarray, y: np.ndarray, train: np.ndarray, score: np.ndarray,
                 l2: float) -> np.ndarray:
    """Log-odds for the rows ``score`` of a logistic fitted on the rows ``train`` of ``x``
    (standardised on ``train``, plus an unpenalised bias)."""
    mean, sd = x[train].mean(0), x[train].std(0)
    sd[sd == 0] = 1.0
    z = np.hstack([(x - mean) / sd, np.ones((len(x), 1))])
    penalty = np.concatenate([np.full(x.shape[1], l2), [0.0]])
    w = _newton(z[train], y[train], penalty)
    return z[score] @ w


def stacked(l2: float, roles: str = "sov") -> Variant:
    """One feature: the log-odds of a logistic on the raw rows of ``roles`` alone, fitted
    inside the training fold; the training facts get it out of fold (inner folds by
    document), the held-out facts from a fit on the whole training fold (stacking)."""
    def variant(train: np.ndarray, c: Cache) -> np.ndarray:
        x = np.hstack([getattr(c, r) for r in roles] + [c.has_verb[:, None]])
        y = np.array([e.right for e in c.examples], dtype=float)
        out = np.zeros(len(c.examples))
        held = np.setdiff1d(np.arange(len(c.examples)), train)
        out[held] = _ridge_logit(x, y, train, held, l2)
        inner = document_folds((c.examples[n].doc for n in train), FOLDS, "inner")
        fold = np.array([inner[c.examples[n].doc] for n in train])
        for k in range(FOLDS):
            fit_rows, score_rows = train[fold != k], train[fold == k]
            out[score_rows] = _ridge_logit(x, y, fit_rows, score_rows, l2)
        return out[:, None]
    return variant


def combined(*parts: Variant) -> Variant:
    """The features of ``parts`` side by side."""
    def variant(train: np.ndarray, c: Cache) -> np.ndarray:
        return np.hstack([p(train, c) for p in parts])
    return variant


VARIANTS: dict[str, Variant | None] = {
    "base": None,
    "raw": raw_roles("sov"),
    "raw_s": raw_roles("s"),
    "raw_o": raw_roles("o"),
    "raw_v": raw_roles("v"),
    "pca_facts8": pca_facts(8),
    "pca_facts16": pca_facts(16),
    "pca_facts32": pca_facts(32),
    "pca_tokens2": pca_tokens(2),
    "pca_tokens4": pca_tokens(4),
    "pca_tokens8": pca_tokens(8),
    "pca_tokens16": pca_tokens(16),
    "pca_tokens32": pca_tokens(32),
    "stack100": stacked(100.0),
    "stack300": stacked(300.0),
    "stack1000": stacked(1000.0),
    "stack3000": stacked(3000.0),
    "cos": cosines,
    "norms": norms,
    "posdist": pos_distance,
    "cos+norms+posdist": combined(cosines, norms, pos_distance),
}


# ----------------------------------------------------------------------------- measure


def _keep(values: dict[str, float], groups: Sequence[str]) -> dict[str, float]:
    """As ``fit_validity._keep``: the features of ``groups``, plus ``bias`` and ``cons=``."""
    prefixes = tuple(p for g in groups for p in FEATURE_GROUPS[g]) + ("bias", "cons=")
    return {k: v for k, v in values.items() if k.startswith(prefixes)}


def cv_predictions(c: Cache, sparse_rows: list[dict[str, float]], variant: Variant | None,
                   l2: float, seed: str, dense_l2: float | None = None) -> np.ndarray:
    """Out-of-fold probabilities, as ``fit_validity.cv_predictions`` makes them, with the
    variant's dense features (standardised on the training fold) beside the sparse ones."""
    data = c.examples
    folds = document_folds((e.doc for e in data), FOLDS, seed)
    fold = np.array([folds[e.doc] for e in data])
    y = np.array([e.right for e in data], dtype=float)
    out = np.zeros(len(data))
    for k in range(FOLDS):
        train = np.flatnonzero(fold != k)
        held = np.flatnonzero(fold == k)
        names = vocabulary([sparse_rows[n] for n in train], MINIMUM_COUNT)
        x = matrix(sparse_rows, names)
        penalty = np.array([0.0 if name == "bias" else l2 for name in names])
        if variant is not None:
            dense = variant(train, c).astype(float)
            mean = dense[train].mean(0)
            sd = dense[train].std(0)
            sd[sd == 0] = 1.0
            dense = (dense - mean) / sd
            x = np.hstack([x, dense])
            penalty = np.concatenate([penalty, np.full(dense.shape[1],
                                                       l2 if dense_l2 is None else dense_l2)])
        w = _newton(x[train], y[train], penalty)
        z = np.clip(x[held] @ w, -30, 30)
        out[held] = 1.0 / (1.0 + np.exp(-z))
    return out


def figures(c: Cache, sparse_rows: list[dict[str, float]], variant: Variant | None,
            l2: float, dense_l2: float | None = None) -> tuple[float, float, list[float]]:
    """Mean CV (log-loss, AUC) over :data:`SEEDS`, and the AUC of each assignment."""
    right = [e.right for e in c.examples]
    losses, aucs = [], []
    for seed in SEEDS:
        p = cv_predictions(c, sparse_rows, variant, l2, seed, dense_l2)
        scores = [round(float(v), 4) for v in p]
        losses.append(log_loss(scores, right))
        aucs.append(auc(scores, right))
    return statistics.mean(losses), statistics.mean(aucs), aucs


def load(cache: Path, parts: Sequence[str]) -> Cache:
    """The examples of ``parts`` from the cache ``build`` wrote."""
    with open(cache, "rb") as handle:
        stored = pickle.load(handle)
    keep = [n for n, e in enumerate(stored["examples"]) if e.part in parts]
    dense = [stored["dense"][n] for n in keep]
    examples = [stored["examples"][n] for n in keep]
    docs = {e.doc for e in examples}
    return Cache(examples=examples,
                 s=np.array([d["rows"]["s"] for d in dense], dtype=float),
                 o=np.array([d["rows"]["o"] for d in dense], dtype=float),
                 v=np.array([d["rows"]["v"] for d in dense], dtype=float),
                 has_verb=np.array([d["has_verb"] for d in dense]),
                 pos={r: [d["pos"][r] for d in dense] for r in ROLES},
                 tokens={n: t for n, t in stored["tokens"].items() if n in docs},
                 token_pos={n: t for n, t in stored["token_pos"].items() if n in docs})


def measure(cache: Path, only: Sequence[str] | None, penalties: Sequence[float],
            sets: Sequence[str], dense_penalties: Sequence[float | None] = (None,),
            groups: Sequence[str] | None = None) -> None:
    """Print log-loss and AUC of each variant (``only``; default all) at each penalty, on
    fit alone and on fit + lee (``sets``), over the sparse ``groups`` (default: shipped)."""
    groups = load_table()["groups"] if groups is None else groups
    print(f"sparse families: {', '.join(groups) or 'none'} (plus bias and cons=); "
          f"CV by document, {FOLDS} folds, "
          f"mean of {len(SEEDS)} assignments; uncalibrated")
    for label in sets:
        parts = ("fit",) if label == "fit" else ("fit", "lee")
        c = load(cache, parts)
        sparse_rows = [_keep(e.features, groups) for e in c.examples]
        print(f"\n== {label}: {len(c.examples)} facts, {len({e.doc for e in c.examples})} "
              f"documents, {int(c.has_verb.sum())} with a verb")
        print(f"{'variant':<20} {'L2':>5} {'dense L2':>8} {'log-loss':>9} {'AUC':>7}  "
              f"AUC per assignment")
        for name, variant in VARIANTS.items():
            if only and name not in only:
                continue
            for l2 in penalties:
                for dense_l2 in (dense_penalties if variant is not None else (None,)):
                    start = time.perf_counter()
                    loss, area, per = figures(c, sparse_rows, variant, l2, dense_l2)
                    shown = "same" if dense_l2 is None else f"{dense_l2:g}"
                    print(f"{name:<20} {l2:>5g} {shown:>8} {loss:>9.4f} {area:>7.4f}  "
                          f"{' / '.join(f'{a:.4f}' for a in per)}  "
                          f"({time.perf_counter() - start:.0f}s)", flush=True)


def main(argv: list[str] | None = None) -> int:
    """``build`` the cache or ``measure`` from it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("build", "measure"))
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--only", default="", help="comma-separated variants (default all)")
    parser.add_argument("--penalties", default="3,10,30,100")
    parser.add_argument("--dense-penalties", default="same",
                        help="L2 penalties of the dense features, comma-separated "
                             "('same': the sparse features' penalty)")
    parser.add_argument("--sets", default="fit,fit+lee")
    parser.add_argument("--groups", default=None,
                        help="sparse families, comma-separated (default: the shipped "
                             "table's; 'none': bias and cons= only)")
    args = parser.parse_args(argv)
    if args.command == "build":
        build(("fit", "lee"), args.cache)
        return 0
    measure(args.cache, [v for v in args.only.split(",") if v] or None,
            [float(p) for p in args.penalties.split(",")], args.sets.split(","),
            [None if p == "same" else float(p) for p in args.dense_penalties.split(",")],
            None if args.groups is None else [g for g in args.groups.split(",")
                                               if g and g != "none"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
