"""Joining, requests, leaving and roles: open and on-request groups, decisions exactly once, one row
per person, and a group that never loses its last coordinator."""

import pytest
from django.db import IntegrityError, transaction

from tests.concurrency import race
from tests.factories import UserFactory
from wandelwerk.groups.models import GroupMembership, JoinRequest, WorkingGroup
from wandelwerk.groups.services import (
    GroupError,
    group_join,
    group_leave,
    member_remove,
    member_set_role,
    request_decide,
)


@pytest.mark.django_db
def test_joining_an_open_group_makes_a_member_at_once(world):
    # given an open group and a signed-in stranger
    group, person = world["group"], UserFactory()
    # when they join
    result = group_join(group=group, user=person)
    # then they are a member (no request), and joining again is refused
    assert isinstance(result, GroupMembership) and result.role == "member"
    with pytest.raises(GroupError, match="schon Mitglied"):
        group_join(group=group, user=person)
    assert GroupMembership.objects.filter(group=group, user=person).count() == 1


@pytest.mark.django_db
def test_a_group_on_request_records_a_request_that_a_coordinator_approves_once(world):
    # given a group "on request"
    group = world["group"]
    WorkingGroup.objects.filter(pk=group.pk).update(join_mode="request")
    group.refresh_from_db()
    person = UserFactory()
    # when someone asks twice
    join_request = group_join(group=group, user=person, message="Ich mache gern mit")
    with pytest.raises(GroupError, match="liegt der Koordination schon vor"):
        group_join(group=group, user=person)
    # then there is one open request and no membership yet
    assert isinstance(join_request, JoinRequest) and join_request.status == "pending"
    assert not GroupMembership.objects.filter(group=group, user=person).exists()
    # when the coordinator approves, a second decision is refused
    request_decide(join_request=join_request, user=world["users"]["group_coord"], approve=True)
    with pytest.raises(GroupError, match="bereits entschieden"):
        request_decide(join_request=join_request, user=world["users"]["group_coord"], approve=False)
    # then the person is a member and the request stays approved
    assert GroupMembership.objects.filter(group=group, user=person, role="member").exists()
    assert JoinRequest.objects.get(pk=join_request.pk).status == "approved"


@pytest.mark.django_db
def test_a_declined_request_makes_no_member_and_the_person_may_ask_again(world):
    group = world["group"]
    WorkingGroup.objects.filter(pk=group.pk).update(join_mode="request")
    group.refresh_from_db()
    person = UserFactory()
    first = group_join(group=group, user=person)
    request_decide(join_request=first, user=world["users"]["group_coord"], approve=False)
    assert not GroupMembership.objects.filter(group=group, user=person).exists()
    second = group_join(group=group, user=person)
    assert second.pk != first.pk and second.status == "pending"


@pytest.mark.django_db
def test_the_database_refuses_a_second_membership_row(world):
    # given a member
    group, member = world["group"], world["users"]["member"]
    # when a second row is written around the service
    with pytest.raises(IntegrityError), transaction.atomic():
        GroupMembership.objects.create(group=group, user=member)


@pytest.mark.django_db
def test_the_last_coordinator_cannot_leave_or_step_down_but_can_after_naming_another(world):
    group, coord, member = world["group"], world["users"]["group_coord"], world["users"]["member"]
    own = GroupMembership.objects.get(group=group, user=coord)
    with pytest.raises(GroupError, match="letzte Koordination"):
        group_leave(group=group, user=coord)
    with pytest.raises(GroupError, match="mindestens eine Koordination"):
        member_set_role(group=group, membership_id=own.pk, role="member")
    with pytest.raises(GroupError, match="mindestens eine Koordination"):
        member_remove(group=group, membership_id=own.pk)
    assert GroupMembership.objects.get(pk=own.pk).role == "coordinator"
    # when the member is made coordinator, the first one may leave
    other = GroupMembership.objects.get(group=group, user=member)
    member_set_role(group=group, membership_id=other.pk, role="coordinator")
    group_leave(group=group, user=coord)
    assert list(GroupMembership.objects.filter(group=group).values_list("user", "role")) == [
        (member.pk, "coordinator")
    ]


@pytest.mark.django_db
def test_a_member_leaves_and_an_unknown_role_is_refused(world):
    group, member = world["group"], world["users"]["member"]
    with pytest.raises(GroupError, match="Unbekannte Rolle"):
        member_set_role(group=group, membership_id=GroupMembership.objects.get(user=member).pk, role="owner")
    group_leave(group=group, user=member)
    assert not GroupMembership.objects.filter(group=group, user=member).exists()
    with pytest.raises(GroupError, match="nicht Mitglied"):
        group_leave(group=group, user=member)


def _race(n, action):
    return race(n, action, refused=GroupError)


@pytest.mark.django_db(transaction=True)
def test_two_parallel_decisions_on_one_request_land_exactly_once(world):
    # given an open request
    group = world["group"]
    WorkingGroup.objects.filter(pk=group.pk).update(join_mode="request")
    group.refresh_from_db()
    person = UserFactory()
    join_request = group_join(group=group, user=person)
    coord = world["users"]["group_coord"]
    # when two coordinators decide at the same moment (one approves, one declines)
    outcomes = _race(
        2,
        lambda i: request_decide(
            join_request=JoinRequest.objects.get(pk=join_request.pk), user=coord, approve=i == 0
        ),
    )
    # then exactly one decision counts, and membership matches it
    assert outcomes == ["ok", "refused"]
    status = JoinRequest.objects.get(pk=join_request.pk).status
    assert GroupMembership.objects.filter(group=group, user=person).exists() == (status == "approved")


@pytest.mark.django_db(transaction=True)
def test_parallel_joins_of_one_person_give_one_membership(world):
    group, person = world["group"], UserFactory()
    outcomes = _race(6, lambda i: group_join(group=WorkingGroup.objects.get(pk=group.pk), user=person))
    assert outcomes == ["ok"] + ["refused"] * 5
    assert GroupMembership.objects.filter(group=group, user=person).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_leaving_at_once_leave_one_behind(world):
    group, coord, member = world["group"], world["users"]["group_coord"], world["users"]["member"]
    GroupMembership.objects.filter(group=group, user=member).update(role="coordinator")
    outcomes = _race(2, lambda i: group_leave(group=group, user=[coord, member][i]))
    assert outcomes == ["ok", "refused"]
    assert GroupMembership.objects.filter(group=group, role="coordinator").count() == 1
