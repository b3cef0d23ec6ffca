"""Every write route for anonymous, stranger, member, coordinator of A (organiser), coordinator of B, staff,
and the actor owner for actor events. Nobody but organisers and staff changes anything."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.events.factories import make_event
from tests.factories import UserFactory
from wandelwerk.events.models import Event, EventSession, Registration
from wandelwerk.events.services import registration_create, session_add

ROLES = ["anonymous", "stranger", "member", "coordinator_b", "coordinator", "staff"]
ALLOWED = {"coordinator", "staff"}


def _routes(event, reg, session):
    slug = {"slug": event.slug}
    return [
        ("get", reverse("events:edit", kwargs=slug), {}),
        (
            "post",
            reverse("events:edit", kwargs=slug),
            {
                "kind": "workshop",
                "title": "Übernommen",
                "start": "2030-01-01T10:00",
                "end": "2030-01-01T12:00",
                "online_url": "https://x.example.org",
                "visibility": "public",
            },
        ),
        ("get", reverse("events:manage", kwargs=slug), {}),
        ("get", reverse("events:export", kwargs=slug), {}),
        ("post", reverse("events:decide", kwargs={**slug, "pk": reg.pk}), {"decision": "decline"}),
        ("post", reverse("events:attendance", kwargs=slug), {"attended": [reg.pk]}),
        ("post", reverse("events:message", kwargs=slug), {"subject": "Hallo", "body": "Text"}),
        (
            "post",
            reverse("events:session-add", kwargs=slug),
            {"title": "Plenum", "start": "2030-01-01T10:00", "end": "2030-01-01T11:00"},
        ),
        ("post", reverse("events:session-delete", kwargs={**slug, "pk": session.pk}), {}),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_write_routes_answer_by_role(client, people, geo, role, django_capture_on_commit_callbacks):
    # given a public event of network A that needs approval, with one pending registration
    event = make_event(people["net_a"], area=geo["zwickau"], needs_approval=True, title="Original")
    reg = registration_create(event=event, user=UserFactory())
    session = session_add(event=event, title="Begrüßung", start=event.start, end=event.end)
    if role != "anonymous":
        client.force_login(people[role])
    # when the person calls every organiser route
    with django_capture_on_commit_callbacks(execute=True):
        answers = [getattr(client, m)(url, data).status_code for m, url, data in _routes(event, reg, session)]
    event.refresh_from_db()
    reg.refresh_from_db()
    # then organisers and staff get through; others are sent to log in or refused, and nothing changed
    if role in ALLOWED:
        assert answers == [200, 302, 200, 200, 302, 302, 302, 302, 302]
        assert event.title == "Übernommen" and reg.status == "declined"
        assert list(EventSession.objects.filter(event=event).values_list("title", flat=True)) == ["Plenum"]
    else:
        expected = 302 if role == "anonymous" else 403
        assert answers == [expected] * len(answers)
        assert event.title == "Original" and reg.status == "pending"
        assert list(EventSession.objects.values_list("title", flat=True)) == ["Begrüßung"]
        assert mail.outbox == []
        if role == "anonymous":
            assert all(
                "/konto/" in client.get(url).url for m, url, _ in _routes(event, reg, session) if m == "get"
            )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("stranger", 403), ("member", 403), ("coordinator", 200), ("staff", 200)],
)
def test_create_page_answers_by_role(client, people, role, status):
    if role != "anonymous":
        client.force_login(people[role])
    assert client.get(reverse("events:create")).status_code == status


@pytest.mark.django_db
def test_actor_owner_organises_the_actors_event_and_others_do_not(client, people, geo):
    event = make_event(people["actor"], area=geo["zittau"], title="Reparieren")
    url = reverse("events:manage", kwargs={"slug": event.slug})
    client.force_login(people["coordinator"])
    assert client.get(url).status_code == 403
    client.force_login(people["owner"])
    assert client.get(url).status_code == 200
    assert f"a:{people['actor'].pk}" in client.get(reverse("events:create")).content.decode()


@pytest.mark.django_db
def test_register_and_cancel_need_login(client, people, geo):
    event = make_event(people["net_a"], area=geo["zwickau"])
    for name in ("register", "cancel"):
        response = client.post(reverse(f"events:{name}", kwargs={"slug": event.slug}))
        assert response.status_code == 302 and "/konto/" in response.url
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_coordinator_of_b_cannot_touch_a_members_only_event_of_a(client, people, geo):
    event = make_event(people["net_a"], area=geo["zwickau"], visibility="members")
    client.force_login(people["coordinator_b"])
    assert client.get(reverse("events:edit", kwargs={"slug": event.slug})).status_code == 404
    assert client.post(reverse("events:register", kwargs={"slug": event.slug})).status_code == 404
    assert Event.objects.get(pk=event.pk).registrations.count() == 0


@pytest.mark.django_db
def test_owner_of_a_private_actor_cannot_organise_in_its_name(client, people, geo):
    from tests.factories import make_actor

    owner = UserFactory()
    hidden = make_actor(geo["zittau"], name="Private Initiative", owner=owner, visibility="private")
    client.force_login(owner)
    assert client.get(reverse("events:create")).status_code == 403
    response = client.post(
        reverse("events:create"),
        {
            "organiser": f"a:{hidden.pk}",
            "kind": "workshop",
            "title": "Heimlich",
            "start": "2030-01-01T10:00",
            "end": "2030-01-01T12:00",
            "online_url": "https://x.example.org",
            "visibility": "public",
        },
    )
    assert response.status_code == 403 and not Event.objects.exists()
