"""L2-regularised logistic regression by Newton's method, and folds by document.

Small and exact: a few hundred features and a couple of thousand examples fit in well under a
second, deterministically (no random start, no stochastic steps), so cross-validation can try
many settings. The result is a plain ``{feature name: weight}`` table that
:func:`extract.validity.score_features` scores with a dot product.

>>> rows = [{"bias": 1.0, "good": 1.0}] * 30 + [{"bias": 1.0, "bad": 1.0}] * 30
>>> table = fit(rows, [True] * 25 + [False] * 5 + [True] * 5 + [False] * 25, l2=0.1)
>>> table["good"] > 0 > table["bad"]
True
"""

from __future__ import annotations

import hashlib
from typing import Iterable, Mapping, Sequence

import numpy as np

__all__ = ["vocabulary", "matrix", "fit", "platt", "document_folds"]


def vocabulary(rows: Iterable[Mapping[str, float]], minimum: int = 1) -> list[str]:
    """Feature names present in at least ``minimum`` rows, sorted (``bias`` always in)."""
    counts: dict[str, int] = {}
    for row in rows:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    return sorted(name for name, n in counts.items() if n >= minimum or name == "bias")


def matrix(rows: Sequence[Mapping[str, float]], names: Sequence[str]) -> np.ndarray:
    """The rows as a dense matrix over ``names`` (other features are left out)."""
    column = {name: k for k, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for n, row in enumerate(rows):
        for name, value in row.items():
            k = column.get(name)
            if k is not None:
                x[n, k] = value
    return x


def _newton(x: np.ndarray, y: np.ndarray, penalty: np.ndarray, iterations: int = 50
            ) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w


def fit(rows: Sequence[Mapping[str, float]], right: Sequence[bool], *, l2: float,
        names: Sequence[str] | None = None, digits: int = 4) -> dict[str, float]:
    """Weights minimising log-loss + ``l2``/2 * |w|^2 (the bias is not penalised).

    ``names`` fixes the features (default: every name in ``rows``); weights are rounded to
    ``digits`` places and zero weights are left out.
    """
    names = list(names) if names is not None else vocabulary(rows)
    x = matrix(rows, names)
    y = np.asarray(right, dtype=float)
    penalty = np.array([0.0 if name == "bias" else l2 for name in names])
    w = _newton(x, y, penalty)
    return {name: round(float(v), digits) for name, v in zip(names, w)
            if round(float(v), digits) != 0.0}


def platt(logits: Sequence[float], right: Sequence[bool]) -> tuple[float, float]:
    """Slope and intercept that calibrate ``logits`` (Platt scaling, fitted without penalty).

    Over-confident logits are shrunk (slope under 1); a symmetric case needs no intercept:

    >>> a, b = platt([-2.0, -1.0, 1.0, 2.0] * 5, [False, True, False, True] * 5)
    >>> 0.0 < a < 1.0, round(b, 3)
    (True, 0.0)
    """
    x = np.column_stack([np.asarray(logits, dtype=float), np.ones(len(logits))])
    w = _newton(x, np.asarray(right, dtype=float), np.zeros(2))
    return float(w[0]), float(w[1])


def document_folds(docs: Iterable[str], k: int, seed: str = "validity") -> dict[str, int]:
    """A fold in ``range(k)`` for each document: every fact of a document in one fold.

    Documents are ordered by a salted hash of their name and dealt out in turn, so folds
    differ in size by one document at most and do not depend on the order given.

    >>> folds = document_folds(["a", "b", "c", "d"], 2)
    >>> sorted(folds.values())
    [0, 0, 1, 1]
    """
    unique = sorted(set(docs), key=lambda d: hashlib.sha256(f"{seed}:{d}".encode()).hexdigest())
    return {doc: n % k for n, doc in enumerate(unique)}
