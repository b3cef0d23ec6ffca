"""Segment matching over plain values: topics and AGS prefixes (state 2, county 5, municipality 8)."""

import pytest

from wandelwerk.engines.segments import Interests, area_contains, areas_overlap, matches, select

SACHSEN, ZWICKAU_LK, ZWICKAU, CRIMMITSCHAU, GOERLITZ_LK = "14", "14524", "14524330", "14524060", "14626"


def test_empty_segment_reaches_everybody():
    # given a newsletter without topics or areas
    segment = Interests()
    # then every subscriber matches, with or without interests
    assert matches(segment, Interests())
    assert matches(segment, Interests(topics=frozenset({3}), areas=frozenset({ZWICKAU})))


def test_subscriber_without_interests_gets_every_segment():
    assert matches(Interests(topics=frozenset({1}), areas=frozenset({ZWICKAU})), Interests())


def test_topics_must_share_one_when_both_sides_have_topics():
    segment = Interests(topics=frozenset({1, 2}))
    assert matches(segment, Interests(topics=frozenset({2, 9})))
    assert not matches(segment, Interests(topics=frozenset({9})))


def test_county_segment_reaches_municipality_subscriber_and_back():
    # given a segment for the county of Zwickau
    county = Interests(areas=frozenset({ZWICKAU_LK}))
    # then a subscriber in the town of Zwickau matches, one in Görlitz county does not
    assert matches(county, Interests(areas=frozenset({ZWICKAU})))
    assert not matches(county, Interests(areas=frozenset({GOERLITZ_LK})))
    # and a municipality segment reaches a subscriber who chose the whole county
    assert matches(Interests(areas=frozenset({CRIMMITSCHAU})), Interests(areas=frozenset({ZWICKAU_LK})))


def test_state_contains_everything_below_and_sibling_municipalities_do_not_overlap():
    assert area_contains(SACHSEN, ZWICKAU) and area_contains(SACHSEN, SACHSEN)
    assert not area_contains(ZWICKAU, SACHSEN)
    assert not areas_overlap({ZWICKAU}, {CRIMMITSCHAU})
    assert areas_overlap({CRIMMITSCHAU, GOERLITZ_LK}, {SACHSEN})


def test_topics_and_areas_must_both_fit():
    segment = Interests(topics=frozenset({1}), areas=frozenset({ZWICKAU_LK}))
    assert not matches(segment, Interests(topics=frozenset({1}), areas=frozenset({GOERLITZ_LK})))
    assert not matches(segment, Interests(topics=frozenset({2}), areas=frozenset({ZWICKAU})))
    assert matches(segment, Interests(topics=frozenset({1}), areas=frozenset({ZWICKAU})))


def test_select_keeps_the_given_order():
    segment = Interests(areas=frozenset({ZWICKAU_LK}))
    subscribers = [
        ("c", Interests(areas=frozenset({ZWICKAU}))),
        ("a", Interests(areas=frozenset({GOERLITZ_LK}))),
        ("b", Interests()),
    ]
    assert select(segment, subscribers) == ["c", "b"]


@pytest.mark.parametrize("bad", ["1452", "abc", "", "145243301"])
def test_malformed_area_keys_are_refused(bad):
    with pytest.raises(ValueError, match="area key"):
        Interests(areas=frozenset({bad}))
