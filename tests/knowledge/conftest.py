import pytest
from django.test import Client

from tests.factories import NetworkFactory, UserFactory, make_member
from wandelwerk.actors.models import Topic
from wandelwerk.knowledge import services
from wandelwerk.networks.models import Role

ROLES = ["anonymous", "stranger", "author", "coordinator", "staff"]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploads go to a throwaway directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def client_for(user):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


@pytest.fixture
def users(geo):
    network = NetworkFactory(slug="region-zwickau", areas=[geo["zwickau_lk"]])
    return {
        "anonymous": None,
        "stranger": UserFactory(),
        "author": UserFactory(),
        "coordinator": make_member(network, Role.COORDINATOR),
        "staff": UserFactory(is_staff=True),
    }


@pytest.fixture
def topic(db):
    return Topic.objects.get(slug="zirkulaeres-wirtschaften")


def make_practice(*, user=None, publish=True, title="Reparatur-Café", topics=(), **data):
    data.setdefault("summary", "Gemeinsam reparieren statt wegwerfen.")
    p = services.practice_create(user=user, title=title, topics=topics, **data)
    if publish:
        services.entry_publish(entry=p)
    return p


def make_method(*, user=None, publish=True, title="World Café", kind="workshop", topics=(), **data):
    data.setdefault("summary", "Gespräche an Tischen in wechselnden Runden.")
    m = services.method_create(user=user, title=title, kind=kind, topics=topics, **data)
    if publish:
        services.entry_publish(entry=m)
    return m
