"""Who moderates what: coordinators of the content's network (or a network above it), and staff."""

from __future__ import annotations

from typing import Any

import rules

from wandelwerk.moderation.models import Flag
from wandelwerk.networks.rules import is_network_coordinator


@rules.predicate
def is_flag_moderator(user: Any, flag: Flag | None) -> bool:
    if flag is None or not user.is_authenticated:
        return False
    return bool(flag.network_id is not None and is_network_coordinator(user, flag.network))


@rules.predicate
def moderates_anything(user: Any) -> bool:
    from wandelwerk.networks.models import Membership, Role

    return bool(
        user.is_authenticated and Membership.objects.filter(user=user, role=Role.COORDINATOR).exists()
    )


rules.add_perm("moderation.decide_flag", is_flag_moderator | rules.is_staff)
rules.add_perm("moderation.view_queue", moderates_anything | rules.is_staff)
