"""Reads for material flows: the board, a flow with its matches, and a region's potentials.

Who sees what: flows of public actors (``actors.visibility.public_q``) are public; people who manage
an actor (owner, area coordinators, staff) also see that actor's other flows. Aggregates on the
region page count flows of public actors only (the page says so); a match partner that is not
public is shown without its name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, FloatField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext, gettext_lazy

from wandelwerk.actors.models import Actor
from wandelwerk.actors.visibility import public_q
from wandelwerk.circular.models import FlowDirection, FlowMatch, FlowStatus, MatchRun, Material, MaterialFlow
from wandelwerk.engines import circular as engine
from wandelwerk.engines.circular_taxonomy import MaterialClass
from wandelwerk.geo.models import Area
from wandelwerk.networks.models import Network

PAGE_SIZE = 25


class FlowFilterError(ValueError):
    """A filter value is not one of the listed values; the message names it."""


@dataclass(frozen=True, slots=True)
class FlowQuery:
    material: str = ""
    direction: str = ""
    network: str = ""
    county: str = ""
    q: str = ""
    bbox: tuple[float, float, float, float] | None = None

    def params(self) -> dict[str, str]:
        values = {"material": self.material, "direction": self.direction, "network": self.network}
        values |= {"county": self.county, "q": self.q}
        return {k: v for k, v in values.items() if v}


def parse_flow_query(params: Any) -> FlowQuery:
    """Filters from GET parameters; ``FlowFilterError`` for values outside the lists."""
    material = (params.get("material") or "").strip()
    direction = (params.get("direction") or "").strip()
    county = (params.get("county") or "").strip()
    if material and material not in Material.values:
        raise FlowFilterError(f"Unbekanntes Material „{material}“.")
    if direction and direction not in FlowDirection.values:
        raise FlowFilterError(f"Unbekannte Richtung „{direction}“ (output oder input).")
    if county and not (len(county) == 5 and county.isdigit()):
        raise FlowFilterError(f"Kreisschlüssel „{county}“ hat nicht fünf Ziffern.")
    bbox = None
    if params.get("bbox"):
        try:
            parts = [float(v) for v in str(params.get("bbox")).split(",")]
        except ValueError:
            parts = []
        if len(parts) != 4 or not (parts[0] <= parts[2] and parts[1] <= parts[3]):
            raise FlowFilterError("bbox muss minLon,minLat,maxLon,maxLat sein.")
        bbox = (parts[0], parts[1], parts[2], parts[3])
    network = (params.get("network") or "").strip()[:80]
    return FlowQuery(material, direction, network, county, (params.get("q") or "").strip()[:100], bbox)


def _public_actor_ids() -> QuerySet[Actor]:
    return Actor.objects.filter(public_q()).values("pk")


def flows_visible_to(user: Any) -> QuerySet[MaterialFlow]:
    """Flows of public actors; plus every flow of actors the user manages; all for staff."""
    qs = MaterialFlow.objects.all()
    if user is not None and user.is_authenticated and (user.is_staff or user.is_superuser):
        return qs
    condition = Q(actor_id__in=_public_actor_ids())
    if user is not None and user.is_authenticated:
        from wandelwerk.networks.selectors import area_ids_for_user

        condition |= Q(actor__owner=user)
        areas = list(area_ids_for_user(user=user, coordinator=True))
        if areas:
            condition |= (
                Q(actor__municipality_id__in=areas)
                | Q(actor__county_id__in=areas)
                | Q(actor__state_id__in=areas)
            )
    return qs.filter(condition)


def region_q(area_ids: frozenset[int] | set[int]) -> Q:
    """Flows placed in any of the areas (state, county or municipality ids)."""
    ids = list(area_ids)
    return Q(municipality_id__in=ids) | Q(county_id__in=ids) | Q(county__parent_id__in=ids)


def flow_filter(*, user: Any, query: FlowQuery) -> QuerySet[MaterialFlow]:
    """Active visible flows matching the filters, newest first, with actor and places joined and the
    matched annual quantity (sum over both sides) annotated as ``matched``."""
    qs = flows_visible_to(user).filter(status=FlowStatus.ACTIVE)
    if query.material:
        qs = qs.filter(material=query.material)
    if query.direction:
        qs = qs.filter(direction=query.direction)
    if query.county:
        qs = qs.filter(county__ags=query.county)
    if query.network:
        from wandelwerk.networks.selectors import network_area_ids

        network = Network.objects.filter(slug=query.network).first()
        if network is None:
            raise FlowFilterError(f"Unbekanntes Netzwerk „{query.network}“.")
        qs = qs.filter(region_q(network_area_ids(network)))
    if query.q:
        qs = qs.filter(
            Q(title__icontains=query.q)
            | Q(description__icontains=query.q)
            | Q(actor__name__icontains=query.q)
        )
    if query.bbox:
        x0, y0, x1, y1 = query.bbox
        qs = qs.filter(lon__gte=x0, lon__lte=x1, lat__gte=y0, lat__lte=y1)
    return (
        qs.select_related("actor", "municipality", "county")
        .annotate(matched=Coalesce(_matched_sum("output_id"), 0.0) + Coalesce(_matched_sum("input_id"), 0.0))
        .order_by("-created_at", "-id")
    )


def _matched_sum(side: str) -> Subquery:
    """Sum of the stored match quantities where the outer flow is on ``side`` (output_id/input_id)."""
    sub = (
        FlowMatch.objects.filter(**{side: OuterRef("pk")})
        .values(side)
        .annotate(s=Sum("quantity"))
        .values("s")
    )
    return Subquery(sub, output_field=FloatField())


def board_choices() -> dict[str, Any]:
    """Networks and counties (with active flows) for the filter form: two queries."""
    networks = list(Network.objects.order_by("name").values_list("slug", "name"))
    county_ids = MaterialFlow.objects.filter(status=FlowStatus.ACTIVE).values("county_id")
    counties = list(Area.objects.filter(pk__in=county_ids).order_by("name").values_list("ags", "name"))
    return {"networks": networks, "counties": counties}


def last_run() -> MatchRun | None:
    return MatchRun.objects.order_by("-finished_at", "-id").first()


def flow_get(*, user: Any, pk: int) -> MaterialFlow | None:
    return (
        flows_visible_to(user)
        .select_related("actor", "municipality", "county", "created_by")
        .filter(pk=pk)
        .first()
    )


@dataclass(frozen=True, slots=True)
class MatchView:
    """One stored match seen from one flow: the partner flow and the figures."""

    match: FlowMatch
    partner: MaterialFlow
    partner_public: bool


def flow_matches(*, flow: MaterialFlow) -> list[MatchView]:
    """The flow's stored matches (as output or as input), best score first; partners that are not
    public are flagged so the page can hide their names. Two queries."""
    if flow.direction == FlowDirection.OUTPUT:
        rows = FlowMatch.objects.filter(output=flow).select_related("input__actor", "input__county")
        pairs = [(m, m.input) for m in rows]
    else:
        rows = FlowMatch.objects.filter(input=flow).select_related("output__actor", "output__county")
        pairs = [(m, m.output) for m in rows]
    public = set(
        Actor.objects.filter(public_q(), pk__in=[p.actor_id for _, p in pairs]).values_list("pk", flat=True)
    )
    views = [MatchView(m, p, p.actor_id in public) for m, p in pairs]
    return sorted(views, key=lambda v: (-v.match.score, v.partner.pk))


def flow_annual(row: MaterialFlow) -> tuple[float, str] | None:
    """Annual quantity in the engine's base unit (t, MWh or pieces), or None if the engine skips it."""
    from wandelwerk.circular.services import engine_flow

    prepared = engine.prepare(engine_flow(row))
    return (prepared.annual, prepared.unit) if isinstance(prepared, engine.Prepared) else None


# --- region potentials ---------------------------------------------------------------------------------
USE_LABELS: dict[tuple[str, str], Any] = {
    (MaterialClass.FOOD.value, MaterialClass.BIOMASS.value): gettext_lazy("Vergärung oder Kompost"),
    (MaterialClass.BIOMASS.value, MaterialClass.MANURE.value): gettext_lazy("Biogasanlage (Co-Vergärung)"),
    (MaterialClass.MANURE.value, MaterialClass.BIOMASS.value): gettext_lazy("Biogasanlage (Co-Vergärung)"),
    (MaterialClass.WOOD.value, MaterialClass.BIOMASS.value): gettext_lazy("Strukturmaterial für Kompost"),
}


def use_label(output_material: str, input_material: str) -> str:
    """How the receiving side uses the material ("Wiederverwendung als Holz" for same-class matches)."""
    if (output_material, input_material) in USE_LABELS:
        return str(USE_LABELS[(output_material, input_material)])
    return gettext("Wiederverwendung als %(material)s") % {"material": Material(input_material).label}


@dataclass(frozen=True, slots=True)
class PotentialRow:
    county_ags: str
    county_name: str
    material: str
    material_label: str
    unit: str
    offered: float
    """Annual supply of the region's public active outputs."""
    unmatched: float
    """What is left of it after the stored matches: the potential."""


@dataclass(frozen=True, slots=True)
class CountyPotential:
    ags: str
    name: str
    unmatched_t: float
    offers: int


@dataclass(frozen=True, slots=True)
class ChainRow:
    """One value chain: material → from county → to county → use, with the matched quantity."""

    material_label: str
    from_county: str
    to_county: str
    use: str
    unit: str
    quantity: float
    matches: int
    net_kg_co2e: float


@dataclass(slots=True)
class RegionPotentials:
    """Everything the region page and the lead's report need about a network's circular potential.

    - ``counties``: unmatched supply in tonnes per county, largest first (the bar chart);
    - ``rows``: per county and material the annual supply offered and what is unmatched (the table);
    - ``chains``: value chains of the stored matches whose output lies in the region, largest first;
    - totals: offers, needs, matches, matched tonnes / MWh, CO2e estimates (kg per year);
    - ``last_run``: when the stored matches were computed (None: never).
    Only flows of public actors count; partners outside the region still appear as "to county".
    """

    network: Network
    counties: list[CountyPotential] = field(default_factory=list)
    rows: list[PotentialRow] = field(default_factory=list)
    chains: list[ChainRow] = field(default_factory=list)
    offers: int = 0
    needs: int = 0
    matches: int = 0
    matched_t: float = 0.0
    matched_mwh: float = 0.0
    transport_kg_co2e: float = 0.0
    avoided_kg_co2e: float = 0.0
    net_kg_co2e: float = 0.0
    unmatched_t: float = 0.0
    last_run: MatchRun | None = None

    def top_chains(self, n: int = 10) -> list[ChainRow]:
        return self.chains[:n]


def region_potentials(*, network: Network) -> RegionPotentials:
    """The circular potential of ``network`` (its areas, child networks included); see RegionPotentials.
    About six queries whatever the number of flows."""
    from wandelwerk.networks.selectors import network_area_ids

    result = RegionPotentials(network=network, last_run=last_run())
    flows = list(
        MaterialFlow.objects.filter(region_q(network_area_ids(network)), status=FlowStatus.ACTIVE)
        .filter(actor_id__in=_public_actor_ids())
        .select_related("county")
        .order_by("pk")
    )
    outputs = {f.pk: f for f in flows if f.direction == FlowDirection.OUTPUT}
    result.offers, result.needs = len(outputs), len(flows) - len(outputs)
    matches = list(
        FlowMatch.objects.filter(output_id__in=list(outputs))
        .select_related("input__county")
        .annotate(out_county=F("output__county__name"))
        .order_by("pk")
    )
    allocated: dict[int, float] = defaultdict(float)
    chains: dict[tuple[str, str, str, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for m in matches:
        allocated[m.output_id] += m.quantity
        result.matches += 1
        if m.unit == "t":
            result.matched_t += m.quantity
        elif m.unit == "MWh":
            result.matched_mwh += m.quantity
        result.transport_kg_co2e += m.transport_kg_co2e or 0.0
        result.avoided_kg_co2e += m.avoided_kg_co2e or 0.0
        result.net_kg_co2e += m.net_kg_co2e or 0.0
        key = (
            str(Material(m.output_material).label),
            outputs[m.output_id].county.name,
            m.input.county.name,
            use_label(m.output_material, m.input_material),
            m.unit,
        )
        entry = chains[key]
        entry[0] += m.quantity
        entry[1] += 1
        entry[2] += m.net_kg_co2e or 0.0
    result.chains = sorted(
        (ChainRow(a, b, c, d, u, q, int(n), co2) for (a, b, c, d, u), (q, n, co2) in chains.items()),
        key=lambda r: (-r.quantity, r.material_label, r.from_county, r.to_county, r.use),
    )
    sums: dict[tuple[str, str, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    per_county: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for flow in outputs.values():
        annual = flow_annual(flow)
        if annual is None:
            continue
        amount, unit = annual
        left = max(amount - allocated.get(flow.pk, 0.0), 0.0)
        entry = sums[(flow.county.ags, flow.county.name, flow.material, unit)]
        entry[0] += amount
        entry[1] += left
        county = per_county[(flow.county.ags, flow.county.name)]
        county[1] += 1
        if unit == "t":
            county[0] += left
    result.rows = sorted(
        (
            PotentialRow(ags, name, mat, str(Material(mat).label), unit, offered, left)
            for (ags, name, mat, unit), (offered, left) in sums.items()
        ),
        key=lambda r: (r.county_name, -r.unmatched, r.material),
    )
    result.counties = sorted(
        (CountyPotential(ags, name, t, int(n)) for (ags, name), (t, n) in per_county.items()),
        key=lambda c: (-c.unmatched_t, c.name),
    )
    result.unmatched_t = sum(c.unmatched_t for c in result.counties)
    return result


def stale(flow: MaterialFlow, run: MatchRun | None) -> bool:
    """True when the flow changed after the last run: its matches are computed at the next run."""
    return run is None or flow.updated_at > run.started_at
