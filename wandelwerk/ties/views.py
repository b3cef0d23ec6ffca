"""Pages to record, list, change, end and delete ties, and to import an edge list."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wandelwerk.actors.models import Actor
from wandelwerk.actors.visibility import actors_visible_to
from wandelwerk.ties import selectors, services
from wandelwerk.ties.forms import TieCreateForm, TieFieldsForm, UploadForm
from wandelwerk.ties.importing import ties_import
from wandelwerk.ties.models import TieOrigin
from wandelwerk.ties.rules import may_record_tie

SUGGESTIONS = 300


def _visible_actor(request: HttpRequest, slug: str) -> Actor:
    actor = actors_visible_to(request.user).filter(slug=slug).select_related("county").first()
    if actor is None:
        raise Http404
    return actor


def _attach(form: TieFieldsForm, exc: services.TieError) -> None:
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, str(exc))


@login_required
@require_http_methods(["GET", "POST"])
def tie_create(request: HttpRequest) -> HttpResponse:
    """Record a tie from an actor's page: /analyse/beziehungen/neu/?from=<actor-slug>."""
    actor = _visible_actor(request, request.GET.get("from", ""))
    if not request.user.has_perm("ties.record_for_actor", actor):
        raise PermissionDenied
    visible = actors_visible_to(request.user).exclude(pk=actor.pk)
    form = TieCreateForm(request.POST or None, visible=visible)
    if request.method == "POST" and form.is_valid():
        other = form.target_actor
        assert other is not None
        source, target = (actor, other) if form.cleaned_data["direction"] == "out" else (other, actor)
        if not may_record_tie(request.user, source, target):
            raise PermissionDenied
        try:
            services.tie_create(
                source=source,
                target=target,
                kind=form.cleaned_data["kind"],
                weight=form.cleaned_data["weight"],
                started=form.cleaned_data["started"],
                ended=form.cleaned_data["ended"],
                note=form.cleaned_data["note"],
                user=request.user,
            )
        except services.TieError as exc:
            _attach(form, exc)
        else:
            messages.success(request, _("Die Beziehung zu „%(name)s“ ist erfasst.") % {"name": other.name})
            return redirect("ties:actor", slug=actor.slug)
    suggestions = (
        visible.filter(county_id=actor.county_id).order_by("name").values_list("slug", "name")[:SUGGESTIONS]
    )
    status = 400 if form.errors else 200
    return render(
        request,
        "ties/tie_form.html",
        {"form": form, "actor": actor, "suggestions": suggestions},
        status=status,
    )


def actor_ties(request: HttpRequest, slug: str) -> HttpResponse:
    """The ties of one actor whose other end the visitor may see."""
    actor = _visible_actor(request, slug)
    ties = selectors.actor_ties(actor=actor, user=request.user)
    user = request.user
    rows = [
        {
            "tie": t,
            "other": t.target if t.source_id == actor.pk else t.source,
            "outgoing": t.source_id == actor.pk,
            "editable": t.origin != TieOrigin.DERIVED and user.has_perm("ties.change_tie", t),
        }
        for t in ties
    ]
    may_record = user.is_authenticated and user.has_perm("ties.record_for_actor", actor)
    return render(request, "ties/actor_ties.html", {"actor": actor, "rows": rows, "may_record": may_record})


def _editable_tie(request: HttpRequest, pk: int, perm: str):  # type: ignore[no-untyped-def]
    tie = selectors.tie_get(pk=pk)
    if tie is None:
        raise Http404
    if not request.user.has_perm(perm, tie):
        raise PermissionDenied
    return tie


@login_required
@require_http_methods(["GET", "POST"])
def tie_edit(request: HttpRequest, pk: int) -> HttpResponse:
    tie = _editable_tie(request, pk, "ties.change_tie")
    if tie.origin == TieOrigin.DERIVED:
        raise PermissionDenied
    initial = {
        "kind": tie.kind,
        "weight": tie.weight,
        "started": tie.started,
        "ended": tie.ended,
        "note": tie.note,
    }
    form = TieFieldsForm(request.POST or None, initial=initial)
    back = request.GET.get("actor") or tie.source.slug
    if back not in (tie.source.slug, tie.target.slug):
        back = tie.source.slug
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.tie_update(
                tie=tie,
                kind=data["kind"],
                weight=data["weight"],
                started=data["started"],
                ended=data["ended"],
                note=data["note"],
            )
        except services.TieError as exc:
            _attach(form, exc)
        else:
            messages.success(request, _("Die Beziehung ist geändert."))
            return redirect("ties:actor", slug=back)
    status = 400 if form.errors else 200
    return render(request, "ties/tie_edit.html", {"form": form, "tie": tie, "back": back}, status=status)


@login_required
@require_POST
def tie_end(request: HttpRequest, pk: int) -> HttpResponse:
    tie = _editable_tie(request, pk, "ties.change_tie")
    try:
        services.tie_end(tie=tie)
    except services.TieError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Die Beziehung ist beendet; sie bleibt im Verlauf erhalten."))
    return redirect("ties:actor", slug=_back(request, tie))


@login_required
@require_http_methods(["GET", "POST"])
def tie_delete(request: HttpRequest, pk: int) -> HttpResponse:
    tie = _editable_tie(request, pk, "ties.delete_tie")
    if request.method == "POST":
        back = _back(request, tie)
        try:
            services.tie_delete(tie=tie)
        except services.TieError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Die Beziehung ist gelöscht."))
        return redirect("ties:actor", slug=back)
    return render(request, "ties/tie_delete.html", {"tie": tie, "back": _back(request, tie)})


def _back(request: HttpRequest, tie) -> str:  # type: ignore[no-untyped-def]
    slug = request.POST.get("actor") or request.GET.get("actor") or ""
    return slug if slug in (tie.source.slug, tie.target.slug) else tie.source.slug


@login_required
@require_http_methods(["GET", "POST"])
def tie_import(request: HttpRequest) -> HttpResponse:
    """Upload an edge list; errors are listed by line and column and nothing is written."""
    if not request.user.has_perm("ties.import_ties"):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    report = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            report = ties_import(
                data=form.cleaned_data["file"].read(), user=request.user, dry_run=form.cleaned_data["dry_run"]
            )
            status = 200 if report.ok else 422
        else:
            status = 400
    errors = [(report.where(e), e.message) for e in report.errors[:1000]] if report else []
    return render(
        request,
        "ties/import.html",
        {"form": form, "report": report, "errors": errors, "format_url": reverse("ties:import")},
        status=status,
    )
