"""/api/v1/actors, /api/v1/actors.geojson, /api/v1/actors/clusters, /api/v1/topics."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router
from ninja.errors import HttpError

from wandelwerk.actors import selectors
from wandelwerk.actors.mapping import actor_point_feature, clusters
from wandelwerk.actors.models import Topic
from wandelwerk.actors.query import ActorQuery, FilterError, parse_query
from wandelwerk.actors.schemas import ActorDetailOut, ActorFilters, ActorOut, TopicOut, actor_out
from wandelwerk.api.pagination import Page, PageParams

router = Router()

GEOJSON_LIMIT = 5000


def _query(filters: ActorFilters) -> ActorQuery:
    try:
        return parse_query(filters.as_params())
    except FilterError as exc:
        raise HttpError(400, f"{exc.param}: {exc.message}") from exc


@router.get("/actors", response=Page[ActorOut], summary="Akteure suchen und filtern")
def actor_list(request: HttpRequest, filters: Query[ActorFilters], page: Query[PageParams]) -> dict[str, Any]:
    query = _query(filters)
    try:
        qs = selectors.actor_filter(user=request.user, query=query)
        count = qs.count()
        rows = list(selectors.actor_list_page(qs)[page.offset : page.offset + page.limit])
    except FilterError as exc:
        raise HttpError(400, f"{exc.param}: {exc.message}") from exc
    return {"count": count, "items": [actor_out(a, request.user) for a in rows]}


@router.get("/actors.geojson", summary="Akteure als GeoJSON (RFC 7946)")
def actor_geojson(
    request: HttpRequest, filters: Query[ActorFilters], page: Query[PageParams]
) -> dict[str, Any]:
    query = _query(filters)
    try:
        qs = selectors.actor_filter(user=request.user, query=query)
        count = qs.count()
        rows = qs.values_list("id", "name", "slug", "kind", "lon", "lat")[
            page.offset : page.offset + GEOJSON_LIMIT
        ]
        features = [actor_point_feature(*row) for row in rows]
    except FilterError as exc:
        raise HttpError(400, f"{exc.param}: {exc.message}") from exc
    return {"type": "FeatureCollection", "features": features, "count": count}


@router.get("/actors/clusters", summary="Kartenübersicht: Akteure je Kreis/Gemeinde oder einzeln")
def actor_clusters(request: HttpRequest, filters: Query[ActorFilters], zoom: int = 6) -> dict[str, Any]:
    if not 0 <= zoom <= 22:
        raise HttpError(400, "zoom: muss zwischen 0 und 22 liegen.")
    query = _query(filters)
    try:
        return clusters(user=request.user, query=query, zoom=zoom)
    except FilterError as exc:
        raise HttpError(400, f"{exc.param}: {exc.message}") from exc


@router.get("/actors/{actor_id}", response=ActorDetailOut, summary="Ein Akteur")
def actor_detail(request: HttpRequest, actor_id: int) -> dict[str, Any]:
    from wandelwerk.actors.visibility import actors_visible_to

    actor = (
        actors_visible_to(request.user)
        .select_related("municipality", "county")
        .prefetch_related("topics", "resources")
        .filter(pk=actor_id)
        .first()
    )
    if actor is None:
        raise HttpError(404, "Akteur nicht gefunden.")
    return actor_out(actor, request.user, detail=True)


@router.get("/topics", response=Page[TopicOut], summary="Handlungsfelder und SDGs")
def topic_list(request: HttpRequest, page: Query[PageParams]) -> dict[str, Any]:
    qs = Topic.objects.all()
    return {"count": qs.count(), "items": list(qs[page.offset : page.offset + page.limit])}
