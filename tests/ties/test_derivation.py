"""Derived ties from projects, working groups and events: idempotent, cleaned up when the reason goes."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tests.events.factories import make_event
from tests.factories import UserFactory
from wandelwerk.events.models import Registration
from wandelwerk.groups.models import GroupMembership, WorkingGroup
from wandelwerk.projects.models import Partner, Project
from wandelwerk.ties.derivation import ties_derive
from wandelwerk.ties.models import Tie, TieKind, TieOrigin


def _project(world, *actors, status="accepted"):
    project = Project.objects.create(title="Solar", slug="solar", summary="s", area=world["geo"]["zwickau"])
    for actor in actors:
        Partner.objects.create(
            project=project, actor=actor, role="partner", status=status, decided_at=timezone.now()
        )
    return project


def test_accepted_partners_of_one_project_are_tied_once_per_pair(world):
    a = world["actors"]
    project = _project(world, a["stadt"], a["verein"], a["hof"])
    Partner.objects.create(project=project, actor=a["dorf"], role="partner", status="requested")
    report = ties_derive()
    assert report.created == 3
    ties = Tie.objects.filter(kind=TieKind.PROJECT)
    assert {t.derived_key for t in ties} == {f"project:{project.pk}"}
    assert all(t.source_id < t.target_id and t.origin == TieOrigin.DERIVED and t.weight == 1.0 for t in ties)
    assert not ties.filter(target=a["dorf"]).exists() and not ties.filter(source=a["dorf"]).exists()


def test_deriving_twice_changes_nothing(world):
    a = world["actors"]
    _project(world, a["stadt"], a["verein"])
    ties_derive()
    before = list(Tie.objects.values_list("id", "weight", "started", "updated_at"))
    again = ties_derive()
    assert (again.created, again.updated, again.deleted, again.unchanged) == (0, 0, 0, 1)
    assert list(Tie.objects.values_list("id", "weight", "started", "updated_at")) == before


def test_derived_tie_goes_when_the_partner_leaves(world):
    a = world["actors"]
    project = _project(world, a["stadt"], a["verein"])
    ties_derive()
    Partner.objects.filter(project=project, actor=a["verein"]).update(status="declined")
    report = ties_derive()
    assert report.deleted == 1 and not Tie.objects.exists()


def test_recorded_ties_survive_derivation(world):
    from wandelwerk.ties.services import tie_create

    a = world["actors"]
    tie_create(source=a["stadt"], target=a["verein"], kind=TieKind.COOPERATION)
    ties_derive()
    assert Tie.objects.filter(origin=TieOrigin.RECORDED).count() == 1


def test_working_group_members_tie_the_actors_they_own(world):
    a = world["actors"]
    other = UserFactory()
    a["hof"].owner = other
    a["hof"].save()
    group = WorkingGroup.objects.create(network=world["net_a"], name="AG", slug="ag")
    GroupMembership.objects.create(group=group, user=world["users"]["owner"])
    GroupMembership.objects.create(group=group, user=other)
    GroupMembership.objects.create(group=group, user=UserFactory())  # owns no actor
    ties_derive()
    tie = Tie.objects.get(kind=TieKind.GROUP)
    assert {tie.source_id, tie.target_id} == {a["verein"].pk, a["hof"].pk}
    assert tie.weight == 0.5 and tie.derived_key == f"group:{group.pk}"


def test_confirmed_or_attended_registrations_tie_with_a_smaller_weight_dated_on_the_event(world):
    a = world["actors"]
    other, absent = UserFactory(), UserFactory()
    a["hof"].owner, a["dorf"].owner = other, absent
    a["hof"].save()
    a["dorf"].save()
    start = timezone.now() - dt.timedelta(days=10)
    event = make_event(world["net_a"], area=world["geo"]["zwickau"], start=start)
    for user, attended in ((world["users"]["owner"], True), (other, None), (absent, False)):
        Registration.objects.create(
            event=event, user=user, status="confirmed", queued_at=start, attended=attended
        )
    ties_derive()
    tie = Tie.objects.get(kind=TieKind.EVENT)
    assert {tie.source_id, tie.target_id} == {a["verein"].pk, a["hof"].pk}
    assert tie.weight == 0.25 and tie.started == timezone.localtime(start).date()
