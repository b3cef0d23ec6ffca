"""Gap analysis pages: index, gaps of a network or area (map, tables, CSV), county profile."""

from __future__ import annotations

import json

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from wandelwerk.analysis import gapdata, selectors
from wandelwerk.analysis.profile import county_profile
from wandelwerk.core.csvexport import csv_response
from wandelwerk.engines import gaps
from wandelwerk.geo import selectors as geo_selectors
from wandelwerk.geo.models import AreaKind
from wandelwerk.networks.selectors import network_get, network_list

CSV_TABLES = ("spots", "totals", "matrix")


def _number(value: float | None, digits: int = 2) -> str:
    if value is None:
        return ""
    return f"{value:.{digits}f}".replace(".", ",")


def index(request: HttpRequest) -> HttpResponse:
    """/analyse/: pick a network or search an area; the method in plain words."""
    q = request.GET.get("q", "").strip()[:100]
    results = geo_selectors.areas_search(q=q, limit=30) if q else []
    return render(
        request,
        "analysis/index.html",
        {"q": q, "results": results, "networks": list(network_list()), "thresholds": gaps.Thresholds()},
    )


def _region_from(slug: str | None, ags: str | None) -> selectors.Region:
    if slug is not None:
        network = network_get(slug=slug)
        if network is None:
            raise Http404(_("Dieses Netzwerk gibt es nicht."))
        return selectors.region_for(network=network)
    area = geo_selectors.area_get(ags=ags or "")
    if area is None:
        raise Http404(_("Dieses Gebiet gibt es nicht."))
    return selectors.region_for(area=area)


def _choose_key(request: HttpRequest, overview: selectors.GapOverview) -> str:
    keys = [t.key for t in overview.totals]
    wanted = request.GET.get("key", "")
    if wanted in keys:
        return wanted
    with_spots = [t for t in overview.totals if t.white_spots and not t.key.startswith(gapdata.KIND)]
    if with_spots:
        return max(with_spots, key=lambda t: (t.white_spots, t.key)).key
    return keys[0] if keys else ""


def gaps_page(request: HttpRequest, slug: str | None = None, ags: str | None = None) -> HttpResponse:
    """White spots of a network or area: choropleth for one key, top white spots with helpers,
    totals per key and the area × key matrix; ``?format=csv&table=spots|totals|matrix``."""
    region = _region_from(slug, ags)
    table = gapdata.gap_table()
    overview = selectors.gap_overview(network=region.network, area=region.area, limit=15, table=table)
    group = request.GET.get("matrix", "topics")
    if group not in selectors.KEY_GROUPS:
        group = "topics"
    key = _choose_key(request, overview)
    base = region.network.slug if region.network else region.area.ags  # type: ignore[union-attr]
    if request.GET.get("format") == "csv":
        return _gaps_csv(request, region, overview, group, base, table)
    matrix = selectors.matrix(region, group=group, table=table) if overview.in_scope else None
    if region.network is not None:
        map_url = reverse("analysis:network_gaps_map", kwargs={"slug": region.network.slug})
    else:
        map_url = reverse("analysis:area_gaps_map", kwargs={"ags": base})
    totals = {t.key: t for t in overview.totals}
    groups = [
        (_("Handlungsfelder und SDGs"), [t for t in overview.totals if ":" not in t.key]),
        (_("Sektoren"), [t for t in overview.totals if t.key.startswith(gapdata.SECTOR)]),
        (_("Arten von Akteuren"), [t for t in overview.totals if t.key.startswith(gapdata.KIND)]),
    ]
    return render(
        request,
        "analysis/gaps.html",
        {
            "region": region,
            "overview": overview,
            "key": key,
            "key_total": totals.get(key),
            "key_groups": groups,
            "matrix": matrix,
            "group": group,
            "groups": [("topics", _("Handlungsfelder")), ("sectors", _("Sektoren")), ("kinds", _("Arten"))],
            "map_url": f"{map_url}?key={key}",
            "thresholds": overview.thresholds,
            "unit_label": _("Kreise") if overview.unit_kind == AreaKind.COUNTY else _("Gemeinden"),
        },
    )


def _gaps_csv(
    request: HttpRequest,
    region: selectors.Region,
    overview: selectors.GapOverview,
    group: str,
    base: str,
    table: gaps.GapTable,
) -> HttpResponse:
    which = request.GET.get("table", "spots")
    if which not in CSV_TABLES:
        return JsonResponse(
            {"detail": _("Unbekannte Tabelle „%(t)s“ (spots, totals oder matrix).") % {"t": which}},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    if which == "spots":
        header = [
            "AGS",
            "Gebiet",
            "Schlüssel",
            "Thema",
            "Akteure",
            "erwartet",
            "Verhältnis",
            "p-Wert",
            "Helfer in der Nähe",
        ]
        rows = [
            [
                s.row.area_id,
                s.area_name,
                s.row.key,
                s.key_label,
                s.row.count,
                _number(s.row.expected),
                _number(s.row.ratio),
                _number(s.row.p_value, 4),
                ", ".join(f"{h.name} ({h.count}, {h.distance_km} km)" for h in s.helpers),
            ]
            for s in overview.spots
        ]
    elif which == "totals":
        header = ["Schlüssel", "Thema", "Akteure", "je 10.000 EW", "erwartet", "Verhältnis", "weiße Flecken"]
        rows = [
            [
                t.key,
                t.label,
                t.count,
                _number(t.per_10k),
                _number(t.expected),
                _number(t.ratio),
                t.white_spots,
            ]
            for t in overview.totals
        ]
    else:
        m = selectors.matrix(region, group=group, limit=None, table=table) if overview.in_scope else None
        keys = m.keys if m else []
        header = ["AGS", "Gebiet", "Einwohner"] + [
            f"{label} ({what})" for _k, label in keys for what in ("Akteure", "erwartet")
        ]
        rows = [
            [r.ags, r.name, r.population if r.population is not None else ""]
            + [v for c in r.cells for v in (c.count, _number(c.expected))]
            for r in (m.rows if m else [])
        ]
    return csv_response(f"luecken-{base}-{which}.csv", header, rows)


def gaps_map(request: HttpRequest, slug: str | None = None, ags: str | None = None) -> HttpResponse:
    """GeoJSON of the region's map units coloured for ``?key=`` (count, expected, ratio, class)."""
    region = _region_from(slug, ags)
    key = request.GET.get("key", "")
    try:
        features = selectors.map_features(region, key=key)
    except KeyError:
        return JsonResponse(
            {"detail": _("Unbekannter Schlüssel „%(key)s“.") % {"key": key}},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    body = ",".join(
        '{"type":"Feature","properties":'
        + json.dumps(props, ensure_ascii=False)
        + ',"geometry":'
        + geom
        + "}"
        for props, geom in features
    )
    return HttpResponse(
        '{"type":"FeatureCollection","key":' + json.dumps(key) + ',"features":[' + body + "]}",
        content_type="application/geo+json",
    )


def county(request: HttpRequest, ags: str) -> HttpResponse:
    """/analyse/kreis/<ags>/: official statistics beside the network; ``?format=csv``."""
    area = geo_selectors.area_get(ags=ags)
    if area is None or area.kind != AreaKind.COUNTY:
        raise Http404(_("Diesen Kreis gibt es nicht."))
    profile = county_profile(area=area)
    if request.GET.get("format") == "csv":
        header = [
            "Kennzahl",
            "Wert",
            "Einheit",
            "Median vergleichbarer Kreise",
            "Anzahl Vergleichskreise",
            "Quelle",
        ]
        rows = [
            [f.label, _number(f.value, 3), f.unit, _number(f.peer_median, 3), f.peers, f.source]
            for f in [*profile.waste, *profile.energy, *profile.other]
        ] + [
            [
                _("Akteure je 10.000 Einwohner – %(s)s") % {"s": s.label},
                _number(s.per_10k),
                "",
                "",
                "",
                "Wandelwerk",
            ]
            for s in profile.sectors
        ]
        return csv_response(f"kreisprofil-{area.ags}.csv", header, rows)
    stat_groups = [
        (title, figures)
        for title, figures in (
            (_("Haushaltsabfälle 2023 je Einwohner"), profile.waste),
            (_("Erneuerbare Energien 2024: installierte Leistung je Einwohner"), profile.energy),
            (_("Weitere Kennzahlen"), profile.other),
        )
        if figures
    ]
    return render(
        request,
        "analysis/county.html",
        {
            "profile": profile,
            "area": area,
            "chain": geo_selectors.area_chain(area),
            "stat_groups": stat_groups,
        },
    )
