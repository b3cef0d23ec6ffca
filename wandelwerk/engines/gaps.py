"""Gap analysis ("weiße Flecken"): where a topic or sector has fewer actors than statistical peers.

Pure NumPy, no Django. The app loads areas and actor counts into the dataclasses below, calls
:func:`analyse` and renders the :class:`GapTable`.

Method
------
* Counts are given per (municipality, key) only; every other area (county, network, …) gets the sum
  over the *distinct* municipalities below it. ``Area.parent_ids`` is a tuple because a municipality
  lies in its county and may also belong to networks directly; a municipality reached along two paths
  is counted once.
* Population of an aggregate is its own ``population`` if given, else the sum over its municipalities
  (unknown if any of them has no population).
* Peers of an area are the areas of the same ``kind`` and the same RegioStaR 7 type with a population
  above zero. Peer rate = sum of peer counts / sum of peer population; with ``leave_one_out`` (the
  default) the area itself is left out of both sums, so an area never raises its own expectation.
  ``expected = rate × population``. Areas without population, without type or without another peer
  get no expected value and are never white spots.
* Significance: the lower Poisson tail ``p = P(X ≤ count | λ = expected)`` ("this few by chance?").
  For ``count ≤ 50`` it is the exact sum, computed in log space relative to the largest term
  (no overflow or underflow); above 50 the Wilson–Hilferty approximation of the equivalent chi-square
  tail is used (absolute error < 2e-4 there, checked in the tests against the exact sum).
* White spot: ``expected ≥ min_expected`` and (``count == 0`` or (``ratio ≤ max_ratio`` and
  ``p ≤ alpha``)); see :class:`Thresholds` for the defaults.

Results are independent of the input order: areas are sorted by id and keys by name, sums over
integers are exact.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import repeat

import numpy as np
import numpy.typing as npt

from wandelwerk.engines.poisson import poisson_cdf

MUNICIPALITY = "municipality"
EARTH_RADIUS_KM = 6371.0

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Area:
    """One area. Ids must be unique across kinds (e.g. the AGS for geo areas, "network:<pk>")."""

    id: str
    kind: str  # "municipality", "county", "network"; any kind other than municipality is an aggregate
    population: int | None = None
    regiostar7: int | None = None  # 71 … 77, as wandelwerk.geo stores it
    parent_ids: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Thresholds:
    """When an area counts as a white spot for a key (defaults in brackets).

    min_expected (1.0): peers would lead us to expect at least one actor — below that a zero is normal.
    max_ratio (0.5): at most half of the expected count …
    alpha (0.05): … and that few would happen by chance in at most 5 % of cases.
    """

    min_expected: float = 1.0
    max_ratio: float = 0.5
    alpha: float = 0.05


class Label(StrEnum):
    """Plain-language reading of one result (the UI translates it)."""

    NO_COMPARISON = "no_comparison"  # no expected value (no population, no type, no peers)
    AT_OR_ABOVE = "at_or_above"  # count ≥ expected
    BELOW = "below"  # fewer than expected, but that could be chance (p > alpha)
    CLEARLY_BELOW = "clearly_below"  # fewer than expected and p ≤ alpha


_LABELS = (Label.NO_COMPARISON, Label.AT_OR_ABOVE, Label.BELOW, Label.CLEARLY_BELOW)


@dataclass(frozen=True, slots=True)
class GapRow:
    area_id: str
    kind: str
    key: str
    count: int
    population: int | None
    per_10k: float | None
    expected: float | None
    ratio: float | None  # None when expected is unknown or zero
    p_value: float | None
    label: Label
    white_spot: bool

    @property
    def shortfall(self) -> float:
        """How many actors are missing against the peers (0 when at or above)."""
        return max(0.0, (self.expected or 0.0) - self.count)


@dataclass(frozen=True, slots=True)
class Helper:
    area_id: str
    count: int
    per_10k: float | None
    distance_km: float


@dataclass(frozen=True, slots=True, eq=False)
class GapTable:
    """All results as arrays of shape (areas, keys); areas sorted by id, keys by name. NaN = unknown."""

    area_ids: tuple[str, ...]
    kinds: tuple[str, ...]
    keys: tuple[str, ...]
    population: FloatArray  # (areas,)
    lat: FloatArray  # (areas,)
    lon: FloatArray  # (areas,)
    count: IntArray
    per_10k: FloatArray
    expected: FloatArray
    ratio: FloatArray
    p_value: FloatArray
    label: npt.NDArray[np.int8]  # index into Label order above
    white_spot: BoolArray
    thresholds: Thresholds
    ancestors: tuple[frozenset[int], ...]  # per area: indices of every area above it
    _area_index: dict[str, int] = field(repr=False)
    _key_index: dict[str, int] = field(repr=False)

    def area_index(self, area_id: str) -> int:
        try:
            return self._area_index[area_id]
        except KeyError:
            raise KeyError(f"unknown area id {area_id!r}") from None

    def key_index(self, key: str) -> int:
        try:
            return self._key_index[key]
        except KeyError:
            raise KeyError(f"unknown key {key!r}") from None

    def row(self, area_id: str, key: str) -> GapRow:
        return self._row(self.area_index(area_id), self.key_index(key))

    def rows(
        self, *, area_ids: Iterable[str] | None = None, keys: Iterable[str] | None = None
    ) -> Iterator[GapRow]:
        """Rows ordered by area id, then key."""
        ai = (
            sorted(self.area_index(a) for a in set(area_ids))
            if area_ids is not None
            else range(len(self.area_ids))
        )
        ki = sorted(self.key_index(k) for k in set(keys)) if keys is not None else range(len(self.keys))
        for a in ai:
            for k in ki:
                yield self._row(a, k)

    def descendants(self, area_id: str) -> list[int]:
        """Indices of the areas below ``area_id`` (not the area itself), in id order."""
        a = self.area_index(area_id)
        return [i for i, up in enumerate(self.ancestors) if a in up]

    def _row(self, a: int, k: int) -> GapRow:
        pop = self.population[a]
        return GapRow(
            area_id=self.area_ids[a],
            kind=self.kinds[a],
            key=self.keys[k],
            count=int(self.count[a, k]),
            population=None if math.isnan(pop) else int(pop),
            per_10k=_opt(self.per_10k[a, k]),
            expected=_opt(self.expected[a, k]),
            ratio=_opt(self.ratio[a, k]),
            p_value=_opt(self.p_value[a, k]),
            label=_LABELS[int(self.label[a, k])],
            white_spot=bool(self.white_spot[a, k]),
        )


def _opt(x: np.float64) -> float | None:
    return None if math.isnan(x) else float(x)


# --------------------------------------------------------------------------------------------------
# analysis


def analyse(
    areas: Iterable[Area],
    counts: Mapping[tuple[str, str], int],
    *,
    keys: Collection[str] | None = None,
    thresholds: Thresholds = Thresholds(),  # noqa: B008 — frozen, safe as default
    leave_one_out: bool = True,
) -> GapTable:
    """Counts, density, peer expectation, significance and white spots for every (area, key).

    ``counts`` maps (municipality id, key) to a number of actors; missing pairs are zero. ``keys``
    lists the topics/sectors to report (default: those present in ``counts``). Raises ValueError
    naming the offending area or key on bad input.
    """
    area_list = sorted(areas, key=lambda a: a.id)
    ids = tuple(a.id for a in area_list)
    index = {a: i for i, a in enumerate(ids)}
    if len(index) != len(ids):
        dup = next(x for x in ids if ids.count(x) > 1)
        raise ValueError(f"area id {dup!r} appears twice")
    key_list = tuple(sorted(set(keys) if keys is not None else {k for _, k in counts}))
    key_index = {k: i for i, k in enumerate(key_list)}
    _validate(area_list, index)
    ancestors = _ancestors(area_list, index)
    n, nk = len(area_list), len(key_list)
    is_muni = np.array([a.kind == MUNICIPALITY for a in area_list], dtype=bool)

    count = _count_matrix(counts, index, key_index, is_muni)

    # aggregate: one (aggregate, municipality) pair per distinct municipality below an aggregate
    pairs = [(up, i) for i in np.flatnonzero(is_muni) for up in ancestors[i]]
    pop_known = np.array([a.population is not None for a in area_list], dtype=bool)
    pop_int = np.array([a.population or 0 for a in area_list], dtype=np.int64)
    if pairs:
        agg, muni = np.array(pairs, dtype=np.int64).T
        np.add.at(count, agg, count[muni])
        sub_pop = np.bincount(agg, weights=pop_int[muni], minlength=n).astype(np.int64)
        unknown_below = np.bincount(agg, weights=~pop_known[muni], minlength=n) > 0
        has_below = np.bincount(agg, minlength=n) > 0
        derive = ~pop_known & ~is_muni & has_below & ~unknown_below
        pop_int = np.where(derive, sub_pop, pop_int)
        pop_known = pop_known | derive
    population = np.where(pop_known, pop_int.astype(np.float64), np.nan)

    with np.errstate(divide="ignore", invalid="ignore"):
        per_10k = np.where((pop_int > 0)[:, None], count * 1e4 / pop_int[:, None], np.nan)
    expected = _expected(area_list, count, pop_int, pop_known, leave_one_out)

    has_exp = ~np.isnan(expected)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(has_exp & (expected > 0), count / expected, np.nan)
    p_value = np.full((n, nk), np.nan)
    if has_exp.any():
        p_value[has_exp] = poisson_cdf(count[has_exp], expected[has_exp])

    below = has_exp & (count < expected)
    clearly = below & (p_value <= thresholds.alpha)
    label = np.where(has_exp, np.where(below, np.where(clearly, 3, 2), 1), 0).astype(np.int8)
    candidate = has_exp & (expected >= thresholds.min_expected)
    white_spot = candidate & (
        (count == 0) | ((ratio <= thresholds.max_ratio) & (p_value <= thresholds.alpha))
    )

    return GapTable(
        area_ids=ids,
        kinds=tuple(a.kind for a in area_list),
        keys=key_list,
        population=population,
        lat=np.array([np.nan if a.lat is None else a.lat for a in area_list], dtype=np.float64),
        lon=np.array([np.nan if a.lon is None else a.lon for a in area_list], dtype=np.float64),
        count=count,
        per_10k=per_10k,
        expected=expected,
        ratio=ratio,
        p_value=p_value,
        label=label,
        white_spot=white_spot,
        thresholds=thresholds,
        ancestors=ancestors,
        _area_index=index,
        _key_index=key_index,
    )


def _count_matrix(
    counts: Mapping[tuple[str, str], int],
    index: dict[str, int],
    key_index: dict[str, int],
    is_muni: BoolArray,
) -> IntArray:
    """(areas, keys) matrix of the given municipality counts; validation vectorised, errors name the pair."""
    count = np.zeros((len(index), len(key_index)), dtype=np.int64)
    pairs = list(counts)
    area_ids, keys = [a for a, _ in pairs], [k for _, k in pairs]
    ai = np.fromiter(map(index.get, area_ids, repeat(-1)), dtype=np.int64, count=len(pairs))
    ki = np.fromiter(map(key_index.get, keys, repeat(-1)), dtype=np.int64, count=len(pairs))
    values = np.fromiter(counts.values(), dtype=np.int64, count=len(pairs))
    for bad, message in (
        (ai < 0, "count for unknown area {a!r}"),
        (ki < 0, "count for key {k!r} which is not among the requested keys"),
        (values < 0, "negative count for area {a!r}, key {k!r}"),
        (
            ~is_muni[np.maximum(ai, 0)] if len(index) else ai < 0,
            "counts are given per municipality; {a!r} is not one",
        ),
    ):
        if bad.any():
            a, k = pairs[int(np.argmax(bad))]
            raise ValueError(message.format(a=a, k=k))
    count[ai, ki] = values
    return count


def _validate(area_list: list[Area], index: dict[str, int]) -> None:
    for a in area_list:
        if a.population is not None and a.population < 0:
            raise ValueError(f"area {a.id!r} has a negative population")
        if a.regiostar7 is not None and not 71 <= a.regiostar7 <= 77:
            raise ValueError(f"area {a.id!r} has RegioStaR 7 type {a.regiostar7}, expected 71 to 77")
        for p in a.parent_ids:
            if p not in index:
                raise ValueError(f"area {a.id!r} names unknown parent {p!r}")
            if area_list[index[p]].kind == MUNICIPALITY:
                raise ValueError(f"area {a.id!r} has municipality {p!r} as parent")


def _ancestors(area_list: list[Area], index: dict[str, int]) -> tuple[frozenset[int], ...]:
    """Every area above each area (transitively); raises on a cycle."""
    parents = [sorted({index[p] for p in a.parent_ids}) for a in area_list]
    done: list[frozenset[int] | None] = [None] * len(area_list)
    for start in range(len(area_list)):
        if done[start] is not None:
            continue
        stack, on_path = [start], {start}
        while stack:
            node = stack[-1]
            pending = [p for p in parents[node] if done[p] is None]
            for p in pending:
                if p in on_path:
                    raise ValueError(f"areas {area_list[p].id!r} and {area_list[node].id!r} form a cycle")
            if pending:
                stack.append(pending[0])
                on_path.add(pending[0])
                continue
            up: set[int] = set()
            for p in parents[node]:
                up.add(p)
                up |= done[p] or frozenset()
            done[node] = frozenset(up)
            stack.pop()
            on_path.discard(node)
    return tuple(d or frozenset() for d in done)


def _expected(
    area_list: list[Area], count: IntArray, pop: IntArray, pop_known: BoolArray, leave_one_out: bool
) -> FloatArray:
    n, nk = count.shape
    classes: dict[tuple[str, int], int] = {}
    cls = np.full(n, -1, dtype=np.int64)
    for i, a in enumerate(area_list):
        if a.regiostar7 is not None and pop_known[i] and pop[i] > 0:
            cls[i] = classes.setdefault((a.kind, a.regiostar7), len(classes))
    member = cls >= 0
    class_count = np.zeros((len(classes), nk), dtype=np.int64)
    np.add.at(class_count, cls[member], count[member])
    class_pop = np.bincount(cls[member], weights=pop[member], minlength=len(classes)).astype(np.int64)
    expected = np.full((n, nk), np.nan)
    idx = np.flatnonzero(member)
    c_sum, p_sum = class_count[cls[idx]], class_pop[cls[idx]]
    if leave_one_out:
        c_sum, p_sum = c_sum - count[idx], p_sum - pop[idx]
    ok = p_sum > 0  # false when the area is its class's only member
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = c_sum / p_sum[:, None]
    expected[idx[ok]] = rate[ok] * pop[idx[ok]][:, None]
    return expected


# --------------------------------------------------------------------------------------------------
# report helpers


def top_white_spots(
    table: GapTable,
    region_id: str,
    *,
    keys: Iterable[str] | None = None,
    kinds: Collection[str] | None = None,
    limit: int = 10,
) -> list[GapRow]:
    """White spots in the region and every area below it, largest shortfall (expected − count) first.

    Ties: smaller p-value, then area id, then key. ``kinds`` restricts the areas (e.g. municipalities).
    """
    rows_idx = [table.area_index(region_id), *table.descendants(region_id)]
    if kinds is not None:
        rows_idx = [i for i in rows_idx if table.kinds[i] in kinds]
    key_idx = sorted({table.key_index(k) for k in keys}) if keys is not None else list(range(len(table.keys)))
    if not rows_idx or not key_idx:
        return []
    a = np.array(rows_idx, dtype=np.int64)
    k = np.array(key_idx, dtype=np.int64)
    spot = table.white_spot[np.ix_(a, k)]
    ai, ki = np.nonzero(spot)
    found = [table._row(int(a[i]), int(k[j])) for i, j in zip(ai, ki, strict=True)]
    found.sort(key=lambda r: (-r.shortfall, r.p_value if r.p_value is not None else 1.0, r.area_id, r.key))
    return found[:limit]


def helpers_nearby(
    table: GapTable,
    area_id: str,
    key: str,
    *,
    radius_km: float = 50.0,
    min_count: int = 1,
    limit: int = 5,
) -> list[Helper]:
    """Areas of the same kind within ``radius_km`` that have at least ``min_count`` actors for ``key``
    and are not white spots themselves — where help could come from.

    Ordered by count / (1 + distance / 25 km) (many actors close by first), then distance, then id.
    Empty when the area has no centroid.
    """
    a, k = table.area_index(area_id), table.key_index(key)
    lat0, lon0 = table.lat[a], table.lon[a]
    if math.isnan(lat0) or math.isnan(lon0):
        return []
    kind = table.kinds[a]
    same = np.array([kd == kind for kd in table.kinds], dtype=bool)
    same[a] = False
    mask = same & ~np.isnan(table.lat) & ~np.isnan(table.lon)
    mask &= (table.count[:, k] >= min_count) & ~table.white_spot[:, k]
    idx = np.flatnonzero(mask)
    dist = _haversine_km(lat0, lon0, table.lat[idx], table.lon[idx])
    near = dist <= radius_km
    idx, dist = idx[near], dist[near]
    score = table.count[idx, k] / (1.0 + dist / 25.0)
    order = sorted(range(len(idx)), key=lambda i: (-score[i], dist[i], table.area_ids[idx[i]]))
    return [
        Helper(
            area_id=table.area_ids[idx[i]],
            count=int(table.count[idx[i], k]),
            per_10k=_opt(table.per_10k[idx[i], k]),
            distance_km=round(float(dist[i]), 1),
        )
        for i in order[:limit]
    ]


def _haversine_km(lat0: float, lon0: float, lat: FloatArray, lon: FloatArray) -> FloatArray:
    p0, p1 = math.radians(lat0), np.radians(lat)
    dp, dl = p1 - p0, np.radians(lon) - math.radians(lon0)
    h = np.sin(dp / 2) ** 2 + math.cos(p0) * np.cos(p1) * np.sin(dl / 2) ** 2
    result: FloatArray = 2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(1.0, h)))
    return result
