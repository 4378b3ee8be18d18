"""Every third-party package the library imports is declared in pyproject.toml.

A package that comes in only because another one depends on it (``tqdm`` and ``catalogue``
through spaCy) can disappear with that package's next release; so every import in ``kg/``,
``extract/`` and ``export/`` (at module level or inside a function) must name a distribution
that pyproject.toml lists, as a dependency or in an extra. The standard library and the
project's own packages need no declaration.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys

from tests.data import ROOT

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the test extra installs tomli
    import tomli as tomllib

PACKAGES = ("kg", "extract", "export")


def imported_modules() -> dict[str, set[str]]:
    """Top-level name of each module the library imports -> the files that import it."""
    found: dict[str, set[str]] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    found.setdefault(name.split(".")[0], set()).add(
                        str(path.relative_to(ROOT)))
    return found


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_distributions() -> set[str]:
    """Names of the distributions pyproject.toml depends on, in any extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    return {_normal(re.match(r"[A-Za-z0-9._-]+", r.strip()).group()) for r in requirements}


def undeclared(modules: dict[str, set[str]], declared: set[str]) -> dict[str, str]:
    """Third-party modules without a declared distribution -> why, naming a file."""
    provided = importlib.metadata.packages_distributions()
    missing = {}
    for module, files in sorted(modules.items()):
        if module in sys.stdlib_module_names or module in PACKAGES or module == "__future__":
            continue
        distributions = {_normal(d) for d in provided.get(module, ())}
        if not distributions & declared:
            names = ", ".join(sorted(distributions)) or "not installed"
            missing[module] = f"imported by {min(files)}; distribution: {names}"
    return missing


def test_undeclared_finds_an_undeclared_import():
    modules = {"tqdm": {"kg/build.py"}, "os": {"kg/io.py"}, "kg": {"kg/cli.py"}}
    assert undeclared(modules, {"networkx"}) == {
        "tqdm": "imported by kg/build.py; distribution: tqdm"}
    assert undeclared(modules, {"tqdm"}) == {}


def test_every_imported_third_party_package_is_declared():
    modules = imported_modules()
    assert {"rdflib", "pyoxigraph", "spacy", "networkx"} <= set(modules)
    assert undeclared(modules, declared_distributions()) == {}
