"""Project pages as a visitor, a proposer, a partner and a lead would use them."""

import pytest
from django.test import Client

from tests.factories import UserFactory, make_actor
from wandelwerk.geo.models import PostalCode, PostalCodeArea
from wandelwerk.projects.models import Partner, Project, Strategy
from wandelwerk.projects.services import project_create


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
            "measures": [strategy.measures.get(code="M 1.1").pk],
        },
    )
    assert r.status_code == 302
    project = Project.objects.get()
    assert [m.code for m in project.measures.all()] == ["M 1.1"]

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


@pytest.mark.django_db
def test_the_lead_lists_a_need_and_the_page_suggests_who_could_help(geo):
    from wandelwerk.actors.services import resource_add

    lead = UserFactory()
    project = project_create(user=lead, title="Repair-Café", summary="s", area=geo["zwickau"], is_public=True)
    nearby = make_actor(geo["zwickau"], name="Werkstatt Nord")
    resource_add(actor=nearby, direction="offer", category="spaces", title="Werkstattraum")
    far = make_actor(geo["zittau"], name="Saal Zittau")
    resource_add(actor=far, direction="offer", category="spaces", title="Saal")
    c = Client()
    c.force_login(lead)
    assert (
        c.post(f"/projekte/{project.slug}/bedarfe/", {"category": "spaces", "title": "Raum"}).status_code
        == 302
    )
    html = Client().get(f"/projekte/{project.slug}/").content.decode()
    assert "Wer könnte helfen?" in html and "Werkstatt Nord" in html
    assert "Saal Zittau" not in html  # ~160 km away: outside the search box
    stranger = Client()
    stranger.force_login(UserFactory())
    assert (
        stranger.post(f"/projekte/{project.slug}/bedarfe/", {"category": "money", "title": "x"}).status_code
        == 403
    )


@pytest.mark.django_db
def test_network_page_shows_public_projects_in_its_areas(geo):
    from tests.factories import NetworkFactory

    NetworkFactory(slug="zwickau", name="Region Zwickau", areas=[geo["zwickau_lk"]])
    project_create(user=UserFactory(), title="Lastenräder", summary="s", area=geo["zwickau"], is_public=True)
    project_create(user=UserFactory(), title="Entwurf Nord", summary="s", area=geo["zwickau"])
    project_create(
        user=UserFactory(), title="Zittauer Projekt", summary="s", area=geo["zittau"], is_public=True
    )
    html = Client().get("/netzwerke/zwickau/").content.decode()
    assert "Lastenräder" in html and "Entwurf Nord" not in html and "Zittauer Projekt" not in html


@pytest.mark.django_db(transaction=True)
def test_followers_get_an_email_when_the_lead_posts_an_update(geo, mailoutbox):
    lead = UserFactory()
    project = project_create(
        user=lead, title="Klimawerkstatt", summary="s", area=geo["zwickau"], is_public=True
    )
    fan, other = UserFactory(email="fan@example.org"), UserFactory(email="other@example.org")
    fan_client = Client()
    fan_client.force_login(fan)
    fan_client.post(f"/projekte/{project.slug}/folgen/", {"follow": "1"})
    fan_client.post(f"/projekte/{project.slug}/folgen/", {"follow": "1"})  # twice: still one subscription
    lead_client = Client()
    lead_client.force_login(lead)
    assert (
        lead_client.post(
            f"/projekte/{project.slug}/neuigkeiten/", {"text": "Erster Workshop am Freitag!"}
        ).status_code
        == 302
    )
    assert [m.to for m in mailoutbox] == [["fan@example.org"]]
    assert "Erster Workshop" in mailoutbox[0].body and "/projekte/klimawerkstatt/" in mailoutbox[0].body
    stranger = Client()
    stranger.force_login(other)
    assert stranger.post(f"/projekte/{project.slug}/neuigkeiten/", {"text": "Spam"}).status_code == 403
    fan_client.post(f"/projekte/{project.slug}/folgen/", {"follow": "0"})
    lead_client.post(f"/projekte/{project.slug}/neuigkeiten/", {"text": "Zweite Nachricht"})
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_a_municipality_publishes_a_strategy_with_two_measures(geo):
    clerk = UserFactory()
    make_actor(
        geo["zwickau"], name="Stadt Zwickau", kind="administration", sector="administration", owner=clerk
    )
    c = Client()
    c.force_login(clerk)
    publisher = clerk.actors.get()
    r = c.post(
        "/strategien/neu/",
        {
            "publisher": publisher.pk,
            "title": "Klimaplan Zwickau",
            "period_start": "2025",
            "period_end": "2035",
            "is_published": "on",
        },
    )
    assert r.status_code == 302
    strategy = Strategy.objects.get()
    assert strategy.area == geo["zwickau"]
    for code, title in [("M 1", "Solardächer"), ("M 2", "Radwege")]:
        c.post(
            f"/strategien/{strategy.slug}/massnahmen/", {"code": code, "title": title, "target_value": "10"}
        )
    c.post(f"/strategien/{strategy.slug}/massnahmen/", {"code": "M 1", "title": "doppelt"})
    assert list(strategy.measures.values_list("code", flat=True)) == ["M 1", "M 2"]
    html = Client().get(f"/strategien/{strategy.slug}/").content.decode()
    assert "Solardächer" in html and "Radwege" in html and "Maßnahme hinzufügen" not in html
    # someone without an administration entry cannot publish; someone else cannot add measures
    other = Client()
    other.force_login(UserFactory())
    assert other.get("/strategien/neu/").status_code == 403
    assert (
        other.post(f"/strategien/{strategy.slug}/massnahmen/", {"code": "M 9", "title": "x"}).status_code
        == 403
    )
    bad = c.post(
        "/strategien/neu/",
        {"publisher": publisher.pk, "title": "X", "period_start": "2030", "period_end": "2020"},
    )
    assert bad.status_code == 400 and "Laufzeit" in bad.content.decode()


@pytest.mark.django_db
def test_the_lead_plans_milestones_and_ticks_them_off(geo):
    lead = UserFactory()
    project = project_create(
        user=lead, title="Streuobstwiese", summary="s", area=geo["zwickau"], is_public=True
    )
    c = Client()
    c.force_login(lead)
    assert (
        c.post(
            f"/projekte/{project.slug}/meilensteine/", {"title": "Pflanztag", "due": "2027-03-20"}
        ).status_code
        == 302
    )
    c.post(f"/projekte/{project.slug}/meilensteine/", {"title": "ohne Datum", "due": "bald"})
    milestone = project.milestones.get()
    assert milestone.title == "Pflanztag" and str(milestone.due) == "2027-03-20"
    stranger = Client()
    stranger.force_login(UserFactory())
    assert stranger.post(f"/projekte/{project.slug}/meilensteine/{milestone.pk}/erledigt/").status_code == 403
    c.post(f"/projekte/{project.slug}/meilensteine/{milestone.pk}/erledigt/")
    milestone.refresh_from_db()
    assert milestone.done_at is not None
    assert "Pflanztag" in Client().get(f"/projekte/{project.slug}/").content.decode()
