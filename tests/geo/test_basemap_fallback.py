"""Base maps work for geography made without the loader (e.g. the shared test factories)."""

from __future__ import annotations

import json


def test_base_map_falls_back_to_the_full_boundary_where_no_light_one_is_stored(client, geo):
    # given areas made by the factories, which store no simplified boundary
    assert not any(area.boundary_light for area in geo.values())

    # when the county base map is requested, then their full boundaries are used
    collection = json.loads(client.get("/regionen/karte/county.geojson").content)
    assert {f["properties"]["ags"] for f in collection["features"]} == {"14524", "14626"}
    assert all(f["geometry"]["type"] == "Polygon" for f in collection["features"])
