"""Who may do what on conference maps: coordinators of the map's network (or a network above it) and
staff manage maps and convert wishes; every signed-in person contributes while a map is open (the
services refuse contributions to closed maps); authors change their own wishes and comments."""

from __future__ import annotations

from typing import Any

import rules

from wandelwerk.networks.rules import is_network_coordinator


def _map_of(obj: Any) -> Any:
    """The map of a map, a wish, a comment or an actor link."""
    if obj is None:
        return None
    for attr in ("wish", "map"):
        if hasattr(obj, attr + "_id"):
            obj = getattr(obj, attr)
    return obj


@rules.predicate
def coordinates_map(user: Any, obj: Any) -> bool:
    cmap = _map_of(obj)
    if cmap is None or not user.is_authenticated:
        return False
    cache = getattr(user, "_cm_coord", None)
    if cache is None:
        cache = user._cm_coord = {}
    if cmap.network_id not in cache:
        cache[cmap.network_id] = is_network_coordinator(user, cmap.network)
    return bool(cache[cmap.network_id])


@rules.predicate
def is_author(user: Any, obj: Any) -> bool:
    return obj is not None and user.is_authenticated and getattr(obj, "author_id", None) == user.pk


@rules.predicate
def added_link(user: Any, link: Any) -> bool:
    return link is not None and user.is_authenticated and link.added_by_id == user.pk


@rules.predicate
def coordinates_network(user: Any, network: Any) -> bool:
    return is_network_coordinator(user, network)


@rules.predicate
def coordinates_any(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    from wandelwerk.networks.models import Membership, Role

    return Membership.objects.filter(user=user, role=Role.COORDINATOR).exists()


manager = coordinates_map | rules.is_staff

rules.add_perm("conferencemap.add_map", coordinates_any | rules.is_staff)
rules.add_perm("conferencemap.add_map_for", coordinates_network | rules.is_staff)
rules.add_perm("conferencemap.change_map", manager)
rules.add_perm("conferencemap.contribute", rules.is_authenticated)
rules.add_perm("conferencemap.remove_link", added_link | manager)
rules.add_perm("conferencemap.change_wish", is_author | manager)
rules.add_perm("conferencemap.convert_wish", manager)
rules.add_perm("conferencemap.delete_comment", is_author | manager)
