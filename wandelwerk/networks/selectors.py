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


def all_network_area_ids() -> dict[int, frozenset[int]]:
    """Every network's covered areas with its descendants' areas rolled up, in two queries."""
    parents = dict(Network.objects.values_list("id", "parent_id"))
    own: dict[int, set[int]] = {pk: set() for pk in parents}
    for network_id, area_id in Network.areas.through.objects.values_list("network_id", "area_id"):
        own[network_id].add(area_id)
    rolled: dict[int, set[int]] = {pk: set(areas) for pk, areas in own.items()}
    for pk, areas in own.items():
        seen = {pk}
        parent = parents.get(pk)
        while parent is not None and parent not in seen:
            rolled[parent] |= areas
            seen.add(parent)
            parent = parents.get(parent)
    return {pk: frozenset(areas) for pk, areas in rolled.items()}


def network_stats(*, network: Network, user: Any) -> dict[str, Any]:
    """Numbers for a network page: areas, population, visible actors, density and breakdowns."""
    from collections import Counter

    from wandelwerk.actors.selectors import areas_filter
    from wandelwerk.actors.visibility import actors_visible_to

    area_ids = network_area_ids(network)
    areas = list(Area.objects.filter(pk__in=area_ids).only("id", "kind", "population", "parent_id"))
    covered = {a.pk for a in areas}
    # population without double counting: skip areas whose parent is covered too
    population = sum(a.population or 0 for a in areas if a.parent_id not in covered)
    actors = actors_visible_to(user).filter(areas_filter(area_ids))
    by_kind = Counter(dict(actors.values_list("kind").annotate(n=Count("id"))))
    by_sector = Counter(dict(actors.values_list("sector").annotate(n=Count("id"))))
    total = sum(by_kind.values())
    return {
        "area_count": len(areas),
        "population": population,
        "actor_count": total,
        "per_10k": round(total / population * 10_000, 2) if population else None,
        "by_kind": by_kind,
        "by_sector": by_sector,
    }
