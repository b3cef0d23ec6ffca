"""Reads for collegial coaching: open requests a coordinator may pair, and the proposals for them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from wandelwerk.actors.models import Topic
from wandelwerk.consulting.models import CoachingPair, CoachingRequest, CoachingStatus
from wandelwerk.consulting.selectors import coordinated_area_ids
from wandelwerk.engines.routing import PairProposal, Seeker, propose_pairs


@dataclass(frozen=True, slots=True)
class Proposal:
    first: CoachingRequest
    second: CoachingRequest
    similarity: float
    distance_km: float
    shared: list[Topic]


def _in_areas(ids: frozenset[int]) -> Q:
    v = list(ids)
    return Q(actor__municipality_id__in=v) | Q(actor__county_id__in=v) | Q(actor__state_id__in=v)


def open_requests_for(user: Any) -> QuerySet[CoachingRequest]:
    """Open coaching requests in the areas the user coordinates (all for staff)."""
    qs = (
        CoachingRequest.objects.filter(status=CoachingStatus.OPEN)
        .select_related("actor")
        .prefetch_related("topics")
    )
    if user.is_staff:
        return qs
    return qs.filter(_in_areas(coordinated_area_ids(user)))


def proposals_for(user: Any, *, limit: int = 20) -> list[Proposal]:
    """Pairs of open requests, best first (``engines.routing.propose_pairs``); at least one side lies in
    the user's areas, the other may be anywhere (the open requests outside are loaded as partners)."""
    mine = list(open_requests_for(user))
    if not mine:
        return []
    others = list(
        CoachingRequest.objects.filter(status=CoachingStatus.OPEN)
        .exclude(pk__in=[r.pk for r in mine])
        .select_related("actor")
        .prefetch_related("topics")
    )
    by_id = {r.pk: r for r in [*mine, *others]}
    mine_ids = {r.pk for r in mine}
    seekers = [
        Seeker(
            r.pk,
            r.actor_id,
            r.actor.owner_id or r.requested_by_id,
            frozenset(t.pk for t in r.topics.all()),
            r.actor.lat,
            r.actor.lon,
        )
        for r in by_id.values()
    ]
    topics = {t.pk: t for r in by_id.values() for t in r.topics.all()}
    pairs: list[PairProposal] = [
        p for p in propose_pairs(seekers, limit=10 * limit) if p.first in mine_ids or p.second in mine_ids
    ]
    return [
        Proposal(
            by_id[p.first],
            by_id[p.second],
            p.similarity,
            p.distance_km,
            sorted((topics[t] for t in p.shared), key=lambda t: t.name),
        )
        for p in pairs[:limit]
    ]


def own_coaching(user: Any) -> QuerySet[CoachingRequest]:
    return (
        CoachingRequest.objects.filter(Q(requested_by=user) | Q(actor__owner=user))
        .select_related("actor")
        .prefetch_related("topics")
        .distinct()
    )


def pairs_for(user: Any) -> QuerySet[CoachingPair]:
    qs = CoachingPair.objects.select_related("first__actor", "second__actor")
    if user.is_staff:
        return qs[:50]
    ids = coordinated_area_ids(user)
    return qs.filter(
        Q(first__in=CoachingRequest.objects.filter(_in_areas(ids)))
        | Q(second__in=CoachingRequest.objects.filter(_in_areas(ids)))
    )[:50]
