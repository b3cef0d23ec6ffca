"""Reads of the geography: areas, offline geocoding (postcode, place name, point) and area pages.

Boundaries are large text columns: every read here defers them unless it needs them.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When

from wandelwerk.engines import geometry
from wandelwerk.geo.models import Area, AreaKind, PostalCode
from wandelwerk.geo.names import fold_name
from wandelwerk.geo.resolver import GeoResolver, ResolvedPlace, geo_resolver

__all__ = [
    "GeoHit",
    "GeoResolver",
    "ResolvedPlace",
    "area_actor_q",
    "area_actors",
    "area_children",
    "area_get",
    "areas_filter",
    "areas_search",
    "geo_resolver",
    "geocode",
    "geocode_place",
    "geocode_postcode",
    "municipality_at",
    "municipality_by_ags",
]

HEAVY = ("boundary", "boundary_light")
PLZ_RE = re.compile(r"^\d{5}$")
AGS_RE = re.compile(r"^(\d{2}|\d{5}|\d{8})$")
KIND_ORDER = Case(
    When(kind=AreaKind.STATE, then=Value(0)),
    When(kind=AreaKind.COUNTY, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


@dataclass(slots=True)
class GeoHit:
    """A geocoding result: the municipality and the point found for the query."""

    area: Area
    lat: float
    lon: float
    precision: str  # "postcode" | "municipality"


def _light(qs: QuerySet[Area] | None = None) -> QuerySet[Area]:
    return (qs if qs is not None else Area.objects.all()).defer(*HEAVY)


def _municipalities() -> QuerySet[Area]:
    return _light().filter(kind=AreaKind.MUNICIPALITY)


def municipality_by_ags(*, ags: str) -> Area | None:
    """The municipality with this 8-digit AGS, or None."""
    ags = (ags or "").strip()
    if len(ags) != 8 or not ags.isdigit():
        return None
    return _municipalities().filter(ags=ags).first()


def _contains(area: Area, lon: float, lat: float) -> bool:
    return bool(area.boundary) and geometry.contains(json.loads(area.boundary), lon, lat)


def geocode_postcode(*, plz: str) -> GeoHit | None:
    """The PLZ's centroid and the municipality containing it (of those the PLZ touches), else the
    most populous of them. A PLZ without centroid gives its municipality's point (precision
    "municipality"); an unknown PLZ gives None."""
    plz = (plz or "").strip()
    if not PLZ_RE.match(plz):
        return None
    centroid = PostalCode.objects.filter(plz=plz).values_list("lat", "lon").first()
    candidates = list(
        Area.objects.filter(kind=AreaKind.MUNICIPALITY, postal_codes__plz=plz)
        .defer("boundary_light")
        .distinct()
        .order_by(F("population").desc(nulls_last=True), "ags")
    )
    if centroid is None:
        if not candidates:
            return None
        best = candidates[0]
        return GeoHit(area=best, lat=best.lat or 0.0, lon=best.lon or 0.0, precision="municipality")
    lat, lon = centroid
    inside = next((a for a in candidates if _contains(a, lon, lat)), None)
    area = inside or (candidates[0] if candidates else municipality_at(lon=lon, lat=lat))
    if area is None:
        return None
    return GeoHit(area=area, lat=lat, lon=lon, precision="postcode")


def _name_rank(folded: str) -> Case:
    """0 = same name or the name's first words ("halle" → "halle saale"), 2 = any other prefix. Within
    rank 0 population decides, so "Halle" finds Halle (Saale) before the villages called Halle."""
    return Case(
        When(search_name=folded, then=Value(0)),
        When(search_name__startswith=folded + " ", then=Value(0)),
        default=Value(2),
        output_field=IntegerField(),
    )


def geocode_place(*, name: str, limit: int = 10) -> list[GeoHit]:
    """Municipalities whose name starts with ``name`` (case-, umlaut- and ae/oe/ue-insensitive):
    same name or whole-word prefix first, then other prefixes; each by population."""
    folded = fold_name(name or "")
    if not folded or limit <= 0:
        return []
    areas = (
        _municipalities()
        .filter(search_name__startswith=folded)
        .annotate(rank=_name_rank(folded))
        .order_by("rank", F("population").desc(nulls_last=True), "ags")[:limit]
    )
    return [GeoHit(area=a, lat=a.lat or 0.0, lon=a.lon or 0.0, precision="municipality") for a in areas]


def geocode(*, query: str, limit: int = 10) -> list[GeoHit]:
    """Five digits: the postcode (at most one hit); anything else: place names."""
    query = (query or "").strip()
    if PLZ_RE.match(query):
        hit = geocode_postcode(plz=query)
        return [hit] if hit is not None else []
    return geocode_place(name=query, limit=limit)


def municipality_at(*, lon: float, lat: float) -> Area | None:
    """The municipality containing the point: bounding boxes narrow the candidates in SQL (indexed
    min/max columns), point-in-polygon decides. None outside Germany or for invalid numbers."""
    if not (math.isfinite(lon) and math.isfinite(lat)) or not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return None
    candidates = Area.objects.filter(
        kind=AreaKind.MUNICIPALITY, min_lon__lte=lon, max_lon__gte=lon, min_lat__lte=lat, max_lat__gte=lat
    ).defer("boundary_light")
    for area in candidates.order_by("ags"):
        if _contains(area, lon, lat):
            return area
    return None


def area_get(*, ags: str) -> Area | None:
    """A state, county or municipality with its parent chain, boundaries deferred."""
    ags = (ags or "").strip()
    if not AGS_RE.match(ags):
        return None
    return (
        Area.objects.select_related("parent__parent")
        .defer(*HEAVY, *(f"parent__{f}" for f in HEAVY), *(f"parent__parent__{f}" for f in HEAVY))
        .filter(ags=ags)
        .first()
    )


def area_boundary(*, ags: str) -> Area | None:
    """The area with its full boundary (for the GeoJSON view)."""
    if not AGS_RE.match((ags or "").strip()):
        return None
    return Area.objects.defer("boundary_light").filter(ags=ags.strip()).first()


def area_chain(area: Area) -> list[Area]:
    """Parents from the state down, without the area itself (uses the select_related chain)."""
    chain: list[Area] = []
    parent = area.parent
    while parent is not None:
        chain.insert(0, parent)
        parent = parent.parent if parent.parent_id else None
    return chain


def area_children(area: Area) -> QuerySet[Area]:
    """Counties of a state, municipalities of a county (by name); nothing below a municipality."""
    return (
        Area.objects.filter(parent=area)
        .only("id", "ags", "name", "kind", "kind_label", "population")
        .order_by("name", "ags")
    )


def areas_filter(*, q: str = "", kind: str = "", parent_ags: str = "") -> QuerySet[Area]:
    """Areas for lists and the API: name prefix (or AGS) search, kind and parent filters.
    Ordered by match quality, then states before counties before municipalities, then population."""
    qs = _light().select_related("parent").defer(*(f"parent__{f}" for f in HEAVY))
    if kind:
        qs = qs.filter(kind=kind)
    if parent_ags:
        qs = qs.filter(parent__ags=parent_ags)
    q = (q or "").strip()
    if q and q.isdigit():
        return qs.filter(ags__startswith=q).order_by("ags")
    folded = fold_name(q)
    if folded:
        qs = qs.filter(search_name__startswith=folded).annotate(rank=_name_rank(folded))
        return qs.order_by("rank", KIND_ORDER, F("population").desc(nulls_last=True), "ags")
    return qs.order_by("ags")


def areas_search(*, q: str, limit: int = 20) -> list[Area]:
    """The search box: a PLZ gives the municipalities it touches (the geocoded one first), an AGS
    its area, anything else areas by name."""
    q = (q or "").strip()
    if not q or limit <= 0:
        return []
    results: list[Area] = []
    if PLZ_RE.match(q):
        hit = geocode_postcode(plz=q)
        if hit is not None:
            touched = list(
                _light()
                .select_related("parent")
                .defer(*(f"parent__{f}" for f in HEAVY))
                .filter(kind=AreaKind.MUNICIPALITY, postal_codes__plz=q)
                .distinct()
                .order_by(F("population").desc(nulls_last=True), "ags")
            )
            # the municipality holding the PLZ centroid first (stable sort keeps the rest in order)
            results = sorted(touched, key=lambda a: a.pk != hit.area.pk)
            if hit.area.pk not in {a.pk for a in touched}:
                results.insert(0, hit.area)
    if q.isdigit():
        known = {a.pk for a in results}
        results.extend(a for a in areas_filter().filter(ags=q) if a.pk not in known)
        return results[:limit]
    return list(areas_filter(q=q)[:limit])


def states() -> QuerySet[Area]:
    return _light().filter(kind=AreaKind.STATE).only("id", "ags", "name", "population").order_by("name")


def area_actor_q(area: Area) -> Q:
    """Actors located in ``area`` (by the state, county or municipality key of the actor)."""
    if area.kind == AreaKind.STATE:
        return Q(state_id=area.pk)
    if area.kind == AreaKind.COUNTY:
        return Q(county_id=area.pk)
    return Q(municipality_id=area.pk)


def area_actors(*, area: Area, user: Any, limit: int = 20) -> tuple[int, list[Any]]:
    """(number of actors in ``area`` visible to ``user``, the first ``limit`` of them by name)."""
    from wandelwerk.actors.visibility import actors_visible_to

    qs = actors_visible_to(user).filter(area_actor_q(area))
    items = list(qs.only("id", "name", "slug", "kind", "is_demo").order_by("name", "id")[:limit])
    count = len(items) if len(items) < limit else qs.count()
    return count, items


def display_boundary() -> Case:
    """The boundary to draw: the light one where the loader stored one (states, counties), else the
    full one (an expression to ``annotate`` with)."""
    return Case(When(boundary_light="", then=F("boundary")), default=F("boundary_light"))


def basemap_features(
    *, level: str, bbox: tuple[float, float, float, float] | None, cap: int
) -> tuple[list[tuple[str, str, str]], bool]:
    """(ags, name, GeoJSON geometry) for a base map level, light boundaries where stored; the
    municipalities inside ``bbox`` are capped at ``cap`` (most populous first). Returns the rows
    and whether the cap cut some off."""
    qs = Area.objects.filter(kind=level)
    if bbox is not None:
        min_lon, min_lat, max_lon, max_lat = bbox
        qs = qs.filter(min_lon__lte=max_lon, max_lon__gte=min_lon, min_lat__lte=max_lat, max_lat__gte=min_lat)
    rows = list(
        qs.annotate(shape=display_boundary())
        .order_by(F("population").desc(nulls_last=True), "ags")
        .values_list("ags", "name", "shape")[: cap + 1]
    )
    return [r for r in rows[:cap] if r[2]], len(rows) > cap
