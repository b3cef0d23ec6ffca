"""CSV downloads (UTF-8 with BOM, ``;``, decimal comma, formulas neutralised) and the bar chart figures."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse

from wandelwerk.engines.tabular import neutralise


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}".replace(".", ",")
    return neutralise(str(value))


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> HttpResponse:
    """A German-Excel CSV attachment."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


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
