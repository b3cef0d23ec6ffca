"""Writes on consulting requests: create and route, re-route, status changes, notes, feedback.

Each is atomic. A centre's ``open_cases`` counter moves only through conditional UPDATEs
(``… WHERE open_cases < capacity``), so parallel routings never overfill a centre: the loser of a race
falls through to the next fitting centre or stays "new" for the coordinators. Case rows change only
``WHERE status = <the status it had>``, so two people changing a case at once cannot both win.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor, Topic
from wandelwerk.consulting import selectors
from wandelwerk.consulting.models import (
    OPEN_STATUSES,
    CaseChange,
    CaseNote,
    CaseStatus,
    CompetenceCentre,
    ConsultingRequest,
    Feedback,
    Urgency,
)
from wandelwerk.engines.routing import RequestPlace, rank_centres
from wandelwerk.geo.models import Area, AreaKind

TITLE_MAX = 200
TEXT_MAX = 10_000
# the only status changes a person can make; new → assigned happens by routing or re-routing
TRANSITIONS: dict[str, str] = {
    CaseStatus.ASSIGNED: CaseStatus.IN_PROGRESS,
    CaseStatus.IN_PROGRESS: CaseStatus.CLOSED,
}


class ConsultingError(ValueError):
    """A write was refused; ``field`` names the input that is wrong (None: the request as a whole)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _text(value: str, *, field: str, label: str, limit: int = TEXT_MAX, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ConsultingError(_("%(label)s fehlt.") % {"label": label}, field)
    if len(value) > limit:
        raise ConsultingError(
            _("%(label)s ist zu lang (höchstens %(n)d Zeichen).") % {"label": label, "n": limit}, field
        )
    return value


def _increment(centre_id: int) -> bool:
    """One more open case for the centre if it is active and has room (conditional UPDATE)."""
    return bool(
        CompetenceCentre.objects.filter(pk=centre_id, is_active=True, open_cases__lt=F("capacity")).update(
            open_cases=F("open_cases") + 1
        )
    )


def _decrement(centre_id: int | None) -> None:
    if centre_id is not None:
        CompetenceCentre.objects.filter(pk=centre_id, open_cases__gt=0).update(open_cases=F("open_cases") - 1)


def _move(case: ConsultingRequest, *, to_status: str, centre_id: int | None, **fields: Any) -> None:
    """Moves the case on if it is still in the status (and at the centre) this write started from."""
    updated = ConsultingRequest.objects.filter(
        pk=case.pk, status=case.status, centre_id=case.centre_id
    ).update(status=to_status, centre_id=centre_id, **fields)
    if not updated:
        raise ConsultingError(_("Die Anfrage wurde inzwischen geändert; bitte die Seite neu laden."))


def _record(
    case: ConsultingRequest, *, to_status: str, to_centre: int | None, user: Any, note: str = ""
) -> CaseChange:
    return CaseChange.objects.create(
        case=case,
        from_status=case.status,
        to_status=to_status,
        from_centre_id=case.centre_id,
        to_centre_id=to_centre,
        note=note,
        changed_by=user if user is not None and user.is_authenticated else None,
    )


def _notify_assignment(case: ConsultingRequest, base_url: str) -> None:
    from wandelwerk.consulting.tasks import notify_assigned

    case_id = case.pk
    transaction.on_commit(lambda: notify_assigned(case_id, base_url))


def _notify_status(change: CaseChange, base_url: str) -> None:
    from wandelwerk.consulting.tasks import notify_status

    change_id = change.pk
    transaction.on_commit(lambda: notify_status(change_id, base_url))


def _assign(
    case: ConsultingRequest, *, centre_id: int, user: Any, note: str, base_url: str, notify: bool
) -> None:
    now = timezone.now()
    _move(case, to_status=CaseStatus.ASSIGNED, centre_id=centre_id, assigned_at=now, closed_at=None)
    change = _record(case, to_status=CaseStatus.ASSIGNED, to_centre=centre_id, user=user, note=note)
    case.status, case.centre_id, case.assigned_at = CaseStatus.ASSIGNED, centre_id, now
    if notify:
        _notify_assignment(case, base_url)
        _notify_status(change, base_url)


@transaction.atomic
def request_route(*, case: ConsultingRequest, base_url: str = "", notify: bool = True) -> int | None:
    """Assigns a new case to the best fitting centre with room (see ``engines.routing``); returns the
    centre's id, or None when none fits and the case waits for the coordinators."""
    if case.status != CaseStatus.NEW:
        return case.centre_id
    place = RequestPlace(topic_id=case.topic_id, area_ids=selectors.area_chain_ids(case.area_id))
    for centre_id in rank_centres(place, selectors.centre_slots(topic_id=case.topic_id)):
        if _increment(centre_id):  # else filled meanwhile by a parallel request: try the next one
            _assign(case, centre_id=centre_id, user=None, note="", base_url=base_url, notify=notify)
            return centre_id
    return None


@transaction.atomic
def request_create(
    *,
    user: Any,
    topic: Topic | None,
    area: Area | None,
    title: str,
    description: str,
    urgency: str = Urgency.NORMAL,
    on_behalf_of: Actor | None = None,
    base_url: str = "",
    notify: bool = True,
) -> ConsultingRequest:
    """A new consulting request, routed at once (it stays "new" if no centre fits). ``notify=False``
    (demo data) sends no emails."""
    if user is None or not user.is_authenticated:
        raise ConsultingError(_("Bitte anmelden, um eine Beratung anzufragen."))
    title = _text(title, field="title", label=_("Titel"), limit=TITLE_MAX)
    description = _text(description, field="description", label=_("Beschreibung"))
    if topic is None:
        raise ConsultingError(_("Bitte ein Handlungsfeld wählen."), "topic")
    if area is None or area.kind != AreaKind.MUNICIPALITY:
        raise ConsultingError(_("Bitte eine Gemeinde oder Postleitzahl angeben."), "place")
    if urgency not in Urgency.values:
        raise ConsultingError(_("Unbekannte Dringlichkeit."), "urgency")
    if on_behalf_of is not None and on_behalf_of.owner_id != user.pk:
        raise ConsultingError(_("Anfragen sind nur für eigene Organisationen möglich."), "on_behalf_of")
    case = ConsultingRequest.objects.create(
        requester=user,
        on_behalf_of=on_behalf_of,
        topic=topic,
        area=area,
        title=title,
        description=description,
        urgency=urgency,
    )
    request_route(case=case, base_url=base_url, notify=notify)
    return case


@transaction.atomic
def request_reroute(
    *,
    case: ConsultingRequest,
    user: Any,
    centre: CompetenceCentre,
    note: str,
    base_url: str = "",
    notify: bool = True,
) -> ConsultingRequest:
    """A coordinator hands an open case to another centre (with a note); it is "assigned" there."""
    note = _text(note, field="note", label=_("Notiz zur Weiterleitung"), limit=2000)
    if case.status == CaseStatus.CLOSED:
        raise ConsultingError(_("Abgeschlossene Anfragen werden nicht mehr weitergeleitet."))
    if centre.pk == case.centre_id:
        raise ConsultingError(_("Die Anfrage liegt schon bei dieser Kompetenzstelle."), "centre")
    if not _increment(centre.pk):
        raise ConsultingError(
            _("„%(name)s“ nimmt gerade keine Anfragen an oder ist ausgelastet.") % {"name": centre.name},
            "centre",
        )
    if case.status in OPEN_STATUSES:
        _decrement(case.centre_id)
    _assign(case, centre_id=centre.pk, user=user, note=note, base_url=base_url, notify=notify)
    case.centre = centre
    return case


@transaction.atomic
def request_advance(
    *,
    case: ConsultingRequest,
    user: Any,
    to_status: str,
    outcome: str = "",
    base_url: str = "",
    notify: bool = True,
) -> ConsultingRequest:
    """assigned → in progress → closed, nothing else; closing needs a short outcome note."""
    if to_status not in CaseStatus.values:
        raise ConsultingError(_("Unbekannter Status."), "to_status")
    if TRANSITIONS.get(case.status) != to_status:
        raise ConsultingError(
            _("Von „%(a)s“ geht es nicht zu „%(b)s“.")
            % {"a": CaseStatus(case.status).label, "b": CaseStatus(to_status).label},
            "to_status",
        )
    fields: dict[str, Any] = {}
    if to_status == CaseStatus.CLOSED:
        fields["outcome"] = _text(outcome, field="outcome", label=_("Ergebnis"), limit=2000)
        fields["closed_at"] = timezone.now()
    _move(case, to_status=to_status, centre_id=case.centre_id, **fields)
    if to_status == CaseStatus.CLOSED:
        _decrement(case.centre_id)
    change = _record(
        case, to_status=to_status, to_centre=case.centre_id, user=user, note=fields.get("outcome", "")
    )
    if notify:
        _notify_status(change, base_url)
    case.status = to_status
    for name, value in fields.items():
        setattr(case, name, value)
    return case


@transaction.atomic
def note_add(*, case: ConsultingRequest, user: Any, text: str) -> CaseNote:
    """An internal note on the case (permission is checked by the caller through the rules)."""
    text = _text(text, field="text", label=_("Notiz"), limit=5000)
    return CaseNote.objects.create(case=case, author=user, text=text)


@transaction.atomic
def feedback_give(*, case: ConsultingRequest, user: Any, rating: int | None, text: str = "") -> Feedback:
    """The requester rates a closed case once (a unique constraint settles parallel submissions)."""
    if case.requester_id != getattr(user, "pk", None):
        raise ConsultingError(_("Nur die anfragende Person kann eine Rückmeldung geben."))
    if case.status != CaseStatus.CLOSED:
        raise ConsultingError(_("Eine Rückmeldung ist erst nach dem Abschluss möglich."))
    if rating is None or not 1 <= int(rating) <= 5:
        raise ConsultingError(_("Bitte 1 bis 5 Sterne vergeben."), "rating")
    text = _text(text, field="text", label=_("Rückmeldung"), limit=5000, required=False)
    try:
        with transaction.atomic():
            return Feedback.objects.create(case=case, rating=int(rating), text=text)
    except IntegrityError as exc:
        raise ConsultingError(_("Für diese Anfrage gibt es schon eine Rückmeldung.")) from exc
