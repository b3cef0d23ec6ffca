"""One consulting case: detail with notes and history, and the writes on it (all POST)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wandelwerk.consulting import selectors, services
from wandelwerk.consulting.forms import FeedbackForm, NoteForm, RerouteForm, StatusForm
from wandelwerk.consulting.models import CaseStatus, ConsultingRequest, Feedback
from wandelwerk.consulting.views import base_url


def _case(request: HttpRequest, pk: int, perm: str = "consulting.view_case") -> ConsultingRequest:
    """The case if the user may see it (else 404, so its existence stays private) and holds ``perm``."""
    case = (
        ConsultingRequest.objects.select_related(
            "topic", "area__parent__parent", "centre__actor", "requester", "on_behalf_of"
        )
        .filter(pk=pk)
        .first()
    )
    if case is None or not request.user.has_perm("consulting.view_case", case):
        raise Http404
    if perm != "consulting.view_case" and not request.user.has_perm(perm, case):
        raise PermissionDenied
    return case


def _errors(request: HttpRequest, form: object) -> None:
    for field, errors in form.errors.items():  # type: ignore[attr-defined]
        label = form.fields[field].label if field in form.fields else ""  # type: ignore[attr-defined]
        for e in errors:
            messages.error(request, f"{label}: {e}" if label else str(e))


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    user = request.user
    can_advance = user.has_perm("consulting.advance_case", case) and case.status in services.TRANSITIONS
    can_reroute = user.has_perm("consulting.reroute_case", case) and case.is_open
    feedback = Feedback.objects.filter(case=case).first()
    can_feedback = (
        user.has_perm("consulting.give_feedback", case)
        and case.status == CaseStatus.CLOSED
        and feedback is None
    )
    status_form = None
    if can_advance:
        status_form = StatusForm(initial={"to_status": services.TRANSITIONS[case.status]})
    return render(
        request,
        "consulting/case_detail.html",
        {
            "case": case,
            "days_open": selectors.days_open(case),
            "notes": case.notes.select_related("author"),
            "changes": case.changes.select_related("changed_by", "from_centre", "to_centre"),
            "note_form": NoteForm(),
            "status_form": status_form,
            "reroute_form": RerouteForm(centres=selectors.reroute_targets(case)) if can_reroute else None,
            "feedback": feedback,
            "feedback_form": FeedbackForm() if can_feedback else None,
            "is_requester": case.requester_id == user.pk,
        },
    )


def _act(
    request: HttpRequest, case: Any, form: Any, action: Callable[[dict[str, Any]], object], done: str
) -> HttpResponse:
    """Runs ``action`` with the valid form's data and says how it went; back to the case either way."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
            messages.success(request, done)
        except services.ConsultingError as exc:
            messages.error(request, exc.message)
    else:
        _errors(request, form)
    return redirect(case)


@login_required
@require_POST
def case_note(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "consulting.add_note")
    return _act(
        request,
        case,
        NoteForm(request.POST),
        lambda d: services.note_add(case=case, user=request.user, text=d["text"]),
        _("Notiz gespeichert."),
    )


@login_required
@require_POST
def case_status(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "consulting.advance_case")
    return _act(
        request,
        case,
        StatusForm(request.POST),
        lambda d: services.request_advance(
            case=case,
            user=request.user,
            to_status=d["to_status"],
            outcome=d["outcome"],
            base_url=base_url(request),
        ),
        _("Status geändert."),
    )


@login_required
@require_POST
def case_reroute(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "consulting.reroute_case")
    return _act(
        request,
        case,
        RerouteForm(request.POST, centres=selectors.reroute_targets(case)),
        lambda d: services.request_reroute(
            case=case, user=request.user, centre=d["centre"], note=d["note"], base_url=base_url(request)
        ),
        _("Anfrage weitergeleitet."),
    )


@login_required
@require_POST
def case_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "consulting.give_feedback")
    return _act(
        request,
        case,
        FeedbackForm(request.POST),
        lambda d: services.feedback_give(case=case, user=request.user, rating=d["rating"], text=d["text"]),
        _("Danke für Ihre Rückmeldung."),
    )
