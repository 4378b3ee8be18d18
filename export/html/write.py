"""The page as a pyvis ``Network``, as HTML text, as a file, and inline in Jupyter.

:func:`to_pyvis` turns a :class:`~kg.model.KnowledgeGraph` into a ``pyvis.network.Network``
whose template is kg's own (:mod:`export.html.page`): one self-contained page, no network
request, every document string shown as text. :func:`render_html` returns that page and
:func:`write_html` writes it atomically. :class:`HtmlView` shows it inline in Jupyter.
"""

from __future__ import annotations

import html as _html
import os
from typing import TYPE_CHECKING, Any

from export.html.data import (
    DEFAULT_MAX_FACTS,
    DEFAULT_MAX_NODES,
    DEFAULT_TITLE,
    MAX_LABEL,
    PHYSICS_LIMIT,
    node_id,
    page_data,
)
from export.html.page import environment, network_options
from export.html.text import drawn, fact_label, shorten, summary
from kg.io import atomic_open
from kg.model import KnowledgeGraph
from kg.voice import VOICES

if TYPE_CHECKING:
    from pyvis.network import Network

__all__ = ["to_pyvis", "render_html", "write_html", "HtmlView"]


def to_pyvis(
    graph: KnowledgeGraph,
    *,
    max_nodes: int | None = DEFAULT_MAX_NODES,
    max_facts: int | None = DEFAULT_MAX_FACTS,
    title: str | None = None,
) -> Network:
    """The graph as a pyvis ``Network`` using kg's self-contained, escaped page template.

    ``net.generate_html()`` returns the page; ``net.write_html(name)`` writes it without the
    ``lib/`` folder pyvis's default mode creates. ``net.nodes`` and ``net.edges`` are what
    the first view draws; the page adds tooltips, styles and everything else from its data.

    Args:
        graph: The knowledge graph.
        max_nodes: Draw this many entities at first (:data:`DEFAULT_MAX_NODES`), the most
            central by PageRank (facts weighted by count, both directions), grown from the
            largest components' best entities; small fragments come last. The header says
            how many were left out. None draws all.
        max_facts: Draw only this many of the facts between the drawn entities, those with
            the highest count, then confidence. None draws all.
        title: Page title; defaults to "Knowledge graph".

    Returns:
        A directed ``pyvis.network.Network``, one pyvis edge per fact.

    >>> from kg.model import KnowledgeGraph
    >>> g = KnowledgeGraph()
    >>> g.add_node("a", label="A", aliases=[], type="PERSON", mentions=1)
    >>> g.add_node("b", label="B", aliases=[], type=None, mentions=1)
    >>> g.add_edge("a", "b", key="meet", predicate="meet", negated=False, count=1, provenance=[])
    'meet'
    >>> net = to_pyvis(g)
    >>> len(net.nodes), net.edges[0]["label"]
    (2, 'meet')
    """
    from pyvis.network import Network

    heading = DEFAULT_TITLE if title is None else str(title)
    data = page_data(graph, max_nodes=max_nodes, max_facts=max_facts)
    physics = len(data["view"]) <= PHYSICS_LIMIT
    node_items, edge_items = _drawn_items(data)
    net = Network(height="100%", width="100%", directed=True, heading=heading,
                  cdn_resources="in_line")
    # Batch the data into pyvis: add_node/add_edge check every existing node and edge, which
    # slows to hundreds of microseconds per edge on large graphs.
    net.nodes = node_items
    net.node_ids = [item["id"] for item in node_items]
    net.node_map = {item["id"]: item for item in node_items}
    net.edges = edge_items
    net.options = network_options(physics, not physics)
    net.options["groups"] = _type_groups(data["types"])
    line = summary(data)
    net.templateEnv = environment(line, data)
    net.path = "template.html"
    net.template = net.templateEnv.get_template(net.path)  # pyvis's notebook=True path
    net.kg_summary = line
    return net


def _drawn_items(data: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """pyvis's nodes and edges: the first view's ids, labels, types and positions."""
    entities, facts, predicates = data["entities"], data["facts"], data["predicates"]
    drawn_entities, drawn_facts = drawn(data)
    node_items = []
    for i in drawn_entities:
        key, label, type_number = entities[i][:3]
        x, y = data["positions"][i]
        node_items.append({"id": node_id(key), "label": shorten(label, MAX_LABEL),
                           "group": f"t{type_number}", "x": x, "y": y})
    edge_items = []
    for f in drawn_facts:
        fact = facts[f]
        edge_items.append({
            "id": f"e{f}",
            "from": node_id(entities[fact[0]][0]),
            "to": node_id(entities[fact[1]][0]),
            "label": fact_label(predicates[fact[2]]["name"], fact[9], fact[5], VOICES[fact[7]]),
        })
    return node_items, edge_items


def _type_groups(types: list[dict[str, Any]]) -> dict[str, Any]:
    """One vis-network group per entity type: colours are set once, not on every node."""
    return {
        f"t{i}": {
            "color": {
                "background": t["color"],
                "border": "#52606d",
                "highlight": {"background": t["color"], "border": "#1f2933"},
                "hover": {"background": t["color"], "border": "#1f2933"},
            }
        }
        for i, t in enumerate(types)
    }


def render_html(
    graph: KnowledgeGraph,
    *,
    max_nodes: int | None = DEFAULT_MAX_NODES,
    max_facts: int | None = DEFAULT_MAX_FACTS,
    title: str | None = None,
) -> str:
    """The complete, self-contained HTML page for ``graph`` (see :func:`to_pyvis`).

    >>> page = render_html(KnowledgeGraph(), title="<empty>")
    >>> "<title>&lt;empty&gt;</title>" in page, "https://" in page.split("</head>")[1]
    (True, False)
    """
    return to_pyvis(graph, max_nodes=max_nodes, max_facts=max_facts, title=title).generate_html()


def write_html(
    graph: KnowledgeGraph,
    path: str | os.PathLike[str],
    *,
    max_nodes: int | None = DEFAULT_MAX_NODES,
    max_facts: int | None = DEFAULT_MAX_FACTS,
    title: str | None = None,
) -> None:
    """Write the page for ``graph`` to ``path`` atomically; the same graph gives the same bytes.

    Draws :data:`DEFAULT_MAX_NODES` entities at first, as ``kg build`` and ``kg html`` do
    (``max_nodes=None`` draws all). Creates nothing but ``path`` (no ``lib/`` folder) and never
    opens a browser.
    """
    page = render_html(graph, max_nodes=max_nodes, max_facts=max_facts, title=title)
    with atomic_open(path, "w") as handle:
        handle.write(page)


class HtmlView:
    """Shows a graph inline in Jupyter: ``HtmlView(graph)`` as the last line of a cell.

    Draws the same first view as :func:`write_html` (:data:`DEFAULT_MAX_NODES` entities unless
    told otherwise). The page goes into a sandboxed ``<iframe srcdoc>`` (scripts allowed,
    nothing else), which avoids pyvis's notebook mode and keeps the page's scripts away from
    the notebook.

    >>> view = HtmlView(KnowledgeGraph(), height=400)
    >>> view._repr_html_().startswith("<iframe")
    True
    """

    def __init__(
        self,
        graph: KnowledgeGraph,
        *,
        max_nodes: int | None = DEFAULT_MAX_NODES,
        max_facts: int | None = DEFAULT_MAX_FACTS,
        title: str | None = None,
        height: int = 650,
    ) -> None:
        self.graph = graph
        self.max_nodes = max_nodes
        self.max_facts = max_facts
        self.title = title
        self.height = int(height)

    @property
    def html(self) -> str:
        """The full page."""
        return render_html(self.graph, max_nodes=self.max_nodes, max_facts=self.max_facts,
                           title=self.title)

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{_html.escape(self.html, quote=True)}" '
            f'sandbox="allow-scripts" style="width:100%;height:{self.height}px;border:0" '
            f'title="{_html.escape(self.title or DEFAULT_TITLE, quote=True)}"></iframe>'
        )
