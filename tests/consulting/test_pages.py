"""Pages: the public overview, the request form, case lists with ageing, emails, query budgets."""

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.consulting.conftest import ask, make_centre
from tests.factories import UserFactory
from wandelwerk.consulting.models import CompetenceCentre, ConsultingRequest
from wandelwerk.consulting.services import request_advance, request_reroute


def logged_in(user):
    c = Client()
    c.force_login(user)
    return c


@pytest.mark.django_db
def test_overview_lists_public_centres_with_topics_and_areas(world):
    body = Client().get("/beratung/").content.decode()
    assert "Energie Zwickau" in body and "Energie Görlitz" in body
    assert "Energie und Klimaschutz" in body and "Beratung anfragen" in body
    assert Client().get("/en/beratung/").status_code == 200


@pytest.mark.django_db
def test_overview_and_api_stay_within_a_query_budget(world, geo, django_assert_max_num_queries):
    for i in range(8):
        make_centre(
            geo["zwickau_lk"], world["energy"], name=f"Stelle {i}", areas=[geo["zwickau_lk"], geo["sn"]]
        )
    c = Client()
    with django_assert_max_num_queries(5):
        assert c.get("/beratung/").status_code == 200
    with django_assert_max_num_queries(5):
        r = c.get("/api/v1/competence-centres")
    data = r.json()
    assert data["count"] == 10
    first = next(item for item in data["items"] if item["name"] == "Stelle 0")
    assert [a["ags"] for a in first["areas"]] == ["14", "14524"]
    assert first["topics"] == [{"slug": "energie-klimaschutz", "name": "Energie und Klimaschutz"}]


@pytest.mark.django_db
def test_case_lists_stay_within_a_query_budget(world, geo, django_assert_max_num_queries):
    for i in range(15):
        ask(UserFactory(), world["energy"], geo["zwickau"], title=f"Fall {i}")
    coordinator = logged_in(world["users"]["coordinator"])
    with django_assert_max_num_queries(14):
        assert coordinator.get("/beratung/koordination/").status_code == 200
    centre = logged_in(world["users"]["assigned_centre"])
    with django_assert_max_num_queries(9):
        assert centre.get(f"/beratung/stellen/{world['centre_a'].pk}/eingang/").status_code == 200
    requester = logged_in(world["users"]["requester"])
    with django_assert_max_num_queries(6):
        assert requester.get("/beratung/meine-anfragen/").status_code == 200


@pytest.mark.django_db
def test_request_form_routes_and_redirects_to_the_case(world, geo):
    c = logged_in(UserFactory())
    r = c.post(
        "/beratung/anfragen/",
        {
            "topic": world["energy"].pk,
            "place": "Crimmitschau",
            "title": "Wärmepumpe im Vereinsheim",
            "description": "Lohnt sich das?",
            "urgency": "high",
        },
    )
    case = ConsultingRequest.objects.get(title="Wärmepumpe im Vereinsheim")
    assert r.status_code == 302 and r["Location"] == case.get_absolute_url()
    assert (case.area, case.centre_id, case.urgency) == (geo["crimmitschau"], world["centre_a"].pk, "high")


@pytest.mark.django_db
def test_request_form_names_the_bad_field_and_writes_nothing(world):
    before = ConsultingRequest.objects.count()
    c = logged_in(UserFactory())
    r = c.post(
        "/beratung/anfragen/",
        {
            "topic": world["energy"].pk,
            "place": "Atlantis",
            "title": "",
            "description": "x",
            "urgency": "normal",
        },
    )
    body = r.content.decode()
    assert r.status_code == 400
    assert (
        "Diesen Ort finden wir nicht." in body and 'href="#id_place"' in body and 'href="#id_title"' in body
    )
    assert ConsultingRequest.objects.count() == before
    assert CompetenceCentre.objects.get(pk=world["centre_a"].pk).open_cases == 1


@pytest.mark.django_db
def test_lists_show_days_open_oldest_first_and_filter_by_age(world, geo):
    old = ask(world["users"]["requester"], world["energy"], geo["zwickau"], title="Alte Anfrage")
    ConsultingRequest.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=40))
    c = logged_in(world["users"]["requester"])
    body = c.get("/beratung/meine-anfragen/").content.decode()
    assert body.index("Alte Anfrage") < body.index(world["case"].title)
    assert '<td class="num">40</td>' in body
    filtered = c.get("/beratung/meine-anfragen/?aelter_als=30").content.decode()
    assert "Alte Anfrage" in filtered and world["case"].title not in filtered
    bad = c.get("/beratung/meine-anfragen/?aelter_als=viele")
    assert bad.status_code == 400 and "Älter als" in bad.content.decode()


@pytest.mark.django_db
def test_queue_shows_unassigned_requests_of_the_coordinators_areas(world, geo, topics):
    waiting = ask(UserFactory(), topics["bildung-kultur"], geo["crimmitschau"], title="Umweltbildung Kita")
    elsewhere = ask(UserFactory(), topics["bildung-kultur"], geo["zittau"], title="Bildung Zittau")
    assert waiting.status == elsewhere.status == "new"
    body = logged_in(world["users"]["coordinator"]).get("/beratung/koordination/").content.decode()
    assert "Umweltbildung Kita" in body and "Bildung Zittau" not in body
    assert "Ohne Kompetenzstelle (1)" in body
    # each unassigned request can be re-routed right from the queue to a centre covering its place
    assert f'<select id="centre-{waiting.pk}" name="centre" required>' in body
    assert f'<option value="{world["centre_a"].pk}">Energie Zwickau (1/5)</option>' in body


@pytest.mark.django_db
def test_emails_go_to_the_centre_on_assignment_and_to_the_requester_on_changes(
    world, geo, django_capture_on_commit_callbacks
):
    requester = UserFactory(email="fragt@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        case = ask(requester, world["energy"], geo["zwickau"], title="Solar auf dem Kirchdach")
    to_centre = [m for m in mail.outbox if "Neue Beratungsanfrage" in m.subject]
    assert sorted(m.to[0] for m in to_centre) == sorted(
        [world["users"]["assigned_centre"].email, world["users"]["adviser"].email]
    )
    assert all(case.description not in m.body for m in mail.outbox)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        request_advance(case=case, user=world["users"]["adviser"], to_status="in_progress")
    assert [m.to for m in mail.outbox] == [["fragt@example.org"]]
    assert "in Bearbeitung" in mail.outbox[0].subject
    # re-routed: the new centre is told, the requester hears the status
    mail.outbox.clear()
    other_owner = UserFactory(email="zweite@example.org")
    other = make_centre(geo["zwickau_lk"], world["energy"], name="Zweite", owner=other_owner)
    with django_capture_on_commit_callbacks(execute=True):
        request_reroute(case=case, user=world["users"]["coordinator"], centre=other, note="Urlaub")
    assert sorted(m.to[0] for m in mail.outbox) == ["fragt@example.org", "zweite@example.org"]


@pytest.mark.django_db
def test_case_page_offers_the_next_status_and_feedback_after_closing(world):
    case, person = world["case"], world["users"]["assigned_centre"]
    body = logged_in(person).get(case.get_absolute_url()).content.decode()
    assert 'value="in_progress" selected' in body
    request_advance(case=case, user=person, to_status="in_progress")
    request_advance(case=case, user=person, to_status="closed", outcome="Antrag gestellt")
    requester_view = logged_in(world["users"]["requester"]).get(case.get_absolute_url()).content.decode()
    assert "Rückmeldung geben" in requester_view and "Antrag gestellt" in requester_view
    assert "Rückmeldung geben" not in logged_in(person).get(case.get_absolute_url()).content.decode()
