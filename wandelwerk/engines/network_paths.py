"""Connectivity and shortest-path metrics over a :class:`Graph`, vectorised with NumPy (no Django).

Breadth-first searches run level by level: a whole frontier is expanded at once through the CSR
arrays, so the Python loop runs once per BFS level, not once per node or edge.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from wandelwerk.engines.network_graph import BoolArray, FloatArray, Graph, IntArray, expand_rows

SmallIntArray = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True, eq=False)
class Components:
    """``labels[i]`` is the component of node index i; component 0 is the largest.

    Components are numbered by size (largest first), equal sizes by their smallest node id.
    ``isolated`` holds the ids of nodes without any tie, ascending.
    """

    labels: IntArray
    sizes: IntArray
    isolated: IntArray

    @property
    def count(self) -> int:
        return int(self.sizes.shape[0])


@dataclass(frozen=True, slots=True, eq=False)
class Degrees:
    """Per node index: number of distinct neighbours and the summed weight of its ties."""

    count: IntArray
    weighted: FloatArray


def degrees(graph: Graph) -> Degrees:
    """Degree and weighted degree of every node (merged ties count once, self-loops never)."""
    count = np.diff(graph.indptr).astype(np.int64)
    weighted = np.zeros(graph.node_count, dtype=np.float64)
    has = count > 0
    if np.any(has):
        weighted[has] = np.add.reduceat(graph.weights, graph.indptr[:-1][has])
    return Degrees(count, weighted)


def _min_label_propagation(graph: Graph) -> IntArray:
    """Per node, the smallest node index of its component (min-label propagation with pointer jumping)."""
    n = graph.node_count
    label = np.arange(n, dtype=np.int64)
    rows = np.flatnonzero(np.diff(graph.indptr) > 0)
    if rows.size == 0:
        return label
    starts = graph.indptr[rows]
    while True:
        best = np.minimum.reduceat(label[graph.indices], starts)
        new = label.copy()
        new[rows] = np.minimum(label[rows], best)
        # Hook each old root onto the smallest label seen by any of its members, then shortcut.
        np.minimum.at(new, label, new)
        while True:
            jumped = new[new]
            if np.array_equal(jumped, new):
                break
            new = jumped
        if np.array_equal(new, label):
            return label
        label = new


def components(graph: Graph) -> Components:
    """Connected components, their sizes and the isolated nodes."""
    n = graph.node_count
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Components(empty, empty, empty)
    root = _min_label_propagation(graph)
    roots, inverse, sizes = np.unique(root, return_inverse=True, return_counts=True)
    # roots ascending = smallest member ascending; order by size desc, then smallest member.
    order = np.lexsort((roots, -sizes))
    rank = np.empty_like(order)
    rank[order] = np.arange(order.shape[0])
    isolated = graph.node_ids[np.diff(graph.indptr) == 0]
    return Components(rank[inverse].astype(np.int64), sizes[order].astype(np.int64), isolated)


def reachable(graph: Graph, start: int, blocked: BoolArray) -> BoolArray:
    """Mask of node indices reachable from index ``start`` without entering ``blocked`` nodes."""
    seen = blocked.copy()
    seen[start] = True
    reached = np.zeros(graph.node_count, dtype=np.bool_)
    reached[start] = True
    frontier = np.array([start], dtype=np.int64)
    while frontier.size:
        _, pos = expand_rows(graph.indptr, frontier)
        nbr = graph.indices[pos]
        nbr = nbr[~seen[nbr]]
        seen[nbr] = True
        reached[nbr] = True
        frontier = np.unique(nbr)
    return reached


class _Workspace:
    """Per-thread scratch arrays for single-source Brandes passes."""

    def __init__(self, n: int) -> None:
        self.dist = np.full(n, -1, dtype=np.int32)
        self.sigma = np.zeros(n, dtype=np.float64)
        self.delta = np.zeros(n, dtype=np.float64)
        self.total = np.zeros(n, dtype=np.float64)


def _add(target: FloatArray, idx: IntArray | SmallIntArray, values: FloatArray) -> None:
    if idx.size * 8 > target.shape[0]:
        target += np.bincount(idx, weights=values, minlength=target.shape[0])
    else:
        np.add.at(target, idx, values)


def _brandes_from(indptr: IntArray, indices: SmallIntArray, source: int, ws: _Workspace) -> None:
    """Add the dependencies of all nodes on paths from ``source`` (unweighted) to ``ws.total``."""
    dist, sigma, delta = ws.dist, ws.sigma, ws.delta
    dist.fill(-1)
    sigma.fill(0.0)
    delta.fill(0.0)
    dist[source] = 0
    sigma[source] = 1.0
    frontier = np.array([source], dtype=np.int64)
    levels: list[tuple[IntArray, SmallIntArray]] = []
    depth = 0
    while frontier.size:
        rows, pos = expand_rows(indptr, frontier)
        nbr = indices[pos]
        # Every tie into a node not yet reached is a shortest-path tie (the node sits one level deeper).
        on_dag = dist[nbr] < 0
        parents, children = rows[on_dag], nbr[on_dag]
        dist[children] = depth + 1
        _add(sigma, children, sigma[parents])
        if children.size:
            levels.append((parents, children))
        frontier = (
            np.flatnonzero(dist == depth + 1) if children.size * 4 > dist.shape[0] else _first(children)
        )
        depth += 1
    for parents, children in reversed(levels):
        share = (1.0 + delta[children]) / sigma[children]
        _add(delta, parents, sigma[parents] * share)
    delta[source] = 0.0
    ws.total += delta


def _first(values: SmallIntArray) -> IntArray:
    return np.unique(values).astype(np.int64)


def betweenness(graph: Graph, *, samples: int | None = None, seed: int = 0) -> FloatArray:
    """Betweenness centrality per node index, normalised like networkx (``normalized=True``).

    Shortest paths are unweighted (a tie is a tie). With ``samples=None`` (or ``samples >= n``) the
    result is exact Brandes; otherwise ``samples`` source nodes, drawn without replacement by a
    generator seeded with ``seed``, give an estimate scaled by n / samples. Values are divided by
    (n - 1)(n - 2), so they lie in [0, 1]; graphs with fewer than three nodes give all zeros.
    (Threads do not help here: the per-level NumPy calls are too short to release the GIL usefully.)
    """
    n = graph.node_count
    if samples is not None and samples < 1:
        raise ValueError(f"samples must be at least 1 or None, got {samples}")
    if n < 3 or graph.edge_count == 0:
        return np.zeros(n, dtype=np.float64)
    if samples is None or samples >= n:
        sources = np.arange(n, dtype=np.int64)
    else:
        sources = np.sort(np.random.default_rng(seed).choice(n, size=samples, replace=False)).astype(np.int64)
    indices = graph.indices.astype(np.int32)  # half the memory traffic of int64 in the gathers
    ws = _Workspace(n)
    for source in sources.tolist():
        _brandes_from(graph.indptr, indices, source, ws)
    scale = (n / sources.shape[0]) / ((n - 1) * (n - 2))
    return ws.total * scale
