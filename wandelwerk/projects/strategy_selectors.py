"""Reads for strategies and the public strategy dashboard: key figures, filters, timeline.

Every project shown comes from ``projects_visible_to`` so drafts never leak. The dashboard needs a
constant number of queries however many measures, projects and events there are."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor, Kind, Topic
from wandelwerk.actors.visibility import public_q
from wandelwerk.geo.models import Area, AreaKind
from wandelwerk.projects.models import Measure, Milestone, Project, Stage, StageChange, Strategy, Target
from wandelwerk.projects.selectors import ProjectFilterError, in_area_q, projects_visible_to

ACTIVE_STAGES = frozenset({Stage.IMPLEMENTATION, Stage.COMPLETED})


def strategies_visible_to(user: Any) -> QuerySet[Strategy]:
    """Published strategies; drafts also for their creator, the publisher's owner and the coordinators
    of networks covering the strategy's area; everything for staff."""
    qs = Strategy.objects.select_related("publisher", "area__parent")
    if user is None or not user.is_authenticated:
        return qs.filter(is_published=True)
    if user.is_staff:
        return qs
    from wandelwerk.networks.selectors import area_ids_for_user

    condition = Q(is_published=True) | Q(created_by=user) | Q(publisher__owner=user)
    coordinated = list(area_ids_for_user(user=user, coordinator=True))
    if coordinated:
        condition |= (
            Q(area_id__in=coordinated)
            | Q(area__parent_id__in=coordinated)
            | Q(area__parent__parent_id__in=coordinated)
        )
    return qs.filter(condition)


# --- filters ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DashboardFilter:
    topic: Topic | None = None
    area: Area | None = None

    @property
    def active(self) -> bool:
        return self.topic is not None or self.area is not None


def parse_dashboard_filter(params: Any) -> DashboardFilter:
    """``?topic=<topic slug>&area=<AGS of a municipality or county>``; empty values mean no filter.
    An unknown value raises ``ProjectFilterError`` naming the parameter."""
    topic_slug = (params.get("topic") or "").strip()
    area_key = (params.get("area") or "").strip()
    topic = area = None
    if topic_slug:
        topic = Topic.objects.filter(slug=topic_slug[:80]).first()
        if topic is None:
            raise ProjectFilterError(
                "topic", _("topic: unbekanntes Handlungsfeld „%(value)s“.") % {"value": topic_slug[:80]}
            )
    if area_key:
        area = Area.objects.filter(
            ags=area_key[:8], kind__in=[AreaKind.MUNICIPALITY, AreaKind.COUNTY]
        ).first()
        if area is None:
            raise ProjectFilterError(
                "area",
                _("area: „%(value)s“ ist kein bekannter Gebietsschlüssel einer Gemeinde oder eines Kreises.")
                % {"value": area_key[:20]},
            )
    return DashboardFilter(topic=topic, area=area)


def _area_choices(*, strategy: Strategy, visible: QuerySet[Project], selected: Area | None) -> list[Area]:
    """The strategy's own area and the municipalities of the ``visible`` projects linked to it, by
    name (plus the ``selected`` area, so a chosen county stays chosen)."""
    project_areas = visible.filter(measures__strategy=strategy).values("area_id")
    condition = Q(pk=strategy.area_id) | Q(pk__in=project_areas)
    if selected is not None:
        condition |= Q(pk=selected.pk)
    return list(Area.objects.filter(condition).order_by("name", "ags"))


def responsible_choices(*, strategy: Strategy, current: int | None = None) -> QuerySet[Actor]:
    """Public organisations in the strategy's county (people are not offered), ordered by name; plus
    the ``current`` responsible actor so an unchanged choice stays valid."""
    area = strategy.area
    county_id = area.pk if area.kind == AreaKind.COUNTY else area.parent_id
    condition = public_q() & Q(county_id=county_id) & ~Q(kind=Kind.PERSON)
    if current is not None:
        condition |= Q(pk=current)
    return Actor.objects.filter(condition).order_by("name", "id")


# --- dashboard -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MeasureRow:
    measure: Measure
    projects: list[Project]
    stages: Counter[str]

    @property
    def progress(self) -> float | None:
        """Current value as a percentage of the target value (0–100), when both make sense."""
        m = self.measure
        if m.target_value is None or m.current_value is None or m.target_value <= 0 or m.current_value < 0:
            return None
        return min(100.0, 100.0 * m.current_value / m.target_value)

    @property
    def progress_value(self) -> float | None:
        """The current value clamped to 0..target, for a ``<progress>`` element."""
        m = self.measure
        if self.progress is None:
            return None
        return min(m.current_value, m.target_value)  # type: ignore[type-var]


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    day: dt.date
    kind: str  # "stage" or "milestone"
    project: Project
    stage_change: StageChange | None = None
    milestone: Milestone | None = None

    @property
    def overdue(self) -> bool:
        m = self.milestone
        return m is not None and m.done_at is None and m.due < timezone.localdate()


@dataclass(slots=True)
class TimelineMonth:
    first_day: dt.date
    events: list[TimelineEvent] = field(default_factory=list)


@dataclass(slots=True)
class TimelineYear:
    year: int
    in_period: bool
    months: list[TimelineMonth] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Dashboard:
    strategy: Strategy
    rows: list[MeasureRow]
    share_in_implementation: float | None
    effect_co2_t: float
    effect_people: int
    stage_totals: Counter[str]
    targets: list[Target] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    timeline: list[TimelineYear] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)
    filter: DashboardFilter = field(default_factory=DashboardFilter)

    @property
    def project_count(self) -> int:
        return sum(self.stage_totals.values())

    @property
    def stage_table(self) -> list[tuple[str, str, int]]:
        """(stage, label, number of projects) for every stage, in the order of the stages."""
        return [(value, label, self.stage_totals.get(value, 0)) for value, label in Stage.choices]


def strategy_dashboard(
    *, strategy: Strategy, user: Any, filters: DashboardFilter | None = None, page: bool = False
) -> Dashboard:
    """Each measure (of the chosen topic) with the projects the viewer may see (in the chosen area);
    the share of those measures with at least one project in implementation or completed; sums of
    expected effects and stage totals over the distinct projects shown. With ``page`` also the
    timeline and the area choices of the filter form."""
    filters = filters or DashboardFilter()
    all_visible = projects_visible_to(user)
    visible = all_visible.select_related("area")
    if filters.area is not None:
        visible = visible.filter(in_area_q(filters.area))
    measures = list(
        strategy.measures.select_related("topic", "responsible").prefetch_related(
            Prefetch("projects", queryset=visible.order_by("title", "id"), to_attr="visible_projects")
        )
    )
    topics = sorted({m.topic for m in measures if m.topic is not None}, key=lambda t: (t.name, t.pk))
    if filters.topic is not None:
        measures = [m for m in measures if m.topic_id == filters.topic.pk]
        if filters.topic not in topics:
            topics.append(filters.topic)
    rows: list[MeasureRow] = []
    seen: dict[int, Project] = {}
    for m in measures:
        projects = list(m.visible_projects)  # type: ignore[attr-defined]
        rows.append(MeasureRow(m, projects, Counter(p.stage for p in projects)))
        for p in projects:
            seen[p.pk] = p
    with_impl = sum(1 for r in rows if any(p.stage in ACTIVE_STAGES for p in r.projects))
    return Dashboard(
        strategy=strategy,
        rows=rows,
        share_in_implementation=(with_impl / len(rows)) if rows else None,
        effect_co2_t=sum(p.effect_co2_t or 0 for p in seen.values()),
        effect_people=sum(p.effect_people or 0 for p in seen.values()),
        stage_totals=Counter(p.stage for p in seen.values()),
        targets=list(strategy.targets.all()),
        topics=topics,
        timeline=strategy_timeline(strategy=strategy, projects=seen) if page else [],
        areas=_area_choices(strategy=strategy, visible=all_visible, selected=filters.area) if page else [],
        filter=filters,
    )


def strategy_timeline(*, strategy: Strategy, projects: dict[int, Project]) -> list[TimelineYear]:
    """The years of the strategy's period and, in date order, the stage changes and milestones of
    ``projects`` (already visible to the viewer), grouped by year and month. Two queries."""
    events: list[TimelineEvent] = []
    if projects:
        ids = list(projects)
        for change in StageChange.objects.filter(project_id__in=ids).order_by("changed_at", "id"):
            day = timezone.localdate(change.changed_at)
            events.append(TimelineEvent(day, "stage", projects[change.project_id], stage_change=change))
        for milestone in Milestone.objects.filter(project_id__in=ids).order_by("due", "id"):
            events.append(
                TimelineEvent(milestone.due, "milestone", projects[milestone.project_id], None, milestone)
            )
    events.sort(key=lambda e: (e.day, 0 if e.kind == "stage" else 1, e.project.title))
    years = {y: TimelineYear(y, True) for y in range(strategy.period_start, strategy.period_end + 1)}
    for event in events:
        year = years.setdefault(event.day.year, TimelineYear(event.day.year, False))
        first_day = event.day.replace(day=1)
        if not year.months or year.months[-1].first_day != first_day:
            year.months.append(TimelineMonth(first_day))
        year.months[-1].events.append(event)
    return [years[y] for y in sorted(years)]


# --- edit pages ------------------------------------------------------------------------------------


def measure_for_edit(*, strategy: Strategy, pk: int) -> Measure | None:
    """The measure ``pk`` of ``strategy`` with the number of projects linked to it (all of them, since
    deleting the measure unlinks every one)."""
    return (
        strategy.measures.select_related("topic", "responsible")
        .annotate(project_count=Count("projects"))
        .filter(pk=pk)
        .first()
    )


def export_rows(*, dashboard: Dashboard, base_url: str) -> list[list[str]]:
    """CSV rows of the measures with the projects shown (one row per pair; header first)."""
    out = [
        [
            "measure_code",
            "measure_title",
            "indicator",
            "unit",
            "target_value",
            "current_value",
            "project",
            "stage",
            "effect_co2_t",
            "effect_people",
            "project_url",
        ]
    ]
    for row in dashboard.rows:
        m = row.measure
        head = [m.code, m.title, m.indicator, m.unit, m.target_value, m.current_value]
        projects: list[Any] = list(row.projects) or [None]
        for p in projects:
            tail = (
                [p.title, p.stage, p.effect_co2_t, p.effect_people, f"{base_url}/projekte/{p.slug}/"]
                if p is not None
                else ["", "", "", "", ""]
            )
            out.append(["" if v is None else str(v) for v in head + tail])
    return out
