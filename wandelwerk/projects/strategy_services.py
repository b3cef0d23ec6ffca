"""Writes for strategies, their targets and measures. Atomic; a refused write raises
``ProjectError`` with a message naming what is wrong."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor
from wandelwerk.core.slugs import unique_slug
from wandelwerk.projects.services import ProjectError


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
) -> Any:
    """A municipality's strategy; its area is the publishing administration's municipality."""
    from wandelwerk.projects.models import Strategy

    if not title.strip():
        raise ProjectError(_("Titel fehlt."))
    if period_end < period_start:
        raise ProjectError(_("Das Ende der Laufzeit liegt vor ihrem Anfang."))
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
def measure_add(*, strategy: Any, code: str, title: str, **fields: Any) -> Any:
    """Adds a measure; a code already used in this strategy is refused (a constraint guarantees it)."""
    from wandelwerk.projects.models import Measure

    if not code.strip() or not title.strip():
        raise ProjectError(_("Kennung und Titel sind nötig."))
    try:
        with transaction.atomic():
            return Measure.objects.create(strategy=strategy, code=code.strip(), title=title.strip(), **fields)
    except IntegrityError as exc:
        raise ProjectError(
            _("Die Kennung „%(code)s“ gibt es in dieser Strategie schon.") % {"code": code}
        ) from exc
