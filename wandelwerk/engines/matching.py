"""Who could help with a project's open needs: a simple, explainable ranking (no Django).

An actor scores one point per open need whose category it offers, plus half a point per shared word
between need and offer titles; the score is divided by (1 + distance / 25 km), so nearby helpers
come first. Equal scores are ordered by distance, then actor id.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from wandelwerk.engines.text import tokens


@dataclass(frozen=True, slots=True)
class OpenNeed:
    category: str
    title: str


@dataclass(frozen=True, slots=True)
class Offer:
    category: str
    title: str


@dataclass(frozen=True, slots=True)
class Candidate:
    actor_id: int
    lat: float
    lon: float
    offers: tuple[Offer, ...]


@dataclass(frozen=True, slots=True)
class Suggestion:
    actor_id: int
    score: float
    distance_km: float
    matched: tuple[str, ...]  # need titles this actor could serve


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def rank_helpers(
    needs: Iterable[OpenNeed], candidates: Iterable[Candidate], *, lat: float, lon: float, limit: int = 5
) -> list[Suggestion]:
    """Best helpers first (see module docstring); actors that serve no open need are left out."""
    need_list = list(needs)
    need_words = [set(tokens(n.title)) for n in need_list]
    suggestions = []
    for c in candidates:
        score, matched = 0.0, []
        for need, words in zip(need_list, need_words, strict=True):
            fitting = [o for o in c.offers if o.category == need.category]
            if not fitting:
                continue
            overlap = max(len(words & set(tokens(o.title))) for o in fitting)
            score += 1.0 + 0.5 * overlap
            matched.append(need.title)
        if score:
            d = distance_km(lat, lon, c.lat, c.lon)
            suggestions.append(Suggestion(c.actor_id, score / (1 + d / 25.0), round(d, 1), tuple(matched)))
    suggestions.sort(key=lambda s: (-s.score, s.distance_km, s.actor_id))
    return suggestions[:limit]
