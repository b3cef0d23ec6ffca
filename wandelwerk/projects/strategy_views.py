"""Pages for strategies: create, public dashboard, measures, CSV export."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wandelwerk.actors.models import Actor
from wandelwerk.projects import strategy_selectors as selectors
from wandelwerk.projects import strategy_services as services
from wandelwerk.projects.models import Stage
from wandelwerk.projects.services import ProjectError
from wandelwerk.projects.strategy_forms import MeasureForm, StrategyForm


def strategy_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    strategy = selectors.strategies_visible_to(request.user).filter(slug=slug).first()
    if strategy is None:
        raise Http404
    dashboard = selectors.strategy_dashboard(strategy=strategy, user=request.user)
    can_edit = request.user.has_perm("projects.change_strategy", strategy)
    return render(
        request,
        "projects/dashboard.html",
        {"d": dashboard, "stages": Stage.choices, "measure_form": MeasureForm() if can_edit else None},
    )


def _publishers(user: Any) -> Any:
    from wandelwerk.actors.models import Kind

    qs = Actor.objects.filter(kind=Kind.ADMINISTRATION)
    return qs if user.is_staff else qs.filter(owner=user)


@login_required
def strategy_create(request: HttpRequest) -> HttpResponse:
    publishers = _publishers(request.user)
    if not publishers.exists():
        raise PermissionDenied(
            _("Strategien veröffentlichen Verwaltungen: zuerst die eigene Verwaltung eintragen.")
        )
    form = StrategyForm(request.POST or None, publishers=publishers)
    if request.method == "POST" and form.is_valid():
        try:
            strategy = services.strategy_create(user=request.user, **form.cleaned_data)
        except ProjectError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Strategie angelegt. Jetzt die Maßnahmen eintragen."))
            return redirect("projects:dashboard", slug=strategy.slug)
    context = {"form": form, "heading": _("Klimaschutzstrategie anlegen")}
    return render(request, "projects/form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def measure_add(request: HttpRequest, slug: str) -> HttpResponse:
    strategy = selectors.strategies_visible_to(request.user).filter(slug=slug).first()
    if strategy is None:
        raise Http404
    if not request.user.has_perm("projects.change_strategy", strategy):
        raise PermissionDenied
    form = MeasureForm(request.POST)
    if form.is_valid():
        try:
            services.measure_add(strategy=strategy, **form.cleaned_data)
            messages.success(request, _("Maßnahme eingetragen."))
        except ProjectError as exc:
            messages.error(request, str(exc))
    else:
        errors = "; ".join(
            f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items() if f in form.fields
        )
        messages.error(request, _("Nicht gespeichert: %(errors)s") % {"errors": errors})
    return redirect("projects:dashboard", slug=strategy.slug)


def strategy_export(request: HttpRequest, slug: str) -> HttpResponse:
    """CSV of the strategy's measures with the projects the viewer may see (one row per pair)."""
    import csv
    import io

    from wandelwerk.engines.tabular import neutralise

    strategy = selectors.strategies_visible_to(request.user).filter(slug=slug).first()
    if strategy is None:
        raise Http404
    dashboard = selectors.strategy_dashboard(strategy=strategy, user=request.user)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(
        [
            "measure_code",
            "measure_title",
            "indicator",
            "unit",
            "target_value",
            "current_value",
            "project",
            "stage",
            "effect_co2_t",
            "effect_people",
            "project_url",
        ]
    )
    for row in dashboard.rows:
        m = row.measure
        head = [m.code, m.title, m.indicator, m.unit, m.target_value, m.current_value]
        projects: list[Any] = list(row.projects) or [None]
        for p in projects:
            tail = (
                [
                    p.title,
                    p.stage,
                    p.effect_co2_t,
                    p.effect_people,
                    request.build_absolute_uri(f"/projekte/{p.slug}/"),
                ]
                if p is not None
                else ["", "", "", "", ""]
            )
            writer.writerow([neutralise("" if v is None else str(v)) for v in head + tail])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{strategy.slug}-massnahmen.csv"'
    return response
