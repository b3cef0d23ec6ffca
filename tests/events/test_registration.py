"""Registration rules: seats, waiting list by age, approval, cancellation, capacity changes."""

import datetime as dt

import pytest
from django.core import mail
from django.db import IntegrityError
from django.utils import timezone

from tests.events.factories import make_event
from tests.factories import UserFactory
from wandelwerk.events.forms import EventForm
from wandelwerk.events.models import Event, Registration
from wandelwerk.events.selectors import waiting_position
from wandelwerk.events.services import (
    EventError,
    attendance_record,
    event_update,
    participants_message,
    registration_cancel,
    registration_create,
    registration_decide,
)


def _register(event, n):
    return [registration_create(event=event, user=UserFactory()) for _ in range(n)]


def _data_of(event, **changes):
    from wandelwerk.events.services import EventData

    values = dict(
        kind=event.kind,
        title=event.title,
        start=event.start,
        end=event.end,
        area=event.area,
        online_url=event.online_url,
        capacity=event.capacity,
        is_published=event.is_published,
        needs_approval=event.needs_approval,
    )
    values.update(changes)
    return EventData(**values)


@pytest.mark.django_db
def test_registrations_beyond_capacity_go_to_the_waiting_list_in_order(event):
    # given an event with 2 seats
    # when four people register
    regs = _register(event, 4)
    # then two are confirmed, two wait in the order they came
    assert [r.status for r in regs] == ["confirmed", "confirmed", "waiting", "waiting"]
    assert [waiting_position(r) for r in regs[2:]] == [1, 2]
    event.refresh_from_db()
    assert event.confirmed_count == 2


@pytest.mark.django_db
def test_registering_twice_is_refused_and_the_database_forbids_a_second_row(event):
    user = UserFactory()
    registration_create(event=event, user=user)
    with pytest.raises(EventError, match="bereits angemeldet"):
        registration_create(event=event, user=user)
    with pytest.raises(IntegrityError):
        Registration.objects.create(event=event, user=user, status="waiting", queued_at=timezone.now())


@pytest.mark.django_db
def test_cancelling_a_confirmed_seat_promotes_the_oldest_waiting_person_and_emails_them(
    event, django_capture_on_commit_callbacks
):
    # given a full event with two people waiting
    first, second, older, younger = _register(event, 4)
    # when a confirmed person cancels
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=first, base_url="https://ww.example")
    # then the oldest waiting person gets the seat and an email; the younger one moves up
    older.refresh_from_db()
    younger.refresh_from_db()
    assert older.status == "confirmed" and younger.status == "waiting"
    assert waiting_position(younger) == 1
    assert [m.to for m in mail.outbox] == [[older.user.email]]
    assert "https://ww.example/veranstaltungen/" in mail.outbox[0].body
    event.refresh_from_db()
    assert event.confirmed_count == 2


@pytest.mark.django_db
def test_cancelling_a_waiting_registration_frees_no_seat_and_sends_nothing(
    event, django_capture_on_commit_callbacks
):
    _first, _second, waiting, later = _register(event, 4)
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=waiting)
    later.refresh_from_db()
    assert later.status == "waiting" and waiting_position(later) == 1
    assert mail.outbox == []
    with pytest.raises(EventError):
        registration_cancel(registration=waiting)


@pytest.mark.django_db
def test_registering_again_after_cancelling_reuses_the_row_and_queues_at_the_end(event):
    a, _b, c = _register(event, 3)
    registration_cancel(registration=a)  # c is promoted
    d = registration_create(event=event, user=UserFactory())
    again = registration_create(event=event, user=a.user)
    assert again.pk == a.pk and again.status == "waiting"
    assert waiting_position(d) == 1 and waiting_position(again) == 2
    assert Registration.objects.filter(event=event, user=a.user).count() == 1


@pytest.mark.django_db
def test_approval_flow_takes_a_seat_on_approval_only(people, geo, django_capture_on_commit_callbacks):
    event = make_event(people["net_a"], area=geo["zwickau"], capacity=1, needs_approval=True)
    one, two, three = _register(event, 3)
    assert {r.status for r in (one, two, three)} == {"pending"}
    event.refresh_from_db()
    assert event.confirmed_count == 0
    with django_capture_on_commit_callbacks(execute=True):
        registration_decide(registration=one, user=people["coordinator"], approve=True)
        registration_decide(registration=two, user=people["coordinator"], approve=True)
        registration_decide(registration=three, user=people["coordinator"], approve=False)
    statuses = {r.pk: r.status for r in Registration.objects.filter(event=event)}
    assert statuses == {one.pk: "confirmed", two.pk: "waiting", three.pk: "declined"}
    assert len(mail.outbox) == 3
    with pytest.raises(EventError, match="bereits entschieden"):
        registration_decide(registration=three, user=people["coordinator"], approve=True)
    with pytest.raises(EventError, match="abgelehnt"):
        registration_create(event=event, user=three.user)


@pytest.mark.django_db
def test_more_seats_promote_waiting_people_and_fewer_than_confirmed_are_refused(event):
    regs = _register(event, 5)
    event_update(event=event, data=_data_of(event, capacity=3))
    assert Registration.objects.get(pk=regs[2].pk).status == "confirmed"
    with pytest.raises(EventError) as exc:
        event_update(event=event, data=_data_of(event, capacity=2, title="Neu"))
    assert exc.value.field == "capacity"
    event.refresh_from_db()
    assert event.capacity == 3 and event.title == "Netzwerktreffen Zwickau"
    event_update(event=event, data=_data_of(event, capacity=None))
    assert Registration.objects.filter(event=event, status="confirmed").count() == 5
    assert Event.objects.get(pk=event.pk).confirmed_count == 5


@pytest.mark.django_db
def test_registration_is_refused_outside_its_window_and_for_drafts(people, geo):
    now = timezone.now()
    later = make_event(people["net_a"], area=geo["zwickau"], registration_opens_at=now + dt.timedelta(days=1))
    closed = make_event(
        people["net_a"],
        area=geo["zwickau"],
        registration_closes_at=now - dt.timedelta(hours=1),
        registration_opens_at=now - dt.timedelta(days=1),
    )
    draft = make_event(people["net_a"], area=geo["zwickau"], is_published=False)
    for event in (later, closed, draft):
        with pytest.raises(EventError, match="nicht geöffnet"):
            registration_create(event=event, user=UserFactory())
    assert Registration.objects.count() == 0


@pytest.mark.django_db
def test_answers_are_stored_per_question(people, geo):
    event = make_event(
        people["net_a"], area=geo["zwickau"], questions=["Ernährung?", "Unterstützungsbedarf?"]
    )
    reg = registration_create(event=event, user=UserFactory(), answers={"Ernährung?": "vegan", "Fremd": "x"})
    assert reg.answers == {"Ernährung?": "vegan", "Unterstützungsbedarf?": ""}


@pytest.mark.django_db
def test_attendance_is_recorded_only_after_the_end(event):
    a, b = _register(event, 2)
    with pytest.raises(EventError):
        attendance_record(event=event, attended_ids=[a.pk])
    assert attendance_record(event=event, attended_ids=[a.pk], now=event.end + dt.timedelta(minutes=1)) == 1
    assert Registration.objects.get(pk=a.pk).attended is True
    assert Registration.objects.get(pk=b.pk).attended is False


@pytest.mark.django_db
def test_message_goes_to_confirmed_participants_only(event, people, django_capture_on_commit_callbacks):
    confirmed = _register(event, 3)[:2]
    with django_capture_on_commit_callbacks(execute=True):
        n = participants_message(
            event=event, sender=people["coordinator"], subject="Raumänderung", body="Raum 2"
        )
    assert n == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.user.email for r in confirmed)
    with pytest.raises(EventError) as exc:
        participants_message(event=event, sender=people["coordinator"], subject=" ", body="x")
    assert exc.value.field == "subject"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end": "2026-05-01T09:00"}, "end"),
        (
            {"registration_opens_at": "2026-04-20T10:00", "registration_closes_at": "2026-04-10T10:00"},
            "registration_closes_at",
        ),
        ({"capacity": "0"}, "capacity"),
        ({"capacity": "-5"}, "capacity"),
        ({"place": "", "online_url": ""}, "place"),
    ],
)
def test_bad_event_input_names_the_field(people, changes, field):
    data = {
        "organiser": f"n:{people['net_a'].pk}",
        "kind": "workshop",
        "title": "Workshop",
        "start": "2026-05-01T10:00",
        "end": "2026-05-01T12:00",
        "place": "",
        "online_url": "https://meet.example.org/x",
        "visibility": "public",
    }
    data.update(changes)
    form = EventForm(data, organisers=[(f"n:{people['net_a'].pk}", "A")])
    assert not form.is_valid()
    assert field in form.errors


@pytest.mark.django_db
def test_service_refuses_end_before_start_and_writes_nothing(people):
    start = timezone.now() + dt.timedelta(days=1)
    with pytest.raises(EventError) as exc:
        make_event(people["net_a"], start=start, end=start - dt.timedelta(hours=1))
    assert exc.value.field == "end"
    with pytest.raises(EventError) as exc:
        make_event(people["net_a"], capacity=0)
    assert exc.value.field == "capacity"
    assert Event.objects.count() == 0


@pytest.mark.django_db
def test_database_refuses_an_event_with_two_organisers_or_none(people, event):
    with pytest.raises(IntegrityError):
        Event.objects.filter(pk=event.pk).update(actor=people["actor"])


@pytest.mark.django_db
def test_cancelling_after_the_event_ended_is_refused(people, geo):
    start = timezone.now() - dt.timedelta(days=2)
    event = make_event(people["net_a"], area=geo["zwickau"], start=start)
    reg = registration_create(event=event, user=UserFactory(), now=start - dt.timedelta(days=1))
    with pytest.raises(EventError, match="vorbei"):
        registration_cancel(registration=reg)
    reg.refresh_from_db()
    assert reg.status == "confirmed"
