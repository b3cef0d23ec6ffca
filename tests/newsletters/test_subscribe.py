"""Subscribing: double opt-in, no enumeration, robots kept out, clear errors."""

import re
import time
from datetime import timedelta

import pytest
from django.urls import reverse

from tests.newsletters.conftest import make_newsletter, make_subscription
from wandelwerk.newsletters.delivery import newsletter_deliver
from wandelwerk.newsletters.forms import started_token
from wandelwerk.newsletters.models import NewsletterStatus, Subscription, SubscriptionStatus

pytestmark = pytest.mark.django_db


def _post(client, network, **data):
    payload = {"email": "ida@example.org", "started": started_token(time.time() - 30), "website": ""}
    payload.update(data)
    return client.post(reverse("newsletters:network", kwargs={"slug": network.slug}), payload)


def _confirm_link(message):
    return re.search(r"https?://\S+/newsletter/bestaetigen/[\w-]+/", message.body).group(0)


def test_subscribing_creates_a_pending_subscription_and_mails_a_confirmation_link(
    client, network, topics, geo, mailoutbox, django_capture_on_commit_callbacks
):
    # when someone subscribes with interests
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(
            client,
            network,
            email=" Ida@Example.org ",
            topics=[topics["energie"].pk],
            areas=[geo["zwickau"].pk],
        )
    # then the subscription is pending, with the interests, and one confirmation mail went out
    assert response.status_code == 200
    sub = Subscription.objects.get(network=network)
    assert sub.email == "ida@example.org" and sub.status == SubscriptionStatus.PENDING
    assert [t.slug for t in sub.topics.all()] == ["energie"] and [a.ags for a in sub.areas.all()] == [
        "14524330"
    ]
    assert sub.consent_text and sub.requested_at
    assert [m.to for m in mailoutbox] == [["ida@example.org"]]
    assert "/newsletter/bestaetigen/" in mailoutbox[0].body
    assert mailoutbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_pending_subscription_receives_no_newsletter(client, network, mailoutbox):
    # given a pending and a confirmed subscription
    make_subscription(network, "pending@example.org", status=SubscriptionStatus.PENDING)
    make_subscription(network, "ok@example.org")
    newsletter = make_newsletter(network, status=NewsletterStatus.SENDING)
    # when the newsletter is delivered
    newsletter_deliver(newsletter_id=newsletter.pk)
    # then only the confirmed address gets it
    assert [m.to for m in mailoutbox] == [["ok@example.org"]]


def test_confirmation_link_shows_a_button_and_the_post_confirms_once(
    client, network, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, network)
    link = _confirm_link(mailoutbox[0])
    path = link.split("testserver", 1)[1]
    # when the link is opened (e.g. by a mail scanner), nothing is confirmed yet
    page = client.get(path)
    assert page.status_code == 200 and b"<form" in page.content
    assert Subscription.objects.get().status == SubscriptionStatus.PENDING
    # when the person presses the button
    confirmed = client.post(path)
    # then the subscription is confirmed, and the used link is no longer valid
    assert confirmed.status_code == 200
    sub = Subscription.objects.get()
    assert sub.status == SubscriptionStatus.CONFIRMED and sub.confirmed_at is not None
    assert client.post(path).status_code == 404


def test_unknown_confirmation_link_is_refused(client, network):
    response = client.post(reverse("newsletters:confirm", kwargs={"token": "falsch"}))
    assert response.status_code == 404


def test_page_answers_the_same_for_new_pending_and_confirmed_addresses(
    client, network, mailoutbox, django_capture_on_commit_callbacks
):
    # given a confirmed subscriber
    make_subscription(network, "known@example.org")
    # when the known and an unknown address subscribe
    with django_capture_on_commit_callbacks(execute=True):
        known = _post(client, network, email="known@example.org")
        unknown = _post(client, network, email="new@example.org")
    # then both pages look the same (apart from the CSRF token) and the known one gets no mail
    strip = lambda r: re.sub(rb'value="[^"]*"', b"", r.content)  # noqa: E731
    assert known.status_code == unknown.status_code == 200
    assert strip(known) == strip(unknown)
    assert [m.to for m in mailoutbox] == [["new@example.org"]]
    assert Subscription.objects.get(email="known@example.org").status == SubscriptionStatus.CONFIRMED


@pytest.mark.parametrize("status", [SubscriptionStatus.UNSUBSCRIBED, SubscriptionStatus.PENDING])
def test_resubscribing_updates_interests_and_resends_when_unsubscribed_or_unconfirmed(
    client, network, topics, mailoutbox, django_capture_on_commit_callbacks, status
):
    # given an address that unsubscribed, or never confirmed its link from yesterday
    old = make_subscription(network, "back@example.org", status=status)
    Subscription.objects.filter(pk=old.pk).update(requested_at=old.requested_at - timedelta(days=1))
    # when it subscribes again with a topic
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, network, email="back@example.org", topics=[topics["mobilitaet"].pk], digest="on")
    # then it is pending again (one row), with new interests, and a new link was mailed
    sub = Subscription.objects.get(email="back@example.org")
    assert sub.status == SubscriptionStatus.PENDING and sub.digest
    assert [t.slug for t in sub.topics.all()] == ["mobilitaet"]
    assert len(mailoutbox) == 1


def test_asking_again_within_minutes_sends_no_second_link(
    client, network, mailoutbox, django_capture_on_commit_callbacks
):
    # given a pending subscription that just got its link
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, network)
        # when the same address is entered again right away (or by someone flooding the mailbox)
        again = _post(client, network)
    # then the answer is the same, but only one mail went out and the first link still works
    assert again.status_code == 200 and len(mailoutbox) == 1
    assert client.post(_confirm_link(mailoutbox[0]).split("testserver", 1)[1]).status_code == 200


def test_filled_honeypot_gets_the_same_answer_but_nothing_is_stored(client, network, mailoutbox):
    response = _post(client, network, website="http://spam.example")
    assert response.status_code == 200
    assert not Subscription.objects.exists() and mailoutbox == []


def test_form_sent_back_too_fast_or_without_start_time_is_ignored(client, network, mailoutbox):
    assert _post(client, network, started=started_token()).status_code == 200
    assert _post(client, network, started="gefälscht").status_code == 200
    assert not Subscription.objects.exists() and mailoutbox == []


def test_bad_email_is_named_in_the_error_summary(client, network):
    response = _post(client, network, email="keine-adresse")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and 'href="#id_email"' in html and "E-Mail-Adresse" in html
    assert not Subscription.objects.exists()


def test_area_of_another_network_is_refused_by_name(client, network, geo):
    # Zittau's county (Görlitz) is covered, but the state is not a choice
    response = _post(client, network, areas=[geo["sn"].pk])
    assert response.status_code == 400
    assert 'href="#id_areas_0"' in response.content.decode()


def test_unknown_network_is_404(client, db):
    assert client.get(reverse("newsletters:network", kwargs={"slug": "gibt-es-nicht"})).status_code == 404
