"""Delivering a newsletter: who receives it (the segment engine) and mailing each person at most once."""

from __future__ import annotations

from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Q
from django.db.models.functions import Coalesce, Now
from django.utils import timezone

from wandelwerk.actors.models import Topic
from wandelwerk.engines.segments import Interests, select
from wandelwerk.geo.models import Area
from wandelwerk.newsletters.mail import newsletter_message
from wandelwerk.newsletters.models import (
    Delivery,
    Newsletter,
    NewsletterStatus,
    Subscription,
    SubscriptionStatus,
)


def _interests(obj: Subscription | Newsletter) -> Interests:
    return Interests(
        topics=frozenset(t.pk for t in obj.topics.all()), areas=frozenset(a.ags for a in obj.areas.all())
    )


def newsletter_recipients(newsletter: Newsletter) -> list[Subscription]:
    """Confirmed subscriptions of the network whose interests match the newsletter's segment."""
    subs = (
        Subscription.objects.filter(network_id=newsletter.network_id, status=SubscriptionStatus.CONFIRMED)
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.only("id")),
            Prefetch("areas", queryset=Area.objects.only("id", "ags")),
        )
        .order_by("pk")
    )
    return select(_interests(newsletter), ((s, _interests(s)) for s in subs))


def _claim(newsletter: Newsletter, sub: Subscription) -> Delivery | None:
    """The delivery row for this person, or None if another run has it (the unique constraint decides)."""
    try:
        with transaction.atomic():
            if not Subscription.objects.filter(pk=sub.pk, status=SubscriptionStatus.CONFIRMED).exists():
                return None  # unsubscribed meanwhile
            return Delivery.objects.create(newsletter=newsletter, subscription=sub)
    except IntegrityError:
        return None


def newsletter_deliver(*, newsletter_id: int) -> int:
    """Mails the newsletter to every matching confirmed subscription that has no delivery yet, then marks
    it sent with the number of recipients. Safe to run again or in parallel: returns how many this run
    mailed. A mail that fails releases its claim, so a retry picks it up."""
    newsletter = Newsletter.objects.select_related("network").filter(pk=newsletter_id).first()
    if newsletter is None or newsletter.status == NewsletterStatus.DRAFT:
        return 0
    connection = get_connection()
    mailed = 0
    for sub in newsletter_recipients(newsletter):
        delivery = _claim(newsletter, sub)
        if delivery is None:
            continue
        message = newsletter_message(
            newsletter, email=sub.email, token=sub.token, base_url=newsletter.base_url, connection=connection
        )
        try:
            message.send()
        except Exception:
            Delivery.objects.filter(pk=delivery.pk, sent_at__isnull=True).delete()
            raise
        Delivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now())
        mailed += 1
    count = Delivery.objects.filter(newsletter=newsletter, sent_at__isnull=False).count()
    Newsletter.objects.filter(Q(pk=newsletter.pk) & ~Q(status=NewsletterStatus.DRAFT)).update(
        status=NewsletterStatus.SENT, recipient_count=count, sent_at=Coalesce("sent_at", Now())
    )
    return mailed
