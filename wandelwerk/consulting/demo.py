"""Demo content for the consulting app; called by `load_demo`.

Competence centres on demo actors of the demo regions, demo initiatives owned by demo accounts,
consulting requests in every status with notes and ages spread over two months, and two confirmed
coaching pairs. Everything goes through the services (without emails) and is marked demo. Made once:
a second run finds the demo centres and returns None.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wandelwerk.actors.models import Actor, Kind, Status, Topic, Visibility
from wandelwerk.consulting import demo_data
from wandelwerk.consulting.centre_services import (
    centre_create,
    coaching_pair_confirm,
    coaching_request_create,
)
from wandelwerk.consulting.models import (
    CaseChange,
    CaseNote,
    CompetenceCentre,
    ConsultingRequest,
)
from wandelwerk.consulting.services import feedback_give, note_add, request_advance, request_create
from wandelwerk.geo.models import Area, AreaKind

DOMAIN = "demo.wandelwerk.test"
EXTRA_USERS = (("beratung", "Demo-Kompetenzstelle"), ("initiative", "Demo-Initiative"))
CARRIER_KINDS = (Kind.ASSOCIATION, Kind.NETWORK, Kind.FOUNDATION)


def _user(prefix: str, display_name: str = "") -> Any:
    """A demo account (created with the demo password and a verified address when missing)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from wandelwerk.core.demo import DEMO_PASSWORD

    email = f"{prefix}@{DOMAIN}"
    model = get_user_model()
    user = model.objects.filter(email__iexact=email).first()
    if user is None and display_name:
        user = model(username=email, email=email, display_name=display_name)
        user.set_password(DEMO_PASSWORD)
        user.save()
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _town(county_candidates: tuple[str, ...]) -> Area | None:
    """The most populous municipality of the first loaded county."""
    for ags in county_candidates:
        town = (
            Area.objects.filter(kind=AreaKind.MUNICIPALITY, parent__ags=ags, lat__isnull=False)
            .select_related("parent__parent")
            .defer("boundary", "boundary_light")
            .order_by(F("population").desc(nulls_last=True), "ags")
            .first()
        )
        if town is not None:
            return town
    return None


def _carrier(areas: list[Area], topic_ids: list[int], used: set[int]) -> Actor | None:
    """A published public demo organisation in the centre's areas, one advising on its topic first."""
    ids = [a.pk for a in areas]
    qs = (
        Actor.objects.filter(is_demo=True, status=Status.PUBLISHED, visibility=Visibility.PUBLIC)
        .filter(kind__in=CARRIER_KINDS)
        .exclude(pk__in=used)
    )
    qs = qs.filter(state_id__in=ids) | qs.filter(county_id__in=ids)
    return qs.filter(topics__in=topic_ids).order_by("id").first() or qs.order_by("id").first()


def _centres(topics: dict[str, Topic], adviser: Any, coordinator: Any) -> dict[str, CompetenceCentre]:
    made: dict[str, CompetenceCentre] = {}
    used: set[int] = set()
    for key, name, slugs, ags, capacity, advised in demo_data.CENTRES:
        areas = list(
            Area.objects.filter(ags__in=ags, kind__in=[AreaKind.STATE, AreaKind.COUNTY]).order_by("ags")
        )
        centre_topics = [topics[s] for s in slugs if s in topics]
        carrier = _carrier(areas, [t.pk for t in centre_topics], used) if areas else None
        if carrier is None or not centre_topics:
            continue
        used.add(carrier.pk)
        made[key] = centre_create(
            user=coordinator,
            actor=carrier,
            name=name,
            topics=centre_topics,
            areas=areas,
            capacity=capacity,
            description=f"Berät Initiativen und Vereine zu „{centre_topics[0].name}“. _Demodaten._",
            advisers=[adviser] if advised and adviser is not None else [],
            is_demo=True,
        )
    return made


def _initiatives(topics: dict[str, Topic]) -> dict[str, Actor]:
    """Hands a few synthetic demo initiatives without an owner to demo accounts (the actor rows stay
    as generated, only their manager is set)."""
    made: dict[str, Actor] = {}
    used = set(CompetenceCentre.objects.values_list("actor_id", flat=True))
    for key, owner_prefix, counties, slug in demo_data.INITIATIVES:
        owner = _user(owner_prefix)
        if owner is None:
            continue
        for ags in counties:
            qs = Actor.objects.filter(
                is_demo=True,
                owner__isnull=True,
                status=Status.PUBLISHED,
                visibility=Visibility.PUBLIC,
                kind__in=[Kind.INITIATIVE, Kind.ASSOCIATION],
                county__ags=ags,
            ).exclude(pk__in=used)
            actor = qs.filter(topics=topics.get(slug)).order_by("id").first() or qs.order_by("id").first()
            if actor is not None and Actor.objects.filter(pk=actor.pk, owner__isnull=True).update(
                owner=owner
            ):
                actor.owner = owner
                made[key] = actor
                used.add(actor.pk)
                break
    return made


def _age(case: ConsultingRequest, days_ago: int) -> None:
    """Moves the request and its history back in time: requested ``days_ago`` days ago, each later
    step a few days after the one before."""
    start = timezone.now() - dt.timedelta(days=days_ago, hours=3)
    ConsultingRequest.objects.filter(pk=case.pk).update(created_at=start)
    changes: list[Any] = list(CaseChange.objects.filter(case=case).order_by("id"))
    # the conversation happens after the assignment and before any later status change
    steps = changes[:1] + list(CaseNote.objects.filter(case=case).order_by("id")) + changes[1:]
    gap = dt.timedelta(days=days_ago) / (len(steps) + 1)
    for i, step in enumerate(steps):
        when = start + gap * (i + 1)
        if isinstance(step, CaseChange):
            CaseChange.objects.filter(pk=step.pk).update(changed_at=when)
            if step.to_status == "assigned":
                ConsultingRequest.objects.filter(pk=case.pk).update(assigned_at=when)
            if step.to_status == "closed":
                ConsultingRequest.objects.filter(pk=case.pk).update(closed_at=when)
        else:
            CaseNote.objects.filter(pk=step.pk).update(created_at=when)


def _centre_person(case: ConsultingRequest, adviser: Any, coordinator: Any) -> Any:
    """Who acts for the case's centre in the demo: its named adviser, else the carrier's owner, else the
    area's coordinator (synthetic carriers have no owner)."""
    centre = case.centre
    if centre is None:
        return coordinator
    if adviser is not None and centre.advisers.filter(pk=adviser.pk).exists():
        return adviser
    return centre.actor.owner or coordinator


def _requests(topics: dict[str, Topic], initiatives: dict[str, Actor], coordinator: Any) -> int:
    count = 0
    adviser = _user("beratung")
    for row in demo_data.REQUESTS:
        title, slug, counties, urgency, who, for_key, target, days_ago, notes, outcome, stars = row
        requester, town = _user(who), _town(counties)
        if requester is None or town is None or slug not in topics:
            continue
        case = request_create(
            user=requester,
            topic=topics[slug],
            area=town,
            title=title,
            description=f"{title}: Wir suchen Rat und Erfahrungen aus der Region. (Demodaten)",
            urgency=urgency,
            on_behalf_of=initiatives.get(for_key),
            notify=False,
        )
        count += 1
        centre_person = _centre_person(case, adviser, coordinator)
        for i, text in enumerate(notes):
            note_add(case=case, user=centre_person if i % 2 else requester, text=text)
        if case.status == "assigned" and target in ("in_progress", "closed"):
            request_advance(case=case, user=centre_person, to_status="in_progress", notify=False)
            if target == "closed":
                request_advance(
                    case=case, user=centre_person, to_status="closed", outcome=outcome, notify=False
                )
                if stars:
                    feedback_give(
                        case=case, user=requester, rating=stars, text="Danke für die schnelle Hilfe!"
                    )
        _age(case, days_ago)
    return count


def _coaching(initiatives: dict[str, Actor], topics: dict[str, Topic], coordinator: Any) -> int:
    requests = {}
    for key, slugs in demo_data.COACHING:
        actor = initiatives.get(key)
        if actor is None or actor.owner is None:
            continue
        requests[key] = coaching_request_create(
            user=actor.owner, actor=actor, topics=[topics[s] for s in slugs if s in topics]
        )
    pairs = 0
    for a, b in demo_data.PAIRS:
        if a in requests and b in requests:
            coaching_pair_confirm(user=coordinator, first=requests[a], second=requests[b], notify=False)
            pairs += 1
    return pairs


def load_demo(*, user: Any) -> str | None:
    """Creates the demo content once; returns a line for the command output, or None if nothing was new."""
    if CompetenceCentre.objects.filter(is_demo=True).exists():
        return None
    if not Area.objects.filter(kind=AreaKind.MUNICIPALITY).exists():
        return None
    topics = {t.slug: t for t in Topic.objects.all()}
    with transaction.atomic():
        adviser = _user(*EXTRA_USERS[0])
        _user(*EXTRA_USERS[1])
        centres = _centres(topics, adviser, user)
        if not centres:
            transaction.set_rollback(True)
            return None
        initiatives = _initiatives(topics)
        n_requests = _requests(topics, initiatives, user)
        n_pairs = _coaching(initiatives, topics, user)
    return (
        f"Beratung: {len(centres)} Kompetenzstellen, {n_requests} Anfragen, {n_pairs} Paare kollegialer "
        f"Beratung (Konten beratung@{DOMAIN}, initiative@{DOMAIN})."
    )
