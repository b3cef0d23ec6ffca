"""Geometry engine: containment with holes, bounding boxes, inner points, simplification, distance."""

from __future__ import annotations

import math

import pytest

from wandelwerk.engines import geometry as g


def square(x0: float, y0: float, x1: float, y1: float) -> list[list[float]]:
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]


DONUT = {"type": "Polygon", "coordinates": [square(0, 0, 10, 10), square(3, 3, 7, 7)]}
ISLANDS = {
    "type": "MultiPolygon",
    "coordinates": [[square(0, 0, 1, 1)], [square(5, 5, 9, 9), square(6, 6, 8, 8)]],
}
# A "C": open to the east, so the middle of its bounding box lies outside the shape.
C_SHAPE = {
    "type": "Polygon",
    "coordinates": [[[0, 0], [10, 0], [10, 2], [2, 2], [2, 8], [10, 8], [10, 10], [0, 10], [0, 0]]],
}


def test_point_in_ring_is_inside_and_point_in_hole_is_outside():
    assert g.contains(DONUT, 1, 1)
    assert not g.contains(DONUT, 5, 5)
    assert not g.contains(DONUT, 11, 5)
    assert not g.contains(DONUT, -0.1, 5)


def test_multipolygon_counts_every_part_and_its_holes():
    assert g.contains(ISLANDS, 0.5, 0.5)
    assert g.contains(ISLANDS, 5.5, 5.5)
    assert not g.contains(ISLANDS, 7, 7)  # in the hole of the second part
    assert not g.contains(ISLANDS, 3, 3)  # between the parts


def test_ray_through_a_vertex_is_counted_once():
    diamond = {"type": "Polygon", "coordinates": [[[0, 1], [1, 0], [2, 1], [1, 2], [0, 1]]]}
    # the ray at lat 1 passes exactly through the vertex (2, 1) – the point must still be inside
    assert g.contains(diamond, 1, 1)
    assert not g.contains(diamond, -1, 1)


def test_bbox_covers_all_parts():
    assert g.bbox(ISLANDS) == (0, 0, 9, 9)
    assert g.bbox_contains(g.bbox(DONUT), 10, 10)
    assert not g.bbox_contains(g.bbox(DONUT), 10.01, 10)


def test_unsupported_geometry_is_refused_by_name():
    with pytest.raises(ValueError, match="Point"):
        g.bbox({"type": "Point", "coordinates": [1, 2]})


@pytest.mark.parametrize("geom", [DONUT, ISLANDS, C_SHAPE], ids=["donut", "islands", "c-shape"])
def test_representative_point_lies_inside_even_when_the_bbox_centre_does_not(geom):
    lon, lat = g.representative_point(geom)
    assert g.contains(geom, lon, lat)


def test_representative_point_uses_the_largest_part_and_its_widest_stretch():
    lon, lat = g.representative_point(ISLANDS)
    assert 5 < lon < 9 and 5 < lat < 9
    lon, lat = g.representative_point(C_SHAPE)
    assert lon == pytest.approx(1.0)  # the only interior stretch at the middle line is the spine 0..2


def test_simplify_drops_points_within_tolerance_and_keeps_rings_closed():
    wiggly = [[x / 10, 0.001 * (x % 2)] for x in range(0, 101)]
    ring = [*wiggly, [10, 5], [0, 5], [0, 0]]
    result = g.simplify({"type": "Polygon", "coordinates": [ring]}, 0.01)
    outer = result["coordinates"][0]
    assert result["type"] == "Polygon"
    assert len(outer) < 10
    assert outer[0] == outer[-1]
    assert g.contains(result, 5, 2.5)


def test_simplify_drops_collapsing_parts_but_never_returns_nothing():
    tiny_and_big = {
        "type": "MultiPolygon",
        "coordinates": [[square(0, 0, 0.001, 0.001)], [square(5, 5, 9, 9)]],
    }
    result = g.simplify(tiny_and_big, 0.5)
    assert result["type"] == "Polygon"
    assert g.bbox(result) == (5, 5, 9, 9)
    only_tiny = {"type": "Polygon", "coordinates": [square(0, 0, 0.001, 0.001)]}
    assert g.simplify(only_tiny, 0.5)["coordinates"][0] == square(0, 0, 0.001, 0.001)


def test_approx_area_of_one_degree_square_at_the_equator():
    one = {"type": "Polygon", "coordinates": [square(0, -0.5, 1, 0.5)]}
    assert g.approx_area_km2(one) == pytest.approx(111.2 * 111.2, rel=0.01)
    assert g.approx_area_km2(DONUT) < g.approx_area_km2(
        {"type": "Polygon", "coordinates": [square(0, 0, 10, 10)]}
    )


def test_haversine_between_berlin_and_munich():
    assert g.haversine_km(13.4050, 52.5200, 11.5820, 48.1351) == pytest.approx(504, abs=3)
    assert g.haversine_km(10, 50, 10, 50) == 0
    assert math.isclose(g.haversine_km(0, 0, 180, 0), math.pi * g.EARTH_RADIUS_KM)
