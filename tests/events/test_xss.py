"""User text in events stays inert on every page type."""

import pytest
from django.urls import reverse

from tests.events.factories import make_event

PAYLOAD = '<script>alert(1)</script><img src=x onerror="alert(2)">'


@pytest.mark.django_db
def test_script_payloads_in_event_texts_stay_inert(client, people, geo):
    event = make_event(
        people["net_a"],
        area=geo["zwickau"],
        title="Treffen " + PAYLOAD,
        description="Text " + PAYLOAD + " [link](javascript:alert(3))",
        accessibility=PAYLOAD,
        venue_name=PAYLOAD,
        questions=[PAYLOAD],
    )
    client.force_login(people["coordinator"])
    for url in (
        reverse("events:list"),
        reverse("events:calendar") + "?month=" + event.start.strftime("%Y-%m"),
        event.get_absolute_url(),
        reverse("events:manage", kwargs={"slug": event.slug}),
        reverse("events:edit", kwargs={"slug": event.slug}),
    ):
        body = client.get(url).content.decode()
        assert "<script>alert" not in body and "<img src=x" not in body, url
        assert 'onerror="alert' not in body and 'href="javascript:' not in body, url
    ics = client.get(reverse("events:ics", kwargs={"slug": event.slug}))
    assert ics["Content-Type"].startswith("text/calendar")
