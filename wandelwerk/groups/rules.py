"""Who may do what in a working group.

Network coordinators (of the group's network or a network above it) and staff create groups and edit
their settings. Group coordinators decide on join requests, manage members and moderate posts. Members
write posts and share links and documents. A members-only group shows its discussion and documents to
members (and staff) only; a fully public group shows them to everyone.
"""

from __future__ import annotations

from typing import Any

import rules

from wandelwerk.groups.models import GroupMembership, GroupRole, Post, WorkingGroup
from wandelwerk.networks.rules import is_network_coordinator


def _role(user: Any, group: WorkingGroup | None) -> str | None:
    """The user's role in the group, cached on the user object for the request."""
    if group is None or not user.is_authenticated:
        return None
    cache: dict[int, str | None] | None = getattr(user, "_group_roles", None)
    if cache is None:
        cache = {}
        user._group_roles = cache
    if group.pk not in cache:
        cache[group.pk] = (
            GroupMembership.objects.filter(group=group, user=user).values_list("role", flat=True).first()
        )
    return cache[group.pk]


def forget_roles(user: Any) -> None:
    """Drops the cached roles (after a membership changed within one request)."""
    if getattr(user, "_group_roles", None) is not None:
        user._group_roles = None


@rules.predicate
def is_group_member(user: Any, group: WorkingGroup | None) -> bool:
    return _role(user, group) is not None


@rules.predicate
def is_group_coordinator(user: Any, group: WorkingGroup | None) -> bool:
    return _role(user, group) == GroupRole.COORDINATOR


@rules.predicate
def coordinates_group_network(user: Any, group: WorkingGroup | None) -> bool:
    return group is not None and is_network_coordinator(user, group.network)


@rules.predicate
def is_public_group(user: Any, group: WorkingGroup | None) -> bool:
    return group is not None and group.is_public


@rules.predicate
def is_signed_in(user: Any, group: WorkingGroup | None) -> bool:
    return user.is_authenticated


@rules.predicate
def is_post_author(user: Any, post: Post | None) -> bool:
    return post is not None and user.is_authenticated and post.author_id == user.pk


@rules.predicate
def moderates_post_group(user: Any, post: Post | None) -> bool:
    return post is not None and is_group_coordinator(user, post.group)


@rules.predicate
def added_item(user: Any, item: Any) -> bool:
    """The person who shared a link or document."""
    owner_id = getattr(item, "added_by_id", None) or getattr(item, "uploaded_by_id", None)
    return item is not None and user.is_authenticated and owner_id == user.pk


@rules.predicate
def moderates_item_group(user: Any, item: Any) -> bool:
    return item is not None and is_group_coordinator(user, item.group)


# object: a networks.Network
rules.add_perm("groups.add_group", is_network_coordinator | rules.is_staff)
# object: a WorkingGroup
rules.add_perm("groups.change_group", coordinates_group_network | is_group_coordinator | rules.is_staff)
rules.add_perm("groups.manage_members", is_group_coordinator | rules.is_staff)
rules.add_perm("groups.view_content", is_public_group | is_group_member | rules.is_staff)
rules.add_perm("groups.view_members", is_group_member | rules.is_staff)
rules.add_perm("groups.contribute", is_group_member)
rules.add_perm("groups.join", is_signed_in & ~is_group_member)
rules.add_perm("groups.leave", is_group_member)
# object: a Post
rules.add_perm("groups.change_post", is_post_author)
rules.add_perm("groups.delete_post", is_post_author | moderates_post_group | rules.is_staff)
# object: a SharedLink or Document
rules.add_perm("groups.delete_item", added_item | moderates_item_group | rules.is_staff)
