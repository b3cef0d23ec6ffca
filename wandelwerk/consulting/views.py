"""Consulting pages: the public overview, the request form and the case lists (mine, inbox, queue)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor
from wandelwerk.consulting import selectors, services
from wandelwerk.consulting.forms import RequestForm
from wandelwerk.consulting.models import CaseStatus, ConsultingRequest


def base_url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def index(request: HttpRequest) -> HttpResponse:
    centres = list(selectors.centres_public())
    works_for_centre = selectors.centres_of(request.user).exists()
    return render(
        request, "consulting/index.html", {"centres": centres, "works_for_centre": works_for_centre}
    )


def centre_detail(request: HttpRequest, pk: int) -> HttpResponse:
    centre = selectors.centres_public().filter(pk=pk).first()
    if centre is None:
        raise Http404
    user = request.user
    return render(
        request,
        "consulting/centre.html",
        {
            "centre": centre,
            "can_edit": user.has_perm("consulting.change_centre", centre),
            "can_inbox": user.has_perm("consulting.view_inbox", centre),
        },
    )


@login_required
def request_create(request: HttpRequest) -> HttpResponse:
    form = RequestForm(request.POST or None, actors=Actor.objects.filter(owner=request.user).order_by("name"))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.request_create(
                user=request.user,
                topic=data["topic"],
                area=data["place"],
                title=data["title"],
                description=data["description"],
                urgency=data["urgency"],
                on_behalf_of=data["on_behalf_of"],
                base_url=base_url(request),
            )
        except services.ConsultingError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            if case.centre_id:
                messages.success(request, _("Anfrage gesendet und an eine Kompetenzstelle weitergeleitet."))
            else:
                messages.success(
                    request,
                    _("Anfrage gesendet. Die Netzwerkkoordination sucht eine passende Kompetenzstelle."),
                )
            return redirect(case)
    return render(request, "consulting/request_form.html", {"form": form}, status=400 if form.errors else 200)


def _case_list(
    request: HttpRequest, qs: QuerySet[ConsultingRequest], *, template_context: dict[str, Any]
) -> HttpResponse:
    """A case table, oldest first, with the "older than N days" and status filters."""
    error = ""
    try:
        days = selectors.parse_age(request.GET.get("aelter_als"))
    except selectors.FilterError as exc:
        days, error = None, exc.message
    status = request.GET.get("status", "")
    if status and status not in CaseStatus.values:
        status, error = "", _("Unbekannter Status.")
    if status:
        qs = qs.filter(status=status)
    cases = selectors.with_ages(list(selectors.case_rows(selectors.older_than(qs, days))[:200]))
    context = {
        "cases": cases,
        "days": days,
        "status": status,
        "statuses": CaseStatus.choices,
        "error": error,
        **template_context,
    }
    return render(request, "consulting/case_list.html", context, status=400 if error else 200)


@login_required
def my_requests(request: HttpRequest) -> HttpResponse:
    qs = selectors.cases_visible_to(request.user).filter(requester=request.user)
    return _case_list(
        request,
        qs,
        template_context={"heading": _("Meine Anfragen"), "show_requester": False, "show_centre": True},
    )


@login_required
def inbox(request: HttpRequest, pk: int) -> HttpResponse:
    centre = selectors.centre_get(pk=pk)
    if centre is None:
        raise Http404
    if not request.user.has_perm("consulting.view_inbox", centre):
        raise PermissionDenied
    return _case_list(
        request,
        centre.cases.all(),
        template_context={
            "heading": _("Eingang: %(name)s") % {"name": centre.name},
            "centre": centre,
            "show_requester": True,
            "show_centre": False,
        },
    )


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("consulting.view_queue"):
        raise PermissionDenied
    qs = selectors.queue_for(request.user)
    unassigned = selectors.with_targets(
        selectors.with_ages(list(selectors.case_rows(qs.filter(status=CaseStatus.NEW))[:200]))
    )
    return _case_list(
        request,
        qs,
        template_context={
            "heading": _("Beratung koordinieren"),
            "unassigned": unassigned,
            "is_queue": True,
            "show_requester": True,
            "show_centre": True,
        },
    )


@login_required
def my_centres(request: HttpRequest) -> HttpResponse:
    """Entry point for people of centres: links to each inbox."""
    centres = list(selectors.centres_of(request.user).order_by("name"))
    if len(centres) == 1:
        return redirect("consulting:inbox", pk=centres[0].pk)
    return render(request, "consulting/my_centres.html", {"centres": centres})
