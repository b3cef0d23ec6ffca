"""County profile: official statistics beside the network (reads only).

Peers of a county are the counties of the same *derived* RegioStaR 7 type: the type that holds the
largest share of the county's population (see ``gapdata.county_types``). Each figure is compared with
the median over those peers that have a value (the county itself left out).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from wandelwerk.analysis import gapdata
from wandelwerk.analysis.models import AreaValue, Indicator
from wandelwerk.analysis.selectors import GapOverview, gap_overview
from wandelwerk.geo.models import Area, AreaKind, RegioStar7

WASTE_KEYS = (
    "waste_total_kg",
    "waste_residual_kg",
    "waste_organic_kg",
    "waste_biobin_kg",
    "waste_recyclables_kg",
    "waste_separate_share",
)
RENEWABLE_KEYS = ("renewable_pv_kw", "renewable_wind_kw", "renewable_biomass_kw")


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    label: str
    unit: str
    value: float | None
    peer_median: float | None
    peers: int  # peers with a value
    source: str

    @property
    def comparison(self) -> str:
        """ "über"/"unter"/"etwa wie" the peers (±5 %), or "" without a comparison."""
        if self.value is None or self.peer_median is None or self.peer_median == 0:
            return ""
        q = self.value / self.peer_median
        if q > 1.05:
            return _("über dem Median vergleichbarer Kreise")
        if q < 0.95:
            return _("unter dem Median vergleichbarer Kreise")
        return _("etwa wie der Median vergleichbarer Kreise")


@dataclass(frozen=True, slots=True)
class TypeShare:
    code: int
    label: str
    municipalities: int
    population: int
    share: float  # of the county's municipal population, %


@dataclass(frozen=True, slots=True)
class SectorFigure:
    key: str
    label: str
    count: int
    per_10k: float | None
    expected: float | None
    ratio: float | None


@dataclass(frozen=True, slots=True)
class TieFigures:
    actors: int
    ties: int
    isolated: int
    components: int


@dataclass(slots=True)
class CountyProfile:
    """Everything the county page (and the report) shows; ``statistics_loaded`` is False when
    ``load_statistics`` has not run (then ``waste``/``energy``/``other`` are empty)."""

    area: Area
    population: int | None
    area_km2: float | None
    density: float | None
    county_type: int | None
    county_type_label: str
    peer_count: int
    type_mix: list[TypeShare]
    statistics_loaded: bool
    waste: list[Figure] = field(default_factory=list)
    energy: list[Figure] = field(default_factory=list)
    other: list[Figure] = field(default_factory=list)
    sectors: list[SectorFigure] = field(default_factory=list)
    gaps: GapOverview | None = None
    ties: TieFigures | None = None
    sources: list[str] = field(default_factory=list)


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 3) if values else None


def county_profile(*, area: Area) -> CountyProfile:
    """The profile of county ``area`` (kind county; ValueError otherwise): population, area,
    density, RegioStaR mix of its municipalities, waste per inhabitant and renewable kW per inhabitant
    against the peer median, employees, settlement-area share, public actors per 10,000 inhabitants
    by sector, top white spots and — if ties are recorded — ties and isolated actors."""
    if area.kind != AreaKind.COUNTY:
        raise ValueError(f"{area.ags} is not a county")
    munis = list(
        Area.objects.filter(kind=AreaKind.MUNICIPALITY).values_list(
            "id", "parent_id", "population", "regiostar7"
        )
    )
    types = gapdata.county_types(munis)
    own_type = types.get(area.pk)
    peers = {c for c, t in types.items() if t == own_type and c != area.pk} if own_type else set()
    mix: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for _id, parent, pop, rt7 in munis:
        if parent == area.pk and rt7 is not None:
            mix[rt7][0] += 1
            mix[rt7][1] += pop or 0
    mix_total = sum(p for _n, p in mix.values()) or 1
    labels = dict(RegioStar7.choices)
    density = round(area.population / area.area_km2, 1) if area.population and area.area_km2 else None
    profile = CountyProfile(
        area=area,
        population=area.population,
        area_km2=area.area_km2,
        density=density,
        county_type=own_type,
        county_type_label=str(labels.get(own_type, "")) if own_type else "",
        peer_count=len(peers),
        type_mix=[
            TypeShare(code, str(labels[code]), n, p, round(p / mix_total * 100, 1))
            for code, (n, p) in sorted(mix.items())
        ],
        statistics_loaded=Indicator.objects.exists(),
    )
    if profile.statistics_loaded:
        _add_statistics(profile, peers)
    _add_network(profile)
    return profile


def _add_statistics(profile: CountyProfile, peers: set[int]) -> None:
    area = profile.area
    indicators = {i.key: i for i in Indicator.objects.all()}
    county_keys = [*WASTE_KEYS, *RENEWABLE_KEYS]
    values: dict[str, dict[int, float]] = defaultdict(dict)
    rows = AreaValue.objects.filter(
        indicator__key__in=county_keys, area_id__in=[area.pk, *peers]
    ).values_list("indicator__key", "area_id", "value")
    for key, area_id, value in rows:
        values[key][area_id] = value
    pops = dict(Area.objects.filter(pk__in=[area.pk, *peers]).values_list("id", "population"))
    used: set[str] = set()

    def figure(key: str, *, per_inhabitant: bool = False) -> Figure | None:
        ind = indicators.get(key)
        if ind is None:
            return None
        own = values[key].get(area.pk)
        peer_values = [v for pk, v in values[key].items() if pk != area.pk]
        unit = _(ind.unit)
        label = indicator_label(ind)
        if per_inhabitant:
            own = own / area.population if own is not None and area.population else None
            peer_values = [
                v / pop for pk, v in values[key].items() if pk != area.pk and (pop := pops.get(pk))
            ]
            unit = _("kW je Einwohner")
            label = _("%(label)s je Einwohner") % {"label": _(ind.label)}
        used.add(ind.source)
        return Figure(
            key=key,
            label=label,
            unit=unit,
            value=None if own is None else round(own, 3),
            peer_median=_median(peer_values),
            peers=len(peer_values),
            source=ind.source,
        )

    profile.waste = [f for f in (figure(k) for k in WASTE_KEYS) if f is not None]
    profile.energy = [f for f in (figure(k, per_inhabitant=True) for k in RENEWABLE_KEYS) if f is not None]
    # employees: county value where the extract has one, else the state's (named as such)
    employees = indicators.get("employees")
    if employees is not None:
        state_id = area.parent_id
        found = dict(
            AreaValue.objects.filter(indicator=employees, area_id__in=[area.pk, state_id]).values_list(
                "area_id", "value"
            )
        )
        if area.pk in found:
            profile.other.append(
                Figure(
                    "employees",
                    _(employees.label),
                    _(employees.unit),
                    found[area.pk],
                    None,
                    0,
                    employees.source,
                )
            )
        elif state_id in found and area.parent is not None:
            profile.other.append(
                Figure(
                    "employees_state",
                    _("%(label)s – nur Landeswert (%(state)s), für Kreise nicht im Datenauszug")
                    % {"label": _(employees.label), "state": area.parent.name},
                    _(employees.unit),
                    found[state_id],
                    None,
                    0,
                    employees.source,
                )
            )
        used.add(employees.source)
    settlement = indicators.get("settlement_share")
    if settlement is not None:
        rows2 = AreaValue.objects.filter(indicator=settlement, area__parent=area).values_list(
            "value", "area__area_km2"
        )
        weighted = [(v, a) for v, a in rows2 if a]
        if weighted:
            share = sum(v * a for v, a in weighted) / sum(a for _v, a in weighted)
            profile.other.append(
                Figure(
                    "settlement_share",
                    _("%(label)s (flächengewichtetes Mittel der Gemeinden)") % {"label": _(settlement.label)},
                    _(settlement.unit),
                    round(share, 1),
                    None,
                    0,
                    settlement.source,
                )
            )
            used.add(settlement.source)
    profile.sources = sorted(used)


def _add_network(profile: CountyProfile) -> None:
    table = gapdata.gap_table()
    try:
        own = table.area_index(profile.area.ags)
    except KeyError:
        own = None
    if own is not None:
        topics = dict(gapdata.topic_keys())
        for k, key in enumerate(table.keys):
            if key.startswith(gapdata.SECTOR):
                row = table._row(own, k)
                profile.sectors.append(
                    SectorFigure(
                        key, gapdata.key_label(key, topics), row.count, row.per_10k, row.expected, row.ratio
                    )
                )
    profile.gaps = gap_overview(area=profile.area, limit=5, table=table)
    profile.ties = _ties(profile.area)


def _ties(area: Area) -> TieFigures | None:
    """Ties among the county's public actors, or None when no tie is recorded anywhere."""
    from wandelwerk.actors.models import Actor
    from wandelwerk.actors.visibility import public_q
    from wandelwerk.engines import network
    from wandelwerk.ties.models import Tie
    from wandelwerk.ties.selectors import tie_edges

    if not Tie.objects.exists():
        return None
    actors = Actor.objects.filter(public_q(), county_id=area.pk)
    ids = list(actors.values_list("id", flat=True))
    u, v, w = tie_edges(actors=actors)
    graph = network.build_graph(ids, network.EdgeArrays(u, v, w))
    summary = network.summarize(graph)
    return TieFigures(
        actors=summary.actors, ties=summary.ties, isolated=summary.isolated, components=summary.components
    )


def indicator_label(ind: Any) -> str:
    """The indicator's name in the active language (stored in German when the statistics were loaded)."""
    from wandelwerk.analysis.services import WASTE_LABELS

    for key, base in WASTE_LABELS.items():
        if ind.key == f"waste_{key}_kg":
            return _("%(label)s je Einwohner") % {"label": _(base)}
    return _(ind.label)
