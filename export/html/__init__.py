"""The interactive HTML page of a knowledge graph, built on pyvis and vis-network.

One self-contained page per graph: no network request, every document string shown as text.
Each module has one job:

========================  ==================================================================
``data.py``               :func:`page_data`: what the page draws first and holds, as plain
                          JSON-able data; the budgets (:data:`DEFAULT_MAX_NODES`, ...)
``layout.py``             positions of the first view and the fragments, in numpy
``text.py``               what the page says in words (edge labels, the header's line)
``page.py``               the Jinja template, vis-network inlined, the Content-Security-Policy
``write.py``              :func:`to_pyvis`, :func:`render_html`, :func:`write_html`,
                          :class:`HtmlView`
``static/``               the page's template, stylesheet and script
========================  ==================================================================

>>> from kg.model import KnowledgeGraph
>>> page_data(KnowledgeGraph())["total"], DEFAULT_MAX_NODES
([0, 0, 0], 200)
"""

from __future__ import annotations

from export.html import data as _data
from export.html import write as _write
from export.html.data import (
    DEFAULT_MAX_FACTS,
    DEFAULT_MAX_NODES,
    DEFAULT_TITLE,
    FRAGMENT_MAX_ENTITIES,
    FRAGMENT_SIZE,
    HIDDEN_VOICES,
    MAX_LABEL,
    MAX_SENTENCE,
    MAX_SOURCES,
    PAGE_MAX_FACTS,
    PHYSICS_LIMIT,
    REVEAL_MAX_FACTS,
    TYPE_COLORS,
    node_id,
    page_data,
)
from export.html.page import script_safe_json
from export.html.write import HtmlView, render_html, to_pyvis, write_html

__all__ = [*_data.__all__, *_write.__all__, "script_safe_json"]
