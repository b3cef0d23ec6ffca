"""Reads for consulting: public centres, routing candidates, the cases a person may see, ageing."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor, Topic
from wandelwerk.actors.visibility import public_q
from wandelwerk.consulting.models import CaseStatus, CompetenceCentre, ConsultingRequest
from wandelwerk.engines.routing import CentreSlot
from wandelwerk.geo.models import Area

MAX_AGE_DAYS = 3650
AREA_FIELDS = ("id", "ags", "name", "kind", "kind_label", "parent_id")


class FilterError(ValueError):
    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param
        self.message = message


def area_chain_ids(area_id: int) -> frozenset[int]:
    """The municipality, its county and its state."""
    row = Area.objects.filter(pk=area_id).values_list("id", "parent_id", "parent__parent_id").first()
    return frozenset(x for x in (row or ()) if x is not None)


def centre_slots(*, topic_id: int) -> list[CentreSlot]:
    """Active centres advising on the topic, with their areas, for ``engines.routing`` (two queries)."""
    rows = list(
        CompetenceCentre.objects.filter(is_active=True, topics=topic_id).values_list(
            "id", "capacity", "open_cases"
        )
    )
    areas: dict[int, set[int]] = defaultdict(set)
    through = CompetenceCentre.areas.through.objects.filter(competencecentre_id__in=[r[0] for r in rows])
    for centre_id, area_id in through.values_list("competencecentre_id", "area_id"):
        areas[centre_id].add(area_id)
    return [
        CentreSlot(pk, frozenset({topic_id}), frozenset(areas[pk]), capacity, open_cases)
        for pk, capacity, open_cases in rows
    ]


def _with_lists(qs: QuerySet[CompetenceCentre]) -> QuerySet[CompetenceCentre]:
    return qs.select_related("actor").prefetch_related(
        Prefetch("topics", queryset=Topic.objects.only("id", "name", "name_en", "slug")),
        Prefetch("areas", queryset=Area.objects.only(*AREA_FIELDS).order_by("ags")),
    )


def centres_public() -> QuerySet[CompetenceCentre]:
    """Active centres of published public actors, with topics and areas (three queries)."""
    public_actors = Actor.objects.filter(public_q()).values("pk")
    return _with_lists(CompetenceCentre.objects.filter(is_active=True, actor__in=public_actors))


def centre_get(*, pk: int) -> CompetenceCentre | None:
    return _with_lists(CompetenceCentre.objects.filter(pk=pk)).prefetch_related("advisers").first()


def centres_of(user: Any) -> QuerySet[CompetenceCentre]:
    """Centres ``user`` works for: owner of the centre's actor or named adviser."""
    if user is None or not user.is_authenticated:
        return CompetenceCentre.objects.none()
    return CompetenceCentre.objects.filter(Q(actor__owner=user) | Q(advisers=user)).distinct()


def coordinated_area_ids(user: Any) -> frozenset[int]:
    if user is None or not user.is_authenticated:
        return frozenset()
    from wandelwerk.networks.selectors import area_ids_for_user

    return area_ids_for_user(user=user, coordinator=True)


def in_areas_q(area_ids: frozenset[int], prefix: str = "area") -> Q:
    """Rows whose municipality (``prefix``) lies in one of the areas (itself, its county or state)."""
    ids = list(area_ids)
    return (
        Q(**{f"{prefix}_id__in": ids})
        | Q(**{f"{prefix}__parent_id__in": ids})
        | Q(**{f"{prefix}__parent__parent_id__in": ids})
    )


def cases_visible_to(user: Any) -> QuerySet[ConsultingRequest]:
    """Own requests, the cases of the user's centres, cases in areas the user coordinates; all for staff."""
    qs = ConsultingRequest.objects.all()
    if user is None or not user.is_authenticated:
        return qs.none()
    if user.is_staff:
        return qs
    condition = Q(requester=user) | Q(centre__in=centres_of(user).values("pk"))
    coordinated = coordinated_area_ids(user)
    if coordinated:
        condition |= in_areas_q(coordinated)
    return qs.filter(condition)


def case_rows(qs: QuerySet[ConsultingRequest]) -> QuerySet[ConsultingRequest]:
    """What the case tables show, oldest first, in one query."""
    heavy = ("boundary", "boundary_light")
    return (
        qs.select_related("topic", "area__parent", "centre", "requester", "on_behalf_of")
        .defer(*(f"area__{f}" for f in heavy), *(f"area__parent__{f}" for f in heavy))
        .defer("on_behalf_of__description", "on_behalf_of__search_text")
        .order_by("created_at", "id")
    )


def with_targets(cases: list[ConsultingRequest]) -> list[ConsultingRequest]:
    """Sets ``targets`` on each case: the active centres covering its place (for re-routing from the
    queue), least busy first, in two queries for the whole list."""
    rows = list(CompetenceCentre.objects.filter(is_active=True).order_by("open_cases", "name", "id"))
    areas: dict[int, set[int]] = defaultdict(set)
    through = CompetenceCentre.areas.through.objects.filter(competencecentre_id__in=[c.pk for c in rows])
    for centre_id, area_id in through.values_list("competencecentre_id", "area_id"):
        areas[centre_id].add(area_id)
    for case in cases:
        area = case.area
        chain = {area.pk, area.parent_id, area.parent.parent_id if area.parent else None}
        case.targets = [c for c in rows if areas[c.pk] & chain and c.pk != case.centre_id]  # type: ignore[attr-defined]
    return cases


def parse_age(value: str | None) -> int | None:
    """The "older than N days" filter: empty → None, else a whole number 0 … 3650."""
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) > MAX_AGE_DAYS:
        raise FilterError(
            "aelter_als",
            _("„Älter als“ muss eine ganze Zahl von 0 bis %(n)d Tagen sein.") % {"n": MAX_AGE_DAYS},
        )
    return int(value)


def older_than(qs: QuerySet[ConsultingRequest], days: int | None) -> QuerySet[ConsultingRequest]:
    if days is None:
        return qs
    return qs.filter(created_at__lte=timezone.now() - dt.timedelta(days=days))


def days_open(case: ConsultingRequest, now: dt.datetime | None = None) -> int:
    """Whole days since the request, up to its closing for closed ones."""
    end = case.closed_at if case.closed_at is not None else (now or timezone.now())
    return max((end - case.created_at).days, 0)


def with_ages(cases: list[ConsultingRequest]) -> list[ConsultingRequest]:
    now = timezone.now()
    for case in cases:
        case.days_open = days_open(case, now)  # type: ignore[attr-defined]
    return cases


def queue_for(user: Any) -> QuerySet[ConsultingRequest]:
    """The coordinators' queue: open cases in the areas they coordinate (everything for staff)."""
    qs = ConsultingRequest.objects.exclude(status=CaseStatus.CLOSED)
    if user.is_staff:
        return qs
    return qs.filter(in_areas_q(coordinated_area_ids(user)))


def reroute_targets(case: ConsultingRequest) -> QuerySet[CompetenceCentre]:
    """Active centres covering the case's place, other than the current one (the least busy first)."""
    chain = area_chain_ids(case.area_id)
    return (
        CompetenceCentre.objects.filter(is_active=True, areas__in=chain)
        .exclude(pk=case.centre_id or 0)
        .distinct()
        .order_by("open_cases", "name", "id")
    )
