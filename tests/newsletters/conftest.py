import secrets

import pytest
from django.utils import timezone

from tests.factories import NetworkFactory, TopicFactory, UserFactory, make_member
from wandelwerk.networks.models import Role
from wandelwerk.newsletters.models import Newsletter, NewsletterStatus, Subscription, SubscriptionStatus


@pytest.fixture
def network(geo):
    """A network covering the counties of Zwickau and Görlitz."""
    return NetworkFactory(
        slug="wandel-west", name="Wandel West", areas=[geo["zwickau_lk"], geo["goerlitz_lk"]]
    )


@pytest.fixture
def other_network(geo):
    return NetworkFactory(slug="anderes-netz", name="Anderes Netz", areas=[geo["zittau"]])


@pytest.fixture
def coordinator(network):
    return make_member(network, Role.COORDINATOR)


@pytest.fixture
def topics(db):
    return {
        "energie": TopicFactory(slug="energie", name="Energie"),
        "mobilitaet": TopicFactory(slug="mobilitaet", name="Mobilität"),
    }


def make_subscription(
    network, email, *, status=SubscriptionStatus.CONFIRMED, topics=(), areas=(), digest=False
):
    sub = Subscription.objects.create(
        network=network,
        email=email,
        status=status,
        token=secrets.token_urlsafe(32),
        digest=digest,
        requested_at=timezone.now(),
        confirmed_at=timezone.now() if status == SubscriptionStatus.CONFIRMED else None,
    )
    sub.topics.set(topics)
    sub.areas.set(areas)
    return sub


def make_newsletter(network, *, status=NewsletterStatus.DRAFT, subject="Rückblick Netzwerktreffen", **kwargs):
    topics = kwargs.pop("topics", ())
    areas = kwargs.pop("areas", ())
    newsletter = Newsletter.objects.create(
        network=network,
        subject=subject,
        body=kwargs.pop("body", "Liebe Engagierte,\n\n**danke** fürs Kommen!"),
        status=status,
        sent_at=timezone.now() if status == NewsletterStatus.SENT else None,
        base_url="https://wandel.example.org",
        **kwargs,
    )
    newsletter.topics.set(topics)
    newsletter.areas.set(areas)
    return newsletter


@pytest.fixture
def people(network, other_network):
    """One user per role for permission tables."""
    staff = UserFactory(is_staff=True)
    return {
        "anonymous": None,
        "stranger": UserFactory(),
        "member": make_member(network, Role.MEMBER),
        "other_coordinator": make_member(other_network, Role.COORDINATOR),
        "coordinator": make_member(network, Role.COORDINATOR),
        "staff": staff,
    }
