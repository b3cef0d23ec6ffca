from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from wandelwerk.geo.models import Area
from wandelwerk.networks.models import Membership, Network, Role


def network_list() -> QuerySet[Network]:
    return (
        Network.objects.select_related("parent")
        .annotate(area_count=Count("areas"))
        .order_by("parent_id", "name")
    )


def network_get(*, slug: str) -> Network | None:
    return (
        Network.objects.select_related("parent")
        .prefetch_related(
            Prefetch("areas", queryset=Area.objects.only("id", "ags", "name", "kind", "population"))
        )
        .prefetch_related("children")
        .filter(slug=slug)
        .first()
    )


def network_descendant_ids(network: Network) -> list[int]:
    """The network and all networks below it (breadth first)."""
    ids = [network.pk]
    frontier = [network.pk]
    while frontier:
        frontier = list(Network.objects.filter(parent_id__in=frontier).values_list("id", flat=True))
        ids.extend(frontier)
    return ids


def network_area_ids(network: Network) -> frozenset[int]:
    """Areas a network covers, its child networks' areas included (a parent rolls up its children)."""
    ids = network_descendant_ids(network)
    return frozenset(
        Network.areas.through.objects.filter(network_id__in=ids).values_list("area_id", flat=True)
    )


def area_ids_for_user(*, user: Any, coordinator: bool = False) -> frozenset[int]:
    """Areas of the networks where ``user`` is a member (or a coordinator), child networks included."""
    memberships = Membership.objects.filter(user=user)
    if coordinator:
        memberships = memberships.filter(role=Role.COORDINATOR)
    area_ids: set[int] = set()
    for network in Network.objects.filter(pk__in=memberships.values("network_id")):
        area_ids |= network_area_ids(network)
    return frozenset(area_ids)


def networks_coordinated_by(user: Any) -> QuerySet[Network]:
    return Network.objects.filter(memberships__user=user, memberships__role=Role.COORDINATOR).distinct()
