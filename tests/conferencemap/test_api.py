"""/api/v1/conference-maps: maps, wishes, GeoJSON; supporters only as a number, never by name."""

import pytest
from django.test import Client

from tests.conferencemap.conftest import client_for
from tests.factories import UserFactory
from wandelwerk.conferencemap import services


@pytest.fixture
def supporter(world):
    person = UserFactory(display_name="Erika Unterstützerin", email="erika@example.org", username="erika")
    services.wish_support(wish=world["wish"], user=person, help_role="money")
    services.comment_create(wish=world["wish"], user=person, text="Ich helfe gern.")
    return person


@pytest.mark.django_db
def test_map_list_and_detail(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        body = Client().get("/api/v1/conference-maps").json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["title"] == "Landkarte Zwickau" and item["area"] == "14524" and item["wish_count"] == 1
    assert item["network"] == "netz-a" and item["is_open"] is True
    detail = Client().get(f"/api/v1/conference-maps/{item['id']}").json()
    assert detail["actor_count"] == 0
    assert Client().get("/api/v1/conference-maps/999999").status_code == 404


@pytest.mark.django_db
def test_wish_list_counts_supporters_without_names(world, supporter, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = Client().get(f"/api/v1/conference-maps/{world['map'].pk}/wishes")
    body = response.json()
    assert body["count"] == 1
    wish = body["items"][0]
    assert wish["title"] == "Repair-Café" and wish["supporters"] == 1 and wish["area"] == "14524060"
    assert wish["topic"] == "bildung-kultur" and wish["help_role"] == "space"
    assert "author" not in wish
    text = response.content.decode()
    for private in ("Erika", "erika@example.org", world["users"]["author"].email):
        assert private not in text


@pytest.mark.django_db
def test_wish_geojson_has_public_fields_only(world, supporter):
    response = Client().get(f"/api/v1/conference-maps/{world['map'].pk}/wishes.geojson")
    body = response.json()
    assert body["type"] == "FeatureCollection" and len(body["features"]) == 1
    feature = body["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [12.39, 50.82]}
    assert set(feature["properties"]) == {
        "kind",
        "id",
        "name",
        "title",
        "topic",
        "place",
        "supporters",
        "status",
        "url",
    }
    assert "Erika" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "stranger", "coordinator"])
def test_pages_never_name_supporters(world, supporter, role):
    c = client_for(world, role)
    wish, cmap = world["wish"], world["map"]
    for url in (
        f"/landkarte/wuensche/{wish.pk}/",
        f"/landkarte/{cmap.pk}/",
        f"/landkarte/{cmap.pk}/tabelle/",
        f"/landkarte/{cmap.pk}/karte.geojson",
    ):
        text = c.get(url).content.decode()
        assert "Erika" not in text and "erika@example.org" not in text
        assert world["users"]["author"].email not in text
    page = c.get(f"/landkarte/wuensche/{wish.pk}/").content.decode()
    assert "1 Person unterstützt diesen Wunsch" in page
    assert "Geld: 1" in page and "Raum: 1" in page  # how people could help, counted
