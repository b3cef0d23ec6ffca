"""Who may see which actor: the one rule every list, detail, API, GeoJSON and export goes through."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from wandelwerk.actors.models import Actor, Status, Visibility


def public_q() -> Q:
    """Published, public and not hidden by moderation (a subquery on the small flag table)."""
    from wandelwerk.moderation.selectors import visible_q

    return Q(status=Status.PUBLISHED, visibility=Visibility.PUBLIC) & visible_q(Actor)


def actors_visible_to(user: Any) -> QuerySet[Actor]:
    """Actors ``user`` may see: published public ones; for members also published members-only actors
    in their networks' areas; their own entries in any state; for coordinators, the entries awaiting
    review in their networks; everything for staff."""
    qs = Actor.objects.all()
    if user is None or not user.is_authenticated:
        return qs.filter(public_q())
    if user.is_staff or user.is_superuser:
        return qs
    from wandelwerk.networks.selectors import area_ids_for_user

    member_areas = area_ids_for_user(user=user)
    coord_areas = area_ids_for_user(user=user, coordinator=True)
    condition = public_q() | Q(owner=user)
    if member_areas:
        condition |= Q(status=Status.PUBLISHED, visibility=Visibility.MEMBERS) & _in_areas(member_areas)
    if coord_areas:
        condition |= _in_areas(coord_areas) & ~Q(visibility=Visibility.PRIVATE)
    return qs.filter(condition)


def _in_areas(area_ids: frozenset[int]) -> Q:
    ids = list(area_ids)
    return Q(municipality_id__in=ids) | Q(county_id__in=ids) | Q(state_id__in=ids)


def contact_visible(actor: Actor, user: Any) -> bool:
    """Personal contact data of a person is shown only after that person's opt-in (or to owner/staff)."""
    if not actor.is_person:
        return True
    if actor.consent_at is not None:
        return True
    return bool(user is not None and user.is_authenticated and (user.is_staff or actor.owner_id == user.pk))
