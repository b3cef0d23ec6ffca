"""Demo content for the knowledge app; called by `load_demo`.

Practices and methods are looked up by title and created only when missing (an editor's later changes
stay); templates and checklists get their file; practices are linked to public demo actors whose names
fit (e.g. "Repair-Café …" for the repair café), to public demo projects and to a few regions.
"""

from __future__ import annotations

import io
from typing import Any

from django.db import transaction
from django.db.models import Q

from wandelwerk.actors.models import Actor, Status, Topic, Visibility
from wandelwerk.geo.models import Area
from wandelwerk.knowledge import services
from wandelwerk.knowledge.demo_methods import METHODS, MethodSpec
from wandelwerk.knowledge.demo_practices import PRACTICES, PracticeSpec
from wandelwerk.knowledge.models import Method, Practice
from wandelwerk.projects.models import Project

ACTORS_PER_PRACTICE = 4
DEMO_STATES = ("14", "15")  # Sachsen, Sachsen-Anhalt: where the demo networks are


def _topics(slugs: tuple[str, ...]) -> list[Topic]:
    return list(Topic.objects.filter(slug__in=slugs))


def _practice(spec: PracticeSpec, user: Any) -> tuple[Practice, bool]:
    existing = Practice.objects.filter(title=spec.title).first()
    if existing is not None:
        return existing, False
    practice = services.practice_create(
        user=user,
        title=spec.title,
        summary=spec.summary,
        topics=_topics(spec.topics),
        is_demo=True,
        steps=spec.steps,
        effort=spec.effort,
        costs=spec.costs,
        cost_min_eur=spec.cost_range[0],
        cost_max_eur=spec.cost_range[1],
        rural_factors=spec.rural,
        urban_factors=spec.urban,
    )
    services.entry_publish(entry=practice)
    return practice, True


def _method(spec: MethodSpec, user: Any) -> tuple[Method, bool]:
    existing = Method.objects.filter(title=spec.title).first()
    if existing is not None:
        return existing, False
    method = services.method_create(
        user=user,
        title=spec.title,
        summary=spec.summary,
        kind=spec.kind,
        topics=_topics(spec.topics),
        is_demo=True,
        body=spec.body,
        duration=spec.duration,
        group_size=spec.group_size,
    )
    if spec.file is not None:
        title, name, text = spec.file
        data = text.encode("utf-8")
        services.method_file_add(
            method=method, title=title, name=name, stream=io.BytesIO(data), size=len(data)
        )
    services.entry_publish(entry=method)
    return method, True


def _actors(prefixes: tuple[str, ...]) -> list[Actor]:
    if not prefixes:
        return []
    names = Q()
    for prefix in prefixes:
        names |= Q(name__startswith=prefix)
    return list(
        Actor.objects.filter(
            names,
            is_demo=True,
            status=Status.PUBLISHED,
            visibility=Visibility.PUBLIC,
            state__ags__in=DEMO_STATES,
        ).order_by("id")[:ACTORS_PER_PRACTICE]
    )


def _adopt(practice: Practice, spec: PracticeSpec) -> int:
    created = 0
    for i, actor in enumerate(_actors(spec.actor_prefixes)):
        created += services.adoption_record(practice=practice, actor=actor, year=2018 + (actor.pk + i) % 7)
    for project in Project.objects.filter(title__in=spec.projects, is_public=True):
        created += services.adoption_record(practice=practice, project=project, year=2024)
    for area in Area.objects.filter(ags__in=spec.areas):
        note = "Landesweites Programm" if len(area.ags) == 2 else ""
        created += services.adoption_record(practice=practice, area=area, year=2023, note=note)
    return created


@transaction.atomic
def load_demo(*, user: Any) -> str | None:
    """Creates the demo content once; returns a line for the command output, or None if nothing was new."""
    new_practices = new_methods = new_adoptions = 0
    for spec in PRACTICES:
        practice, created = _practice(spec, user)
        new_practices += created
        if practice.is_published:
            new_adoptions += _adopt(practice, spec)
    for method_spec in METHODS:
        _method_obj, created = _method(method_spec, user)
        new_methods += created
    if not (new_practices or new_methods or new_adoptions):
        return None
    return (
        f"Aktionspool: {new_practices} Praxisbeispiele, {new_methods} Methoden angelegt, "
        f"{new_adoptions} Umsetzungen eingetragen."
    )
