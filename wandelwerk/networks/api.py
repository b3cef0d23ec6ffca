"""/api/v1/networks."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from wandelwerk.api.pagination import Page, PageParams
from wandelwerk.networks import selectors

router = Router()


class NetworkOut(Schema):
    slug: str
    name: str
    parent: str | None
    area_ags: list[str]
    url: str


class NetworkDetailOut(NetworkOut):
    description: str
    children: list[str]
    population: int
    actor_count: int
    actors_per_10k: float | None


def _out(network: Any) -> dict[str, Any]:
    return {
        "slug": network.slug,
        "name": network.name,
        "parent": network.parent.slug if network.parent_id else None,
        "area_ags": [a.ags for a in network.areas.all()],
        "url": network.get_absolute_url(),
    }


@router.get("", response=Page[NetworkOut], summary="Netzwerke")
def network_list(request: HttpRequest, page: Query[PageParams]) -> dict[str, Any]:
    qs = selectors.network_list().prefetch_related("areas")
    return {"count": qs.count(), "items": [_out(n) for n in qs[page.offset : page.offset + page.limit]]}


@router.get(
    "/{slug}", response=NetworkDetailOut, summary="Ein Netzwerk mit Kennzahlen (inkl. Unternetzwerke)"
)
def network_detail(request: HttpRequest, slug: str) -> dict[str, Any]:
    network = selectors.network_get(slug=slug)
    if network is None:
        raise HttpError(404, "Netzwerk nicht gefunden.")
    stats = selectors.network_stats(network=network, user=request.user)
    return {
        **_out(network),
        "description": network.description,
        "children": [c.slug for c in network.children.all()],
        "population": stats["population"],
        "actor_count": stats["actor_count"],
        "actors_per_10k": stats["per_10k"],
    }
