"""One exception hierarchy for kg's domain failures, under :class:`KGError`."""

from __future__ import annotations

__all__ = ["KGError", "DocumentError", "ModelNotFoundError", "GraphReadError", "QueryError",
           "QueryNotAllowedError", "QueryTimeoutError", "ExplainError"]


class KGError(Exception):
    """Base class of every error kg raises on purpose; the CLI prints it as one line."""


class DocumentError(KGError):
    """A document could not be read or decoded. The message names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelNotFoundError(KGError):
    """No spaCy pipeline could be loaded."""


class GraphReadError(KGError):
    """An exported graph (RDF) could not be read back."""


class QueryError(KGError):
    """A SPARQL query was malformed or not allowed."""


class QueryNotAllowedError(QueryError):
    """A well-formed SPARQL request that kg refuses: an update, ``SERVICE``, ``FROM``."""


class QueryTimeoutError(QueryError):
    """A SPARQL query ran past its time limit and was stopped."""


class ExplainError(KGError):
    """``kg explain`` was asked for what is not there: a missing file, a sentence number past
    the last sentence, a text no sentence contains."""
