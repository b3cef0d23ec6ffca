"""Steps the journeys share: logging in, reading counts, waiting for the map, running axe."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

DEMO_PASSWORD = "Wandelwerk-Demo-2026"
COORDINATOR = "koordination@demo.wandelwerk.test"
MEMBER = "mitglied@demo.wandelwerk.test"
ADMIN = "admin@demo.wandelwerk.test"

_axe = Axe()


def log_in(page: Page, email: str, password: str = DEMO_PASSWORD) -> None:
    """Signs in through the login form and waits until the header shows the account link."""
    page.goto("/konto/login/")
    form = page.locator("form:has(input[name=login])")
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(password)
    form.locator("button[type=submit]").click()
    page.get_by_role("link", name="Mein Konto").wait_for()


def api_count(page: Page, params: dict[str, str | list[str]]) -> int:
    """``count`` of /api/v1/actors for a filter, as this page's visitor sees it."""
    query = urlencode({**params, "limit": "1"}, doseq=True)
    response = page.request.get(f"/api/v1/actors?{query}")
    assert response.ok, f"/api/v1/actors?{query}: {response.status} {response.text()}"
    return int(response.json()["count"])


def heading_count(page: Page) -> int:
    """The number in the directory's result heading ("1.234 Treffer")."""
    text = page.locator("#results-heading").inner_text()
    match = re.search(r"\d[\d.\u202f\u00a0]*", text)
    assert match, f"no count in the result heading {text!r}"
    return int(re.sub(r"\D", "", match.group(0)))


def wait_for_clusters(page: Page) -> None:
    """Waits until the map has drawn cluster markers from the demo data."""
    page.locator("#map.leaflet-container").wait_for()
    page.locator("#map .cluster-icon").first.wait_for(state="visible")


def axe_violations(page: Page) -> str:
    """Runs axe-core (all rules, all impacts) and returns the violations as readable lines ("" if none)."""
    results = _axe.run(page)
    lines = []
    for v in results.response["violations"]:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {v['helpUrl']}")
        for node in v["nodes"][:5]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"    at {target}: {node.get('failureSummary', '').replace(chr(10), ' ')}")
        if len(v["nodes"]) > 5:
            lines.append(f"    … and {len(v['nodes']) - 5} more")
    return "\n".join(lines)
