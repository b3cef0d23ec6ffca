"""Public event pages: list, month calendar, detail with registration and cancellation."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wandelwerk.actors.models import Topic, TopicGroup
from wandelwerk.events import selectors, services
from wandelwerk.events.forms import RegistrationForm
from wandelwerk.events.models import Event, Kind
from wandelwerk.events.models import RegistrationStatus as S
from wandelwerk.networks.models import Network

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _filter_context(query: selectors.EventQuery) -> dict[str, object]:
    return {
        "query": query,
        "kinds": Kind.choices,
        "networks": Network.objects.order_by("name").only("slug", "name"),
        "topics": Topic.objects.filter(group=TopicGroup.FIELD),
        "qs": urlencode(query.as_params()),
    }


def _parse(request: HttpRequest) -> tuple[selectors.EventQuery, str]:
    try:
        return selectors.parse_event_query(request.GET), ""
    except selectors.EventFilterError as exc:
        return selectors.EventQuery(), exc.message


def _bbox(events: object) -> str:
    """minLon,minLat,maxLon,maxLat around the listed events with a place, for the map's first view."""
    points = [(e.lon, e.lat) for e in events if e.lat is not None and e.lon is not None]  # type: ignore[attr-defined]
    if not points:
        return ""
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    pad = 0.3
    return f"{min(lons) - pad:.4f},{min(lats) - pad:.4f},{max(lons) + pad:.4f},{max(lats) + pad:.4f}"


def event_list(request: HttpRequest) -> HttpResponse:
    query, error = _parse(request)
    qs = Event.objects.none() if error else selectors.event_filter(user=request.user, query=query)
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    context = {**_filter_context(query), "page": page, "error": error, "view": "list"}
    context["can_create"] = request.user.has_perm("events.add_event")
    context["bbox"] = _bbox(page.object_list)
    return render(request, "events/list.html", context, status=400 if error else 200)


def event_calendar(request: HttpRequest) -> HttpResponse:
    query, error = _parse(request)
    today = timezone.localdate()
    month = today.replace(day=1)
    match = _MONTH.match(request.GET.get("month", ""))
    if match and 1 <= int(match.group(2)) <= 12 and 1900 < int(match.group(1)) < 2200:
        month = dt.date(int(match.group(1)), int(match.group(2)), 1)
    elif request.GET.get("month"):
        error = error or _("Monat: bitte im Format JJJJ-MM angeben.")
    events = [] if error else selectors.events_in_month(user=request.user, query=query, month=month)
    previous = (month - dt.timedelta(days=1)).replace(day=1)
    following = (month + dt.timedelta(days=32)).replace(day=1)
    context = {
        **_filter_context(query),
        "month": month,
        "weeks": selectors.month_weeks(month, events),
        "events": events,
        "previous": previous,
        "following": following,
        "today": today,
        "error": error,
        "view": "month",
    }
    return render(request, "events/calendar.html", context, status=400 if error else 200)


def visible_event(request: HttpRequest, slug: str) -> Event:
    event = selectors.event_get(user=request.user, slug=slug)
    if event is None:
        raise Http404
    return event


def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = visible_event(request, slug)
    registration = selectors.registration_for(event=event, user=request.user)
    can_register = services.registration_is_open(event) and (
        registration is None or registration.status == S.CANCELLED
    )
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "sessions": selectors.sessions_by_day(event),
            "registration": registration,
            "position": selectors.waiting_position(registration) if registration else None,
            "can_register": can_register,
            "form": RegistrationForm(questions=event.questions) if can_register else None,
            "is_organiser": request.user.has_perm("events.manage_participants", event),
        },
    )


@login_required
@require_POST
def register(request: HttpRequest, slug: str) -> HttpResponse:
    event = visible_event(request, slug)
    form = RegistrationForm(request.POST, questions=event.questions)
    if not form.is_valid():
        messages.error(request, _("Bitte die Antworten prüfen (höchstens 1000 Zeichen je Antwort)."))
        return redirect(event)
    try:
        reg = services.registration_create(event=event, user=request.user, answers=form.answers())
    except services.EventError as exc:
        messages.error(request, exc.message)
        return redirect(event)
    texts = {
        S.CONFIRMED: _("Sie sind angemeldet."),
        S.WAITING: _("Alle Plätze sind belegt: Sie stehen auf der Warteliste."),
        S.PENDING: _("Danke! Die Veranstaltenden bestätigen Ihre Anmeldung."),
    }
    messages.success(request, texts.get(S(reg.status), ""))
    return redirect(event)


@login_required
@require_POST
def cancel(request: HttpRequest, slug: str) -> HttpResponse:
    event = visible_event(request, slug)
    registration = selectors.registration_for(event=event, user=request.user)
    if registration is None:
        raise PermissionDenied
    try:
        services.registration_cancel(registration=registration, base_url=base_url(request))
        messages.success(request, _("Ihre Anmeldung ist storniert."))
    except services.EventError as exc:
        messages.error(request, exc.message)
    return redirect(event)
