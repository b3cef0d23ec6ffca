"""Tabular data in and out, without Django: decoding, CSV dialect, formula neutralising, GeoJSON/JSON
features, column aliases and turning one row of text cells into a typed record with its errors.

Rows are numbered as a person sees them: in a spreadsheet the header is row 1, so the first data row
is row 2 (a quoted cell with line breaks still counts as one row); in GeoJSON/JSON the first object
is number 1. Messages are German (the import's audience); columns are named by the importing code.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from wandelwerk.engines.geometry import haversine_km


class TabularError(ValueError):
    """The file as a whole cannot be read (encoding, structure); the message says why."""


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem at ``row`` (0: the file as a whole) in canonical ``column`` ("" for the whole row)."""

    row: int
    column: str
    message: str


# --- decoding and reading -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig" (with BOM), "utf-16" or "cp1252"


def decode(data: bytes) -> Decoded:
    """Text of an uploaded file: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            raise TabularError(f"Die Datei ist kein gültiges UTF-8 (Byte {exc.start + 3}).") from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise TabularError("Die Datei ist kein gültiges UTF-16.") from exc
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError as exc:
        raise TabularError(
            "Die Zeichenkodierung ist unbekannt: bitte als „CSV UTF-8“ speichern "
            f"(Byte {exc.start} ist weder UTF-8 noch Windows-1252)."
        ) from exc


def sniff_delimiter(text: str) -> str:
    """`,`, `;` or tab: whichever occurs most often outside quotes in the header line (`,` on a tie)."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for ch in text[:20000]:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "\r\n":
            break
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


@dataclass(slots=True)
class Table:
    """Headers as written and rows keyed by those headers (missing trailing cells are "")."""

    headers: list[str]
    rows: list[tuple[int, dict[str, str]]]
    issues: list[Issue] = field(default_factory=list)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """A cell a spreadsheet will not run as a formula: `'` before = + - @ tab or CR (OWASP)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def unneutralise(value: str) -> str:
    """Undoes ``neutralise``, so an exported file imports to the same values."""
    if len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def read_csv(text: str, *, delimiter: str | None = None) -> Table:
    """Rows of a CSV text (header row first); blank rows are skipped but keep their numbers."""
    sep = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    table = Table(headers=[], rows=[])
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if number == 1:
                table.headers = [h.strip() for h in cells]
                continue
            if not any(c.strip() for c in cells):
                continue
            width = len(table.headers)
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                table.issues.append(
                    Issue(
                        number,
                        "",
                        f"{len(cells)} Zellen, aber nur {width} Spaltenüberschriften "
                        "(Trennzeichen oder Anführungszeichen prüfen).",
                    )
                )
                continue
            row = {h: unneutralise(cells[i]) if i < len(cells) else "" for i, h in enumerate(table.headers)}
            table.rows.append((number, row))
    except csv.Error as exc:
        raise TabularError(f"Zeile {number + 1}: die CSV-Datei ist nicht lesbar ({exc}).") from exc
    if not table.headers:
        raise TabularError("Die Datei ist leer: die erste Zeile muss die Spaltenüberschriften enthalten.")
    return table


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list | tuple):
        parts = []
        for item in value:
            if isinstance(item, Mapping):
                parts.append(f"{_cell(item.get('category'))}: {_cell(item.get('title'))}")
            else:
                parts.append(_cell(item))
        return "|".join(parts)
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def read_features(text: str) -> Table:
    """Objects of a GeoJSON FeatureCollection of Points (coordinates become lat/lon) or of a JSON
    array of objects; values become text cells, lists are joined with `|`."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TabularError(f"Kein gültiges JSON (Zeile {exc.lineno}, Zeichen {exc.colno}).") from exc
    if isinstance(doc, Mapping) and doc.get("type") == "FeatureCollection":
        items, geojson = doc.get("features"), True
    elif isinstance(doc, list):
        items, geojson = doc, False
    else:
        raise TabularError("Erwartet: eine GeoJSON-FeatureCollection oder eine JSON-Liste von Objekten.")
    if not isinstance(items, list):
        raise TabularError("„features“ muss eine Liste sein.")
    table = Table(headers=[], rows=[])
    seen: dict[str, None] = {}
    for number, item in enumerate(items, start=1):
        props = item.get("properties") if geojson and isinstance(item, Mapping) else item
        if not isinstance(props, Mapping) or (geojson and item.get("type") != "Feature"):
            table.issues.append(Issue(number, "", "Kein Feature mit Eigenschaften (properties)."))
            continue
        row = {str(k): _cell(v) for k, v in props.items()}
        geometry = item.get("geometry") if geojson else None
        if geometry is not None:
            coords = geometry.get("coordinates") if isinstance(geometry, Mapping) else None
            if (
                not isinstance(geometry, Mapping)
                or geometry.get("type") != "Point"
                or not isinstance(coords, list)
                or len(coords) < 2
            ):
                table.issues.append(Issue(number, "", "Die Geometrie muss ein Punkt [Länge, Breite] sein."))
                continue
            row["lon"], row["lat"] = _cell(coords[0]), _cell(coords[1])
        seen.update(dict.fromkeys(row))
        table.rows.append((number, row))
    table.headers = list(seen)
    return table


# --- columns --------------------------------------------------------------------------------------

COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("Name", "Organisation", "Akteur"),
    "kind": ("Art", "Typ"),
    "sector": ("Sektor", "Bereich"),
    "description": ("Beschreibung",),
    "topics": ("Themen", "Handlungsfelder", "Themenfelder"),
    "street": ("Straße", "Strasse", "Adresse", "Straße und Hausnummer"),
    "postcode": ("PLZ", "Postleitzahl"),
    "place": ("Ort", "Stadt"),
    "ags": ("Gemeindeschlüssel", "Amtlicher Gemeindeschlüssel"),
    "lat": ("Breite", "Breitengrad", "latitude"),
    "lon": ("Länge", "Längengrad", "longitude", "lng"),
    "precision": ("Genauigkeit",),
    "website": ("Webseite", "Internetseite", "URL"),
    "email": ("E-Mail", "Mail"),
    "phone": ("Telefon", "Tel", "Telefonnummer"),
    "contact_name": ("Ansprechperson", "Kontaktperson", "Ansprechpartner", "Kontakt"),
    "visibility": ("Sichtbarkeit",),
    "offers": ("Angebote", "Angebot"),
    "needs": ("Bedarfe", "Bedarf", "Gesuche"),
    "source_id": ("Quell-ID", "Quellen-ID", "ID", "externe ID"),
    "last_confirmed": ("zuletzt bestätigt", "bestätigt am", "Stand"),
}
EXPORT_ONLY = ("detail_url", "municipality")  # written by the export, skipped by the import


@lru_cache(maxsize=8192)
def fold(value: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a label: "E-Mail" → "email"."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


_ALIASES = {fold(alias): key for key, aliases in COLUMNS.items() for alias in (key, *aliases)}


def map_columns(headers: Sequence[str]) -> tuple[dict[str, str], list[Issue]]:
    """Header as written → canonical column, plus issues: a missing name column or a column given
    twice is an error (row 1); unknown columns are reported by the caller as ignored."""
    mapping: dict[str, str] = {}
    issues: list[Issue] = []
    for header in headers:
        key = _ALIASES.get(fold(header))
        if key is None:
            continue
        if key in mapping.values():
            first = next(h for h, k in mapping.items() if k == key)
            issues.append(Issue(1, key, f"Die Spalte steht doppelt da („{first}“ und „{header}“)."))
            continue
        mapping[header] = key
    if "name" not in mapping.values():
        issues.append(Issue(1, "name", "Die Pflichtspalte fehlt (Überschrift „name“ oder „Name“)."))
    return mapping, issues


def unknown_columns(headers: Iterable[str]) -> list[str]:
    ignored = {fold(h) for h in EXPORT_ONLY}
    return [h for h in headers if h.strip() and fold(h) not in _ALIASES and fold(h) not in ignored]


# --- one row → typed record -----------------------------------------------------------------------

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)


def looks_like_email(value: str) -> bool:
    return _EMAIL.match(value) is not None


def looks_like_url(value: str) -> bool:
    return _URL.match(value) is not None


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Allowed values, each keyed by its ``fold``-ed value and labels."""

    kinds: Mapping[str, str]
    sectors: Mapping[str, str]
    visibilities: Mapping[str, str]
    precisions: Mapping[str, str]
    categories: Mapping[str, str]
    topics: Mapping[str, int]
    sector_for_kind: Mapping[str, str]
    default_kind: str
    default_sector: str
    default_visibility: str
    is_email: Callable[[str], bool] = looks_like_email
    is_url: Callable[[str], bool] = looks_like_url


@dataclass(slots=True)
class Record:
    row: int
    name: str = ""
    kind: str = ""
    sector: str = ""
    description: str = ""
    topic_ids: tuple[int, ...] = ()
    street: str = ""
    postcode: str = ""
    place: str = ""
    ags: str = ""
    lat: float | None = None
    lon: float | None = None
    precision: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    contact_name: str = ""
    visibility: str = ""
    resources: tuple[tuple[str, str, str, str], ...] = ()
    source_id: str = ""
    last_confirmed: dt.date | None = None
    errors: list[Issue] = field(default_factory=list)

    def fail(self, column: str, message: str) -> None:
        self.errors.append(Issue(self.row, column, message))


_MAX = {"name": 200, "street": 200, "place": 200, "website": 300, "email": 254, "phone": 60}
_MAX |= {"contact_name": 200, "source_id": 290}


def _choice(rec: Record, column: str, raw: str, allowed: Mapping[str, str], default: str) -> str:
    if not raw:
        return default
    value = allowed.get(fold(raw))
    if value is None:
        options = ", ".join(sorted(set(allowed.values())))
        rec.fail(column, f"Unbekannter Wert „{raw}“ (erlaubt: {options}).")
        return default
    return value


def _number(rec: Record, column: str, raw: str) -> float | None:
    try:
        value = float(raw.replace(",", ".").replace(" ", ""))
    except ValueError:
        rec.fail(column, f"„{raw}“ ist keine Zahl.")
        return None
    if not math.isfinite(value):
        rec.fail(column, f"„{raw}“ ist keine Zahl.")
        return None
    return value


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DE_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


@lru_cache(maxsize=4096)
def parse_date(raw: str) -> dt.date | None:
    """YYYY-MM-DD or DD.MM.YYYY (also D.M.YYYY); None if neither or no such day."""
    if match := _ISO_DATE.fullmatch(raw):
        year, month, day = match.groups()
    elif match := _DE_DATE.fullmatch(raw):
        day, month, year = match.groups()
    else:
        return None
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _date(rec: Record, raw: str) -> dt.date | None:
    value = parse_date(raw)
    if value is None:
        rec.fail("last_confirmed", f"„{raw}“ ist kein Datum der Form JJJJ-MM-TT oder TT.MM.JJJJ.")
    return value


def _digits(rec: Record, column: str, raw: str, length: int, label: str) -> str:
    value = raw.replace(" ", "")
    if value.isdigit() and len(value) == length - 1:
        value = "0" + value  # a spreadsheet dropped the leading zero (01067 → 1067)
    if not (value.isdigit() and len(value) == length):
        rec.fail(column, f"„{raw}“ ist keine {label} ({length} Ziffern).")
        return ""
    return value


def _topics(rec: Record, raw: str, topics: Mapping[str, int]) -> tuple[int, ...]:
    if fold(raw) in topics:
        return (topics[fold(raw)],)
    found: dict[int, None] = {}
    for part in raw.split("|"):
        if not part.strip():
            continue
        pieces = [part] if fold(part) in topics else part.split(",")
        for piece in pieces:
            if not piece.strip():
                continue
            topic_id = topics.get(fold(piece))
            if topic_id is None:
                rec.fail("topics", f"Unbekanntes Handlungsfeld „{piece.strip()}“.")
            else:
                found[topic_id] = None
    return tuple(found)


def _resources(rec: Record, column: str, raw: str, direction: str, vocab: Vocabulary) -> list[Any]:
    out = []
    for item in re.split(r"[|\n]", raw):
        item = item.strip()
        if not item:
            continue
        category_raw, sep, title = (s.strip() for s in item.partition(":"))
        category = vocab.categories.get(fold(category_raw)) if sep else None
        if category is None:
            options = ", ".join(sorted(set(vocab.categories.values())))
            rec.fail(column, f"„{item}“: Form „Kategorie: Titel“ mit einer Kategorie aus {options}.")
        elif not title or len(title) > 200:
            rec.fail(column, f"„{item}“: der Titel fehlt oder ist länger als 200 Zeichen.")
        else:
            out.append((direction, category, title, ""))
    return out


def parse_record(row: int, cells: Mapping[str, str], vocab: Vocabulary) -> Record:
    """The typed values of one row (keyed by canonical column) and every error found in it."""
    get = {k: (v or "").strip() for k, v in cells.items()}.get
    rec = Record(row=row)
    for column, limit in _MAX.items():
        value = get(column, "")
        if len(value) > limit:
            rec.fail(column, f"Zu lang: {len(value)} Zeichen, höchstens {limit}.")
        setattr(rec, column, value[:limit])
    if not rec.name:
        rec.fail("name", "Der Name fehlt.")
    rec.kind = _choice(rec, "kind", get("kind", ""), vocab.kinds, vocab.default_kind)
    rec.sector = _choice(
        rec,
        "sector",
        get("sector", ""),
        vocab.sectors,
        vocab.sector_for_kind.get(rec.kind, vocab.default_sector),
    )
    rec.visibility = _choice(
        rec, "visibility", get("visibility", ""), vocab.visibilities, vocab.default_visibility
    )
    rec.precision = _choice(rec, "precision", get("precision", ""), vocab.precisions, "")
    description = cells.get("description") or ""
    rec.description = description if description.strip() else ""  # kept verbatim (round trip)
    if raw := get("topics", ""):
        rec.topic_ids = _topics(rec, raw, vocab.topics)
    if raw := get("postcode", ""):
        rec.postcode = _digits(rec, "postcode", raw, 5, "Postleitzahl")
    if raw := get("ags", ""):
        rec.ags = _digits(rec, "ags", raw, 8, "Gemeindeschlüssel")
    lat_raw, lon_raw = get("lat", ""), get("lon", "")
    if lat_raw or lon_raw:
        _coordinates(rec, lat_raw, lon_raw)
    if rec.website and "://" not in rec.website:
        rec.website = "https://" + rec.website
    if rec.website and not vocab.is_url(rec.website):
        rec.fail("website", f"„{rec.website}“ ist keine Webadresse (http:// oder https://).")
    if rec.email and not vocab.is_email(rec.email):
        rec.fail("email", f"„{rec.email}“ ist keine E-Mail-Adresse.")
    offers, needs = get("offers", ""), get("needs", "")
    if offers or needs:
        resources = _resources(rec, "offers", offers, "offer", vocab)
        rec.resources = tuple(resources + _resources(rec, "needs", needs, "need", vocab))
    if raw := get("last_confirmed", ""):
        rec.last_confirmed = _date(rec, raw)
    return rec


def _coordinates(rec: Record, lat_raw: str, lon_raw: str) -> None:
    if not (lat_raw and lon_raw):
        missing = "lon" if lat_raw else "lat"
        rec.fail(missing, "Breite (lat) und Länge (lon) gehören zusammen: ein Wert fehlt.")
        return
    lat, lon = _number(rec, "lat", lat_raw), _number(rec, "lon", lon_raw)
    if lat is None or lon is None:
        return
    if not (-90 <= lat <= 90):
        rec.fail("lat", f"Breite {lat_raw} liegt nicht zwischen -90 und 90.")
    elif not (-180 <= lon <= 180):
        rec.fail("lon", f"Länge {lon_raw} liegt nicht zwischen -180 und 180.")
    elif 5 <= lat <= 16 and 47 <= lon <= 56:
        rec.fail("lat", f"Breite {lat_raw} und Länge {lon_raw} sind vermutlich vertauscht.")
    else:
        rec.lat, rec.lon = lat, lon


# --- near duplicates ------------------------------------------------------------------------------


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_NON_WORD = re.compile(r"[\W_]+")


def name_key(name: str) -> str:
    """Normalised name for duplicate detection: case, accents, umlaut spellings (ä = ae) and
    punctuation folded, so "Repair-Café", "repair cafe" and "REPAIR CAFÉ" share a key."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_UMLAUTS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class Place:
    ref: int  # the caller's id: a row number or an actor id
    key: str  # name_key(name)
    lat: float
    lon: float


_CELL_LAT, _CELL_LON = 0.02, 0.035  # ≥ 2.2 km × 2.3 km (up to 55° north): neighbours cover 2 km


def _cell_of(p: Place) -> tuple[str, int, int]:
    return (p.key, math.floor(p.lat / _CELL_LAT), math.floor(p.lon / _CELL_LON))


def near_duplicates(
    new: Sequence[Place], existing: Sequence[Place], *, radius_km: float = 2.0
) -> list[tuple[Place, Place, bool, float]]:
    """For each new place, its nearest namesake within ``radius_km`` among the existing places and
    the new places before it: (new, other, other_is_existing, km). Grid buckets keep it linear."""
    grid: dict[tuple[str, int, int], list[tuple[Place, bool]]] = {}
    for p in existing:
        if p.key:
            grid.setdefault(_cell_of(p), []).append((p, True))
    found = []
    for p in new:
        if not p.key:
            continue
        key, cy, cx = _cell_of(p)
        best: tuple[float, Place, bool] | None = None
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for other, is_existing in grid.get((key, cy + dy, cx + dx), ()):
                    km = haversine_km(p.lon, p.lat, other.lon, other.lat)
                    if km <= radius_km and (best is None or km < best[0]):
                        best = (km, other, is_existing)
        if best is not None:
            found.append((p, best[1], best[2], best[0]))
        grid.setdefault((key, cy, cx), []).append((p, False))
    return found
