import pytest

from tests.factories import NetworkFactory, UserFactory, make_actor, make_member
from wandelwerk.actors.models import Topic
from wandelwerk.consulting.centre_services import centre_create
from wandelwerk.consulting.services import request_create
from wandelwerk.networks.models import Role


@pytest.fixture
def topics(db):
    """Action fields (from the data migration; created again after a transactional test flushed them)."""
    names = {"energie-klimaschutz": "Energie und Klimaschutz", "mobilitaet": "Gute Mobilität für alle"}
    names["bildung-kultur"] = "Bildung und Kultur"
    return {
        slug: Topic.objects.get_or_create(slug=slug, defaults={"name": name, "group": "field"})[0]
        for slug, name in names.items()
    }


def make_centre(area, topic, *, name="Kompetenzstelle", capacity=5, owner=None, advisers=(), areas=None):
    """A centre on a fresh actor (owned by ``owner``) covering ``areas`` (default: ``[area]``)."""
    actor = make_actor(
        area if area.kind == "municipality" else _some_municipality(area), name=f"Träger {name}", owner=owner
    )
    return centre_create(
        user=None,
        actor=actor,
        name=name,
        topics=[topic],
        areas=areas if areas is not None else [area],
        capacity=capacity,
        advisers=advisers,
    )


def _some_municipality(area):
    from wandelwerk.geo.models import Area

    return (
        Area.objects.filter(kind="municipality").filter(parent=area).first()
        or Area.objects.filter(kind="municipality", parent__parent=area).first()
    )


def ask(user, topic, area, *, title="Hilfe bei PV", **kwargs):
    return request_create(
        user=user, topic=topic, area=area, title=title, description="Wir brauchen Rat.", **kwargs
    )


@pytest.fixture
def world(geo, topics):
    """Network A covers the county of Zwickau, network B the county of Görlitz. Centre A advises on energy
    in Zwickau's county (its owner plus an adviser), centre B on energy in Görlitz's county. A requester
    asks about energy in Zwickau, so the case goes to centre A."""
    net_a = NetworkFactory(slug="netz-a", areas=[geo["zwickau_lk"]])
    net_b = NetworkFactory(slug="netz-b", areas=[geo["goerlitz_lk"]])
    energy = topics["energie-klimaschutz"]
    centre_a_owner, adviser, centre_b_owner = UserFactory(), UserFactory(), UserFactory()
    centre_a = make_centre(
        geo["zwickau_lk"], energy, name="Energie Zwickau", owner=centre_a_owner, advisers=[adviser]
    )
    centre_b = make_centre(geo["goerlitz_lk"], energy, name="Energie Görlitz", owner=centre_b_owner)
    requester = UserFactory()
    case = ask(requester, energy, geo["zwickau"])
    users = {
        "anonymous": None,
        "stranger": UserFactory(),
        "requester": requester,
        "other_centre": centre_b_owner,
        "assigned_centre": centre_a_owner,
        "adviser": adviser,
        "coordinator": make_member(net_a, Role.COORDINATOR),
        "coordinator_elsewhere": make_member(net_b, Role.COORDINATOR),
        "staff": UserFactory(is_staff=True),
    }
    return {"case": case, "centre_a": centre_a, "centre_b": centre_b, "users": users, "energy": energy}
