import pytest

from tests.factories import AreaFactory, NetworkFactory, UserFactory
from wandelwerk.events.demo import load_demo
from wandelwerk.events.models import Event, Registration


@pytest.mark.django_db
def test_demo_events_cover_every_case_and_are_made_once(geo):
    AreaFactory(ags="14522180", name="Freiberg, Stadt", parent=geo["zwickau_lk"])
    AreaFactory(ags="14713000", name="Leipzig, Stadt", parent=geo["sn"])
    AreaFactory(ags="15002000", name="Halle (Saale), Stadt")
    for slug in (
        "region-zwickau",
        "zusammenwachsen-revier",
        "circular-rural-regions-mittelsachsen",
        "landesverband-nachhaltiges-sachsen",
        "region-freiberg-tharandt",
    ):
        NetworkFactory(slug=slug)
    user = UserFactory()

    line = load_demo(user=user)
    assert line and line.startswith("Demo-Veranstaltungen: 6 angelegt")
    assert load_demo(user=user) is None
    assert Event.objects.count() == 6

    conference = Event.objects.get(kind="conference")
    assert conference.sessions.count() == 7 and (conference.end - conference.start).days >= 1
    workshop = Event.objects.get(kind="workshop")
    assert workshop.confirmed_count == 12 and workshop.registrations.filter(status="waiting").count() == 5
    past = Event.objects.get(title__contains="Freiberg/Tharandt")
    assert Registration.objects.filter(event=past, attended=True).count() == 6
    assert Event.objects.get(kind="forum").area is None
    assert Event.objects.get(kind="working_group").visibility == "members"
    assert Registration.objects.filter(event__kind="forum", status="pending").count() == 3
