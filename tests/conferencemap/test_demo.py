"""The demo map: made once for the Revier network's Landkreis Leipzig, with actors, wishes, supporters."""

import pytest

from tests.factories import AreaFactory, NetworkFactory, UserFactory, make_actor
from wandelwerk.actors.models import Topic
from wandelwerk.conferencemap.demo import load_demo
from wandelwerk.conferencemap.models import Comment, ConferenceMap, MapActor, Support, Wish
from wandelwerk.geo.models import AreaKind


@pytest.mark.django_db
def test_demo_map_is_made_once_with_actors_wishes_and_supporters(geo):
    # given the Revier network covering Landkreis Leipzig with Borna and 25 public actors there
    county = AreaFactory(
        ags="14729", name="Leipzig", kind=AreaKind.COUNTY, parent=geo["sn"], lat=51.2, lon=12.6
    )
    borna = AreaFactory(ags="14729050", name="Borna, Stadt", parent=county, lat=51.12, lon=12.5)
    NetworkFactory(slug="zusammenwachsen-revier", areas=[county])
    topics = list(Topic.objects.filter(group="field"))
    assert len(topics) >= 9  # from the data migration
    for i in range(25):
        make_actor(borna, name=f"Initiative {i:02d}", topics=[topics[i % len(topics)]])
    coordinator = UserFactory()
    # when the demo is loaded twice
    line = load_demo(user=coordinator)
    again = load_demo(user=coordinator)
    # then one map exists with 20 linked actors, 12 wishes with supporters and some comments
    assert line and again is None
    cmap = ConferenceMap.objects.get()
    assert cmap.is_demo and cmap.area == county and cmap.created_by == coordinator
    assert MapActor.objects.filter(map=cmap).count() == 20
    assert Wish.objects.filter(map=cmap).count() == 12
    assert Wish.objects.get(title="Repair-Café in Borna").area == borna
    assert Support.objects.count() == 79 and Comment.objects.count() == 5


@pytest.mark.django_db
def test_demo_without_the_network_does_nothing(geo):
    assert load_demo(user=None) is None
    assert not ConferenceMap.objects.exists()
