"""Organisers' pages: create and edit events, sessions, participants, approvals, attendance, CSV, message."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wandelwerk.actors.models import Actor
from wandelwerk.engines.tabular import neutralise
from wandelwerk.events import selectors, services
from wandelwerk.events.forms import EventForm, MessageForm, SessionForm
from wandelwerk.events.models import Event, EventSession, Registration
from wandelwerk.events.models import RegistrationStatus as S
from wandelwerk.events.views import base_url, visible_event
from wandelwerk.networks.models import Network


def _organised(request: HttpRequest, slug: str) -> Event:
    """The event if the user may manage it; 404 if they cannot even see it, else 403."""
    event = visible_event(request, slug)
    if not request.user.has_perm("events.manage_participants", event):
        raise PermissionDenied
    return event


def _data(cd: dict[str, Any]) -> services.EventData:
    return services.EventData(
        kind=cd["kind"],
        title=cd["title"],
        start=cd["start"],
        end=cd["end"],
        venue_name=cd["venue_name"],
        address=cd["address"],
        area=cd["place"],
        lat=cd["lat"],
        lon=cd["lon"],
        online_url=cd["online_url"],
        topics=list(cd["topics"]),
        description=cd["description"],
        accessibility=cd["accessibility"],
        visibility=cd["visibility"],
        is_published=cd["is_published"],
        registration_opens_at=cd["registration_opens_at"],
        registration_closes_at=cd["registration_closes_at"],
        capacity=cd["capacity"],
        needs_approval=cd["needs_approval"],
        questions=cd["questions"],
        group=cd.get("group"),
    )


def _organiser(value: str, choices: list[tuple[str, str]]) -> Network | Actor:
    if value not in {v for v, _label in choices}:
        raise PermissionDenied
    kind, pk = value.split(":", 1)
    return get_object_or_404(Network if kind == "n" else Actor, pk=int(pk))


def _field(form: EventForm, exc: services.EventError) -> str | None:
    return exc.field if exc.field in form.fields else None


@login_required
def event_create(request: HttpRequest) -> HttpResponse:
    choices = selectors.organiser_choices(request.user)
    if not choices:
        raise PermissionDenied
    form = EventForm(request.POST or None, organisers=choices, groups=selectors.group_choices(request.user))
    if request.method == "POST" and form.is_valid():
        organiser = _organiser(form.cleaned_data["organiser"], choices)
        try:
            event = services.event_create(
                user=request.user, organiser=organiser, data=_data(form.cleaned_data)
            )
        except services.EventError as exc:
            form.add_error(_field(form, exc), exc.message)
        else:
            messages.success(request, _("Die Veranstaltung ist angelegt."))
            return redirect(event)
    status = 400 if form.errors else 200
    return render(
        request, "events/form.html", {"form": form, "heading": _("Veranstaltung anlegen")}, status=status
    )


@login_required
def event_edit(request: HttpRequest, slug: str) -> HttpResponse:
    event = visible_event(request, slug)
    if not request.user.has_perm("events.change_event", event):
        raise PermissionDenied
    groups = selectors.group_choices(request.user, network_id=event.network_id) if event.network_id else None
    form = EventForm(request.POST or None, initial=EventForm.initial_for(event), groups=groups)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(event=event, data=_data(form.cleaned_data), base_url=base_url(request))
        except services.EventError as exc:
            form.add_error(_field(form, exc), exc.message)
        else:
            messages.success(request, _("Die Änderungen sind gespeichert."))
            return redirect(event)
    status = 400 if form.errors else 200
    context = {"form": form, "heading": _("Veranstaltung bearbeiten"), "event": event}
    return render(request, "events/form.html", context, status=status)


@login_required
def event_manage(request: HttpRequest, slug: str) -> HttpResponse:
    event = _organised(request, slug)
    regs = list(selectors.participants(event=event))
    return render(
        request,
        "events/manage.html",
        {
            "event": event,
            "confirmed": [r for r in regs if r.status == S.CONFIRMED],
            "waiting": [r for r in regs if r.status == S.WAITING],
            "pending": [r for r in regs if r.status == S.PENDING],
            "others": [r for r in regs if r.status in (S.DECLINED, S.CANCELLED)],
            "ended": timezone.now() >= event.end,
            "message_form": MessageForm(),
            "session_form": SessionForm(),
            "sessions": event.sessions.all(),
        },
    )


@login_required
@require_POST
def registration_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = _organised(request, slug)
    registration = Registration.objects.filter(event=event, pk=pk).first()
    if registration is None:
        raise Http404
    approve = request.POST.get("decision") == "approve"
    try:
        services.registration_decide(
            registration=registration, user=request.user, approve=approve, base_url=base_url(request)
        )
        messages.success(request, _("Entscheidung gespeichert."))
    except services.EventError as exc:
        messages.error(request, exc.message)
    return redirect("events:manage", slug=event.slug)


@login_required
@require_POST
def attendance(request: HttpRequest, slug: str) -> HttpResponse:
    event = _organised(request, slug)
    ids = [int(v) for v in request.POST.getlist("attended") if v.isdigit()]
    try:
        n = services.attendance_record(event=event, attended_ids=ids)
        messages.success(request, _("Teilnahme gespeichert: %(n)d anwesend.") % {"n": n})
    except services.EventError as exc:
        messages.error(request, exc.message)
    return redirect("events:manage", slug=event.slug)


@login_required
@require_POST
def message(request: HttpRequest, slug: str) -> HttpResponse:
    event = _organised(request, slug)
    form = MessageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bitte Betreff und Nachricht angeben."))
        return redirect("events:manage", slug=event.slug)
    n = services.participants_message(
        event=event, sender=request.user, subject=form.cleaned_data["subject"], body=form.cleaned_data["body"]
    )
    messages.success(request, _("Nachricht an %(n)d Teilnehmende wird verschickt.") % {"n": n})
    return redirect("events:manage", slug=event.slug)


@login_required
@require_POST
def session_add(request: HttpRequest, slug: str) -> HttpResponse:
    event = _organised(request, slug)
    form = SessionForm(request.POST)
    if form.is_valid():
        services.session_add(event=event, **form.cleaned_data)
        messages.success(request, _("Programmpunkt hinzugefügt."))
    else:
        problems = "; ".join(f"{form.fields[k].label}: {' '.join(v)}" for k, v in form.errors.items())
        messages.error(request, _("Programmpunkt nicht gespeichert – %(p)s") % {"p": problems})
    return redirect("events:manage", slug=event.slug)


@login_required
@require_POST
def session_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = _organised(request, slug)
    session = get_object_or_404(EventSession, event=event, pk=pk)
    services.session_delete(session=session)
    messages.success(request, _("Programmpunkt entfernt."))
    return redirect("events:manage", slug=event.slug)


@login_required
def export_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """Participants as German-Excel CSV (UTF-8 with BOM, ``;``), cells neutralised against formulas."""
    event = _organised(request, slug)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [_("Name"), _("E-Mail"), _("Status"), _("angemeldet am"), _("teilgenommen"), *event.questions]
    )
    for r in selectors.participants(event=event):
        attended = "" if r.attended is None else (_("ja") if r.attended else _("nein"))
        cells = [
            getattr(r.user, "display_name", "") or r.user.get_full_name(),
            r.user.email,
            r.get_status_display(),
            timezone.localtime(r.queued_at).strftime("%d.%m.%Y %H:%M"),
            attended,
            *(r.answers.get(q, "") for q in event.questions),
        ]
        writer.writerow([neutralise(str(c)) for c in cells])
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="teilnehmende-{event.slug}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response
