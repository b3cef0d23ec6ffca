"""Journey: a new person signs up, confirms the address from the mail and signs in."""

from __future__ import annotations

import re
import time
import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Installation
from tests.browser.helpers import log_in

pytestmark = pytest.mark.browser

PASSPHRASE = "Sonnenblumen wachsen am Muldenufer bis zum Herbst"


def _confirmation_link(installation: Installation, email: str, *, timeout: float = 10.0) -> str:
    """The confirmation link from the mail sent to ``email`` (mails may be quoted-printable)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = installation.mails().replace("=\n", "").replace("=3D", "=")
        for block in text.split(
            "\n\n-------------------------------------------------------------------------------\n"
        ):
            if email in block:
                links = re.findall(r"https?://[^\s\"<>]+/konto/confirm-email/[^\s\"<>]+", block)
                if links:
                    return links[-1]
        time.sleep(0.2)
    raise AssertionError(f"no confirmation mail for {email}; mails so far:\n{installation.mails()[-2000:]}")


def test_signup_with_passphrase_confirm_mail_and_sign_in(page: Page, installation: Installation) -> None:
    email = f"neu-{uuid.uuid4().hex[:10]}@beispiel.test"

    # Given the sign-up form
    page.goto("/konto/signup/")
    expect(page.locator("h1")).to_have_text("Konto anlegen")

    # When the person signs up with a long passphrase
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password1]").fill(PASSPHRASE)
    page.locator("input[name=password2]").fill(PASSPHRASE)
    page.locator("form:has(input[name=password1]) button[type=submit]").click()

    # Then they are asked to confirm their address
    expect(page.locator("h1")).to_have_text("Bitte bestätigen Sie Ihre E-Mail-Adresse")

    # When they open the link from the mail and confirm
    page.goto(_confirmation_link(installation, email))
    expect(page.locator("main")).to_contain_text(email)
    page.get_by_role("button", name="Bestätigen").click()
    page.wait_for_load_state()

    # and sign in
    if page.get_by_role("link", name="Mein Konto").count() == 0:
        log_in(page, email, PASSPHRASE)

    # Then they are signed in
    account = page.get_by_role("link", name="Mein Konto")
    expect(account).to_be_visible()
    account.click()
    expect(page.locator("main")).to_contain_text(email)


def test_signup_with_too_short_password_names_the_problem(page: Page, guard: object) -> None:
    # Given the sign-up form
    page.goto("/konto/signup/")
    email = f"kurz-{uuid.uuid4().hex[:10]}@beispiel.test"

    # When the password is too short
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password1]").fill("kurz2026")
    page.locator("input[name=password2]").fill("kurz2026")
    page.locator("form:has(input[name=password1]) button[type=submit]").click()

    # Then the error summary names the field and says what is wrong, and nobody is signed in
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Passwort")
    expect(summary).to_contain_text(re.compile(r"zu kurz|mindestens 10 Zeichen"))
    expect(summary.get_by_role("link", name=re.compile("Passwort"))).to_be_visible()
    expect(page.get_by_role("link", name="Mein Konto")).to_have_count(0)
    expect(page.locator("input[name=email]")).to_have_value(email)
