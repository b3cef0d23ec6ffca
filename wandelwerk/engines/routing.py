"""Routing consulting requests to competence centres, and proposing pairs for collegial coaching
(no Django).

A centre fits a request when it advises on the request's topic, one of its areas is the request's
municipality or lies above it (county, state), it is active and it has free capacity. Fitting centres
are ranked by fewest open cases, then most free capacity, then lowest id. The caller tries them in this
order with a conditional update, so a centre filled meanwhile by a parallel request is skipped.

Coaching pairs: two seekers match by the Jaccard similarity of their topics; nearby pairs are preferred
(the score is divided by 1 + distance / 50 km). Two seekers with the same owner, or without any shared
topic, are never paired.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wandelwerk.engines.matching import distance_km

NEARBY_KM = 50.0


@dataclass(frozen=True, slots=True)
class CentreSlot:
    """A competence centre as routing sees it."""

    centre_id: int
    topic_ids: frozenset[int]
    area_ids: frozenset[int]  # the counties or states (or municipalities) it covers
    capacity: int
    open_cases: int
    active: bool = True

    @property
    def free(self) -> int:
        return self.capacity - self.open_cases


@dataclass(frozen=True, slots=True)
class RequestPlace:
    """What routing needs of a request: its topic and the area chain of its municipality."""

    topic_id: int
    area_ids: frozenset[int]  # the municipality, its county and its state


def fits(centre: CentreSlot, request: RequestPlace) -> bool:
    """The centre advises on the topic, covers the place, is active and has room for one more case."""
    return (
        centre.active
        and request.topic_id in centre.topic_ids
        and bool(centre.area_ids & request.area_ids)
        and centre.open_cases < centre.capacity
    )


def rank_centres(
    request: RequestPlace, centres: Iterable[CentreSlot], *, exclude: frozenset[int] = frozenset()
) -> list[int]:
    """Ids of the fitting centres, best first: fewest open cases, most free capacity, lowest id."""
    fitting = [c for c in centres if c.centre_id not in exclude and fits(c, request)]
    fitting.sort(key=lambda c: (c.open_cases, -c.free, c.centre_id))
    return [c.centre_id for c in fitting]


def route(
    request: RequestPlace, centres: Iterable[CentreSlot], *, exclude: frozenset[int] = frozenset()
) -> int | None:
    """The best fitting centre's id, or None when no centre fits (the request waits for coordinators)."""
    ranked = rank_centres(request, centres, exclude=exclude)
    return ranked[0] if ranked else None


# --- collegial coaching ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Seeker:
    """An actor looking for peer exchange (one open coaching request)."""

    key: int  # the coaching request's id
    actor_id: int
    owner_id: int
    topic_ids: frozenset[int]
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class PairProposal:
    first: int  # seeker keys, first < second
    second: int
    similarity: float
    distance_km: float
    score: float
    shared: frozenset[int]


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """|a ∩ b| / |a ∪ b|; 0.0 for two empty sets."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def propose_pairs(seekers: Sequence[Seeker], *, limit: int = 20) -> list[PairProposal]:
    """Candidate pairs, best first (score, then similarity, then distance, then keys). Pairs of the same
    owner or the same actor, and pairs without a shared topic, are left out."""
    proposals: list[PairProposal] = []
    ordered = sorted(seekers, key=lambda s: s.key)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if a.owner_id == b.owner_id or a.actor_id == b.actor_id or a.key == b.key:
                continue
            similarity = jaccard(a.topic_ids, b.topic_ids)
            if similarity <= 0.0:
                continue
            d = distance_km(a.lat, a.lon, b.lat, b.lon)
            score = similarity / (1.0 + d / NEARBY_KM)
            proposals.append(
                PairProposal(a.key, b.key, similarity, round(d, 1), score, a.topic_ids & b.topic_ids)
            )
    proposals.sort(key=lambda p: (-p.score, -p.similarity, p.distance_km, p.first, p.second))
    return proposals[: max(limit, 0)]
