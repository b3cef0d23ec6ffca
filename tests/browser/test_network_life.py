"""Journeys (seeds 000–003): a coordinator announces a meeting with one seat; a visitor who comes
second waits, the first cancels, the second is promoted and told by email. A volunteer's consulting
request arrives at the competence centre whose topic and area fit, and its adviser sees it in the
inbox. axe-core finds nothing on the pages on the way."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import Installation
from tests.browser.helpers import COORDINATOR, DEMO_PASSWORD, MEMBER, axe_violations, log_in

pytestmark = pytest.mark.browser

_MAKE_PEOPLE = """
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
for email in {emails!r}:
    user = get_user_model().objects.create_user(username=email, email=email, password="{password}")
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
"""

_MAKE_CENTRES = """
from django.contrib.auth import get_user_model
from wandelwerk.actors.models import Actor, Topic
from wandelwerk.actors.services import ActorData, actor_create
from wandelwerk.consulting.centre_services import centre_create
from wandelwerk.geo.models import Area
User = get_user_model()
adviser = User.objects.get(email="{adviser}")
nature = Topic.objects.get(slug="naturschutz-oekologie")
def carrier(name, ags):
    return actor_create(
        data=ActorData(name=name, kind="association", sector="civil_society",
                       municipality=Area.objects.get(ags=ags)),
        owner=adviser, status="published")
# the right one: nature conservation for the county of Görlitz
centre_create(user=adviser, actor=carrier("{right}", "14626110"), name="{right}", topics=[nature],
              areas=[Area.objects.get(ags="14626")], capacity=5, advisers=[adviser])
# same topic, other county: must not get the request
centre_create(user=adviser, actor=carrier("{wrong}", "14524330"), name="{wrong}", topics=[nature],
              areas=[Area.objects.get(ags="14524")], capacity=5)
"""


def _people(installation: Installation, *names: str) -> list[str]:
    """Given: signed-up, confirmed people (one address each)."""
    emails = [f"{n}-{uuid.uuid4().hex[:8]}@example.org" for n in names]
    installation.manage("shell", "-c", _MAKE_PEOPLE.format(emails=emails, password=DEMO_PASSWORD))
    return emails


def _field(page: Page, label: str) -> Locator:
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def _no_axe_violations(page: Page) -> None:
    found = axe_violations(page)
    assert not found, f"{page.url}\n{found}"


def test_a_freed_seat_goes_to_the_waiting_visitor_who_is_told_by_email(
    new_page: Callable[..., Page], installation: Installation
) -> None:
    first_email, second_email = _people(installation, "erste", "zweite")
    coordinator, first, second = new_page(), new_page(), new_page()
    title = f"Netzwerktreffen Kreislaufwirtschaft {uuid.uuid4().hex[:6]}"

    # Given the coordinator announces a meeting with a single seat
    log_in(coordinator, COORDINATOR)
    coordinator.goto("/veranstaltungen/neu/")
    _no_axe_violations(coordinator)
    organiser = "Netzwerk: Landesverband Nachhaltiges Sachsen"
    _field(coordinator, "Veranstaltet von").select_option(label=organiser)
    _field(coordinator, "Art").select_option(label="Netzwerktreffen")
    _field(coordinator, "Titel").fill(title)
    start = (datetime.now() + timedelta(days=10)).replace(hour=17, minute=0)
    _field(coordinator, "Beginn").fill(start.strftime("%Y-%m-%dT%H:%M"))
    _field(coordinator, "Ende").fill((start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))
    _field(coordinator, "Veranstaltungsort").fill("Stadtteilzentrum")
    _field(coordinator, "Gemeinde (Name, PLZ oder Gemeindeschlüssel)").fill("09599")
    _field(coordinator, "Plätze").fill("1")
    _field(coordinator, "Veröffentlicht").check()
    coordinator.get_by_role("button", name="Speichern").click()
    expect(coordinator.locator("h1")).to_have_text(title)
    event_url = coordinator.url

    # When the first visitor takes the seat and the second comes too late
    log_in(first, first_email)
    first.goto(event_url)
    first.get_by_role("button", name="Verbindlich anmelden").click()
    expect(first.locator(".registration-status")).to_contain_text("Ihr Platz ist bestätigt")
    log_in(second, second_email)
    second.goto(event_url)
    expect(second.locator("main")).to_contain_text("Alle Plätze sind belegt")
    second.get_by_role("button", name="Verbindlich anmelden").click()
    expect(second.locator(".registration-status")).to_contain_text("Platz 1 der Warteliste")
    _no_axe_violations(second)

    # and the first cancels
    first.get_by_role("button", name="Abmelden").click()
    expect(first.locator("main")).not_to_contain_text("Ihr Platz ist bestätigt")

    # Then the second has the seat and was told by email
    second.reload()
    expect(second.locator(".registration-status")).to_contain_text("Ihr Platz ist bestätigt")
    assert second_email in installation.mails() and title in installation.mails()

    # and the organisers' page lists exactly the second as confirmed
    coordinator.goto(event_url)
    coordinator.get_by_role("link", name="Anmeldungen verwalten").click()
    _no_axe_violations(coordinator)
    expect(coordinator.locator("main")).to_contain_text(second_email)


def test_a_consulting_request_arrives_at_the_centre_whose_topic_and_area_fit(
    new_page: Callable[..., Page], installation: Installation
) -> None:
    (adviser_email,) = _people(installation, "beraterin")
    tag = uuid.uuid4().hex[:6]
    right, wrong = f"Naturschutzberatung Oberlausitz {tag}", f"Naturschutzberatung Zwickau {tag}"
    installation.manage("shell", "-c", _MAKE_CENTRES.format(adviser=adviser_email, right=right, wrong=wrong))
    volunteer, adviser = new_page(), new_page()

    # Given a volunteer on the consulting page
    log_in(volunteer, MEMBER)
    volunteer.goto("/beratung/")
    volunteer.get_by_role("link", name="Beratung anfragen").first.click()
    _no_axe_violations(volunteer)

    # When they ask about nature conservation for a place in the county of Görlitz
    request_title = f"Streuobstwiese retten {tag}"
    _field(volunteer, "Handlungsfeld").select_option(label="Naturschutz und Ökologie")
    _field(volunteer, "Ort (Gemeinde oder PLZ)").fill("02826")
    _field(volunteer, "Titel").fill(request_title)
    _field(volunteer, "Worum geht es?").fill("Wir suchen Rat zur Pflege einer alten Streuobstwiese.")
    volunteer.get_by_role("button", name="Anfrage senden").click()

    # Then it went to the centre for Görlitz, not to the one for Zwickau
    expect(volunteer.locator(".messages")).to_contain_text("an eine Kompetenzstelle weitergeleitet")
    expect(volunteer.locator("main")).to_contain_text(right)
    expect(volunteer.locator("main")).not_to_contain_text(wrong)
    _no_axe_violations(volunteer)

    # and the centre's adviser finds it in the inbox
    log_in(adviser, adviser_email)
    adviser.goto("/beratung/meine-stellen/")
    adviser.get_by_role("link", name=right).click()
    expect(adviser.locator("main")).to_contain_text(request_title)
    _no_axe_violations(adviser)
    adviser.goto("/beratung/meine-stellen/")
    adviser.get_by_role("link", name=wrong).click()
    expect(adviser.locator("main")).not_to_contain_text(request_title)
