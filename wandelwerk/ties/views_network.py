"""The network structure page per Network (figures, findings, tables, graph), its CSVs and graph JSON.

Everyone sees the structure among public actors; coordinators of the network (and staff) also count
the members-only actors of its areas, and the page says so.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wandelwerk.core.csvexport import csv_response
from wandelwerk.geo.models import Area
from wandelwerk.networks.models import Network
from wandelwerk.networks.selectors import network_list
from wandelwerk.ties.analysis import AreaScope, NetworkAnalysis, network_analysis
from wandelwerk.ties.derivation import EVENT_WEIGHT, GROUP_WEIGHT, PROJECT_WEIGHT
from wandelwerk.ties.findings import findings
from wandelwerk.ties.graph import MAX_CONNECTED, MAX_ISOLATED, graph_payload
from wandelwerk.ties.models import NetworkSnapshot

TABLES = ("akteure", "vermittler", "isolierte", "gruppen", "verlauf")


def _members(request: HttpRequest, network: Network) -> bool:
    return bool(
        request.user.is_authenticated and request.user.has_perm("ties.see_members_in_network", network)
    )


@require_GET
def network_index(request: HttpRequest) -> HttpResponse:
    return render(request, "ties/index.html", {"networks": network_list()})


def _pct(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.0f} %".replace(".", ",")


def _num(value: float, digits: int = 3) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def _plain(value: Any) -> Any:
    """Snapshot figures as stored (shares like 0.4912 stay in the file's point notation)."""
    return str(value) if isinstance(value, float) else value


def _table_csv(prefix: str, a: NetworkAnalysis, table: str, snapshots: list[NetworkSnapshot]) -> HttpResponse:
    name = f"{prefix}-{table}-{a.at.isoformat()}.csv"
    yes_no = {True: "ja", False: "nein"}
    if table == "vermittler":
        return csv_response(
            name,
            [
                "Akteur",
                "Sektor",
                "Betweenness",
                "Beziehungen",
                "verbundene Gruppen",
                "Teile ohne ihn",
                "abgeschnitten",
            ],
            (
                [
                    b.actor.name,
                    b.actor.sector_label,
                    _num(b.betweenness, 4),
                    b.degree,
                    b.communities_linked,
                    b.pieces_if_removed,
                    b.cut_off,
                ]
                for b in a.brokers
            ),
        )
    if table == "isolierte":
        return csv_response(
            name,
            ["Akteur", "Sektor", "Siedlungstyp", "nur für Mitglieder"],
            (
                [r.name, r.sector_label, _settlement_label(r.settlement), yes_no[r.members_only]]
                for r in a.rows
                if r.isolated
            ),
        )
    if table == "gruppen":
        return csv_response(
            name,
            ["Gruppe", "Akteure", "häufigster Sektor", "am besten vernetzt"],
            (
                [c.number, c.size, c.main_sector, ", ".join(r.name for r in c.examples)]
                for c in a.community_rows
            ),
        )
    if table == "verlauf":
        keys = list(a.figures())
        now = [_("jetzt"), *[_plain(a.figures()[k]) for k in keys]]
        return csv_response(
            name,
            ["Stichtag", *keys],
            [now, *([s.date.isoformat(), *[_plain(s.figures.get(k, "")) for k in keys]] for s in snapshots)],
        )
    return csv_response(
        name,
        [
            "Akteur",
            "Sektor",
            "Siedlungstyp",
            "Beziehungen",
            "Gewicht",
            "Betweenness",
            "Gruppe",
            "Teilnetz",
            "Vermittler",
            "nur für Mitglieder",
        ],
        (
            [
                r.name,
                r.sector_label,
                _settlement_label(r.settlement),
                r.degree,
                _num(r.weighted, 2),
                _num(r.betweenness, 4),
                r.community if not r.isolated else "",
                r.component,
                yes_no[r.is_broker],
                yes_no[r.members_only],
            ]
            for r in a.rows
        ),
    )


def _settlement_label(value: str) -> str:
    return {"urban": _("städtisch"), "rural": _("ländlich")}.get(value, _("unbekannt"))


def _structure_page(
    request: HttpRequest,
    *,
    scope: Any,
    members: bool,
    csv_prefix: str,
    back: tuple[str, str],
    graph_url: str,
    snapshots: list[NetworkSnapshot],
) -> HttpResponse:
    analysis = network_analysis(network=scope, members=members)
    table = request.GET.get("table", "akteure")
    if request.GET.get("format") == "csv":
        return _table_csv(csv_prefix, analysis, table if table in TABLES else "akteure", snapshots)
    now = analysis.figures()
    history = [{"label": _("jetzt"), "figures": now}] + [
        {"label": s.date.strftime("%d.%m.%Y"), "figures": s.figures} for s in snapshots
    ]
    context = {
        "scope_name": scope.name,
        "back_url": back[0],
        "back_label": back[1],
        "graph_url": graph_url,
        "is_area": isinstance(scope, AreaScope),
        "a": analysis,
        "members": members,
        "findings": findings(analysis),
        "top_rows": analysis.rows[:50],
        "isolated_rows": [r for r in analysis.rows if r.isolated][:200],
        "history": history,
        "cross_sector": _pct(analysis.cross_sector),
        "urban_rural": _pct(analysis.urban_rural),
        "density": _num(analysis.density * 100, 2),
        "modularity": _num(analysis.modularity, 2),
        "weights": {"project": PROJECT_WEIGHT, "group": GROUP_WEIGHT, "event": EVENT_WEIGHT},
        "max_connected": MAX_CONNECTED,
        "max_isolated": MAX_ISOLATED,
    }
    return render(request, "ties/network.html", context)


@require_GET
def network_structure(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_object_or_404(Network, slug=slug)
    return _structure_page(
        request,
        scope=network,
        members=_members(request, network),
        csv_prefix=f"netzwerk-{network.slug}",
        back=(reverse("networks:detail", args=[network.slug]), _("Zur Netzwerkseite")),
        graph_url=reverse("ties:graph", args=[network.slug]),
        snapshots=list(NetworkSnapshot.objects.filter(network=network).order_by("-date")[:24]),
    )


def _area_scope(ags: str) -> AreaScope:
    area = get_object_or_404(Area.objects.only("id", "ags", "name", "kind", "parent_id"), ags=ags)
    return AreaScope(area)


def _members_in_area(request: HttpRequest, scope: AreaScope) -> bool:
    """Coordinators of a network covering the area (or an area above it) and staff count members-only
    actors too."""
    user = request.user
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    from wandelwerk.networks.selectors import area_ids_for_user

    chain = {scope.area.pk, scope.area.parent_id, getattr(scope.area.parent, "parent_id", None)} - {None}
    return bool(chain & area_ids_for_user(user=user, coordinator=True))


@require_GET
def area_structure(request: HttpRequest, ags: str) -> HttpResponse:
    scope = _area_scope(ags)
    return _structure_page(
        request,
        scope=scope,
        members=_members_in_area(request, scope),
        csv_prefix=f"gebiet-{ags}",
        back=(scope.area.get_absolute_url(), _("Zur Gebietsseite")),
        graph_url=reverse("ties:area_graph", args=[ags]),
        snapshots=[],
    )


@require_GET
def area_graph(request: HttpRequest, ags: str) -> JsonResponse:
    scope = _area_scope(ags)
    analysis = network_analysis(network=scope, members=_members_in_area(request, scope))
    return JsonResponse(graph_payload(network=scope, analysis=analysis))


@require_GET
def network_graph(request: HttpRequest, slug: str) -> JsonResponse:
    """Nodes with layout positions and edges for the interactive graph (same visibility as the page)."""
    network = get_object_or_404(Network, slug=slug)
    analysis = network_analysis(network=network, members=_members(request, network))
    return JsonResponse(graph_payload(network=network, analysis=analysis))
