"""The query page of ``kg serve`` in headless Chromium: YASGUI loads from the server itself,
runs a query against the endpoint and shows the answer, and nothing reaches another host."""

from __future__ import annotations

import os
import time
from urllib.parse import urlsplit

import pytest

from export.rdf import write_rdf
from tests.browser.chromium import console_errors, network_requests
from tests.export.conftest import build_sample
from tests.export.test_serve import kg_serve

# a browser is another process: the integration tier (make test-integration)
pytestmark = [pytest.mark.browser, pytest.mark.integration]

#: Where to save a picture of the page after the query (for a person to look at), if set.
SCREENSHOT = os.environ.get("KG_SERVE_SCREENSHOT")
#: Bound on each wait: only stops a broken page from hanging the suite on a busy machine.
WAIT = 120.0
QUERY = """SELECT ?name ?predicate ?object WHERE {
  ?person a schema:Person ; rdfs:label ?name .
  ?person ?p ?o . ?p a kgv:Relation ; rdfs:label ?predicate . ?o rdfs:label ?object .
}"""


def _wait_for(driver, script: str, what: str):
    deadline = time.monotonic() + WAIT
    while True:
        value = driver.execute_script(script)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} within {WAIT:g} s; console: {console_errors(driver)}")
        time.sleep(0.1)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    path = tmp_path_factory.mktemp("served-page") / "graph.ttl"
    write_rdf(build_sample(), path)
    with kg_serve(path) as (url, _process, _output):
        yield url


def test_serve_query_page_runs_a_query_in_chromium(browser, served):
    browser.get("about:blank")
    network_requests(browser)  # drain what came before
    console_errors(browser)
    browser.get(served)
    _wait_for(browser, "return !!(window.kgYasgui && document.querySelector('.CodeMirror'))",
              "YASGUI did not start")
    endpoint = browser.execute_script("return window.kgYasgui.getTab().getEndpoint()")
    assert endpoint == served + "sparql"

    browser.execute_script("window.kgYasgui.getTab().setQuery(arguments[0])", QUERY)
    browser.find_element("css selector", ".yasqe_queryButton").click()
    shown = _wait_for(
        browser,
        "const r = document.querySelector('.yasr_results');"
        "return r && r.innerText.includes('Sam Altman') ? r.innerText : null",
        "no results shown",
    )
    assert "Xu Liang" in shown and "meet" in shown and "lead" in shown

    origin = "{0.scheme}://{0.netloc}".format(urlsplit(served))
    requests = [u for u in network_requests(browser) if not u.startswith(("data:", "blob:"))]
    assert requests, "the page made no request at all?"
    assert [u for u in requests if not u.startswith(origin)] == []
    assert any(u.startswith(served + "sparql") for u in requests)
    assert console_errors(browser) == []
    if SCREENSHOT:
        browser.save_screenshot(SCREENSHOT)
