"""The synthetic-actor engine: deterministic, weighted by population and area type, plausible, demo."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from wandelwerk.engines.synth import (
    BLOCK,
    FIRST_NAMES,
    LAST_NAMES,
    Mix,
    Municipality,
    SynthTopic,
    generate,
    place_adjective,
    short_place,
    slug_key,
)

FIELDS = [
    "ehrenamt-engagement",
    "energie-klimaschutz",
    "zirkulaeres-wirtschaften",
    "mobilitaet",
    "bauen-wohnen",
]
TOPICS = [SynthTopic(100 + i, slug) for i, slug in enumerate(FIELDS)]
SECTOR_OF_KIND = {
    "administration": "administration",
    "company": "business",
    "education": "science",
    "research": "science",
    "religious": "church",
    "initiative": "civil_society",
    "association": "civil_society",
    "foundation": "civil_society",
    "network": "civil_society",
    "person": "civil_society",
}


def muni(
    pk: int, name: str, *, population: int, regiostar7: int | None, lat: float = 51.0, lon: float = 13.0
):
    return Municipality(
        id=pk,
        county_id=pk * 10,
        state_id=14,
        ags=f"14{pk:06d}",
        name=name,
        lat=lat,
        lon=lon,
        bbox=(lon - 0.1, lat - 0.05, lon + 0.1, lat + 0.05),
        population=population,
        regiostar7=regiostar7,
    )


MUNIS = [
    muni(1, "Freiberg, Stadt, Universitätsstadt", population=40_000, regiostar7=76, lat=50.91, lon=13.34),
    muni(2, "Hoyerswerda / Wojerecy, Stadt", population=32_000, regiostar7=76, lat=51.43, lon=14.25),
    muni(3, "Oybin", population=1_400, regiostar7=77, lat=50.84, lon=14.74),
    muni(4, "Leipzig, Stadt", population=600_000, regiostar7=71, lat=51.34, lon=12.37),
]


def test_same_seed_gives_identical_records_and_another_seed_differs():
    # given / when
    first = list(generate(MUNIS, TOPICS, count=500, seed=7))
    again = list(generate(MUNIS, TOPICS, count=500, seed=7))
    other = list(generate(MUNIS, TOPICS, count=500, seed=8))

    # then
    assert first == again
    assert [a.name for a in first] != [a.name for a in other]


def test_record_n_does_not_depend_on_how_many_are_generated():
    # given a short and a long run (across a block boundary)
    short = list(generate(MUNIS, TOPICS, count=BLOCK + 10, seed=3))
    long = list(generate(MUNIS, TOPICS, count=2 * BLOCK + 5, seed=3))

    # then the short run is the beginning of the long one
    assert long[: len(short)] == short


@pytest.mark.parametrize("count", [0, 1, 17, BLOCK, BLOCK + 1])
def test_generates_exactly_the_requested_count_numbered_from_zero(count):
    actors = list(generate(MUNIS, TOPICS, count=count, seed=1))

    assert len(actors) == count
    assert [a.n for a in actors] == list(range(count))
    assert [a.natural_key for a in actors] == [f"demo:1:{n}" for n in range(count)]


def test_urban_municipality_gets_more_actors_per_inhabitant_than_rural_one():
    # given two municipalities of equal population: a metropolis type and a rural village type
    city = muni(1, "Großstadt", population=50_000, regiostar7=71)
    village = muni(2, "Dorf", population=50_000, regiostar7=77)

    # when
    per_place = Counter(a.municipality_id for a in generate([city, village], TOPICS, count=20_000, seed=5))

    # then the city gets about 1 / 0.45 as many (the documented damping factors)
    ratio = per_place[1] / per_place[2]
    assert 1.9 < ratio < 2.6


def test_larger_population_gets_proportionally_more_actors():
    big = muni(1, "Groß", population=100_000, regiostar7=73)
    small = muni(2, "Klein", population=10_000, regiostar7=73)

    per_place = Counter(a.municipality_id for a in generate([big, small], TOPICS, count=11_000, seed=2))

    assert 8.5 < per_place[1] / per_place[2] < 11.5


def test_names_are_plausible_distinct_and_fit_kind_and_sector():
    actors = list(generate(MUNIS, TOPICS, count=3000, seed=11))
    places = {m.id: short_place(m.name) for m in MUNIS}

    assert len({slug_key(a.name) for a in actors}) == len(actors)  # distinct even as slugs
    for a in actors:
        assert a.sector == SECTOR_OF_KIND[a.kind], a
        assert a.place == places[a.municipality_id]
        if a.kind == "person":
            first, last = a.name.split(" ")
            assert all(part in FIRST_NAMES for part in first.split("-")), a.name
            assert all(part in LAST_NAMES for part in last.split("-")), a.name
        else:
            assert a.place in a.name or any(land in a.name for land in ("Land", "Oberlausitz", "Zittauer")), (
                a.name
            )
            assert not any(f" {last}" in a.name.split(a.place)[0] for last in ("Müller", "Schmidt")), a.name
    kinds = Counter(a.kind for a in actors)
    assert {"initiative", "association", "company", "administration", "person"} <= set(kinds)
    assert any(a.name.startswith("Repair-Café ") for a in actors)
    assert any(a.name.endswith(" eG") for a in actors)


def test_every_record_is_demo_flagged_and_uses_reserved_domains_only():
    for a in generate(MUNIS, TOPICS, count=2000, seed=4):
        assert a.is_demo is True and a.source == "demo"
        assert a.website == "" or a.website.startswith("https://example.org/")
        assert a.email == "" or a.email.endswith(".example.org")
        if a.kind == "person":
            assert a.website == a.email == a.street == ""


def test_points_lie_in_the_municipality_box_and_persons_sit_on_the_municipality_point():
    boxes = {m.id: m for m in MUNIS}
    for a in generate(MUNIS, TOPICS, count=2000, seed=9):
        m = boxes[a.municipality_id]
        min_lon, min_lat, max_lon, max_lat = m.bbox
        assert min_lon <= a.lon <= max_lon and min_lat <= a.lat <= max_lat
        assert (a.county_id, a.state_id) == (m.county_id, m.state_id)
        if a.kind == "person":
            assert (a.lat, a.lon, a.precision) == (m.lat, m.lon, "municipality")
        else:
            assert a.precision == "address"


def test_topics_offers_and_needs_stay_within_bounds():
    ids = {t.id for t in TOPICS}
    actors = list(generate(MUNIS, TOPICS, count=2000, seed=6))
    for a in actors:
        assert 1 <= len(a.topic_ids) <= 3 and len(set(a.topic_ids)) == len(a.topic_ids)
        assert set(a.topic_ids) <= ids
        directions = Counter(r[0] for r in a.resources)
        assert directions["offer"] <= 2 and directions["need"] <= 2
        assert all(r[1] and r[2] for r in a.resources)
        assert a.description
    assert {len(a.topic_ids) for a in actors} == {1, 2, 3}


def test_mix_sets_review_state_and_visibility_and_persons_without_consent_are_never_public():
    actors = list(
        generate(MUNIS, TOPICS, count=4000, seed=12, mix=Mix(pending=0.1, members=0.1, private=0.1))
    )
    status = Counter(a.status for a in actors)
    visibility = Counter(a.visibility for a in actors if a.kind != "person")

    assert 300 < status["pending"] < 500
    assert 300 < visibility["members"] < 500 and 300 < visibility["private"] < 500
    persons = [a for a in actors if a.kind == "person"]
    assert any(p.person_consent for p in persons) and any(not p.person_consent for p in persons)
    assert all(p.visibility != "public" for p in persons if not p.person_consent)
    assert not any(a.person_consent for a in actors if a.kind != "person")


def test_restricted_kinds_are_not_placed_in_small_villages():
    village = muni(1, "Oybin", population=1_400, regiostar7=71)  # urban type, but tiny

    kinds = {a.kind for a in generate([village], TOPICS, count=3000, seed=1)}
    names = [a.name for a in generate([village], TOPICS, count=3000, seed=1)]

    assert "research" not in kinds
    assert not any(name.startswith("Stadtwerke") for name in names)


def test_without_topics_actors_get_none_and_without_municipalities_it_refuses():
    assert all(a.topic_ids == () for a in generate(MUNIS, [], count=50, seed=1))
    with pytest.raises(ValueError, match="no municipalities"):
        list(generate([], TOPICS, count=1, seed=1))
    with pytest.raises(ValueError):
        Mix(pending=1.5)


def test_place_helpers():
    assert short_place("Hoyerswerda / Wojerecy, Stadt") == "Hoyerswerda"
    assert short_place("Halle (Saale), Stadt") == "Halle (Saale)"
    assert place_adjective("Freiberg") == "Freiberger"
    assert place_adjective("Dresden") == "Dresdner"
    assert place_adjective("Bad Muskau") is None
    assert slug_key("Repair-Café Görlitz e.V.") == "repair-cafe-gorlitz-ev"


def test_records_are_plain_values():
    actor = next(generate(MUNIS, TOPICS, count=1, seed=1))
    assert dataclasses.asdict(actor)["natural_key"] == "demo:1:0"
