"""/api/v1/groups: public facts about working groups. Never member lists, never posts or documents."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from wandelwerk.api.pagination import Page, PageParams
from wandelwerk.groups import selectors
from wandelwerk.groups.models import GroupVisibility, JoinMode

router = Router()


class GroupOut(Schema):
    id: int
    slug: str
    name: str
    network: str = Field(description="Kürzel des Netzwerks")
    network_name: str
    topic: str | None = Field(description="Kürzel des Handlungsfelds")
    member_count: int
    join_mode: JoinMode
    visibility: GroupVisibility
    url: str


class GroupDetailOut(GroupOut):
    description: str


class GroupFilters(Schema):
    network: str | None = Field(
        None, max_length=80, description="Kürzel eines Netzwerks (mit Unternetzwerken)"
    )
    topic: str | None = Field(None, max_length=80, description="Kürzel eines Handlungsfelds")


def _out(group: Any) -> dict[str, Any]:
    return {
        "id": group.pk,
        "slug": group.slug,
        "name": group.name,
        "network": group.network.slug,
        "network_name": group.network.name,
        "topic": group.topic.slug if group.topic_id else None,
        "member_count": group.member_count,
        "join_mode": group.join_mode,
        "visibility": group.visibility,
        "url": group.get_absolute_url(),
    }


@router.get("/groups", response=Page[GroupOut], summary="Arbeitsgruppen")
def group_list(request: HttpRequest, filters: Query[GroupFilters], page: Query[PageParams]) -> dict[str, Any]:
    query = selectors.GroupQuery(network=filters.network or "", topic=filters.topic or "")
    qs = selectors.group_list(query=query)
    return {"count": qs.count(), "items": [_out(g) for g in qs[page.offset : page.offset + page.limit]]}


@router.get("/groups/{group_id}", response=GroupDetailOut, summary="Eine Arbeitsgruppe")
def group_detail(request: HttpRequest, group_id: int) -> dict[str, Any]:
    group = selectors.group_list().filter(pk=group_id).first()
    if group is None:
        raise HttpError(404, "Arbeitsgruppe nicht gefunden.")
    return {**_out(group), "description": group.description}
