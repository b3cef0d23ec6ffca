import pytest

from tests.factories import NetworkFactory, TopicFactory, UserFactory, make_member
from wandelwerk.networks.models import Role


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploads go to a throwaway directory, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world(geo):
    """Network A (with child network A1) and network B; a topic; people in every role around one group
    of network A: its coordinator, a member, a stranger, A's coordinator, B's coordinator, staff."""
    from wandelwerk.groups.services import group_create, group_join

    net_a = NetworkFactory(slug="netz-a", name="Netzwerk A", areas=[geo["zwickau_lk"]])
    net_a1 = NetworkFactory(slug="netz-a1", name="Netzwerk A1", parent=net_a)
    net_b = NetworkFactory(slug="netz-b", name="Netzwerk B", areas=[geo["goerlitz_lk"]])
    topic = TopicFactory(slug="energie", name="Energie")
    coord_a = make_member(net_a, Role.COORDINATOR, display_name="Koordination A")
    group_coord = UserFactory(display_name="Gruppenkoordination")
    group = group_create(
        user=group_coord, network=net_a1, name="AG Energie", description="Solar für alle", topic=topic
    )
    member = UserFactory(display_name="Mitglied Maria")
    group_join(group=group, user=member)
    return {
        "net_a": net_a,
        "net_a1": net_a1,
        "net_b": net_b,
        "topic": topic,
        "group": group,
        "users": {
            "anonymous": None,
            "stranger": UserFactory(),
            "member": member,
            "group_coord": group_coord,
            "network_coord": coord_a,
            "coord_b": make_member(net_b, Role.COORDINATOR),
            "staff": UserFactory(is_staff=True, is_superuser=True),
        },
    }


def client_for(user):
    from django.test import Client

    c = Client()
    if user is not None:
        c.force_login(user)
    return c
