"""Summaries of a circular matching run: regional potentials and value chains (Sankey links)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from wandelwerk.engines.circular import Flow, MatchResult, Prepared, prepare
from wandelwerk.engines.circular_taxonomy import MaterialClass


@dataclass(frozen=True, slots=True)
class Potential:
    region: str
    material: MaterialClass
    unit: str
    quantity: float


def potentials(flows: list[Flow], result: MatchResult) -> list[Potential]:
    """Unmatched annual supply summed per (region, class, unit), largest first, then by key."""
    by_id = {f.id: f for f in flows}
    sums: dict[tuple[str, MaterialClass, str], float] = defaultdict(float)
    for flow_id, left in result.unmatched_supply.items():
        prepared = prepare(by_id[flow_id])
        if left > 0 and isinstance(prepared, Prepared):
            sums[(by_id[flow_id].region, prepared.material, prepared.unit)] += left
    rows = [Potential(r, m, u, q) for (r, m, u), q in sums.items()]
    return sorted(rows, key=lambda p: (-p.quantity, p.region, p.material.value, p.unit))


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One edge of a Sankey diagram: annual quantity moved from a source class to a target class."""

    source: MaterialClass
    target: MaterialClass
    unit: str
    quantity: float
    matches: int


def value_chains(result: MatchResult) -> list[ChainLink]:
    """Matched quantities per (source class, target class, unit), largest first."""
    sums: dict[tuple[MaterialClass, MaterialClass, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for m in result.matches:
        entry = sums[(m.output_class, m.input_class, m.unit)]
        entry[0] += m.quantity
        entry[1] += 1
    links = [ChainLink(s, t, u, q, int(c)) for (s, t, u), (q, c) in sums.items()]
    return sorted(links, key=lambda x: (-x.quantity, x.source.value, x.target.value, x.unit))
