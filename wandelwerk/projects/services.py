"""Writes in the project factory. Each is atomic; races are settled by conditional UPDATEs and
unique constraints, so the loser gets a clear error and nothing changes."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor, Topic
from wandelwerk.core.slugs import unique_slug
from wandelwerk.engines.stages import Stage as StageValue
from wandelwerk.engines.stages import check_transition
from wandelwerk.geo.models import Area
from wandelwerk.projects.models import (
    Follower,
    Milestone,
    Need,
    Partner,
    PartnerRole,
    PartnerStatus,
    Project,
    Stage,
    StageChange,
    Update,
)

IMPLEMENTING_ROLES = (PartnerRole.LEAD, PartnerRole.IMPLEMENTER)


class ProjectError(ValueError):
    """A write was refused; the message says why."""


@transaction.atomic
def project_create(
    *,
    user: Any,
    title: str,
    summary: str,
    area: Area,
    description: str = "",
    topics: Sequence[Topic] = (),
    measure_ids: Sequence[int] = (),
    initiator: Actor | None = None,
    effect_co2_t: float | None = None,
    effect_people: int | None = None,
    budget_eur: Decimal | None = None,
    funding: str = "",
    is_public: bool = False,
) -> Project:
    """A new project idea; the proposing person belongs to its team. Drafts (``is_public=False``)
    are seen by the team only."""
    _check_fields(title=title, summary=summary, effect_co2_t=effect_co2_t, budget_eur=budget_eur)
    project = Project.objects.create(
        title=title.strip(),
        slug=unique_slug(Project.objects.all(), title, fallback="projekt"),
        summary=summary.strip(),
        description=description,
        area=area,
        lat=area.lat,
        lon=area.lon,
        initiator=initiator,
        created_by=user,
        effect_co2_t=effect_co2_t,
        effect_people=effect_people,
        budget_eur=budget_eur,
        funding=funding.strip(),
        is_public=is_public,
    )
    project.topics.set(topics)
    project.measures.set(measure_ids)
    if initiator is not None:
        Partner.objects.create(
            project=project,
            actor=initiator,
            role=PartnerRole.LEAD,
            status=PartnerStatus.ACCEPTED,
            asked_by=user,
            decided_by=user,
            decided_at=timezone.now(),
        )
    return project


def _check_fields(
    *,
    title: str,
    summary: str,
    effect_co2_t: float | None,
    budget_eur: Decimal | None,
) -> None:
    if not title.strip() or not summary.strip():
        raise ProjectError(_("Titel und Kurzbeschreibung sind nötig."))
    if effect_co2_t is not None and effect_co2_t < 0:
        raise ProjectError(_("Die erwartete Einsparung kann nicht negativ sein."))
    if budget_eur is not None and budget_eur < 0:
        raise ProjectError(_("Das Budget kann nicht negativ sein."))


@transaction.atomic
def project_update(
    *,
    project: Project,
    title: str,
    summary: str,
    area: Area,
    description: str = "",
    topics: Sequence[Topic] = (),
    measure_ids: Sequence[int] = (),
    effect_co2_t: float | None = None,
    effect_people: int | None = None,
    budget_eur: Decimal | None = None,
    funding: str = "",
    is_public: bool = False,
) -> Project:
    """Replaces the describing fields of a project (not its stage, partners or history)."""
    _check_fields(title=title, summary=summary, effect_co2_t=effect_co2_t, budget_eur=budget_eur)
    project.title = title.strip()
    project.summary = summary.strip()
    project.description = description
    if project.area_id != area.pk:
        project.area, project.lat, project.lon = area, area.lat, area.lon
    project.effect_co2_t = effect_co2_t
    project.effect_people = effect_people
    project.budget_eur = budget_eur
    project.funding = funding.strip()
    project.is_public = is_public
    project.save()
    project.topics.set(topics)
    project.measures.set(measure_ids)
    return project


@transaction.atomic
def project_advance(*, project: Project, user: Any, to_stage: str, reason: str = "") -> Project:
    """Moves the project to ``to_stage`` if that transition is allowed from the stage it is in *now*.
    Two people moving it at once: one wins, the other is told the stage changed meanwhile."""
    current = StageValue(project.stage)
    target = StageValue(to_stage)
    has_implementer = Partner.objects.filter(
        project=project, status=PartnerStatus.ACCEPTED, role__in=IMPLEMENTING_ROLES
    ).exists()
    refusal = check_transition(current, target, reason=reason, has_implementer=has_implementer)
    if refusal is not None:
        messages = {
            "same": _("Das Projekt ist bereits in dieser Phase."),
            "not_allowed": _("Von „%(a)s“ geht es nicht direkt zu „%(b)s“."),
            "reason_required": _("Bitte einen Grund angeben."),
            "implementer_required": _("Für die Umsetzung braucht es einen Partner, der sie übernimmt."),
        }
        raise ProjectError(
            messages[refusal.code] % {"a": Stage(current.value).label, "b": Stage(target.value).label}
        )
    updated = Project.objects.filter(pk=project.pk, stage=current.value).update(
        stage=target.value, updated_at=timezone.now()
    )
    if not updated:
        raise ProjectError(_("Die Phase wurde inzwischen geändert; bitte die Seite neu laden."))
    StageChange.objects.create(
        project=project,
        from_stage=current.value,
        to_stage=target.value,
        reason=reason.strip(),
        changed_by=user,
    )
    project.stage = target.value
    return project


def _add_partner(*, project: Project, actor: Actor, role: str, status: str, user: Any) -> Partner:
    if role not in PartnerRole.values:
        raise ProjectError(_("Unbekannte Rolle."))
    try:
        with transaction.atomic():
            return Partner.objects.create(
                project=project, actor=actor, role=role, status=status, asked_by=user
            )
    except IntegrityError as exc:
        raise ProjectError(
            _("„%(name)s“ ist an diesem Projekt schon beteiligt oder angefragt.") % {"name": actor.name}
        ) from exc


@transaction.atomic
def partner_request(*, project: Project, actor: Actor, role: str, user: Any) -> Partner:
    """An actor asks to join; the project lead decides."""
    return _add_partner(project=project, actor=actor, role=role, status=PartnerStatus.REQUESTED, user=user)


@transaction.atomic
def partner_invite(*, project: Project, actor: Actor, role: str, user: Any) -> Partner:
    """The project lead invites an actor; the actor's people decide."""
    return _add_partner(project=project, actor=actor, role=role, status=PartnerStatus.INVITED, user=user)


@transaction.atomic
def partner_decide(*, partner: Partner, user: Any, accept: bool) -> Partner:
    """Accepts or declines an open request or invitation, exactly once."""
    updated = Partner.objects.filter(
        pk=partner.pk, status__in=[PartnerStatus.REQUESTED, PartnerStatus.INVITED]
    ).update(
        status=PartnerStatus.ACCEPTED if accept else PartnerStatus.DECLINED,
        decided_by=user,
        decided_at=timezone.now(),
    )
    if not updated:
        raise ProjectError(_("Über diese Anfrage wurde bereits entschieden."))
    partner.refresh_from_db()
    return partner


@transaction.atomic
def need_add(*, project: Project, category: str, title: str, description: str = "") -> Need:
    if not title.strip():
        raise ProjectError(_("Titel fehlt."))
    return Need.objects.create(
        project=project, category=category, title=title.strip(), description=description
    )


@transaction.atomic
def need_fill(*, need: Need, actor: Actor) -> Need:
    """Marks an open need as filled by ``actor``; filling it twice is refused."""
    updated = Need.objects.filter(pk=need.pk, filled_at__isnull=True).update(
        filled_by=actor, filled_at=timezone.now()
    )
    if not updated:
        raise ProjectError(_("Dieser Bedarf ist schon gedeckt."))
    need.refresh_from_db()
    return need


@transaction.atomic
def milestone_add(*, project: Project, title: str, due: Any) -> Milestone:
    if not title.strip():
        raise ProjectError(_("Titel fehlt."))
    return Milestone.objects.create(project=project, title=title.strip(), due=due)


@transaction.atomic
def milestone_done(*, milestone: Milestone) -> Milestone:
    Milestone.objects.filter(pk=milestone.pk, done_at__isnull=True).update(done_at=timezone.now())
    milestone.refresh_from_db()
    return milestone


@transaction.atomic
def update_post(*, project: Project, user: Any, text: str, base_url: str = "") -> Update:
    """A short public log entry; followers are emailed in the background once it is committed."""
    if not text.strip():
        raise ProjectError(_("Der Text fehlt."))
    update = Update.objects.create(project=project, text=text.strip(), posted_by=user)
    from wandelwerk.projects.tasks import notify_followers

    transaction.on_commit(lambda: notify_followers(update.pk, base_url))
    return update


@transaction.atomic
def follow_set(*, project: Project, user: Any, follow: bool) -> bool:
    """Opt in to (or out of) update emails; following twice keeps one row."""
    if follow:
        Follower.objects.get_or_create(project=project, user=user)
    else:
        Follower.objects.filter(project=project, user=user).delete()
    return follow
