from __future__ import annotations

from typing import Any

import rules

from wandelwerk.networks.models import Membership, Network, Role


@rules.predicate
def is_network_coordinator(user: Any, network: Network | None) -> bool:
    """Coordinator of this network or of a network above it."""
    if network is None or not user.is_authenticated:
        return False
    ids: list[int] = []
    node: Network | None = network
    while node is not None and len(ids) < 10:
        ids.append(node.pk)
        node = node.parent
    return Membership.objects.filter(user=user, network_id__in=ids, role=Role.COORDINATOR).exists()


rules.add_perm("networks.change_network", is_network_coordinator | rules.is_staff)
rules.add_perm("networks.add_network", rules.is_staff)
