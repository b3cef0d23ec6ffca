"""Editing a project, inviting organisations, filling needs, the projects list with its filters
and map, and projects that need what an actor offers."""

import pytest
from django.test import Client

from tests.factories import UserFactory, make_actor
from wandelwerk.actors.models import Topic, TopicGroup
from wandelwerk.actors.services import resource_add
from wandelwerk.projects.models import Need, Partner, Project
from wandelwerk.projects.services import need_add, partner_invite, project_create


def _client(user):
    c = Client()
    c.force_login(user)
    return c


def _form(**overrides):
    data = {"title": "Bürgersolar", "summary": "PV auf Schulen", "place": "Zwickau", "is_public": "on"}
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_a_project_is_proposed_with_initiator_sdgs_budget_and_funding(geo):
    # given a person who owns an initiative and the SDG topics
    person = UserFactory()
    initiative = make_actor(geo["zwickau"], name="Energiewende Zwickau e. V.", owner=person)
    sdg = Topic.objects.get(slug="sdg-7", group=TopicGroup.SDG)
    # when they propose a project in its name
    r = _client(person).post(
        "/projekte/neu/",
        _form(initiator=initiative.pk, sdgs=[sdg.pk], budget_eur="125000.50", funding="Klimaschutzprogramm"),
    )
    # then the initiative leads it and the facts are shown
    assert r.status_code == 302
    project = Project.objects.get()
    assert project.budget_eur == pytest.approx(125000.50)
    assert project.funding == "Klimaschutzprogramm"
    assert list(project.topics.all()) == [sdg]
    lead = Partner.objects.get(project=project)
    assert (lead.actor, lead.role, lead.status) == (initiative, "lead", "accepted")
    html = Client().get(f"/projekte/{project.slug}/").content.decode()
    assert "Klimaschutzprogramm" in html and sdg.name in html


@pytest.mark.django_db
def test_someone_elses_organisation_cannot_be_named_initiator(geo):
    other = make_actor(geo["zwickau"], name="Fremder Verein", owner=UserFactory())
    r = _client(UserFactory()).post("/projekte/neu/", _form(initiator=other.pk))
    assert r.status_code == 400
    assert "Initiiert von" in r.content.decode()
    assert not Project.objects.exists()


@pytest.mark.django_db
def test_the_lead_edits_the_project_and_others_cannot(geo):
    lead = UserFactory()
    project = project_create(user=lead, title="Alt", summary="s", area=geo["zwickau"], is_public=True)
    stranger = _client(UserFactory())
    assert stranger.get(f"/projekte/{project.slug}/bearbeiten/").status_code == 403
    assert stranger.post(f"/projekte/{project.slug}/bearbeiten/", _form(title="Gekapert")).status_code == 403
    assert Client().get(f"/projekte/{project.slug}/bearbeiten/").status_code == 302  # to login
    c = _client(lead)
    form = c.get(f"/projekte/{project.slug}/bearbeiten/").content.decode()
    place = geo["zwickau"].name
    assert 'value="Alt"' in form and f'value="{place}"' in form
    r = c.post(f"/projekte/{project.slug}/bearbeiten/", _form(title="Neu", budget_eur="5000", place=place))
    assert r.status_code == 302
    project.refresh_from_db()
    assert (project.title, project.area, int(project.budget_eur)) == ("Neu", geo["zwickau"], 5000)


@pytest.mark.django_db
def test_bad_input_on_edit_names_the_field_and_changes_nothing(geo):
    lead = UserFactory()
    project = project_create(user=lead, title="Alt", summary="s", area=geo["zwickau"], is_public=True)
    r = _client(lead).post(
        f"/projekte/{project.slug}/bearbeiten/", _form(title="Neu", budget_eur="-3", place="Atlantis")
    )
    assert r.status_code == 400
    html = r.content.decode()
    assert "Budget" in html and "Diesen Ort finden wir nicht" in html
    project.refresh_from_db()
    assert project.title == "Alt" and project.budget_eur is None


@pytest.mark.django_db
def test_the_lead_finds_and_invites_an_organisation_which_accepts(geo):
    # given a draft project and a public company
    lead = UserFactory()
    project = project_create(user=lead, title="Wärmenetz", summary="s", area=geo["zwickau"])
    owner = UserFactory()
    company = make_actor(geo["zwickau"], name="Stadtwerke Zwickau", kind="company", owner=owner)
    c = _client(lead)
    # when the lead searches by name
    html = c.get(f"/projekte/{project.slug}/?einladen=stadtwerke").content.decode()
    assert "Stadtwerke Zwickau" in html
    # and invites it as implementer
    assert (
        c.post(
            f"/projekte/{project.slug}/einladen/", {"actor": company.pk, "role": "implementer"}
        ).status_code
        == 302
    )
    partner = Partner.objects.get(project=project)
    assert partner.status == "invited"
    # then the lead cannot accept in the company's name; a stranger does not even see the draft
    assert (
        c.post(f"/projekte/{project.slug}/partner/{partner.pk}/", {"decision": "accept"}).status_code == 403
    )
    assert (
        _client(UserFactory())
        .post(f"/projekte/{project.slug}/partner/{partner.pk}/", {"decision": "accept"})
        .status_code
        == 404
    )
    # the company sees the draft with the invitation and accepts
    company_client = _client(owner)
    page = company_client.get(f"/projekte/{project.slug}/").content.decode()
    assert "Einladung annehmen" in page
    company_client.post(f"/projekte/{project.slug}/partner/{partner.pk}/", {"decision": "accept"})
    partner.refresh_from_db()
    assert partner.status == "accepted"
    # and inviting it again is refused with its name
    r = c.post(f"/projekte/{project.slug}/einladen/", {"actor": company.pk, "role": "partner"}, follow=True)
    assert "Stadtwerke Zwickau“ ist an diesem Projekt schon beteiligt" in r.content.decode()
    assert Partner.objects.filter(project=project).count() == 1


@pytest.mark.django_db
def test_only_public_organisations_can_be_invited(geo):
    lead = UserFactory()
    project = project_create(user=lead, title="P", summary="s", area=geo["zwickau"], is_public=True)
    hidden = make_actor(geo["zwickau"], name="Versteckt e. V.", status="pending")
    c = _client(lead)
    assert "Versteckt" not in c.get(f"/projekte/{project.slug}/?einladen=versteckt").content.decode()
    c.post(f"/projekte/{project.slug}/einladen/", {"actor": hidden.pk, "role": "partner"})
    assert not Partner.objects.exists()
    stranger = _client(UserFactory())
    company = make_actor(geo["zwickau"], name="Firma")
    assert (
        stranger.post(
            f"/projekte/{project.slug}/einladen/", {"actor": company.pk, "role": "partner"}
        ).status_code
        == 403
    )


@pytest.mark.django_db
def test_the_lead_marks_a_need_as_filled_once(geo):
    lead = UserFactory()
    project = project_create(user=lead, title="Repair-Café", summary="s", area=geo["zwickau"], is_public=True)
    need = need_add(project=project, category="spaces", title="Raum")
    helper = make_actor(geo["zwickau"], name="Werkstatt Nord")
    resource_add(actor=helper, direction="offer", category="spaces", title="Werkstattraum")
    c = _client(lead)
    assert "als gedeckt eintragen" in c.get(f"/projekte/{project.slug}/").content.decode()
    assert (
        _client(UserFactory())
        .post(f"/projekte/{project.slug}/bedarfe/{need.pk}/gedeckt/", {"actor": helper.pk})
        .status_code
        == 403
    )
    assert Need.objects.get().filled_at is None
    c.post(f"/projekte/{project.slug}/bedarfe/{need.pk}/gedeckt/", {"actor": helper.pk})
    need.refresh_from_db()
    assert need.filled_by == helper and need.filled_at is not None
    r = c.post(f"/projekte/{project.slug}/bedarfe/{need.pk}/gedeckt/", {"actor": helper.pk}, follow=True)
    assert "schon gedeckt" in r.content.decode()
    html = Client().get(f"/projekte/{project.slug}/").content.decode()
    assert "gedeckt durch" in html and "Werkstatt Nord" in html


@pytest.mark.django_db
def test_project_list_filters_by_topic_and_area_and_maps_the_results(geo, strategy):
    energy = Topic.objects.get(slug="energie-klimaschutz")
    user = UserFactory()
    a = project_create(user=user, title="Solardach", summary="s", area=geo["zwickau"], is_public=True)
    a.topics.set([energy])
    project_create(user=user, title="Zittauer Garten", summary="s", area=geo["zittau"], is_public=True)
    html = Client().get("/projekte/?topic=energie-klimaschutz").content.decode()
    main = html.split("<main")[1]
    assert "Solardach" in main and "Zittauer Garten" not in main
    assert 'id="map"' in html and "projects.geojson?topic=energie-klimaschutz" in html
    main = Client().get(f"/projekte/?area={geo['zittau'].ags}").content.decode().split("<main")[1]
    assert "Zittauer Garten" in main and "Solardach" not in main
    r = Client().get("/projekte/?area=99999999")
    assert r.status_code == 400 and "area" in r.content.decode()
    assert "Klimaschutzkonzept Zwickau 2030" in Client().get("/projekte/").content.decode()


@pytest.mark.django_db
def test_project_list_offers_strategy_creation_to_administrations_only(geo):
    citizen = UserFactory()
    assert "Klimaschutzstrategie anlegen" not in _client(citizen).get("/projekte/").content.decode()
    clerk = UserFactory()
    make_actor(geo["zwickau"], name="Stadt Zwickau", kind="administration", owner=clerk)
    assert "Klimaschutzstrategie anlegen" in _client(clerk).get("/projekte/").content.decode()


@pytest.mark.django_db
def test_actor_page_lists_nearby_projects_that_need_its_offers(geo):
    workshop = make_actor(geo["zwickau"], name="Werkstatt Nord")
    resource_add(actor=workshop, direction="offer", category="spaces", title="Werkstattraum")
    user = UserFactory()
    near = project_create(user=user, title="Repair-Café", summary="s", area=geo["zwickau"], is_public=True)
    need_add(project=near, category="spaces", title="Raum für Werkstatt")
    draft = project_create(user=user, title="Geheimer Entwurf", summary="s", area=geo["zwickau"])
    need_add(project=draft, category="spaces", title="Raum")
    far = project_create(user=user, title="Zittauer Laden", summary="s", area=geo["zittau"], is_public=True)
    need_add(project=far, category="spaces", title="Raum")
    html = Client().get(workshop.get_absolute_url()).content.decode()
    assert "Projekte in der Nähe" in html and "Repair-Café" in html and "Raum für Werkstatt" in html
    assert "Geheimer Entwurf" not in html and "Zittauer Laden" not in html


@pytest.mark.django_db
def test_an_invited_organisation_sees_the_draft_but_not_after_declining(geo):
    lead = UserFactory()
    project = project_create(user=lead, title="Entwurf", summary="s", area=geo["zwickau"])
    owner = UserFactory()
    actor = make_actor(geo["zwickau"], name="Verein", owner=owner)
    partner = partner_invite(project=project, actor=actor, role="partner", user=lead)
    c = _client(owner)
    assert c.get(f"/projekte/{project.slug}/").status_code == 200
    c.post(f"/projekte/{project.slug}/partner/{partner.pk}/", {"decision": "decline"})
    assert c.get(f"/projekte/{project.slug}/").status_code == 404
