"""The page template of the interactive graph (a Jinja template rendered through pyvis).

The template, its stylesheet and its script are files beside the code
(``export/html/static/graph_page.html``, ``graph_page.css``, and the script in parts by job,
:data:`PAGE_SCRIPTS`, run as one), read once here.

It replaces pyvis's own ``template.html``, which fetches bootstrap and vis-network from CDNs in
every ``cdn_resources`` mode, inserts ``heading`` unescaped and switches every tooltip to
``innerHTML`` once any title contains "href". Here:

* vis-network's script and stylesheet (shipped inside the pyvis package) are inlined, and a
  Content-Security-Policy forbids every network request and runs only the page's own two
  scripts (by their SHA-256), so even markup that slipped through could not run;
* the template is rendered with autoescaping, and data reaches the script only as JSON made
  safe for a ``<script>`` element (``<``, ``>``, ``&``, U+2028 and U+2029 escaped);
* every string from a document is written into the DOM with ``textContent`` (the panel, the
  menus, the charts, built with ``createElement``), drawn on the canvas with ``fillText``, or
  passed to vis-network as a plain-string ``title`` (which vis-network 9 sets with
  ``innerText``).

The script reads the page data of :func:`export.html.page_data` and draws views of it: the first
view, a filtered one (a predicate or a type: its facts and their entities, laid out again), or
the current one grown by a node's hidden neighbours or the small fragments. It draws node and
edge labels itself (:js:`kgDrawLabels`), at a fixed 13 px and 12 px on screen whatever the zoom,
best-ranked first and never overlapping, so labels stay legible at the fitted zoom.

The global variables of pyvis's template (``network``, ``nodes``, ``edges``, ``data``,
``options``) and its ``drawGraph()`` function are kept, so scripts written against pyvis pages
still find the drawn graph.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from markupsafe import Markup

from kg.errors import KGError

__all__ = ["PAGE_TEMPLATE", "PAGE_CSS", "PAGE_SCRIPTS", "PAGE_JS", "EDGE_COLOR",
           "script_safe_json", "environment", "network_options"]

#: The colour of a fact's arrow.
EDGE_COLOR = "#8a97a6"


def _static(name: str) -> str:
    return resources.files("export.html").joinpath("static", name).read_text(encoding="utf-8")


#: The page's stylesheet.
PAGE_CSS: str = _static("graph_page.css")
#: The parts of the page's script, in the order they run as one script: the page data and
#: what it says in words; views, voices and the header; labels; the panel, search and filter
#: list; the statistics and the start.
PAGE_SCRIPTS: tuple[str, ...] = ("graph_page_data.js", "graph_page_views.js",
                                 "graph_page_labels.js", "graph_page_panel.js", "graph_page.js")
#: The page's script (its SHA-256 goes into the page's Content-Security-Policy).
PAGE_JS: str = "".join(_static(name) for name in PAGE_SCRIPTS)
#: The Jinja template of the whole page.
PAGE_TEMPLATE: str = _static("graph_page.html")

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


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet, as shipped inside the pyvis package."""
    import pyvis  # imported here: pyvis loads IPython, which every kg command would pay for

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


def environment(summary: str, data: dict[str, Any]):
    """A Jinja environment holding kg's page template, autoescaping on."""
    from jinja2 import DictLoader, Environment

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
        "summary": summary,
        "meta_json": Markup(script_safe_json(data)),
    }
    return env


def network_options(physics: bool, big: bool) -> dict[str, Any]:
    """vis-network's options: kg draws labels itself; physics only for small views."""
    return {
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            # kg draws node labels itself (kgDrawLabels: fixed 13 px on screen, none
            # overlapping); vis-network's own labels stay in the data but are never drawn.
            "font": {"size": 14, "face": "arial"},
            "scaling": {"label": {"drawThreshold": 1e9}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "color": {"color": EDGE_COLOR, "highlight": "#323f4b", "hover": "#323f4b"},
            "font": {"size": 12, "face": "arial"},
            "scaling": {"label": {"drawThreshold": 1e9}},
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
        "layout": {"randomSeed": 7, "improvedLayout": False},
    }
