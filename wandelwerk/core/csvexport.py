"""One way to hand tables to spreadsheets: UTF-8 with BOM (Excel opens umlauts right), ``;`` as
separator and decimal comma (German locale, so a spreadsheet reads 7,57 as a number), a file
name the browser saves."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse

from wandelwerk.engines.tabular import neutralise


def _cell(value: Any, float_digits: int | None) -> Any:
    if value is None:
        return ""
    if isinstance(value, float):
        text = repr(value) if float_digits is None else f"{value:.{float_digits}f}"
        return text.replace(".", ",")
    if isinstance(value, str):
        return neutralise(value)  # names typed by users must not run as spreadsheet formulas
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]], *, float_digits: int | None = None) -> str:
    """``float_digits``: write every float with that many decimals (default: as Python prints it)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(value, float_digits) for value in row])
    return "\ufeff" + buffer.getvalue()


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]], *, float_digits: int | None = None
) -> HttpResponse:
    response = HttpResponse(
        csv_text(header, rows, float_digits=float_digits), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
