"""Pages for coordinators (contest setup, moderation, export, idea → project) and the jury."""

from __future__ import annotations

import csv

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wandelwerk.engines.tabular import neutralise
from wandelwerk.networks.models import Membership, Network, Role
from wandelwerk.participation import selectors, services
from wandelwerk.participation.forms import ContestForm, ModerateForm
from wandelwerk.participation.models import Contest, Idea, IdeaStatus
from wandelwerk.participation.views import _contest


def _networks_for(user) -> object:  # type: ignore[no-untyped-def]
    if user.is_staff:
        return Network.objects.all()
    ids = Membership.objects.filter(user=user, role=Role.COORDINATOR).values("network_id")
    return Network.objects.filter(pk__in=ids) | Network.objects.filter(parent_id__in=ids)


def _require(request: HttpRequest, perm: str, contest: Contest | None = None) -> None:
    if not request.user.has_perm(perm, contest):
        raise PermissionDenied


@login_required
def contest_edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    contest = _contest(slug) if slug else None
    _require(request, "participation.change_contest" if contest else "participation.add_contest", contest)
    initial = {}
    if contest is not None:
        initial = {
            "categories_text": "\n".join(c.name for c in contest.categories.all()),
            "criteria_text": "\n".join(f"{c.name}; {c.weight}" for c in contest.criteria.all()),
            "jury_text": "\n".join(u.email for u in contest.jury.all()),
        }
    form = ContestForm(
        request.POST or None, instance=contest, initial=initial, networks=_networks_for(request.user)
    )
    jury = form.jury_members() if request.method == "POST" and form.is_valid() else None
    if request.method == "POST" and form.is_valid() and jury is not None:
        try:
            saved = services.contest_save(
                contest=form.save(commit=False),
                user=request.user,
                categories=form.categories(),
                criteria=form.criteria(),
                jury=jury,
            )
        except services.ContestError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        except forms.ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Der Wettbewerb wurde gespeichert."))
            return redirect(saved.get_absolute_url())
    return render(
        request,
        "participation/contest_form.html",
        {"form": form, "contest": contest},
        status=400 if form.errors else 200,
    )


@login_required
def moderation_queue(request: HttpRequest, slug: str) -> HttpResponse:
    contest = _contest(slug)
    _require(request, "participation.moderate_contest", contest)
    if request.method == "POST":
        idea = Idea.objects.filter(contest=contest, pk=request.POST.get("idea") or 0).first()
        form = ModerateForm(request.POST)
        if idea is None:
            raise Http404
        if form.is_valid():
            try:
                services.idea_moderate(
                    idea=idea,
                    user=request.user,
                    publish=form.cleaned_data["decision"] == "publish",
                    reason=form.cleaned_data["reason"],
                )
                messages.success(request, _("„%(title)s“ wurde geprüft.") % {"title": idea.title})
            except services.ContestError as exc:
                messages.error(request, f"„{idea.title}“: {exc.message}")
        return redirect("participation:moderation", slug=contest.slug)
    return render(
        request,
        "participation/moderation.html",
        {"contest": contest, "ideas": selectors.pending_ideas(contest), "form": ModerateForm()},
    )


@login_required
def jury_score(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    contest = _contest(slug)
    _require(request, "participation.score_contest", contest)
    idea = Idea.objects.filter(contest=contest, pk=pk, status=IdeaStatus.PUBLISHED).first()
    if idea is None:
        raise Http404
    criteria = list(contest.criteria.all())
    error = ""
    if request.method == "POST":
        values: dict[int, int] = {}
        for c in criteria:
            raw = (request.POST.get(f"criterion_{c.pk}") or "").strip()
            if raw.isdigit():
                values[c.pk] = int(raw)
        try:
            services.scores_submit(idea=idea, member=request.user, values=values)
            messages.success(request, _("Ihre Bewertung wurde gespeichert."))
            return redirect("participation:jury", slug=contest.slug, pk=idea.pk)
        except services.ContestError as exc:
            error = exc.message
    return render(
        request,
        "participation/jury.html",
        {
            "contest": contest,
            "idea": idea,
            "criteria": criteria,
            "scored": selectors.has_scored(idea=idea, member=request.user),
            "scores": selectors.scores_visible_to(idea=idea, member=request.user),
            "error": error,
            "range": range(11),
        },
        status=400 if error else 200,
    )


@login_required
def results_csv(request: HttpRequest, slug: str) -> HttpResponse:
    contest = _contest(slug)
    _require(request, "participation.change_contest", contest)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ergebnisse-{contest.slug}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        ["Rang", "Titel", "Kategorie", "Ort", "Stimmen", "Jury", "Publikum", "Gesamt", "Gewinner"]
    )
    for r, idea in selectors.results_for(contest):
        writer.writerow(
            [
                r.rank,
                neutralise(idea.title),
                neutralise(idea.category.name),
                neutralise(idea.place),
                r.votes,
                f"{r.jury:.3f}",
                f"{r.public:.3f}",
                f"{r.total:.3f}",
                "ja" if r.winner else "",
            ]
        )
    return response


@login_required
@require_POST
def idea_to_project(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    contest = _contest(slug)
    _require(request, "participation.change_contest", contest)
    idea = Idea.objects.filter(contest=contest, pk=pk).select_related("area", "contest").first()
    if idea is None:
        raise Http404
    try:
        project = services.idea_to_project(idea=idea, user=request.user)
    except services.ContestError as exc:
        messages.error(request, exc.message)
        return redirect("participation:results", slug=contest.slug)
    messages.success(request, _("Das Projekt wurde als Entwurf angelegt."))
    return redirect("projects:detail", slug=project.slug)
