"""What every page shares: the site icon, and no cookies for anonymous visitors."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def test_site_icon_is_served_by_the_installation(page: Page) -> None:
    # Given any page
    page.goto("/")

    # When the browser looks for the site's icon (the declared one, else /favicon.ico)
    declared = page.locator("link[rel~=icon]").first
    href = declared.get_attribute("href") if declared.count() else "/favicon.ico"
    response = page.request.get(href or "/favicon.ico")

    # Then the installation serves it
    assert response.ok, f"site icon {href}: {response.status} (pages declare no icon that exists)"
    assert response.headers["content-type"].startswith("image/")


def test_public_pages_set_no_cookies(page: Page) -> None:
    # Given an anonymous visitor browsing the public pages
    for path in ("/", "/akteure/", "/akteure/?q=Energie", "/netzwerke/", "/regionen/", "/en/akteure/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")

    # Then no cookie was set (no banner needed)
    assert page.context.cookies() == []
