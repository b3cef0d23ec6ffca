"""Journey: a member registers an organisation; the network coordination approves it."""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import Guard, Installation
from tests.browser.helpers import COORDINATOR, MEMBER, log_in

pytestmark = pytest.mark.browser


def _field(page: Page, label: str) -> Locator:
    """The form field labelled exactly ``label`` (required ones carry " *")."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def _actor_rows(installation: Installation) -> int:
    with sqlite3.connect(installation.db) as db:
        return int(db.execute("SELECT COUNT(*) FROM actors_actor").fetchone()[0])


def test_registered_organisation_is_hidden_until_the_coordination_approves_it(
    new_page: Callable[..., Page], guard: Guard
) -> None:
    name = f"Lastenradverleih Zwickau {uuid.uuid4().hex[:6]}"
    member, anonymous, coordinator = new_page(), new_page(), new_page()

    # Given a signed-in member on the registration form
    log_in(member, MEMBER)
    member.goto("/akteure/neu/")
    expect(member.locator("h1")).to_have_text("Organisation eintragen")

    # When they fill in name, kind, sector and the postcode and submit
    _field(member, "Name").fill(name)
    _field(member, "Art").select_option(label="Verein / Verband")
    _field(member, "Sektor").select_option(label="Zivilgesellschaft")
    _field(member, "PLZ").fill("08056")
    member.get_by_role("button", name="Eintrag absenden").click()

    # Then the profile shows the entry as waiting for review, placed in Zwickau
    expect(member.locator("h1")).to_contain_text(name)
    expect(member.locator("main")).to_contain_text("wartet auf Prüfung")
    expect(member.locator("article p.small").first).to_contain_text("Zwickau")
    profile = member.url

    # and anonymous visitors cannot see it
    guard.allow_console_error(r"status of 404 \(Not Found\) @ " + profile)
    response = anonymous.goto(profile)
    assert response is not None and response.status == 404

    # When the coordination approves it in the review queue
    log_in(coordinator, COORDINATOR)
    coordinator.goto("/akteure/pruefen/")
    item = coordinator.locator("section.review-item").filter(has_text=name)
    expect(item).to_have_count(1)
    item.get_by_label("freigeben").check()
    item.get_by_role("button", name="Entscheiden").click()
    expect(coordinator.locator(".messages")).to_contain_text(name)
    expect(coordinator.locator("section.review-item").filter(has_text=name)).to_have_count(0)

    # Then everybody can see it, without a status note
    response = anonymous.goto(profile)
    assert response is not None and response.status == 200
    expect(anonymous.locator("h1")).to_contain_text(name)
    expect(anonymous.locator("main")).not_to_contain_text("wartet auf Prüfung")


def test_registration_with_missing_name_and_bad_postcode_names_both_and_creates_nothing(
    page: Page, installation: Installation, guard: Guard
) -> None:
    # Given a signed-in member on the registration form
    log_in(page, MEMBER)
    page.goto("/akteure/neu/")
    before = _actor_rows(installation)

    # When they submit without a name and with a three-digit postcode
    _field(page, "Art").select_option(label="Initiative")
    _field(page, "Sektor").select_option(label="Zivilgesellschaft")
    _field(page, "PLZ").fill("123")
    guard.allow_console_error(r"status of 400 \(Bad Request\) @ .*/akteure/neu/")
    page.get_by_role("button", name="Eintrag absenden").click()

    # Then the error summary names both fields, each linked to its input
    summary = page.get_by_role("alert")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link", name="Name")).to_have_attribute("href", "#id_name")
    expect(summary.get_by_role("link", name="PLZ")).to_have_attribute("href", "#id_postcode")
    expect(summary).to_contain_text("fünf Ziffern")
    expect(_field(page, "PLZ")).to_have_value("123")

    # and nothing was created
    assert _actor_rows(installation) == before
