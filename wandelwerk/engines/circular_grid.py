"""Spatial grid index for circular matching: all point pairs within a radius, in numpy.

Points are placed on 3-D coordinates of the sphere (km). Two points within great-circle distance
d differ by at most the chord 2R·sin(d/2R) in every coordinate, so with that chord as cell edge a
pair within the radius always lies in the same or one of the 26 neighbouring cells: the index
finds exactly the pairs a brute-force comparison finds, without comparing all of them.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

EARTH_RADIUS_KM = 6371.0088
F64 = NDArray[np.float64]
I64 = NDArray[np.int64]


def haversine_km(
    lat1: NDArray[np.float64], lon1: NDArray[np.float64], lat2: NDArray[np.float64], lon2: NDArray[np.float64]
) -> NDArray[np.float64]:
    """Great-circle distances in km, element-wise."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dlat, dlon = p2 - p1, np.radians(lon2 - lon1)
    a = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    distance: F64 = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return distance


def sphere_xyz(lat: F64, lon: F64) -> F64:
    """(n, 3) Cartesian coordinates in km of points on the sphere."""
    p, q = np.radians(lat), np.radians(lon)
    xyz: F64 = EARTH_RADIUS_KM * np.stack([np.cos(p) * np.cos(q), np.cos(p) * np.sin(q), np.sin(p)], axis=1)
    return xyz


def _chord(km: float) -> float:
    return 2 * EARTH_RADIUS_KM * math.sin(min(km, math.pi * EARTH_RADIUS_KM) / (2 * EARTH_RADIUS_KM))


def _cell_keys(xyz: F64, cell: float, k: int) -> I64:
    idx = np.floor(xyz / cell).astype(np.int64) + k // 2
    keys: I64 = (idx[:, 0] * k + idx[:, 1]) * k + idx[:, 2]
    return keys


def pairs_within(oxyz: F64, oi: I64, nxyz: F64, ni: I64, radius: float) -> tuple[I64, I64, F64]:
    """Index pairs (from ``oi``, from ``ni``) whose points lie within ``radius`` km, with the distances.

    ``oxyz``/``nxyz`` come from ``sphere_xyz``; ``oi`` and ``ni`` select the points taking part.
    Distances are great-circle km computed from the chord (equal to the haversine formula).
    """
    chord = _chord(radius)
    cell = max(chord, 0.01)
    k = 2 * (math.ceil(EARTH_RADIUS_KM / cell) + 2) + 1
    okeys = _cell_keys(oxyz[oi], cell, k)
    order = np.argsort(okeys, kind="stable")
    okeys, osorted = okeys[order], oi[order]
    nkeys = _cell_keys(nxyz[ni], cell, k)
    parts_o: list[I64] = []
    parts_n: list[I64] = []
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for dz in (-1, 0, 1):
                target = nkeys + (dx * k + dy) * k + dz
                lo = np.searchsorted(okeys, target, side="left")
                counts = np.searchsorted(okeys, target, side="right") - lo
                total = int(counts.sum())
                if total == 0:
                    continue
                within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
                parts_o.append(osorted[np.repeat(lo, counts) + within])
                parts_n.append(np.repeat(ni, counts))
    if not parts_o:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float64)
    po, pn = np.concatenate(parts_o), np.concatenate(parts_n)
    c2 = ((oxyz[po] - nxyz[pn]) ** 2).sum(axis=1)
    keep = c2 <= chord * chord
    po, pn = po[keep], pn[keep]
    dist: F64 = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(np.sqrt(c2[keep]) / (2 * EARTH_RADIUS_KM), 1.0))
    return po, pn, dist
