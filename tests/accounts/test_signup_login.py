"""Sign-up with email and password, mandatory email verification, login."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSPHRASE = "Kraniche ziehen im Herbst über die Lausitz nach Süden"


def _signup(client, email: str, password: str = PASSPHRASE, password2: str | None = None):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": password, "password2": password2 or password},
    )


def _login(client, email: str, password: str):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def _confirmation_path(message) -> str:
    match = re.search(r"https?://testserver(/\S*/confirm-email/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_signup_sends_verification_mail_and_confirmed_account_can_log_in(client):
    # given: a visitor signs up
    response = _signup(client, "clara@example.org")

    # then: the account exists, nobody is logged in, a verification mail went out
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    user = User.objects.get(email="clara@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["clara@example.org"]
    assert mail.outbox[0].subject.startswith("[Wandelwerk]")

    # when: the link in the mail is followed and confirmed
    path = _confirmation_path(mail.outbox[0])
    assert client.get(path).status_code == 200
    client.post(path)

    # then: the address is verified and the login works
    assert EmailAddress.objects.get(user=user).verified
    response = _login(client, "clara@example.org", PASSPHRASE)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_login_before_email_confirmation_is_refused_and_mail_resent(client):
    # given: an account whose address was never confirmed, after the resend cooldown
    _signup(client, "dora@example.org")
    mail.outbox.clear()
    cache.clear()  # allauth sends at most one confirmation mail per 3 minutes and address

    # when: it tries to log in with the right password
    response = _login(client, "dora@example.org", PASSPHRASE)

    # then: no session, the verification page, and a fresh confirmation mail
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert len(mail.outbox) == 1


def test_wrong_password_is_refused_with_a_message(client, user):
    response = _login(client, user.email, "falsches-passwort-123")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert response.context["form"].non_field_errors()


def test_verified_account_logs_in(client, user):
    response = _login(client, user.email, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("kurz-9", "password_too_short"),
        ("qwertyuiop", "password_too_common"),
        ("8264917350", "password_entirely_numeric"),
        ("x" * 513, "password_too_long"),
    ],
)
def test_signup_refuses_weak_passwords_with_a_reason(client, password, code):
    response = _signup(client, "emil@example.org", password)

    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["password1"]
    assert code in {e.code for e in errors}
    assert not User.objects.filter(email="emil@example.org").exists()
    assert mail.outbox == []


def test_signup_accepts_a_long_passphrase_without_composition_rules(client):
    passphrase = "ein sehr langer satz ohne ziffern und sonderzeichen " * 4  # ~200 characters
    response = _signup(client, "frieda@example.org", passphrase.strip())
    assert response.status_code == 302
    assert User.objects.filter(email="frieda@example.org").exists()


def test_signup_with_mismatched_passwords_names_the_problem(client):
    response = _signup(client, "gerd@example.org", PASSPHRASE, PASSPHRASE + "x")
    assert response.status_code == 200
    assert response.context["form"].errors["password2"]


def test_signup_with_a_taken_email_looks_like_a_new_signup(client, user):
    # given: anna@example.org already has an account
    # when: someone signs up with that address
    response = _signup(client, user.email)

    # then: the same answer as for a new address; the owner gets a notice; no second account
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email__iexact=user.email).count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
