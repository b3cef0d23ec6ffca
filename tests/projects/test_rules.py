import pytest

from tests.factories import NetworkFactory, UserFactory, make_actor, make_member
from wandelwerk.networks.models import Role
from wandelwerk.projects.services import partner_decide, partner_request, project_create


@pytest.mark.django_db
def test_who_may_see_and_change_a_draft_project(geo):
    proposer = UserFactory()
    project = project_create(
        user=proposer, title="Wärmenetz", summary="Nahwärme fürs Dorf", area=geo["zwickau"]
    )
    coordinator_a = make_member(NetworkFactory(areas=[geo["zwickau_lk"]]), Role.COORDINATOR)
    coordinator_b = make_member(NetworkFactory(areas=[geo["goerlitz_lk"]]), Role.COORDINATOR)
    partner_owner = UserFactory()
    partner = partner_request(
        project=project,
        actor=make_actor(geo["zwickau"], name="Stadtwerke", owner=partner_owner),
        role="partner",
        user=partner_owner,
    )
    stranger = UserFactory()
    assert proposer.has_perm("projects.change_project", project)
    assert coordinator_a.has_perm("projects.change_project", project)
    assert not coordinator_b.has_perm("projects.change_project", project)
    assert not stranger.has_perm("projects.view_project", project)  # a draft
    assert not partner_owner.has_perm("projects.view_project", project)  # only requested so far
    partner_decide(partner=partner, user=proposer, accept=True)
    assert partner_owner.has_perm("projects.view_project", project)
    assert not partner_owner.has_perm("projects.change_project", project)
    project.is_public = True
    assert stranger.has_perm("projects.view_project", project)
