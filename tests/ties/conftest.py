from __future__ import annotations

import pytest

from tests.factories import NetworkFactory, UserFactory, make_actor, make_member
from wandelwerk.actors.models import Sector, Visibility
from wandelwerk.networks.models import Role


@pytest.fixture
def world(geo):
    """Network A covers the county of Zwickau (Zwickau is urban, Crimmitschau rural), network B the county
    of Görlitz. Actors: four public ones in A (one owned by ``owner``), one members-only in A, one in B."""
    geo["zwickau"].regiostar7 = 72
    geo["zwickau"].save()
    geo["crimmitschau"].regiostar7 = 77
    geo["crimmitschau"].save()
    net_a = NetworkFactory(slug="netz-a", name="Netzwerk A", areas=[geo["zwickau_lk"]])
    net_b = NetworkFactory(slug="netz-b", name="Netzwerk B", areas=[geo["goerlitz_lk"]])
    owner = UserFactory()
    actors = {
        "stadt": make_actor(geo["zwickau"], name="Stadtverwaltung Zwickau", sector=Sector.ADMINISTRATION),
        "verein": make_actor(geo["zwickau"], name="Umweltverein Zwickau", owner=owner),
        "hof": make_actor(geo["crimmitschau"], name="Biohof Crimmitschau", sector=Sector.BUSINESS),
        "dorf": make_actor(geo["crimmitschau"], name="Dorfladen Crimmitschau"),
        "intern": make_actor(geo["zwickau"], name="Interner Kreis", visibility=Visibility.MEMBERS),
        "zittau": make_actor(geo["zittau"], name="Energiegenossenschaft Zittau"),
    }
    users = {
        "anonymous": None,
        "owner": owner,
        "stranger": UserFactory(),
        "coord_a": make_member(net_a, Role.COORDINATOR),
        "coord_b": make_member(net_b, Role.COORDINATOR),
        "member_a": make_member(net_a, Role.MEMBER),
        "staff": UserFactory(is_staff=True, is_superuser=True),
    }
    return {"geo": geo, "net_a": net_a, "net_b": net_b, "actors": actors, "users": users}


@pytest.fixture
def client_for(client):
    def _client(user):
        if user is not None:
            client.force_login(user)
        return client

    return _client
