"""Partner suggestions for a public actor and for a project's open needs; recommended introductions for
a network's coordinators. Suggestions are only ever among public actors."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wandelwerk.actors.models import Actor
from wandelwerk.actors.visibility import public_q
from wandelwerk.core.csvexport import csv_response
from wandelwerk.engines.tabular import neutralise
from wandelwerk.networks.models import Network
from wandelwerk.projects.selectors import projects_visible_to

from . import selectors

MAX_KM = 500


def _max_km(request: HttpRequest) -> tuple[float | None, str]:
    """The optional ``km`` filter and an error text naming what is wrong with it."""
    raw = request.GET.get("km", "").strip()
    if not raw:
        return None, ""
    try:
        km = float(raw.replace(",", "."))
    except ValueError:
        return None, _("„Umkreis“ muss eine Zahl in Kilometern sein, nicht „%(value)s“.") % {
            "value": raw[:20]
        }
    if not 1 <= km <= MAX_KM:
        return None, _("„Umkreis“ muss zwischen 1 und %(max)s km liegen.") % {"max": MAX_KM}
    return km, ""


def _suggestion_csv(filename: str, rows: list[selectors.Row]) -> HttpResponse:
    header = [
        _("Rang"),
        _("Akteur"),
        _("Gemeinde"),
        _("Punkte"),
        _("Entfernung (km)"),
        _("Begründung"),
        _("Adresse"),
    ]
    return csv_response(
        filename,
        header,
        (
            [
                i,
                neutralise(r.actor.name),
                neutralise(r.actor.municipality.name),
                round(r.suggestion.score, 3),
                r.suggestion.distance_km,
                neutralise(r.text),
                r.actor.get_absolute_url(),
            ]
            for i, r in enumerate(rows, start=1)
        ),
    )


@require_GET
def for_actor(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(Actor.objects.filter(public_q()).select_related("municipality"), slug=slug)
    km, error = _max_km(request)
    rows = selectors.partners_for_actor(actor=actor, max_km=km)
    if request.GET.get("format") == "csv":
        return _suggestion_csv(f"empfehlungen-{actor.slug}.csv", rows)
    return render(
        request,
        "recommendations/for_actor.html",
        {"actor": actor, "rows": rows, "km": request.GET.get("km", ""), "error": error},
    )


@require_GET
def for_project(request: HttpRequest, slug: str) -> HttpResponse:
    project = get_object_or_404(
        projects_visible_to(request.user).select_related("area").prefetch_related("needs", "topics"),
        slug=slug,
    )
    km, error = _max_km(request)
    rows = selectors.partners_for_project(project=project, max_km=km)
    if request.GET.get("format") == "csv":
        return _suggestion_csv(f"empfehlungen-{project.slug}.csv", rows)
    open_needs = [n for n in project.needs.all() if n.filled_at is None]
    return render(
        request,
        "recommendations/for_project.html",
        {
            "project": project,
            "rows": rows,
            "open_needs": open_needs,
            "km": request.GET.get("km", ""),
            "error": error,
        },
    )


def _introduction_csv(network: Network, rows: list[selectors.IntroductionRow]) -> HttpResponse:
    header = [
        _("Rang"),
        _("Akteur A"),
        _("Gemeinde A"),
        _("Akteur B"),
        _("Gemeinde B"),
        _("Punkte"),
        _("Begründung"),
    ]
    return csv_response(
        f"vorstellungen-{network.slug}.csv",
        header,
        (
            [
                i,
                neutralise(r.a.name),
                neutralise(r.a.municipality.name),
                neutralise(r.b.name),
                neutralise(r.b.municipality.name),
                round(r.score, 3),
                neutralise(r.text),
            ]
            for i, r in enumerate(rows, start=1)
        ),
    )


@require_GET
def for_network(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_object_or_404(Network, slug=slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("recommendations.see_introductions", network):
        raise PermissionDenied(_("Nur die Koordination dieses Netzwerks sieht empfohlene Vorstellungen."))
    try:
        limit = min(max(int(request.GET.get("n", "20")), 1), 100)
    except ValueError as exc:
        raise Http404(_("„n“ muss eine ganze Zahl sein.")) from exc
    rows = selectors.introductions(network=network, limit=limit)
    if request.GET.get("format") == "csv":
        return _introduction_csv(network, rows)
    context: dict[str, Any] = {"network": network, "rows": rows, "limit": limit}
    return render(request, "recommendations/for_network.html", context)
