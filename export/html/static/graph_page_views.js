// ---------------------------------------------------------------------------- views

// The current view: entity and fact indices drawn, and how to describe it; "asked" are the
// entities and facts it was asked to draw, of which hidden types and voices are left out.
var kgView = { entities: new Set(), facts: new Set(), description: "", asked: [], askedFacts: [] };
// voice index -> {facts: how many of the view's facts it hides, entities: those facts alone
// reach, which showing the voice brings in}
var kgVoiceHiddenBy = new Map();
var kgPinned = new Set();  // entities found or gone to: drawn even when all their facts are hidden
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
// unless it was found or gone to (export.html.text.drawn does the same for the first view).
function kgVisible(entityList, factList, description) {
  var keep = entityList.filter(function (i) { return !kgHiddenTypes.has(E[i][2]); });
  var keptSet = new Set(keep);
  var among = factList.filter(function (f) { return keptSet.has(F[f][0]) && keptSet.has(F[f][1]); });
  var factsKept = among.filter(function (f) { return !kgHiddenVoices.has(F[f][7]); });
  var had = new Set(), has = new Set();
  among.forEach(function (f) { had.add(F[f][0]); had.add(F[f][1]); });
  factsKept.forEach(function (f) { has.add(F[f][0]); has.add(F[f][1]); });
  function dropped(i) { return had.has(i) && !has.has(i) && !kgPinned.has(i); }
  keep = keep.filter(function (i) { return !dropped(i); });
  kgVoiceHiddenBy = new Map();
  among.forEach(function (f) {
    var voice = F[f][7];
    if (!kgHiddenVoices.has(voice)) return;
    if (!kgVoiceHiddenBy.has(voice)) kgVoiceHiddenBy.set(voice, { facts: 0, entities: new Set() });
    var hidden = kgVoiceHiddenBy.get(voice);
    hidden.facts += 1;
    F[f].slice(0, 2).forEach(function (i) { if (dropped(i)) hidden.entities.add(i); });
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

// Stretch a laid-out view along its short side to the canvas's shape (at most 1.7 times):
// labels are wide, so a view narrower than the canvas is widened; one wider than it (a long
// arm of the graph) is made taller. Either way the fitted zoom is larger and more labels
// find room.
function kgStretch() {
  var at = network.getPositions();
  var ids = Object.keys(at);
  if (ids.length < 3) return;
  var xs = ids.map(function (id) { return at[id].x; }), ys = ids.map(function (id) { return at[id].y; });
  var w = Math.max.apply(null, xs) - Math.min.apply(null, xs) || 1;
  var h = Math.max.apply(null, ys) - Math.min.apply(null, ys) || 1;
  var canvas = network.canvas.frame.canvas;
  var shape = (canvas.clientWidth / canvas.clientHeight) / (w / h);
  var fx = Math.min(1.7, shape), fy = Math.min(1.7, 1 / shape);
  if (!(fx > 1.05 || fy > 1.05)) return;
  fx = Math.max(fx, 1);
  fy = Math.max(fy, 1);
  // one batch: network.moveNode would redraw once per node
  nodes.update(ids.map(function (id) { return { id: id, x: at[id].x * fx, y: at[id].y * fy }; }));
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
  kgVoiceHiddenBy.forEach(function (hidden, voice) {
    var reach = hidden.entities.size;
    note(kgPlural(hidden.facts, kgMeta.voices[voice].label + " fact") + " hidden" +
         (reach ? ", with " + kgPlural(reach, "entity", "entities") + " only they reach" : ""));
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

// Draw the current view again with another set of hidden voices: entities the facts now
// shown bring in are placed next to those they are linked to, and nothing else moves.
function kgSetHiddenVoices(hidden) {
  kgHiddenVoices = hidden;
  var positions = kgCurrentPositions();
  kgPlaceNewcomers(kgView.asked, kgView.askedFacts, positions);
  kgDraw(kgView.asked, kgView.askedFacts, positions, kgView.description);
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

// The first view: its entities, and those only facts of hidden voices reach (drawn once
// the reader shows those voices).
function kgFirstEntities() {
  return kgMeta.view.concat(kgMeta.view_hidden);
}

function kgFirstView() {
  kgFilter = null;
  kgFragmentsShown = false;
  kgHiddenVoices = new Set(kgMeta.hidden_voices);
  kgPinned = new Set();
  document.getElementById("kg-filter").value = "";
  kgHideDetails();
  kgDraw(kgFirstEntities(), kgMeta.view_facts, kgFirstPositions(), "");
}

function kgToggleFragments() {
  kgFragmentsShown = !kgFragmentsShown;
  var list = kgView.asked.slice();
  var asked = new Set(list);
  var positions = kgCurrentPositions();
  if (kgFragmentsShown) {
    var first = kgFirstPositions();
    kgMeta.fragments.forEach(function (i) { if (!asked.has(i)) { list.push(i); positions.set(i, first.get(i)); } });
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
  kgPinned = new Set();
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

// A node's neighbours that the view left out (those the page holds, through facts of the
// voices shown), best-ranked first.
function kgHiddenNeighbours(i) {
  var found = new Set();
  kgFactsOf[i].forEach(function (f) {
    if (kgHiddenVoices.has(F[f][7])) return;
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
  kgPlaceAround(i, hidden, positions, kgMiddle(positions));
  var list = kgView.asked.filter(function (j) { return hidden.indexOf(j) < 0; }).concat(hidden);
  var set = new Set(list);
  var description = kgView.description || "showing {n} and {m}: the first view and revealed neighbours";
  kgDraw(list, kgFactsAmong(set), positions, description.indexOf("revealed") < 0
    ? description + ", with revealed neighbours" : description);
  network.selectNodes([kgNodeId(E[i][0])]);
  kgShowNode(kgNodeId(E[i][0]));
  return hidden.length;
}

// The middle of the positions drawn.
function kgMiddle(positions) {
  var mean = [0, 0];
  positions.forEach(function (p) { mean[0] += p[0] / positions.size; mean[1] += p[1] / positions.size; });
  return mean;
}

// Place entities `group` in rings around entity `centre`, on the side away from `middle`.
function kgPlaceAround(centre, group, positions, middle) {
  var at = positions.get(centre) || [0, 0];
  var away = Math.atan2(at[1] - middle[1], at[0] - middle[0]);
  if (!isFinite(away)) away = 0;
  group.forEach(function (j, k) {
    var ring = Math.floor(k / 10), slot = k % 10, count = Math.min(10, group.length - ring * 10);
    var spread = Math.min(Math.PI * 1.5, 0.45 * count);
    var angle = away + (count === 1 ? 0 : (slot / (count - 1) - 0.5) * spread);
    var radius = 170 + 110 * ring;
    positions.set(j, [at[0] + radius * Math.cos(angle), at[1] + radius * Math.sin(angle)]);
  });
}

// Give the entities of `list` that have no position one next to an entity they are linked to
// (through `factList`'s facts of the voices shown) that has one, step by step outwards.
function kgPlaceNewcomers(list, factList, positions) {
  var among = new Set(factList);
  var middle = kgMiddle(positions);
  var waiting = list.filter(function (i) { return !positions.has(i); });
  while (waiting.length) {
    var around = new Map();  // a placed entity -> the newcomers placed around it
    waiting.forEach(function (i) {
      var anchor = kgFactsOf[i].filter(function (f) { return among.has(f) && !kgHiddenVoices.has(F[f][7]); })
        .map(function (f) { return F[f][0] === i ? F[f][1] : F[f][0]; })
        .filter(function (j) { return positions.has(j); })[0];
      if (anchor === undefined) return;
      if (!around.has(anchor)) around.set(anchor, []);
      around.get(anchor).push(i);
    });
    if (!around.size) return;
    around.forEach(function (group, anchor) { kgPlaceAround(anchor, group, positions, middle); });
    waiting = waiting.filter(function (i) { return !positions.has(i); });
  }
}

