"""Reads for events. One filter (``parse_event_query`` + ``event_filter``) serves the list page, the
month view, the iCalendar feed and the API, so they always agree. Participants are read only through
``participants`` (organisers' pages)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor, Status
from wandelwerk.actors.models import Visibility as ActorVisibility
from wandelwerk.actors.query import BBox, FilterError, parse_bbox
from wandelwerk.events.models import Event, Kind, Registration, Visibility
from wandelwerk.events.models import RegistrationStatus as S
from wandelwerk.networks.models import Membership, Network, Role

_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,220}$")
_AGS = re.compile(r"^\d{2,8}$")


class EventFilterError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class EventQuery:
    network: str = ""
    topic: str = ""
    area: str = ""
    kind: str = ""
    start: dt.date | None = None  # the "from" parameter: events ending on or after this day
    bbox: BBox | None = None  # map section: events placed inside it (online-only ones have no place)

    def as_params(self) -> dict[str, str]:
        params = {"network": self.network, "topic": self.topic, "area": self.area, "kind": self.kind}
        if self.start:
            params["from"] = self.start.isoformat()
        if self.bbox:
            params["bbox"] = self.bbox.as_param()
        return {k: v for k, v in params.items() if v}

    @property
    def is_empty(self) -> bool:
        return not self.as_params()


def _one(params: Mapping[str, Any], key: str) -> str:
    value = params.get(key, "")
    return str(value or "").strip()


def parse_event_query(params: Mapping[str, Any]) -> EventQuery:
    """Validates the filter parameters network, topic, area (AGS), kind and from (YYYY-MM-DD)."""
    network, topic, area, kind = (_one(params, k) for k in ("network", "topic", "area", "kind"))
    if network and not _SLUG.match(network):
        raise EventFilterError(_("Netzwerk: ungültiges Kürzel."))
    if topic and not _SLUG.match(topic):
        raise EventFilterError(_("Handlungsfeld: ungültiges Kürzel."))
    if area and not _AGS.match(area):
        raise EventFilterError(_("Gebiet: bitte einen Gemeindeschlüssel (AGS, 2–8 Ziffern) angeben."))
    if kind and kind not in Kind.values:
        raise EventFilterError(_("Art: unbekannter Wert „%(v)s“.") % {"v": kind[:40]})
    raw_from = _one(params, "from")
    start = None
    if raw_from:
        try:
            start = dt.date.fromisoformat(raw_from)
        except ValueError as exc:
            raise EventFilterError(_("Ab Datum: bitte im Format JJJJ-MM-TT angeben.")) from exc
    bbox = None
    if _one(params, "bbox"):
        try:
            bbox = parse_bbox(_one(params, "bbox"))
        except FilterError as exc:
            raise EventFilterError(exc.message) from exc
    return EventQuery(network=network, topic=topic, area=area, kind=kind, start=start, bbox=bbox)


def visible_q(user: Any) -> Q:
    """Published public events; members-only ones for members; everything of one's own to organisers."""
    public = Q(is_published=True, visibility=Visibility.PUBLIC)
    if user is None or not user.is_authenticated:
        return public
    if user.is_staff:
        return Q()
    member_of = Membership.objects.filter(user=user).values("network_id")
    coordinates = Membership.objects.filter(user=user, role=Role.COORDINATOR).values("network_id")
    owns = Actor.objects.filter(owner=user).values("pk")
    as_member = Q(is_published=True) & (Q(network_id__in=member_of) | Q(actor_id__in=owns))
    as_organiser = Q(network_id__in=coordinates) | Q(actor_id__in=owns)
    return public | as_member | as_organiser


def events_visible_to(user: Any) -> QuerySet[Event]:
    return Event.objects.filter(visible_q(user))


def _with_related(qs: QuerySet[Event]) -> QuerySet[Event]:
    return qs.select_related("network", "actor", "area").prefetch_related("topics")


def event_filter(*, user: Any, query: EventQuery, upcoming: bool = True) -> QuerySet[Event]:
    """Visible events matching ``query``, by start. Without ``from``, ``upcoming`` hides ended events."""
    qs = events_visible_to(user)
    if query.network:
        qs = qs.filter(network__slug=query.network)
    if query.topic:
        qs = qs.filter(topics__slug=query.topic)
    if query.area:
        qs = qs.filter(
            Q(area__ags=query.area)
            | Q(area__parent__ags=query.area)
            | Q(area__parent__parent__ags=query.area)
        )
    if query.kind:
        qs = qs.filter(kind=query.kind)
    if query.bbox:
        b = query.bbox
        qs = qs.filter(lat__range=(b.min_lat, b.max_lat), lon__range=(b.min_lon, b.max_lon))
    if query.start:
        since = timezone.make_aware(dt.datetime.combine(query.start, dt.time.min))
        qs = qs.filter(end__gte=since)
    elif upcoming:
        qs = qs.filter(end__gte=timezone.now())
    return _with_related(qs).order_by("start", "id")


def events_in_month(*, user: Any, query: EventQuery, month: dt.date) -> list[Event]:
    """Events overlapping the calendar month of ``month`` (Europe/Berlin), with the other filters."""
    first = month.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    lo = timezone.make_aware(dt.datetime.combine(first, dt.time.min))
    hi = timezone.make_aware(dt.datetime.combine(following, dt.time.min))
    base = EventQuery(network=query.network, topic=query.topic, area=query.area, kind=query.kind)
    return list(event_filter(user=user, query=base, upcoming=False).filter(start__lt=hi, end__gte=lo))


def event_get(*, user: Any, slug: str) -> Event | None:
    return _with_related(events_visible_to(user)).filter(slug=slug).first()


def event_by_id(*, user: Any, pk: int) -> Event | None:
    return _with_related(events_visible_to(user)).filter(pk=pk).first()


def registration_for(*, event: Event, user: Any) -> Registration | None:
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(event=event, user=user).first()


def waiting_position(registration: Registration) -> int | None:
    """1 for the first on the waiting list; None when not waiting."""
    if registration.status != S.WAITING:
        return None
    ahead = Registration.objects.filter(event_id=registration.event_id, status=S.WAITING).filter(
        Q(queued_at__lt=registration.queued_at) | Q(queued_at=registration.queued_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def participants(*, event: Event) -> QuerySet[Registration]:
    """All registrations of the event with their people – for organisers only (callers check)."""
    return (
        Registration.objects.filter(event=event).select_related("user").order_by("status", "queued_at", "id")
    )


def organiser_choices(user: Any) -> list[tuple[str, str]]:
    """Networks the user coordinates (staff: all) and published public actors they own, as
    ("n:<id>"/"a:<id>", label)."""
    if not user.is_authenticated:
        return []
    networks = (
        Network.objects.all()
        if user.is_staff
        else Network.objects.filter(memberships__user=user, memberships__role=Role.COORDINATOR)
    )
    choices = [(f"n:{n.pk}", _("Netzwerk: %(name)s") % {"name": n.name}) for n in networks.order_by("name")]
    # only published public actors: an event shows its organiser's name to everyone
    actors = Actor.objects.filter(owner=user, status=Status.PUBLISHED, visibility=ActorVisibility.PUBLIC)
    actors = actors.order_by("name")
    choices += [(f"a:{a.pk}", _("Akteur: %(name)s") % {"name": a.name}) for a in actors]
    return choices


def month_weeks(month: dt.date, events: list[Event]) -> list[list[tuple[dt.date, list[Event]]]]:
    """The month as weeks (Monday first) of (day, events on that day); days outside the month included."""
    first = month.replace(day=1)
    start = first - dt.timedelta(days=first.weekday())
    following = (first + dt.timedelta(days=32)).replace(day=1)
    by_day: dict[dt.date, list[Event]] = {}
    for e in events:
        day, last = timezone.localdate(e.start), timezone.localdate(e.end)
        while day <= last:
            by_day.setdefault(day, []).append(e)
            day += dt.timedelta(days=1)
    weeks: list[list[tuple[dt.date, list[Event]]]] = []
    day = start
    while day < following:
        weeks.append(
            [(day + dt.timedelta(days=i), by_day.get(day + dt.timedelta(days=i), [])) for i in range(7)]
        )
        day += dt.timedelta(days=7)
    return weeks


def sessions_by_day(event: Event) -> list[tuple[dt.date, list[Any]]]:
    """The programme grouped by local (Europe/Berlin) day."""
    days: dict[dt.date, list[Any]] = {}
    for s in event.sessions.all():
        days.setdefault(timezone.localdate(s.start), []).append(s)
    return list(days.items())


def group_choices(user: Any, *, network_id: int | None = None) -> QuerySet[Any]:
    """Working groups of the networks the user coordinates (or of ``network_id``), for the event form."""
    from wandelwerk.groups.models import WorkingGroup

    qs = WorkingGroup.objects.select_related("network").order_by("network__name", "name")
    if network_id is not None:
        qs = qs.filter(network_id=network_id)
    if user.is_staff:
        return qs
    coordinated = Membership.objects.filter(user=user, role=Role.COORDINATOR).values("network_id")
    return qs.filter(network_id__in=coordinated)


def group_meetings(*, group: Any, user: Any, limit: int = 10) -> list[Event]:
    """The group's meetings the viewer may see that have not ended, soonest first."""
    return list(
        events_visible_to(user).filter(group=group, end__gte=timezone.now()).order_by("start", "pk")[:limit]
    )
