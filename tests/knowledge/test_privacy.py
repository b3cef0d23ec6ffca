"""Drafts and non-public adopters never leak: pages, lists, API, GeoJSON."""

import json

import pytest

from tests.factories import UserFactory, make_actor
from tests.knowledge.conftest import client_for, make_method, make_practice
from wandelwerk.knowledge.models import Adoption
from wandelwerk.projects.services import project_create


@pytest.fixture
def adopted(geo):
    practice = make_practice(title="Foodsharing")
    public = make_actor(geo["zwickau"], name="Öffentlicher Fairteiler")
    members = make_actor(geo["zwickau"], name="Nur-Mitglieder-Verein", visibility="members")
    private = make_actor(geo["zwickau"], name="Privater Verein", visibility="private")
    pending = make_actor(geo["zwickau"], name="Ungeprüfter Verein", status="pending")
    public_project = project_create(
        user=UserFactory(), title="Offenes Projekt", summary="s", area=geo["zwickau"], is_public=True
    )
    draft_project = project_create(
        user=UserFactory(), title="Geheimes Projekt", summary="s", area=geo["zwickau"]
    )
    for actor in (public, members, private, pending):
        Adoption.objects.create(practice=practice, actor=actor)
    Adoption.objects.create(practice=practice, project=public_project)
    Adoption.objects.create(practice=practice, project=draft_project)
    Adoption.objects.create(practice=practice, area=geo["zittau"])
    return practice


HIDDEN = ("Nur-Mitglieder-Verein", "Privater Verein", "Ungeprüfter Verein", "Geheimes Projekt")
SHOWN = ("Öffentlicher Fairteiler", "Offenes Projekt", "Zittau, Stadt")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "staff"])
def test_only_public_actors_and_projects_are_shown_as_adopters_even_to_staff(adopted, users, role):
    c = client_for(users[role])
    html = c.get(f"/wissen/praxisbeispiele/{adopted.slug}/").content.decode()
    detail = json.dumps(c.get(f"/api/v1/practices/{adopted.pk}").json(), ensure_ascii=False)
    geojson = c.get(f"/api/v1/practices/{adopted.pk}/adopters.geojson").json()
    names = {f["properties"]["name"] for f in geojson["features"]}
    for text in (html, detail):
        for name in SHOWN:
            assert name in text
        for name in HIDDEN:
            assert name not in text
    assert names == set(SHOWN)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "stranger"])
def test_drafts_are_404_for_others_on_pages_and_in_the_api(users, role):
    practice = make_practice(user=users["author"], publish=False, title="Geheime Praxis")
    method = make_method(user=users["author"], publish=False, title="Geheime Methode")
    c = client_for(users[role])
    assert c.get(f"/wissen/praxisbeispiele/{practice.slug}/").status_code == 404
    assert c.get(f"/wissen/methoden/{method.slug}/").status_code == 404
    assert c.get(f"/api/v1/practices/{practice.pk}").status_code == 404
    assert c.get(f"/api/v1/practices/{practice.pk}/adopters.geojson").status_code == 404
    assert c.get(f"/api/v1/methods/{method.pk}").status_code == 404
    for url in (
        "/wissen/",
        "/wissen/praxisbeispiele/",
        "/wissen/methoden/?q=geheim",
        "/api/v1/practices",
        "/api/v1/methods",
    ):
        body = c.get(url).content.decode()
        assert "Geheime" not in body, url


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["author", "coordinator", "staff"])
def test_author_and_editors_see_the_draft_but_the_api_stays_published_only(users, role):
    practice = make_practice(user=users["author"], publish=False, title="Geheime Praxis")
    c = client_for(users[role])
    assert c.get(f"/wissen/praxisbeispiele/{practice.slug}/").status_code == 200
    assert "Geheime Praxis" in c.get("/wissen/praxisbeispiele/").content.decode()
    assert c.get(f"/api/v1/practices/{practice.pk}").status_code == 404
