"""Public pages of idea contests: overview, contest with timeline, idea page, images, voting, results."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wandelwerk.geo.selectors import geocode
from wandelwerk.moderation.selectors import is_hidden, visible_q
from wandelwerk.participation import selectors, services
from wandelwerk.participation.forms import CommentForm, IdeaForm, VoteForm, form_started
from wandelwerk.participation.images import ImageError
from wandelwerk.participation.models import PHASE_LABELS, Comment, Contest, IdeaImage
from wandelwerk.participation.rules import has_verified_email

SUBMISSIONS_PER_HOUR = 5


def _contest(slug: str) -> Contest:
    contest = selectors.contest_get(slug=slug)
    if contest is None:
        raise Http404
    return contest


def contest_list(request: HttpRequest) -> HttpResponse:
    return render(request, "participation/list.html", {"contests": selectors.contests()})


def _timeline(contest: Contest) -> list[dict[str, object]]:
    phase = contest.phase
    return [
        {
            "name": s.name,
            "label": PHASE_LABELS[s.name],
            "start": s.start,
            "end": s.end,
            "current": s.name == phase,
        }
        for s in contest.spans()
    ]


def contest_detail(request: HttpRequest, slug: str) -> HttpResponse:
    contest = _contest(slug)
    user = request.user
    phase = contest.phase
    ideas = list(selectors.published_ideas(contest))
    return render(
        request,
        "participation/contest.html",
        {
            "contest": contest,
            "phase": phase,
            "timeline": _timeline(contest),
            "ideas": ideas,
            "show_counts": phase in ("jury", "results"),
            "voted": selectors.voted_idea_ids(contest=contest, user=user),
            "votes_left": selectors.votes_left(contest=contest, user=user) if phase == "voting" else 0,
            "vote_started": form_started(),
            "my_ideas": selectors.ideas_of(contest=contest, user=user),
            "verified": has_verified_email(user),
            "can_change": user.has_perm("participation.change_contest", contest),
            "is_jury": user.has_perm("participation.score_contest", contest),
        },
    )


def idea_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    contest = _contest(slug)
    idea = selectors.idea_for_page(contest=contest, pk=pk)
    if idea is None or not request.user.has_perm("participation.view_idea", idea):
        raise Http404
    user = request.user
    if is_hidden(idea) and not user.has_perm("participation.moderate_contest", contest):
        raise Http404
    phase = contest.phase
    return render(
        request,
        "participation/idea.html",
        {
            "contest": contest,
            "idea": idea,
            "phase": phase,
            "voted": idea.pk in selectors.voted_idea_ids(contest=contest, user=user),
            "vote_started": form_started(),
            "comments": idea.comments.filter(visible_q(Comment)) if idea.status == "published" else [],
            "comment_form": CommentForm()
            if has_verified_email(user) and idea.status == "published"
            else None,
            "is_jury": phase == "jury" and user.has_perm("participation.score_contest", contest),
            "can_moderate": user.has_perm("participation.moderate_contest", contest),
        },
    )


def idea_image(request: HttpRequest, slug: str, pk: int, image_id: int) -> FileResponse:
    contest = _contest(slug)
    idea = selectors.idea_for_page(contest=contest, pk=pk)
    if idea is None or not request.user.has_perm("participation.view_idea", idea):
        raise Http404
    image = IdeaImage.objects.filter(idea=idea, pk=image_id).first()
    if image is None:
        raise Http404
    response = FileResponse(image.file.open("rb"), content_type=image.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _too_many_submissions(user_id: int) -> bool:
    key = f"participation:submissions:{user_id}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > SUBMISSIONS_PER_HOUR


@login_required
def idea_submit(request: HttpRequest, slug: str) -> HttpResponse:
    contest = _contest(slug)
    blocked = ""
    if not has_verified_email(request.user):
        blocked = _("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse, um Ideen einzureichen.")
    elif contest.phase != "submission":
        blocked = _("Ideen können nur während der Einreichungsphase eingereicht werden.")
    form = IdeaForm(request.POST or None, contest=contest, initial={"started": form_started()})
    status = 200
    if request.method == "POST" and not blocked and form.is_valid():
        hits = geocode(query=form.cleaned_data["place"], limit=1)
        if not hits:
            form.add_error("place", _("Diesen Ort oder diese Postleitzahl kennen wir nicht."))
        elif _too_many_submissions(request.user.pk):
            blocked = _(
                "Sie haben in der letzten Stunde schon %(n)s Ideen eingereicht. "
                "Bitte versuchen Sie es später."
            ) % {"n": SUBMISSIONS_PER_HOUR}
            status = 429
        else:
            uploads = [
                services.Upload(name=f.name or "", size=f.size or 0, stream=f)
                for f in request.FILES.getlist("images")
            ]
            try:
                idea = services.idea_submit(
                    contest=contest,
                    author=request.user,
                    title=form.cleaned_data["title"],
                    description=form.cleaned_data["description"],
                    category=form.cleaned_data["category"],
                    place=hits[0],
                    place_label=hits[0].area.name,
                    team=form.cleaned_data["team"],
                    images=uploads,
                )
            except (services.ContestError, ValueError) as exc:
                field = getattr(exc, "field", None)
                if field in form.fields:
                    form.add_error(field, str(exc))
                elif field == "images" or isinstance(exc, ImageError):
                    # images have no form field of their own (several files in one input)
                    form.add_error(None, _("Bilder: %(error)s") % {"error": exc})
                else:
                    form.add_error(None, str(exc))
            else:
                messages.success(request, _("Danke! Ihre Idee wird geprüft und dann veröffentlicht."))
                return redirect(idea.get_absolute_url())
    if request.method == "POST" and (blocked or form.errors):
        status = status if status != 200 else (403 if blocked else 400)
    return render(
        request,
        "participation/submit.html",
        {"contest": contest, "form": form, "blocked": blocked},
        status=status,
    )


@login_required
@require_POST
def vote(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    contest = _contest(slug)
    idea = selectors.idea_for_page(contest=contest, pk=pk)
    if idea is None or idea.status != "published":
        raise Http404
    withdraw = request.POST.get("action") == "withdraw"
    form = VoteForm(request.POST)
    try:
        if withdraw:
            services.vote_withdraw(idea=idea, voter=request.user)
            messages.success(request, _("Ihre Stimme wurde zurückgezogen."))
        elif not form.is_valid():
            messages.error(request, " ".join(form.non_field_errors()) or _("Die Stimme wurde nicht gezählt."))
        else:
            services.vote_cast(idea=idea, voter=request.user)
            messages.success(request, _("Ihre Stimme für „%(title)s“ wurde gezählt.") % {"title": idea.title})
    except services.ContestError as exc:
        messages.error(request, exc.message)
    target = request.POST.get("next") or ""
    return redirect(idea.get_absolute_url() if target != "contest" else contest.get_absolute_url() + "#ideen")


@login_required
@require_POST
def comment(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    contest = _contest(slug)
    idea = selectors.idea_for_page(contest=contest, pk=pk)
    if idea is None:
        raise Http404
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(idea=idea, author=request.user, text=form.cleaned_data["text"])
            messages.success(request, _("Ihr Kommentar wurde veröffentlicht."))
        except services.ContestError as exc:
            messages.error(request, exc.message)
    else:
        messages.error(request, _("Kommentar: bitte Text eingeben (höchstens 2000 Zeichen)."))
    return redirect(idea.get_absolute_url() + "#kommentare")


def results(request: HttpRequest, slug: str) -> HttpResponse:
    contest = _contest(slug)
    can_change = request.user.has_perm("participation.change_contest", contest)
    if contest.phase != "results" and not can_change:
        raise Http404
    return render(
        request,
        "participation/results.html",
        {"contest": contest, "ranking": selectors.results_for(contest), "can_change": can_change},
    )
