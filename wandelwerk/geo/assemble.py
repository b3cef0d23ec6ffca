"""Builds the rows of states, counties and municipalities from the reference data, in memory.

The boundaries (BKG VG5000) give the territorial state of 01.01.2021; the statistics are from other
dates, so some keys do not join. Every such case is handled by a named rule below and reported in a
``JoinReport`` (the loader prints it); docs/decisions/0002-geography-data.md explains the rules.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from wandelwerk.engines import geometry
from wandelwerk.geo import datafiles
from wandelwerk.geo.names import fold_name

# Same territory, new key: Eisenach left the county list on 01.07.2021 and became 16063105 in the
# Wartburgkreis. Statistics published under the new key describe exactly the 2021 municipality.
RENAMED_KEYS: dict[str, str] = {"16056000": "16063105"}

# Municipalities of 2021 merged later into a new one. Only classifications (RegioStaR) are taken
# from the successor; counts (population) are not, because the successor is bigger.
MERGED_INTO: dict[str, str] = {
    "03153006": "03153019",  # Hahausen → Langelsheim (01.11.2021)
    "03153007": "03153019",  # Langelsheim
    "03153009": "03153019",  # Lutter am Barenberge
    "03153014": "03153019",  # Wallmoden
}

# Counties whose territory in the 2024 statistics differs from the 2021 boundaries: their
# population is the sum of their municipalities instead.
COUNTIES_CHANGED_SINCE_2021: dict[str, str] = {"16063": "Wartburgkreis, seit 01.07.2021 mit Eisenach"}

STATE_TOLERANCE = 0.01  # degrees; ~1 km, for the light country-wide base map
COUNTY_TOLERANCE = 0.01
LIGHT_DECIMALS = 4


@dataclass(slots=True)
class AreaRecord:
    """Everything stored for one area, keyed by AGS; ``parent_ags`` is resolved to an id on save."""

    ags: str
    ars: str
    name: str
    kind: str
    kind_label: str
    parent_ags: str | None
    population: int | None
    population_date: dt.date | None
    area_km2: float | None
    lat: float
    lon: float
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float
    regiostar7: int | None
    degurba: int | None
    boundary: str
    boundary_light: str
    search_name: str


@dataclass(slots=True)
class JoinReport:
    """Keys that did not join directly, by rule (rule text → affected keys)."""

    cases: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, rule: str, key: str) -> None:
        self.cases[rule].append(key)

    def lines(self, *, max_keys: int = 8) -> list[str]:
        out = []
        for rule, keys in sorted(self.cases.items()):
            shown = ", ".join(sorted(keys)[:max_keys])
            more = f", … (+{len(keys) - max_keys})" if len(keys) > max_keys else ""
            out.append(f"{len(keys):>5}  {rule}: {shown}{more}")
        return out


@dataclass(slots=True)
class Sources:
    """All reference tables, read once."""

    states: list[dict[str, Any]]
    counties: list[dict[str, Any]]
    municipalities: list[dict[str, Any]]
    gv: dict[str, datafiles.GvMunicipality]
    zensus: dict[str, int]
    county_population: dict[str, int]
    regiostar: dict[str, int]

    @classmethod
    def read(cls, states: Collection[str] | None = None) -> Sources:
        def keep(features: list[dict[str, Any]]) -> list[dict[str, Any]]:
            if states is None:
                return features
            return [f for f in features if f["properties"]["AGS"][:2] in states]

        return cls(
            states=keep(datafiles.vg5000_features("laender")),
            counties=keep(datafiles.vg5000_features("kreise")),
            municipalities=keep(datafiles.vg5000_features("gemeinden")),
            gv=datafiles.gv2019_municipalities(),
            zensus=datafiles.zensus2022_population(),
            county_population=datafiles.county_population_2024(),
            regiostar=datafiles.regiostar7(),
        )


def _dumps(geom: dict[str, Any]) -> str:
    return json.dumps(geom, separators=(",", ":"))


def light_boundary(geom: dict[str, Any], tolerance: float) -> str:
    """Simplified, 4-decimal GeoJSON geometry for country-wide base maps."""
    simple = geometry.simplify(geom, tolerance)
    parts = [simple["coordinates"]] if simple["type"] == "Polygon" else simple["coordinates"]
    rounded = [
        [[[round(x, LIGHT_DECIMALS), round(y, LIGHT_DECIMALS)] for x, y in ring] for ring in polygon]
        for polygon in parts
    ]
    coords = rounded[0] if simple["type"] == "Polygon" else rounded
    return _dumps({"type": simple["type"], "coordinates": coords})


def inner_point(geom: dict[str, Any]) -> tuple[float, float]:
    """The engine's representative point, rounded to 6 decimals (~0.1 m) when that stays inside."""
    lon, lat = geometry.representative_point(geom)
    rounded = (round(lon, 6), round(lat, 6))
    return rounded if geometry.contains(geom, *rounded) else (lon, lat)


def _sum_population(parts: Iterable[AreaRecord]) -> tuple[int | None, dt.date | None]:
    """Sum of the parts' populations, dated with the date that covers most people."""
    total = 0
    by_date: dict[dt.date, int] = defaultdict(int)
    any_value = False
    for part in parts:
        if part.population is None:
            continue
        any_value = True
        total += part.population
        if part.population_date is not None:
            by_date[part.population_date] += part.population
    if not any_value:
        return None, None
    date = max(by_date.items(), key=lambda kv: (kv[1], kv[0]))[0] if by_date else None
    return total, date


def _sum_area(parts: Iterable[AreaRecord]) -> float | None:
    values = [p.area_km2 for p in parts if p.area_km2 is not None]
    return round(sum(values), 2) if values else None


def _base(feature: dict[str, Any], kind: str, parent_ags: str | None) -> AreaRecord:
    props = feature["properties"]
    geom = feature["geometry"]
    min_lon, min_lat, max_lon, max_lat = geometry.bbox(geom)
    return AreaRecord(
        ags=props["AGS"],
        ars=props["ARS"],
        name=props["GEN"],
        kind=kind,
        kind_label=props["BEZ"],
        parent_ags=parent_ags,
        population=None,
        population_date=None,
        area_km2=None,
        lat=0.0,
        lon=0.0,
        min_lon=min_lon,
        min_lat=min_lat,
        max_lon=max_lon,
        max_lat=max_lat,
        regiostar7=None,
        degurba=None,
        boundary=_dumps(geom),
        boundary_light="",
        search_name=fold_name(props["GEN"]),
    )


def _predecessors(src: Sources, geoms: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """2021 municipality AGS → 2019 municipalities (absent in 2021) whose seat lies inside it.

    Only municipalities of the same county are tried: the merges since 2019 stayed within counties."""
    by_county: dict[str, list[str]] = defaultdict(list)
    for ags in geoms:
        by_county[ags[:5]].append(ags)
    result: dict[str, list[str]] = defaultdict(list)
    for gv in src.gv.values():
        if gv.ags in geoms or gv.ags[:5] not in by_county or gv.lon is None or gv.lat is None:
            continue
        for ags in by_county[gv.ags[:5]]:
            if geometry.contains(geoms[ags], gv.lon, gv.lat):
                result[ags].append(gv.ags)
                break
    return result


def municipality_records(
    src: Sources, predecessors: dict[str, list[str]], report: JoinReport
) -> list[AreaRecord]:
    """Municipalities: population Zensus 2022 → GV 2019 → predecessors; area, seat, DEGURBA from GV 2019."""
    geoms = {f["properties"]["AGS"]: f["geometry"] for f in src.municipalities}
    records = []
    for feature in src.municipalities:
        rec = _base(feature, "municipality", feature["properties"]["AGS"][:5])
        ags, geom = rec.ags, geoms[rec.ags]
        gv = src.gv.get(ags)
        before = [src.gv[p] for p in predecessors.get(ags, [])]
        unofficial = gv is None
        if gv is None and before:
            report.add("no GV 2019 row, area/seat/DEGURBA from 2019 predecessors", ags)
            gv = max(before, key=lambda g: g.population or 0)
        # population
        zensus_key = RENAMED_KEYS.get(ags, ags)
        if zensus_key in src.zensus:
            rec.population, rec.population_date = src.zensus[zensus_key], datafiles.ZENSUS2022_DATE
            if zensus_key != ags:
                report.add(f"population: Zensus 2022 under renamed key ({zensus_key})", ags)
        elif not unofficial and gv is not None and gv.population is not None:
            rec.population, rec.population_date = gv.population, datafiles.GV2019_DATE
            rule = "gemeindefreies Gebiet" if rec.kind_label == "Gemeindefreies Gebiet" else "Gemeinde"
            report.add(f"population: not in Zensus 2022 ({rule}), GV 2019 used", ags)
        elif before:
            rec.population = sum(b.population or 0 for b in before)
            rec.population_date = datafiles.GV2019_DATE
            report.add("population: sum of GV 2019 predecessors", ags)
        else:
            report.add("population: no source", ags)
        # area
        if unofficial and before:
            rec.area_km2 = round(sum(b.area_km2 or 0.0 for b in before), 2)
        elif gv is not None and gv.area_km2 is not None:
            rec.area_km2 = gv.area_km2
        else:
            rec.area_km2 = round(geometry.approx_area_km2(geom), 2)
            report.add("area: computed from the boundary", ags)
        # point: the seat when it lies inside the (generalised) boundary, else a point inside
        if (
            gv is not None
            and gv.lon is not None
            and gv.lat is not None
            and geometry.contains(geom, gv.lon, gv.lat)
        ):
            rec.lon, rec.lat = gv.lon, gv.lat
        else:
            rec.lon, rec.lat = inner_point(geom)
            report.add("seat outside the generalised boundary or missing, inner point used", ags)
        rec.degurba = gv.degurba if gv is not None else None
        if rec.degurba is None:
            report.add("DEGURBA: missing", ags)
        rt_key = ags if ags in src.regiostar else RENAMED_KEYS.get(ags, MERGED_INTO.get(ags, ags))
        rec.regiostar7 = src.regiostar.get(rt_key)
        if rec.regiostar7 is None:
            report.add(f"RegioStaR: missing ({rec.kind_label})", ags)
        elif rt_key != ags:
            report.add(f"RegioStaR: taken from successor key ({rt_key})", ags)
        records.append(rec)
    return records


def county_records(src: Sources, municipalities: list[AreaRecord], report: JoinReport) -> list[AreaRecord]:
    """Counties: population Regionalstatistik 31.12.2024, else the sum of municipalities."""
    children: dict[str, list[AreaRecord]] = defaultdict(list)
    for m in municipalities:
        children[m.ags[:5]].append(m)
    records = []
    for feature in src.counties:
        rec = _base(feature, "county", feature["properties"]["AGS"][:2])
        parts = children.get(rec.ags, [])
        official = src.county_population.get(rec.ags)
        if rec.ags in COUNTIES_CHANGED_SINCE_2021:
            report.add("county population: territory changed since 2021, sum of municipalities", rec.ags)
            rec.population, rec.population_date = _sum_population(parts)
        elif official is None:
            report.add("county population: not in Regionalstatistik 2024, sum of municipalities", rec.ags)
            rec.population, rec.population_date = _sum_population(parts)
        else:
            rec.population, rec.population_date = official, datafiles.COUNTY_POPULATION_DATE
        rec.area_km2 = _sum_area(parts)
        geom = feature["geometry"]
        rec.lon, rec.lat = inner_point(geom)
        rec.boundary_light = light_boundary(geom, COUNTY_TOLERANCE)
        records.append(rec)
    return records


def state_records(src: Sources, counties: list[AreaRecord]) -> list[AreaRecord]:
    """States: population and area are sums of their counties."""
    children: dict[str, list[AreaRecord]] = defaultdict(list)
    for c in counties:
        children[c.ags[:2]].append(c)
    records = []
    for feature in src.states:
        rec = _base(feature, "state", None)
        parts = children.get(rec.ags, [])
        rec.population, rec.population_date = _sum_population(parts)
        rec.area_km2 = _sum_area(parts)
        geom = feature["geometry"]
        rec.lon, rec.lat = inner_point(geom)
        rec.boundary_light = light_boundary(geom, STATE_TOLERANCE)
        records.append(rec)
    return records


@dataclass(slots=True)
class Geography:
    """The assembled rows, plus which 2019 municipality lives on in which 2021 one."""

    states: list[AreaRecord]
    counties: list[AreaRecord]
    municipalities: list[AreaRecord]
    successor_of: dict[str, str]


def build(src: Sources, report: JoinReport) -> Geography:
    """States, counties and municipalities ready to be saved."""
    geoms = {f["properties"]["AGS"]: f["geometry"] for f in src.municipalities}
    predecessors = _predecessors(src, geoms)
    municipalities = municipality_records(src, predecessors, report)
    counties = county_records(src, municipalities, report)
    states = state_records(src, counties)
    successor_of = {old: new for new, olds in predecessors.items() for old in olds}
    return Geography(states, counties, municipalities, successor_of)
