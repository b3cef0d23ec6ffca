"""The shape every part of the potential-analysis report takes: findings in plain words, one table
(the data behind the chart, downloadable as CSV) and optionally bars drawn from the same rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import number_format


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    share: float  # 0..100, width of the bar relative to the largest value
    text: str  # the value as shown

    @property
    def width(self) -> float:
        """Bar width in % of the chart; the rest leaves room for the value text."""
        return round(self.share * 0.8, 1)

    @property
    def value_x(self) -> float:
        return round(self.share * 0.8 + 1, 1)


@dataclass(slots=True)
class Section:
    key: str  # also the CSV file name
    title: str
    intro: str = ""
    findings: list[str] = field(default_factory=list)
    columns: Sequence[str] = ()
    rows: list[Sequence[Any]] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, url) to the detailed pages
    bars: list[Bar] = field(default_factory=list)
    bars_caption: str = ""
    empty: str = ""  # said instead of the table when there are no rows
    map: Any = None  # a reports.maps.ReportMap, drawn above the chart
    row_limit: int = 50  # rows shown on the page; the CSV has all

    @property
    def shown_rows(self) -> list[Sequence[Any]]:
        return self.rows[: self.row_limit]

    @property
    def hidden_rows(self) -> int:
        return max(0, len(self.rows) - self.row_limit)

    @property
    def chart_id(self) -> str:
        return f"chart-{self.key}"


def bars(items: Sequence[tuple[str, float]], *, decimals: int = 0) -> list[Bar]:
    """Bars for (label, value) pairs, widest = largest value; negative values count as 0; the
    value text is formatted for the active language (1.234,5 in German)."""
    top = max((max(value, 0.0) for _, value in items), default=0.0)
    return [
        Bar(
            label=label,
            value=value,
            share=round(max(value, 0.0) / top * 100, 1) if top else 0.0,
            text=number_format(value, decimal_pos=decimals, force_grouping=True),
        )
        for label, value in items
    ]


def number(value: float | int | None, decimals: int = 0) -> str:
    """A figure for the text of the report, in the active language (1.234,5); "–" for None."""
    return "–" if value is None else number_format(value, decimal_pos=decimals, force_grouping=True)
