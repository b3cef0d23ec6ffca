"""Expanding search for circular matching: the exact top-k candidates per input, found without
enumerating every pair within the full radius (performance only; results equal the full search).

Why it is exact: a pair's score is quality × fit × exp(-km / decay_km) × timing with timing ≤ 1 and
fit = min/max of the annual quantities = exp(-|ln q_out − ln q_in|). With w = decay_km × ln q, every
pair scores at most ``quality × exp(-(km + |Δw|) / decay_km)``. A round with reach ρ looks only at
pairs with km ≤ min(ρ, radius) and |Δw| ≤ ρ, found through a 4-D grid (3-D sphere coordinates plus
w). Every pair it does not see scores below ``quality × exp(-ρ / decay_km)``; an input whose k-th
best score in the round is above that bound (with a margin far larger than the fixed-point
resolution of the scores) has its final top-k. The other inputs go to the next round with doubled
reach; the last round is the plain full search (``circular_grid.pairs_within``). In dense regions
most inputs finish within a few kilometres and among similar quantities.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from wandelwerk.engines.circular_grid import EARTH_RADIUS_KM, pairs_within

I64 = NDArray[np.int64]
F64 = NDArray[np.float64]
Part = tuple[I64, I64, F64, F64, I64]
"""(output idx, input idx, km, quality, inverted fixed-point score), ordered by (input, rank)."""
Rank = Callable[[I64, I64, F64], Part]
"""Scores pairs (output idx, input idx, km) and keeps the top k per input, ordered by (input, rank)."""

FIRST_REACH_SHARE = 1 / 8
"""Reach of the first round as a share of the radius; doubled per round."""
LAST_REACH_FACTOR = 4
"""Once the reach exceeds this many radii, the remaining inputs get the plain full search."""
BOX_CHUNK_FACTOR = 8
"""Inputs per query in the bounded rounds, in multiples of the caller's chunk (they find few pairs)."""
_MARGIN = 1e-9
"""Score margin between the k-th best and the bound: covers float error and fixed-point rounding."""
_OFFSETS = np.array(np.meshgrid(*[(-1, 0, 1)] * 3, [0], indexing="ij")).reshape(4, -1).T
"""Neighbour cells in space; w is the fastest-varying key part, so w-1 … w+1 is one key range."""


def top_k_expanding(
    oxyz: F64,
    oq: F64,
    oi: I64,
    nxyz: F64,
    nq: F64,
    ni: I64,
    radius: float,
    *,
    rank: Rank,
    k: int,
    quality: float,
    decay_km: float,
    scale: int,
    chunk: int,
) -> list[Part]:
    """Parts whose union equals ``rank`` applied to all pairs within ``radius`` (the per-input top-k).

    ``oq``/``nq`` are the annual quantities (> 0) the fit is computed from; ``scale`` is the
    fixed-point scale of the inverted scores (``inv = scale - round(score × scale)``). Needs
    ``k >= 1`` and ``decay_km > 0``; callers use the full search otherwise.
    """
    if k < 1 or decay_km <= 0:
        raise ValueError("expanding search needs top_k >= 1 and decay_km > 0")
    parts: list[Part] = []
    ow, nw = decay_km * np.log(oq), decay_km * np.log(nq)
    pending = ni
    reach = radius * FIRST_REACH_SHARE
    while pending.size:
        final = radius <= 0 or reach > radius * LAST_REACH_FACTOR
        bound = quality * math.exp(-reach / decay_km) + _MARGIN
        done_below = scale - math.ceil(bound * scale)  # finished: k-th best inverted score below this
        still: list[I64] = []
        step = chunk if final else chunk * BOX_CHUNK_FACTOR
        for lo in range(0, len(pending), step):
            inputs = pending[lo : lo + step]
            if final:
                parts.append(rank(*pairs_within(oxyz, oi, nxyz, inputs, radius)))
                continue
            part = rank(*_pairs_box(oxyz, ow, oi, nxyz, nw, inputs, min(reach, radius), reach))
            done = _finished(part[1], part[4], inputs, k, done_below)
            keep = np.isin(part[1], inputs[done])
            parts.append((part[0][keep], part[1][keep], part[2][keep], part[3][keep], part[4][keep]))
            still.append(inputs[~done])
        if final:
            break
        pending = np.concatenate(still) if still else pending[:0]
        reach *= 2
    return parts


def _finished(pn: I64, inv: I64, inputs: I64, k: int, done_below: int) -> NDArray[np.bool_]:
    """Per entry of ``inputs``: has it k kept pairs, the worst of them scoring above the bound?"""
    if pn.size == 0:
        return np.zeros(inputs.shape[0], dtype=np.bool_)
    # the part is ordered by (input, rank): each input's block ends with its worst kept pair
    change = pn[1:] != pn[:-1]
    starts = np.flatnonzero(np.r_[True, change])
    ends = np.flatnonzero(np.r_[change, True])
    full = (ends - starts + 1 >= k) & (inv[ends] < done_below)
    return np.isin(inputs, pn[ends][full])


def _pairs_box(
    oxyz: F64, ow: F64, oi: I64, nxyz: F64, nw: F64, ni: I64, radius: float, width: float
) -> tuple[I64, I64, F64]:
    """Pairs (from ``oi``, from ``ni``) within ``radius`` km whose w differ by at most ``width``.

    Distances are computed exactly as ``circular_grid.pairs_within`` computes them.
    """
    chord = 2 * EARTH_RADIUS_KM * math.sin(min(radius, math.pi * EARTH_RADIUS_KM) / (2 * EARTH_RADIUS_KM))
    cell = np.array([max(chord, 0.01)] * 3 + [max(width, 1e-6)])
    po4 = np.column_stack([oxyz[oi], ow[oi]])
    pn4 = np.column_stack([nxyz[ni], nw[ni]])
    if not len(po4) or not len(pn4):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float64)
    low = np.minimum(po4.min(axis=0), pn4.min(axis=0))
    co = np.floor((po4 - low) / cell).astype(np.int64) + 1
    cn = np.floor((pn4 - low) / cell).astype(np.int64) + 1
    size = np.maximum(co.max(axis=0), cn.max(axis=0)) + 2
    weights = np.array([size[1] * size[2] * size[3], size[2] * size[3], size[3], 1], dtype=np.int64)
    okeys = co @ weights
    order = np.argsort(okeys, kind="stable")
    okeys, osorted = okeys[order], oi[order]
    nkeys = cn @ weights
    by_cell = np.argsort(nkeys, kind="stable")  # sorted needles make the searches below cache-friendly
    nkeys, ni = nkeys[by_cell], ni[by_cell]
    parts_o: list[I64] = []
    parts_n: list[I64] = []
    for offset in _OFFSETS @ weights:
        target = nkeys + offset
        first = np.searchsorted(okeys, target - 1, side="left")
        counts = np.searchsorted(okeys, target + 1, side="right") - first
        total = int(counts.sum())
        if total == 0:
            continue
        within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        parts_o.append(osorted[np.repeat(first, counts) + within])
        parts_n.append(np.repeat(ni, counts))
    if not parts_o:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float64)
    po, pn = np.concatenate(parts_o), np.concatenate(parts_n)
    near_w = np.abs(ow[po] - nw[pn]) <= width
    po, pn = po[near_w], pn[near_w]
    c2 = ((oxyz[po] - nxyz[pn]) ** 2).sum(axis=1)
    keep = c2 <= chord * chord
    po, pn = po[keep], pn[keep]
    dist: F64 = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(np.sqrt(c2[keep]) / (2 * EARTH_RADIUS_KM), 1.0))
    return po, pn, dist
