"""Board, map data, detail, forms, methods and region pages: answers, privacy, CSV, query budgets."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.circular.factories import make_flow
from tests.factories import make_actor
from wandelwerk.actors.models import Visibility
from wandelwerk.circular.models import MaterialFlow
from wandelwerk.circular.services import circular_match_run
from wandelwerk.engines.circular_taxonomy import CLASSES

pytestmark = pytest.mark.django_db


@pytest.fixture
def market(world):
    offer = make_flow(world["carpenter"], title="Restholz aus der Zimmerei", quantity=10)
    need = make_flow(world["garden"], direction="input", title="Holz für Hochbeete", quantity=4)
    compost = make_flow(
        world["garden"], direction="input", material="biomass", title="Strukturmaterial", quantity=3
    )
    circular_match_run()
    return {"offer": offer, "need": need, "compost": compost}


def test_board_lists_offers_and_needs_within_a_query_budget(
    client, market, world, django_assert_max_num_queries
):
    for i in range(30):
        make_flow(world["carpenter"], title=f"Angebot {i}")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("circular:board"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "33 Materialströme" in html
    assert html.count("<h1") == 1


def test_board_filters_by_direction_material_county_network_and_text(client, market, world, geo):
    def titles(**params):
        html = client.get(reverse("circular:board"), params).content.decode()
        return {
            t for t in ("Restholz aus der Zimmerei", "Holz für Hochbeete", "Strukturmaterial") if t in html
        }

    assert titles(direction="output") == {"Restholz aus der Zimmerei"}
    assert titles(material="biomass") == {"Strukturmaterial"}
    assert titles(county="14524", direction="input") == {"Holz für Hochbeete", "Strukturmaterial"}
    assert titles(network="region-goerlitz") == set()
    assert titles(q="hochbeete") == {"Holz für Hochbeete"}


def test_bad_filter_value_is_named(client, market):
    response = client.get(reverse("circular:board"), {"material": "gold"})
    assert response.status_code == 400
    assert "Unbekanntes Material „gold“" in response.content.decode()


def test_board_csv_is_german_excel_and_neutralises_formulas(client, world):
    make_flow(world["carpenter"], title="=HYPERLINK(1)")
    response = client.get(reverse("circular:board"), {"format": "csv"})
    body = response.content.decode("utf-8")
    assert response["Content-Type"].startswith("text/csv")
    assert body.startswith("\ufeffid;richtung;material")
    assert "'=HYPERLINK(1)" in body


def test_geojson_has_one_feature_per_visible_flow(client, market):
    data = client.get(reverse("circular:geojson"), {"direction": "input"}).json()
    assert {f["properties"]["id"] for f in data["features"]} == {market["need"].pk, market["compost"].pk}


def test_flows_of_hidden_actors_stay_hidden(client, geo, login, world):
    hidden = make_actor(
        geo["zwickau"], name="Verborgener Betrieb", visibility=Visibility.PRIVATE, owner=world["owner"]
    )
    flow = make_flow(hidden, title="Geheimes Holz")
    assert "Geheimes Holz" not in client.get(reverse("circular:board")).content.decode()
    assert client.get(reverse("circular:detail", kwargs={"pk": flow.pk})).status_code == 404
    assert not client.get(reverse("circular:geojson")).json()["features"]
    assert login(world["owner"]).get(reverse("circular:detail", kwargs={"pk": flow.pk})).status_code == 200


def test_detail_shows_matches_with_distance_and_labelled_estimates(client, market):
    response = client.get(reverse("circular:detail", kwargs={"pk": market["offer"].pk}))
    html = response.content.decode()
    assert "Holz für Hochbeete" in html and "Strukturmaterial" in html
    assert re.search(r"1\d,\d km", html)
    assert "Schätzwerte, noch nicht mit UBA-Quellen abgeglichen" in html
    assert reverse("circular:methods") in html


def test_partner_of_a_hidden_actor_is_not_named(client, geo, world):
    hidden = make_actor(geo["crimmitschau"], name="Stiller Abnehmer", visibility=Visibility.MEMBERS)
    offer = make_flow(world["carpenter"])
    make_flow(hidden, direction="input", title="Verdeckter Bedarf")
    circular_match_run()
    html = client.get(reverse("circular:detail", kwargs={"pk": offer.pk})).content.decode()
    assert "nicht öffentlicher Akteur" in html
    assert "Verdeckter Bedarf" not in html and "Stiller Abnehmer" not in html


def test_new_flow_says_matches_come_with_the_next_run(client, market, world):
    fresh = make_flow(world["carpenter"], title="Neu")
    html = client.get(reverse("circular:detail", kwargs={"pk": fresh.pk})).content.decode()
    assert "beim nächsten Abgleich berechnet" in html
    assert "zuletzt berechnet am" in html


def test_create_form_saves_a_flow_and_names_errors(world, login):
    c = login(world["owner"])
    url = reverse("circular:create") + f"?akteur={world['carpenter'].slug}"
    form = {"direction": "output", "material": "wood", "title": "Eichenreste", "quantity": "2,5", "unit": "t",
            "frequency": "yearly", "avv_code": "17 01 01"}  # fmt: skip
    response = c.post(url, form)
    assert response.status_code == 200
    assert "gehört zu „Bauschutt“, nicht zu „Holz“" in response.content.decode()
    assert not MaterialFlow.objects.exists()
    response = c.post(url, form | {"avv_code": "", "quantity": "2.5"})
    flow = MaterialFlow.objects.get()
    assert response["Location"] == flow.get_absolute_url()
    assert flow.quantity == 2.5 and flow.created_by == world["owner"]


def test_actor_picker_lists_own_actors(world, login):
    html = login(world["owner"]).get(reverse("circular:create")).content.decode()
    assert "Zimmerei Zwickau GmbH" in html


def test_methods_page_lists_every_factor(client):
    html = client.get(reverse("circular:methods")).content.decode()
    assert "Schätzwerte, noch nicht mit UBA-Quellen abgeglichen" in html
    for info in CLASSES.values():
        assert info.label_de in html
    assert "0.12" in html or "0,12" in html


def test_region_page_shows_potentials_sankey_and_totals(client, market, world, django_assert_max_num_queries):
    url = reverse("circular:region", kwargs={"slug": "region-zwickau"})
    with django_assert_max_num_queries(14):
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    svg = html[html.index('<svg class="sankey"') : html.index("</svg>", html.index('<svg class="sankey"'))]
    assert "<title" in svg and "<desc" in svg
    # two chains (wood reused as wood, wood as compost structure) share their first two steps
    assert svg.count('<path class="band') == 4
    assert "Holz → Zwickau" in svg
    for use in ("Wiederverwendung als Holz", "Strukturmaterial für Kompost"):
        assert f"Zwickau → {use}" in svg
        assert f"<td>{use}</td>" in html
    assert '<table class="data chains">' in html
    assert "t CO2e" in html


def test_region_csv_tables(client, market):
    url = reverse("circular:region", kwargs={"slug": "region-zwickau"})
    chains = client.get(url, {"format": "csv", "table": "chains"}).content.decode()
    assert chains.startswith("\ufeffmaterial;von_kreis;nach_kreis;verwendung")
    assert "Holz;Zwickau;Zwickau;" in chains
    potentials = client.get(url, {"format": "csv", "table": "potentials"}).content.decode()
    assert "14524;Zwickau;wood;t;10,000;" in potentials
    assert client.get(url, {"format": "csv", "table": "nope"}).status_code == 400


def test_unknown_network_is_404(client, db):
    assert client.get(reverse("circular:region", kwargs={"slug": "gibt-es-nicht"})).status_code == 404
