"""/api/v1/events: the list's filters, public fields only, GeoJSON for the map; query budget."""

import pytest

from tests.events.factories import make_event
from tests.factories import TopicFactory, UserFactory
from wandelwerk.events.services import registration_create


@pytest.mark.django_db
def test_event_list_api_filters_and_pages_within_a_query_budget(
    client, people, geo, django_assert_max_num_queries
):
    topic = TopicFactory(slug="energie", name="Energie")
    for i in range(8):
        make_event(people["net_a"], area=geo["zwickau"], title=f"A{i}", topics=[topic], capacity=10)
    make_event(people["net_b"], area=geo["zittau"], title="B", kind="forum")
    with django_assert_max_num_queries(6):
        data = client.get("/api/v1/events", {"network": "netz-a", "limit": 5}).json()
    assert data["count"] == 8 and len(data["items"]) == 5
    item = data["items"][0]
    assert item["topics"] == ["energie"] and item["area_ags"] == "14524330" and item["seats_left"] == 10
    assert client.get("/api/v1/events", {"kind": "forum"}).json()["count"] == 1
    assert client.get("/api/v1/events", {"kind": "party"}).status_code == 400


@pytest.mark.django_db
def test_event_detail_api_has_sessions_and_no_participants(client, people, geo):
    from wandelwerk.events.services import session_add

    event = make_event(people["net_a"], area=geo["zwickau"], kind="conference")
    session_add(event=event, title="Plenum", start=event.start, end=event.end, room="Saal")
    registration_create(event=event, user=UserFactory(email="teilnehmer@example.org"))
    data = client.get(f"/api/v1/events/{event.pk}").json()
    assert [s["title"] for s in data["sessions"]] == ["Plenum"]
    assert "registrations" not in data and "teilnehmer@example.org" not in str(data)
    assert client.get("/api/v1/events/999999").status_code == 404


@pytest.mark.django_db
def test_geojson_has_points_for_events_with_a_place_only(client, people, geo):
    make_event(people["net_a"], area=geo["zwickau"], title="Vor Ort")
    make_event(people["net_a"], title="Nur online")
    data = client.get("/api/v1/events.geojson").json()
    assert data["type"] == "FeatureCollection"
    assert [f["properties"]["name"] for f in data["features"]] == ["Vor Ort"]
    assert data["features"][0]["geometry"]["coordinates"] == [geo["zwickau"].lon, geo["zwickau"].lat]


@pytest.mark.django_db
def test_api_from_filter_matches_the_list_page(client, people, geo):
    import datetime as dt

    from django.utils import timezone

    later = timezone.make_aware(dt.datetime(2031, 5, 1, 10))
    make_event(people["net_a"], area=geo["zwickau"], title="Bald")
    make_event(people["net_a"], area=geo["zwickau"], title="Später", start=later)
    data = client.get("/api/v1/events", {"from": "2031-01-01"}).json()
    assert [i["title"] for i in data["items"]] == ["Später"]
    response = client.get("/api/v1/events", {"from": "01.01.2031"})
    assert response.status_code == 400 and "JJJJ-MM-TT" in response.json()["detail"]


@pytest.mark.django_db
def test_api_filters_by_map_section_and_links_each_events_calendar_file(client, people, geo):
    # given an event in Zwickau and one in Zittau
    make_event(people["net_a"], area=geo["zwickau"], title="Treffen Zwickau")
    make_event(people["net_a"], area=geo["zittau"], title="Treffen Zittau")
    # when asking for a box around Zwickau only
    z = geo["zwickau"]
    box = f"{z.lon - 0.2},{z.lat - 0.2},{z.lon + 0.2},{z.lat + 0.2}"
    body = client.get("/api/v1/events", {"bbox": box}).json()
    # then only that event comes back, with its .ics link that really is a calendar
    assert [e["title"] for e in body["items"]] == ["Treffen Zwickau"]
    ics = client.get(body["items"][0]["ics_url"])
    assert ics.status_code == 200 and b"BEGIN:VCALENDAR" in ics.content
    bad = client.get("/api/v1/events", {"bbox": "13,51,12,50"})
    assert bad.status_code == 400 and "bbox" in bad.content.decode()
