"""Participant lists are never public; members-only events and drafts stay hidden from outsiders
on every channel (page, list, month view, API, GeoJSON, iCalendar)."""

import pytest
from django.urls import reverse

from tests.events.factories import make_event
from tests.factories import UserFactory
from wandelwerk.events.services import registration_create


def _channels(event):
    return [
        reverse("events:list"),
        reverse("events:calendar") + "?month=" + event.start.strftime("%Y-%m"),
        event.get_absolute_url(),
        reverse("events:ics", kwargs={"slug": event.slug}),
        reverse("events:feed"),
        "/api/v1/events",
        f"/api/v1/events/{event.pk}",
        "/api/v1/events.geojson",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "stranger", "member", "coordinator"])
def test_participants_appear_on_no_public_channel(client, people, geo, role):
    event = make_event(
        people["net_a"], area=geo["zwickau"], title="Offenes Treffen", questions=["Ernährung?"]
    )
    person = UserFactory(email="geheim.teilnehmerin@example.org", first_name="Gerda", last_name="Geheimnis")
    registration_create(event=event, user=person, answers={"Ernährung?": "glutenfrei-xyz"})
    if role != "anonymous":
        client.force_login(people[role])
    for url in _channels(event):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Offenes Treffen" in body, url
        for secret in ("geheim.teilnehmerin", "Geheimnis", "glutenfrei-xyz"):
            assert secret not in body, (url, secret)


@pytest.mark.django_db
def test_export_is_for_organisers_only_and_neutralises_formulas(client, people, geo):
    event = make_event(people["net_a"], area=geo["zwickau"], questions=["Ernährung?"])
    evil = UserFactory(first_name='=HYPERLINK("http://x")', last_name="", email="evil@example.org")
    registration_create(event=event, user=evil, answers={"Ernährung?": "+SUM(1;2)"})
    url = reverse("events:export", kwargs={"slug": event.slug})
    client.force_login(people["member"])
    assert client.get(url).status_code == 403
    client.force_login(people["coordinator"])
    response = client.get(url)
    text = response.content.decode("utf-8")
    assert response["Content-Type"].startswith("text/csv")
    assert text.startswith("\ufeffName;E-Mail;Status")
    assert "'=HYPERLINK" in text and "'+SUM(1;2)" in text.replace('"', "")
    assert "evil@example.org" in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("anonymous", False),
        ("stranger", False),
        ("coordinator_b", False),
        ("member", True),
        ("coordinator", True),
        ("staff", True),
    ],
)
def test_members_only_event_is_seen_by_members_only(client, people, geo, role, sees):
    event = make_event(
        people["net_a"], area=geo["zwickau"], title="Internes Mitgliedertreffen", visibility="members"
    )
    if role != "anonymous":
        client.force_login(people[role])
    for url in _channels(event):
        response = client.get(url)
        shown = "Internes Mitgliedertreffen" in response.content.decode()
        assert shown == sees, (role, url)
        if not sees and url in (event.get_absolute_url(), f"/api/v1/events/{event.pk}"):
            assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "sees"), [("member", False), ("coordinator_b", False), ("coordinator", True)]
)
def test_drafts_are_seen_by_organisers_only(client, people, geo, role, sees):
    event = make_event(people["net_a"], area=geo["zwickau"], title="Entwurfstreffen", is_published=False)
    client.force_login(people[role])
    assert (client.get(event.get_absolute_url()).status_code == 200) == sees
    assert ("Entwurfstreffen" in client.get(reverse("events:feed")).content.decode()) == sees
    assert ("Entwurfstreffen" in client.get("/api/v1/events").content.decode()) == sees


@pytest.mark.django_db
def test_actor_members_only_event_is_seen_by_its_owner_only(client, people, geo):
    event = make_event(people["actor"], area=geo["zittau"], visibility="members")
    client.force_login(people["coordinator"])
    assert client.get(event.get_absolute_url()).status_code == 404
    client.force_login(people["owner"])
    assert client.get(event.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_view_rule_agrees_with_the_visibility_selector(people, geo):
    from wandelwerk.events.selectors import events_visible_to

    events = [
        make_event(people["net_a"], area=geo["zwickau"], visibility=v, is_published=p)
        for v in ("public", "members")
        for p in (True, False)
    ] + [make_event(people["actor"], area=geo["zittau"], visibility="members")]
    for role in ("stranger", "member", "coordinator", "coordinator_b", "owner", "staff"):
        user = people[role]
        visible = set(events_visible_to(user).values_list("pk", flat=True))
        assert {e.pk for e in events if user.has_perm("events.view_event", e)} == visible, role
