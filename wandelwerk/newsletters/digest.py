"""The weekly digest: what is new in the last 7 days in a subscriber's areas and topics."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor
from wandelwerk.actors.visibility import public_q
from wandelwerk.networks.selectors import network_area_ids
from wandelwerk.newsletters.mail import digest_message
from wandelwerk.newsletters.models import DigestRun, Subscription, SubscriptionStatus
from wandelwerk.projects.selectors import projects_visible_to

MAX_ITEMS_PER_KIND = 20


@dataclass(frozen=True, slots=True)
class DigestItem:
    kind: str  # shown as a heading: "Akteure", "Projekte", "Veranstaltungen"
    title: str
    path: str  # site path; the mail puts the base URL before it
    place: str


@dataclass(slots=True)
class DigestResult:
    sent: int = 0
    empty: int = 0
    already: int = 0


def iso_week(moment: datetime) -> str:
    year, week, _day = timezone.localtime(moment).isocalendar()
    return f"{year}-W{week:02d}"


def _new_actors(*, area_ids: Iterable[int], topic_ids: Iterable[int], since: datetime) -> list[DigestItem]:
    ids, topics = list(area_ids), list(topic_ids)
    qs = Actor.objects.filter(public_q(), created_at__gte=since).filter(
        Q(municipality_id__in=ids) | Q(county_id__in=ids) | Q(state_id__in=ids)
    )
    if topics:
        qs = qs.filter(pk__in=Actor.topics.through.objects.filter(topic_id__in=topics).values("actor_id"))
    label = _("Neue Akteure")
    return [
        DigestItem(label, a.name, a.get_absolute_url(), a.municipality.name)
        for a in qs.select_related("municipality").order_by("-created_at", "pk")[:MAX_ITEMS_PER_KIND]
    ]


def _new_projects(*, area_ids: Iterable[int], topic_ids: Iterable[int], since: datetime) -> list[DigestItem]:
    ids, topics = list(area_ids), list(topic_ids)
    qs = projects_visible_to(None).filter(created_at__gte=since)
    qs = qs.filter(Q(area_id__in=ids) | Q(area__parent_id__in=ids) | Q(area__parent__parent_id__in=ids))
    if topics:
        qs = qs.filter(topics__in=topics).distinct()
    label = _("Neue Projekte")
    return [
        DigestItem(label, p.title, reverse("projects:detail", kwargs={"slug": p.slug}), p.area.name)
        for p in qs.select_related("area").order_by("-created_at", "pk")[:MAX_ITEMS_PER_KIND]
    ]


def _new_events(*, area_ids: Iterable[int], topic_ids: Iterable[int], since: datetime) -> list[DigestItem]:
    """Public, published events announced since ``since`` that have not ended yet, in these areas
    (municipality, county or state) and topics, soonest first; online-only events have no area and
    are left out of regional digests."""
    from wandelwerk.events.selectors import events_visible_to

    ids, topics = list(area_ids), list(topic_ids)
    qs = events_visible_to(None).filter(created_at__gte=since, end__gte=timezone.now())
    qs = qs.filter(Q(area_id__in=ids) | Q(area__parent_id__in=ids) | Q(area__parent__parent_id__in=ids))
    if topics:
        qs = qs.filter(topics__in=topics).distinct()
    label = _("Neue Veranstaltungen")
    return [
        DigestItem(
            label,
            f"{timezone.localtime(e.start):%d.%m.%Y} – {e.title}",
            e.get_absolute_url(),
            e.area.name if e.area else "",
        )
        for e in qs.select_related("area").order_by("start", "pk")[:MAX_ITEMS_PER_KIND]
    ]


def digest_items(
    *, subscription: Subscription, network_areas: frozenset[int], since: datetime
) -> list[DigestItem]:
    """Everything new for this subscription; its own areas if it chose some, else the network's."""
    area_ids = {a.pk for a in subscription.areas.all()} or set(network_areas)
    topic_ids = {t.pk for t in subscription.topics.all()}
    kwargs = {"area_ids": area_ids, "topic_ids": topic_ids, "since": since}
    return [*_new_actors(**kwargs), *_new_projects(**kwargs), *_new_events(**kwargs)]


def _claim(sub: Subscription, week: str, count: int) -> DigestRun | None:
    try:
        with transaction.atomic():
            return DigestRun.objects.create(subscription=sub, week=week, item_count=count)
    except IntegrityError:
        return None


def digests_send(*, now: datetime | None = None, base_url: str = "") -> DigestResult:
    """Mails the weekly digest to every confirmed subscription that wants one, at most once per ISO week
    (a DigestRun row is claimed first); empty digests are skipped. Mails and links are German."""
    with translation.override(settings.LANGUAGE_CODE):
        return _digests_send(now=now or timezone.now(), base_url=base_url)


def _digests_send(*, now: datetime, base_url: str) -> DigestResult:
    week, since = iso_week(now), now - timedelta(days=7)
    result = DigestResult()
    done = set(DigestRun.objects.filter(week=week).values_list("subscription_id", flat=True))
    subs = (
        Subscription.objects.filter(status=SubscriptionStatus.CONFIRMED, digest=True)
        .exclude(pk__in=done)
        .select_related("network")
        .prefetch_related("topics", "areas")
        .order_by("network_id", "pk")
    )
    result.already = len(done)
    network_areas: dict[int, frozenset[int]] = {}
    cache: dict[tuple[int, frozenset[int], frozenset[int]], list[DigestItem]] = {}
    connection = get_connection()
    for sub in subs:
        if sub.network_id not in network_areas:
            network_areas[sub.network_id] = network_area_ids(sub.network)
        key = (
            sub.network_id,
            frozenset(a.pk for a in sub.areas.all()),
            frozenset(t.pk for t in sub.topics.all()),
        )
        if key not in cache:
            cache[key] = digest_items(
                subscription=sub, network_areas=network_areas[sub.network_id], since=since
            )
        items = cache[key]
        if not items:
            result.empty += 1
            continue
        run = _claim(sub, week, len(items))
        if run is None:
            result.already += 1
            continue
        message = digest_message(
            network=sub.network,
            email=sub.email,
            token=sub.token,
            base_url=base_url,
            items=items,
            connection=connection,
        )
        try:
            message.send()
        except Exception:
            DigestRun.objects.filter(pk=run.pk, sent_at__isnull=True).delete()
            raise
        DigestRun.objects.filter(pk=run.pk).update(sent_at=timezone.now())
        result.sent += 1
    return result
