"""Contests placed in a given phase relative to now, verified people, published ideas."""

from __future__ import annotations

import datetime as dt

from allauth.account.models import EmailAddress
from django.utils import timezone

from tests.factories import NetworkFactory, UserFactory, make_member
from wandelwerk.engines.contest import PHASES
from wandelwerk.geo.selectors import GeoHit
from wandelwerk.networks.models import Role
from wandelwerk.participation.models import Category, Contest, Criterion, Idea, IdeaStatus


def verified_user(**kwargs):
    user = UserFactory(**kwargs)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def set_phase(contest: Contest, phase: str) -> Contest:
    """Moves the schedule so that ``phase`` is running now (each phase 10 days, in order)."""
    now = timezone.now()
    index = PHASES.index(phase)
    start = now - dt.timedelta(days=10 * index + 1)
    for i, name in enumerate(PHASES):
        setattr(contest, f"{name}_start", start + dt.timedelta(days=10 * i))
        if name != "results":
            setattr(contest, f"{name}_end", start + dt.timedelta(days=10 * (i + 1)))
    contest.save()
    return contest


def make_contest(geo, *, phase: str = "submission", network=None, **kwargs) -> Contest:
    network = network or NetworkFactory(areas=[geo["zwickau_lk"]])
    contest = Contest(
        network=network,
        title=kwargs.pop("title", "Ideen für Zwickau"),
        slug=kwargs.pop("slug", f"ideen-{network.pk}"),
        area=geo["zwickau_lk"],
        **kwargs,
    )
    set_phase(contest, phase)
    Category.objects.create(contest=contest, name="Reparieren")
    Criterion.objects.create(contest=contest, name="Wirkung", weight=2)
    Criterion.objects.create(contest=contest, name="Machbarkeit", weight=1)
    return contest


def coordinator_of(network):
    user = make_member(network, role=Role.COORDINATOR)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def make_idea(
    contest: Contest, geo, *, author=None, status=IdeaStatus.PUBLISHED, title="Tauschregal"
) -> Idea:
    return Idea.objects.create(
        contest=contest,
        author=author or verified_user(),
        title=title,
        description="Ein **Regal** zum Tauschen.",
        category=contest.categories.first(),
        place=geo["zwickau"].name,
        area=geo["zwickau"],
        lat=50.72,
        lon=12.49,
        status=status,
    )


def hit(geo) -> GeoHit:
    return GeoHit(area=geo["zwickau"], lat=50.72, lon=12.49, precision="municipality")
