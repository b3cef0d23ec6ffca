"""Loading official statistics: GENESIS rules, joins to the geography, all or nothing."""

from __future__ import annotations

import pytest

from tests.analysis.samples import WASTE, opener
from wandelwerk.analysis import statfiles
from wandelwerk.analysis.models import AreaValue, Indicator
from wandelwerk.analysis.services import StatisticsError, statistics_load

pytestmark = pytest.mark.django_db


def values(key: str) -> dict[str, float]:
    return dict(AreaValue.objects.filter(indicator__key=key).values_list("area__ags", "value"))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("124000", 124000.0), ("-0,3", -0.3), ("32,2", 32.2), ("-", 0.0), (".", None), ("x", None), ("", None)],
)
def test_genesis_number_follows_the_special_value_rules(raw, expected):
    assert statfiles.genesis_number(raw) == expected


def test_waste_is_converted_to_kg_per_inhabitant_of_2024(geo):
    # given Zwickau county with 310,000 inhabitants and 124,000 t household waste
    # when
    statistics_load(opener=opener())
    # then 124,000 t × 1000 / 310,000 = 400 kg per inhabitant; residual 200; separate share 50 %
    assert values("waste_total_kg") == {"14524": 400.0}
    assert values("waste_residual_kg") == {"14524": 200.0}
    assert values("waste_recyclables_kg") == {"14524": 100.0}
    assert values("waste_separate_share") == {"14524": 50.0}
    # "-" is zero, "." is no value
    assert values("waste_biobin_kg") == {"14524": 0.0}
    assert values("waste_other_kg") == {}


def test_secret_totals_historic_counties_and_sub_units_are_left_out(geo):
    statistics_load(opener=opener())
    assert "14626" not in values("waste_residual_kg")  # total "." → the county has no waste figures
    assert set(values("waste_total_kg")) == {"14524"}  # no 14161 (historic), no 14524330 (sub-unit)


def test_employees_take_totals_and_skip_undelivered_counties(geo):
    statistics_load(opener=opener())
    assert values("employees") == {"14": 1645000.0, "14626": 98765.0}


def test_settlement_share_per_municipality_skips_dash_and_unknown_keys(geo):
    result = statistics_load(opener=opener())
    assert values("settlement_share") == {"14524330": 32.2, "14524060": 12.5}
    assert result.skipped["AI-N-01-2-5"] == 1


def test_renewables_go_to_state_county_and_municipality(geo):
    statistics_load(opener=opener())
    assert values("renewable_pv_kw") == {"14": 3000000.5, "14524": 155000.0, "14524330": 40000.25}
    assert values("renewable_wind_kw")["14524"] == 31000.0
    assert Indicator.objects.get(key="renewable_pv_kw").source.startswith("Daten: LocalZero / GermanZero")


def test_loading_twice_gives_the_same_rows(geo):
    statistics_load(opener=opener())
    first = sorted(AreaValue.objects.values_list("indicator__key", "area__ags", "value"))
    statistics_load(opener=opener())
    assert sorted(AreaValue.objects.values_list("indicator__key", "area__ags", "value")) == first
    assert Indicator.objects.count() == 13


def test_a_bad_number_names_file_row_and_column_and_writes_nothing(geo):
    # given figures from an earlier load
    statistics_load(opener=opener())
    before = AreaValue.objects.count()
    broken = WASTE.replace(";124000;", ";12a000;")
    # when
    with pytest.raises(StatisticsError, match=r"32121-01-02-4, Zeile 2, Spalte value: „12a000“"):
        statistics_load(opener=opener(WASTE_2023=broken))
    # then the earlier figures are untouched
    assert AreaValue.objects.count() == before
    assert values("waste_total_kg") == {"14524": 400.0}


def test_missing_column_is_refused(geo):
    with pytest.raises(StatisticsError, match="Spalte"):
        statistics_load(opener=opener(RENEWABLES_2024="ags,pv\n14000000,1"))


def test_loading_without_geography_asks_for_load_geography():
    with pytest.raises(StatisticsError, match="load_geography"):
        statistics_load(opener=opener())


def test_shipped_files_parse():
    # the real files in wandelwerk/analysis/data have the layout the readers expect
    with statfiles.open_data(statfiles.WASTE_2023) as f:
        waste = statfiles.read_waste(f)
    assert 385 <= len(waste) <= 400
    assert waste["11000"].tonnes["total"] == 1333314.0
    with statfiles.open_data(statfiles.RENEWABLES_2024) as f:
        assert len(statfiles.read_renewables(f)) == 11097
