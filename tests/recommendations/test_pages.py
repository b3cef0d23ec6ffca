"""Partner suggestions for actors and projects, introductions for coordinators: pages, CSV, permissions."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import NetworkFactory, UserFactory, make_actor, make_member
from wandelwerk.actors.models import Direction, Resource, ResourceCategory, Visibility
from wandelwerk.networks.models import Role
from wandelwerk.projects.models import Need, Project
from wandelwerk.recommendations import selectors
from wandelwerk.ties.models import Tie, TieKind


@pytest.fixture(autouse=True)
def _fresh_index():
    selectors.clear_cache()
    yield
    selectors.clear_cache()


def _resource(actor, direction, title, category=ResourceCategory.SPACES):
    Resource.objects.create(actor=actor, direction=direction, category=category, title=title)


@pytest.fixture
def world(geo):
    """A repair café in Zwickau that needs rooms; a rural workshop in Zittau offering a Werkstattraum;
    a members-only actor with the same offer (never suggested); a tie so the network is known."""
    zittau = geo["zittau"]
    zittau.regiostar7 = 77
    zittau.save(update_fields=["regiostar7"])
    cafe = make_actor(geo["zwickau"], name="Repair-Café Zwickau")
    _resource(cafe, Direction.NEED, "Räume für Treffen")
    _resource(cafe, Direction.OFFER, "Lastenrad zum Ausleihen", ResourceCategory.TOOLS)
    workshop = make_actor(zittau, name="Holzwerkstatt Zittau")
    _resource(workshop, Direction.OFFER, "Werkstattraum zur Mitnutzung")
    _resource(workshop, Direction.NEED, "Lastenräder")
    hidden = make_actor(geo["zwickau"], name="Interner Verein", visibility=Visibility.MEMBERS)
    _resource(hidden, Direction.OFFER, "Werkstattraum")
    friend = make_actor(geo["crimmitschau"], name="Nachbarschaftshilfe Crimmitschau")
    Tie.objects.create(source=cafe, target=friend, kind=TieKind.COOPERATION)
    return {"cafe": cafe, "workshop": workshop, "hidden": hidden, "friend": friend}


def test_actor_page_lists_public_partner_with_german_reason(client, world, django_assert_max_num_queries):
    # given the repair café; when anyone opens its suggestions
    url = reverse("recommendations:actor", kwargs={"slug": world["cafe"].slug})
    with django_assert_max_num_queries(16):
        response = client.get(url)
    # then the workshop is suggested with the matched words, never the members-only actor
    assert response.status_code == 200
    html = response.content.decode()
    assert "Holzwerkstatt Zittau" in html
    assert "bietet Werkstattraum, Sie suchen Räume" in html
    assert "sucht Lastenrad, Sie bieten Lastenrad" in html
    assert "ländlichen Raum" in html
    assert "Interner Verein" not in html
    assert html.count("<h1") == 1


def test_actor_page_csv_has_bom_semicolons_and_reason(client, world):
    url = reverse("recommendations:actor", kwargs={"slug": world["cafe"].slug})
    response = client.get(url, {"format": "csv"})
    text = response.content.decode("utf-8")
    assert response["Content-Type"].startswith("text/csv")
    assert text.startswith("\ufeffRang;Akteur;")
    assert "Holzwerkstatt Zittau;Zittau, Stadt" in text
    assert "bietet Werkstattraum, Sie suchen Räume" in text


def test_actor_page_is_404_for_members_only_actor(client, world):
    url = reverse("recommendations:actor", kwargs={"slug": world["hidden"].slug})
    assert client.get(url).status_code == 404


def test_bad_radius_is_named_and_ignored(client, world):
    url = reverse("recommendations:actor", kwargs={"slug": world["cafe"].slug})
    response = client.get(url, {"km": "weit"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "muss eine Zahl in Kilometern sein" in html
    assert "Holzwerkstatt Zittau" in html


def test_radius_leaves_out_partners_further_away(client, world):
    url = reverse("recommendations:actor", kwargs={"slug": world["cafe"].slug})
    html = client.get(url, {"km": "5"}).content.decode()
    assert "Holzwerkstatt Zittau" not in html  # Zwickau–Zittau is far more than 5 km


def _project(geo, *, public=True):
    project = Project.objects.create(
        title="Offene Werkstatt",
        slug="offene-werkstatt",
        summary="Reparieren",
        area=geo["zwickau"],
        lat=geo["zwickau"].lat,
        lon=geo["zwickau"].lon,
        is_public=public,
    )
    Need.objects.create(project=project, category=ResourceCategory.SPACES, title="Werkstatt gesucht")
    return project


def test_project_page_suggests_compound_offer_for_open_need(
    client, world, geo, django_assert_max_num_queries
):
    project = _project(geo)
    url = reverse("recommendations:project", kwargs={"slug": project.slug})
    with django_assert_max_num_queries(16):
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Holzwerkstatt Zittau" in html
    assert "bietet Werkstattraum, Sie suchen Werkstatt" in html


def test_project_draft_is_hidden_from_anonymous(client, world, geo):
    project = _project(geo, public=False)
    url = reverse("recommendations:project", kwargs={"slug": project.slug})
    assert client.get(url).status_code == 404


@pytest.fixture
def network(geo):
    return NetworkFactory(slug="netz-sachsen", name="Netz Sachsen", areas=[geo["sn"]])


def test_network_page_requires_login_and_coordination(client, world, network):
    url = reverse("recommendations:network", kwargs={"slug": network.slug})
    # anonymous: sent to the login page
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    # a plain member: forbidden
    client.force_login(make_member(network, Role.MEMBER))
    assert client.get(url).status_code == 403
    # a coordinator of another network: forbidden
    other = NetworkFactory(slug="netz-b")
    client.force_login(make_member(other, Role.COORDINATOR))
    assert client.get(url).status_code == 403


def test_coordinator_sees_introductions_with_reason_and_csv(
    client, world, network, django_assert_max_num_queries
):
    client.force_login(make_member(network, Role.COORDINATOR))
    url = reverse("recommendations:network", kwargs={"slug": network.slug})
    with django_assert_max_num_queries(20):
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Holzwerkstatt Zittau" in html and "Repair-Café Zwickau" in html
    assert "bisher unverbundenen Akteur" in html
    assert "Interner Verein" not in html
    csv_text = client.get(url, {"format": "csv"}).content.decode("utf-8")
    assert csv_text.startswith("\ufeffRang;Akteur A;")
    assert "Holzwerkstatt Zittau" in csv_text


def test_staff_may_see_introductions(client, world, network):
    client.force_login(UserFactory(is_staff=True))
    url = reverse("recommendations:network", kwargs={"slug": network.slug})
    assert client.get(url).status_code == 200


def test_introductions_selector_returns_pairs_without_existing_ties(world, network):
    rows = selectors.introductions(network=network, limit=10)
    pairs = {frozenset((r.a.pk, r.b.pk)) for r in rows}
    assert frozenset((world["cafe"].pk, world["workshop"].pk)) in pairs
    assert frozenset((world["cafe"].pk, world["friend"].pk)) not in pairs  # already tied
    assert all(r.text for r in rows)


def test_index_is_rebuilt_after_a_new_offer(world):
    first = selectors.load_index()
    assert selectors.load_index() is first  # unchanged data: cached
    _resource(world["friend"], Direction.OFFER, "Saatgut", ResourceCategory.MATERIALS)
    assert selectors.load_index() is not first
