"""/api/v1/material-flows (list with the board's filters and bbox) and
/api/v1/material-flows/potentials/{network} (a network's circular potentials)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from wandelwerk.api.pagination import Page, PageParams
from wandelwerk.circular import selectors
from wandelwerk.circular.models import MaterialFlow
from wandelwerk.networks.models import Network

router = Router()


class FlowOut(Schema):
    id: int
    direction: str
    material: str
    avv_code: str
    title: str
    actor_id: int
    actor: str
    quantity: float
    unit: str
    frequency: str
    period_start: dt.date | None
    period_end: dt.date | None
    months: list[int]
    lat: float
    lon: float
    municipality_ags: str
    county_ags: str
    matched_per_year: float
    url: str


class FlowFilters(Schema):
    material: str | None = Field(None, description="Materialklasse, z. B. wood, rubble, biomass")
    direction: str | None = Field(None, description="output (Angebot) oder input (Gesuch)")
    network: str | None = Field(None, description="Kürzel des Netzwerks")
    county: str | None = Field(None, description="Kreisschlüssel (5 Ziffern)")
    q: str | None = Field(None, description="Text in Titel, Beschreibung oder Akteursname")
    bbox: str | None = Field(None, description="minLon,minLat,maxLon,maxLat")


def _flow(f: MaterialFlow) -> dict[str, Any]:
    return {
        "id": f.pk,
        "direction": f.direction,
        "material": f.material,
        "avv_code": f.avv_code,
        "title": f.title,
        "actor_id": f.actor_id,
        "actor": f.actor.name,
        "quantity": f.quantity,
        "unit": f.unit,
        "frequency": f.frequency,
        "period_start": f.period_start,
        "period_end": f.period_end,
        "months": f.month_list,
        "lat": f.lat,
        "lon": f.lon,
        "municipality_ags": f.municipality.ags,
        "county_ags": f.county.ags,
        "matched_per_year": getattr(f, "matched", 0.0) or 0.0,
        "url": f.get_absolute_url(),
    }


@router.get("/material-flows", response=Page[FlowOut], summary="Materialströme (Angebote und Gesuche)")
def flow_list(request: HttpRequest, filters: Query[FlowFilters], page: Query[PageParams]) -> dict[str, Any]:
    try:
        query = selectors.parse_flow_query({k: v for k, v in filters.dict().items() if v})
        qs = selectors.flow_filter(user=request.user, query=query)
    except selectors.FlowFilterError as exc:
        raise HttpError(400, str(exc)) from exc
    return {"count": qs.count(), "items": [_flow(f) for f in qs[page.offset : page.offset + page.limit]]}


class CountyOut(Schema):
    ags: str
    name: str
    unmatched_t: float
    offers: int


class PotentialOut(Schema):
    county_ags: str
    county_name: str
    material: str
    unit: str
    offered: float
    unmatched: float


class ChainOut(Schema):
    material: str
    from_county: str
    to_county: str
    use: str
    unit: str
    quantity: float
    matches: int
    net_kg_co2e: float


class RegionOut(Schema):
    network: str
    computed_at: dt.datetime | None
    offers: int
    needs: int
    matches: int
    matched_t: float
    matched_mwh: float
    unmatched_t: float
    net_kg_co2e: float = Field(description="Schätzwert, noch nicht mit UBA-Quellen abgeglichen")
    counties: list[CountyOut]
    potentials: list[PotentialOut]
    chains: list[ChainOut]


@router.get(
    "/material-flows/potentials/{slug}", response=RegionOut, summary="Kreislaufpotenziale eines Netzwerks"
)
def region(request: HttpRequest, slug: str) -> dict[str, Any]:
    network = Network.objects.filter(slug=slug).first()
    if network is None:
        raise HttpError(404, "Netzwerk nicht gefunden.")
    data = selectors.region_potentials(network=network)
    return {
        "network": network.slug,
        "computed_at": data.last_run.finished_at if data.last_run else None,
        "offers": data.offers,
        "needs": data.needs,
        "matches": data.matches,
        "matched_t": data.matched_t,
        "matched_mwh": data.matched_mwh,
        "unmatched_t": data.unmatched_t,
        "net_kg_co2e": data.net_kg_co2e,
        "counties": [vars_of(c) for c in data.counties],
        "potentials": [
            {
                k: getattr(r, k)
                for k in ("county_ags", "county_name", "material", "unit", "offered", "unmatched")
            }
            for r in data.rows
        ],
        "chains": [
            {
                "material": c.material_label,
                "from_county": c.from_county,
                "to_county": c.to_county,
                "use": c.use,
                "unit": c.unit,
                "quantity": c.quantity,
                "matches": c.matches,
                "net_kg_co2e": c.net_kg_co2e,
            }
            for c in data.chains
        ],
    }


def vars_of(c: selectors.CountyPotential) -> dict[str, Any]:
    return {"ags": c.ags, "name": c.name, "unmatched_t": c.unmatched_t, "offers": c.offers}
