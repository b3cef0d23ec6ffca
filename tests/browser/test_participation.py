"""Journeys (seeds 002, 003): an idea is submitted, the moderator publishes it, three people vote,
the jury scores it, the results show it as the winner; on the conference map someone adds a wish and
another person supports it. axe-core finds nothing on the pages on the way.

The contest's phases follow the clock; between the steps the test moves the phase dates, as time
would (``_phase``)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

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

_MAKE_CONTEST = """
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.utils import timezone
from wandelwerk.geo.models import Area
from wandelwerk.networks.models import Network
from wandelwerk.participation.models import Category, Contest, Criterion
now, day = timezone.now(), timedelta(days=1)
c = Contest.objects.create(
    network=Network.objects.get(slug="circular-rural-regions-mittelsachsen"), title="{title}", slug="{slug}",
    area=Area.objects.get(ags="14522"), vote_budget=5, winners=1,
    submission_start=now - day, submission_end=now + day, review_start=now + day, review_end=now + 2 * day,
    voting_start=now + 2 * day, voting_end=now + 3 * day, jury_start=now + 3 * day, jury_end=now + 4 * day,
    results_start=now + 4 * day,
)
Category.objects.create(contest=c, name="Reparieren")
Criterion.objects.create(contest=c, name="Wirkung", weight=2)
Criterion.objects.create(contest=c, name="Umsetzbarkeit", weight=1)
c.jury.add(get_user_model().objects.get(email="{jury}"))
"""

_PHASE = """
from datetime import timedelta
from django.utils import timezone
from wandelwerk.participation.models import Contest
c = Contest.objects.get(slug="{slug}")
day = timedelta(days=1)
start = timezone.now() - day - 2 * day * {index}  # each phase two days long, the wanted one around now
for i, name in enumerate(("submission", "review", "voting", "jury")):
    setattr(c, name + "_start", start + 2 * i * day)
    setattr(c, name + "_end", start + 2 * (i + 1) * day)
c.results_start = start + 8 * day
c.save()
"""
PHASES = ("submission", "review", "voting", "jury", "results")


def _people(installation: Installation, *names: str) -> list[str]:
    emails = [f"{n}-{uuid.uuid4().hex[:8]}@example.org" for n in names]
    installation.manage("shell", "-c", _MAKE_PEOPLE.format(emails=emails, password=DEMO_PASSWORD))
    return emails


def _phase(installation: Installation, slug: str, name: str) -> None:
    installation.manage("shell", "-c", _PHASE.format(slug=slug, index=PHASES.index(name)))


def _field(page: Page, label: str) -> Locator:
    return page.get_by_label(re.compile(rf"^{re.escape(label)}:?( \*)?$"))


def _no_axe_violations(page: Page) -> None:
    found = axe_violations(page)
    assert not found, f"{page.url}\n{found}"


def test_idea_submitted_published_voted_scored_and_shown_as_winner(
    new_page: Callable[..., Page], installation: Installation
) -> None:
    tag = uuid.uuid4().hex[:6]
    slug, title = f"wiederverwendung-{tag}", f"Wettbewerb Wiederverwendung {tag}"
    voters = _people(installation, "a", "b", "c")
    installation.manage(
        "shell",
        "-c",
        _MAKE_CONTEST.format(title=title, slug=slug, jury="koordination@demo.wandelwerk.test"),
    )
    citizen, coordinator, visitor = new_page(), new_page(), new_page()

    # Given the contest in its submission phase, a citizen submits an idea
    log_in(citizen, MEMBER)
    citizen.goto(f"/wettbewerbe/{slug}/")
    _no_axe_violations(citizen)
    citizen.goto(f"/wettbewerbe/{slug}/einreichen/")
    idea = f"Tauschregal im Bahnhof {tag}"
    _field(citizen, "Titel").fill(idea)
    _field(citizen, "Beschreibung").fill("Ein Regal für Bücher, Spiele und Haushaltsdinge zum Tauschen.")
    _field(citizen, "Kategorie").select_option(label="Reparieren")
    _field(citizen, "Ort oder Postleitzahl").fill("09599")
    citizen.wait_for_timeout(5500)  # people take time to write; the form refuses bots that do not
    citizen.get_by_role("button", name="Einreichen").click()
    expect(citizen.locator(".messages")).to_contain_text("wird geprüft")

    # When the moderator publishes it
    _phase(installation, slug, "review")
    log_in(coordinator, COORDINATOR)
    coordinator.goto(f"/wettbewerbe/{slug}/pruefung/")
    _no_axe_violations(coordinator)
    item = coordinator.locator("section.review-item").filter(has_text=idea)
    item.get_by_label("Entscheidung").select_option(value="publish")
    item.get_by_role("button", name="Entscheiden").click()
    expect(coordinator.locator("section.review-item").filter(has_text=idea)).to_have_count(0)

    # and three people vote for it
    _phase(installation, slug, "voting")
    for email in voters:
        voter = new_page()
        log_in(voter, email)
        voter.goto(f"/wettbewerbe/{slug}/")
        voter.get_by_role("link", name=idea).click()
        voter.wait_for_timeout(1200)
        voter.get_by_role("button", name=re.compile("^Stimme geben")).click()
        expect(voter.locator(".messages")).to_contain_text("wurde gezählt")
    _no_axe_violations(voter)

    # and the jury scores it
    _phase(installation, slug, "jury")
    coordinator.goto(f"/wettbewerbe/{slug}/")
    coordinator.get_by_role("link", name=idea).click()
    coordinator.get_by_role("link", name="Als Jury bewerten").click()
    coordinator.get_by_label(re.compile("^Wirkung")).fill("9")
    coordinator.get_by_label(re.compile("^Umsetzbarkeit")).fill("7")
    coordinator.get_by_role("button", name="Bewertung abgeben").click()
    expect(coordinator.locator("main")).to_contain_text("Bewertungen der Jury")
    _no_axe_violations(coordinator)

    # Then the results show it as the winner with its three votes
    _phase(installation, slug, "results")
    visitor.goto(f"/wettbewerbe/{slug}/ergebnisse/")
    row = visitor.locator("tr").filter(has_text=idea)
    expect(row).to_contain_text("Gewinner")
    expect(row.locator("td").nth(2)).to_have_text("3")
    _no_axe_violations(visitor)


def test_a_wish_on_the_conference_map_gets_support(
    new_page: Callable[..., Page], installation: Installation
) -> None:
    (supporter_email,) = _people(installation, "unterstuetzerin")
    author, supporter = new_page(), new_page()
    wish = f"Lastenrad-Verleih für die Dörfer {uuid.uuid4().hex[:6]}"

    # Given a participant on the demo conference map
    log_in(author, MEMBER)
    author.goto("/landkarte/")
    author.locator("main ul a, main table a").first.click()
    _no_axe_violations(author)
    # When they add what is missing
    author.get_by_role("link", name="Das fehlt noch: Wunsch eintragen").click()
    _field(author, "Was fehlt?").fill(wish)
    _field(author, "Handlungsfeld").select_option(label="Gute Mobilität für alle")
    _field(author, "Beschreibung (Markdown)").fill("Ein Lastenrad, das zwischen den Dörfern wandert.")
    author.get_by_role("button", name="Speichern").click()
    expect(author.locator("h1")).to_have_text(wish)
    wish_url = author.url

    # and another person supports it
    log_in(supporter, supporter_email)
    supporter.goto(wish_url)
    supporter.get_by_role("button", name="Unterstützen").click()
    # Then the wish counts one supporter, without naming anyone
    expect(supporter.get_by_role("button", name="Unterstützung zurücknehmen")).to_be_visible()
    expect(supporter.locator("main")).not_to_contain_text(supporter_email)
    _no_axe_violations(supporter)
