"""Fast, deterministic graph layout and PageRank in numpy, for the HTML page of large graphs.

networkx's ``spring_layout`` needs about a minute for 5,000 nodes and its PageRank needs scipy,
which kg does not depend on. Here each weakly connected component is placed by pivot MDS
(Brandes & Pich, 2006: breadth-first distances from a few pivots, then a two-dimensional
projection), refined by a few force-directed steps in which repulsion only acts between nearby
nodes (a uniform grid finds them), and the components are packed in rows, largest first.
Everything is seeded, so the same graph always gets the same positions.
"""

from __future__ import annotations

from collections import deque
from typing import Hashable, Iterable, Sequence

import networkx as nx
import numpy as np

__all__ = ["pagerank", "fast_layout"]

#: Ideal edge length, in vis-network canvas pixels.
EDGE_LENGTH = 110.0
_PIVOTS = 40
_REFINE_STEPS = 40


def pagerank(
    graph: nx.MultiDiGraph,
    *,
    weight: str | None = "count",
    alpha: float = 0.85,
    directed: bool = True,
) -> dict[Hashable, float]:
    """PageRank by power iteration in numpy; parallel edges add their ``weight`` attribute.

    Dangling nodes spread their rank uniformly, as in networkx. With ``directed=False`` every
    edge counts in both directions (the subject of many facts is as central as their object).

    >>> g = nx.MultiDiGraph([("a", "b"), ("c", "b")])
    >>> ranks = pagerank(g)
    >>> max(ranks, key=ranks.get)
    'b'
    """
    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    src, dst, wts = [], [], []
    for u, v, data in graph.edges(data=True):
        src.append(index[u])
        dst.append(index[v])
        wts.append(float(data.get(weight, 1) or 1) if weight else 1.0)
        if not directed:
            src.append(index[v])
            dst.append(index[u])
            wts.append(wts[-1])
    src_a = np.asarray(src, dtype=np.int64)
    dst_a = np.asarray(dst, dtype=np.int64)
    w = np.asarray(wts, dtype=np.float64)
    out = np.bincount(src_a, weights=w, minlength=n) if len(src) else np.zeros(n)
    dangling = out == 0
    share = np.divide(w, out[src_a], out=np.zeros_like(w), where=out[src_a] > 0)
    rank = np.full(n, 1.0 / n)
    for _ in range(200):
        spread = np.bincount(dst_a, weights=rank[src_a] * share, minlength=n) if len(src) else 0
        new = alpha * (spread + rank[dangling].sum() / n) + (1.0 - alpha) / n
        if np.abs(new - rank).sum() < n * 1e-12:
            rank = new
            break
        rank = new
    return {node: float(rank[i]) for i, node in enumerate(nodes)}


def _adjacency(nodes: Sequence[Hashable], edges: Iterable[tuple[Hashable, Hashable]]):
    index = {node: i for i, node in enumerate(nodes)}
    neighbours: list[list[int]] = [[] for _ in nodes]
    pairs = set()
    for u, v in edges:
        a, b = index[u], index[v]
        if a == b:
            continue
        key = (a, b) if a < b else (b, a)
        if key in pairs:
            continue
        pairs.add(key)
        neighbours[a].append(b)
        neighbours[b].append(a)
    edge_array = np.asarray(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    return neighbours, edge_array


def _bfs(neighbours: list[list[int]], source: int) -> np.ndarray:
    dist = np.full(len(neighbours), -1, dtype=np.int64)
    dist[source] = 0
    queue = deque([source])
    while queue:
        node = queue.popleft()
        step = dist[node] + 1
        for other in neighbours[node]:
            if dist[other] < 0:
                dist[other] = step
                queue.append(other)
    return dist


def _pivot_mds(neighbours: list[list[int]]) -> np.ndarray:
    """Two-dimensional pivot MDS of one connected component (unit edge length)."""
    n = len(neighbours)
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[0.0, 0.0], [1.0, 0.0]])
    degrees = np.array([len(ns) for ns in neighbours])
    k = min(_PIVOTS, n)
    pivot = int(np.argmax(degrees))
    columns = []
    nearest = np.full(n, np.iinfo(np.int64).max)
    for _ in range(k):
        dist = _bfs(neighbours, pivot)
        columns.append(dist)
        nearest = np.minimum(nearest, dist)
        pivot = int(np.argmax(nearest))  # max-min: the node farthest from every pivot so far
        if nearest[pivot] == 0:
            break
    d2 = np.stack(columns, axis=1).astype(np.float64) ** 2
    c = d2 - d2.mean(axis=0, keepdims=True) - d2.mean(axis=1, keepdims=True) + d2.mean()
    c *= -0.5
    u, s, _vt = np.linalg.svd(c, full_matrices=False)
    coords = u[:, :2] * s[:2]
    if coords.shape[1] < 2:
        coords = np.hstack([coords, np.zeros((n, 1))])
    # Fix the sign of each axis so that the layout does not flip between platforms.
    for axis in range(2):
        if coords[np.argmax(np.abs(coords[:, axis])), axis] < 0:
            coords[:, axis] *= -1
    return coords


def _grid_pairs(pos: np.ndarray, radius: float) -> tuple[np.ndarray, np.ndarray]:
    """All ordered pairs (i, j), i != j, whose grid cells of side ``radius`` touch."""
    cells = np.floor(pos / radius).astype(np.int64)
    cells -= cells.min(axis=0)
    width = int(cells[:, 1].max()) + 3
    key = (cells[:, 0] + 1) * width + (cells[:, 1] + 1)
    order = np.argsort(key, kind="stable")
    keys, starts, counts = np.unique(key[order], return_index=True, return_counts=True)
    firsts, seconds = [], []
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            wanted = key + dx * width + dy
            slot = np.searchsorted(keys, wanted)
            slot = np.minimum(slot, len(keys) - 1)
            found = keys[slot] == wanted
            who = np.nonzero(found)[0]
            if not len(who):
                continue
            cnt = counts[slot[found]]
            start = starts[slot[found]]
            total = int(cnt.sum())
            rep_i = np.repeat(who, cnt)
            offsets = np.arange(total) - np.repeat(np.cumsum(cnt) - cnt, cnt)
            rep_j = order[np.repeat(start, cnt) + offsets]
            keep = rep_i != rep_j
            firsts.append(rep_i[keep])
            seconds.append(rep_j[keep])
    if not firsts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(firsts), np.concatenate(seconds)


def _refine(pos: np.ndarray, edges: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Fruchterman-Reingold steps (unit ideal edge length) with approximate repulsion.

    Nodes in the same or a neighbouring cell of a coarse grid repel each other exactly; every
    other cell acts as one body at its centroid (a one-level Barnes-Hut), so a step costs
    about ``n * cells`` instead of ``n * n``.
    """
    n = len(pos)
    if n < 3:
        return pos
    # Spread the component over about one square unit per node, then separate the nodes that
    # pivot MDS put on one spot (the leaves of one hub).
    extent = np.maximum(pos.max(axis=0) - pos.min(axis=0), 1e-9)
    spread = float(np.sqrt(n / (extent[0] * extent[1] + 1e-9)))
    pos = pos * min(max(spread, 1.0), 50.0)
    pos = pos + rng.normal(scale=0.1, size=pos.shape)
    side = int(np.clip(np.sqrt(n / 6.0), 1, 20))
    temperature = float(np.sqrt(n)) / 4.0
    for _step in range(_REFINE_STEPS):
        disp = np.zeros_like(pos)
        low = pos.min(axis=0)
        size = max(float((pos.max(axis=0) - low).max()) / side, 1e-6)
        cell_xy = np.minimum(((pos - low) / size).astype(np.int64), side - 1)
        cell = cell_xy[:, 0] * side + cell_xy[:, 1]
        mass = np.bincount(cell, minlength=side * side).astype(np.float64)
        used = np.nonzero(mass)[0]
        if len(used) > 1:
            centre = np.stack(
                [np.bincount(cell, weights=pos[:, k], minlength=side * side)[used] for k in (0, 1)],
                axis=1,
            ) / mass[used][:, None]
            used_xy = np.stack([used // side, used % side], axis=1)
            far = (np.abs(cell_xy[:, None, :] - used_xy[None, :, :]) > 1).any(axis=2)
            delta = pos[:, None, :] - centre[None, :, :]
            d2 = np.maximum((delta * delta).sum(axis=2), 1e-4)
            factor = np.where(far, mass[used][None, :] / d2, 0.0)
            disp += (delta * factor[:, :, None]).sum(axis=1)
        i, j = _grid_pairs(pos - low, size)
        if len(i):
            delta = pos[i] - pos[j]
            factor = 1.0 / np.maximum((delta * delta).sum(axis=1), 1e-4)
            disp[:, 0] += np.bincount(i, weights=delta[:, 0] * factor, minlength=n)
            disp[:, 1] += np.bincount(i, weights=delta[:, 1] * factor, minlength=n)
        if len(edges):
            a, b = edges[:, 0], edges[:, 1]
            delta = pos[a] - pos[b]
            dist = np.sqrt(np.maximum((delta * delta).sum(axis=1), 1e-9))
            pull = delta * dist[:, None]
            disp[:, 0] -= np.bincount(a, weights=pull[:, 0], minlength=n)
            disp[:, 1] -= np.bincount(a, weights=pull[:, 1], minlength=n)
            disp[:, 0] += np.bincount(b, weights=pull[:, 0], minlength=n)
            disp[:, 1] += np.bincount(b, weights=pull[:, 1], minlength=n)
        length = np.sqrt(np.maximum((disp * disp).sum(axis=1), 1e-12))
        pos = pos + disp * (np.minimum(length, temperature) / length)[:, None]
        temperature = max(0.05, temperature * 0.88)
    return pos


def _pack(blocks: list[np.ndarray], gap: float = 1.5) -> list[np.ndarray]:
    """Place component layouts in rows, largest first, within a roughly square area."""
    sizes = [(b.max(axis=0) - b.min(axis=0)) + gap for b in blocks]
    area = sum(float(w * h) for w, h in sizes)
    row_width = max(float(np.sqrt(area)) * 1.2, max(float(w) for w, _ in sizes))
    placed = []
    x = y = row_height = 0.0
    for block, (w, h) in zip(blocks, sizes):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        placed.append(block - block.min(axis=0) + np.array([x, y]))
        x += float(w)
        row_height = max(row_height, float(h))
    return placed


def fast_layout(
    graph: nx.Graph, *, scale: float = EDGE_LENGTH, seed: int = 7
) -> dict[Hashable, tuple[float, float]]:
    """Positions for every node, in canvas pixels, about ``scale`` apart along edges.

    Deterministic for a given graph and node order (sort the nodes first for a stable result).
    About a second for 5,000 nodes and 10,000 edges.

    >>> pos = fast_layout(nx.path_graph(4))
    >>> sorted(pos) == [0, 1, 2, 3] and all(len(p) == 2 for p in pos.values())
    True
    """
    nodes = list(graph)
    if not nodes:
        return {}
    rng = np.random.default_rng(seed)
    neighbours, edge_array = _adjacency(nodes, ((u, v) for u, v, *_ in graph.edges))
    seen = np.zeros(len(nodes), dtype=bool)
    components: list[list[int]] = []
    for start in range(len(nodes)):
        if seen[start]:
            continue
        members = [start]
        seen[start] = True
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for other in neighbours[node]:
                if not seen[other]:
                    seen[other] = True
                    members.append(other)
                    queue.append(other)
        components.append(sorted(members))
    components.sort(key=lambda c: (-len(c), c[0]))
    local_index = np.full(len(nodes), -1, dtype=np.int64)
    component_of = np.zeros(len(nodes), dtype=np.int64)
    for number, members in enumerate(components):
        component_of[members] = number
        local_index[members] = np.arange(len(members))
    edge_component = component_of[edge_array[:, 0]]
    edge_order = np.argsort(edge_component, kind="stable")
    bounds = np.searchsorted(edge_component[edge_order], np.arange(len(components) + 1))
    blocks = []
    for number, members in enumerate(components):
        sub_neighbours = [[int(local_index[o]) for o in neighbours[m]] for m in members]
        sub_edges = local_index[edge_array[edge_order[bounds[number] : bounds[number + 1]]]]
        coords = _pivot_mds(sub_neighbours)
        coords = _refine(coords, sub_edges, rng)
        blocks.append(coords)
    placed = _pack(blocks)
    positions = np.zeros((len(nodes), 2))
    for members, block in zip(components, placed):
        positions[members] = block
    positions -= positions.mean(axis=0)
    positions *= scale
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, positions)}
