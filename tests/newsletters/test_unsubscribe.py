"""One-click unsubscribe (RFC 8058) and the personal link in every mail."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.newsletters.conftest import make_newsletter, make_subscription
from wandelwerk.newsletters.delivery import newsletter_deliver
from wandelwerk.newsletters.models import NewsletterStatus, SubscriptionStatus

pytestmark = pytest.mark.django_db


def _url(sub):
    return reverse("newsletters:unsubscribe", kwargs={"token": sub.token})


def test_every_newsletter_mail_carries_the_personal_link_and_one_click_headers(network, mailoutbox, settings):
    # given a confirmed subscriber
    settings.DEFAULT_FROM_EMAIL = "Wandelwerk <post@wandel.example.org>"
    sub = make_subscription(network, "ida@example.org")
    newsletter = make_newsletter(network, status=NewsletterStatus.SENDING)
    # when the newsletter is delivered
    newsletter_deliver(newsletter_id=newsletter.pk)
    # then the mail has text and HTML, the sender from the settings and the unsubscribe headers
    (mail,) = mailoutbox
    link = f"https://wandel.example.org/newsletter/abmelden/{sub.token}/"
    assert mail.from_email == "Wandelwerk <post@wandel.example.org>"
    assert mail.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in mail.body and "**danke**" in mail.body
    html, mimetype = mail.alternatives[0]
    assert mimetype == "text/html" and link in html and "<strong>danke</strong>" in html
    message = mail.message()
    assert message["List-Unsubscribe"] == f"<{link}>"


def test_mail_program_one_click_post_without_csrf_token_unsubscribes(network):
    # given a confirmed subscription and a client that enforces CSRF like a browser would
    sub = make_subscription(network, "ida@example.org")
    client = Client(enforce_csrf_checks=True)
    # when the mail program posts the RFC 8058 body
    response = client.post(_url(sub), {"List-Unsubscribe": "One-Click"})
    # then the subscription is unsubscribed
    assert response.status_code == 200
    sub.refresh_from_db()
    assert sub.status == SubscriptionStatus.UNSUBSCRIBED and sub.unsubscribed_at is not None


def test_unsubscribe_page_shows_one_button_and_get_changes_nothing(client, network):
    sub = make_subscription(network, "ida@example.org")
    page = client.get(_url(sub))
    assert page.status_code == 200
    assert page.content.decode().count("<button") == 1
    sub.refresh_from_db()
    assert sub.status == SubscriptionStatus.CONFIRMED
    # when the person presses the button, then it is done (and pressing again is harmless)
    assert client.post(_url(sub)).status_code == 200
    assert client.post(_url(sub)).status_code == 200
    sub.refresh_from_db()
    assert sub.status == SubscriptionStatus.UNSUBSCRIBED


def test_unknown_unsubscribe_link_is_404(client, db):
    url = reverse("newsletters:unsubscribe", kwargs={"token": "unbekannt"})
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404


def test_unsubscribed_people_get_nothing_more(client, network, mailoutbox):
    sub = make_subscription(network, "ida@example.org")
    client.post(_url(sub))
    newsletter_deliver(newsletter_id=make_newsletter(network, status=NewsletterStatus.SENDING).pk)
    assert mailoutbox == []


def test_other_views_still_require_csrf(network, coordinator):
    # only the unsubscribe view is exempt: the subscribe form without a token is refused
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("newsletters:network", kwargs={"slug": network.slug}), {"email": "a@example.org"}
    )
    assert response.status_code == 403
