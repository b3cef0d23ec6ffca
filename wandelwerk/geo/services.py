"""Writes to the geography tables: loading the reference data (upsert by AGS, all or nothing)."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Q

from wandelwerk.geo import assemble, datafiles
from wandelwerk.geo.models import Area, PostalCode, PostalCodeArea

ALL_STATES = tuple(f"{n:02d}" for n in range(1, 17))
AREA_FIELDS = (
    "ars",
    "name",
    "kind",
    "kind_label",
    "parent_id",
    "population",
    "population_date",
    "area_km2",
    "lat",
    "lon",
    "min_lon",
    "min_lat",
    "max_lon",
    "max_lat",
    "regiostar7",
    "degurba",
    "boundary",
    "boundary_light",
    "search_name",
)
BATCH = 500


class GeographyError(ValueError):
    """The load was refused; the message names what is wrong."""


@dataclass(slots=True)
class UpsertCount:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, other: UpsertCount) -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged

    def __str__(self) -> str:
        return f"{self.created} neu, {self.updated} geändert, {self.unchanged} unverändert"


@dataclass(slots=True)
class LoadResult:
    states: int = 0
    counties: int = 0
    municipalities: int = 0
    areas: UpsertCount = field(default_factory=UpsertCount)
    postcodes: UpsertCount = field(default_factory=UpsertCount)
    postcode_areas: UpsertCount = field(default_factory=UpsertCount)
    postcode_areas_removed: int = 0
    seconds: float = 0.0
    report: assemble.JoinReport = field(default_factory=assemble.JoinReport)

    def summary(self) -> str:
        pc, pca = self.postcodes, self.postcode_areas
        return (
            f"Geografie: {self.states} Länder, {self.counties} Kreise, {self.municipalities} Gemeinden "
            f"({self.areas}); PLZ: {pc.created + pc.updated + pc.unchanged} ({pc}); "
            f"PLZ-Zuordnungen: {pca.created + pca.unchanged} "
            f"({pca}, {self.postcode_areas_removed} entfernt); "
            f"{sum(len(v) for v in self.report.cases.values())} Schlüssel ohne direkte Zuordnung; "
            f"{self.seconds:.1f} s"
        )


def parse_states(value: str | Sequence[str] | None) -> tuple[str, ...] | None:
    """ "14,15" or ["14", "15"] → ("14", "15"); None → all states. Refuses unknown state codes."""
    if value is None or value == "":
        return None
    parts = value.split(",") if isinstance(value, str) else list(value)
    codes = []
    for part in parts:
        code = part.strip()
        if code.isdigit() and len(code) == 1:
            code = "0" + code
        if code not in ALL_STATES:
            raise GeographyError(f"Unbekannter Landesschlüssel „{part.strip()}“ (erlaubt: 01 bis 16).")
        codes.append(code)
    return tuple(sorted(set(codes)))


def _in_states(states: Sequence[str] | None) -> Q:
    condition = Q()
    for state in states or ():
        condition |= Q(ags__startswith=state)
    return condition


def _update_rows(fields: Sequence[str], objs: Sequence[Area]) -> None:
    """One prepared UPDATE run for many rows (``executemany``): much faster than ``bulk_update``'s
    CASE expressions for thousands of rows. Column names come from AREA_FIELDS, never from input."""
    meta = Area._meta
    columns = [meta.get_field(name.removesuffix("_id")) for name in fields]
    qn = connection.ops.quote_name
    assignments = ", ".join(f"{qn(field.column)} = %s" for field in columns)
    sql = f"UPDATE {qn(meta.db_table)} SET {assignments} WHERE {qn(meta.pk.column)} = %s"  # noqa: S608
    params = [
        [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in columns] + [obj.pk]
        for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _upsert(
    records: Sequence[assemble.AreaRecord], ids: dict[str, int], states: Sequence[str] | None
) -> UpsertCount:
    """Creates new areas and updates changed ones (by AGS); fills ``ids`` with the AGS → id map."""
    count = UpsertCount()
    if not records:
        return count
    wanted = {r.ags: r for r in records}
    same_kind = Area.objects.filter(_in_states(states), kind=records[0].kind)
    existing = {values[0]: values[1:] for values in same_kind.values_list("ags", "id", *AREA_FIELDS)}
    new: list[Area] = []
    # rows grouped by the fields that changed: small CASE statements, fast on SQLite and PostgreSQL
    changed: dict[tuple[str, ...], list[Area]] = defaultdict(list)
    for rec in records:
        values = {name: getattr(rec, name) for name in AREA_FIELDS if name != "parent_id"}
        values["parent_id"] = ids[rec.parent_ags] if rec.parent_ags else None
        row = existing.get(rec.ags)
        if row is None:
            new.append(Area(ags=rec.ags, **values))
            continue
        pk, current = row[0], dict(zip(AREA_FIELDS, row[1:], strict=True))
        fields = tuple(name for name in AREA_FIELDS if current[name] != values[name])
        if fields:
            changed[fields].append(Area(pk=pk, ags=rec.ags, **values))
            count.updated += 1
        else:
            count.unchanged += 1
    Area.objects.bulk_create(new, batch_size=BATCH)
    for fields, objs in changed.items():
        _update_rows(fields, objs)
    count.created = len(new)
    # one query per level; filtering in Python avoids huge IN lists (SQLite's variable limit)
    for ags, pk in same_kind.values_list("ags", "id"):
        if ags in wanted:
            ids[ags] = pk
    return count


def _load_postcodes(geo: assemble.Geography, ids: dict[str, int], full: bool, result: LoadResult) -> None:
    """PLZ centroids and PLZ → municipality rows (ODbL, separate tables) for the loaded municipalities.

    Rows naming a municipality that merged before 2021 are moved to its 2021 successor; rows with
    keys that match nothing are skipped; both are reported."""
    report = result.report
    municipality_ids = {r.ags: ids[r.ags] for r in geo.municipalities}
    wanted: dict[tuple[str, int, str], None] = {}
    for plz, ags, place in datafiles.plz_areas():
        if ags not in municipality_ids:
            successor = geo.successor_of.get(ags)
            if successor is not None:
                report.add("PLZ: municipality merged before 2021, moved to its successor", f"{plz}/{ags}")
                ags = successor
            elif full:
                report.add("PLZ: unknown municipality key, skipped", f"{plz}/{ags}")
                continue
            else:
                continue
        wanted[(plz, municipality_ids[ags], place)] = None

    centroids = datafiles.plz_centroids()
    plz_needed = {key[0] for key in wanted}
    for plz in sorted(plz_needed - set(centroids)):
        report.add("PLZ: no centroid, geocoded to its municipality", plz)
    if full:
        plz_needed |= set(centroids)
    existing_pc = {
        p: (pk, lat, lon) for pk, p, lat, lon in PostalCode.objects.values_list("id", "plz", "lat", "lon")
    }
    new_pc, changed_pc = [], []
    for plz in sorted(plz_needed & set(centroids)):
        lat, lon = centroids[plz]
        row = existing_pc.get(plz)
        if row is None:
            new_pc.append(PostalCode(plz=plz, lat=lat, lon=lon))
        elif (row[1], row[2]) != (lat, lon):
            changed_pc.append(PostalCode(pk=row[0], plz=plz, lat=lat, lon=lon))
        else:
            result.postcodes.unchanged += 1
    PostalCode.objects.bulk_create(new_pc, batch_size=BATCH)
    PostalCode.objects.bulk_update(changed_pc, ["lat", "lon"], batch_size=BATCH)
    result.postcodes.created, result.postcodes.updated = len(new_pc), len(changed_pc)

    loaded_ids = set(municipality_ids.values())
    existing_rows = {
        (plz, area_id, place): pk
        for pk, plz, area_id, place in PostalCodeArea.objects.values_list(
            "id", "plz", "area_id", "place_name"
        )
        if area_id in loaded_ids
    }
    stale = [pk for key, pk in existing_rows.items() if key not in wanted]
    for start in range(0, len(stale), BATCH):
        PostalCodeArea.objects.filter(pk__in=stale[start : start + BATCH]).delete()
    result.postcode_areas_removed = len(stale)
    new_rows = [
        PostalCodeArea(plz=plz, area_id=area_id, place_name=place)
        for plz, area_id, place in wanted
        if (plz, area_id, place) not in existing_rows
    ]
    PostalCodeArea.objects.bulk_create(new_rows, batch_size=BATCH)
    result.postcode_areas.created = len(new_rows)
    result.postcode_areas.unchanged = len(wanted) - len(new_rows)


@transaction.atomic
def geography_load(*, states: Collection[str] | None = None) -> LoadResult:
    """Loads states, counties, municipalities and postal codes from ``wandelwerk/geo/data``.

    ``states``: two-digit state keys to load (None: all of Germany). Areas are matched by AGS:
    new ones are created, changed ones updated in place (ids stay), nothing is deleted; a second
    run changes nothing. All or nothing: one transaction.
    """
    started = time.perf_counter()
    chosen = parse_states(list(states)) if states is not None else None
    result = LoadResult()
    src = assemble.Sources.read(chosen)
    geo = assemble.build(src, result.report)
    ids: dict[str, int] = {}
    for records in (geo.states, geo.counties, geo.municipalities):
        result.areas.add(_upsert(records, ids, chosen))
    result.states, result.counties, result.municipalities = (
        len(geo.states),
        len(geo.counties),
        len(geo.municipalities),
    )
    _load_postcodes(geo, ids, chosen is None, result)
    result.seconds = time.perf_counter() - started
    return result
