"""Who may record, change and delete ties, import them and see members-only actors in the analysis."""

from __future__ import annotations

from typing import Any

import rules

from wandelwerk.actors.models import Actor
from wandelwerk.actors.rules import is_actor_owner, is_area_coordinator, is_coordinator_anywhere
from wandelwerk.networks.rules import is_network_coordinator
from wandelwerk.ties.models import Tie


@rules.predicate
def may_record_for_actor(user: Any, actor: Actor | None) -> bool:
    """The actor's owner, a coordinator of a network covering the actor's area, or staff."""
    if actor is None or not user.is_authenticated:
        return False
    return bool(user.is_staff or is_actor_owner(user, actor) or is_area_coordinator(user, actor))


@rules.predicate
def is_end_owner(user: Any, tie: Tie | None) -> bool:
    """Owner of either actor of the tie."""
    if tie is None or not user.is_authenticated:
        return False
    return bool(is_actor_owner(user, tie.source) or is_actor_owner(user, tie.target))


@rules.predicate
def is_end_coordinator(user: Any, tie: Tie | None) -> bool:
    """Coordinator of a network covering either actor's area."""
    if tie is None or not user.is_authenticated:
        return False
    return bool(is_area_coordinator(user, tie.source) or is_area_coordinator(user, tie.target))


def may_record_tie(user: Any, source: Actor, target: Actor) -> bool:
    """Someone may record a tie between two actors when they may record for one end (owner,
    coordinator of its area, staff) and can see the other end."""
    from wandelwerk.actors.visibility import actors_visible_to

    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    for mine, other in ((source, target), (target, source)):
        if may_record_for_actor(user, mine) and actors_visible_to(user).filter(pk=other.pk).exists():
            return True
    return False


rules.add_perm("ties.record_for_actor", may_record_for_actor)
rules.add_perm("ties.change_tie", is_end_owner | is_end_coordinator | rules.is_staff)
rules.add_perm("ties.delete_tie", is_end_owner | is_end_coordinator | rules.is_staff)
rules.add_perm("ties.import_ties", is_coordinator_anywhere | rules.is_staff)
rules.add_perm("ties.see_members_in_network", is_network_coordinator | rules.is_staff)
