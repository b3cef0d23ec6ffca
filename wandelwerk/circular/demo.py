"""Demo material flows for the actors of the demo networks, sized from official waste statistics.

Roles are read from the synthetic actors' names (``engines.synth_words`` archetypes: "Wertstoffhof",
"Zimmerei", "Agrargenossenschaft" …). Quantities:

* recycling yards (Wertstoffhof) offer shares of their county's garden and park waste, bulky waste
  and separately collected recyclables (table 32121-01-02-4, 2023), split between the county's yards;
* municipalities offer green cuttings: their population share of the county's garden and park waste;
* companies offer the national waste per employee of their branch (table 32161-0003, 2022: metal,
  plastics, wood, food, quarrying) × a synthetic size that grows with the municipality's population;
* recyclers, farms, builders, solawis, gardens, food savers and heat networks declare inputs.

Deterministic (random.Random seeded per actor key), flagged ``is_demo``, idempotent (``demo_key``).
"""

from __future__ import annotations

import csv
import gzip
import io
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.db import transaction

from wandelwerk.actors.models import Actor
from wandelwerk.circular.models import MaterialFlow
from wandelwerk.circular.services import FlowData, FlowError, circular_match_run, flow_validate

DATA = Path(__file__).parent / "data"
DEMO_NETWORKS = (
    "landesverband-nachhaltiges-sachsen",
    "zusammenwachsen-revier",
    "circular-rural-regions-mittelsachsen",
)
GARDEN, BULKY, RECYCLABLES = "ABFALLART202", "ABFALLART100", "ABFALLART300"


def _number(text: str) -> float | None:
    text = text.strip()
    if text in ("", "-", ".", "x", "..."):
        return None
    return float(text.replace(".", "").replace(",", ".")) if "," in text else float(text)


def _rows(name: str) -> list[dict[str, str]]:
    with gzip.open(DATA / name, "rb") as fh:
        text = fh.read().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


@cache
def county_household_waste() -> dict[str, dict[str, float]]:
    """County AGS → waste type code (ABFALLART…, "" = total) → tonnes collected in 2023."""
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for row in _rows("32121-01-02-4_haushaltsabfaelle_kreise_2023.csv.gz"):
        ags, value = row["1_variable_attribute_code"], _number(row["value"])
        if len(ags) == 5 and value is not None:
            out[ags][row["2_variable_attribute_code"]] = value
    return dict(out)


@cache
def branch_t_per_employee() -> dict[str, float]:
    """WZ2008 branch code → waste generated per employee (t, Germany 2022)."""
    waste: dict[str, float] = {}
    staff: dict[str, float] = {}
    for row in _rows("32161-0003_abfallerzeugung_wirtschaftszweige.csv.gz"):
        value = _number(row["value"])
        if value is None:
            continue
        code = row["2_variable_attribute_code"]
        if row["value_variable_code"] == "ABF014":
            waste[code] = value * 1000
        elif row["value_variable_code"] == "ERW012":
            staff[code] = value * 1000
    return {code: waste[code] / staff[code] for code in waste if staff.get(code)}


METAL, PLASTICS, WOOD, FOOD, QUARRY = "WZ08-24-03", "WZ08-20-03", "WZ08-16", "WZ08-10-01", "WZ08-05-02"


@dataclass(frozen=True, slots=True)
class Ctx:
    actor: Actor
    rng: random.Random
    county: dict[str, float]
    yards_in_county: int
    pop_share: float
    """Municipality population / county population."""
    size: float
    """Synthetic company size factor (1 … 3), grows with the municipality's population."""


Spec = tuple[str, str, str, float, str, str, frozenset[int] | None]
"""direction, material, title, quantity, unit, AVV code, months."""


def _employees(c: Ctx, low: int, high: int) -> float:
    return round(c.rng.uniform(low, high) * c.size)


def _yard(c: Ctx) -> list[Spec]:
    n = max(c.yards_in_county, 1)
    specs: list[Spec] = [
        (
            "output",
            "biomass",
            "Grünschnitt vom Wertstoffhof",
            c.county.get(GARDEN, 3000) * 0.3 / n,
            "t",
            "200201",
            frozenset(range(4, 12)),
        ),
        (
            "output",
            "wood",
            "Altholz aus Sperrmüll (unbehandelt)",
            c.county.get(BULKY, 30000) * 0.04 / n,
            "t",
            "200138",
            None,
        ),
    ]
    if c.rng.random() < 0.6:
        specs.append(
            (
                "output",
                "textiles",
                "Alttextilien aus der Sammlung",
                c.county.get(RECYCLABLES, 40000) * 0.01 / n,
                "t",
                "200111",
                None,
            )
        )
    return specs


def _administration(c: Ctx) -> list[Spec]:
    garden = c.county.get(GARDEN, 3000)
    return [
        (
            "output",
            "biomass",
            "Grünschnitt aus Parks und Straßenbegleitgrün",
            max(garden * c.pop_share * 0.1, 5),
            "t",
            "200201",
            frozenset(range(4, 11)),
        )
    ]


def _metal(c: Ctx) -> list[Spec]:
    specs: list[Spec] = [
        (
            "output",
            "metal",
            "Metallspäne und Stanzreste",
            _employees(c, 10, 60) * branch_t_per_employee()[METAL] * 0.1,
            "t",
            "120101",
            None,
        )
    ]
    if c.actor.name.startswith("Metallverarbeitung") and c.rng.random() < 0.4:
        specs.append(
            (
                "input",
                "metal",
                "Stahl- und Aluminiumschrott zum Einschmelzen",
                c.rng.uniform(50, 400),
                "t",
                "120101",
                None,
            )
        )
    if c.actor.name.startswith("Maschinenbau") and c.rng.random() < 0.7:
        specs.append(
            (
                "output",
                "heat",
                "Abwärme aus Druckluft und Härterei",
                c.rng.uniform(300, 1500),
                "MWh",
                "",
                None,
            )
        )
    return specs


def _plastics(c: Ctx) -> list[Spec]:
    per = branch_t_per_employee()[PLASTICS]
    specs: list[Spec] = [
        (
            "output",
            "plastics",
            "sortenreine Kunststoffreste aus der Fertigung",
            _employees(c, 10, 50) * per * 0.05,
            "t",
            "",
            None,
        )
    ]
    if c.rng.random() < 0.5:
        specs.append(
            (
                "input",
                "plastics",
                "Rezyklat-Mahlgut für Spritzguss",
                _employees(c, 5, 20) * per * 0.05,
                "t",
                "",
                None,
            )
        )
    return specs


def _builder(c: Ctx) -> list[Spec]:
    name = c.actor.name
    if name.startswith("Lehmbau"):
        return [
            (
                "input",
                "soil",
                "Lehmhaltiger Bodenaushub für Lehmbaustoffe",
                c.rng.uniform(50, 400),
                "t",
                "170504",
                None,
            )
        ]
    specs: list[Spec] = [
        (
            "output",
            "wood",
            "Restholz und Verschnitt (unbehandelt)",
            _employees(c, 4, 20) * branch_t_per_employee()[WOOD] * 0.05,
            "t",
            "170201",
            None,
        )
    ]
    if c.rng.random() < 0.5:
        specs.append(
            (
                "input",
                "rubble",
                "Recycling-Schotter für Wege und Fundamente",
                c.rng.uniform(50, 600),
                "t",
                "170107",
                None,
            )
        )
    if name.startswith("Planungsbüro") and c.rng.random() < 0.5:
        specs.append(
            (
                "output",
                "rubble",
                "Abbruchmaterial aus Rückbauprojekt",
                c.rng.uniform(200, 2000),
                "t",
                "170107",
                None,
            )
        )
    return specs


def _recycler(c: Ctx) -> list[Spec]:
    name = c.actor.name
    if name.startswith("Textilrecycling"):
        return [
            ("input", "textiles", "Alttextilien zur Sortierung", c.rng.uniform(100, 800), "t", "200111", None)
        ]
    if name.startswith("Kieswerk"):
        return [
            (
                "input",
                "soil",
                "unbelasteter Bodenaushub zur Verfüllung",
                c.rng.uniform(2000, 12000),
                "t",
                "170504",
                None,
            ),
            (
                "output",
                "soil",
                "Abraum und Feinmaterial",
                _employees(c, 5, 20) * branch_t_per_employee()[QUARRY],
                "t",
                "170504",
                None,
            ),
        ]
    return [
        (
            "input",
            "rubble",
            "mineralische Bauabfälle zur Aufbereitung",
            c.rng.uniform(3000, 20000),
            "t",
            "170107",
            None,
        )
    ]


def _farm(c: Ctx) -> list[Spec]:
    name = c.actor.name
    if name.startswith("Agrargenossenschaft"):
        return [
            ("output", "manure", "Rindergülle und Festmist", c.rng.uniform(1500, 8000), "t", "020106", None),
            (
                "input",
                "biomass",
                "Grüngut und Reststoffe für die Biogasanlage",
                c.rng.uniform(500, 3000),
                "t",
                "200201",
                None,
            ),
        ]
    if name.startswith(("Mosterei", "Hofladen")):
        per = branch_t_per_employee()[FOOD]
        return [
            (
                "output",
                "food_surplus",
                "Trester und nicht verkaufsfähiges Obst",
                _employees(c, 3, 10) * per * 0.3,
                "t",
                "020304",
                frozenset({9, 10, 11}) if name.startswith("Mosterei") else None,
            )
        ]
    return [
        ("input", "manure", "Mist zur Düngung", c.rng.uniform(20, 200), "t", "020106", None),
        ("input", "biomass", "Kompost und Grüngut", c.rng.uniform(20, 150), "t", "200201", None),
    ]


def _solawi(c: Ctx) -> list[Spec]:
    specs: list[Spec] = [
        ("input", "biomass", "Kompost für die Beete", c.rng.uniform(5, 60), "t", "200201", None)
    ]
    if c.rng.random() < 0.4:
        specs.append(
            ("input", "manure", "Pferdemist zur Bodenverbesserung", c.rng.uniform(5, 40), "t", "020106", None)
        )
    return specs


def _garden(c: Ctx) -> list[Spec]:
    return [
        ("input", "biomass", "Kompost und Laub für den Garten", c.rng.uniform(1, 12), "t", "200201", None)
    ]


def _foodsaver(c: Ctx) -> list[Spec]:
    return [
        (
            "input",
            "food_surplus",
            "überschüssige Lebensmittel (Abholung wöchentlich)",
            c.rng.uniform(5, 40),
            "t",
            "",
            None,
        )
    ]


def _heat(c: Ctx) -> list[Spec]:
    return [("input", "heat", "Abwärme für das Nahwärmenetz", c.rng.uniform(500, 4000), "MWh", "", None)]


def _workshop(c: Ctx) -> list[Spec]:
    return [("input", "wood", "Holzreste für Werkstattprojekte", c.rng.uniform(1, 8), "t", "170201", None)]


ROLES: tuple[tuple[tuple[str, ...], float, Callable[[Ctx], list[Spec]]], ...] = (
    (("Wertstoffhof",), 1.0, _yard),
    (("Maschinenbau", "Metallverarbeitung"), 1.0, _metal),
    (("Kunststofftechnik",), 1.0, _plastics),
    (("Zimmerei", "Holzbau", "Lehmbau", "Planungsbüro"), 0.6, _builder),
    (("Baustoffrecycling", "Textilrecycling", "Kieswerk"), 1.0, _recycler),
    (("Agrargenossenschaft", "Biohof", "Gärtnerei", "Mosterei", "Hofladen"), 1.0, _farm),
    (("Solawi", "Solidarische Landwirtschaft", "Gemüsekooperative"), 0.3, _solawi),
    (("Gemeinschaftsgarten", "Nachbarschaftsgarten", "Interkultureller Garten"), 0.1, _garden),
    (("Lebensmittelretter", "Fairteiler", "Essen-retten"), 0.3, _foodsaver),
    (("Stadtwerke", "Nahwärme", "Wärmeversorgung", "Energieversorgung"), 1.0, _heat),
    (("Offene Werkstatt",), 0.5, _workshop),
)


def _role(actor: Actor) -> tuple[float, Callable[[Ctx], list[Spec]]] | None:
    for prefixes, share, make in ROLES:
        if actor.name.startswith(prefixes):
            return share, make
    if actor.kind == "administration" and actor.name.startswith(
        ("Stadt ", "Gemeinde ", "Universitätsstadt ")
    ):
        return 0.35, _administration
    return None


def _actors() -> list[Actor]:
    from wandelwerk.actors.selectors import areas_filter
    from wandelwerk.actors.visibility import public_q
    from wandelwerk.networks.models import Network
    from wandelwerk.networks.selectors import network_area_ids

    area_ids: set[int] = set()
    for network in Network.objects.filter(slug__in=DEMO_NETWORKS):
        area_ids |= network_area_ids(network)
    if not area_ids:
        return []
    qs = Actor.objects.filter(public_q(), areas_filter(frozenset(area_ids)), is_demo=True)
    return list(qs.select_related("municipality", "county").order_by("natural_key"))


def build_specs(actors: list[Actor]) -> list[tuple[Actor, str, Spec]]:
    """(actor, demo key, spec) for every demo flow, deterministic for the same actors."""
    waste = county_household_waste()
    yards: dict[int, int] = defaultdict(int)
    for a in actors:
        if a.name.startswith("Wertstoffhof"):
            yards[a.county_id] += 1
    out: list[tuple[Actor, str, Spec]] = []
    for actor in actors:
        role = _role(actor)
        if role is None:
            continue
        share, make = role
        rng = random.Random(f"circular:{actor.natural_key}")
        if rng.random() >= share:
            continue
        county_pop = actor.county.population or 1
        pop = actor.municipality.population or 0
        ctx = Ctx(
            actor,
            rng,
            waste.get(actor.county.ags, {}),
            yards.get(actor.county_id, 0),
            min(pop / county_pop, 1.0),
            1.0 + min(pop, 200_000) / 100_000,
        )
        for i, spec in enumerate(make(ctx)):
            out.append((actor, f"demo:circular:{actor.natural_key}:{i}"[:80], spec))
    return out


def load_demo(user: Any = None) -> str:
    """Creates the missing demo flows (idempotent), runs the matching once and says what it made."""
    actors = _actors()
    if not actors:
        return "Kreislauf: keine Demo-Akteure in den Demo-Netzwerken gefunden."
    specs = build_specs(actors)
    existing = set(MaterialFlow.objects.filter(is_demo=True).values_list("demo_key", flat=True))
    rows: list[MaterialFlow] = []
    for actor, key, (direction, material, title, quantity, unit, avv, months) in specs:
        if key in existing:
            continue
        try:
            values = flow_validate(
                data=FlowData(
                    direction=direction,
                    material=material,
                    title=title,
                    quantity=round(max(quantity, 0.5), 1),
                    unit=unit,
                    avv_code=avv,
                    months=months,
                )
            )
        except FlowError as exc:  # a bug in the specs above, not in user data
            raise RuntimeError(f"demo flow {key}: {exc.message}") from exc
        rows.append(
            MaterialFlow(
                actor=actor,
                lat=actor.lat,
                lon=actor.lon,
                municipality_id=actor.municipality_id,
                county_id=actor.county_id,
                created_by=user,
                is_demo=True,
                demo_key=key,
                **values,
            )
        )
    with transaction.atomic():
        MaterialFlow.objects.bulk_create(rows, batch_size=1000)
    run = (
        circular_match_run()
        if rows or not MaterialFlow.objects.filter(matches_out__isnull=False).exists()
        else None
    )
    total = MaterialFlow.objects.filter(is_demo=True).count()
    line = f"Kreislauf: {len(rows)} Demo-Materialströme angelegt ({total} insgesamt)."
    if run is not None:
        line += (
            f" Abgleich: {run.matches} Zuordnungen, {_de(run.matched_t)} t/Jahr, "
            f"Netto-Einsparung ≈ {_de(run.net_kg_co2e / 1000)} t CO2e/Jahr (Schätzwert)."
        )
    return line


def _de(value: float) -> str:
    """Thousands with a dot, as German readers expect in the command output."""
    return f"{value:,.0f}".replace(",", ".")
