"""Contributions (link or propose actors, wishes, support, comments) and coordinators' conversions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wandelwerk.actors.models import Actor
from wandelwerk.conferencemap import selectors, services
from wandelwerk.conferencemap.forms import (
    CommentForm,
    ConsultingConvertForm,
    LinkForm,
    ProjectConvertForm,
    ProposeForm,
    SupportForm,
    WishForm,
)
from wandelwerk.conferencemap.models import Comment, MapActor, Wish, WishStatus
from wandelwerk.conferencemap.views import get_map, refused
from wandelwerk.geo.models import Area


def get_wish(pk: int) -> Wish:
    wish = selectors.wish_get(pk=pk)
    if wish is None:
        raise Http404
    return wish


def _add_error(form: object, exc: services.MapError) -> None:
    fields = getattr(form, "fields", {})
    form.add_error(exc.field if exc.field in fields else None, exc.message)  # type: ignore[attr-defined]


def wish_detail(request: HttpRequest, pk: int) -> HttpResponse:
    wish = get_wish(pk)
    user = request.user
    context = {
        "wish": wish,
        "cmap": wish.map,
        "comments": selectors.wish_comments(wish),
        "offers": selectors.help_offers(wish),
        "supported": bool(selectors.supported_by(user, [wish.pk])),
        "support_form": SupportForm(),
        "comment_form": CommentForm(),
        "can_change": user.has_perm("conferencemap.change_wish", wish),
        "can_convert": wish.status == WishStatus.OPEN and user.has_perm("conferencemap.convert_wish", wish),
        "can_moderate": user.has_perm("conferencemap.change_map", wish.map),
        "project_form": ProjectConvertForm(),
        "consulting_form": ConsultingConvertForm(),
        "show_project": wish.project is not None and user.has_perm("projects.view_project", wish.project),
        "show_case": wish.consulting_request is not None
        and user.has_perm("consulting.view_case", wish.consulting_request),
    }
    return render(request, "conferencemap/wish.html", context)


@login_required
def actor_search(request: HttpRequest, pk: int) -> HttpResponse:
    """Find public actors in the map's area by name and link them ("gibt es schon")."""
    cmap = get_map(pk)
    q = request.GET.get("q", "")
    if request.method == "POST":
        form = LinkForm(request.POST)
        actor = Actor.objects.filter(pk=form.data.get("actor") or 0).first() if form.is_valid() else None
        if actor is None:
            return refused(request, _("Diesen Eintrag gibt es nicht."), cmap.get_absolute_url())
        try:
            services.actor_link(cmap=cmap, user=request.user, actor=actor)
        except services.MapError as exc:
            return refused(request, exc.message, cmap.get_absolute_url())
        messages.success(request, _("„%(name)s“ steht jetzt auf der Landkarte.") % {"name": actor.name})
        return redirect(cmap)
    candidates = selectors.actor_candidates(cmap, q=q)
    return render(request, "conferencemap/actors.html", {"cmap": cmap, "q": q, "candidates": candidates})


@login_required
@require_POST
def actor_unlink(request: HttpRequest, pk: int) -> HttpResponse:
    link = get_object_or_404(MapActor.objects.select_related("map__network"), pk=pk)
    if not request.user.has_perm("conferencemap.remove_link", link):
        raise PermissionDenied
    services.actor_unlink(link=link)
    messages.success(request, _("Verknüpfung entfernt."))
    return redirect(link.map)


@login_required
def actor_propose(request: HttpRequest, pk: int) -> HttpResponse:
    cmap = get_map(pk)
    form = ProposeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.actor_propose(
                cmap=cmap,
                user=request.user,
                name=data["name"],
                kind=data["kind"],
                place=data["place"],
                topic=data["topic"],
            )
        except services.MapError as exc:
            _add_error(form, exc)
        else:
            messages.success(
                request,
                _("Danke! Der Vorschlag wird geprüft und erscheint nach der Freigabe auf der Landkarte."),
            )
            return redirect(cmap)
    return render(
        request,
        "conferencemap/propose.html",
        {"cmap": cmap, "form": form},
        status=400 if form.errors else 200,
    )


def _areas(cmap: object) -> object:
    area = cmap.area  # type: ignore[attr-defined]
    return (
        Area.objects.filter(pk__in=[a.pk for a in selectors.sub_areas(area)])
        .only("id", "name")
        .order_by("name")
    )


def _wish_form(request: HttpRequest, wish: Wish | None, cmap: object) -> HttpResponse | Wish:
    initial = {}
    if wish is not None:
        initial = {
            "title": wish.title,
            "topic": wish.topic_id,
            "area": wish.area_id,
            "description": wish.description,
            "help_role": wish.help_role,
        }
    form = WishForm(request.POST or None, initial=initial, areas=_areas(cmap))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {
            "title": data["title"],
            "topic": data["topic"],
            "description": data["description"],
            "area": form.chosen_area(),
            "help_role": data["help_role"],
        }
        try:
            if wish is None:
                return services.wish_create(cmap=cmap, user=request.user, **fields)  # type: ignore[arg-type]
            by_manager = request.user.has_perm("conferencemap.change_map", wish.map)
            return services.wish_update(wish=wish, by_manager=by_manager, **fields)
        except services.MapError as exc:
            _add_error(form, exc)
    context = {"cmap": cmap, "form": form, "wish": wish}
    return render(request, "conferencemap/wish_form.html", context, status=400 if form.errors else 200)


@login_required
def wish_create(request: HttpRequest, pk: int) -> HttpResponse:
    result = _wish_form(request, None, get_map(pk))
    if isinstance(result, Wish):
        messages.success(request, _("Danke! Ihr Wunsch steht auf der Landkarte."))
        return redirect(result)
    return result


@login_required
def wish_edit(request: HttpRequest, pk: int) -> HttpResponse:
    wish = get_wish(pk)
    if not request.user.has_perm("conferencemap.change_wish", wish):
        raise PermissionDenied
    result = _wish_form(request, wish, wish.map)
    if isinstance(result, Wish):
        messages.success(request, _("Wunsch gespeichert."))
        return redirect(result)
    return result


@login_required
@require_POST
def wish_support(request: HttpRequest, pk: int) -> HttpResponse:
    wish = get_wish(pk)
    form = SupportForm(request.POST)
    role = form.cleaned_data["help_role"] if form.is_valid() else "invalid"
    try:
        if request.POST.get("action") == "remove":
            services.wish_unsupport(wish=wish, user=request.user)
            messages.success(request, _("Unterstützung zurückgenommen."))
        else:
            services.wish_support(wish=wish, user=request.user, help_role=role)
            messages.success(request, _("Danke für Ihre Unterstützung!"))
    except services.MapError as exc:
        return refused(request, exc.message, wish.get_absolute_url())
    return redirect(wish)


@login_required
@require_POST
def comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    wish = get_wish(pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return refused(
            request, _("Kommentar: %(e)s") % {"e": form.errors["text"][0]}, wish.get_absolute_url()
        )
    try:
        comment = services.comment_create(wish=wish, user=request.user, text=form.cleaned_data["text"])
    except services.MapError as exc:
        return refused(request, exc.message, wish.get_absolute_url())
    return redirect(comment)


@login_required
@require_POST
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("wish__map__network"), pk=pk)
    if not request.user.has_perm("conferencemap.delete_comment", comment):
        raise PermissionDenied
    services.comment_delete(comment=comment)
    messages.success(request, _("Kommentar gelöscht."))
    return redirect(comment.wish)


@login_required
@require_POST
def wish_to_project(request: HttpRequest, pk: int) -> HttpResponse:
    wish = get_wish(pk)
    if not request.user.has_perm("conferencemap.convert_wish", wish):
        raise PermissionDenied
    form = ProjectConvertForm(request.POST)
    form.is_valid()
    try:
        project = services.wish_to_project(
            wish=wish, user=request.user, is_public=form.cleaned_data.get("is_public", False)
        )
    except services.MapError as exc:
        return refused(request, exc.message, wish.get_absolute_url())
    messages.success(request, _("Projektidee „%(title)s“ angelegt.") % {"title": project.title})
    return redirect("projects:detail", slug=project.slug)


@login_required
@require_POST
def wish_to_consulting(request: HttpRequest, pk: int) -> HttpResponse:
    wish = get_wish(pk)
    if not request.user.has_perm("conferencemap.convert_wish", wish):
        raise PermissionDenied
    form = ConsultingConvertForm(request.POST)
    if not form.is_valid():
        return refused(request, _("Ort: %(e)s") % {"e": form.errors["place"][0]}, wish.get_absolute_url())
    try:
        services.wish_to_consulting(
            wish=wish,
            user=request.user,
            area=form.cleaned_data["place"],
            base_url=f"{request.scheme}://{request.get_host()}",
        )
    except services.MapError as exc:
        return refused(request, exc.message, wish.get_absolute_url())
    messages.success(request, _("Beratungsanfrage gestellt."))
    return redirect(wish)
