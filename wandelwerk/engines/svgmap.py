"""Static SVG maps of areas (for printable reports): GeoJSON polygons → SVG path data. No Django.

Projection: equirectangular with the longitude scaled by cos(mean latitude), which keeps German
regions in shape; north is up. Paths are simplified (Douglas–Peucker, in degrees) and rounded to
one decimal of the output units, so a region of a few hundred municipalities stays small.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wandelwerk.engines.geometry import polygons, simplify


@dataclass(frozen=True, slots=True)
class Shape:
    id: str
    d: str  # SVG path data, one subpath per ring (even-odd fill keeps holes)


@dataclass(frozen=True, slots=True)
class SvgMap:
    width: float
    height: float
    shapes: tuple[Shape, ...]


def svg_map(
    features: Sequence[tuple[str, Mapping[str, Any]]],
    *,
    width: float = 600.0,
    tolerance: float | None = None,
    margin: float = 4.0,
) -> SvgMap:
    """One path per (id, GeoJSON Polygon/MultiPolygon) feature, all in one frame ``width`` wide;
    the height follows the region's shape. Features whose geometry is not a polygon are skipped
    (``ValueError`` from the geometry module is not raised); an empty input gives an empty map."""
    parts: list[tuple[str, list[Sequence[Sequence[Sequence[float]]]]]] = []
    for key, geometry in features:
        try:
            shape = simplify(geometry, tolerance) if tolerance else geometry
            parts.append((key, list(polygons(shape))))
        except (ValueError, TypeError, KeyError):
            continue
    points = [p for _k, polys in parts for poly in polys for ring in poly for p in ring]
    if not points:
        return SvgMap(width, 0.0, ())
    min_lon = min(p[0] for p in points)
    max_lon = max(p[0] for p in points)
    min_lat = min(p[1] for p in points)
    max_lat = max(p[1] for p in points)
    kx = math.cos(math.radians((min_lat + max_lat) / 2))
    span_x = max((max_lon - min_lon) * kx, 1e-9)
    span_y = max(max_lat - min_lat, 1e-9)
    scale = (width - 2 * margin) / span_x
    height = span_y * scale + 2 * margin

    def xy(p: Sequence[float]) -> str:
        return f"{(p[0] - min_lon) * kx * scale + margin:.1f} {(max_lat - p[1]) * scale + margin:.1f}"

    shapes = []
    for key, polys in parts:
        d = " ".join(
            "M" + " L".join(xy(p) for p in ring) + " Z" for poly in polys for ring in poly if len(ring) >= 3
        )
        if d:
            shapes.append(Shape(key, d))
    return SvgMap(round(width, 1), round(height, 1), tuple(shapes))
