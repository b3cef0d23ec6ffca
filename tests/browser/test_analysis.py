"""Issue 6 in the browser: a coordinator of a demo region reads the potential-analysis report and
follows it to the white-spot map, the network graph (by keyboard), the circular potentials with their
Sankey diagram and the partner suggestions. axe-core finds nothing on any of these pages, and the
pages work on a phone-sized screen."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Guard, Installation
from tests.browser.helpers import COORDINATOR, axe_violations, log_in

pytestmark = pytest.mark.browser

REGION = "region-zwickau"

_ACTOR_WITH_OFFERS = """
from wandelwerk.actors.models import Actor
from wandelwerk.actors.visibility import public_q
actor = (Actor.objects.filter(public_q(), resources__direction="need", county__ags="14524")
         .order_by("id").first())
print(actor.slug)
"""


def _no_axe_violations(page: Page) -> None:
    violations = axe_violations(page)
    assert not violations, f"{page.url}:\n{violations}"


def _fits_phone(page: Page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{page.url} is {overflow}px wider than the phone screen"


def test_coordinator_reads_the_report_of_a_demo_region(page: Page) -> None:
    # given the demo coordinator on the page of a regional network
    log_in(page, COORDINATOR)
    page.goto(f"/netzwerke/{REGION}/")
    # when they open the potential-analysis report
    page.get_by_role("link", name=re.compile("^Bericht: Akteure, weiße Flecken")).click()
    # then every part is there with findings in words, charts with text alternatives and tables
    expect(page.get_by_role("heading", level=1)).to_contain_text("Potenzialanalyse")
    for title in (
        "Akteure und Initiativen",
        "Weiße Flecken",
        "Netzwerkstruktur",
        "Akteure ohne Verbindung",
        "Kreislaufpotenziale",
        "Wertschöpfungsketten",
        "Empfohlene Vorstellungen",
    ):
        expect(page.get_by_role("heading", level=2, name=re.compile(re.escape(title)))).to_be_visible()
    expect(page.locator("#weisse-flecken .findings")).to_contain_text("weiße")
    expect(page.locator("#netzwerkstruktur .findings")).to_contain_text("keine Beziehung im Netzwerk")
    expect(page.locator("#kreislaufpotenziale .findings")).to_contain_text("Vermittlungen")
    assert page.locator("#empfehlungen tbody tr").count() > 0
    charts = page.locator("svg[role=img]")
    assert charts.count() >= 4
    for i in range(charts.count()):
        assert charts.nth(i).get_attribute("aria-labelledby")
    _no_axe_violations(page)
    # and the data behind a chart downloads as CSV for a spreadsheet
    href = page.locator("#kreislaufpotenziale a", has_text="als CSV").get_attribute("href")
    response = page.request.get(href)
    assert response.ok and response.headers["content-type"].startswith("text/csv")
    assert response.text().startswith("\ufeffKreis;Material;")


def test_white_spot_map_switches_topic_and_names_helpers(page: Page) -> None:
    page.goto(f"/analyse/netzwerk/{REGION}/luecken/")
    page.locator("#gap-map path.leaflet-interactive").first.wait_for()
    _no_axe_violations(page)
    # switching the topic reloads the map for it (the select submits by itself)
    select = page.locator("#gap-key")
    other = select.locator("option").nth(2).get_attribute("value")
    select.select_option(other)
    page.wait_for_url(re.compile(rf"key={re.escape(other)}"))
    page.locator("#gap-map path.leaflet-interactive").first.wait_for()
    expect(page.get_by_role("heading", level=2, name=re.compile("^Karte: "))).to_be_visible()


def test_network_graph_can_be_explored_by_keyboard(page: Page) -> None:
    page.goto(f"/analyse/beziehungen/{REGION}/")
    nodes = page.locator(".ties-graph-canvas circle")
    nodes.first.wait_for()
    assert nodes.count() > 20
    # a node reached by keyboard opens the actor's card
    nodes.first.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".ties-card h3")).not_to_be_empty()
    expect(page.locator(".ties-card a")).to_have_attribute("href", re.compile("^/akteure/"))
    # a sector filter hides the others
    page.locator("#graph-sector").select_option(index=1)
    assert page.locator(".ties-graph-canvas circle.is-hidden").count() > 0
    _no_axe_violations(page)


def test_circular_potentials_and_board_work_on_a_phone(new_page, installation: Installation) -> None:
    page = new_page(width=360, height=740)
    page.goto(f"/kreislauf/netzwerk/{REGION}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kreislaufpotenziale")
    sankey = page.locator("svg.sankey")
    expect(sankey).to_be_visible()
    assert sankey.locator("title").count() >= 1
    _no_axe_violations(page)
    _fits_phone(page)
    page.goto("/kreislauf/")
    expect(page.get_by_role("heading", level=2, name=re.compile("Materialstr"))).to_be_visible()
    _no_axe_violations(page)
    _fits_phone(page)


def test_partner_suggestions_explain_themselves(page: Page, installation: Installation) -> None:
    slug = installation.manage("shell", "-c", _ACTOR_WITH_OFFERS).strip().splitlines()[-1]
    page.goto(f"/akteure/{slug}/")
    page.get_by_role("link", name="Passende Partner finden").click()
    suggestions = page.locator("ol.suggestions > li")
    suggestions.first.wait_for()
    expect(suggestions.first.locator(".reason")).not_to_be_empty()
    _no_axe_violations(page)


def test_county_profile_and_analysis_index(page: Page) -> None:
    page.goto("/analyse/")
    _no_axe_violations(page)
    page.goto("/analyse/kreis/14524/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Zwickau")
    expect(page.locator("body")).to_contain_text("kg")
    _no_axe_violations(page)


def test_coordinator_connects_an_unconnected_actor_and_a_bad_edge_list_writes_nothing(
    page: Page, guard: Guard
) -> None:
    # refused forms answer 400 / 422 on purpose
    guard.allow_console_error(r"status of 400 \(Bad Request\) @ .*/analyse/beziehungen/neu/")
    guard.allow_console_error(r"status of 422 \(Unprocessable Entity\) @ .*/analyse/beziehungen/import/")
    # given the coordinator on the network-structure page of a region
    log_in(page, COORDINATOR)
    page.goto(f"/analyse/beziehungen/{REGION}/")
    ties_before = int(page.locator("#fig-ties").inner_text())
    isolated_before = int(page.locator("#fig-isolated").inner_text())
    # when they open an actor without ties and record a tie, first with bad input
    page.locator("section[aria-labelledby=isolierte] tbody a").first.click()
    page.get_by_role("link", name="Beziehungen im Netzwerk").click()
    page.get_by_role("link", name="Beziehung erfassen").click()
    page.get_by_label("Anderer Akteur").fill("gibt-es-nicht")
    page.get_by_label("seit", exact=True).fill("2025-05-01")
    page.get_by_label("bis", exact=True).fill("2024-01-01")
    page.get_by_role("button", name="Beziehung speichern").click()
    # then the errors name the fields
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Keinen sichtbaren Akteur mit dem Kürzel oder Namen „gibt-es-nicht“")
    expect(summary).to_contain_text("Das Ende liegt vor dem Beginn.")
    _no_axe_violations(page)
    # and with a partner from the suggestions the tie is saved and counted on the network page
    partner = page.locator("#tie-targets option").first.get_attribute("value")
    page.get_by_label("Anderer Akteur").fill(partner)
    page.get_by_label("bis", exact=True).fill("")
    page.get_by_role("button", name="Beziehung speichern").click()
    expect(page.locator("body")).to_contain_text("ist erfasst")
    page.goto(f"/analyse/beziehungen/{REGION}/")
    assert int(page.locator("#fig-ties").inner_text()) == ties_before + 1
    assert int(page.locator("#fig-isolated").inner_text()) < isolated_before
    # an edge list with one bad row is refused as a whole
    page.goto("/analyse/beziehungen/import/")
    rows = f"source;target;kind\n{partner};{partner}-x;Kooperation\n"
    page.get_by_label("Kantenliste (CSV)").set_input_files(
        files=[{"name": "ties.csv", "mimeType": "text/csv", "buffer": rows.encode()}]
    )
    page.get_by_label("Nur prüfen, nichts schreiben").uncheck()
    page.get_by_role("button", name="Hochladen").click()
    expect(page.locator("[role=alert]").first).to_contain_text("es wurde nichts geschrieben")
    expect(page.locator("[role=alert]").first).to_contain_text("Zeile 2")
    page.goto(f"/analyse/beziehungen/{REGION}/")
    assert int(page.locator("#fig-ties").inner_text()) == ties_before + 1


def test_a_material_need_is_entered_checked_and_matched_by_the_next_run(
    page: Page, guard: Guard, installation: Installation
) -> None:
    guard.allow_console_error(r"status of 400 \(Bad Request\) @ .*/kreislauf/neu/")
    slug = installation.manage("shell", "-c", _ACTOR_WITH_OFFERS).strip().splitlines()[-1]
    # given the coordinator on the page of a public actor in the county of Zwickau
    log_in(page, COORDINATOR)
    page.goto(f"/akteure/{slug}/")
    page.get_by_role("link", name="Stoffstrom anbieten oder suchen").click()
    # when they enter a need for wood with no quantity
    page.get_by_label(re.compile(r"Gesuch \(Input")).check()
    page.get_by_label("Material", exact=True).select_option(label="Holz")
    page.get_by_label("Titel").fill("Altholz für Hackschnitzel")
    page.get_by_label("Menge").fill("0")
    page.get_by_role("button", name=re.compile("speichern|eintragen", re.I)).click()
    # then the error names the quantity, and nothing was saved
    expect(page.locator(".error-summary")).to_contain_text("Menge")
    _no_axe_violations(page)
    # and with a quantity it is saved and waits for the next matching run
    page.get_by_label("Menge").fill("400")
    page.get_by_role("button", name=re.compile("speichern|eintragen", re.I)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Altholz für Hackschnitzel")
    expect(page.locator(".notice")).to_contain_text("nächsten Abgleich")
    flow_url = page.url
    # when the coordinator runs the matching for the region
    page.goto(f"/kreislauf/netzwerk/{REGION}/")
    page.get_by_role("button", name="Abgleich jetzt neu berechnen").click()
    # then the need has wood offers from the region as partners, with distance and a CO2e estimate
    page.goto(flow_url)
    matches = page.locator("table", has=page.locator("caption", has_text="Zuordnungen dieses Materialstroms"))
    rows = matches.locator("tbody tr")
    assert rows.count() >= 1
    expect(page.locator(".notice")).to_have_count(0)
    expect(rows.first).to_contain_text("km")
    _no_axe_violations(page)
