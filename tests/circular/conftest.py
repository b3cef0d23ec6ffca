from __future__ import annotations

import pytest

from tests.circular.factories import make_world


@pytest.fixture
def world(geo):
    return make_world(geo)


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login
