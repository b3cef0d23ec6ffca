"""Sending: segments, a double click sends once, resuming never mails anyone twice."""

import pytest
from django.urls import reverse

from tests.concurrency import race
from tests.newsletters.conftest import make_newsletter, make_subscription
from wandelwerk.newsletters.delivery import newsletter_deliver, newsletter_recipients
from wandelwerk.newsletters.models import Delivery, Newsletter, NewsletterStatus
from wandelwerk.newsletters.services import NewsletterError, newsletter_send


@pytest.mark.django_db
def test_segment_by_topic_and_area_reaches_county_and_municipality_subscribers(network, topics, geo):
    # given subscribers with different interests
    make_subscription(network, "alle@example.org")
    make_subscription(network, "stadt@example.org", areas=[geo["zwickau"]])
    make_subscription(network, "kreis@example.org", areas=[geo["zwickau_lk"]])
    make_subscription(network, "goerlitz@example.org", areas=[geo["goerlitz_lk"]])
    make_subscription(network, "mobil@example.org", topics=[topics["mobilitaet"]])
    make_subscription(
        network, "energie-zwickau@example.org", topics=[topics["energie"]], areas=[geo["zwickau"]]
    )
    # when a newsletter is aimed at energy in the county of Zwickau
    newsletter = make_newsletter(network, topics=[topics["energie"]], areas=[geo["zwickau_lk"]])
    # then those without interests, in the county or a town of it, and sharing the topic receive it
    assert sorted(s.email for s in newsletter_recipients(newsletter)) == [
        "alle@example.org",
        "energie-zwickau@example.org",
        "kreis@example.org",
        "stadt@example.org",
    ]
    # and a municipality segment reaches the county subscriber
    town = make_newsletter(network, subject="Crimmitschau", areas=[geo["crimmitschau"]])
    assert sorted(s.email for s in newsletter_recipients(town)) == [
        "alle@example.org",
        "kreis@example.org",
        "mobil@example.org",
    ]


@pytest.mark.django_db
def test_send_page_delivers_and_marks_sent_with_recipient_count(
    client, network, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    for i in range(3):
        make_subscription(network, f"p{i}@example.org")
    newsletter = make_newsletter(network)
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("newsletters:send", kwargs={"slug": network.slug, "pk": newsletter.pk})
        )
    assert response.status_code == 302
    newsletter.refresh_from_db()
    assert newsletter.status == NewsletterStatus.SENT and newsletter.recipient_count == 3
    assert newsletter.sent_at is not None and newsletter.sent_by == coordinator
    assert sorted(m.to[0] for m in mailoutbox) == ["p0@example.org", "p1@example.org", "p2@example.org"]
    assert newsletter.base_url == "http://testserver"
    # a second click is refused with a clear message and mails nobody
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(reverse("newsletters:send", kwargs={"slug": network.slug, "pk": newsletter.pk}))
    assert again.status_code == 409 and "schon versendet" in again.content.decode()
    assert len(mailoutbox) == 3


@pytest.mark.django_db
def test_sent_newsletter_cannot_be_edited(network, coordinator):
    from wandelwerk.newsletters.services import newsletter_update

    newsletter = make_newsletter(network, status=NewsletterStatus.SENT)
    with pytest.raises(NewsletterError, match="schon versendet"):
        newsletter_update(newsletter=newsletter, subject="Neu", body="x")


def _race(n, action):
    return race(n, action, refused=NewsletterError)


@pytest.mark.django_db(transaction=True)
def test_two_parallel_sends_mail_each_subscriber_once(network, coordinator, mailoutbox):
    # given five subscribers and a draft
    for i in range(5):
        make_subscription(network, f"p{i}@example.org")
    newsletter = make_newsletter(network)
    # when two requests press "send" at the same moment
    outcomes = _race(
        2,
        lambda i: newsletter_send(
            newsletter=Newsletter.objects.get(pk=newsletter.pk),
            user=coordinator,
            base_url="https://x.example",
        ),
    )
    # then one is refused, and every subscriber has exactly one delivery and one mail
    assert outcomes == ["ok", "refused"]
    assert Delivery.objects.filter(newsletter=newsletter).count() == 5
    assert sorted(m.to[0] for m in mailoutbox) == [f"p{i}@example.org" for i in range(5)]
    newsletter.refresh_from_db()
    assert newsletter.status == NewsletterStatus.SENT and newsletter.recipient_count == 5


@pytest.mark.django_db(transaction=True)
def test_parallel_delivery_runs_never_mail_anyone_twice(network, mailoutbox):
    for i in range(6):
        make_subscription(network, f"p{i}@example.org")
    newsletter = make_newsletter(network, status=NewsletterStatus.SENDING)
    _race(4, lambda i: newsletter_deliver(newsletter_id=newsletter.pk))
    assert sorted(m.to[0] for m in mailoutbox) == [f"p{i}@example.org" for i in range(6)]
    assert Delivery.objects.filter(newsletter=newsletter, sent_at__isnull=False).count() == 6


@pytest.mark.django_db
def test_resumed_delivery_mails_only_those_not_reached(network, mailoutbox, monkeypatch):
    # given a delivery that broke after two mails (the mail server failed on the third)
    for i in range(4):
        make_subscription(network, f"p{i}@example.org")
    newsletter = make_newsletter(network, status=NewsletterStatus.SENDING)
    from django.core.mail import EmailMultiAlternatives

    real_send = EmailMultiAlternatives.send
    calls = {"n": 0}

    def flaky_send(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise ConnectionError("SMTP weg")
        return real_send(self, *args, **kwargs)

    monkeypatch.setattr(EmailMultiAlternatives, "send", flaky_send)
    with pytest.raises(ConnectionError):
        newsletter_deliver(newsletter_id=newsletter.pk)
    assert len(mailoutbox) == 2
    assert Newsletter.objects.get(pk=newsletter.pk).status == NewsletterStatus.SENDING
    # when the task is retried
    mailed = newsletter_deliver(newsletter_id=newsletter.pk)
    # then only the two missing people get it; everybody has exactly one mail
    assert mailed == 2
    assert sorted(m.to[0] for m in mailoutbox) == [f"p{i}@example.org" for i in range(4)]
    newsletter.refresh_from_db()
    assert newsletter.status == NewsletterStatus.SENT and newsletter.recipient_count == 4
    # and running it once more mails nobody
    assert newsletter_deliver(newsletter_id=newsletter.pk) == 0 and len(mailoutbox) == 4


@pytest.mark.django_db
def test_draft_is_never_delivered_by_a_stray_task(network, mailoutbox):
    make_subscription(network, "p@example.org")
    assert newsletter_deliver(newsletter_id=make_newsletter(network).pk) == 0
    assert mailoutbox == []


@pytest.mark.django_db
def test_other_networks_subscribers_are_not_reached(network, other_network, mailoutbox):
    make_subscription(other_network, "fremd@example.org")
    make_subscription(network, "eigen@example.org")
    newsletter_deliver(newsletter_id=make_newsletter(network, status=NewsletterStatus.SENDING).pk)
    assert [m.to for m in mailoutbox] == [["eigen@example.org"]]
