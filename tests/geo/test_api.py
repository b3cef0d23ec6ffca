"""/api/v1/areas on the real Saxon geography."""

from __future__ import annotations

import pytest

from tests.factories import make_actor
from wandelwerk.actors.models import Visibility
from wandelwerk.geo.models import Area

LIST_KEYS = {
    "ags",
    "ars",
    "name",
    "kind",
    "kind_label",
    "parent_ags",
    "population",
    "population_date",
    "area_km2",
    "lat",
    "lon",
    "regiostar7",
    "degurba",
    "url",
}


@pytest.fixture
def sx(saxony, db):
    return saxony


def test_list_searches_names_without_umlauts_and_pages(client, sx, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        body = client.get("/api/v1/areas", {"q": "goerlitz"}).json()
    assert body["count"] == 2
    assert [(i["ags"], i["kind"]) for i in body["items"]] == [
        ("14626", "county"),
        ("14626110", "municipality"),
    ]
    assert set(body["items"][0]) == LIST_KEYS
    assert body["items"][1]["parent_ags"] == "14626"

    page = client.get("/api/v1/areas", {"kind": "county", "parent": "14", "limit": 5, "offset": 10}).json()
    assert page["count"] == 13
    assert len(page["items"]) == 3
    assert all(i["kind"] == "county" and i["parent_ags"] == "14" for i in page["items"])


def test_list_filters_municipalities_of_a_county(client, sx):
    body = client.get("/api/v1/areas", {"parent": "14524", "limit": 200}).json()
    assert body["count"] == Area.objects.filter(parent__ags="14524").count() > 10
    assert {i["kind"] for i in body["items"]} == {"municipality"}


@pytest.mark.parametrize(
    ("params", "where"),
    [({"kind": "planet"}, "kind"), ({"limit": 0}, "limit"), ({"parent": "abc"}, "parent")],
)
def test_list_refuses_bad_parameters_naming_them(client, sx, params, where):
    response = client.get("/api/v1/areas", params)
    assert response.status_code == 422
    assert where in str(response.json()["detail"][0]["loc"])


def test_detail_has_figures_labels_and_visible_actor_count(client, sx, django_assert_max_num_queries):
    city = Area.objects.get(ags="14524330")
    make_actor(city, name="Offen")
    make_actor(city, name="Privat", visibility=Visibility.PRIVATE)

    with django_assert_max_num_queries(3):
        response = client.get("/api/v1/areas/14524330")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == LIST_KEYS | {"regiostar7_label", "degurba_label", "actor_count", "boundary_url"}
    assert body["name"] == "Zwickau" and body["kind"] == "municipality" and body["parent_ags"] == "14524"
    assert body["population"] == city.population and body["population_date"] == "2022-05-15"
    assert (body["regiostar7"], body["regiostar7_label"]) == (75, "Zentrale Stadt (ländliche Region)")
    assert (body["degurba"], body["degurba_label"]) == (1, "dicht besiedelt")
    assert body["actor_count"] == 1
    assert body["boundary_url"] == "/regionen/14524330/grenze.geojson"

    state = client.get("/api/v1/areas/14").json()
    assert state["parent_ags"] is None and state["actor_count"] == 1 and state["regiostar7_label"] is None


@pytest.mark.parametrize("ags", ["99999999", "15", "abc", "1"])
def test_unknown_area_is_404_json(client, sx, ags):
    response = client.get(f"/api/v1/areas/{ags}")
    assert response.status_code == 404
    assert "Unbekanntes Gebiet" in response.json()["detail"]
