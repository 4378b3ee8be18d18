
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

