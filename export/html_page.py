"""The page template of the interactive graph (a Jinja template rendered through pyvis).

It replaces pyvis's own ``template.html``, which fetches bootstrap and vis-network from CDNs in
every ``cdn_resources`` mode, inserts ``heading`` unescaped and switches every tooltip to
``innerHTML`` once any title contains "href". Here:

* vis-network's script and stylesheet (shipped inside the pyvis package) are inlined, and a
  Content-Security-Policy forbids every network request and runs only the page's own two
  scripts (by their SHA-256), so even markup that slipped through could not run;
* the template is rendered with autoescaping, and data reaches the script only as JSON made
  safe for a ``<script>`` element (``<``, ``>``, ``&``, U+2028 and U+2029 escaped);
* every string from a document is written into the DOM with ``textContent`` or passed to
  vis-network as a plain-string ``title`` (which vis-network 9 sets with ``innerText``).

The global variables of pyvis's template (``network``, ``nodes``, ``edges``, ``data``,
``options``) and its ``drawGraph()`` function are kept, so scripts written against pyvis pages
still find the drawn graph.
"""

from __future__ import annotations

__all__ = ["PAGE_TEMPLATE", "PAGE_CSS", "PAGE_JS"]

PAGE_CSS = """
html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, -apple-system, "Segoe UI",
  Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2933; background: #ffffff; }
body { display: flex; flex-direction: column; }
#kg-header { padding: 10px 16px 8px; border-bottom: 1px solid #e4e7eb; background: #f8f9fb; }
#kg-title { margin: 0; font-size: 20px; font-weight: 600; }
#kg-summary { margin: 2px 0 8px; color: #52606d; }
#kg-controls { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; }
#kg-controls input, #kg-controls select, #kg-controls button { font: inherit; padding: 3px 6px;
  border: 1px solid #cbd2d9; border-radius: 4px; background: #fff; }
#kg-search { width: 16em; }
#kg-search-status { color: #52606d; display: inline-block; width: 16em; overflow: hidden;
  white-space: nowrap; text-overflow: ellipsis; vertical-align: middle; }
#kg-legend { display: flex; flex-wrap: wrap; gap: 4px 12px; margin: 0; padding: 0; border: 0; }
#kg-legend label { display: inline-flex; align-items: center; gap: 4px; cursor: pointer;
  white-space: nowrap; }
.kg-swatch { display: inline-block; width: 12px; height: 12px; border-radius: 50%;
  border: 1px solid rgba(0,0,0,.25); }
#kg-main { position: relative; flex: 1 1 auto; min-height: 300px; }
#mynetwork { position: absolute; inset: 0; }
#kg-details { position: absolute; top: 10px; right: 10px; width: min(420px, 45%);
  max-height: calc(100% - 20px); overflow: auto; background: rgba(255,255,255,.96);
  border: 1px solid #cbd2d9; border-radius: 6px; box-shadow: 0 2px 10px rgba(0,0,0,.12);
  padding: 8px 12px; z-index: 6; }
#kg-details[hidden] { display: none; }
#kg-details-close { float: right; border: 0; background: none; font-size: 18px;
  cursor: pointer; line-height: 1; }
#kg-details-title { font-weight: 600; margin: 0 20px 4px 0; overflow-wrap: anywhere; }
#kg-details-text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere;
  font-family: inherit; font-size: 13px; line-height: 1.45; }
div.vis-tooltip { white-space: pre-wrap !important; max-width: 480px; overflow-wrap: anywhere;
  font: 12px/1.4 system-ui, Arial, sans-serif !important; }
"""

PAGE_JS = r"""
"use strict";
var kgMeta = JSON.parse(document.getElementById("kg-meta").textContent);
var kgNodes = JSON.parse(document.getElementById("kg-nodes").textContent);
var kgEdges = JSON.parse(document.getElementById("kg-edges").textContent);
var kgOptions = JSON.parse(document.getElementById("kg-options").textContent);

// Globals of pyvis's template, kept so that scripts written for pyvis pages work here too.
var edges;
var nodes;
var allNodes;
var allEdges;
var network;
var container;
var options, data;
window.kgReady = false;

function drawGraph() {
  container = document.getElementById("mynetwork");
  nodes = new vis.DataSet(kgNodes);
  edges = new vis.DataSet(kgEdges);
  allNodes = nodes.get({ returnType: "Object" });
  allEdges = edges.get({ returnType: "Object" });
  data = { nodes: nodes, edges: edges };
  options = kgOptions;
  network = new vis.Network(container, data, options);
  network.once("afterDrawing", function () {
    window.kgReadyAt = performance.now();
    window.kgReady = true;
  });
  if (options.physics && options.physics.enabled) {
    // Lay out once, then hold still: a settled page never burns the CPU.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
    });
  } else {
    network.fit({ animation: false });
  }
  return network;
}

// The page id of an entity key (see export.html.node_id).
function kgNodeId(key) {
  return "k:" + key;
}

function kgText(id, text) {
  document.getElementById(id).textContent = text;
}

function kgShowDetails(heading, text) {
  kgText("kg-details-title", heading);
  kgText("kg-details-text", text);
  document.getElementById("kg-details").hidden = false;
}

function kgHideDetails() {
  document.getElementById("kg-details").hidden = true;
}

function kgShowNode(id) {
  var node = nodes.get(id);
  if (node) kgShowDetails(kgMeta.fullLabel[id], node.title);
}

function kgShowEdge(id) {
  var edge = edges.get(id);
  if (edge) kgShowDetails(edge.label, edge.title);
}

// vis-network 9.1.2 leaks the redraw handler of a view animation that has not drawn its first
// frame when another animated view change starts (View.animateView finishes the old animation
// only if it has advanced): the leaked handler then moves the camera on every later redraw, so
// the view drifts away from whatever was focused. Two searches within one frame did it. Hence at
// most one animation is pending at a time; a view change asked for meanwhile is immediate.
var kgAnimating = false;

function kgFocus(id, scale) {
  var animate = !kgAnimating;
  kgAnimating = true;  // cleared by animationFinished, which a pending animation still emits
  network.focus(id, { scale: scale, animation: animate ? { duration: 300 } : false });
}

// Search: exact name or alias first, then a prefix, then a substring (case-insensitive).
var kgNames = [];
kgMeta.nodes.forEach(function (entry) {
  entry[2].forEach(function (name) {
    kgNames.push([name.toLocaleLowerCase(), entry[0], name]);
  });
});

function kgFind(query) {
  var q = String(query).trim().toLocaleLowerCase();
  if (!q) return null;
  var tests = [
    function (n) { return n === q; },
    function (n) { return n.indexOf(q) === 0; },
    function (n) { return n.indexOf(q) !== -1; },
  ];
  for (var t = 0; t < tests.length; t++) {
    for (var i = 0; i < kgNames.length; i++) {
      if (tests[t](kgNames[i][0])) return kgNames[i][1];
    }
  }
  return null;
}

function kgSearch(query) {
  var id = kgFind(query);
  if (id === null) {
    kgText("kg-search-status", "no entity matches");
    return null;
  }
  var node = nodes.get(id);
  if (node.hidden) {
    var box = document.querySelector('#kg-legend input[data-type="' + kgMeta.nodeType[id] + '"]');
    if (box) { box.checked = true; kgApplyTypeFilter(); }
  }
  network.selectNodes([id]);
  kgFocus(id, Math.max(network.getScale(), 1.2));
  kgShowNode(id);
  kgText("kg-search-status", "found: " + kgMeta.fullLabel[id]);
  return id;
}

// Filter state by id (a Map: entity keys such as "__proto__" are ordinary keys here).
var kgNodeHidden = new Map();
var kgEdgeHidden = new Map();

function kgApplyTypeFilter() {
  var shown = Object.create(null);
  document.querySelectorAll("#kg-legend input").forEach(function (box) {
    shown[box.dataset.type] = box.checked;
  });
  var updates = [];
  kgMeta.nodes.forEach(function (entry) {
    var hidden = !shown[entry[1]];
    if ((kgNodeHidden.get(entry[0]) || false) !== hidden) {
      kgNodeHidden.set(entry[0], hidden);
      updates.push({ id: entry[0], hidden: hidden });
    }
  });
  if (updates.length) nodes.update(updates);
}

function kgApplyPredicateFilter() {
  var wanted = document.getElementById("kg-predicate").value;
  var updates = [];
  kgMeta.edges.forEach(function (entry) {
    var hidden = wanted !== "" && String(entry[1]) !== wanted;
    if ((kgEdgeHidden.get(entry[0]) || false) !== hidden) {
      kgEdgeHidden.set(entry[0], hidden);
      updates.push({ id: entry[0], hidden: hidden });
    }
  });
  if (updates.length) edges.update(updates);
}

function kgFillSuggestions() {
  var list = document.getElementById("kg-names");
  var seen = Object.create(null);
  var fragment = document.createDocumentFragment();
  kgNames.forEach(function (entry) {
    if (seen[entry[2]]) return;
    seen[entry[2]] = true;
    var option = document.createElement("option");
    option.value = entry[2];
    fragment.appendChild(option);
  });
  list.appendChild(fragment);
}

function kgBuildControls() {
  var legend = document.getElementById("kg-legend");
  kgMeta.types.forEach(function (type, index) {
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.type = String(index);
    box.addEventListener("change", kgApplyTypeFilter);
    var swatch = document.createElement("span");
    swatch.className = "kg-swatch";
    swatch.style.background = type.color;
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(document.createTextNode(type.name + " (" + type.count + ")"));
    legend.appendChild(label);
  });
  var select = document.getElementById("kg-predicate");
  kgMeta.predicates.forEach(function (predicate, index) {
    var option = document.createElement("option");
    option.value = String(index);
    option.textContent = predicate.name + " (" + predicate.count + ")";
    select.appendChild(option);
  });
  select.addEventListener("change", kgApplyPredicateFilter);
  // The suggestions (one <option> per name) are built when the search box is first used.
  document.getElementById("kg-search").addEventListener("focus", kgFillSuggestions, { once: true });
  document.getElementById("kg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    kgSearch(document.getElementById("kg-search").value);
  });
  document.getElementById("kg-details-close").addEventListener("click", kgHideDetails);
  network.on("animationFinished", function () { kgAnimating = false; });
  network.on("click", function (params) {
    if (params.nodes.length) kgShowNode(params.nodes[0]);
    else if (params.edges.length) kgShowEdge(params.edges[0]);
    else kgHideDetails();
  });
}

kgMeta.nodeType = Object.create(null);
kgMeta.fullLabel = Object.create(null);
kgMeta.nodes.forEach(function (entry) {
  kgMeta.nodeType[entry[0]] = entry[1];
  kgMeta.fullLabel[entry[0]] = entry[2][0];
});
drawGraph();
kgBuildControls();
"""

PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
script-src {{ kg.script_hashes }}; style-src 'unsafe-inline'; img-src data:; font-src data:; \
base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator"
 content="kg (pyvis {{ kg.pyvis_version }}, vis-network {{ kg.vis_version }})">
<link rel="icon" href="data:,">
<title>{{ heading }}</title>
<style>
{{ kg.vis_css }}
</style>
<style>{{ kg.page_css }}</style>
<script>{{ kg.vis_js }}</script>
</head>
<body>
<header id="kg-header">
<h1 id="kg-title">{{ heading }}</h1>
<p id="kg-summary">{{ kg.summary }}</p>
<div id="kg-controls">
<form id="kg-search-form" role="search">
<input id="kg-search" type="search" list="kg-names" placeholder="Find an entity (name or alias)"
 aria-label="Find an entity" autocomplete="off">
<datalist id="kg-names"></datalist>
<button type="submit">Find</button>
<span id="kg-search-status" aria-live="polite"></span>
</form>
<label>Predicate <select id="kg-predicate"><option value="">all predicates</option></select></label>
<fieldset id="kg-legend" aria-label="Entity types (click to show or hide)"></fieldset>
</div>
</header>
<main id="kg-main">
<div id="mynetwork"></div>
<aside id="kg-details" hidden>
<button id="kg-details-close" type="button" aria-label="Close">&times;</button>
<p id="kg-details-title"></p>
<pre id="kg-details-text"></pre>
</aside>
</main>
<script id="kg-meta" type="application/json">{{ kg.meta_json }}</script>
<script id="kg-nodes" type="application/json">{{ nodes|kg_json }}</script>
<script id="kg-edges" type="application/json">{{ edges|kg_json }}</script>
<script id="kg-options" type="application/json">{{ options|kg_json_text }}</script>
<script>{{ kg.page_js }}</script>
</body>
</html>
"""
