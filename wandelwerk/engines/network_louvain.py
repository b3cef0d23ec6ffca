"""Communities by Louvain modularity optimisation, vectorised with NumPy (no Django).

The local-moving phase is synchronous: in each sweep a seeded random half of the nodes still worth
looking at picks, all at once, the neighbouring community with the best modularity gain (equal gains:
the community with the smaller label, i.e. the smaller node id). A node alone in its community only
joins another lone node with a smaller label, which stops pairs from swapping forever. Sweeps stop when
two in a row raise modularity by less than 2 % (or 1e-4), or after ``max_sweeps``; the best partition
seen is kept. Communities are then merged into nodes and
the process repeats on the smaller graph until nothing merges. A last local-moving pass over the
original actors, starting from the final partition, lets single actors correct what the synchronous
sweeps got wrong (on random graphs this lifts modularity to the level of networkx's sequential Louvain).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from wandelwerk.engines.network_graph import FloatArray, Graph, IntArray, csr_from_pairs, expand_rows

_EPS = 1e-12
_MIN_GAIN = 1e-4  # modularity gain per sweep below which a sweep counts as stale ...
_MIN_RELATIVE_GAIN = 0.02  # ... or below this fraction of the modularity reached
_MOVE_SHARE = 0.5  # share of candidate nodes allowed to move in one synchronous sweep


@dataclass(frozen=True, slots=True, eq=False)
class Communities:
    """``labels[i]`` is the community of node index i; community 0 is the largest.

    Communities are numbered by size (largest first), equal sizes by their smallest node id. Isolated
    nodes form communities of their own. ``modularity`` is Newman's weighted modularity (resolution 1)
    of this partition, as networkx.algorithms.community.modularity computes it.
    """

    labels: IntArray
    sizes: IntArray
    modularity: float

    @property
    def count(self) -> int:
        return int(self.sizes.shape[0])


@dataclass(frozen=True, slots=True, eq=False)
class _Level:
    """A graph whose nodes may carry self-loop weight (``loops``), as produced by aggregation."""

    n: int
    edge_a: IntArray
    edge_b: IntArray
    edge_w: FloatArray
    loops: FloatArray
    indptr: IntArray
    indices: IntArray
    weights: FloatArray

    @classmethod
    def of(cls, n: int, a: IntArray, b: IntArray, w: FloatArray, loops: FloatArray) -> _Level:
        indptr, indices, weights = csr_from_pairs(n, a, b, w)
        return cls(n, a, b, w, loops, indptr, indices, weights)

    def strength(self) -> FloatArray:
        k = np.bincount(self.edge_a, weights=self.edge_w, minlength=self.n)
        k += np.bincount(self.edge_b, weights=self.edge_w, minlength=self.n)
        return k + 2.0 * self.loops


def _modularity(level: _Level, comm: IntArray, strength: FloatArray, two_m: float) -> float:
    if two_m <= 0:
        return 0.0
    inside = comm[level.edge_a] == comm[level.edge_b]
    internal = float(level.edge_w[inside].sum() + level.loops.sum())
    tot = np.bincount(comm, weights=strength, minlength=level.n)
    return internal / (two_m / 2.0) - float(np.dot(tot, tot)) / (two_m * two_m)


def _best_moves(
    level: _Level,
    nodes: IntArray,
    comm: IntArray,
    strength: FloatArray,
    tot: FloatArray,
    size: IntArray,
    two_m: float,
) -> tuple[IntArray, IntArray]:
    """For ``nodes``, the subset that should move and their target communities."""
    rows, pos = expand_rows(level.indptr, nodes)
    if rows.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    target = comm[level.indices[pos]]
    # Sum the tie weights per (node, neighbouring community). Rows arrive in ascending blocks, which
    # a stable (merge) sort exploits; it is much cheaper than np.unique here.
    raw = rows * level.n + target
    order = np.argsort(raw, kind="stable")
    raw = raw[order]
    firsts = np.flatnonzero(np.r_[True, raw[1:] != raw[:-1]])
    key = raw[firsts]
    link = np.add.reduceat(level.weights[pos][order], firsts)
    row = key // level.n
    cand = key % level.n
    own = comm[row]
    k_i = strength[row]
    # Gain of joining cand (relative to being alone) vs. staying in own community.
    gain = link - k_i * tot[cand] / two_m
    stay_gain = np.where(cand == own, link - k_i * (tot[own] - k_i) / two_m, -np.inf)
    gain = np.where(cand == own, -np.inf, gain)
    lone = size[own] == 1
    gain = np.where(lone & (size[cand] == 1) & (cand > own), -np.inf, gain)
    # Per row (rows are contiguous in key order): best gain, and staying value (0 link if absent).
    starts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]])
    best = np.maximum.reduceat(gain, starts)
    stay = np.maximum.reduceat(stay_gain, starts)
    row_of_start = row[starts]
    no_link = ~np.isfinite(stay)
    stay = np.where(
        no_link, -strength[row_of_start] * (tot[comm[row_of_start]] - strength[row_of_start]) / two_m, stay
    )
    segment = np.repeat(np.arange(starts.shape[0]), np.diff(np.r_[starts, row.shape[0]]))
    is_best = (gain == best[segment]) & np.isfinite(gain)
    first = np.full(starts.shape[0], -1, dtype=np.int64)
    hits = np.flatnonzero(is_best)
    # key order is (row, cand) ascending, so the first hit per row has the smallest label.
    first_hit = hits[np.r_[True, segment[hits][1:] != segment[hits][:-1]]] if hits.size else hits
    first[segment[first_hit]] = first_hit
    move = (first >= 0) & (best > stay + _EPS)
    return row_of_start[move], cand[first[move]]


def _local_moving(
    level: _Level, rng: np.random.Generator, max_sweeps: int, start: IntArray | None = None
) -> IntArray:
    n = level.n
    comm = np.arange(n, dtype=np.int64) if start is None else start.copy()
    strength = level.strength()
    two_m = float(strength.sum())
    if two_m <= 0:
        return comm
    best_comm = comm.copy()
    best_q = _modularity(level, comm, strength, two_m)
    active = np.flatnonzero(np.diff(level.indptr) > 0)
    stale = 0
    for _ in range(max_sweeps):
        if active.size == 0:
            break
        pick = rng.random(active.shape[0]) < _MOVE_SHARE
        chosen, waiting = active[pick], active[~pick]
        tot = np.bincount(comm, weights=strength, minlength=n).astype(np.float64)
        size = np.bincount(comm, minlength=n)
        movers, targets = _best_moves(level, chosen, comm, strength, tot, size, two_m)
        if movers.size == 0:
            active = waiting
            continue
        comm[movers] = targets
        q = _modularity(level, comm, strength, two_m)
        gained = q - best_q
        if gained > 0:
            best_q, best_comm = q, comm.copy()
        # Stop once two sweeps in a row gained (almost) nothing: the rest would cost more than it earns.
        stale = stale + 1 if gained < max(_MIN_GAIN, _MIN_RELATIVE_GAIN * best_q) else 0
        if stale >= 2:
            break
        _, pos = expand_rows(level.indptr, movers)
        mark = np.zeros(n, dtype=np.bool_)
        mark[waiting] = True
        mark[level.indices[pos]] = True
        active = np.flatnonzero(mark)
    return best_comm


def _aggregate(level: _Level, comm: IntArray) -> tuple[_Level, IntArray]:
    """Merge each community into one node; returns the new level and node -> new node labels."""
    _, labels = np.unique(comm, return_inverse=True)
    labels = labels.astype(np.int64)
    k = int(labels.max()) + 1 if labels.size else 0
    ca, cb = labels[level.edge_a], labels[level.edge_b]
    same = ca == cb
    loops = np.bincount(labels, weights=level.loops, minlength=k) + np.bincount(
        ca[same], weights=level.edge_w[same], minlength=k
    )
    a = np.minimum(ca[~same], cb[~same])
    b = np.maximum(ca[~same], cb[~same])
    key, inverse = np.unique(a * max(k, 1) + b, return_inverse=True)
    w = np.bincount(inverse, weights=level.edge_w[~same], minlength=key.shape[0]).astype(np.float64)
    return _Level.of(k, key // max(k, 1), key % max(k, 1), w, loops.astype(np.float64)), labels


def communities(graph: Graph, *, seed: int = 0, max_levels: int = 10, max_sweeps: int = 24) -> Communities:
    """Louvain communities of ``graph``; the same graph and seed always give the same partition."""
    n = graph.node_count
    rng = np.random.default_rng(seed)
    base = _Level.of(n, graph.edge_u, graph.edge_v, graph.edge_weight, np.zeros(n, dtype=np.float64))
    level = base
    membership = np.arange(n, dtype=np.int64)
    for _ in range(max_levels):
        comm = _local_moving(level, rng, max_sweeps)
        next_level, labels = _aggregate(level, comm)
        membership = labels[membership]
        if next_level.n == level.n:
            break
        level = next_level
    if n:
        # Labels must be node indices of a member for the lone-node rule; use each community's smallest.
        first = np.full(n, n, dtype=np.int64)
        np.minimum.at(first, membership, np.arange(n, dtype=np.int64))
        membership = _local_moving(base, rng, max_sweeps, start=first[membership])
    return _finish(graph, membership)


def modularity(graph: Graph, labels: IntArray) -> float:
    """Weighted modularity (resolution 1) of the partition ``labels`` (one label per node index)."""
    level = _Level(
        graph.node_count,
        graph.edge_u,
        graph.edge_v,
        graph.edge_weight,
        np.zeros(graph.node_count, dtype=np.float64),
        graph.indptr,
        graph.indices,
        graph.weights,
    )
    strength = level.strength()
    comm = np.unique(np.asarray(labels), return_inverse=True)[1].astype(np.int64)
    return _modularity(level, comm, strength, float(strength.sum()))


def _finish(graph: Graph, membership: IntArray) -> Communities:
    n = graph.node_count
    if n == 0:
        return Communities(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), 0.0)
    # Renumber: largest first, equal sizes by smallest member index (= smallest node id).
    _, inverse, sizes = np.unique(membership, return_inverse=True, return_counts=True)
    smallest = np.full(sizes.shape[0], n, dtype=np.int64)
    np.minimum.at(smallest, inverse, np.arange(n, dtype=np.int64))
    order = np.lexsort((smallest, -sizes))
    rank = np.empty_like(order)
    rank[order] = np.arange(order.shape[0])
    labels = rank[inverse].astype(np.int64)
    return Communities(labels, sizes[order].astype(np.int64), modularity(graph, labels))
