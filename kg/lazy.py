"""Public names of a package imported on first use (PEP 562), so that importing the package
stays cheap: ``kg`` does not import networkx, nor ``export.sparql`` rdflib, until asked.

>>> table = {"sqrt": "math", "path": "os.path"}
>>> namespace = {"__name__": "demo"}
>>> getattr_, _dir = lazy_names("demo", table, namespace)
>>> getattr_("sqrt")(9.0), "sqrt" in namespace
(3.0, True)
>>> getattr_("path").__name__ in ("posixpath", "ntpath")
True
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

__all__ = ["lazy_names"]


def lazy_names(package: str, where: dict[str, str], namespace: dict[str, Any]
               ) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A module's ``__getattr__`` and ``__dir__`` for names imported on first use.

    Args:
        package: The package's name, for error messages.
        where: Public name -> the module that defines it; a name that is the module itself
            (``"path": "os.path"``, the last part of the module's name) is the module.
        namespace: The package's ``globals()``: a name, once imported, is kept there.
    """

    def getattr_(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = importlib.import_module(module)
        if module.rpartition(".")[2] != name:
            value = getattr(value, name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted(set(namespace) | set(where))

    return getattr_, dir_
