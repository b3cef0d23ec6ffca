"""Writes on conference maps. Each is atomic and keyword-only. One support per person and one link
per actor are guaranteed by unique constraints (parallel clicks give one row); a wish is converted
only ``WHERE status = 'open'``, so two coordinators converting at once cannot both win."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor, Kind, Sector, Status, Topic, TopicGroup
from wandelwerk.actors.visibility import public_q
from wandelwerk.conferencemap.models import (
    Comment,
    ConferenceMap,
    HelpRole,
    MapActor,
    Support,
    Wish,
    WishStatus,
)
from wandelwerk.geo.models import Area, AreaKind

TITLE_MAX = 200
TEXT_MAX = 5000
KIND_SECTOR: dict[str, str] = {
    Kind.ADMINISTRATION: Sector.ADMINISTRATION,
    Kind.COMPANY: Sector.BUSINESS,
    Kind.EDUCATION: Sector.SCIENCE,
    Kind.RESEARCH: Sector.SCIENCE,
    Kind.RELIGIOUS: Sector.CHURCH,
}


class MapError(ValueError):
    """A write was refused; ``field`` names the wrong input (None: the action as a whole)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _text(value: str, *, field: str, label: str, limit: int, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise MapError(_("%(label)s fehlt.") % {"label": label}, field)
    if len(value) > limit:
        raise MapError(
            _("%(label)s ist zu lang (höchstens %(n)d Zeichen).") % {"label": label, "n": limit}, field
        )
    return value


def _signed_in(user: Any) -> None:
    if user is None or not user.is_authenticated:
        raise MapError(_("Bitte anmelden, um etwas beizutragen."))


def _open(cmap: ConferenceMap) -> None:
    if not ConferenceMap.objects.filter(pk=cmap.pk, is_open=True).exists():
        raise MapError(_("Diese Landkarte ist geschlossen und nimmt keine Beiträge mehr an."))


def area_within(area: Area, container: Area) -> bool:
    """Whether ``area`` is ``container`` or lies in it (municipality → county → state)."""
    node: Area | None = area
    for _level in range(3):
        if node is None:
            return False
        if node.pk == container.pk:
            return True
        node = node.parent if node.parent_id else None
    return False


def _check_map(*, network: Any, area: Area | None, event: Any, title: str) -> str:
    from wandelwerk.networks.selectors import network_area_ids

    title = _text(title, field="title", label=_("Titel"), limit=TITLE_MAX)
    if area is None:
        raise MapError(_("Bitte ein Gebiet wählen."), "area")
    covered = network_area_ids(network)
    chain = {area.pk, area.parent_id, area.parent.parent_id if area.parent_id and area.parent else None}
    if not chain & covered:
        raise MapError(_("Das Gebiet liegt nicht im Gebiet des Netzwerks."), "area")
    if event is not None and event.network_id != network.pk:
        raise MapError(_("Die Konferenz gehört zu einem anderen Netzwerk."), "event")
    return title


@transaction.atomic
def map_create(
    *,
    user: Any,
    network: Any,
    title: str,
    area: Area | None,
    description: str = "",
    event: Any = None,
    is_open: bool = True,
    is_demo: bool = False,
) -> ConferenceMap:
    """A new map for ``network``; the area must lie in the network's areas, the event be the network's."""
    title = _check_map(network=network, area=area, event=event, title=title)
    description = _text(
        description, field="description", label=_("Beschreibung"), limit=TEXT_MAX, required=False
    )
    return ConferenceMap.objects.create(
        network=network,
        event=event,
        title=title,
        description=description,
        area=area,
        is_open=is_open,
        created_by=user if user is not None and user.is_authenticated else None,
        is_demo=is_demo,
    )


@transaction.atomic
def map_update(
    *, cmap: ConferenceMap, title: str, area: Area | None, description: str, event: Any, is_open: bool
) -> ConferenceMap:
    cmap.title = _check_map(network=cmap.network, area=area, event=event, title=title)
    cmap.description = _text(
        description, field="description", label=_("Beschreibung"), limit=TEXT_MAX, required=False
    )
    cmap.area, cmap.event, cmap.is_open = area, event, is_open  # type: ignore[assignment]
    cmap.save()
    return cmap


def _link(cmap: ConferenceMap, actor: Actor, user: Any, *, proposed: bool) -> MapActor:
    try:
        with transaction.atomic():
            return MapActor.objects.create(map=cmap, actor=actor, added_by=user, proposed=proposed)
    except IntegrityError:
        raise MapError(_("„%(name)s“ ist schon auf der Landkarte.") % {"name": actor.name}, "actor") from None


@transaction.atomic
def actor_link(*, cmap: ConferenceMap, user: Any, actor: Actor) -> MapActor:
    """Marks an existing public actor in the map's area as "gibt es schon"."""
    _signed_in(user)
    _open(cmap)
    if not Actor.objects.filter(public_q(), pk=actor.pk).exists():
        raise MapError(_("Nur öffentliche Einträge können verknüpft werden."), "actor")
    if not {actor.municipality_id, actor.county_id, actor.state_id} & {cmap.area_id}:
        raise MapError(_("„%(name)s“ liegt nicht im Gebiet der Landkarte.") % {"name": actor.name}, "actor")
    return _link(cmap, actor, user, proposed=False)


@transaction.atomic
def actor_unlink(*, link: MapActor) -> None:
    link.delete()


@transaction.atomic
def actor_propose(
    *, cmap: ConferenceMap, user: Any, name: str, kind: str, place: Area | None, topic: Topic | None = None
) -> MapActor:
    """A new actor, proposed by a participant: created pending (the actor review decides), owned by
    the proposer, and linked to the map; it shows on the map only once it is published."""
    from wandelwerk.actors.services import ActorData, ActorError, actor_create

    _signed_in(user)
    _open(cmap)
    name = _text(name, field="name", label=_("Name"), limit=TITLE_MAX)
    if kind not in Kind.values:
        raise MapError(_("Unbekannte Art."), "kind")
    if place is None or place.kind != AreaKind.MUNICIPALITY:
        raise MapError(_("Bitte eine Gemeinde oder Postleitzahl angeben."), "place")
    if not area_within(place, cmap.area):
        raise MapError(_("Der Ort liegt nicht im Gebiet der Landkarte."), "place")
    data = ActorData(
        name=name,
        kind=kind,
        sector=KIND_SECTOR.get(kind, Sector.CIVIL_SOCIETY),
        municipality=place,
        topic_ids=[topic.pk] if topic is not None else [],
    )
    try:
        actor = actor_create(data=data, owner=user, status=Status.PENDING)
    except ActorError as exc:
        raise MapError(str(exc), "name") from exc
    return _link(cmap, actor, user, proposed=True)


def _wish_fields(
    *,
    cmap: ConferenceMap,
    title: str,
    topic: Topic | None,
    description: str,
    area: Area | None,
    help_role: str,
) -> dict[str, Any]:
    title = _text(title, field="title", label=_("Titel"), limit=TITLE_MAX)
    description = _text(
        description, field="description", label=_("Beschreibung"), limit=TEXT_MAX, required=False
    )
    if topic is None or topic.group != TopicGroup.FIELD:
        raise MapError(_("Bitte ein Handlungsfeld wählen."), "topic")
    area = area or cmap.area
    if not area_within(area, cmap.area):
        raise MapError(_("Der Ort liegt nicht im Gebiet der Landkarte."), "place")
    if help_role and help_role not in HelpRole.values:
        raise MapError(_("Unbekannte Art der Hilfe."), "help_role")
    return {
        "title": title,
        "topic": topic,
        "description": description,
        "area": area,
        "lat": area.lat,
        "lon": area.lon,
        "help_role": help_role or "",
    }


@transaction.atomic
def wish_create(
    *,
    cmap: ConferenceMap,
    user: Any,
    title: str,
    topic: Topic | None,
    description: str = "",
    area: Area | None = None,
    help_role: str = "",
) -> Wish:
    """ "Das fehlt noch": a wish for a municipality or county of the map's area (default: all of it)."""
    _signed_in(user)
    _open(cmap)
    fields = _wish_fields(
        cmap=cmap, title=title, topic=topic, description=description, area=area, help_role=help_role
    )
    return Wish.objects.create(map=cmap, author=user, **fields)


@transaction.atomic
def wish_update(
    *,
    wish: Wish,
    title: str,
    topic: Topic | None,
    description: str = "",
    area: Area | None = None,
    help_role: str = "",
    by_manager: bool = False,
) -> Wish:
    """Authors change their wish while the map is open; coordinators and staff at any time."""
    if not by_manager:
        _open(wish.map)
    fields = _wish_fields(
        cmap=wish.map, title=title, topic=topic, description=description, area=area, help_role=help_role
    )
    for key, value in fields.items():
        setattr(wish, key, value)
    wish.save()
    return wish


@transaction.atomic
def wish_support(*, wish: Wish, user: Any, help_role: str = "") -> bool:
    """Adds the person's support; True if new, False if they supported it already (the unique
    constraint decides, so parallel clicks give one row)."""
    _signed_in(user)
    _open(wish.map)
    if help_role and help_role not in HelpRole.values:
        raise MapError(_("Unbekannte Art der Hilfe."), "help_role")
    try:
        with transaction.atomic():
            Support.objects.create(wish=wish, user=user, help_role=help_role)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def wish_unsupport(*, wish: Wish, user: Any) -> bool:
    _signed_in(user)
    _open(wish.map)
    deleted, _rows = Support.objects.filter(wish=wish, user=user).delete()
    return bool(deleted)


@transaction.atomic
def comment_create(*, wish: Wish, user: Any, text: str) -> Comment:
    _signed_in(user)
    _open(wish.map)
    text = _text(text, field="text", label=_("Kommentar"), limit=TEXT_MAX)
    return Comment.objects.create(wish=wish, author=user, text=text)


@transaction.atomic
def comment_delete(*, comment: Comment) -> None:
    comment.delete()


def _claim(wish: Wish, *, user: Any, status: str) -> None:
    now = timezone.now()
    updated = Wish.objects.filter(pk=wish.pk, status=WishStatus.OPEN).update(
        status=status, converted_by=user, converted_at=now
    )
    if not updated:
        raise MapError(_("Dieser Wunsch wurde bereits übernommen."))
    wish.status, wish.converted_by, wish.converted_at = status, user, now


def _origin_note(wish: Wish) -> str:
    return _("Aus dem Wunsch „%(title)s“ auf der Landkarte „%(map)s“.") % {
        "title": wish.title,
        "map": wish.map.title,
    }


@transaction.atomic
def wish_to_project(*, wish: Wish, user: Any, is_public: bool = False) -> Any:
    """A coordinator turns the wish into a project idea (the coordinator is on its team); the wish
    links to the project. Converting twice is refused."""
    from wandelwerk.projects.services import ProjectError, project_create

    _claim(wish, user=user, status=WishStatus.PROJECT)
    summary = (wish.description.strip().splitlines() or [wish.title])[0][:500]
    try:
        project = project_create(
            user=user,
            title=wish.title,
            summary=summary,
            area=wish.area,
            description=f"{wish.description}\n\n{_origin_note(wish)}".strip(),
            topics=[wish.topic],
            is_public=is_public,
        )
    except ProjectError as exc:
        raise MapError(str(exc)) from exc
    Wish.objects.filter(pk=wish.pk).update(project=project)
    wish.project = project
    return project


@transaction.atomic
def wish_to_consulting(
    *, wish: Wish, user: Any, area: Area | None = None, base_url: str = "", notify: bool = True
) -> Any:
    """A coordinator asks a competence centre for advice on the wish. The request is made in the name
    of the wish's author (who has the need and hears from the centre; the coordinator sees it through
    the area); if the author's account is gone, in the coordinator's name."""
    from wandelwerk.consulting.services import ConsultingError, request_create

    area = area or wish.area
    if area.kind != AreaKind.MUNICIPALITY:
        raise MapError(_("Für eine Beratung bitte eine Gemeinde oder Postleitzahl angeben."), "place")
    if not area_within(area, wish.map.area):
        raise MapError(_("Der Ort liegt nicht im Gebiet der Landkarte."), "place")
    _claim(wish, user=user, status=WishStatus.CONSULTING)
    requester = wish.author if wish.author_id else user
    try:
        case = request_create(
            user=requester,
            topic=wish.topic,
            area=area,
            title=wish.title,
            description=f"{wish.description or wish.title}\n\n{_origin_note(wish)}",
            base_url=base_url,
            notify=notify,
        )
    except ConsultingError as exc:
        raise MapError(exc.message, exc.field) from exc
    Wish.objects.filter(pk=wish.pk).update(consulting_request=case)
    wish.consulting_request = case
    return case
