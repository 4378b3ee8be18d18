"""SPARQL over kg's RDF export: the engines, the checks, the answers, the cache, time limits.

Where each job lives:

- :mod:`~export.sparql.engine`: :func:`run_query` and :class:`SparqlGraph` (what ``kg query``,
  ``kg.query`` and ``kg serve`` call).
- :mod:`~export.sparql.vet`: what a query may not do (updates, ``SERVICE``, ``FROM``): the one
  place that refuses, always with a :class:`~kg.errors.QueryNotAllowedError`.
- :mod:`~export.sparql.tokens`: the tokens of a query, as the grammar reads them.
- :mod:`~export.sparql.syntax`: parsing in Oxigraph and rdflib, and syntax errors in words.
- :mod:`~export.sparql.load`: the export as a pyoxigraph store or an rdflib dataset.
- :mod:`~export.sparql.evaluate`: one query's work, in the worker's child process.
- :mod:`~export.sparql.result`: :class:`QueryResult` and its text formats.
- :mod:`~export.sparql.store_cache`: the stores ``kg query`` keeps on disk.
- :mod:`~export.sparql.worker` and :mod:`~export.sparql.holder`: the query worker process and
  the time limit.

The names below are imported on first use, so that the query worker, which imports this
package, stays small.

>>> from export.sparql import vet_query
>>> vet_query("ASK { ?s ?p ?o }")
'ASK'
"""

from __future__ import annotations

from kg.lazy import lazy_names

__all__ = [
    "DEFAULT_ENGINE",
    "DEFAULT_TIMEOUT",
    "ENGINES",
    "FORMATS",
    "QueryResult",
    "SparqlGraph",
    "check_query",
    "check_syntax",
    "format_result",
    "query_kind",
    "run_query",
    "to_oxigraph",
    "to_rdflib",
    "vet_query",
    "vet_request",
]

_WHERE = {
    "DEFAULT_ENGINE": "export.sparql.engine",
    "SparqlGraph": "export.sparql.engine",
    "check_syntax": "export.sparql.engine",
    "run_query": "export.sparql.engine",
    "DEFAULT_TIMEOUT": "export.sparql.worker",
    "ENGINES": "export.sparql.load",
    "to_oxigraph": "export.sparql.load",
    "to_rdflib": "export.sparql.load",
    "FORMATS": "export.sparql.result",
    "QueryResult": "export.sparql.result",
    "format_result": "export.sparql.result",
    "check_query": "export.sparql.syntax",
    "query_kind": "export.sparql.syntax",
    "vet_query": "export.sparql.vet",
    "vet_request": "export.sparql.vet",
}

__getattr__, __dir__ = lazy_names("export.sparql", _WHERE, globals())
