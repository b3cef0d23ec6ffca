"""Map overview: actors aggregated per county or municipality at low zoom, single points when close.

Aggregation happens in the database (GROUP BY over indexed keys), so the overview stays fast with a
million actors; the unfiltered anonymous overview is cached briefly in the shared cache.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models import Count

from wandelwerk.actors.query import ActorQuery
from wandelwerk.actors.selectors import apply_query
from wandelwerk.actors.visibility import actors_visible_to
from wandelwerk.geo.models import Area

POINT_ZOOM = 11  # from this zoom on, single actors are shown
COUNTY_MAX_ZOOM = 8  # below this zoom, aggregated per county; then per municipality
MAX_POINTS = 2000
OVERVIEW_CACHE_SECONDS = 60


def actor_point_feature(
    actor_id: int, name: str, slug: str, kind: str, lon: float, lat: float
) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
        "properties": {"id": actor_id, "name": name, "kind": kind, "url": f"/akteure/{slug}/"},
    }


def clusters(*, user: Any, query: ActorQuery, zoom: int) -> dict[str, Any]:
    """A GeoJSON FeatureCollection: cluster features (``count`` > 0, ``ags``, ``name``) or actor points."""
    anonymous = user is None or not user.is_authenticated
    cache_key = f"actors:clusters:{zoom}:{query.bbox.as_param() if query.bbox else ''}"
    cacheable = anonymous and not (
        query.q or query.topics or query.kinds or query.sectors or query.networks or query.area
    )
    if cacheable:
        hit = cache.get(cache_key)
        if hit is not None:
            return hit  # type: ignore[no-any-return]
    qs = apply_query(actors_visible_to(user), query)
    if zoom >= POINT_ZOOM:
        rows = list(qs.values_list("id", "name", "slug", "kind", "lon", "lat")[: MAX_POINTS + 1])
        if len(rows) <= MAX_POINTS:
            return {
                "type": "FeatureCollection",
                "features": [actor_point_feature(*row) for row in rows],
                "mode": "points",
            }
    key = "county_id" if zoom < COUNTY_MAX_ZOOM else "municipality_id"
    counts = dict(qs.order_by().values_list(key).annotate(n=Count("id")))
    areas = Area.objects.filter(pk__in=list(counts)).only("id", "ags", "name", "lat", "lon")
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [a.lon, a.lat]},
            "properties": {"count": counts[a.pk], "ags": a.ags, "name": a.name},
        }
        for a in areas
        if a.lat is not None and a.lon is not None
    ]
    result = {
        "type": "FeatureCollection",
        "features": features,
        "mode": "county" if key == "county_id" else "municipality",
    }
    if cacheable:
        cache.set(cache_key, result, OVERVIEW_CACHE_SECONDS)
    return result
