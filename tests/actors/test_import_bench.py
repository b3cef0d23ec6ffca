"""Size check: a CSV of 100,000 actors imports all-or-nothing in at most 30 s.

Skipped by default (it takes a while); run with
    WANDELWERK_BENCH=1 .venv/bin/python -m pytest tests/actors/test_import_bench.py -s
"""

from __future__ import annotations

import csv
import io
import json
import os
import time

import pytest

from tests.actors.fixtures_io import make_topics
from wandelwerk.actors.importing import actors_import
from wandelwerk.actors.models import Actor, Resource
from wandelwerk.geo.models import Area, AreaKind, PostalCode, PostalCodeArea

pytestmark = pytest.mark.skipif(not os.environ.get("WANDELWERK_BENCH"), reason="set WANDELWERK_BENCH=1")

ROWS = 100_000
GRID = 20  # 20 × 20 municipalities of 0.1° × 0.1°


def _square(lon: float, lat: float) -> str:
    ring = [[lon, lat], [lon + 0.1, lat], [lon + 0.1, lat + 0.1], [lon, lat + 0.1], [lon, lat]]
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


def _geography() -> list[Area]:
    state = Area.objects.create(ags="09", ars="090000000000", name="Land", kind=AreaKind.STATE)
    county = Area.objects.create(
        ags="09999", ars="099990000000", name="Kreis", kind=AreaKind.COUNTY, parent=state
    )
    areas = []
    for i in range(GRID * GRID):
        lon, lat = 10 + (i % GRID) / 10, 48 + (i // GRID) / 10
        areas.append(
            Area(
                ags=f"09999{i:03d}",
                ars=f"09999{i:03d}1{i:03d}",
                name=f"Ort {i}",
                search_name=f"ort {i}",
                kind=AreaKind.MUNICIPALITY,
                parent=county,
                lat=lat + 0.05,
                lon=lon + 0.05,
                min_lon=lon,
                min_lat=lat,
                max_lon=lon + 0.1,
                max_lat=lat + 0.1,
                boundary=_square(lon, lat),
                population=1000 + i,
            )
        )
    areas = Area.objects.bulk_create(areas)
    areas = list(Area.objects.filter(kind=AreaKind.MUNICIPALITY).order_by("ags"))
    PostalCode.objects.bulk_create(
        PostalCode(plz=f"{80000 + i}", lat=a.lat, lon=a.lon) for i, a in enumerate(areas)
    )
    PostalCodeArea.objects.bulk_create(
        PostalCodeArea(plz=f"{80000 + i}", area=a, place_name=a.name) for i, a in enumerate(areas)
    )
    return areas


def _csv(areas: list[Area]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    header = "Name Art Beschreibung Themen AGS Breite Länge PLZ Ort E-Mail Webseite Angebote Quell-ID Stand"
    writer.writerow(header.split())
    for i in range(ROWS):
        n = i % len(areas)
        area = areas[n]
        location = ["", "", "", "", ""]
        if i % 10 < 4:
            location[0] = area.ags
        elif i % 10 < 7:
            location[1:3] = [
                f"{area.lat + (i % 7) / 200:.5f}".replace(".", ","),
                f"{area.lon - (i % 5) / 200:.5f}",
            ]
        elif i % 10 < 9:
            location[3] = f"{80000 + n}"
        else:
            location[4] = area.name
        writer.writerow([
            f"Initiative Nummer {i}", "Verein", f"Beschreibung {i} mit Umlauten äöü\nund Zeilenumbruch",
            "energie|gaerten", *location, f"kontakt{i}@example.org", f"https://verein{i}.example.org",
            "Fähigkeiten: Reparieren|Räume: Saal", f"src-{i}" if i % 2 else "", "01.03.2026",
        ])  # fmt: skip
    return ("\ufeff" + out.getvalue()).encode("utf-8")


@pytest.mark.django_db(transaction=True)
def test_csv_import_of_100k_actors_takes_at_most_30_seconds():
    areas = _geography()
    make_topics()
    data = _csv(areas)

    start, cpu = time.perf_counter(), time.process_time()
    report = actors_import(data=data, filename="bench.csv")
    first, first_cpu = time.perf_counter() - start, time.process_time() - cpu

    assert report.ok, report.lines()[:20]
    assert report.created == ROWS == Actor.objects.count()
    assert Resource.objects.count() == 2 * ROWS

    start = time.perf_counter()
    again = actors_import(data=data, filename="bench.csv")
    second = time.perf_counter() - start

    print(
        f"\n100k-row CSV ({len(data) / 1e6:.1f} MB): import {first:.1f} s ({first_cpu:.1f} s CPU), "
        f"same file again (nothing new) {second:.1f} s"
    )
    assert again.unchanged == ROWS and again.created == 0
    assert first <= 30.0
