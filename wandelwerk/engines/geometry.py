"""Plane geometry on GeoJSON polygons in WGS84 longitude/latitude, without GIS libraries.

Coordinates are ``[lon, lat]`` pairs as in GeoJSON. Polygons are lists of rings: the first ring is
the outer boundary, further rings are holes. All functions accept a GeoJSON geometry mapping of
type ``Polygon`` or ``MultiPolygon`` and raise ``ValueError`` for anything else.

The computations treat lon/lat as plane coordinates (fine for containment, bounding boxes and
display simplification of German administrative areas); distances use the haversine formula and
areas an equirectangular projection per part.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

Position = Sequence[float]
Ring = Sequence[Position]
PolygonCoords = Sequence[Ring]
BBox = tuple[float, float, float, float]
"""(min_lon, min_lat, max_lon, max_lat)"""

EARTH_RADIUS_KM = 6371.0088
_KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180.0


def polygons(geometry: Mapping[str, Any]) -> list[PolygonCoords]:
    """The polygons of a ``Polygon`` (one) or ``MultiPolygon`` (its parts); ``ValueError`` otherwise."""
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    if not isinstance(coords, list | tuple):
        raise ValueError("geometry has no coordinate list")
    if kind == "Polygon":
        return [coords]
    if kind == "MultiPolygon":
        return list(coords)
    raise ValueError(f"unsupported geometry type: {kind!r} (Polygon or MultiPolygon expected)")


def bbox(geometry: Mapping[str, Any]) -> BBox:
    """Smallest (min_lon, min_lat, max_lon, max_lat) box around all outer rings of the geometry."""
    boxes = []
    for polygon in polygons(geometry):
        if polygon and polygon[0]:
            lons = [p[0] for p in polygon[0]]
            lats = [p[1] for p in polygon[0]]
            boxes.append((min(lons), min(lats), max(lons), max(lats)))
    if not boxes:
        raise ValueError("geometry has no coordinates")
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def bbox_contains(box: BBox, lon: float, lat: float) -> bool:
    """True when the point lies inside the box or on its edge."""
    return box[0] <= lon <= box[2] and box[1] <= lat <= box[3]


def _ring_contains(ring: Ring, lon: float, lat: float) -> bool:
    """Ray casting (even-odd rule) with a horizontal ray towards +lon.

    An edge counts when exactly one of its ends lies strictly above the point's latitude; the
    half-open rule counts a vertex on the ray once, so points are never counted twice.
    """
    inside = False
    n = len(ring)
    if n < 3:
        return False
    x1, y1 = ring[n - 1][0], ring[n - 1][1]
    for i in range(n):
        x2, y2 = ring[i][0], ring[i][1]
        if (y2 > lat) != (y1 > lat):
            x_cross = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
            if lon < x_cross:
                inside = not inside
        x1, y1 = x2, y2
    return inside


def polygon_contains(polygon: PolygonCoords, lon: float, lat: float) -> bool:
    """True when the point is inside the outer ring and in none of the holes."""
    if not polygon or not _ring_contains(polygon[0], lon, lat):
        return False
    return not any(_ring_contains(hole, lon, lat) for hole in polygon[1:])


def contains(geometry: Mapping[str, Any], lon: float, lat: float) -> bool:
    """Point-in-polygon for a Polygon or MultiPolygon with holes (ray casting, even-odd rule).

    Points exactly on an edge may count as inside or outside; a point on the border of two
    tiling areas belongs to exactly one of them for non-horizontal shared edges.
    """
    return any(polygon_contains(p, lon, lat) for p in polygons(geometry))


def ring_area(ring: Ring) -> float:
    """Signed planar area of a ring in square degrees (shoelace; counter-clockwise positive)."""
    total = 0.0
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i][0], ring[i][1]
        x2, y2 = ring[(i + 1) % n][0], ring[(i + 1) % n][1]
        total += x1 * y2 - x2 * y1
    return total / 2.0


def polygon_area(polygon: PolygonCoords) -> float:
    """Planar area of a polygon in square degrees: the outer ring minus its holes."""
    if not polygon:
        return 0.0
    return abs(ring_area(polygon[0])) - sum(abs(ring_area(h)) for h in polygon[1:])


def largest_polygon(geometry: Mapping[str, Any]) -> PolygonCoords:
    """The part with the largest planar area (the first one on ties)."""
    parts = polygons(geometry)
    if not parts:
        raise ValueError("geometry has no polygons")
    return max(parts, key=polygon_area)


def approx_area_km2(geometry: Mapping[str, Any]) -> float:
    """Area in km², each part projected equirectangularly at its own mean latitude.

    Accurate to well under 1 % for areas the size of a German county; meant as a fallback where
    no official area figure exists.
    """
    total = 0.0
    for polygon in polygons(geometry):
        if not polygon or not polygon[0]:
            continue
        mean_lat = sum(p[1] for p in polygon[0]) / len(polygon[0])
        scale = _KM_PER_DEGREE * _KM_PER_DEGREE * math.cos(math.radians(mean_lat))
        total += polygon_area(polygon) * scale
    return total


def _crossings(polygon: PolygonCoords, lat: float) -> list[float]:
    """Longitudes where the horizontal line at ``lat`` crosses any ring (same rule as ray casting)."""
    xs: list[float] = []
    for ring in polygon:
        n = len(ring)
        if n < 3:
            continue
        x1, y1 = ring[n - 1][0], ring[n - 1][1]
        for i in range(n):
            x2, y2 = ring[i][0], ring[i][1]
            if (y2 > lat) != (y1 > lat):
                xs.append(x1 + (lat - y1) * (x2 - x1) / (y2 - y1))
            x1, y1 = x2, y2
    xs.sort()
    return xs


def _widest_segment(polygon: PolygonCoords, lat: float) -> tuple[float, float] | None:
    """(width, mid-longitude) of the widest interior segment of the line at ``lat``, if any."""
    xs = _crossings(polygon, lat)
    best: tuple[float, float] | None = None
    for i in range(0, len(xs) - 1, 2):
        width = xs[i + 1] - xs[i]
        if width > 0 and (best is None or width > best[0]):
            best = (width, (xs[i] + xs[i + 1]) / 2.0)
    return best


def representative_point(geometry: Mapping[str, Any]) -> tuple[float, float]:
    """A (lon, lat) point inside the geometry, suitable as a label or marker position.

    Takes the largest part, draws a horizontal line through the middle of its bounding box and
    returns the middle of the widest interior stretch of that line (between holes and edges).
    When the middle line only touches vertices, further lines (at 1/4, 3/4, 1/8, …) are tried.
    The result satisfies ``contains(geometry, lon, lat)``. Raises ``ValueError`` for an empty or
    degenerate geometry.
    """
    polygon = largest_polygon(geometry)
    if not polygon or len(polygon[0]) < 3:
        raise ValueError("geometry has no usable polygon")
    lats = [p[1] for p in polygon[0]]
    lo, hi = min(lats), max(lats)
    height = hi - lo
    if height <= 0:
        raise ValueError("polygon has no height")
    fractions = [0.5]
    for depth in range(2, 8):
        step = 1.0 / 2**depth
        fractions.extend(step * k for k in range(1, 2**depth, 2))
    for fraction in fractions:
        lat = lo + height * fraction
        found = _widest_segment(polygon, lat)
        if found is not None:
            mid_lon = found[1]
            if polygon_contains(polygon, mid_lon, lat):
                return (mid_lon, lat)
    raise ValueError("no interior point found")


def simplify_line(points: Sequence[Position], tolerance: float) -> list[list[float]]:
    """Douglas–Peucker: keeps the end points and every point farther than ``tolerance`` (degrees)
    from the simplified line. Iterative, so long lines do not hit the recursion limit."""
    n = len(points)
    if n <= 2 or tolerance <= 0:
        return [[p[0], p[1]] for p in points]
    keep = [False] * n
    keep[0] = keep[n - 1] = True
    tol_sq = tolerance * tolerance
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    stack = [(0, n - 1)]
    while stack:
        first, last = stack.pop()
        ax, ay = xs[first], ys[first]
        dx, dy = xs[last] - ax, ys[last] - ay
        length_sq = dx * dx + dy * dy
        max_d, index = -1.0, -1
        for i in range(first + 1, last):
            # squared distance from point i to the segment first–last (inlined for speed)
            px, py = xs[i] - ax, ys[i] - ay
            if length_sq == 0.0:
                d = px * px + py * py
            else:
                t = (px * dx + py * dy) / length_sq
                t = 0.0 if t < 0.0 else 1.0 if t > 1.0 else t
                ex, ey = px - t * dx, py - t * dy
                d = ex * ex + ey * ey
            if d > max_d:
                max_d, index = d, i
        if index >= 0 and max_d > tol_sq:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [[points[i][0], points[i][1]] for i in range(n) if keep[i]]


def simplify_ring(ring: Ring, tolerance: float) -> list[list[float]] | None:
    """A closed ring simplified with Douglas–Peucker, or None when it collapses below a triangle.

    The ring is split at its first point and at the point farthest from it, so the two halves
    keep the ring's extent."""
    if len(ring) < 4:
        return None
    open_ring = list(ring[:-1]) if list(ring[0]) == list(ring[-1]) else list(ring)
    if len(open_ring) < 3:
        return None
    start = open_ring[0]
    far = max(
        range(len(open_ring)),
        key=lambda i: (open_ring[i][0] - start[0]) ** 2 + (open_ring[i][1] - start[1]) ** 2,
    )
    first_half = simplify_line(open_ring[: far + 1], tolerance)
    second_half = simplify_line([*open_ring[far:], start], tolerance)
    result = first_half + second_half[1:]
    if len(result) < 4:
        return None
    return result


def simplify(geometry: Mapping[str, Any], tolerance: float) -> dict[str, Any]:
    """Douglas–Peucker simplification of a Polygon/MultiPolygon for light display maps.

    ``tolerance`` is in degrees. Holes and parts that would collapse are dropped, except that the
    largest part always survives (unsimplified if it would collapse), so the result is never
    empty. The result may self-intersect slightly; use it for drawing, not for containment.
    """
    parts = polygons(geometry)
    kept: list[list[list[list[float]]]] = []
    for polygon in parts:
        if not polygon:
            continue
        outer = simplify_ring(polygon[0], tolerance)
        if outer is None:
            continue
        holes = [h for h in (simplify_ring(r, tolerance) for r in polygon[1:]) if h is not None]
        kept.append([outer, *holes])
    if not kept:
        biggest = largest_polygon(geometry)
        kept.append([[[p[0], p[1]] for p in biggest[0]]])
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


def haversine_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in kilometres between two lon/lat points (mean earth radius)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
