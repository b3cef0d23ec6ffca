"""Synthetic material flows (``circular.Flow``) for benchmarks and tests of circular matching. No Django.

:func:`generate_flows` gives ``count`` flows of the given actors, about half outputs and half inputs:

* material classes drawn with shares loosely following German waste statistics (construction rubble
  and soil first, heat rare); about a quarter of the flows name an AVV code instead of a class;
* quantities heavy-tailed (log-normal around a per-class typical amount, sigma 1.4) in the class's
  base unit or in kg / m³ / kWh / GJ, a few in pieces;
* frequencies yearly, monthly, weekly or once; some seasonal (a run of months), some with a period;
* place = the actor's point; ``region`` = the actor's region key when given.

Every flow is valid for ``circular.prepare`` (no skipped flows). Flow ids are 1 … count; the same
inputs and seed give the same flows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from wandelwerk.engines.circular import Direction, Flow, Frequency
from wandelwerk.engines.circular_taxonomy import AVV_ENTRIES, CLASSES, MaterialClass

# share of flows, typical quantity per flow in the base unit (t or MWh)
CLASS_MIX: dict[MaterialClass, tuple[float, float]] = {
    MaterialClass.RUBBLE: (0.18, 40.0),
    MaterialClass.SOIL: (0.12, 60.0),
    MaterialClass.WOOD: (0.10, 8.0),
    MaterialClass.BIOMASS: (0.12, 15.0),
    MaterialClass.MANURE: (0.06, 120.0),
    MaterialClass.FOOD: (0.09, 2.0),
    MaterialClass.PAPER: (0.08, 3.0),
    MaterialClass.METAL: (0.06, 2.0),
    MaterialClass.PLASTICS: (0.06, 1.0),
    MaterialClass.GLASS: (0.05, 2.0),
    MaterialClass.TEXTILES: (0.05, 0.5),
    MaterialClass.HEAT: (0.03, 300.0),
}
_CLASSES = list(CLASS_MIX)
_AVV: dict[MaterialClass, list[str]] = {
    c: [f"{k[:2]} {k[2:4]} {k[4:]}" for k, v in sorted(AVV_ENTRIES.items()) if v is c] for c in _CLASSES
}
_FREQUENCIES = (Frequency.YEARLY, Frequency.MONTHLY, Frequency.WEEKLY, Frequency.ONCE)
_FREQUENCY_SHARE = (0.5, 0.2, 0.15, 0.15)
_PER_YEAR = {Frequency.YEARLY: 1.0, Frequency.MONTHLY: 12.0, Frequency.WEEKLY: 52.0, Frequency.ONCE: 1.0}
_YEAR_START = dt.date(2026, 1, 1).toordinal()


def generate_flows(
    actor_ids: npt.ArrayLike,
    lat: npt.ArrayLike,
    lon: npt.ArrayLike,
    *,
    count: int,
    seed: int = 0,
    regions: Sequence[str] | None = None,
) -> list[Flow]:
    """``count`` flows of actors drawn uniformly from ``actor_ids`` (located at ``lat``/``lon``)."""
    ids = np.asarray(actor_ids, dtype=np.int64).ravel()
    alat = np.asarray(lat, dtype=np.float64).ravel()
    alon = np.asarray(lon, dtype=np.float64).ravel()
    if not ids.shape == alat.shape == alon.shape:
        raise ValueError("actor_ids, lat and lon differ in length")
    if regions is not None and len(regions) != ids.shape[0]:
        raise ValueError(f"regions has {len(regions)} entries for {ids.shape[0]} actors")
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    if count and ids.shape[0] == 0:
        raise ValueError("no actors to give flows to")
    rng = np.random.default_rng([seed, 0xF10])
    actor = rng.integers(0, max(ids.shape[0], 1), size=count)
    shares = np.array([s for s, _ in CLASS_MIX.values()])
    cls = rng.choice(len(_CLASSES), size=count, p=shares / shares.sum())
    typical = np.array([q for _, q in CLASS_MIX.values()])[cls]
    output = rng.random(count) < 0.5
    freq = rng.choice(len(_FREQUENCIES), size=count, p=_FREQUENCY_SHARE)
    per_year = np.array([_PER_YEAR[f] for f in _FREQUENCIES])[freq]
    # heavy-tailed annual amount, given per delivery
    base_qty = typical * rng.lognormal(0.0, 1.4, size=count) / per_year
    unit_draw, avv_draw, season_draw, period_draw = rng.random((4, count))
    season_start = rng.integers(1, 13, size=count)
    season_len = rng.integers(3, 9, size=count)
    period_start = rng.integers(0, 300, size=count)
    period_len = rng.integers(30, 366, size=count)
    pick = rng.integers(0, 1 << 30, size=count)
    flows: list[Flow] = []
    for i in range(count):
        material = _CLASSES[int(cls[i])]
        quantity, unit = _unit(material, float(base_qty[i]), float(unit_draw[i]))
        frequency = _FREQUENCIES[int(freq[i])]
        months = None
        if frequency in (Frequency.WEEKLY, Frequency.MONTHLY) and season_draw[i] < 0.2:
            first = int(season_start[i])
            months = frozenset((first + k - 1) % 12 + 1 for k in range(int(season_len[i])))
        start = end = None
        if frequency is Frequency.ONCE or period_draw[i] < 0.15:
            start = dt.date.fromordinal(_YEAR_START + int(period_start[i]))
            days = int(period_len[i]) if frequency is not Frequency.ONCE else int(period_len[i]) // 6
            end = start + dt.timedelta(days=days)
        codes = _AVV[material]
        avv = codes[int(pick[i]) % len(codes)] if codes and avv_draw[i] < 0.25 else None
        a = int(actor[i])
        flows.append(
            Flow(
                id=i + 1,
                actor_id=int(ids[a]),
                direction=Direction.OUTPUT if output[i] else Direction.INPUT,
                quantity=quantity,
                unit=unit,
                frequency=frequency,
                material=None if avv else material,
                avv_code=avv,
                lat=float(alat[a]),
                lon=float(alon[a]),
                start=start,
                end=end,
                months=months,
                region=regions[a] if regions is not None else "",
            )
        )
    return flows


def _unit(material: MaterialClass, qty: float, draw: float) -> tuple[float, str]:
    """The base quantity expressed in a unit people use for this class (rounded, never zero)."""
    info = CLASSES[material]
    if info.base_unit == "MWh":
        if draw < 0.15:
            return round(max(qty * 1000, 1.0)), "kWh"
        if draw < 0.3:
            return round(max(qty * 3.6, 0.1), 1), "GJ"
        return round(max(qty, 0.1), 1), "MWh"
    if draw < 0.03:
        return float(max(round(qty * 10), 1)), "pieces"
    if draw < 0.13:
        return float(max(round(qty * 1000), 1)), "kg"
    if draw < 0.28 and info.bulk_density_t_per_m3:
        return round(max(qty / info.bulk_density_t_per_m3, 0.1), 1), "m3"
    return round(max(qty, 0.01), 2), "t"
