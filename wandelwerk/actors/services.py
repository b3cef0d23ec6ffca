"""Writes to actors. Every function is atomic and keyword-only; views, API, import and demo use these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor, Precision, Resource, Status, Topic, Visibility
from wandelwerk.core.slugs import unique_slug as core_unique_slug
from wandelwerk.engines.text import filter_tokens, index_text
from wandelwerk.geo.models import Area, AreaKind

CONSENT_VERSION = "2026-11"
CONSENT_TEXT = (
    "Ich bin einverstanden, dass mein Name, mein Ort (nur die Gemeinde) und die von mir angegebenen "
    "Kontaktdaten im öffentlichen Akteursverzeichnis angezeigt werden. Ich kann die Einwilligung jederzeit "
    "widerrufen."
)


class ActorError(ValueError):
    """A write was refused; the message names what is wrong."""


@dataclass(slots=True)
class ActorData:
    """Everything needed to create or update an actor (validated values, not raw input)."""

    name: str
    kind: str
    sector: str
    municipality: Area
    lat: float | None = None
    lon: float | None = None
    precision: str = Precision.MUNICIPALITY
    description: str = ""
    street: str = ""
    postcode: str = ""
    place: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    contact_name: str = ""
    visibility: str = Visibility.PUBLIC
    topic_ids: Sequence[int] = ()
    source: str = ""
    natural_key: str = ""
    last_confirmed: dt.date | None = None
    is_demo: bool = False
    person_consent: bool = False
    resources: Sequence[tuple[str, str, str, str]] = field(
        default_factory=tuple
    )  # direction, category, title, descr


def natural_key_for(*, name: str, municipality_ags: str, source_key: str = "") -> str:
    """Stable identity across imports: the source's own id when given, else name + municipality."""
    if source_key:
        return f"id:{source_key.strip()}"[:300]
    return f"{municipality_ags}:{slugify(name)[:200]}"


def search_text_for(
    *,
    name: str,
    description: str,
    place: str,
    topic_names: Iterable[str],
    extra: Iterable[str] = (),
    filters: Sequence[str] = (),
) -> str:
    """Stemmed words of the texts, then the filter tokens (topics, kind, sector, map cells)."""
    words = index_text([name, description, place, *topic_names, *extra])
    return f"{words} {' '.join(filters)}".strip()


def _parents(municipality: Area) -> tuple[Area, Area]:
    county = municipality.parent
    if municipality.kind != AreaKind.MUNICIPALITY or county is None or county.parent is None:
        raise ActorError(_("„%(name)s“ ist keine Gemeinde.") % {"name": municipality})
    return county, county.parent


def _apply(actor: Actor, data: ActorData) -> None:
    name = data.name.strip()
    if not name:
        raise ActorError(_("Name fehlt."))
    county, state = _parents(data.municipality)
    actor.name = name
    actor.kind = data.kind
    actor.sector = data.sector
    actor.description = data.description
    actor.street = "" if data.kind == "person" else data.street
    actor.postcode = data.postcode
    actor.place = data.place or data.municipality.name
    actor.municipality = data.municipality
    actor.county = county
    actor.state = state
    # Persons are only ever placed on their municipality, never on an address.
    if data.kind == "person" or data.lat is None or data.lon is None:
        actor.lat, actor.lon = data.municipality.lat or 0.0, data.municipality.lon or 0.0
        actor.precision = Precision.MUNICIPALITY
    else:
        actor.lat, actor.lon, actor.precision = data.lat, data.lon, data.precision
    actor.website = data.website
    actor.email = data.email
    actor.phone = data.phone
    actor.contact_name = data.contact_name
    actor.visibility = data.visibility
    actor.source = data.source or actor.source
    actor.last_confirmed = data.last_confirmed or actor.last_confirmed
    actor.is_demo = data.is_demo
    if data.kind == "person":
        if data.person_consent and actor.consent_at is None:
            actor.consent_at = timezone.now()
            actor.consent_version = CONSENT_VERSION
            actor.consent_text = CONSENT_TEXT
        elif not data.person_consent:
            actor.consent_at, actor.consent_version, actor.consent_text = None, "", ""


def actor_reindex(*, actor: Actor) -> None:
    """Recomputes the search text from name, description, place, topics, offers/needs and filters."""
    topics = list(actor.topics.values_list("id", "name"))
    resources = list(actor.resources.values_list("title", flat=True))
    actor.search_text = search_text_for(
        name=actor.name,
        description=actor.description,
        place=actor.place,
        topic_names=[name for _, name in topics],
        extra=resources,
        filters=filter_tokens(
            topic_ids=[pk for pk, _ in topics],
            kind=actor.kind,
            sector=actor.sector,
            lon=actor.lon,
            lat=actor.lat,
        ),
    )
    Actor.objects.filter(pk=actor.pk).update(search_text=actor.search_text)


def actor_prepare_admin_save(*, actor: Actor) -> None:
    """For staff edits in the Django admin: derive county/state, natural key and slug like the services do."""
    county, state = _parents(actor.municipality)
    actor.county, actor.state = county, state
    if not actor.natural_key:
        actor.natural_key = natural_key_for(name=actor.name, municipality_ags=actor.municipality.ags)
    if not actor.slug:
        actor.slug = unique_slug(actor.name, exclude_pk=actor.pk)


def unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    qs = Actor.objects.exclude(pk=exclude_pk) if exclude_pk else Actor.objects.all()
    return core_unique_slug(qs, name, fallback="akteur")


@transaction.atomic
def actor_create(*, data: ActorData, owner: Any = None, status: str = Status.PENDING) -> Actor:
    """Creates an actor (pending review unless told otherwise), its topics and offers/needs."""
    actor = Actor(owner=owner if owner is not None and owner.is_authenticated else None, status=status)
    _apply(actor, data)
    actor.natural_key = data.natural_key or natural_key_for(
        name=actor.name, municipality_ags=data.municipality.ags
    )
    if Actor.objects.filter(natural_key=actor.natural_key).exists():
        raise ActorError(
            _("„%(name)s“ ist in %(place)s bereits eingetragen.")
            % {"name": actor.name, "place": data.municipality.name}
        )
    actor.slug = unique_slug(actor.name)
    actor.save()
    actor.topics.set(Topic.objects.filter(pk__in=list(data.topic_ids)))
    Resource.objects.bulk_create(
        [
            Resource(actor=actor, direction=d, category=c, title=t, description=ds)
            for d, c, t, ds in data.resources
        ]
    )
    actor_reindex(actor=actor)
    return actor


@transaction.atomic
def actor_update(*, actor: Actor, data: ActorData) -> Actor:
    """Updates an actor's fields and topics; a rejected entry goes back to review."""
    _apply(actor, data)
    if actor.status == Status.REJECTED:
        actor.status = Status.PENDING
    actor.save()
    actor.topics.set(Topic.objects.filter(pk__in=list(data.topic_ids)))
    actor_reindex(actor=actor)
    return actor


@transaction.atomic
def actor_review(*, actor: Actor, reviewer: Any, approve: bool, note: str = "") -> Actor:
    """A coordinator publishes or rejects a pending entry. Deciding twice is refused."""
    updated = Actor.objects.filter(pk=actor.pk, status=Status.PENDING).update(
        status=Status.PUBLISHED if approve else Status.REJECTED,
        reviewed_by=reviewer,
        reviewed_at=timezone.now(),
        review_note=note,
    )
    if not updated:
        raise ActorError(_("Dieser Eintrag wurde bereits geprüft."))
    actor.refresh_from_db()
    return actor


@transaction.atomic
def actor_confirm(*, actor: Actor) -> Actor:
    """The entry's data were checked and are still right (sets the last-confirmed date)."""
    actor.last_confirmed = timezone.localdate()
    Actor.objects.filter(pk=actor.pk).update(last_confirmed=actor.last_confirmed)
    return actor


@transaction.atomic
def actor_delete(*, actor: Actor) -> None:
    actor.delete()


@transaction.atomic
def resource_add(
    *, actor: Actor, direction: str, category: str, title: str, description: str = ""
) -> Resource:
    if not title.strip():
        raise ActorError(_("Titel fehlt."))
    resource = Resource.objects.create(
        actor=actor, direction=direction, category=category, title=title.strip(), description=description
    )
    actor_reindex(actor=actor)
    return resource


@transaction.atomic
def resource_remove(*, resource: Resource) -> None:
    actor = resource.actor
    resource.delete()
    actor_reindex(actor=actor)


@dataclass(slots=True)
class BulkActor:
    """One row for the fast bulk path (import, demo, benchmarks): ids instead of objects."""

    name: str
    kind: str
    sector: str
    municipality_id: int
    county_id: int
    state_id: int
    lat: float
    lon: float
    precision: str
    natural_key: str
    description: str = ""
    street: str = ""
    postcode: str = ""
    place: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    contact_name: str = ""
    visibility: str = Visibility.PUBLIC
    status: str = Status.PUBLISHED
    source: str = ""
    last_confirmed: dt.date | None = None
    is_demo: bool = False
    topic_ids: Sequence[int] = ()
    resources: Sequence[tuple[str, str, str, str]] = ()


def _reserve_actor_ids(n: int) -> list[int]:
    """Ids for ``n`` new actors, taken inside the caller's write transaction."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence('actors_actor', 'id')) FROM generate_series(1, %s)",
                [n],
            )
            return [row[0] for row in cursor.fetchall()]
        # SQLite: IMMEDIATE transactions hold the write lock from BEGIN, so nobody else inserts meanwhile
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM actors_actor")
        start = cursor.fetchone()[0] + 1
        return list(range(start, start + n))


def _insert_many(table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    if not rows:
        return
    qn = connection.ops.quote_name
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {qn(table)} ({', '.join(qn(c) for c in columns)}) VALUES ({placeholders})"
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def actors_bulk_insert(
    *, rows: Sequence[BulkActor], topic_names: dict[int, str], batch_size: int = 5000
) -> int:
    """Inserts many new actors with topics and offers/needs through plain multi-row INSERTs (the ORM's
    per-object work costs more than the database here). Call inside a transaction; the caller
    guarantees natural keys are new (the unique constraint refuses duplicates). Returns the count."""
    ops = connection.ops
    now = ops.adapt_datetimefield_value(timezone.now())
    fields = [f for f in Actor._meta.concrete_fields if f.column != "id"]
    defaults = {f.attname: f.get_default() for f in fields}
    columns = ["id", *[f.column for f in fields]]
    attnames = [f.attname for f in fields]
    bases = {r.name: slugify(r.name)[:200] or "akteur" for r in rows}
    taken = set(Actor.objects.filter(slug__in=set(bases.values())).values_list("slug", flat=True))
    through_table = Actor.topics.through._meta.db_table
    total = 0
    for start in range(0, len(rows), batch_size):
        chunk = rows[start : start + batch_size]
        ids = _reserve_actor_ids(len(chunk))
        slugs = []
        for pk, r in zip(ids, chunk, strict=True):
            base = bases[r.name]
            slug = base if base not in taken else f"{base}-{pk}"  # the id keeps suffixed slugs unique
            taken.add(slug)
            slugs.append(slug)
        # rare: a suffixed slug such as "repair-cafe-17" was someone's own name
        clash = set(Actor.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        actor_rows = []
        for pk, slug, r in zip(ids, slugs, chunk, strict=True):
            values = dict(defaults)
            values.update(
                name=r.name,
                slug=slug if slug not in clash else f"{slug}-x",
                kind=r.kind,
                sector=r.sector,
                description=r.description,
                street=r.street,
                postcode=r.postcode,
                place=r.place,
                municipality_id=r.municipality_id,
                county_id=r.county_id,
                state_id=r.state_id,
                lat=r.lat,
                lon=r.lon,
                precision=r.precision,
                website=r.website,
                email=r.email,
                phone=r.phone,
                contact_name=r.contact_name,
                visibility=r.visibility,
                status=r.status,
                source=r.source,
                natural_key=r.natural_key,
                last_confirmed=ops.adapt_datefield_value(r.last_confirmed),
                is_demo=r.is_demo,
                created_at=now,
                updated_at=now,
                search_text=search_text_for(
                    name=r.name,
                    description=r.description,
                    place=r.place,
                    topic_names=[topic_names.get(t, "") for t in r.topic_ids],
                    extra=[res[2] for res in r.resources],
                    filters=filter_tokens(
                        topic_ids=r.topic_ids, kind=r.kind, sector=r.sector, lon=r.lon, lat=r.lat
                    ),
                ),
            )
            actor_rows.append((pk, *(values[a] for a in attnames)))
        _insert_many(Actor._meta.db_table, columns, actor_rows)
        _insert_many(
            through_table,
            ["actor_id", "topic_id"],
            [(pk, t) for pk, r in zip(ids, chunk, strict=True) for t in sorted(set(r.topic_ids))],
        )
        _insert_many(
            Resource._meta.db_table,
            ["actor_id", "direction", "category", "title", "description", "created_at"],
            [(pk, d, c, t, ds, now) for pk, r in zip(ids, chunk, strict=True) for d, c, t, ds in r.resources],
        )
        total += len(chunk)
    return total


def actors_reindex_all(*, batch_size: int = 5000) -> int:
    """Recomputes every actor's search text (after an upgrade or renamed topics). Returns the count."""
    topic_names = dict(Topic.objects.values_list("id", "name"))
    through = Actor.topics.through.objects
    done = 0
    last_id = 0
    while True:
        rows = list(
            Actor.objects.filter(pk__gt=last_id)
            .order_by("pk")
            .values_list("pk", "name", "description", "place", "kind", "sector", "lon", "lat")[:batch_size]
        )
        if not rows:
            return done
        ids = [row[0] for row in rows]
        topics: dict[int, list[int]] = {}
        for actor_id, topic_id in through.filter(actor_id__in=ids).values_list("actor_id", "topic_id"):
            topics.setdefault(actor_id, []).append(topic_id)
        titles: dict[int, list[str]] = {}
        for actor_id, title in Resource.objects.filter(actor_id__in=ids).values_list("actor_id", "title"):
            titles.setdefault(actor_id, []).append(title)
        updates = [
            (
                search_text_for(
                    name=name,
                    description=description,
                    place=place,
                    topic_names=[topic_names.get(t, "") for t in topics.get(pk, [])],
                    extra=titles.get(pk, []),
                    filters=filter_tokens(
                        topic_ids=topics.get(pk, []), kind=kind, sector=sector, lon=lon, lat=lat
                    ),
                ),
                pk,
            )
            for pk, name, description, place, kind, sector, lon, lat in rows
        ]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany("UPDATE actors_actor SET search_text = %s WHERE id = %s", updates)
        done += len(rows)
        last_id = ids[-1]
