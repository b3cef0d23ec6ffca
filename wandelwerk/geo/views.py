"""Area pages (search, state/county/municipality) and their GeoJSON: own boundary and base maps."""

from __future__ import annotations

import json
import math

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from wandelwerk.geo import selectors
from wandelwerk.geo.models import AreaKind

BASEMAP_LEVELS = (AreaKind.STATE, AreaKind.COUNTY, AreaKind.MUNICIPALITY)
BASEMAP_MUNICIPALITY_CAP = 2000
ONE_DAY = 86400
GEOJSON = "application/geo+json"


def search(request: HttpRequest) -> HttpResponse:
    """/regionen/: search box (name or PLZ) and the 16 states."""
    q = request.GET.get("q", "").strip()[:100]
    results = selectors.areas_search(q=q, limit=50) if q else []
    return render(
        request,
        "geo/search.html",
        {"q": q, "results": results, "states": list(selectors.states())},
    )


def area(request: HttpRequest, ags: str) -> HttpResponse:
    """/regionen/<ags>/: a state, county or municipality with figures, children and actors."""
    from wandelwerk.knowledge.selectors import practices_adopted_by

    obj = selectors.area_get(ags=ags)
    if obj is None:
        raise Http404(_("Dieses Gebiet gibt es nicht."))
    actor_count, actors = selectors.area_actors(area=obj, user=request.user, limit=20)
    density = None
    if obj.population and obj.area_km2:
        density = round(obj.population / obj.area_km2)
    children = list(selectors.area_children(obj)) if obj.kind != AreaKind.MUNICIPALITY else []
    return render(
        request,
        "geo/area.html",
        {
            "area": obj,
            "chain": selectors.area_chain(obj),
            "children": children,
            "density": density,
            "actor_count": actor_count,
            "actors": actors,
            "boundary_url": reverse("geo:boundary", kwargs={"ags": obj.ags}),
            "actors_geojson_url": f"/api/v1/actors.geojson?area={obj.ags}",
            "practices": practices_adopted_by(area=obj),
        },
    )


def _geojson(body: str, *, status: int = 200) -> HttpResponse:
    response = HttpResponse(body, content_type=GEOJSON, status=status)
    patch_cache_control(response, public=True, max_age=ONE_DAY)
    return response


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"detail": message}, status=status, json_dumps_params={"ensure_ascii": False})


def boundary(request: HttpRequest, ags: str) -> HttpResponse:
    """The area's own boundary as a GeoJSON Feature (properties: ags, name, kind)."""
    obj = selectors.area_boundary(ags=ags)
    if obj is None or not obj.boundary:
        return _error(_("Unbekanntes Gebiet „%(ags)s“.") % {"ags": ags}, 404)
    props = json.dumps({"ags": obj.ags, "name": obj.name, "kind": obj.kind}, ensure_ascii=False)
    return _geojson(f'{{"type":"Feature","properties":{props},"geometry":{obj.boundary}}}')


class BBoxError(ValueError):
    pass


def parse_bbox(raw: str) -> tuple[float, float, float, float]:
    """ "minLon,minLat,maxLon,maxLat" → floats; ``BBoxError`` names what is wrong."""
    parts = raw.split(",")
    if len(parts) != 4:
        raise BBoxError(_("bbox braucht genau vier Zahlen: minLon,minLat,maxLon,maxLat."))
    try:
        values = [float(p) for p in parts]
    except ValueError:
        raise BBoxError(_("bbox enthält etwas, das keine Zahl ist.")) from None
    if not all(math.isfinite(v) for v in values):
        raise BBoxError(_("bbox enthält eine unendliche oder ungültige Zahl."))
    min_lon, min_lat, max_lon, max_lat = values
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise BBoxError(_("bbox: Längengrade müssen zwischen -180 und 180 liegen."))
    if not (-90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise BBoxError(_("bbox: Breitengrade müssen zwischen -90 und 90 liegen."))
    if not (min_lon < max_lon and min_lat < max_lat):
        raise BBoxError(_("bbox: minLon muss kleiner als maxLon und minLat kleiner als maxLat sein."))
    return min_lon, min_lat, max_lon, max_lat


def basemap(request: HttpRequest, level: str) -> HttpResponse:
    """Boundaries of all states or counties (simplified), or of the municipalities in a bbox
    (required, at most 2000, the most populous first), as a FeatureCollection."""
    if level not in BASEMAP_LEVELS:
        return _error(
            _("Unbekannte Ebene „%(level)s“ (state, county oder municipality).") % {"level": level}, 400
        )
    raw = request.GET.get("bbox", "").strip()
    bbox = None
    if raw:
        try:
            bbox = parse_bbox(raw)
        except BBoxError as exc:
            return _error(str(exc), 400)
    elif level == AreaKind.MUNICIPALITY:
        return _error(_("Für Gemeinden ist bbox=minLon,minLat,maxLon,maxLat nötig."), 400)
    rows, truncated = selectors.basemap_features(level=level, bbox=bbox, cap=BASEMAP_MUNICIPALITY_CAP)
    features = ",".join(
        '{"type":"Feature","properties":'
        + json.dumps({"ags": ags, "name": name}, ensure_ascii=False)
        + ',"geometry":'
        + geom
        + "}"
        for ags, name, geom in rows
    )
    truncated_json = "true" if truncated else "false"
    return _geojson(f'{{"type":"FeatureCollection","truncated":{truncated_json},"features":[{features}]}}')
