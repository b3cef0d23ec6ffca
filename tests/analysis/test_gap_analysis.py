"""Gap figures from the database: counts, peers, white spots, networks — checked by hand."""

from __future__ import annotations

import math
import pickle

import pytest

from tests.factories import NetworkFactory
from wandelwerk.analysis import gapdata, selectors

pytestmark = pytest.mark.django_db


def test_counts_are_public_published_actors_per_municipality_and_key(gap_world):
    counts = gapdata.actor_counts()
    assert counts[("14524060", "energie")] == 2
    assert counts[("14626610", "energie")] == 3
    assert counts[("14524060", "sector:business")] == 2
    assert counts[("14626610", "kind:initiative")] == 3
    assert counts[("14626610", "sector:civil_society")] == 3
    assert ("14524330", "energie") not in counts  # members-only and pending actors do not count


def test_expected_count_uses_peers_of_the_same_type_without_the_area(gap_world):
    table = gapdata.compute_gap_table()
    # Zwickau: peers Crimmitschau + Zittau: 5 actors / 43,000 inhabitants × 87,000 = 10.116
    row = table.row("14524330", "energie")
    assert row.count == 0
    assert row.expected == pytest.approx(5 / 43_000 * 87_000)
    assert row.white_spot
    # Crimmitschau: 3 / 112,000 × 18,000 = 0.48 < 1 expected: no white spot
    crim = table.row("14524060", "energie")
    assert crim.expected == pytest.approx(3 / 112_000 * 18_000)
    assert not crim.white_spot
    # the county sums its municipalities; its type is derived from them
    assert table.row("14524", "energie").count == 2


def test_county_type_is_the_type_where_most_inhabitants_live():
    rows = [(1, 10, 5000, 77), (2, 10, 6000, 75), (3, 10, 2000, 77), (4, 11, 100, 74), (5, 11, 100, 73)]
    assert gapdata.county_types(rows) == {10: 77, 11: 73}  # 7,000 in 77 > 6,000; tie → more urban


def test_network_is_an_aggregate_of_its_areas(gap_world):
    NetworkFactory(slug="netz-zwickau", areas=[gap_world["zwickau_lk"]])
    table = gapdata.compute_gap_table()
    assert table.row("network:netz-zwickau", "energie").count == 2
    assert table.row("network:netz-zwickau", "energie").population == 105_000


def test_overview_lists_the_white_spot_with_helpers_nearby(gap_world):
    network = NetworkFactory(slug="netz-zwickau", areas=[gap_world["zwickau_lk"]])
    overview = selectors.gap_overview(network=network)
    assert overview.in_scope
    spot = next(s for s in overview.spots if s.row.key == "energie")
    assert (spot.row.area_id, spot.area_name) == ("14524330", "Zwickau, Stadt")
    # Crimmitschau is ~13 km away and has 2 energy actors
    assert [h.name for h in spot.helpers] == ["Crimmitschau, Stadt"]
    assert spot.helpers[0].actors_url == "/akteure/?area=14524060&topic=energie"
    total = next(t for t in overview.totals if t.key == "energie")
    assert (total.count, total.white_spots) == (2, 1)


def test_region_without_actors_in_its_state_is_out_of_scope(geo):
    overview = selectors.gap_overview(area=geo["zwickau_lk"])
    assert not overview.in_scope and overview.spots == []


def test_table_is_cached_until_actors_change(gap_world, django_assert_max_num_queries):
    first = gapdata.gap_table()
    with django_assert_max_num_queries(6):  # only the data version
        assert gapdata.gap_table().keys == first.keys
    from tests.factories import make_actor

    make_actor(gap_world["zwickau"], topics=[gap_world["topic"]], name="Neu")
    assert gapdata.gap_table().row("14524330", "energie").count == 1
    assert pickle.loads(pickle.dumps(first)).keys == first.keys  # noqa: S301 - own data


def test_matrix_classes_say_how_a_cell_compares(gap_world):
    region = selectors.region_for(area=gap_world["sn"])
    m = selectors.matrix(region, group="topics")
    assert [r.ags for r in m.rows] == ["14524", "14626"]  # a state's units are its counties
    assert selectors.gap_class(expected=None, ratio=None, white_spot=False) == "none"
    assert selectors.gap_class(expected=2.0, ratio=0.5, white_spot=False) == "below"
    assert selectors.gap_class(expected=2.0, ratio=1.0, white_spot=False) == "par"
    assert selectors.gap_class(expected=2.0, ratio=math.inf, white_spot=False) == "above"
    assert selectors.gap_class(expected=2.0, ratio=0.0, white_spot=True) == "spot"
