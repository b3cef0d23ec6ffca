"""Predicates about people that other apps compose into permissions."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import NetworkFactory, UserFactory, make_member
from wandelwerk.accounts.rules import coordinates_network, is_network_coordinator, is_staff
from wandelwerk.networks.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def networks():
    saxony = NetworkFactory(name="Sachsen")
    west = NetworkFactory(name="Westsachsen", parent=saxony)
    east = NetworkFactory(name="Ostsachsen", parent=saxony)
    return {"saxony": saxony, "west": west, "east": east}


def test_is_staff_only_for_active_staff():
    assert is_staff(UserFactory(is_staff=True))
    assert not is_staff(UserFactory(is_staff=True, is_active=False))
    assert not is_staff(UserFactory())
    assert not is_staff(AnonymousUser())


def test_is_network_coordinator_needs_the_coordinator_role(networks):
    assert is_network_coordinator(make_member(networks["west"], Role.COORDINATOR))
    assert not is_network_coordinator(make_member(networks["west"], Role.MEMBER))
    assert not is_network_coordinator(UserFactory())
    assert not is_network_coordinator(AnonymousUser())


def test_coordinator_of_a_network_coordinates_it_but_not_a_sibling(networks):
    coordinator_a = make_member(networks["west"], Role.COORDINATOR)
    assert coordinates_network(coordinator_a, networks["west"])
    assert not coordinates_network(coordinator_a, networks["east"])
    assert not coordinates_network(coordinator_a, networks["saxony"])


def test_coordinator_of_a_parent_network_coordinates_the_networks_below(networks):
    coordinator = make_member(networks["saxony"], Role.COORDINATOR)
    assert coordinates_network(coordinator, networks["west"])
    assert coordinates_network(coordinator, networks["east"])


def test_members_anonymous_and_missing_network_do_not_coordinate(networks):
    member = make_member(networks["west"], Role.MEMBER)
    assert not coordinates_network(member, networks["west"])
    assert not coordinates_network(AnonymousUser(), networks["west"])
    assert not coordinates_network(member, None)


def test_predicates_compose_with_rules(networks):
    can_manage = is_staff | coordinates_network
    assert can_manage.test(UserFactory(is_staff=True), networks["east"])
    assert can_manage.test(make_member(networks["east"], Role.COORDINATOR), networks["east"])
    assert not can_manage.test(make_member(networks["west"], Role.COORDINATOR), networks["east"])
