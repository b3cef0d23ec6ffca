from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wandelwerk.actors import selectors, services
from wandelwerk.actors.forms import ActorForm, ResourceForm, ReviewForm
from wandelwerk.actors.models import Actor, Resource, Status
from wandelwerk.actors.query import ActorQuery, FilterError, parse_query
from wandelwerk.actors.visibility import contact_visible

PAGE_SIZE = 25


def actor_list(request: HttpRequest) -> HttpResponse:
    """Directory: search, facets, map and the equivalent accessible list. With ``partial=1`` only
    the result region is returned (the map script swaps it in when the map moves)."""
    error = ""
    try:
        query = parse_query(request.GET)
        resolved = selectors.resolve(query)
        qs = selectors.actor_filter(user=request.user, query=query, resolved=resolved)
        partial = bool(request.GET.get("partial"))
        facet_groups = {} if partial else selectors.facets(user=request.user, query=query, resolved=resolved)
        page = Paginator(selectors.actor_list_page(qs), PAGE_SIZE).get_page(request.GET.get("page"))
    except FilterError as exc:
        error = exc.message
        query, facet_groups = ActorQuery(), {}
        page = Paginator(Actor.objects.none(), PAGE_SIZE).get_page(1)
    context: dict[str, Any] = {"query": query, "facets": facet_groups, "page": page, "error": error}
    template = "actors/_results.html" if request.GET.get("partial") else "actors/list.html"
    return render(request, template, context, status=400 if error else 200)


def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = selectors.actor_get(user=request.user, slug=slug)
    if actor is None:
        raise Http404
    resources = list(actor.resources.all())
    from wandelwerk.knowledge.selectors import practices_adopted_by
    from wandelwerk.projects.selectors import projects_needing

    return render(
        request,
        "actors/detail.html",
        {
            "actor": actor,
            "projects_needing": projects_needing(actor=actor),
            "practices": practices_adopted_by(actor=actor),
            "show_contact": contact_visible(actor, request.user),
            "offers": [r for r in resources if r.direction == "offer"],
            "needs": [r for r in resources if r.direction == "need"],
            "can_change": request.user.has_perm("actors.change_actor", actor),
            "can_review": actor.status == Status.PENDING
            and request.user.has_perm("actors.review_actor", actor),
        },
    )


def _data_from_form(form: ActorForm) -> services.ActorData:
    d = form.cleaned_data
    municipality, lat, lon, precision = form.location()
    return services.ActorData(
        name=d["name"],
        kind=d["kind"],
        sector=d["sector"],
        municipality=municipality,
        lat=lat,
        lon=lon,
        precision=precision,
        description=d["description"],
        street=d["street"],
        postcode=d["postcode"],
        place=d["place"],
        website=d["website"],
        email=d["email"],
        phone=d["phone"],
        contact_name=d["contact_name"],
        visibility=d["visibility"],
        topic_ids=[t.pk for t in [*d["topics"], *d["sdgs"]]],
        person_consent=d["person_consent"],
        source="Selbsteintrag",
    )


@login_required
def actor_create(request: HttpRequest) -> HttpResponse:
    form = ActorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actor = services.actor_create(data=_data_from_form(form), owner=request.user)
        except services.ActorError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("Danke! Der Eintrag wird von der Netzwerk-Koordination geprüft und dann veröffentlicht."),
            )
            return redirect(actor.get_absolute_url())
    return render(
        request, "actors/form.html", {"form": form, "actor": None}, status=400 if form.errors else 200
    )


def _changeable(request: HttpRequest, slug: str) -> Actor:
    actor = get_object_or_404(Actor.objects.select_related("municipality", "county", "state"), slug=slug)
    if not request.user.has_perm("actors.change_actor", actor):
        raise PermissionDenied
    return actor


@login_required
def actor_edit(request: HttpRequest, slug: str) -> HttpResponse:
    actor = _changeable(request, slug)
    topics = list(actor.topics.all())
    initial = {
        "name": actor.name,
        "kind": actor.kind,
        "sector": actor.sector,
        "description": actor.description,
        "topics": [t for t in topics if t.group == "field"],
        "sdgs": [t for t in topics if t.group == "sdg"],
        "street": actor.street,
        "postcode": actor.postcode,
        "place": actor.place,
        "website": actor.website,
        "email": actor.email,
        "phone": actor.phone,
        "contact_name": actor.contact_name,
        "visibility": actor.visibility,
        "person_consent": actor.consent_at is not None,
        "lat": actor.lat if actor.precision == "address" else None,
        "lon": actor.lon if actor.precision == "address" else None,
    }
    form = ActorForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.actor_update(actor=actor, data=_data_from_form(form))
        except services.ActorError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Änderungen gespeichert."))
            return redirect(actor.get_absolute_url())
    return render(
        request,
        "actors/form.html",
        {"form": form, "actor": actor, "resource_form": ResourceForm(), "resources": actor.resources.all()},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def resource_add(request: HttpRequest, slug: str) -> HttpResponse:
    actor = _changeable(request, slug)
    form = ResourceForm(request.POST)
    if form.is_valid():
        services.resource_add(actor=actor, **form.cleaned_data)
        messages.success(request, _("Gespeichert."))
    else:
        messages.error(
            request,
            _("Nicht gespeichert: %(errors)s")
            % {
                "errors": "; ".join(
                    f"{form.fields[f].label}: {' '.join(e)}"
                    for f, e in form.errors.items()
                    if f in form.fields
                )
            },
        )
    return redirect("actors:edit", slug=actor.slug)


@login_required
@require_POST
def resource_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    actor = _changeable(request, slug)
    services.resource_remove(resource=get_object_or_404(Resource, pk=pk, actor=actor))
    messages.success(request, _("Entfernt."))
    return redirect("actors:edit", slug=actor.slug)


@login_required
@require_POST
def actor_confirm(request: HttpRequest, slug: str) -> HttpResponse:
    actor = _changeable(request, slug)
    services.actor_confirm(actor=actor)
    messages.success(request, _("Als aktuell bestätigt."))
    return redirect(actor.get_absolute_url())


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("actors.review_any"):
        raise PermissionDenied
    pending = [
        a
        for a in selectors.actor_list_page(
            selectors.actors_visible_to(request.user).filter(status=Status.PENDING).order_by("created_at")
        )[:200]
        if request.user.has_perm("actors.review_actor", a)
    ]
    return render(request, "actors/review.html", {"pending": pending, "form": ReviewForm()})


@login_required
@require_POST
def actor_review(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(Actor, slug=slug)
    if not request.user.has_perm("actors.review_actor", actor):
        raise PermissionDenied
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bitte „freigeben“ oder „ablehnen“ wählen."))
        return redirect("actors:review")
    try:
        services.actor_review(
            actor=actor,
            reviewer=request.user,
            approve=form.cleaned_data["decision"] == "approve",
            note=form.cleaned_data["note"],
        )
    except services.ActorError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("„%(name)s“ wurde entschieden.") % {"name": actor.name})
    return redirect("actors:review")
