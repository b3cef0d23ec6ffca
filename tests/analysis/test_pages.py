"""The analysis pages: answers, query budgets, CSV and GeoJSON content, empty and unknown cases."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from tests.analysis.samples import opener
from tests.factories import NetworkFactory
from wandelwerk.analysis.services import statistics_load

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(gap_world):
    return NetworkFactory(slug="netz-zwickau", name="Netz Zwickau", areas=[gap_world["zwickau_lk"]])


def test_index_lists_networks_and_explains_the_thresholds(client, network):
    response = client.get("/analyse/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "/analyse/netzwerk/netz-zwickau/luecken/" in html
    assert "Poisson" in html and "0,05" in html


def test_index_search_finds_areas(client, geo):
    response = client.get("/analyse/", {"q": "Zwickau"})
    assert "/analyse/gebiet/14524/luecken/" in response.content.decode()
    assert "/analyse/kreis/14524/" in response.content.decode()


def test_network_gap_page_shows_the_white_spot_within_budget(client, network, django_assert_max_num_queries):
    client.get("/analyse/netzwerk/netz-zwickau/luecken/")  # fills the cache
    with django_assert_max_num_queries(20):
        response = client.get("/analyse/netzwerk/netz-zwickau/luecken/", {"key": "energie"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Zwickau, Stadt" in html and "Crimmitschau, Stadt" in html
    assert 'data-features-url="/analyse/netzwerk/netz-zwickau/luecken/karte.geojson?key=energie"' in html
    assert 'class="gap-spot"' in html  # the matrix cell, with its text
    assert "weißer Fleck" in html


def test_spots_csv_is_german_excel(client, network):
    response = client.get("/analyse/netzwerk/netz-zwickau/luecken/", {"format": "csv", "table": "spots"})
    text = response.content.decode("utf-8")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert text.startswith("\ufeffAGS;Gebiet;")
    line = next(x for x in text.splitlines() if x.startswith("14524330;Zwickau, Stadt;energie;"))
    assert ";0;10,12;0,00;" in line and "Crimmitschau, Stadt (2," in line


def test_matrix_and_totals_csv(client, network):
    matrix = client.get("/analyse/netzwerk/netz-zwickau/luecken/", {"format": "csv", "table": "matrix"})
    rows = matrix.content.decode().splitlines()
    assert rows[0].startswith("\ufeffAGS;Gebiet;Einwohner;Energie (Akteure);Energie (erwartet)")
    assert {r.split(";")[0] for r in rows[1:]} == {"14524330", "14524060"}
    totals = client.get("/analyse/netzwerk/netz-zwickau/luecken/", {"format": "csv", "table": "totals"})
    assert "energie;Energie;2;" in totals.content.decode()
    bad = client.get("/analyse/netzwerk/netz-zwickau/luecken/", {"format": "csv", "table": "x"})
    assert bad.status_code == 400


def test_map_geojson_colours_units_for_the_key(client, network):
    response = client.get("/analyse/netzwerk/netz-zwickau/luecken/karte.geojson", {"key": "energie"})
    data = json.loads(response.content)
    props = {f["properties"]["ags"]: f["properties"] for f in data["features"]}
    assert props["14524330"]["class"] == "spot" and props["14524330"]["count"] == 0
    assert props["14524060"]["count"] == 2
    assert data["features"][0]["geometry"]["type"] == "Polygon"
    unknown = client.get("/analyse/netzwerk/netz-zwickau/luecken/karte.geojson", {"key": "nix"})
    assert unknown.status_code == 400 and "nix" in unknown.json()["detail"]


def test_area_pages_and_unknown_regions(client, gap_world):
    assert client.get("/analyse/gebiet/14/luecken/").status_code == 200
    assert client.get("/analyse/gebiet/14524330/luecken/").status_code == 200
    assert client.get("/analyse/gebiet/99/luecken/").status_code == 404
    assert client.get("/analyse/netzwerk/gibt-es-nicht/luecken/").status_code == 404
    assert client.get("/analyse/kreis/99999/").status_code == 404
    assert client.get("/analyse/kreis/14/").status_code == 404


def test_region_without_actors_says_no_comparison(client, geo):
    response = client.get("/analyse/gebiet/14524/luecken/")
    assert response.status_code == 200
    assert "kein Vergleich möglich" in response.content.decode()


def test_county_profile_without_statistics_says_so(client, gap_world):
    response = client.get("/analyse/kreis/14524/")
    assert response.status_code == 200
    assert "Keine Statistik geladen" in response.content.decode()


def test_county_profile_compares_with_peers(client, gap_world, django_assert_max_num_queries):
    statistics_load(opener=opener())
    client.get("/analyse/kreis/14524/")
    with django_assert_max_num_queries(25):
        response = client.get("/analyse/kreis/14524/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Haushaltsabfälle insgesamt je Einwohner" in html and ">400<" in html
    assert "Datenquelle: Regionaldatenbank Deutschland, Tabelle 32121-01-02-4" in html
    assert "LocalZero / GermanZero" in html
    assert "Kleinstädtischer, dörflicher Raum (ländliche Region)" in html  # derived county type
    csv_text = client.get("/analyse/kreis/14524/", {"format": "csv"}).content.decode()
    assert csv_text.startswith("\ufeffKennzahl;Wert;")
    assert "Haushaltsabfälle insgesamt je Einwohner;400,000;kg/EW;;0;" in csv_text


def test_county_profile_counts_ties_and_isolated_actors(client, gap_world):
    from wandelwerk.actors.models import Actor
    from wandelwerk.ties.models import Tie

    a, b = Actor.objects.filter(municipality=gap_world["crimmitschau"])[:2]
    Tie.objects.create(source=a, target=b, kind="cooperation")
    html = client.get("/analyse/kreis/14524/").content.decode()
    assert "sind 1 Beziehungen erfasst; 0 Akteure" in html


def test_api_returns_gaps_of_a_network(client, network):
    from ninja import NinjaAPI

    from wandelwerk.analysis.api import router

    api = NinjaAPI(urls_namespace="analysis-test")
    api.add_router("/analysis", router)
    from ninja.testing import TestClient

    tc = TestClient(router)
    data = tc.get("/networks/netz-zwickau/gaps").json()
    assert data["region"] == "network:netz-zwickau"
    assert data["white_spots"][0]["ags"] == "14524330"
    assert tc.get("/networks/nope/gaps").status_code == 404
    assert tc.get("/areas/14524/gaps").json()["in_scope"] is True
    del api


def test_load_statistics_command_loads_the_shipped_files(geo, capsys):
    call_command("load_statistics")
    assert "Statistikwerte geladen" in capsys.readouterr().out
    from wandelwerk.analysis.models import AreaValue

    assert AreaValue.objects.filter(indicator__key="waste_total_kg", area__ags="14524").exists()
