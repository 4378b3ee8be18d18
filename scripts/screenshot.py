"""Screenshots of the graph page on the real corpus, taken in headless Chromium, for the docs.

Builds (or reads from its cache) the graph of ``benchmarks/real_corpus.py`` with the real
pipeline, writes the page with :func:`export.html.write_html` and its defaults, and saves three
PNGs at 1400 x 900:

* ``page-first-view.png``: the page as it opens;
* ``page-filter.png``: only the facts of one predicate (``--predicate``) and their entities;
* ``page-panel.png``: one entity's panel (``--entity``, default the person with a full name
  and the most facts): its
  facts grouped by predicate, with their sentences.

Usage::

    python scripts/screenshot.py [--out-dir docs] [--predicate accuse] [--entity NAME]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.real_corpus import real_graph  # noqa: E402
from export.html import write_html  # noqa: E402

TITLE = "Real corpus: 350 Lee news articles, 641 CaRB sentences, the seed articles"


def _wait(driver, condition: str, what: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not driver.execute_script(f"return Boolean({condition})"):
        if time.monotonic() > deadline:
            raise SystemExit(f"the page did not {what} within {timeout:.0f} s")
        time.sleep(0.05)


def _settle(driver) -> None:
    """Wait until the page is drawn, laid out and still."""
    _wait(driver, "window.kgReady", "draw")
    _wait(driver, "!window.kgLayoutPending && !network.physics.options.enabled", "settle")
    _wait(driver, "!kgAnimating", "finish its animation")
    driver.execute_async_script(
        "var done = arguments[0]; requestAnimationFrame(function () {"
        " requestAnimationFrame(function () { done(); }); });"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=ROOT / "docs")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--predicate", default="accuse")
    parser.add_argument("--entity", default=None, help="entity whose panel is shown")
    args = parser.parse_args(argv)

    from tests.browser.chromium import available, chromium, console_errors

    reason = available()
    if reason:
        print(f"cannot take the screenshots: {reason}", file=sys.stderr)
        return 1
    graph = real_graph()
    entity = args.entity
    if entity is None:  # the person with a full name and the most facts reads best
        people = [k for k, a in graph.nodes(data=True)
                  if a.get("type") == "PERSON" and " " in str(a.get("label"))
                  and str(a.get("label"))[0].isupper() and "'" not in str(a.get("label"))]
        entity = graph.nodes[max(people, key=lambda k: (graph.degree(k), k))]["label"]
    args.out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kg-screenshot-") as tmp:
        page = Path(tmp) / "graph.html"
        write_html(graph, page, title=TITLE)
        with chromium(args.width, args.height) as driver:
            driver.get(page.as_uri())
            _settle(driver)
            driver.save_screenshot(str(args.out_dir / "page-first-view.png"))
            index = driver.execute_script(
                "var name = arguments[0];"
                "return kgMeta.predicates.findIndex(function (p) { return p.name === name; })",
                args.predicate)
            if index < 0:
                raise SystemExit(f"no predicate {args.predicate!r} in the graph")
            driver.execute_script("document.getElementById('kg-filter').focus();"
                                  "kgApplyFilter('predicate', arguments[0]);", index)
            _settle(driver)
            driver.save_screenshot(str(args.out_dir / "page-filter.png"))
            driver.execute_script("kgFirstView();")
            _settle(driver)
            if driver.execute_script("return kgSearch(arguments[0])", entity) is None:
                raise SystemExit(f"no entity {entity!r} in the graph")
            _settle(driver)
            driver.save_screenshot(str(args.out_dir / "page-panel.png"))
            errors = console_errors(driver)
            if errors:
                print("console errors:\n" + "\n".join(errors), file=sys.stderr)
                return 1
    print(f"wrote page-first-view.png, page-filter.png, page-panel.png in {args.out_dir} "
          f"({graph.number_of_nodes():,} entities, {graph.number_of_edges():,} facts; "
          f"panel: {entity})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
