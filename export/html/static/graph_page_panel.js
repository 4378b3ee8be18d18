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
  kgHiddenFactsNote(i, id, more);
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

// Say how many of entity i's facts a hidden voice keeps out of the picture (all of them: it
// stands alone), with a button that shows that voice and keeps the entity selected.
function kgHiddenFactsNote(i, id, more) {
  Array.from(kgHiddenVoices).sort(function (a, b) { return a - b; }).forEach(function (voice) {
    var count = kgFactsOf[i].filter(function (f) { return F[f][7] === voice; }).length;
    if (!count) return;
    var label = kgMeta.voices[voice].label;
    more.appendChild(kgEl("p", (count === kgFactsOf[i].length
      ? (count === 1 ? "Its one fact is " : "All its " + count + " facts are ")
      : kgPlural(count, "of its facts", "of its facts") + (count === 1 ? " is " : " are ")) +
      label + ", hidden from the picture. ", "kg-doc"));
    more.lastChild.appendChild(kgButton("Show " + label + " facts", "kg-details-show-" + V[voice],
      function () {
        kgShowVoice(voice, true);
        network.selectNodes([id]);
        kgShowNode(id);
      }));
  });
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
    kgPinned.add(i);  // drawn even when every fact of it is of a hidden voice
    var anchor = kgFactsOf[i].map(function (f) { return F[f][0] === i ? F[f][1] : F[f][0]; })
      .filter(function (j) { return kgView.entities.has(j); })[0];
    var positions = kgCurrentPositions();
    var at = anchor === undefined ? [0, 0] : positions.get(anchor);
    positions.set(i, [at[0] + 150, at[1] + 90]);
    var list = kgView.asked.filter(function (j) { return j !== i; }).concat([i]);
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

