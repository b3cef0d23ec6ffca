"""Demo loader: flows for the demo networks' actors, sized from the statistics, idempotent, matched."""

from __future__ import annotations

import pytest

from tests.factories import NetworkFactory, make_actor
from wandelwerk.circular.demo import branch_t_per_employee, county_household_waste, load_demo
from wandelwerk.circular.models import FlowMatch, MatchRun, MaterialFlow

pytestmark = pytest.mark.django_db


def test_statistics_are_read_from_the_bundled_files():
    waste = county_household_waste()
    assert waste["14522"]["ABFALLART202"] == 7941  # Mittelsachsen, garden and park waste 2023 (t)
    assert branch_t_per_employee()["WZ08-24-03"] == pytest.approx(10924.2 / 584.0)


@pytest.fixture
def demo_region(geo):
    NetworkFactory(slug="circular-rural-regions-mittelsachsen", areas=[geo["zwickau_lk"]])
    names = [
        "Wertstoffhof Zwickau",
        "Zimmerei Crimmitschau GmbH",
        "Agrargenossenschaft Crimmitschau eG",
        "Baustoffrecycling Zwickau GmbH",
        "Biohof Crimmitschau",
        "Metallverarbeitung Zwickau GmbH",
    ]
    for i, name in enumerate(names):
        make_actor(geo["zwickau"] if i % 2 == 0 else geo["crimmitschau"], name=name, is_demo=True)
    make_actor(geo["zittau"], name="Wertstoffhof Zittau", is_demo=True)  # outside every demo network


def test_demo_creates_flows_for_network_actors_and_matches_them(demo_region):
    line = load_demo(None)
    flows = MaterialFlow.objects.all()
    assert flows.count() >= 8
    assert all(f.is_demo for f in flows)
    assert not flows.filter(actor__name="Wertstoffhof Zittau").exists()
    yard = flows.get(actor__name="Wertstoffhof Zwickau", material="biomass")
    assert yard.quantity == pytest.approx(round(6706 * 0.3, 1))  # 30 % of Zwickau's garden waste, one yard
    assert MatchRun.objects.count() == 1
    assert FlowMatch.objects.exists()
    assert f"{flows.count()} Demo-Materialströme angelegt" in line


def test_demo_loader_is_idempotent(demo_region):
    load_demo(None)
    before = sorted(MaterialFlow.objects.values_list("demo_key", "quantity"))
    line = load_demo(None)
    assert sorted(MaterialFlow.objects.values_list("demo_key", "quantity")) == before
    assert line.startswith("Kreislauf: 0 Demo-Materialströme angelegt")
