"""The HTML page in headless Chromium: drawn completely, offline, searchable, and inert.

Every test checks that loading and using the page logged no console error and sent no network
request, on the seed article built with the real pipeline, on hand-built graphs and on hostile
documents whose text is full of markup and script.
"""

from __future__ import annotations

import time

import pytest

from benchmarks.html_bench import synthetic_graph
from export.html import PHYSICS_LIMIT, HtmlView, node_id, write_html
from kg.model import KnowledgeGraph
from tests.browser.conftest import build_from_texts, shown_by_default
from tests.export.conftest import build_sample
from tests.export.test_html import (
    PAYLOAD_COMMENT,
    PAYLOAD_IMG,
    PAYLOAD_LINK,
    PAYLOAD_SCRIPT,
    hostile_graph,
)

# a browser is another process: the integration tier (make test-integration)
pytestmark = [pytest.mark.browser, pytest.mark.integration]

HOSTILE_NAME = 'name"with<b>quotes<b> & co.txt'
HOSTILE_TEXTS = {
    "evil-markup.txt": (
        'Xu Liang met <img src=x onerror="window.__pwned=1"> in Beijing. '
        "The group </script><script>window.__pwned=2</script> founded Acme Labs. "
        'Acme Labs does not rival <a href="javascript:window.__pwned=3">Sora</a>. '
        'The "Quote" Company acquired javascript:window.__pwned=4 last year. '
        "<!-- <script>window.__pwned=5</script> --> Beijing hosts the \u2028 summit."
    ),
    HOSTILE_NAME: (
        "<svg onload=window.__pwned=6> Wang Fei praised <iframe src=javascript:window.__pwned=7>"
        " Kuaishou. Kuaishou hired \"Li & Co <b>\"."
    ),
}


def _assert_clean(page) -> None:
    assert page.new_errors() == [] and page.errors == [], page.errors
    page.new_requests()
    assert [u for u in page.requests if not u.startswith("data:")] == []
    assert page.js("return typeof window.__pwned") == "undefined"


def _no_markup_from_text(page) -> None:
    """No element came from document text: no img, iframe, link or object, no on* attribute,
    and the only SVG is the page's own (edge legend and statistics charts)."""
    assert page.js("return document.querySelectorAll('img, iframe, a, object, embed, "
                   "foreignObject').length") == 0
    assert page.js(
        """return Array.from(document.querySelectorAll('svg')).filter(function (svg) {
               return !svg.closest('#kg-edge-legend') && !svg.closest('#kg-stats'); }).length"""
    ) == 0
    assert page.js(
        """return Array.from(document.querySelectorAll('*')).filter(function (el) {
               return Array.from(el.attributes).some(function (a) {
                   return a.name.toLowerCase().indexOf('on') === 0; }); }).length"""
    ) == 0


def _drawn(page) -> tuple[int, int]:
    return tuple(page.js(
        "return [network.body.data.nodes.length, network.body.data.edges.length]"
    ))


def _hover(page, x: float, y: float) -> None:
    """Move the mouse to canvas DOM coordinates (x, y) of #mynetwork."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = page.driver.find_element(By.ID, "mynetwork")
    width, height = canvas.size["width"], canvas.size["height"]
    actions = ActionChains(page.driver)
    actions.move_to_element_with_offset(canvas, int(x - width / 2) - 3, int(y - height / 2))
    actions.move_to_element_with_offset(canvas, int(x - width / 2), int(y - height / 2))
    actions.perform()


def _frames(page, count: int = 2) -> None:
    """Return after ``count`` animation frames, each with a redraw of the network."""
    page.driver.execute_async_script(
        """var done = arguments[arguments.length - 1], left = arguments[0];
           (function step() {
               if (left-- <= 0) return done();
               network.redraw();
               requestAnimationFrame(step);
           })();""",
        count,
    )


def _wait_for(page, condition: str, what: str, timeout: float = 60.0) -> None:
    """Wait until the page's JavaScript ``condition`` holds (a condition, never a time)."""
    deadline = time.monotonic() + timeout
    while not page.js(f"return Boolean({condition})"):
        assert time.monotonic() < deadline, f"{what} within {timeout:.0f} s"
        time.sleep(0.02)


def _wait_until_still(page) -> None:
    """Wait until no view animation of the page is pending."""
    _wait_for(page, "!kgAnimating", "a view animation did not finish")


def _centre_on(page, kind: str, item_id: str) -> dict:
    """Centre the view on a node or on an edge's midpoint; return its DOM position.

    Checks, after a few drawn frames, that the view is still there: the hover that follows
    aims at that point.
    """
    _wait_until_still(page)
    point = page.js(
        """
        kgHideDetails();
        var p = arguments[0] === "node"
            ? network.getPositions([arguments[1]])[arguments[1]]
            : network.body.edges[arguments[1]].edgeType.getPoint(0.5);
        network.moveTo({position: p, scale: 1.6, animation: false});
        return p;
        """,
        kind,
        item_id,
    )
    _frames(page, 3)
    view = page.js("return [network.getViewPosition(), network.getScale()]")
    assert abs(view[0]["x"] - point["x"]) < 0.5 and abs(view[0]["y"] - point["y"]) < 0.5, (
        f"the view moved after centring on {item_id}: {view} instead of {point}"
    )
    return page.js("return network.canvasToDOM(arguments[0])", point)


def _tooltip_text(page, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = page.js(
            """var t = document.querySelector("div.vis-tooltip");
               return t && getComputedStyle(t).visibility === "visible" ? t.innerText : null;"""
        )
        if text:
            return text
        time.sleep(0.05)
    raise AssertionError("no tooltip appeared")


def _loneliest_edge(page) -> str:
    """The edge whose midpoint lies farthest from every node (so hovering it hits the edge)."""
    return page.js(
        """
        var best = null, bestGap = -Infinity;
        var positions = network.getPositions();
        edges.getIds().forEach(function (id) {
            var p = network.body.edges[id].edgeType.getPoint(0.5);
            var gap = Infinity;
            for (var n in positions) {
                var dx = positions[n].x - p.x, dy = positions[n].y - p.y;
                gap = Math.min(gap,
                    Math.sqrt(dx * dx + dy * dy) - network.body.nodes[n].options.size);
            }
            if (gap > bestGap) { bestGap = gap; best = id; }
        });
        return best;
        """
    )


def _hover_shows(page, kind: str, item_id: str) -> str:
    point = _centre_on(page, kind, item_id)
    _hover(page, point["x"], point["y"])
    text = _tooltip_text(page)
    _hover(page, 5, 5)  # move away so the next hover starts fresh
    return text


def _normalise(text: str) -> str:
    return " ".join(text.split())


# ----------------------------------------------------------------------------- seed article


def _show_hidden_voice(page, voice: str = "low_confidence") -> None:
    """Click the header's "Show" button of a hidden voice and wait for the view."""
    page.driver.find_element("id", f"kg-show-{voice}").click()
    _wait_laid_out(page)


def test_seed_page_draws_every_entity_and_fact(seed_graph_real, seed_page, open_page):
    """The seed graph fits the cap: the page draws every entity and fact it shows by default,
    says what the low-confidence facts hide, and one click draws them and their entities.

    (Before the threshold of 0.66 every fact of the seeds was drawn at once; now some are
    low_confidence, hidden until asked for, with the entities only they reach.)"""
    graph = seed_graph_real
    entities, facts = shown_by_default(graph)
    hidden = graph.number_of_edges() - len(facts)
    assert 0 < hidden and len(entities) < graph.number_of_nodes()
    page = open_page(seed_page)
    assert _drawn(page) == (len(entities), len(facts))
    assert set(page.js("return nodes.getIds()")) == {node_id(k) for k in entities}
    assert page.js("return document.getElementById('kg-title').textContent") == "Seed article"
    summary = page.js("return document.getElementById('kg-summary').textContent")
    assert f"{graph.number_of_nodes()} entities" in summary
    assert f"showing {len(entities)} entities and {len(facts)} facts" in summary
    more = page.js("return document.getElementById('kg-summary-more').textContent")
    behind = graph.number_of_nodes() - len(entities)
    assert (f"{hidden} low confidence facts hidden, with {behind} entities only they reach"
            in more), more
    _show_hidden_voice(page)
    assert _drawn(page) == (graph.number_of_nodes(), graph.number_of_edges())
    assert "hidden" not in page.js("return document.getElementById('kg-summary-more')"
                                   ".textContent")
    _assert_clean(page)


def _search(page, text: str) -> None:
    """Type ``text`` into the search box and press Enter, as a person would."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    page.driver.find_element(By.ID, "kg-search").send_keys(text, Keys.ENTER)
    time.sleep(0.5)
    _wait_laid_out(page)


def _drawn_facts_of(page, key: str) -> int:
    """How many drawn edges have entity ``key`` at one end."""
    return page.js("var id = arguments[0]; return edges.get().filter(function (e) {"
                   " return e.from === id || e.to === id; }).length", node_id(key))


def _finds_and_shows_hidden_facts(page, graph, key: str) -> None:
    """Search for ``key`` by its label: it is drawn and selected, the panel names it and says
    how many of its facts a hidden voice keeps out of the picture, and its button draws them
    (the entity still selected)."""
    from export.html import HIDDEN_VOICES
    from kg.voice import fact_voice

    label = graph.nodes[key]["label"]
    facts = [e for e in graph.edges(keys=True) if key in e[:2]]
    hidden = [e for e in facts if fact_voice(graph, *e).kind in HIDDEN_VOICES]
    _search(page, label.lower())
    assert page.js("return network.getSelectedNodes()") == [node_id(key)]
    assert node_id(key) in page.js("return nodes.getIds()")  # drawn, even if all is hidden
    assert page.js("return document.getElementById('kg-details-title').textContent") == label
    assert _drawn_facts_of(page, key) == len(facts) - len(hidden)
    more = page.js("return document.getElementById('kg-details-more').textContent")
    kinds = sorted({fact_voice(graph, *e).kind for e in hidden})
    for kind in kinds:
        count = sum(fact_voice(graph, *e).kind == kind for e in hidden)
        words = kind.replace("_", " ")  # "low confidence"
        said = (f"All its {count} facts are {words}" if count == len(facts) > 1
                else "Its one fact is " + words if count == len(facts)
                else f"{count} of its facts")
        assert said in more, more
        page.driver.find_element("id", f"kg-details-show-{kind}").click()
        _wait_laid_out(page)
    assert _drawn_facts_of(page, key) == len(facts)
    assert page.js("return network.getSelectedNodes()") == [node_id(key)]
    assert "hidden from the picture" not in page.js(
        "return document.getElementById('kg-details-more').textContent")


def test_seed_page_search_finds_xu_liang(seed_graph_real, seed_page, open_page):
    xu = [k for k, a in seed_graph_real.nodes(data=True) if a["label"] == "Xu Liang"]
    assert len(xu) == 1, "the seed graph has no single entity labelled Xu Liang"
    page = open_page(seed_page)
    _finds_and_shows_hidden_facts(page, seed_graph_real, xu[0])
    details = page.js("return document.getElementById('kg-details-text').textContent")
    assert "type: PERSON" in details
    assert page.js("return kgSearch('no such entity anywhere')") is None
    _assert_clean(page)


def test_seed_page_search_finds_an_entity_whose_every_fact_is_hidden(
    seed_graph_real, seed_page, open_page
):
    """An entity only low-confidence facts reach is not drawn at first, but search finds it,
    draws it, and offers to show its facts."""
    graph = seed_graph_real
    entities, _facts = shown_by_default(graph)
    page = open_page(seed_page)
    behind = [k for k in sorted(set(graph) - entities, key=str)
              if page.js("return kgFind(arguments[0])", graph.nodes[k]["label"]) == node_id(k)]
    assert behind, "no entity of the seed graph is reached by hidden facts alone"
    assert node_id(behind[0]) not in page.js("return nodes.getIds()")
    _finds_and_shows_hidden_facts(page, graph, behind[0])
    _assert_clean(page)


def test_seed_page_tooltip_shows_source_sentence(seed_graph_real, seed_page, open_page):
    page = open_page(seed_page)
    edge_id = _loneliest_edge(page)
    number = int(edge_id[1:])
    u, v, k = sorted(seed_graph_real.edges(keys=True), key=lambda e: (e[0], e[1], e[2]))[number]
    sentences = [p.sentence for p in seed_graph_real.edges[u, v, k]["provenance"]]
    text = _normalise(_hover_shows(page, "edge", edge_id))
    assert any(_normalise(s)[:80] in text for s in sentences), (text, sentences)
    assert seed_graph_real.edges[u, v, k]["predicate"] in text
    _assert_clean(page)


# ----------------------------------------------------------------------------- hand-built graphs


def test_sample_page_hover_node_and_edge(tmp_path, open_page):
    graph = build_sample()
    path = tmp_path / "sample.html"
    write_html(graph, path)
    page = open_page(path)
    assert _drawn(page) == (graph.number_of_nodes(), graph.number_of_edges())
    node_text = _hover_shows(page, "node", node_id("openai"))
    assert node_text.startswith("OpenAI\ntype: ORG")
    assert "degree: 2 (0 out, 2 in)" in node_text
    edge_id = page.js(
        "return edges.get({filter: function (e) { return e.label === 'stem from'; }})[0].id"
    )
    edge_text = _hover_shows(page, "edge", edge_id)
    assert "The difficulties stem from export controls." in edge_text
    assert "news/seed.txt" in edge_text and "count: 1" in edge_text
    _assert_clean(page)


def test_parallel_and_negated_edges_are_drawn_separately(tmp_path, open_page):
    graph = KnowledgeGraph()
    for key in ("kuaishou", "openai"):
        graph.add_node(key, label=key.title(), aliases=[], type="ORG", mentions=1)
    for predicate, negated in (("rival", False), ("rival", True), ("partner with", False)):
        graph.add_edge("kuaishou", "openai", key=("not " if negated else "") + predicate,
                       predicate=predicate, negated=negated, count=1, provenance=[])
    path = tmp_path / "parallel.html"
    write_html(graph, path)
    page = open_page(path)
    assert _drawn(page) == (2, 3)
    midpoints = page.js(
        """return edges.getIds().map(function (id) {
               var p = network.body.edges[id].edgeType.getPoint(0.5);
               return [Math.round(p.x), Math.round(p.y)]; });"""
    )
    assert len({tuple(p) for p in midpoints}) == 3  # three distinct curves
    labels = page.js("return edges.get().map(function (e) { return e.label; }).sort()")
    assert labels == ["not rival", "partner with", "rival"]
    assert page.js("return network.body.edges[edges.get({filter: function (e) {"
                   " return e.label === 'not rival'; }})[0].id].options.dashes") == [6, 4]
    _assert_clean(page)


def test_filters_hide_types_and_predicates(tmp_path, open_page):
    from selenium.webdriver.common.by import By

    graph = build_sample()
    path = tmp_path / "sample.html"
    write_html(graph, path)
    page = open_page(path)
    persons = {node_id(k) for k, a in graph.nodes(data=True) if a.get("type") == "PERSON"}
    type_names = page.js("return kgMeta.types.map(function (t) { return t.name; })")
    box = page.driver.find_elements(By.CSS_SELECTOR, "#kg-legend input")[type_names.index("PERSON")]
    box.click()
    _wait_laid_out(page)
    drawn = set(page.js("return nodes.getIds()"))
    assert drawn and not drawn & persons  # unticked: gone, and the rest laid out again
    box.click()
    _wait_laid_out(page)
    assert set(page.js("return nodes.getIds()")) == {node_id(k) for k in graph}
    rival = sum(1 for *_, d in graph.edges(data=True) if d["predicate"] == "rival")
    _choose_filter(page, "riv", f"rival{rival} facts")
    shown = page.js("return edges.get().map(function (e) { return e.label; }).sort()")
    # the sample's affirmative "rival" is only ever said with "could": a modal fact
    assert shown == ["could rival", "not rival"]
    ends = {n for *_e, d in graph.edges(data=True) for n in _e[:2] if d["predicate"] == "rival"}
    assert set(page.js("return nodes.getIds()")) == {node_id(k) for k in ends}
    page.driver.find_element(By.ID, "kg-filter-clear").click()
    _wait_laid_out(page)
    assert page.js("return edges.length") == graph.number_of_edges()
    _assert_clean(page)


def _wait_laid_out(page) -> None:
    """Wait until the view being drawn is laid out and still."""
    _wait_for(page, "!window.kgLayoutPending && !network.physics.options.enabled",
              "the view was not laid out")


def _choose_filter(page, typed: str, item_text: str) -> None:
    """Use the filter box as a person would: click it, type, click the listed item."""
    from selenium.webdriver.common.by import By

    box = page.driver.find_element(By.ID, "kg-filter")
    box.click()
    box.clear()
    box.send_keys(typed)
    items = page.driver.find_elements(By.CSS_SELECTOR, "#kg-filter-list button")
    texts = [item.text.replace("\n", "") for item in items]
    assert item_text in texts, texts
    items[texts.index(item_text)].click()
    _wait_laid_out(page)


def test_search_finds_aliases(tmp_path, open_page):
    graph = build_sample()
    graph.nodes["xu liang"]["aliases"] = ["Mr Xu"]
    path = tmp_path / "sample.html"
    write_html(graph, path)
    page = open_page(path)
    from selenium.webdriver.common.by import By

    assert page.js("return document.querySelectorAll('#kg-names option').length") == 0
    page.driver.find_element(By.ID, "kg-search").click()
    names = {str(a["label"]) for _, a in graph.nodes(data=True)}
    names |= {alias for _, a in graph.nodes(data=True) for alias in a["aliases"]}
    options = page.js("return Array.from(document.querySelectorAll('#kg-names option'))"
                      ".map(function (o) { return o.value; })")
    assert sorted(options) == sorted(names)
    assert page.js("return kgSearch('mr xu')") == node_id("xu liang")
    assert page.js("return kgSearch('  OPENAI ')") == page.js("return kgNodeId('openai')")
    _assert_clean(page)


def test_large_graph_uses_precomputed_layout(tmp_path, open_page):
    graph = synthetic_graph(PHYSICS_LIMIT * 3)
    path = tmp_path / "large.html"
    write_html(graph, path, max_nodes=PHYSICS_LIMIT * 2)
    page = open_page(path)
    assert _drawn(page)[0] == PHYSICS_LIMIT * 2
    assert page.js("return network.physics.options.enabled") is False
    assert "left out" in page.js("return document.getElementById('kg-summary').textContent")
    hub = page.js("return nodes.get().sort(function (a, b) { return b.size - a.size; })[0].id")
    label = graph.nodes[hub.removeprefix("k:")]["label"]
    assert _hover_shows(page, "node", hub).startswith(label + "\ntype: ")
    _assert_clean(page)


# ----------------------------------------------------------------------------- hostile input


def _poke_everything(page) -> None:
    """Hover and click every node and edge, search every name: nothing may run."""
    for drawn in page.js("return nodes.getIds()"):
        _hover_shows(page, "node", drawn)
        page.js("kgShowNode(arguments[0])", drawn)
    for edge_id in page.js("return edges.getIds()")[:12]:
        page.js("kgShowEdge(arguments[0])", edge_id)
    for name in page.js("return kgNames.map(function (n) { return n[2]; })"):
        page.js("kgSearch(arguments[0])", name)
    _wait_until_still(page)


def test_view_stays_put_after_back_to_back_searches(tmp_path, open_page):
    """Two animated searches within one frame made vis-network leak a camera animation that
    then moved the view on every redraw (the hover tests missed their target on fast
    machines); the page now starts at most one animation at a time."""
    graph = build_sample()
    path = tmp_path / "sample.html"
    write_html(graph, path)
    page = open_page(path)
    page.js("kgSearch('Xu Liang'); kgSearch('OpenAI'); kgSearch('Beijing');")  # one JS task
    _wait_until_still(page)
    target = page.js("return network.getPositions([kgNodeId('kuaishou')])[kgNodeId('kuaishou')]")
    page.js("network.moveTo({position: arguments[0], scale: 1.5, animation: false})", target)
    _frames(page, 30)
    view = page.js("return network.getViewPosition()")
    assert abs(view["x"] - target["x"]) < 0.5 and abs(view["y"] - target["y"]) < 0.5, (view, target)
    assert page.js("return network.getScale()") == pytest.approx(1.5)
    _assert_clean(page)


def test_hostile_hand_built_graph_runs_nothing(tmp_path, open_page):
    graph = hostile_graph()
    path = tmp_path / "hostile.html"
    write_html(graph, path, title=PAYLOAD_SCRIPT + PAYLOAD_IMG)
    page = open_page(path)
    assert _drawn(page) == (3, 3)
    assert page.js("return document.title") == PAYLOAD_SCRIPT + PAYLOAD_IMG
    _poke_everything(page)
    page.js("kgShowNode(kgNodeId('img'))")
    assert page.js("return document.getElementById('kg-details-title').textContent") == PAYLOAD_IMG
    _no_markup_from_text(page)
    page.js("kgShowNode(kgNodeId('img'))")  # the panel: aliases, rules, facts, sentences
    panel = page.js("return document.getElementById('kg-details').innerText")
    assert PAYLOAD_SCRIPT in panel and PAYLOAD_LINK in panel  # alias rule, honorific
    page.js("kgShowNode(kgNodeId('quote'))")
    panel = page.js("return document.getElementById('kg-details').innerText")
    assert PAYLOAD_LINK in panel and "claimed by " + PAYLOAD_IMG in panel
    page.js("kgApplyFilter('predicate', 0); kgFillFilterList();")
    _wait_laid_out(page)
    _no_markup_from_text(page)
    page.js("kgFirstView()")
    _wait_laid_out(page)
    text = _hover_shows(page, "node", node_id("img"))
    assert text.startswith(PAYLOAD_IMG) and PAYLOAD_SCRIPT in text
    edge_text = page.js("return edges.get().map(function (e) { return e.title; }).join('\\n')")
    for payload in (PAYLOAD_LINK, PAYLOAD_SCRIPT, PAYLOAD_COMMENT, PAYLOAD_IMG):
        assert payload in edge_text
    _assert_clean(page)


def test_hostile_documents_through_real_pipeline_run_nothing(tmp_path, nlp, open_page):
    graph = build_from_texts(HOSTILE_TEXTS, nlp, tmp_path)
    assert graph.number_of_edges() > 0
    path = tmp_path / "hostile.html"
    write_html(graph, path)
    page = open_page(path)
    entities, facts = shown_by_default(graph)
    assert _drawn(page) == (len(entities), len(facts))
    if len(facts) < graph.number_of_edges():  # low-confidence facts: drawn when asked for
        _show_hidden_voice(page)
    assert _drawn(page) == (graph.number_of_nodes(), graph.number_of_edges())
    _poke_everything(page)
    titles = page.js("return edges.get().map(function (e) { return e.title; }).join('\\n')")
    assert HOSTILE_NAME in titles or "evil-markup.txt" in titles
    for node in page.js("return nodes.getIds()"):
        page.js("kgShowNode(arguments[0])", node)
    _no_markup_from_text(page)
    _assert_clean(page)


def test_notebook_view_renders_in_sandboxed_iframe(tmp_path, open_page, browser):
    graph = build_sample()
    wrapper = tmp_path / "notebook.html"
    wrapper.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>nb</title></head><body>"
        + HtmlView(graph, title="In a notebook")._repr_html_()
        + "<script>window.kgReady = true;</script></body></html>",
        encoding="utf-8",
    )
    page = open_page(wrapper)
    frame = page.driver.find_element("tag name", "iframe")
    page.driver.switch_to.frame(frame)
    try:
        deadline = time.monotonic() + 30
        while not page.driver.execute_script("return window.kgReady === true"):
            assert time.monotonic() < deadline, "the inline view never drew"
            time.sleep(0.05)
        assert page.driver.execute_script(
            "return [network.body.data.nodes.length, network.body.data.edges.length]"
        ) == [graph.number_of_nodes(), graph.number_of_edges()]
        assert page.driver.execute_script("return document.title") == "In a notebook"
    finally:
        page.driver.switch_to.default_content()
    _assert_clean(page)


def test_harness_catches_pyvis_default_page(tmp_path, open_page, monkeypatch):
    """Control: the same checks fail on the page pyvis writes by itself."""
    from pyvis.network import Network

    monkeypatch.chdir(tmp_path)
    net = Network(heading=PAYLOAD_IMG, cdn_resources="in_line", directed=True)
    net.add_node(1, label="a", title='<a href="https://example.org">link</a>')
    net.add_node(2, label="b")
    net.add_edge(1, 2)
    path = tmp_path / "pyvis.html"
    path.write_text(net.generate_html(), encoding="utf-8")
    marked = path.read_text(encoding="utf-8").replace(
        "drawGraph();", "drawGraph(); window.kgReady = true;"
    )
    path.write_text(marked, encoding="utf-8")
    page = open_page(path)
    time.sleep(0.5)
    page.new_requests()
    page.new_errors()
    assert page.js("return window.__pwned") == 1
    assert any(u.startswith("https://cdn.jsdelivr.net/") for u in page.requests)
    assert page.errors


def test_prototype_named_entities_work(tmp_path, open_page):
    graph = KnowledgeGraph()
    for key, type_ in (("__proto__", "ORG"), ("constructor", "PERSON"), ("toString", "ORG")):
        graph.add_node(key, label=key, aliases=["hasOwnProperty"], type=type_, mentions=1)
    graph.add_edge("__proto__", "constructor", key="be", predicate="be", negated=False, count=1,
                   provenance=[])
    graph.add_edge("constructor", "toString", key="__proto__", predicate="__proto__",
                   negated=False, count=1, provenance=[])
    path = tmp_path / "proto.html"
    write_html(graph, path)
    page = open_page(path)
    assert _drawn(page) == (3, 2)
    assert page.js("return kgSearch('__proto__')") == "k:__proto__"
    assert page.js("return kgSearch('constructor')") == "k:constructor"
    org = page.js("return kgMeta.types.map(function (t) { return t.name; }).indexOf('ORG')")
    page.js("document.querySelectorAll('#kg-legend input')[arguments[0]].click()", org)
    _wait_laid_out(page)
    assert page.js("return nodes.getIds()") == ["k:constructor"]
    page.js("kgShowNode('k:constructor')")
    assert "__proto__" in page.js("return document.getElementById('kg-details').innerText")
    assert page.js("return Object.prototype.hidden") is None
    _assert_clean(page)
