"""Readers for the official statistics shipped in ``wandelwerk/analysis/data/`` (see each SOURCE.md).

No database here: every reader takes an open text stream (or a path) and returns plain values keyed
by the official key (AGS). GENESIS "flat" CSV rules (de-regionalstatistik/SOURCE.md):

* decimal comma; ``-`` means nothing (zero); ``.`` (unknown or secret), ``x`` (not meaningful) and
  an empty cell mean "no value" and are skipped;
* region lists hold historic counties with nothing but ``-``/``.``: a county counts only when its
  total has a value; 8-digit sub-units of county tables (Berlin districts, Hannover city, Aachen,
  Saarbrücken) are ignored.
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

DATA_DIR = Path(__file__).resolve().parent / "data"
WASTE_2023 = "de-regionalstatistik/32121-01-02-4_haushaltsabfaelle_kreise_2023.csv.gz"
EMPLOYEES_2025 = "de-regionalstatistik/13111-01-03-4_beschaeftigte_kreise_2025-06-30.csv.gz"
SETTLEMENT_2023 = "de-regionalstatistik/AI-N-01-2-5_siedlungsflaeche_gemeinden_2023.csv.gz"
RENEWABLES_2024 = "de-localzero-kommunaldaten/renewable_energy_mastr_2024.csv.gz"

TOTAL = "Insgesamt"
# 32121-01-02-4 waste types → our short names (ABFALLART200 is the sum of 201 and 202)
WASTE_TYPES = {
    TOTAL: "total",
    "Haus- und Sperrmüll": "residual",
    "Getrennt erfasste organische Abfälle": "organic",
    "Abfälle aus der Biotonne": "biobin",
    "Biologisch abbaubare Garten- und Parkabfälle": "garden",
    "Getrennt erfasste Wertstoffe": "recyclables",
    "Sonstige Abfälle": "other",
}
RENEWABLE_COLUMNS = ("pv", "wind_on", "biomass")


class StatisticsFileError(ValueError):
    """A statistics file is missing or not in the expected layout; the message names file and row."""


def genesis_number(raw: str) -> float | None:
    """A GENESIS value (no thousands separator): ``"1234,5"`` → 1234.5, ``"-"`` → 0.0,
    ``"."``/``"x"``/empty → None.

    Raises ValueError for anything else."""
    text = raw.strip()
    if text == "-":
        return 0.0
    if text in {"", ".", "x", "..."}:
        return None
    return float(text.replace(",", "."))


def open_data(relative: str) -> IO[str]:
    path = DATA_DIR / relative
    if not path.exists():
        raise StatisticsFileError(f"Datei fehlt: {path}")
    # utf-8-sig: the GENESIS exports start with a byte order mark
    return gzip.open(path, "rt", encoding="utf-8-sig", newline="")


def _rows(
    stream: IO[str], *, name: str, delimiter: str, required: Iterable[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(stream, delimiter=delimiter)
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise StatisticsFileError(f"{name}: Spalte(n) fehlen: {', '.join(missing)}")
    yield from enumerate(reader, start=2)


def _number(row: dict[str, str], column: str, *, name: str, line: int) -> float | None:
    try:
        return genesis_number(row[column] or "")
    except ValueError:
        raise StatisticsFileError(
            f"{name}, Zeile {line}, Spalte {column}: „{row[column]}“ ist keine Zahl"
        ) from None


GENESIS_REGION = "1_variable_attribute_code"


@dataclass(slots=True)
class CountyWaste:
    """Household waste of one county in tonnes by type (``WASTE_TYPES`` values as keys)."""

    ags: str
    tonnes: dict[str, float] = field(default_factory=dict)


def read_waste(stream: IO[str], *, name: str = "32121-01-02-4") -> dict[str, CountyWaste]:
    """Household waste 2023 per 5-digit county: only counties whose total has a value."""
    by_county: dict[str, dict[str, float | None]] = {}
    required = (GENESIS_REGION, "2_variable_attribute_label", "value")
    for line, row in _rows(stream, name=name, delimiter=";", required=required):
        ags = row[GENESIS_REGION].strip()
        if len(ags) != 5 or not ags.isdigit():
            continue  # 8-digit sub-units
        kind = WASTE_TYPES.get(row["2_variable_attribute_label"].strip())
        if kind is None:
            raise StatisticsFileError(
                f"{name}, Zeile {line}: unbekannte Abfallart „{row['2_variable_attribute_label']}“"
            )
        by_county.setdefault(ags, {})[kind] = _number(row, "value", name=name, line=line)
    result: dict[str, CountyWaste] = {}
    for ags, values in by_county.items():
        total = values.get("total")
        if not total:  # historic county (all "-") or secret total
            continue
        result[ags] = CountyWaste(ags=ags, tonnes={k: v for k, v in values.items() if v is not None})
    return result


def read_employees(stream: IO[str], *, name: str = "13111-01-03-4") -> dict[str, float]:
    """Employees subject to social insurance (all nationalities, both sexes) per state (2 digits)
    and county (5 digits). A count of 0 ("-") is not possible for a region and means the value
    was not delivered: such regions are left out."""
    result: dict[str, float] = {}
    required = (
        "1_variable_code",
        GENESIS_REGION,
        "2_variable_attribute_label",
        "3_variable_attribute_label",
        "value",
    )
    for line, row in _rows(stream, name=name, delimiter=";", required=required):
        if row["1_variable_code"] not in {"DLAND", "KREISE"}:
            continue
        if row["2_variable_attribute_label"] != TOTAL or row["3_variable_attribute_label"] != TOTAL:
            continue
        ags = row[GENESIS_REGION].strip()
        if len(ags) not in {2, 5}:
            continue
        value = _number(row, "value", name=name, line=line)
        if value:
            result[ags] = value
    return result


def read_settlement_share(stream: IO[str], *, name: str = "AI-N-01-2-5") -> dict[str, float]:
    """Share of settlement and traffic area in the total area (%) per 8-digit municipality.

    Here ``-`` marks municipalities that no longer existed in 2023 (merged), not a share of 0 %:
    those rows are skipped."""
    result: dict[str, float] = {}
    required = (GENESIS_REGION, "value_variable_code", "value")
    for line, row in _rows(stream, name=name, delimiter=";", required=required):
        if row["value_variable_code"] != "AI0111":
            continue
        ags = row[GENESIS_REGION].strip()
        value = None if row["value"].strip() == "-" else _number(row, "value", name=name, line=line)
        if len(ags) == 8 and value is not None:
            result[ags] = value
    return result


def read_renewables(
    stream: IO[str], *, name: str = "renewable_energy_mastr_2024"
) -> dict[str, dict[str, float]]:
    """Installed capacity (kW) of PV, onshore wind and biomass by 8-digit AGS as in the file
    (DG000000 = Germany is skipped; xx000000 = state, xxxxx000 = county, else municipality; a
    kreisfreie Stadt's row serves both its county and its municipality). Decimal point."""
    result: dict[str, dict[str, float]] = {}
    for line, row in _rows(stream, name=name, delimiter=",", required=("ags", *RENEWABLE_COLUMNS)):
        ags = row["ags"].strip()
        if ags == "DG000000":
            continue  # Germany
        if len(ags) != 8 or not ags.isdigit():
            raise StatisticsFileError(
                f"{name}, Zeile {line}, Spalte ags: „{ags}“ ist kein 8-stelliger Schlüssel"
            )
        values: dict[str, float] = {}
        for column in RENEWABLE_COLUMNS:
            try:
                values[column] = float(row[column])
            except ValueError:
                raise StatisticsFileError(
                    f"{name}, Zeile {line}, Spalte {column}: „{row[column]}“ ist keine Zahl"
                ) from None
        result[ags] = values
    return result
