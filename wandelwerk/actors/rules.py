"""Who may change which actor (named predicates, the `rules` package)."""

from __future__ import annotations

from typing import Any

import rules

from wandelwerk.actors.models import Actor


@rules.predicate
def is_actor_owner(user: Any, actor: Actor | None) -> bool:
    return actor is not None and actor.owner_id is not None and actor.owner_id == user.pk


@rules.predicate
def is_area_coordinator(user: Any, actor: Actor | None) -> bool:
    """Coordinator of a network whose areas (children rolled up) contain the actor."""
    if actor is None or not user.is_authenticated:
        return False
    from wandelwerk.networks.selectors import area_ids_for_user

    ids = area_ids_for_user(user=user, coordinator=True)
    return bool({actor.municipality_id, actor.county_id, actor.state_id} & ids)


@rules.predicate
def is_coordinator_anywhere(user: Any) -> bool:
    from wandelwerk.networks.models import Membership, Role

    return bool(
        user.is_authenticated and Membership.objects.filter(user=user, role=Role.COORDINATOR).exists()
    )


is_staff = rules.is_staff

rules.add_perm("actors.add_actor", rules.is_authenticated)
rules.add_perm("actors.change_actor", is_actor_owner | is_area_coordinator | is_staff)
rules.add_perm("actors.delete_actor", is_actor_owner | is_staff)
rules.add_perm("actors.review_actor", is_area_coordinator | is_staff)
rules.add_perm("actors.review_any", is_coordinator_anywhere | is_staff)
rules.add_perm("actors.import_actors", is_coordinator_anywhere | is_staff)
