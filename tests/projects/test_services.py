"""Project stages, partners and needs: allowed paths, clear refusals, races settled once."""

import pytest

from tests.concurrency import race
from tests.factories import UserFactory, make_actor
from wandelwerk.projects.models import Partner, Project, StageChange
from wandelwerk.projects.services import (
    ProjectError,
    need_add,
    need_fill,
    partner_decide,
    partner_request,
    project_advance,
    project_create,
)


@pytest.fixture
def project(geo):
    lead = UserFactory()
    return project_create(
        user=lead, title="Bürgersolar auf Schuldächern", summary="PV auf 5 Schulen", area=geo["zwickau"]
    )


@pytest.mark.django_db
def test_project_walks_from_idea_to_completion_and_every_change_is_recorded(project, geo):
    lead = project.created_by
    company = make_actor(geo["zwickau"], name="Solarbau GmbH", kind="company", sector="business")
    project_advance(project=project, user=lead, to_stage="planning")
    with pytest.raises(ProjectError, match="Partner"):
        project_advance(project=project, user=lead, to_stage="implementation")
    partner = partner_request(project=project, actor=company, role="implementer", user=UserFactory())
    partner_decide(partner=partner, user=lead, accept=True)
    project_advance(project=project, user=lead, to_stage="implementation")
    project_advance(project=project, user=lead, to_stage="completed")
    changes = list(
        StageChange.objects.filter(project=project).values_list("from_stage", "to_stage", "changed_by")
    )
    assert changes == [
        ("idea", "planning", lead.pk),
        ("planning", "implementation", lead.pk),
        ("implementation", "completed", lead.pk),
    ]


@pytest.mark.django_db
def test_invalid_transition_is_refused_and_changes_nothing(project):
    with pytest.raises(ProjectError, match="nicht direkt"):
        project_advance(project=project, user=project.created_by, to_stage="completed")
    with pytest.raises(ProjectError, match="Grund"):
        project_advance(project=project, user=project.created_by, to_stage="dropped", reason=" ")
    assert Project.objects.get(pk=project.pk).stage == "idea"
    assert not StageChange.objects.exists()


@pytest.mark.django_db
def test_joining_twice_and_deciding_twice_are_refused(project, geo):
    actor = make_actor(geo["zwickau"], name="Umweltverein")
    partner = partner_request(project=project, actor=actor, role="supporter", user=UserFactory())
    with pytest.raises(ProjectError, match="schon beteiligt"):
        partner_request(project=project, actor=actor, role="funder", user=UserFactory())
    partner_decide(partner=partner, user=project.created_by, accept=False)
    with pytest.raises(ProjectError, match="bereits entschieden"):
        partner_decide(partner=partner, user=project.created_by, accept=True)
    assert Partner.objects.get(pk=partner.pk).status == "declined"


@pytest.mark.django_db
def test_a_need_is_filled_once(project, geo):
    need = need_add(project=project, category="spaces", title="Lagerraum für Module")
    helper = make_actor(geo["zwickau"], name="Bauhof")
    need_fill(need=need, actor=helper)
    with pytest.raises(ProjectError, match="schon gedeckt"):
        need_fill(need=need, actor=make_actor(geo["zwickau"], name="Andere"))


def _race(n, action):
    return race(n, action, refused=ProjectError)


@pytest.mark.django_db(transaction=True)
def test_parallel_stage_changes_land_once(geo):
    lead = UserFactory()
    project = project_create(
        user=lead, title="Lastenrad-Verleih", summary="Räder für alle", area=geo["zittau"]
    )
    outcomes = _race(
        8,
        lambda i: project_advance(project=Project.objects.get(pk=project.pk), user=lead, to_stage="planning"),
    )
    assert outcomes == ["ok"] + ["refused"] * 7
    assert StageChange.objects.filter(project=project).count() == 1


@pytest.mark.django_db(transaction=True)
def test_parallel_decisions_on_one_request_land_once(geo):
    lead = UserFactory()
    project = project_create(
        user=lead, title="Repair-Café", summary="Reparieren statt wegwerfen", area=geo["zittau"]
    )
    partner = partner_request(
        project=project, actor=make_actor(geo["zittau"], name="Werkstatt"), role="partner", user=UserFactory()
    )
    outcomes = _race(
        6, lambda i: partner_decide(partner=Partner.objects.get(pk=partner.pk), user=lead, accept=i % 2 == 0)
    )
    assert outcomes == ["ok"] + ["refused"] * 5


@pytest.mark.django_db(transaction=True)
def test_parallel_join_requests_of_one_actor_give_one_row(geo):
    project = project_create(
        user=UserFactory(), title="Gemeinschaftsgarten", summary="Gärtnern", area=geo["zittau"]
    )
    actor = make_actor(geo["zittau"], name="Kita Sonnenschein")
    outcomes = _race(8, lambda i: partner_request(project=project, actor=actor, role="supporter", user=None))
    assert outcomes == ["ok"] + ["refused"] * 7
    assert Partner.objects.filter(project=project, actor=actor).count() == 1
