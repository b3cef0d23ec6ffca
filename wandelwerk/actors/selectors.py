from __future__ import annotations

from typing import Any

from wandelwerk.actors.visibility import actors_visible_to


def home_summary(*, user: Any) -> dict[str, Any]:
    from wandelwerk.networks.selectors import network_list

    return {
        "actor_count": actors_visible_to(user).count(),
        "networks": network_list().filter(parent__isnull=True),
    }
