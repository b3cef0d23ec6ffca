"""API writes for projects (token auth): propose, change stage, ask to join, decide a request."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema
from ninja.errors import HttpError

from wandelwerk.accounts.auth import TokenAuth
from wandelwerk.actors.models import Actor, Topic
from wandelwerk.projects import selectors, services
from wandelwerk.projects.api import ProjectDetailOut, project_detail, router
from wandelwerk.projects.models import Partner, PartnerRole, Stage

AUTH = TokenAuth()


class ProjectIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    summary: str = Field(..., min_length=1, max_length=500)
    description: str = Field("", max_length=20_000)
    ags: str = Field(..., pattern=r"^\d{8}$", description="Gemeindeschlüssel des Projektorts")
    topics: list[str] = Field(default_factory=list)
    measure_ids: list[int] = Field(default_factory=list)
    effect_co2_t: float | None = Field(None, ge=0)
    effect_people: int | None = Field(None, ge=0)
    is_public: bool = False


class StageIn(Schema):
    stage: Stage
    reason: str = Field("", max_length=2000)


class JoinIn(Schema):
    actor_id: int
    role: PartnerRole


class DecisionIn(Schema):
    accept: bool


def _project_for(request: HttpRequest, project_id: int) -> Any:
    project = selectors.projects_visible_to(request.user).filter(pk=project_id).first()
    if project is None:
        raise HttpError(404, "Projekt nicht gefunden.")
    return project


@router.post("/projects", auth=AUTH, response={201: ProjectDetailOut}, summary="Projektidee anlegen")
def project_create(request: HttpRequest, payload: ProjectIn) -> tuple[int, dict[str, Any]]:
    from wandelwerk.geo.selectors import municipality_by_ags
    from wandelwerk.projects.models import Measure

    area = municipality_by_ags(ags=payload.ags)
    if area is None:
        raise HttpError(422, f"ags: unbekannter Gemeindeschlüssel „{payload.ags}“.")
    topics = list(Topic.objects.filter(slug__in=payload.topics))
    if len(topics) != len(set(payload.topics)):
        raise HttpError(422, "topics: unbekanntes Handlungsfeld.")
    visible_measures = Measure.objects.filter(pk__in=payload.measure_ids, strategy__is_published=True)
    if visible_measures.count() != len(set(payload.measure_ids)):
        raise HttpError(422, "measure_ids: unbekannte Maßnahme.")
    try:
        project = services.project_create(
            user=request.user,
            title=payload.title,
            summary=payload.summary,
            description=payload.description,
            area=area,
            topics=topics,
            measure_ids=payload.measure_ids,
            effect_co2_t=payload.effect_co2_t,
            effect_people=payload.effect_people,
            is_public=payload.is_public,
        )
    except services.ProjectError as exc:
        raise HttpError(422, str(exc)) from exc
    return 201, project_detail(request, project.pk)


@router.post(
    "/projects/{project_id}/stage", auth=TokenAuth(), response=ProjectDetailOut, summary="Phase ändern"
)
def project_stage(request: HttpRequest, project_id: int, payload: StageIn) -> dict[str, Any]:
    project = _project_for(request, project_id)
    if not request.user.has_perm("projects.change_project", project):
        raise HttpError(403, "Nur die Projektleitung oder die Koordination der Region darf die Phase ändern.")
    try:
        services.project_advance(
            project=project, user=request.user, to_stage=payload.stage, reason=payload.reason
        )
    except services.ProjectError as exc:
        raise HttpError(409, str(exc)) from exc
    return project_detail(request, project.pk)


@router.post(
    "/projects/{project_id}/partners", auth=TokenAuth(), response={201: dict}, summary="Beteiligung anfragen"
)
def project_join(request: HttpRequest, project_id: int, payload: JoinIn) -> tuple[int, dict[str, Any]]:
    project = _project_for(request, project_id)
    actor = Actor.objects.filter(pk=payload.actor_id, owner=request.user).first()
    if actor is None:
        raise HttpError(422, "actor_id: nur für eigene Einträge.")
    try:
        partner = services.partner_request(project=project, actor=actor, role=payload.role, user=request.user)
    except services.ProjectError as exc:
        raise HttpError(409, str(exc)) from exc
    return 201, {"id": partner.pk, "status": partner.status}


@router.post(
    "/partners/{partner_id}/decision", auth=TokenAuth(), response=dict, summary="Anfrage entscheiden"
)
def partner_decide(request: HttpRequest, partner_id: int, payload: DecisionIn) -> dict[str, Any]:
    partner = Partner.objects.select_related("project").filter(pk=partner_id).first()
    if partner is None or not request.user.has_perm("projects.decide_partner", partner.project):
        raise HttpError(404, "Anfrage nicht gefunden oder keine Berechtigung.")
    try:
        partner = services.partner_decide(partner=partner, user=request.user, accept=payload.accept)
    except services.ProjectError as exc:
        raise HttpError(409, str(exc)) from exc
    return {"id": partner.pk, "status": partner.status}
