"""iCalendar downloads: one event, or a subscribable feed with the list page's filters."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from wandelwerk.events import selectors
from wandelwerk.events.ical import calendar_for
from wandelwerk.events.views import base_url, visible_event

FEED_LIMIT = 500


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = visible_event(request, slug)
    return _ics(calendar_for([event], base_url=base_url(request), name=event.title), f"{event.slug}.ics")


def feed_ics(request: HttpRequest) -> HttpResponse:
    try:
        query = selectors.parse_event_query(request.GET)
    except selectors.EventFilterError as exc:
        return HttpResponse(exc.message, status=400, content_type="text/plain; charset=utf-8")
    events = selectors.event_filter(user=request.user, query=query)[:FEED_LIMIT]
    return _ics(
        calendar_for(events, base_url=base_url(request), name="Wandelwerk – Veranstaltungen"),
        "wandelwerk.ics",
    )
