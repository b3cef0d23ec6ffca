"""Writes on competence centres and collegial coaching."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor, Kind, Topic
from wandelwerk.consulting.models import CoachingPair, CoachingRequest, CoachingStatus, CompetenceCentre
from wandelwerk.consulting.services import ConsultingError, _text
from wandelwerk.engines.routing import jaccard
from wandelwerk.geo.models import Area, AreaKind


def _check_centre(*, name: str, topics: Sequence[Topic], areas: Sequence[Area], capacity: int | None) -> str:
    name = _text(name, field="name", label=_("Name"), limit=200)
    if not topics:
        raise ConsultingError(_("Bitte mindestens ein Handlungsfeld wählen."), "topics")
    if not areas:
        raise ConsultingError(_("Bitte mindestens ein Gebiet wählen."), "areas")
    if any(a.kind not in (AreaKind.STATE, AreaKind.COUNTY) for a in areas):
        raise ConsultingError(_("Gebiete sind Bundesländer oder Landkreise / kreisfreie Städte."), "areas")
    if capacity is None or capacity < 1 or capacity > 10_000:
        raise ConsultingError(_("Die Kapazität ist eine Zahl von 1 bis 10000."), "capacity")
    return name


@transaction.atomic
def centre_create(
    *,
    user: Any,
    actor: Actor | None,
    name: str,
    topics: Sequence[Topic],
    areas: Sequence[Area],
    capacity: int | None,
    description: str = "",
    advisers: Sequence[Any] = (),
    is_active: bool = True,
    is_demo: bool = False,
) -> CompetenceCentre:
    """Registers an actor as a competence centre (permission is checked by the caller)."""
    if actor is None:
        raise ConsultingError(_("Bitte den Träger wählen."), "actor")
    if actor.kind == Kind.PERSON:
        raise ConsultingError(_("Kompetenzstellen werden von Organisationen getragen."), "actor")
    name = _check_centre(name=name, topics=topics, areas=areas, capacity=capacity)
    centre = CompetenceCentre.objects.create(
        actor=actor,
        name=name,
        description=_text(description, field="description", label=_("Beschreibung"), required=False),
        capacity=capacity,
        is_active=is_active,
        is_demo=is_demo,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    centre.topics.set(topics)
    centre.areas.set(areas)
    centre.advisers.set(advisers)
    return centre


@transaction.atomic
def centre_update(
    *,
    centre: CompetenceCentre,
    name: str,
    topics: Sequence[Topic],
    areas: Sequence[Area],
    capacity: int | None,
    description: str = "",
    advisers: Sequence[Any] = (),
    is_active: bool = True,
) -> CompetenceCentre:
    """Changes what a centre offers. Its open cases stay with it, even if it now covers less."""
    centre.name = _check_centre(name=name, topics=topics, areas=areas, capacity=capacity)
    centre.description = _text(description, field="description", label=_("Beschreibung"), required=False)
    # only the describing fields: ``open_cases`` is moved by conditional UPDATEs elsewhere
    CompetenceCentre.objects.filter(pk=centre.pk).update(
        name=centre.name, description=centre.description, capacity=capacity, is_active=is_active
    )
    centre.capacity, centre.is_active = capacity or 1, is_active
    centre.topics.set(topics)
    centre.areas.set(areas)
    centre.advisers.set(advisers)
    return centre


@transaction.atomic
def coaching_request_create(
    *, user: Any, actor: Actor | None, topics: Sequence[Topic], message: str = ""
) -> CoachingRequest:
    """An actor's owner asks for peer exchange; one open request per actor."""
    if actor is None or user is None or actor.owner_id != user.pk:
        raise ConsultingError(_("Bitte eine eigene Organisation wählen."), "actor")
    if not topics:
        raise ConsultingError(_("Bitte mindestens ein Thema wählen."), "topics")
    message = _text(message, field="message", label=_("Nachricht"), limit=2000, required=False)
    try:
        with transaction.atomic():
            request = CoachingRequest.objects.create(actor=actor, requested_by=user, message=message)
    except IntegrityError as exc:
        raise ConsultingError(_("Für diese Organisation ist schon eine Anfrage offen."), "actor") from exc
    request.topics.set(topics)
    return request


@transaction.atomic
def coaching_pair_confirm(
    *, user: Any, first: CoachingRequest, second: CoachingRequest, base_url: str = "", notify: bool = True
) -> CoachingPair:
    """A coordinator confirms a proposed pair: both requests must still be open and belong to different
    owners. Both owners are emailed once the pair is committed."""
    if first.pk > second.pk:
        first, second = second, first
    owner_a = first.actor.owner_id or first.requested_by_id
    owner_b = second.actor.owner_id or second.requested_by_id
    if first.pk == second.pk or first.actor_id == second.actor_id or owner_a == owner_b:
        raise ConsultingError(
            _("Eine Organisation wird nicht mit sich selbst oder derselben Person gepaart.")
        )
    ids = [first.pk, second.pk]
    if (
        CoachingRequest.objects.filter(pk__in=ids, status=CoachingStatus.OPEN).update(
            status=CoachingStatus.PAIRED
        )
        != 2
    ):
        raise ConsultingError(_("Eine der beiden Anfragen ist schon vermittelt; bitte die Seite neu laden."))
    similarity = jaccard(
        frozenset(first.topics.values_list("id", flat=True)),
        frozenset(second.topics.values_list("id", flat=True)),
    )
    pair = CoachingPair.objects.create(first=first, second=second, similarity=similarity, confirmed_by=user)
    from wandelwerk.consulting.tasks import notify_pair

    if notify:
        transaction.on_commit(lambda: notify_pair(pair.pk, base_url))
    return pair
