"""Reminders go once to confirmed participants of events starting in 24–48 hours."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.events.factories import make_event
from tests.factories import UserFactory
from wandelwerk.events.services import registration_cancel, registration_create, reminders_send


@pytest.mark.django_db
def test_reminders_reach_confirmed_participants_of_tomorrows_events_once(people, geo):
    now = timezone.now()
    soon = make_event(
        people["net_a"], area=geo["zwickau"], title="Morgen", capacity=2, start=now + dt.timedelta(hours=30)
    )
    too_late = make_event(
        people["net_a"], area=geo["zwickau"], title="In drei Tagen", start=now + dt.timedelta(hours=60)
    )
    too_early = make_event(
        people["net_a"], area=geo["zwickau"], title="Gleich", start=now + dt.timedelta(hours=3)
    )
    confirmed = [registration_create(event=soon, user=UserFactory()) for _ in range(2)]
    waiting = registration_create(event=soon, user=UserFactory())
    cancelled = registration_create(event=too_late, user=UserFactory())
    registration_create(event=too_early, user=UserFactory())
    registration_cancel(registration=cancelled)

    assert reminders_send(now=now) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.user.email for r in confirmed)
    assert waiting.user.email not in {m.to[0] for m in mail.outbox}
    assert "Morgen" in mail.outbox[0].subject

    # the command (and the periodic task) send nothing twice
    call_command("send_event_reminders")
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_periodic_task_uses_the_same_service(people, geo):
    from wandelwerk.events.tasks import send_event_reminders

    event = make_event(people["net_a"], area=geo["zwickau"], start=timezone.now() + dt.timedelta(hours=36))
    registration_create(event=event, user=UserFactory())
    assert send_event_reminders.call_local() == 1
    assert send_event_reminders.call_local() == 0
    assert len(mail.outbox) == 1
