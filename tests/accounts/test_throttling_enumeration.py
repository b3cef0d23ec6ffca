"""Login throttling (ASVS 2.2.1) and no account enumeration through login, reset or sign-up."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from tests.accounts.factories import PASSWORD
from tests.accounts.pages import audit

pytestmark = pytest.mark.django_db


def _login(client, email: str, password: str, ip: str = "127.0.0.1"):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip)


def test_sixth_login_after_five_failures_is_refused_even_with_the_right_password(client, user):
    # given: five wrong passwords for one account
    for _attempt in range(5):
        response = _login(client, user.email, "falsches-passwort-123")
        assert response.status_code == 200
        assert "Zu viele" not in response.content.decode()

    # when: the sixth attempt uses the right password
    response = _login(client, user.email, PASSWORD)

    # then: refused, with a message saying why
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Zu viele gescheiterte Anmeldeversuche" in " ".join(response.context["form"].non_field_errors())


def test_throttled_account_stays_locked_from_another_address_while_others_log_in(client, user, other_user):
    # given: five failures for Anna from one address
    for _attempt in range(5):
        _login(client, user.email, "falsches-passwort-123", ip="192.0.2.1")

    # then: Anna's account is locked from everywhere (limit per account) ...
    response = _login(client, user.email, PASSWORD, ip="198.51.100.7")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session

    # ... while Bernd, from another address, logs in
    response = _login(client, other_user.email, PASSWORD, ip="198.51.100.7")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other_user.pk)


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client, user):
    # when: a reset is requested for an existing and for an unknown address
    known = client.post(reverse("account_reset_password"), {"email": user.email}, follow=True)
    unknown = client.post(reverse("account_reset_password"), {"email": "niemand@example.org"}, follow=True)

    # then: same redirects, same page, one mail each (the unknown one says there is no account)
    assert known.redirect_chain == unknown.redirect_chain == [(reverse("account_reset_password_done"), 302)]
    assert known.content == unknown.content
    assert [m.to for m in mail.outbox] == [[user.email], ["niemand@example.org"]]


def test_login_error_is_the_same_for_unknown_account_and_wrong_password(client, user):
    wrong_password = _login(client, user.email, "falsches-passwort-123")
    unknown = _login(client, "niemand@example.org", "falsches-passwort-123")
    assert wrong_password.context["form"].non_field_errors() == unknown.context["form"].non_field_errors()


def test_password_reset_link_sets_a_new_password(client, user):
    import re

    # given: a reset mail
    client.post(reverse("account_reset_password"), {"email": user.email})
    link = re.search(r"https?://testserver(/\S+/password/reset/key/\S+/)", mail.outbox[0].body).group(1)

    # when: the link is followed and a new passphrase chosen
    form_page = client.get(link, follow=True)
    audit(form_page)
    new = "Neue lange Passphrase für den Herbst"
    response = client.post(form_page.redirect_chain[-1][0], {"password1": new, "password2": new})

    # then: the new password works, the old one not
    assert response.status_code == 302
    assert _login(client, user.email, PASSWORD).status_code == 200
    assert _login(client, user.email, new).status_code == 302
