"""Interactive HTML view of a knowledge graph, built on pyvis and vis-network.

:func:`to_pyvis` turns a :class:`~kg.model.KnowledgeGraph` into a ``pyvis.network.Network``
whose template is kg's own (see :mod:`export.html_page`): one self-contained page, no network
request, every document string shown as text. :func:`render_html` returns that page and
:func:`write_html` writes it atomically. :class:`HtmlView` shows it inline in Jupyter.

Small graphs are laid out in the browser by vis-network's physics (then frozen); above
:data:`PHYSICS_LIMIT` entities the layout is computed here (:func:`export.html_layout.fast_layout`)
and physics is off, so even 5,000 entities are interactive within a few seconds.
"""

from __future__ import annotations

import base64
import hashlib
import html as _html
import json
import math
import os
from collections import Counter, defaultdict
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import pyvis
from jinja2 import DictLoader, Environment
from markupsafe import Markup
from pyvis.network import Network

from export.html_layout import layout_positions, pagerank
from export.html_page import PAGE_CSS, PAGE_JS, PAGE_TEMPLATE
from kg.errors import KGError
from kg.io import atomic_open
from kg.model import KnowledgeGraph, Provenance

__all__ = [
    "PHYSICS_LIMIT",
    "TYPE_COLORS",
    "to_pyvis",
    "render_html",
    "write_html",
    "HtmlView",
    "script_safe_json",
    "node_id",
]

#: Above this many entities the layout is computed in Python and physics is off.
PHYSICS_LIMIT = 300
#: Most source sentences listed in an edge's tooltip.
MAX_SOURCES = 3
#: Longest sentence shown in a tooltip, in characters.
MAX_SENTENCE = 280
#: Longest entity label drawn on the canvas (tooltips, details and search use the full one).
MAX_LABEL = 40
#: Most aliases listed in an entity's tooltip.
MAX_ALIASES = 8
DEFAULT_TITLE = "Knowledge graph"

#: Colour of each spaCy entity type (colour-blind friendly Tableau 10, then extras).
TYPE_COLORS: dict[str, str] = {
    "PERSON": "#4e79a7",
    "ORG": "#f28e2b",
    "GPE": "#59a14f",
    "LOC": "#76b7b2",
    "NORP": "#edc948",
    "PRODUCT": "#b07aa1",
    "EVENT": "#ff9da7",
    "WORK_OF_ART": "#9c755f",
    "FAC": "#86bcb6",
    "LAW": "#d4a6c8",
    "LANGUAGE": "#8cd17d",
    "DATE": "#bab0ac",
    "TIME": "#d7b5a6",
    "MONEY": "#f1ce63",
    "PERCENT": "#a0cbe8",
    "QUANTITY": "#ffbe7d",
    "CARDINAL": "#d37295",
    "ORDINAL": "#fabfd2",
}
_EXTRA_COLORS = ("#499894", "#e15759", "#79706e", "#b6992d", "#9d7660", "#6b9ac4")
_UNTYPED = "(no type)"
_UNTYPED_COLOR = "#c4cdd5"
_EDGE_COLOR = "#8a97a6"
_NEGATED_COLOR = "#d62728"
_VIS_VERSION = "9.1.2"

_SCRIPT_UNSAFE = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def script_safe_json(value: Any) -> str:
    """JSON text that can sit inside an HTML ``<script>`` element and still parse as JSON.

    ``<``, ``>``, ``&``, U+2028 and U+2029 become ``\\uXXXX`` escapes (they can only occur
    inside JSON strings, where the escape means the same character), so no document text can
    close the element or start a comment.

    >>> script_safe_json({"a": "</script><b>"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    return _script_safe_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def _script_safe_text(json_text: str) -> str:
    for char, escape in _SCRIPT_UNSAFE:
        json_text = json_text.replace(char, escape)
    return json_text


# ----------------------------------------------------------------------------- assets


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet, as shipped inside the pyvis package."""
    base = Path(pyvis.__file__).parent / "templates" / "lib" / f"vis-{_VIS_VERSION}"
    try:
        script = (base / "vis-network.min.js").read_text(encoding="utf-8")
        style = (base / "vis-network.css").read_text(encoding="utf-8")
    except OSError as err:
        raise KGError(
            f"pyvis's copy of vis-network {_VIS_VERSION} is missing ({err.filename}); "
            f"reinstall pyvis 0.3.2 (pip install --force-reinstall pyvis==0.3.2)"
        ) from err
    # Both are inlined raw: make sure neither can end its element early.
    for name, text, closing in (("script", script, "</script"), ("style", style, "</style")):
        if closing in text.lower() or "<!--" in text:
            raise KGError(f"vis-network's {name} cannot be inlined safely: it contains {closing}")
    return script, style


def _pyvis_version() -> str:
    try:
        return version("pyvis")
    except PackageNotFoundError:  # pragma: no cover - pyvis imported from a source tree
        return "unknown"


def _environment(meta: dict[str, Any]) -> Environment:
    """A Jinja environment holding kg's page template, autoescaping on."""
    env = Environment(loader=DictLoader({"template.html": PAGE_TEMPLATE}), autoescape=True)
    env.filters["kg_json"] = lambda value: Markup(script_safe_json(value))
    env.filters["kg_json_text"] = lambda text: Markup(_script_safe_text(str(text)))
    script, style = _vis_assets()
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"
        for code in (script, PAGE_JS)
    )
    env.globals["kg"] = {
        "script_hashes": Markup(hashes),
        "vis_js": Markup(script),
        "vis_css": Markup(style),
        "page_css": Markup(PAGE_CSS),
        "page_js": Markup(PAGE_JS),
        "pyvis_version": _pyvis_version(),
        "vis_version": _VIS_VERSION,
        "summary": meta["summary"],
        "meta_json": Markup(script_safe_json(meta["data"])),
    }
    return env


# ----------------------------------------------------------------------------- graph -> data


def _type_colors(types: list[str]) -> dict[str, str]:
    colors: dict[str, str] = {}
    extra = 0
    for name in types:
        if name == _UNTYPED:
            colors[name] = _UNTYPED_COLOR
        elif name in TYPE_COLORS:
            colors[name] = TYPE_COLORS[name]
        else:
            colors[name] = _EXTRA_COLORS[extra % len(_EXTRA_COLORS)]
            extra += 1
    return colors


def _shorten(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def _provenance_order(p: Provenance) -> tuple:
    return (p.document, p.sentence_start, p.subject_start, p.object_start, p.sentence)


def _node_text(
    attrs: dict[str, Any], type_name: str, degree: int, out_deg: int, in_deg: int
) -> str:
    aliases = list(attrs.get("aliases") or [])
    lines = [str(attrs.get("label") or ""), f"type: {type_name}"]
    if aliases:
        shown = ", ".join(aliases[:MAX_ALIASES])
        more = len(aliases) - MAX_ALIASES
        lines.append(f"aliases: {shown}" + (f" (+{more} more)" if more > 0 else ""))
    lines.append(f"degree: {degree} ({out_deg} out, {in_deg} in)")
    if attrs.get("mentions"):
        lines.append(f"mentions: {attrs['mentions']}")
    return "\n".join(lines)


def _edge_text(subject: str, obj: str, label: str, data: dict[str, Any]) -> str:
    count = int(data.get("count") or 0)
    lines = [f"{subject} → {label} → {obj}"]
    facts = f"count: {count}"
    if data.get("confidence") is not None:
        facts += f" · confidence: {float(data['confidence']):.2f}"
    lines.append(facts)
    if data.get("negated"):
        lines.append("negated: the source denies this fact")
    provenance = sorted(data.get("provenance") or [], key=_provenance_order)
    if provenance:
        lines.append("sources:")
        for p in provenance[:MAX_SOURCES]:
            lines.append(f"• {p.document}: “{_shorten(p.sentence, MAX_SENTENCE)}”")
        if len(provenance) > MAX_SOURCES:
            lines.append(f"(+{len(provenance) - MAX_SOURCES} more)")
    return "\n".join(lines)


def node_id(key: str) -> str:
    """The id of an entity in the page (``network.body.data.nodes.get(id)``): ``"k:" + key``.

    The prefix keeps keys such as ``__proto__`` or ``constructor`` from meaning anything to
    JavaScript objects keyed by id.

    >>> node_id("xu liang")
    'k:xu liang'
    """
    return f"k:{key}"


def _keep_central(graph: KnowledgeGraph, max_nodes: int | None) -> list[str]:
    """Entity keys to draw, sorted: all of them, or the ``max_nodes`` with highest PageRank."""
    keys = sorted(graph.nodes, key=str)
    if max_nodes is None or max_nodes >= len(keys):
        return keys
    scores = pagerank(graph, directed=False)
    central = sorted(keys, key=lambda k: (-round(scores[k], 12), str(k)))[:max_nodes]
    return sorted(central, key=str)


def _best_supported(
    graph: KnowledgeGraph, edge_list: list[tuple[str, str, str]], limit: int
) -> list[tuple[str, str, str]]:
    """The ``limit`` facts of ``edge_list`` with the highest count, then confidence, in
    ``edge_list``'s order (ties go to the earlier fact, so the choice is deterministic)."""
    edges = graph.edges

    def support(index: int) -> tuple[float, float, int]:
        data = edges[edge_list[index]]
        return (-data.get("count", 0), -float(data.get("confidence", 0.0)), index)

    best = sorted(range(len(edge_list)), key=support)[:limit]
    return [edge_list[i] for i in sorted(best)]


def _parallel_smooth(edge_list: list[tuple[str, str, str]]) -> dict[tuple[str, str, str], dict]:
    """Per-edge curve options that keep several edges between one pair of nodes apart."""
    by_pair: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for u, v, k in edge_list:
        pair = (u, v) if str(u) <= str(v) else (v, u)
        by_pair[pair].append((u, v, k))
    smooth: dict[tuple[str, str, str], dict] = {}
    for pair, members in by_pair.items():
        if len(members) < 2:
            continue
        if pair[0] == pair[1]:  # several self-loops: different sizes and angles
            for i, edge in enumerate(members):
                smooth[edge] = {
                    "selfReference": {"size": 16 + 8 * i, "angle": round(math.pi / 4 + i * 0.6, 3)}
                }
            continue
        n = len(members)
        for i, (u, v, k) in enumerate(members):
            offset = (i - (n - 1) / 2) * 0.25  # signed curvature, one side or the other
            if abs(offset) < 1e-9:
                smooth[(u, v, k)] = {"smooth": {"enabled": False}}
                continue
            forward = (u, v) == pair
            clockwise = (offset > 0) == forward
            smooth[(u, v, k)] = {
                "smooth": {
                    "enabled": True,
                    "type": "curvedCW" if clockwise else "curvedCCW",
                    "roundness": round(abs(offset), 3),
                }
            }
    return smooth


def _network_options(physics: bool, big: bool) -> dict[str, Any]:
    return {
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {"size": 16, "face": "arial", "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "color": {"color": _EDGE_COLOR, "highlight": "#323f4b", "hover": "#323f4b"},
            "font": {
                "size": 12,
                "face": "arial",
                "align": "middle",
                "color": "#52606d",
                "strokeWidth": 0,
                "background": "rgba(255,255,255,0.85)",
            },
            # "dynamic" smoothing (pyvis's default) gives every edge a physics body, and
            # parallel edges then push each other forever; "continuous" settles.
            "smooth": {"enabled": True, "type": "continuous", "roundness": 0.2}
            if physics
            else {"enabled": False},
            "selectionWidth": 1.5,
        },
        "interaction": {
            "hover": not big,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": False,
            "navigationButtons": False,
        },
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -70,
                "centralGravity": 0.01,
                "springLength": 110,
                "springConstant": 0.08,
                "avoidOverlap": 0.3,
            },
            "minVelocity": 1.0,
            "stabilization": {"enabled": True, "iterations": 120, "updateInterval": 50},
        }
        if physics
        else {"enabled": False},
        "layout": {"randomSeed": 7, "improvedLayout": physics and not big},
    }


def to_pyvis(
    graph: KnowledgeGraph,
    *,
    max_nodes: int | None = None,
    max_facts: int | None = None,
    title: str | None = None,
) -> Network:
    """The graph as a pyvis ``Network`` using kg's self-contained, escaped page template.

    ``net.generate_html()`` returns the page; ``net.write_html(name)`` writes it without the
    ``lib/`` folder pyvis's default mode creates.

    Args:
        graph: The knowledge graph.
        max_nodes: Draw only this many entities, the most central by PageRank (facts
            weighted by count, counted in both directions); the page says how many were left
            out. None draws all.
        max_facts: Draw only this many of the facts between the drawn entities, those with
            the highest count, then confidence; the page says how many were left out. None
            draws all.
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
    for name, value in (("max_nodes", max_nodes), ("max_facts", max_facts)):
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} must be an int or None, not {value!r}")
            if value < 1:
                raise ValueError(f"{name} must be at least 1, not {value}")
    heading = DEFAULT_TITLE if title is None else str(title)

    keys = _keep_central(graph, max_nodes)
    kept = set(keys)
    edge_list = sorted(
        ((u, v, k) for u, v, k in graph.edges(keys=True) if u in kept and v in kept),
        key=lambda e: (str(e[0]), str(e[1]), str(e[2])),
    )
    m_between = len(edge_list)  # facts between the drawn entities, before max_facts
    if max_facts is not None and m_between > max_facts:
        edge_list = _best_supported(graph, edge_list, max_facts)
    n_shown, m_shown = len(keys), len(edge_list)
    physics = n_shown <= PHYSICS_LIMIT
    big = n_shown > PHYSICS_LIMIT

    type_of = {key: str(graph.nodes[key].get("type") or _UNTYPED) for key in keys}
    type_counts = Counter(type_of.values())
    types = sorted(type_counts, key=lambda t: (t == _UNTYPED, -type_counts[t], t))
    colors = _type_colors(types)
    type_index = {t: i for i, t in enumerate(types)}

    out_deg = dict(graph.out_degree(keys))
    in_deg = dict(graph.in_degree(keys))
    max_degree = max((out_deg[k] + in_deg[k] for k in keys), default=1) or 1

    # Positions are computed here at every size: small graphs start from them and let
    # vis-network's physics polish the layout for a moment, large ones keep them as they are.
    positions = layout_positions(keys, ((u, v) for u, v, _k in edge_list))

    net = Network(height="100%", width="100%", directed=True, heading=heading,
                  cdn_resources="in_line")
    node_items = []
    meta_nodes = []
    for key in keys:
        attrs = graph.nodes[key]
        label = str(attrs.get("label") or key)
        degree = out_deg[key] + in_deg[key]
        item: dict[str, Any] = {
            "id": node_id(key),
            "label": _shorten(label, MAX_LABEL),
            "title": _node_text(attrs, type_of[key], degree, out_deg[key], in_deg[key]),
            "group": f"t{type_index[type_of[key]]}",
            "size": round(8 + 24 * math.sqrt(degree / max_degree), 2),
        }
        if positions:
            item["x"], item["y"] = positions[key]
        node_items.append(item)
        names = [label] + [str(a) for a in attrs.get("aliases") or [] if str(a) != label]
        meta_nodes.append([node_id(key), type_index[type_of[key]], names])

    predicate_counts = Counter(str(graph.edges[e].get("predicate", e[2])) for e in edge_list)
    predicates = sorted(predicate_counts, key=lambda p: (-predicate_counts[p], p))
    predicate_index = {p: i for i, p in enumerate(predicates)}
    smooth = _parallel_smooth(edge_list)
    edge_items = []
    meta_edges = []
    labels = {key: str(graph.nodes[key].get("label") or key) for key in keys}
    for number, (u, v, k) in enumerate(edge_list):
        data = graph.edges[u, v, k]
        predicate = str(data.get("predicate", k))
        negated = bool(data.get("negated"))
        label = f"not {predicate}" if negated else predicate
        count = int(data.get("count") or 1)
        edge_id = f"e{number}"
        item = {
            "id": edge_id,
            "from": node_id(u),
            "to": node_id(v),
            "label": label,
            "title": _edge_text(labels[u], labels[v], label, data),
        }
        if count > 1:
            item["width"] = round(1 + min(4.0, math.log2(count)), 2)
        if negated:
            item["dashes"] = True
            item["color"] = {"color": _NEGATED_COLOR, "highlight": _NEGATED_COLOR,
                             "hover": _NEGATED_COLOR}
            item["font"] = {"color": _NEGATED_COLOR}
        item.update(smooth.get((u, v, k), {}))
        edge_items.append(item)
        meta_edges.append([edge_id, predicate_index[predicate]])

    # Batch the data into pyvis: add_node/add_edge check every existing node and edge, which
    # slows to hundreds of microseconds per edge on large graphs.
    net.nodes = node_items
    net.node_ids = [item["id"] for item in node_items]
    net.node_map = {item["id"]: item for item in node_items}
    net.edges = edge_items
    net.options = _network_options(physics, big)
    # One vis-network group per entity type: colours are set once, not on every node.
    net.options["groups"] = {
        f"t{i}": {
            "color": {
                "background": colors[t],
                "border": "#52606d",
                "highlight": {"background": colors[t], "border": "#1f2933"},
                "hover": {"background": colors[t], "border": "#1f2933"},
            }
        }
        for i, t in enumerate(types)
    }

    n_all, m_all = graph.number_of_nodes(), graph.number_of_edges()
    summary = (
        f"{_plural(n_all, 'entity', 'entities')} · "
        f"{_plural(m_all, 'fact')} · {_plural(len(graph.documents), 'document')}"
    )
    if n_shown < n_all or m_shown < m_all:
        shown = []
        if n_shown < n_all:
            shown.append(f"the {n_shown:,} most central entities (PageRank)")
        if m_shown < m_between:
            whose = "their" if shown else "the"
            shown.append(f"{whose} {m_shown:,} best-supported facts")
        summary += (
            f" — showing {' and '.join(shown)}; "
            f"{_plural(n_all - n_shown, 'entity', 'entities')} and "
            f"{_plural(m_all - m_shown, 'fact')} left out"
        )
    meta = {
        "summary": summary,
        "data": {
            "types": [
                {"name": t, "color": colors[t], "count": type_counts[t]} for t in types
            ],
            "predicates": [{"name": p, "count": predicate_counts[p]} for p in predicates],
            "nodes": meta_nodes,
            "edges": meta_edges,
            "shown": [n_shown, m_shown],
            "total": [n_all, m_all, len(graph.documents)],
        },
    }
    net.templateEnv = _environment(meta)
    net.path = "template.html"
    net.template = net.templateEnv.get_template(net.path)  # pyvis's notebook=True path
    net.kg_summary = summary
    return net


def render_html(
    graph: KnowledgeGraph,
    *,
    max_nodes: int | None = None,
    max_facts: int | None = None,
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
    max_nodes: int | None = None,
    max_facts: int | None = None,
    title: str | None = None,
) -> None:
    """Write the page for ``graph`` to ``path`` atomically; the same graph gives the same bytes.

    Creates nothing but ``path`` (no ``lib/`` folder) and never opens a browser.
    """
    page = render_html(graph, max_nodes=max_nodes, max_facts=max_facts, title=title)
    with atomic_open(path, "w") as handle:
        handle.write(page)


class HtmlView:
    """Shows a graph inline in Jupyter: ``HtmlView(graph)`` as the last line of a cell.

    The page goes into a sandboxed ``<iframe srcdoc>`` (scripts allowed, nothing else), which
    avoids pyvis's notebook mode and keeps the page's scripts away from the notebook.

    >>> view = HtmlView(KnowledgeGraph(), height=400)
    >>> view._repr_html_().startswith("<iframe")
    True
    """

    def __init__(
        self,
        graph: KnowledgeGraph,
        *,
        max_nodes: int | None = None,
        max_facts: int | None = None,
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
