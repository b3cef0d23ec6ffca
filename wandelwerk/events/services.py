"""Writes for events. Each is atomic. Seats are taken and given back only by conditional UPDATEs on
``Event.confirmed_count`` (never read-then-write), and a unique constraint keeps one registration per
person, so capacity holds under parallel requests on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor, Topic
from wandelwerk.core.slugs import unique_slug
from wandelwerk.events.models import (
    ACTIVE_STATUSES,
    Event,
    EventSession,
    Kind,
    Registration,
    Visibility,
)
from wandelwerk.events.models import RegistrationStatus as S
from wandelwerk.geo.models import Area
from wandelwerk.networks.models import Network

MAX_QUESTIONS = 10
MAX_ANSWER = 1000


class EventError(ValueError):
    """A write was refused; ``field`` names the input at fault (empty: the request as a whole)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(slots=True)
class EventData:
    kind: str
    title: str
    start: dt.datetime
    end: dt.datetime
    venue_name: str = ""
    address: str = ""
    area: Area | None = None
    lat: float | None = None
    lon: float | None = None
    online_url: str = ""
    topics: Sequence[Topic] = ()
    description: str = ""
    accessibility: str = ""
    visibility: str = Visibility.PUBLIC
    is_published: bool = False
    registration_opens_at: dt.datetime | None = None
    registration_closes_at: dt.datetime | None = None
    capacity: int | None = None
    needs_approval: bool = False
    questions: Sequence[str] = field(default_factory=list)
    group: Any = None  # a groups.WorkingGroup of the organising network, or None


def _check_group(group: Any, network_id: int | None) -> None:
    """A meeting belongs to a working group of the organising network only."""
    if group is not None and group.network_id != network_id:
        raise EventError(_("Die Arbeitsgruppe gehört nicht zum veranstaltenden Netzwerk."), "group")


def _check(data: EventData) -> list[str]:
    """Raises EventError naming the first bad field; returns the cleaned questions."""
    if data.kind not in Kind.values:
        raise EventError(_("Unbekannte Art der Veranstaltung."), "kind")
    if not data.title.strip():
        raise EventError(_("Der Titel fehlt."), "title")
    for name in ("start", "end", "registration_opens_at", "registration_closes_at"):
        value = getattr(data, name)
        if value is not None and timezone.is_naive(value):
            raise EventError(_("Zeitangabe ohne Zeitzone."), name)
    if data.end < data.start:
        raise EventError(_("Das Ende liegt vor dem Beginn."), "end")
    if data.area is None and not data.online_url.strip():
        raise EventError(_("Bitte einen Ort oder einen Online-Zugang angeben."), "area")
    if (data.lat is None) != (data.lon is None):
        raise EventError(_("Breite und Länge nur zusammen angeben."), "lat")
    if data.lat is not None and not (-90 <= data.lat <= 90 and -180 <= data.lon <= 180):  # type: ignore[operator]
        raise EventError(_("Koordinaten außerhalb des gültigen Bereichs."), "lat")
    if data.capacity is not None and data.capacity < 1:
        raise EventError(_("Die Zahl der Plätze muss mindestens 1 sein (leer: unbegrenzt)."), "capacity")
    opens, closes = data.registration_opens_at, data.registration_closes_at
    if opens and closes and closes < opens:
        raise EventError(_("Das Anmeldeende liegt vor dem Anmeldebeginn."), "registration_closes_at")
    if data.visibility not in Visibility.values:
        raise EventError(_("Unbekannte Sichtbarkeit."), "visibility")
    questions = [q.strip()[:200] for q in data.questions if q.strip()]
    if len(questions) > MAX_QUESTIONS:
        raise EventError(_("Höchstens %(n)d Fragen.") % {"n": MAX_QUESTIONS}, "questions")
    return questions


def _position(data: EventData) -> tuple[float | None, float | None]:
    if data.lat is not None:
        return data.lat, data.lon
    if data.area is not None:
        return data.area.lat, data.area.lon
    return None, None


def _fields(data: EventData) -> dict[str, Any]:
    """The model fields an EventData sets, checked (questions) and placed (coordinates)."""
    questions = _check(data)
    lat, lon = _position(data)
    return {
        "kind": data.kind,
        "group": data.group,
        "title": data.title.strip(),
        "venue_name": data.venue_name.strip(),
        "address": data.address.strip(),
        "area": data.area,
        "lat": lat,
        "lon": lon,
        "online_url": data.online_url.strip(),
        "start": data.start,
        "end": data.end,
        "description": data.description,
        "accessibility": data.accessibility,
        "visibility": data.visibility,
        "is_published": data.is_published,
        "registration_opens_at": data.registration_opens_at,
        "registration_closes_at": data.registration_closes_at,
        "capacity": data.capacity,
        "needs_approval": data.needs_approval,
        "questions": questions,
    }


@transaction.atomic
def event_create(*, user: Any, organiser: Network | Actor, data: EventData) -> Event:
    """A new event of ``organiser`` (network or actor); permission is checked by the caller."""
    fields = _fields(data)
    _check_group(data.group, organiser.pk if isinstance(organiser, Network) else None)
    event = Event.objects.create(
        slug=unique_slug(Event.objects.all(), data.title, fallback="veranstaltung"),
        network=organiser if isinstance(organiser, Network) else None,
        actor=organiser if isinstance(organiser, Actor) else None,
        created_by=user,
        **fields,
    )
    event.topics.set(data.topics)
    return event


@transaction.atomic
def event_update(*, event: Event, data: EventData, base_url: str = "") -> Event:
    """Changes the event. Capacity cannot drop below the confirmed seats; more seats (or unlimited)
    move the oldest waiting people up."""
    fields = _fields(data)
    _check_group(data.group, event.network_id)
    # conditional: a registration landing meanwhile cannot push the counter over the new capacity
    seats_ok = Q(pk=event.pk)
    if data.capacity is not None:
        seats_ok &= Q(confirmed_count__lte=data.capacity)
    updated = Event.objects.filter(seats_ok).update(
        updated_at=timezone.now(),
        **fields,
    )
    if not updated:
        confirmed = Event.objects.filter(pk=event.pk).values_list("confirmed_count", flat=True).first()
        raise EventError(
            _("Es sind schon %(n)d Plätze bestätigt; weniger Plätze sind nicht möglich.") % {"n": confirmed},
            "capacity",
        )
    event.topics.set(data.topics)
    _promote(event_id=event.pk, base_url=base_url)
    event.refresh_from_db()
    return event


@transaction.atomic
def session_add(
    *, event: Event, title: str, start: dt.datetime, end: dt.datetime, room: str = "", speakers: str = ""
) -> EventSession:
    if not title.strip():
        raise EventError(_("Der Titel fehlt."), "title")
    if end < start:
        raise EventError(_("Das Ende liegt vor dem Beginn."), "end")
    return EventSession.objects.create(
        event=event, title=title.strip(), start=start, end=end, room=room.strip(), speakers=speakers.strip()
    )


@transaction.atomic
def session_delete(*, session: EventSession) -> None:
    session.delete()


# --- seats ------------------------------------------------------------------------------------------


def _take_seat(event_id: int) -> bool:
    """UPDATE … SET confirmed_count = confirmed_count + 1 WHERE id = %s AND confirmed_count < capacity."""
    return bool(
        Event.objects.filter(pk=event_id)
        .filter(Q(capacity__isnull=True) | Q(confirmed_count__lt=F("capacity")))
        .update(confirmed_count=F("confirmed_count") + 1)
    )


def _give_back_seat(event_id: int) -> None:
    Event.objects.filter(pk=event_id, confirmed_count__gt=0).update(confirmed_count=F("confirmed_count") - 1)


def _mail_on_commit(registration_id: int, kind: str, base_url: str) -> None:
    from wandelwerk.events.tasks import notify_registration

    transaction.on_commit(lambda: notify_registration(registration_id, kind, base_url))


def _promote(*, event_id: int, base_url: str) -> list[int]:
    """Gives free seats to the oldest waiting people, each told by email. Returns their registration ids."""
    promoted: list[int] = []
    while True:
        candidate = (
            Registration.objects.filter(event_id=event_id, status=S.WAITING)
            .order_by("queued_at", "id")
            .values_list("pk", flat=True)
            .first()
        )
        if candidate is None or not _take_seat(event_id):
            return promoted
        moved = Registration.objects.filter(pk=candidate, status=S.WAITING).update(
            status=S.CONFIRMED, decided_at=timezone.now()
        )
        if not moved:  # cancelled or promoted by someone else meanwhile: the seat goes back
            _give_back_seat(event_id)
            continue
        promoted.append(candidate)
        _mail_on_commit(candidate, "promoted", base_url)


# --- registrations ----------------------------------------------------------------------------------


def registration_is_open(event: Event, now: dt.datetime | None = None) -> bool:
    now = now or timezone.now()
    if not event.is_published or now >= event.end:
        return False
    if event.registration_opens_at and now < event.registration_opens_at:
        return False
    closes = event.registration_closes_at or event.start
    return now <= closes


def _clean_answers(event: Event, answers: Mapping[str, str]) -> dict[str, str]:
    return {q: str(answers.get(q, "")).strip()[:MAX_ANSWER] for q in event.questions}


@transaction.atomic
def registration_create(
    *, event: Event, user: Any, answers: Mapping[str, str] | None = None, now: dt.datetime | None = None
) -> Registration:
    """Confirms while seats are left, else puts the person on the waiting list; with approval the
    registration waits for the organisers. Registering again after cancelling reuses the row and
    queues at the end."""
    if not registration_is_open(event, now):
        raise EventError(_("Die Anmeldung ist nicht geöffnet."))
    clean = _clean_answers(event, answers or {})
    now = timezone.now()
    existing = Registration.objects.filter(event=event, user=user).first()
    if existing is not None and existing.status in ACTIVE_STATUSES:
        raise EventError(_("Sie sind für diese Veranstaltung bereits angemeldet."))
    if existing is not None and existing.status == S.DECLINED:
        raise EventError(_("Ihre Anmeldung wurde von den Veranstaltenden abgelehnt."))
    status = S.PENDING  # with approval, no seat is taken until the organisers decide
    if not event.needs_approval:
        status = S.CONFIRMED if _take_seat(event.pk) else S.WAITING
    values = {
        "status": status,
        "answers": clean,
        "queued_at": now,
        "decided_at": now if status == S.CONFIRMED else None,
        "decided_by": None,
        "cancelled_at": None,
        "attended": None,
        "reminder_sent_at": None,
    }
    if existing is not None:
        if not Registration.objects.filter(pk=existing.pk, status=S.CANCELLED).update(**values):
            raise EventError(_("Sie sind für diese Veranstaltung bereits angemeldet."))
        existing.refresh_from_db()
        return existing
    try:
        with transaction.atomic():
            return Registration.objects.create(event=event, user=user, **values)
    except IntegrityError as exc:
        # a parallel request of the same person won; raising rolls back the seat taken above too
        raise EventError(_("Sie sind für diese Veranstaltung bereits angemeldet.")) from exc


@transaction.atomic
def registration_cancel(*, registration: Registration, base_url: str = "") -> Registration:
    """The participant withdraws (until the event has ended); a confirmed seat goes to the oldest
    waiting person."""
    row = Registration.objects.filter(pk=registration.pk).values_list("status", "event__end").first()
    if row is None or row[0] not in ACTIVE_STATUSES:
        raise EventError(_("Diese Anmeldung ist nicht aktiv."))
    current, end = row
    if timezone.now() >= end:
        raise EventError(_("Die Veranstaltung ist vorbei; eine Abmeldung ist nicht mehr möglich."))
    if not Registration.objects.filter(pk=registration.pk, status=current).update(
        status=S.CANCELLED, cancelled_at=timezone.now()
    ):
        raise EventError(_("Die Anmeldung wurde inzwischen geändert; bitte die Seite neu laden."))
    if current == S.CONFIRMED:
        _give_back_seat(registration.event_id)
        _promote(event_id=registration.event_id, base_url=base_url)
    registration.refresh_from_db()
    return registration


@transaction.atomic
def registration_decide(
    *, registration: Registration, user: Any, approve: bool, base_url: str = ""
) -> Registration:
    """Organisers approve (seat if one is free, else the waiting list) or decline a pending registration."""
    status = S.DECLINED
    if approve:  # the seat goes back if the update below finds the registration decided already
        status = S.CONFIRMED if _take_seat(registration.event_id) else S.WAITING
    if not Registration.objects.filter(pk=registration.pk, status=S.PENDING).update(
        status=status, decided_by=user, decided_at=timezone.now()
    ):
        raise EventError(_("Über diese Anmeldung wurde bereits entschieden."))
    _mail_on_commit(registration.pk, "decided", base_url)
    registration.refresh_from_db()
    return registration


@transaction.atomic
def attendance_record(*, event: Event, attended_ids: Iterable[int], now: dt.datetime | None = None) -> int:
    """After the event: marks which confirmed registrations attended (the others did not)."""
    if (now or timezone.now()) < event.end:
        raise EventError(_("Die Teilnahme kann erst nach dem Ende erfasst werden."))
    ids = set(attended_ids)
    confirmed = Registration.objects.filter(event=event, status=S.CONFIRMED)
    present = confirmed.filter(pk__in=ids).update(attended=True)
    confirmed.exclude(pk__in=ids).update(attended=False)
    return present


@transaction.atomic
def participants_message(*, event: Event, sender: Any, subject: str, body: str) -> int:
    """Emails every confirmed participant (in the background, once committed). Returns how many."""
    if not subject.strip():
        raise EventError(_("Der Betreff fehlt."), "subject")
    if not body.strip():
        raise EventError(_("Der Text fehlt."), "body")
    count = Registration.objects.filter(event=event, status=S.CONFIRMED).count()
    from wandelwerk.events.tasks import message_participants

    event_id, subj, text = event.pk, subject.strip()[:200], body.strip()
    transaction.on_commit(lambda: message_participants(event_id, subj, text))
    return count


def reminders_send(*, now: dt.datetime | None = None, base_url: str = "") -> int:
    """Emails confirmed participants of events starting in 24–48 hours, once each (the reminder
    timestamp is claimed by a conditional UPDATE before sending). Returns how many were sent."""
    from wandelwerk.events.tasks import send_reminder

    now = now or timezone.now()
    due = Registration.objects.filter(
        status=S.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__is_published=True,
        event__start__gte=now + dt.timedelta(hours=24),
        event__start__lt=now + dt.timedelta(hours=48),
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        with transaction.atomic():
            if Registration.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(reminder_sent_at=now):
                sent += send_reminder(pk, base_url)
    return sent
