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
  kgVisible(kgFirstEntities(), kgMeta.view_facts, "");  // what export.html drew: the same
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
    box.addEventListener("change", function () {  // the view asked for, without the type
      if (box.checked) kgHiddenTypes.delete(index); else kgHiddenTypes.add(index);
      kgDraw(kgView.asked, kgView.askedFacts, new Map(), kgView.description ||
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
