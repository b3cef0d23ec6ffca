"""/api/v1/practices, /api/v1/methods: published only, filters, adopters, file links."""

import io

import pytest

from tests.factories import make_actor
from tests.knowledge.conftest import make_method, make_practice
from wandelwerk.actors.models import Topic
from wandelwerk.knowledge.models import Adoption
from wandelwerk.knowledge.services import method_file_add


@pytest.fixture
def data(geo):
    mobility = Topic.objects.get(slug="mobilitaet")
    bench = make_practice(
        title="Mitfahrbank", effort="low", topics=[mobility], cost_min_eur=300, cost_max_eur=1500
    )
    make_practice(title="Energiegenossenschaft", effort="high")
    make_practice(title="Entwurf", publish=False)
    Adoption.objects.create(
        practice=bench,
        actor=make_actor(geo["crimmitschau"], name="Mitfahrbank-Initiative Crimmitschau"),
        year=2021,
    )
    Adoption.objects.create(practice=bench, area=geo["zittau"])
    template = make_method(title="Pressemitteilung", kind="template")
    method_file_add(
        method=template, title="Vorlage Pressemitteilung", name="pm.md", stream=io.BytesIO(b"# PM"), size=4
    )
    make_method(title="World Café", kind="workshop")
    make_method(title="Entwurf Methode", kind="guide", publish=False)
    return {"bench": bench, "template": template}


@pytest.mark.django_db
def test_practice_list_filters_by_search_topic_and_effort(client, data):
    body = client.get("/api/v1/practices").json()
    assert body["count"] == 2
    assert [p["title"] for p in body["items"]] == ["Energiegenossenschaft", "Mitfahrbank"]
    assert client.get("/api/v1/practices?effort=low").json()["count"] == 1
    assert client.get("/api/v1/practices?topic=mobilitaet").json()["items"][0]["title"] == "Mitfahrbank"
    assert client.get("/api/v1/practices?q=Mitfahrbänke").json()["count"] == 1
    assert client.get("/api/v1/practices?q=Energie&effort=low").json()["count"] == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "param"),
    [
        ("/api/v1/practices?effort=sehr", "effort"),
        ("/api/v1/methods?kind=buch", "kind"),
        ("/api/v1/practices?topic=nix", "topic"),
    ],
)
def test_bad_filters_are_400_naming_the_parameter(client, data, url, param):
    r = client.get(url)
    assert r.status_code == 400
    assert r.json()["detail"].startswith(f"{param}:")


@pytest.mark.django_db
def test_practice_detail_lists_public_adopters_and_cost_range(client, data):
    body = client.get(f"/api/v1/practices/{data['bench'].pk}").json()
    assert body["cost_min_eur"] == 300 and body["cost_max_eur"] == 1500
    assert {(a["kind"], a["name"]) for a in body["adopters"]} == {
        ("actor", "Mitfahrbank-Initiative Crimmitschau"),
        ("area", "Zittau, Stadt"),
    }


@pytest.mark.django_db
def test_adopters_geojson_has_one_point_per_public_adopter(client, data, geo):
    body = client.get(f"/api/v1/practices/{data['bench'].pk}/adopters.geojson").json()
    assert body["type"] == "FeatureCollection"
    coords = sorted(tuple(f["geometry"]["coordinates"]) for f in body["features"])
    assert coords == sorted(
        [(geo["crimmitschau"].lon, geo["crimmitschau"].lat), (geo["zittau"].lon, geo["zittau"].lat)]
    )
    assert all(f["properties"]["url"].startswith("/") for f in body["features"])


@pytest.mark.django_db
def test_method_detail_links_files_to_the_download_view(client, data):
    body = client.get(f"/api/v1/methods/{data['template'].pk}").json()
    assert body["kind"] == "template"
    (f,) = body["files"]
    assert f["url"].startswith(f"/wissen/methoden/{data['template'].slug}/dateien/")
    r = client.get(f["url"])
    assert r.status_code == 200 and r["Content-Disposition"].startswith("attachment")
    assert client.get("/api/v1/methods?kind=workshop").json()["items"][0]["title"] == "World Café"
    assert client.get("/api/v1/methods").json()["count"] == 2


@pytest.mark.django_db
def test_api_lists_stay_within_a_query_budget(client, data, django_assert_max_num_queries):
    for i in range(30):
        make_practice(title=f"Praxis {i}", topics=list(Topic.objects.all()[:3]))
        make_method(title=f"Methode {i}", kind="guide", topics=list(Topic.objects.all()[:3]))
    for url in ("/api/v1/practices?limit=50", "/api/v1/methods?limit=50&q=Methode"):
        with django_assert_max_num_queries(4):
            assert client.get(url).status_code == 200
