import pytest

from tests.events.factories import make_event
from tests.factories import NetworkFactory, UserFactory, make_actor, make_member
from wandelwerk.networks.models import Role


@pytest.fixture
def people(geo):
    """Network A (Zwickau) with a coordinator and a member, network B with its coordinator, a stranger,
    staff, and an actor with its owner."""
    net_a = NetworkFactory(slug="netz-a", name="Netz A", areas=[geo["zwickau_lk"]])
    net_b = NetworkFactory(slug="netz-b", name="Netz B", areas=[geo["goerlitz_lk"]])
    owner = UserFactory()
    return {
        "net_a": net_a,
        "net_b": net_b,
        "coordinator": make_member(net_a, Role.COORDINATOR),
        "member": make_member(net_a, Role.MEMBER),
        "coordinator_b": make_member(net_b, Role.COORDINATOR),
        "stranger": UserFactory(),
        "staff": UserFactory(is_staff=True),
        "owner": owner,
        "actor": make_actor(geo["zittau"], name="Repair-Café Zittau", owner=owner),
    }


@pytest.fixture
def event(people, geo):
    return make_event(people["net_a"], area=geo["zwickau"], title="Netzwerktreffen Zwickau", capacity=2)
