"""Writing pages: propose, edit, publish, delete; adoptions; method files. Thin: forms in, services do."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wandelwerk.actors.models import Actor
from wandelwerk.geo.models import Area
from wandelwerk.knowledge import selectors, services
from wandelwerk.knowledge.forms import AdoptionForm, FileForm, MethodForm, PracticeForm
from wandelwerk.knowledge.models import Adoption, Method, Practice
from wandelwerk.knowledge.views import require
from wandelwerk.projects.models import Project

MODELS: dict[str, tuple[type[Practice] | type[Method], type[PracticeForm] | type[MethodForm]]] = {
    "practice": (Practice, PracticeForm),
    "method": (Method, MethodForm),
}


def _visible(kind: str, request: HttpRequest, slug: str) -> Any:
    model: Any = MODELS[kind][0]
    entry = selectors.entry_get(model, user=request.user, slug=slug)
    if entry is None:
        raise Http404
    return entry


def _form_page(request: HttpRequest, form: Any, heading: str, entry: Any = None) -> HttpResponse:
    context = {"form": form, "heading": heading, "entry": entry}
    return render(request, "knowledge/form.html", context, status=400 if form.errors else 200)


def _add_error(form: Any, exc: services.KnowledgeError) -> None:
    """The service's message on the field it names (without the label, which the page shows)."""
    if exc.field not in form.fields:
        form.add_error(None, exc.message)
        return
    prefix = f"{form.fields[exc.field].label}: "
    form.add_error(exc.field, exc.message.removeprefix(prefix))


def _save(request: HttpRequest, form: Any, call: Any) -> Any:
    """Runs the service; a refusal becomes an error on the field it names."""
    data = dict(form.cleaned_data)
    try:
        return call(data)
    except services.KnowledgeError as exc:
        _add_error(form, exc)
        return None


@login_required
def entry_create(request: HttpRequest, kind: str) -> HttpResponse:
    model, form_class = MODELS[kind]
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        create = services.practice_create if model is Practice else services.method_create
        entry = _save(request, form, lambda d: create(user=request.user, **d))
        if entry is not None:
            messages.success(
                request, _("Gespeichert. Die Koordination prüft den Vorschlag und veröffentlicht ihn.")
            )
            return redirect(entry.get_absolute_url())
    heading = _("Praxisbeispiel vorschlagen") if model is Practice else _("Methode oder Vorlage vorschlagen")
    return _form_page(request, form, heading)


@login_required
def entry_edit(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    model, form_class = MODELS[kind]
    entry = _visible(kind, request, slug)
    require(request, "knowledge.change_entry", entry)
    initial = {name: getattr(entry, name) for name in form_class.base_fields if name != "topics"}
    initial["topics"] = list(entry.topics.all())
    form = form_class(request.POST or None, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(request, form, lambda d: services.entry_update(entry=entry, **d)) is not None
    ):
        messages.success(request, _("Änderungen gespeichert."))
        return redirect(entry.get_absolute_url())
    return _form_page(request, form, _("„%s“ bearbeiten") % entry.title, entry)


@login_required
@require_POST
def entry_publish(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    entry = _visible(kind, request, slug)
    require(request, "knowledge.publish_entry", entry)
    publish = request.POST.get("publish", "1") == "1"
    services.entry_publish(entry=entry, publish=publish)
    messages.success(request, _("Veröffentlicht.") if publish else _("Zurückgezogen; nicht mehr öffentlich."))
    return redirect(entry.get_absolute_url())


@login_required
def entry_delete(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    entry = _visible(kind, request, slug)
    require(request, "knowledge.delete_entry", entry)
    if request.method == "POST":
        services.entry_delete(entry=entry)
        messages.success(request, _("„%s“ gelöscht.") % entry.title)
        return redirect("knowledge:practice-list" if kind == "practice" else "knowledge:method-list")
    return render(request, "knowledge/confirm_delete.html", {"entry": entry})


# --- adoptions -----------------------------------------------------------------------------------------
@login_required
@require_POST
def adoption_add(request: HttpRequest, slug: str) -> HttpResponse:
    practice = _visible("practice", request, slug)
    form = AdoptionForm(request.POST, options=selectors.adoption_options(user=request.user))
    if not form.is_valid():
        problems = "; ".join(f"{form.fields[k].label}: {' '.join(v)}" for k, v in form.errors.items())
        messages.error(request, problems)
        return redirect(practice.get_absolute_url())
    kind, pk = form.target_parts()
    target: dict[str, Any] = {}
    if kind == "actor":
        target["actor"] = get_object_or_404(Actor, pk=pk)
    elif kind == "project":
        target["project"] = get_object_or_404(Project, pk=pk)
    else:
        target["area"] = get_object_or_404(Area.objects.select_related("parent"), pk=pk)
    try:
        services.adoption_add(
            practice=practice,
            user=request.user,
            year=form.cleaned_data["year"],
            note=form.cleaned_data["note"],
            **target,
        )
        messages.success(request, _("Eingetragen: „%s“ wird umgesetzt.") % practice.title)
    except services.KnowledgeError as exc:
        messages.error(request, exc.message)
    return redirect(practice.get_absolute_url())


@login_required
@require_POST
def adoption_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    practice = _visible("practice", request, slug)
    adoption = get_object_or_404(
        Adoption.objects.select_related("actor", "project", "area__parent"), pk=pk, practice=practice
    )
    if not services.may_remove_adoption(user=request.user, adoption=adoption):
        raise PermissionDenied
    services.adoption_remove(adoption=adoption, user=request.user)
    messages.success(request, _("Umsetzung entfernt."))
    return redirect(practice.get_absolute_url())


# --- files ---------------------------------------------------------------------------------------------
@login_required
@require_POST
def file_add(request: HttpRequest, slug: str) -> HttpResponse:
    method = _visible("method", request, slug)
    require(request, "knowledge.change_entry", method)
    form = FileForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.method_file_add(
                method=method,
                title=form.cleaned_data["title"],
                name=upload.name,
                stream=upload,
                size=upload.size,
            )
        except services.KnowledgeError as exc:
            _add_error(form, exc)
        else:
            messages.success(request, _("Datei hinzugefügt."))
            return redirect(method.get_absolute_url())
    context = {
        "method": method,
        "files": selectors.method_files(method=method),
        "file_form": form,
        "can_change": True,
        "can_publish": request.user.has_perm("knowledge.publish_entry", method),
        "can_delete": request.user.has_perm("knowledge.delete_entry", method),
    }
    return render(request, "knowledge/method_detail.html", context, status=400)


@login_required
@require_POST
def file_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    method = _visible("method", request, slug)
    require(request, "knowledge.change_entry", method)
    services.method_file_delete(stored=get_object_or_404(method.files, pk=pk))
    messages.success(request, _("Datei gelöscht."))
    return redirect(method.get_absolute_url())
