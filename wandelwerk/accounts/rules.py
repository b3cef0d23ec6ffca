"""Permission predicates about people, for every app (the `rules` package).

Compose them in an app's rules.py, e.g.
``rules.add_perm("actors.review_actor", is_staff | coordinates_actor_network)``.
"""

from __future__ import annotations

from typing import Any

import rules

from wandelwerk.networks.models import Membership, Network, Role

MAX_NETWORK_DEPTH = 20  # guards against a cycle in parent links


def _active(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


@rules.predicate
def is_staff(user: Any) -> bool:
    """Active staff member (operators of the installation)."""
    return _active(user) and bool(user.is_staff)


@rules.predicate
def is_network_coordinator(user: Any) -> bool:
    """Coordinator of at least one network."""
    return _active(user) and Membership.objects.filter(user=user, role=Role.COORDINATOR).exists()


def network_lineage_ids(network: Network) -> list[int]:
    """The network's id followed by its parents' ids, up to the top."""
    ids = [network.pk]
    parent_id = network.parent_id
    while parent_id is not None and parent_id not in ids and len(ids) < MAX_NETWORK_DEPTH:
        ids.append(parent_id)
        parent_id = Network.objects.filter(pk=parent_id).values_list("parent_id", flat=True).first()
    return ids


@rules.predicate
def coordinates_network(user: Any, network: Network | None) -> bool:
    """``user`` coordinates ``network`` directly or through a parent network (a parent network's
    coordinators look after the networks below it, as in ``networks.selectors.network_area_ids``)."""
    if network is None or network.pk is None or not _active(user):
        return False
    return Membership.objects.filter(
        user=user, role=Role.COORDINATOR, network_id__in=network_lineage_ids(network)
    ).exists()
