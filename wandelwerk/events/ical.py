"""iCalendar (RFC 5545) for events: one event or a feed. Times carry TZID=Europe/Berlin and the
calendar a VTIMEZONE for it. Only public fields; participants never appear."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.utils import timezone
from icalendar import Calendar, Timezone
from icalendar import Event as VEvent

from wandelwerk.events.models import Event

BERLIN = ZoneInfo("Europe/Berlin")


def _location(event: Event) -> str:
    parts = [event.venue_name, event.address]
    if event.area is not None and event.area.name not in event.address:
        parts.append(event.area.name)
    if event.online_url:
        parts.append(event.online_url)
    return ", ".join(p for p in parts if p)


def calendar_for(events: Iterable[Event], *, base_url: str, name: str = "Wandelwerk") -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Wandelwerk//Veranstaltungen//DE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Berlin")
    events = list(events)
    stamp = timezone.now()
    years = [e.start.astimezone(BERLIN).year for e in events] or [stamp.year]
    # the VTIMEZONE covers the years of the events (its transitions are listed one by one)
    first, last = dt.date(min(years) - 1, 1, 1), dt.date(max(years) + 2, 1, 1)
    cal.add_component(Timezone.from_tzid("Europe/Berlin", first_date=first, last_date=last))
    for event in events:
        item = VEvent()
        item.add("uid", f"event-{event.pk}@wandelwerk")
        item.add("dtstamp", stamp)
        item.add("last-modified", event.updated_at)
        item.add("summary", event.title)
        item.add("dtstart", event.start.astimezone(BERLIN))
        item.add("dtend", event.end.astimezone(BERLIN))
        url = f"{base_url}{event.get_absolute_url()}"
        item.add("url", url)
        description = event.description.strip()
        if event.accessibility.strip():
            description += "\n\nBarrierefreiheit: " + event.accessibility.strip()
        item.add("description", (description + "\n\n" + url).strip())
        location = _location(event)
        if location:
            item.add("location", location)
        if event.lat is not None and event.lon is not None and event.area_id:
            item.add("geo", (event.lat, event.lon))
        item.add("categories", [event.get_kind_display(), *(t.name for t in event.topics.all())])
        cal.add_component(item)
    return cal.to_ical()
