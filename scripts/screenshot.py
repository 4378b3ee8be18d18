"""Screenshot of the seed article's graph page (docs/screenshot.png), taken in headless Chromium.

Builds the graph of ``seeds/`` with the real pipeline (read, extract, merge), writes the page
with :func:`export.html.write_html`, opens it, selects ``Xu Liang`` through the search box so
that the details panel shows, and saves a PNG.

Usage::

    python scripts/screenshot.py [--out docs/screenshot.png] [--width 1400] [--height 900]
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

from export.html import write_html  # noqa: E402
from kg.merge import add_document, merge_into  # noqa: E402
from kg.model import KnowledgeGraph  # noqa: E402


def seed_graph(folder: Path) -> KnowledgeGraph:
    """The graph of every ``.txt`` document in ``folder``, built with the real pipeline."""
    from extract.documents import read_document
    from extract.pipeline import extract, load_nlp

    sources = [read_document(path, doc_id=path.name) for path in sorted(folder.glob("*.txt"))]
    if not sources:
        raise SystemExit(f"no .txt documents in {folder}")
    graph = KnowledgeGraph()
    for source in sources:
        add_document(graph, source.document)
    items = [(s.document.id, s.body, s.body_start) for s in sources]
    return merge_into(graph, extract(items, load_nlp()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--select", default="Xu Liang", help="entity to search for ('' for none)")
    args = parser.parse_args(argv)

    from tests.browser.chromium import available, chromium, console_errors

    reason = available()
    if reason:
        print(f"cannot take the screenshot: {reason}", file=sys.stderr)
        return 1
    graph = seed_graph(args.seeds)
    with tempfile.TemporaryDirectory(prefix="kg-screenshot-") as tmp:
        page = Path(tmp) / "graph.html"
        write_html(graph, page, title="Seed article: " + ", ".join(sorted(graph.documents)))
        with chromium(args.width, args.height) as driver:
            driver.get(page.as_uri())
            deadline = time.monotonic() + 60
            while not driver.execute_script("return window.kgReady === true"):
                if time.monotonic() > deadline:
                    print("the page did not draw within 60 s", file=sys.stderr)
                    return 1
                time.sleep(0.05)
            # wait for the physics to settle (it switches itself off)
            while driver.execute_script("return network.physics.options.enabled"):
                if time.monotonic() > deadline:
                    break
                time.sleep(0.1)
            if args.select:
                driver.execute_script("kgSearch(arguments[0]);", args.select)
                time.sleep(0.8)  # let the focus animation finish
            driver.execute_script("network.fit({animation: false});")
            time.sleep(0.5)
            errors = console_errors(driver)
            if errors:
                print("console errors:\n" + "\n".join(errors), file=sys.stderr)
                return 1
            args.out.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(args.out))
    print(f"wrote {args.out} ({graph.number_of_nodes()} entities, "
          f"{graph.number_of_edges()} facts)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
