"""Parallel routings near capacity never overfill a centre: the open-case counter is raised only by a
conditional UPDATE, so the losers fall through to the next centre or wait as "new"."""

import threading

import pytest
from django.db import connection

from tests.consulting.conftest import ask, make_centre
from tests.factories import UserFactory
from wandelwerk.consulting.models import CompetenceCentre, ConsultingRequest
from wandelwerk.consulting.services import ConsultingError, request_advance


def race(n, action):
    barrier, errors = threading.Barrier(n), []

    def run(i):
        try:
            barrier.wait()
            action(i)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


@pytest.mark.django_db(transaction=True)
def test_parallel_requests_fill_a_centre_exactly_to_capacity(geo, topics):
    # given a centre with 3 places of which 1 is taken, and 8 people asking at the same moment
    energy = topics["energie-klimaschutz"]
    centre = make_centre(geo["zwickau_lk"], energy, capacity=3)
    ask(UserFactory(), energy, geo["zwickau"])
    users = [UserFactory() for _ in range(8)]
    # when all 8 requests are created in parallel
    errors = race(8, lambda i: ask(users[i], energy, geo["zwickau"], title=f"Anfrage {i}"))
    # then nobody saw an error, the centre got exactly 2 more, 6 wait, and the counter equals the rows
    assert errors == []
    assigned = ConsultingRequest.objects.filter(centre=centre, status="assigned").count()
    assert assigned == 3
    assert ConsultingRequest.objects.filter(status="new").count() == 6
    assert CompetenceCentre.objects.get(pk=centre.pk).open_cases == 3


@pytest.mark.django_db(transaction=True)
def test_parallel_requests_overflow_into_the_second_centre(geo, topics):
    energy = topics["energie-klimaschutz"]
    first = make_centre(geo["zwickau_lk"], energy, name="Erste", capacity=2)
    second = make_centre(geo["sn"], energy, name="Zweite", capacity=2)
    users = [UserFactory() for _ in range(6)]
    errors = race(6, lambda i: ask(users[i], energy, geo["zwickau"], title=f"Anfrage {i}"))
    assert errors == []
    for centre in (first, second):
        rows = ConsultingRequest.objects.filter(centre=centre).count()
        assert rows == 2 == CompetenceCentre.objects.get(pk=centre.pk).open_cases
    assert ConsultingRequest.objects.filter(status="new").count() == 2


@pytest.mark.django_db(transaction=True)
def test_parallel_closings_count_down_once(geo, topics):
    energy = topics["energie-klimaschutz"]
    owner = UserFactory()
    centre = make_centre(geo["zwickau_lk"], energy, owner=owner)
    case = ask(UserFactory(), energy, geo["zwickau"])
    request_advance(case=case, user=owner, to_status="in_progress")
    errors = race(
        5,
        lambda i: request_advance(
            case=ConsultingRequest.objects.get(pk=case.pk), user=owner, to_status="closed", outcome="fertig"
        ),
    )
    assert len(errors) == 4 and all(isinstance(e, ConsultingError) for e in errors)
    assert CompetenceCentre.objects.get(pk=centre.pk).open_cases == 0
    assert case.changes.filter(to_status="closed").count() == 1
