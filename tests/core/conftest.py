from __future__ import annotations

import importlib

import pytest
from django.apps import apps


@pytest.fixture
def topics(db):
    """The default topics of migration actors/0003 (a transactional test elsewhere may have flushed
    them); running the migration's function again also shows it is idempotent."""
    migration = importlib.import_module("wandelwerk.actors.migrations.0003_default_topics")
    migration.create_topics(apps, None)
