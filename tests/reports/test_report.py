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
    # and the density and white-spot maps draw each of the 3 municipalities, the potentials map
    # each of the 2 counties
    assert html.count('<path d="M') == 3 + 3 + 2
    assert "Karte: Akteure je 10.000 Einwohner je Gemeinde" in html
    assert "<title>Zwickau, Stadt: 0,3 je 10.000</title>" in html
    assert "<title>Crimmitschau, Stadt: keine Einwohnerzahl</title>" not in html
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


def test_report_shows_network_structure_circular_potential_and_introductions_for_coordinators(client, geo):
    # given a Zwickau network with three actors, one tie, one isolated actor and a matched wood flow
    from tests.circular.factories import make_flow, make_world
    from wandelwerk.circular.services import circular_match_run
    from wandelwerk.ties.models import Tie, TieKind

    world = make_world(geo)
    Tie.objects.create(source=world["carpenter"], target=world["garden"], kind=TieKind.COOPERATION)
    loner = make_actor(geo["crimmitschau"], name="Einzelkämpfer Crimmitschau")
    make_flow(world["carpenter"], "output", "wood", 100.0)
    make_flow(world["garden"], "input", "wood", 40.0)
    circular_match_run()
    # when an anonymous visitor opens the report
    html = client.get("/analyse/bericht/region-zwickau/").content.decode()
    # then the structure names the isolated actor, the circular part counts the match
    assert "1 von 3 Akteuren (33 %) hat noch keine Beziehung im Netzwerk." in html
    assert loner.name in html
    assert "1 Angebote und 1 Gesuche; 1 Vermittlungen mit 40 t pro Jahr." in html
    assert "Ohne Abnehmer: 60 t pro Jahr." in html
    assert "<title>Zwickau: 60 t pro Jahr</title>" in html
    # and introductions are for the coordination only
    assert "sieht die Koordination des Netzwerks nach der Anmeldung" in html
    client.force_login(world["coordinator"])
    html = client.get("/analyse/bericht/region-zwickau/").content.decode()
    assert "sieht die Koordination des Netzwerks nach der Anmeldung" not in html
    rows = _rows(client.get("/analyse/bericht/region-zwickau/vereinzelte.csv"))
    assert rows[1][0] == loner.name
    rows = _rows(client.get("/analyse/bericht/region-zwickau/kreislaufpotenziale.csv"))
    assert rows[1][2:5] == ["100,0", "60,0", "t"]


def test_report_page_query_count_stays_bounded(client, geo, network, django_assert_max_num_queries):
    for i in range(30):
        make_actor(geo["zwickau"] if i % 2 else geo["zittau"], name=f"Akteur {i}")
    with django_assert_max_num_queries(56):  # measured 54 on first load (43 with warm caches)
        assert client.get("/analyse/bericht/sachsen-test/").status_code == 200


def test_long_tables_show_the_first_rows_and_point_to_the_csv(client, geo):
    from wandelwerk.reports.sections import Section

    section = Section(key="x", title="X", columns=("a",), rows=[(i,) for i in range(53)])
    assert len(section.shown_rows) == 50 and section.hidden_rows == 3
    assert Section(key="y", title="Y", rows=[(1,)]).hidden_rows == 0


def test_csv_text_keeps_spreadsheets_from_running_names_as_formulas():
    text = csv_text(["name"], [('=HYPERLINK("http://x")',), ("-5 Verein",), ("Verein",)])
    assert text.splitlines()[1:] == ['"\'=HYPERLINK(""http://x"")"', "'-5 Verein", "Verein"]
