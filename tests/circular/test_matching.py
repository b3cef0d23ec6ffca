"""The matching run: stored matches are replaced as a whole, never over-allocate, skip closed flows."""

from __future__ import annotations

from collections import defaultdict

import pytest
from django.core.management import call_command

from tests.circular.factories import make_flow
from wandelwerk.circular.models import FlowMatch, MatchRun, MaterialFlow
from wandelwerk.circular.selectors import flow_annual
from wandelwerk.circular.services import circular_match_run, flow_close

pytestmark = pytest.mark.django_db


def _market(world):
    """Two wood offers in Zwickau county, three inputs (one far away, out of range)."""
    offers = [
        make_flow(world["carpenter"], quantity=10),
        make_flow(world["carpenter"], quantity=1, frequency="monthly"),  # 12 t per year
    ]
    needs = [
        make_flow(world["garden"], direction="input", quantity=15),
        make_flow(world["garden"], direction="input", material="biomass", quantity=30, avv_code="20 02 01"),
        make_flow(world["far"], direction="input", quantity=50),
    ]
    return offers, needs


def test_run_stores_matches_with_distance_and_co2_estimates(world):
    offers, needs = _market(world)
    run = circular_match_run()
    matches = list(FlowMatch.objects.all())
    assert run.matches == len(matches) > 0
    assert {m.input_id for m in matches} <= {needs[0].pk, needs[1].pk}  # the far one is > 50 km away
    for m in matches:
        assert 10 < m.distance_km < 20
        assert m.transport_kg_co2e > 0 and m.avoided_kg_co2e > m.transport_kg_co2e
        assert m.net_kg_co2e == pytest.approx(m.avoided_kg_co2e - m.transport_kg_co2e)
    assert run.matched_t == pytest.approx(sum(m.quantity for m in matches))


def test_stored_matches_never_over_allocate_supply_or_demand(world):
    offers, needs = _market(world)
    circular_match_run()
    given, taken = defaultdict(float), defaultdict(float)
    for m in FlowMatch.objects.all():
        given[m.output_id] += m.quantity
        taken[m.input_id] += m.quantity
    flows = {f.pk: f for f in MaterialFlow.objects.all()}
    for pk, q in given.items():
        assert q <= flow_annual(flows[pk])[0] + 1e-9
    for pk, q in taken.items():
        assert q <= flow_annual(flows[pk])[0] + 1e-9
    assert sum(given.values()) == pytest.approx(22.0)  # all 22 t of wood find takers (15 t + biomass)


def test_second_run_replaces_the_rows_and_keeps_one_run(world):
    _market(world)
    circular_match_run()
    first = set(FlowMatch.objects.values_list("pk", flat=True))
    pairs = set(FlowMatch.objects.values_list("output_id", "input_id", "quantity"))
    circular_match_run()
    assert not first & set(FlowMatch.objects.values_list("pk", flat=True))
    assert set(FlowMatch.objects.values_list("output_id", "input_id", "quantity")) == pairs
    assert MatchRun.objects.count() == 1


def test_failed_run_leaves_the_previous_matches_untouched(world, monkeypatch):
    _market(world)
    circular_match_run()
    before = set(FlowMatch.objects.values_list("pk", flat=True))
    run_before = MatchRun.objects.get()

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(FlowMatch.objects, "bulk_create", boom)
    with pytest.raises(RuntimeError):
        circular_match_run()
    assert set(FlowMatch.objects.values_list("pk", flat=True)) == before
    assert list(MatchRun.objects.all()) == [run_before]


def test_closed_flows_are_not_matched(world):
    offers, _ = _market(world)
    for offer in offers:
        flow_close(flow=offer, user=None)
    run = circular_match_run()
    assert run.matches == 0
    assert not FlowMatch.objects.exists()


def test_match_flows_command_reports_the_run(world, capsys):
    _market(world)
    call_command("match_flows")
    out = capsys.readouterr().out
    assert f"{MatchRun.objects.get().matches} Zuordnungen" in out
