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
  var canvas = network.canvas.frame.canvas;
  var area = { width: canvas.clientWidth, height: canvas.clientHeight, scale: scale };
  var selected = new Set(network.getSelectedNodes());
  var ids = nodes.getIds();
  var positions = network.getPositions(ids);
  var room = kgOccupancy();
  var order = kgLabelOrder(ids, positions, selected, area);
  order.forEach(function (n) { room.take([n.x - n.r, n.y - n.r, n.x + n.r, n.y + n.r]); });
  ctx.save();
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  var labelled = kgNodeLabels(ctx, order, room, area);
  var drawn = labelled.length;
  var facts = kgFactLabels(ctx, positions, selected, room, area);
  labelled = labelled.concat(facts);
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
  window.kgLabelStats = { drawn: drawn, total: ids.length, px: NODE_FONT, edgesDrawn: facts.length,
                          scale: scale };
}

// The drawn entities near the canvas, in the order their labels are placed: the selected
// one, its neighbours, then by PageRank; each with its position and radius on screen.
function kgLabelOrder(ids, positions, selected, area) {
  var near = new Set();
  selected.forEach(function (id) {
    network.getConnectedNodes(id).forEach(function (other) { near.add(other); });
  });
  var order = [];
  ids.forEach(function (id) {
    var p = network.canvasToDOM(positions[id]);
    var r = (network.body.nodes[id].options.size || 10) * area.scale;
    if (p.x < -300 || p.y < -60 || p.x > area.width + 300 || p.y > area.height + 60) return;
    var tier = selected.has(id) ? 0 : near.has(id) ? 1 : 2;
    order.push({ tier: tier, rank: E[kgIndex.get(id)][5], id: id, x: p.x, y: p.y, r: r });
  });
  return order.sort(function (a, b) { return a.tier - b.tier || a.rank - b.rank; });
}

// Entity labels where there is room, in `order`.
function kgNodeLabels(ctx, order, room, area) {
  var labelled = [];
  order.forEach(function (n) {
    var text = nodes.get(n.id).label;
    var font = (n.tier === 0 ? "bold " : "") + NODE_FONT + "px system-ui, Arial, sans-serif";
    var w = kgMeasure(ctx, text, font), h = NODE_FONT + 4, d = n.r * 0.7;
    // below the entity, else above, right or left of it, else below or above it but to one
    // side, else at one of its corners, else a line further below or above: a hub among its
    // neighbours still finds a free side
    var below = [n.y + n.r + 1, n.y + n.r + 1 + h], above = [n.y - n.r - 1 - h, n.y - n.r - 1];
    var boxes = [
      [n.x - w / 2 - 2, below[0], n.x + w / 2 + 2, below[1]],
      [n.x - w / 2 - 2, above[0], n.x + w / 2 + 2, above[1]],
      [n.x + n.r + 2, n.y - h / 2, n.x + n.r + 6 + w, n.y + h / 2],
      [n.x - n.r - 6 - w, n.y - h / 2, n.x - n.r - 2, n.y + h / 2],
      [n.x - n.r, below[0], n.x - n.r + w + 4, below[1]],
      [n.x + n.r - w - 4, below[0], n.x + n.r, below[1]],
      [n.x - n.r, above[0], n.x - n.r + w + 4, above[1]],
      [n.x + n.r - w - 4, above[0], n.x + n.r, above[1]],
      [n.x + d + 1, n.y + d + 1, n.x + d + 5 + w, n.y + d + 1 + h],
      [n.x + d + 1, n.y - d - 1 - h, n.x + d + 5 + w, n.y - d - 1],
      [n.x - d - 5 - w, n.y + d + 1, n.x - d - 1, n.y + d + 1 + h],
      [n.x - d - 5 - w, n.y - d - 1 - h, n.x - d - 1, n.y - d - 1],
      [n.x - w / 2 - 2, below[0] + h, n.x + w / 2 + 2, below[1] + h],
      [n.x - w / 2 - 2, above[0] - h, n.x + w / 2 + 2, above[1] - h],
    ];
    // a label lies wholly inside the canvas (never cut by its edge, beside the statistics
    // strip); the selected entity's label is moved inside when no side fits
    var box = boxes.find(function (b) {
      return kgInside(b, area.width, area.height) && (n.tier === 0 || room.free(b));
    });
    if (!box && n.tier === 0) box = kgClamp(boxes[0], area.width, area.height);
    if (!box) return;
    room.take(box);
    labelled.push({ text: text, font: font, x: (box[0] + box[2]) / 2, y: box[1] + 2, id: n.id,
                    box: box });
  });
  return labelled;
}

// Fact labels where there is room: the selected entity's first, then the best supported.
function kgFactLabels(ctx, positions, selected, room, area) {
  var labelled = [];
  var efont = "italic " + EDGE_FONT + "px system-ui, Arial, sans-serif";
  var candidates = [];
  edges.forEach(function (e) {
    var f = Number(e.id.slice(1));
    var tier = selected.has(e.from) || selected.has(e.to) ? 0 : 1;
    if (tier === 1 && area.scale < 0.15) return;
    candidates.push([tier, -F[f][3], f, e]);
  });
  candidates.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
  candidates.slice(0, 600).forEach(function (entry) {
    var e = entry[3], edge = network.body.edges[e.id];
    if (!edge || !edge.connected || e.from === e.to || !positions[e.from] || !positions[e.to]) return;
    var mid = network.canvasToDOM(edge.edgeType.getPoint(0.5));
    if (mid.x < 0 || mid.y < 0 || mid.x > area.width || mid.y > area.height) return;
    var a = network.canvasToDOM(positions[e.from]), b = network.canvasToDOM(positions[e.to]);
    var w = kgMeasure(ctx, e.label, efont);
    if (entry[0] !== 0 && Math.hypot(a.x - b.x, a.y - b.y) < w + 12) return;
    var box = [mid.x - w / 2 - 2, mid.y - EDGE_FONT / 2 - 3, mid.x + w / 2 + 2, mid.y + EDGE_FONT / 2 + 3];
    if (!kgInside(box, area.width, area.height) || !room.free(box)) return;
    room.take(box);
    labelled.push({ text: e.label, font: efont, x: mid.x, y: box[1] + 3,
                    color: e.color ? e.color.color : "#52606d" });
  });
  return labelled;
}

