"""Static SVG maps: projection, frame, holes and bad input."""

from __future__ import annotations

import re

from wandelwerk.engines.svgmap import svg_map


def _square(lon: float, lat: float, half: float) -> dict:
    ring = [
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
    ]
    return {"type": "Polygon", "coordinates": [ring + [ring[0]]]}


def _numbers(d: str) -> list[float]:
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", d)]


def test_two_squares_fill_the_frame_with_north_up_and_longitude_shrunk_by_latitude():
    west, east = _square(12.0, 50.0, 0.1), _square(13.0, 50.0, 0.1)
    result = svg_map([("w", west), ("e", east)], width=400, margin=0)
    assert [s.id for s in result.shapes] == ["w", "e"]
    xs = _numbers(result.shapes[0].d)[0::2] + _numbers(result.shapes[1].d)[0::2]
    ys = _numbers(result.shapes[0].d)[1::2]
    assert min(xs) == 0.0 and max(xs) == 400.0
    # 1.2° of longitude at 50° N is 1.2·cos(50°) ≈ 0.771 "degrees", against 0.2° of latitude
    assert abs(result.height - 400 * 0.2 / (1.2 * 0.6428)) < 0.5
    # the first corner (south-west) is at the bottom: larger y than the north edge
    assert ys[0] > ys[2]


def test_holes_become_subpaths_and_bad_geometries_are_skipped():
    donut = _square(12.0, 50.0, 0.2)
    donut["coordinates"].append(_square(12.0, 50.0, 0.05)["coordinates"][0])
    result = svg_map([("donut", donut), ("bad", {"type": "Point", "coordinates": [1, 2]})])
    assert [s.id for s in result.shapes] == ["donut"]
    assert result.shapes[0].d.count("M") == 2 and result.shapes[0].d.count("Z") == 2


def test_empty_input_gives_an_empty_map():
    result = svg_map([])
    assert result.shapes == () and result.height == 0.0
