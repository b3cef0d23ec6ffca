"""Export of actors as CSV, GeoJSON (RFC 7946) and JSON, streamed row by row.

The caller passes the actors the viewer may see (``actors_visible_to`` or ``actor_filter``); this
module blanks the personal contact fields of persons whose contact the viewer may not see
(``contact_visible``) and neutralises spreadsheet formulas in CSV cells. The CSV columns are exactly
the import columns (docs/import-format.md), so an exported file imports to the same data.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Prefetch, QuerySet

from wandelwerk.actors.models import Actor, Direction, Kind, Resource, Topic
from wandelwerk.actors.visibility import contact_visible
from wandelwerk.engines.tabular import neutralise

COLUMNS = (
    "name",
    "kind",
    "sector",
    "description",
    "topics",
    "street",
    "postcode",
    "place",
    "ags",
    "lat",
    "lon",
    "precision",
    "website",
    "email",
    "phone",
    "contact_name",
    "visibility",
    "offers",
    "needs",
    "source_id",
    "last_confirmed",
)
PERSONAL = ("street", "website", "email", "phone", "contact_name")
CHUNK = 2000
BOM = "\ufeff"


def export_queryset(qs: QuerySet[Actor]) -> QuerySet[Actor]:
    """``qs`` with what an export row needs, in three queries per chunk of actors."""
    return qs.select_related("municipality").prefetch_related(
        Prefetch("topics", queryset=Topic.objects.only("id", "slug").order_by("slug")),
        Prefetch("resources", queryset=Resource.objects.order_by("direction", "category", "title", "id")),
    )


def actor_record(actor: Actor, user: Any) -> dict[str, Any]:
    """One actor as plain values (lists for topics and offers/needs), personal fields blanked."""
    resources = list(actor.resources.all())
    record: dict[str, Any] = {
        "name": actor.name,
        "kind": actor.kind,
        "sector": actor.sector,
        "description": actor.description,
        "topics": [t.slug for t in actor.topics.all()],
        "street": actor.street,
        "postcode": actor.postcode,
        "place": actor.place,
        "ags": actor.municipality.ags,
        "lat": actor.lat,
        "lon": actor.lon,
        "precision": actor.precision,
        "website": actor.website,
        "email": actor.email,
        "phone": actor.phone,
        "contact_name": actor.contact_name,
        "visibility": actor.visibility,
        "offers": [
            {"category": r.category, "title": r.title} for r in resources if r.direction == Direction.OFFER
        ],
        "needs": [
            {"category": r.category, "title": r.title} for r in resources if r.direction == Direction.NEED
        ],
        "source_id": actor.natural_key[3:] if actor.natural_key.startswith("id:") else "",
        "last_confirmed": actor.last_confirmed.isoformat() if actor.last_confirmed else "",
    }
    if actor.kind == Kind.PERSON and not contact_visible(actor, user):
        record.update(dict.fromkeys(PERSONAL, ""))
    return record


def _rows(qs: QuerySet[Actor], user: Any) -> Iterator[tuple[Actor, dict[str, Any]]]:
    for actor in export_queryset(qs).iterator(chunk_size=CHUNK):
        yield actor, actor_record(actor, user)


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a streaming response."""

    def write(self, value: str) -> str:
        return value


def _csv_cell(value: Any, *, decimal_comma: bool) -> str:
    if isinstance(value, float):
        text = repr(value)
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, list):
        value = "|".join(f"{v['category']}: {v['title']}" if isinstance(v, dict) else v for v in value)
    return neutralise(str(value))


def csv_chunks(qs: QuerySet[Actor], *, user: Any, delimiter: str = ",") -> Iterator[str]:
    """UTF-8-with-BOM CSV text in pieces: header, then one line per actor. With ``;`` (German Excel)
    coordinates get a decimal comma; the import reads both."""
    writer = csv.writer(_Echo(), delimiter=delimiter)  # type: ignore[arg-type]
    decimal_comma = delimiter == ";"
    yield BOM + writer.writerow(COLUMNS)
    batch: list[str] = []
    for _, record in _rows(qs, user):
        batch.append(writer.writerow([_csv_cell(record[c], decimal_comma=decimal_comma) for c in COLUMNS]))
        if len(batch) >= 200:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def _extra(actor: Actor, record: dict[str, Any]) -> dict[str, Any]:
    return {**record, "detail_url": actor.get_absolute_url(), "municipality": actor.municipality.name}


def _joined(head: str, items: Iterable[str], tail: str) -> Iterator[str]:
    yield head
    batch: list[str] = []
    first = True
    for item in items:
        batch.append(item if first else ",\n" + item)
        first = False
        if len(batch) >= 200:
            yield "".join(batch)
            batch = []
    yield "".join(batch) + tail


def geojson_chunks(qs: QuerySet[Actor], *, user: Any) -> Iterator[str]:
    """A GeoJSON FeatureCollection (RFC 7946: [longitude, latitude], WGS 84) in pieces."""
    features = (
        json.dumps(
            {
                "type": "Feature",
                "id": actor.slug,
                "geometry": {"type": "Point", "coordinates": [actor.lon, actor.lat]},
                "properties": _extra(actor, record),
            },
            ensure_ascii=False,
        )
        for actor, record in _rows(qs, user)
    )
    return _joined('{"type": "FeatureCollection", "features": [\n', features, "\n]}\n")


def json_chunks(qs: QuerySet[Actor], *, user: Any) -> Iterator[str]:
    """A JSON array of objects with the same fields as the GeoJSON properties."""
    items = (json.dumps(_extra(actor, record), ensure_ascii=False) for actor, record in _rows(qs, user))
    return _joined("[\n", items, "\n]\n")


def export_chunks(fmt: str, qs: QuerySet[Actor], *, user: Any, delimiter: str = ",") -> Iterator[str]:
    if fmt == "csv":
        return csv_chunks(qs, user=user, delimiter=delimiter)
    if fmt == "geojson":
        return geojson_chunks(qs, user=user)
    if fmt == "json":
        return json_chunks(qs, user=user)
    raise ValueError(f"unknown export format: {fmt}")
