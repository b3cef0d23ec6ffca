from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wandelwerk.actors.models import Actor
from wandelwerk.projects import selectors, services
from wandelwerk.projects.forms import (
    JoinForm,
    MilestoneForm,
    NeedForm,
    ProjectForm,
    StageForm,
)
from wandelwerk.projects.models import Partner, PartnerStatus, Stage


def project_list(request: HttpRequest) -> HttpResponse:
    try:
        query = selectors.parse_project_query(request.GET)
        qs = selectors.project_filter(user=request.user, query=query)
        error = ""
    except selectors.ProjectFilterError as exc:
        query, qs, error = selectors.ProjectQuery(), selectors.projects_visible_to(None).none(), exc.message
    page = Paginator(selectors.project_list_page(qs), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "projects/list.html",
        {"page": page, "query": query, "stages": Stage.choices, "error": error},
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
    partners = list(project.partners.select_related("actor"))
    own_actors = (
        Actor.objects.filter(owner=request.user) if request.user.is_authenticated else Actor.objects.none()
    )
    can_change = request.user.has_perm("projects.change_project", project)
    return render(
        request,
        "projects/detail.html",
        {
            "project": project,
            "partners": [p for p in partners if p.status == PartnerStatus.ACCEPTED],
            "pending": [p for p in partners if p.status in (PartnerStatus.REQUESTED, PartnerStatus.INVITED)]
            if request.user.has_perm("projects.decide_partner", project)
            else [],
            "needs": project.needs.select_related("filled_by"),
            "helpers": selectors.helpers_for(project=project),
            "need_form": NeedForm() if can_change else None,
            "milestone_form": MilestoneForm() if can_change else None,
            "milestones": project.milestones.all(),
            "updates": project.updates.all()[:20],
            "history": project.stage_changes.select_related("changed_by"),
            "can_change": can_change,
            "stage_form": StageForm() if can_change else None,
            "join_form": JoinForm(actors=own_actors) if own_actors.exists() else None,
            "following": request.user.is_authenticated
            and project.followers.filter(user=request.user).exists(),
        },
    )


@login_required
def project_create(request: HttpRequest) -> HttpResponse:
    form = ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            project = services.project_create(
                user=request.user,
                title=d["title"],
                summary=d["summary"],
                description=d["description"],
                area=d["place"],
                topics=list(d["topics"]),
                measure_ids=[m.pk for m in d["measures"]],
                effect_co2_t=d["effect_co2_t"],
                effect_people=d["effect_people"],
                is_public=d["is_public"],
            )
        except services.ProjectError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Projektidee angelegt."))
            return redirect("projects:detail", slug=project.slug)
    context = {"form": form, "heading": _("Projektidee einbringen")}
    return render(request, "projects/form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def project_stage(request: HttpRequest, slug: str) -> HttpResponse:
    project = _permitted(request, slug)
    form = StageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bitte eine gültige Phase wählen."))
    else:
        try:
            services.project_advance(
                project=project,
                user=request.user,
                to_stage=form.cleaned_data["to_stage"],
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("Phase geändert."))
        except services.ProjectError as exc:
            messages.error(request, str(exc))
    return redirect("projects:detail", slug=project.slug)


@login_required
@require_POST
def project_join(request: HttpRequest, slug: str) -> HttpResponse:
    project = _visible(request, slug)
    form = JoinForm(request.POST, actors=Actor.objects.filter(owner=request.user))
    if not form.is_valid():
        messages.error(request, _("Bitte einen eigenen Eintrag und eine Rolle wählen."))
    else:
        try:
            services.partner_request(
                project=project,
                actor=form.cleaned_data["actor"],
                role=form.cleaned_data["role"],
                user=request.user,
            )
            messages.success(request, _("Anfrage gesendet; die Projektleitung entscheidet."))
        except services.ProjectError as exc:
            messages.error(request, str(exc))
    return redirect("projects:detail", slug=project.slug)


@login_required
@require_POST
def partner_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    project = _permitted(request, slug, "projects.decide_partner")
    partner = get_object_or_404(Partner, pk=pk, project=project)
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
def need_add(request: HttpRequest, slug: str) -> HttpResponse:
    project = _permitted(request, slug)
    form = NeedForm(request.POST)
    if form.is_valid():
        services.need_add(project=project, **form.cleaned_data)
        messages.success(request, _("Bedarf eingetragen."))
    else:
        messages.error(request, _("Bitte Kategorie und Titel angeben."))
    return redirect("projects:detail", slug=project.slug)


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
    try:
        services.update_post(
            project=project,
            user=request.user,
            text=request.POST.get("text", "")[:5000],
            base_url=request.build_absolute_uri("/").rstrip("/"),
        )
        messages.success(request, _("Neuigkeit veröffentlicht."))
    except services.ProjectError as exc:
        messages.error(request, str(exc))
    return redirect("projects:detail", slug=project.slug)


@login_required
@require_POST
def milestone_add(request: HttpRequest, slug: str) -> HttpResponse:
    project = _permitted(request, slug)
    form = MilestoneForm(request.POST)
    if form.is_valid():
        services.milestone_add(project=project, **form.cleaned_data)
        messages.success(request, _("Meilenstein eingetragen."))
    else:
        messages.error(request, _("Bitte Titel und ein gültiges Datum angeben."))
    return redirect("projects:detail", slug=project.slug)


@login_required
@require_POST
def milestone_done(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    project = _permitted(request, slug)
    services.milestone_done(milestone=get_object_or_404(project.milestones, pk=pk))
    messages.success(request, _("Meilenstein erledigt."))
    return redirect("projects:detail", slug=project.slug)
