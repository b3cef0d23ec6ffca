"""The interactive graph of a network: which nodes to draw, where (layout engine), and as JSON."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.core.cache import cache
from django.urls import reverse

from wandelwerk.actors.models import Actor, Sector, Topic
from wandelwerk.engines.network_layout import layout
from wandelwerk.ties.analysis import CACHE_SECONDS, NetworkAnalysis, data_stamp

MAX_CONNECTED = 600  # best-connected actors drawn
MAX_ISOLATED = 400  # actors without ties drawn beside them


def graph_payload(*, network: Any, analysis: NetworkAnalysis) -> dict[str, Any]:
    """Nodes (with layout position in [0, 1]²), edges between drawn nodes as index pairs, the topics
    and sectors to filter by, and what was left out. Cached like the analysis."""
    key = (
        f"ties:graph:v1:{network.pk}:{int(analysis.members)}:{analysis.at.isoformat()}:{data_stamp(network)}"
    )
    hit = cache.get(key)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    payload = _build(analysis)
    cache.set(key, payload, CACHE_SECONDS)
    return payload


def _build(a: NetworkAnalysis) -> dict[str, Any]:
    connected = [r for r in a.rows if not r.isolated]  # rows come by degree, best connected first
    lonely = [r for r in a.rows if r.isolated]
    drawn = connected[:MAX_CONNECTED] + lonely[:MAX_ISOLATED]
    index = {r.id: i for i, r in enumerate(drawn)}
    edges = [(index[u], index[v], w) for u, v, w in a.edges if u in index and v in index]
    eu = np.array([e[0] for e in edges], dtype=np.int64)
    ev = np.array([e[1] for e in edges], dtype=np.int64)
    ew = np.array([e[2] for e in edges], dtype=np.float64)
    pos = layout(len(drawn), eu, ev, weights=ew if edges else None, seed=0, iterations=100)
    topics_of: dict[int, list[str]] = {}
    through = Actor.topics.through.objects.filter(actor_id__in=[r.id for r in drawn])
    for actor_id, slug in through.values_list("actor_id", "topic__slug"):
        topics_of.setdefault(actor_id, []).append(slug)
    used = {s for slugs in topics_of.values() for s in slugs}
    topics = [
        {"slug": s, "name": n} for s, n in Topic.objects.filter(slug__in=used).values_list("slug", "name")
    ]
    nodes = [
        {
            "id": r.id,
            "name": r.name,
            "x": round(float(pos[i, 0]), 5),
            "y": round(float(pos[i, 1]), 5),
            "sector": r.sector,
            "sector_label": r.sector_label,
            "topics": sorted(topics_of.get(r.id, [])),
            "community": r.community,
            "degree": r.degree,
            "is_broker": r.is_broker,
            "isolated": r.isolated,
            "members_only": r.members_only,
            "url": reverse("actors:detail", kwargs={"slug": r.slug}),
        }
        for i, r in enumerate(drawn)
    ]
    left_connected = len(connected) - min(len(connected), MAX_CONNECTED)
    left_lonely = len(lonely) - min(len(lonely), MAX_ISOLATED)
    return {
        "nodes": nodes,
        "edges": [[u, v, round(w, 3)] for u, v, w in edges],
        "topics": topics,
        "sectors": [
            {"value": s.value, "label": str(s.label)} for s in Sector if any(r.sector == s for r in drawn)
        ],
        "total_actors": a.actors,
        "total_ties": a.ties,
        "left_out_connected": left_connected,
        "left_out_isolated": left_lonely,
    }
