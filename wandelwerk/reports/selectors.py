"""Reads for the potential-analysis report. Each ``*_section`` returns one report part; the other
apps' analyses are called through the functions they publish for it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wandelwerk.actors.models import Sector
from wandelwerk.actors.selectors import areas_filter
from wandelwerk.actors.visibility import actors_visible_to
from wandelwerk.geo.models import Area, AreaKind
from wandelwerk.networks.models import Network
from wandelwerk.networks.selectors import network_stats

from . import parts
from .maps import area_map
from .sections import Section, bars, number


def _county_name(area: Area) -> str:
    return f"{area.name} ({area.kind_label})" if area.kind_label else area.name


def _per_10k(count: int, population: int | None) -> float | None:
    return round(count / population * 10_000, 2) if population else None


def _density_map(*, actors: Any, area_ids: frozenset[int]) -> Any:
    """Actors per 10,000 inhabitants per municipality of the region (counties above 1,500)."""
    inside = Q(pk__in=area_ids) | Q(parent_id__in=area_ids) | Q(parent__parent_id__in=area_ids)
    municipalities = Area.objects.filter(inside, kind=AreaKind.MUNICIPALITY)
    level, field = "municipality_id", AreaKind.MUNICIPALITY
    if municipalities.count() > 1_500:
        level, field = "county_id", AreaKind.COUNTY
    units = dict(Area.objects.filter(inside, kind=field).values_list("id", "ags"))
    population = dict(Area.objects.filter(pk__in=units).values_list("ags", "population"))
    counts = dict(actors.values_list(level).annotate(n=Count("id")))
    values = {
        ags: (counts.get(pk, 0) / population[ags] * 10_000 if population.get(ags) else None)
        for pk, ags in units.items()
    }
    return area_map(
        values=values,
        classify=lambda v: 0 if not v else 1 if v < 3 else 2 if v < 6 else 3,
        legend=[_("keine Akteure"), _("unter 3"), _("3 bis unter 6"), _("6 und mehr")],
        caption=_("Karte: Akteure je 10.000 Einwohner je %(unit)s")
        % {"unit": _("Gemeinde") if field == AreaKind.MUNICIPALITY else _("Kreis")},
        describe=lambda v: (
            _("keine Einwohnerzahl") if v is None else _("%(d)s je 10.000") % {"d": number(v, 1)}
        ),
        palette="greens",
    )


def actors_section(data: parts.ReportData) -> Section:
    """Who is active: totals, density per 10,000 inhabitants, by sector, and per county."""
    network, user, area_ids = data.network, data.user, data.area_ids
    stats = network_stats(network=network, user=user)
    sectors = dict(Sector.choices)
    counties = {
        a.pk: a
        for a in Area.objects.filter(pk__in=area_ids, kind=AreaKind.COUNTY).only(
            "id", "name", "kind_label", "ags", "population"
        )
    }
    # counties inside covered states, and counties of covered municipalities, count too
    counties.update(
        {
            a.pk: a
            for a in Area.objects.filter(kind=AreaKind.COUNTY, parent_id__in=area_ids).only(
                "id", "name", "kind_label", "ags", "population"
            )
        }
    )
    actors = actors_visible_to(user).filter(areas_filter(area_ids))
    per_county = dict(actors.values_list("county_id").annotate(n=Count("id")))
    rows = []
    for county_id, n in sorted(per_county.items(), key=lambda item: (-item[1], item[0])):
        county = counties.get(county_id)
        if county is None:
            county = Area.objects.only("id", "name", "kind_label", "ags", "population").get(pk=county_id)
        rows.append((_county_name(county), county.ags, county.population, n, _per_10k(n, county.population)))
    section = Section(
        key="akteure",
        title=_("Akteure und Initiativen"),
        intro=_(
            "Wer in der Region aktiv ist, nach Sektor und Kreis. Gezählt werden die Einträge, die Sie sehen "
            "dürfen; die Dichte bezieht sich auf die Einwohnerzahl."
        ),
        columns=(
            _("Kreis"),
            _("Kreisschlüssel"),
            _("Einwohner"),
            _("Akteure"),
            _("Akteure je 10.000 Einwohner"),
        ),
        rows=rows,
        bars=bars([(sectors.get(k, k), float(n)) for k, n in stats["by_sector"].most_common()]),
        bars_caption=_("Akteure nach Sektor"),
        empty=_("In diesem Netzwerk sind noch keine Akteure eingetragen."),
    )
    section.map = _density_map(actors=actors, area_ids=area_ids)
    total = stats["actor_count"]
    actors_text = ngettext("%(n)s Akteur", "%(n)s Akteure", total) % {"n": number(total)}
    areas_text = ngettext(
        "%(areas)s Gebiet mit %(pop)s Einwohnern",
        "%(areas)s Gebieten mit %(pop)s Einwohnern",
        stats["area_count"],
    ) % {"areas": number(stats["area_count"]), "pop": number(stats["population"])}
    section.findings.append(_("%(actors)s in %(areas)s.") % {"actors": actors_text, "areas": areas_text})
    if stats["per_10k"] is not None:
        section.findings.append(_("%(d)s Akteure je 10.000 Einwohner.") % {"d": number(stats["per_10k"], 2)})
    if rows:
        thin = [r for r in rows if r[4] is not None]
        if len(thin) > 1:
            low = min(thin, key=lambda r: r[4])
            high = max(thin, key=lambda r: r[4])
            section.findings.append(
                _("Am dichtesten: %(high)s (%(h)s je 10.000), am dünnsten: %(low)s (%(l)s je 10.000).")
                % {"high": high[0], "h": number(high[4], 2), "low": low[0], "l": number(low[4], 2)}
            )
    return section


#: report parts in reading order: (key, builder)
BUILDERS: tuple[tuple[str, Callable[[parts.ReportData], Section]], ...] = (
    ("akteure", actors_section),
    ("weisse-flecken", parts.gaps_section),
    ("netzwerkstruktur", parts.network_section),
    ("vereinzelte", parts.isolated_section),
    ("kreislaufpotenziale", parts.circular_section),
    ("wertschoepfungsketten", parts.chains_section),
    ("empfehlungen", parts.introductions_section),
)


def report_sections(*, network: Network, user: Any) -> list[Section]:
    """Every part of the report, in reading order."""
    data = parts.ReportData(network=network, user=user)
    return [build(data) for _key, build in BUILDERS]


def report_section(*, network: Network, user: Any, key: str) -> Section | None:
    """One part (for its CSV download), or None for an unknown key."""
    for known, build in BUILDERS:
        if known == key:
            return build(parts.ReportData(network=network, user=user))
    return None
