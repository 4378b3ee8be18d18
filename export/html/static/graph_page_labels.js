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

