"""Real geography for the geo tests: Saxony loaded once per test module, rolled back afterwards."""

from __future__ import annotations

import pytest
from django.db import transaction


@pytest.fixture(scope="module")
def saxony(django_db_setup, django_db_blocker):
    """Saxony (state 14) from the shipped data: 13 counties, 418 municipalities, their postcodes.

    Loaded inside a transaction that is rolled back when the module's tests are done; each test
    runs in its own savepoint within it (pytest-django's ``db``)."""
    from wandelwerk.geo.services import geography_load

    with django_db_blocker.unblock(), transaction.atomic():
        result = geography_load(states=["14"])
        yield result
        transaction.set_rollback(True)
