"""The graph page on a real corpus (benchmarks/real_corpus.py: Lee news, CaRB, seeds) in
headless Chromium at 1400 x 900: the first view, legible labels, filters that find, the panel,
revealing neighbours, the fragments, and Jupyter's view, all with the library's defaults."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.real_corpus import real_graph
from export.html import (
    DEFAULT_MAX_NODES,
    FRAGMENT_SIZE,
    HIDDEN_VOICES,
    HtmlView,
    node_id,
    write_html,
)
from kg.voice import fact_voice
from tests.browser.test_html_browser import (
    _assert_clean,
    _choose_filter,
    _no_markup_from_text,
    _wait_laid_out,
)

# a browser is another process: the integration tier (make test-integration)
pytestmark = [pytest.mark.browser, pytest.mark.integration]

WIDTH, HEIGHT = 1400, 900
#: The bar for node labels at the fitted zoom of the first view, in CSS pixels.
MIN_LABEL_PX = 12


@pytest.fixture(scope="session")
def corpus_graph(nlp, tmp_path_factory):
    """The real corpus's graph (built once with the real pipeline, then read from a cache)."""
    graph = real_graph(tmp_path_factory.getbasetemp().parent / "kg-real-corpus-cache")
    assert graph.number_of_nodes() >= 3_000 and graph.number_of_edges() >= 2_000
    return graph


@pytest.fixture(scope="session")
def corpus_page(corpus_graph, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("real") / "graph.html"
    write_html(corpus_graph, path, title="Real corpus")  # the defaults, as kg build writes it
    return path


@pytest.fixture
def wide(browser):
    """The shared browser at 1400 x 900 for one test, then back to its own size."""
    metrics = {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False}
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    yield browser
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {**metrics, "width": 1280, "height": 860})


@pytest.fixture
def page(wide, corpus_page, open_page):
    loaded = open_page(corpus_page)
    _wait_laid_out(loaded)
    return loaded


def _drawn_ids(page) -> set[str]:
    return set(page.js("return nodes.getIds()"))


def _shown_graph(graph):
    """The graph of the facts the page shows by default (all but low-confidence ones), with
    every entity one of them reaches, or that has no fact at all."""
    import networkx as nx

    from export.html import HIDDEN_VOICES
    from kg.voice import fact_voice

    shown = nx.MultiDiGraph()
    shown.add_nodes_from(k for k in graph if graph.degree(k) == 0)
    shown.add_edges_from(e for e in graph.edges(keys=True)
                         if fact_voice(graph, *e).kind not in HIDDEN_VOICES)
    return shown


def test_first_view_draws_the_default_and_says_what_is_left_out(page, corpus_graph):
    """The first view draws the cap of the entities the facts it shows reach, connected by
    them; the header says what the fragments and the low-confidence facts hide, and a click
    shows each.

    (Since the threshold of 0.66, facts below it are hidden until asked for: the cap counts
    the entities drawn, no longer entities an unseen low-confidence fact alone joins to the
    view, and a fragment is a small part of what is drawn.)"""
    import networkx as nx

    drawn = _drawn_ids(page)
    assert len(drawn) == DEFAULT_MAX_NODES
    keys = [i.removeprefix("k:") for i in drawn]
    shown = _shown_graph(corpus_graph)
    assert nx.is_weakly_connected(shown.subgraph(keys))  # one picture, through drawn facts
    sizes = {k: len(c) for c in nx.weakly_connected_components(shown) for k in c}
    assert min(sizes[k] for k in keys) > FRAGMENT_SIZE  # no fragment in the first view
    summary = page.js("return document.getElementById('kg-summary').textContent")
    assert f"showing the {DEFAULT_MAX_NODES} most central entities (PageRank)" in summary
    assert f"{corpus_graph.number_of_nodes() - DEFAULT_MAX_NODES:,} entities" in summary
    fragments = sum(1 for n in sizes.values() if n <= FRAGMENT_SIZE)  # their entities
    more = page.js("return document.getElementById('kg-summary-more').textContent")
    assert f"{fragments:,} entities in small fragments (pairs and triples) hidden" in more
    _shows_the_low_confidence_facts_and_their_entities(page, corpus_graph, drawn, more)
    # one click shows the fragments, another hides them
    page.driver.find_element("id", "kg-fragments").click()
    _wait_laid_out(page)
    shown = _drawn_ids(page)
    added = {i.removeprefix("k:") for i in shown - drawn}
    assert added and all(sizes[k] <= FRAGMENT_SIZE for k in added) and fragments > 0
    assert len(added) == len(page.js("return kgMeta.fragments"))
    page.driver.find_element("id", "kg-fragments").click()
    _wait_laid_out(page)
    assert _drawn_ids(page) == drawn
    _assert_clean(page)


def _shows_the_low_confidence_facts_and_their_entities(page, graph, drawn, more):
    """"Show" draws the view's low-confidence facts and brings in the entities only they
    reach, next to what they are linked to; nothing drawn moves; back to the first view."""
    from kg.voice import LOW_CONFIDENCE, fact_voice

    low = {e for e in graph.edges(keys=True) if fact_voice(graph, *e).kind == LOW_CONFIDENCE}
    behind = {k for e in low for k in e[:2]} - set(_shown_graph(graph).nodes)
    view_facts = page.js("return edges.getIds()")
    before = page.js("return network.getPositions()")
    page.driver.find_element("id", "kg-show-low_confidence").click()
    _wait_laid_out(page)
    after = page.js("return network.getPositions()")
    added = {i.removeprefix("k:") for i in set(after) - drawn}
    assert added and added <= behind  # only entities the low-confidence facts alone reach
    assert (f"low confidence facts hidden, with {len(added)} entities only they reach"
            in more), more
    assert all(after[i] == before[i] for i in drawn)  # nothing drawn moved
    new_facts = [graph_fact(page, e) for e in set(page.js("return edges.getIds()"))
                 - set(view_facts)]
    assert new_facts and all(fact in low for fact in new_facts)
    for key in added:  # each comes with a drawn fact to the view
        assert any(key in fact[:2] for fact in new_facts)
    page.driver.find_element("id", "kg-reset").click()
    _wait_laid_out(page)
    assert _drawn_ids(page) == drawn


def graph_fact(page, edge_id: str) -> tuple[str, str, str]:
    """The graph's (subject, object, fact key) of a drawn edge."""
    from export.html.text import NEGATED
    from kg.model import fact_key

    u, v, predicate, flags = page.js(
        "var f = F[Number(arguments[0].slice(1))];"
        "return [E[f[0]][0], E[f[1]][0], kgMeta.predicates[f[2]].name, f[5]];", edge_id)
    return u, v, fact_key(predicate, bool(flags & NEGATED))


def test_labels_are_legible_at_the_fitted_zoom(page):
    assert page.js("return [innerWidth, innerHeight]") == [WIDTH, HEIGHT]
    page.js("network.fit({animation: false}); network.redraw();")
    page.driver.execute_async_script(
        "var done = arguments[0]; requestAnimationFrame(function () { done(); });")
    stats = page.js("return window.kgLabelStats")
    assert stats["total"] == DEFAULT_MAX_NODES
    assert stats["px"] >= MIN_LABEL_PX
    # every label drawn is at that size on screen, whatever the zoom, and none overlaps
    assert stats["drawn"] >= 0.3 * stats["total"], stats
    boxes = page.js("return kgLabelBoxes.map(function (l) { return l.box; })")
    assert len(boxes) == stats["drawn"]
    for i, a in enumerate(boxes):
        assert a[3] - a[1] >= MIN_LABEL_PX
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and a[2] > b[0] and a[1] < b[3] and a[3] > b[1]), (a, b)
    # the best-ranked entities are among those labelled
    labelled = set(page.js("return kgLabelBoxes.map(function (l) { return l.id; })"))
    best = page.js("return nodes.getIds().sort(function (a, b) {"
                   " return E[kgIndex.get(a)][5] - E[kgIndex.get(b)][5]; }).slice(0, 10)")
    assert len(labelled & set(best)) >= 7
    # long labels are shortened on the canvas, whole in the panel
    long = page.js("return E.filter(function (e, i) { return kgView.entities.has(i)"
                   " && e[1].length > kgMeta.max_label; }).map(function (e) { return e[0]; })")
    if long:
        node = node_id(long[0])
        assert page.js("return nodes.get(arguments[0]).label", node).endswith("…")
        page.js("kgShowNode(arguments[0])", node)
        assert len(page.js("return document.getElementById('kg-details-title').textContent")) \
            > page.js("return kgMeta.max_label")
    _assert_clean(page)


def test_choosing_a_predicate_shows_only_its_facts_and_their_entities(page, corpus_graph):
    counts: dict[str, int] = {}
    for *_e, d in corpus_graph.edges(data=True):
        counts[d["predicate"]] = counts.get(d["predicate"], 0) + 1
    # a predicate with a handful of facts, most of them outside the first view
    first = _drawn_ids(page)
    predicate = sorted((p for p, n in counts.items() if 5 <= n <= 20),
                       key=lambda p: (-counts[p], p))[0]
    every = [e for e in corpus_graph.edges(keys=True)
             if corpus_graph.edges[e]["predicate"] == predicate]
    facts = [e[:2] for e in every if fact_voice(corpus_graph, *e).kind not in HIDDEN_VOICES]
    _choose_filter(page, predicate[:4], f"{predicate}{counts[predicate]} facts")
    assert len(_predicate_edges(page)) == len(facts)  # those of hidden voices left out
    assert {e[2] for e in _predicate_edges(page)} == {predicate}
    ends = {node_id(k) for pair in facts for k in pair}
    assert _drawn_ids(page) == ends  # only its facts' entities, every one of them
    _says_and_shows_hidden_voices(page, corpus_graph, every)
    assert not ends <= first  # it found facts the first view did not show
    # laid out again: the whole filtered view is on screen
    inside = page.js(
        """var w = network.canvas.frame.canvas.clientWidth, h = network.canvas.frame.canvas.clientHeight;
           var at = network.getPositions();
           return Object.keys(at).every(function (id) { var p = network.canvasToDOM(at[id]);
               return p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h; });""")
    assert inside
    summary = page.js("return document.getElementById('kg-summary').textContent")
    assert f"{len(facts)} facts with “{predicate}”" in summary
    page.driver.find_element("id", "kg-filter-clear").click()
    _wait_laid_out(page)
    assert _drawn_ids(page) == first
    _assert_clean(page)


def _predicate_edges(page) -> list[list[str]]:
    """Each drawn edge as [from, to, predicate name]."""
    return page.js("return edges.get().map(function (e) {"
                   " return [e.from, e.to, kgMeta.predicates[F[Number(e.id.slice(1))][2]].name]; })")


def _says_and_shows_hidden_voices(page, graph, every) -> None:
    """The header counts the facts of ``every`` (all drawn but those of hidden voices) that each
    hidden voice keeps out; its Show buttons draw them all; hiding the voices undoes it."""
    kinds = Counter(fact_voice(graph, *e).kind for e in every)
    before = _drawn_ids(page)
    more = page.js("return document.getElementById('kg-summary-more').textContent")
    for kind in sorted(HIDDEN_VOICES):
        if kinds[kind]:
            words = kind.replace("_", " ")
            said = f"{kinds[kind]} {words} fact{'' if kinds[kind] == 1 else 's'} hidden"
            assert said in more, more
            page.driver.find_element("id", f"kg-show-{kind}").click()
            _wait_laid_out(page)
    assert len(_predicate_edges(page)) == len(every)
    assert _drawn_ids(page) == {node_id(k) for e in every for k in e[:2]}
    for kind in sorted(HIDDEN_VOICES):  # hidden again, as the legend's box would
        if kinds[kind]:
            page.js("kgShowVoice(V.indexOf(arguments[0]), false)", kind)
            _wait_laid_out(page)
    assert _drawn_ids(page) == before


def test_predicate_list_is_ordered_by_count_and_searchable(page, corpus_graph):
    from selenium.webdriver.common.by import By

    box = page.driver.find_element(By.ID, "kg-filter")
    box.click()
    names = page.js("return Array.from(document.querySelectorAll('#kg-filter-list button'))"
                    ".map(function (b) { return b.firstChild.textContent; })")
    counts = page.js("return kgMeta.predicates.map(function (p) { return p.count; })")
    assert counts == sorted(counts, reverse=True) and names[0] == page.js(
        "return kgMeta.predicates[0].name")
    box.send_keys("type: PERS")
    names = page.js("return Array.from(document.querySelectorAll('#kg-filter-list button'))"
                    ".map(function (b) { return b.firstChild.textContent; })")
    assert names == ["type: PERSON"]
    page.driver.find_elements(By.CSS_SELECTOR, "#kg-filter-list button")[0].click()
    _wait_laid_out(page)
    persons = page.js("return edges.get().every(function (e) { var f = F[Number(e.id.slice(1))];"
                      " return kgTypeName(f[0]) === 'PERSON' || kgTypeName(f[1]) === 'PERSON'; })")
    assert persons and page.js("return edges.length") > 0
    assert page.js("return nodes.length") <= page.js("return kgMeta.cap")
    _assert_clean(page)


def test_node_panel_tells_the_story(page, corpus_graph):
    # the best-ranked drawn person with facts in and out
    key = page.js("""return nodes.getIds().map(function (id) { return kgIndex.get(id); })
        .filter(function (i) { return kgTypeName(i) === 'PERSON' && E[i][3] > 0; })
        .sort(function (a, b) { return E[a][5] - E[b][5]; }).map(function (i) { return E[i][0]; })[0]""")
    page.js("network.selectNodes([arguments[0]]); kgShowNode(arguments[0]);", node_id(key))
    facts = list(corpus_graph.out_edges(key, keys=True, data=True)) + [
        e for e in corpus_graph.in_edges(key, keys=True, data=True) if e[0] != e[1]]
    items = page.js("return Array.from(document.querySelectorAll('#kg-details-more li.kg-fact'))"
                    ".map(function (li) { return li.innerText; })")
    assert len(items) == len(facts)
    groups = page.js("return Array.from(document.querySelectorAll('#kg-details-more h4'))"
                     ".map(function (h) { return h.textContent; })")
    predicates = {d["predicate"] for *_e, d in facts}
    assert {g.rsplit(" (", 1)[0] for g in groups} == predicates
    text = " ".join(" ".join(i.split()) for i in items)
    for *_e, d in facts:  # each fact with its sentence and its document
        p = d["provenance"][0]
        assert " ".join(p.sentence.split())[:60] in text and p.document in text
    assert page.js("return document.getElementById('kg-details-title').textContent") == \
        corpus_graph.nodes[key]["label"]
    _no_markup_from_text(page)
    _assert_clean(page)


def test_revealing_neighbours_the_cap_left_out(page, corpus_graph):
    from selenium.webdriver.common.by import By

    drawn = _drawn_ids(page)
    node = page.js("return nodes.getIds().filter(function (id) {"
                   " return kgHiddenNeighbours(kgIndex.get(id)).length > 0; })[0]")
    assert node, "no drawn entity has a hidden neighbour"
    key = node.removeprefix("k:")
    # neighbours through a fact the page shows: one only a hidden voice reaches stays hidden
    shown = [e for e in corpus_graph.out_edges(key, keys=True)] + [
        e for e in corpus_graph.in_edges(key, keys=True)]
    neighbours = {node_id(b if a == key else a) for a, b, k in shown
                  if fact_voice(corpus_graph, a, b, k).kind not in HIDDEN_VOICES}
    page.js("network.selectNodes([arguments[0]]); kgShowNode(arguments[0]);", node)
    page.driver.find_element(By.ID, "kg-reveal").click()
    _wait_laid_out(page)
    added = _drawn_ids(page) - drawn
    assert added and added <= neighbours
    assert neighbours <= _drawn_ids(page) or len(added) == 30
    # the new entities come with their facts to what was drawn
    linked = page.js("var id = arguments[0]; return edges.get().filter(function (e) {"
                     " return e.from === id || e.to === id; }).length", node)
    assert linked >= len(added)
    assert node in page.js("return network.getSelectedNodes()")
    _assert_clean(page)


def test_notebook_view_honours_the_cap(wide, corpus_graph, open_page, tmp_path):
    wrapper = tmp_path / "notebook.html"
    wrapper.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>nb</title></head><body>"
        + HtmlView(corpus_graph, title="In a notebook", height=800)._repr_html_()
        + "<script>window.kgReady = true;</script></body></html>",
        encoding="utf-8",
    )
    page = open_page(wrapper)
    page.driver.switch_to.frame(page.driver.find_element("tag name", "iframe"))
    try:
        deadline = time.monotonic() + 60
        while not page.driver.execute_script("return window.kgReady === true"):
            assert time.monotonic() < deadline, "the inline view never drew"
            time.sleep(0.05)
        assert page.driver.execute_script("return network.body.data.nodes.length") \
            == DEFAULT_MAX_NODES
    finally:
        page.driver.switch_to.default_content()
    _assert_clean(page)
