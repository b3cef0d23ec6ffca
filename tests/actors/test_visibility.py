"""Non-public actors and unconsented personal data never leak: list, detail, API, GeoJSON, clusters."""

import pytest
from django.test import Client

from tests.factories import NetworkFactory, UserFactory, make_actor, make_member
from wandelwerk.networks.models import Role


@pytest.fixture
def world(geo):
    net_a = NetworkFactory(slug="zwickau", name="Region Zwickau", areas=[geo["zwickau_lk"]])
    net_b = NetworkFactory(slug="zittau", name="Region Zittau", areas=[geo["goerlitz_lk"]])
    owner = UserFactory()
    actors = {
        "public": make_actor(geo["zwickau"], name="Offener Verein"),
        "members": make_actor(geo["zwickau"], name="Internes Netzwerkteam", visibility="members"),
        "private": make_actor(geo["zwickau"], name="Privates Notizbuch", visibility="private", owner=owner),
        "pending": make_actor(geo["zwickau"], name="Wartender Eintrag", status="pending", owner=owner),
        "person_no_consent": make_actor(
            geo["zwickau"],
            name="Erika Mustermann",
            kind="person",
            email="erika@example.org",
            phone="0375 123",
        ),
        "person_consent": make_actor(
            geo["zittau"], name="Max Beispiel", kind="person", email="max@example.org", person_consent=True
        ),
    }
    return {
        "geo": geo,
        "a": net_a,
        "b": net_b,
        "owner": owner,
        "member_a": make_member(net_a),
        "coord_a": make_member(net_a, Role.COORDINATOR),
        "coord_b": make_member(net_b, Role.COORDINATOR),
        "actors": actors,
    }


def names_via_api(client, path="/api/v1/actors?limit=200"):
    body = client.get(path).json()
    items = body["items"] if "items" in body else [f["properties"] for f in body["features"]]
    return {i["name"] for i in items}


def client_for(user=None):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


@pytest.mark.django_db
def test_anonymous_sees_only_published_public_actors_everywhere(world):
    c = client_for()
    expected = {"Offener Verein", "Erika Mustermann", "Max Beispiel"}
    assert names_via_api(c) == expected
    assert names_via_api(c, "/api/v1/actors.geojson") == expected
    assert names_via_api(c, "/api/v1/actors/clusters?zoom=14&bbox=5,47,15,55") == expected
    for key in ("members", "private", "pending"):
        actor = world["actors"][key]
        assert c.get(f"/api/v1/actors/{actor.pk}").status_code == 404
        assert c.get(actor.get_absolute_url()).status_code == 404
        assert c.get("/api/v1/actors?q=" + actor.name.split()[0]).json()["count"] == 0
    clusters = c.get("/api/v1/actors/clusters?zoom=5").json()
    assert sum(f["properties"]["count"] for f in clusters["features"]) == 3


@pytest.mark.django_db
def test_person_contact_data_is_hidden_until_consent(world):
    c = client_for()
    no_consent = world["actors"]["person_no_consent"]
    consent = world["actors"]["person_consent"]
    body = c.get(f"/api/v1/actors/{no_consent.pk}").json()
    assert body["email"] is None and body["phone"] is None
    assert "erika@example.org" not in c.get("/api/v1/actors?limit=200").content.decode()
    assert c.get(f"/api/v1/actors/{consent.pk}").json()["email"] == "max@example.org"
    assert consent.consent_at is not None and consent.consent_text and consent.consent_version
    # persons are placed on their municipality, never an address
    assert (no_consent.lat, no_consent.lon) == (world["geo"]["zwickau"].lat, world["geo"]["zwickau"].lon)


@pytest.mark.django_db
def test_members_see_members_only_actors_of_their_network_only(world):
    assert "Internes Netzwerkteam" in names_via_api(client_for(world["member_a"]))
    assert "Internes Netzwerkteam" not in names_via_api(client_for(world["coord_b"]))
    assert "Internes Netzwerkteam" not in names_via_api(client_for(UserFactory()))


@pytest.mark.django_db
def test_owner_sees_own_pending_and_private_entries_but_others_do_not(world):
    owner_names = names_via_api(client_for(world["owner"]))
    assert {"Privates Notizbuch", "Wartender Eintrag"} <= owner_names
    coord_a = names_via_api(client_for(world["coord_a"]))
    assert "Wartender Eintrag" in coord_a and "Privates Notizbuch" not in coord_a
    assert "Wartender Eintrag" not in names_via_api(client_for(world["coord_b"]))
