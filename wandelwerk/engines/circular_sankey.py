"""Layout of a Sankey diagram for value chains, drawn as server-side SVG (no JavaScript needed).

Input is a list of paths: one label per column (e.g. material → from county → to county → use)
and a quantity. Nodes are stacked per column, largest first (ties by label), the columns centred
vertically; a band's thickness is proportional to its quantity. Bands leave a node ordered by the
target's position and enter ordered by the source's position, so they do not cross inside a node.
Every coordinate is rounded to 0.1 so that the SVG is small and the output deterministic.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SankeyPath:
    labels: tuple[str, ...]
    """One label per column."""
    quantity: float


@dataclass(frozen=True, slots=True)
class SankeyNode:
    column: int
    label: str
    quantity: float
    x: float
    y: float
    width: float
    height: float

    @property
    def anchor(self) -> str:
        """Text anchor of the label: left of the first column's nodes, right of the others."""
        return "end" if self.column == 0 else "start"

    @property
    def label_x(self) -> float:
        return round(self.x - 4 if self.column == 0 else self.x + self.width + 4, 1)

    @property
    def label_y(self) -> float:
        return round(self.y + self.height / 2, 1)


@dataclass(frozen=True, slots=True)
class SankeyBand:
    source: SankeyNode
    target: SankeyNode
    quantity: float
    thickness: float
    path: str
    """SVG path ``d`` of the band's centre line (draw with stroke-width = thickness)."""


@dataclass(frozen=True, slots=True)
class SankeyLayout:
    width: float
    height: float
    columns: tuple[str, ...]
    nodes: list[SankeyNode]
    bands: list[SankeyBand]
    total: float
    column_x: tuple[float, ...] = ()
    """Left edge of each column's nodes (for column headings)."""

    @property
    def headings(self) -> list[tuple[str, float, str]]:
        """(column title, x, text anchor): first column right-aligned to its nodes, others left."""
        return (
            [
                (title, x + (self.nodes[0].width if i else 0.0), "end" if i == 0 else "start")
                for i, (title, x) in enumerate(zip(self.columns, self.column_x, strict=True))
            ]
            if self.nodes
            else []
        )


def _r(v: float) -> float:
    return round(v, 1)


def sankey_layout(
    paths: Sequence[SankeyPath],
    *,
    columns: Sequence[str],
    width: float = 960.0,
    height: float = 420.0,
    node_width: float = 12.0,
    gap: float = 8.0,
    label_room: float = 150.0,
    right_room: float | None = None,
) -> SankeyLayout:
    """Nodes and bands for ``paths`` (quantities ≤ 0 are ignored); ``ValueError`` if a path's length
    differs from the number of columns."""
    k = len(columns)
    kept = [p for p in paths if p.quantity > 0]
    for p in kept:
        if len(p.labels) != k:
            raise ValueError(f"path {p.labels!r} has {len(p.labels)} labels, expected {k}")
    if k < 2 or not kept:
        return SankeyLayout(width, height, tuple(columns), [], [], 0.0)
    totals: list[dict[str, float]] = [defaultdict(float) for _ in range(k)]
    links: dict[tuple[int, str, str], float] = defaultdict(float)
    for p in kept:
        for c, label in enumerate(p.labels):
            totals[c][label] += p.quantity
        for c in range(k - 1):
            links[(c, p.labels[c], p.labels[c + 1])] += p.quantity
    total = sum(p.quantity for p in kept)
    most = max(len(t) for t in totals)
    scale = max(height - gap * (most - 1), 1.0) / total
    right = label_room if right_room is None else right_room
    step = (width - node_width - label_room - right) / (k - 1)
    nodes: dict[tuple[int, str], SankeyNode] = {}
    for c, column in enumerate(totals):
        order = sorted(column.items(), key=lambda kv: (-kv[1], kv[0]))
        used = sum(max(q * scale, 1.0) for _, q in order) + gap * (len(order) - 1)
        y = (height - used) / 2
        x = label_room + c * step
        for label, q in order:
            h = max(q * scale, 1.0)
            nodes[(c, label)] = SankeyNode(c, label, q, _r(x), _r(y), node_width, _r(h))
            y += h + gap
    out_offset: dict[tuple[int, str], float] = defaultdict(float)
    bands: list[SankeyBand] = []
    ordered = sorted(
        links.items(),
        key=lambda kv: (kv[0][0], nodes[(kv[0][0], kv[0][1])].y, nodes[(kv[0][0] + 1, kv[0][2])].y),
    )
    # entering bands are stacked by their source's position: precompute per target
    entering: dict[tuple[int, str], list[tuple[float, str, float]]] = defaultdict(list)
    for (c, a, b), q in ordered:
        entering[(c + 1, b)].append((nodes[(c, a)].y, a, q))
    in_start: dict[tuple[int, str, str], float] = {}
    for key, items in entering.items():
        acc = 0.0
        for _y, a, q in sorted(items):
            in_start[(key[0] - 1, a, key[1])] = acc
            acc += q * scale
    for (c, a, b), q in ordered:
        src, dst = nodes[(c, a)], nodes[(c + 1, b)]
        t = q * scale
        y0 = src.y + out_offset[(c, a)] + t / 2
        y1 = dst.y + in_start[(c, a, b)] + t / 2
        out_offset[(c, a)] += t
        x0, x1 = src.x + src.width, dst.x
        xm = (x0 + x1) / 2
        d = f"M{_r(x0)},{_r(y0)} C{_r(xm)},{_r(y0)} {_r(xm)},{_r(y1)} {_r(x1)},{_r(y1)}"
        bands.append(SankeyBand(src, dst, q, _r(max(t, 1.0)), d))
    node_list = sorted(nodes.values(), key=lambda n: (n.column, n.y))
    xs = tuple(_r(label_room + c * step) for c in range(k))
    return SankeyLayout(width, height, tuple(columns), node_list, bands, total, xs)
