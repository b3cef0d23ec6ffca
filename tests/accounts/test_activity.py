"""The personal-data download covers a person's activity in every app; deleting the account frees
their event seats for the people waiting."""

from __future__ import annotations

import pytest

from tests.events.factories import make_event
from tests.factories import NetworkFactory, UserFactory
from tests.newsletters.conftest import make_subscription
from wandelwerk.accounts.selectors import account_export
from wandelwerk.accounts.services import account_delete
from wandelwerk.events.models import Registration
from wandelwerk.events.services import registration_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy(user, geo):
    """Anna proposed a project, registered for an event, posts in a working group, asked for advice
    and subscribed to a newsletter with her address."""
    from wandelwerk.actors.models import Topic
    from wandelwerk.consulting.services import request_create
    from wandelwerk.groups.services import group_create, group_join
    from wandelwerk.groups.services_content import post_create
    from wandelwerk.projects.services import project_create

    network = NetworkFactory(areas=[geo["zwickau_lk"]])
    project_create(user=user, title="Bürgersolar Anna", summary="PV", area=geo["zwickau"])
    event = make_event(
        network, area=geo["zwickau"], title="Netzwerktreffen", capacity=1, questions=["Ernährung"]
    )
    registration_create(event=event, user=user, answers={"Ernährung": "vegetarisch"})
    group = group_create(user=UserFactory(), network=network, name="AG Energie", join_mode="open")
    group_join(group=group, user=user)
    post_create(group=group, user=user, text="Wer kommt mit zur Konferenz?")
    request_create(
        user=user,
        topic=Topic.objects.get(slug="energie-klimaschutz"),
        area=geo["zwickau"],
        title="Balkonkraftwerke im Verein",
        description="Wie fangen wir an?",
        urgency="normal",
    )
    make_subscription(network, user.email)
    return {"event": event}


def test_personal_data_download_lists_activity_in_every_app(user, busy):
    data = account_export(user=user)
    assert [p["title"] for p in data["projects_proposed"]] == ["Bürgersolar Anna"]
    assert data["event_registrations"][0]["answers"] == {"Ernährung": "vegetarisch"}
    assert [g["group"] for g in data["working_groups"]] == ["AG Energie"]
    assert data["posts"][0]["text"] == "Wer kommt mit zur Konferenz?"
    assert data["consulting_requests"][0]["title"] == "Balkonkraftwerke im Verein"
    assert data["newsletter_subscriptions"][0]["email"] == user.email


def test_deleting_the_account_gives_its_seat_to_the_oldest_waiting_person(user, busy, mailoutbox):
    waiting = UserFactory()
    registration_create(event=busy["event"], user=waiting)
    assert Registration.objects.get(user=waiting).status == "waiting"
    account_delete(user=user)
    assert Registration.objects.get(user=waiting).status == "confirmed"
    busy["event"].refresh_from_db()
    assert busy["event"].confirmed_count == 1
