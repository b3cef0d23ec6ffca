"""Permission matrix over every private page and every write route of consulting: anonymous, a stranger,
the requester, another centre, the assigned centre, the area's coordinator, a coordinator elsewhere, staff."""

import pytest
from django.test import Client

from tests.consulting.conftest import make_centre
from wandelwerk.consulting.models import CaseNote, CompetenceCentre, ConsultingRequest, Feedback
from wandelwerk.consulting.services import request_advance

ROLES = [
    "anonymous",
    "stranger",
    "requester",
    "other_centre",
    "assigned_centre",
    "coordinator",
    "coordinator_elsewhere",
    "staff",
]


def expect(role, table):
    assert len(table) == len(ROLES)
    return table[ROLES.index(role)]


def client_for(world, role):
    c = Client()
    user = world["users"][role]
    if user is not None:
        c.force_login(user)
    return c


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_private_pages(world, role):
    c = client_for(world, role)
    case, a = world["case"], world["centre_a"]
    status = {
        "case": c.get(f"/beratung/faelle/{case.pk}/").status_code,
        "mine": c.get("/beratung/meine-anfragen/").status_code,
        "inbox": c.get(f"/beratung/stellen/{a.pk}/eingang/").status_code,
        "queue": c.get("/beratung/koordination/").status_code,
        "form": c.get("/beratung/anfragen/").status_code,
        "centre_new": c.get("/beratung/stellen/neu/").status_code,
        "centre_edit": c.get(f"/beratung/stellen/{a.pk}/bearbeiten/").status_code,
        "proposals": c.get("/beratung/kollegiale-beratung/vorschlaege/").status_code,
    }
    assert status == {
        "case": expect(role, [302, 404, 200, 404, 200, 200, 404, 200]),
        "mine": expect(role, [302, 200, 200, 200, 200, 200, 200, 200]),
        "inbox": expect(role, [302, 403, 403, 403, 200, 403, 403, 200]),
        "queue": expect(role, [302, 403, 403, 403, 403, 200, 200, 200]),
        "form": expect(role, [302, 200, 200, 200, 200, 200, 200, 200]),
        "centre_new": expect(role, [302, 403, 403, 403, 403, 200, 200, 200]),
        "centre_edit": expect(role, [302, 403, 403, 403, 403, 200, 403, 200]),
        "proposals": expect(role, [302, 403, 403, 403, 403, 200, 200, 200]),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_lists_show_a_case_only_to_its_people(world, role):
    c = client_for(world, role)
    title = world["case"].title
    if role == "anonymous":
        return
    mine = c.get("/beratung/meine-anfragen/").content.decode()
    assert (title in mine) == (role == "requester")
    queue = c.get("/beratung/koordination/")
    if queue.status_code == 200:
        assert (title in queue.content.decode()) == (role in ("coordinator", "staff"))
    other_inbox = c.get(f"/beratung/stellen/{world['centre_b'].pk}/eingang/")
    if other_inbox.status_code == 200:
        assert title not in other_inbox.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_case_write_routes(world, role, geo):
    c = client_for(world, role)
    case = world["case"]
    spare = make_centre(geo["zwickau_lk"], world["energy"], name="Ausweichstelle")
    r = c.post(f"/beratung/faelle/{case.pk}/notiz/", {"text": "Rückruf am Montag"})
    assert r.status_code == expect(role, [302, 404, 302, 404, 302, 302, 404, 302])
    assert CaseNote.objects.filter(case=case).exists() == (r.status_code == 302 and role != "anonymous")
    r = c.post(f"/beratung/faelle/{case.pk}/status/", {"to_status": "in_progress"})
    assert r.status_code == expect(role, [302, 404, 403, 404, 302, 302, 404, 302])
    moved = ConsultingRequest.objects.get(pk=case.pk).status == "in_progress"
    assert moved == (role in ("assigned_centre", "coordinator", "staff"))
    r = c.post(f"/beratung/faelle/{case.pk}/weiterleiten/", {"centre": spare.pk, "note": "bitte übernehmen"})
    assert r.status_code == expect(role, [302, 404, 403, 404, 403, 302, 404, 302])
    rerouted = ConsultingRequest.objects.get(pk=case.pk).centre_id == spare.pk
    assert rerouted == (role in ("coordinator", "staff"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_feedback_route(world, role):
    case, person = world["case"], world["users"]["assigned_centre"]
    request_advance(case=case, user=person, to_status="in_progress")
    request_advance(case=case, user=person, to_status="closed", outcome="Beraten")
    r = client_for(world, role).post(
        f"/beratung/faelle/{case.pk}/rueckmeldung/", {"rating": "5", "text": "Danke"}
    )
    assert r.status_code == expect(role, [302, 404, 302, 404, 403, 403, 404, 403])
    assert Feedback.objects.filter(case=case).exists() == (role == "requester")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_centre_write_routes(world, role, geo):
    c = client_for(world, role)
    a = world["centre_a"]
    data = {
        "actor": a.actor.slug,
        "name": "Neue Stelle",
        "topics": [world["energy"].pk],
        "areas": [geo["zwickau_lk"].pk],
        "capacity": "4",
        "is_active": "on",
    }
    r = c.post("/beratung/stellen/neu/", data)
    assert r.status_code == expect(role, [302, 403, 403, 403, 403, 302, 400, 302])
    created = CompetenceCentre.objects.filter(name="Neue Stelle").exists()
    assert created == (role in ("coordinator", "staff"))
    r = c.post(f"/beratung/stellen/{a.pk}/bearbeiten/", {**data, "name": "Umbenannt"})
    assert r.status_code == expect(role, [302, 403, 403, 403, 403, 302, 403, 302])
    renamed = CompetenceCentre.objects.get(pk=a.pk).name == "Umbenannt"
    assert renamed == (role in ("coordinator", "staff"))
