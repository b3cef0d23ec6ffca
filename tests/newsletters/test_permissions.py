"""Every write route answers by role: anonymous → login, others → 403, coordinator and staff → allowed."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.newsletters.conftest import make_newsletter, make_subscription
from wandelwerk.newsletters.models import Newsletter, NewsletterStatus

pytestmark = pytest.mark.django_db

ALLOWED = {"coordinator", "staff"}
ROLES = ["anonymous", "stranger", "member", "other_coordinator", "coordinator", "staff"]


def _client(people, role):
    client = Client()
    if people[role] is not None:
        client.force_login(people[role])
    return client


def _routes(network, draft):
    s = network.slug
    body = {"subject": "Neue Förderprogramme", "body": "Text"}
    return [
        ("get", reverse("newsletters:manage", kwargs={"slug": s}), None, 200),
        ("get", reverse("newsletters:create", kwargs={"slug": s}), None, 200),
        ("post", reverse("newsletters:create", kwargs={"slug": s}), body, 302),
        ("get", reverse("newsletters:edit", kwargs={"slug": s, "pk": draft.pk}), None, 200),
        ("post", reverse("newsletters:edit", kwargs={"slug": s, "pk": draft.pk}), body, 302),
        ("get", reverse("newsletters:preview", kwargs={"slug": s, "pk": draft.pk}), None, 200),
        ("get", reverse("newsletters:export", kwargs={"slug": s}), None, 200),
        ("post", reverse("newsletters:send", kwargs={"slug": s, "pk": draft.pk}), {}, 302),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_write_routes_answer_by_role(people, network, role, django_capture_on_commit_callbacks):
    draft = make_newsletter(network)
    client = _client(people, role)
    for method, url, data, ok in _routes(network, draft):
        with django_capture_on_commit_callbacks(execute=True):
            response = getattr(client, method)(url, data or {})
        if role in ALLOWED:
            assert response.status_code == ok, (method, url)
        elif role == "anonymous":
            assert response.status_code == 302 and "/konto/" in response["Location"], (method, url)
        else:
            assert response.status_code == 403, (method, url)
    sent = Newsletter.objects.get(pk=draft.pk).status == NewsletterStatus.SENT
    assert sent == (role in ALLOWED)
    assert Newsletter.objects.filter(subject="Neue Förderprogramme").exists() == (role in ALLOWED)


def test_coordinator_of_another_network_cannot_touch_this_networks_newsletter(people, network, other_network):
    # given a draft of network A, addressed through network B's URL
    draft = make_newsletter(network)
    client = _client(people, "other_coordinator")
    url = reverse("newsletters:edit", kwargs={"slug": other_network.slug, "pk": draft.pk})
    assert client.post(url, {"subject": "Übernommen", "body": "x"}).status_code == 404
    assert Newsletter.objects.get(pk=draft.pk).subject == "Rückblick Netzwerktreffen"


def test_csv_export_lists_confirmed_addresses_only_and_neutralises_cells(people, network):
    make_subscription(network, "=cmd@example.org")
    make_subscription(network, "ida@example.org")
    make_subscription(network, "offen@example.org", status="pending")
    response = _client(people, "coordinator").get(
        reverse("newsletters:export", kwargs={"slug": network.slug})
    )
    text = response.content.decode("utf-8")
    assert response["Content-Type"].startswith("text/csv") and text.startswith("\ufeff")
    assert "'=cmd@example.org" in text and "ida@example.org" in text and "offen@example.org" not in text


def test_composing_with_bad_input_names_the_field(people, network):
    client = _client(people, "coordinator")
    response = client.post(
        reverse("newsletters:create", kwargs={"slug": network.slug}), {"subject": "", "body": ""}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#id_subject"' in html and 'href="#id_body"' in html and "Betreff" in html
    assert not Newsletter.objects.exists()


def test_segment_area_outside_the_network_is_refused(people, network, geo):
    client = _client(people, "coordinator")
    url = reverse("newsletters:create", kwargs={"slug": network.slug})
    response = client.post(url, {"subject": "Hallo", "body": "Text", "areas": [geo["sn"].pk]})
    assert response.status_code == 400 and 'href="#id_areas_0"' in response.content.decode()


def test_preview_shows_the_mail_as_sent_with_recipient_count(people, network, topics):
    make_subscription(network, "ida@example.org")
    make_subscription(network, "mobil@example.org", topics=[topics["mobilitaet"]])
    draft = make_newsletter(
        network, topics=[topics["energie"]], body="Hallo <script>alert(1)</script> **Welt**"
    )
    response = _client(people, "coordinator").get(
        reverse("newsletters:preview", kwargs={"slug": network.slug, "pk": draft.pk})
    )
    html = response.content.decode()
    assert "<strong>Welt</strong>" in html and "<script>alert" not in html
    assert "geht an 1 bestätigtes Abonnement" in html
    assert "/newsletter/abmelden/VORSCHAU/" in html
    assert html.count("<h1") == 1
