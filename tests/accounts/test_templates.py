"""Every account page (ours and allauth's) is a Wandelwerk page: site layout, German, one h1,
labelled inputs, no inline script or style (strict CSP)."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.conf import settings
from django.urls import reverse

from tests.accounts.pages import audit

pytestmark = pytest.mark.django_db


def test_account_templates_take_precedence_over_allauths():
    apps = settings.INSTALLED_APPS
    assert apps.index("wandelwerk.accounts") < apps.index("allauth"), (
        "config/settings.py: list 'wandelwerk.accounts' before 'allauth' in INSTALLED_APPS, "
        "else allauth's unstyled English templates are used"
    )


ANONYMOUS_PAGES = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_email_verification_sent",
]
LOGGED_IN_PAGES = [
    "account_email",
    "account_change_password",
    "account_logout",
    "mfa_index",
    "accounts:me",
    "accounts:tokens",
    "accounts:delete",
]


@pytest.mark.parametrize("name", ANONYMOUS_PAGES)
def test_public_account_page_uses_the_site_layout(client, name):
    audit(client.get(reverse(name)))


@pytest.mark.parametrize("name", LOGGED_IN_PAGES)
def test_personal_account_page_uses_the_site_layout(anna_client, name):
    audit(anna_client.get(reverse(name)))


def test_login_errors_are_named_in_text_and_linked_to_the_fields(client, user):
    response = client.post(reverse("account_login"), {"login": "", "password": ""})
    audit(response)
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'href="#id_login"' in html and 'href="#id_password"' in html
    assert re.search(r'<input[^>]*id="id_login"[^>]*aria-invalid="true"', html) or re.search(
        r'<input[^>]*aria-invalid="true"[^>]*id="id_login"', html
    )


def test_signup_shows_password_rules_as_field_help(client):
    response = client.get(reverse("account_signup"))
    html = response.content.decode()
    assert 'id="id_password1_helptext"' in html
    assert 'aria-describedby="id_password1_helptext"' in html
    assert "10 Zeichen" in html


def test_email_confirmation_page_uses_the_site_layout(client):
    from tests.accounts.factories import make_verified_user

    make_verified_user(email="neu@example.org", verified=False)
    confirmation = EmailConfirmationHMAC(EmailAddress.objects.get(email="neu@example.org"))
    audit(client.get(reverse("account_confirm_email", args=[confirmation.key])))
    audit(client.get(reverse("account_confirm_email", args=["ungueltig"])))


def test_password_reset_from_key_with_bad_key_uses_the_site_layout(client):
    response = client.get(reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "x-y"}))
    audit(response)
    assert "Ungültiger Link" in response.content.decode()


def test_second_factor_step_of_login_uses_the_site_layout(client, user):
    from allauth.mfa.models import Authenticator

    from tests.accounts.factories import PASSWORD

    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    page = audit(response)
    assert "id_code" in page.label_for


def test_account_mails_and_messages_address_people_formally(client, user):
    from django.core import mail

    client.post(
        reverse("account_signup"),
        {"email": "neu@example.org", "password1": "Kraniche im Herbst", "password2": "Kraniche im Herbst"},
    )
    client.post(reverse("account_reset_password"), {"email": "niemand@example.org"})
    client.post(reverse("account_reset_password"), {"email": user.email})

    confirm, unknown, reset = mail.outbox
    assert confirm.subject == "[Wandelwerk] Bitte bestätigen Sie Ihre E-Mail-Adresse"
    assert "Bitte bestätigen Sie die Adresse über diesen Link:" in confirm.body
    assert "Zu dieser Adresse gibt es bei uns kein Konto" in unknown.body
    assert "/password/reset/key/" in reset.body
    for message in mail.outbox:
        assert " du " not in message.body.lower() and " dein" not in message.body.lower()


def test_allauth_pages_without_own_template_still_use_the_site_layout(rf, user):
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.user = user
    html = render_to_string("account/signup_closed.html", request=request)
    assert 'class="skip-link"' in html
    assert html.count("<h1") == 1
