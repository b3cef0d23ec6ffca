"""The potential-analysis report: one page per network, every table also as CSV."""

from __future__ import annotations

import csv
import io

import pytest

from tests.factories import NetworkFactory, make_actor
from wandelwerk.actors.models import Sector, Visibility
from wandelwerk.core.csvexport import csv_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(geo):
    return NetworkFactory(
        slug="sachsen-test", name="Sachsen-Test", areas=[geo["zwickau_lk"], geo["goerlitz_lk"]]
    )


def _rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_report_counts_actors_per_county_and_sector(client, geo, network):
    # given three public actors in Zwickau county, one in Görlitz and one members-only actor
    for i in range(3):
        make_actor(geo["zwickau"], name=f"Verein {i}")
    make_actor(geo["zittau"], name="Firma Zittau", sector=Sector.BUSINESS)
    make_actor(geo["zittau"], name="Intern", visibility=Visibility.MEMBERS)
    # when an anonymous visitor opens the report
    response = client.get("/analyse/bericht/sachsen-test/")
    # then the page counts the four public actors, by sector, with densities
    assert response.status_code == 200
    html = response.content.decode()
    assert "4 Akteure in 2 Gebieten mit 560.000 Einwohnern." in html
    assert "Zivilgesellschaft: 3; Wirtschaft: 1" in html  # the chart's text alternative
    assert "Intern" not in html
    rows = _rows(client.get("/analyse/bericht/sachsen-test/akteure.csv"))
    assert rows[0][:4] == ["Kreis", "Kreisschlüssel", "Einwohner", "Akteure"]
    assert rows[1][1:] == ["14524", "310000", "3", "0,1"]
    assert rows[2][1:] == ["14626", "250000", "1", "0,04"]


def test_report_of_empty_network_says_so(client, geo, network):
    response = client.get("/analyse/bericht/sachsen-test/")
    assert response.status_code == 200
    assert "noch keine Akteure eingetragen" in response.content.decode()


def test_unknown_network_or_section_is_not_found(client, geo, network):
    assert client.get("/analyse/bericht/gibt-es-nicht/").status_code == 404
    assert client.get("/analyse/bericht/gibt-es-nicht/akteure.csv").status_code == 404
    assert client.get("/analyse/bericht/sachsen-test/unbekannt.csv").status_code == 404


def test_csv_text_uses_semicolons_decimal_comma_and_empty_cells_for_none():
    text = csv_text(["a", "b", "c"], [(1.5, None, "x;y")])
    assert text == '\ufeffa;b;c\r\n1,5;;"x;y"\r\n'
