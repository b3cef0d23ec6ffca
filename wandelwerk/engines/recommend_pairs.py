"""Recommended introductions: pairs of actors a coordinator could bring together (no Django).

For each *focus* actor — isolated ones first, then rural ones, then the rest, by id, at most
``max_focus`` — the best ``per_actor`` partners are ranked with :func:`recommend.rank`. Only pairs
whose new tie has bridging value (connects an isolated or rural actor, two components or two
communities) and some content (a fitting offer/need or a shared topic) are kept. Each unordered pair
appears once (with the better-scoring direction); the list is sorted by score, then by the two ids,
and one actor appears in at most ``max_per_actor`` pairs, so the list is not one hub's neighbourhood.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from wandelwerk.engines.recommend import WEIGHTS, Suggestion, Weights, rank, seeker_for
from wandelwerk.engines.recommend_index import RecommendIndex


@dataclass(frozen=True, slots=True)
class Introduction:
    """Introduce ``a`` to ``b``; ``suggestion`` is ``b`` as seen from ``a``."""

    a: int
    b: int
    suggestion: Suggestion


def focus_order(index: RecommendIndex) -> list[int]:
    """Actor ids in the order they are considered: isolated, then rural, then others; each by id."""
    if not index.network_known:
        return []
    isolated = index.degree == 0
    group = np.where(isolated, 0, np.where(index.rural, 1, 2))
    order = np.lexsort((index.actor_ids, group))
    return [int(i) for i in index.actor_ids[order].tolist()]


def introductions(
    index: RecommendIndex,
    *,
    limit: int = 20,
    per_actor: int = 3,
    max_focus: int = 400,
    max_per_actor: int = 2,
    focus: Sequence[int] | None = None,
    max_km: float | None = None,
    weights: Weights = WEIGHTS,
) -> list[Introduction]:
    """Best introductions (see module docstring). Without tie data (``network_known`` False) there is
    no bridging value to judge, so the list is empty."""
    if not index.network_known or limit < 1:
        return []
    ids = list(focus) if focus is not None else focus_order(index)
    best: dict[tuple[int, int], Introduction] = {}
    for actor_id in ids[:max_focus]:
        me = seeker_for(index, actor_id)
        for s in rank(index, me, limit=per_actor, max_km=max_km, weights=weights):
            if not s.bridging.any:
                continue
            key = (min(actor_id, s.actor_id), max(actor_id, s.actor_id))
            held = best.get(key)
            if held is None or (s.score, -actor_id) > (held.suggestion.score, -held.a):
                best[key] = Introduction(actor_id, s.actor_id, s)
    ordered = sorted(best.values(), key=lambda i: (-i.suggestion.score, min(i.a, i.b), max(i.a, i.b)))
    seen: dict[int, int] = {}
    out: list[Introduction] = []
    for intro in ordered:
        if seen.get(intro.a, 0) >= max_per_actor or seen.get(intro.b, 0) >= max_per_actor:
            continue
        seen[intro.a] = seen.get(intro.a, 0) + 1
        seen[intro.b] = seen.get(intro.b, 0) + 1
        out.append(intro)
        if len(out) == limit:
            break
    return out
