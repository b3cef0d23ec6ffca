"""/api/v1/analysis: white spots of a network or area as JSON (public actors only).

The lead registers it: ``api.add_router("/analysis", analysis_router, tags=["analysis"])``."""

from __future__ import annotations

from ninja import Router, Schema
from ninja.errors import HttpError

from wandelwerk.analysis import selectors
from wandelwerk.geo.selectors import area_get
from wandelwerk.networks.selectors import network_get

router = Router()


class HelperOut(Schema):
    ags: str
    name: str
    count: int
    distance_km: float
    actors_url: str


class SpotOut(Schema):
    ags: str
    name: str
    key: str
    label: str
    count: int
    expected: float | None
    ratio: float | None
    p_value: float | None
    helpers: list[HelperOut]


class TotalOut(Schema):
    key: str
    label: str
    count: int
    per_10k: float | None
    expected: float | None
    ratio: float | None
    white_spots: int


class GapsOut(Schema):
    region: str
    name: str
    in_scope: bool
    unit_kind: str
    min_expected: float
    max_ratio: float
    alpha: float
    white_spots: list[SpotOut]
    totals: list[TotalOut]


def _out(overview: selectors.GapOverview) -> dict[str, object]:
    t = overview.thresholds
    return {
        "region": overview.region.id,
        "name": overview.region.name,
        "in_scope": overview.in_scope,
        "unit_kind": overview.unit_kind,
        "min_expected": t.min_expected,
        "max_ratio": t.max_ratio,
        "alpha": t.alpha,
        "white_spots": [
            {
                "ags": s.row.area_id,
                "name": s.area_name,
                "key": s.row.key,
                "label": s.key_label,
                "count": s.row.count,
                "expected": s.row.expected,
                "ratio": s.row.ratio,
                "p_value": s.row.p_value,
                "helpers": [_helper(h) for h in s.helpers],
            }
            for s in overview.spots
        ],
        "totals": [_total(x) for x in overview.totals],
    }


def _helper(h: selectors.HelperView) -> dict[str, object]:
    return {
        "ags": h.ags,
        "name": h.name,
        "count": h.count,
        "distance_km": h.distance_km,
        "actors_url": h.actors_url,
    }


def _total(x: selectors.KeyTotal) -> dict[str, object]:
    return {
        "key": x.key,
        "label": x.label,
        "count": x.count,
        "per_10k": x.per_10k,
        "expected": x.expected,
        "ratio": x.ratio,
        "white_spots": x.white_spots,
    }


@router.get("/networks/{slug}/gaps", response=GapsOut, summary="Weiße Flecken eines Netzwerks")
def network_gaps(request, slug: str, limit: int = 20):  # type: ignore[no-untyped-def]
    """Top white spots (largest shortfall first, each with nearby helpers) and totals per key."""
    network = network_get(slug=slug)
    if network is None:
        raise HttpError(404, f"Unbekanntes Netzwerk „{slug}“.")
    return _out(selectors.gap_overview(network=network, limit=max(1, min(limit, 100))))


@router.get("/areas/{ags}/gaps", response=GapsOut, summary="Weiße Flecken eines Gebiets")
def area_gaps(request, ags: str, limit: int = 20):  # type: ignore[no-untyped-def]
    """Same as for a network, for a state (2 digits), county (5) or municipality (8)."""
    area = area_get(ags=ags)
    if area is None:
        raise HttpError(404, f"Unbekanntes Gebiet „{ags}“.")
    return _out(selectors.gap_overview(area=area, limit=max(1, min(limit, 100))))
