"""The former home of the query time limit, now :mod:`export.sparql.worker`.

Kept while ``kg/cli.py`` still imports :data:`DEFAULT_TIMEOUT` from here.
"""

from __future__ import annotations

from export.sparql.worker import DEFAULT_TIMEOUT

__all__ = ["DEFAULT_TIMEOUT"]
