"""Journey (seed 004): a municipality publishes a strategy with two measures; a citizen proposes a
project for one of them; a company joins as partner; the lead moves it to implementation; the public
dashboard shows it. axe-core finds nothing on the pages on the way."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import Installation
from tests.browser.helpers import DEMO_PASSWORD, MEMBER, axe_violations, log_in

pytestmark = pytest.mark.browser

_MAKE_OWNER = """
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from wandelwerk.actors.services import ActorData, actor_create
from wandelwerk.geo.models import Area
user = get_user_model().objects.create_user(username="{email}", email="{email}", password="{password}")
EmailAddress.objects.create(user=user, email="{email}", verified=True, primary=True)
actor_create(
    data=ActorData(
        name="{name}", kind="{kind}", sector="{sector}", municipality=Area.objects.get(ags="14524330")
    ),
    owner=user,
    status="published",
)
"""


def _owner(installation: Installation, *, name: str, kind: str, sector: str) -> str:
    """Given: a person whose organisation in Zwickau is registered (as a clerk or a company would be)."""
    email = f"{kind}-{uuid.uuid4().hex[:8]}@example.org"
    code = _MAKE_OWNER.format(email=email, password=DEMO_PASSWORD, name=name, kind=kind, sector=sector)
    installation.manage("shell", "-c", code)
    return email


def _field(page: Page, label: str) -> Locator:
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def _no_axe_violations(page: Page) -> None:
    found = axe_violations(page)
    assert not found, f"{page.url}\n{found}"


def test_strategy_to_project_in_implementation_shows_on_the_dashboard(
    new_page: Callable[..., Page], installation: Installation
) -> None:
    tag = uuid.uuid4().hex[:6]
    city = f"Stadt Zwickau {tag}"
    company_name = f"Solarbau Zwickau GmbH {tag}"
    clerk_email = _owner(installation, name=city, kind="administration", sector="administration")
    company_email = _owner(installation, name=company_name, kind="company", sector="business")
    clerk, citizen, company, visitor = new_page(), new_page(), new_page(), new_page()

    # Given the clerk of the municipality, signed in
    log_in(clerk, clerk_email)
    # When they publish a strategy from the projects page
    clerk.goto("/projekte/")
    clerk.get_by_role("link", name="Klimaschutzstrategie anlegen").click()
    _no_axe_violations(clerk)
    _field(clerk, "Herausgebende Verwaltung").select_option(label=city)
    title = f"Klimaschutzkonzept Zwickau {tag}"
    _field(clerk, "Titel").fill(title)
    _field(clerk, "Laufzeit von (Jahr)").fill("2025")
    _field(clerk, "Laufzeit bis (Jahr)").fill("2035")
    _field(clerk, "Veröffentlichen").check()
    clerk.get_by_role("button", name="Anlegen").click()
    expect(clerk.locator("h1")).to_have_text(title)
    dashboard = clerk.url
    # and add two measures
    for code, measure in (("M 1.1", "PV auf kommunalen Dächern"), ("M 3.2", "Radverkehr stärken")):
        _field(clerk, "Kennung").fill(code)
        _field(clerk, "Titel").fill(measure)
        clerk.get_by_role("button", name="Maßnahme eintragen").click()
        expect(clerk.locator(".messages")).to_contain_text("Maßnahme eingetragen")
    expect(clerk.locator("main")).to_contain_text("PV auf kommunalen Dächern")
    expect(clerk.locator("main")).to_contain_text("Radverkehr stärken")
    _no_axe_violations(clerk)

    # When a citizen proposes a project for the first measure
    log_in(citizen, MEMBER)
    citizen.goto("/projekte/neu/")
    _no_axe_violations(citizen)
    project_title = f"Bürgersolar auf Schulen {tag}"
    _field(citizen, "Titel").fill(project_title)
    _field(citizen, "Kurzbeschreibung").fill("Photovoltaik auf den Dächern der Zwickauer Grundschulen.")
    _field(citizen, "Ort (Gemeinde oder PLZ)").fill("08056")
    _field(citizen, "Setzt Maßnahmen um (optional)").select_option(
        label=f"{title}: M 1.1 PV auf kommunalen Dächern"
    )
    _field(citizen, "Erwartete Einsparung (t CO₂e pro Jahr)").fill("120")
    _field(citizen, "Öffentlich zeigen (sonst Entwurf für das Team)").check()
    citizen.get_by_role("button", name="Anlegen").click()
    expect(citizen.locator("h1")).to_have_text(project_title)
    project_url = citizen.url

    # and a company asks to join as implementer
    log_in(company, company_email)
    company.goto(project_url)
    _field(company, "Als").select_option(label=company_name)
    _field(company, "Rolle").select_option(label="Umsetzer")
    company.get_by_role("button", name="Beteiligung anfragen").click()
    expect(company.locator(".messages")).to_contain_text("Anfrage gesendet")

    # Then the lead accepts and moves the project on to implementation
    citizen.goto(project_url)
    citizen.locator("form").filter(has_text=company_name).get_by_role("button", name="annehmen").click()
    expect(citizen.locator("main")).to_contain_text(f"{company_name} – Umsetzer")
    for stage in ("Planung", "Umsetzung"):
        _field(citizen, "Neue Phase").select_option(label=stage)
        citizen.get_by_role("button", name="Phase ändern").click()
        expect(citizen.locator(".messages")).to_contain_text("Phase geändert")
    expect(citizen.locator("article > p.small").first).to_contain_text("Umsetzung")
    _no_axe_violations(citizen)

    # and the public dashboard shows the project under its measure, in implementation
    visitor.goto(dashboard)
    row = visitor.locator("tr").filter(has_text="PV auf kommunalen Dächern")
    expect(row).to_contain_text(project_title)
    expect(row).to_contain_text("Umsetzung")
    expect(visitor.locator("main")).to_contain_text("50 %")
    expect(visitor.locator("main")).to_contain_text("120")
    _no_axe_violations(visitor)
