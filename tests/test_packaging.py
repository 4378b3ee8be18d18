"""Every data file of the library goes into the wheel: pyproject.toml's package-data names it.

setuptools puts only ``.py`` files of a package into a wheel, and the files that
``[tool.setuptools.package-data]`` lists under that package's name, as globs relative to the
package's folder. A page template moved to a sub-package and not listed there would be
missing from every installed kg (``pip wheel . && unzip -l`` shows it; this test does not
need the build).
"""

from __future__ import annotations

from pathlib import Path

from tests.data import ROOT

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the test extra installs tomli
    import tomli as tomllib

PACKAGES = ("kg", "extract", "export")


def _package_of(path: Path) -> str:
    """The dotted name of the innermost package (a folder with ``__init__.py``) holding path."""
    folder = path.parent
    while not (folder / "__init__.py").exists():
        folder = folder.parent
    return ".".join(folder.relative_to(ROOT).parts)


def data_files() -> dict[str, list[Path]]:
    """Package name -> the files in it that are not Python code."""
    found: dict[str, list[Path]] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*")):
            if (path.is_dir() or path.suffix in (".py", ".pyc")
                    or "__pycache__" in path.parts):
                continue
            found.setdefault(_package_of(path), []).append(path)
    return found


def package_data() -> dict[str, list[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return project["tool"]["setuptools"]["package-data"]


def _listed(path: Path, package: str, patterns: dict[str, list[str]]) -> bool:
    relative = path.relative_to(ROOT / package.replace(".", "/"))
    return any(relative.match(glob) and len(relative.parts) == len(Path(glob).parts)
               for glob in patterns.get(package, []))


def test_every_data_file_is_package_data():
    patterns = package_data()
    missing = [str(path.relative_to(ROOT)) for package, paths in data_files().items()
               for path in paths if not _listed(path, package, patterns)]
    assert missing == []


def test_every_package_data_glob_matches_a_file():
    files = data_files()
    unused = [f"{package}: {glob}" for package, globs in package_data().items() for glob in globs
              if not any(_listed(path, package, {package: [glob]})
                         for path in files.get(package, []))]
    assert unused == []


def test_the_page_files_are_package_data_of_export_html():
    from export.html.page import PAGE_SCRIPTS

    listed = [path.name for path in data_files()["export.html"]
              if _listed(path, "export.html", package_data())]
    assert listed == sorted(["graph_page.css", "graph_page.html", *PAGE_SCRIPTS])
