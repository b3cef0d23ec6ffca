"""Reads for strategies and the public strategy dashboard."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from wandelwerk.projects.models import Measure, Project, Stage, Strategy
from wandelwerk.projects.selectors import projects_visible_to


def strategies_visible_to(user: Any) -> QuerySet[Strategy]:
    qs = Strategy.objects.select_related("publisher", "area")
    if user is not None and user.is_authenticated and user.is_staff:
        return qs
    if user is not None and user.is_authenticated:
        return qs.filter(Q(is_published=True) | Q(created_by=user) | Q(publisher__owner=user))
    return qs.filter(is_published=True)


@dataclass(frozen=True, slots=True)
class MeasureRow:
    measure: Measure
    projects: list[Project]
    stages: Counter[str]


@dataclass(frozen=True, slots=True)
class Dashboard:
    strategy: Strategy
    rows: list[MeasureRow]
    share_in_implementation: float | None
    effect_co2_t: float
    effect_people: int
    stage_totals: Counter[str]


def strategy_dashboard(*, strategy: Strategy, user: Any) -> Dashboard:
    """Each measure with the projects the viewer may see; the share of measures with at least one
    project in implementation (or completed); sums of expected effects over distinct projects."""
    visible = projects_visible_to(user)
    measures = list(
        strategy.measures.select_related("topic", "responsible").prefetch_related(
            Prefetch("projects", queryset=visible.order_by("title"), to_attr="visible_projects")
        )
    )
    rows, seen = [], {}
    for m in measures:
        projects = list(m.visible_projects)  # type: ignore[attr-defined]
        rows.append(MeasureRow(m, projects, Counter(p.stage for p in projects)))
        for p in projects:
            seen[p.pk] = p
    active = {Stage.IMPLEMENTATION, Stage.COMPLETED}
    with_impl = sum(1 for r in rows if any(p.stage in active for p in r.projects))
    return Dashboard(
        strategy=strategy,
        rows=rows,
        share_in_implementation=(with_impl / len(rows)) if rows else None,
        effect_co2_t=sum(p.effect_co2_t or 0 for p in seen.values()),
        effect_people=sum(p.effect_people or 0 for p in seen.values()),
        stage_totals=Counter(p.stage for p in seen.values()),
    )
