"""Pages for strategies: create and edit, targets, measures, the public dashboard, CSV export."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wandelwerk.actors.models import Actor, Kind
from wandelwerk.engines.tabular import neutralise
from wandelwerk.projects import strategy_selectors as selectors
from wandelwerk.projects import strategy_services as services
from wandelwerk.projects.models import Measure, Strategy
from wandelwerk.projects.selectors import ProjectFilterError
from wandelwerk.projects.services import ProjectError
from wandelwerk.projects.strategy_forms import (
    MeasureEditForm,
    MeasureForm,
    StrategyEditForm,
    StrategyForm,
    TargetForm,
)


def _visible(request: HttpRequest, slug: str) -> Strategy:
    strategy = selectors.strategies_visible_to(request.user).filter(slug=slug).first()
    if strategy is None:
        raise Http404
    return strategy


def _editable(request: HttpRequest, slug: str) -> Strategy:
    """The strategy ``slug`` if the user may change it; 404 when they cannot even see it, else 403."""
    strategy = _visible(request, slug)
    if not request.user.has_perm("projects.change_strategy", strategy):
        raise PermissionDenied
    return strategy


def _measure(strategy: Strategy, pk: int) -> Measure:
    measure = selectors.measure_for_edit(strategy=strategy, pk=pk)
    if measure is None:
        raise Http404
    return measure


def _errors_text(form: Any) -> str:
    return "; ".join(
        f"{form.fields[f].label}: {' '.join(e)}" if f in form.fields else " ".join(e)
        for f, e in form.errors.items()
    )


def strategy_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    strategy = _visible(request, slug)
    can_edit = request.user.has_perm("projects.change_strategy", strategy)
    try:
        filters, error = selectors.parse_dashboard_filter(request.GET), None
    except ProjectFilterError as exc:
        filters, error = selectors.DashboardFilter(), exc
    dashboard = selectors.strategy_dashboard(strategy=strategy, user=request.user, filters=filters, page=True)
    context = {
        "d": dashboard,
        "error": error,
        "can_edit": can_edit,
        "selected_topic": request.GET.get("topic", ""),
        "selected_area": request.GET.get("area", ""),
        "export_query": request.GET.urlencode() if error is None else "",
        "measure_form": MeasureForm() if can_edit else None,
    }
    return render(request, "projects/dashboard.html", context, status=400 if error else 200)


def _publishers(user: Any) -> Any:
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


def _render_edit(
    request: HttpRequest,
    strategy: Strategy,
    *,
    form: StrategyEditForm | None = None,
    new_target: TargetForm | None = None,
    bound_target: TargetForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The edit page: the strategy's own fields, then one small form per target and one to add one."""
    if form is None:
        form = StrategyEditForm(
            initial={
                "title": strategy.title,
                "period_start": strategy.period_start,
                "period_end": strategy.period_end,
                "description": strategy.description,
                "is_published": strategy.is_published,
            }
        )
    targets = []
    for t in strategy.targets.all():
        prefix = f"t{t.pk}"
        if bound_target is not None and bound_target.prefix == prefix:
            targets.append((t, bound_target))
        else:
            initial = {"label": t.label, "year": t.year, "value": t.value, "unit": t.unit}
            targets.append((t, TargetForm(prefix=prefix, initial=initial)))
    forms = [form, *(f for _t, f in targets), new_target or TargetForm(prefix="new")]
    context = {
        "strategy": strategy,
        "form": form,
        "targets": targets,
        "new_target": forms[-1],
        "has_errors": any(f.is_bound and f.errors for f in forms),
    }
    return render(request, "projects/strategy_edit.html", context, status=status)


@login_required
def strategy_edit(request: HttpRequest, slug: str) -> HttpResponse:
    strategy = _editable(request, slug)
    if request.method != "POST":
        return _render_edit(request, strategy)
    form = StrategyEditForm(request.POST)
    if form.is_valid():
        try:
            services.strategy_update(strategy=strategy, **form.cleaned_data)
        except ProjectError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Strategie gespeichert."))
            return redirect("projects:dashboard", slug=strategy.slug)
    strategy.refresh_from_db()
    return _render_edit(request, strategy, form=form, status=400)


def _targets_url(strategy: Strategy) -> str:
    return reverse("projects:strategy-edit", kwargs={"slug": strategy.slug}) + "#ziele"


@login_required
@require_POST
def target_add(request: HttpRequest, slug: str) -> HttpResponse:
    strategy = _editable(request, slug)
    form = TargetForm(request.POST, prefix="new")
    if form.is_valid():
        try:
            services.target_add(strategy=strategy, **form.cleaned_data)
        except ProjectError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Ziel eingetragen."))
            return redirect(_targets_url(strategy))
    return _render_edit(request, strategy, new_target=form, status=400)


@login_required
@require_POST
def target_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    strategy = _editable(request, slug)
    target = get_object_or_404(strategy.targets, pk=pk)
    form = TargetForm(request.POST, prefix=f"t{target.pk}")
    if form.is_valid():
        try:
            services.target_update(target=target, **form.cleaned_data)
        except ProjectError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Ziel gespeichert."))
            return redirect(_targets_url(strategy))
    return _render_edit(request, strategy, bound_target=form, status=400)


@login_required
@require_POST
def target_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    strategy = _editable(request, slug)
    target = get_object_or_404(strategy.targets, pk=pk)
    services.target_delete(target=target)
    messages.success(request, _("Ziel „%(label)s“ gelöscht.") % {"label": target.label})
    return redirect(_targets_url(strategy))


@login_required
@require_POST
def measure_add(request: HttpRequest, slug: str) -> HttpResponse:
    strategy = _editable(request, slug)
    form = MeasureForm(request.POST)
    if form.is_valid():
        try:
            services.measure_add(strategy=strategy, **form.cleaned_data)
            messages.success(request, _("Maßnahme eingetragen."))
        except ProjectError as exc:
            messages.error(request, str(exc))
    else:
        messages.error(request, _("Nicht gespeichert: %(errors)s") % {"errors": _errors_text(form)})
    return redirect("projects:dashboard", slug=strategy.slug)


@login_required
def measure_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    strategy = _editable(request, slug)
    measure = _measure(strategy, pk)
    responsibles = selectors.responsible_choices(strategy=strategy, current=measure.responsible_id)
    initial = {
        name: getattr(measure, name)
        for name in ("code", "title", "description", "indicator", "unit", "target_value", "current_value")
    }
    initial |= {"topic": measure.topic_id, "responsible": measure.responsible_id}
    form = MeasureEditForm(request.POST or None, initial=initial, responsibles=responsibles)
    if request.method == "POST" and form.is_valid():
        try:
            services.measure_update(measure=measure, **form.cleaned_data)
        except ProjectError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Maßnahme „%(code)s“ gespeichert.") % {"code": measure.code})
            return redirect("projects:dashboard", slug=strategy.slug)
    context = {
        "strategy": strategy,
        "form": form,
        "heading": _("Maßnahme %(code)s bearbeiten") % {"code": measure.code},
        "submit": _("Speichern"),
    }
    return render(request, "projects/strategy_form.html", context, status=400 if form.errors else 200)


@login_required
def measure_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET asks for confirmation and says how many projects lose the link; POST deletes."""
    strategy = _editable(request, slug)
    measure = _measure(strategy, pk)
    if request.method == "POST":
        unlinked = services.measure_delete(measure=measure)
        messages.success(
            request,
            ngettext(
                "Maßnahme „%(code)s“ gelöscht; %(n)s Projekt ist nicht mehr mit ihr verknüpft.",
                "Maßnahme „%(code)s“ gelöscht; %(n)s Projekte sind nicht mehr mit ihr verknüpft.",
                unlinked,
            )
            % {"code": measure.code, "n": unlinked},
        )
        return redirect("projects:dashboard", slug=strategy.slug)
    context = {"strategy": strategy, "measure": measure, "count": measure.project_count}  # type: ignore[attr-defined]
    return render(request, "projects/strategy_measure_delete.html", context)


def strategy_export(request: HttpRequest, slug: str) -> HttpResponse:
    """CSV of the strategy's measures with the projects the viewer may see (one row per pair), with
    the dashboard's filters applied."""
    strategy = _visible(request, slug)
    try:
        filters = selectors.parse_dashboard_filter(request.GET)
    except ProjectFilterError as exc:
        return HttpResponse(exc.message, status=400, content_type="text/plain; charset=utf-8")
    dashboard = selectors.strategy_dashboard(strategy=strategy, user=request.user, filters=filters)
    rows = selectors.export_rows(dashboard=dashboard, base_url=request.build_absolute_uri("/").rstrip("/"))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{strategy.slug}-massnahmen.csv"'
    return response
