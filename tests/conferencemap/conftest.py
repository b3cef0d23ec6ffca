import pytest
from django.test import Client

from tests.factories import NetworkFactory, UserFactory, make_actor, make_member
from wandelwerk.actors.models import Topic
from wandelwerk.conferencemap import services
from wandelwerk.networks.models import Role

ROLES = ["anonymous", "stranger", "author", "coordinator", "coordinator_elsewhere", "staff"]


@pytest.fixture
def topics(db):
    """Action fields (from the data migration; created again after a transactional test flushed them)."""
    names = {
        "energie-klimaschutz": "Energie und Klimaschutz",
        "mobilitaet": "Gute Mobilität für alle",
        "bildung-kultur": "Bildung und Kultur",
    }
    return {
        slug: Topic.objects.get_or_create(slug=slug, defaults={"name": name, "group": "field"})[0]
        for slug, name in names.items()
    }


@pytest.fixture
def world(geo, topics):
    """Network A covers the county of Zwickau and has a map of it; network B covers Görlitz. The
    author wished for a repair café in Crimmitschau; a public energy cooperative in Zwickau exists."""
    net_a = NetworkFactory(slug="netz-a", areas=[geo["zwickau_lk"]])
    net_b = NetworkFactory(slug="netz-b", areas=[geo["goerlitz_lk"]])
    coordinator = make_member(net_a, Role.COORDINATOR)
    cmap = services.map_create(
        user=coordinator, network=net_a, title="Landkarte Zwickau", area=geo["zwickau_lk"]
    )
    author = UserFactory()
    wish = services.wish_create(
        cmap=cmap,
        user=author,
        title="Repair-Café",
        topic=topics["bildung-kultur"],
        description="Ein Ort zum gemeinsamen Reparieren.",
        area=geo["crimmitschau"],
        help_role="space",
    )
    energy = make_actor(
        geo["zwickau"], name="Energiegenossenschaft Zwickau", topics=[topics["energie-klimaschutz"]]
    )
    users = {
        "anonymous": None,
        "stranger": UserFactory(),
        "author": author,
        "coordinator": coordinator,
        "coordinator_elsewhere": make_member(net_b, Role.COORDINATOR),
        "staff": UserFactory(is_staff=True),
    }
    return {"map": cmap, "wish": wish, "energy": energy, "users": users, "net_a": net_a, "net_b": net_b}


def client_for(world, role):
    c = Client()
    user = world["users"][role]
    if user is not None:
        c.force_login(user)
    return c
