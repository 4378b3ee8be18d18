"""The HTML page as text: self-contained, escaped, deterministic, written atomically."""

from __future__ import annotations

import contextlib
import json
import os
import re
from html.parser import HTMLParser

import pytest

import export.html.data as html_data
from benchmarks.html_bench import synthetic_graph
from export.html import (
    DEFAULT_MAX_NODES,
    FRAGMENT_SIZE,
    PHYSICS_LIMIT,
    HtmlView,
    node_id,
    page_data,
    render_html,
    script_safe_json,
    to_pyvis,
    write_html,
)
from export.html.text import CONDITIONAL, NEGATED
from kg.model import Document, KnowledgeGraph, Provenance
from kg.voice import VOICES

from tests.export.conftest import build_sample

PAYLOAD_IMG = '<img src=x onerror="window.__pwned=1">'
PAYLOAD_SCRIPT = "</script><script>window.__pwned=2</script>"
PAYLOAD_LINK = '<a href="javascript:window.__pwned=3">click</a>'
PAYLOAD_COMMENT = "<!-- <script>window.__pwned=4</script>"


class _Page(HTMLParser):
    """Collects tags, attributes, script bodies and visible text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: list[str] = []
        self._in_script: dict[str, str | None] | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self._buffer = []

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._buffer)))
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            self._buffer.append(data)
        else:
            self.text.append(data)


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def json_block(page: str, element_id: str):
    for attrs, body in parse(page).scripts:
        if attrs.get("id") == element_id:
            return json.loads(body)
    raise AssertionError(f"no <script id={element_id}>")


def _provenance(document: str, sentence: str, **voice) -> Provenance:
    return Provenance(document, sentence, 0, len(sentence), "a", 0, 1, "b", 1, 2, 0.9, "svo",
                      **voice)


def hostile_graph() -> KnowledgeGraph:
    """Entity names, aliases, sentences and document ids full of markup and script."""
    graph = KnowledgeGraph()
    doc = f'evil{PAYLOAD_IMG}.txt'
    graph.documents[doc] = Document(doc, doc, "c" * 64)
    graph.add_node("img", label=PAYLOAD_IMG, aliases=[PAYLOAD_SCRIPT], type="ORG", mentions=2,
                   alias_rules={PAYLOAD_SCRIPT: [PAYLOAD_IMG]}, honorifics=[PAYLOAD_LINK],
                   scope=doc)
    graph.add_node("quote", label='Say "hi" & \u2028 bye', aliases=[], type=None, mentions=1)
    graph.add_node("link", label=PAYLOAD_LINK, aliases=["javascript:alert(1)"], type="PERSON",
                   mentions=1)
    for u, v, predicate, sentence in (
        ("img", "quote", "href", PAYLOAD_LINK),
        ("quote", "link", "<b>say</b>", PAYLOAD_SCRIPT + " " + PAYLOAD_COMMENT),
        ("link", "img", "mention", PAYLOAD_IMG + " \u2029 & done"),
    ):
        graph.add_edge(u, v, key=predicate, predicate=predicate, negated=False, count=1,
                       confidence=0.5, provenance=[_provenance(doc, sentence)])
    # a claim, attributed to a speaker whose name is markup too, by a verb that is markup
    claim = graph.edges["quote", "link", "<b>say</b>"]
    claim["provenance"] = [_provenance(doc, PAYLOAD_SCRIPT + " " + PAYLOAD_COMMENT,
                                       attributed_to="img", reported_by=PAYLOAD_IMG)]
    return graph


def test_render_html_is_self_contained(sample_graph):
    page = render_html(sample_graph)
    parsed = parse(page)
    for tag, attrs in parsed.tags:
        for name in ("src", "href", "action", "data", "poster", "srcset"):
            value = attrs.get(name)
            assert value is None or value.startswith("data:"), (tag, name, value)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page and "bootstrap" not in page
    assert "@import" not in page
    # vis-network is inlined, with its licence header kept
    assert "vis-network" in page and "@license" in page and "new vis.Network" in page
    csp = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv")]
    assert csp and "default-src 'none'" in csp[0]["content"]


def test_render_html_keeps_pyvis_globals(sample_graph):
    page = render_html(sample_graph)
    assert "var network;" in page and "function drawGraph()" in page


def test_to_pyvis_one_edge_per_fact(sample_graph):
    net = to_pyvis(sample_graph)
    assert net.directed
    assert len(net.nodes) == sample_graph.number_of_nodes()
    assert len(net.edges) == sample_graph.number_of_edges()
    assert len({e["id"] for e in net.edges}) == len(net.edges)


def test_to_pyvis_labels_negated_facts_apart():
    graph = KnowledgeGraph()
    for key in ("a", "b"):
        graph.add_node(key, label=key.upper(), aliases=[], type=None, mentions=1)
    for predicate, negated in (("rival", False), ("rival", True), ("beat", False)):
        key = f"not {predicate}" if negated else predicate
        graph.add_edge("a", "b", key=key, predicate=predicate, negated=negated, count=1,
                       provenance=[])
    graph.add_edge("b", "a", key="fear", predicate="fear", negated=False, count=1, provenance=[])
    net = to_pyvis(graph)
    assert len(net.edges) == 4
    assert sorted(e["label"] for e in net.edges) == ["beat", "fear", "not rival", "rival"]
    facts = page_data(graph)["facts"]
    assert sorted(f[5] & NEGATED for f in facts) == [0, 0, 0, NEGATED]
    assert sorted(VOICES[f[7]] for f in facts) == ["negated", "stated", "stated", "stated"]


def test_to_pyvis_never_uses_dynamic_smoothing(sample_graph):
    net = to_pyvis(sample_graph)
    assert net.options["edges"]["smooth"]["type"] == "continuous"
    assert net.options["physics"]["enabled"] is True
    assert "dynamic" not in json.dumps(net.options) + json.dumps(net.edges)


def test_to_pyvis_colours_by_type(sample_graph):
    net = to_pyvis(sample_graph)
    by_id = {n["id"]: n for n in net.nodes}

    def colour(key):
        return net.options["groups"][by_id[node_id(key)]["group"]]["color"]["background"]

    assert colour("xu liang") == colour("sam altman") == "#4e79a7"
    assert colour("xu liang") != colour("kuaishou")
    meta = json_block(render_html(sample_graph), "kg-meta")
    assert {t["name"] for t in meta["types"]} >= {"PERSON", "ORG", "GPE", "(no type)"}


def test_page_data_keeps_sentences_documents_and_degrees(sample_graph):
    data = page_data(sample_graph)
    entities = {e[0]: e for e in data["entities"]}
    assert entities["xu liang"][3:5] == [sample_graph.out_degree("xu liang"),
                                         sample_graph.in_degree("xu liang")]
    found = [f for f in data["facts"] if data["predicates"][f[2]]["name"] == "found"][0]
    assert found[3] == 3 and found[10] == 3  # count, mentions
    sentences = [data["sentences"][s[0]] for s in found[6]]
    documents = {data["documents"][s[1]] for s in found[6]}
    assert "Xu Liang, a seasoned AI entrepreneur, founded Kuaishou in Beijing." in sentences
    assert documents == {"news/seed.txt", "news/other.txt"}
    rival = [f for f in data["facts"] if data["predicates"][f[2]]["name"] == "rival"
             and not f[5] & NEGATED][0]
    # each sentence keeps its voice, in words
    assert [data["notes"][s[2]] for s in rival[6]] == ["modal (could)"]


def test_render_html_summary_line(sample_graph):
    text = " ".join(parse(render_html(sample_graph)).text)
    n, m = sample_graph.number_of_nodes(), sample_graph.number_of_edges()
    assert f"{n} entities · {m} facts · 2 documents" in text
    assert "left out" not in text


def test_render_html_max_nodes_keeps_most_central(sample_graph):
    page = render_html(sample_graph, max_nodes=3)
    nodes = json_block(page, "kg-nodes")
    assert len(nodes) == 3
    ids = {n["id"] for n in nodes}
    assert "k:kuaishou" in ids  # the hub every fact points at
    edges = json_block(page, "kg-edges")
    assert all(e["from"] in ids and e["to"] in ids for e in edges)
    left = sample_graph.number_of_nodes() - 3
    assert f"{left} entities and" in " ".join(parse(page).text)


@pytest.mark.parametrize("bad", [0, -1])
def test_to_pyvis_rejects_bad_max_nodes(sample_graph, bad):
    with pytest.raises(ValueError, match=str(bad)):
        to_pyvis(sample_graph, max_nodes=bad)


def test_render_html_max_facts_keeps_the_best_supported(sample_graph):
    """Capped facts: the highest counts survive, in the page's usual order, and it says so."""
    limit = 2
    page = render_html(sample_graph, max_facts=limit)
    edges = json_block(page, "kg-edges")
    assert len(edges) == limit
    counts = sorted((data["count"] for *_e, data in sample_graph.edges(keys=True, data=True)),
                    reverse=True)
    facts = json_block(page, "kg-meta")["facts"]
    drawn = sorted((facts[int(e["id"][1:])][3] for e in edges), reverse=True)
    assert drawn == counts[:limit]
    left = sample_graph.number_of_edges() - limit
    text = " ".join(parse(page).text)
    assert f"showing the {limit} best-supported facts; 0 entities and {left} facts left out" in text
    both = " ".join(parse(render_html(sample_graph, max_nodes=10, max_facts=1)).text)
    assert ("showing the 10 most central entities (PageRank) and their 1 best-supported facts; "
            "1 entity and 8 facts left out") in both
    assert render_html(sample_graph, max_facts=limit) == page  # deterministic
    whole = render_html(sample_graph, max_facts=sample_graph.number_of_edges())
    assert "left out" not in " ".join(parse(whole).text)


@pytest.mark.parametrize("bad", [0, -3])
def test_to_pyvis_rejects_bad_max_facts(sample_graph, bad):
    with pytest.raises(ValueError, match="max_facts"):
        to_pyvis(sample_graph, max_facts=bad)


def test_to_pyvis_rejects_non_int_max_nodes(sample_graph):
    with pytest.raises(TypeError, match="2.5"):
        to_pyvis(sample_graph, max_nodes=2.5)


def test_render_html_escapes_document_text():
    graph = hostile_graph()
    page = render_html(graph, title=PAYLOAD_SCRIPT + PAYLOAD_IMG)
    # Outside the JSON data blocks, no payload appears as markup
    for payload in (PAYLOAD_IMG, PAYLOAD_SCRIPT, PAYLOAD_LINK, "<b>say</b>", "<!--"):
        assert payload not in page
    assert "\u2028" not in page and "\u2029" not in page
    parsed = parse(page)
    assert not [a for t, a in parsed.tags if t == "img"]
    assert not [a for t, a in parsed.tags if t == "a"]
    assert all(not any(k.startswith("on") for k in a) for _t, a in parsed.tags)
    # the title shows as text, the script blocks are exactly ours
    assert "".join(parsed.text).count(PAYLOAD_SCRIPT + PAYLOAD_IMG) == 2  # <title> and <h1>
    ids = [a.get("id") for a, _body in parsed.scripts]
    assert ids == [None, "kg-meta", "kg-nodes", "kg-edges", "kg-options", None]
    # and the data round-trips exactly
    nodes = {n["id"]: n for n in json_block(page, "kg-nodes")}
    assert nodes["k:img"]["label"] == PAYLOAD_IMG[:31] + "…"  # drawn: shortened (MAX_LABEL)
    assert nodes["k:quote"]["label"] == 'Say "hi" & bye'  # drawn: whitespace collapsed
    meta = json_block(page, "kg-meta")
    names = {entry[0]: [entry[1]] + entry[6] for entry in meta["entities"]}
    assert names["quote"] == ['Say "hi" & \u2028 bye']  # searched and shown: exact
    assert names["img"] == [PAYLOAD_IMG, PAYLOAD_SCRIPT]
    assert any(PAYLOAD_SCRIPT in sentence for sentence in meta["sentences"])
    assert {p["name"] for p in meta["predicates"]} == {"href", "<b>say</b>", "mention"}
    assert meta["entities"][0][7]["alias_rules"] == {PAYLOAD_SCRIPT: [PAYLOAD_IMG]}


def test_render_html_never_uses_pyvis_link_popups():
    page = render_html(hostile_graph())
    assert "innerHTML" not in page.split("</head>")[1]
    assert "div.popup" not in page


def test_script_safe_json_round_trips():
    value = {"s": "</script><!-- & \u2028\u2029 \"'", "n": [1, 2.5, None, True]}
    text = script_safe_json(value)
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == value


def test_write_html_is_deterministic(tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    write_html(build_sample(), first)
    write_html(build_sample(), second)
    assert first.read_bytes() == second.read_bytes()


def test_write_html_deterministic_for_large_layout(tmp_path):
    graph = KnowledgeGraph()
    n = PHYSICS_LIMIT + 50
    for i in range(n):
        graph.add_node(f"n{i}", label=f"N{i}", aliases=[], type=None, mentions=1)
    for i in range(1, n):
        graph.add_edge(f"n{i}", f"n{(i * 7) % i}", key="link", predicate="link",
                       negated=False, count=1, provenance=[])
    write_html(graph, tmp_path / "a.html", max_nodes=None)
    write_html(graph, tmp_path / "b.html", max_nodes=None)
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    nodes = json_block((tmp_path / "a.html").read_text(), "kg-nodes")
    assert all("x" in node and "y" in node for node in nodes)
    options = json_block((tmp_path / "a.html").read_text(), "kg-options")
    assert options["physics"]["enabled"] is False
    assert options["edges"]["smooth"] == {"enabled": False}
    assert "dynamic" not in json.dumps(json_block((tmp_path / "a.html").read_text(), "kg-edges"))


def test_write_html_creates_only_the_file(tmp_path, monkeypatch, sample_graph):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out" / "graph.html"
    write_html(sample_graph, out)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "out",
        "out/graph.html",
    ]


def test_pyvis_write_html_makes_no_lib_folder(tmp_path, monkeypatch, sample_graph):
    monkeypatch.chdir(tmp_path)
    to_pyvis(sample_graph).write_html("graph.html")
    assert os.listdir(tmp_path) == ["graph.html"]
    assert "cdnjs" not in (tmp_path / "graph.html").read_text()


def test_pyvis_notebook_path_uses_kg_template(tmp_path, monkeypatch, sample_graph):
    monkeypatch.chdir(tmp_path)
    net = to_pyvis(sample_graph)
    net.write_html("nb.html", notebook=True)  # what pyvis's show() does
    assert os.listdir(tmp_path) == ["nb.html"]
    assert (tmp_path / "nb.html").read_text() == render_html(sample_graph)


def test_write_html_is_atomic(tmp_path, monkeypatch, sample_graph):
    out = tmp_path / "graph.html"
    out.write_text("previous")

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    import export.html.write as module

    monkeypatch.setattr(module, "render_html", boom)
    with pytest.raises(RuntimeError):
        write_html(sample_graph, out)
    assert out.read_text() == "previous"

    real = module.atomic_open

    @contextlib.contextmanager
    def killed_midway(path, mode="w"):
        with real(path, mode) as handle:
            handle.write("<html>half")
            raise RuntimeError("killed")
        yield handle  # pragma: no cover

    monkeypatch.undo()
    monkeypatch.setattr(module, "atomic_open", killed_midway)
    with pytest.raises(RuntimeError):
        write_html(sample_graph, out)
    assert out.read_text() == "previous"
    assert os.listdir(tmp_path) == ["graph.html"]


def test_html_view_uses_sandboxed_srcdoc(sample_graph):
    markup = HtmlView(hostile_graph(), title=PAYLOAD_IMG)._repr_html_()
    parsed = parse(markup)
    assert [t for t, _a in parsed.tags] == ["iframe"]
    attrs = parsed.tags[0][1]
    assert attrs["sandbox"] == "allow-scripts"
    assert attrs["srcdoc"].startswith("<!DOCTYPE html>")
    assert attrs["title"] == PAYLOAD_IMG


def test_render_html_empty_graph():
    page = render_html(KnowledgeGraph())
    assert json_block(page, "kg-nodes") == []
    assert "0 entities · 0 facts · 0 documents" in page


def test_render_html_same_after_rdf_round_trip(tmp_path, sample_graph):
    """`kg html graph.ttl` draws the page `kg build` drew: same bytes."""
    from export.rdf import read_rdf, write_rdf

    write_rdf(sample_graph, tmp_path / "graph.ttl")
    assert render_html(read_rdf(tmp_path / "graph.ttl")) == render_html(sample_graph)


def test_render_html_independent_of_insertion_order(sample_graph):
    shuffled = KnowledgeGraph()
    shuffled.graph.update(sample_graph.graph)
    shuffled.add_nodes_from(reversed(list(sample_graph.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(sample_graph.edges(keys=True, data=True))))
    assert render_html(shuffled) == render_html(sample_graph)


# ----------------------------------------------------------------------------- the first view


def _components_of(keys, graph):
    import networkx as nx

    return list(nx.weakly_connected_components(graph.subgraph(keys)))


def test_first_view_is_the_default_connected_central_part():
    graph = synthetic_graph(1000)
    data = page_data(graph)
    view = [data["entities"][i][0] for i in data["view"]]
    assert len(view) == DEFAULT_MAX_NODES
    assert len(_components_of(view, graph)) == 1  # one connected picture
    ranks = {e[0]: e[5] for e in data["entities"]}
    best = min(ranks, key=ranks.get)
    assert best in view and ranks[best] == 0
    # grown by PageRank: the view holds most of the global top of the ranking
    top = [e[0] for e in sorted(data["entities"], key=lambda e: e[5])[:DEFAULT_MAX_NODES // 2]]
    assert len(set(top) & set(view)) >= 0.8 * len(top)
    assert data["cap"] == DEFAULT_MAX_NODES


def _with_fragments(pairs: int) -> KnowledgeGraph:
    graph = synthetic_graph(DEFAULT_MAX_NODES + 50)
    for i in range(pairs):
        a, b = f"pair {i} a", f"pair {i} b"
        for key in (a, b):
            graph.add_node(key, label=key.title(), aliases=[], type=None, mentions=1)
        graph.add_edge(a, b, key="meet", predicate="meet", negated=False, count=5,
                       confidence=0.99, provenance=[_provenance("d.txt", f"{a} met {b}.")])
    return graph


def test_fragments_are_left_out_but_kept_for_one_click():
    graph = _with_fragments(40)
    data = page_data(graph)
    keys = [e[0] for e in data["entities"]]
    view = {keys[i] for i in data["view"]}
    fragments = {keys[i] for i in data["fragments"]}
    assert not any(k.startswith("pair ") for k in view)  # even with the highest counts
    assert fragments == {k for k in graph if k.startswith("pair ")}
    assert data["fragment_total"] == 80 and FRAGMENT_SIZE >= 2
    for i in data["fragments"]:
        assert data["positions"][i] is not None
    below = max(data["positions"][i][1] for i in data["view"])
    assert min(data["positions"][i][1] for i in data["fragments"]) > below


def _lower_confidence(graph: KnowledgeGraph, every: int) -> set[tuple[str, str, str]]:
    """Put every ``every``-th fact (in key order) below the default threshold; return those
    that became low-confidence (a negated fact stays negated)."""
    from dataclasses import replace

    from kg.voice import LOW_CONFIDENCE, fact_voice

    facts = sorted(graph.edges(keys=True))[::every]
    for fact in facts:
        data = graph.edges[fact]
        data["provenance"] = [replace(p, confidence=0.3) for p in data["provenance"]]
        data["confidence"] = 0.3
    return {fact for fact in facts if fact_voice(graph, *fact).kind == LOW_CONFIDENCE}


def test_first_view_draws_the_cap_of_entities_the_facts_it_shows_reach():
    """Low-confidence facts are hidden until asked for: the cap counts entities a fact the page
    shows reaches, grown through those facts; the entities only hidden facts reach come
    with the view when shown (joined to it by them), and the header line counts what is
    drawn."""
    import networkx as nx

    graph = synthetic_graph(DEFAULT_MAX_NODES * 3)
    low = _lower_confidence(graph, 3)
    data = page_data(graph)
    keys = [e[0] for e in data["entities"]]
    view = {keys[i] for i in data["view"]}
    shown = [e for e in graph.edges(keys=True) if e not in low]
    behind = {k for e in low for k in e[:2]} - {k for e in shown for k in e[:2]}
    assert len(view) == DEFAULT_MAX_NODES and data["capped"] and not view & behind
    drawn = nx.Graph((u, v) for u, v, _k in shown if u in view and v in view)
    assert set(drawn) == view and nx.is_connected(drawn)  # one picture through drawn facts
    hidden = {keys[i] for i in data["view_hidden"]}
    assert hidden and hidden <= behind
    joined = nx.Graph((u, v) for u, v, _k in low if {u, v} <= view | hidden)
    for key in hidden:  # each reached from the view through low-confidence facts
        assert any(nx.has_path(joined, key, other) for other in view if other in joined)
    facts = [(keys[f[0]], keys[f[1]]) for f in data["facts"]]
    among = [f for f in data["view_facts"] if set(facts[f]) <= view | hidden]
    assert len(among) == len(data["view_facts"]) == data["facts_between"]
    assert all(data["positions"][keys.index(k)] is None for k in hidden)
    text = " ".join(parse(render_html(graph)).text)
    assert f"showing the {DEFAULT_MAX_NODES} most central entities (PageRank)" in text
    nodes = json_block(render_html(graph), "kg-nodes")
    assert {n["id"] for n in nodes} == {node_id(k) for k in view}


@pytest.mark.parametrize("max_nodes", [DEFAULT_MAX_NODES, None])
def test_fact_cap_leaves_no_hidden_voice_entity_without_a_fact(max_nodes):
    """When ``max_facts`` keeps the facts drawn at once before those of hidden voices, an
    entity only the latter reach comes with the view only with one of them: none would be
    drawn alone, and the page is written (it was not: such an entity had no position)."""
    graph = synthetic_graph(DEFAULT_MAX_NODES * 3)
    _lower_confidence(graph, 3)
    everything = page_data(graph, max_nodes=max_nodes)
    shown = len(everything["view_facts"]) - sum(
        everything["facts"][f][7] in everything["hidden_voices"] for f in everything["view_facts"])
    data = page_data(graph, max_nodes=max_nodes, max_facts=shown + 3)
    assert everything["view_hidden"] and len(data["view_facts"]) == shown + 3
    reached = {i for f in data["view_facts"] for i in data["facts"][f][:2]}
    assert data["view_hidden"] and set(data["view_hidden"]) <= reached
    assert len(data["view_hidden"]) < len(everything["view_hidden"])
    nodes = json_block(render_html(graph, max_nodes=max_nodes, max_facts=shown + 3), "kg-nodes")
    keys = [e[0] for e in data["entities"]]
    assert {n["id"] for n in nodes} == {node_id(keys[i]) for i in data["view"]}


def test_first_view_holds_every_visible_entity_when_they_fit(sample_graph):
    graph = sample_graph
    low = _lower_confidence(graph, 4)
    shown = [e for e in graph.edges(keys=True) if e not in low]
    behind = {k for e in low for k in e[:2]} - {k for e in shown for k in e[:2]}
    assert behind
    data = page_data(graph)
    keys = [e[0] for e in data["entities"]]
    assert {keys[i] for i in data["view"]} == set(graph) - behind and not data["capped"]
    assert {keys[i] for i in data["view_hidden"]} == behind
    text = " ".join(parse(render_html(graph)).text)
    n, m = len(graph) - len(behind), len(shown)
    assert (f"showing {n} entities and {m} facts; {len(behind)} entit" in text
            and f"and {len(low)} fact" in text), text


def test_small_graph_draws_everything_fragments_included(sample_graph):
    data = page_data(sample_graph)
    assert len(data["view"]) == sample_graph.number_of_nodes()
    assert data["fragments"] == []


def test_page_holds_hidden_neighbours_within_its_budget(monkeypatch):
    graph = synthetic_graph(2000)
    monkeypatch.setattr(html_data, "PAGE_MAX_FACTS", 1200)
    monkeypatch.setattr(html_data, "REVEAL_MAX_FACTS", 600)
    data = page_data(graph)
    entities, facts = data["entities"], data["facts"]
    assert len(facts) == 1200 < graph.number_of_edges()
    view = set(data["view"])
    drawn = {entities[i][0] for i in view}
    between = [e for e in graph.edges(keys=True) if e[0] in drawn and e[1] in drawn]
    assert len(data["view_facts"]) == len(between)  # every drawn fact is in the page
    linking = [f for f in facts if (f[0] in view) != (f[1] in view)]
    in_graph = [e for e in graph.edges(keys=True) if (e[0] in drawn) != (e[1] in drawn)]
    assert len(in_graph) > 600 and len(linking) >= 600  # the reveal budget is kept
    assert len({f[0] if f[1] in view else f[1] for f in linking}) > 100  # hidden neighbours


def test_page_data_carries_identity_and_attribution():
    graph = KnowledgeGraph()
    graph.add_node("arafat", label="Yasser Arafat", aliases=["Arafat", "Mr Arafat"],
                   type="PERSON", mentions=5, honorifics=["Mr"], scope=None,
                   alias_rules={"Arafat": ["surname"], "Mr Arafat": ["honorific", "surname"],
                                "Yasser Arafat": ["exact"]})
    graph.add_node("israel", label="Israel", aliases=[], type="GPE", mentions=2)
    graph.add_node("spokesman", label="spokesman", aliases=[], type=None, mentions=1,
                   scope="news/a.txt")
    said = _provenance("news/a.txt", "The spokesman said Israel may accuse Arafat if ...",
                       attributed_to="spokesman", reported_by="say", modality="may",
                       conditional=True)
    graph.add_edge("israel", "arafat", key="accuse", predicate="accuse", negated=False,
                   count=1, provenance=[said])
    data = page_data(graph)
    arafat = [e for e in data["entities"] if e[0] == "arafat"][0]
    assert arafat[7]["alias_rules"]["Mr Arafat"] == ["honorific", "surname"]
    assert arafat[7]["honorifics"] == ["Mr"] and "scope" not in arafat[7]
    spokesman = [e for e in data["entities"] if e[0] == "spokesman"][0]
    assert spokesman[7]["scope"] == "news/a.txt"
    fact = data["facts"][0]
    assert fact[5] == CONDITIONAL
    assert [VOICES[fact[7]], fact[8], fact[9]] == ["claimed", "claimed by spokesman (say)", "may"]
    edge = to_pyvis(graph).edges[0]
    assert edge["label"] == "may accuse (if)"


def test_write_html_default_is_the_documented_first_view(tmp_path):
    import inspect

    from kg.cli import PAGE_MAX_NODES

    for function in (write_html, render_html, to_pyvis, page_data, HtmlView):
        assert inspect.signature(function).parameters["max_nodes"].default == DEFAULT_MAX_NODES
    assert PAGE_MAX_NODES == DEFAULT_MAX_NODES
    graph = synthetic_graph(DEFAULT_MAX_NODES * 2)
    write_html(graph, tmp_path / "g.html")
    assert len(json_block((tmp_path / "g.html").read_text(), "kg-nodes")) == DEFAULT_MAX_NODES
    assert HtmlView(graph).html == (tmp_path / "g.html").read_text()


def test_kg_html_command_draws_the_default_and_obeys_max_nodes(tmp_path):
    from typer.testing import CliRunner

    from export.rdf import read_rdf, write_rdf
    from kg.cli import app

    graph = synthetic_graph(DEFAULT_MAX_NODES + 100)
    write_rdf(graph, tmp_path / "g.ttl")
    runner = CliRunner()
    result = runner.invoke(app, ["html", str(tmp_path / "g.ttl"), "-o", str(tmp_path / "a.html")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "a.html").read_text()
    assert page == render_html(read_rdf(tmp_path / "g.ttl"))
    assert len(json_block(page, "kg-nodes")) == DEFAULT_MAX_NODES
    result = runner.invoke(app, ["html", str(tmp_path / "g.ttl"), "-o", str(tmp_path / "b.html"),
                                 "--max-nodes", "40"])
    assert result.exit_code == 0, result.output
    assert len(json_block((tmp_path / "b.html").read_text(), "kg-nodes")) == 40
