"""Reads for the gap pages: regions, white spots with helpers, map units, the area × key matrix.

Plain functions the report page calls:

* :func:`gap_overview` — top white spots of a network or area, each with "who could help", and
  totals per key;
* the county profile lives in :mod:`wandelwerk.analysis.profile` (official statistics beside the network).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse

from wandelwerk.analysis import gapdata
from wandelwerk.engines import gaps
from wandelwerk.geo.models import Area, AreaKind
from wandelwerk.geo.selectors import display_boundary
from wandelwerk.networks.models import Network

MAX_MUNICIPALITY_UNITS = 1500
MATRIX_ROWS = 60
KEY_GROUPS = ("topics", "sectors", "kinds")


@dataclass(frozen=True, slots=True)
class Region:
    """A network or a geo area, named as the gap table names it."""

    id: str
    name: str
    kind: str  # "network" or an AreaKind value
    network: Network | None = None
    area: Area | None = None

    @property
    def gaps_url(self) -> str:
        if self.network is not None:
            return reverse("analysis:network_gaps", kwargs={"slug": self.network.slug})
        assert self.area is not None
        return reverse("analysis:area_gaps", kwargs={"ags": self.area.ags})


def region_for(*, network: Network | None = None, area: Area | None = None) -> Region:
    if network is not None:
        return Region(id=gapdata.network_id(network.slug), name=network.name, kind="network", network=network)
    if area is None:
        raise ValueError("region_for needs a network or an area")
    return Region(id=area.ags, name=area.name, kind=area.kind, area=area)


@dataclass(frozen=True, slots=True)
class HelperView:
    ags: str
    name: str
    count: int
    distance_km: float
    actors_url: str


@dataclass(frozen=True, slots=True)
class SpotView:
    row: gaps.GapRow
    area_name: str
    key_label: str
    helpers: list[HelperView]


@dataclass(frozen=True, slots=True)
class KeyTotal:
    key: str
    label: str
    count: int
    per_10k: float | None
    expected: float | None
    ratio: float | None
    white_spots: int  # among the region's map units


@dataclass(slots=True)
class GapOverview:
    """What a report needs about gaps in one region. ``in_scope`` is False when the region has no
    area in the comparison scope (no public actor in its states): then everything else is empty."""

    region: Region
    in_scope: bool
    unit_kind: str
    spots: list[SpotView] = field(default_factory=list)
    totals: list[KeyTotal] = field(default_factory=list)
    thresholds: gaps.Thresholds = gaps.Thresholds()


def actors_url(*, ags: str, key: str) -> str:
    """The actor directory filtered to an area and a topic, sector or kind."""
    if key.startswith(gapdata.SECTOR):
        param = ("sector", key.removeprefix(gapdata.SECTOR))
    elif key.startswith(gapdata.KIND):
        param = ("kind", key.removeprefix(gapdata.KIND))
    else:
        param = ("topic", key)
    return reverse("actors:list") + "?" + urlencode([("area", ags), param])


def unit_indices(table: gaps.GapTable, region: Region) -> tuple[list[int], str]:
    """Indices of the areas to colour on the map (and list in the matrix) and their kind:
    a county's or network's municipalities (counties when a network has more than 1,500), a
    state's counties, a municipality itself."""
    try:
        own = table.area_index(region.id)
    except KeyError:
        return [], AreaKind.MUNICIPALITY
    if region.kind == AreaKind.MUNICIPALITY:
        return [own], AreaKind.MUNICIPALITY
    below = table.descendants(region.id)
    wanted = AreaKind.COUNTY if region.kind == AreaKind.STATE else AreaKind.MUNICIPALITY
    units = [i for i in below if table.kinds[i] == wanted]
    if wanted == AreaKind.MUNICIPALITY and len(units) > MAX_MUNICIPALITY_UNITS:
        wanted = AreaKind.COUNTY
        units = [i for i in below if table.kinds[i] == wanted]
    return units, wanted


def area_names(ags_list: list[str]) -> dict[str, str]:
    if not ags_list:
        return {}
    return dict(Area.objects.filter(ags__in=ags_list).values_list("ags", "name"))


def gap_overview(
    *,
    network: Network | None = None,
    area: Area | None = None,
    limit: int = 10,
    helpers: int = 3,
    table: gaps.GapTable | None = None,
) -> GapOverview:
    """Top ``limit`` white spots of the region's map units (largest shortfall first), each with up to
    ``helpers`` nearby areas of the same kind that have such actors (within 50 km), and per key the
    region's count, density, expected count, ratio and number of white spots. Public actors only.
    ``table`` defaults to the cached analysis (pass it when calling several selectors at once)."""
    region = region_for(network=network, area=area)
    table = table if table is not None else gapdata.gap_table()
    units, unit_kind = unit_indices(table, region)
    overview = GapOverview(
        region=region, in_scope=bool(units), unit_kind=unit_kind, thresholds=table.thresholds
    )
    if not units:
        return overview
    spots = gaps.top_white_spots(table, region.id, kinds={unit_kind}, limit=limit)
    found = {(s.area_id, s.key): gaps.helpers_nearby(table, s.area_id, s.key, limit=helpers) for s in spots}
    names = area_names(sorted({s.area_id for s in spots} | {h.area_id for hs in found.values() for h in hs}))
    topics = dict(gapdata.topic_keys())
    for spot in spots:
        hs = found[(spot.area_id, spot.key)]
        overview.spots.append(
            SpotView(
                row=spot,
                area_name=names.get(spot.area_id, spot.area_id),
                key_label=gapdata.key_label(spot.key, topics),
                helpers=[
                    HelperView(
                        ags=h.area_id,
                        name=names.get(h.area_id, h.area_id),
                        count=h.count,
                        distance_km=h.distance_km,
                        actors_url=actors_url(ags=h.area_id, key=spot.key),
                    )
                    for h in hs
                ],
            )
        )
    own = table.area_index(region.id)
    spot_counts = table.white_spot[units].sum(axis=0)
    for k, key in enumerate(table.keys):
        row = table._row(own, k)
        overview.totals.append(
            KeyTotal(
                key=key,
                label=gapdata.key_label(key, topics),
                count=row.count,
                per_10k=row.per_10k,
                expected=row.expected,
                ratio=row.ratio,
                white_spots=int(spot_counts[k]),
            )
        )
    return overview


# --------------------------------------------------------------------------------------------------
# classes for map and matrix


CLASSES = ("none", "spot", "below", "par", "above")


def class_label(css: str) -> str:
    from django.utils.translation import gettext as _

    return {
        "spot": _("weißer Fleck"),
        "below": _("weniger als erwartet"),
        "par": _("etwa wie erwartet"),
        "above": _("mehr als erwartet"),
    }.get(css, _("kein Vergleich"))


def gap_class(*, expected: float | None, ratio: float | None, white_spot: bool) -> str:
    """Colour class of a cell: white spot, below (< 0.8 × expected), par (0.8–1.25), above, or none
    (no comparison: no population, no type or nobody among the peers)."""
    if white_spot:
        return "spot"
    if expected is None or ratio is None or math.isnan(ratio):
        return "none"
    if ratio < 0.8:
        return "below"
    if ratio < 1.25:
        return "par"
    return "above"


@dataclass(frozen=True, slots=True)
class Cell:
    count: int
    expected: float | None
    ratio: float | None
    white_spot: bool
    css: str

    @property
    def text(self) -> str:
        return class_label(self.css)


@dataclass(frozen=True, slots=True)
class MatrixRow:
    ags: str
    name: str
    population: int | None
    cells: list[Cell]


@dataclass(slots=True)
class Matrix:
    keys: list[tuple[str, str]]  # (key, label)
    rows: list[MatrixRow]
    total_rows: int  # before the display limit


def group_keys(table: gaps.GapTable, group: str) -> list[tuple[str, str]]:
    topics = gapdata.topic_keys()
    if group == "sectors":
        keys = [k for k in table.keys if k.startswith(gapdata.SECTOR)]
    elif group == "kinds":
        keys = [k for k in table.keys if k.startswith(gapdata.KIND)]
    else:
        present = set(table.keys)
        keys = [slug for slug, _ in topics if slug in present]
    names = dict(topics)
    return [(k, gapdata.key_label(k, names)) for k in keys]


def matrix(
    region: Region,
    *,
    group: str = "topics",
    limit: int | None = MATRIX_ROWS,
    table: gaps.GapTable | None = None,
) -> Matrix:
    """Map units (most populous first; ``limit`` of them, all when None) × the keys of ``group``."""
    table = table if table is not None else gapdata.gap_table()
    units, _kind = unit_indices(table, region)
    keys = group_keys(table, group)
    order = sorted(
        units,
        key=lambda i: (-(0 if math.isnan(table.population[i]) else table.population[i]), table.area_ids[i]),
    )
    shown = order if limit is None else order[:limit]
    names = area_names([table.area_ids[i] for i in shown])
    kidx = [table.key_index(k) for k, _ in keys]
    rows: list[MatrixRow] = []
    for i in shown:
        cells = []
        for k in kidx:
            row = table._row(i, k)
            cells.append(
                Cell(
                    count=row.count,
                    expected=row.expected,
                    ratio=row.ratio,
                    white_spot=row.white_spot,
                    css=gap_class(expected=row.expected, ratio=row.ratio, white_spot=row.white_spot),
                )
            )
        pop = table.population[i]
        rows.append(
            MatrixRow(
                ags=table.area_ids[i],
                name=names.get(table.area_ids[i], table.area_ids[i]),
                population=None if math.isnan(pop) else int(pop),
                cells=cells,
            )
        )
    return Matrix(keys=keys, rows=rows, total_rows=len(units))


def map_features(region: Region, *, key: str) -> list[tuple[dict[str, object], str]]:
    """(properties, GeoJSON geometry text) of the region's map units: count, expected, ratio and
    colour class for ``key`` (light boundaries where stored). Raises KeyError for an unknown key."""
    table = gapdata.gap_table()
    k = table.key_index(key)
    units, _kind = unit_indices(table, region)
    by_ags = {table.area_ids[i]: i for i in units}
    shape = display_boundary()
    rows = Area.objects.filter(ags__in=list(by_ags)).annotate(shape=shape).values_list("ags", "name", "shape")
    features = []
    for ags, name, geometry in rows:
        if not geometry:
            continue
        row = table._row(by_ags[ags], k)
        css = gap_class(expected=row.expected, ratio=row.ratio, white_spot=row.white_spot)
        props: dict[str, object] = {
            "ags": ags,
            "name": name,
            "count": row.count,
            "expected": None if row.expected is None else round(row.expected, 2),
            "ratio": None if row.ratio is None else round(row.ratio, 2),
            "white_spot": row.white_spot,
            "class": css,
            "label": class_label(css),
        }
        features.append((props, geometry))
    return features
