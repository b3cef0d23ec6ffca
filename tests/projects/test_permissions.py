"""Permission matrix over the project write routes (web and API): anonymous, member of network A,
coordinator A, coordinator B, admin; plus the proposer and an uninvolved actor owner."""

import json

import pytest
from django.test import Client

from tests.factories import NetworkFactory, UserFactory, make_actor, make_member
from wandelwerk.networks.models import Role
from wandelwerk.projects.models import Partner, Project
from wandelwerk.projects.services import partner_request, project_create

ROLES = ["anonymous", "member_a", "coord_a", "coord_b", "admin", "proposer"]


@pytest.fixture
def world(geo):
    net_a = NetworkFactory(slug="a", areas=[geo["zwickau_lk"]])
    net_b = NetworkFactory(slug="b", areas=[geo["goerlitz_lk"]])
    proposer = UserFactory()
    project = project_create(
        user=proposer, title="Projekt in A", summary="s", area=geo["zwickau"], is_public=True
    )
    partner = partner_request(
        project=project, actor=make_actor(geo["zwickau"], name="Helfer"), role="supporter", user=UserFactory()
    )
    users = {
        "anonymous": None,
        "member_a": make_member(net_a),
        "coord_a": make_member(net_a, Role.COORDINATOR),
        "coord_b": make_member(net_b, Role.COORDINATOR),
        "admin": UserFactory(is_staff=True, is_superuser=True),
        "proposer": proposer,
    }
    return {"project": project, "partner": partner, "users": users}


def expect(role, table):
    return table[ROLES.index(role)]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_web_write_routes(world, role):
    user, project, partner = world["users"][role], world["project"], world["partner"]
    c = Client()
    if user is not None:
        c.force_login(user)
    assert c.get("/projekte/neu/").status_code == expect(role, [302, 200, 200, 200, 200, 200])
    r = c.post(f"/projekte/{project.slug}/phase/", {"to_stage": "planning"})
    assert r.status_code == expect(role, [302, 403, 302, 403, 302, 302])
    moved = Project.objects.get(pk=project.pk).stage == "planning"
    assert moved == (role in ("coord_a", "admin", "proposer"))
    r = c.post(f"/projekte/{project.slug}/bedarfe/", {"category": "money", "title": "Zuschuss"})
    assert r.status_code == expect(role, [302, 403, 302, 403, 302, 302])
    r = c.post(f"/projekte/{project.slug}/partner/{partner.pk}/", {"decision": "accept"})
    assert r.status_code == expect(role, [302, 403, 403, 403, 302, 302])
    accepted = Partner.objects.get(pk=partner.pk).status == "accepted"
    assert accepted == (role in ("admin", "proposer"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_api_write_routes(world, role):
    from wandelwerk.accounts.services import token_create

    user, project, partner = world["users"][role], world["project"], world["partner"]
    headers = {}
    if user is not None:
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token_create(user=user, name='t')[1]}"}
    c = Client()
    r = c.post(
        f"/api/v1/projects/{project.pk}/stage",
        data=json.dumps({"stage": "planning"}),
        content_type="application/json",
        **headers,
    )
    assert r.status_code == expect(role, [401, 403, 200, 403, 200, 200])
    r = c.post(
        f"/api/v1/partners/{partner.pk}/decision",
        data=json.dumps({"accept": True}),
        content_type="application/json",
        **headers,
    )
    assert r.status_code == expect(role, [401, 404, 404, 404, 200, 200])
    r = c.post(
        "/api/v1/projects",
        data=json.dumps({"title": "Neu", "summary": "s", "ags": "14524330"}),
        content_type="application/json",
        **headers,
    )
    assert r.status_code == expect(role, [401, 201, 201, 201, 201, 201])


@pytest.mark.django_db
def test_api_refuses_invalid_stage_and_foreign_actor_clearly(world):
    from wandelwerk.accounts.services import token_create

    proposer = world["users"]["proposer"]
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token_create(user=proposer, name='t')[1]}"}
    c = Client()
    r = c.post(
        f"/api/v1/projects/{world['project'].pk}/stage",
        data=json.dumps({"stage": "completed"}),
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 409 and "nicht direkt" in r.json()["detail"]
    r = c.post(
        f"/api/v1/projects/{world['project'].pk}/stage",
        data=json.dumps({"stage": "flying"}),
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 422
    someone_elses = make_actor(world["project"].area, name="Fremder Verein", owner=UserFactory())
    r = c.post(
        f"/api/v1/projects/{world['project'].pk}/partners",
        data=json.dumps({"actor_id": someone_elses.pk, "role": "partner"}),
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 422 and "actor_id" in r.json()["detail"]
    assert Project.objects.get(pk=world["project"].pk).stage == "idea"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_web_write_routes_for_editing_inviting_needs_milestones_and_updates(world, role, geo):
    # given the project in network A with an open need, a milestone and a public company to invite
    from wandelwerk.projects.models import Milestone, Need, Update
    from wandelwerk.projects.services import milestone_add, need_add

    user, project = world["users"][role], world["project"]
    need = need_add(project=project, category="money", title="Zuschuss")
    milestone = milestone_add(project=project, title="Antrag", due="2027-03-01")
    company = make_actor(geo["zwickau"], name="Firma Einladen")
    c = Client()
    if user is not None:
        c.force_login(user)
    may_change = role in ("coord_a", "admin", "proposer")
    may_decide = role in ("admin", "proposer")
    ok, denied = 302, (302 if role == "anonymous" else 403)
    # when each of them tries every write route
    r = c.post(
        f"/projekte/{project.slug}/bearbeiten/",
        {"title": "Umbenannt", "summary": "s", "place": project.area.name, "is_public": "on"},
    )
    assert r.status_code == (ok if may_change else denied)
    assert (Project.objects.get(pk=project.pk).title == "Umbenannt") == may_change
    r = c.post(f"/projekte/{project.slug}/einladen/", {"actor": company.pk, "role": "partner"})
    assert r.status_code == (ok if may_decide else denied)
    assert Partner.objects.filter(actor=company).exists() == may_decide
    r = c.post(f"/projekte/{project.slug}/bedarfe/{need.pk}/gedeckt/", {"actor": company.pk})
    assert r.status_code == (ok if may_change else denied)
    assert (Need.objects.get(pk=need.pk).filled_by_id == company.pk) == may_change
    r = c.post(f"/projekte/{project.slug}/meilensteine/", {"title": "Bau", "due": "2027-06-01"})
    assert r.status_code == (ok if may_change else denied)
    assert Milestone.objects.filter(title="Bau").exists() == may_change
    r = c.post(f"/projekte/{project.slug}/meilensteine/{milestone.pk}/erledigt/")
    assert r.status_code == (ok if may_change else denied)
    assert (Milestone.objects.get(pk=milestone.pk).done_at is not None) == may_change
    r = c.post(f"/projekte/{project.slug}/neuigkeiten/", {"text": "Es geht los"})
    assert r.status_code == (ok if may_change else denied)
    assert Update.objects.filter(project=project).exists() == may_change
    # following is open to every signed-in person, never to anonymous visitors
    r = c.post(f"/projekte/{project.slug}/folgen/", {"follow": "1"})
    assert r.status_code == 302
    assert project.followers.exists() == (role != "anonymous")
