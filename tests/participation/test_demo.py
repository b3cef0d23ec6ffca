"""The demo contest: created once, in the voting phase, with published, pending and rejected ideas."""

import pytest
from allauth.account.models import EmailAddress

from tests.factories import AreaFactory, NetworkFactory, UserFactory
from wandelwerk.geo.models import AreaKind
from wandelwerk.participation.demo import load_demo
from wandelwerk.participation.models import Contest, IdeaStatus, Vote


@pytest.mark.django_db
def test_demo_contest_is_created_once_in_the_voting_phase(settings, tmp_path):
    # given the Mittelsachsen network and county with two municipalities
    county = AreaFactory(ags="14522", ars="145220000000", name="Mittelsachsen", kind=AreaKind.COUNTY)
    AreaFactory(ags="14522180", ars="145220180180", name="Freiberg", parent=county, population=40_000)
    AreaFactory(ags="14522240", ars="145220240240", name="Halsbrücke", parent=county, population=5_000)
    NetworkFactory(slug="circular-rural-regions-mittelsachsen", areas=[county])
    user = UserFactory(email="koordination@demo.wandelwerk.test")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    # when loaded twice
    line = load_demo(user=user)
    again = load_demo(user=user)
    # then
    contest = Contest.objects.get()
    assert line and again is None
    assert contest.phase == "voting" and contest.criteria.count() == 3
    ideas = contest.ideas.all()
    assert ideas.filter(status=IdeaStatus.PUBLISHED).count() >= 30
    assert ideas.filter(status=IdeaStatus.PENDING).count() == 2
    assert ideas.filter(status=IdeaStatus.REJECTED).count() == 1
    assert {i.place for i in ideas} == {"Freiberg", "Halsbrücke"}
    assert 0 < Vote.objects.count() <= contest.vote_budget
