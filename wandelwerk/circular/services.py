"""Writes for material flows and the matching run. Keyword-only, atomic; views, API, demo use these.

Decision on hazardous waste: a code with ``*`` (e.g. "17 06 05*") is refused with a message that it
needs a licensed disposer (Entsorgungsfachbetrieb, §§ 56–57 KrWG). A neighbourly exchange board must
not broker it, and the engine never matches it either.
"""

from __future__ import annotations

import datetime as dt
import math
import zlib
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor
from wandelwerk.circular.models import (
    ALL_MONTHS,
    FlowDirection,
    FlowMatch,
    FlowStatus,
    Frequency,
    MatchRun,
    Material,
    MaterialFlow,
    Unit,
    class_label,
)
from wandelwerk.engines import circular as engine
from wandelwerk.engines.circular_taxonomy import MaterialClass, classify_avv, parse_avv, to_base_unit
from wandelwerk.geo.models import Area

_LOCK_KEY = zlib.crc32(b"wandelwerk.circular.match_run")


class FlowError(ValueError):
    """A write was refused; ``field`` names the input at fault (None: the whole entry)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(slots=True)
class FlowData:
    """Validated-shape input for a flow (values still checked by ``flow_validate``)."""

    direction: str
    material: str
    title: str
    quantity: float
    unit: str
    frequency: str = Frequency.YEARLY
    avv_code: str = ""
    description: str = ""
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    months: frozenset[int] | None = None
    """None or all twelve = all year."""
    lat: float | None = None
    lon: float | None = None
    """None: the actor's location."""


def _choice(value: str, allowed: list[str], field: str, label: str) -> str:
    if value not in allowed:
        raise FlowError(
            _("%(label)s „%(value)s“ ist unbekannt.") % {"label": label, "value": value}, field=field
        )
    return value


def avv_normalise(*, raw: str, material: str) -> str:
    """Six digits of a non-hazardous AVV code that belongs to ``material``; "" for an empty input."""
    if not raw.strip():
        return ""
    try:
        code = parse_avv(raw)
    except ValueError:
        raise FlowError(
            _("Der Abfallschlüssel „%(raw)s“ hat nicht sechs Ziffern (Beispiel: 17 01 01).") % {"raw": raw},
            field="avv_code",
        ) from None
    if code.hazardous:
        raise FlowError(
            _(
                "„%(raw)s“ ist gefährlicher Abfall (Sternchen-Schlüssel). Er darf nur von einem zugelassenen "
                "Entsorgungsfachbetrieb übernommen werden; Wandelwerk vermittelt ihn nicht."
            )
            % {"raw": raw},
            field="avv_code",
        )
    found = classify_avv(code.code)
    if found is None:
        raise FlowError(
            _("Der Abfallschlüssel %(code)s gehört zu keiner Materialklasse; lasst das Feld leer.")
            % {"code": raw},
            field="avv_code",
        )
    if found.value != material:
        raise FlowError(
            _("Der Abfallschlüssel %(code)s gehört zu „%(found)s“, nicht zu „%(material)s“.")
            % {"code": raw, "found": class_label(found.value), "material": class_label(material)},
            field="avv_code",
        )
    return code.code


def months_mask(months: frozenset[int] | None) -> int:
    if months is None:
        return ALL_MONTHS
    if not months or not months <= set(range(1, 13)):
        raise FlowError(_("Wählt mindestens einen Monat (1–12) oder „ganzjährig“."), field="months")
    return sum(1 << (m - 1) for m in months)


def _place(actor: Actor, data: FlowData) -> tuple[float, float, Area]:
    from wandelwerk.geo.selectors import municipality_at

    if (data.lat, data.lon) == (actor.lat, actor.lon):
        data = FlowData(**{**{f: getattr(data, f) for f in FlowData.__slots__}, "lat": None, "lon": None})
    if data.lat is None or data.lon is None:
        if data.lat is not None or data.lon is not None:
            raise FlowError(_("Gebt Breite und Länge zusammen an oder lasst beide leer."), field="lat")
        municipality = municipality_at(lon=actor.lon, lat=actor.lat) or actor.municipality
        return actor.lat, actor.lon, municipality
    lat, lon = float(data.lat), float(data.lon)
    municipality = municipality_at(lon=lon, lat=lat)
    if municipality is None:
        raise FlowError(
            _("Der Ort %(lat).5f, %(lon).5f liegt in keiner geladenen Gemeinde.") % {"lat": lat, "lon": lon},
            field="lat",
        )
    return lat, lon, municipality


def flow_validate(*, data: FlowData) -> dict[str, Any]:
    """Field values for a MaterialFlow; ``FlowError`` naming the first problem found."""
    _choice(data.direction, FlowDirection.values, "direction", _("Richtung"))
    _choice(data.material, Material.values, "material", _("Material"))
    _choice(data.unit, Unit.values, "unit", _("Einheit"))
    _choice(data.frequency, Frequency.values, "frequency", _("Häufigkeit"))
    title = data.title.strip()
    if not title:
        raise FlowError(_("Gebt einen Titel an."), field="title")
    quantity = float(data.quantity)
    if not math.isfinite(quantity) or quantity <= 0:
        raise FlowError(_("Die Menge muss größer als 0 sein."), field="quantity")
    try:
        to_base_unit(MaterialClass(data.material), quantity, data.unit)
    except ValueError:
        raise FlowError(
            _("Die Einheit „%(unit)s“ passt nicht zu „%(material)s“.")
            % {"unit": Unit(data.unit).label, "material": class_label(data.material)},
            field="unit",
        ) from None
    if data.period_start and data.period_end and data.period_end < data.period_start:
        raise FlowError(_("Das Ende des Zeitraums liegt vor seinem Beginn."), field="period_end")
    return {
        "direction": data.direction,
        "material": data.material,
        "avv_code": avv_normalise(raw=data.avv_code, material=data.material),
        "title": title[:200],
        "description": data.description.strip(),
        "quantity": quantity,
        "unit": data.unit,
        "frequency": data.frequency,
        "period_start": data.period_start,
        "period_end": data.period_end,
        "months": months_mask(data.months),
    }


def _check(user: Any, perm: str, obj: Any) -> None:
    if user is not None and not user.has_perm(perm, obj):
        raise PermissionDenied(_("Ihr dürft die Materialströme dieses Akteurs nicht bearbeiten."))


@transaction.atomic
def flow_create(*, actor: Actor, data: FlowData, user: Any, is_demo: bool = False) -> MaterialFlow:
    """A new active flow of ``actor``; ``user`` must manage the actor (None: trusted caller, e.g. demo).
    Its matches appear with the next matching run."""
    _check(user, "circular.add_flow_for", actor)
    values = flow_validate(data=data)
    lat, lon, municipality = _place(actor, data)
    return MaterialFlow.objects.create(
        actor=actor,
        lat=lat,
        lon=lon,
        municipality=municipality,
        county_id=municipality.parent_id or municipality.pk,
        created_by=user if user is not None and user.is_authenticated else None,
        is_demo=is_demo,
        **values,
    )


@transaction.atomic
def flow_update(*, flow: MaterialFlow, data: FlowData, user: Any) -> MaterialFlow:
    """Changes every field of ``data``; the stored matches stay until the next run recomputes them."""
    _check(user, "circular.change_materialflow", flow)
    values = flow_validate(data=data)
    lat, lon, municipality = _place(flow.actor, data)
    for name, value in values.items():
        setattr(flow, name, value)
    flow.lat, flow.lon, flow.municipality = lat, lon, municipality
    flow.county_id = municipality.parent_id or municipality.pk
    flow.save()
    return flow


@transaction.atomic
def flow_close(*, flow: MaterialFlow, user: Any) -> MaterialFlow:
    """Closes the flow and drops its stored matches at once (a closed offer must not be shown as matched)."""
    _check(user, "circular.change_materialflow", flow)
    MaterialFlow.objects.filter(pk=flow.pk).update(status=FlowStatus.CLOSED, updated_at=timezone.now())
    FlowMatch.objects.filter(output=flow).delete()
    FlowMatch.objects.filter(input=flow).delete()
    flow.refresh_from_db()
    return flow


def engine_flow(row: MaterialFlow) -> engine.Flow:
    """The engine's view of a stored flow (region = county AGS)."""
    months = None if row.months == ALL_MONTHS else frozenset(row.month_list)
    return engine.Flow(
        id=row.pk,
        actor_id=row.actor_id,
        direction=engine.Direction(row.direction),
        quantity=row.quantity,
        unit=row.unit,
        frequency=engine.Frequency(row.frequency),
        material=MaterialClass(row.material),
        lat=row.lat,
        lon=row.lon,
        start=row.period_start,
        end=row.period_end,
        months=months,
        region=str(row.county_id),
    )


def _serialise_runs() -> None:
    """Only one run writes at a time: PostgreSQL advisory lock; SQLite's IMMEDIATE transactions queue."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])


@transaction.atomic
def circular_match_run(*, params: engine.Params | None = None) -> MatchRun:
    """Matches all active flows with the engine and replaces the stored FlowMatch rows in one
    transaction: readers see either the old or the new result, never a mix."""
    params = params or engine.Params()
    started = timezone.now()
    _serialise_runs()
    rows = list(MaterialFlow.objects.filter(status=FlowStatus.ACTIVE).order_by("pk"))
    flows = [engine_flow(r) for r in rows]
    result = engine.match(flows, params)
    matched_t = sum(m.quantity for m in result.matches if m.unit == "t")
    net = sum(m.net_saving_kg_co2e or 0.0 for m in result.matches)
    run = MatchRun.objects.create(
        started_at=started,
        finished_at=timezone.now(),
        flows=len(flows),
        skipped=len(result.skipped),
        matches=len(result.matches),
        matched_t=matched_t,
        net_kg_co2e=net,
        max_km=params.max_km,
        decay_km=params.decay_km,
        top_k=params.top_k,
    )
    FlowMatch.objects.all().delete()
    FlowMatch.objects.bulk_create(
        [
            FlowMatch(
                run=run,
                output_id=m.output_id,
                input_id=m.input_id,
                output_material=m.output_class.value,
                input_material=m.input_class.value,
                quantity=m.quantity,
                unit=m.unit,
                distance_km=m.distance_km,
                score=m.score,
                transport_kg_co2e=m.transport_kg_co2e,
                avoided_kg_co2e=m.avoided_kg_co2e,
                net_kg_co2e=m.net_saving_kg_co2e,
            )
            for m in result.matches
        ],
        batch_size=2000,
    )
    MatchRun.objects.exclude(pk=run.pk).delete()  # their matches were replaced above
    run.finished_at = timezone.now()
    run.save(update_fields=["finished_at"])
    return run
