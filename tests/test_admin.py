import pytest
from django.test import Client

from tests.factories import NetworkFactory, TopicFactory, UserFactory, make_actor
from wandelwerk.actors.models import Actor


@pytest.fixture
def staff_client(db):
    c = Client()
    c.force_login(UserFactory(is_staff=True, is_superuser=True))
    return c


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/actors/actor/",
        "/admin/actors/topic/",
        "/admin/networks/network/",
        "/admin/core/page/",
        "/admin/actors/actor/add/",
        "/admin/networks/network/add/",
    ],
)
def test_admin_pages_open_for_staff(geo, staff_client, url):
    make_actor(geo["zwickau"], name="Verein")
    NetworkFactory(areas=[geo["zwickau_lk"]])
    assert staff_client.get(url).status_code == 200


@pytest.mark.django_db
def test_actor_added_in_admin_gets_location_and_search_text(geo, staff_client):
    topic = TopicFactory(slug="energie", name="Energie")
    r = staff_client.post(
        "/admin/actors/actor/add/",
        {
            "name": "Stadtwerke Zwickau",
            "slug": "",
            "kind": "company",
            "sector": "business",
            "description": "",
            "topics": [topic.pk],
            "municipality": geo["zwickau"].pk,
            "lat": "50.7",
            "lon": "12.5",
            "precision": "address",
            "visibility": "public",
            "status": "published",
            "resources-TOTAL_FORMS": "0",
            "resources-INITIAL_FORMS": "0",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    actor = Actor.objects.get(name="Stadtwerke Zwickau")
    assert actor.county == geo["zwickau_lk"] and actor.state == geo["sn"]
    assert "energi" in actor.search_text and actor.slug == "stadtwerke-zwickau"


@pytest.mark.django_db
def test_admin_is_closed_to_non_staff(db):
    c = Client()
    c.force_login(UserFactory())
    assert c.get("/admin/actors/actor/").status_code == 302
