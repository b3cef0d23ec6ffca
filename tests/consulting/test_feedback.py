"""The requester rates a closed case once."""

import threading

import pytest
from django.db import connection

from tests.consulting.conftest import ask, make_centre
from tests.factories import UserFactory
from wandelwerk.consulting.models import Feedback
from wandelwerk.consulting.services import ConsultingError, feedback_give, request_advance


def close(case, user):
    request_advance(case=case, user=user, to_status="in_progress")
    request_advance(case=case, user=user, to_status="closed", outcome="Beraten")


@pytest.mark.django_db
def test_feedback_only_after_closing_and_only_once(world):
    case, requester = world["case"], world["users"]["requester"]
    with pytest.raises(ConsultingError, match="nach dem Abschluss"):
        feedback_give(case=case, user=requester, rating=4)
    close(case, world["users"]["assigned_centre"])
    with pytest.raises(ConsultingError) as info:
        feedback_give(case=case, user=requester, rating=6)
    assert info.value.field == "rating"
    with pytest.raises(ConsultingError, match="anfragende Person"):
        feedback_give(case=case, user=world["users"]["assigned_centre"], rating=5)
    feedback_give(case=case, user=requester, rating=4, text="Hilfreich")
    with pytest.raises(ConsultingError, match="schon eine Rückmeldung"):
        feedback_give(case=case, user=requester, rating=1)
    assert list(Feedback.objects.values_list("rating", "text")) == [(4, "Hilfreich")]


@pytest.mark.django_db(transaction=True)
def test_parallel_feedback_gives_one_row(geo, topics):
    energy = topics["energie-klimaschutz"]
    centre_owner, requester = UserFactory(), UserFactory()
    make_centre(geo["zwickau_lk"], energy, owner=centre_owner)
    case = ask(requester, energy, geo["zwickau"])
    close(case, centre_owner)
    barrier, outcomes = threading.Barrier(6), []

    def run(i):
        try:
            barrier.wait()
            feedback_give(case=case, user=requester, rating=1 + i % 5)
            outcomes.append("ok")
        except ConsultingError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ok"] + ["refused"] * 5
    assert Feedback.objects.filter(case=case).count() == 1
