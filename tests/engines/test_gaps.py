"""Gap analysis engine: peer expectation, Poisson tail, white spots, aggregation, report helpers."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wandelwerk.engines import gaps as g
from wandelwerk.engines.poisson import EXACT_MAX_COUNT

M = g.MUNICIPALITY


def muni(area_id: str, pop: int | None, rs7: int | None = 77, county: str = "c1", **kw: float) -> g.Area:
    return g.Area(id=area_id, kind=M, population=pop, regiostar7=rs7, parent_ids=(county,), **kw)


def brute_cdf(k: int, lam: float) -> float:
    return sum(math.exp(-lam) * lam**j / math.factorial(j) for j in range(k + 1))


def exact_cdf(k: int, lam: float) -> float:
    return math.fsum(math.exp(j * math.log(lam) - lam - math.lgamma(j + 1)) for j in range(k + 1))


# three rural municipalities with 1,000 / 2,000 / 3,000 inhabitants and 2 / 4 / 0 energy actors
SMALL = [
    g.Area(id="c1", kind="county"),
    muni("m1", 1000),
    muni("m2", 2000),
    muni("m3", 3000),
]
SMALL_COUNTS = {("m1", "energy"): 2, ("m2", "energy"): 4}


# --- hand-computed examples -------------------------------------------------------------------------


def test_expected_count_comes_from_peers_without_the_area_itself():
    # given three peers; when analysed with leave-one-out (the default)
    table = g.analyse(SMALL, SMALL_COUNTS)
    # then m3's peers m1+m2 have 6 actors per 3,000 inhabitants, so 6 are expected among its 3,000
    m3 = table.row("m3", "energy")
    assert m3.expected == pytest.approx(6.0)
    assert m3.ratio == 0.0
    assert m3.p_value == pytest.approx(math.exp(-6.0))
    assert m3.white_spot and m3.label is g.Label.CLEARLY_BELOW
    assert m3.shortfall == pytest.approx(6.0)
    # and m1's peers have 4 per 5,000 → 0.8 expected: above its peers, below the minimum anyway
    m1 = table.row("m1", "energy")
    assert m1.expected == pytest.approx(0.8)
    assert m1.ratio == pytest.approx(2.5)
    assert m1.per_10k == pytest.approx(20.0)
    assert m1.label is g.Label.AT_OR_ABOVE and not m1.white_spot
    assert table.row("m2", "energy").expected == pytest.approx(1.0)


def test_pooled_expectation_without_leave_one_out_shares_the_class_total():
    table = g.analyse(SMALL, SMALL_COUNTS, leave_one_out=False)
    expected = [table.row(m, "energy").expected for m in ("m1", "m2", "m3")]
    assert expected == pytest.approx([1.0, 2.0, 3.0])  # rate 6 / 6,000


def test_county_is_the_sum_of_its_municipalities_and_has_their_population():
    table = g.analyse(SMALL, SMALL_COUNTS)
    county = table.row("c1", "energy")
    assert county.count == 6
    assert county.population == 6000
    assert county.per_10k == pytest.approx(10.0)
    assert county.expected is None  # no RegioStaR type given for the county, so no peers
    assert county.label is g.Label.NO_COMPARISON and not county.white_spot


def test_municipality_in_a_county_and_directly_in_a_network_is_counted_once():
    areas = [
        g.Area(id="net", kind="network"),
        g.Area(id="c1", kind="county", parent_ids=("net",), population=10_000),
        g.Area(id="m1", kind=M, population=1000, parent_ids=("c1", "net")),
        g.Area(id="m2", kind=M, population=2000, parent_ids=("c1",)),
    ]
    table = g.analyse(areas, {("m1", "food"): 3, ("m2", "food"): 5})
    assert table.row("net", "food").count == 8
    assert table.row("net", "food").population == 3000  # derived from the distinct municipalities
    assert table.row("c1", "food").population == 10_000  # given population wins


def test_peer_class_is_kind_and_type():
    areas = [muni("a", 1000, 71), muni("b", 1000, 71), muni("c", 1000, 77), muni("d", 1000, 77)]
    areas.append(g.Area(id="c1", kind="county"))
    table = g.analyse(areas, {("a", "k"): 10, ("c", "k"): 1})
    assert table.row("b", "k").expected == pytest.approx(10.0)
    assert table.row("d", "k").expected == pytest.approx(1.0)


def test_small_white_spot_needs_ratio_and_significance():
    # 2 actors where 10 are expected: ratio 0.2, p = P(X ≤ 2 | 10) ≈ 0.0028 → white spot
    areas = [muni("a", 1000), muni("b", 1000), g.Area(id="c1", kind="county")]
    table = g.analyse(areas, {("a", "k"): 2, ("b", "k"): 10})
    a = table.row("a", "k")
    assert a.p_value == pytest.approx(brute_cdf(2, 10.0))
    assert a.white_spot
    # and with a stricter alpha it is only "below"
    strict = g.analyse(areas, {("a", "k"): 2, ("b", "k"): 10}, thresholds=g.Thresholds(alpha=0.001))
    assert not strict.row("a", "k").white_spot
    assert strict.row("a", "k").label is g.Label.BELOW


def test_zero_where_less_than_one_actor_is_expected_is_no_white_spot():
    areas = [muni("a", 1000), muni("b", 2000), g.Area(id="c1", kind="county")]
    table = g.analyse(areas, {("b", "k"): 1})
    assert table.row("a", "k").expected == pytest.approx(0.5)
    assert not table.row("a", "k").white_spot
    lenient = g.analyse(areas, {("b", "k"): 1}, thresholds=g.Thresholds(min_expected=0.5))
    assert lenient.row("a", "k").white_spot


# --- Poisson tail -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lam", [0.1, 0.5, 1.0, 2.5, 7.0, 15.0, 30.0])
def test_poisson_tail_equals_brute_force_sum_for_small_means(lam):
    ks = np.arange(21)
    got = g.poisson_cdf(ks, np.full(21, lam))
    want = [brute_cdf(int(k), lam) for k in ks]
    np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-300)


def test_poisson_tail_above_exact_range_is_within_documented_error():
    worst = 0.0
    for k in range(EXACT_MAX_COUNT + 1, 400, 7):
        for lam in (30.0, 60.0, 100.0, 150.0, 250.0, 400.0, 1000.0):
            worst = max(worst, abs(float(g.poisson_cdf(k, lam)) - exact_cdf(k, lam)))
    assert worst < 2e-4


def test_poisson_tail_handles_extremes_without_nan():
    got = g.poisson_cdf([0, 50, 3, 0, 10_000], [1e5, 1e4, 0.0, 1e-9, 10.0])
    assert got[0] == 0.0 and got[1] == 0.0  # true values underflow doubles
    assert got[2] == 1.0  # λ = 0
    assert got[3] == pytest.approx(1.0)
    assert got[4] == pytest.approx(1.0)
    with pytest.raises(ValueError, match="counts ≥ 0"):
        g.poisson_cdf([-1], [1.0])


# --- degenerate inputs and errors -------------------------------------------------------------------


def test_empty_inputs_give_empty_table():
    table = g.analyse([], {})
    assert table.count.shape == (0, 0)
    assert list(table.rows()) == []
    only_areas = g.analyse(SMALL, {}, keys=["energy"])
    assert only_areas.count.sum() == 0
    assert not only_areas.white_spot.any()
    assert only_areas.row("m1", "energy").expected == 0.0
    assert only_areas.row("m1", "energy").ratio is None


def test_area_without_population_or_type_or_peers_gets_no_expectation():
    areas = [
        muni("nopop", None),
        muni("zero", 0),
        muni("notype", 1000, None),
        muni("alone", 1000, 71),
        muni("peer", 1000),
        g.Area(id="c1", kind="county"),
    ]
    table = g.analyse(areas, {("peer", "k"): 50})
    for area_id in ("nopop", "zero", "notype", "alone"):
        row = table.row(area_id, "k")
        assert row.expected is None and row.p_value is None and not row.white_spot
        assert row.label is g.Label.NO_COMPARISON
    assert table.row("nopop", "k").per_10k is None and table.row("nopop", "k").population is None
    assert table.row("notype", "k").per_10k == 0.0


@pytest.mark.parametrize(
    ("areas", "counts", "message"),
    [
        ([muni("m1", 1), g.Area(id="c1", kind="county")], {("x", "k"): 1}, "unknown area 'x'"),
        ([muni("m1", 1)], {}, "unknown parent 'c1'"),
        ([g.Area(id="c1", kind="county")], {("c1", "k"): 1}, "per municipality; .c1. is not one"),
        ([muni("m1", 1), g.Area(id="c1", kind="county")], {("m1", "k"): -1}, "negative count"),
        ([muni("m1", 1, 70), g.Area(id="c1", kind="county")], {}, "RegioStaR 7 type 70"),
        ([muni("m1", -1), g.Area(id="c1", kind="county")], {}, "negative population"),
        ([muni("m1", 1), muni("m1", 2), g.Area(id="c1", kind="county")], {}, "'m1' appears twice"),
        ([muni("m1", 1, county="m2"), muni("m2", 1)], {}, "municipality 'm2' as parent"),
        (
            [
                g.Area(id="a", kind="network", parent_ids=("b",)),
                g.Area(id="b", kind="network", parent_ids=("a",)),
            ],
            {},
            "cycle",
        ),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(areas, counts, message):
    with pytest.raises(ValueError, match=message):
        g.analyse(areas, counts)


def test_count_for_key_outside_requested_keys_is_refused():
    with pytest.raises(ValueError, match="key 'energy'"):
        g.analyse(SMALL, SMALL_COUNTS, keys=["food"])


def test_unknown_area_or_key_lookup_names_it():
    table = g.analyse(SMALL, SMALL_COUNTS)
    with pytest.raises(KeyError, match="nowhere"):
        table.row("nowhere", "energy")
    with pytest.raises(KeyError, match="food"):
        table.row("m1", "food")


# --- report helpers ---------------------------------------------------------------------------------


def region() -> list[g.Area]:
    return [
        g.Area(id="net", kind="network"),
        g.Area(id="c1", kind="county", parent_ids=("net",)),
        g.Area(id="c2", kind="county"),
        muni("a", 10_000, lat=50.0, lon=12.0),
        muni("b", 10_000, lat=50.1, lon=12.0),  # 11 km north of a
        muni("c", 10_000, lat=50.3, lon=12.0),  # 33 km
        muni("d", 10_000, lat=52.0, lon=12.0),  # 222 km
        muni("e", 20_000, county="c2", lat=50.05, lon=12.0),
        muni("f", 10_000, county="c2"),  # no centroid
    ]


REGION_COUNTS = {
    ("b", "k"): 20,
    ("c", "k"): 30,
    ("d", "k"): 30,
    ("e", "k"): 40,
    ("f", "k"): 20,
    ("b", "j"): 10,
    ("c", "j"): 10,
    ("d", "j"): 10,
    ("e", "j"): 40,
}


def test_top_white_spots_are_ordered_by_shortfall_and_stay_in_the_region():
    # given: a has no actors for k (23.3 expected) nor j (11.7 expected); f has none for j (11.7)
    table = g.analyse(region(), REGION_COUNTS)
    # when / then: the network sees only its own municipality a, largest shortfall first
    top = g.top_white_spots(table, "net")
    assert [(r.area_id, r.key) for r in top] == [("a", "k"), ("a", "j")]
    assert top[0].shortfall == pytest.approx(140 / 6) and top[1].shortfall == pytest.approx(70 / 6)
    assert [(r.area_id, r.key) for r in g.top_white_spots(table, "c2")] == [("f", "j")]
    assert g.top_white_spots(table, "net", keys=["j"], limit=5) == [table.row("a", "j")]
    assert g.top_white_spots(table, "net", limit=1) == [table.row("a", "k")]
    assert g.top_white_spots(table, "net", kinds=["county"]) == []


def test_helpers_nearby_prefers_many_actors_close_by():
    table = g.analyse(region(), REGION_COUNTS)
    # e: 40 actors 5.6 km away beats b: 20 at 11 km and c: 30 at 33 km; d is too far, f has no centroid
    helpers = g.helpers_nearby(table, "a", "k", radius_km=50)
    assert [h.area_id for h in helpers] == ["e", "b", "c"]
    assert helpers[1].distance_km == pytest.approx(11.1, abs=0.1)
    assert helpers[1].count == 20 and helpers[1].per_10k == pytest.approx(20.0)
    assert [h.area_id for h in g.helpers_nearby(table, "a", "k", radius_km=500)] == ["e", "b", "c", "d"]
    assert [h.area_id for h in g.helpers_nearby(table, "a", "k", min_count=25)] == ["e", "c"]
    assert [h.area_id for h in g.helpers_nearby(table, "a", "k", limit=1)] == ["e"]
    assert g.helpers_nearby(table, "f", "j") == []  # no centroid of its own


def test_helpers_nearby_leaves_out_areas_that_are_white_spots_themselves():
    table = g.analyse(region(), REGION_COUNTS)
    assert table.row("f", "j").white_spot
    assert "a" not in [h.area_id for h in g.helpers_nearby(table, "b", "j", min_count=0)]


# --- properties -------------------------------------------------------------------------------------

KEYS = ("a", "b")


@st.composite
def landscapes(draw: st.DrawFn) -> tuple[list[g.Area], dict[tuple[str, str], int]]:
    n = draw(st.integers(0, 10))
    areas = [g.Area(id=f"c{c}", kind="county", regiostar7=71, parent_ids=("net",)) for c in range(3)]
    areas.append(g.Area(id="net", kind="network"))
    counts: dict[tuple[str, str], int] = {}
    for i in range(n):
        pop = draw(st.one_of(st.none(), st.integers(0, 5000)))
        rs7 = draw(st.sampled_from([None, 71, 77, 77]))
        areas.append(muni(f"m{i}", pop, rs7, county=f"c{draw(st.integers(0, 2))}"))
        for key in KEYS:
            c = draw(st.integers(0, 40))
            if c:
                counts[(f"m{i}", key)] = c
    return areas, counts


@given(landscapes())
@settings(max_examples=60, deadline=None)
def test_pooled_expected_counts_add_up_to_each_peer_class_total(data):
    areas, counts = data
    table = g.analyse(areas, counts, leave_one_out=False)
    by_class: dict[int, list[int]] = {}
    for a in areas:
        if a.kind == M and a.regiostar7 and a.population:
            by_class.setdefault(a.regiostar7, []).append(table.area_index(a.id))
    for members in by_class.values():
        np.testing.assert_allclose(table.expected[members].sum(axis=0), table.count[members].sum(axis=0))


@given(landscapes())
@settings(max_examples=60, deadline=None)
def test_leave_one_out_expectation_equals_recomputing_without_the_area(data):
    areas, counts = data
    table = g.analyse(areas, counts, keys=KEYS)
    for a in areas:
        if a.kind != M or not a.regiostar7 or not a.population:
            continue
        peers = [p for p in areas if p.kind == M and p.regiostar7 == a.regiostar7 and p.population]
        peers = [p for p in peers if p.id != a.id]
        pop = sum(p.population or 0 for p in peers)
        for key in KEYS:
            got = table.row(a.id, key).expected
            if pop == 0:
                assert got is None
            else:
                want = sum(counts.get((p.id, key), 0) for p in peers) / pop * a.population
                assert got == pytest.approx(want)


@given(landscapes())
@settings(max_examples=60, deadline=None)
def test_aggregates_are_sums_of_their_children(data):
    areas, counts = data
    table = g.analyse(areas, counts)
    for c in ("c0", "c1", "c2"):
        children = [table.area_index(a.id) for a in areas if a.parent_ids == (c,)]
        np.testing.assert_array_equal(table.count[table.area_index(c)], table.count[children].sum(axis=0))
    counties = [table.area_index(c) for c in ("c0", "c1", "c2")]
    np.testing.assert_array_equal(table.count[table.area_index("net")], table.count[counties].sum(axis=0))


@given(landscapes(), st.randoms(use_true_random=False))
@settings(max_examples=40, deadline=None)
def test_result_does_not_depend_on_input_order(data, rnd: random.Random):
    areas, counts = data
    first = g.analyse(areas, counts)
    shuffled = list(areas)
    rnd.shuffle(shuffled)
    second = g.analyse(shuffled, dict(reversed(list(counts.items()))))
    assert first.area_ids == second.area_ids and first.keys == second.keys
    for name in ("count", "per_10k", "expected", "ratio", "p_value", "label", "white_spot"):
        np.testing.assert_array_equal(getattr(first, name), getattr(second, name))
    rows = list(first.rows())
    assert [(r.area_id, r.key) for r in rows] == sorted((r.area_id, r.key) for r in rows)


@given(landscapes(), st.data())
@settings(max_examples=60, deadline=None)
def test_one_more_actor_never_makes_an_area_more_of_a_white_spot(data, pick):
    areas, counts = data
    munis = [a.id for a in areas if a.kind == M]
    if not munis:
        return
    target, key = pick.draw(st.sampled_from(munis)), pick.draw(st.sampled_from(KEYS))
    more = {**counts, (target, key): counts.get((target, key), 0) + 1}
    before = g.analyse(areas, counts, keys=KEYS).row(target, key)
    after = g.analyse(areas, more, keys=KEYS).row(target, key)
    assert before.white_spot or not after.white_spot
    assert after.expected == before.expected
    if before.p_value is not None and after.p_value is not None:
        assert after.p_value >= before.p_value
    if before.ratio is not None and after.ratio is not None:
        assert after.ratio > before.ratio


@given(landscapes())
@settings(max_examples=60, deadline=None)
def test_white_spots_respect_the_thresholds(data):
    areas, counts = data
    table = g.analyse(areas, counts)
    for row in table.rows():
        assert row.p_value is None or 0.0 <= row.p_value <= 1.0
        if row.white_spot:
            assert row.expected is not None and row.expected >= 1.0
            assert row.count == 0 or (row.ratio is not None and row.ratio <= 0.5 and row.p_value <= 0.05)
