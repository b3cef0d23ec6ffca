"""axe-core on every page type, the phone-sized directory, and the keyboard basics."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Guard
from tests.browser.helpers import COORDINATOR, MEMBER, axe_violations, log_in, wait_for_clusters

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class PageType:
    name: str
    path: str  # or "@profile" / "@network": found through the site like a visitor would
    user: str = ""
    clusters: bool = False


DEMO_STRATEGY = "/strategien/klimaschutzkonzept-freiberg-2030-demo/"

PAGE_TYPES = [
    PageType("home", "/"),
    PageType("directory", "/akteure/", clusters=True),
    PageType("profile", "@profile"),
    PageType("register form", "/akteure/neu/", user=MEMBER),
    PageType("networks", "/netzwerke/"),
    PageType("network", "@network"),
    PageType("regions", "/regionen/"),
    PageType("county", "/regionen/14524/"),
    PageType("municipality", "/regionen/14524330/"),
    PageType("data sources", "/datenquellen/"),
    PageType("imprint", "/seite/impressum/"),
    PageType("login", "/konto/login/"),
    PageType("signup", "/konto/signup/"),
    PageType("my account", "/konto/ich/", user=MEMBER),
    PageType("review queue", "/akteure/pruefen/", user=COORDINATOR),
    PageType("directory (English)", "/en/akteure/", clusters=True),
    PageType("projects", "/projekte/"),
    PageType("project", "@project", user=COORDINATOR),
    PageType("project form", "/projekte/neu/", user=MEMBER),
    PageType("strategy dashboard", DEMO_STRATEGY),
    PageType("strategy edit", DEMO_STRATEGY + "bearbeiten/", user=COORDINATOR),
    PageType("project edit", "@project-edit", user=COORDINATOR),
    PageType("events", "/veranstaltungen/"),
    PageType("event calendar", "/veranstaltungen/kalender/"),
    PageType("event", "@event", user=MEMBER),
    PageType("event form", "/veranstaltungen/neu/", user=COORDINATOR),
    PageType("events (English)", "/en/veranstaltungen/"),
    PageType("action pool", "/wissen/"),
    PageType("practice", "@practice"),
    PageType("method", "@method"),
    PageType("working groups", "/arbeitsgruppen/"),
    PageType("working group", "@group", user=COORDINATOR),
    PageType("newsletter", "/newsletter/landesverband-nachhaltiges-sachsen/"),
    PageType(
        "newsletter management", "/newsletter/landesverband-nachhaltiges-sachsen/verwalten/", user=COORDINATOR
    ),
    PageType("consulting", "/beratung/"),
    PageType("consulting request form", "/beratung/anfragen/", user=MEMBER),
    PageType("consulting queue", "/beratung/koordination/", user=COORDINATOR),
    PageType("contests", "/wettbewerbe/"),
    PageType("contest", "@contest", user=MEMBER),
    PageType("conference maps", "/landkarte/"),
    PageType("conference map", "@map"),
    PageType("moderation queue", "/moderation/", user=COORDINATOR),
]

# the first link in a list page's results, for page types reached through the site
FIRST_LINK = {
    "@event": ("/veranstaltungen/", "li.event-item h3 a"),
    "@practice": ("/wissen/praxisbeispiele/", "main li h3 a"),
    "@method": ("/wissen/methoden/", "main li h3 a"),
    "@group": ("/arbeitsgruppen/", "main li h3 a"),
    "@contest": ("/wettbewerbe/", "h2.contest-title a"),
    "@map": ("/landkarte/", "h2.cm-item-title a"),
}


def _resolve(page: Page, path: str) -> str:
    if path == "@profile":
        page.goto("/akteure/")
        return page.locator("ul.results > li h3 a").first.get_attribute("href") or ""
    if path in ("@project", "@project-edit"):  # as its lead, with the stage form and open requests
        page.goto("/projekte/?stage=planning")
        href = page.locator("ul.results > li h3 a").first.get_attribute("href") or ""
        return href + "bearbeiten/" if path == "@project-edit" else href
    if path in FIRST_LINK:
        listing, selector = FIRST_LINK[path]
        page.goto(listing)
        return page.locator(selector).first.get_attribute("href") or ""
    if path == "@network":
        page.goto("/netzwerke/")
        return page.locator("main ul a").first.get_attribute("href") or ""
    return path


def _settle(page: Page, *, clusters: bool) -> None:
    """Waits for what scripts add (map, clusters, boundaries) so axe sees the finished page."""
    if clusters:
        wait_for_clusters(page)
    elif page.locator("#map").count():
        page.locator("#map.leaflet-container").wait_for()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("kind", PAGE_TYPES, ids=lambda p: p.name)
def test_page_type_has_no_axe_violations(kind: PageType, page: Page) -> None:
    # Given the page as its visitor sees it
    if kind.user:
        log_in(page, kind.user)
    path = _resolve(page, kind.path)
    response = page.goto(path)
    assert response is not None and response.status == 200, f"{path}: {response and response.status}"
    _settle(page, clusters=kind.clusters)

    # Then axe-core finds nothing, whatever the impact
    report = axe_violations(page)
    assert not report, f"axe on {kind.name} ({path}):\n{report}"


def test_register_form_after_failed_submit_has_no_axe_violations(page: Page, guard: Guard) -> None:
    # Given a member whose registration was refused (no name, bad postcode)
    log_in(page, MEMBER)
    page.goto("/akteure/neu/")
    page.get_by_label(re.compile(r"^PLZ")).fill("123")
    guard.allow_console_error(r"status of 400 \(Bad Request\) @ .*/akteure/neu/")
    page.get_by_role("button", name="Eintrag absenden").click()
    expect(page.get_by_role("alert")).to_be_visible()

    # Then the page with its error summary and field errors is still accessible
    report = axe_violations(page)
    assert not report, f"axe on the refused register form:\n{report}"


def test_directory_fits_a_360px_phone_without_horizontal_scrolling(new_page: Callable[..., Page]) -> None:
    # Given a phone-sized window
    page = new_page(width=360, height=740)

    # When the directory with its map has loaded
    page.goto("/akteure/")
    _settle(page, clusters=True)

    # Then nothing sticks out sideways
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(
        """() => Array.from(document.querySelectorAll('body *'))
            .filter(e => e.getBoundingClientRect().right > 360.5)
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (typeof e.className === 'string' ? '.' + e.className.replace(/ /g, '.') : ''))"""
    )
    assert width <= 360, f"scrollWidth {width}px on a 360px screen; too wide: {wide}"


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page: Page) -> None:
    # Given any page
    page.goto("/akteure/")

    # When the visitor presses Tab once
    page.keyboard.press("Tab")

    # Then the skip link has the focus and is visible
    focused = page.locator(":focus")
    expect(focused).to_have_text("Zum Inhalt springen")
    expect(focused).to_be_visible()
    expect(focused).to_be_in_viewport()

    # When they follow it, the focus is in main
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)")


def test_cluster_markers_zoom_in_by_keyboard(page: Page) -> None:
    # Given the directory map with its clusters
    page.goto("/akteure/")
    wait_for_clusters(page)
    count = page.locator("#map .cluster-icon").count()

    # When the visitor tabs to a cluster and presses Enter
    cluster = page.locator("#map .cluster-icon").first
    cluster.focus()
    expect(cluster).to_be_focused()
    page.keyboard.press("Enter")

    # Then the map zooms in on it (its actors split into smaller clusters or points; a county-free
    # city keeps its title, so the number of markers is what tells)
    page.wait_for_function(
        "n => document.querySelectorAll('#map .cluster-icon, #map path.leaflet-interactive').length !== n",
        arg=count,
        timeout=5_000,
    )
