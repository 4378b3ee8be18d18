"""The statistics charts: the data the page draws, and `kg stats --plot` drawing the same."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.stats import DEGREE_BINS, chart_data, degree_distribution, plot_stats, top_entities_by_pagerank

from tests.export.test_html import hostile_graph, json_block
from export.html import render_html


def test_chart_data_matches_the_statistics(sample_graph):
    data = chart_data(sample_graph, top=3)
    top = top_entities_by_pagerank(sample_graph, 3)
    assert data["top_pagerank"] == [[e["label"], e["score"]] for e in top]
    facts = {}
    for *_e, d in sample_graph.edges(data=True):
        facts[d["predicate"]] = facts.get(d["predicate"], 0) + 1
    assert data["predicates"] == sorted(([p, n] for p, n in facts.items()),
                                        key=lambda pn: (-pn[1], pn[0]))[:3]
    assert [b for b, _n in data["degrees"]][:5] == ["1", "2", "3", "4", "5–9"]
    assert len(data["degrees"]) == len(DEGREE_BINS)
    assert sum(n for _b, n in data["degrees"]) == sum(
        n for d, n in degree_distribution(sample_graph).items() if d > 0)


def test_page_carries_the_chart_data(sample_graph):
    meta = json_block(render_html(sample_graph), "kg-meta")
    assert meta["charts"] == chart_data(sample_graph)


def test_plot_stats_writes_svg_and_png(tmp_path, sample_graph):
    pytest.importorskip("matplotlib", reason="kg-builder[plot] not installed")
    plot_stats(sample_graph, tmp_path / "a.svg")
    plot_stats(sample_graph, tmp_path / "b.svg")
    svg = (tmp_path / "a.svg").read_text()
    assert svg.startswith("<?xml") and "<svg" in svg
    for title in ("Top entities by PageRank", "Predicates by facts", "Degree distribution"):
        assert title in svg or title.replace(" ", "") in svg.replace(" ", "")
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    plot_stats(sample_graph, tmp_path / "c.png")
    assert (tmp_path / "c.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plot_stats_degree_bucket_labels_do_not_overlap():
    """Every label of the drawn figure (all nine degree buckets, 10–19 ... 100+) has room."""
    pytest.importorskip("matplotlib", reason="kg-builder[plot] not installed")
    import matplotlib.pyplot as plt

    from benchmarks.html_bench import synthetic_graph
    from kg.stats import chart_figure

    figure = chart_figure(synthetic_graph(3000))
    try:
        figure.canvas.draw()
        renderer = figure.canvas.get_renderer()
        for axes in figure.axes:
            for ticks in (axes.get_xticklabels(), axes.get_yticklabels()):
                boxes = [t.get_window_extent(renderer) for t in ticks if t.get_text()]
                # at least 3 px apart, across or along: labels that touch read as one
                assert all(max(b.x0 - a.x1, a.x0 - b.x1, b.y0 - a.y1, a.y0 - b.y1) >= 3
                           for i, a in enumerate(boxes) for b in boxes[i + 1:])
        degree_labels = [t.get_text() for t in figure.axes[2].get_xticklabels()]
        assert degree_labels == [label for label, _n in chart_data(synthetic_graph(3000))["degrees"]]
    finally:
        plt.close(figure)


def test_plot_stats_writes_markup_names_as_text(tmp_path):
    pytest.importorskip("matplotlib", reason="kg-builder[plot] not installed")
    import xml.etree.ElementTree as ET

    graph = hostile_graph()
    graph.nodes["quote"]["label"] = "x --> <script>window.__pwned=9</script>"
    plot_stats(graph, tmp_path / "h.svg")
    root = ET.parse(tmp_path / "h.svg").getroot()  # well-formed: no comment closed early
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert not tags & {"script", "img", "a", "foreignObject", "iframe"}
    assert not [name for element in root.iter() for name in element.attrib
                if name.lower().startswith("on")]


def test_plot_stats_refuses_other_formats(tmp_path, sample_graph):
    with pytest.raises(ValueError, match="svg or .png"):
        plot_stats(sample_graph, tmp_path / "a.pdf")
    assert not (tmp_path / "a.pdf").exists()


def test_kg_stats_plot_command(tmp_path, sample_graph):
    pytest.importorskip("matplotlib", reason="kg-builder[plot] not installed")
    from export.rdf import write_rdf

    write_rdf(sample_graph, tmp_path / "g.ttl")
    runner = CliRunner()
    result = runner.invoke(app, ["stats", str(tmp_path / "g.ttl"), "--plot",
                                 str(tmp_path / "charts.svg")])
    assert result.exit_code == 0, result.output
    assert "entities:" in result.output and (tmp_path / "charts.svg").stat().st_size > 1000
    result = runner.invoke(app, ["stats", str(tmp_path / "g.ttl"), "--plot",
                                 str(tmp_path / "charts.gif")])
    assert result.exit_code != 0 and not (tmp_path / "charts.gif").exists()
