"""Offline geocoding on the real Saxon geography: postcodes, place names, points, batch resolver."""

from __future__ import annotations

import pytest

from wandelwerk.geo import selectors
from wandelwerk.geo.models import Area, PostalCode, PostalCodeArea

LEIPZIG_CENTRE = (12.3731, 51.3397)  # lon, lat: Augustusplatz
PRAGUE = (14.4208, 50.0880)


@pytest.fixture
def sx(saxony, db):
    return saxony


def test_postcode_gives_its_centroid_and_the_municipality_containing_it(sx):
    hit = selectors.geocode_postcode(plz="08056")
    assert hit is not None
    assert hit.area.ags == "14524330" and hit.area.name == "Zwickau"
    assert hit.precision == "postcode"
    centroid = PostalCode.objects.get(plz="08056")
    assert (hit.lat, hit.lon) == (centroid.lat, centroid.lon)


def test_postcode_spanning_several_municipalities_picks_the_one_holding_the_centroid(sx):
    # given PLZ 01454, shared by Radeberg (the most populous) and Wachau, with its centroid in Wachau
    touched = set(PostalCodeArea.objects.filter(plz="01454").values_list("area__name", flat=True))
    assert {"Radeberg", "Wachau"} <= touched

    # when geocoded, then the municipality containing the centroid wins over the bigger one
    hit = selectors.geocode_postcode(plz="01454")
    assert hit is not None and hit.area.name == "Wachau"
    assert selectors.municipality_at(lon=hit.lon, lat=hit.lat).name == "Wachau"


def test_postcode_whose_centroid_lies_in_none_of_its_municipalities_takes_the_most_populous(sx):
    # given the PLZ's centroid moved into Leipzig, outside all municipalities the PLZ touches
    PostalCode.objects.filter(plz="01454").update(lon=LEIPZIG_CENTRE[0], lat=LEIPZIG_CENTRE[1])

    # then the most populous municipality of the PLZ is chosen, still with the centroid as point
    hit = selectors.geocode_postcode(plz="01454")
    assert hit is not None and hit.area.name == "Radeberg"
    assert (hit.lon, hit.lat) == LEIPZIG_CENTRE and hit.precision == "postcode"


@pytest.mark.parametrize("plz", ["99999", "123", "abcde", "", "080566"])
def test_unknown_or_malformed_postcode_gives_none(sx, plz):
    assert selectors.geocode_postcode(plz=plz) is None


@pytest.mark.parametrize("name", ["Görlitz", "Goerlitz", "GÖRLITZ", " görlitz "])
def test_place_name_ignores_case_and_umlaut_spelling(sx, name):
    hits = selectors.geocode_place(name=name)
    assert [h.area.ags for h in hits][:1] == ["14626110"]
    assert hits[0].precision == "municipality"
    assert (hits[0].lat, hits[0].lon) == (hits[0].area.lat, hits[0].area.lon)


def test_place_name_puts_exact_matches_first_then_prefixes_by_population(sx):
    # "Zwickau" is the exact name; no other Saxon municipality starts with it
    assert [h.area.ags for h in selectors.geocode_place(name="Zwickau")] == ["14524330"]
    hits = selectors.geocode_place(name="Lei", limit=50)
    names = [h.area.name for h in hits]
    assert names[0] == "Leipzig"  # the most populous prefix match
    populations = [h.area.population for h in hits]
    assert populations == sorted(populations, reverse=True)
    assert len(selectors.geocode_place(name="Lei", limit=2)) == 2


def test_unknown_or_empty_place_gives_nothing(sx):
    assert selectors.geocode_place(name="Atlantis") == []
    assert selectors.geocode_place(name="  ") == []
    assert selectors.geocode(query="") == []


def test_geocode_dispatches_postcodes_and_names(sx):
    assert [h.area.ags for h in selectors.geocode(query="08056")] == ["14524330"]
    assert selectors.geocode(query="Goerlitz")[0].area.ags == "14626110"


def test_point_gives_the_municipality_and_outside_germany_none(sx, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        leipzig = selectors.municipality_at(lon=LEIPZIG_CENTRE[0], lat=LEIPZIG_CENTRE[1])
    assert leipzig is not None and leipzig.ags == "14713000"
    assert selectors.municipality_at(lon=PRAGUE[0], lat=PRAGUE[1]) is None
    assert selectors.municipality_at(lon=float("nan"), lat=51.0) is None
    assert selectors.municipality_at(lon=500.0, lat=51.0) is None


def test_every_municipality_point_geocodes_back_to_itself(sx):
    for area in Area.objects.filter(kind="municipality", ags__startswith="14524"):
        found = selectors.municipality_at(lon=area.lon, lat=area.lat)
        assert found is not None and found.ags == area.ags


def test_municipality_by_ags_only_returns_municipalities(sx):
    assert selectors.municipality_by_ags(ags="14524330").name == "Zwickau"
    assert selectors.municipality_by_ags(ags="14524") is None
    assert selectors.municipality_by_ags(ags="00000000") is None


def test_resolver_answers_from_memory_after_one_query(sx, django_assert_num_queries):
    # given a resolver (one query for the municipalities)
    with django_assert_num_queries(1):
        resolver = selectors.geo_resolver()
    assert len(resolver) == Area.objects.filter(kind="municipality").count()

    # when looking up by key and name, no further query is made
    with django_assert_num_queries(0):
        by_ags = resolver.by_ags("14713000")
        by_name = resolver.by_name("Goerlitz")
        missing = resolver.by_name("Atlantis")
    zwickau = Area.objects.select_related("parent").get(ags="14524330")
    assert by_ags is not None and by_ags.name == "Leipzig" and by_ags.precision == "municipality"
    assert by_name is not None and by_name.ags == "14626110"
    assert missing is None

    # postcodes and points load their tables once, then answer from memory
    first = resolver.by_postcode("08056")
    with django_assert_num_queries(0):
        again = resolver.by_postcode("08056")
        at = resolver.at(LEIPZIG_CENTRE[0], LEIPZIG_CENTRE[1])
        outside = resolver.at(PRAGUE[0], PRAGUE[1])
    assert first == again
    assert first is not None and first.municipality_id == zwickau.pk
    assert (first.county_id, first.state_id) == (zwickau.parent_id, zwickau.parent.parent_id)
    assert first.precision == "postcode"
    assert at is not None and at.ags == "14713000" and at.precision == "address"
    assert (at.lon, at.lat) == LEIPZIG_CENTRE
    assert outside is None


def test_resolvers_are_independent_snapshots_not_a_shared_cache(sx):
    first = selectors.geo_resolver()
    Area.objects.filter(ags="14524330").update(name="Zwickau (neu)", search_name="zwickau neu")
    second = selectors.geo_resolver()
    assert first.by_ags("14524330").name == "Zwickau"
    assert second.by_ags("14524330").name == "Zwickau (neu)"
