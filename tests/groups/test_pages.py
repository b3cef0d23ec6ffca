"""Group pages and API as visitors, members and coordinators use them: filters, query budgets, forms
that name the wrong field and write nothing, and an API that never shows members or posts."""

import io

import pytest

from tests.factories import NetworkFactory, TopicFactory, UserFactory
from tests.groups.conftest import client_for
from wandelwerk.groups.models import GroupMembership, JoinRequest, WorkingGroup
from wandelwerk.groups.selectors import group_meetings
from wandelwerk.groups.services import group_create, group_join
from wandelwerk.groups.services_content import document_add, link_add, post_create


@pytest.mark.django_db
def test_list_filters_by_network_with_its_children_and_by_topic(world):
    other_topic = TopicFactory(slug="mobil", name="Mobilität")
    group_create(user=UserFactory(), network=world["net_b"], name="AG Busse", topic=other_topic)
    c = client_for(None)
    html = c.get("/arbeitsgruppen/").content.decode()
    assert "AG Energie" in html and "AG Busse" in html
    html = c.get("/arbeitsgruppen/?netzwerk=netz-a").content.decode()  # parent network includes A1
    assert "AG Energie" in html and "AG Busse" not in html
    html = c.get("/arbeitsgruppen/?thema=mobil").content.decode()
    assert "AG Energie" not in html and "AG Busse" in html
    html = c.get("/arbeitsgruppen/?thema=gibt-es-nicht&netzwerk=%3Cscript%3E").content.decode()
    assert "Keine Arbeitsgruppen gefunden" in html and "<script>" not in html


@pytest.mark.django_db
def test_list_page_stays_within_its_query_budget(world, django_assert_max_num_queries):
    for i in range(25):
        g = group_create(user=UserFactory(), network=world["net_b"], name=f"AG {i}", topic=world["topic"])
        group_join(group=g, user=world["users"]["member"])
    c = client_for(world["users"]["member"])
    with django_assert_max_num_queries(9):
        r = c.get("/arbeitsgruppen/")
    assert r.status_code == 200 and "AG 24" in r.content.decode()


@pytest.mark.django_db
def test_group_page_stays_within_its_query_budget(world, django_assert_max_num_queries):
    group, member, coord = world["group"], world["users"]["member"], world["users"]["group_coord"]
    for i in range(25):
        people = [UserFactory(display_name=f"Person {i}") for _ in range(2)]
        for p in people:
            group_join(group=group, user=p)
        thread = post_create(group=group, user=people[0], text=f"Thema {i}")
        post_create(group=group, user=people[1], text=f"Antwort {i}", parent=thread)
        post_create(group=group, user=coord, text=f"Noch eine {i}", parent=thread)
        link_add(group=group, user=member, title=f"Link {i}", url=f"https://example.org/{i}")
        document_add(
            group=group, user=member, title=f"Dok {i}", name="d.txt", size=5, stream=io.BytesIO(b"Hallo")
        )
    for user in (member, coord):
        c = client_for(user)
        with django_assert_max_num_queries(15):  # 14 + the group's meetings
            r = c.get(group.get_absolute_url())
        html = r.content.decode()
        assert "Thema 14" in html and "Antwort 5" in html and "Dok 3" in html and "Link 7" in html
        assert "Thema 4" not in html and "Seite 1 von 2" in html  # 20 threads a page
    older = client_for(member).get(group.get_absolute_url() + "?page=2").content.decode()
    assert "Thema 4" in older and "Antwort 0" in older and "Thema 14" not in older


@pytest.mark.django_db
def test_network_coordinator_creates_a_group_and_becomes_its_coordinator(world):
    c = client_for(world["users"]["network_coord"])
    r = c.get("/arbeitsgruppen/neu/?netzwerk=netz-a1")
    assert r.status_code == 200 and "Netzwerk A1" in r.content.decode()
    r = c.post(
        "/arbeitsgruppen/neu/",
        {
            "network": world["net_a1"].pk,
            "name": "AG Wärme",
            "description": "Nahwärme",
            "topic": world["topic"].pk,
            "join_mode": "request",
            "visibility": "public",
        },
    )
    group = WorkingGroup.objects.get(name="AG Wärme")
    assert r.status_code == 302 and r.url == group.get_absolute_url()
    assert group.join_mode == "request" and group.is_public and group.topic == world["topic"]
    assert group.memberships.get().user == world["users"]["network_coord"]
    assert group.memberships.get().role == "coordinator"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": ""}, "id_name"),
        ({"join_mode": "geheim"}, "id_join_mode"),
        ({"visibility": "niemand"}, "id_visibility"),
        ({"network": "999999"}, "id_network"),
    ],
)
def test_bad_input_on_create_names_the_field_and_writes_nothing(world, data, field):
    c = client_for(world["users"]["network_coord"])
    valid = {
        "network": world["net_a"].pk,
        "name": "AG Gültig",
        "join_mode": "open",
        "visibility": "members",
    }
    r = c.post("/arbeitsgruppen/neu/", {**valid, **data})
    assert r.status_code == 400
    assert f'href="#{field}' in r.content.decode()
    assert WorkingGroup.objects.count() == 1


@pytest.mark.django_db
def test_a_reserved_name_gets_a_slug_that_does_not_hide_a_page(world):
    group = group_create(user=UserFactory(), network=world["net_b"], name="Neu")
    assert group.slug not in ("neu", "meine")
    assert client_for(None).get(group.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_request_flow_through_the_pages(world):
    group = world["group"]
    WorkingGroup.objects.filter(pk=group.pk).update(join_mode="request")
    person = UserFactory(display_name="Neue Person")
    c = client_for(person)
    assert "Beitritt anfragen" in c.get(group.get_absolute_url()).content.decode()
    r = c.post(f"/arbeitsgruppen/{group.slug}/beitreten/", {"message": "Ich kenne mich mit PV aus."})
    assert r.status_code == 302
    assert "liegt der Koordination vor" in c.get(group.get_absolute_url()).content.decode()
    assert "AG Energie" in c.get("/arbeitsgruppen/meine/").content.decode()
    coord = client_for(world["users"]["group_coord"])
    assert "1 offene Anfrage" in coord.get(group.get_absolute_url()).content.decode()
    html = coord.get(f"/arbeitsgruppen/{group.slug}/mitglieder/").content.decode()
    assert "Neue Person" in html and "Ich kenne mich mit PV aus." in html
    join_request = JoinRequest.objects.get(user=person)
    r = coord.post(f"/arbeitsgruppen/{group.slug}/anfragen/{join_request.pk}/", {"decision": "approve"})
    assert r.status_code == 302
    again = coord.post(f"/arbeitsgruppen/{group.slug}/anfragen/{join_request.pk}/", {"decision": "decline"})
    assert "bereits entschieden" in coord.get(again.url).content.decode()
    assert GroupMembership.objects.filter(group=group, user=person).exists()
    assert "Sie sind Mitglied" in c.get(group.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_last_coordinator_is_told_why_leaving_is_refused(world):
    group, coord = world["group"], world["users"]["group_coord"]
    c = client_for(coord)
    r = c.post(f"/arbeitsgruppen/{group.slug}/austreten/", follow=True)
    assert "letzte Koordination" in r.content.decode()
    assert GroupMembership.objects.filter(group=group, user=coord).exists()


@pytest.mark.django_db
def test_empty_post_names_the_field_on_the_group_page(world):
    c = client_for(world["users"]["member"])
    r = c.post(f"/arbeitsgruppen/{world['group'].slug}/beitraege/", {"text": "  "})
    assert r.status_code == 400 and 'href="#id_text"' in r.content.decode()
    thread = post_create(group=world["group"], user=world["users"]["member"], text="Frage")
    r = c.post(
        f"/arbeitsgruppen/{world['group'].slug}/beitraege/",
        {"parent": thread.pk, f"reply-{thread.pk}-text": ""},
    )
    assert r.status_code == 400 and f'id="id_reply-{thread.pk}-text_error"' in r.content.decode()
    assert world["group"].posts.count() == 1


@pytest.mark.django_db
def test_english_pages_use_the_en_prefix(world):
    r = client_for(None).get(f"/en/arbeitsgruppen/{world['group'].slug}/")
    assert r.status_code == 200 and 'lang="en"' in r.content.decode()


@pytest.mark.django_db
def test_group_meetings_are_empty_until_events_are_connected(world):
    assert group_meetings(world["group"]) == []
    assert (
        'id="meetings-heading"'
        not in client_for(None).get(world["group"].get_absolute_url()).content.decode()
    )


@pytest.mark.django_db
def test_api_lists_public_fields_and_never_members_or_posts(world, django_assert_max_num_queries):
    group, member = world["group"], world["users"]["member"]
    post_create(group=group, user=member, text="Vertraulicher Beitrag")
    public = group_create(
        user=UserFactory(), network=NetworkFactory(slug="c"), name="AG Offen", visibility="public"
    )
    post_create(group=public, user=public.memberships.get().user, text="Offener Beitrag")
    c = client_for(member)
    with django_assert_max_num_queries(4):
        r = c.get("/api/v1/groups?network=netz-a")
    body = r.json()
    assert r.status_code == 200 and body["count"] == 1
    item = body["items"][0]
    assert item["name"] == "AG Energie" and item["network"] == "netz-a1" and item["topic"] == "energie"
    assert item["member_count"] == 2 and item["join_mode"] == "open"
    detail = c.get(f"/api/v1/groups/{group.pk}")
    assert detail.status_code == 200 and detail.json()["description"] == "Solar für alle"
    raw = (r.content + detail.content + c.get(f"/api/v1/groups/{public.pk}").content).decode()
    for secret in ("Vertraulicher", "Offener Beitrag", member.email, "Mitglied Maria"):
        assert secret not in raw
    assert c.get("/api/v1/groups/999999").status_code == 404
    assert c.get("/api/v1/groups?limit=0").status_code == 422


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "member", "group_coord"])
def test_every_id_on_the_group_page_is_unique(world, role):
    import re

    post_create(group=world["group"], user=world["users"]["member"], text="Frage")
    html = client_for(world["users"][role]).get(world["group"].get_absolute_url()).content.decode()
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert ids and len(ids) == len(set(ids))
