"""Demo events for `load_demo`: meetings, a two-day Mitmach-Konferenz with programme, a full workshop with a
waiting list, a members-only working group, an online forum and a past meeting with attendance – all for the
demo networks (Saxony, Central German coal region), made through the real services. Idempotent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from wandelwerk.actors.models import Topic
from wandelwerk.events.models import Event
from wandelwerk.events.services import (
    EventData,
    attendance_record,
    event_create,
    registration_create,
    session_add,
)
from wandelwerk.geo.models import Area
from wandelwerk.networks.models import Network

_NOTE = "\n\n_Demodaten: erfundene Veranstaltung._"
_ACCESS = "Stufenloser Zugang, barrierefreies WC. Bitte melden Sie Unterstützungsbedarf bei der Anmeldung."


@dataclass(frozen=True, slots=True)
class _Spec:
    key: str
    network: str
    kind: str
    title: str
    days_ahead: int
    hour: int
    hours: int
    ags: str = ""
    venue: str = ""
    address: str = ""
    online: str = ""
    capacity: int | None = None
    registrations: int = 0
    visibility: str = "public"
    approval: bool = False
    questions: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    description: str = ""


SPECS = (
    _Spec(
        "zwickau",
        "region-zwickau",
        "network_meeting",
        "Netzwerktreffen Region Zwickau",
        12,
        17,
        3,
        "14524330",
        "Kulturhaus Neue Welt",
        "Leipziger Straße 182, 08058 Zwickau",
        capacity=40,
        registrations=9,
        questions=("Ernährung (z. B. vegetarisch, vegan)?",),
        topics=("energie-klimaschutz", "mobilitaet"),
        description="Offenes Treffen für alle, die sich in der Region Zwickau für Nachhaltigkeit engagieren: "
        "Kurzvorstellungen, Themenrunden, Verabredungen für gemeinsame Aktionen.",
    ),
    _Spec(
        "konferenz",
        "zusammenwachsen-revier",
        "conference",
        "Mitmach-Konferenz Mitteldeutsches Revier",
        40,
        9,
        32,
        "14713000",
        "Westwerk Leipzig",
        "Karl-Heine-Straße 85–93, 04229 Leipzig",
        capacity=120,
        registrations=14,
        questions=("Ernährung?", "Unterstützungsbedarf (Barrierefreiheit, Kinderbetreuung)?"),
        topics=("energie-klimaschutz", "bildung-kultur"),
        description="Zwei Tage Mitmachen: Nach kurzen Impulsen erarbeiten wir gemeinsam eine Landkarte der "
        "Initiativen im Revier, konkrete Ideen und Umsetzungskonzepte für einen sozial, ökologisch und "
        "ökonomisch nachhaltigen Strukturwandel.",
    ),
    _Spec(
        "workshop",
        "circular-rural-regions-mittelsachsen",
        "workshop",
        "Workshop: Reparieren statt wegwerfen",
        20,
        14,
        3,
        "14522180",
        "Alte Elisabeth",
        "Fischerstraße 40, 09599 Freiberg",
        capacity=12,
        registrations=17,
        topics=("zirkulaeres-wirtschaften",),
        description="Wie gründen wir ein Repair-Café? Erfahrungen aus Mittelsachsen, Werkzeugliste, Haftung.",
    ),
    _Spec(
        "ag",
        "zusammenwachsen-revier",
        "working_group",
        "Arbeitstreffen der AG Strukturwandel gestalten",
        8,
        18,
        2,
        "15002000",
        "Freiraum Halle",
        "Große Ulrichstraße 51, 06108 Halle (Saale)",
        online="https://meet.example.org/ag-energie",
        visibility="members",
        registrations=4,
        topics=("energie-klimaschutz",),
        description="Arbeitstreffen der AG: Stand der Bürgerenergie-Projekte.",
    ),
    _Spec(
        "forum",
        "landesverband-nachhaltiges-sachsen",
        "forum",
        "Online-Forum: Kollegiales Coaching im Netzwerk",
        5,
        16,
        2,
        online="https://meet.example.org/forum-coaching",
        approval=True,
        registrations=3,
        description="Landesweiter Austausch der Netzwerk-Aktiven: Fälle aus der Praxis, kollegiale Beratung.",
    ),
    _Spec(
        "past",
        "region-freiberg-tharandt",
        "network_meeting",
        "Netzwerktreffen Region Freiberg/Tharandt",
        -21,
        17,
        3,
        "14522180",
        "Stadt- und Bergbaumuseum",
        "Am Dom 1, 09599 Freiberg",
        capacity=30,
        registrations=8,
        description="Rückblick: Vorstellung der Klimaschutzstrategie Freiberg und der Projektideen.",
    ),
)

SESSIONS = (
    (0, 9, 30, "Ankommen und Begrüßung", "Foyer", ""),
    (0, 10, 60, "Impulse: Strukturwandel von unten", "Saal", "Projektteam ZusammenWachsen"),
    (0, 11, 150, "Landkarte der Initiativen im Revier", "Saal", ""),
    (0, 14, 120, "Themenwerkstätten: Energie, Mobilität, Lebendige Dörfer", "Räume 1–3", ""),
    (1, 9, 120, "Ideen werden Projekte: Umsetzungskonzepte", "Saal", ""),
    (1, 11, 90, "Kompetenzstellen stellen sich vor", "Raum 2", "Kompetenzstellen Revier"),
    (1, 14, 120, "Abschluss: Verabredungen und nächste Schritte", "Saal", ""),
)


def _local(days: int, hour: int, minute: int = 0, *, weekday: int | None = None) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    if weekday is not None:  # the next such weekday (0 = Monday), so the conference spans Friday/Saturday
        day += dt.timedelta(days=(weekday - day.weekday()) % 7)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _participants(n: int) -> list[Any]:
    """Demo participants without a usable password (reserved .test addresses)."""
    user_model = get_user_model()
    people = []
    for i in range(1, n + 1):
        email = f"teilnahme-{i:02d}@demo.wandelwerk.test"
        user = user_model.objects.filter(email__iexact=email).first()
        if user is None:
            user = user_model(username=email, email=email, display_name=f"Demo-Teilnahme {i}")
            user.set_unusable_password()
            user.save()
        people.append(user)
    return people


def _area(ags: str) -> Area | None:
    if not ags:
        return None
    return Area.objects.filter(ags=ags).first() or Area.objects.filter(ags=ags[:5] + "000").first()


@transaction.atomic
def _demo_group(network: Network) -> Any:
    """The demo working group the AG meeting belongs to (made by the groups demo), if there."""
    from wandelwerk.groups.models import WorkingGroup

    return WorkingGroup.objects.filter(network=network, name="AG Strukturwandel gestalten").first()


def load_demo(*, user: Any) -> str | None:
    """Creates the demo content once; returns a line for the command output, or None if nothing was new."""
    if Event.objects.filter(is_demo=True).exists():
        return None
    people = _participants(20)
    made, registrations = 0, 0
    for spec in SPECS:
        network = Network.objects.filter(slug=spec.network).first()
        area = _area(spec.ags)
        if network is None or (spec.ags and area is None and not spec.online):
            continue
        start = _local(spec.days_ahead, spec.hour, weekday=4 if spec.key == "konferenz" else None)
        data = EventData(
            kind=spec.kind,
            title=spec.title,
            start=start,
            end=start + dt.timedelta(hours=spec.hours),
            venue_name=spec.venue if area else "",
            address=spec.address if area else "",
            area=area,
            online_url=spec.online,
            topics=list(Topic.objects.filter(slug__in=spec.topics)),
            description=spec.description + _NOTE,
            accessibility=_ACCESS if area else "",
            visibility=spec.visibility,
            is_published=True,
            capacity=spec.capacity,
            needs_approval=spec.approval,
            questions=list(spec.questions),
            group=_demo_group(network) if spec.kind == "working_group" else None,
        )
        event = event_create(user=user, organiser=network, data=data)
        Event.objects.filter(pk=event.pk).update(is_demo=True)
        made += 1
        # the past meeting takes registrations as of three weeks before it
        at = start - dt.timedelta(days=21) if spec.days_ahead < 0 else None
        regs = [registration_create(event=event, user=p, now=at) for p in people[: spec.registrations]]
        registrations += len(regs)
        if spec.key == "konferenz":
            for day, hour, minutes, title, room, speakers in SESSIONS:
                begin = start.replace(hour=hour, minute=0) + dt.timedelta(days=day)
                session_add(
                    event=event,
                    title=title,
                    start=begin,
                    end=begin + dt.timedelta(minutes=minutes),
                    room=room,
                    speakers=speakers,
                )
        if spec.key == "past":
            attendance_record(event=event, attended_ids=[r.pk for r in regs[:6]])
    if not made:
        return None
    full = "eine ausgebucht mit Warteliste"
    return f"Demo-Veranstaltungen: {made} angelegt, {registrations} Anmeldungen ({full})."
