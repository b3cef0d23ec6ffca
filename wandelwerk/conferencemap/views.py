"""Map pages: list, map with accessible lists, the area × topic table, GeoJSON; creating and editing."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from wandelwerk.conferencemap import selectors, services
from wandelwerk.conferencemap.forms import MapForm
from wandelwerk.conferencemap.models import ConferenceMap


def get_map(pk: int) -> ConferenceMap:
    cmap = selectors.map_get(pk=pk)
    if cmap is None:
        raise Http404
    return cmap


def refused(request: HttpRequest, message: str, back: str) -> HttpResponse:
    """A contribution the services refused (e.g. a closed map): the reason in words, status 400."""
    return render(request, "conferencemap/refused.html", {"message": message, "back": back}, status=400)


def map_list(request: HttpRequest) -> HttpResponse:
    maps = list(selectors.map_list()[:200])
    can_add = request.user.has_perm("conferencemap.add_map")
    return render(request, "conferencemap/list.html", {"maps": maps, "can_add": can_add})


def _event_visible(cmap: ConferenceMap, user: Any) -> bool:
    if cmap.event_id is None:
        return False
    from wandelwerk.events.selectors import events_visible_to

    return events_visible_to(user).filter(pk=cmap.event_id).exists()


def map_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cmap = get_map(pk)
    links = selectors.map_actor_links(cmap)
    wishes = list(selectors.map_wishes(cmap))
    user = request.user
    context = {
        "cmap": cmap,
        "links": links,
        "clusters": selectors.clusters_by_topic(wishes),
        "wish_count": len(wishes),
        "supported": selectors.supported_by(user, [w.pk for w in wishes]),
        "can_change": user.has_perm("conferencemap.change_map", cmap),
        "show_event": _event_visible(cmap, user),
    }
    return render(request, "conferencemap/detail.html", context)


def map_table(request: HttpRequest, pk: int) -> HttpResponse:
    cmap = get_map(pk)
    topics, rows = selectors.landkarte(cmap)
    return render(request, "conferencemap/table.html", {"cmap": cmap, "topics": topics, "rows": rows})


def map_geojson(request: HttpRequest, pk: int) -> JsonResponse:
    return JsonResponse(selectors.map_features(get_map(pk)), content_type="application/geo+json")


def _form(request: HttpRequest, cmap: ConferenceMap | None) -> MapForm:
    from wandelwerk.events.models import Event
    from wandelwerk.networks.models import Network
    from wandelwerk.networks.selectors import networks_coordinated_by

    user = request.user
    networks = Network.objects.all() if user.is_staff else networks_coordinated_by(user)
    if cmap is not None:
        networks = Network.objects.filter(pk=cmap.network_id)
    events = Event.objects.filter(network__in=networks).order_by("-start")
    initial: dict[str, Any] = {}
    if cmap is not None:
        initial = {
            "title": cmap.title,
            "network": cmap.network_id,
            "area_ags": cmap.area.ags,
            "event": cmap.event_id,
            "description": cmap.description,
            "is_open": cmap.is_open,
        }
    return MapForm(request.POST or None, initial=initial, networks=networks, events=events)


def _save(request: HttpRequest, form: MapForm, cmap: ConferenceMap | None) -> ConferenceMap | None:
    data = form.cleaned_data
    try:
        if cmap is None:
            if not request.user.has_perm("conferencemap.add_map_for", data["network"]):
                raise PermissionDenied
            return services.map_create(
                user=request.user,
                network=data["network"],
                title=data["title"],
                area=data["area_ags"],
                description=data["description"],
                event=data["event"],
                is_open=data["is_open"],
            )
        return services.map_update(
            cmap=cmap,
            title=data["title"],
            area=data["area_ags"],
            description=data["description"],
            event=data["event"],
            is_open=data["is_open"],
        )
    except services.MapError as exc:
        field = {"area": "area_ags"}.get(exc.field or "", exc.field)
        form.add_error(field if field in form.fields else None, exc.message)
        return None


@login_required
def map_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("conferencemap.add_map"):
        raise PermissionDenied
    form = _form(request, None)
    if request.method == "POST" and form.is_valid():
        cmap = _save(request, form, None)
        if cmap is not None:
            messages.success(request, _("Landkarte angelegt."))
            return redirect(cmap)
    return render(request, "conferencemap/form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def map_edit(request: HttpRequest, pk: int) -> HttpResponse:
    cmap = get_map(pk)
    if not request.user.has_perm("conferencemap.change_map", cmap):
        raise PermissionDenied
    form = _form(request, cmap)
    if request.method == "POST" and form.is_valid() and _save(request, form, cmap) is not None:
        messages.success(request, _("Landkarte gespeichert."))
        return redirect(cmap)
    return render(
        request, "conferencemap/form.html", {"form": form, "cmap": cmap}, status=400 if form.errors else 200
    )
