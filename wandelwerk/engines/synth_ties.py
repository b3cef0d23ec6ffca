"""Synthetic ties between actors, for benchmarks and tests of the network engine. No Django.

Given actor coordinates, :func:`generate_ties` draws an undirected weighted edge list that looks like
a regional cooperation network, not like a uniform random graph:

* **activity**: every actor gets a heavy-tailed activity (Pareto, shape ``tail``); ties pick their ends
  in proportion to it, so degrees are heavy-tailed (a few hubs, many actors with one or two ties).
  A share ``isolated`` of the actors gets activity 0 and never has a tie.
* **communities**: actors are grouped by a grid cell of about ``cell_km`` and one of ``groups``
  interest groups; a "local" tie joins two actors of the same (cell, group) community.
* **distance decay**: a share ``near`` of the ties reaches into a neighbouring cell (same group) or
  to another group of the same cell, and a share ``bridges`` joins two actors anywhere (long-range
  bridges between regions); the rest is local. Tie length therefore falls off with distance.
* **weights**: 1 to 5, mostly 1 (a tie seen once), geometric.

Output: ``Ties(src, dst, weight)`` with ``src < dst`` as actor *indices* (0 … n-1), no self-loops,
no duplicate pairs, sorted by (src, dst), exactly ``count`` ties unless the actors cannot hold that
many (then as many as could be drawn). Deterministic for the same inputs and seed.

:func:`scatter_actors` places actors on municipality points (weight population × rural damping of
``engines.synth``) for benchmarks that need coordinates but no names.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from wandelwerk.engines.synth import DEFAULT_DAMPING, RURAL_DAMPING

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

_KM_PER_DEG_LAT = 111.2
_MAX_ROUNDS = 12


@dataclass(frozen=True, slots=True, eq=False)
class Ties:
    """Undirected ties as parallel arrays of actor indices (``src < dst``) and weights (> 0)."""

    src: IntArray
    dst: IntArray
    weight: FloatArray

    def __len__(self) -> int:
        return int(self.src.shape[0])


@dataclass(frozen=True, slots=True)
class TieMix:
    """Shape of the generated network (see the module docstring)."""

    isolated: float = 0.05
    near: float = 0.15
    bridges: float = 0.03
    groups: int = 3
    cell_km: float = 25.0
    tail: float = 1.8
    max_activity: float = 500.0


@dataclass(frozen=True, slots=True, eq=False)
class _Layout:
    """Actors sorted by community, with cumulative activity for proportional drawing."""

    order: IntArray  # sorted position -> actor index
    community: IntArray  # per actor
    cum: FloatArray  # cumulative activity over sorted positions
    start: IntArray  # per community code: first sorted position
    stop: IntArray  # per community code: one past the last
    cell_x: IntArray  # per actor
    cell_y: IntArray
    group: IntArray
    nx_cells: int
    ny_cells: int
    groups: int


def _layout(
    lat: FloatArray, lon: FloatArray, activity: FloatArray, mix: TieMix, rng: np.random.Generator
) -> _Layout:
    n = lat.shape[0]
    mid_lat = float(np.nanmean(lat)) if n else 0.0
    dlat = mix.cell_km / _KM_PER_DEG_LAT
    dlon = mix.cell_km / (_KM_PER_DEG_LAT * max(math.cos(math.radians(mid_lat)), 0.1))
    cx = np.floor((lon - lon.min()) / dlon).astype(np.int64) if n else np.zeros(0, dtype=np.int64)
    cy = np.floor((lat - lat.min()) / dlat).astype(np.int64) if n else np.zeros(0, dtype=np.int64)
    nx_cells = int(cx.max()) + 1 if n else 1
    ny_cells = int(cy.max()) + 1 if n else 1
    group = np.asarray(rng.integers(0, mix.groups, size=n), dtype=np.int64)
    community = (cy * nx_cells + cx) * mix.groups + group
    order = np.argsort(community, kind="stable")
    cum = np.cumsum(activity[order])
    size = ny_cells * nx_cells * mix.groups
    counts = np.bincount(community, minlength=size)
    stop = np.cumsum(counts)
    return _Layout(order, community, cum, stop - counts, stop, cx, cy, group, nx_cells, ny_cells, mix.groups)


def _draw_in(lay: _Layout, comm: IntArray, rng: np.random.Generator) -> IntArray:
    """One actor per entry of ``comm``, drawn in proportion to activity within that community.

    Returns -1 where the community holds no activity.
    """
    lo, hi = lay.start[comm], lay.stop[comm]
    base = np.where(lo > 0, lay.cum[np.maximum(lo - 1, 0)], 0.0)
    top = np.where(hi > 0, lay.cum[np.maximum(hi - 1, 0)], 0.0)
    u = base + rng.random(comm.shape[0]) * (top - base)
    pos = np.searchsorted(lay.cum, u, side="right")
    pos = np.minimum(pos, np.maximum(hi - 1, 0))
    ok = top > base
    return np.where(ok, lay.order[np.minimum(pos, lay.order.shape[0] - 1)], -1)


def _batch(lay: _Layout, size: int, mix: TieMix, rng: np.random.Generator) -> tuple[IntArray, IntArray]:
    total = float(lay.cum[-1])
    a = lay.order[
        np.minimum(np.searchsorted(lay.cum, rng.random(size) * total, side="right"), len(lay.order) - 1)
    ]
    kind = rng.random(size)
    comm = lay.community[a].copy()
    near = (kind >= mix.bridges) & (kind < mix.bridges + mix.near)
    # near ties: half into a neighbouring cell (same group), half to another group of the same cell
    to_cell = near & (rng.random(size) < 0.5)
    step = rng.integers(0, 8, size=size)
    dx = np.array([-1, 0, 1, -1, 1, -1, 0, 1])[step]
    dy = np.array([-1, -1, -1, 0, 0, 1, 1, 1])[step]
    x = np.clip(lay.cell_x[a] + dx, 0, lay.nx_cells - 1)
    y = np.clip(lay.cell_y[a] + dy, 0, lay.ny_cells - 1)
    comm = np.where(to_cell, (y * lay.nx_cells + x) * lay.groups + lay.group[a], comm)
    other = near & ~to_cell & (lay.groups > 1)
    shift = rng.integers(1, max(lay.groups, 2), size=size)
    comm = np.where(other, comm - lay.group[a] + (lay.group[a] + shift) % lay.groups, comm)
    b = _draw_in(lay, comm, rng)
    # a neighbouring community without activity: stay local instead
    b = np.where(b < 0, _draw_in(lay, lay.community[a], rng), b)
    bridge = kind < mix.bridges
    if bridge.any():
        far = np.searchsorted(lay.cum, rng.random(int(bridge.sum())) * total, side="right")
        b[bridge] = lay.order[np.minimum(far, len(lay.order) - 1)]
    return a, b


def generate_ties(
    lat: npt.ArrayLike, lon: npt.ArrayLike, *, count: int, seed: int = 0, mix: TieMix | None = None
) -> Ties:
    """``count`` distinct ties between the actors at (``lat``, ``lon``); see the module docstring."""
    mix = mix or TieMix()
    lat_a = np.asarray(lat, dtype=np.float64).ravel()
    lon_a = np.asarray(lon, dtype=np.float64).ravel()
    if lat_a.shape != lon_a.shape:
        raise ValueError(f"lat and lon differ in length: {lat_a.shape[0]} and {lon_a.shape[0]}")
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    if not (np.all(np.isfinite(lat_a)) and np.all(np.isfinite(lon_a))):
        raise ValueError("every actor needs finite coordinates")
    if not (0 <= mix.isolated < 1 and mix.near >= 0 and mix.bridges >= 0 and mix.near + mix.bridges <= 1):
        raise ValueError(f"shares out of range in {mix}")
    if mix.groups < 1 or mix.cell_km <= 0 or mix.tail <= 0:
        raise ValueError(f"groups, cell_km and tail must be positive in {mix}")
    n = int(lat_a.shape[0])
    empty = Ties(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))
    rng = np.random.default_rng([seed, 0x7135])
    activity = np.minimum(rng.pareto(mix.tail, size=n) + 1.0, mix.max_activity)
    activity[rng.random(n) < mix.isolated] = 0.0
    if count == 0 or n < 2 or int(np.count_nonzero(activity)) < 2:
        return empty
    lay = _layout(lat_a, lon_a, activity, mix, rng)
    keys = np.zeros(0, dtype=np.int64)
    oversample = 1.25  # draws per missing tie; grows when repeats are frequent (small, dense graphs)
    for _ in range(_MAX_ROUNDS):
        missing = count - keys.shape[0]
        if missing <= 0:
            break
        draws = int(missing * oversample) + 16
        a, b = _batch(lay, draws, mix, rng)
        keep = (a != b) & (activity[a] > 0) & (activity[b] > 0)  # float edge cases never tie the isolated
        lo, hi = np.minimum(a[keep], b[keep]), np.maximum(a[keep], b[keep])
        fresh = _sorted_unique(lo * n + hi)
        if keys.shape[0]:
            at = np.minimum(np.searchsorted(keys, fresh), keys.shape[0] - 1)
            fresh = fresh[keys[at] != fresh]
        if fresh.shape[0] > missing:
            fresh = np.sort(rng.choice(fresh, size=missing, replace=False))
        keys = np.sort(np.concatenate([keys, fresh]))
        oversample = min(oversample * max(1.0, missing / max(fresh.shape[0], 1)), 64.0)
    weight = np.minimum(rng.geometric(0.6, size=keys.shape[0]), 5).astype(np.float64)
    return Ties(keys // n, keys % n, weight)


def _sorted_unique(values: IntArray) -> IntArray:
    """Sorted distinct values (sort-based: NumPy 2.4's hash-based ``np.unique`` is far slower here)."""
    out = np.sort(values)
    return out[np.r_[True, out[1:] != out[:-1]]] if out.shape[0] else out


def scatter_actors(
    lat: npt.ArrayLike,
    lon: npt.ArrayLike,
    population: npt.ArrayLike,
    regiostar7: npt.ArrayLike,
    *,
    count: int,
    seed: int = 0,
    spread_km: float = 2.0,
) -> tuple[IntArray, FloatArray, FloatArray]:
    """(municipality index, lat, lon) of ``count`` actors placed on the given municipality points.

    A municipality is drawn with weight population × ``synth.RURAL_DAMPING`` (0 or missing type:
    ``DEFAULT_DAMPING``); the actor sits around its point with a normal scatter of ``spread_km``.
    """
    mlat = np.asarray(lat, dtype=np.float64).ravel()
    mlon = np.asarray(lon, dtype=np.float64).ravel()
    pop = np.maximum(np.asarray(population, dtype=np.float64).ravel(), 0)
    rs7 = np.asarray(regiostar7, dtype=np.int64).ravel()
    if not mlat.shape == mlon.shape == pop.shape == rs7.shape:
        raise ValueError("municipality arrays differ in length")
    if mlat.shape[0] == 0:
        raise ValueError("no municipalities to place actors in")
    damping = np.array([RURAL_DAMPING.get(int(t), DEFAULT_DAMPING) for t in rs7.tolist()])
    weight = pop * damping
    if weight.sum() <= 0:
        weight = np.ones_like(weight)
    rng = np.random.default_rng([seed, 0xAC7])
    cum = np.cumsum(weight)
    muni = np.minimum(np.searchsorted(cum, rng.random(count) * cum[-1], side="right"), mlat.shape[0] - 1)
    dlat = rng.normal(0.0, spread_km / _KM_PER_DEG_LAT, size=count)
    dlon = rng.normal(0.0, spread_km / _KM_PER_DEG_LAT, size=count) / np.maximum(
        np.cos(np.radians(mlat[muni])), 0.1
    )
    return muni.astype(np.int64), mlat[muni] + dlat, mlon[muni] + dlon
