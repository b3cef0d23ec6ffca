"""/api/v1/events, /api/v1/events/{id}, /api/v1/events.geojson – public fields only, never participants."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from wandelwerk.api.pagination import Page, PageParams
from wandelwerk.events import selectors
from wandelwerk.events.models import Event

router = Router()


class EventOut(Schema):
    id: int
    slug: str
    title: str
    kind: str
    organiser: str
    network: str | None
    actor_id: int | None
    start: dt.datetime
    end: dt.datetime
    venue_name: str
    address: str
    area_ags: str | None
    lat: float | None
    lon: float | None
    online: bool
    topics: list[str]
    visibility: str
    capacity: int | None
    seats_left: int | None
    url: str
    ics_url: str


class SessionOut(Schema):
    title: str
    start: dt.datetime
    end: dt.datetime
    room: str
    speakers: str


class EventDetailOut(EventOut):
    description: str
    accessibility: str
    online_url: str
    sessions: list[SessionOut]


class EventFilters(Schema):
    network: str | None = Field(None, description="Kürzel des Netzwerks")
    topic: str | None = Field(None, description="Kürzel des Handlungsfelds")
    area: str | None = Field(None, description="Gemeindeschlüssel (AGS) von Gemeinde, Kreis oder Land")
    kind: str | None = Field(
        None, description="network_meeting, conference, working_group, workshop, coaching, forum"
    )
    from_: str | None = Field(None, alias="from", description="ab Datum (JJJJ-MM-TT); sonst kommende")
    bbox: str | None = Field(None, description="minLon,minLat,maxLon,maxLat: Veranstaltungen mit Ort darin")


def _event(e: Event) -> dict[str, Any]:
    return {
        "id": e.pk,
        "slug": e.slug,
        "title": e.title,
        "kind": e.kind,
        "organiser": str(e.organiser),
        "network": e.network.slug if e.network else None,
        "actor_id": e.actor_id,
        "start": e.start,
        "end": e.end,
        "venue_name": e.venue_name,
        "address": e.address,
        "area_ags": e.area.ags if e.area else None,
        "lat": e.lat,
        "lon": e.lon,
        "online": bool(e.online_url),
        "topics": [t.slug for t in e.topics.all()],
        "visibility": e.visibility,
        "capacity": e.capacity,
        "seats_left": e.seats_left,
        "url": e.get_absolute_url(),
        "ics_url": reverse("events:ics", kwargs={"slug": e.slug}),
    }


def _filtered(request: HttpRequest, filters: EventFilters) -> Any:
    params = {k: v for k, v in filters.dict(by_alias=True).items() if v}
    try:
        query = selectors.parse_event_query(params)
    except selectors.EventFilterError as exc:
        raise HttpError(400, exc.message) from exc
    return selectors.event_filter(user=request.user, query=query)


@router.get("/events", response=Page[EventOut], summary="Veranstaltungen (gleiche Filter wie die Liste)")
def event_list(request: HttpRequest, filters: Query[EventFilters], page: Query[PageParams]) -> dict[str, Any]:
    qs = _filtered(request, filters)
    return {"count": qs.count(), "items": [_event(e) for e in qs[page.offset : page.offset + page.limit]]}


@router.get("/events.geojson", summary="Veranstaltungen mit Ort als GeoJSON (RFC 7946)")
def event_geojson(request: HttpRequest, filters: Query[EventFilters]) -> dict[str, Any]:
    rows = _filtered(request, filters).filter(lat__isnull=False, lon__isnull=False)[:2000]
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [e.lon, e.lat]},
            "properties": {
                "id": e.pk,
                "name": e.title,
                "kind": e.kind,
                "start": e.start.isoformat(),
                "url": e.get_absolute_url(),
            },
        }
        for e in rows
    ]
    return {"type": "FeatureCollection", "features": features}


@router.get("/events/{event_id}", response=EventDetailOut, summary="Eine Veranstaltung mit Programm")
def event_detail(request: HttpRequest, event_id: int) -> dict[str, Any]:
    event = selectors.event_by_id(user=request.user, pk=event_id)
    if event is None:
        raise HttpError(404, "Veranstaltung nicht gefunden.")
    return {
        **_event(event),
        "description": event.description,
        "accessibility": event.accessibility,
        "online_url": event.online_url,
        "sessions": [
            {"title": s.title, "start": s.start, "end": s.end, "room": s.room, "speakers": s.speakers}
            for s in event.sessions.all()
        ],
    }
