"""API handlers (the lead mounts the router): filters, bbox and region potentials."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from ninja.errors import HttpError

from tests.circular.factories import make_flow
from wandelwerk.api.pagination import PageParams
from wandelwerk.circular import api
from wandelwerk.circular.services import circular_match_run

pytestmark = pytest.mark.django_db


def _request():
    request = RequestFactory().get("/api/v1/material-flows")
    request.user = AnonymousUser()
    return request


def test_list_filters_by_direction_and_bbox(world, geo):
    offer = make_flow(world["carpenter"])
    make_flow(world["far"], direction="input")
    out = api.flow_list(_request(), api.FlowFilters(direction="output"), PageParams())
    assert [i["id"] for i in out["items"]] == [offer.pk]
    box = api.FlowFilters(bbox="14.7,50.8,14.9,51.0")  # around Zittau
    assert [i["direction"] for i in api.flow_list(_request(), box, PageParams())["items"]] == ["input"]
    with pytest.raises(HttpError):
        api.flow_list(_request(), api.FlowFilters(bbox="1,2,3"), PageParams())


def test_region_potentials_endpoint(world):
    make_flow(world["carpenter"], quantity=10)
    make_flow(world["garden"], direction="input", quantity=4)
    circular_match_run()
    out = api.region(_request(), "region-zwickau")
    assert out["matches"] == 1 and out["matched_t"] == pytest.approx(4)
    assert out["counties"][0]["unmatched_t"] == pytest.approx(6)
    assert out["chains"][0]["from_county"] == "Zwickau"
    with pytest.raises(HttpError):
        api.region(_request(), "nope")
