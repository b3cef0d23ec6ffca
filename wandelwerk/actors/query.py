"""The actor filter every list uses (directory page, API, GeoJSON, map clusters, exports).

Parsing is strict: unknown values are refused with a message that names the parameter, so a typo
never silently widens or narrows a result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from wandelwerk.actors.models import Kind, Sector

MAX_Q = 200


class FilterError(ValueError):
    """A filter parameter is invalid; ``param`` names it."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param
        self.message = message


@dataclass(frozen=True, slots=True)
class BBox:
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    def as_param(self) -> str:
        return f"{self.min_lon:.5f},{self.min_lat:.5f},{self.max_lon:.5f},{self.max_lat:.5f}"


@dataclass(frozen=True, slots=True)
class ActorQuery:
    q: str = ""
    bbox: BBox | None = None
    topics: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    networks: tuple[str, ...] = ()
    area: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not (
            self.q or self.bbox or self.topics or self.kinds or self.sectors or self.networks or self.area
        )


def parse_bbox(raw: str) -> BBox:
    parts = raw.split(",")
    if len(parts) != 4:
        raise FilterError("bbox", _("bbox braucht vier Zahlen: minLon,minLat,maxLon,maxLat."))
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError as exc:
        raise FilterError("bbox", _("bbox enthält etwas, das keine Zahl ist.")) from exc
    if not (
        -180 <= min_lon <= 180 and -180 <= max_lon <= 180 and -90 <= min_lat <= 90 and -90 <= max_lat <= 90
    ):
        raise FilterError(
            "bbox", _("bbox liegt außerhalb der gültigen Koordinaten (Länge ±180, Breite ±90).")
        )
    if min_lon >= max_lon or min_lat >= max_lat:
        raise FilterError("bbox", _("bbox: die Minimalwerte müssen kleiner als die Maximalwerte sein."))
    return BBox(min_lon, min_lat, max_lon, max_lat)


def _values(params: Any, key: str) -> list[str]:
    if hasattr(params, "getlist"):
        raw = params.getlist(key)
    else:
        value = params.get(key)
        raw = value if isinstance(value, list | tuple) else ([value] if value else [])
    out: list[str] = []
    for item in raw:
        out.extend(v.strip() for v in str(item).split(",") if v.strip())
    return out


def _choices(params: Any, key: str, allowed: Sequence[str]) -> tuple[str, ...]:
    values = _values(params, key)
    for value in values:
        if value not in allowed:
            raise FilterError(
                key, _("Unbekannter Wert „%(value)s“ für %(key)s.") % {"value": value, "key": key}
            )
    return tuple(dict.fromkeys(values))


def parse_query(params: Any) -> ActorQuery:
    """An ActorQuery from request parameters (QueryDict or dict). Raises FilterError on bad input."""
    q = (params.get("q") or "").strip()
    if len(q) > MAX_Q:
        raise FilterError("q", _("Der Suchtext ist zu lang (höchstens %(n)d Zeichen).") % {"n": MAX_Q})
    bbox_raw = (params.get("bbox") or "").strip()
    area = (params.get("area") or "").strip()
    if area and not (area.isdigit() and len(area) in (2, 5, 8)):
        raise FilterError("area", _("area muss ein Gebietsschlüssel (AGS) mit 2, 5 oder 8 Ziffern sein."))
    topics = tuple(dict.fromkeys(_values(params, "topic")))
    networks = tuple(dict.fromkeys(_values(params, "network")))
    for value in (*topics, *networks):
        if len(value) > 80:
            raise FilterError("topic", _("Ein Filterwert ist zu lang."))
    return ActorQuery(
        q=q,
        bbox=parse_bbox(bbox_raw) if bbox_raw else None,
        topics=topics,
        kinds=_choices(params, "kind", Kind.values),
        sectors=_choices(params, "sector", Sector.values),
        networks=networks,
        area=area,
    )
