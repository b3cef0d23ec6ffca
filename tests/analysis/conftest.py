from __future__ import annotations

import pytest

from tests.factories import TopicFactory, make_actor
from wandelwerk.actors.models import Kind, Sector, Status, Visibility
from wandelwerk.geo.models import Area


@pytest.fixture
def gap_world(geo):
    """The test geography with RegioStaR types and actors for one topic:

    municipalities of type 77: Zwickau (87,000, no actor), Crimmitschau (18,000, 2 actors),
    Zittau (25,000, 3 actors). Counties get the type of their municipalities (77)."""
    Area.objects.filter(kind="municipality").update(regiostar7=77)
    topic = TopicFactory(slug="energie", name="Energie")
    for i in range(2):
        make_actor(
            geo["crimmitschau"], topics=[topic], name=f"Energie Crimmitschau {i}", sector=Sector.BUSINESS
        )
    for i in range(3):
        make_actor(geo["zittau"], topics=[topic], name=f"Energie Zittau {i}", kind=Kind.INITIATIVE)
    # not counted: members-only and pending actors
    make_actor(geo["zwickau"], topics=[topic], name="Intern", visibility=Visibility.MEMBERS)
    make_actor(geo["zwickau"], topics=[topic], name="Wartet", status=Status.PENDING)
    return {**geo, "topic": topic}
