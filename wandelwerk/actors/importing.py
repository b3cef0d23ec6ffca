"""Import of actors from CSV, GeoJSON or JSON: check everything first, then write all or nothing.

``actors_import`` reads the bytes, checks every row (collecting all errors), resolves each row's
municipality, skips rows whose natural key exists already and flags likely duplicates. Only when no
row has an error does it insert the new rows in one transaction through ``actors_bulk_insert``.
The format is documented in docs/import-format.md.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import translation

from wandelwerk.actors.models import (
    Actor,
    Kind,
    Precision,
    ResourceCategory,
    Sector,
    Status,
    Topic,
    Visibility,
)
from wandelwerk.actors.services import BulkActor, actors_bulk_insert, natural_key_for
from wandelwerk.engines import tabular
from wandelwerk.engines.tabular import Issue, Record, TabularError, Vocabulary
from wandelwerk.geo.names import fold_name
from wandelwerk.geo.selectors import GeoResolver, ResolvedPlace, geo_resolver

PREVIEW_ROWS = 50
INSERT_CHUNK = 10_000  # rows per actors_bulk_insert call (keeps SQLite's IN lists short)
LOCATION_COLUMNS = "ags, lat, lon, postcode, place"
_SECTOR_FOR_KIND = {
    Kind.ADMINISTRATION: Sector.ADMINISTRATION,
    Kind.COMPANY: Sector.BUSINESS,
    Kind.EDUCATION: Sector.SCIENCE,
    Kind.RESEARCH: Sector.SCIENCE,
    Kind.RELIGIOUS: Sector.CHURCH,
}


@dataclass(frozen=True, slots=True)
class PreviewRow:
    row: int
    name: str
    kind: str
    place: str
    municipality: str
    precision: str
    topics: str
    status: str


@dataclass(slots=True)
class ImportReport:
    """What an import found and did. ``errors`` non-empty means nothing was written."""

    filename: str = ""
    file_format: str = "CSV"
    encoding: str = ""
    delimiter: str = ""
    dry_run: bool = False
    rows: int = 0
    new: int = 0
    unchanged: int = 0
    pending: int = 0
    created: int = 0
    columns: dict[str, str] = field(default_factory=dict)  # canonical → as written in the file
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    preview: list[PreviewRow] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def encoding_label(self) -> str:
        labels = {
            "utf-8": "UTF-8",
            "utf-8-sig": "UTF-8 mit BOM",
            "utf-16": "UTF-16",
            "cp1252": "Windows-1252",
        }
        return labels.get(self.encoding, self.encoding)

    @property
    def duplicates(self) -> int:
        return sum(1 for w in self.warnings if w.row > 1 and w.column == "name")

    def where(self, issue: Issue) -> str:
        """ "Zeile 7, Spalte „postcode“" (CSV) or "Objekt 3, Feld „postcode“" (GeoJSON/JSON)."""
        csv = self.file_format == "CSV"
        parts = [f"{'Zeile' if csv else 'Objekt'} {issue.row}"] if issue.row else ["Datei"]
        if issue.column:
            names = [self.columns.get(c.strip(), c.strip()) for c in issue.column.split(",")]
            label = ("Spalte" if csv else "Feld") if len(names) == 1 else ("Spalten" if csv else "Felder")
            parts.append(f"{label} „{', '.join(names)}“")
        return ", ".join(parts)

    def describe(self, issue: Issue) -> str:
        return f"{self.where(issue)}: {issue.message}"

    def summary(self) -> str:
        written = not (self.dry_run or self.errors)
        new = f"{self.created} neu angelegt" if written else f"{self.new} neu"
        rows = "1 Zeile" if self.rows == 1 else f"{self.rows} Zeilen"
        text = f"{rows} gelesen: {new}, {self.unchanged} unverändert (schon vorhanden)"
        if self.pending:
            text += f", davon {self.pending} zur Prüfung"
        hints = "Hinweis" if len(self.warnings) == 1 else "Hinweise"
        return text + f", {len(self.warnings)} {hints}, {len(self.errors)} Fehler."

    def lines(self) -> list[str]:
        out = [*self.notes, self.summary()]
        out += [f"Hinweis: {self.describe(w)}" for w in self.warnings]
        out += [f"Fehler: {self.describe(e)}" for e in self.errors]
        if self.errors:
            out.append("Es wurde nichts geschrieben.")
        elif self.dry_run:
            out.append("Probelauf: es wurde nichts geschrieben.")
        return out


def _choices(choices: Any, extra: dict[str, str] | None = None) -> dict[str, str]:
    out: dict[str, str] = {}
    with translation.override("de"):
        for value, label in choices.choices:
            for alias in (value, str(label), *str(label).split(" / ")):
                out[tabular.fold(alias)] = value
    for alias, value in (extra or {}).items():
        out[tabular.fold(alias)] = value
    return out


def vocabulary() -> Vocabulary:
    topics: dict[str, int] = {}
    for pk, slug, name, name_en in Topic.objects.values_list("pk", "slug", "name", "name_en"):
        for alias in (name_en, name, slug):
            if alias:
                topics[tabular.fold(alias)] = pk
    return Vocabulary(
        kinds=_choices(Kind, {"Person": Kind.PERSON, "Kommune": Kind.ADMINISTRATION}),
        sectors=_choices(Sector, {"Politik": Sector.ADMINISTRATION, "Verwaltung": Sector.ADMINISTRATION}),
        visibilities=_choices(Visibility, {"Mitglieder": Visibility.MEMBERS}),
        precisions=_choices(Precision),
        categories=_choices(ResourceCategory),
        topics=topics,
        sector_for_kind={str(k): str(v) for k, v in _SECTOR_FOR_KIND.items()},
        default_kind=Kind.INITIATIVE,
        default_sector=Sector.CIVIL_SOCIETY,
        default_visibility=Visibility.PUBLIC,
    )


def _read(data: bytes, filename: str, report: ImportReport) -> tabular.Table:
    decoded = tabular.decode(data)
    report.encoding = decoded.encoding
    if decoded.encoding == "cp1252":
        report.notes.append(
            "Die Datei ist nicht UTF-8 kodiert und wurde als Windows-1252 (älteres Excel) gelesen: "
            "bitte Umlaute prüfen oder als „CSV UTF-8“ speichern."
        )
    text = decoded.text
    head = text.lstrip()[:1]
    if filename.lower().endswith((".geojson", ".json")) or head in ("{", "["):
        table = tabular.read_features(text)
        report.file_format = "GeoJSON" if head == "{" else "JSON"
    else:
        report.delimiter = tabular.sniff_delimiter(text)
        table = tabular.read_csv(text, delimiter=report.delimiter)
    return table


@dataclass(slots=True)
class _Plan:
    rows: list[tuple[Record, BulkActor]] = field(default_factory=list)
    topic_names: dict[int, str] = field(default_factory=dict)


def actors_import(
    *,
    data: bytes,
    filename: str = "",
    user: Any = None,
    status: str = Status.PUBLISHED,
    source: str = "",
    dry_run: bool = False,
    resolver: GeoResolver | None = None,
) -> ImportReport:
    """Checks ``data`` and, unless ``dry_run`` or any error, inserts the new actors atomically.

    ``user`` None (command line) imports with ``status``; a coordinator's rows outside the areas of
    their networks are imported as pending, so that region's coordinators review them."""
    report = ImportReport(filename=filename, dry_run=dry_run)
    try:
        table = _read(data, filename, report)
    except TabularError as exc:
        report.errors.append(Issue(0, "", str(exc)))
        return report
    plan = _check(table, report, user=user, status=status, source=source or filename, resolver=resolver)
    if report.errors or dry_run:
        return report
    try:
        with transaction.atomic():
            for chunk in _chunks([bulk for _, bulk in plan.rows], INSERT_CHUNK):
                report.created += actors_bulk_insert(rows=chunk, topic_names=plan.topic_names)
    except IntegrityError as exc:
        report.created = 0
        report.errors.append(
            Issue(
                0,
                "",
                "Die Datenbank hat das Schreiben abgelehnt, vermutlich weil gleichzeitig dieselben "
                f"Einträge angelegt wurden ({exc}). Es wurde nichts geschrieben; bitte erneut importieren.",
            )
        )
    return report


def _check(
    table: tabular.Table,
    report: ImportReport,
    *,
    user: Any,
    status: str,
    source: str,
    resolver: GeoResolver | None,
) -> _Plan:
    mapping, issues = tabular.map_columns(table.headers)
    report.columns = {canonical: written for written, canonical in mapping.items()}
    if not table.rows and report.file_format != "CSV":
        issues = [i for i in issues if i.column != "name"]  # no object to take the columns from
    report.errors += issues + table.issues
    for header in tabular.unknown_columns(table.headers):
        report.warnings.append(Issue(1, "", f"Unbekannte Spalte „{header}“ wird ignoriert."))
    report.rows = len(table.rows) + len(table.issues)
    if "name" not in report.columns:
        return _Plan()
    vocab = vocabulary()
    records = [
        tabular.parse_record(number, {mapping[h]: v for h, v in cells.items() if h in mapping}, vocab)
        for number, cells in table.rows
    ]
    resolver = resolver or geo_resolver()
    located = _locate_all(records, resolver, report)
    coordinated = _coordinated_area_ids(user)
    plan = _Plan(topic_names=dict(Topic.objects.values_list("pk", "name")))
    keys: dict[str, int] = {}
    candidates: list[tuple[Record, BulkActor]] = []
    for rec in records:
        report.errors += rec.errors
        loc = located.get(rec.row)
        if rec.errors or loc is None:
            continue
        bulk = _bulk(rec, loc, source=source, status=status)
        if rec.kind == Kind.PERSON:  # persons are only ever shown at their municipality's point
            seat = resolver.by_ags(loc.ags) or loc
            bulk.lat, bulk.lon, bulk.precision, bulk.street = seat.lat, seat.lon, Precision.MUNICIPALITY, ""
        bulk.natural_key = natural_key_for(name=rec.name, municipality_ags=loc.ags, source_key=rec.source_id)
        if bulk.natural_key in keys:
            column = "source_id" if rec.source_id else "name"
            what = "dieselbe Quell-ID" if rec.source_id else "derselbe Name in derselben Gemeinde"
            report.errors.append(
                Issue(rec.row, column, f"Doppelt: {what} wie in Zeile {keys[bulk.natural_key]}.")
            )
            continue
        keys[bulk.natural_key] = rec.row
        if (
            coordinated is not None
            and status == Status.PUBLISHED
            and not ({bulk.municipality_id, bulk.county_id, bulk.state_id} & coordinated)
        ):
            bulk.status = Status.PENDING
        candidates.append((rec, bulk))
    existing = _existing_keys([b.natural_key for _, b in candidates])
    plan.rows = [(rec, bulk) for rec, bulk in candidates if bulk.natural_key not in existing]
    report.unchanged = len(candidates) - len(plan.rows)
    report.new = len(plan.rows)
    report.pending = sum(1 for _, b in plan.rows if b.status == Status.PENDING)
    report.warnings += _duplicate_warnings(plan.rows, user)
    municipalities = {loc.municipality_id: loc.name for loc in located.values()}
    report.preview = _preview(plan.rows[:PREVIEW_ROWS], municipalities, plan.topic_names)
    report.errors.sort(key=lambda i: (i.row, i.column))
    return plan


def _bulk(rec: Record, loc: ResolvedPlace, *, source: str, status: str) -> BulkActor:
    has_point = rec.lat is not None and rec.lon is not None
    return BulkActor(
        name=rec.name,
        kind=rec.kind,
        sector=rec.sector,
        municipality_id=loc.municipality_id,
        county_id=loc.county_id,
        state_id=loc.state_id,
        lat=rec.lat if has_point else loc.lat,  # type: ignore[arg-type]
        lon=rec.lon if has_point else loc.lon,  # type: ignore[arg-type]
        precision=(rec.precision or Precision.ADDRESS) if has_point else loc.precision,
        natural_key="",
        description=rec.description,
        street=rec.street,
        postcode=rec.postcode,
        place=rec.place or loc.name,
        website=rec.website,
        email=rec.email,
        phone=rec.phone,
        contact_name=rec.contact_name,
        visibility=rec.visibility,
        status=status,
        source=source[:200],
        last_confirmed=rec.last_confirmed,
        topic_ids=rec.topic_ids,
        resources=rec.resources,
    )


def _locate_all(
    records: Sequence[Record], resolver: GeoResolver, report: ImportReport
) -> dict[int, ResolvedPlace]:
    """Row → municipality and point: by AGS, else the point, else postcode, else place name."""
    cache: dict[tuple[str, Any], ResolvedPlace | None] = {}

    def lookup(kind: str, value: Any) -> ResolvedPlace | None:
        key = (kind, value)
        if key not in cache:
            if kind == "ags":
                cache[key] = resolver.by_ags(value)
            elif kind == "at":
                cache[key] = resolver.at(value[0], value[1])
            elif kind == "postcode":
                cache[key] = resolver.by_postcode(value)
            else:
                cache[key] = resolver.by_name(value)
        return cache[key]

    out: dict[int, ResolvedPlace] = {}
    for rec in records:
        if rec.errors and any(e.column in ("ags", "lat", "lon", "postcode") for e in rec.errors):
            continue
        if rec.ags:
            loc, column, message = (
                lookup("ags", rec.ags),
                "ags",
                f"Unbekannter Gemeindeschlüssel „{rec.ags}“.",
            )
        elif rec.lat is not None and rec.lon is not None:
            loc = lookup("at", (rec.lon, rec.lat))
            column, message = (
                "lat, lon",
                f"Der Punkt {rec.lat}, {rec.lon} liegt in keiner bekannten Gemeinde.",
            )
        elif rec.postcode:
            loc, column = lookup("postcode", rec.postcode), "postcode"
            message = f"Unbekannte Postleitzahl „{rec.postcode}“."
        elif rec.place:
            loc, column = lookup("place", rec.place), "place"
            message = (
                f"Keine Gemeinde namens „{rec.place}“ gefunden (oder mehrdeutig: bitte PLZ oder AGS angeben)."
            )
        else:
            loc, column = None, LOCATION_COLUMNS
            message = (
                "Kein Ort angegeben: Gemeindeschlüssel, Koordinaten, Postleitzahl oder Ort wird gebraucht."
            )
        if loc is None:
            rec.fail(column, message)
            continue
        out[rec.row] = loc
        if column == "place" and not _same_place(rec.place, loc.name):
            report.warnings.append(
                Issue(rec.row, "place", f"Ort „{rec.place}“ wurde der Gemeinde „{loc.name}“ zugeordnet.")
            )
    return out


def _same_place(place: str, municipality: str) -> bool:
    """ "Zwickau" names "Zwickau, Stadt"; "Zwick" does not."""
    wanted, name = fold_name(place), fold_name(municipality)
    return name == wanted or name.startswith(wanted + " ")


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _existing_keys(keys: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(keys, 5000):
        found.update(Actor.objects.filter(natural_key__in=chunk).values_list("natural_key", flat=True))
    return found


def _coordinated_area_ids(user: Any) -> frozenset[int] | None:
    """None: no restriction (command line, staff); else the areas the user coordinates."""
    if user is None or user.is_staff or user.is_superuser:
        return None
    from wandelwerk.networks.selectors import area_ids_for_user

    return area_ids_for_user(user=user, coordinator=True)


def _duplicate_warnings(rows: Sequence[tuple[Record, BulkActor]], user: Any) -> list[Issue]:
    if not rows:
        return []
    new = [tabular.Place(rec.row, tabular.name_key(rec.name), b.lat, b.lon) for rec, b in rows]
    names_by_row = {rec.row: rec.name for rec, _ in rows}
    keys = {p.key for p in new}
    existing_names: dict[int, str] = {}
    existing = []
    for pk, name, lat, lon in Actor.objects.values_list("pk", "name", "lat", "lon").iterator(chunk_size=5000):
        key = tabular.name_key(name)
        if key in keys:
            existing.append(tabular.Place(pk, key, lat, lon))
            existing_names[pk] = name
    matches = tabular.near_duplicates(new, existing)
    visible = _visible_ids(user, [o.ref for _, o, is_existing, _ in matches if is_existing])
    warnings = []
    for place, other, is_existing, km in matches:
        if not is_existing:
            what = f"von „{names_by_row[other.ref]}“ in Zeile {other.ref} dieser Datei"
        elif visible is None or other.ref in visible:
            what = f"des bestehenden Eintrags „{existing_names[other.ref]}“"
        else:
            what = "eines bestehenden, für Sie nicht sichtbaren Eintrags"
        distance = f"{km:.1f}".replace(".", ",")
        warnings.append(Issue(place.ref, "name", f"Mögliches Duplikat {what} ({distance} km entfernt)."))
    return warnings


def _visible_ids(user: Any, ids: list[int]) -> set[int] | None:
    if user is None or user.is_staff or user.is_superuser or not ids:
        return None
    from wandelwerk.actors.visibility import actors_visible_to

    visible: set[int] = set()
    for chunk in _chunks(ids, 5000):
        visible.update(actors_visible_to(user).filter(pk__in=chunk).values_list("pk", flat=True))
    return visible


def _preview(
    rows: Sequence[tuple[Record, BulkActor]],
    municipalities: dict[int, str],
    topic_names: dict[int, str],
) -> list[PreviewRow]:
    with translation.override("de"):
        kinds, precisions, statuses = dict(Kind.choices), dict(Precision.choices), dict(Status.choices)
        return [
            PreviewRow(
                row=rec.row,
                name=b.name,
                kind=str(kinds.get(b.kind, b.kind)),
                place=b.place,
                municipality=municipalities.get(b.municipality_id, ""),
                precision=str(precisions.get(b.precision, b.precision)),
                topics=", ".join(topic_names.get(t, "") for t in b.topic_ids),
                status=str(statuses.get(b.status, b.status)),
            )
            for rec, b in rows
        ]
