"""Journeys through the actor directory: the map, search and facets, a profile."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import api_count, heading_count, wait_for_clusters

pytestmark = pytest.mark.browser

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshot-map.png"
DEMO_REGION = "10.5,50.15,15.1,53.1"  # Saxony and Saxony-Anhalt, as loaded for these tests
# Words a visitor might search for; the first the demo data contains (but not every actor) is used.
SEARCH_WORDS = ["Garten", "Energie", "Repair", "Klima", "Foodsharing", "Bildung"]


def test_directory_map_shows_clusters_and_list_follows_the_map(page: Page) -> None:
    # Given the directory with the demo data
    page.goto("/akteure/")
    wait_for_clusters(page)
    total = heading_count(page)
    assert total > 0
    expect(page.locator("ul.results > li h3 a").first).to_be_visible()

    # When the visitor limits the list to the visible part of the map
    page.get_by_label("Liste auf den Kartenausschnitt beschränken").check()
    bbox, in_view = _list_in_step_with_map(page, previous_bbox="")
    assert 0 < in_view <= total

    # and zooms in on the biggest cluster
    clusters = page.locator("#map .cluster-icon")
    counts = [int(t) for t in clusters.all_inner_texts()]
    clusters.nth(counts.index(max(counts))).click(force=True)  # they may overlap: whichever is on top

    # Then the list shows only what is now on the map
    bbox, zoomed = _list_in_step_with_map(page, previous_bbox=bbox)
    assert 0 < zoomed < in_view
    expect(page.locator("ul.results > li h3 a").first).to_be_visible()

    # When they zoom in further with the keyboard ("+" on the focused map)
    page.locator("#map").focus()
    page.keyboard.press("+")

    # Then the list follows again
    bbox, closer = _list_in_step_with_map(page, previous_bbox=bbox)
    assert closer <= zoomed


def _list_in_step_with_map(page: Page, *, previous_bbox: str, timeout: float = 10.0) -> tuple[str, int]:
    """Waits until the map has moved away from ``previous_bbox`` and the list (heading and URL,
    which the page updates together) shows the API's count for the new view; returns both."""
    deadline = time.monotonic() + timeout
    seen: tuple[str, int] = ("", -1)
    while time.monotonic() < deadline:
        url = page.evaluate("location.href")
        bbox = parse_qs(urlsplit(url).query).get("bbox", [""])[0]
        if bbox and bbox != previous_bbox:
            shown = heading_count(page)
            if page.evaluate("location.href") == url:  # no newer list arrived meanwhile
                seen = (bbox, shown)
                if shown == api_count(page, {"bbox": bbox}):
                    return seen
        page.wait_for_timeout(250)
    raise AssertionError(
        f"list not in step with the map: last seen bbox/count {seen}, before {previous_bbox!r}"
    )


@pytest.mark.skipif(
    os.environ.get("UPDATE_SCREENSHOT") != "1", reason="set UPDATE_SCREENSHOT=1 to rewrite it"
)
def test_update_readme_screenshot_of_the_map(page: Page) -> None:
    """Writes docs/screenshot-map.png: the directory framed on the loaded demo region (Saxony and
    Saxony-Anhalt), once the clusters and county boundaries are drawn."""
    page.goto(f"/akteure/?bbox={DEMO_REGION}")
    wait_for_clusters(page)
    page.wait_for_load_state("networkidle")
    page.locator("#map .leaflet-overlay-pane path").first.wait_for(state="attached")
    assert heading_count(page) > 0
    page.screenshot(path=str(SCREENSHOT))


def _search_word(page: Page, total: int) -> str:
    for word in SEARCH_WORDS:
        if 0 < api_count(page, {"q": word}) < total:
            return word
    raise AssertionError(f"the demo data contain none of {SEARCH_WORDS} (or all actors contain it)")


def test_search_and_facet_counts_match_the_api(page: Page) -> None:
    # Given the directory and a word some demo actors use
    page.goto("/akteure/")
    total = heading_count(page)
    word = _search_word(page, total)

    # When the visitor searches for it
    page.get_by_label("Suche", exact=True).fill(word)
    page.get_by_role("button", name="Suchen").click()
    expect(page).to_have_url(re.compile(rf"[?&]q={word}"))

    # Then the heading shows as many hits as the API
    found = heading_count(page)
    assert found == api_count(page, {"q": word})
    assert 0 < found < total

    # When the visitor narrows it with the first "Handlungsfeld" and then the first "Art"
    for facet in ("Handlungsfeld", "Art"):
        group = page.get_by_role("list", name=facet, exact=True)
        group.get_by_role("link").first.click()
        page.wait_for_load_state()
        # Then the count still equals the API's for exactly the same parameters
        params = {k: v for k, v in parse_qs(urlsplit(page.url).query).items()}
        assert "q" in params
        narrowed = heading_count(page)
        assert narrowed == api_count(page, params), f"{facet}: heading and API differ for {params}"
        assert narrowed <= found
        found = narrowed
    query = parse_qs(urlsplit(page.url).query)
    assert query.get("topic") and query.get("kind"), query
    expect(page.locator("aside.facets [aria-current=true]")).to_have_count(2)


def test_profile_opened_from_the_list_shows_name_place_topics_and_map(page: Page) -> None:
    # Given the directory list
    page.goto("/akteure/")
    first = page.locator("ul.results > li").first
    name = first.locator("h3 a").inner_text()
    listed_place = first.locator("p.small").inner_text().split(" · ")[-1]

    # When the visitor opens the first entry
    first.locator("h3 a").click()

    # Then the profile shows its name, municipality, topics and a small map with its point
    expect(page.locator("h1")).to_contain_text(name)
    municipality = listed_place.split(" (")[0]
    expect(page.locator("article p.small").first.get_by_role("link", name=municipality)).to_be_visible()
    expect(page.get_by_role("list", name="Handlungsfelder und Ziele").locator("li").first).to_be_visible()
    expect(page.locator("#map.map-small.leaflet-container")).to_be_visible()
    expect(page.locator("#map path.leaflet-interactive").first).to_be_attached()
