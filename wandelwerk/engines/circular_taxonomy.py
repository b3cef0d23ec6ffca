"""Material taxonomy for circular matching: readable classes, AVV codes, units and compatibility.

Classes are coarse on purpose: a coordinator must be able to read them ("Bauschutt", "Holz").
Waste codes follow the European waste list as adopted in Germany by the Abfallverzeichnis-
Verordnung (AVV): six digits ``CC SS NN`` (chapter, sub-chapter, entry); an asterisk marks
hazardous waste. A code is classified by its exact entry first, then by its 4-digit sub-chapter,
then by its 2-digit chapter.

Decisions (documented here because they change results):

* Hazardous codes (``*``) are recognised but never matched: they need licensed handling and are
  outside a neighbourly exchange board (see ``parse_avv``).
* Wood → heat (burning) is NOT offered as a substitution: energy recovery ranks below reuse and
  recycling in the waste hierarchy (§ 6 KrWG), so the engine does not propose it as circular reuse.
* Accepted substitutions (output class → input class, quality factor): food surplus → biomass
  (0.8, fermentation/composting), biomass ↔ manure (0.6, co-digestion in a biogas plant),
  wood → biomass (0.5, untreated wood as structure material for composting). Same class is 1.0.

Unit conversion: every class has a base unit (t, or MWh for heat). kg and m³ convert to t; m³ uses
a rounded bulk density per class (order-of-magnitude values for loose material, approximations).
``pieces`` stay pieces and only match pieces of the same class.

Avoided-emission factors (kg CO2e per base unit of virgin material substituted) are rounded,
deliberately conservative estimates at the low end of commonly published life-cycle ranges
(e.g. ProBas/UBA and ecoinvent-based literature values for primary production); they are
estimates for orientation, not a certified balance. Heat: 200 kg CO2e/MWh, the combustion factor
of natural gas (≈ 0.20 t CO2/MWh, UBA/BAFA emission factor list) without boiler losses.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class MaterialClass(StrEnum):
    RUBBLE = "rubble"
    WOOD = "wood"
    BIOMASS = "biomass"
    MANURE = "manure"
    TEXTILES = "textiles"
    METAL = "metal"
    PLASTICS = "plastics"
    PAPER = "paper"
    GLASS = "glass"
    FOOD = "food_surplus"
    HEAT = "heat"
    SOIL = "soil"


@dataclass(frozen=True, slots=True)
class ClassInfo:
    """Labels, base unit and conversion/emission figures for one material class."""

    label_de: str
    label_en: str
    base_unit: str
    """"t" or "MWh"."""
    bulk_density_t_per_m3: float | None
    """Rounded bulk density for loose material; None when m³ makes no sense (heat)."""
    avoided_kg_co2e_per_unit: float
    """Conservative avoided emissions per base unit of virgin material replaced."""
    max_km: float | None = None
    """Class-specific cap on the matching radius (heat travels only through local pipes)."""
    trucked: bool = True
    """False when the material does not travel by lorry (heat): no transport emissions then."""


CLASSES: dict[MaterialClass, ClassInfo] = {
    MaterialClass.RUBBLE: ClassInfo("Bauschutt", "Construction rubble", "t", 1.5, 2.0),
    MaterialClass.WOOD: ClassInfo("Holz", "Wood", "t", 0.3, 100.0),
    MaterialClass.BIOMASS: ClassInfo("Biomasse", "Biomass", "t", 0.5, 10.0),
    MaterialClass.MANURE: ClassInfo("Gülle und Mist", "Manure", "t", 1.0, 5.0),
    MaterialClass.TEXTILES: ClassInfo("Textilien", "Textiles", "t", 0.2, 2000.0),
    MaterialClass.METAL: ClassInfo("Metall", "Metal", "t", 0.6, 1000.0),
    MaterialClass.PLASTICS: ClassInfo("Kunststoffe", "Plastics", "t", 0.1, 1000.0),
    MaterialClass.PAPER: ClassInfo("Papier und Pappe", "Paper and cardboard", "t", 0.1, 300.0),
    MaterialClass.GLASS: ClassInfo("Glas", "Glass", "t", 1.2, 250.0),
    MaterialClass.FOOD: ClassInfo("Lebensmittelüberschuss", "Food surplus", "t", 0.6, 500.0),
    MaterialClass.HEAT: ClassInfo("Abwärme", "Waste heat", "MWh", None, 200.0, max_km=5.0, trucked=False),
    MaterialClass.SOIL: ClassInfo("Boden und Aushub", "Soil and excavation", "t", 1.6, 1.0),
}

UNIT_FACTORS: dict[str, tuple[str, float]] = {
    "t": ("t", 1.0),
    "kg": ("t", 0.001),
    "MWh": ("MWh", 1.0),
    "kWh": ("MWh", 0.001),
    "GJ": ("MWh", 1.0 / 3.6),
    "pieces": ("pieces", 1.0),
}
"""Unit → (base unit, factor). m³ is handled through the class's bulk density."""

COMPATIBILITY: dict[tuple[MaterialClass, MaterialClass], float] = {
    **{(c, c): 1.0 for c in MaterialClass},
    (MaterialClass.FOOD, MaterialClass.BIOMASS): 0.8,
    (MaterialClass.BIOMASS, MaterialClass.MANURE): 0.6,
    (MaterialClass.MANURE, MaterialClass.BIOMASS): 0.6,
    (MaterialClass.WOOD, MaterialClass.BIOMASS): 0.5,
}
"""(output class, input class) → quality factor in (0, 1]; pairs not listed do not match."""

AVV_ENTRIES: dict[str, MaterialClass] = {
    "020106": MaterialClass.MANURE,  # animal faeces, urine and manure
    "020103": MaterialClass.BIOMASS,  # plant-tissue waste
    "020107": MaterialClass.WOOD,  # wastes from forestry
    "020203": MaterialClass.FOOD,  # materials unsuitable for consumption (meat, fish)
    "020304": MaterialClass.FOOD,  # unsuitable for consumption (fruit, vegetables, cereals)
    "020501": MaterialClass.FOOD,  # dairy: unsuitable for consumption
    "020601": MaterialClass.FOOD,  # baking and confectionery: unsuitable for consumption
    "030105": MaterialClass.WOOD,  # sawdust, shavings, cuttings, wood
    "030307": MaterialClass.PAPER,  # mechanically separated pulp rejects
    "040222": MaterialClass.TEXTILES,  # processed textile fibres
    "150101": MaterialClass.PAPER,  # paper and cardboard packaging
    "150102": MaterialClass.PLASTICS,  # plastic packaging
    "150103": MaterialClass.WOOD,  # wooden packaging
    "150104": MaterialClass.METAL,  # metallic packaging
    "150107": MaterialClass.GLASS,  # glass packaging
    "150109": MaterialClass.TEXTILES,  # textile packaging
    "170101": MaterialClass.RUBBLE,  # concrete
    "170102": MaterialClass.RUBBLE,  # bricks
    "170103": MaterialClass.RUBBLE,  # tiles and ceramics
    "170107": MaterialClass.RUBBLE,  # mixtures of concrete, bricks, tiles
    "170201": MaterialClass.WOOD,  # wood
    "170202": MaterialClass.GLASS,  # glass
    "170203": MaterialClass.PLASTICS,  # plastic
    "170504": MaterialClass.SOIL,  # soil and stones other than 17 05 03
    "170506": MaterialClass.SOIL,  # dredging spoil other than 17 05 05
    "191201": MaterialClass.PAPER,  # paper and cardboard from mechanical treatment
    "191205": MaterialClass.GLASS,  # glass from mechanical treatment
    "191207": MaterialClass.WOOD,  # wood from mechanical treatment
    "191208": MaterialClass.TEXTILES,  # textiles from mechanical treatment
    "200101": MaterialClass.PAPER,  # paper and cardboard
    "200102": MaterialClass.GLASS,  # glass
    "200108": MaterialClass.FOOD,  # biodegradable kitchen and canteen waste
    "200110": MaterialClass.TEXTILES,  # clothes
    "200111": MaterialClass.TEXTILES,  # textiles
    "200138": MaterialClass.WOOD,  # wood other than 20 01 37
    "200139": MaterialClass.PLASTICS,  # plastics
    "200140": MaterialClass.METAL,  # metals
    "200201": MaterialClass.BIOMASS,  # biodegradable garden and park waste
    "200202": MaterialClass.SOIL,  # soil and stones
}

AVV_SUBCHAPTERS: dict[str, MaterialClass] = {
    "0201": MaterialClass.BIOMASS,  # agriculture, horticulture, forestry
    "0202": MaterialClass.FOOD,
    "0203": MaterialClass.FOOD,
    "0205": MaterialClass.FOOD,
    "0206": MaterialClass.FOOD,
    "0207": MaterialClass.FOOD,
    "0301": MaterialClass.WOOD,  # wood processing
    "0303": MaterialClass.PAPER,  # pulp, paper and cardboard
    "0402": MaterialClass.TEXTILES,
    "1201": MaterialClass.METAL,  # shaping of metals and plastics (metal filings first)
    "1501": MaterialClass.PAPER,  # packaging: paper is the largest fraction
    "1701": MaterialClass.RUBBLE,
    "1702": MaterialClass.WOOD,
    "1704": MaterialClass.METAL,
    "1705": MaterialClass.SOIL,
    "1912": MaterialClass.PLASTICS,
    "2002": MaterialClass.BIOMASS,
}

AVV_CHAPTERS: dict[str, MaterialClass] = {
    "02": MaterialClass.BIOMASS,  # agriculture, food production
    "03": MaterialClass.WOOD,  # wood processing, paper
    "04": MaterialClass.TEXTILES,  # leather, fur, textile industries
    "10": MaterialClass.RUBBLE,  # thermal processes (ashes, slags: mineral)
    "12": MaterialClass.METAL,  # shaping and surface treatment of metals
    "15": MaterialClass.PAPER,  # packaging
    "17": MaterialClass.RUBBLE,  # construction and demolition
    "20": MaterialClass.BIOMASS,  # municipal waste (largest separately collected fraction: organics)
}


@dataclass(frozen=True, slots=True)
class AvvCode:
    code: str
    """Six digits, no spaces."""
    hazardous: bool


def parse_avv(raw: str) -> AvvCode:
    """Normalises "17 01 01", "170101" or "17 06 05*" to digits plus a hazardous flag.

    Raises ``ValueError`` naming the input when it is not six digits (optionally with ``*``).
    """
    text = raw.strip().replace(" ", "").replace(".", "")
    hazardous = text.endswith("*")
    digits = text.rstrip("*")
    if len(digits) != 6 or not digits.isdigit():
        raise ValueError(f"AVV code {raw!r} is not six digits (e.g. '17 01 01')")
    return AvvCode(digits, hazardous)


def classify_avv(raw: str) -> MaterialClass | None:
    """Material class of an AVV code: exact entry, else 4-digit sub-chapter, else chapter; None if unknown."""
    code = parse_avv(raw).code
    return AVV_ENTRIES.get(code) or AVV_SUBCHAPTERS.get(code[:4]) or AVV_CHAPTERS.get(code[:2])


def to_base_unit(material: MaterialClass, quantity: float, unit: str) -> tuple[float, str]:
    """Quantity in the class's base unit (or pieces); ``ValueError`` naming unit and class if impossible."""
    info = CLASSES[material]
    if unit in ("m3", "m³"):
        if info.bulk_density_t_per_m3 is None:
            raise ValueError(f"unit {unit!r} cannot be converted for material {material.value!r}")
        return quantity * info.bulk_density_t_per_m3, "t"
    if unit not in UNIT_FACTORS:
        raise ValueError(f"unknown unit {unit!r} (use one of t, kg, m3, MWh, kWh, GJ, pieces)")
    base, factor = UNIT_FACTORS[unit]
    if base not in (info.base_unit, "pieces"):
        raise ValueError(f"unit {unit!r} cannot be converted for material {material.value!r}")
    return quantity * factor, base
