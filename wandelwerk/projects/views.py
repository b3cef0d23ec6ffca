from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wandelwerk.actors.models import Actor, TopicGroup
from wandelwerk.actors.visibility import public_q
from wandelwerk.knowledge.selectors import practices_adopted_by
from wandelwerk.projects import selectors, services
from wandelwerk.projects.forms import (
    InviteForm,
    JoinForm,
    MilestoneForm,
    NeedFillForm,
    NeedForm,
    ProjectForm,
    StageForm,
)
from wandelwerk.projects.models import Partner, PartnerRole, PartnerStatus, Stage


def project_list(request: HttpRequest) -> HttpResponse:
    from wandelwerk.actors.models import Kind, Topic
    from wandelwerk.projects.strategy_selectors import strategies_visible_to

    try:
        query = selectors.parse_project_query(request.GET)
        qs = selectors.project_filter(user=request.user, query=query)
        error = ""
    except selectors.ProjectFilterError as exc:
        query, qs, error = selectors.ProjectQuery(), selectors.projects_visible_to(None).none(), exc.message
    page = Paginator(selectors.project_list_page(qs), 25).get_page(request.GET.get("page"))
    user = request.user
    return render(
        request,
        "projects/list.html",
        {
            "page": page,
            "query": query,
            "stages": Stage.choices,
            "topics": Topic.objects.filter(group=TopicGroup.FIELD).order_by("name"),
            "areas": selectors.project_area_choices(user),
            "bbox": selectors.project_extent(qs),
            "filter_params": request.GET.urlencode(),
            "error": error,
            "strategies": strategies_visible_to(user).order_by("-period_end", "title")[:20],
            "can_publish_strategy": user.is_authenticated
            and (user.is_staff or Actor.objects.filter(owner=user, kind=Kind.ADMINISTRATION).exists()),
        },
        status=400 if error else 200,
    )


def _visible(request: HttpRequest, slug: str):  # type: ignore[no-untyped-def]
    project = (
        selectors.project_list_page(selectors.projects_visible_to(request.user)).filter(slug=slug).first()
    )
    if project is None:
        raise Http404
    return project


def _permitted(request: HttpRequest, slug: str, perm: str = "projects.change_project"):  # type: ignore[no-untyped-def]
    """The visible project ``slug`` if the user holds ``perm`` on it, else 403."""
    project = _visible(request, slug)
    if not request.user.has_perm(perm, project):
        raise PermissionDenied
    return project


def project_detail(request: HttpRequest, slug: str) -> HttpResponse:
    project = _visible(request, slug)
    user = request.user
    partners = list(project.partners.select_related("actor"))
    own_actors = Actor.objects.filter(owner=user) if user.is_authenticated else Actor.objects.none()
    can_change = user.has_perm("projects.change_project", project)
    can_decide = user.has_perm("projects.decide_partner", project)
    open_requests = [p for p in partners if p.status in (PartnerStatus.REQUESTED, PartnerStatus.INVITED)]
    helpers = selectors.helpers_for(project=project)
    accepted = [p for p in partners if p.status == PartnerStatus.ACCEPTED]
    fill_ids = {p.actor_id for p in accepted} | {a.pk for a, _s in helpers}
    invite_query = (request.GET.get("einladen") or "").strip()[:100] if can_decide else ""
    return render(
        request,
        "projects/detail.html",
        {
            "project": project,
            "partners": accepted,
            "pending": open_requests if can_decide else [],
            "invitations": [
                p
                for p in open_requests
                if p.status == PartnerStatus.INVITED and user.is_authenticated and p.actor.owner_id == user.pk
            ],
            "needs": project.needs.select_related("filled_by"),
            "helpers": helpers,
            "need_form": NeedForm() if can_change else None,
            "fill_form": NeedFillForm(actors=Actor.objects.filter(pk__in=fill_ids)) if can_change else None,
            "milestone_form": MilestoneForm() if can_change else None,
            "milestones": project.milestones.all(),
            "updates": project.updates.all()[:20],
            "history": project.stage_changes.select_related("changed_by"),
            "can_change": can_change,
            "can_decide": can_decide,
            "invite_query": invite_query,
            "invite_form": InviteForm(actors=selectors.invite_candidates(project=project, query=invite_query))
            if invite_query
            else None,
            "role_choices": PartnerRole.choices,
            "stage_form": StageForm() if can_change else None,
            "join_form": JoinForm(actors=own_actors) if own_actors.exists() else None,
            "following": user.is_authenticated and project.followers.filter(user=user).exists(),
            "practices": practices_adopted_by(project=project),
        },
    )


def _project_fields(form: ProjectForm) -> dict[str, Any]:
    d = form.cleaned_data
    return {
        "title": d["title"],
        "summary": d["summary"],
        "description": d["description"],
        "area": d["place"],
        "topics": [*d["topics"], *d["sdgs"]],
        "measure_ids": [m.pk for m in d["measures"]],
        "effect_co2_t": d["effect_co2_t"],
        "effect_people": d["effect_people"],
        "budget_eur": d["budget_eur"],
        "funding": d["funding"],
        "is_public": d["is_public"],
    }


@login_required
def project_create(request: HttpRequest) -> HttpResponse:
    form = ProjectForm(request.POST or None, actors=Actor.objects.filter(owner=request.user))
    if request.method == "POST" and form.is_valid():
        try:
            project = services.project_create(
                user=request.user, initiator=form.cleaned_data["initiator"], **_project_fields(form)
            )
        except services.ProjectError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Projektidee angelegt."))
            return redirect("projects:detail", slug=project.slug)
    context = {"form": form, "heading": _("Projektidee einbringen")}
    return render(request, "projects/form.html", context, status=400 if form.errors else 200)


@login_required
def project_edit(request: HttpRequest, slug: str) -> HttpResponse:
    project = _permitted(request, slug)
    topics = list(project.topics.all())
    initial = {
        "title": project.title,
        "summary": project.summary,
        "description": project.description,
        "place": project.area.name,
        "topics": [t for t in topics if t.group == TopicGroup.FIELD],
        "sdgs": [t for t in topics if t.group == TopicGroup.SDG],
        "measures": list(project.measures.all()),
        "effect_co2_t": project.effect_co2_t,
        "effect_people": project.effect_people,
        "budget_eur": project.budget_eur,
        "funding": project.funding,
        "is_public": project.is_public,
    }
    form = ProjectForm(request.POST or None, initial=initial, area=project.area)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_update(project=project, **_project_fields(form))
        except services.ProjectError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Projekt gespeichert."))
            return redirect("projects:detail", slug=project.slug)
    context = {"form": form, "heading": _("Projekt bearbeiten"), "submit_label": _("Speichern")}
    return render(request, "projects/form.html", context, status=400 if form.errors else 200)


def _act(
    request: HttpRequest,
    project: Any,
    action: Callable[[dict[str, Any]], object],
    done: str | Callable[[dict[str, Any]], str],
    *,
    form: Any = None,
    invalid: str = "",
) -> HttpResponse:
    """Runs ``action`` with the valid form's data (or ``{}`` without a form), tells the person how it
    went, and returns to the project page either way."""
    if form is not None and not form.is_valid():
        messages.error(request, invalid)
    else:
        data = form.cleaned_data if form is not None else {}
        try:
            action(data)
            messages.success(request, done(data) if callable(done) else done)
        except services.ProjectError as exc:
            messages.error(request, str(exc))
    return redirect("projects:detail", slug=project.slug)


@login_required
@require_POST
def project_stage(request: HttpRequest, slug: str) -> HttpResponse:
    project = _permitted(request, slug)
    return _act(
        request,
        project,
        lambda d: services.project_advance(
            project=project, user=request.user, to_stage=d["to_stage"], reason=d["reason"]
        ),
        _("Phase geändert."),
        form=StageForm(request.POST),
        invalid=_("Bitte eine gültige Phase wählen."),
    )


@login_required
@require_POST
def project_join(request: HttpRequest, slug: str) -> HttpResponse:
    project = _visible(request, slug)
    return _act(
        request,
        project,
        lambda d: services.partner_request(
            project=project, actor=d["actor"], role=d["role"], user=request.user
        ),
        _("Anfrage gesendet; die Projektleitung entscheidet."),
        form=JoinForm(request.POST, actors=Actor.objects.filter(owner=request.user)),
        invalid=_("Bitte einen eigenen Eintrag und eine Rolle wählen."),
    )


@login_required
@require_POST
def partner_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A request to join is decided by the project lead; an invitation by the invited actor's people."""
    project = _visible(request, slug)
    partner = get_object_or_404(Partner.objects.select_related("actor"), pk=pk, project=project)
    if partner.status == PartnerStatus.INVITED:
        allowed = request.user.is_staff or partner.actor.owner_id == request.user.pk
    else:
        allowed = request.user.has_perm("projects.decide_partner", project)
    if not allowed:
        raise PermissionDenied
    try:
        services.partner_decide(
            partner=partner, user=request.user, accept=request.POST.get("decision") == "accept"
        )
        messages.success(request, _("Entschieden."))
    except services.ProjectError as exc:
        messages.error(request, str(exc))
    return redirect("projects:detail", slug=project.slug)


@login_required
@require_POST
def partner_invite(request: HttpRequest, slug: str) -> HttpResponse:
    project = _permitted(request, slug, "projects.decide_partner")
    return _act(
        request,
        project,
        lambda d: services.partner_invite(
            project=project, actor=d["actor"], role=d["role"], user=request.user
        ),
        lambda d: _("%(name)s ist eingeladen.") % {"name": d["actor"].name},
        form=InviteForm(request.POST, actors=Actor.objects.filter(public_q())),
        invalid=_("Bitte eine öffentlich eingetragene Organisation und eine Rolle wählen."),
    )


@login_required
@require_POST
def need_fill(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    project = _permitted(request, slug)
    need = get_object_or_404(project.needs, pk=pk)
    candidates = Actor.objects.filter(Q(public_q()) | Q(project_roles__project=project)).distinct()
    return _act(
        request,
        project,
        lambda d: services.need_fill(need=need, actor=d["actor"]),
        _("Bedarf als gedeckt eingetragen."),
        form=NeedFillForm(request.POST, actors=candidates),
        invalid=_("Bitte wählen, wer den Bedarf deckt."),
    )


@login_required
@require_POST
def need_add(request: HttpRequest, slug: str) -> HttpResponse:
    project = _permitted(request, slug)
    return _act(
        request,
        project,
        lambda d: services.need_add(project=project, **d),
        _("Bedarf eingetragen."),
        form=NeedForm(request.POST),
        invalid=_("Bitte Kategorie und Titel angeben."),
    )


@login_required
@require_POST
def project_follow(request: HttpRequest, slug: str) -> HttpResponse:
    project = _visible(request, slug)
    follow = request.POST.get("follow") == "1"
    services.follow_set(project=project, user=request.user, follow=follow)
    messages.success(
        request, _("Sie folgen dem Projekt.") if follow else _("Sie folgen dem Projekt nicht mehr.")
    )
    return redirect("projects:detail", slug=project.slug)


@login_required
@require_POST
def project_update(request: HttpRequest, slug: str) -> HttpResponse:
    project = _permitted(request, slug)
    return _act(
        request,
        project,
        lambda _d: services.update_post(
            project=project,
            user=request.user,
            text=request.POST.get("text", "")[:5000],
            base_url=request.build_absolute_uri("/").rstrip("/"),
        ),
        _("Neuigkeit veröffentlicht."),
    )


@login_required
@require_POST
def milestone_add(request: HttpRequest, slug: str) -> HttpResponse:
    project = _permitted(request, slug)
    return _act(
        request,
        project,
        lambda d: services.milestone_add(project=project, **d),
        _("Meilenstein eingetragen."),
        form=MilestoneForm(request.POST),
        invalid=_("Bitte Titel und ein gültiges Datum angeben."),
    )


@login_required
@require_POST
def milestone_done(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    project = _permitted(request, slug)
    services.milestone_done(milestone=get_object_or_404(project.milestones, pk=pk))
    messages.success(request, _("Meilenstein erledigt."))
    return redirect("projects:detail", slug=project.slug)
