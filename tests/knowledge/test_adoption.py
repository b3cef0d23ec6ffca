"""Adoptions ("umgesetzt von"): exactly one target, no duplicates, only for one's own actor or project
or a region one coordinates; only public actors and projects are ever shown."""

import pytest
from django.db import IntegrityError, transaction

from tests.factories import UserFactory, make_actor
from tests.knowledge.conftest import client_for, make_practice
from wandelwerk.knowledge.models import Adoption
from wandelwerk.knowledge.services import KnowledgeError, adoption_add, adoption_remove
from wandelwerk.projects.services import project_create


@pytest.fixture
def owner(db):
    return UserFactory()


@pytest.fixture
def practice(db):
    return make_practice(title="Repair-Café")


@pytest.mark.django_db
def test_owner_marks_own_actor_once_and_a_second_time_is_refused(geo, owner, practice):
    actor = make_actor(geo["zwickau"], name="Repair-Café Zwickau", owner=owner)
    adoption_add(practice=practice, user=owner, actor=actor, year=2023, note="jeden ersten Samstag")
    with pytest.raises(KnowledgeError) as exc:
        adoption_add(practice=practice, user=owner, actor=actor)
    assert exc.value.field == "target"
    assert "schon eingetragen" in exc.value.message
    assert Adoption.objects.filter(practice=practice).count() == 1


@pytest.mark.django_db
def test_database_refuses_duplicates_and_rows_without_exactly_one_target(geo, practice):
    actor = make_actor(geo["zwickau"], name="Verein")
    Adoption.objects.create(practice=practice, actor=actor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Adoption.objects.create(practice=practice, actor=actor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Adoption.objects.create(practice=practice)
    with pytest.raises(IntegrityError), transaction.atomic():
        Adoption.objects.create(practice=practice, actor=actor, area=geo["zwickau"])
    Adoption.objects.create(practice=practice, area=geo["zwickau"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Adoption.objects.create(practice=practice, area=geo["zwickau"])


@pytest.mark.django_db
def test_two_targets_at_once_are_refused_naming_the_target(geo, owner, practice):
    actor = make_actor(geo["zwickau"], name="Verein", owner=owner)
    with pytest.raises(KnowledgeError) as exc:
        adoption_add(practice=practice, user=UserFactory(is_staff=True), actor=actor, area=geo["zwickau"])
    assert exc.value.field == "target"


@pytest.mark.django_db
def test_someone_elses_actor_and_project_are_refused(geo, owner, practice):
    actor = make_actor(geo["zwickau"], name="Fremder Verein", owner=UserFactory())
    project = project_create(
        user=UserFactory(), title="Fremdes Projekt", summary="s", area=geo["zwickau"], is_public=True
    )
    with pytest.raises(KnowledgeError, match="verwalten"):
        adoption_add(practice=practice, user=owner, actor=actor)
    with pytest.raises(KnowledgeError, match="leiten"):
        adoption_add(practice=practice, user=owner, project=project)
    with pytest.raises(KnowledgeError, match="koordinieren"):
        adoption_add(practice=practice, user=owner, area=geo["zwickau"])
    assert not Adoption.objects.exists()


@pytest.mark.django_db
def test_project_lead_and_region_coordinator_may_mark_theirs(geo, users, practice):
    lead = UserFactory()
    project = project_create(
        user=lead, title="Lastenrad für alle", summary="s", area=geo["zwickau"], is_public=True
    )
    adoption_add(practice=practice, user=lead, project=project, year=2024)
    adoption_add(practice=practice, user=users["coordinator"], area=geo["crimmitschau"])
    # the Zwickau coordinator does not coordinate Zittau
    with pytest.raises(KnowledgeError):
        adoption_add(practice=practice, user=users["coordinator"], area=geo["zittau"])
    assert Adoption.objects.filter(practice=practice).count() == 2


@pytest.mark.django_db
def test_unpublished_practice_cannot_be_adopted(geo, owner):
    draft = make_practice(title="Entwurf", publish=False)
    actor = make_actor(geo["zwickau"], name="Verein", owner=owner)
    with pytest.raises(KnowledgeError, match="veröffentlichte"):
        adoption_add(practice=draft, user=owner, actor=actor)


@pytest.mark.django_db
def test_year_out_of_range_is_refused_naming_the_year(geo, owner, practice):
    actor = make_actor(geo["zwickau"], name="Verein", owner=owner)
    with pytest.raises(KnowledgeError) as exc:
        adoption_add(practice=practice, user=owner, actor=actor, year=1500)
    assert exc.value.field == "year"


@pytest.mark.django_db
def test_web_form_offers_own_actor_and_records_the_adoption(geo, owner, practice):
    actor = make_actor(geo["zwickau"], name="Repair-Café Zwickau", owner=owner)
    c = client_for(owner)
    page = c.get(f"/wissen/praxisbeispiele/{practice.slug}/")
    assert f'value="actor:{actor.pk}"' in page.content.decode()
    r = c.post(
        f"/wissen/praxisbeispiele/{practice.slug}/umsetzungen/",
        {"target": f"actor:{actor.pk}", "year": "2022"},
    )
    assert r.status_code == 302
    adoption = Adoption.objects.get(practice=practice)
    assert adoption.actor == actor and adoption.year == 2022
    assert "Repair-Café Zwickau" in c.get(f"/wissen/praxisbeispiele/{practice.slug}/").content.decode()


@pytest.mark.django_db
def test_web_form_refuses_a_foreign_actor_id(geo, owner, practice):
    foreign = make_actor(geo["zwickau"], name="Fremd", owner=UserFactory())
    make_actor(geo["zwickau"], name="Eigen", owner=owner)
    c = client_for(owner)
    r = c.post(f"/wissen/praxisbeispiele/{practice.slug}/umsetzungen/", {"target": f"actor:{foreign.pk}"})
    assert r.status_code == 302
    assert not Adoption.objects.exists()
    assert "Wer setzt es um?" in c.get(r["Location"]).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "stranger", "author", "coordinator", "staff", "owner"])
def test_removing_an_adoption_needs_the_owner_or_an_editor(geo, users, owner, practice, role):
    actor = make_actor(geo["zwickau"], name="Verein", owner=owner)
    adoption = adoption_add(practice=practice, user=owner, actor=actor)
    user = owner if role == "owner" else users[role]
    r = client_for(user).post(f"/wissen/praxisbeispiele/{practice.slug}/umsetzungen/{adoption.pk}/entfernen/")
    allowed = role in ("owner", "coordinator", "staff")
    assert r.status_code == (302 if allowed or role == "anonymous" else 403)
    assert Adoption.objects.filter(pk=adoption.pk).exists() == (not allowed)
    if not allowed and user is not None:
        with pytest.raises(KnowledgeError):
            adoption_remove(adoption=adoption, user=user)


@pytest.mark.django_db
def test_practices_adopted_by_lists_published_practices_of_a_target(geo, owner, practice):
    from wandelwerk.knowledge.selectors import practices_adopted_by

    actor = make_actor(geo["zwickau"], name="Verein", owner=owner)
    adoption_add(practice=practice, user=owner, actor=actor)
    draft = make_practice(title="Entwurf", publish=False)
    Adoption.objects.create(practice=draft, actor=actor)
    assert practices_adopted_by(actor=actor) == [practice]
    assert practices_adopted_by(area=geo["zwickau"]) == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "stranger", "author", "coordinator", "staff"])
def test_marking_a_region_as_adopting_needs_its_coordinator_or_staff(geo, users, practice, role):
    c = client_for(users[role])
    r = c.post(
        f"/wissen/praxisbeispiele/{practice.slug}/umsetzungen/", {"target": f"area:{geo['zwickau_lk'].pk}"}
    )
    assert r.status_code == 302
    if role == "anonymous":
        assert r["Location"].startswith("/konto/login/")
    created = Adoption.objects.filter(practice=practice, area=geo["zwickau_lk"]).exists()
    assert created == (role in ("coordinator", "staff"))
    # a region outside the coordinator's network is refused for everyone but staff
    c.post(
        f"/wissen/praxisbeispiele/{practice.slug}/umsetzungen/", {"target": f"area:{geo['goerlitz_lk'].pk}"}
    )
    assert Adoption.objects.filter(area=geo["goerlitz_lk"]).exists() == (role == "staff")
