"""The page shows each fact's voice, on a graph the real extractor built from real sentences.

seeds/001_riverton_council.txt has a claim ("Prosecutors accused Hayes of accepting gifts"), a
denial, a negation, a condition, modal and stated facts (checked with ``kg extract``; the
voices themselves are tested in tests/kg/test_voice.py). Here the page must draw and describe
each as such, count them in its legend, hide low-confidence facts until asked, and keep every
label inside the canvas.
"""

from __future__ import annotations

import time

import pytest

from export.html import write_html
from kg.build import build_graph
from tests.browser.test_html_browser import _assert_clean, _wait_laid_out
from tests.data import SEEDS, stricter_threshold

pytestmark = [pytest.mark.browser, pytest.mark.integration]

STORY = SEEDS / "001_riverton_council.txt"

#: (subject, predicate, object) -> (voice, words in the tooltip, how the edge is drawn)
EXPECTED = {
    ("Linda Hayes", "accept", "gifts"):
        ("claimed", "claimed by Prosecutors (accuse)", {"dashes": [2, 4], "color": "#7b3fa0"}),
    ("Delmar Construction", "pay", "lawyers"):
        ("denied", "denied by Linda Hayes (deny)", {"dashes": [2, 4], "color": "#d62728"}),
    ("Delmar Construction", "not win", "harbour contract"):
        ("negated", "negated", {"dashes": [6, 4], "color": "#d62728"}),
    ("court", "convict (if)", "Linda Hayes"):
        ("conditional", "conditional", {"dashes": [10, 3, 2, 3], "color": "#c76b00"}),
    ("Linda Hayes", "resign from", "Riverton city council"):
        ("stated", "stated", {"dashes": None, "color": None}),
}

_EDGES = """
return edges.get().map(function (e) {
  return {from: E[kgIndex.get(e.from)][1], to: E[kgIndex.get(e.to)][1], label: e.label,
          voice: e.voice, title: e.title, dashes: e.dashes || null,
          color: e.color ? e.color.color : null};
});
"""


@pytest.fixture(scope="module")
def story_page(nlp, tmp_path_factory):
    graph, report = build_graph([STORY], nlp=nlp)
    assert report.ok
    path = tmp_path_factory.mktemp("voice") / "graph.html"
    write_html(graph, path, title="Riverton")
    return path


def _edges(page) -> dict[tuple[str, str, str], dict]:
    return {(e["from"], e["label"], e["to"]): e for e in page.js(_EDGES)}


def test_each_voice_is_drawn_and_described_as_such(story_page, open_page):
    page = open_page(story_page)
    edges = _edges(page)
    for fact, (voice, words, style) in EXPECTED.items():
        edge = edges[fact]
        assert edge["voice"] == voice, fact
        assert f"voice: {words}" in edge["title"], edge["title"]
        assert edge["dashes"] == style["dashes"] and edge["color"] == style["color"], (fact, edge)
    _assert_clean(page)


def test_the_panel_groups_an_entitys_facts_by_voice(story_page, open_page):
    page = open_page(story_page)
    page.js('kgGoTo(kgIndex.get("k:linda hayes"));')
    groups = page.js("""
        var found = {};
        document.querySelectorAll('#kg-details-more div[data-voice]').forEach(function (list) {
          found[list.dataset.voice] = list.innerText;
        });
        return found;""")
    assert set(groups) == {"stated", "claimed", "conditional"}
    assert "accept gifts" in groups["claimed"]
    assert "claimed by Prosecutors (accuse)" in groups["claimed"]
    assert "resign from Riverton city council" in groups["stated"]
    assert "convict (if)" in groups["conditional"]
    headings = page.js("return Array.from(document.querySelectorAll('#kg-details-more h3'))"
                       ".map(function (h) { return h.textContent; });")
    assert headings[-3:] == ["Stated (2)", "Claimed (2)", "Conditional (1)"]
    _assert_clean(page)


def test_the_legend_counts_each_voice_and_shows_stated_only(story_page, open_page):
    page = open_page(story_page)
    counts = page.js("var c = {}; kgMeta.voices.forEach(function (v) { c[v.name] = v.count; });"
                     "return c;")
    legend = page.js("return document.getElementById('kg-edge-legend').innerText")
    for name, count in counts.items():
        shown = name.replace("_", " ") + f" ({count})"
        assert (shown in legend) == (count > 0), (shown, legend)
    assert counts["claimed"] == 3 and counts["denied"] == 1 and counts["negated"] == 1
    page.js("document.getElementById('kg-stated-only').click();")
    _wait_laid_out(page)
    voices = {e["voice"] for e in page.js(_EDGES)}
    assert voices == {"stated"}
    more = page.js("return document.getElementById('kg-summary-more').innerText")
    assert "3 claimed facts hidden" in more and "1 denied fact hidden" in more
    page.js("document.getElementById('kg-stated-only').click();")
    _wait_laid_out(page)
    assert {e["voice"] for e in page.js(_EDGES)} == {name for name, n in counts.items() if n}
    _assert_clean(page)


def test_low_confidence_facts_are_hidden_until_the_reader_asks(nlp, tmp_path, open_page):
    threshold = stricter_threshold(build_graph([STORY], nlp=nlp)[0])
    graph, _report = build_graph([STORY], nlp=nlp, min_confidence=threshold)
    path = tmp_path / "graph.html"
    write_html(graph, path)
    page = open_page(path)
    low = page.js("return kgMeta.voices.filter(function (v) { return v.name === "
                  "'low_confidence'; })[0].count")
    assert low > 0
    assert "low_confidence" not in {e["voice"] for e in page.js(_EDGES)}
    more = page.js("return document.getElementById('kg-summary-more').innerText")
    assert f"low confidence fact{'s' if low > 1 else ''} hidden" in more
    page.js("document.getElementById('kg-show-low_confidence').click();")
    _wait_laid_out(page)
    drawn = [e for e in page.js(_EDGES) if e["voice"] == "low_confidence"]
    assert drawn and all(e["dashes"] == [3, 3] for e in drawn)
    assert page.js("return document.querySelector("
                   "'#kg-edge-legend input[data-voice=low_confidence]').checked") is True
    _assert_clean(page)


def test_the_header_tells_what_is_drawn_and_labels_stay_inside_the_canvas(story_page, open_page):
    page = open_page(story_page)
    summary = page.js("return document.getElementById('kg-summary').innerText")
    more = page.js("return document.getElementById('kg-summary-more').innerText")
    drawn = page.js("return [nodes.length, edges.length]")
    total = page.js("return kgMeta.total")
    assert drawn == total[:2]  # everything fits: nothing said to be hidden
    assert "left out" not in summary and "hidden" not in more and "fragments" not in more
    time.sleep(0.3)
    boxes = page.js("""
        var c = network.canvas.frame.canvas;
        return [kgLabelBoxes.map(function (l) { return l.box; }), c.clientWidth, c.clientHeight];""")
    labels, width, height = boxes
    assert labels and all(b[0] >= 0 and b[1] >= 0 and b[2] <= width and b[3] <= height
                          for b in labels)
    _assert_clean(page)


def test_statistics_labels_stay_in_the_strip_and_apart(story_page, open_page):
    page = open_page(story_page)
    found = page.js("""
        var strip = document.getElementById('kg-stats').getBoundingClientRect();
        function boxes(id) {
          return Array.from(document.querySelectorAll('#' + id + ' text')).map(function (t) {
            var r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; });
        }
        return [[strip.left, strip.top, strip.right, strip.bottom], boxes('kg-chart-top'),
                boxes('kg-chart-predicates'), boxes('kg-chart-degrees')];""")
    strip, *charts = found
    for chart in charts:
        assert chart and all(b[0] >= strip[0] and b[2] <= strip[2] for b in chart), chart
    # bucket names are slanted 45 degrees: neighbours x apart are x / sqrt(2) apart across
    # the text, which must exceed the text's height
    names = page.js("""
        return Array.from(document.querySelectorAll('#kg-chart-degrees text[transform]'))
          .map(function (t) { return [Number(t.getAttribute('x')), t.getBBox().height]; });""")
    assert len(names) == 9
    assert all((b[0] - a[0]) / 2 ** 0.5 > max(a[1], b[1]) for a, b in zip(names, names[1:]))
