"""The compact, undirected tie graph the network metrics run on (no Django).

Nodes are actor ids. They are stored sorted, and every metric refers to a node by its *index* in
``Graph.node_ids``, so "ordered by index" is the same as "ordered by actor id" — that is how all ties
are broken deterministically. Adjacency is kept as CSR arrays (``indptr``/``indices``/``weights``),
each undirected tie appearing once per direction, neighbours of a node in ascending index order.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Edge:
    """One tie as the apps record it; ``kind`` is e.g. "cooperation", "membership", "project"."""

    u: int
    v: int
    weight: float = 1.0
    kind: str = ""


@dataclass(frozen=True, slots=True)
class EdgeArrays:
    """Many ties as parallel arrays (the fast path for large graphs); ``weight`` None means all 1."""

    u: npt.ArrayLike
    v: npt.ArrayLike
    weight: npt.ArrayLike | None = None


@dataclass(frozen=True, slots=True, eq=False)
class Graph:
    """Undirected weighted graph; build it with :func:`build_graph`.

    ``edge_u``/``edge_v``/``edge_weight`` list each merged tie once (``edge_u < edge_v``, as node
    indices, sorted); ``indptr``/``indices``/``weights`` are the CSR adjacency of both directions.
    """

    node_ids: IntArray
    indptr: IntArray
    indices: IntArray
    weights: FloatArray
    edge_u: IntArray
    edge_v: IntArray
    edge_weight: FloatArray

    @property
    def node_count(self) -> int:
        return int(self.node_ids.shape[0])

    @property
    def edge_count(self) -> int:
        return int(self.edge_u.shape[0])

    @property
    def total_weight(self) -> float:
        return float(self.edge_weight.sum())

    def index_of(self, node_id: int) -> int:
        """Position of ``node_id`` in ``node_ids``; KeyError if the graph does not hold it."""
        pos = int(np.searchsorted(self.node_ids, node_id))
        if pos >= self.node_count or int(self.node_ids[pos]) != node_id:
            raise KeyError(f"node {node_id} is not in the graph")
        return pos

    def neighbours(self, index: int) -> IntArray:
        """Neighbour indices of the node at ``index``, ascending."""
        return self.indices[self.indptr[index] : self.indptr[index + 1]]


def _edge_arrays(
    edges: Iterable[Edge] | EdgeArrays, kinds: Collection[str] | None
) -> tuple[IntArray, IntArray, FloatArray]:
    if isinstance(edges, EdgeArrays):
        u = np.asarray(edges.u, dtype=np.int64).ravel()
        v = np.asarray(edges.v, dtype=np.int64).ravel()
        if edges.weight is None:
            w = np.ones(u.shape[0], dtype=np.float64)
        else:
            w = np.asarray(edges.weight, dtype=np.float64).ravel()
        if not (u.shape == v.shape == w.shape):
            raise ValueError(
                f"edge arrays differ in length: u={u.shape[0]}, v={v.shape[0]}, weight={w.shape[0]}"
            )
        return u, v, w
    us: list[int] = []
    vs: list[int] = []
    ws: list[float] = []
    for e in edges:
        if kinds is not None and e.kind not in kinds:
            continue
        us.append(e.u)
        vs.append(e.v)
        ws.append(e.weight)
    return np.array(us, dtype=np.int64), np.array(vs, dtype=np.int64), np.array(ws, dtype=np.float64)


def expand_rows(indptr: IntArray, rows: IntArray) -> tuple[IntArray, IntArray]:
    """For the given rows, (row of each adjacency entry, position of the entry in ``indices``)."""
    starts = indptr[rows]
    counts = indptr[rows + 1] - starts
    total = int(counts.sum())
    if total == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    firsts = np.cumsum(counts) - counts  # where each row's block begins in the output
    positions = np.arange(total, dtype=np.int64) + np.repeat(starts - firsts, counts)
    return np.repeat(rows, counts), positions


def csr_from_pairs(n: int, a: IntArray, b: IntArray, w: FloatArray) -> tuple[IntArray, IntArray, FloatArray]:
    """CSR of both directions of the pairs (a, b); pairs must be unique and loop-free."""
    src = np.concatenate([a, b])
    dst = np.concatenate([b, a])
    wt = np.concatenate([w, w])
    order = np.argsort(src * max(n, 1) + dst, kind="stable")
    counts = np.bincount(src, minlength=n) if n else np.zeros(0, dtype=np.int64)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    return indptr, dst[order].astype(np.int64, copy=False), wt[order]


def build_graph(
    node_ids: Iterable[int],
    edges: Iterable[Edge] | EdgeArrays,
    *,
    kinds: Collection[str] | None = None,
) -> Graph:
    """Build the undirected graph of ``node_ids`` and ``edges``.

    Repeated ties between the same two actors (in either direction, of any kind) are merged into one
    tie whose weight is the sum; self-loops are dropped; nodes without ties stay (isolated). ``kinds``
    keeps only ``Edge`` objects of those kinds (filter ``EdgeArrays`` before calling). Raises
    ValueError naming the offending value for an edge to an unknown node or a weight that is not a
    finite positive number.
    """
    if isinstance(node_ids, np.ndarray):
        raw_ids = node_ids.astype(np.int64, copy=False).ravel()
    else:
        raw_ids = np.fromiter((int(i) for i in node_ids), dtype=np.int64)
    ids = np.unique(raw_ids)
    n = int(ids.shape[0])
    u, v, w = _edge_arrays(edges, kinds)
    if w.size and not np.all(np.isfinite(w) & (w > 0)):
        bad = int(np.flatnonzero(~(np.isfinite(w) & (w > 0)))[0])
        raise ValueError(
            f"edge {int(u[bad])}-{int(v[bad])} has weight {float(w[bad])}; weights must be finite and > 0"
        )
    ui = _indices_of(ids, u)
    vi = _indices_of(ids, v)
    keep = ui != vi
    a = np.minimum(ui[keep], vi[keep])
    b = np.maximum(ui[keep], vi[keep])
    key, inverse = np.unique(a * max(n, 1) + b, return_inverse=True)
    merged_w = np.bincount(inverse, weights=w[keep], minlength=key.shape[0]).astype(np.float64)
    ea = (key // max(n, 1)).astype(np.int64)
    eb = (key % max(n, 1)).astype(np.int64)
    indptr, indices, weights = csr_from_pairs(n, ea, eb, merged_w)
    return Graph(ids, indptr, indices, weights, ea, eb, merged_w)


def _indices_of(ids: IntArray, values: IntArray) -> IntArray:
    pos = np.searchsorted(ids, values)
    found = pos < ids.shape[0]
    found[found] = ids[pos[found]] == values[found]
    if not np.all(found):
        missing = int(values[np.flatnonzero(~found)[0]])
        raise ValueError(f"an edge refers to node {missing}, which is not among the node ids")
    return pos.astype(np.int64, copy=False)
