"""Who may do what with an event. Organisers: coordinators of the organising network, or the owner of the
organising actor; staff may do everything. Members: any Membership of the organising network (for an
actor's event: its owner)."""

from __future__ import annotations

from typing import Any

import rules

from wandelwerk.actors.models import Actor, Status
from wandelwerk.actors.models import Visibility as ActorVisibility
from wandelwerk.events.models import Event, Visibility
from wandelwerk.networks.models import Membership, Role


@rules.predicate
def is_event_organiser(user: Any, event: Event | None) -> bool:
    if event is None or not user.is_authenticated:
        return False
    if event.network_id:
        return Membership.objects.filter(
            user=user, network_id=event.network_id, role=Role.COORDINATOR
        ).exists()
    return Actor.objects.filter(pk=event.actor_id, owner=user).exists()


@rules.predicate
def is_event_member(user: Any, event: Event | None) -> bool:
    if event is None or not user.is_authenticated:
        return False
    if event.network_id:
        return Membership.objects.filter(user=user, network_id=event.network_id).exists()
    return Actor.objects.filter(pk=event.actor_id, owner=user).exists()


@rules.predicate
def is_listed(user: Any, event: Event | None) -> bool:
    return event is not None and event.is_published and event.visibility == Visibility.PUBLIC


@rules.predicate
def is_published_for_members(user: Any, event: Event | None) -> bool:
    return event is not None and event.is_published and event.visibility == Visibility.MEMBERS


@rules.predicate
def may_organise_something(user: Any) -> bool:
    """Coordinates a network or owns a published public actor (or is staff): may create events."""
    if not user.is_authenticated:
        return False
    return (
        user.is_staff
        or Membership.objects.filter(user=user, role=Role.COORDINATOR).exists()
        or Actor.objects.filter(
            owner=user, status=Status.PUBLISHED, visibility=ActorVisibility.PUBLIC
        ).exists()
    )


can_organise = is_event_organiser | rules.is_staff

rules.add_perm("events.view_event", is_listed | (is_published_for_members & is_event_member) | can_organise)
rules.add_perm("events.add_event", may_organise_something)
rules.add_perm("events.change_event", can_organise)
# participant list, export, approvals, attendance, messages
rules.add_perm("events.manage_participants", can_organise)
