"""Loading the real reference data: facts, explicit handling of keys that do not join, idempotency."""

from __future__ import annotations

import datetime as dt
import io
import json
import time

import pytest
from django.core.management import CommandError, call_command

from wandelwerk.engines import geometry
from wandelwerk.geo.models import Area, AreaKind, PostalCode, PostalCodeArea
from wandelwerk.geo.services import GeographyError, geography_load, parse_states

pytestmark = pytest.mark.django_db


def _snapshot() -> dict[str, tuple]:
    return {
        row[0]: row[1:]
        for row in Area.objects.values_list("ags", "id", "parent_id", "population", "lat", "lon", "boundary")
    }


def test_saxony_subset_loads_real_counties_municipalities_and_figures():
    # given the shipped data, when Saxony alone is loaded
    result = geography_load(states=["14"])

    # then the state, its 13 counties and all its municipalities exist with their parents
    assert (result.states, result.counties) == (1, 13)
    assert Area.objects.filter(kind=AreaKind.MUNICIPALITY).count() == result.municipalities > 400
    assert not Area.objects.exclude(ags__startswith="14").exists()
    zwickau_county = Area.objects.get(ags="14524")
    assert zwickau_county.kind == AreaKind.COUNTY
    assert zwickau_county.parent.ags == "14"
    assert zwickau_county.kind_label == "Landkreis"
    assert zwickau_county.population_date == dt.date(2024, 12, 31)

    leipzig = Area.objects.get(ags="14713000")
    assert leipzig.name == "Leipzig"
    assert leipzig.parent.ags == "14713" and leipzig.parent.parent.ags == "14"
    assert leipzig.population == 598_899  # Zensus 2022, table 1000A-0000
    assert leipzig.population_date == dt.date(2022, 5, 15)
    assert leipzig.regiostar7 == 71 and leipzig.get_regiostar7_display() == "Metropole"
    assert leipzig.degurba == 1
    assert leipzig.area_km2 == pytest.approx(297.8)
    assert leipzig.search_name == "leipzig"

    goerlitz = Area.objects.get(ags="14626110")
    assert goerlitz.search_name == "goerlitz"


def test_every_point_lies_in_its_bbox_and_inside_its_own_boundary():
    geography_load(states=["14"])
    for area in Area.objects.all():
        assert area.min_lon <= area.lon <= area.max_lon, area.ags
        assert area.min_lat <= area.lat <= area.max_lat, area.ags
        assert geometry.contains(json.loads(area.boundary), area.lon, area.lat), area.ags


def test_state_population_and_area_are_sums_of_their_counties():
    geography_load(states=["14"])
    state = Area.objects.get(ags="14")
    counties = list(Area.objects.filter(kind=AreaKind.COUNTY))
    assert state.population == sum(c.population for c in counties)
    assert state.area_km2 == pytest.approx(sum(c.area_km2 for c in counties), abs=0.05)
    assert state.boundary_light and len(state.boundary_light) < len(state.boundary)


def test_second_run_changes_nothing_and_keeps_ids():
    # given a first load
    first = geography_load(states=["14"])
    before = _snapshot()
    plz_before = sorted(PostalCodeArea.objects.values_list("id", "plz", "area_id", "place_name"))

    # when the same data is loaded again
    second = geography_load(states=["14"])

    # then nothing is created or changed and every row keeps its id
    assert first.areas.created == len(before)
    assert (second.areas.created, second.areas.updated, second.areas.unchanged) == (0, 0, len(before))
    assert (second.postcodes.created, second.postcodes.updated) == (0, 0)
    assert (second.postcode_areas.created, second.postcode_areas_removed) == (0, 0)
    assert _snapshot() == before
    assert sorted(PostalCodeArea.objects.values_list("id", "plz", "area_id", "place_name")) == plz_before


def test_changed_values_are_updated_in_place():
    geography_load(states=["14"])
    leipzig = Area.objects.get(ags="14713000")
    Area.objects.filter(pk=leipzig.pk).update(population=1, name="Falsch")
    result = geography_load(states=["14"])
    assert result.areas.updated == 1
    leipzig.refresh_from_db()
    assert (leipzig.name, leipzig.population) == ("Leipzig", 598_899)


def test_keys_that_do_not_join_are_handled_by_named_rules_and_printed():
    # given Thuringia, which holds Eisenach (merged into the Wartburgkreis after the boundaries' date)
    out = io.StringIO()

    # when it is loaded through the command
    call_command("load_geography", "--states", "16", stdout=out)

    # then each case is printed with its rule, and the summary is the last line
    lines = out.getvalue().strip().splitlines()
    assert lines[-1].startswith("Geografie: 1 Länder, 23 Kreise, ")
    assert lines[-1].endswith(" s")
    assert any("renamed key (16063105): 16056000" in line for line in lines)
    assert any("not in Regionalstatistik 2024, sum of municipalities: 16056" in line for line in lines)
    assert any("2019 predecessors: 16065089" in line for line in lines)
    # Eisenach gets the census value published under its new key
    eisenach = Area.objects.get(ags="16056000")
    assert eisenach.population == 39_931 and eisenach.population_date == dt.date(2022, 5, 15)
    assert Area.objects.get(ags="16056").population == 39_931
    # the Wartburgkreis of 2024 includes Eisenach, so the 2021 county is the sum of its municipalities
    wartburg = Area.objects.get(ags="16063")
    assert wartburg.population == sum(
        Area.objects.filter(parent=wartburg).values_list("population", flat=True)
    )
    # Greußen was formed after 2019: area and seat from its 2019 predecessors, which its PLZ rows name
    greussen = Area.objects.get(ags="16065089")
    assert greussen.area_km2 > 0 and greussen.degurba is not None
    assert PostalCodeArea.objects.filter(area=greussen, place_name="Großenehrich").exists()


def test_unknown_state_is_refused_with_its_name():
    with pytest.raises(CommandError, match="„17“"):
        call_command("load_geography", "--states", "14,17", stdout=io.StringIO())
    with pytest.raises(GeographyError):
        parse_states("sachsen")
    assert parse_states("14, 1") == ("01", "14")
    assert not Area.objects.exists()


def test_loading_all_of_germany(capsys):
    # given the whole country, when loaded in one run
    started = time.perf_counter()
    result = geography_load()
    seconds = time.perf_counter() - started
    with capsys.disabled():
        print(f"\n  load_geography (all of Germany): {result.summary()} [{seconds:.1f} s wall]")

    # then the official counts of the 2021 territorial state are there
    assert (result.states, result.counties, result.municipalities) == (16, 401, 10_997)
    assert Area.objects.filter(kind=AreaKind.MUNICIPALITY).count() == 10_997
    assert Area.objects.filter(kind=AreaKind.MUNICIPALITY, parent__kind=AreaKind.COUNTY).count() == 10_997
    assert PostalCode.objects.count() == 8_168
    germany = sum(Area.objects.filter(kind=AreaKind.STATE).values_list("population", flat=True))
    assert 83_000_000 < germany < 84_000_000
    assert Area.objects.filter(kind=AreaKind.MUNICIPALITY, regiostar7__isnull=True).count() < 220
    assert seconds < 60
