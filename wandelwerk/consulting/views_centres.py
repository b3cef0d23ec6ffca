"""Registering and editing competence centres; collegial coaching (asking, proposals, confirming)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wandelwerk.actors.models import Actor, Status
from wandelwerk.consulting import centre_services, coaching, selectors
from wandelwerk.consulting.forms import CentreForm, CoachingForm, PairForm, centre_area_choices
from wandelwerk.consulting.models import CoachingRequest
from wandelwerk.consulting.services import ConsultingError
from wandelwerk.consulting.views import base_url


def _centre_fields(form: CentreForm) -> dict[str, Any]:
    d = form.cleaned_data
    return {
        "name": d["name"],
        "description": d["description"],
        "topics": list(d["topics"]),
        "areas": list(d["areas"]),
        "capacity": d["capacity"],
        "advisers": d["advisers"],
        "is_active": d["is_active"],
    }


def _centre_actors(user: Any) -> Any:
    """Published actors the user can see: the centre's carrier is looked up among them by name or slug."""
    from wandelwerk.actors.visibility import actors_visible_to

    return actors_visible_to(user).filter(status=Status.PUBLISHED)


def _save_error(form: CentreForm, exc: ConsultingError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


@login_required
def centre_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("consulting.add_centre"):
        raise PermissionDenied
    actors = _centre_actors(request.user)
    form = CentreForm(request.POST or None, actors=actors, areas=centre_area_choices(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            centre = centre_services.centre_create(
                user=request.user, actor=form.cleaned_data["actor"], **_centre_fields(form)
            )
        except ConsultingError as exc:
            _save_error(form, exc)
        else:
            messages.success(request, _("Kompetenzstelle angelegt."))
            # the edit page, not the public one: a centre of a members-only actor is not listed publicly
            return redirect("consulting:centre-edit", pk=centre.pk)
    context = {"form": form, "heading": _("Kompetenzstelle eintragen")}
    return render(request, "consulting/centre_form.html", context, status=400 if form.errors else 200)


@login_required
def centre_edit(request: HttpRequest, pk: int) -> HttpResponse:
    centre = selectors.centre_get(pk=pk)
    if centre is None:
        raise Http404
    if not request.user.has_perm("consulting.change_centre", centre):
        raise PermissionDenied
    initial = {
        "name": centre.name,
        "description": centre.description,
        "topics": list(centre.topics.all()),
        "areas": list(centre.areas.all()),
        "capacity": centre.capacity,
        "advisers": "\n".join(u.email for u in centre.advisers.all()),
        "is_active": centre.is_active,
    }
    areas = centre_area_choices(request.user)
    form = CentreForm(request.POST or None, initial=initial, actors=None, areas=areas)
    if request.method == "POST" and form.is_valid():
        try:
            centre_services.centre_update(centre=centre, **_centre_fields(form))
        except ConsultingError as exc:
            _save_error(form, exc)
        else:
            messages.success(request, _("Kompetenzstelle gespeichert."))
            return redirect(centre)
    context = {"form": form, "heading": _("Kompetenzstelle bearbeiten"), "centre": centre}
    return render(request, "consulting/centre_form.html", context, status=400 if form.errors else 200)


def coaching_page(request: HttpRequest) -> HttpResponse:
    """What collegial coaching is; for actor owners the form to ask for it and their requests."""
    user = request.user
    form = None
    own: list[CoachingRequest] = []
    if user.is_authenticated:
        actors = Actor.objects.filter(owner=user).order_by("name")
        if actors.exists():
            form = CoachingForm(request.POST or None, actors=actors)
        own = list(coaching.own_coaching(user))
    if request.method == "POST":
        if form is None:
            raise PermissionDenied if user.is_authenticated else Http404
        if form.is_valid():
            try:
                centre_services.coaching_request_create(
                    user=user,
                    actor=form.cleaned_data["actor"],
                    topics=list(form.cleaned_data["topics"]),
                    message=form.cleaned_data["message"],
                )
            except ConsultingError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, _("Anfrage gespeichert. Die Netzwerkkoordination meldet sich."))
                return redirect("consulting:coaching")
    context = {
        "form": form,
        "own": own,
        "can_confirm": user.is_authenticated and user.has_perm("consulting.view_queue"),
    }
    return render(request, "consulting/coaching.html", context, status=400 if form and form.errors else 200)


@login_required
def coaching_proposals(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("consulting.view_queue"):
        raise PermissionDenied
    context = {
        "proposals": coaching.proposals_for(request.user),
        "waiting": list(coaching.open_requests_for(request.user)),
        "pairs": list(coaching.pairs_for(request.user)),
    }
    return render(request, "consulting/coaching_proposals.html", context)


@login_required
@require_POST
def coaching_confirm(request: HttpRequest) -> HttpResponse:
    form = PairForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Unvollständiger Vorschlag."))
        return redirect("consulting:coaching-proposals")
    found = {
        r.pk: r
        for r in CoachingRequest.objects.select_related("actor").filter(
            pk__in=[form.cleaned_data["first"], form.cleaned_data["second"]]
        )
    }
    first, second = found.get(form.cleaned_data["first"]), found.get(form.cleaned_data["second"])
    if first is None or second is None:
        raise Http404
    if not request.user.has_perm("consulting.confirm_coaching", (first.actor, second.actor)):
        raise PermissionDenied
    try:
        centre_services.coaching_pair_confirm(
            user=request.user, first=first, second=second, base_url=base_url(request)
        )
        messages.success(request, _("Paar bestätigt; beide Organisationen erhalten eine E-Mail."))
    except ConsultingError as exc:
        messages.error(request, exc.message)
    return redirect("consulting:coaching-proposals")
