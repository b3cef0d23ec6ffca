"""Project pages as a visitor, a proposer, a partner and a lead would use them."""

import pytest
from django.test import Client

from tests.factories import UserFactory, make_actor
from wandelwerk.geo.models import PostalCode, PostalCodeArea
from wandelwerk.projects.models import Measure, Partner, Project, Strategy
from wandelwerk.projects.services import project_create


@pytest.fixture
def strategy(geo):
    city = make_actor(geo["zwickau"], name="Stadt Zwickau", kind="administration", sector="administration")
    s = Strategy.objects.create(
        title="Klimaschutzkonzept Zwickau",
        slug="kk-zwickau",
        publisher=city,
        area=geo["zwickau"],
        period_start=2024,
        period_end=2030,
        is_published=True,
    )
    Measure.objects.create(strategy=s, code="M 1.1", title="PV auf Dächern")
    Measure.objects.create(strategy=s, code="M 3.2", title="Radverkehr")
    return s


@pytest.mark.django_db
def test_a_citizen_proposes_a_company_joins_the_lead_moves_it_on_and_the_dashboard_shows_it(geo, strategy):
    PostalCode.objects.create(plz="08056", lat=50.72, lon=12.49)
    PostalCodeArea.objects.create(plz="08056", area=geo["zwickau"], place_name="Zwickau")
    citizen = Client()
    lead = UserFactory()
    citizen.force_login(lead)
    r = citizen.post(
        "/projekte/neu/",
        {
            "title": "Bürgersolar",
            "summary": "PV auf Schulen",
            "place": "08056",
            "effect_co2_t": "80",
            "is_public": "on",
        },
    )
    assert r.status_code == 302
    project = Project.objects.get()
    project.measures.add(strategy.measures.get(code="M 1.1"))

    owner = UserFactory()
    make_actor(geo["zwickau"], name="Solarbau GmbH", kind="company", sector="business", owner=owner)
    company = Client()
    company.force_login(owner)
    actor_id = owner.actors.get().pk
    assert (
        company.post(
            f"/projekte/{project.slug}/mitmachen/", {"actor": actor_id, "role": "implementer"}
        ).status_code
        == 302
    )
    partner = Partner.objects.get(project=project)
    assert partner.status == "requested"
    assert (
        company.post(f"/projekte/{project.slug}/partner/{partner.pk}/", {"decision": "accept"}).status_code
        == 403
    )

    assert (
        citizen.post(f"/projekte/{project.slug}/partner/{partner.pk}/", {"decision": "accept"}).status_code
        == 302
    )
    citizen.post(f"/projekte/{project.slug}/phase/", {"to_stage": "planning"})
    citizen.post(f"/projekte/{project.slug}/phase/", {"to_stage": "implementation"})
    assert Project.objects.get().stage == "implementation"

    html = Client().get("/strategien/kk-zwickau/").content.decode()
    assert "Bürgersolar" in html and "Umsetzung" in html and "50 %" in html


@pytest.mark.django_db
def test_bad_input_names_the_field_and_creates_nothing(geo):
    c = Client()
    c.force_login(UserFactory())
    r = c.post("/projekte/neu/", {"title": "", "summary": "x", "place": "Atlantis", "effect_co2_t": "-5"})
    assert r.status_code == 400
    html = r.content.decode()
    assert "Titel" in html and "Ort" in html
    assert not Project.objects.exists()


@pytest.mark.django_db
def test_draft_pages_are_hidden_from_others_and_stage_changes_need_the_lead(geo):
    project = project_create(user=UserFactory(), title="Entwurf", summary="s", area=geo["zwickau"])
    stranger = Client()
    stranger.force_login(UserFactory())
    assert Client().get(f"/projekte/{project.slug}/").status_code == 404
    assert stranger.get(f"/projekte/{project.slug}/").status_code == 404
    assert "Entwurf" not in Client().get("/projekte/").content.decode().split("<main")[1]
    project.is_public = True
    project.save()
    assert stranger.post(f"/projekte/{project.slug}/phase/", {"to_stage": "planning"}).status_code == 403
    assert Project.objects.get().stage == "idea"
