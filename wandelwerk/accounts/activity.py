"""A person's activity in the other apps, for the personal-data download and for account deletion:
projects proposed and followed, event registrations, working groups and posts, consulting, proposals
for the action pool, newsletter subscriptions under the account's addresses."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone


def activity_export(*, user: Any, emails: list[str]) -> dict[str, Any]:
    """Rows the person wrote or that are about them (never other people's personal data)."""
    from wandelwerk.consulting.models import CaseNote, CoachingRequest, ConsultingRequest
    from wandelwerk.events.models import Registration
    from wandelwerk.groups.models import GroupMembership, Post
    from wandelwerk.knowledge.models import Method, Practice
    from wandelwerk.newsletters.models import Subscription
    from wandelwerk.projects.models import Follower, Project

    return {
        "projects_proposed": [
            {
                "slug": p.slug,
                "title": p.title,
                "stage": p.stage,
                "is_public": p.is_public,
                "created_at": p.created_at,
            }
            for p in Project.objects.filter(created_by=user).order_by("created_at")
        ],
        "projects_followed": sorted(
            Follower.objects.filter(user=user).values_list("project__slug", flat=True)
        ),
        "event_registrations": [
            {
                "event": r.event.title,
                "start": r.event.start,
                "status": r.status,
                "answers": r.answers,
                "registered_at": r.created_at,
                "attended": r.attended,
            }
            for r in Registration.objects.filter(user=user).select_related("event").order_by("created_at")
        ],
        "working_groups": [
            {"group": m.group.name, "role": m.role, "notify_posts": m.notify_posts, "joined_at": m.joined_at}
            for m in GroupMembership.objects.filter(user=user).select_related("group").order_by("joined_at")
        ],
        "posts": [
            {"group": p.group.name, "text": p.text, "created_at": p.created_at, "edited_at": p.edited_at}
            for p in Post.objects.filter(author=user).select_related("group").order_by("created_at")
        ],
        "consulting_requests": [
            {
                "title": c.title,
                "description": c.description,
                "topic": c.topic.slug,
                "area_ags": c.area.ags,
                "status": c.status,
                "created_at": c.created_at,
                "feedback": {"rating": c.feedback.rating, "text": c.feedback.text}
                if hasattr(c, "feedback")
                else None,
            }
            for c in ConsultingRequest.objects.filter(requester=user)
            .select_related("topic", "area", "feedback")
            .order_by("created_at")
        ],
        "consulting_notes_written": [
            {"case": n.case.title, "text": n.text, "created_at": n.created_at}
            for n in CaseNote.objects.filter(author=user).select_related("case").order_by("created_at")
        ],
        "coaching_requests": [
            {"actor": c.actor.name, "message": c.message, "status": c.status}
            for c in CoachingRequest.objects.filter(requested_by=user).select_related("actor")
        ],
        "action_pool_proposals": [
            {"kind": kind, "slug": e.slug, "title": e.title, "is_published": e.is_published}
            for kind, model in (("practice", Practice), ("method", Method))
            for e in model.objects.filter(created_by=user).order_by("title")
        ],
        "newsletter_subscriptions": [
            {"network": s.network.name, "email": s.email, "status": s.status, "digest": s.digest}
            for s in Subscription.objects.filter(email__in=emails).select_related("network")
        ],
    }


def activity_release(*, user: Any) -> int:
    """Before an account is deleted: withdraws its registrations for events that have not ended, through
    the events service, so freed seats go to the people waiting. Returns how many were withdrawn."""
    from wandelwerk.events.models import ACTIVE_STATUSES, Registration
    from wandelwerk.events.services import EventError, registration_cancel

    withdrawn = 0
    active = Registration.objects.filter(user=user, status__in=ACTIVE_STATUSES, event__end__gt=timezone.now())
    for registration in active:
        try:
            registration_cancel(registration=registration, base_url=settings.SITE_URL)
            withdrawn += 1
        except EventError:
            pass  # ended or changed meanwhile: nothing left to free
    return withdrawn
