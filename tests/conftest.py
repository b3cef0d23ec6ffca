from __future__ import annotations

import pytest

from tests.factories import make_geography


@pytest.fixture
def geo(db):
    return make_geography()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and the short map-overview cache live in the cache: every test starts empty."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2 at production strength costs ~0.3 s per hash; tests hash hundreds of times."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
