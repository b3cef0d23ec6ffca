"""Synthetic ties and flows for the analysis benchmarks: deterministic, well-formed, shaped like a
regional network; and circular matching's expanding search equals the full search on them."""

from __future__ import annotations

import numpy as np
import pytest

from wandelwerk.engines import circular_search
from wandelwerk.engines.circular import Direction, Params, match, prepare
from wandelwerk.engines.circular_grid import haversine_km
from wandelwerk.engines.synth_flows import generate_flows
from wandelwerk.engines.synth_ties import TieMix, generate_ties, scatter_actors

# a few "municipalities" in Saxony: lat, lon, population, RegioStaR 7
MUNIS = np.array(
    [
        (51.34, 12.37, 600_000, 71),  # Leipzig
        (51.05, 13.74, 560_000, 71),  # Dresden
        (50.83, 12.92, 245_000, 72),  # Chemnitz
        (50.92, 13.34, 40_000, 75),  # Freiberg
        (51.18, 14.42, 35_000, 76),  # Bautzen
        (50.58, 12.70, 8_000, 77),
        (51.44, 14.25, 3_000, 77),
        (50.72, 12.49, 90_000, 73),  # Zwickau
    ]
)


def actors(count: int, seed: int = 3) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return scatter_actors(MUNIS[:, 0], MUNIS[:, 1], MUNIS[:, 2], MUNIS[:, 3], count=count, seed=seed)


def test_same_seed_gives_the_same_ties_and_another_seed_other_ties():
    # given actors, when ties are drawn twice with one seed and once with another
    _, lat, lon = actors(3_000)
    a = generate_ties(lat, lon, count=20_000, seed=5)
    b = generate_ties(lat, lon, count=20_000, seed=5)
    c = generate_ties(lat, lon, count=20_000, seed=6)
    # then the first two are equal and the third differs
    assert (
        np.array_equal(a.src, b.src) and np.array_equal(a.dst, b.dst) and np.array_equal(a.weight, b.weight)
    )
    assert not np.array_equal(a.src, c.src)


def test_ties_have_the_requested_size_no_self_loops_no_duplicates_and_positive_weights():
    # given 3,000 actors, when 20,000 ties are drawn
    _, lat, lon = actors(3_000)
    ties = generate_ties(lat, lon, count=20_000, seed=1)
    # then there are exactly that many, each an ordered pair of valid indices, once, weighted 1-5
    assert len(ties) == 20_000
    assert np.all(ties.src < ties.dst)
    assert ties.src.min() >= 0 and ties.dst.max() < 3_000
    keys = ties.src * 3_000 + ties.dst
    assert np.unique(keys).shape[0] == 20_000
    assert np.all(np.diff(keys) > 0)  # sorted by (src, dst)
    assert set(np.unique(ties.weight).tolist()) <= {1.0, 2.0, 3.0, 4.0, 5.0}


def test_degrees_are_heavy_tailed_with_isolated_actors():
    # given 5,000 actors with 40,000 ties (mean degree 16)
    _, lat, lon = actors(5_000)
    ties = generate_ties(lat, lon, count=40_000, seed=2)
    degree = np.bincount(np.r_[ties.src, ties.dst], minlength=5_000)
    # then about 5 % have no tie, and the busiest actors have many times the median degree
    assert 0.03 <= np.mean(degree == 0) <= 0.08
    assert degree.max() >= 8 * np.median(degree[degree > 0])
    assert np.percentile(degree, 99) >= 3 * np.median(degree[degree > 0])


def test_most_ties_are_local_and_a_few_are_long_bridges():
    # given actors across Saxony, when ties are drawn
    _, lat, lon = actors(5_000)
    ties = generate_ties(lat, lon, count=40_000, seed=4)
    km = haversine_km(lat[ties.src], lon[ties.src], lat[ties.dst], lon[ties.dst])
    rng = np.random.default_rng(0)
    i, j = rng.integers(0, 5_000, 40_000), rng.integers(0, 5_000, 40_000)
    random_km = haversine_km(lat[i], lon[i], lat[j], lon[j])
    # then ties are much shorter than random pairs, yet some span the region
    assert np.median(km) < 0.3 * np.median(random_km)
    assert np.mean(km > 60) > 0.005


def test_small_inputs_give_as_many_ties_as_possible_and_degenerate_inputs_none():
    # given 10 actors (at most 45 pairs), when 1,000 ties are asked for
    _, lat, lon = actors(10)
    ties = generate_ties(lat, lon, count=1_000, seed=1, mix=TieMix(isolated=0.0))
    # then at most every pair once
    assert 0 < len(ties) <= 45
    assert len(generate_ties([], [], count=10)) == 0
    assert len(generate_ties([51.0], [13.0], count=10)) == 0
    assert len(generate_ties(lat, lon, count=0)) == 0


def test_bad_input_is_refused_with_a_clear_error():
    with pytest.raises(ValueError, match="differ in length"):
        generate_ties([51.0, 52.0], [13.0], count=1)
    with pytest.raises(ValueError, match="finite coordinates"):
        generate_ties([51.0, float("nan")], [13.0, 13.1], count=1)
    with pytest.raises(ValueError, match="must not be negative"):
        generate_ties([51.0, 52.0], [13.0, 13.1], count=-1)


def test_scattered_actors_follow_population_and_stay_near_their_municipality():
    # given the municipalities, when 20,000 actors are placed
    muni, lat, lon = actors(20_000)
    share = np.bincount(muni, minlength=len(MUNIS)) / 20_000
    # then the big cities get most actors and every actor is within a few km of its point
    assert share[0] > 10 * share[6]
    km = haversine_km(lat, lon, MUNIS[muni, 0], MUNIS[muni, 1])
    assert np.percentile(km, 99) < 10


def test_flows_are_deterministic_valid_and_about_half_outputs():
    # given actors, when 4,000 flows are generated twice with the same seed
    muni, lat, lon = actors(2_000)
    regions = [f"r{m}" for m in muni.tolist()]
    flows = generate_flows(np.arange(1, 2_001), lat, lon, count=4_000, seed=7, regions=regions)
    again = generate_flows(np.arange(1, 2_001), lat, lon, count=4_000, seed=7, regions=regions)
    # then they are equal, numbered 1 … n, every one can be matched, and outputs ≈ inputs
    assert flows == again
    assert [f.id for f in flows] == list(range(1, 4_001))
    assert all(not isinstance(prepare(f), str) for f in flows)
    outputs = sum(f.direction is Direction.OUTPUT for f in flows)
    assert 0.45 < outputs / 4_000 < 0.55
    assert any(f.avv_code for f in flows) and any(f.months for f in flows) and any(f.start for f in flows)
    assert {f.unit for f in flows} >= {"t", "kg", "m3", "MWh", "pieces"}
    quantities = np.array([f.quantity for f in flows if f.unit == "t"])
    assert quantities.max() > 50 * np.median(quantities)  # heavy tail


def test_expanding_search_gives_exactly_the_full_search_result(monkeypatch):
    # given dense flows (3,000 in a few towns), when matched with the expanding search and with
    # the plain full search (first reach = everything)
    _, lat, lon = actors(1_000, seed=9)
    flows = generate_flows(np.arange(1, 1_001), lat, lon, count=3_000, seed=9)
    fast = match(flows, Params(max_km=40.0, top_k=5))
    monkeypatch.setattr(circular_search, "FIRST_REACH_SHARE", 1e9)
    full = match(flows, Params(max_km=40.0, top_k=5))
    # then matches, scores, distances and leftovers are identical
    assert len(full.matches) > 100
    assert fast.matches == full.matches
    assert fast.unmatched_supply == full.unmatched_supply
