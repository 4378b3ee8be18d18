"""Build engines beyond the local process pool (``kg build --engine ...``).

``kg.build`` is the local engine. :mod:`kg.engines.dask_engine` runs the same extraction and
merge on a Dask cluster; it needs the optional ``dask`` extra and is imported only when asked
for, so importing this package costs nothing.

>>> ENGINES
('local', 'dask')
"""

from __future__ import annotations

__all__ = ["ENGINES"]

#: Engine names ``kg build --engine`` accepts.
ENGINES: tuple[str, ...] = ("local", "dask")
