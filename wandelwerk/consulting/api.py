"""/api/v1/competence-centres: the public list of competence centres with their topics and areas.
Consulting requests are private and have no API."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema

from wandelwerk.api.pagination import Page, PageParams
from wandelwerk.consulting import selectors
from wandelwerk.consulting.models import CompetenceCentre

router = Router()


class TopicRef(Schema):
    slug: str
    name: str


class AreaRef(Schema):
    ags: str
    name: str
    kind: str


class CentreOut(Schema):
    id: int
    name: str
    description: str
    actor_id: int
    actor_name: str
    actor_url: str
    topics: list[TopicRef]
    areas: list[AreaRef]
    accepts_requests: bool


def _out(centre: CompetenceCentre) -> dict[str, Any]:
    return {
        "id": centre.pk,
        "name": centre.name,
        "description": centre.description,
        "actor_id": centre.actor_id,
        "actor_name": centre.actor.name,
        "actor_url": centre.actor.get_absolute_url(),
        "topics": [{"slug": t.slug, "name": t.name} for t in centre.topics.all()],
        "areas": [{"ags": a.ags, "name": a.name, "kind": a.kind} for a in centre.areas.all()],
        # whether it takes new cases now (capacity itself is internal)
        "accepts_requests": centre.open_cases < centre.capacity,
    }


@router.get("/competence-centres", response=Page[CentreOut], summary="Kompetenzstellen (Beratung)")
def centre_list(request: HttpRequest, page: Query[PageParams]) -> dict[str, Any]:
    qs = selectors.centres_public()
    rows = list(qs[page.offset : page.offset + page.limit])
    return {"count": qs.count(), "items": [_out(c) for c in rows]}
