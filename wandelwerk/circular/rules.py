"""Who may declare, change and close material flows, and who may start a matching run.

An actor's flows are managed by the people who manage the actor: its owner, coordinators of a
network whose areas contain it (children rolled up), and staff.
"""

from __future__ import annotations

from typing import Any

import rules

from wandelwerk.actors.rules import is_actor_owner, is_area_coordinator, is_coordinator_anywhere


@rules.predicate
def manages_flow_actor(user: Any, obj: Any) -> bool:
    """``obj`` is an actor or a material flow; true for the actor's owner and area coordinators."""
    if obj is None or not user.is_authenticated:
        return False
    actor = getattr(obj, "actor", obj)
    return bool(is_actor_owner(user, actor) or is_area_coordinator(user, actor))


rules.add_perm("circular.add_flow_for", manages_flow_actor | rules.is_staff)
rules.add_perm("circular.change_materialflow", manages_flow_actor | rules.is_staff)
rules.add_perm("circular.run_matching", is_coordinator_anywhere | rules.is_staff)
