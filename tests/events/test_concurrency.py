"""Registration storms: capacity holds exactly, one person keeps one row (SQLite file and PostgreSQL)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from tests.events.factories import make_event
from tests.factories import NetworkFactory, UserFactory
from wandelwerk.events.models import Event, Registration
from wandelwerk.events.services import EventError, registration_cancel, registration_create


def _run_parallel(fn, items, workers=16):
    def wrapped(item):
        try:
            return fn(item)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(wrapped, items))


@pytest.mark.django_db(transaction=True)
def test_200_parallel_registrations_for_50_seats_confirm_exactly_50(geo):
    # given an event with 50 seats and 200 people
    event = make_event(NetworkFactory(), area=geo["zwickau"], capacity=50)
    User = get_user_model()
    User.objects.bulk_create([User(username=f"storm{i}", email=f"storm{i}@example.org") for i in range(200)])
    users = list(User.objects.filter(username__startswith="storm"))

    # when all register at once over 16 threads
    def register(user):
        return registration_create(event=Event.objects.get(pk=event.pk), user=user).status

    statuses = _run_parallel(register, users)

    # then exactly 50 are confirmed, 150 wait, and the seat counter equals the rows
    assert statuses.count("confirmed") == 50
    assert statuses.count("waiting") == 150
    event.refresh_from_db()
    assert event.confirmed_count == 50
    assert Registration.objects.filter(event=event, status="confirmed").count() == 50
    assert Registration.objects.filter(event=event, status="waiting").count() == 150


@pytest.mark.django_db(transaction=True)
def test_20_parallel_registrations_of_one_person_give_one_row_and_one_seat(geo):
    event = make_event(NetworkFactory(), area=geo["zwickau"], capacity=5)
    user = UserFactory()
    barrier = threading.Barrier(20)

    def register(_):
        barrier.wait()
        try:
            registration_create(event=Event.objects.get(pk=event.pk), user=user)
            return "ok"
        except EventError:
            return "refused"

    outcomes = _run_parallel(register, range(20), workers=20)
    assert outcomes.count("ok") == 1 and outcomes.count("refused") == 19
    assert Registration.objects.filter(event=event, user=user).count() == 1
    event.refresh_from_db()
    assert event.confirmed_count == 1


@pytest.mark.django_db(transaction=True)
def test_parallel_cancellations_promote_each_waiting_person_once(geo):
    event = make_event(NetworkFactory(), area=geo["zwickau"], capacity=10)
    regs = [registration_create(event=event, user=UserFactory()) for _ in range(20)]
    confirmed, waiting = regs[:10], regs[10:]

    _run_parallel(lambda r: registration_cancel(registration=r), confirmed[:8], workers=8)

    event.refresh_from_db()
    assert event.confirmed_count == 10
    assert Registration.objects.filter(event=event, status="confirmed").count() == 10
    promoted = set(
        Registration.objects.filter(pk__in=[r.pk for r in waiting], status="confirmed").values_list(
            "pk", flat=True
        )
    )
    assert promoted == {r.pk for r in waiting[:8]}
