"""Writes to working groups and their memberships. Each is atomic; races are settled by unique
constraints, conditional UPDATEs and a lock on the group row, so the loser gets a clear error."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Topic, TopicGroup
from wandelwerk.core.slugs import unique_slug
from wandelwerk.groups.models import (
    GroupMembership,
    GroupRole,
    GroupVisibility,
    JoinMode,
    JoinRequest,
    RequestStatus,
    WorkingGroup,
)
from wandelwerk.groups.rules import forget_roles
from wandelwerk.networks.models import Network


class GroupError(ValueError):
    """A write was refused; ``field`` names the form field it concerns (or None)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def _check_group_fields(*, name: str, topic: Topic | None, join_mode: str, visibility: str) -> None:
    if not name.strip():
        raise GroupError(_("Der Name fehlt."), "name")
    if len(name.strip()) > 200:
        raise GroupError(_("Der Name ist zu lang (höchstens 200 Zeichen)."), "name")
    if topic is not None and topic.group != TopicGroup.FIELD:
        raise GroupError(_("Bitte ein Handlungsfeld wählen."), "topic")
    if join_mode not in JoinMode.values:
        raise GroupError(_("Unbekannte Beitrittsart."), "join_mode")
    if visibility not in GroupVisibility.values:
        raise GroupError(_("Unbekannte Sichtbarkeit."), "visibility")


RESERVED_SLUGS = frozenset({"meine", "neu"})  # fixed paths under /arbeitsgruppen/


def _slug_text(name: str) -> str:
    return f"ag-{name}" if slugify(name) in RESERVED_SLUGS else name


@transaction.atomic
def group_create(
    *,
    user: Any,
    network: Network,
    name: str,
    description: str = "",
    topic: Topic | None = None,
    join_mode: str = JoinMode.OPEN,
    visibility: str = GroupVisibility.MEMBERS,
) -> WorkingGroup:
    """A new group; the creating person is its first coordinator."""
    _check_group_fields(name=name, topic=topic, join_mode=join_mode, visibility=visibility)
    group = WorkingGroup.objects.create(
        network=network,
        name=name.strip(),
        slug=unique_slug(WorkingGroup.objects.all(), _slug_text(name), fallback="arbeitsgruppe"),
        description=description,
        topic=topic,
        join_mode=join_mode,
        visibility=visibility,
        created_by=user,
    )
    GroupMembership.objects.create(group=group, user=user, role=GroupRole.COORDINATOR)
    forget_roles(user)
    return group


@transaction.atomic
def group_update(
    *,
    group: WorkingGroup,
    name: str,
    description: str,
    topic: Topic | None,
    join_mode: str,
    visibility: str,
) -> WorkingGroup:
    """Replaces the describing fields (the slug and network stay)."""
    _check_group_fields(name=name, topic=topic, join_mode=join_mode, visibility=visibility)
    group.name = name.strip()
    group.description = description
    group.topic = topic
    group.join_mode = join_mode
    group.visibility = visibility
    group.save()
    return group


def _add_member(*, group: WorkingGroup, user: Any, role: str = GroupRole.MEMBER) -> GroupMembership:
    try:
        with transaction.atomic():
            membership = GroupMembership.objects.create(group=group, user=user, role=role)
    except IntegrityError as exc:
        raise GroupError(_("%(user)s ist schon Mitglied dieser Gruppe.") % {"user": user}) from exc
    forget_roles(user)
    return membership


@transaction.atomic
def group_join(*, group: WorkingGroup, user: Any, message: str = "") -> GroupMembership | JoinRequest:
    """Open groups: a membership at once. Groups "on request": an open request the coordinators decide
    (one open request per person; asking twice is refused)."""
    if not user.is_authenticated:
        raise GroupError(_("Bitte zuerst anmelden."))
    if GroupMembership.objects.filter(group=group, user=user).exists():
        raise GroupError(_("Sie sind schon Mitglied dieser Gruppe."))
    if group.join_mode == JoinMode.OPEN:
        return _add_member(group=group, user=user)
    try:
        with transaction.atomic():
            return JoinRequest.objects.create(group=group, user=user, message=message.strip()[:2000])
    except IntegrityError as exc:
        raise GroupError(_("Ihre Anfrage liegt der Koordination schon vor.")) from exc


@transaction.atomic
def request_decide(*, join_request: JoinRequest, user: Any, approve: bool) -> JoinRequest:
    """Approves or declines an open request, exactly once (a second decision is refused)."""
    updated = JoinRequest.objects.filter(pk=join_request.pk, status=RequestStatus.PENDING).update(
        status=RequestStatus.APPROVED if approve else RequestStatus.DECLINED,
        decided_by=user,
        decided_at=timezone.now(),
    )
    if not updated:
        raise GroupError(_("Über diese Anfrage wurde bereits entschieden."))
    join_request.refresh_from_db()
    if approve:
        GroupMembership.objects.get_or_create(group=join_request.group, user=join_request.user)
    return join_request


def _lock(group: WorkingGroup) -> None:
    """Serialises membership changes of one group (PostgreSQL row lock; SQLite's IMMEDIATE transactions
    serialise writers anyway)."""
    WorkingGroup.objects.select_for_update().filter(pk=group.pk).values_list("pk", flat=True).first()


def _refuse_if_last_coordinator(group: WorkingGroup, membership: GroupMembership, message: str) -> None:
    if membership.role != GroupRole.COORDINATOR:
        return
    others = (
        GroupMembership.objects.filter(group=group, role=GroupRole.COORDINATOR)
        .exclude(pk=membership.pk)
        .exists()
    )
    if not others:
        raise GroupError(message)


@transaction.atomic
def group_leave(*, group: WorkingGroup, user: Any) -> None:
    """Ends the membership; the last coordinator must first make someone else coordinator."""
    _lock(group)
    membership = GroupMembership.objects.filter(group=group, user=user).first()
    if membership is None:
        raise GroupError(_("Sie sind nicht Mitglied dieser Gruppe."))
    _refuse_if_last_coordinator(
        group,
        membership,
        _(
            "Sie sind die letzte Koordination dieser Gruppe. "
            "Bitte zuerst jemand anderen zur Koordination machen."
        ),
    )
    membership.delete()
    forget_roles(user)


@transaction.atomic
def member_set_role(*, group: WorkingGroup, membership_id: int, role: str) -> GroupMembership:
    """Makes a member coordinator or back to member; the last coordinator stays."""
    if role not in GroupRole.values:
        raise GroupError(_("Unbekannte Rolle."), "role")
    _lock(group)
    membership = GroupMembership.objects.filter(group=group, pk=membership_id).select_related("user").first()
    if membership is None:
        raise GroupError(_("Diese Person ist nicht Mitglied der Gruppe."))
    if role == GroupRole.MEMBER:
        _refuse_if_last_coordinator(group, membership, _("Die Gruppe braucht mindestens eine Koordination."))
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def member_remove(*, group: WorkingGroup, membership_id: int) -> None:
    """A coordinator removes someone from the group; the last coordinator cannot be removed."""
    _lock(group)
    membership = GroupMembership.objects.filter(group=group, pk=membership_id).first()
    if membership is None:
        raise GroupError(_("Diese Person ist nicht Mitglied der Gruppe."))
    _refuse_if_last_coordinator(group, membership, _("Die Gruppe braucht mindestens eine Koordination."))
    membership.delete()


@transaction.atomic
def notify_set(*, group: WorkingGroup, user: Any, notify: bool) -> bool:
    """Opt in to (or out of) an email for each new post in the group."""
    updated = GroupMembership.objects.filter(group=group, user=user).update(notify_posts=notify)
    if not updated:
        raise GroupError(_("Nur Mitglieder können Benachrichtigungen bestellen."))
    return notify
