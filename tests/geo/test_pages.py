"""Area pages, boundary GeoJSON and base maps on the real Saxon geography."""

from __future__ import annotations

import json

import pytest

from tests.factories import make_actor
from wandelwerk.actors.models import Status, Visibility
from wandelwerk.geo import views
from wandelwerk.geo.models import Area


@pytest.fixture
def sx(saxony, db):
    return saxony


@pytest.fixture
def zwickau_actors(sx):
    """Two visible actors in the city of Zwickau, one private, one awaiting review."""
    city = Area.objects.get(ags="14524330")
    return {
        "public": [make_actor(city, name="Repair-Café Zwickau"), make_actor(city, name="Solawi Zwickau")],
        "private": make_actor(city, name="Geheimer Kreis", visibility=Visibility.PRIVATE),
        "pending": make_actor(city, name="Noch nicht geprüft", status=Status.PENDING),
    }


def test_search_page_lists_the_states_and_finds_places_by_name_and_postcode(
    client, sx, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        response = client.get("/regionen/")
    assert response.status_code == 200
    assert b'href="/regionen/14/"' in response.content

    with django_assert_max_num_queries(4):
        by_name = client.get("/regionen/", {"q": "Goerlitz"}).content.decode()
    assert 'href="/regionen/14626/"' in by_name and 'href="/regionen/14626110/"' in by_name

    with django_assert_max_num_queries(6):
        by_plz = client.get("/regionen/", {"q": "08056"}).content.decode()
    assert 'href="/regionen/14524330/"' in by_plz

    nothing = client.get("/regionen/", {"q": "Atlantis"}).content.decode()
    assert "kein Gebiet gefunden" in nothing


@pytest.mark.parametrize(
    ("ags", "expected"),
    [
        ("14", ["Sachsen", 'href="/regionen/14524/"', "Landkreise und kreisfreie Städte"]),
        ("14524", ["Zwickau", 'href="/regionen/14/"', 'href="/regionen/14524330/"', "Crimmitschau"]),
        (
            "14524330",
            ["Zwickau", 'href="/regionen/14524/"', "Zentrale Stadt (ländliche Region)", "dicht besiedelt"],
        ),
    ],
)
def test_area_page_shows_figures_parents_and_children(
    client, sx, ags, expected, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):
        response = client.get(f"/regionen/{ags}/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in expected:
        assert text in html
    area = Area.objects.get(ags=ags)
    assert f'data-boundary-url="/regionen/{ags}/grenze.geojson"' in html
    assert f'data-actors-url="/api/v1/actors.geojson?area={ags}"' in html
    assert '<a href="https://www.bkg.bund.de">BKG</a> 2021 (Daten verändert)' in html
    assert f"{area.population:,}".replace(",", ".") in html
    assert area.population_date.strftime("%d.%m.%Y") in html
    assert html.count("<h1") == 1


def test_municipality_page_shows_population_date_area_and_density(client, sx):
    html = client.get("/regionen/14713000/").content.decode()
    assert "598.899" in html and "Stand 15.05.2022" in html
    assert "297,8" in html and "km²" in html
    assert "2.011" in html  # 598,899 / 297.8 km²
    assert "Metropole" in html


def test_area_page_lists_only_visible_actors_for_each_level(
    client, zwickau_actors, django_assert_max_num_queries
):
    for ags in ("14", "14524", "14524330"):
        with django_assert_max_num_queries(6):
            html = client.get(f"/regionen/{ags}/").content.decode()
        assert "Repair-Café Zwickau" in html and "Solawi Zwickau" in html
        assert zwickau_actors["public"][0].get_absolute_url() in html
        assert "Geheimer Kreis" not in html and "Noch nicht geprüft" not in html
        assert "<dd>2</dd>" in html
    other = client.get("/regionen/14713000/").content.decode()
    assert "Repair-Café Zwickau" not in other and "<dd>0</dd>" in other


def test_area_page_shows_the_first_twenty_actors_and_the_total(client, sx):
    city = Area.objects.get(ags="14524330")
    for n in range(22):
        make_actor(city, name=f"Initiative {n:02d}")
    html = client.get("/regionen/14524330/").content.decode()
    assert html.count('href="/akteure/initiative-') == 20
    assert "Initiative 19" in html and "Initiative 20" not in html
    assert "Alle 22 Akteure anzeigen" in html


@pytest.mark.parametrize("path", ["/regionen/99999999/", "/regionen/15/", "/regionen/123/", "/regionen/abc/"])
def test_unknown_area_is_404(client, sx, path):
    assert client.get(path).status_code == 404


def test_boundary_is_a_cacheable_geojson_feature(client, sx):
    response = client.get("/regionen/14524/grenze.geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert "max-age=86400" in response["Cache-Control"] and "public" in response["Cache-Control"]
    feature = json.loads(response.content)
    assert feature["type"] == "Feature"
    assert feature["properties"] == {"ags": "14524", "name": "Zwickau", "kind": "county"}
    assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")

    missing = client.get("/regionen/14999/grenze.geojson")
    assert missing.status_code == 404 and "14999" in missing.json()["detail"]


def test_state_and_county_base_maps_are_simplified_and_cacheable(client, sx, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        states = client.get("/regionen/karte/state.geojson")
    assert states.status_code == 200
    assert "max-age=86400" in states["Cache-Control"]
    collection = json.loads(states.content)
    assert [f["properties"] for f in collection["features"]] == [{"ags": "14", "name": "Sachsen"}]
    full = json.loads(Area.objects.get(ags="14").boundary)
    assert len(json.dumps(collection["features"][0]["geometry"])) < len(json.dumps(full))

    counties = json.loads(client.get("/regionen/karte/county.geojson").content)
    assert len(counties["features"]) == 13
    near_zwickau = json.loads(
        client.get("/regionen/karte/county.geojson", {"bbox": "12.4,50.7,12.5,50.8"}).content
    )
    assert "14524" in {f["properties"]["ags"] for f in near_zwickau["features"]}
    assert len(near_zwickau["features"]) < 13


def test_municipality_base_map_needs_a_bbox_and_is_capped(client, sx, monkeypatch):
    assert client.get("/regionen/karte/municipality.geojson").status_code == 400
    leipzig_area = json.loads(
        client.get("/regionen/karte/municipality.geojson", {"bbox": "12.3,51.3,12.4,51.4"}).content
    )
    assert "14713000" in {f["properties"]["ags"] for f in leipzig_area["features"]}
    assert leipzig_area["truncated"] is False

    monkeypatch.setattr(views, "BASEMAP_MUNICIPALITY_CAP", 3)
    capped = json.loads(
        client.get("/regionen/karte/municipality.geojson", {"bbox": "11.8,50.1,15.1,51.7"}).content
    )
    assert capped["truncated"] is True
    assert [f["properties"]["name"] for f in capped["features"]] == ["Leipzig", "Dresden", "Chemnitz"]


@pytest.mark.parametrize(
    ("bbox", "message"),
    [
        ("12,50,13", "genau vier Zahlen"),
        ("12,50,13,51,14", "genau vier Zahlen"),
        ("a,50,13,51", "keine Zahl"),
        ("nan,50,13,51", "ungültige Zahl"),
        ("12,50,inf,51", "ungültige Zahl"),
        ("-200,50,13,51", "Längengrade"),
        ("12,-95,13,51", "Breitengrade"),
        ("13,50,12,51", "minLon muss kleiner"),
        ("12,51,13,51", "minLat kleiner"),
    ],
)
def test_bad_bbox_is_refused_with_a_message_naming_the_problem(client, sx, bbox, message):
    response = client.get("/regionen/karte/county.geojson", {"bbox": bbox})
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_unknown_base_map_level_is_refused(client, sx):
    response = client.get("/regionen/karte/planet.geojson")
    assert response.status_code == 400 and "planet" in response.json()["detail"]


def test_sources_page_names_every_source_and_the_odbl(client, db):
    html = client.get("/datenquellen/").content.decode()
    for text in (
        "GeoBasis-DE",
        "Zensus 2022",
        "Gemeindeverzeichnis",
        "12411-01-01-4",
        "RegioStaR",
        "OpenStreetMap",
        "ODbL",
        "https://www.govdata.de/dl-de/by-2-0",
        "https://opendatacommons.org/licenses/odbl/1-0/",
    ):
        assert text in html
    assert html.count("<h1") == 1
