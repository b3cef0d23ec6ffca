"""Two coordinators deciding the same entry at once: exactly one decision lands, the other is told."""

import threading

import pytest
from django.db import connection

from tests.factories import NetworkFactory, make_actor, make_member
from wandelwerk.actors.models import Actor
from wandelwerk.actors.services import ActorError, actor_review
from wandelwerk.networks.models import Role


@pytest.mark.django_db(transaction=True)
def test_parallel_reviews_decide_once(geo):
    network = NetworkFactory(slug="a", areas=[geo["zwickau_lk"]])
    coordinators = [make_member(network, Role.COORDINATOR) for _ in range(8)]
    actor = make_actor(geo["zwickau"], name="Neu", status="pending")
    barrier = threading.Barrier(len(coordinators))
    outcomes = []

    def decide(user, approve):
        try:
            barrier.wait()
            actor_review(actor=Actor.objects.get(pk=actor.pk), reviewer=user, approve=approve)
            outcomes.append("ok")
        except ActorError:
            outcomes.append("already")
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(u, i % 2 == 0)) for i, u in enumerate(coordinators)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["already"] * 7 + ["ok"]
    actor.refresh_from_db()
    assert actor.status in ("published", "rejected") and actor.reviewed_by in coordinators
