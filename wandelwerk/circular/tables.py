"""The bar chart figures of the region page (CSV downloads: ``core.csvexport``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    y: float
    width: float
    """Bar length in SVG units (0 … chart width)."""

    @property
    def value_x(self) -> float:
        """Where the value label starts: after the bar (bars begin at x = 190)."""
        return round(self.width + 196, 1)


def bars(items: Sequence[tuple[str, float]], *, width: float = 520.0, row: float = 26.0) -> list[Bar]:
    """Horizontal bars for a small SVG chart, longest = ``width``."""
    top = max((v for _, v in items), default=0.0)
    return [
        Bar(label, value, i * row, round(value / top * width, 1) if top > 0 else 0.0)
        for i, (label, value) in enumerate(items)
    ]
