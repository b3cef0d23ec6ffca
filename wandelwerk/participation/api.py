"""/api/v1/contests, /api/v1/contests/{id}/ideas, /api/v1/contests/{id}/ideas.geojson.

Published ideas only, public fields only; vote counts once voting is over; voters never."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from wandelwerk.api.pagination import Page, PageParams
from wandelwerk.participation import selectors
from wandelwerk.participation.models import Contest, Idea

router = Router()


class ContestOut(Schema):
    id: int
    slug: str
    title: str
    network: str
    area_ags: str
    phase: str
    vote_budget: int
    phases: dict[str, dict[str, str | None]]
    url: str


class IdeaOut(Schema):
    id: int
    title: str
    category: str
    place: str
    area_ags: str | None
    lat: float | None
    lon: float | None
    votes: int | None
    url: str


def _contest(c: Contest) -> dict[str, Any]:
    return {
        "id": c.pk,
        "slug": c.slug,
        "title": c.title,
        "network": c.network.slug,
        "area_ags": c.area.ags,
        "phase": c.phase,
        "vote_budget": c.vote_budget,
        "phases": {
            s.name: {"start": s.start.isoformat(), "end": s.end.isoformat() if s.end else None}
            for s in c.spans()
        },
        "url": c.get_absolute_url(),
    }


def _counts_public(contest: Contest) -> bool:
    return contest.phase in ("jury", "results")


def _idea(i: Idea, contest: Contest, show_votes: bool) -> dict[str, Any]:
    return {
        "id": i.pk,
        "title": i.title,
        "category": i.category.name,
        "place": i.place,
        "area_ags": i.area.ags if i.area_id else None,
        "lat": i.lat,
        "lon": i.lon,
        "votes": i.vote_count if show_votes else None,  # type: ignore[attr-defined]
        "url": i.get_absolute_url(),
    }


def _get(contest_id: int) -> Contest:
    contest = selectors.contests().filter(pk=contest_id).first()
    if contest is None:
        raise HttpError(404, "Wettbewerb nicht gefunden.")
    return contest


@router.get("/contests", response=Page[ContestOut], summary="Ideenwettbewerbe")
def contest_list(request: HttpRequest, page: Query[PageParams]) -> dict[str, Any]:
    qs = selectors.contests()
    return {"count": qs.count(), "items": [_contest(c) for c in qs[page.offset : page.offset + page.limit]]}


@router.get(
    "/contests/{contest_id}/ideas", response=Page[IdeaOut], summary="Veröffentlichte Ideen eines Wettbewerbs"
)
def idea_list(request: HttpRequest, contest_id: int, page: Query[PageParams]) -> dict[str, Any]:
    contest = _get(contest_id)
    qs = selectors.published_ideas(contest)
    show = _counts_public(contest)
    items = [_idea(i, contest, show) for i in qs[page.offset : page.offset + page.limit]]
    return {"count": qs.count(), "items": items}


@router.get("/contests/{contest_id}/ideas.geojson", summary="Veröffentlichte Ideen als GeoJSON (RFC 7946)")
def idea_geojson(request: HttpRequest, contest_id: int) -> dict[str, Any]:
    contest = _get(contest_id)
    show = _counts_public(contest)
    rows = selectors.published_ideas(contest).filter(lat__isnull=False, lon__isnull=False)[:2000]
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [i.lon, i.lat]},
            "properties": {k: v for k, v in _idea(i, contest, show).items() if k not in ("lat", "lon")},
        }
        for i in rows
    ]
    return {"type": "FeatureCollection", "features": features}
