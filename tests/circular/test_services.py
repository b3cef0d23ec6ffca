"""Flow services: validation names the problem, places default to the actor, closing drops matches."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from tests.circular.factories import make_flow
from wandelwerk.circular.models import FlowMatch, FlowStatus, MaterialFlow
from wandelwerk.circular.services import FlowData, FlowError, circular_match_run, flow_close, flow_update

pytestmark = pytest.mark.django_db


def _data(**kw):
    base = {"direction": "output", "material": "wood", "title": "Restholz", "quantity": 5.0, "unit": "t"}
    return FlowData(**(base | kw))


def test_new_flow_takes_the_actors_place_municipality_and_county(geo, world):
    flow = make_flow(world["carpenter"])
    assert (flow.lat, flow.lon) == (world["carpenter"].lat, world["carpenter"].lon)
    assert flow.municipality == geo["zwickau"]
    assert flow.county == geo["zwickau_lk"]
    assert flow.status == FlowStatus.ACTIVE


def test_explicit_place_is_resolved_to_its_municipality(geo, world):
    flow = make_flow(world["carpenter"], lat=geo["crimmitschau"].lat, lon=geo["crimmitschau"].lon)
    assert flow.municipality == geo["crimmitschau"]


def test_place_outside_every_municipality_is_refused(world):
    with pytest.raises(FlowError, match="keiner geladenen Gemeinde") as exc:
        make_flow(world["carpenter"], lat=60.0, lon=20.0)
    assert exc.value.field == "lat"


@pytest.mark.parametrize("quantity", [0, -3, float("nan")])
def test_quantity_must_be_positive(world, quantity):
    with pytest.raises(FlowError, match="größer als 0") as exc:
        make_flow(world["carpenter"], quantity=quantity)
    assert exc.value.field == "quantity"
    assert not MaterialFlow.objects.exists()


def test_unit_that_does_not_fit_the_material_is_named(world):
    with pytest.raises(FlowError, match="passt nicht zu „Holz“") as exc:
        make_flow(world["carpenter"], unit="MWh")
    assert exc.value.field == "unit"


def test_unknown_unit_is_named(world):
    with pytest.raises(FlowError, match="Einheit „l“ ist unbekannt"):
        make_flow(world["carpenter"], unit="l")


def test_period_ending_before_it_starts_is_refused(world):
    with pytest.raises(FlowError, match="Ende des Zeitraums") as exc:
        make_flow(world["carpenter"], period_start=dt.date(2026, 5, 1), period_end=dt.date(2026, 4, 1))
    assert exc.value.field == "period_end"


def test_avv_code_is_normalised_and_must_match_the_material(world):
    flow = make_flow(world["carpenter"], avv_code="17 02 01")
    assert flow.avv_code == "170201"
    assert flow.avv_display == "17 02 01"
    with pytest.raises(FlowError, match="gehört zu „Bauschutt“, nicht zu „Holz“") as exc:
        make_flow(world["carpenter"], avv_code="17 01 01")
    assert exc.value.field == "avv_code"


def test_hazardous_avv_code_is_refused_with_the_reason(world):
    with pytest.raises(FlowError, match="gefährlicher Abfall.*Entsorgungsfachbetrieb"):
        make_flow(world["carpenter"], material="rubble", avv_code="17 06 05*")


@pytest.mark.parametrize("code", ["1701", "17 01 0x", "abcdef"])
def test_malformed_avv_code_is_refused(world, code):
    with pytest.raises(FlowError, match="nicht sechs Ziffern"):
        make_flow(world["carpenter"], avv_code=code)


def test_months_are_stored_as_a_mask(world):
    flow = make_flow(world["carpenter"], months=frozenset({4, 5, 6}))
    assert flow.month_list == [4, 5, 6]
    assert not flow.all_year


def test_database_refuses_non_positive_quantity_even_without_the_service(world, geo):
    with pytest.raises(IntegrityError), transaction.atomic():
        MaterialFlow.objects.create(
            actor=world["carpenter"], direction="output", material="wood", title="x", quantity=0, unit="t",
            lat=1, lon=1, municipality=geo["zwickau"], county=geo["zwickau_lk"],
        )  # fmt: skip


def test_update_changes_fields_and_validates(world):
    flow = make_flow(world["carpenter"])
    flow_update(flow=flow, data=_data(quantity=12.5, title="Verschnitt"), user=world["owner"])
    flow.refresh_from_db()
    assert (flow.quantity, flow.title) == (12.5, "Verschnitt")
    with pytest.raises(FlowError):
        flow_update(flow=flow, data=_data(quantity=0), user=world["owner"])
    flow.refresh_from_db()
    assert flow.quantity == 12.5


def test_closing_a_flow_drops_its_matches(world):
    offer = make_flow(world["carpenter"], quantity=10)
    make_flow(world["garden"], direction="input", quantity=4)
    circular_match_run()
    assert FlowMatch.objects.filter(output=offer).exists()
    flow_close(flow=offer, user=world["owner"])
    offer.refresh_from_db()
    assert offer.status == FlowStatus.CLOSED
    assert not FlowMatch.objects.filter(output=offer).exists()
