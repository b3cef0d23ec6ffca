import pytest

from tests.factories import NetworkFactory, UserFactory, make_member
from wandelwerk.networks.models import Role


@pytest.fixture
def world(geo):
    """Network A with child network A1 and network B. A public working group of A1 with one post by
    its author; people in every role around that post."""
    from wandelwerk.groups.models import Post
    from wandelwerk.groups.services import group_create, group_join

    net_a = NetworkFactory(slug="netz-a", name="Netzwerk A", areas=[geo["zwickau_lk"]])
    net_a1 = NetworkFactory(slug="netz-a1", name="Netzwerk A1", parent=net_a)
    net_b = NetworkFactory(slug="netz-b", name="Netzwerk B", areas=[geo["goerlitz_lk"]])
    group_coord = UserFactory(display_name="Gruppenkoordination")
    group = group_create(
        user=group_coord, network=net_a1, name="AG Energie", description="Solar", visibility="public"
    )
    author = UserFactory(display_name="Autorin Anna", email="anna@example.org")
    group_join(group=group, user=author)
    post = Post.objects.create(group=group, author=author, text="Billige Uhren hier kaufen, nur heute")
    return {
        "net_a": net_a,
        "net_a1": net_a1,
        "net_b": net_b,
        "group": group,
        "post": post,
        "users": {
            "anonymous": None,
            "stranger": UserFactory(),
            "reporter": UserFactory(),
            "author": author,
            "coord_content": make_member(net_a1, Role.COORDINATOR),
            "coord_parent": make_member(net_a, Role.COORDINATOR),
            "coord_elsewhere": make_member(net_b, Role.COORDINATOR),
            "staff": UserFactory(is_staff=True),
        },
    }


def client_for(user):
    from django.test import Client

    c = Client()
    if user is not None:
        c.force_login(user)
    return c
