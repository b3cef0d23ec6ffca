"""/api/v1/conference-maps: maps, their wishes and the wishes as GeoJSON. Public fields only:
supporters are a count, never names; authors are never shown."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from wandelwerk.api.pagination import Page, PageParams
from wandelwerk.conferencemap import selectors
from wandelwerk.conferencemap.models import ConferenceMap, Wish

router = Router()


class MapOut(Schema):
    id: int
    title: str
    network: str = Field(description="Kürzel des Netzwerks")
    area: str = Field(description="AGS des Gebiets")
    area_name: str
    is_open: bool
    wish_count: int
    url: str


class MapDetailOut(MapOut):
    description: str
    actor_count: int = Field(description="verknüpfte öffentliche Akteure")


class WishOut(Schema):
    id: int
    title: str
    topic: str = Field(description="Kürzel des Handlungsfelds")
    topic_name: str
    area: str = Field(description="AGS des Ortes")
    area_name: str
    description: str
    help_role: str = Field(description="wie die eintragende Person helfen könnte (leer: gar nicht)")
    supporters: int = Field(description="Anzahl der Unterstützungen (nie Namen)")
    status: str
    created_at: dt.datetime
    url: str


def _map_out(m: ConferenceMap) -> dict[str, Any]:
    return {
        "id": m.pk,
        "title": m.title,
        "network": m.network.slug,
        "area": m.area.ags,
        "area_name": m.area.name,
        "is_open": m.is_open,
        "wish_count": getattr(m, "wish_count", 0),
        "url": m.get_absolute_url(),
    }


def _wish_out(w: Wish, ags: dict[int, str]) -> dict[str, Any]:
    return {
        "id": w.pk,
        "title": w.title,
        "topic": w.topic.slug,
        "topic_name": w.topic.name,
        "area": ags.get(w.area_id, ""),
        "area_name": w.area.name,
        "description": w.description,
        "help_role": w.help_role,
        "supporters": w.supporters,  # type: ignore[attr-defined]
        "status": w.status,
        "created_at": w.created_at,
        "url": w.get_absolute_url(),
    }


def _get(map_id: int) -> ConferenceMap:
    cmap = selectors.map_list().filter(pk=map_id).first()
    if cmap is None:
        raise HttpError(404, "Landkarte nicht gefunden.")
    return cmap


@router.get("/conference-maps", response=Page[MapOut], summary="Landkarten (was es gibt, was fehlt)")
def map_list(request: HttpRequest, page: Query[PageParams]) -> dict[str, Any]:
    qs = selectors.map_list()
    return {"count": qs.count(), "items": [_map_out(m) for m in qs[page.offset : page.offset + page.limit]]}


@router.get("/conference-maps/{map_id}", response=MapDetailOut, summary="Eine Landkarte")
def map_detail(request: HttpRequest, map_id: int) -> dict[str, Any]:
    cmap = _get(map_id)
    return {
        **_map_out(cmap),
        "description": cmap.description,
        "actor_count": len(selectors.map_actor_links(cmap)),
    }


@router.get("/conference-maps/{map_id}/wishes", response=Page[WishOut], summary="Wünsche einer Landkarte")
def wish_list(request: HttpRequest, map_id: int, page: Query[PageParams]) -> dict[str, Any]:
    cmap = _get(map_id)
    qs = selectors.map_wishes(cmap).only(
        "id",
        "title",
        "status",
        "help_role",
        "created_at",
        "topic_id",
        "area_id",
        "map_id",
        "description",
        "topic__slug",
        "topic__name",
        "area__name",
        "area__ags",
    )
    items = list(qs[page.offset : page.offset + page.limit])
    ags = {w.area_id: w.area.ags for w in items}
    return {"count": qs.count(), "items": [_wish_out(w, ags) for w in items]}


@router.get("/conference-maps/{map_id}/wishes.geojson", summary="Wünsche einer Landkarte als GeoJSON")
def wish_geojson(request: HttpRequest, map_id: int) -> dict[str, Any]:
    return selectors.map_features(_get(map_id), actors=False)
