"""/api/v1/areas: states, counties and municipalities with their figures."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from wandelwerk.api.pagination import Page, PageParams
from wandelwerk.geo import selectors
from wandelwerk.geo.models import Area

router = Router()


class AreaFilters(Schema):
    q: str = Field(
        "", max_length=100, description="Name (Anfang, ohne Rücksicht auf Umlaute) oder AGS-Anfang"
    )
    kind: Literal["", "state", "county", "municipality"] = Field("", description="Ebene")
    parent: str = Field("", pattern=r"^(\d{2}|\d{5})?$", description="AGS des übergeordneten Gebiets")


class AreaOut(Schema):
    ags: str
    ars: str
    name: str
    kind: str
    kind_label: str
    parent_ags: str | None
    population: int | None
    population_date: dt.date | None
    area_km2: float | None
    lat: float | None
    lon: float | None
    regiostar7: int | None
    degurba: int | None
    url: str


class AreaDetailOut(AreaOut):
    regiostar7_label: str | None
    degurba_label: str | None
    actor_count: int
    boundary_url: str


def _out(area: Area) -> dict[str, Any]:
    return {
        "ags": area.ags,
        "ars": area.ars,
        "name": area.name,
        "kind": area.kind,
        "kind_label": area.kind_label,
        "parent_ags": area.parent.ags if area.parent_id and area.parent else None,
        "population": area.population,
        "population_date": area.population_date,
        "area_km2": area.area_km2,
        "lat": area.lat,
        "lon": area.lon,
        "regiostar7": area.regiostar7,
        "degurba": area.degurba,
        "url": area.get_absolute_url(),
    }


@router.get("", response=Page[AreaOut], summary="Gebiete suchen (Länder, Kreise, Gemeinden)")
def area_list(request: HttpRequest, filters: Query[AreaFilters], page: Query[PageParams]) -> dict[str, Any]:
    qs = selectors.areas_filter(q=filters.q, kind=filters.kind, parent_ags=filters.parent)
    rows = list(qs[page.offset : page.offset + page.limit])
    return {"count": qs.count(), "items": [_out(a) for a in rows]}


@router.get(
    "/{ags}", response=AreaDetailOut, summary="Ein Gebiet mit Kennzahlen und Zahl der sichtbaren Akteure"
)
def area_detail(request: HttpRequest, ags: str) -> dict[str, Any]:
    area = selectors.area_get(ags=ags)
    if area is None:
        raise HttpError(404, f"Unbekanntes Gebiet „{ags[:20]}“.")
    actor_count, _ = selectors.area_actors(area=area, user=request.user, limit=0)
    return {
        **_out(area),
        "regiostar7_label": str(area.get_regiostar7_display()) if area.regiostar7 else None,
        "degurba_label": str(area.get_degurba_display()) if area.degurba else None,
        "actor_count": actor_count,
        "boundary_url": reverse("geo:boundary", kwargs={"ags": area.ags}),
    }
