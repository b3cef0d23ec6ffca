"""Coordinators turn a wish into a project idea or a consulting request; the wish records the link."""

import pytest

from tests.factories import UserFactory
from wandelwerk.conferencemap import services
from wandelwerk.conferencemap.models import Wish, WishStatus
from wandelwerk.consulting.models import ConsultingRequest
from wandelwerk.projects.models import Project


@pytest.mark.django_db
def test_wish_becomes_a_project_idea_linked_from_the_wish(world, topics):
    # given an open wish and the map's coordinator
    wish, coordinator = world["wish"], world["users"]["coordinator"]
    # when the coordinator converts it into a project idea
    project = services.wish_to_project(wish=wish, user=coordinator)
    # then the project carries the wish's title, topic and place, and the wish links to it
    assert project.title == "Repair-Café"
    assert list(project.topics.all()) == [topics["bildung-kultur"]]
    assert project.area == wish.area
    assert project.created_by == coordinator and not project.is_public
    assert "Landkarte Zwickau" in project.description
    stored = Wish.objects.get(pk=wish.pk)
    assert stored.project == project and stored.status == WishStatus.PROJECT
    assert stored.converted_by == coordinator


@pytest.mark.django_db
def test_converting_twice_is_refused_and_writes_nothing(world):
    wish, coordinator = world["wish"], world["users"]["coordinator"]
    services.wish_to_project(wish=wish, user=coordinator)
    with pytest.raises(services.MapError):
        services.wish_to_consulting(wish=Wish.objects.get(pk=wish.pk), user=coordinator, notify=False)
    assert Project.objects.count() == 1
    assert not ConsultingRequest.objects.exists()


@pytest.mark.django_db
def test_wish_becomes_a_consulting_request_in_the_authors_name(world):
    # given an open wish in a municipality
    wish, coordinator = world["wish"], world["users"]["coordinator"]
    # when the coordinator asks for advice on it
    case = services.wish_to_consulting(wish=wish, user=coordinator, notify=False)
    # then the request is the author's, about the wish's topic and place, and the wish links to it
    assert case.requester == world["users"]["author"]
    assert case.topic == wish.topic and case.area == wish.area
    assert case.title == "Repair-Café"
    stored = Wish.objects.get(pk=wish.pk)
    assert stored.consulting_request == case and stored.status == WishStatus.CONSULTING


@pytest.mark.django_db
def test_consulting_for_a_county_wide_wish_needs_a_municipality(world, geo, topics):
    wish = services.wish_create(
        cmap=world["map"], user=UserFactory(), title="Lastenräder", topic=topics["mobilitaet"]
    )
    coordinator = world["users"]["coordinator"]
    with pytest.raises(services.MapError) as exc:
        services.wish_to_consulting(wish=wish, user=coordinator, notify=False)
    assert exc.value.field == "place"
    assert Wish.objects.get(pk=wish.pk).status == WishStatus.OPEN
    case = services.wish_to_consulting(wish=wish, user=coordinator, area=geo["zwickau"], notify=False)
    assert case.area == geo["zwickau"]


@pytest.mark.django_db
def test_consulting_for_a_deleted_authors_wish_is_asked_by_the_coordinator(world):
    wish, coordinator = world["wish"], world["users"]["coordinator"]
    world["users"]["author"].delete()
    wish.refresh_from_db()
    case = services.wish_to_consulting(wish=wish, user=coordinator, notify=False)
    assert case.requester == coordinator


@pytest.mark.django_db
def test_conversion_pages_link_project_and_case(world):
    from tests.conferencemap.conftest import client_for

    c = client_for(world, "coordinator")
    wish = world["wish"]
    response = c.post(f"/landkarte/wuensche/{wish.pk}/projekt/", {"is_public": "on"})
    project = Project.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/projekte/{project.slug}/"
    assert project.is_public
    page = c.get(f"/landkarte/wuensche/{wish.pk}/").content.decode()
    assert f"/projekte/{project.slug}/" in page


@pytest.mark.django_db(transaction=True)
def test_parallel_conversions_make_one_project(world):
    # given the coordinator and staff both pressing "Als Projektidee anlegen" several times at once
    from tests.concurrency import race

    wish = world["wish"]
    people = [world["users"]["coordinator"], world["users"]["staff"]] * 3
    # when the conversions run in parallel
    outcomes = race(
        6,
        lambda i: services.wish_to_project(wish=Wish.objects.get(pk=wish.pk), user=people[i]),
        refused=services.MapError,
    )
    # then exactly one project exists and the wish links to it
    assert outcomes == ["ok"] + ["refused"] * 5
    assert Project.objects.count() == 1
    assert Wish.objects.get(pk=wish.pk).project == Project.objects.get()
