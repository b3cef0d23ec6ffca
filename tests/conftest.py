from __future__ import annotations

import pytest

from tests.factories import make_geography


@pytest.fixture
def geo(db):
    return make_geography()
