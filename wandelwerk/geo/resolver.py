"""An in-memory geocoder for batch work (imports of many rows, demo data, benchmarks).

``geo_resolver()`` reads the municipalities once (a few MB) and answers ``by_ags``, ``by_postcode``,
``by_name`` and ``at`` without further queries per row. Boundaries and postal codes are read on the
first call that needs them. Create one resolver per batch and drop it afterwards: it is not a
module-level cache, so separate processes and later data loads never see stale data.
"""

from __future__ import annotations

import bisect
import json
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from wandelwerk.engines import geometry
from wandelwerk.geo.models import Area, AreaKind, PostalCode, PostalCodeArea
from wandelwerk.geo.names import fold_name

CELL = 0.1  # degrees; grid cell size of the bounding-box index


@dataclass(frozen=True, slots=True)
class ResolvedPlace:
    """Like ``GeoHit`` but with ids only: what a bulk import stores on each row.

    ``precision``: "municipality" (the municipality's point), "postcode" (the PLZ centroid) or
    "address" (the coordinates given to ``at``, kept as they are)."""

    municipality_id: int
    county_id: int
    state_id: int
    ags: str
    name: str
    lat: float
    lon: float
    precision: str


@dataclass(slots=True)
class _Municipality:
    id: int
    ags: str
    name: str
    search_name: str
    county_id: int
    state_id: int
    lat: float
    lon: float
    bbox: tuple[float, float, float, float]
    population: int


class GeoResolver:
    """Answers geocoding questions from memory. Reads the municipalities on construction."""

    def __init__(self) -> None:
        rows = (
            Area.objects.filter(kind=AreaKind.MUNICIPALITY)
            .order_by("ags")
            .values_list(
                "id",
                "ags",
                "name",
                "search_name",
                "parent_id",
                "parent__parent_id",
                "lat",
                "lon",
                "min_lon",
                "min_lat",
                "max_lon",
                "max_lat",
                "population",
            )
        )
        self._by_id: dict[int, _Municipality] = {}
        self._by_ags: dict[str, _Municipality] = {}
        for r in rows:
            m = _Municipality(
                id=r[0],
                ags=r[1],
                name=r[2],
                search_name=r[3],
                county_id=r[4] or 0,
                state_id=r[5] or 0,
                lat=r[6] or 0.0,
                lon=r[7] or 0.0,
                bbox=(r[8] or 0.0, r[9] or 0.0, r[10] or 0.0, r[11] or 0.0),
                population=r[12] or 0,
            )
            self._by_id[m.id] = m
            self._by_ags[m.ags] = m
        # names sorted for prefix search; equal names by population (largest first)
        self._names = sorted(self._by_id.values(), key=lambda m: (m.search_name, -m.population, m.ags))
        self._name_keys = [m.search_name for m in self._names]
        self._grid: dict[tuple[int, int], list[int]] | None = None
        self._boundaries: dict[int, str] | None = None
        self._parsed: dict[int, dict[str, Any]] = {}
        self._postcodes: dict[str, tuple[float, float]] | None = None
        self._postcode_areas: dict[str, list[int]] = {}
        self._postcode_cache: dict[str, ResolvedPlace | None] = {}

    def __len__(self) -> int:
        return len(self._by_id)

    # -- results ------------------------------------------------------------------------------
    @staticmethod
    def _place(m: _Municipality, *, lat: float, lon: float, precision: str) -> ResolvedPlace:
        return ResolvedPlace(m.id, m.county_id, m.state_id, m.ags, m.name, lat, lon, precision)

    def _at_seat(self, m: _Municipality) -> ResolvedPlace:
        return self._place(m, lat=m.lat, lon=m.lon, precision="municipality")

    # -- lookups ------------------------------------------------------------------------------
    def by_ags(self, ags: str) -> ResolvedPlace | None:
        """The municipality with this 8-digit AGS, at its point."""
        m = self._by_ags.get((ags or "").strip())
        return self._at_seat(m) if m is not None else None

    def by_name(self, name: str) -> ResolvedPlace | None:
        """Best municipality for a name, with the rules of ``geocode_place``: same name or the name's
        first words, then any prefix; the most populous within each."""
        folded = fold_name(name or "")
        if not folded:
            return None
        start = bisect.bisect_left(self._name_keys, folded)
        best: tuple[int, int, str] | None = None
        found: _Municipality | None = None
        for m in self._names[start:]:
            if not m.search_name.startswith(folded):
                break
            rank = 0 if m.search_name == folded or m.search_name.startswith(folded + " ") else 2
            key = (rank, -m.population, m.ags)
            if best is None or key < best:
                best, found = key, m
        return self._at_seat(found) if found is not None else None

    def by_postcode(self, plz: str) -> ResolvedPlace | None:
        """The PLZ centroid in the municipality containing it (else the most populous one the PLZ
        touches); the municipality's point when the PLZ has no centroid; None if unknown."""
        plz = (plz or "").strip()
        if plz in self._postcode_cache:
            return self._postcode_cache[plz]
        self._load_postcodes()
        assert self._postcodes is not None
        candidates = sorted(
            (self._by_id[i] for i in self._postcode_areas.get(plz, []) if i in self._by_id),
            key=lambda m: (-m.population, m.ags),
        )
        centroid = self._postcodes.get(plz)
        result: ResolvedPlace | None = None
        if centroid is None:
            result = self._at_seat(candidates[0]) if candidates else None
        else:
            lat, lon = centroid
            inside = next((m for m in candidates if self._contains(m, lon, lat)), None)
            chosen = inside or (candidates[0] if candidates else self._find(lon, lat))
            if chosen is not None:
                result = self._place(chosen, lat=lat, lon=lon, precision="postcode")
        self._postcode_cache[plz] = result
        return result

    def at(self, lon: float, lat: float) -> ResolvedPlace | None:
        """The municipality containing the point, with the point itself (precision "address")."""
        if not (math.isfinite(lon) and math.isfinite(lat)):
            return None
        m = self._find(lon, lat)
        return self._place(m, lat=lat, lon=lon, precision="address") if m is not None else None

    # -- internals ----------------------------------------------------------------------------
    def _find(self, lon: float, lat: float) -> _Municipality | None:
        if self._grid is None:
            self._grid = defaultdict(list)
            for m in self._by_id.values():
                x0, y0, x1, y1 = (math.floor(v / CELL) for v in m.bbox)
                for x in range(x0, x1 + 1):
                    for y in range(y0, y1 + 1):
                        self._grid[(x, y)].append(m.id)
        for mid in self._grid.get((math.floor(lon / CELL), math.floor(lat / CELL)), []):
            m = self._by_id[mid]
            if geometry.bbox_contains(m.bbox, lon, lat) and self._contains(m, lon, lat):
                return m
        return None

    def _contains(self, m: _Municipality, lon: float, lat: float) -> bool:
        if self._boundaries is None:
            self._boundaries = dict(
                Area.objects.filter(kind=AreaKind.MUNICIPALITY).values_list("id", "boundary")
            )
        geom = self._parsed.get(m.id)
        if geom is None:
            raw = self._boundaries.get(m.id, "")
            if not raw:
                return False
            geom = self._parsed[m.id] = json.loads(raw)
        return geometry.contains(geom, lon, lat)

    def _load_postcodes(self) -> None:
        if self._postcodes is not None:
            return
        self._postcodes = {
            plz: (lat, lon) for plz, lat, lon in PostalCode.objects.values_list("plz", "lat", "lon")
        }
        areas: dict[str, list[int]] = defaultdict(list)
        for plz, area_id in PostalCodeArea.objects.values_list("plz", "area_id").distinct():
            areas[plz].append(area_id)
        self._postcode_areas = dict(areas)


def geo_resolver() -> GeoResolver:
    """A fresh resolver (one query now; boundaries and postcodes on first need)."""
    return GeoResolver()
