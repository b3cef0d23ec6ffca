"""Writes in the action pool and the toolbox. Each is atomic; checks name the field that is wrong.

Permissions are checked by the callers (views, API) with the perms in ``rules.py``; the adoption
services check them too, because who may speak for an actor, project or region is the point there.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any

from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor, Topic
from wandelwerk.core.slugs import unique_slug
from wandelwerk.core.uploads import UploadError, check_upload
from wandelwerk.geo.models import Area
from wandelwerk.knowledge.models import Adoption, Effort, Method, MethodFile, MethodKind, Practice
from wandelwerk.knowledge.search import index_text
from wandelwerk.projects.models import Project

PRACTICE_FIELDS = (
    "steps",
    "effort",
    "costs",
    "cost_min_eur",
    "cost_max_eur",
    "rural_factors",
    "urban_factors",
)
METHOD_FIELDS = ("kind", "body", "duration", "group_size")


class KnowledgeError(ValueError):
    """A write was refused; ``field`` names the input that is wrong (empty: the whole request)."""

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _reindex(entry: Practice | Method) -> None:
    topic_names = [t.name for t in entry.topics.all()]
    if isinstance(entry, Practice):
        parts = [
            entry.title,
            entry.summary,
            entry.steps,
            entry.costs,
            entry.rural_factors,
            entry.urban_factors,
        ]
    else:
        parts = [entry.title, entry.summary, entry.body, entry.get_kind_display(), entry.duration]
    entry.search_text = index_text([*parts, *topic_names])
    type(entry).objects.filter(pk=entry.pk).update(search_text=entry.search_text)


def _check_common(*, title: str, summary: str) -> None:
    if not title.strip():
        raise KnowledgeError(_("Titel: bitte angeben."), field="title")
    if len(title.strip()) > 200:
        raise KnowledgeError(_("Titel: höchstens 200 Zeichen."), field="title")
    if not summary.strip():
        raise KnowledgeError(_("Kurzbeschreibung: bitte angeben."), field="summary")
    if len(summary.strip()) > 500:
        raise KnowledgeError(_("Kurzbeschreibung: höchstens 500 Zeichen."), field="summary")


def _check_practice(data: dict[str, Any]) -> None:
    if data.get("effort", Effort.MEDIUM) not in Effort.values:
        raise KnowledgeError(_("Aufwand: bitte gering, mittel oder hoch wählen."), field="effort")
    low, high = data.get("cost_min_eur"), data.get("cost_max_eur")
    for name, value in (("cost_min_eur", low), ("cost_max_eur", high)):
        if value is not None and (not isinstance(value, int) or value < 0):
            raise KnowledgeError(_("Kosten: Beträge sind ganze Euro ab 0."), field=name)
    if low is not None and high is not None and high < low:
        raise KnowledgeError(
            _("Kosten bis (€): muss mindestens so hoch sein wie „Kosten von“."), field="cost_max_eur"
        )


def _check_method(data: dict[str, Any]) -> None:
    if data.get("kind") not in MethodKind.values:
        raise KnowledgeError(
            _("Art: bitte Workshop-Format, Leitfaden, Checkliste oder Vorlage wählen."), field="kind"
        )


RESERVED_SLUGS = frozenset({"neu"})  # taken by the "propose" URLs


def _slug(model: type[Practice] | type[Method], title: str, *, fallback: str) -> str:
    slug = unique_slug(model.objects.all(), title, fallback=fallback)
    if slug in RESERVED_SLUGS:
        slug = unique_slug(model.objects.all(), f"{title} {fallback}", fallback=fallback)
    return slug


def _fields(data: dict[str, Any], names: Sequence[str]) -> dict[str, Any]:
    unknown = set(data) - set(names)
    if unknown:
        raise KnowledgeError(_("Unbekannte Felder: %s") % ", ".join(sorted(unknown)))
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in data.items()}


@transaction.atomic
def practice_create(
    *, user: Any, title: str, summary: str, topics: Sequence[Topic] = (), is_demo: bool = False, **data: Any
) -> Practice:
    """A new practice, unpublished until an editor publishes it."""
    _check_common(title=title, summary=summary)
    _check_practice(data)
    practice = Practice.objects.create(
        title=title.strip(),
        slug=_slug(Practice, title, fallback="praxisbeispiel"),
        summary=summary.strip(),
        created_by=user if user is not None and user.is_authenticated else None,
        is_demo=is_demo,
        **_fields(data, PRACTICE_FIELDS),
    )
    practice.topics.set(topics)
    _reindex(practice)
    return practice


@transaction.atomic
def method_create(
    *,
    user: Any,
    title: str,
    summary: str,
    kind: str,
    topics: Sequence[Topic] = (),
    is_demo: bool = False,
    **data: Any,
) -> Method:
    """A new method or template, unpublished until an editor publishes it."""
    _check_common(title=title, summary=summary)
    _check_method({"kind": kind})
    method = Method.objects.create(
        title=title.strip(),
        slug=_slug(Method, title, fallback="methode"),
        summary=summary.strip(),
        kind=kind,
        created_by=user if user is not None and user.is_authenticated else None,
        is_demo=is_demo,
        **_fields(data, METHOD_FIELDS),
    )
    method.topics.set(topics)
    _reindex(method)
    return method


@transaction.atomic
def entry_update(
    *, entry: Practice | Method, title: str, summary: str, topics: Sequence[Topic], **data: Any
) -> Practice | Method:
    """Changes the texts of a practice or method (the slug stays, so links keep working)."""
    _check_common(title=title, summary=summary)
    if isinstance(entry, Practice):
        _check_practice(data)
        values = _fields(data, PRACTICE_FIELDS)
    else:
        _check_method(data)
        values = _fields(data, METHOD_FIELDS)
    entry.title, entry.summary = title.strip(), summary.strip()
    for key, value in values.items():
        setattr(entry, key, value)
    entry.save()
    entry.topics.set(topics)
    _reindex(entry)
    return entry


@transaction.atomic
def entry_publish(*, entry: Practice | Method, publish: bool = True) -> Practice | Method:
    """Publishes (or withdraws) a practice or method."""
    type(entry).objects.filter(pk=entry.pk).update(is_published=publish, updated_at=timezone.now())
    entry.is_published = publish
    return entry


@transaction.atomic
def entry_delete(*, entry: Practice | Method) -> None:
    """Deletes the entry with its adoptions or files; stored files are removed after the commit."""
    if isinstance(entry, Method):
        for stored in list(entry.files.all()):
            _delete_file_later(stored)
    entry.delete()


def _delete_file_later(stored: MethodFile) -> None:
    storage, name = stored.file.storage, stored.file.name
    transaction.on_commit(lambda: storage.delete(name) if name else None)


# --- files ---------------------------------------------------------------------------------------------
@transaction.atomic
def method_file_add(*, method: Method, title: str, name: str, stream: IO[bytes], size: int) -> MethodFile:
    """Stores a checked upload under a generated name. Refused (``field="file"``) when it is too big,
    of a type not allowed, or its content does not fit its extension."""
    try:
        checked = check_upload(name=name, size=size, stream=stream)
    except UploadError as exc:
        raise KnowledgeError(_("Datei: %s") % exc, field="file") from exc
    label = (title or "").strip() or name.rsplit(".", 1)[0] or _("Datei")
    if len(label) > 200:
        raise KnowledgeError(_("Titel: höchstens 200 Zeichen."), field="title")
    stored = MethodFile(
        method=method,
        title=label,
        extension=checked.extension,
        size=checked.size,
        content_type=checked.content_type,
    )
    stream.seek(0)
    stored.file.save(f"upload.{checked.extension}", File(stream), save=False)
    try:
        stored.save()
    except Exception:
        stored.file.storage.delete(stored.file.name)
        raise
    return stored


@transaction.atomic
def method_file_delete(*, stored: MethodFile) -> None:
    _delete_file_later(stored)
    stored.delete()


# --- adoptions -----------------------------------------------------------------------------------------
@transaction.atomic
def adoption_add(
    *,
    practice: Practice,
    user: Any,
    actor: Actor | None = None,
    project: Project | None = None,
    area: Area | None = None,
    year: int | None = None,
    note: str = "",
) -> Adoption:
    """Records that one actor, project or region has adopted a published practice. Only an actor's
    owner, a project's lead or a coordinator of the region (or staff) may say so; twice is refused."""
    targets = [t for t in (actor, project, area) if t is not None]
    if len(targets) != 1:
        raise KnowledgeError(
            _("Bitte genau einen Akteur, ein Projekt oder eine Region wählen."), field="target"
        )
    if not practice.is_published:
        raise KnowledgeError(_("Nur veröffentlichte Praxisbeispiele können umgesetzt werden."))
    if actor is not None and not user.has_perm("knowledge.adopt_for_actor", actor):
        raise KnowledgeError(_("Akteur: Sie verwalten diesen Eintrag nicht."), field="target")
    if project is not None and not user.has_perm("knowledge.adopt_for_project", project):
        raise KnowledgeError(_("Projekt: Sie leiten dieses Projekt nicht."), field="target")
    if area is not None and not user.has_perm("knowledge.adopt_for_area", area):
        raise KnowledgeError(_("Region: Sie koordinieren kein Netzwerk in dieser Region."), field="target")
    this_year = timezone.localdate().year
    if year is not None and not 1900 <= year <= this_year + 1:
        raise KnowledgeError(
            _("Jahr: bitte ein Jahr zwischen 1900 und %s angeben.") % (this_year + 1), field="year"
        )
    if len(note or "") > 300:
        raise KnowledgeError(_("Notiz: höchstens 300 Zeichen."), field="note")
    try:
        with transaction.atomic():
            return Adoption.objects.create(
                practice=practice,
                actor=actor,
                project=project,
                area=area,
                year=year,
                note=(note or "").strip(),
                created_by=user if user.is_authenticated else None,
            )
    except IntegrityError as exc:
        raise KnowledgeError(_("Diese Umsetzung ist schon eingetragen."), field="target") from exc


def may_remove_adoption(*, user: Any, adoption: Adoption) -> bool:
    if user.has_perm("knowledge.moderate"):
        return True
    if adoption.actor_id:
        return user.has_perm("knowledge.adopt_for_actor", adoption.actor)
    if adoption.project_id:
        return user.has_perm("knowledge.adopt_for_project", adoption.project)
    return user.has_perm("knowledge.adopt_for_area", adoption.area)


@transaction.atomic
def adoption_remove(*, adoption: Adoption, user: Any) -> None:
    if not may_remove_adoption(user=user, adoption=adoption):
        raise KnowledgeError(_("Sie dürfen diese Umsetzung nicht entfernen."))
    adoption.delete()


@transaction.atomic
def adoption_record(
    *,
    practice: Practice,
    actor: Actor | None = None,
    project: Project | None = None,
    area: Area | None = None,
    year: int | None = None,
    note: str = "",
) -> bool:
    """For trusted callers (the demo loader): records the adoption unless it exists; True if new.
    No permission check — the people who speak for the target are not involved."""
    targets = [t for t in (actor, project, area) if t is not None]
    if len(targets) != 1:
        raise KnowledgeError(
            _("Bitte genau einen Akteur, ein Projekt oder eine Region wählen."), field="target"
        )
    _obj, created = Adoption.objects.get_or_create(
        practice=practice, actor=actor, project=project, area=area, defaults={"year": year, "note": note}
    )
    return created
