import pytest

from tests.factories import make_actor
from wandelwerk.projects.models import Measure, Strategy


@pytest.fixture
def strategy(geo):
    """A published strategy of Zwickau with two measures (M 1.1, M 3.2)."""
    city = make_actor(geo["zwickau"], name="Stadt Zwickau", kind="administration", sector="administration")
    s = Strategy.objects.create(
        title="Klimaschutzkonzept Zwickau 2030",
        slug="kk-zwickau",
        publisher=city,
        area=geo["zwickau"],
        period_start=2024,
        period_end=2030,
        is_published=True,
    )
    Measure.objects.create(strategy=s, code="M 1.1", title="PV auf kommunalen Dächern")
    Measure.objects.create(strategy=s, code="M 3.2", title="Radverkehr stärken")
    return s
