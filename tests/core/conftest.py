from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """allauth keeps login rate-limit counters in the cache: each test starts without any."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def topics(db):
    """The default topics of migration actors/0003 (a transactional test elsewhere may have flushed
    them); running the migration's function again also shows it is idempotent."""
    migration = importlib.import_module("wandelwerk.actors.migrations.0003_default_topics")
    migration.create_topics(apps, None)
