"""Import of ties from a CSV edge list: check every line first, then write all or nothing.

Columns (German headers work too): source;target;kind;weight;started;ended;note — see docs/import-format.md.
Actors are named by their slug (Kürzel, as in their page address) or by the natural key the actor import
gives them (``id:<source_id>``, or ``<AGS>:<name-slug>``). A tie that exists already (same two actors
and kind, either direction for cooperation) is skipped, so importing a file twice writes nothing new.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import translation

from wandelwerk.actors.models import Actor
from wandelwerk.engines import tabular
from wandelwerk.engines.tabular import Issue, TabularError
from wandelwerk.ties.models import DERIVED_KINDS, Tie, TieKind, TieOrigin
from wandelwerk.ties.services import MAX_WEIGHT, UNDIRECTED_KINDS

COLUMNS: dict[str, tuple[str, ...]] = {
    "source": ("quelle", "von", "akteur", "from"),
    "target": ("ziel", "zu", "partner", "an", "to"),
    "kind": ("art", "typ", "type"),
    "weight": ("gewicht",),
    "started": ("seit", "beginn", "start"),
    "ended": ("bis", "ende", "end"),
    "note": ("notiz", "bemerkung", "kommentar"),
}
REQUIRED = ("source", "target", "kind")
_ALIASES = {tabular.fold(a): key for key, aliases in COLUMNS.items() for a in (key, *aliases)}


@dataclass(slots=True)
class TieImportReport:
    """What an import found and did; ``errors`` non-empty means nothing was written."""

    rows: int = 0
    new: int = 0
    unchanged: int = 0
    created: int = 0
    dry_run: bool = False
    columns: dict[str, str] = field(default_factory=dict)  # canonical → as written
    errors: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def where(self, issue: Issue) -> str:
        if not issue.row:
            return "Datei"
        if issue.column:
            return f"Zeile {issue.row}, Spalte „{self.columns.get(issue.column, issue.column)}“"
        return f"Zeile {issue.row}"

    def lines(self) -> list[str]:
        written = self.created if not (self.dry_run or self.errors) else 0
        out = [
            f"{self.rows} Zeilen gelesen: {self.new} neue Beziehungen, {self.unchanged} schon vorhanden, "
            f"{written} geschrieben, {len(self.errors)} Fehler."
        ]
        out += [f"Fehler: {self.where(e)}: {e.message}" for e in self.errors]
        if self.errors:
            out.append("Es wurde nichts geschrieben.")
        elif self.dry_run:
            out.append("Probelauf: es wurde nichts geschrieben.")
        return out


def _kinds() -> dict[str, str]:
    out: dict[str, str] = {}
    for kind in TieKind:
        for lang in ("de", "en"):
            with translation.override(lang):
                out[tabular.fold(str(kind.label))] = kind.value
        out[tabular.fold(kind.value)] = kind.value
    return out


def _resolve_actors(keys: set[str]) -> dict[str, int]:
    """Cell value → actor id, by slug first, else natural key (two queries per 5,000 values)."""
    found: dict[str, int] = {}
    values = sorted(keys)
    for start in range(0, len(values), 5000):
        part = values[start : start + 5000]
        for slug, pk in Actor.objects.filter(slug__in=part).values_list("slug", "id"):
            found[slug] = pk
        rest = [v for v in part if v not in found]
        for key, pk in Actor.objects.filter(natural_key__in=rest).values_list("natural_key", "id"):
            found[key] = pk
    return found


@dataclass(slots=True)
class _Row:
    line: int
    source: int
    target: int
    kind: str
    weight: float
    started: dt.date | None
    ended: dt.date | None
    note: str


def _parse(
    line: int, cells: dict[str, str], ids: dict[str, int], kinds: dict[str, str], errors: list[Issue]
) -> _Row | None:
    before = len(errors)
    ends: dict[str, int] = {}
    for column in ("source", "target"):
        value = cells.get(column, "").strip()
        if not value:
            errors.append(Issue(line, column, "Der Akteur fehlt."))
        elif value not in ids:
            errors.append(Issue(line, column, f"Kein Akteur mit dem Kürzel oder Schlüssel „{value}“."))
        else:
            ends[column] = ids[value]
    raw_kind = cells.get("kind", "").strip()
    kind = kinds.get(tabular.fold(raw_kind), "")
    if not raw_kind:
        errors.append(Issue(line, "kind", "Die Art fehlt."))
    elif not kind:
        allowed = ", ".join(k.value for k in TieKind if k not in DERIVED_KINDS)
        errors.append(Issue(line, "kind", f"Unbekannte Art „{raw_kind}“ (erlaubt: {allowed})."))
    elif kind in DERIVED_KINDS:
        errors.append(Issue(line, "kind", f"„{raw_kind}“ wird abgeleitet und kann nicht importiert werden."))
    weight = 1.0
    raw_weight = cells.get("weight", "").strip()
    if raw_weight:
        try:
            weight = float(raw_weight.replace(",", "."))
        except ValueError:
            weight = math.nan
        if not math.isfinite(weight) or not 0 < weight <= MAX_WEIGHT:
            errors.append(
                Issue(line, "weight", f"„{raw_weight}“ ist kein Gewicht (Zahl größer 0, höchstens 100).")
            )
    dates: dict[str, dt.date | None] = {}
    for column in ("started", "ended"):
        raw = cells.get(column, "").strip()
        dates[column] = tabular.parse_date(raw) if raw else None
        if raw and dates[column] is None:
            errors.append(Issue(line, column, f"„{raw}“ ist kein Datum der Form JJJJ-MM-TT oder TT.MM.JJJJ."))
    started, ended = dates["started"], dates["ended"]
    if started and ended and ended < started:
        errors.append(
            Issue(line, "ended", f"Das Ende {ended.isoformat()} liegt vor dem Beginn {started.isoformat()}.")
        )
    if len(ends) == 2 and ends["source"] == ends["target"]:
        errors.append(Issue(line, "target", "Quelle und Ziel sind derselbe Akteur."))
    note = cells.get("note", "").strip()
    if len(note) > 300:
        errors.append(Issue(line, "note", f"Die Notiz hat {len(note)} Zeichen; höchstens 300 sind erlaubt."))
    if len(errors) > before:
        return None
    return _Row(line, ends["source"], ends["target"], kind, weight, started, ended, note)


def _pair_key(row: _Row) -> tuple[int, int, str]:
    if row.kind in UNDIRECTED_KINDS:
        return min(row.source, row.target), max(row.source, row.target), row.kind
    return row.source, row.target, row.kind


def _existing(rows: list[_Row]) -> set[tuple[int, int, str]]:
    """Pair keys of the rows that are recorded or imported already."""
    ids = sorted({r.source for r in rows} | {r.target for r in rows})
    found: set[tuple[int, int, str]] = set()
    for start in range(0, len(ids), 2000):
        part = ids[start : start + 2000]
        qs = Tie.objects.filter(Q(source_id__in=part) | Q(target_id__in=part), derived_key="")
        for s, t, kind in qs.values_list("source_id", "target_id", "kind"):
            if kind in UNDIRECTED_KINDS:
                found.add((min(s, t), max(s, t), kind))
            else:
                found.add((s, t, kind))
    return found


def _within_reach(rows: list[_Row], user: Any, report: TieImportReport) -> list[_Row]:
    """A coordinator imports ties only between actors they can see, one end in their networks' areas."""
    from wandelwerk.actors.visibility import actors_visible_to
    from wandelwerk.networks.selectors import area_ids_for_user

    ids = sorted({r.source for r in rows} | {r.target for r in rows})
    areas = area_ids_for_user(user=user, coordinator=True)
    visible: set[int] = set()
    mine: set[int] = set()
    for start in range(0, len(ids), 2000):
        qs = actors_visible_to(user).filter(id__in=ids[start : start + 2000])
        for pk, m, c, s in qs.values_list("id", "municipality_id", "county_id", "state_id"):
            visible.add(pk)
            if {m, c, s} & areas:
                mine.add(pk)
    kept = []
    for row in rows:
        hidden = [col for col, pk in (("source", row.source), ("target", row.target)) if pk not in visible]
        if hidden:
            report.errors += [Issue(row.line, col, "Diesen Akteur können Sie nicht sehen.") for col in hidden]
        elif row.source not in mine and row.target not in mine:
            report.errors.append(
                Issue(row.line, "source", "Keiner der beiden Akteure liegt im Gebiet Ihrer Netzwerke.")
            )
        else:
            kept.append(row)
    return kept


def ties_import(
    *, data: bytes, user: Any = None, dry_run: bool = False, is_demo: bool = False
) -> TieImportReport:
    """Checks every line of the edge list in ``data`` and, unless ``dry_run`` or any error, creates the
    new ties in one transaction. Errors name line, column and reason."""
    report = TieImportReport(dry_run=dry_run)
    try:
        table = tabular.read_csv(tabular.decode(data).text)
    except TabularError as exc:
        report.errors.append(Issue(0, "", str(exc)))
        return report
    mapping: dict[str, str] = {}
    for header in table.headers:
        canonical = _ALIASES.get(tabular.fold(header))
        if canonical and canonical not in report.columns:
            mapping[header] = canonical
            report.columns[canonical] = header
    missing = [c for c in REQUIRED if c not in report.columns]
    if missing:
        report.errors.append(Issue(1, "", f"Es fehlen die Spalten: {', '.join(missing)}."))
        return report
    report.errors += table.issues
    report.rows = len(table.rows) + len(table.issues)
    rows_cells = [
        (line, {mapping[h]: v for h, v in cells.items() if h in mapping}) for line, cells in table.rows
    ]
    ids = _resolve_actors({c.get(k, "").strip() for _, c in rows_cells for k in ("source", "target")} - {""})
    kinds = _kinds()
    parsed = [r for line, cells in rows_cells if (r := _parse(line, cells, ids, kinds, report.errors))]
    seen: dict[tuple[int, int, str], int] = {}
    unique: list[_Row] = []
    for row in parsed:
        key = _pair_key(row)
        if key in seen:
            report.errors.append(
                Issue(row.line, "target", f"Dieselbe Beziehung steht schon in Zeile {seen[key]}.")
            )
            continue
        seen[key] = row.line
        unique.append(row)
    if user is not None and not getattr(user, "is_staff", False):
        unique = _within_reach(unique, user, report)
    existing = _existing(unique)
    new = [r for r in unique if _pair_key(r) not in existing]
    report.unchanged = len(unique) - len(new)
    report.new = len(new)
    report.errors.sort(key=lambda i: (i.row, i.column))
    if report.errors or dry_run:
        return report
    creator = user if getattr(user, "is_authenticated", False) else None
    objs = [
        Tie(
            source_id=r.source,
            target_id=r.target,
            kind=r.kind,
            weight=r.weight,
            started=r.started,
            ended=r.ended,
            note=r.note,
            origin=TieOrigin.IMPORTED,
            created_by=creator,
            is_demo=is_demo,
        )
        for r in new
    ]
    try:
        with transaction.atomic():
            Tie.objects.bulk_create(objs, batch_size=2000)
    except IntegrityError as exc:
        report.errors.append(
            Issue(0, "", f"Die Datenbank hat das Schreiben abgelehnt ({exc}); es wurde nichts geschrieben.")
        )
        return report
    report.created = len(objs)
    return report
