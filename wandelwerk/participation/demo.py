"""Demo content for the participation app; called by `load_demo`. Idempotent.

"Mitmachwettbewerb Wiederverwendung" for the Circular Rural Regions Mittelsachsen network (county AGS
14522), made through the real services and then moved into the voting phase."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from wandelwerk.geo.models import Area, AreaKind
from wandelwerk.geo.selectors import GeoHit
from wandelwerk.networks.models import Network
from wandelwerk.participation import services
from wandelwerk.participation.demo_ideas import CATEGORIES, IDEAS, PENDING, REJECTED
from wandelwerk.participation.models import Category, Contest, Idea, IdeaStatus

SLUG = "mitmachwettbewerb-wiederverwendung"
NETWORK = "circular-rural-regions-mittelsachsen"
RULES = (
    "Alle, die in Mittelsachsen leben oder arbeiten, können Ideen zur **Wiederverwendung** einreichen – "
    "vom Tauschregal bis zur Bauteilbörse. Jede Person hat 5 Stimmen. Eine Jury bewertet Wirkung, "
    "Machbarkeit und Beteiligung; Jury und Publikum zählen je zur Hälfte.\n\n"
    "_Demodaten: erfundener Wettbewerb im Sinne des Modellvorhabens „Circular Rural Regions“._"
)


def _schedule(contest: Contest, *, voting_started_days_ago: int) -> None:
    now = timezone.now()
    start = now - dt.timedelta(days=voting_started_days_ago)
    contest.submission_start, contest.submission_end = (
        start - dt.timedelta(days=42),
        start - dt.timedelta(days=14),
    )
    contest.review_start, contest.review_end = start - dt.timedelta(days=14), start
    contest.voting_start, contest.voting_end = start, start + dt.timedelta(days=21)
    contest.jury_start, contest.jury_end = start + dt.timedelta(days=21), start + dt.timedelta(days=35)
    contest.results_start = start + dt.timedelta(days=35)


def _places(county: Area) -> list[Area]:
    places = list(
        Area.objects.filter(parent=county, kind=AreaKind.MUNICIPALITY)
        .defer("boundary", "boundary_light")
        .order_by("-population", "ags")[:20]
    )
    return places or [county]


@transaction.atomic
def load_demo(*, user: Any) -> str | None:
    """Creates the demo contest once; returns a line for the command output, or None if nothing was new."""
    network = Network.objects.filter(slug=NETWORK).first()
    county = Area.objects.filter(ags="14522").first()
    if network is None or county is None or user is None or Contest.objects.filter(slug=SLUG).exists():
        return None
    contest = Contest(
        network=network,
        title="Mitmachwettbewerb Wiederverwendung",
        slug=SLUG,
        rules=RULES,
        area=county,
        is_demo=True,
    )
    # first in the submission phase, so the ideas go through the real services
    _schedule(contest, voting_started_days_ago=-20)
    services.contest_save(
        contest=contest,
        user=user,
        categories=CATEGORIES,
        criteria=[("Wirkung für Ressourcen und Klima", 2), ("Machbarkeit", 1), ("Beteiligung vor Ort", 1)],
    )
    people = list(
        get_user_model()
        .objects.filter(email__iendswith="@demo.wandelwerk.test", emailaddress__verified=True)
        .distinct()
        .order_by("pk")
    )
    if user not in people:
        people.insert(0, user)
    categories = {c.name: c for c in Category.objects.filter(contest=contest)}
    places = _places(county)

    def submit(i: int, title: str, category: str, text: str) -> Idea:
        area = places[i % len(places)]
        return services.idea_submit(
            contest=contest,
            author=people[i % len(people)],
            title=title,
            description=text,
            category=categories[category],
            place=GeoHit(area=area, lat=area.lat or 0.0, lon=area.lon or 0.0, precision="municipality"),
            place_label=area.name,
        )

    published = [submit(i, *spec) for i, spec in enumerate(IDEAS)]
    for idea in published:
        services.idea_moderate(idea=idea, user=user, publish=True)
    for i, spec in enumerate(PENDING):
        submit(i + 1, *spec)
    rejected = submit(0, *REJECTED)
    # rejected directly: the service would mail the demo author while the demo loads
    Idea.objects.filter(pk=rejected.pk).update(
        status=IdeaStatus.REJECTED,
        reason="Die Einreichung ist Werbung und keine Idee zur Wiederverwendung.",
        moderated_by=user,
        moderated_at=timezone.now(),
    )
    contest.jury.set([user])
    _schedule(contest, voting_started_days_ago=5)
    contest.save()
    votes = 0
    for n, person in enumerate(people):
        for idea in published[n % 4 :: 3][: contest.vote_budget]:
            services.vote_cast(idea=idea, voter=person)
            votes += 1
    return f"Demo-Ideenwettbewerb „{contest.title}“ mit {len(published)} Ideen und {votes} Stimmen angelegt."
