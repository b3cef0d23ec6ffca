"""Reads of the newsletter app; never hands out subscriber addresses except to the coordinators' export."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from wandelwerk.actors.models import Topic, TopicGroup
from wandelwerk.geo.models import Area, AreaKind
from wandelwerk.networks.models import Network
from wandelwerk.networks.selectors import network_area_ids
from wandelwerk.newsletters.models import Newsletter, NewsletterStatus, Subscription, SubscriptionStatus

MAX_MUNICIPALITY_CHOICES = 60


def topic_choices() -> QuerySet[Topic]:
    return Topic.objects.filter(group=TopicGroup.FIELD).order_by("order", "name")


def area_choices(network: Network) -> QuerySet[Area]:
    """Counties and municipalities a subscriber or a segment may pick: the network's own (child networks
    included), the counties of a state, and the municipalities of its counties while they are few."""
    ids = list(network_area_ids(network))
    condition = Q(pk__in=ids, kind__in=[AreaKind.COUNTY, AreaKind.MUNICIPALITY]) | Q(
        parent_id__in=ids, kind=AreaKind.COUNTY
    )
    municipalities = Q(parent_id__in=ids, kind=AreaKind.MUNICIPALITY)
    if Area.objects.filter(municipalities).count() <= MAX_MUNICIPALITY_CHOICES:
        condition |= municipalities
    return Area.objects.filter(condition).only("id", "ags", "name", "kind").order_by("ags")


def network_get(*, slug: str) -> Network | None:
    return Network.objects.filter(slug=slug).first()


def networks_with_archive() -> QuerySet[Network]:
    return Network.objects.annotate(
        sent_count=Count("newsletters", filter=Q(newsletters__status=NewsletterStatus.SENT))
    ).order_by("name")


def archive(network: Network) -> QuerySet[Newsletter]:
    """The sent newsletters of a network, newest first (public)."""
    return (
        Newsletter.objects.filter(network=network, status=NewsletterStatus.SENT)
        .only("id", "subject", "sent_at", "network_id")
        .order_by("-sent_at", "-pk")
    )


def public_newsletters(*, network_slug: str | None = None) -> QuerySet[Newsletter]:
    qs = Newsletter.objects.filter(status=NewsletterStatus.SENT).select_related("network")
    if network_slug:
        qs = qs.filter(network__slug=network_slug)
    return qs.order_by("-sent_at", "-pk")


def newsletter_get(*, network: Network, pk: int) -> Newsletter | None:
    return (
        Newsletter.objects.select_related("network")
        .prefetch_related("topics", "areas")
        .filter(network=network, pk=pk)
        .first()
    )


def unsent(network: Network) -> QuerySet[Newsletter]:
    return (
        Newsletter.objects.filter(network=network)
        .exclude(status=NewsletterStatus.SENT)
        .order_by("-created_at")
    )


def subscriber_counts(network: Network) -> dict[str, int]:
    """How many subscriptions per status (numbers only)."""
    rows = dict(
        Subscription.objects.filter(network=network).values_list("status").annotate(n=Count("id")).order_by()
    )
    return {status: rows.get(status, 0) for status in SubscriptionStatus.values}


def confirmed_export_rows(network: Network) -> list[list[Any]]:
    """Confirmed subscriptions for the coordinators' CSV export."""
    subs = (
        Subscription.objects.filter(network=network, status=SubscriptionStatus.CONFIRMED)
        .prefetch_related("topics", "areas")
        .order_by("email")
    )
    return [
        [
            s.email,
            s.confirmed_at.isoformat() if s.confirmed_at else "",
            ", ".join(t.name for t in s.topics.all()),
            ", ".join(a.name for a in s.areas.all()),
            "ja" if s.digest else "nein",
        ]
        for s in subs
    ]
