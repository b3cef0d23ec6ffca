"""The prebuilt index behind partner recommendations (no Django). Queries live in ``recommend.py``.

Actors are stored sorted by id; everything refers to an actor by its *position* (so ordering by
position is ordering by id — the deterministic tie-break). The index holds, per actor, the term ids of
its offers and needs, its topic ids, location, rural flag, network position (degree, component,
community) and existing partners, each as flat arrays or CSR arrays; plus inverted CSR postings
term → actors (offers, needs), topic → actors and a spatial grid cell → actors.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from wandelwerk.engines.recommend_terms import Vocabulary

IntArray = npt.NDArray[np.int64]
I32Array = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

GRID_DEG = 0.25  # grid cell edge in degrees of latitude (≈ 28 km); longitude cells are as wide
EARTH_KM = 6371.0


@dataclass(frozen=True, slots=True, eq=False)
class ActorArrays:
    """What the index is built from, one row per actor (any order; ids must be distinct).

    ``offer_*``/``need_*``/``topic_*`` are CSR arrays (``indptr`` of length n + 1) of term ids from
    ``vocabulary`` and topic ids. ``lat``/``lon`` are NaN where unknown. ``community``/``component``
    are -1 where unknown. ``tie_src``/``tie_dst`` are actor ids of existing ties (either direction);
    ties to actors outside the index are ignored. ``network_known`` False means no tie data is loaded:
    then no bridging value is claimed (everyone would look isolated).
    """

    actor_ids: IntArray
    vocabulary: Vocabulary
    offer_indptr: IntArray
    offer_terms: IntArray
    need_indptr: IntArray
    need_terms: IntArray
    topic_indptr: IntArray
    topic_ids: IntArray
    lat: FloatArray
    lon: FloatArray
    rural: BoolArray
    community: IntArray
    component: IntArray
    tie_src: IntArray
    tie_dst: IntArray
    network_known: bool = True


@dataclass(frozen=True, slots=True, eq=False)
class Postings:
    """Inverted CSR: ``ids[ptr[k]:ptr[k + 1]]`` are the actor positions holding key ``keys[k]``."""

    keys: IntArray
    ptr: IntArray
    ids: I32Array

    def get(self, key: int) -> I32Array:
        k = int(np.searchsorted(self.keys, key))
        if k >= self.keys.shape[0] or int(self.keys[k]) != key:
            return self.ids[:0]
        return self.ids[self.ptr[k] : self.ptr[k + 1]]


@dataclass(frozen=True, slots=True, eq=False)
class RecommendIndex:
    """Build with :func:`build_index`; read-only afterwards (safe to share between threads)."""

    actor_ids: IntArray
    vocabulary: Vocabulary
    offer_indptr: IntArray
    offer_terms: IntArray
    need_indptr: IntArray
    need_terms: IntArray
    need_count: FloatArray
    topic_indptr: IntArray
    topic_ids: IntArray
    lat: FloatArray
    lon: FloatArray
    located: BoolArray
    rural: BoolArray
    community: IntArray
    component: IntArray
    degree: IntArray
    tie_indptr: IntArray
    tie_indices: I32Array
    network_known: bool
    offers_by_term: Postings
    needs_by_term: Postings
    actors_by_topic: Postings
    grid: Postings

    @property
    def size(self) -> int:
        return int(self.actor_ids.shape[0])

    def position(self, actor_id: int) -> int:
        """Position of ``actor_id``; KeyError if the index does not hold it."""
        pos = int(np.searchsorted(self.actor_ids, actor_id))
        if pos >= self.size or int(self.actor_ids[pos]) != actor_id:
            raise KeyError(f"actor {actor_id} is not in the recommendation index")
        return pos

    def row(self, indptr: IntArray, values: IntArray, pos: int) -> IntArray:
        return values[indptr[pos] : indptr[pos + 1]]

    def nbytes(self) -> int:
        """Bytes held by the index arrays (not counting the vocabulary strings)."""
        total = 0
        for name in self.__slots__:
            value = getattr(self, name)
            if isinstance(value, np.ndarray):
                total += value.nbytes
            elif isinstance(value, Postings):
                total += value.keys.nbytes + value.ptr.nbytes + value.ids.nbytes
        return total


def cell_keys(lat: FloatArray, lon: FloatArray) -> IntArray:
    """Grid cell of each point as one integer (row * 2^20 + column)."""
    row = np.floor((lat + 90.0) / GRID_DEG).astype(np.int64)
    col = np.floor((lon + 180.0) / GRID_DEG).astype(np.int64)
    return row * (1 << 20) + col


def _postings(keys: IntArray, positions: IntArray) -> Postings:
    """``positions`` must be ascending (rows of a CSR); a stable sort keeps them so per key."""
    order = np.argsort(keys, kind="stable")
    k = keys[order]
    starts = np.flatnonzero(np.concatenate([[True], k[1:] != k[:-1]])) if k.size else np.zeros(0, np.int64)
    uniq = k[starts]
    ptr = np.append(starts, k.shape[0]).astype(np.int64)
    return Postings(uniq.astype(np.int64), ptr, positions[order].astype(np.int32))


def _rows_of(indptr: IntArray) -> IntArray:
    return np.repeat(np.arange(indptr.shape[0] - 1, dtype=np.int64), np.diff(indptr))


def _reorder_csr(indptr: IntArray, values: IntArray, order: IntArray) -> tuple[IntArray, IntArray]:
    """CSR rows taken in ``order``, each row made sorted and distinct."""
    rows = _rows_of(indptr)
    new_row = np.empty(order.shape[0], dtype=np.int64)
    new_row[order] = np.arange(order.shape[0], dtype=np.int64)
    r = new_row[rows]
    v = np.asarray(values, dtype=np.int64)
    if r.size:
        width = int(v.max()) + 1
        key = _sorted_distinct(r * width + v)
        r, v = key // width, key % width
    counts = np.bincount(r, minlength=order.shape[0])
    return np.concatenate([[0], np.cumsum(counts)]).astype(np.int64), v.astype(np.int64)


def _sorted_distinct(values: IntArray) -> IntArray:
    out = np.sort(values)
    if out.size:
        out = out[np.concatenate([[True], out[1:] != out[:-1]])]
    return out


def _check(arrays: ActorArrays) -> int:
    n = int(arrays.actor_ids.shape[0])
    if _sorted_distinct(arrays.actor_ids).shape[0] != n:
        raise ValueError("actor_ids must be distinct")
    for name in ("topic_ids", "offer_terms", "need_terms"):
        values = getattr(arrays, name)
        if values.size and values.min() < 0:
            raise ValueError(f"{name} must not be negative")
    for name in ("lat", "lon", "rural", "community", "component"):
        length = int(getattr(arrays, name).shape[0])
        if length != n:
            raise ValueError(f"{name} has {length} rows but there are {n} actors")
    for name in ("offer", "need", "topic"):
        indptr = getattr(arrays, f"{name}_indptr")
        if indptr.shape[0] != n + 1:
            raise ValueError(f"{name}_indptr must have {n + 1} entries, has {indptr.shape[0]}")
    vocab = len(arrays.vocabulary)
    for name in ("offer_terms", "need_terms"):
        values = getattr(arrays, name)
        if values.size and (values.min() < 0 or values.max() >= vocab):
            raise ValueError(f"{name} holds a term id outside the vocabulary (0..{vocab - 1})")
    return n


def build_index(arrays: ActorArrays) -> RecommendIndex:
    """Index ``arrays`` for :func:`wandelwerk.engines.recommend.recommend`; raises ValueError naming the
    field when the arrays do not fit together."""
    n = _check(arrays)
    order = np.argsort(arrays.actor_ids, kind="stable")
    ids = arrays.actor_ids[order].astype(np.int64)
    o_ptr, o_terms = _reorder_csr(arrays.offer_indptr, arrays.offer_terms, order)
    n_ptr, n_terms = _reorder_csr(arrays.need_indptr, arrays.need_terms, order)
    t_ptr, t_ids = _reorder_csr(arrays.topic_indptr, arrays.topic_ids, order)
    lat = np.asarray(arrays.lat, dtype=np.float64)[order]
    lon = np.asarray(arrays.lon, dtype=np.float64)[order]
    located = np.isfinite(lat) & np.isfinite(lon)
    # ties: keep those with both ends inside, both directions, distinct, no self-loops
    src = np.searchsorted(ids, arrays.tie_src) if n else np.zeros(0, dtype=np.int64)
    dst = np.searchsorted(ids, arrays.tie_dst) if n else np.zeros(0, dtype=np.int64)
    inside = (src < n) & (dst < n)
    inside[inside] &= (ids[src[inside]] == arrays.tie_src[inside]) & (
        ids[dst[inside]] == arrays.tie_dst[inside]
    )
    src, dst = src[inside], dst[inside]
    keep = src != dst
    a = np.concatenate([src[keep], dst[keep]]).astype(np.int64)
    b = np.concatenate([dst[keep], src[keep]]).astype(np.int64)
    tie_ptr, tie_idx = _reorder_csr(
        np.concatenate([[0], np.cumsum(np.bincount(a, minlength=n))]).astype(np.int64),
        b[np.argsort(a, kind="stable")],
        np.arange(n, dtype=np.int64),
    )
    cells = cell_keys(lat[located], lon[located])
    return RecommendIndex(
        actor_ids=ids,
        vocabulary=arrays.vocabulary,
        offer_indptr=o_ptr,
        offer_terms=o_terms,
        need_indptr=n_ptr,
        need_terms=n_terms,
        need_count=np.diff(n_ptr).astype(np.float64),
        topic_indptr=t_ptr,
        topic_ids=t_ids,
        lat=lat,
        lon=lon,
        located=located,
        rural=np.asarray(arrays.rural, dtype=np.bool_)[order],
        community=np.asarray(arrays.community, dtype=np.int64)[order],
        component=np.asarray(arrays.component, dtype=np.int64)[order],
        degree=np.diff(tie_ptr).astype(np.int64),
        tie_indptr=tie_ptr,
        tie_indices=tie_idx.astype(np.int32),
        network_known=arrays.network_known,
        offers_by_term=_postings(o_terms, _rows_of(o_ptr)),
        needs_by_term=_postings(n_terms, _rows_of(n_ptr)),
        actors_by_topic=_postings(t_ids, _rows_of(t_ptr)),
        grid=_postings(cells, np.flatnonzero(located).astype(np.int64)),
    )


def distance_km(lat1: FloatArray, lon1: FloatArray, lat2: FloatArray, lon2: FloatArray) -> FloatArray:
    """Equirectangular distance in km (cosine of the mean latitude): symmetric, within 0.5 % of the
    great-circle distance for the few hundred km that matter here, and ~5× cheaper than haversine."""
    mean = np.radians((lat1 + lat2) * 0.5)
    dx = np.radians(lon2 - lon1) * np.cos(mean)
    dy = np.radians(lat2 - lat1)
    return np.asarray(EARTH_KM * np.sqrt(dx * dx + dy * dy), dtype=np.float64)


def positions_within(index: RecommendIndex, lat: float, lon: float, km: float) -> IntArray:
    """Positions of located actors whose grid cell may lie within ``km`` of the point (a superset:
    callers still check the distance)."""
    rows = km / (GRID_DEG * 111.0) + 1
    cols = rows / max(np.cos(np.radians(min(abs(lat) + rows * GRID_DEG, 89.0))), 0.01)
    r0 = int(np.floor((lat + 90.0) / GRID_DEG))
    c0 = int(np.floor((lon + 180.0) / GRID_DEG))
    dr, dc = int(np.ceil(rows)), int(np.ceil(cols))
    wanted = (np.arange(r0 - dr, r0 + dr + 1, dtype=np.int64)[:, None] * (1 << 20)) + np.arange(
        c0 - dc, c0 + dc + 1, dtype=np.int64
    )[None, :]
    keys = index.grid.keys
    k = np.searchsorted(keys, wanted.ravel())
    k = k[(k < keys.shape[0])]
    k = k[np.isin(keys[k], wanted.ravel())]
    if k.size == 0:
        return np.zeros(0, dtype=np.int64)
    parts = [index.grid.ids[index.grid.ptr[i] : index.grid.ptr[i + 1]] for i in k.tolist()]
    return np.concatenate(parts).astype(np.int64)
