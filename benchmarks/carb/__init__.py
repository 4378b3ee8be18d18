"""The CaRB Open IE benchmark: our scorer (``scorer``) and the dev-split runner (``evaluate``)."""

from __future__ import annotations

from .scorer import CarbScore, CarbTuple, load_gold, load_predictions, score

__all__ = ["CarbScore", "CarbTuple", "load_gold", "load_predictions", "score"]
