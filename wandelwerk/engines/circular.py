"""Circular material matching: actors' material outputs (by-products, waste, surplus) to inputs.

Pure computation over ``Flow`` values; the taxonomy (classes, AVV codes, units, compatibility,
emission factors) lives in ``circular_taxonomy``.

Pipeline of ``match``:

1. Normalise every flow: material class (given, or from its AVV code), quantity in the class's
   base unit, annualised (once → the amount itself; weekly × 365.25/7; monthly × 12; yearly × 1;
   weekly/monthly flows limited to some months × months/12). Flows that cannot take part are
   returned in ``MatchResult.skipped`` with a reason (no location, zero quantity, unknown or
   hazardous code, unit not convertible, empty period); they never raise.
2. Candidate pairs (output, input) of compatible classes and equal base unit, different actors,
   within ``max_km`` great-circle distance (class caps apply: heat 5 km), found through a numpy
   grid index over 3-D unit-sphere coordinates (cell = chord of the radius, 27 neighbour cells),
   with overlapping timing. With ``top_k`` the search widens its reach step by step
   (``circular_search``), so pairs that cannot reach an input's top k are never enumerated; the
   result is the same as the full search.
3. Score = quality factor × quantity fit (min/max of annual quantities) × exp(-km / decay_km) ×
   timing overlap (shared days / days of the shorter period, times shared months / months of the
   smaller month set). Per input only the ``top_k`` best candidates are kept (None keeps all).
4. Greedy allocation by score (ties: output id, then input id): each pair moves
   min(remaining supply, remaining demand), so no flow is ever over-allocated. Greedy is not a
   global optimum but is explainable ("best fitting partner first") and fast.

CO2e per match (estimates, labelled as such): transport = t × km × road detour 1.3 × 0.12 kg
CO2e/t·km, the upper end of the average greenhouse-gas intensity of lorries > 3.5 t in Germany
(≈ 110–125 g CO2e/t·km, Umweltbundesamt, "Vergleich der durchschnittlichen Emissionen einzelner
Verkehrsmittel im Güterverkehr", TREMOD); avoided = quantity × quality × the input class's
conservative virgin-material factor. Heat is piped, so it has no truck emissions. Pieces have no
mass, so their CO2e fields are None.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import partial

import numpy as np
from numpy.typing import NDArray

from wandelwerk.engines.circular_grid import pairs_within, sphere_xyz
from wandelwerk.engines.circular_search import top_k_expanding
from wandelwerk.engines.circular_taxonomy import (
    CLASSES,
    COMPATIBILITY,
    MaterialClass,
    classify_avv,
    parse_avv,
    to_base_unit,
)

ROAD_DETOUR_FACTOR = 1.3
TRUCK_KG_CO2E_PER_TKM = 0.12
_OPEN_START = -(10**9)
_OPEN_END = 10**9
_ALL_MONTHS = 0xFFF
_SCALE = 10**12
_SCORE_BITS = 40
_ID_BITS = 23
_POPCOUNT = np.array([bin(i).count("1") for i in range(4096)], dtype=np.int64)
_CLASS_LIST = list(MaterialClass)
_CLASS_INDEX = {c: i for i, c in enumerate(_CLASS_LIST)}


class Direction(StrEnum):
    OUTPUT = "output"
    INPUT = "input"


class Frequency(StrEnum):
    ONCE = "once"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    YEARLY = "yearly"


_PER_YEAR = {
    Frequency.ONCE: 1.0,
    Frequency.WEEKLY: 365.25 / 7,
    Frequency.MONTHLY: 12.0,
    Frequency.YEARLY: 1.0,
}


@dataclass(frozen=True, slots=True)
class Flow:
    """One declared output (supply) or input (demand) of an actor."""

    id: int
    actor_id: int
    direction: Direction
    quantity: float
    unit: str
    """t, kg, m3, MWh, kWh, GJ or pieces."""
    frequency: Frequency = Frequency.YEARLY
    material: MaterialClass | None = None
    avv_code: str | None = None
    """Used when ``material`` is None, e.g. "17 01 01"."""
    lat: float | None = None
    lon: float | None = None
    start: date | None = None
    end: date | None = None
    months: frozenset[int] | None = None
    """Months (1–12) in which the flow occurs each year; None = all year."""
    region: str = ""
    """Region key (e.g. county AGS) for the potentials."""


@dataclass(frozen=True, slots=True)
class Params:
    max_km: float = 50.0
    decay_km: float = 25.0
    top_k: int | None = 10
    """Best candidates kept per input before allocation; None keeps every feasible pair."""


@dataclass(frozen=True, slots=True)
class Skipped:
    flow_id: int
    reason: str


@dataclass(frozen=True, slots=True)
class Match:
    output_id: int
    input_id: int
    output_class: MaterialClass
    input_class: MaterialClass
    quantity: float
    """Allocated annual quantity in ``unit``."""
    unit: str
    distance_km: float
    score: float
    transport_kg_co2e: float | None
    avoided_kg_co2e: float | None
    net_saving_kg_co2e: float | None
    """Estimate: avoided minus transport; None for pieces."""


@dataclass(frozen=True, slots=True)
class MatchResult:
    matches: list[Match]
    skipped: list[Skipped]
    unmatched_supply: dict[int, float] = field(default_factory=dict)
    """Output flow id → annual supply (base unit) left after allocation, incl. outputs without location."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """A flow after normalisation (internal, exposed for tests and benchmarks)."""

    flow: Flow
    material: MaterialClass
    annual: float
    unit: str


def annual_quantity(quantity: float, frequency: Frequency, months: frozenset[int] | None = None) -> float:
    """Quantity per year; weekly/monthly flows limited to some months count only those months."""
    per_year = quantity * _PER_YEAR[frequency]
    if months is not None and frequency in (Frequency.WEEKLY, Frequency.MONTHLY):
        per_year *= len(months) / 12
    return per_year


def prepare(flow: Flow) -> Prepared | str:
    """The normalised flow, or the reason it cannot be matched (location is checked later)."""
    material = flow.material
    if material is None:
        if not flow.avv_code:
            return "no material class and no AVV code"
        try:
            code = parse_avv(flow.avv_code)
        except ValueError as exc:
            return str(exc)
        if code.hazardous:
            return f"hazardous waste (AVV {code.code}*) needs licensed handling and is not matched"
        material = classify_avv(code.code)
        if material is None:
            return f"AVV code {flow.avv_code!r} has no material class"
    if not math.isfinite(flow.quantity) or flow.quantity <= 0:
        return "quantity must be a positive number"
    if flow.months is not None and (not flow.months or not flow.months <= set(range(1, 13))):
        return "months must be a non-empty set of 1–12"
    if flow.start and flow.end and flow.end < flow.start:
        return "period ends before it starts"
    try:
        base_qty, unit = to_base_unit(material, flow.quantity, flow.unit)
    except ValueError as exc:
        return str(exc)
    return Prepared(flow, material, annual_quantity(base_qty, flow.frequency, flow.months), unit)


def normalise(flows: list[Flow]) -> tuple[list[Prepared], list[Prepared], list[Skipped]]:
    """(matchable flows, valid outputs without location, skipped by id); ``ValueError`` on duplicate ids."""
    ids = [f.id for f in flows]
    if len(set(ids)) != len(ids):
        raise ValueError("flow ids must be unique")
    ready: list[Prepared] = []
    unlocated: list[Prepared] = []
    skipped: list[Skipped] = []
    for flow in flows:
        prepared = prepare(flow)
        if isinstance(prepared, str):
            skipped.append(Skipped(flow.id, prepared))
        elif flow.lat is None or flow.lon is None:
            skipped.append(Skipped(flow.id, "no location"))
            if flow.direction is Direction.OUTPUT:
                unlocated.append(prepared)
        elif not (-90 <= flow.lat <= 90 and -180 <= flow.lon <= 180):
            skipped.append(Skipped(flow.id, "coordinates out of range"))
        else:
            ready.append(prepared)
    return ready, unlocated, sorted(skipped, key=lambda x: x.flow_id)


@dataclass(frozen=True, slots=True)
class _Table:
    """Column arrays of prepared flows of one direction."""

    ids: NDArray[np.int64]
    actors: NDArray[np.int64]
    cls: NDArray[np.int64]
    unit: NDArray[np.int64]
    annual: NDArray[np.float64]
    xyz: NDArray[np.float64]
    start: NDArray[np.int64]
    end: NDArray[np.int64]
    months: NDArray[np.int64]


_UNITS = {"t": 0, "MWh": 1, "pieces": 2}
_UNIT_NAMES = {v: k for k, v in _UNITS.items()}


def _split(ready: list[Prepared]) -> tuple[list[Prepared], list[Prepared]]:
    """Outputs and inputs, each ordered by flow id (index order = id order for tie-breaking)."""
    outs = sorted((p for p in ready if p.flow.direction is Direction.OUTPUT), key=lambda p: p.flow.id)
    ins = sorted((p for p in ready if p.flow.direction is Direction.INPUT), key=lambda p: p.flow.id)
    if max(len(outs), len(ins)) >= 1 << _ID_BITS:
        raise ValueError(f"at most {(1 << _ID_BITS) - 1} outputs and inputs per run")
    return outs, ins


def _table(items: list[Prepared]) -> _Table:
    f = [p.flow for p in items]
    return _Table(
        ids=np.array([x.id for x in f], dtype=np.int64),
        actors=np.array([x.actor_id for x in f], dtype=np.int64),
        cls=np.array([_CLASS_INDEX[p.material] for p in items], dtype=np.int64),
        unit=np.array([_UNITS[p.unit] for p in items], dtype=np.int64),
        annual=np.array([p.annual for p in items], dtype=np.float64),
        xyz=sphere_xyz(
            np.array([x.lat for x in f], dtype=np.float64), np.array([x.lon for x in f], dtype=np.float64)
        ),
        start=np.array([x.start.toordinal() if x.start else _OPEN_START for x in f], dtype=np.int64),
        end=np.array([x.end.toordinal() if x.end else _OPEN_END for x in f], dtype=np.int64),
        months=np.array([sum(1 << (m - 1) for m in x.months) if x.months else _ALL_MONTHS for x in f]),
    )


@dataclass(frozen=True, slots=True)
class Candidates:
    """Feasible pairs as parallel arrays (indices into the output and input tables)."""

    out_idx: NDArray[np.int64]
    in_idx: NDArray[np.int64]
    distance_km: NDArray[np.float64]
    quality: NDArray[np.float64]
    score: NDArray[np.float64]


_Part = tuple[
    NDArray[np.int64], NDArray[np.int64], NDArray[np.float64], NDArray[np.float64], NDArray[np.int64]
]
_CHUNK = 2048
"""Inputs per grid query: bounds memory in dense regions; exact, because top-k is per input."""


def _top_k(part: _Part, k: int | None) -> _Part:
    """Keeps the k best pairs per input (ties: lower output index), ordered by (input, rank)."""
    po, pn, dist, quality, inv = part
    order = np.argsort((pn << _ID_BITS) | po)
    if k is not None:
        order = order[np.argsort(((pn << _SCORE_BITS) | inv)[order], kind="stable")]
        pn_sorted = pn[order]
        first = np.r_[True, pn_sorted[1:] != pn_sorted[:-1]]
        group_start = np.maximum.accumulate(np.where(first, np.arange(len(order)), 0))
        order = order[(np.arange(len(order)) - group_start) < k]
    return po[order], pn[order], dist[order], quality[order], inv[order]


def _score(
    o: _Table,
    n: _Table,
    po: NDArray[np.int64],
    pn: NDArray[np.int64],
    dist: NDArray[np.float64],
    factor: float,
    params: Params,
) -> _Part:
    """Drops same-actor and non-overlapping pairs and scores the rest (fixed-point, see below)."""
    overlap_days = np.minimum(o.end[po], n.end[pn]) - np.maximum(o.start[po], n.start[pn]) + 1
    shared_months = _POPCOUNT[o.months[po] & n.months[pn]]
    keep = (overlap_days > 0) & (shared_months > 0) & (o.actors[po] != n.actors[pn])
    po, pn, dist, overlap_days, shared_months = (
        po[keep],
        pn[keep],
        dist[keep],
        overlap_days[keep],
        shared_months[keep],
    )
    shorter = np.minimum(o.end[po] - o.start[po], n.end[pn] - n.start[pn]) + 1
    fewer_months = np.minimum(_POPCOUNT[o.months[po]], _POPCOUNT[n.months[pn]])
    timing = (overlap_days / shorter) * (shared_months / fewer_months)
    qa, qb = o.annual[po], n.annual[pn]
    fit = np.minimum(qa, qb) / np.maximum(qa, qb)
    decay = np.exp(-dist / params.decay_km) if params.decay_km > 0 else (dist == 0).astype(np.float64)
    # Scores are fixed-point (1e-12) so that sort keys pack into one int64: exact, fast and
    # deterministic. Tables are ordered by flow id, so index order is id order.
    inv = _SCALE - np.rint(factor * fit * decay * timing * _SCALE).astype(np.int64)
    return po, pn, dist, np.full(len(po), factor), inv


def _ranked(
    o: _Table,
    n: _Table,
    factor: float,
    params: Params,
    po: NDArray[np.int64],
    pn: NDArray[np.int64],
    dist: NDArray[np.float64],
) -> _Part:
    return _top_k(_score(o, n, po, pn, dist, factor, params), params.top_k)


def _candidates(o: _Table, n: _Table, params: Params) -> Candidates:
    """Feasible pairs, top-k per input, in allocation order (score desc, output id, input id)."""
    parts: list[_Part] = []
    for (oc, ic), factor in sorted(COMPATIBILITY.items()):
        caps = [c for c in (params.max_km, CLASSES[oc].max_km, CLASSES[ic].max_km) if c is not None]
        radius = min(caps)
        for unit in _UNITS.values():
            oi = np.flatnonzero((o.cls == _CLASS_INDEX[oc]) & (o.unit == unit))
            ni_all = np.flatnonzero((n.cls == _CLASS_INDEX[ic]) & (n.unit == unit))
            if not len(oi) or radius < 0:
                continue
            if params.top_k is not None and params.top_k >= 1 and params.decay_km > 0:
                # same result as the loop below, without enumerating every pair (circular_search)
                parts += top_k_expanding(
                    o.xyz, o.annual, oi, n.xyz, n.annual, ni_all, radius,
                    rank=partial(_ranked, o, n, factor, params),
                    k=params.top_k, quality=factor, decay_km=params.decay_km, scale=_SCALE, chunk=_CHUNK,
                )  # fmt: skip
                continue
            for lo in range(0, len(ni_all), _CHUNK):
                po, pn, dist = pairs_within(o.xyz, oi, n.xyz, ni_all[lo : lo + _CHUNK], radius)
                parts.append(_top_k(_score(o, n, po, pn, dist, factor, params), params.top_k))
    if not parts:
        e = np.zeros(0, dtype=np.int64)
        return Candidates(e, e, np.zeros(0), np.zeros(0), np.zeros(0))
    joined: _Part = (
        np.concatenate([p[0] for p in parts]),
        np.concatenate([p[1] for p in parts]),
        np.concatenate([p[2] for p in parts]),
        np.concatenate([p[3] for p in parts]),
        np.concatenate([p[4] for p in parts]),
    )
    po, pn, dist, quality, inv = _top_k(joined, params.top_k)
    order = np.argsort((inv << _ID_BITS) | po, kind="stable")
    po, pn, dist, quality, inv = po[order], pn[order], dist[order], quality[order], inv[order]
    return Candidates(po, pn, dist, quality, (_SCALE - inv) / _SCALE)


def _co2(
    m_cls: MaterialClass, in_cls: MaterialClass, unit: str, qty: float, km: float, quality: float
) -> tuple[float | None, float | None, float | None]:
    if unit == "pieces":
        return None, None, None
    transport = qty * km * ROAD_DETOUR_FACTOR * TRUCK_KG_CO2E_PER_TKM if CLASSES[m_cls].trucked else 0.0
    avoided = qty * quality * CLASSES[in_cls].avoided_kg_co2e_per_unit
    return transport, avoided, avoided - transport


def match(flows: list[Flow], params: Params | None = None) -> MatchResult:
    """Matches outputs to inputs (see the module docstring); deterministic for the same flows."""
    params = params or Params()
    ready, unlocated, skipped = normalise(flows)
    outs, ins = _split(ready)
    supply = {p.flow.id: p.annual for p in (*outs, *unlocated)}
    if not outs or not ins:
        return MatchResult([], skipped, supply)
    o, n = _table(outs), _table(ins)
    cand = _candidates(o, n, params)
    demand = n.annual.tolist()
    left = o.annual.tolist()
    matches: list[Match] = []
    po, pn = cand.out_idx.tolist(), cand.in_idx.tolist()
    dist, qual, score = (
        cand.distance_km.tolist(),
        cand.quality.tolist(),
        cand.score.tolist(),
    )
    for a, b, km, quality, s in zip(po, pn, dist, qual, score, strict=True):
        qty = min(left[a], demand[b])
        if qty <= 0:
            continue
        left[a] -= qty
        demand[b] -= qty
        oc, ic, unit = outs[a].material, ins[b].material, outs[a].unit
        transport, avoided, net = _co2(oc, ic, unit, qty, km, quality)
        matches.append(
            Match(outs[a].flow.id, ins[b].flow.id, oc, ic, qty, unit, km, s, transport, avoided, net)
        )
    for i, p in enumerate(outs):
        supply[p.flow.id] = left[i]
    return MatchResult(matches, skipped, supply)


def feasible_pairs(
    flows: list[Flow], params: Params | None = None
) -> dict[tuple[int, int], tuple[float, float]]:
    """(output id, input id) → (distance km, score) for every candidate pair kept before allocation."""
    params = params or Params()
    ready, _, _ = normalise(flows)
    outs, ins = _split(ready)
    if not outs or not ins:
        return {}
    o, n = _table(outs), _table(ins)
    c = _candidates(o, n, params)
    keys = zip(o.ids[c.out_idx].tolist(), n.ids[c.in_idx].tolist(), strict=True)
    values = zip(c.distance_km.tolist(), c.score.tolist(), strict=True)
    return dict(zip(keys, values, strict=True))
