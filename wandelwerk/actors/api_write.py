"""API writes for actors (token auth): create, change, delete. Same services and rules as the web."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema
from ninja.errors import HttpError

from wandelwerk.accounts.auth import TokenAuth
from wandelwerk.actors import services
from wandelwerk.actors.api import router
from wandelwerk.actors.models import Actor, Kind, Precision, Sector, Status, Topic, Visibility
from wandelwerk.actors.schemas import ActorDetailOut, actor_out


class ActorIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    kind: Kind
    sector: Sector
    description: str = Field("", max_length=10_000)
    topics: list[str] = Field(default_factory=list, description="Kürzel von Handlungsfeldern/SDGs")
    street: str = Field("", max_length=200)
    postcode: str = Field("", pattern=r"^(\d{5})?$")
    place: str = Field("", max_length=200)
    ags: str = Field("", pattern=r"^(\d{8})?$", description="Gemeindeschlüssel; sonst lat/lon, PLZ oder Ort")
    lat: float | None = Field(None, ge=47.0, le=55.2)
    lon: float | None = Field(None, ge=5.8, le=15.1)
    website: str = Field("", max_length=300, pattern=r"^(https?://\S+)?$")
    email: str = Field("", max_length=254, pattern=r"^([^@\s]+@[^@\s]+\.[^@\s]+)?$")
    phone: str = Field("", max_length=60)
    contact_name: str = Field("", max_length=200)
    visibility: Visibility = Visibility.PUBLIC
    person_consent: bool = False


def _locate(data: ActorIn) -> tuple[Any, float | None, float | None, str]:
    from wandelwerk.geo import selectors as geo

    if data.ags:
        area = geo.municipality_by_ags(ags=data.ags)
        if area is None:
            raise HttpError(422, f"ags: Unbekannter Gemeindeschlüssel „{data.ags}“.")
        if data.lat is not None and data.lon is not None:
            return area, data.lat, data.lon, Precision.ADDRESS
        return area, None, None, Precision.MUNICIPALITY
    if data.lat is not None and data.lon is not None:
        area = geo.municipality_at(lon=data.lon, lat=data.lat)
        if area is None:
            raise HttpError(422, "lat/lon: Die Position liegt in keiner deutschen Gemeinde.")
        return area, data.lat, data.lon, Precision.ADDRESS
    if data.postcode:
        hit = geo.geocode_postcode(plz=data.postcode)
        if hit is None:
            raise HttpError(422, f"postcode: Unbekannte Postleitzahl „{data.postcode}“.")
        return hit.area, hit.lat, hit.lon, hit.precision
    if data.place:
        hits = geo.geocode_place(name=data.place, limit=1)
        if not hits:
            raise HttpError(422, f"place: Ort „{data.place}“ nicht gefunden.")
        return hits[0].area, hits[0].lat, hits[0].lon, hits[0].precision
    raise HttpError(422, "Ort fehlt: ags, lat/lon, postcode oder place angeben.")


def _actor_data(data: ActorIn) -> services.ActorData:
    topics = dict(Topic.objects.filter(slug__in=data.topics).values_list("slug", "id"))
    unknown = sorted(set(data.topics) - set(topics))
    if unknown:
        raise HttpError(422, f"topics: Unbekanntes Handlungsfeld „{unknown[0]}“.")
    area, lat, lon, precision = _locate(data)
    return services.ActorData(
        name=data.name,
        kind=data.kind,
        sector=data.sector,
        municipality=area,
        lat=lat,
        lon=lon,
        precision=precision,
        description=data.description,
        street=data.street,
        postcode=data.postcode,
        place=data.place,
        website=data.website,
        email=data.email,
        phone=data.phone,
        contact_name=data.contact_name,
        visibility=data.visibility,
        topic_ids=list(topics.values()),
        person_consent=data.person_consent,
        source="API",
    )


def _reload(actor: Actor) -> Actor:
    return (
        Actor.objects.select_related("municipality", "county")
        .prefetch_related("topics", "resources")
        .get(pk=actor.pk)
    )


@router.post(
    "/actors", auth=TokenAuth(), response={201: ActorDetailOut}, summary="Akteur anlegen (wartet auf Prüfung)"
)
def actor_create(request: HttpRequest, payload: ActorIn) -> tuple[int, dict[str, Any]]:
    data = _actor_data(payload)
    probe = Actor(
        municipality=data.municipality, county=data.municipality.parent, state=data.municipality.parent.parent
    )
    status = Status.PUBLISHED if request.user.has_perm("actors.review_actor", probe) else Status.PENDING
    try:
        actor = services.actor_create(data=data, owner=request.user, status=status)
    except services.ActorError as exc:
        raise HttpError(409, str(exc)) from exc
    return 201, actor_out(_reload(actor), request.user, detail=True)


@router.put("/actors/{actor_id}", auth=TokenAuth(), response=ActorDetailOut, summary="Akteur ändern")
def actor_update(request: HttpRequest, actor_id: int, payload: ActorIn) -> dict[str, Any]:
    actor = Actor.objects.filter(pk=actor_id).first()
    if actor is None or not request.user.has_perm("actors.change_actor", actor):
        # the same answer for "missing" and "not yours": nothing about other entries is revealed
        raise HttpError(404, "Akteur nicht gefunden oder keine Berechtigung.")
    try:
        services.actor_update(actor=actor, data=_actor_data(payload))
    except services.ActorError as exc:
        raise HttpError(409, str(exc)) from exc
    return actor_out(_reload(actor), request.user, detail=True)


@router.delete("/actors/{actor_id}", auth=TokenAuth(), response={204: None}, summary="Akteur löschen")
def actor_delete(request: HttpRequest, actor_id: int) -> tuple[int, None]:
    actor = Actor.objects.filter(pk=actor_id).first()
    if actor is None or not request.user.has_perm("actors.delete_actor", actor):
        raise HttpError(404, "Akteur nicht gefunden oder keine Berechtigung.")
    services.actor_delete(actor=actor)
    return 204, None
