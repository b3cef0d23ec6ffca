"""The public archive: sent newsletters only, never subscribers; API and demo."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.newsletters.conftest import make_newsletter, make_subscription
from wandelwerk.newsletters.models import Newsletter, NewsletterStatus

pytestmark = pytest.mark.django_db


def test_archive_lists_sent_newsletters_and_hides_drafts(client, network):
    make_newsletter(network, status=NewsletterStatus.SENT, subject="Neue Förderprogramme")
    make_newsletter(network, subject="Geheimer Entwurf")
    make_newsletter(network, status=NewsletterStatus.SENDING, subject="Gerade unterwegs")
    html = client.get(reverse("newsletters:network", kwargs={"slug": network.slug})).content.decode()
    assert "Neue Förderprogramme" in html
    assert "Geheimer Entwurf" not in html and "Gerade unterwegs" not in html


def test_web_view_is_public_once_sent_and_draft_only_for_coordinators(client, network, people):
    sent = make_newsletter(network, status=NewsletterStatus.SENT, body="Es war **schön**.")
    draft = make_newsletter(network, subject="Entwurf")
    url = lambda n: reverse("newsletters:detail", kwargs={"slug": network.slug, "pk": n.pk})  # noqa: E731
    page = client.get(url(sent))
    assert page.status_code == 200 and "<strong>schön</strong>" in page.content.decode()
    assert client.get(url(draft)).status_code == 404
    for role in ("stranger", "member", "other_coordinator"):
        c = Client()
        c.force_login(people[role])
        assert c.get(url(draft)).status_code == 404, role
    for role in ("coordinator", "staff"):
        c = Client()
        c.force_login(people[role])
        assert c.get(url(draft)).status_code == 200, role


def test_pages_and_api_never_show_subscriber_addresses(client, network):
    make_subscription(network, "geheim@example.org")
    sent = make_newsletter(network, status=NewsletterStatus.SENT)
    for url in (
        reverse("newsletters:network", kwargs={"slug": network.slug}),
        reverse("newsletters:detail", kwargs={"slug": network.slug, "pk": sent.pk}),
        reverse("newsletters:index"),
        "/api/v1/newsletters",
        f"/api/v1/newsletters?network={network.slug}",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"geheim@example.org" not in response.content, url


def test_api_lists_the_archive_of_a_network(client, network, other_network):
    make_newsletter(network, status=NewsletterStatus.SENT, subject="Neue Förderprogramme", body="**Geld**")
    make_newsletter(network, subject="Entwurf")
    make_newsletter(other_network, status=NewsletterStatus.SENT, subject="Woanders")
    data = client.get(f"/api/v1/newsletters?network={network.slug}").json()
    assert data["count"] == 1
    (item,) = data["items"]
    assert item["subject"] == "Neue Förderprogramme" and item["network"] == network.slug
    assert item["body_html"] == "<p><strong>Geld</strong></p>"
    assert set(item) == {"id", "network", "subject", "body", "body_html", "sent_at", "url"}
    assert client.get("/api/v1/newsletters").json()["count"] == 2


def test_lists_keep_a_query_budget(client, network, people, django_assert_max_num_queries):
    for i in range(15):
        make_newsletter(network, status=NewsletterStatus.SENT, subject=f"Ausgabe {i}")
        make_newsletter(network, subject=f"Entwurf {i}")
        make_subscription(network, f"p{i}@example.org")
    with django_assert_max_num_queries(9):
        assert client.get(reverse("newsletters:network", kwargs={"slug": network.slug})).status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get("/api/v1/newsletters?limit=50").status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get(reverse("newsletters:index")).status_code == 200
    c = Client()
    c.force_login(people["coordinator"])
    with django_assert_max_num_queries(8):
        assert c.get(reverse("newsletters:manage", kwargs={"slug": network.slug})).status_code == 200


def test_demo_is_idempotent_and_mails_nothing(geo, mailoutbox):
    from tests.factories import NetworkFactory
    from wandelwerk.newsletters.demo import load_demo

    NetworkFactory(slug="region-zwickau", name="Region Zwickau", areas=[geo["zwickau_lk"]])
    user = UserFactory()
    line = load_demo(user=user)
    assert line and "Newsletter" in line
    assert Newsletter.objects.filter(status=NewsletterStatus.SENT).count() == 3
    assert Newsletter.objects.filter(status=NewsletterStatus.DRAFT).count() == 1
    assert {n.recipient_count for n in Newsletter.objects.filter(status=NewsletterStatus.SENT)} == {6}
    assert load_demo(user=user) is None
    assert mailoutbox == []
