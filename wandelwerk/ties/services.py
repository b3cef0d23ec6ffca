"""Writes for ties: record, change, end and delete a tie by hand; take a network snapshot.

Derived ties (shared projects, working groups, events) are written only by ``ties_derive`` in
``derivation.py``; the services here refuse to create or change them.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor
from wandelwerk.ties.models import DERIVED_KINDS, NetworkSnapshot, Tie, TieKind, TieOrigin

#: kinds without a direction: a tie A→B and one B→A of the same kind are the same relation
UNDIRECTED_KINDS = frozenset({TieKind.COOPERATION, *DERIVED_KINDS})
MAX_WEIGHT = 100.0


class TieError(ValueError):
    """A write was refused; ``field`` names the input that is wrong ("" for the tie as a whole)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def _validate(
    *,
    source: Actor,
    target: Actor,
    kind: str,
    weight: float,
    started: dt.date | None,
    ended: dt.date | None,
    note: str,
    exclude_pk: int | None = None,
) -> None:
    if source.pk == target.pk:
        raise TieError(_("Eine Beziehung braucht zwei verschiedene Akteure."), "target")
    if kind not in TieKind.values:
        raise TieError(_("Unbekannte Art der Beziehung: „%(kind)s“.") % {"kind": kind}, "kind")
    if kind in DERIVED_KINDS:
        raise TieError(
            _(
                "„%(kind)s“ wird aus Projekten, Arbeitsgruppen und Veranstaltungen abgeleitet und "
                "kann nicht von Hand erfasst werden."
            )
            % {"kind": TieKind(kind).label},
            "kind",
        )
    if not isinstance(weight, int | float) or not math.isfinite(weight) or not 0 < weight <= MAX_WEIGHT:
        raise TieError(
            _("Das Gewicht muss eine Zahl größer 0 und höchstens %(max)s sein.") % {"max": int(MAX_WEIGHT)},
            "weight",
        )
    if started and ended and ended < started:
        raise TieError(
            _("Das Ende (%(ended)s) liegt vor dem Beginn (%(started)s).")
            % {"ended": ended.isoformat(), "started": started.isoformat()},
            "ended",
        )
    if len(note) > 300:
        raise TieError(_("Die Notiz ist länger als 300 Zeichen."), "note")
    if duplicate_of(source=source, target=target, kind=kind, exclude_pk=exclude_pk):
        raise TieError(
            _("Diese Beziehung (%(kind)s zwischen „%(a)s“ und „%(b)s“) ist schon erfasst.")
            % {"kind": TieKind(kind).label, "a": source.name, "b": target.name},
            "target",
        )


def duplicate_of(*, source: Actor, target: Actor, kind: str, exclude_pk: int | None = None) -> Tie | None:
    """A tie recorded by hand or imported between the same actors of the same kind (either direction
    for undirected kinds)."""
    pair = Q(source=source, target=target)
    if kind in UNDIRECTED_KINDS:
        pair |= Q(source=target, target=source)
    qs = Tie.objects.filter(pair, kind=kind, derived_key="")
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    return qs.first()


@transaction.atomic
def tie_create(
    *,
    source: Actor,
    target: Actor,
    kind: str,
    weight: float = 1.0,
    started: dt.date | None = None,
    ended: dt.date | None = None,
    note: str = "",
    user: Any = None,
    origin: str = TieOrigin.RECORDED,
    is_demo: bool = False,
) -> Tie:
    """Records a tie by hand (or from an import). Raises TieError naming the wrong field for the same
    actor twice, an unknown or derived kind, a weight outside (0, 100], an end before the start, or a
    tie that is recorded already."""
    note = (note or "").strip()
    _validate(source=source, target=target, kind=kind, weight=weight, started=started, ended=ended, note=note)
    if origin == TieOrigin.DERIVED:
        raise TieError(_("Abgeleitete Beziehungen entstehen nur durch die Ableitung."), "kind")
    try:
        with transaction.atomic():
            return Tie.objects.create(
                source=source,
                target=target,
                kind=kind,
                weight=float(weight),
                started=started,
                ended=ended,
                note=note,
                origin=origin,
                created_by=user if getattr(user, "is_authenticated", False) else None,
                is_demo=is_demo,
            )
    except IntegrityError as exc:  # a parallel request recorded the same tie first
        raise TieError(_("Diese Beziehung ist schon erfasst."), "target") from exc


@transaction.atomic
def tie_update(
    *,
    tie: Tie,
    kind: str | None = None,
    weight: float | None = None,
    started: dt.date | None | str = "keep",
    ended: dt.date | None | str = "keep",
    note: str | None = None,
) -> Tie:
    """Changes kind, weight, period or note of a tie recorded by hand or imported (not a derived one).
    Dates: pass a date or None to set/clear them; leave out to keep them."""
    if tie.origin == TieOrigin.DERIVED:
        raise TieError(_("Abgeleitete Beziehungen können nicht von Hand geändert werden."))
    new_kind = tie.kind if kind is None else kind
    new_weight = tie.weight if weight is None else weight
    new_started = tie.started if started == "keep" else started
    new_ended = tie.ended if ended == "keep" else ended
    new_note = tie.note if note is None else note.strip()
    _validate(
        source=tie.source,
        target=tie.target,
        kind=new_kind,
        weight=new_weight,
        started=new_started,  # type: ignore[arg-type]
        ended=new_ended,  # type: ignore[arg-type]
        note=new_note,
        exclude_pk=tie.pk,
    )
    tie.kind, tie.weight, tie.note = new_kind, float(new_weight), new_note
    tie.started, tie.ended = new_started, new_ended  # type: ignore[assignment]
    tie.save(update_fields=["kind", "weight", "started", "ended", "note", "updated_at"])
    return tie


@transaction.atomic
def tie_end(*, tie: Tie, on: dt.date | None = None) -> Tie:
    """Ends a tie on ``on`` (today by default); it stays in the history but no longer counts for later
    dates. Ending a derived tie, or on a day before it started, is refused."""
    if tie.origin == TieOrigin.DERIVED:
        raise TieError(_("Abgeleitete Beziehungen enden mit ihrem Projekt, ihrer Gruppe oder Veranstaltung."))
    on = on or timezone.localdate()
    if tie.started and on < tie.started:
        raise TieError(
            _("Das Ende (%(ended)s) liegt vor dem Beginn (%(started)s).")
            % {"ended": on.isoformat(), "started": tie.started.isoformat()},
            "ended",
        )
    tie.ended = on
    tie.save(update_fields=["ended", "updated_at"])
    return tie


@transaction.atomic
def tie_delete(*, tie: Tie) -> None:
    """Deletes a tie recorded by hand or imported; derived ties go away when their reason does."""
    if tie.origin == TieOrigin.DERIVED:
        raise TieError(
            _("Abgeleitete Beziehungen verschwinden mit ihrem Anlass und können nicht gelöscht werden.")
        )
    tie.delete()


@transaction.atomic
def network_snapshot_take(*, network: Any, on: dt.date | None = None) -> NetworkSnapshot:
    """Stores the network's current figures (public view, as the public page shows them) for ``on``
    (today by default); a second snapshot on the same day replaces the first."""
    from wandelwerk.ties.analysis import network_analysis

    on = on or timezone.localdate()
    analysis = network_analysis(network=network, members=False, at=on, use_cache=False)
    snapshot, _created = NetworkSnapshot.objects.update_or_create(
        network=network, date=on, defaults={"figures": analysis.figures()}
    )
    return snapshot
