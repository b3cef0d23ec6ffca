"""Readers for the reference data shipped in ``wandelwerk/geo/data/`` (see each folder's SOURCE.md).

Each reader returns plain values keyed by the official key (AGS); nothing here touches the
database. Files are gzip-compressed copies of the originals.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"

VG5000 = "de-vg5000-2021"
GV2019 = "de-gemeindeverzeichnis-2019/gemeinden_2019-12-31.csv.gz"
ZENSUS2022 = "de-zensus2022-gemeinden/1000A-0000_de_flat.csv.gz"
COUNTY_POPULATION_2024 = "de-regionalstatistik/12411-01-01-4_bevoelkerung_kreise_2024-12-31.csv.gz"
REGIOSTAR = "de-localzero-kommunaldaten/area_kinds_regiostar_2021.csv.gz"
PLZ_CENTROIDS = "de-plz/plz_centroids.csv.gz"
PLZ_AREAS = "de-plz/zuordnung_plz_ort_landkreis.csv.gz"

GV2019_DATE = dt.date(2019, 12, 31)
ZENSUS2022_DATE = dt.date(2022, 5, 15)
COUNTY_POPULATION_DATE = dt.date(2024, 12, 31)


class DataFileError(ValueError):
    """A data file is missing or does not have the expected shape."""


def _rows(relative: str, *, delimiter: str = ",") -> Iterator[dict[str, str]]:
    path = DATA_DIR / relative
    if not path.exists():
        raise DataFileError(f"Datei fehlt: {path}")
    # utf-8-sig: the GENESIS exports start with a byte order mark
    with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as handle:
        yield from csv.DictReader(handle, delimiter=delimiter)


def vg5000_features(level: str) -> list[dict[str, Any]]:
    """GeoJSON features of ``level`` ("laender", "kreise" or "gemeinden")."""
    path = DATA_DIR / VG5000 / f"{level}.geojson.gz"
    if not path.exists():
        raise DataFileError(f"Datei fehlt: {path}")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        features: list[dict[str, Any]] = json.load(handle)["features"]
    return features


@dataclass(frozen=True, slots=True)
class GvMunicipality:
    """One municipality of the Gemeindeverzeichnis 31.12.2019."""

    ags: str
    name: str
    area_km2: float | None
    population: int | None
    lon: float | None
    lat: float | None
    degurba: int | None


def _float(value: str) -> float | None:
    value = value.strip().replace(",", ".")
    return float(value) if value else None


def _int(value: str) -> int | None:
    value = value.strip().replace(" ", "")
    return int(value) if value.isdigit() else None


def gv2019_municipalities() -> dict[str, GvMunicipality]:
    """Gemeindeverzeichnis 2019 rows by 8-digit AGS."""
    result: dict[str, GvMunicipality] = {}
    for row in _rows(GV2019):
        ags = row["ags"]
        result[ags] = GvMunicipality(
            ags=ags,
            name=row["name"],
            area_km2=_float(row["area_km2"]),
            population=_int(row["population"]),
            lon=_float(row["lon"]),
            lat=_float(row["lat"]),
            degurba=_int(row["degurba_code"]),
        )
    return result


def zensus2022_population() -> dict[str, int]:
    """Census 2022 population by 8-digit AGS (derived from the 12-digit ARS: ARS[0:5] + ARS[9:12])."""
    result: dict[str, int] = {}
    for row in _rows(ZENSUS2022, delimiter=";"):
        ars = row["1_variable_attribute_code"]
        value = _int(row["value"])
        if len(ars) != 12 or value is None:
            continue  # the Germany total "DG"
        result[ars[:5] + ars[9:]] = value
    return result


def county_population_2024() -> dict[str, int]:
    """Population 31.12.2024 (total of both sexes) by 5-digit county AGS.

    Historic counties without a value ("-", ".") and 8-digit sub-units (Berlin districts,
    Aachen, Saarbrücken, Hannover city) are left out."""
    result: dict[str, int] = {}
    for row in _rows(COUNTY_POPULATION_2024, delimiter=";"):
        if row["2_variable_attribute_label"] != "Insgesamt":
            continue
        ags = row["1_variable_attribute_code"]
        value = _int(row["value"])
        if len(ags) == 5 and value is not None:
            result[ags] = value
    return result


def regiostar7() -> dict[str, int]:
    """RegioStaR 7 type (71–77) by 8-digit AGS."""
    return {row["ags"]: int(row["rt7"]) for row in _rows(REGIOSTAR) if row["rt7"].strip().isdigit()}


def plz_centroids() -> dict[str, tuple[float, float]]:
    """Postal code → (lat, lon) of the postal code area's centroid."""
    return {row["plz"]: (float(row["lat"]), float(row["lon"])) for row in _rows(PLZ_CENTROIDS)}


def plz_areas() -> list[tuple[str, str, str]]:
    """(plz, ags, place name) rows: which municipality a postal code touches."""
    return [(row["plz"], row["ags"], row["ort"]) for row in _rows(PLZ_AREAS)]
