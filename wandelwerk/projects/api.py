"""/api/v1/strategies, /api/v1/projects, /api/v1/projects.geojson (read)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from wandelwerk.api.pagination import Page, PageParams
from wandelwerk.projects import selectors, strategy_selectors
from wandelwerk.projects.models import Project, Stage

router = Router()


class MeasureOut(Schema):
    id: int
    code: str
    title: str
    description: str
    topic: str | None
    indicator: str
    unit: str
    target_value: float | None
    current_value: float | None
    responsible: str | None
    project_ids: list[int]


class StrategyOut(Schema):
    id: int
    slug: str
    title: str
    publisher: str
    area_ags: str
    period_start: int
    period_end: int


class StrategyDetailOut(StrategyOut):
    description: str
    targets: list[dict[str, Any]]
    measures: list[MeasureOut]


class ProjectOut(Schema):
    id: int
    slug: str
    title: str
    summary: str
    stage: Stage
    area_ags: str
    lat: float | None
    lon: float | None
    topics: list[str]
    measure_ids: list[int]
    effect_co2_t: float | None
    effect_people: int | None
    is_public: bool
    updated_at: dt.datetime


class ProjectDetailOut(ProjectOut):
    description: str
    budget_eur: float | None
    funding: str
    partners: list[dict[str, Any]]
    needs: list[dict[str, Any]]
    milestones: list[dict[str, Any]]
    stage_history: list[dict[str, Any]]


class ProjectFilters(Schema):
    stage: list[str] | None = Field(
        None, description="idea, planning, implementation, completed, paused, dropped"
    )
    topic: list[str] | None = None
    measure: list[int] | None = None
    area: str | None = None
    network: str | None = None
    q: str | None = None
    bbox: str | None = Field(None, description="minLon,minLat,maxLon,maxLat")


def _strategy(s: Any) -> dict[str, Any]:
    return {
        "id": s.pk,
        "slug": s.slug,
        "title": s.title,
        "publisher": s.publisher.name,
        "area_ags": s.area.ags,
        "period_start": s.period_start,
        "period_end": s.period_end,
    }


def _project(p: Project) -> dict[str, Any]:
    return {
        "id": p.pk,
        "slug": p.slug,
        "title": p.title,
        "summary": p.summary,
        "stage": p.stage,
        "area_ags": p.area.ags,
        "lat": p.lat,
        "lon": p.lon,
        "topics": [t.slug for t in p.topics.all()],
        "measure_ids": [m.pk for m in p.measures.all()],
        "effect_co2_t": p.effect_co2_t,
        "effect_people": p.effect_people,
        "is_public": p.is_public,
        "updated_at": p.updated_at,
    }


def _query(filters: ProjectFilters) -> Any:
    params = {
        k: (",".join(map(str, v)) if isinstance(v, list) else v) for k, v in filters.dict().items() if v
    }
    try:
        return selectors.parse_project_query(params)
    except selectors.ProjectFilterError as exc:
        raise HttpError(400, exc.message) from exc


@router.get("/strategies", response=Page[StrategyOut], summary="Klimaschutzstrategien")
def strategy_list(request: HttpRequest, page: Query[PageParams]) -> dict[str, Any]:
    qs = strategy_selectors.strategies_visible_to(request.user)
    return {"count": qs.count(), "items": [_strategy(s) for s in qs[page.offset : page.offset + page.limit]]}


@router.get("/strategies/{strategy_id}", response=StrategyDetailOut, summary="Eine Strategie mit Maßnahmen")
def strategy_detail(request: HttpRequest, strategy_id: int) -> dict[str, Any]:
    strategy = strategy_selectors.strategies_visible_to(request.user).filter(pk=strategy_id).first()
    if strategy is None:
        raise HttpError(404, "Strategie nicht gefunden.")
    dashboard = strategy_selectors.strategy_dashboard(strategy=strategy, user=request.user)
    return {
        **_strategy(strategy),
        "description": strategy.description,
        "targets": [
            {"label": t.label, "year": t.year, "value": t.value, "unit": t.unit}
            for t in strategy.targets.all()
        ],
        "measures": [
            {
                "id": r.measure.pk,
                "code": r.measure.code,
                "title": r.measure.title,
                "description": r.measure.description,
                "topic": r.measure.topic.slug if r.measure.topic else None,
                "indicator": r.measure.indicator,
                "unit": r.measure.unit,
                "target_value": r.measure.target_value,
                "current_value": r.measure.current_value,
                "responsible": r.measure.responsible.name if r.measure.responsible else None,
                "project_ids": [p.pk for p in r.projects],
            }
            for r in dashboard.rows
        ],
    }


@router.get("/projects", response=Page[ProjectOut], summary="Projekte suchen und filtern")
def project_list(
    request: HttpRequest, filters: Query[ProjectFilters], page: Query[PageParams]
) -> dict[str, Any]:
    query = _query(filters)
    try:
        qs = selectors.project_filter(user=request.user, query=query)
        count = qs.count()
        rows = list(selectors.project_list_page(qs)[page.offset : page.offset + page.limit])
    except selectors.ProjectFilterError as exc:
        raise HttpError(400, exc.message) from exc
    return {"count": count, "items": [_project(p) for p in rows]}


@router.get("/projects.geojson", summary="Projekte als GeoJSON (RFC 7946)")
def project_geojson(request: HttpRequest, filters: Query[ProjectFilters]) -> dict[str, Any]:
    query = _query(filters)
    try:
        rows = selectors.project_filter(user=request.user, query=query).filter(lat__isnull=False)[:5000]
        features = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                "properties": {
                    "id": p.pk,
                    "title": p.title,
                    "name": p.title,
                    "stage": p.stage,
                    "url": f"/projekte/{p.slug}/",
                },
            }
            for p in rows
        ]
    except selectors.ProjectFilterError as exc:
        raise HttpError(400, exc.message) from exc
    return {"type": "FeatureCollection", "features": features}


@router.get("/projects/{project_id}", response=ProjectDetailOut, summary="Ein Projekt")
def project_detail(request: HttpRequest, project_id: int) -> dict[str, Any]:
    project = (
        selectors.project_list_page(selectors.projects_visible_to(request.user)).filter(pk=project_id).first()
    )
    if project is None:
        raise HttpError(404, "Projekt nicht gefunden.")
    return {
        **_project(project),
        "description": project.description,
        "budget_eur": float(project.budget_eur) if project.budget_eur is not None else None,
        "funding": project.funding,
        "partners": [
            {"actor": p.actor.name, "actor_id": p.actor_id, "role": p.role}
            for p in project.partners.filter(status="accepted").select_related("actor")
        ],
        "needs": [
            {"id": n.pk, "category": n.category, "title": n.title, "open": n.is_open}
            for n in project.needs.all()
        ],
        "milestones": [
            {"title": m.title, "due": m.due, "done": m.done_at is not None} for m in project.milestones.all()
        ],
        "stage_history": [
            {"from": c.from_stage, "to": c.to_stage, "reason": c.reason, "at": c.changed_at}
            for c in project.stage_changes.all()
        ],
    }
