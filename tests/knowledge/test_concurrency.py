"""Twenty parallel "Wir setzen das um" for the same actor: one row, the others are told."""

import threading

import pytest
from django.db import connection

from tests.factories import UserFactory, make_actor
from tests.knowledge.conftest import make_practice
from wandelwerk.knowledge.models import Adoption
from wandelwerk.knowledge.services import KnowledgeError, adoption_add


@pytest.mark.django_db(transaction=True)
def test_parallel_adoptions_of_one_actor_make_one_row(geo):
    owner = UserFactory()
    actor = make_actor(geo["zwickau"], name="Repair-Café Zwickau", owner=owner)
    practice = make_practice(title="Repair-Café")
    barrier = threading.Barrier(20)
    outcomes = []

    def adopt():
        try:
            barrier.wait()
            adoption_add(practice=practice, user=owner, actor=actor)
            outcomes.append("ok")
        except KnowledgeError:
            outcomes.append("exists")
        finally:
            connection.close()

    threads = [threading.Thread(target=adopt) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["exists"] * 19 + ["ok"]
    assert Adoption.objects.filter(practice=practice, actor=actor).count() == 1
