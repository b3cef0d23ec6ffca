"""Pages under /kreislauf/: board, map data, flow detail and forms, methods, region view, matching run."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from wandelwerk.actors.models import Actor
from wandelwerk.circular import selectors, services
from wandelwerk.circular.forms import FlowForm
from wandelwerk.circular.models import FlowStatus, MaterialFlow
from wandelwerk.circular.tables import bars
from wandelwerk.core.csvexport import csv_response
from wandelwerk.engines import circular as engine
from wandelwerk.engines.circular_sankey import SankeyPath, sankey_layout
from wandelwerk.engines.circular_taxonomy import CLASSES, COMPATIBILITY, UNIT_FACTORS
from wandelwerk.networks.models import Network

FLOW_CSV_HEADER = [
    "id", "richtung", "material", "avv", "titel", "akteur", "menge", "einheit", "haeufigkeit",
    "ab", "bis", "gemeinde", "kreis", "breite", "laenge", "zugeordnet_pro_jahr",
]  # fmt: skip


def _flow_row(f: MaterialFlow) -> list[Any]:
    return [
        f.pk, f.direction, f.material, f.avv_display, f.title, f.actor.name, f.quantity, f.unit, f.frequency,
        f.period_start, f.period_end, f.municipality.name, f.county.name, f.lat, f.lon,
        getattr(f, "matched", None),
    ]  # fmt: skip


def board(request: HttpRequest) -> HttpResponse:
    """Offers (outputs) and needs (inputs) with filters, a map and the list; ``?format=csv``."""
    error = ""
    try:
        query = selectors.parse_flow_query(request.GET)
        qs = selectors.flow_filter(user=request.user, query=query)
    except selectors.FlowFilterError as exc:
        error, query, qs = str(exc), selectors.FlowQuery(), MaterialFlow.objects.none()
    if request.GET.get("format") == "csv":
        if error:
            return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
        return csv_response(
            "materialstroeme.csv", FLOW_CSV_HEADER, (_flow_row(f) for f in qs[:10_000]), float_digits=3
        )
    page = Paginator(qs, selectors.PAGE_SIZE).get_page(request.GET.get("page"))
    params = query.params()
    from django.utils.http import urlencode

    context = {
        "page": page,
        "query": query,
        "qs": urlencode(params),
        "error": error,
        "choices": selectors.board_choices(),
        "last_run": selectors.last_run(),
        "materials": selectors.Material.choices,
    }
    return render(request, "circular/board.html", context, status=400 if error else 200)


def flows_geojson(request: HttpRequest) -> JsonResponse:
    """The board's flows with the same filters (at most 2,000) as GeoJSON for the map."""
    try:
        query = selectors.parse_flow_query(request.GET)
        rows = selectors.flow_filter(user=request.user, query=query)[:2000]
        features = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [f.lon, f.lat]},
                "properties": {
                    "id": f.pk,
                    "name": f"{f.get_direction_display().split(' (')[0]}: {f.title} ({f.actor.name})",
                    "direction": f.direction,
                    "material": f.material,
                    "url": f.get_absolute_url(),
                },
            }
            for f in rows
        ]
    except selectors.FlowFilterError as exc:
        return JsonResponse({"detail": str(exc)}, status=400)
    return JsonResponse({"type": "FeatureCollection", "features": features})


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    flow = selectors.flow_get(user=request.user, pk=pk)
    if flow is None:
        raise Http404(_("Materialstrom nicht gefunden."))
    run = selectors.last_run()
    context = {
        "flow": flow,
        "matches": selectors.flow_matches(flow=flow),
        "annual": selectors.flow_annual(flow),
        "last_run": run,
        "stale": selectors.stale(flow, run),
        "can_edit": request.user.has_perm("circular.change_materialflow", flow),
        "closed": flow.status == FlowStatus.CLOSED,
    }
    return render(request, "circular/detail.html", context)


def _save(
    request: HttpRequest, form: FlowForm, *, actor: Actor, flow: MaterialFlow | None
) -> MaterialFlow | None:
    if not form.is_valid():
        return None
    try:
        if flow is None:
            return services.flow_create(actor=actor, data=form.to_data(), user=request.user)
        return services.flow_update(flow=flow, data=form.to_data(), user=request.user)
    except services.FlowError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return None


def _pick_actor(request: HttpRequest) -> HttpResponse:
    """Which actor is the flow for? The user's own actors, and for coordinators a name search."""
    user = request.user
    own = list(Actor.objects.filter(owner=user).order_by("name")[:50])
    found: list[Actor] = []
    q = (request.GET.get("q") or "").strip()[:100]
    if q:
        from wandelwerk.actors.visibility import actors_visible_to

        candidates = actors_visible_to(user).filter(name__icontains=q).select_related("municipality")[:50]
        found = [a for a in candidates if user.has_perm("circular.add_flow_for", a)][:20]
    return render(request, "circular/pick_actor.html", {"own": own, "found": found, "q": q})


@login_required
def create(request: HttpRequest) -> HttpResponse:
    slug = request.GET.get("akteur") or ""
    if not slug:
        return _pick_actor(request)
    actor = get_object_or_404(Actor, slug=slug)
    if not request.user.has_perm("circular.add_flow_for", actor):
        raise PermissionDenied
    form = FlowForm(request.POST or None)
    if request.method == "POST":
        flow = _save(request, form, actor=actor, flow=None)
        if flow is not None:
            messages.success(
                request, _("Materialstrom eingetragen. Passende Partner findet der nächste Abgleich.")
            )
            return redirect(flow)
    return render(request, "circular/form.html", {"form": form, "actor": actor, "flow": None})


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    flow = get_object_or_404(MaterialFlow.objects.select_related("actor"), pk=pk)
    if not request.user.has_perm("circular.change_materialflow", flow):
        raise PermissionDenied
    form = FlowForm(request.POST or None, initial=FlowForm.initial_for(flow))
    if request.method == "POST":
        saved = _save(request, form, actor=flow.actor, flow=flow)
        if saved is not None:
            messages.success(request, _("Änderungen gespeichert."))
            return redirect(saved)
    return render(request, "circular/form.html", {"form": form, "actor": flow.actor, "flow": flow})


@require_POST
@login_required
def close(request: HttpRequest, pk: int) -> HttpResponse:
    flow = get_object_or_404(MaterialFlow.objects.select_related("actor"), pk=pk)
    services.flow_close(flow=flow, user=request.user)
    messages.success(request, _("Materialstrom abgeschlossen; er erscheint nicht mehr auf der Börse."))
    return redirect(flow)


@require_POST
@login_required
def run(request: HttpRequest) -> HttpResponse:
    """Starts a full matching run now (coordinators and staff)."""
    if not request.user.has_perm("circular.run_matching"):
        raise PermissionDenied
    result = services.circular_match_run()
    messages.success(
        request,
        _("Abgleich abgeschlossen: %(n)d Zuordnungen aus %(f)d Strömen.")
        % {"n": result.matches, "f": result.flows},
    )
    target = request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = ""
    return redirect(target or "circular:board")


def methods(request: HttpRequest) -> HttpResponse:
    """Every factor the engine uses, labelled as estimates."""
    params = engine.Params()
    classes = [(c, info) for c, info in CLASSES.items()]
    compat = sorted(((a, b, q) for (a, b), q in COMPATIBILITY.items() if a != b), key=lambda x: (x[0], x[1]))
    context = {
        "classes": classes,
        "compat": compat,
        "units": sorted(UNIT_FACTORS.items()),
        "params": params,
        "truck": engine.TRUCK_KG_CO2E_PER_TKM,
        "detour": engine.ROAD_DETOUR_FACTOR,
    }
    return render(request, "circular/methods.html", context)


SANKEY_COLUMNS = (_lazy("Material"), _lazy("Herkunftskreis"), _lazy("Zielkreis"), _lazy("Verwendung"))


def region(request: HttpRequest, slug: str) -> HttpResponse:
    """A network's potentials (unmatched supply per county), value chains (Sankey) and totals."""
    network = get_object_or_404(Network, slug=slug)
    data = selectors.region_potentials(network=network)
    table = request.GET.get("table", "")
    if request.GET.get("format") == "csv":
        if table == "potentials":
            header = ["kreis_ags", "kreis", "material", "einheit", "angebot_pro_jahr", "ungenutzt_pro_jahr"]
            rows = (
                [r.county_ags, r.county_name, r.material, r.unit, r.offered, r.unmatched] for r in data.rows
            )
            return csv_response(f"{slug}-potenziale.csv", header, rows, float_digits=3)
        if table == "chains":
            header = ["material", "von_kreis", "nach_kreis", "verwendung", "einheit", "menge_pro_jahr",
                      "zuordnungen", "netto_kg_co2e"]  # fmt: skip
            rows = (
                [
                    c.material_label,
                    c.from_county,
                    c.to_county,
                    c.use,
                    c.unit,
                    c.quantity,
                    c.matches,
                    c.net_kg_co2e,
                ]
                for c in data.chains
            )
            return csv_response(f"{slug}-wertschoepfungsketten.csv", header, rows, float_digits=3)
        if table == "counties":
            header = ["kreis_ags", "kreis", "ungenutzt_t_pro_jahr", "angebote"]
            rows = ([c.ags, c.name, c.unmatched_t, c.offers] for c in data.counties)
            return csv_response(f"{slug}-kreise.csv", header, rows, float_digits=3)
        return HttpResponse(
            _("Unbekannte Tabelle: potentials, chains oder counties."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    tonnes = [c for c in data.chains if c.unit == "t"]
    sankey = sankey_layout(
        [SankeyPath((c.material_label, c.from_county, c.to_county, c.use), c.quantity) for c in tonnes],
        columns=[str(c) for c in SANKEY_COLUMNS],
        width=1000.0,
        label_room=140.0,
        right_room=230.0,
    )
    context = {
        "network": network,
        "data": data,
        "bars": bars([(c.name, c.unmatched_t) for c in data.counties]),
        "bars_height": 26 * len(data.counties) + 8,
        "sankey": sankey,
        "sankey_rows": tonnes,
        "other_chains": [c for c in data.chains if c.unit != "t"],
        "can_run": request.user.has_perm("circular.run_matching"),
        "net_t": data.net_kg_co2e / 1000,
    }
    return render(request, "circular/region.html", context)
