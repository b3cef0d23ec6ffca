"""Writes of the newsletter app: double opt-in, unsubscribing, composing and starting a send."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wandelwerk.networks.models import Network
from wandelwerk.newsletters.models import Newsletter, NewsletterStatus, Subscription, SubscriptionStatus

CONFIRM_DAYS = 14
RESEND_AFTER = timedelta(minutes=10)
CONSENT_TEXT = gettext_lazy(
    "Ich möchte den Newsletter dieses Netzwerks per E-Mail erhalten. Meine Adresse wird nur dafür "
    "gespeichert; ich kann mich mit dem Link in jeder E-Mail jederzeit abmelden."
)


class NewsletterError(Exception):
    """A request that cannot be carried out; the message says why."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def subscription_request(
    *,
    network: Network,
    email: str,
    topics: Iterable[Any] = (),
    areas: Iterable[Any] = (),
    digest: bool = False,
    base_url: str = "",
) -> None:
    """Subscribes ``email`` (pending) and mails a confirmation link. Asking again updates the interests;
    pending (after RESEND_AFTER) or unsubscribed addresses get a fresh link, confirmed ones stay confirmed
    without a mail.
    Returns nothing, so callers cannot tell whether the address was known."""
    email = email.strip().lower()
    confirm_token = _new_token()
    now = timezone.now()
    with transaction.atomic():
        try:
            with transaction.atomic():
                sub, created = Subscription.objects.get_or_create(
                    network=network,
                    email=email,
                    defaults={"token": _new_token(), "requested_at": now},
                )
        except IntegrityError:  # the same address at the same moment from another request
            sub, created = Subscription.objects.get(network=network, email=email), False
        # a pending address asked again within minutes keeps its link: nobody can flood a mailbox
        just_sent = sub.status == SubscriptionStatus.PENDING and sub.requested_at > now - RESEND_AFTER
        needs_confirmation = created or (sub.status != SubscriptionStatus.CONFIRMED and not just_sent)
        sub.digest = digest
        fields = ["digest"]
        if needs_confirmation:
            sub.status = SubscriptionStatus.PENDING
            sub.confirm_hash = _hash(confirm_token)
            sub.requested_at = now
            sub.consent_text = str(CONSENT_TEXT)
            fields += ["status", "confirm_hash", "requested_at", "consent_text"]
        sub.save(update_fields=fields)
        sub.topics.set(list(topics))
        sub.areas.set(list(areas))
        if needs_confirmation:
            from wandelwerk.newsletters.tasks import send_confirmation

            sub_id = sub.pk
            transaction.on_commit(lambda: send_confirmation(sub_id, confirm_token, base_url))


def subscription_confirm(*, token: str) -> Subscription | None:
    """Confirms the pending subscription with this (unexpired) link; None if the link is unknown, used or
    expired. A conditional update, so two clicks confirm once."""
    now = timezone.now()
    fresh = now - timedelta(days=CONFIRM_DAYS)
    with transaction.atomic():
        sub = (
            Subscription.objects.select_related("network")
            .filter(confirm_hash=_hash(token), status=SubscriptionStatus.PENDING, requested_at__gte=fresh)
            .first()
        )
        if sub is None or not token:
            return None
        updated = Subscription.objects.filter(pk=sub.pk, status=SubscriptionStatus.PENDING).update(
            status=SubscriptionStatus.CONFIRMED, confirmed_at=now, confirm_hash=""
        )
        return sub if updated else None


def subscription_by_token(*, token: str) -> Subscription | None:
    return Subscription.objects.select_related("network").filter(token=token).first() if token else None


def subscription_unsubscribe(*, token: str) -> bool:
    """Unsubscribes the subscription behind the personal link; True if the link is known (also when it was
    unsubscribed already). From now on it receives nothing."""
    if not token:
        return False
    with transaction.atomic():
        Subscription.objects.filter(token=token).exclude(status=SubscriptionStatus.UNSUBSCRIBED).update(
            status=SubscriptionStatus.UNSUBSCRIBED, unsubscribed_at=timezone.now(), confirm_hash=""
        )
        return Subscription.objects.filter(token=token).exists()


def _check_segment(network: Network, areas: Iterable[Any]) -> None:
    from wandelwerk.newsletters.selectors import area_choices

    allowed = set(area_choices(network).values_list("pk", flat=True))
    if any(a.pk not in allowed for a in areas):
        raise NewsletterError(_("Gebiete: Nur Gebiete dieses Netzwerks sind möglich."))


@transaction.atomic
def newsletter_create(
    *,
    network: Network,
    user: Any,
    subject: str,
    body: str,
    topics: Iterable[Any] = (),
    areas: Iterable[Any] = (),
) -> Newsletter:
    areas = list(areas)
    _check_segment(network, areas)
    newsletter = Newsletter.objects.create(
        network=network,
        subject=subject.strip(),
        body=body,
        created_by=user if user.is_authenticated else None,
    )
    newsletter.topics.set(list(topics))
    newsletter.areas.set(areas)
    return newsletter


@transaction.atomic
def newsletter_update(
    *, newsletter: Newsletter, subject: str, body: str, topics: Iterable[Any] = (), areas: Iterable[Any] = ()
) -> Newsletter:
    """Changes a draft; a newsletter being sent or sent stays as it went out."""
    areas = list(areas)
    _check_segment(newsletter.network, areas)
    updated = Newsletter.objects.filter(pk=newsletter.pk, status=NewsletterStatus.DRAFT).update(
        subject=subject.strip(), body=body, updated_at=timezone.now()
    )
    if not updated:
        raise NewsletterError(_("Dieser Newsletter ist schon versendet und kann nicht mehr geändert werden."))
    newsletter.topics.set(list(topics))
    newsletter.areas.set(areas)
    newsletter.refresh_from_db()
    return newsletter


@transaction.atomic
def newsletter_send(*, newsletter: Newsletter, user: Any, base_url: str) -> Newsletter:
    """Moves a draft to "sending" (a conditional update: a double click sends once) and queues the
    delivery after the commit."""
    updated = Newsletter.objects.filter(pk=newsletter.pk, status=NewsletterStatus.DRAFT).update(
        status=NewsletterStatus.SENDING,
        sending_started_at=timezone.now(),
        sent_by=user if user.is_authenticated else None,
        base_url=base_url[:200],
    )
    if not updated:
        raise NewsletterError(_("Dieser Newsletter wird schon versendet oder ist versendet."))
    from wandelwerk.newsletters.tasks import deliver_newsletter

    newsletter_id = newsletter.pk
    transaction.on_commit(lambda: deliver_newsletter(newsletter_id))
    newsletter.refresh_from_db()
    return newsletter


UNSUBSCRIBED_KEEP_DAYS = 30


@transaction.atomic
def subscriptions_purge(*, now: Any = None) -> int:
    """Deletes personal data no longer needed (data minimisation): subscriptions never confirmed within
    CONFIRM_DAYS, and unsubscribed ones after UNSUBSCRIBED_KEEP_DAYS (their deliveries go with them; the
    newsletters keep their recipient counts). Returns how many subscriptions were removed."""
    now = now or timezone.now()
    stale = Subscription.objects.filter(
        status=SubscriptionStatus.PENDING, requested_at__lt=now - timedelta(days=CONFIRM_DAYS)
    )
    gone = Subscription.objects.filter(
        status=SubscriptionStatus.UNSUBSCRIBED,
        unsubscribed_at__lt=now - timedelta(days=UNSUBSCRIBED_KEEP_DAYS),
    )
    ids = list(stale.values_list("pk", flat=True)) + list(gone.values_list("pk", flat=True))
    Subscription.objects.filter(pk__in=ids).delete()
    return len(ids)
