"""Creating and editing groups, joining and leaving, member management."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wandelwerk.groups import selectors, services
from wandelwerk.groups.forms import GroupForm, JoinForm
from wandelwerk.groups.models import GroupRole, JoinMode, JoinRequest
from wandelwerk.groups.views import allowed, permitted, render_detail
from wandelwerk.networks.models import Network, Role


def _creatable_networks(user) -> QuerySet[Network]:  # type: ignore[no-untyped-def]
    """Networks the user coordinates (and the networks below them); every network for staff."""
    if user.is_staff:
        return Network.objects.order_by("name")
    ids = set(user.network_memberships.filter(role=Role.COORDINATOR).values_list("network_id", flat=True))
    frontier = set(ids)
    while frontier:
        frontier = set(Network.objects.filter(parent_id__in=frontier).values_list("id", flat=True)) - ids
        ids |= frontier
    return Network.objects.filter(pk__in=ids).order_by("name")


def _error_to_form(form, exc: services.GroupError) -> None:  # type: ignore[no-untyped-def]
    form.add_error(exc.field if exc.field in form.fields else None, str(exc))


@login_required
def group_create(request: HttpRequest) -> HttpResponse:
    networks = _creatable_networks(request.user)
    if not networks.exists():
        raise PermissionDenied
    initial = {}
    if slug := request.GET.get("netzwerk"):
        initial["network"] = networks.filter(slug=slug).first()
    form = GroupForm(request.POST or None, networks=networks, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not allowed("groups.add_group", request.user, data["network"]):
            raise PermissionDenied
        try:
            group = services.group_create(
                user=request.user,
                network=data["network"],
                name=data["name"],
                description=data["description"],
                topic=data["topic"],
                join_mode=data["join_mode"],
                visibility=data["visibility"],
            )
        except services.GroupError as exc:
            _error_to_form(form, exc)
        else:
            messages.success(request, _("Arbeitsgruppe angelegt. Sie sind ihre erste Koordination."))
            return redirect(group)
    context = {"form": form, "heading": _("Arbeitsgruppe gründen")}
    return render(request, "groups/form.html", context, status=400 if form.errors else 200)


@login_required
def group_edit(request: HttpRequest, slug: str) -> HttpResponse:
    group = permitted(request, slug, "groups.change_group")
    initial = {
        "name": group.name,
        "description": group.description,
        "topic": group.topic,
        "join_mode": group.join_mode,
        "visibility": group.visibility,
    }
    form = GroupForm(request.POST or None, initial=initial, fixed_network=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.group_update(
                group=group,
                name=data["name"],
                description=data["description"],
                topic=data["topic"],
                join_mode=data["join_mode"],
                visibility=data["visibility"],
            )
        except services.GroupError as exc:
            _error_to_form(form, exc)
        else:
            messages.success(request, _("Arbeitsgruppe gespeichert."))
            return redirect(group)
    context = {"form": form, "heading": _("Arbeitsgruppe bearbeiten"), "group": group}
    return render(request, "groups/form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def group_join(request: HttpRequest, slug: str) -> HttpResponse:
    group = permitted(request, slug, "groups.join")
    form = JoinForm(request.POST)
    if not form.is_valid():
        return render_detail(request, group, status=400, join_form=form)
    try:
        services.group_join(group=group, user=request.user, message=form.cleaned_data["message"])
    except services.GroupError as exc:
        messages.error(request, str(exc))
    else:
        if group.join_mode == JoinMode.OPEN:
            messages.success(request, _("Willkommen in der Arbeitsgruppe!"))
        else:
            messages.success(request, _("Ihre Anfrage ist bei der Koordination der Gruppe."))
    return redirect(group)


@login_required
@require_POST
def group_leave(request: HttpRequest, slug: str) -> HttpResponse:
    group = permitted(request, slug, "groups.leave")
    try:
        services.group_leave(group=group, user=request.user)
    except services.GroupError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Sie haben die Arbeitsgruppe verlassen."))
    return redirect(group)


@login_required
@require_POST
def group_notify(request: HttpRequest, slug: str) -> HttpResponse:
    group = permitted(request, slug, "groups.leave")
    notify = request.POST.get("notify") == "1"
    try:
        services.notify_set(group=group, user=request.user, notify=notify)
    except services.GroupError as exc:
        messages.error(request, str(exc))
    else:
        if notify:
            messages.success(request, _("Sie erhalten eine E-Mail bei neuen Beiträgen."))
        else:
            messages.success(request, _("Keine E-Mails mehr bei neuen Beiträgen."))
    return redirect(group)


@login_required
def member_list(request: HttpRequest, slug: str) -> HttpResponse:
    group = permitted(request, slug, "groups.manage_members")
    return render(
        request,
        "groups/members.html",
        {
            "group": group,
            "members": selectors.members(group=group),
            "requests": selectors.open_requests(group=group),
        },
    )


@login_required
@require_POST
def request_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = permitted(request, slug, "groups.manage_members")
    join_request = JoinRequest.objects.filter(group=group, pk=pk).select_related("user").first()
    decision = request.POST.get("decision")
    if join_request is None or decision not in ("approve", "decline"):
        messages.error(request, _("Diese Anfrage gibt es nicht (mehr)."))
        return redirect("groups:members", slug=group.slug)
    try:
        services.request_decide(join_request=join_request, user=request.user, approve=decision == "approve")
    except services.GroupError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Anfrage angenommen.") if decision == "approve" else _("Anfrage abgelehnt.")
        )
    return redirect("groups:members", slug=group.slug)


@login_required
@require_POST
def member_role(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = permitted(request, slug, "groups.manage_members")
    role = request.POST.get("role", "")
    try:
        services.member_set_role(group=group, membership_id=pk, role=role)
    except services.GroupError as exc:
        messages.error(request, str(exc))
    else:
        if role == GroupRole.COORDINATOR:
            messages.success(request, _("Die Person gehört jetzt zur Koordination."))
        else:
            messages.success(request, _("Die Person ist jetzt Mitglied ohne Koordinationsrolle."))
    return redirect("groups:members", slug=group.slug)


@login_required
@require_POST
def member_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = permitted(request, slug, "groups.manage_members")
    try:
        services.member_remove(group=group, membership_id=pk)
    except services.GroupError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Die Person wurde aus der Gruppe entfernt."))
    return redirect("groups:members", slug=group.slug)
