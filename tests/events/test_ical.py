"""iCalendar output parsed back: UID, times in Europe/Berlin across daylight-saving changes, feed filters."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.events.factories import make_event

BERLIN = ZoneInfo("Europe/Berlin")


def _parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "end", "offsets"),
    [
        # spring forward: Saturday 28 March 2026 is CET (+1), Sunday 29 March is CEST (+2)
        (dt.datetime(2026, 3, 28, 10, 0), dt.datetime(2026, 3, 29, 16, 0), (1, 2)),
        # fall back: Saturday 24 October 2026 is CEST (+2), Sunday 25 October is CET (+1)
        (dt.datetime(2026, 10, 24, 10, 0), dt.datetime(2026, 10, 25, 16, 0), (2, 1)),
    ],
)
def test_event_ics_keeps_local_times_across_daylight_saving_changes(client, people, geo, start, end, offsets):
    event = make_event(
        people["net_a"],
        area=geo["zwickau"],
        title="Mitmach-Konferenz",
        kind="conference",
        start=start.replace(tzinfo=BERLIN),
        end=end.replace(tzinfo=BERLIN),
        venue_name="Alte Spinnerei",
        address="Spinnereistraße 1",
        description="Zwei Tage <b>Mitmachen</b>",
    )
    cal = _parse(client.get(reverse("events:ics", kwargs={"slug": event.slug})))
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    (vevent,) = cal.walk("VEVENT")
    assert str(vevent["UID"]) == f"event-{event.pk}@wandelwerk"
    assert str(vevent["SUMMARY"]) == "Mitmach-Konferenz"
    assert "DTSTAMP" in vevent
    assert "Alte Spinnerei" in str(vevent["LOCATION"]) and "Zwickau" in str(vevent["LOCATION"])
    assert str(vevent["URL"]).endswith(f"/veranstaltungen/{event.slug}/")
    assert "Mitmachen" in str(vevent["DESCRIPTION"])
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
    dtstart, dtend = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert (dtstart.hour, dtend.hour) == (10, 16)
    assert (dtstart.utcoffset(), dtend.utcoffset()) == tuple(dt.timedelta(hours=h) for h in offsets)
    assert dtstart == start.replace(tzinfo=BERLIN) and dtend == end.replace(tzinfo=BERLIN)


@pytest.mark.django_db
def test_feed_applies_the_list_filters(client, people, geo):
    make_event(people["net_a"], area=geo["zwickau"], title="Workshop A", kind="workshop")
    make_event(people["net_b"], area=geo["zittau"], title="Forum B", kind="forum")
    a = _parse(client.get(reverse("events:feed"), {"network": "netz-a"}))
    assert [str(e["SUMMARY"]) for e in a.walk("VEVENT")] == ["Workshop A"]
    b = _parse(client.get(reverse("events:feed"), {"kind": "forum", "area": "14626"}))
    assert [str(e["SUMMARY"]) for e in b.walk("VEVENT")] == ["Forum B"]
    both = _parse(client.get(reverse("events:feed")))
    assert len(both.walk("VEVENT")) == 2
    assert client.get(reverse("events:feed"), {"kind": "party"}).status_code == 400
