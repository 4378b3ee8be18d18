"""Fixtures for tests that open the HTML page in headless Chromium.

The tests skip when Chromium, chromedriver or selenium is missing, unless the environment
variable ``KG_REQUIRE_BROWSER=1`` is set (CI sets it): then a missing browser is a failure.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from export.html import write_html
from kg.merge import add_document, merge_into
from kg.model import KnowledgeGraph
from tests.browser.chromium import available, chromium, console_errors, network_requests

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "seeds"

pytestmark = pytest.mark.browser


def _required() -> bool:
    return os.environ.get("KG_REQUIRE_BROWSER", "").strip() not in ("", "0", "false", "no")


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium WebDriver shared by the session."""
    reason = available()
    if reason:
        if _required():
            pytest.fail(f"KG_REQUIRE_BROWSER is set but the browser tests cannot run: {reason}")
        pytest.skip(reason)
    try:
        manager = chromium()
        driver = manager.__enter__()
    except Exception as err:  # a broken install: same rule as a missing one
        if _required():
            raise
        pytest.skip(f"headless Chromium did not start: {err}")
    yield driver
    manager.__exit__(None, None, None)


@dataclass
class Loaded:
    """A page opened in the browser, with what loading it cost."""

    driver: object
    url: str
    requests: list[str]
    errors: list[str]

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def new_requests(self) -> list[str]:
        """Requests sent since the last check (the page itself excluded)."""
        found = [u for u in network_requests(self.driver) if u != self.url]
        self.requests.extend(found)
        return found

    def new_errors(self) -> list[str]:
        found = console_errors(self.driver)
        self.errors.extend(found)
        return found


@pytest.fixture
def open_page(browser):
    """Open an HTML file; wait until the graph is drawn; report requests and console errors."""

    def load(path: Path, timeout: float = 60.0) -> Loaded:
        browser.get("about:blank")
        network_requests(browser)  # drain what came before
        console_errors(browser)
        url = path.resolve().as_uri()
        browser.get(url)
        deadline = time.monotonic() + timeout
        while not browser.execute_script("return window.kgReady === true"):
            if time.monotonic() > deadline:
                raise AssertionError(f"{path.name} not drawn within {timeout} s: "
                                     f"{console_errors(browser)}")
            time.sleep(0.05)
        loaded = Loaded(browser, url, [], [])
        loaded.new_requests()
        loaded.new_errors()
        return loaded

    return load


def shown_by_default(graph: KnowledgeGraph) -> tuple[set[str], set[tuple[str, str, str]]]:
    """What the page draws of ``graph`` until the reader asks for more, when it all fits: the
    facts of the voices it shows (:func:`kg.voice.fact_voice`, the graph's threshold), and
    every entity but those whose facts are all of hidden voices (those facts alone reach
    them)."""
    from export.html import HIDDEN_VOICES
    from kg.voice import fact_voice

    everything = list(graph.edges(keys=True))
    facts = {e for e in everything if fact_voice(graph, *e).kind not in HIDDEN_VOICES}
    reached = {key for fact in facts for key in fact[:2]}
    behind = {key for fact in everything if fact not in facts for key in fact[:2]} - reached
    return set(graph.nodes) - behind, facts


def build_from_texts(texts: dict[str, str], nlp, folder: Path) -> KnowledgeGraph:
    """Write texts to files and build a graph with the real reading and extraction code."""
    from extract.documents import read_document

    graph = KnowledgeGraph()
    sources = []
    for name, text in texts.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        sources.append(read_document(path, doc_id=name))
    return _merge_sources(graph, sources, nlp)


def _merge_sources(graph: KnowledgeGraph, sources, nlp) -> KnowledgeGraph:
    from extract.pipeline import extract

    for source in sources:
        add_document(graph, source.document)
    items = [(s.document.id, s.body, s.body_start) for s in sources]
    return merge_into(graph, extract(items, nlp))


@pytest.fixture(scope="session")
def seed_graph_real(nlp) -> KnowledgeGraph:
    """The seed corpus built with the real pipeline: read_document, extract, merge_into."""
    from extract.documents import read_document

    sources = [read_document(path, doc_id=path.name) for path in sorted(SEEDS.glob("*.txt"))]
    assert sources, f"no seed documents in {SEEDS}"
    return _merge_sources(KnowledgeGraph(), sources, nlp)


@pytest.fixture(scope="session")
def seed_page(seed_graph_real, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "graph.html"
    write_html(seed_graph_real, path, title="Seed article")
    return path
