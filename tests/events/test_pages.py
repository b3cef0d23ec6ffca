"""Pages: list with filters and a query budget, month view, detail with personal status, forms."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.events.factories import make_event
from tests.factories import TopicFactory, UserFactory
from wandelwerk.events.models import Event
from wandelwerk.events.services import registration_create


@pytest.mark.django_db
def test_list_shows_upcoming_public_events_within_a_query_budget(
    client, people, geo, django_assert_max_num_queries
):
    topic = TopicFactory(slug="energie", name="Energie")
    for i in range(12):
        make_event(people["net_a"], area=geo["zwickau"], title=f"Treffen {i}", topics=[topic])
    make_event(
        people["net_a"], area=geo["zwickau"], title="Vergangen", start=timezone.now() - dt.timedelta(days=3)
    )
    with django_assert_max_num_queries(12):
        response = client.get(reverse("events:list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Treffen 11" in body and "Vergangen" not in body
    assert "12 Veranstaltungen" in body


@pytest.mark.django_db
def test_list_filters_by_network_topic_area_kind_and_date(client, people, geo):
    topic = TopicFactory(slug="mobilitaet", name="Mobilität")
    make_event(
        people["net_a"], area=geo["zwickau"], title="Zwickauer Werkstatt", kind="workshop", topics=[topic]
    )
    make_event(people["net_b"], area=geo["zittau"], title="Zittauer Forum", kind="forum")
    march = timezone.make_aware(dt.datetime(2030, 3, 5, 18))
    make_event(people["net_b"], area=geo["zittau"], title="Frühjahrstreffen", start=march)
    url = reverse("events:list")

    def titles(**params):
        body = client.get(url, params).content.decode()
        return {t for t in ("Zwickauer Werkstatt", "Zittauer Forum", "Frühjahrstreffen") if t in body}

    assert titles(network="netz-a") == {"Zwickauer Werkstatt"}
    assert titles(topic="mobilitaet") == {"Zwickauer Werkstatt"}
    assert titles(area="14626") == {"Zittauer Forum", "Frühjahrstreffen"}
    assert titles(area="14524330") == {"Zwickauer Werkstatt"}
    assert titles(kind="forum") == {"Zittauer Forum"}
    assert titles(**{"from": "2030-01-01"}) == {"Frühjahrstreffen"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{"kind": "party"}, {"area": "abc"}, {"from": "01.02.2026"}, {"network": "<x>"}]
)
def test_bad_filters_are_named_and_answered_with_400(client, params):
    response = client.get(reverse("events:list"), params)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


@pytest.mark.django_db
def test_month_view_is_a_table_with_previous_and_next_links(client, people, geo):
    start = timezone.make_aware(dt.datetime(2026, 10, 24, 19, 0))
    make_event(
        people["net_a"],
        area=geo["zwickau"],
        title="Herbsttreffen",
        start=start,
        end=start + dt.timedelta(days=1),
    )
    response = client.get(reverse("events:calendar"), {"month": "2026-10", "network": "netz-a"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<table" in body and "Herbsttreffen" in body
    assert "?month=2026-09&amp;network=netz-a" in body and "?month=2026-11&amp;network=netz-a" in body
    assert client.get(reverse("events:calendar"), {"month": "2026-13"}).status_code == 400


@pytest.mark.django_db
def test_detail_tells_the_person_their_waiting_list_place(client, people, geo):
    event = make_event(
        people["net_a"], area=geo["zwickau"], capacity=1, description="**Hallo** <script>x</script>"
    )
    for _ in range(3):
        registration_create(event=event, user=UserFactory())
    me = UserFactory()
    registration_create(event=event, user=me)
    client.force_login(me)
    body = client.get(event.get_absolute_url()).content.decode()
    assert "Sie stehen auf Platz 3 der Warteliste" in body
    assert "<strong>Hallo</strong>" in body and "<script>x</script>" not in body
    assert reverse("events:ics", kwargs={"slug": event.slug}) in body


@pytest.mark.django_db
def test_register_and_cancel_through_the_pages(client, people, geo):
    event = make_event(people["net_a"], area=geo["zwickau"], questions=["Ernährung?"])
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("events:register", kwargs={"slug": event.slug}), {"answer_0": "vegetarisch"}
    )
    assert response.status_code == 302
    reg = event.registrations.get(user=user)
    assert reg.status == "confirmed" and reg.answers == {"Ernährung?": "vegetarisch"}
    client.post(reverse("events:cancel", kwargs={"slug": event.slug}))
    reg.refresh_from_db()
    assert reg.status == "cancelled"


@pytest.mark.django_db
def test_organiser_creates_an_event_for_a_network_they_coordinate(client, people, geo):
    client.force_login(people["coordinator"])
    form = client.get(reverse("events:create")).content.decode()
    assert "Netz A" in form and "Netz B" not in form
    response = client.post(
        reverse("events:create"),
        {
            "organiser": f"n:{people['net_a'].pk}",
            "kind": "workshop",
            "title": "Workshop Wärmewende",
            "start": "2026-12-01T18:00",
            "end": "2026-12-01T20:00",
            "place": "14524330",
            "visibility": "public",
            "is_published": "on",
            "capacity": "20",
            "questions": "Ernährung?\nBarrierefreiheit?",
        },
    )
    assert response.status_code == 302
    event = Event.objects.get(title="Workshop Wärmewende")
    assert event.network == people["net_a"] and event.area == geo["zwickau"]
    assert (event.lat, event.lon) == (geo["zwickau"].lat, geo["zwickau"].lon)
    assert timezone.localtime(event.start).hour == 18
    assert event.questions == ["Ernährung?", "Barrierefreiheit?"]


@pytest.mark.django_db
def test_create_form_with_end_before_start_names_the_field_and_writes_nothing(client, people):
    client.force_login(people["coordinator"])
    response = client.post(
        reverse("events:create"),
        {
            "organiser": f"n:{people['net_a'].pk}",
            "kind": "workshop",
            "title": "Falsch",
            "start": "2026-12-01T18:00",
            "end": "2026-12-01T17:00",
            "online_url": "https://meet.example.org/x",
            "visibility": "public",
            "capacity": "0",
        },
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert (
        "Das Ende liegt vor dem Beginn" in body and 'href="#id_end"' in body and 'href="#id_capacity"' in body
    )
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_stranger_cannot_create_for_a_network_they_do_not_coordinate(client, people):
    client.force_login(people["coordinator_b"])
    response = client.post(
        reverse("events:create"),
        {
            "organiser": f"n:{people['net_a'].pk}",
            "kind": "workshop",
            "title": "Fremd",
            "start": "2026-12-01T18:00",
            "end": "2026-12-01T19:00",
            "online_url": "https://meet.example.org/x",
            "visibility": "public",
        },
    )
    assert response.status_code == 400
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_month_view_and_feed_stay_within_a_query_budget(client, people, geo, django_assert_max_num_queries):
    topic = TopicFactory(slug="energie", name="Energie")
    start = timezone.make_aware(dt.datetime(2026, 6, 1, 18))
    for i in range(15):
        make_event(
            people["net_a"],
            area=geo["zwickau"],
            title=f"Juni {i}",
            topics=[topic],
            start=start + dt.timedelta(days=i),
        )
    client.force_login(people["member"])
    with django_assert_max_num_queries(8):
        assert "Juni 14" in client.get(reverse("events:calendar"), {"month": "2026-06"}).content.decode()
    with django_assert_max_num_queries(5):
        assert client.get(reverse("events:feed"), {"from": "2026-06-01"}).status_code == 200


@pytest.mark.django_db
def test_english_pages_are_served_under_the_en_prefix(client, people, geo):
    event = make_event(people["net_a"], area=geo["zwickau"])
    assert client.get("/en/veranstaltungen/").status_code == 200
    assert client.get(f"/en/veranstaltungen/{event.slug}/").status_code == 200
