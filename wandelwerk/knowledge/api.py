"""/api/v1/practices, /api/v1/methods (read, published entries only) and the adopters as GeoJSON."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from wandelwerk.api.pagination import Page, PageParams
from wandelwerk.knowledge import selectors
from wandelwerk.knowledge.models import Effort, Method, MethodKind, Practice

router = Router()


class AdopterOut(Schema):
    kind: str = Field(description="actor, project oder area")
    id: int
    name: str
    url: str
    year: int | None
    note: str


class PracticeOut(Schema):
    id: int
    slug: str
    title: str
    summary: str
    effort: Effort
    cost_min_eur: int | None
    cost_max_eur: int | None
    topics: list[str]
    url: str
    updated_at: dt.datetime


class PracticeDetailOut(PracticeOut):
    steps: str
    costs: str
    rural_factors: str
    urban_factors: str
    adopters: list[AdopterOut]


class FileOut(Schema):
    title: str
    size: int
    content_type: str
    url: str


class MethodOut(Schema):
    id: int
    slug: str
    kind: MethodKind
    title: str
    summary: str
    duration: str
    group_size: str
    topics: list[str]
    url: str
    updated_at: dt.datetime


class MethodDetailOut(MethodOut):
    body: str
    files: list[FileOut]


class PracticeFilters(Schema):
    q: str | None = Field(None, description="Suchwörter (deutsch, alle müssen vorkommen)")
    topic: list[str] | None = Field(None, description="Handlungsfelder (Kürzel)")
    effort: list[str] | None = Field(None, description="low, medium, high")


class MethodFilters(Schema):
    q: str | None = Field(None, description="Suchwörter (deutsch, alle müssen vorkommen)")
    topic: list[str] | None = Field(None, description="Handlungsfelder (Kürzel)")
    kind: list[str] | None = Field(None, description="workshop, guide, checklist, template")


def _query(filters: Schema) -> selectors.KnowledgeQuery:
    params = {k: (",".join(v) if isinstance(v, list) else v) for k, v in filters.dict().items() if v}
    try:
        return selectors.parse_query(params)
    except selectors.KnowledgeFilterError as exc:
        raise HttpError(400, exc.message) from exc


def _practice(p: Practice) -> dict[str, Any]:
    return {
        "id": p.pk,
        "slug": p.slug,
        "title": p.title,
        "summary": p.summary,
        "effort": p.effort,
        "cost_min_eur": p.cost_min_eur,
        "cost_max_eur": p.cost_max_eur,
        "topics": [t.slug for t in p.topics.all()],
        "url": p.get_absolute_url(),
        "updated_at": p.updated_at,
    }


def _method(m: Method) -> dict[str, Any]:
    return {
        "id": m.pk,
        "slug": m.slug,
        "kind": m.kind,
        "title": m.title,
        "summary": m.summary,
        "duration": m.duration,
        "group_size": m.group_size,
        "topics": [t.slug for t in m.topics.all()],
        "url": m.get_absolute_url(),
        "updated_at": m.updated_at,
    }


def _published_practice(practice_id: int) -> Practice:
    practice = Practice.objects.filter(pk=practice_id, is_published=True).prefetch_related("topics").first()
    if practice is None:
        raise HttpError(404, "Praxisbeispiel nicht gefunden.")
    return practice


@router.get("/practices", response=Page[PracticeOut], summary="Praxisbeispiele (Aktionspool) suchen")
def practice_list(
    request: HttpRequest, filters: Query[PracticeFilters], page: Query[PageParams]
) -> dict[str, Any]:
    qs = selectors.practice_filter(user=None, query=_query(filters), published_only=True)
    return {"count": qs.count(), "items": [_practice(p) for p in qs[page.offset : page.offset + page.limit]]}


@router.get(
    "/practices/{practice_id}", response=PracticeDetailOut, summary="Ein Praxisbeispiel mit Umsetzungen"
)
def practice_detail(request: HttpRequest, practice_id: int) -> dict[str, Any]:
    practice = _published_practice(practice_id)
    adopters = []
    for adoption in selectors.public_adoptions(practice=practice):
        _label, name, url = selectors.adoption_label(adoption)
        kind = "actor" if adoption.actor_id else "project" if adoption.project_id else "area"
        target_id = adoption.actor_id or adoption.project_id or adoption.area_id
        adopters.append(
            {
                "kind": kind,
                "id": target_id,
                "name": name,
                "url": url,
                "year": adoption.year,
                "note": adoption.note,
            }
        )
    return {
        **_practice(practice),
        "steps": practice.steps,
        "costs": practice.costs,
        "rural_factors": practice.rural_factors,
        "urban_factors": practice.urban_factors,
        "adopters": adopters,
    }


@router.get("/practices/{practice_id}/adopters.geojson", summary="Umsetzungen als GeoJSON (RFC 7946)")
def practice_adopters_geojson(request: HttpRequest, practice_id: int) -> dict[str, Any]:
    return selectors.adopters_geojson(practice=_published_practice(practice_id))


@router.get("/methods", response=Page[MethodOut], summary="Methoden und Vorlagen (Werkzeugkasten) suchen")
def method_list(
    request: HttpRequest, filters: Query[MethodFilters], page: Query[PageParams]
) -> dict[str, Any]:
    qs = selectors.method_filter(user=None, query=_query(filters), published_only=True)
    return {"count": qs.count(), "items": [_method(m) for m in qs[page.offset : page.offset + page.limit]]}


@router.get("/methods/{method_id}", response=MethodDetailOut, summary="Eine Methode mit Dateien")
def method_detail(request: HttpRequest, method_id: int) -> dict[str, Any]:
    method = Method.objects.filter(pk=method_id, is_published=True).prefetch_related("topics").first()
    if method is None:
        raise HttpError(404, "Methode nicht gefunden.")
    files = [
        {
            "title": f.title,
            "size": f.size,
            "content_type": f.content_type,
            "url": reverse("knowledge:file-download", kwargs={"slug": method.slug, "pk": f.pk}),
        }
        for f in method.files.all()
    ]
    return {**_method(method), "body": method.body, "files": files}
