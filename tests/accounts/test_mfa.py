"""Second factor (TOTP + recovery codes) for staff: set up, pages, and the login step it adds."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.core.cache import cache
from django.urls import reverse

from tests.accounts.factories import PASSWORD, make_verified_user
from tests.accounts.pages import audit

pytestmark = pytest.mark.django_db


def _current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def _login(client, email: str):
    return client.post(reverse("account_login"), {"login": email, "password": PASSWORD}, follow=True)


def test_staff_sets_up_totp_and_then_needs_the_code_to_log_in(client):
    # given: a staff member logged in with password only
    staff = make_verified_user(email="admin@example.org", is_staff=True)
    _login(client, staff.email)
    assert client.session["_auth_user_id"] == str(staff.pk)

    # when: they confirm their password, open the set-up page and enter the app's code
    response = client.get(reverse("mfa_activate_totp"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    audit(response)
    page = client.post(
        reverse("account_reauthenticate"),
        {"password": PASSWORD, "next": reverse("mfa_activate_totp")},
        follow=True,
    )
    assert page.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    audit(page)
    secret = page.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": _current_code(secret)}, follow=True)

    # then: TOTP and recovery codes exist, the pages around them use the site layout
    assert response.status_code == 200
    assert set(Authenticator.objects.filter(user=staff).values_list("type", flat=True)) == {
        "totp",
        "recovery_codes",
    }
    for name in (
        "mfa_index",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_deactivate_totp",
    ):
        audit(client.get(reverse(name)))
    assert "Bitte schützen Sie Ihr Konto" not in client.get(reverse("accounts:me")).content.decode()

    # when: they log out and in again
    client.post(reverse("account_logout"))
    cache.clear()  # a code is accepted once; the test may run within the same 30 seconds
    response = _login(client, staff.email)

    # then: the password alone is not enough ...
    assert response.redirect_chain[-1][0] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "_auth_user_id" not in client.session
    assert response.context["form"].errors["code"]

    # ... the code is
    client.post(reverse("mfa_authenticate"), {"code": _current_code(secret)})
    assert client.session["_auth_user_id"] == str(staff.pk)
