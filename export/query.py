"""The former home of kg's SPARQL API, kept so that code written against it still runs.

Everything moved to :mod:`export.sparql` (``from export.sparql import SparqlGraph,
format_result, run_query``); ``kg.query``, ``kg.to_oxigraph`` and ``kg.to_rdflib`` are the
short forms.

>>> from export.query import run_query
>>> run_query is __import__("export.sparql", fromlist=["run_query"]).run_query
True
"""

from __future__ import annotations

from export import sparql as _sparql
from export.sparql import *  # noqa: F403 - the same public names

__all__ = list(_sparql.__all__)
