"""Reads for the groups app; each function owns its select_related/prefetch_related."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from wandelwerk.groups.models import (
    Document,
    GroupMembership,
    JoinRequest,
    Post,
    RequestStatus,
    SharedLink,
    WorkingGroup,
)
from wandelwerk.moderation.selectors import visible_q


@dataclass(frozen=True, slots=True)
class GroupQuery:
    network: str = ""
    topic: str = ""


def parse_group_query(params: Any) -> GroupQuery:
    """Only the listed filters, each a slug of bounded length; anything else is ignored."""
    return GroupQuery(
        network=(params.get("netzwerk") or "").strip()[:80],
        topic=(params.get("thema") or "").strip()[:80],
    )


def group_list(*, query: GroupQuery | None = None) -> QuerySet[WorkingGroup]:
    """Every group (their existence, name and description are public), with the member count."""
    qs = WorkingGroup.objects.select_related("network", "topic").annotate(
        member_count=Count("memberships", distinct=True)
    )
    if query is not None:
        if query.network:
            qs = qs.filter(Q(network__slug=query.network) | Q(network__parent__slug=query.network))
        if query.topic:
            qs = qs.filter(topic__slug=query.topic)
    return qs.order_by("network__name", "name")


def group_get(*, slug: str) -> WorkingGroup | None:
    return group_list().filter(slug=slug).first()


def groups_of_user(user: Any) -> list[tuple[WorkingGroup, GroupMembership]]:
    """The user's groups with their membership (role, notification choice)."""
    memberships = (
        GroupMembership.objects.filter(user=user)
        .select_related("group__network", "group__topic")
        .order_by("group__name")
    )
    return [(m.group, m) for m in memberships]


def pending_requests_of_user(user: Any) -> QuerySet[JoinRequest]:
    return JoinRequest.objects.filter(user=user, status=RequestStatus.PENDING).select_related("group")


def membership_of(*, group: WorkingGroup, user: Any) -> GroupMembership | None:
    if not user.is_authenticated:
        return None
    return GroupMembership.objects.filter(group=group, user=user).first()


def has_pending_request(*, group: WorkingGroup, user: Any) -> bool:
    return (
        user.is_authenticated
        and JoinRequest.objects.filter(group=group, user=user, status=RequestStatus.PENDING).exists()
    )


def threads(*, group: WorkingGroup) -> QuerySet[Post]:
    """Newest threads first, each with its replies oldest first (authors loaded in the same queries)."""
    replies = Post.objects.filter(visible_q(Post)).select_related("author").order_by("created_at", "id")
    return (
        Post.objects.filter(visible_q(Post), group=group, parent__isnull=True)
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("-created_at", "-id")
    )


def links(*, group: WorkingGroup) -> QuerySet[SharedLink]:
    return SharedLink.objects.filter(group=group)


def documents(*, group: WorkingGroup) -> QuerySet[Document]:
    return Document.objects.filter(group=group)


def members(*, group: WorkingGroup) -> QuerySet[GroupMembership]:
    return GroupMembership.objects.filter(group=group).select_related("user").order_by("role", "joined_at")


def open_requests(*, group: WorkingGroup) -> QuerySet[JoinRequest]:
    return JoinRequest.objects.filter(group=group, status=RequestStatus.PENDING).select_related("user")


def group_meetings(group: WorkingGroup, user: Any = None) -> list[Any]:
    """The group's upcoming meetings (events with ``Event.group`` = this group) the viewer may see."""
    from wandelwerk.events.selectors import group_meetings as meetings

    return meetings(group=group, user=user)
