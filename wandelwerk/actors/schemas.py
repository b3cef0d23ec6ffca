"""API shapes for actors and topics. Contact fields are filled only where contact_visible() allows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema

from wandelwerk.actors.models import Actor
from wandelwerk.actors.visibility import contact_visible
from wandelwerk.core.markdown import render_markdown


class ActorFilters(Schema):
    q: str | None = Field(
        None, description="Volltext (deutsch: Plural, Umlaute und ae/oe/ue werden gefunden)"
    )
    bbox: str | None = Field(None, description="minLon,minLat,maxLon,maxLat (WGS84)")
    topic: list[str] | None = Field(None, description="Handlungsfeld-Kürzel; mehrere = eines davon")
    kind: list[str] | None = Field(None, description="Art, z. B. initiative, association, company")
    sector: list[str] | None = Field(None, description="Sektor, z. B. civil_society, business")
    network: list[str] | None = Field(None, description="Netzwerk-Kürzel (inkl. Unternetzwerke)")
    area: str | None = Field(
        None, description="Gebietsschlüssel (AGS) eines Landes, Kreises oder einer Gemeinde"
    )

    def as_params(self) -> dict[str, Any]:
        return {k: v for k, v in self.dict().items() if v not in (None, [], "")}


class AreaRef(Schema):
    ags: str
    name: str


class TopicOut(Schema):
    slug: str
    name: str
    name_en: str
    group: str
    number: int | None


class ResourceOut(Schema):
    direction: str
    category: str
    title: str
    description: str


class ActorOut(Schema):
    id: int
    slug: str
    name: str
    kind: str
    sector: str
    topics: list[str]
    municipality: AreaRef
    county: AreaRef
    lat: float
    lon: float
    precision: str
    website: str
    email: str | None
    phone: str | None
    contact_name: str | None
    last_confirmed: dt.date | None
    is_demo: bool
    url: str


class ActorDetailOut(ActorOut):
    description: str
    description_html: str
    street: str | None
    postcode: str
    place: str
    visibility: str
    status: str
    offers: list[ResourceOut]
    needs: list[ResourceOut]


def actor_out(actor: Actor, user: Any, *, detail: bool = False) -> dict[str, Any]:
    show_contact = contact_visible(actor, user)
    data: dict[str, Any] = {
        "id": actor.pk,
        "slug": actor.slug,
        "name": actor.name,
        "kind": actor.kind,
        "sector": actor.sector,
        "topics": [t.slug for t in actor.topics.all()],
        "municipality": {"ags": actor.municipality.ags, "name": actor.municipality.name},
        "county": {"ags": actor.county.ags, "name": actor.county.name},
        "lat": actor.lat,
        "lon": actor.lon,
        "precision": actor.precision,
        "website": actor.website if show_contact else "",
        "email": actor.email if show_contact else None,
        "phone": actor.phone if show_contact else None,
        "contact_name": actor.contact_name if show_contact else None,
        "last_confirmed": actor.last_confirmed,
        "is_demo": actor.is_demo,
        "url": actor.get_absolute_url(),
    }
    if detail:
        resources = list(actor.resources.all())
        data.update(
            description=actor.description,
            description_html=render_markdown(actor.description),
            street=actor.street if show_contact and not actor.is_person else None,
            postcode=actor.postcode,
            place=actor.place,
            visibility=actor.visibility,
            status=actor.status,
            offers=[_res(r) for r in resources if r.direction == "offer"],
            needs=[_res(r) for r in resources if r.direction == "need"],
        )
    return data


def _res(r: Any) -> dict[str, str]:
    return {"direction": r.direction, "category": r.category, "title": r.title, "description": r.description}
