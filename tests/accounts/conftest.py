from __future__ import annotations

import pytest

from tests.accounts.factories import make_verified_user


@pytest.fixture
def user(db):
    return make_verified_user(email="anna@example.org", display_name="Anna")


@pytest.fixture
def other_user(db):
    return make_verified_user(email="bernd@example.org", display_name="Bernd")


@pytest.fixture
def anna_client(client, user):
    client.force_login(user)
    return client
