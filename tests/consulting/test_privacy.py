"""Notes and cases stay with their people: never public, never another centre's, gone after re-routing."""

import pytest
from django.test import Client

from tests.consulting.conftest import make_centre
from wandelwerk.consulting.selectors import cases_visible_to
from wandelwerk.consulting.services import note_add, request_reroute

SECRET = "Unser Kassenstand ist vertraulich"


def page_for(user, case):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c.get(f"/beratung/faelle/{case.pk}/")


@pytest.mark.django_db
def test_notes_are_seen_by_requester_centre_and_area_coordinators_only(world):
    case, users = world["case"], world["users"]
    note_add(case=case, user=users["requester"], text=SECRET)
    seen = {role: SECRET in page_for(user, case).content.decode() for role, user in users.items()}
    assert seen == {
        "anonymous": False,
        "stranger": False,
        "requester": True,
        "other_centre": False,
        "assigned_centre": True,
        "adviser": True,
        "coordinator": True,
        "coordinator_elsewhere": False,
        "staff": True,
    }


@pytest.mark.django_db
def test_notes_and_descriptions_appear_on_no_public_page_or_api(world):
    case = world["case"]
    note_add(case=case, user=world["users"]["requester"], text=SECRET)
    c = Client()
    for url in ["/beratung/", f"/beratung/stellen/{world['centre_a'].pk}/", "/api/v1/competence-centres"]:
        body = c.get(url).content.decode()
        assert SECRET not in body and case.description not in body and case.title not in body


@pytest.mark.django_db
def test_a_centre_loses_sight_of_a_case_rerouted_away(world, geo):
    case, users = world["case"], world["users"]
    note_add(case=case, user=users["assigned_centre"], text=SECRET)
    other = make_centre(geo["zwickau_lk"], world["energy"], name="Andere Stelle")
    request_reroute(case=case, user=users["coordinator"], centre=other, note="Zuständigkeit")
    assert page_for(users["assigned_centre"], case).status_code == 404
    assert not cases_visible_to(users["adviser"]).filter(pk=case.pk).exists()


@pytest.mark.django_db
def test_a_centre_sees_only_its_own_cases(world, geo):
    from tests.consulting.conftest import ask
    from tests.factories import UserFactory

    goerlitz_case = ask(UserFactory(), world["energy"], geo["zittau"], title="Görlitzer Anfrage")
    assert goerlitz_case.centre_id == world["centre_b"].pk
    a_people = cases_visible_to(world["users"]["assigned_centre"])
    b_people = cases_visible_to(world["users"]["other_centre"])
    assert list(a_people.values_list("pk", flat=True)) == [world["case"].pk]
    assert list(b_people.values_list("pk", flat=True)) == [goerlitz_case.pk]
    c = Client()
    c.force_login(world["users"]["other_centre"])
    inbox = c.get(f"/beratung/stellen/{world['centre_b'].pk}/eingang/").content.decode()
    assert "Görlitzer Anfrage" in inbox and world["case"].title not in inbox


@pytest.mark.django_db
def test_a_deleted_account_leaves_its_cases_anonymised_and_the_counter_right(world):
    from wandelwerk.accounts.services import account_delete
    from wandelwerk.consulting.models import CompetenceCentre, ConsultingRequest

    case = world["case"]
    account_delete(user=world["users"]["requester"])
    stored = ConsultingRequest.objects.get(pk=case.pk)
    assert stored.requester_id is None and stored.status == "assigned"
    assert CompetenceCentre.objects.get(pk=world["centre_a"].pk).open_cases == 1
    c = Client()
    c.force_login(world["users"]["assigned_centre"])
    assert "gelöschtes Konto" in c.get(f"/beratung/faelle/{case.pk}/").content.decode()


@pytest.mark.django_db
def test_a_person_cannot_carry_a_competence_centre(geo, topics):
    from tests.factories import make_actor
    from wandelwerk.consulting.centre_services import centre_create
    from wandelwerk.consulting.services import ConsultingError

    person = make_actor(geo["zwickau"], name="Erika Muster", kind="person")
    with pytest.raises(ConsultingError) as info:
        centre_create(
            user=None,
            actor=person,
            name="Beratung Muster",
            topics=[topics["mobilitaet"]],
            areas=[geo["zwickau_lk"]],
            capacity=3,
        )
    assert info.value.field == "actor"


@pytest.mark.django_db
def test_markup_in_notes_and_titles_stays_inert(world, geo):
    from tests.consulting.conftest import ask

    payload = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    case = ask(world["users"]["requester"], world["energy"], geo["zwickau"], title=payload)
    note_add(case=case, user=world["users"]["requester"], text=payload)
    c = Client()
    c.force_login(world["users"]["requester"])
    for url in [f"/beratung/faelle/{case.pk}/", "/beratung/meine-anfragen/"]:
        body = c.get(url).content.decode()
        assert "<script>alert(1)" not in body and 'onerror="alert(2)"' not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


@pytest.mark.django_db
def test_the_public_list_leaves_out_inactive_centres_and_those_of_unpublished_actors(world):
    from wandelwerk.actors.models import Actor
    from wandelwerk.consulting.models import CompetenceCentre

    CompetenceCentre.objects.filter(pk=world["centre_b"].pk).update(is_active=False)
    Actor.objects.filter(pk=world["centre_a"].actor_id).update(status="pending")
    assert Client().get("/api/v1/competence-centres").json() == {"count": 0, "items": []}
    body = Client().get("/beratung/").content.decode()
    assert "Energie Zwickau" not in body and "Energie Görlitz" not in body
    assert Client().get(f"/beratung/stellen/{world['centre_a'].pk}/").status_code == 404
