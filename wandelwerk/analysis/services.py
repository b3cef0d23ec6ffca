"""Writes of the analysis app: loading the official statistics (all or nothing, idempotent)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO

from django.db import transaction
from django.utils.translation import gettext_noop

from wandelwerk.analysis import statfiles
from wandelwerk.analysis.models import AreaValue, Indicator
from wandelwerk.geo.models import Area, AreaKind

GENESIS = (
    "© Statistische Ämter des Bundes und der Länder, Deutschland, 2026. "
    "Datenquelle: Regionaldatenbank Deutschland, Tabelle {table}"
)
LOCALZERO = (
    "Daten: LocalZero / GermanZero e.V. (localzero-data-public), auf Basis von: Statistische Ämter des "
    "Bundes und der Länder (Flächenerhebung, dl-de/by-2-0); BMDV RegioStaR; Bundesnetzagentur "
    "Marktstammdatenregister (dl-de/by-2-0). Lizenz der Zusammenstellung ungeklärt (siehe SOURCE.md)."
)
WASTE_SOURCE = (
    GENESIS.format(table="32121-01-02-4") + " (Daten verändert: je Einwohner 31.12.2024 umgerechnet)"
)
WASTE_NOTE = "Abfallmenge 2023 geteilt durch die Einwohnerzahl am 31.12.2024 (Tabelle 12411-01-01-4)."


@dataclass(frozen=True, slots=True)
class IndicatorSpec:
    key: str
    label: str
    unit: str
    source: str
    year: int
    note: str = ""


# German in the database; shown through gettext (see profile.indicator_label)
WASTE_LABELS = {
    "total": gettext_noop("Haushaltsabfälle insgesamt"),
    "residual": gettext_noop("Haus- und Sperrmüll"),
    "organic": gettext_noop("Getrennt erfasste organische Abfälle"),
    "biobin": gettext_noop("Abfälle aus der Biotonne"),
    "garden": gettext_noop("Garten- und Parkabfälle"),
    "recyclables": gettext_noop("Getrennt erfasste Wertstoffe"),
    "other": gettext_noop("Sonstige Abfälle"),
}
INDICATORS: tuple[IndicatorSpec, ...] = (
    *(
        IndicatorSpec(
            f"waste_{k}_kg", f"{label} je Einwohner", gettext_noop("kg/EW"), WASTE_SOURCE, 2023, WASTE_NOTE
        )
        for k, label in WASTE_LABELS.items()
    ),
    IndicatorSpec(
        "waste_separate_share",
        gettext_noop("Anteil getrennt erfasster Haushaltsabfälle (alles außer Haus- und Sperrmüll)"),
        "%",
        GENESIS.format(table="32121-01-02-4") + " (Daten verändert: Anteil berechnet)",
        2023,
    ),
    IndicatorSpec(
        "employees",
        gettext_noop("Sozialversicherungspflichtig Beschäftigte am Arbeitsort (30.06.2025)"),
        gettext_noop("Personen"),
        GENESIS.format(table="13111-01-03-4"),
        2025,
        "Im mitgelieferten Auszug nur für Länder mit Werten; Kreise ohne Wert fehlen.",
    ),
    IndicatorSpec(
        "settlement_share",
        gettext_noop("Anteil Siedlungs- und Verkehrsfläche an der Gesamtfläche"),
        "%",
        GENESIS.format(table="AI-N-01-2-5 (Regionalatlas)"),
        2023,
    ),
    IndicatorSpec(
        "renewable_pv_kw", gettext_noop("Installierte Leistung Photovoltaik"), "kW", LOCALZERO, 2024
    ),
    IndicatorSpec(
        "renewable_wind_kw", gettext_noop("Installierte Leistung Windenergie an Land"), "kW", LOCALZERO, 2024
    ),
    IndicatorSpec(
        "renewable_biomass_kw", gettext_noop("Installierte Leistung Biomasse"), "kW", LOCALZERO, 2024
    ),
)
RENEWABLE_KEYS = {"pv": "renewable_pv_kw", "wind_on": "renewable_wind_kw", "biomass": "renewable_biomass_kw"}
BATCH = 2000


class StatisticsError(ValueError):
    """The load was refused; the message names what is wrong. Nothing was written."""


@dataclass(slots=True)
class StatisticsResult:
    values: dict[str, int] = field(default_factory=dict)  # indicator key → rows written
    skipped: dict[str, int] = field(default_factory=dict)  # source → keys not matching a current area
    seconds: float = 0.0

    def summary(self) -> str:
        total = sum(self.values.values())
        parts = ", ".join(f"{k}: {v}" for k, v in sorted(self.values.items()))
        return f"{total} Statistikwerte geladen ({parts}) in {self.seconds:.1f} s."


Opener = Callable[[str], IO[str]]


def statistics_load(*, opener: Opener = statfiles.open_data) -> StatisticsResult:
    """Replaces every statistics value by the figures in the data files, in one transaction.

    Keys are joined with the loaded geography (``load_geography`` first); keys without a current
    area (historic counties, merged municipalities) are counted in ``skipped``. Running it twice
    gives the same rows. Raises StatisticsError (nothing written) on a missing or malformed file
    or an empty geography."""
    started = time.monotonic()
    areas = dict(Area.objects.values_list("ags", "id"))
    if not areas:
        raise StatisticsError("Keine Gebiete geladen: zuerst „manage.py load_geography“ ausführen.")
    population = dict(
        Area.objects.filter(kind=AreaKind.COUNTY, population__gt=0).values_list("ags", "population")
    )
    try:
        with opener(statfiles.WASTE_2023) as f:
            waste = statfiles.read_waste(f)
        with opener(statfiles.EMPLOYEES_2025) as f:
            employees = statfiles.read_employees(f)
        with opener(statfiles.SETTLEMENT_2023) as f:
            settlement = statfiles.read_settlement_share(f)
        with opener(statfiles.RENEWABLES_2024) as f:
            renewables = statfiles.read_renewables(f)
    except statfiles.StatisticsFileError as exc:
        raise StatisticsError(str(exc)) from exc

    result = StatisticsResult()
    rows: dict[str, dict[int, float]] = {spec.key: {} for spec in INDICATORS}

    def put(key: str, ags: str, value: float, source: str) -> None:
        area_id = areas.get(ags)
        if area_id is None:
            result.skipped[source] = result.skipped.get(source, 0) + 1
            return
        rows[key][area_id] = value

    for ags, county in waste.items():
        pop = population.get(ags)
        if not pop or ags not in areas:
            result.skipped["32121-01-02-4"] = result.skipped.get("32121-01-02-4", 0) + 1
            continue
        for kind, tonnes in county.tonnes.items():
            put(f"waste_{kind}_kg", ags, round(tonnes * 1000 / pop, 2), "32121-01-02-4")
        total, residual = county.tonnes["total"], county.tonnes.get("residual")
        if residual is not None:
            put("waste_separate_share", ags, round((total - residual) / total * 100, 2), "32121-01-02-4")
    for ags, value in employees.items():
        put("employees", ags, value, "13111-01-03-4")
    for ags, value in settlement.items():
        put("settlement_share", ags, value, "AI-N-01-2-5")
    for code, values in renewables.items():
        # xx000000: state (Berlin, Hamburg: also their county and municipality); xxxxx000: county
        # (a kreisfreie Stadt: also its municipality); anything else: a municipality
        if code.endswith("000000"):
            targets = [code[:2], code[:5], code]
        elif code.endswith("000"):
            targets = [code[:5], code]
        else:
            targets = [code]
        known = [t for t in targets if t in areas]
        if not known:
            result.skipped["renewable_energy_mastr_2024"] = (
                result.skipped.get("renewable_energy_mastr_2024", 0) + 1
            )
        for target in known:
            for column, key in RENEWABLE_KEYS.items():
                put(key, target, values[column], "renewable_energy_mastr_2024")

    with transaction.atomic():
        specs = {spec.key: spec for spec in INDICATORS}
        indicators: dict[str, Indicator] = {}
        for spec in INDICATORS:
            indicators[spec.key], _ = Indicator.objects.update_or_create(
                key=spec.key,
                defaults={
                    "label": spec.label,
                    "unit": spec.unit,
                    "source": spec.source,
                    "year": spec.year,
                    "note": spec.note,
                },
            )
        AreaValue.objects.filter(indicator__key__in=list(specs)).delete()
        objs = [
            AreaValue(indicator=indicators[key], area_id=area_id, value=value)
            for key, values in rows.items()
            for area_id, value in values.items()
        ]
        AreaValue.objects.bulk_create(objs, batch_size=BATCH)
    result.values = {key: len(values) for key, values in rows.items()}
    result.seconds = time.monotonic() - started
    return result
