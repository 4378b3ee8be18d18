
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

// ---------------------------------------------------------------------------- the page data
// Entities: [key, label, type, out-degree, in-degree, rank, aliases, extra];
// facts: [subject, object, predicate, count, confidence, flags, sources, voice, voice in
// words, modality, mentions]; sources: [sentence, document, note] (export.html.page_data).
// A fact's voice (kg.voice): an index into kgMeta.voices (stated, claimed, denied, ...).
var E = kgMeta.entities;
var F = kgMeta.facts;
var V = kgMeta.voices.map(function (v) { return v.name; });
var STATED = V.indexOf("stated"), QUESTIONED = V.indexOf("questioned");
var NEGATED = 1, CONDITIONAL = 2;  // flag bits (export.html_text)
var kgHiddenVoices = new Set(kgMeta.hidden_voices);
var kgIndex = new Map();  // page id ("k:" + key) -> entity index
var kgFactsOf = E.map(function () { return []; });
var kgMaxDegree = 1;
E.forEach(function (e, i) {
  kgIndex.set(kgNodeId(e[0]), i);
  kgMaxDegree = Math.max(kgMaxDegree, e[3] + e[4]);
});
F.forEach(function (f, i) {
  kgFactsOf[f[0]].push(i);
  if (f[1] !== f[0]) kgFactsOf[f[1]].push(i);
});

// The page id of an entity key (see export.html.node_id).
function kgNodeId(key) {
  return "k:" + key;
}

function kgPlural(n, word, words) {
  return n.toLocaleString("en") + " " + (n === 1 ? word : (words || word + "s"));
}

function kgShort(text, limit) {
  text = String(text).split(/\s+/).join(" ").trim();
  return text.length <= limit ? text : text.slice(0, limit - 1).trimEnd() + "\u2026";
}

function kgTypeName(i) {
  return kgMeta.types[E[i][2]].name;
}

// The label drawn on a fact's edge: "may not rival (if)" (export.html_text.fact_label).
function kgFactLabel(f) {
  var fact = F[f], words = [];
  if (fact[9]) words.push(fact[9]);
  if (fact[5] & NEGATED) words.push("not");
  words.push(kgMeta.predicates[fact[2]].name);
  var label = words.join(" ");
  if (fact[5] & CONDITIONAL) label += " (if)";
  if (fact[7] === QUESTIONED) label += "?";
  return label;
}

// What each voice means, for the tooltip and the panel.
var VOICE_MEANING = {
  stated: "stated by the text in its own voice",
  claimed: "someone's claim: not stated as true by the text itself",
  denied: "denied by its source",
  questioned: "questioned: asked or doubted, not stated",
  negated: "negated: the text says it is not so",
  conditional: "conditional: true only if its condition holds",
  modal: "modal: possible, expected or required, not stated as fact",
  low_confidence: "low confidence: the extraction is unsure of it",
};

function kgVoiceName(f) {
  return V[F[f][7]];
}

function kgNodeTitle(i) {
  var e = E[i], lines = [e[1], "type: " + kgTypeName(i)];
  if (e[6].length) {
    var shown = e[6].slice(0, 8).join(", ");
    lines.push("aliases: " + shown + (e[6].length > 8 ? " (+" + (e[6].length - 8) + " more)" : ""));
  }
  lines.push("degree: " + (e[3] + e[4]) + " (" + e[3] + " out, " + e[4] + " in)");
  if (e[7].mentions) lines.push("mentions: " + e[7].mentions);
  if (e[7].scope) lines.push("only in: " + e[7].scope);
  return lines.join("\n");
}

function kgFactTitle(f) {
  var fact = F[f], label = kgFactLabel(f);
  var lines = [E[fact[0]][1] + " \u2192 " + label + " \u2192 " + E[fact[1]][1]];
  var counts = "count: " + fact[3];
  if (fact[4] !== null) counts += " \u00b7 confidence: " + fact[4].toFixed(2);
  lines.push(counts);
  lines.push("voice: " + fact[8]);
  lines.push(VOICE_MEANING[kgVoiceName(f)] || kgVoiceName(f));
  if (fact[6].length) {
    lines.push("sources:");
    fact[6].forEach(function (s) {
      lines.push("\u2022 " + kgMeta.documents[s[1]] + ": \u201c" + kgMeta.sentences[s[0]] +
                 "\u201d (" + kgMeta.notes[s[2]] + ")");
    });
    if (fact[10] > fact[6].length) lines.push("(+" + (fact[10] - fact[6].length) + " more)");
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------- vis items

// How each voice is drawn (the legend draws the same): claims and questions dotted, denials
// dotted red, negations dashed red, conditional and modal facts dashed orange.
var VOICE_STYLES = {
  stated: { dashes: false, color: "#8a97a6" },
  claimed: { dashes: [2, 4], color: "#7b3fa0" },
  denied: { dashes: [2, 4], color: "#d62728" },
  questioned: { dashes: [2, 4], color: "#1f77b4" },
  negated: { dashes: [6, 4], color: "#d62728" },
  conditional: { dashes: [10, 3, 2, 3], color: "#c76b00" },
  modal: { dashes: [8, 4], color: "#c76b00" },
  low_confidence: { dashes: [3, 3], color: "#c4cdd5" },
};

function kgNodeItem(i, at) {
  var e = E[i];
  var item = {
    id: kgNodeId(e[0]),
    label: kgShort(e[1], kgMeta.max_label),
    group: "t" + e[2],
    size: Math.round((8 + 24 * Math.sqrt((e[3] + e[4]) / kgMaxDegree)) * 100) / 100,
    title: kgNodeTitle(i),
  };
  if (at) { item.x = at[0]; item.y = at[1]; }
  return item;
}

function kgEdgeItem(f) {
  var fact = F[f];
  var item = {
    id: "e" + f,
    from: kgNodeId(E[fact[0]][0]),
    to: kgNodeId(E[fact[1]][0]),
    label: kgFactLabel(f),
    title: kgFactTitle(f),
  };
  if (fact[3] > 1) item.width = Math.round((1 + Math.min(4, Math.log2(fact[3]))) * 100) / 100;
  item.voice = kgVoiceName(f);
  var style = VOICE_STYLES[item.voice];
  if (style && item.voice !== "stated") {
    item.dashes = style.dashes;
    item.color = { color: style.color, highlight: style.color, hover: style.color };
  }
  return item;
}

// Several facts between one pair of entities: curves apart, so none hides another.
function kgSmooth(items) {
  var byPair = new Map();
  items.forEach(function (item) {
    var pair = item.from <= item.to ? item.from + "\u0000" + item.to : item.to + "\u0000" + item.from;
    if (!byPair.has(pair)) byPair.set(pair, []);
    byPair.get(pair).push(item);
  });
  byPair.forEach(function (members) {
    if (members.length < 2) return;
    members.forEach(function (item, i) {
      if (item.from === item.to) {
        item.selfReference = { size: 16 + 8 * i, angle: Math.round((Math.PI / 4 + i * 0.6) * 1000) / 1000 };
        return;
      }
      var offset = (i - (members.length - 1) / 2) * 0.25;
      if (Math.abs(offset) < 1e-9) { item.smooth = { enabled: false }; return; }
      var forward = item.from <= item.to;
      item.smooth = { enabled: true, type: (offset > 0) === forward ? "curvedCW" : "curvedCCW",
                      roundness: Math.round(Math.abs(offset) * 1000) / 1000 };
    });
  });
  return items;
}

// ---------------------------------------------------------------------------- views

// The current view: entity and fact indices drawn, and how to describe it.
var kgView = { entities: new Set(), facts: new Set(), description: "", asked: [], askedFacts: [] };
var kgVoiceHiddenBy = new Map();  // voice index -> how many of them
var kgHiddenTypes = new Set();
var kgFirstSummary = "";
var kgFragmentsShown = false;
var kgFilter = null;  // {kind: "predicate" | "type", index}

function kgFactsAmong(set) {
  var found = [];
  F.forEach(function (f, i) { if (set.has(f[0]) && set.has(f[1])) found.push(i); });
  return found;
}

// Draw entities and facts; positions: Map index -> [x, y] (missing ones are laid out by
// vis-network's physics, which then stops).
// Facts of a hidden voice are not drawn, nor an entity all of whose facts there are hidden
// (export.html_text.drawn does the same for the first view).
function kgVisible(entityList, factList, description) {
  var keep = entityList.filter(function (i) { return !kgHiddenTypes.has(E[i][2]); });
  var keptSet = new Set(keep);
  var among = factList.filter(function (f) { return keptSet.has(F[f][0]) && keptSet.has(F[f][1]); });
  var factsKept = among.filter(function (f) { return !kgHiddenVoices.has(F[f][7]); });
  var had = new Set(), has = new Set();
  among.forEach(function (f) { had.add(F[f][0]); had.add(F[f][1]); });
  factsKept.forEach(function (f) { has.add(F[f][0]); has.add(F[f][1]); });
  keep = keep.filter(function (i) { return has.has(i) || !had.has(i); });
  kgVoiceHiddenBy = new Map();
  among.forEach(function (f) {
    if (kgHiddenVoices.has(F[f][7])) kgVoiceHiddenBy.set(F[f][7], (kgVoiceHiddenBy.get(F[f][7]) || 0) + 1);
  });
  kgView = { entities: new Set(keep), facts: new Set(factsKept), description: description,
             asked: entityList.slice(), askedFacts: factList.slice() };
  return [keep, factsKept];
}

function kgDraw(entityList, factList, positions, description) {
  var visible = kgVisible(entityList, factList, description);
  var keep = visible[0], factsKept = visible[1];
  var relayout = keep.some(function (i) { return !positions.has(i); });
  var physics = relayout && keep.length <= kgMeta.physics_limit;
  network.setOptions({
    physics: physics ? kgPhysicsOptions() : { enabled: false },
    edges: { smooth: physics ? { enabled: true, type: "continuous", roundness: 0.2 } : { enabled: false } },
  });
  nodes.clear();
  edges.clear();
  var seeded = kgSeedPositions(keep, factsKept, positions);
  nodes.add(keep.map(function (i) { return kgNodeItem(i, seeded.get(i)); }));
  edges.add(kgSmooth(factsKept.map(kgEdgeItem)));
  kgAfterLayout(physics);
  kgDescribe();
}

function kgPhysicsOptions() {
  return {
    enabled: true, solver: "forceAtlas2Based",
    forceAtlas2Based: { gravitationalConstant: -70, centralGravity: 0.01, springLength: 110,
                        springConstant: 0.08, avoidOverlap: 0.3 },
    minVelocity: 1.0, stabilization: { enabled: true, iterations: 150, updateInterval: 50 },
  };
}

// Starting positions: known ones kept; the others in a circle per connected part, the
// parts side by side, so the physics only has to polish.
function kgSeedPositions(list, factList, known) {
  var seeded = new Map();
  var parent = new Map();
  function find(i) { while (parent.get(i) !== i) i = parent.get(i); return i; }
  list.forEach(function (i) { parent.set(i, i); });
  factList.forEach(function (f) { parent.set(find(F[f][0]), find(F[f][1])); });
  var parts = new Map();
  list.forEach(function (i) {
    if (known.has(i)) { seeded.set(i, known.get(i)); return; }
    var root = find(i);
    if (!parts.has(root)) parts.set(root, []);
    parts.get(root).push(i);
  });
  var groups = Array.from(parts.values()).sort(function (a, b) { return b.length - a.length; });
  var x = 0, y = 0, rowHeight = 0, width = 110 * Math.ceil(Math.sqrt(list.length) + 2) * 1.6;
  groups.forEach(function (members) {
    var radius = members.length === 1 ? 0 : 60 * Math.sqrt(members.length);
    if (x > 0 && x + 2 * radius > width) { x = 0; y += rowHeight + 120; rowHeight = 0; }
    members.forEach(function (i, k) {
      var angle = 2 * Math.PI * k / members.length;
      seeded.set(i, [x + radius + radius * Math.cos(angle), y + radius + radius * Math.sin(angle)]);
    });
    x += 2 * radius + 140;
    rowHeight = Math.max(rowHeight, 2 * radius);
  });
  return seeded;
}

// True while a view is being laid out (tests and scripts wait for it).
window.kgLayoutPending = false;

// Labels are wide: widen a laid-out view to the canvas's shape (at most 1.7 times), so the
// fitted zoom is larger and more labels find room.
function kgStretch() {
  var at = network.getPositions();
  var ids = Object.keys(at);
  if (ids.length < 3) return;
  var xs = ids.map(function (id) { return at[id].x; }), ys = ids.map(function (id) { return at[id].y; });
  var w = Math.max.apply(null, xs) - Math.min.apply(null, xs) || 1;
  var h = Math.max.apply(null, ys) - Math.min.apply(null, ys) || 1;
  var canvas = network.canvas.frame.canvas;
  var factor = Math.min(1.7, (canvas.clientWidth / canvas.clientHeight) / (w / h));
  if (!(factor > 1.05)) return;
  // one batch: network.moveNode would redraw once per node
  nodes.update(ids.map(function (id) { return { id: id, x: at[id].x * factor, y: at[id].y }; }));
  network.fit({ animation: false });
}

function kgAfterLayout(physics) {
  if (physics) {
    window.kgLayoutPending = true;
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      kgStretch();
      network.fit({ animation: false });
      window.kgLayoutPending = false;
    });
    network.stabilize(150);
  } else {
    network.fit({ animation: false });
  }
}

// The header: what the graph holds, what is drawn, and what is not, each with a way to show it.
function kgDescribe() {
  var summary = document.getElementById("kg-summary");
  var n = kgView.entities.size, m = kgView.facts.size;
  var total = kgMeta.total;
  var head = kgPlural(total[0], "entity", "entities") + " \u00b7 " + kgPlural(total[1], "fact") +
    " \u00b7 " + kgPlural(total[2], "document");
  var firstView = !kgView.description && !kgVoicesChanged();
  summary.textContent = firstView ? kgFirstSummary : head + " \u2014 " + (kgView.description ||
    "showing {n} and {m}").replace("{n}", kgPlural(n, "entity", "entities"))
    .replace("{m}", kgPlural(m, "fact")) + "; " + kgPlural(total[0] - n, "entity", "entities") +
    " and " + kgPlural(total[1] - m, "fact") + " left out";
  var more = document.getElementById("kg-summary-more");
  more.textContent = "";
  function note(text) { more.appendChild(document.createTextNode(text + " ")); }
  var fragmentsOut = kgMeta.fragments.filter(function (i) { return !kgView.entities.has(i); }).length;
  if (kgMeta.fragment_total && !kgFilter) {
    if (kgFragmentsShown) {
      note(kgPlural(kgMeta.fragments.length, "entity", "entities") + " of small fragments (pairs and triples) drawn");
      more.appendChild(kgButton("Hide fragments", "kg-fragments", kgToggleFragments));
    } else {
      note(kgPlural(kgMeta.fragment_total, "entity", "entities") + " in small fragments (pairs and triples) hidden");
      if (fragmentsOut) more.appendChild(kgButton("Show fragments", "kg-fragments", kgToggleFragments));
    }
    note(" \u00b7");
  }
  kgVoiceHiddenBy.forEach(function (count, voice) {
    note(kgPlural(count, kgMeta.voices[voice].label + " fact") + " hidden");
    more.appendChild(kgButton("Show", "kg-show-" + V[voice], function () { kgShowVoice(voice, true); }));
    note(" \u00b7");
  });
  if (kgHiddenTypes.size) note(kgHiddenTypes.size + " type(s) hidden \u00b7");
  if (F.length < total[1]) {
    note("the page holds " + kgPlural(F.length, "fact") + " of " + total[1].toLocaleString("en") + " \u00b7");
  }
  if (more.lastChild && more.lastChild.nodeType === 3 && more.lastChild.textContent === " \u00b7 ") {
    more.removeChild(more.lastChild);
    note("");
  }
  if (kgFilter || kgFragmentsShown || kgView.description || kgVoicesChanged()) {
    more.appendChild(kgButton("Back to the first view", "kg-reset", kgFirstView));
  }
  kgUpdateVoiceLegend();
}

// ---------------------------------------------------------------------------- voices

function kgVoicesChanged() {
  if (kgHiddenVoices.size !== kgMeta.hidden_voices.length) return true;
  return kgMeta.hidden_voices.some(function (v) { return !kgHiddenVoices.has(v); });
}

// Draw the current view again with another set of hidden voices.
function kgSetHiddenVoices(hidden) {
  kgHiddenVoices = hidden;
  kgDraw(kgView.asked, kgView.askedFacts, kgCurrentPositions(), kgView.description);
}

function kgShowVoice(voice, show) {
  var hidden = new Set(kgHiddenVoices);
  if (show) hidden.delete(voice); else hidden.add(voice);
  kgSetHiddenVoices(hidden);
}

// "stated only": every voice but stated hidden; again: every voice shown.
function kgStatedOnly(only) {
  var hidden = new Set();
  if (only) V.forEach(function (name, i) { if (i !== STATED) hidden.add(i); });
  kgSetHiddenVoices(hidden);
}

function kgVoiceSwatch(name) {
  var style = VOICE_STYLES[name];
  var svg = kgSvg("svg", { width: 26, height: 8 });
  var attrs = { x1: 0, y1: 4, x2: 26, y2: 4, stroke: style.color, "stroke-width": 2 };
  if (style.dashes) attrs["stroke-dasharray"] = style.dashes.join(" ");
  svg.appendChild(kgSvg("line", attrs));
  return svg;
}

// The voice legend: one box per voice the graph has, with its number of facts (untick to
// hide), and the "stated only" switch.
function kgBuildVoiceLegend() {
  var legend = document.getElementById("kg-edge-legend");
  legend.textContent = "";
  kgMeta.voices.forEach(function (voice, index) {
    if (!voice.count) return;
    var label = document.createElement("label");
    label.title = VOICE_MEANING[voice.name] || voice.name;
    var box = document.createElement("input");
    box.type = "checkbox";
    box.dataset.voice = voice.name;
    box.addEventListener("change", function () { kgShowVoice(index, box.checked); });
    label.appendChild(box);
    label.appendChild(kgVoiceSwatch(voice.name));
    label.appendChild(document.createTextNode(" " + voice.label + " (" + voice.count.toLocaleString("en") + ")"));
    legend.appendChild(label);
  });
  var only = kgButton("stated only", "kg-stated-only", function () {
    kgStatedOnly(!kgStatedOnlyOn());
  });
  only.className = "kg-box";
  legend.appendChild(only);
  kgUpdateVoiceLegend();
}

function kgStatedOnlyOn() {
  return V.every(function (name, i) { return i === STATED || kgHiddenVoices.has(i) || !kgMeta.voices[i].count; })
    && !kgHiddenVoices.has(STATED);
}

function kgUpdateVoiceLegend() {
  document.querySelectorAll("#kg-edge-legend input[data-voice]").forEach(function (box) {
    box.checked = !kgHiddenVoices.has(V.indexOf(box.dataset.voice));
  });
  var only = document.getElementById("kg-stated-only");
  if (only) {
    only.textContent = kgStatedOnlyOn() ? "all voices" : "stated only";
    only.setAttribute("aria-pressed", String(kgStatedOnlyOn()));
  }
}

function kgButton(text, id, onClick) {
  var button = document.createElement("button");
  button.type = "button";
  if (id) button.id = id;
  button.textContent = text;
  button.addEventListener("click", onClick);
  return button;
}

// Positions of the first view as it was drawn (after vis-network polished it), and of the
// fragments (placed below it by export.html).
var kgFirstLayout = null;

function kgFirstPositions() {
  var positions = new Map();
  kgMeta.positions.forEach(function (p, i) { if (p) positions.set(i, p); });
  if (kgFirstLayout) kgFirstLayout.forEach(function (p, i) { positions.set(i, p); });
  return positions;
}

function kgFirstView() {
  kgFilter = null;
  kgFragmentsShown = false;
  kgHiddenVoices = new Set(kgMeta.hidden_voices);
  document.getElementById("kg-filter").value = "";
  kgHideDetails();
  kgDraw(kgMeta.view, kgMeta.view_facts, kgFirstPositions(), "");
}

function kgToggleFragments() {
  kgFragmentsShown = !kgFragmentsShown;
  var list = Array.from(kgView.entities);
  var positions = kgCurrentPositions();
  if (kgFragmentsShown) {
    var first = kgFirstPositions();
    kgMeta.fragments.forEach(function (i) { if (!kgView.entities.has(i)) { list.push(i); positions.set(i, first.get(i)); } });
  } else {
    var fragments = new Set(kgMeta.fragments);
    list = list.filter(function (i) { return !fragments.has(i); });
  }
  var set = new Set(list);
  kgDraw(list, kgFactsAmong(set), positions,
         kgFragmentsShown ? "showing {n} and {m}, small fragments included" : kgView.description);
}

function kgCurrentPositions() {
  var positions = new Map();
  var at = network.getPositions();
  Object.keys(at).forEach(function (id) { positions.set(kgIndex.get(id), [at[id].x, at[id].y]); });
  return positions;
}

// A predicate or a type: every fact the page holds with it (a type: with an entity of that
// type at either end), the best supported first, until their entities reach the page's cap.
function kgApplyFilter(kind, index) {
  kgFilter = { kind: kind, index: index };
  var matching = [];
  F.forEach(function (f, i) {
    var ok = kind === "predicate" ? f[2] === index : (E[f[0]][2] === index || E[f[1]][2] === index);
    if (ok) matching.push(i);
  });
  matching.sort(function (a, b) { return F[b][3] - F[a][3] || (F[b][4] || 0) - (F[a][4] || 0) || a - b; });
  var chosen = new Set(), facts = [];
  matching.forEach(function (f) {
    var grow = (chosen.has(F[f][0]) ? 0 : 1) + (chosen.has(F[f][1]) || F[f][0] === F[f][1] ? 0 : 1);
    if (chosen.size + grow > kgMeta.cap) return;
    chosen.add(F[f][0]);
    chosen.add(F[f][1]);
    facts.push(f);
  });
  var name = kind === "predicate" ? "\u201c" + kgMeta.predicates[index].name + "\u201d"
    : "type " + kgMeta.types[index].name;
  var total = kind === "predicate" ? kgMeta.predicates[index].count : null;
  var description = "showing {m} with " + name +
    (total !== null && total > facts.length ? " (of " + total.toLocaleString("en") + ")" : "") +
    " and their {n}";
  document.getElementById("kg-filter").value = kind === "predicate"
    ? kgMeta.predicates[index].name : "type: " + kgMeta.types[index].name;
  document.getElementById("kg-filter-list").hidden = true;
  kgHideDetails();
  kgDraw(Array.from(chosen), facts, new Map(), description);
  return facts.length;
}

function kgClearFilter() {
  kgFirstView();
}

// A node's neighbours that the view left out (those the page holds), best-ranked first.
function kgHiddenNeighbours(i) {
  var found = new Set();
  kgFactsOf[i].forEach(function (f) {
    var other = F[f][0] === i ? F[f][1] : F[f][0];
    if (!kgView.entities.has(other) && !kgHiddenTypes.has(E[other][2])) found.add(other);
  });
  return Array.from(found).sort(function (a, b) { return E[a][5] - E[b][5]; });
}

// Add up to 30 hidden neighbours of entity i around it, away from the rest of the view.
function kgReveal(i, limit) {
  var hidden = kgHiddenNeighbours(i).slice(0, limit || 30);
  if (!hidden.length) return 0;
  var positions = kgCurrentPositions();
  var centre = positions.get(i) || [0, 0];
  var mean = [0, 0];
  positions.forEach(function (p) { mean[0] += p[0] / positions.size; mean[1] += p[1] / positions.size; });
  var away = Math.atan2(centre[1] - mean[1], centre[0] - mean[0]);
  if (!isFinite(away)) away = 0;
  hidden.forEach(function (j, k) {
    var ring = Math.floor(k / 10), slot = k % 10, count = Math.min(10, hidden.length - ring * 10);
    var spread = Math.min(Math.PI * 1.5, 0.45 * count);
    var angle = away + (count === 1 ? 0 : (slot / (count - 1) - 0.5) * spread);
    var radius = 170 + 110 * ring;
    positions.set(j, [centre[0] + radius * Math.cos(angle), centre[1] + radius * Math.sin(angle)]);
  });
  var list = Array.from(kgView.entities).concat(hidden);
  var set = new Set(list);
  var description = kgView.description || "showing {n} and {m}: the first view and revealed neighbours";
  kgDraw(list, kgFactsAmong(set), positions, description.indexOf("revealed") < 0
    ? description + ", with revealed neighbours" : description);
  network.selectNodes([kgNodeId(E[i][0])]);
  kgShowNode(kgNodeId(E[i][0]));
  return hidden.length;
}

// ---------------------------------------------------------------------------- labels

// Labels at a fixed size on screen, best first, none overlapping: the selected entity, its
// neighbours, then by PageRank; facts' labels after the entities', where room is left.
var NODE_FONT = 13, EDGE_FONT = 12;
var kgLabelBoxes = [];
var kgTextWidth = new Map();
window.kgLabelStats = { drawn: 0, total: 0, px: NODE_FONT, edgesDrawn: 0 };

function kgMeasure(ctx, text, font) {
  var key = font + "\u0000" + text;
  if (!kgTextWidth.has(key)) { ctx.font = font; kgTextWidth.set(key, ctx.measureText(text).width); }
  return kgTextWidth.get(key);
}

// Boxes already taken on screen, in a grid of 64 px cells, so that each test is cheap.
function kgOccupancy() {
  var cells = new Map(), CELL = 64;
  function each(box, visit) {
    for (var cx = Math.floor(box[0] / CELL); cx <= Math.floor(box[2] / CELL); cx++) {
      for (var cy = Math.floor(box[1] / CELL); cy <= Math.floor(box[3] / CELL); cy++) {
        if (visit(cx + "," + cy) === false) return false;
      }
    }
    return true;
  }
  return {
    free: function (box) {
      return each(box, function (cell) {
        var list = cells.get(cell);
        if (!list) return true;
        for (var b = 0; b < list.length; b++) {
          var o = list[b];
          if (box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1]) return false;
        }
        return true;
      });
    },
    take: function (box) {
      each(box, function (cell) {
        if (!cells.has(cell)) cells.set(cell, []);
        cells.get(cell).push(box);
      });
    },
  };
}

function kgInside(box, width, height) {
  return box[0] >= 0 && box[1] >= 0 && box[2] <= width && box[3] <= height;
}

function kgClamp(box, width, height) {
  var dx = Math.max(0, -box[0]) - Math.max(0, box[2] - width);
  var dy = Math.max(0, -box[1]) - Math.max(0, box[3] - height);
  return [box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy];
}

function kgDrawLabels(ctx) {
  var ratio = network.canvas.pixelRatio || 1, scale = network.getScale();
  var width = network.canvas.frame.canvas.clientWidth, height = network.canvas.frame.canvas.clientHeight;
  var selectedIds = network.getSelectedNodes();
  var selected = new Set(selectedIds);
  var near = new Set();
  selectedIds.forEach(function (id) {
    network.getConnectedNodes(id).forEach(function (other) { near.add(other); });
  });
  var ids = nodes.getIds();
  var positions = network.getPositions(ids);
  var order = [];
  ids.forEach(function (id) {
    var p = network.canvasToDOM(positions[id]);
    var r = (network.body.nodes[id].options.size || 10) * scale;
    if (p.x < -300 || p.y < -60 || p.x > width + 300 || p.y > height + 60) return;
    var tier = selected.has(id) ? 0 : near.has(id) ? 1 : 2;
    order.push({ tier: tier, rank: E[kgIndex.get(id)][5], id: id, x: p.x, y: p.y, r: r });
  });
  order.sort(function (a, b) { return a.tier - b.tier || a.rank - b.rank; });
  var room = kgOccupancy();
  order.forEach(function (n) { room.take([n.x - n.r, n.y - n.r, n.x + n.r, n.y + n.r]); });
  var labelled = [], drawn = 0;
  ctx.save();
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  order.forEach(function (n) {
    var text = nodes.get(n.id).label;
    var font = (n.tier === 0 ? "bold " : "") + NODE_FONT + "px system-ui, Arial, sans-serif";
    var w = kgMeasure(ctx, text, font), h = NODE_FONT + 4;
    // below the entity, else above, right or left of it: a hub among its neighbours still
    // finds a free side
    var boxes = [
      [n.x - w / 2 - 2, n.y + n.r + 1, n.x + w / 2 + 2, n.y + n.r + 1 + h],
      [n.x - w / 2 - 2, n.y - n.r - 1 - h, n.x + w / 2 + 2, n.y - n.r - 1],
      [n.x + n.r + 2, n.y - h / 2, n.x + n.r + 6 + w, n.y + h / 2],
      [n.x - n.r - 6 - w, n.y - h / 2, n.x - n.r - 2, n.y + h / 2],
    ];
    // a label lies wholly inside the canvas (never cut by its edge, beside the statistics
    // strip); the selected entity's label is moved inside when no side fits
    var box = boxes.find(function (b) { return kgInside(b, width, height) && (n.tier === 0 || room.free(b)); });
    if (!box && n.tier === 0) box = kgClamp(boxes[0], width, height);
    if (!box) return;
    room.take(box);
    labelled.push({ text: text, font: font, x: (box[0] + box[2]) / 2, y: box[1] + 2, id: n.id,
                    box: box });
    drawn++;
  });
  // fact labels where there is room: the selected entity's first, then the best supported
  var edgeLabels = 0;
  var efont = "italic " + EDGE_FONT + "px system-ui, Arial, sans-serif";
  var candidates = [];
  edges.forEach(function (e) {
    var f = Number(e.id.slice(1));
    var tier = selected.has(e.from) || selected.has(e.to) ? 0 : 1;
    if (tier === 1 && scale < 0.15) return;
    candidates.push([tier, -F[f][3], f, e]);
  });
  candidates.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
  candidates.slice(0, 600).forEach(function (entry) {
    var e = entry[3], edge = network.body.edges[e.id];
    if (!edge || !edge.connected || e.from === e.to || !positions[e.from] || !positions[e.to]) return;
    var mid = network.canvasToDOM(edge.edgeType.getPoint(0.5));
    if (mid.x < 0 || mid.y < 0 || mid.x > width || mid.y > height) return;
    var a = network.canvasToDOM(positions[e.from]), b = network.canvasToDOM(positions[e.to]);
    var w = kgMeasure(ctx, e.label, efont);
    if (entry[0] !== 0 && Math.hypot(a.x - b.x, a.y - b.y) < w + 12) return;
    var box = [mid.x - w / 2 - 2, mid.y - EDGE_FONT / 2 - 3, mid.x + w / 2 + 2, mid.y + EDGE_FONT / 2 + 3];
    if (!kgInside(box, width, height) || !room.free(box)) return;
    room.take(box);
    labelled.push({ text: e.label, font: efont, x: mid.x, y: box[1] + 3,
                    color: e.color ? e.color.color : "#52606d" });
    edgeLabels++;
  });
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  ctx.lineJoin = "round";
  labelled.forEach(function (l) {
    ctx.font = l.font;
    ctx.lineWidth = 3;
    ctx.strokeStyle = "rgba(255,255,255,0.92)";
    ctx.strokeText(l.text, l.x, l.y);
    ctx.fillStyle = l.color || "#1f2933";
    ctx.fillText(l.text, l.x, l.y);
  });
  ctx.restore();
  kgLabelBoxes = labelled.filter(function (l) { return l.id; });
  window.kgLabelStats = { drawn: drawn, total: ids.length, px: NODE_FONT, edgesDrawn: edgeLabels,
                          scale: scale };
}

// ---------------------------------------------------------------------------- the panel

function kgText(id, text) {
  document.getElementById(id).textContent = text;
}

function kgEl(tag, text, className) {
  var el = document.createElement(tag);
  if (text !== undefined && text !== null) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function kgShowDetails(heading, text) {
  kgText("kg-details-title", heading);
  kgText("kg-details-text", text);
  document.getElementById("kg-details-more").textContent = "";
  document.getElementById("kg-details").hidden = false;
}

function kgHideDetails() {
  document.getElementById("kg-details").hidden = true;
}

// A fact's voice in words ("claimed by Prosecutors (accuse)"), as a tag.
function kgVoiceTag(f) {
  return kgEl("span", F[f][8], "kg-flag kg-flag-" + kgVoiceName(f));
}

function kgSources(f, list) {
  F[f][6].forEach(function (s) {
    var line = kgEl("div", "\u201c" + kgMeta.sentences[s[0]] + "\u201d ", "kg-sentence");
    line.appendChild(kgEl("span", "\u2014 " + kgMeta.documents[s[1]] + " (" + kgMeta.notes[s[2]] + ")", "kg-doc"));
    list.appendChild(line);
  });
  if (F[f][10] > F[f][6].length) {
    list.appendChild(kgEl("div", "(+" + (F[f][10] - F[f][6].length) + " more sentences)", "kg-doc"));
  }
}

function kgShowNode(id) {
  var i = kgIndex.get(id);
  if (i === undefined) return;
  var e = E[i];
  kgShowDetails(e[1], kgNodeTitle(i));
  var more = document.getElementById("kg-details-more");
  if (e[7].alias_rules) {
    more.appendChild(kgEl("h3", "Why these names are one entity"));
    var rules = kgEl("ul");
    Object.keys(e[7].alias_rules).forEach(function (form) {
      rules.appendChild(kgEl("li", form + " \u2014 " + e[7].alias_rules[form].join(", ")));
    });
    more.appendChild(rules);
  }
  if (e[7].honorifics && e[7].honorifics.length) {
    more.appendChild(kgEl("div", "honorifics: " + e[7].honorifics.join(", ")));
  }
  var hidden = kgHiddenNeighbours(i);
  if (hidden.length) {
    var reveal = kgButton("Show " + Math.min(30, hidden.length) + " more neighbour" +
      (hidden.length === 1 ? "" : "s") + (hidden.length > 30 ? " (of " + hidden.length + ")" : ""),
      "kg-reveal", function () { kgReveal(i); });
    more.appendChild(reveal);
  }
  // its facts grouped by voice (stated first), each voice by predicate (the most facts first)
  var mine = kgFactsOf[i];
  var missing = e[3] + e[4] - mine.length;
  V.forEach(function (name, voice) {
    var group = mine.filter(function (f) { return F[f][7] === voice; });
    if (!group.length) return;
    group.sort(function (a, b) {
      return (F[a][0] === i ? 0 : 1) - (F[b][0] === i ? 0 : 1) ||
        kgMeta.predicates[F[a][2]].name.localeCompare(kgMeta.predicates[F[b][2]].name) ||
        F[b][3] - F[a][3] || a - b;
    });
    var heading = kgEl("h3", kgMeta.voices[voice].label.replace(/^./, function (c) { return c.toUpperCase(); }) +
      " (" + group.length + ")");
    heading.title = VOICE_MEANING[name] || name;
    more.appendChild(heading);
    var section = kgEl("div");
    section.dataset.voice = name;
    var byPredicate = new Map();
    group.forEach(function (f) {
      if (!byPredicate.has(F[f][2])) byPredicate.set(F[f][2], []);
      byPredicate.get(F[f][2]).push(f);
    });
    Array.from(byPredicate.keys()).sort(function (a, b) {
      return byPredicate.get(b).length - byPredicate.get(a).length || a - b;
    }).forEach(function (p) {
      var facts = byPredicate.get(p);
      section.appendChild(kgEl("h4", kgMeta.predicates[p].name + " (" + facts.length + ")"));
      var list = kgEl("ul");
      facts.slice(0, 40).forEach(function (f) {
        var out = F[f][0] === i, other = F[f][out ? 1 : 0];
        var item = kgEl("li");
        item.className = "kg-fact";
        item.appendChild(document.createTextNode((out ? "\u2192 " : "\u2190 ") + kgFactLabel(f) + " "));
        var link = kgButton(E[other][1], null, function () { kgGoTo(other); });
        link.className = "kg-link";
        item.appendChild(link);
        if (F[f][3] > 1) item.appendChild(kgEl("span", " \u00d7" + F[f][3], "kg-count"));
        if (F[f][8] !== name) item.appendChild(kgVoiceTag(f));
        kgSources(f, item);
        list.appendChild(item);
      });
      if (facts.length > 40) list.appendChild(kgEl("li", "(+" + (facts.length - 40) + " more)", "kg-doc"));
      section.appendChild(list);
    });
    more.appendChild(section);
  });
  if (missing > 0) {
    more.appendChild(kgEl("p", kgPlural(missing, "more fact") + " about it are in the graph but not in this page (kg query reads them all).", "kg-doc"));
  }
}

function kgShowEdge(id) {
  var f = Number(String(id).slice(1));
  if (!F[f]) return;
  kgShowDetails(kgFactLabel(f), kgFactTitle(f));
}

// Show entity i: draw it (next to a drawn neighbour) if the view left it out, then select it.
function kgGoTo(i) {
  var id = kgNodeId(E[i][0]);
  if (kgHiddenTypes.has(E[i][2])) {
    kgHiddenTypes.delete(E[i][2]);
    var box = document.querySelector('#kg-legend input[data-type="' + E[i][2] + '"]');
    if (box) box.checked = true;
  }
  if (!kgView.entities.has(i)) {
    var anchor = kgFactsOf[i].map(function (f) { return F[f][0] === i ? F[f][1] : F[f][0]; })
      .filter(function (j) { return kgView.entities.has(j); })[0];
    var positions = kgCurrentPositions();
    var at = anchor === undefined ? [0, 0] : positions.get(anchor);
    positions.set(i, [at[0] + 150, at[1] + 90]);
    var list = Array.from(kgView.entities).concat([i]);
    kgDraw(list, kgFactsAmong(new Set(list)), positions,
           kgView.description || "showing {n} and {m}: the first view and entities found");
    kgReveal(i, 12);  // with its neighbours, so that it does not stand alone
  }
  network.selectNodes([id]);
  kgFocus(id, Math.max(network.getScale(), 1.0));
  kgShowNode(id);
  return id;
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

// ---------------------------------------------------------------------------- search

// Search: exact name or alias first, then a prefix, then a substring (case-insensitive);
// among equals the best-ranked entity.
var kgNames = [];
E.forEach(function (e) {
  [e[1]].concat(e[6]).forEach(function (name) {
    kgNames.push([name.toLocaleLowerCase(), kgNodeId(e[0]), name]);
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
    var best = null;
    for (var i = 0; i < kgNames.length; i++) {
      if (tests[t](kgNames[i][0])) {
        var rank = E[kgIndex.get(kgNames[i][1])][5];
        if (best === null || rank < best[0]) best = [rank, kgNames[i][1]];
      }
    }
    if (best !== null) return best[1];
  }
  return null;
}

function kgSearch(query) {
  var id = kgFind(query);
  if (id === null) {
    kgText("kg-search-status", "no entity matches");
    return null;
  }
  kgGoTo(kgIndex.get(id));
  kgText("kg-search-status", "found: " + E[kgIndex.get(id)][1]);
  return id;
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

// The filter list: predicates by number of facts, then entity types; typing narrows it.
function kgFillFilterList() {
  var list = document.getElementById("kg-filter-list");
  var q = document.getElementById("kg-filter").value.trim().toLocaleLowerCase();
  var typesOnly = q.indexOf("type:") === 0;
  if (typesOnly) q = q.slice(5).trim();
  list.textContent = "";
  var shown = 0, limit = 200;
  function add(text, count, onPick) {
    if (shown >= limit) return;
    var item = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.appendChild(kgEl("span", text));
    button.appendChild(kgEl("span", count, "kg-count"));
    button.addEventListener("click", onPick);
    item.appendChild(button);
    list.appendChild(item);
    shown++;
  }
  var matches = 0;
  kgMeta.predicates.forEach(function (p, index) {
    if (typesOnly || (q && p.name.toLocaleLowerCase().indexOf(q) === -1)) return;
    matches++;
    add(p.name, kgPlural(p.count, "fact"), function () { kgApplyFilter("predicate", index); });
  });
  kgMeta.types.forEach(function (t, index) {
    if (q && t.name.toLocaleLowerCase().indexOf(q) === -1) return;
    matches++;
    add("type: " + t.name, kgPlural(t.count, "entity", "entities"), function () { kgApplyFilter("type", index); });
  });
  if (matches > shown) list.appendChild(kgEl("li", (matches - shown) + " more: type to narrow", "kg-note"));
  if (!matches) list.appendChild(kgEl("li", "no predicate or type matches", "kg-note"));
  list.hidden = false;
}

// ---------------------------------------------------------------------------- statistics

var SVG = "http://www.w3.org/2000/svg";

function kgSvg(tag, attrs, text) {
  var el = document.createElementNS(SVG, tag);
  Object.keys(attrs).forEach(function (name) { el.setAttribute(name, attrs[name]); });
  if (text !== undefined) el.textContent = text;
  return el;
}

// A bar chart: horizontal bars with their names on the left, or columns with names below.
function kgChart(id, rows, color, horizontal, onPick) {
  var svg = document.getElementById(id);
  svg.textContent = "";
  var max = Math.max.apply(null, rows.map(function (r) { return r[1]; }).concat([1e-12]));
  if (horizontal) {
    var height = rows.length * 14 + 2;
    svg.setAttribute("viewBox", "0 0 250 " + height);
    rows.forEach(function (row, i) {
      var y = i * 14 + 1;
      var name = kgSvg("text", { x: 104, y: y + 10, "text-anchor": "end" }, kgShort(row[0], 20));
      svg.appendChild(name);
      kgFitText(name, row[0], 20, 100);  // never past the strip's left edge
      name.appendChild(kgSvg("title", {}, row[0]));
      var bar = kgSvg("rect", { x: 108, y: y + 2, height: 10, width: Math.max(1, 100 * row[1] / max), fill: color });
      bar.appendChild(kgSvg("title", {}, row[0] + ": " + row[1]));
      if (onPick) {
        [name, bar].forEach(function (el) {
          el.style.cursor = "pointer";
          el.addEventListener("click", function () { onPick(row[0]); });
        });
      }
      svg.appendChild(bar);
      var value = row[1] < 1 ? row[1].toPrecision(2) : row[1].toLocaleString("en");
      svg.appendChild(kgSvg("text", { x: 111 + 100 * row[1] / max, y: y + 10 }, value));
    });
  } else {
    svg.setAttribute("viewBox", "0 0 250 132");
    var w = 244 / rows.length;
    rows.forEach(function (row, i) {
      var h = 84 * row[1] / max;
      var bar = kgSvg("rect", { x: 3 + i * w + 1, y: 98 - h, width: w - 2, height: Math.max(h, 0.5), fill: color });
      bar.appendChild(kgSvg("title", {}, "degree " + row[0] + ": " + row[1] + " entities"));
      svg.appendChild(bar);
      svg.appendChild(kgSvg("text", { x: 3 + i * w + w / 2, y: 95 - h, "text-anchor": "middle" },
                            row[1].toLocaleString("en")));
      // bucket names slanted, so "10–19 20–49 50–99" never run into each other
      var x = 3 + i * w + w / 2 + 3;
      svg.appendChild(kgSvg("text", { x: x, y: 107, "text-anchor": "end",
                                      transform: "rotate(-45 " + x + " 107)" }, row[0]));
    });
  }
}

// Shorten an SVG text (now at most `limit` characters) until it is at most `width` wide
// (measured when the strip is laid out).
function kgFitText(el, text, limit, width) {
  while (limit > 4 && el.getComputedTextLength && el.getComputedTextLength() > width) {
    limit -= 1;
    el.textContent = kgShort(text, limit);
  }
}

function kgBuildStats() {
  var charts = kgMeta.charts;
  kgChart("kg-chart-top", charts.top_pagerank, "#4e79a7", true, function (name) { kgSearch(name); });
  kgChart("kg-chart-predicates", charts.predicates, "#f28e2b", true, function (name) {
    var index = kgMeta.predicates.findIndex(function (p) { return p.name === name; });
    if (index >= 0) kgApplyFilter("predicate", index);
  });
  kgChart("kg-chart-degrees", charts.degrees, "#59a14f", false, null);
}

// ---------------------------------------------------------------------------- start

function drawGraph() {
  container = document.getElementById("mynetwork");
  kgNodes.forEach(function (item) {
    var i = kgIndex.get(item.id);
    Object.assign(item, kgNodeItem(i, [item.x, item.y]), { label: item.label });
  });
  kgEdges = kgSmooth(kgEdges.map(function (item) {
    return Object.assign(kgEdgeItem(Number(item.id.slice(1))), { label: item.label });
  }));
  nodes = new vis.DataSet(kgNodes);
  edges = new vis.DataSet(kgEdges);
  allNodes = nodes.get({ returnType: "Object" });
  allEdges = edges.get({ returnType: "Object" });
  data = { nodes: nodes, edges: edges };
  options = kgOptions;
  network = new vis.Network(container, data, options);
  kgVisible(kgMeta.view, kgMeta.view_facts, "");  // what export.html drew: the same
  network.on("afterDrawing", kgDrawLabels);
  network.once("afterDrawing", function () {
    window.kgReadyAt = performance.now();
    window.kgReady = true;
  });
  if (options.physics && options.physics.enabled) {
    // Lay out once, then hold still: a settled page never burns the CPU.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      kgStretch();
      kgFirstLayout = kgCurrentPositions();
    });
  } else {
    kgStretch();
    network.fit({ animation: false });
  }
  return network;
}

function kgBuildControls() {
  var legend = document.getElementById("kg-legend");
  var LEGEND_TYPES = 9;  // the rest are listed in the filter menu ("type: ...")
  kgMeta.types.forEach(function (type, index) {
    if (index >= LEGEND_TYPES && type.name !== "(no type)") return;
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.type = String(index);
    box.addEventListener("change", function () {
      if (box.checked) kgHiddenTypes.delete(index); else kgHiddenTypes.add(index);
      var list = Array.from(kgView.entities);
      if (box.checked) {  // bring back the entities of this type the view had
        var first = kgFilter ? [] : kgMeta.view.concat(kgFragmentsShown ? kgMeta.fragments : []);
        first.forEach(function (i) { if (E[i][2] === index) list.push(i); });
      }
      var set = new Set(list);
      kgDraw(Array.from(set), kgFactsAmong(set), new Map(), kgView.description ||
             "showing {n} and {m} of the first view, laid out again");
    });
    var swatch = document.createElement("span");
    swatch.className = "kg-swatch";
    swatch.style.background = type.color;
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(document.createTextNode(type.name + " (" + type.count + ")"));
    legend.appendChild(label);
  });
  if (kgMeta.types.length > LEGEND_TYPES + 1) {
    legend.appendChild(kgEl("span", "+" + (kgMeta.types.length - LEGEND_TYPES - 1) +
      " more types in the filter menu", "kg-more"));
  }
  var filter = document.getElementById("kg-filter");
  filter.addEventListener("focus", kgFillFilterList);
  filter.addEventListener("input", kgFillFilterList);
  filter.addEventListener("keydown", function (event) {
    if (event.key === "Escape") document.getElementById("kg-filter-list").hidden = true;
    if (event.key === "Enter") {
      event.preventDefault();
      var first = document.querySelector("#kg-filter-list button");
      if (first) first.click();
    }
  });
  document.addEventListener("click", function (event) {
    if (!document.getElementById("kg-filter-box").contains(event.target)) {
      document.getElementById("kg-filter-list").hidden = true;
    }
  });
  document.getElementById("kg-filter-clear").addEventListener("click", kgClearFilter);
  // The suggestions (one <option> per name) are built when the search box is first used.
  document.getElementById("kg-search").addEventListener("focus", kgFillSuggestions, { once: true });
  document.getElementById("kg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    kgSearch(document.getElementById("kg-search").value);
  });
  document.getElementById("kg-details-close").addEventListener("click", kgHideDetails);
  document.getElementById("kg-stats-toggle").addEventListener("click", function () {
    var strip = document.getElementById("kg-stats");
    strip.hidden = !strip.hidden;
    this.textContent = strip.hidden ? "Show statistics" : "Hide statistics";
  });
  network.on("animationFinished", function () { kgAnimating = false; });
  network.on("click", function (params) {
    if (params.nodes.length) { kgShowNode(params.nodes[0]); return; }
    if (params.edges.length) { kgShowEdge(params.edges[0]); return; }
    var p = params.pointer.DOM;
    for (var i = 0; i < kgLabelBoxes.length; i++) {  // a click on an entity's drawn label
      var box = kgLabelBoxes[i].box;
      if (p.x >= box[0] && p.x <= box[2] && p.y >= box[1] && p.y <= box[3]) {
        network.selectNodes([kgLabelBoxes[i].id]);
        kgShowNode(kgLabelBoxes[i].id);
        return;
      }
    }
    kgHideDetails();
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) kgReveal(kgIndex.get(params.nodes[0]));
  });
}

kgFirstSummary = document.getElementById("kg-summary").textContent;
drawGraph();
kgBuildControls();
kgBuildVoiceLegend();
kgDescribe();
kgBuildStats();
