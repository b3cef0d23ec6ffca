"""Who may do what in consulting: a centre sees only its cases, requesters only their own, coordinators
the cases in their areas, staff everything."""

from __future__ import annotations

from typing import Any

import rules

from wandelwerk.consulting.models import CoachingPair, CompetenceCentre, ConsultingRequest


def _coordinated(user: Any) -> frozenset[int]:
    from wandelwerk.consulting.selectors import coordinated_area_ids

    cache = getattr(user, "_consulting_coordinated", None)
    if cache is None:
        cache = coordinated_area_ids(user)
        user._consulting_coordinated = cache
    return cache


def works_for(user: Any, centre: CompetenceCentre | None) -> bool:
    if centre is None or not user.is_authenticated:
        return False
    return centre.actor.owner_id == user.pk or centre.advisers.filter(pk=user.pk).exists()


@rules.predicate
def is_requester(user: Any, case: ConsultingRequest | None) -> bool:
    return case is not None and user.is_authenticated and case.requester_id == user.pk


@rules.predicate
def is_assigned_centre(user: Any, case: ConsultingRequest | None) -> bool:
    return case is not None and case.centre_id is not None and works_for(user, case.centre)


@rules.predicate
def coordinates_case(user: Any, case: ConsultingRequest | None) -> bool:
    if case is None or not user.is_authenticated:
        return False
    from wandelwerk.consulting.selectors import area_chain_ids

    coordinated = _coordinated(user)
    return bool(coordinated and area_chain_ids(case.area_id) & coordinated)


@rules.predicate
def is_centre_person(user: Any, centre: CompetenceCentre | None) -> bool:
    return works_for(user, centre)


@rules.predicate
def coordinates_centre(user: Any, centre: CompetenceCentre | None) -> bool:
    """Every area of the centre lies in (or is) an area the user coordinates."""
    if centre is None or not user.is_authenticated:
        return False
    coordinated = _coordinated(user)
    areas = list(centre.areas.values_list("id", "parent_id"))
    return bool(coordinated) and bool(areas) and all(a in coordinated or p in coordinated for a, p in areas)


@rules.predicate
def is_coordinator(user: Any) -> bool:
    return user.is_authenticated and bool(_coordinated(user))


@rules.predicate
def coordinates_pair_actor(user: Any, actors: Any) -> bool:
    """Coordinator of the area of at least one of the actors (a pair or a tuple of two actors)."""
    if actors is None or not user.is_authenticated:
        return False
    if isinstance(actors, CoachingPair):
        actors = (actors.first.actor, actors.second.actor)
    coordinated = _coordinated(user)
    return any({a.municipality_id, a.county_id, a.state_id} & coordinated for a in actors)


case_people = is_requester | is_assigned_centre | coordinates_case | rules.is_staff

rules.add_perm("consulting.view_case", case_people)
rules.add_perm("consulting.add_note", case_people)
rules.add_perm("consulting.advance_case", is_assigned_centre | coordinates_case | rules.is_staff)
rules.add_perm("consulting.reroute_case", coordinates_case | rules.is_staff)
rules.add_perm("consulting.give_feedback", is_requester)
rules.add_perm("consulting.view_inbox", is_centre_person | rules.is_staff)
rules.add_perm("consulting.view_queue", is_coordinator | rules.is_staff)
rules.add_perm("consulting.add_centre", is_coordinator | rules.is_staff)
rules.add_perm("consulting.change_centre", coordinates_centre | rules.is_staff)
rules.add_perm("consulting.confirm_coaching", coordinates_pair_actor | rules.is_staff)
