"""Writes for strategies, their targets and measures. Atomic; a refused write raises
``ProjectError`` with a message naming what is wrong, and nothing is changed."""

from __future__ import annotations

import math
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor, Topic
from wandelwerk.core.slugs import unique_slug
from wandelwerk.geo.models import AreaKind
from wandelwerk.projects.models import Measure, Strategy, Target
from wandelwerk.projects.services import ProjectError

YEAR_MIN, YEAR_MAX = 1990, 2100


def _check_period(period_start: int, period_end: int) -> None:
    for value in (period_start, period_end):
        if not YEAR_MIN <= value <= YEAR_MAX:
            raise ProjectError(
                _("Laufzeit: %(year)s ist kein Jahr zwischen %(min)s und %(max)s.")
                % {"year": value, "min": YEAR_MIN, "max": YEAR_MAX}
            )
    if period_end < period_start:
        raise ProjectError(
            _("Laufzeit bis (Jahr): Das Ende der Laufzeit (%(end)s) liegt vor ihrem Anfang (%(start)s).")
            % {"end": period_end, "start": period_start}
        )


def _check_number(label: str, value: float | None, *, required: bool = False) -> None:
    if value is None:
        if required:
            raise ProjectError(_("%(field)s: Bitte eine Zahl angeben.") % {"field": label})
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ProjectError(_("%(field)s: „%(value)s“ ist keine Zahl.") % {"field": label, "value": value})


@transaction.atomic
def strategy_create(
    *,
    user: Any,
    publisher: Actor,
    title: str,
    period_start: int,
    period_end: int,
    description: str = "",
    is_published: bool = False,
) -> Strategy:
    """A municipality's strategy; its area is the publishing administration's municipality."""
    if not title.strip():
        raise ProjectError(_("Titel fehlt."))
    _check_period(period_start, period_end)
    return Strategy.objects.create(
        title=title.strip(),
        slug=unique_slug(Strategy.objects.all(), title, fallback="strategie"),
        publisher=publisher,
        area=publisher.municipality,
        period_start=period_start,
        period_end=period_end,
        description=description,
        is_published=is_published,
        created_by=user,
    )


@transaction.atomic
def strategy_update(
    *,
    strategy: Strategy,
    title: str,
    period_start: int,
    period_end: int,
    description: str = "",
    is_published: bool = False,
) -> Strategy:
    """Changes title, period, description and whether the strategy is public. The slug stays, so
    links keep working."""
    if not title.strip():
        raise ProjectError(_("Titel fehlt."))
    _check_period(period_start, period_end)
    strategy.title = title.strip()
    strategy.period_start = period_start
    strategy.period_end = period_end
    strategy.description = description
    strategy.is_published = is_published
    strategy.save(update_fields=["title", "period_start", "period_end", "description", "is_published"])
    return strategy


def _check_target(*, label: str, year: int, value: float, unit: str) -> None:
    if not label.strip():
        raise ProjectError(_("Ziel: Bitte benennen, was erreicht werden soll."))
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise ProjectError(
            _("Jahr: %(year)s liegt nicht zwischen %(min)s und %(max)s.")
            % {"year": year, "min": YEAR_MIN, "max": YEAR_MAX}
        )
    _check_number(_("Wert"), value, required=True)
    if not unit.strip():
        raise ProjectError(_("Einheit fehlt (z. B. %, t CO₂e, kWp)."))


@transaction.atomic
def target_add(*, strategy: Strategy, label: str, year: int, value: float, unit: str) -> Target:
    """A quantified goal of the strategy, e.g. emissions −65 % by 2030."""
    _check_target(label=label, year=year, value=value, unit=unit)
    return Target.objects.create(
        strategy=strategy, label=label.strip(), year=year, value=value, unit=unit.strip()
    )


@transaction.atomic
def target_update(*, target: Target, label: str, year: int, value: float, unit: str) -> Target:
    _check_target(label=label, year=year, value=value, unit=unit)
    target.label, target.year, target.value, target.unit = label.strip(), year, value, unit.strip()
    target.save(update_fields=["label", "year", "value", "unit"])
    return target


@transaction.atomic
def target_delete(*, target: Target) -> None:
    target.delete()


@transaction.atomic
def measure_add(*, strategy: Strategy, code: str, title: str, **fields: Any) -> Measure:
    """Adds a measure; a code already used in this strategy is refused (a constraint guarantees it)."""
    if not code.strip() or not title.strip():
        raise ProjectError(_("Kennung und Titel sind nötig."))
    try:
        with transaction.atomic():
            return Measure.objects.create(strategy=strategy, code=code.strip(), title=title.strip(), **fields)
    except IntegrityError as exc:
        raise ProjectError(
            _("Die Kennung „%(code)s“ gibt es in dieser Strategie schon.") % {"code": code}
        ) from exc


def _county_id(strategy: Strategy) -> int | None:
    area = strategy.area
    return area.pk if area.kind == AreaKind.COUNTY else area.parent_id


@transaction.atomic
def measure_update(
    *,
    measure: Measure,
    code: str,
    title: str,
    description: str = "",
    topic: Topic | None = None,
    indicator: str = "",
    unit: str = "",
    target_value: float | None = None,
    current_value: float | None = None,
    responsible: Actor | None = None,
) -> Measure:
    """Changes every field of a measure. A code used by another measure of the same strategy is
    refused (the unique constraint settles races); the responsible actor must be in the strategy's
    county."""
    code, title = code.strip(), title.strip()
    if not code or not title:
        raise ProjectError(_("Kennung und Titel sind nötig."))
    _check_number(_("Zielwert"), target_value)
    _check_number(_("aktueller Wert"), current_value)
    strategy = measure.strategy
    if (
        responsible is not None
        and responsible.pk != measure.responsible_id
        and responsible.county_id != _county_id(strategy)
    ):
        raise ProjectError(
            _("Verantwortlich: „%(name)s“ ist nicht im Kreis der Strategie eingetragen.")
            % {"name": responsible.name}
        )
    duplicate = _("Kennung: „%(code)s“ hat in dieser Strategie schon eine andere Maßnahme.") % {"code": code}
    if Measure.objects.filter(strategy=strategy, code=code).exclude(pk=measure.pk).exists():
        raise ProjectError(duplicate)
    values = {
        "code": code,
        "title": title,
        "description": description,
        "topic": topic,
        "indicator": indicator.strip(),
        "unit": unit.strip(),
        "target_value": target_value,
        "current_value": current_value,
        "responsible": responsible,
    }
    try:
        with transaction.atomic():
            Measure.objects.filter(pk=measure.pk).update(**values)
    except IntegrityError as exc:
        raise ProjectError(duplicate) from exc
    for name, value in values.items():
        setattr(measure, name, value)
    return measure


@transaction.atomic
def measure_delete(*, measure: Measure) -> int:
    """Deletes the measure; the projects linked to it stay and only lose the link. Returns how many
    projects were linked."""
    unlinked = measure.projects.count()
    measure.delete()
    return unlinked
