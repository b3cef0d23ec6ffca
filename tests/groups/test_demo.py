"""The demo loader creates working groups once, with members, threads, links and a protocol."""

import pytest

from tests.factories import NetworkFactory, TopicFactory, UserFactory
from wandelwerk.groups.demo import GROUPS, load_demo
from wandelwerk.groups.models import Document, GroupMembership, JoinRequest, Post, WorkingGroup


@pytest.mark.django_db
def test_demo_groups_are_created_once_with_content(settings):
    # given the demo networks, topics and accounts
    for spec in GROUPS:
        NetworkFactory(slug=spec.network, name=spec.network)
        TopicFactory(slug=spec.topic)
    coord = UserFactory(email="koordination@demo.wandelwerk.test")
    UserFactory(email="zwickau@demo.wandelwerk.test")
    member = UserFactory(email="mitglied@demo.wandelwerk.test")
    # when the loader runs twice
    first = load_demo(user=coord)
    counts = (WorkingGroup.objects.count(), Post.objects.count(), GroupMembership.objects.count())
    second = load_demo(user=coord)
    # then the first run reports what it made and the second changes nothing
    assert first and "Arbeitsgruppen" in first and second is None
    assert counts == (WorkingGroup.objects.count(), Post.objects.count(), GroupMembership.objects.count())
    assert 5 <= counts[0] <= 8
    assert WorkingGroup.objects.filter(
        name="AG Kreislaufwirtschaft Mittelsachsen", join_mode="request"
    ).exists()
    energy = WorkingGroup.objects.get(name="AG Energiegemeinschaften")
    assert energy.memberships.filter(user=member).exists()
    assert energy.posts.filter(parent__isnull=False).exists()
    protocol = Document.objects.get(group=energy)
    assert protocol.extension == "md" and protocol.file.read().startswith(b"# Protokoll")
    assert JoinRequest.objects.filter(user=member, status="pending").exists()
    # every group keeps at least one coordinator
    for group in WorkingGroup.objects.all():
        assert group.memberships.filter(role="coordinator").exists()
