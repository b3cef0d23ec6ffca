"""Circular material matching engine: taxonomy, normalisation, matching, CO2e, potentials."""

import random
from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wandelwerk.engines.circular import (
    ROAD_DETOUR_FACTOR,
    TRUCK_KG_CO2E_PER_TKM,
    Direction,
    Flow,
    Frequency,
    MatchResult,
    Params,
    annual_quantity,
    feasible_pairs,
    match,
)
from wandelwerk.engines.circular_grid import haversine_km
from wandelwerk.engines.circular_summary import potentials, value_chains
from wandelwerk.engines.circular_taxonomy import (
    CLASSES,
    COMPATIBILITY,
    MaterialClass,
    classify_avv,
    parse_avv,
    to_base_unit,
)

M = MaterialClass
OUT, IN = Direction.OUTPUT, Direction.INPUT
FREIBERG = (50.9167, 13.3417)


def flow(id, actor, direction, qty=10.0, material=M.WOOD, lat=FREIBERG[0], lon=FREIBERG[1], **kw):
    return Flow(id, actor, direction, qty, kw.pop("unit", "t"), material=material, lat=lat, lon=lon, **kw)


def km_north(km):
    """Latitude of a point ``km`` north of Freiberg."""
    return FREIBERG[0] + km / 111.195


# --- taxonomy ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("17 01 01", M.RUBBLE),
        ("170201", M.WOOD),
        ("02 01 06", M.MANURE),
        ("20 01 08", M.FOOD),
        ("15 01 01", M.PAPER),
        ("15 01 07", M.GLASS),
        ("17 01 99", M.RUBBLE),  # unknown entry: sub-chapter 17 01
        ("17 09 04", M.RUBBLE),  # unknown sub-chapter: chapter 17
        ("02 07 99", M.FOOD),  # sub-chapter wins over chapter 02 (biomass)
        ("99 99 99", None),
    ],
)
def test_avv_codes_map_to_classes_with_subchapter_and_chapter_fallbacks(code, expected):
    assert classify_avv(code) == expected


def test_avv_parsing_marks_hazardous_codes_and_rejects_malformed_ones():
    assert parse_avv("17 06 05*").hazardous is True
    assert parse_avv("17 01 01").code == "170101"
    with pytest.raises(ValueError, match="'1701'"):
        parse_avv("1701")


def test_every_class_has_german_and_english_labels_and_matches_itself():
    for material, info in CLASSES.items():
        assert info.label_de and info.label_en and info.label_de != material.value
        assert COMPATIBILITY[(material, material)] == 1.0
    assert (M.WOOD, M.HEAT) not in COMPATIBILITY  # burning wood is not circular reuse
    assert all(0 < q <= 1 for q in COMPATIBILITY.values())


def test_units_convert_to_the_base_unit_of_the_class():
    assert to_base_unit(M.RUBBLE, 2, "m3") == (3.0, "t")
    assert to_base_unit(M.METAL, 500, "kg") == (0.5, "t")
    assert to_base_unit(M.HEAT, 1000, "kWh") == (1.0, "MWh")
    assert to_base_unit(M.HEAT, 36, "GJ")[0] == pytest.approx(10.0)
    assert to_base_unit(M.TEXTILES, 40, "pieces") == (40, "pieces")
    with pytest.raises(ValueError, match="'MWh'.*'rubble'"):
        to_base_unit(M.RUBBLE, 1, "MWh")
    with pytest.raises(ValueError, match="'m3'.*'heat'"):
        to_base_unit(M.HEAT, 1, "m3")
    with pytest.raises(ValueError, match="unknown unit 'bags'"):
        to_base_unit(M.WOOD, 1, "bags")


def test_annualisation_by_frequency_and_season():
    assert annual_quantity(2, Frequency.ONCE) == 2
    assert annual_quantity(2, Frequency.WEEKLY) == pytest.approx(2 * 365.25 / 7)
    assert annual_quantity(2, Frequency.MONTHLY) == 24
    assert annual_quantity(2, Frequency.MONTHLY, frozenset({4, 5, 6})) == 6
    assert annual_quantity(2, Frequency.YEARLY, frozenset({4})) == 2


# --- normalisation and skipping ------------------------------------------------


def test_unusable_flows_are_skipped_with_a_reason_and_never_matched():
    flows = [
        flow(1, 1, OUT, lat=None, lon=None),
        flow(2, 1, OUT, qty=0),
        Flow(3, 1, OUT, 5, "t", avv_code="17 06 05*", lat=50.9, lon=13.3),
        Flow(4, 1, OUT, 5, "t", avv_code="99 99 99", lat=50.9, lon=13.3),
        flow(5, 1, OUT, unit="MWh"),
        flow(6, 1, OUT, start=date(2026, 5, 1), end=date(2026, 4, 1)),
        flow(7, 1, OUT, lat=95.0),
        Flow(8, 1, OUT, 5, "t"),
        flow(9, 2, IN, qty=1000),
    ]
    result = match(flows)
    reasons = {s.flow_id: s.reason for s in result.skipped}
    assert reasons[1] == "no location"
    assert "positive" in reasons[2]
    assert "hazardous" in reasons[3]
    assert "no material class" in reasons[4]
    assert "'MWh'" in reasons[5]
    assert "ends before it starts" in reasons[6]
    assert "out of range" in reasons[7]
    assert "no material class and no AVV code" in reasons[8]
    assert result.matches == []
    assert result.unmatched_supply == {1: 10.0}  # located nowhere, but still regional supply


def test_duplicate_flow_ids_are_rejected():
    with pytest.raises(ValueError, match="unique"):
        match([flow(1, 1, OUT), flow(1, 2, IN)])


def test_empty_and_one_sided_inputs_give_no_matches():
    assert match([]) == MatchResult([], [], {})
    result = match([flow(1, 1, OUT, qty=3, frequency=Frequency.MONTHLY)])
    assert result.matches == [] and result.unmatched_supply == {1: 36.0}


# --- matching ------------------------------------------------------------------


def test_manure_goes_to_the_nearby_biogas_plant_with_a_co2e_estimate():
    flows = [
        flow(1, 10, OUT, qty=400, material=M.MANURE, frequency=Frequency.YEARLY),
        flow(2, 20, IN, qty=300, material=M.BIOMASS, lat=km_north(10)),
    ]
    [m] = match(flows).matches
    assert (m.output_id, m.input_id, m.quantity, m.unit) == (1, 2, 300, "t")
    assert m.distance_km == pytest.approx(10, abs=0.01)
    assert m.transport_kg_co2e == pytest.approx(
        300 * m.distance_km * ROAD_DETOUR_FACTOR * TRUCK_KG_CO2E_PER_TKM
    )
    assert m.avoided_kg_co2e == pytest.approx(300 * 0.6 * CLASSES[M.BIOMASS].avoided_kg_co2e_per_unit)
    assert m.net_saving_kg_co2e == pytest.approx(m.avoided_kg_co2e - m.transport_kg_co2e)


def test_incompatible_classes_same_actor_and_far_away_flows_do_not_match():
    flows = [
        flow(1, 1, OUT, material=M.WOOD),
        flow(2, 2, IN, material=M.HEAT, unit="MWh"),  # wood is not burnt for heat
        flow(3, 1, IN, material=M.WOOD),  # own input: internal, not an exchange
        flow(4, 3, IN, material=M.WOOD, lat=km_north(60)),  # beyond 50 km
    ]
    assert match(flows).matches == []


def test_heat_travels_only_a_few_kilometres_and_has_no_truck_emissions():
    heat = [flow(1, 1, OUT, qty=100, material=M.HEAT, unit="MWh")]
    near = [flow(2, 2, IN, qty=50, material=M.HEAT, unit="MWh", lat=km_north(4))]
    far = [flow(3, 3, IN, qty=50, material=M.HEAT, unit="MWh", lat=km_north(6))]
    [m] = match(heat + near + far).matches
    assert m.input_id == 2 and m.transport_kg_co2e == 0.0


def test_distance_limit_includes_the_radius_and_zero_radius_matches_only_the_same_place():
    flows = [flow(1, 1, OUT), flow(2, 2, IN, lat=km_north(20))]
    km = haversine_km(*map(_arr, (FREIBERG[0], FREIBERG[1], km_north(20), FREIBERG[1])))[0]
    assert (1, 2) in feasible_pairs(flows, Params(max_km=km + 1e-6))
    assert feasible_pairs(flows, Params(max_km=km - 1e-3)) == {}
    same_place = [flow(1, 1, OUT), flow(2, 2, IN)]
    assert feasible_pairs(same_place, Params(max_km=0.0)) == {(1, 2): (0.0, 1.0)}


def test_pieces_match_only_pieces_and_have_no_co2e():
    flows = [
        flow(1, 1, OUT, qty=20, material=M.TEXTILES, unit="pieces"),
        flow(2, 2, IN, qty=5, material=M.TEXTILES, unit="t"),
        flow(3, 3, IN, qty=5, material=M.TEXTILES, unit="pieces"),
    ]
    [m] = match(flows).matches
    assert (m.input_id, m.quantity, m.net_saving_kg_co2e) == (3, 5, None)


@pytest.mark.parametrize(
    ("out_period", "in_period", "matches"),
    [
        ({"start": date(2026, 1, 1), "end": date(2026, 3, 31)}, {"start": date(2026, 4, 1)}, False),
        ({"start": date(2026, 1, 1), "end": date(2026, 4, 1)}, {"start": date(2026, 4, 1)}, True),
        ({"months": frozenset({1, 2})}, {"months": frozenset({3})}, False),
        ({"months": frozenset({1, 2})}, {"months": frozenset({2, 3})}, True),
        ({}, {"end": date(2020, 1, 1)}, True),
    ],
)
def test_timing_must_overlap(out_period, in_period, matches):
    flows = [flow(1, 1, OUT, **out_period), flow(2, 2, IN, **in_period)]
    assert bool(match(flows).matches) is matches


def test_partial_timing_overlap_lowers_the_score():
    full = feasible_pairs([flow(1, 1, OUT), flow(2, 2, IN)])[(1, 2)][1]
    half = feasible_pairs(
        [flow(1, 1, OUT, months=frozenset({1, 2})), flow(2, 2, IN, months=frozenset({2, 3}))]
    )[(1, 2)][1]
    assert half == pytest.approx(full / 2)


def test_equal_offers_are_allocated_to_the_lower_id_first_regardless_of_input_order():
    flows = [flow(7, 1, OUT, qty=10), flow(3, 2, OUT, qty=10), flow(5, 3, IN, qty=10)]
    for _ in range(3):
        random.Random(_).shuffle(flows)
        result = match(flows)
        assert [(m.output_id, m.input_id, m.quantity) for m in result.matches] == [(3, 5, 10)]
        assert result.unmatched_supply == {3: 0.0, 7: 10.0}


def test_potentials_and_value_chains_summarise_supply_and_matches():
    flows = [
        flow(1, 1, OUT, qty=100, material=M.FOOD, region="14522"),
        flow(2, 2, IN, qty=30, material=M.BIOMASS, region="14522"),
        flow(3, 3, OUT, qty=5, material=M.GLASS, region="14522", lat=None, lon=None),
        flow(4, 4, OUT, qty=8, material=M.FOOD, region="14511", lat=km_north(200)),
    ]
    result = match(flows)
    assert [(p.region, p.material, p.quantity) for p in potentials(flows, result)] == [
        ("14522", M.FOOD, 70),
        ("14511", M.FOOD, 8),
        ("14522", M.GLASS, 5),
    ]
    [link] = value_chains(result)
    assert (link.source, link.target, link.unit, link.quantity, link.matches) == (
        M.FOOD,
        M.BIOMASS,
        "t",
        30,
        1,
    )


# --- property: equals a brute-force reference --------------------------------------

CLASS_CHOICES = [M.WOOD, M.BIOMASS, M.MANURE, M.FOOD, M.HEAT]


@st.composite
def flow_sets(draw):
    n = draw(st.integers(0, 14))
    ids = draw(st.lists(st.integers(1, 500), min_size=n, max_size=n, unique=True))
    flows = []
    for i in ids:
        material = draw(st.sampled_from(CLASS_CHOICES))
        start = draw(st.none() | st.integers(0, 40).map(lambda d: date(2026, 1, 1 + d % 28)))
        end = draw(st.none() | st.integers(0, 40).map(lambda d: date(2026, 2, 1 + d % 28)))
        months = draw(st.none() | st.frozensets(st.integers(1, 12), min_size=1, max_size=4))
        flows.append(
            Flow(
                i,
                draw(st.integers(1, 4)),
                draw(st.sampled_from([OUT, IN])),
                draw(st.sampled_from([0.0, 1.0, 2.5, 10.0, 40.0])),
                "MWh" if material is M.HEAT else draw(st.sampled_from(["t", "kg", "m3"])),
                draw(st.sampled_from(list(Frequency))),
                material=material,
                lat=50.8 + draw(st.integers(0, 8)) * 0.05,
                lon=13.2 + draw(st.integers(0, 8)) * 0.07,
                start=start,
                end=end,
                months=months,
            )
        )
    return flows


def _arr(x):
    return np.array([x], dtype=float)


def brute_force_pairs(flows, max_km):
    def days(f):
        return (f.start.toordinal() if f.start else -(10**9), f.end.toordinal() if f.end else 10**9)

    pairs = set()
    for o in flows:
        for i in flows:
            if o.direction is not OUT or i.direction is not IN or o.actor_id == i.actor_id:
                continue
            if o.quantity <= 0 or i.quantity <= 0 or (o.material, i.material) not in COMPATIBILITY:
                continue
            if to_base_unit(o.material, 1, o.unit)[1] != to_base_unit(i.material, 1, i.unit)[1]:
                continue
            (os_, oe), (is_, ie) = days(o), days(i)
            if os_ > oe or is_ > ie or min(oe, ie) < max(os_, is_):
                continue
            if not (o.months or set(range(1, 13))) & (i.months or set(range(1, 13))):
                continue
            caps = [c for c in (max_km, CLASSES[o.material].max_km, CLASSES[i.material].max_km) if c]
            km = haversine_km(_arr(o.lat), _arr(o.lon), _arr(i.lat), _arr(i.lon))[0]
            if km <= min(caps):
                pairs.add((o.id, i.id))
    return pairs


def reference_greedy(flows, scored):
    left = {f.id: _annual(f) for f in flows}
    allocation = {}
    for (o, i), _ in sorted(scored.items(), key=lambda kv: (-kv[1][1], kv[0][0], kv[0][1])):
        qty = min(left[o], left[i])
        if qty > 0:
            left[o] -= qty
            left[i] -= qty
            allocation[(o, i)] = qty
    return allocation


def _annual(f):
    return annual_quantity(to_base_unit(f.material, f.quantity, f.unit)[0], f.frequency, f.months)


@settings(max_examples=150, deadline=None)
@given(flow_sets(), st.sampled_from([3.0, 8.0, 30.0]))
def test_matching_equals_brute_force_and_never_over_allocates(flows, max_km):
    params = Params(max_km=max_km, top_k=None)
    scored = feasible_pairs(flows, params)
    assert set(scored) == brute_force_pairs(flows, max_km)
    result = match(flows, params)
    got = {(m.output_id, m.input_id): m.quantity for m in result.matches}
    assert got == pytest.approx(reference_greedy(flows, scored))
    by_id = {f.id: f for f in flows}
    for fid in {m.output_id for m in result.matches} | {m.input_id for m in result.matches}:
        moved = sum(q for (o, i), q in got.items() if fid in (o, i))
        assert moved <= _annual(by_id[fid]) * (1 + 1e-9)
    assert match(list(reversed(flows)), params) == result


@settings(max_examples=50, deadline=None)
@given(flow_sets(), st.integers(1, 3))
def test_top_k_keeps_the_best_candidates_of_each_input(flows, k):
    every = feasible_pairs(flows, Params(top_k=None))
    kept = feasible_pairs(flows, Params(top_k=k))
    for input_id in {i for _, i in every}:
        ranked = sorted(((-s, o) for (o, i), (_, s) in every.items() if i == input_id))[:k]
        assert {o for _, o in ranked} == {o for (o, i) in kept if i == input_id}
