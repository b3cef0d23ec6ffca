"""Printable SVG maps for the report: the region's municipalities (or counties) in a few classes."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from wandelwerk.engines.svgmap import svg_map
from wandelwerk.geo.models import Area, AreaKind
from wandelwerk.geo.selectors import display_boundary

#: simplification per level in degrees (about 200 m for municipalities, 1 km for counties)
_TOLERANCE: dict[str, float] = {AreaKind.MUNICIPALITY: 0.002, AreaKind.COUNTY: 0.01}


@dataclass(frozen=True, slots=True)
class MapShape:
    d: str
    css: str  # colour class m0 … m3
    title: str  # name and value, shown as tooltip and read by screen readers


@dataclass(slots=True)
class ReportMap:
    caption: str
    width: float
    height: float
    shapes: list[MapShape]
    legend: list[tuple[str, str]]  # (css, label)
    summary: str  # the text alternative: how many areas fall into which class
    palette: str = "reds"
    attribution: str = "© GeoBasis-DE / BKG 2021"
    counts: dict[str, int] = field(default_factory=dict)


def area_map(
    *,
    values: Mapping[str, float | None],
    classify: Callable[[float | None], int],
    legend: list[str],
    caption: str,
    describe: Callable[[float | None], str],
    palette: str = "reds",
) -> ReportMap | None:
    """A map of the areas keyed by AGS in ``values``: ``classify`` gives each value a class 0 … 3
    (``legend`` names them), ``describe`` the value as text. None when no area has a boundary."""
    if not values:
        return None
    shape = display_boundary()
    rows = list(
        Area.objects.filter(ags__in=list(values))
        .annotate(shape=shape)
        .values_list("ags", "name", "kind", "shape")
    )
    geometries = []
    names: dict[str, str] = {}
    kinds = set()
    for ags, name, kind, geometry in rows:
        if geometry:
            geometries.append((ags, json.loads(geometry)))
            names[ags] = name
            kinds.add(kind)
    tolerance = max((_TOLERANCE.get(k, 0.002) for k in kinds), default=0.002)
    drawn = svg_map(geometries, width=600.0, tolerance=tolerance)
    if not drawn.shapes:
        return None
    per_class = [0] * len(legend)
    shapes = []
    for s in drawn.shapes:
        value = values.get(s.id)
        k = classify(value)
        per_class[k] += 1
        shapes.append(MapShape(d=s.d, css=f"m{k}", title=f"{names[s.id]}: {describe(value)}"))
    summary = "; ".join(f"{label}: {n}" for label, n in zip(legend, per_class, strict=True))
    return ReportMap(
        caption=caption,
        width=drawn.width,
        height=drawn.height,
        shapes=shapes,
        legend=[(f"m{i}", label) for i, label in enumerate(legend)],
        summary=summary,
        palette=palette,
    )
