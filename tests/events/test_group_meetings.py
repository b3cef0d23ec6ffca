"""Working-group meetings are events of the group's network that name the group."""

import pytest
from django.test import Client

from tests.events.factories import make_event
from wandelwerk.events.services import EventError
from wandelwerk.groups.services import group_create

pytestmark = pytest.mark.django_db


def test_a_group_meeting_shows_on_the_group_page_and_the_event_form_offers_the_group(people, geo):
    # given a working group of network A
    group = group_create(user=people["coordinator"], network=people["net_a"], name="AG Energie")
    # when A's coordinator plans a meeting of the group
    make_event(
        people["net_a"], area=geo["zwickau"], title="AG-Treffen Energie", kind="working_group", group=group
    )
    make_event(people["net_a"], area=geo["zwickau"], title="Anderes Treffen")
    # then the group page lists it, and only it
    html = Client().get(group.get_absolute_url()).content.decode()
    assert "AG-Treffen Energie" in html and "Anderes Treffen" not in html
    c = Client()
    c.force_login(people["coordinator"])
    assert "AG Energie" in c.get("/veranstaltungen/neu/").content.decode()


def test_a_meeting_cannot_belong_to_a_group_of_another_network(people, geo):
    foreign = group_create(user=people["coordinator_b"], network=people["net_b"], name="AG Zittau")
    with pytest.raises(EventError) as exc:
        make_event(people["net_a"], area=geo["zwickau"], title="Treffen", group=foreign)
    assert exc.value.field == "group"
