"""Accounts as allauth sees them: a user with a (verified, primary) email address row."""

from __future__ import annotations

from allauth.account.models import EmailAddress

from tests.factories import UserFactory

PASSWORD = "ein-langes-test-passwort"


def make_verified_user(*, email: str, verified: bool = True, **kwargs):
    user = UserFactory(email=email, **kwargs)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user
