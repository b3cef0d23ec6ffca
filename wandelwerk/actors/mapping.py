"""Map overview: actors aggregated per county or municipality at low zoom, single points when close.

Without filters the counts come from ``PublicCount`` (kept by triggers, ~11,000 rows), plus a live
count of the few non-public actors a signed-in person may also see. With filters the database
aggregates the filtered set (GROUP BY over indexed keys).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import Count, Sum

from wandelwerk.actors.models import PublicCount
from wandelwerk.actors.query import ActorQuery
from wandelwerk.actors.selectors import apply_query
from wandelwerk.actors.visibility import actors_visible_to, public_q
from wandelwerk.geo.models import Area

POINT_ZOOM = 11  # from this zoom on, single actors are shown
COUNTY_MAX_ZOOM = 8  # below this zoom, aggregated per county; then per municipality
MAX_POINTS = 2000


def actor_point_feature(
    actor_id: int, name: str, slug: str, kind: str, lon: float, lat: float
) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
        "properties": {"id": actor_id, "name": name, "kind": kind, "url": f"/akteure/{slug}/"},
    }


def _unfiltered(query: ActorQuery) -> bool:
    return not (query.q or query.topics or query.kinds or query.sectors or query.networks or query.area)


def _area_counts(*, user: Any, query: ActorQuery, key: str) -> Counter[int]:
    """Actor counts per county (``key`` = "county_id") or municipality ("municipality_id")."""
    if not _unfiltered(query):
        qs = apply_query(actors_visible_to(user), query)
        return Counter(dict(qs.order_by().values_list(key).annotate(n=Count("id"))))
    counts_qs = PublicCount.objects.filter(n__gt=0)
    if query.bbox and key == "municipality_id":
        b = query.bbox
        counts_qs = counts_qs.filter(
            municipality__lat__gte=b.min_lat,
            municipality__lat__lte=b.max_lat,
            municipality__lon__gte=b.min_lon,
            municipality__lon__lte=b.max_lon,
        )
    counts: Counter[int] = Counter(dict(counts_qs.values_list(key).annotate(total=Sum("n"))))
    if user is not None and user.is_authenticated:
        extra = apply_query(actors_visible_to(user).exclude(public_q()), query)
        counts.update(dict(extra.order_by().values_list(key).annotate(n=Count("id"))))
    return counts


def clusters(*, user: Any, query: ActorQuery, zoom: int) -> dict[str, Any]:
    """A GeoJSON FeatureCollection: cluster features (``count`` > 0, ``ags``, ``name``) or actor points."""
    if zoom >= POINT_ZOOM:
        qs = apply_query(actors_visible_to(user), query)
        rows = list(qs.values_list("id", "name", "slug", "kind", "lon", "lat")[: MAX_POINTS + 1])
        if len(rows) <= MAX_POINTS:
            return {
                "type": "FeatureCollection",
                "features": [actor_point_feature(*row) for row in rows],
                "mode": "points",
            }
    key = "county_id" if zoom < COUNTY_MAX_ZOOM else "municipality_id"
    counts = _area_counts(user=user, query=query, key=key)
    areas = Area.objects.filter(pk__in=[pk for pk, n in counts.items() if n > 0]).only(
        "id", "ags", "name", "lat", "lon"
    )
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [a.lon, a.lat]},
            "properties": {"count": counts[a.pk], "ags": a.ags, "name": a.name},
        }
        for a in areas
        if a.lat is not None and a.lon is not None
    ]
    return {
        "type": "FeatureCollection",
        "features": features,
        "mode": "county" if key == "county_id" else "municipality",
    }
