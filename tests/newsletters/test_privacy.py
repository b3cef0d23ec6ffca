"""Data minimisation and inert user text in every output of the newsletter app."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.newsletters.conftest import make_newsletter, make_subscription
from wandelwerk.newsletters.delivery import newsletter_deliver
from wandelwerk.newsletters.models import (
    Delivery,
    Newsletter,
    NewsletterStatus,
    Subscription,
    SubscriptionStatus,
)

pytestmark = pytest.mark.django_db

XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>[klick](javascript:alert(3))"


def test_stale_pending_and_old_unsubscribed_addresses_are_removed(network):
    now = timezone.now()
    fresh = make_subscription(network, "neu@example.org", status=SubscriptionStatus.PENDING)
    stale = make_subscription(network, "alt@example.org", status=SubscriptionStatus.PENDING)
    Subscription.objects.filter(pk=stale.pk).update(requested_at=now - timedelta(days=15))
    gone = make_subscription(network, "weg@example.org", status=SubscriptionStatus.UNSUBSCRIBED)
    Subscription.objects.filter(pk=gone.pk).update(unsubscribed_at=now - timedelta(days=31))
    recent = make_subscription(network, "eben@example.org", status=SubscriptionStatus.UNSUBSCRIBED)
    Subscription.objects.filter(pk=recent.pk).update(unsubscribed_at=now - timedelta(days=2))
    confirmed = make_subscription(network, "ja@example.org")
    sent = make_newsletter(network, status=NewsletterStatus.SENT, recipient_count=3)
    Delivery.objects.create(newsletter=sent, subscription=gone)
    call_command("purge_subscriptions")
    assert set(Subscription.objects.values_list("pk", flat=True)) == {fresh.pk, recent.pk, confirmed.pk}
    assert Newsletter.objects.get(pk=sent.pk).recipient_count == 3


def test_hostile_text_stays_inert_in_mail_web_view_and_api(client, network, mailoutbox):
    make_subscription(network, "ida@example.org")
    newsletter = make_newsletter(network, status=NewsletterStatus.SENDING, subject=f"Hallo {XSS}", body=XSS)
    newsletter_deliver(newsletter_id=newsletter.pk)
    html_mail = mailoutbox[0].alternatives[0][0]
    web = client.get(reverse("newsletters:detail", kwargs={"slug": network.slug, "pk": newsletter.pk}))
    api = client.get(f"/api/v1/newsletters?network={network.slug}").json()["items"][0]["body_html"]
    for html in (html_mail, web.content.decode(), api):
        assert "<script>alert" not in html
        assert "<img" not in html
        assert 'href="javascript:' not in html
