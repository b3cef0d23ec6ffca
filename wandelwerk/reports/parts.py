"""Report parts built from the other apps' analyses (each app publishes one function for it)."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wandelwerk.actors.models import Sector
from wandelwerk.networks.models import Network
from wandelwerk.networks.rules import is_network_coordinator
from wandelwerk.networks.selectors import network_area_ids

from .maps import area_map
from .sections import Section, bars, number


class ReportData:
    """What several parts of one report read, computed once (the structure and the circular
    potentials each feed two parts)."""

    def __init__(self, *, network: Network, user: Any) -> None:
        self.network = network
        self.user = user

    @cached_property
    def area_ids(self) -> frozenset[int]:
        return network_area_ids(self.network)

    @cached_property
    def structure(self) -> Any:  # wandelwerk.ties.analysis.NetworkAnalysis
        from wandelwerk.ties.analysis import network_analysis

        members = is_network_coordinator(self.user, self.network) or bool(
            getattr(self.user, "is_staff", False)
        )
        return network_analysis(network=self.network, members=members)

    @cached_property
    def potentials(self) -> Any:  # wandelwerk.circular.selectors.RegionPotentials
        from wandelwerk.circular.selectors import region_potentials

        return region_potentials(network=self.network)


def _r(value: float | None, decimals: int = 2) -> float | None:
    return None if value is None else round(value, decimals)


def gaps_section(data: ReportData) -> Section:
    """White spots: topics and sectors with clearly fewer actors than in comparable areas."""
    from wandelwerk.analysis import gapdata
    from wandelwerk.analysis.selectors import gap_overview, region_for, unit_indices

    network = data.network
    table = gapdata.gap_table()
    overview = gap_overview(network=network, limit=15, helpers=3, table=table)
    section = Section(
        key="weisse-flecken",
        title=_("Weiße Flecken"),
        intro=_(
            "Ein weißer Fleck ist ein Thema oder Sektor, zu dem ein Gebiet deutlich weniger öffentliche "
            "Akteure hat, als nach Gebieten desselben Raumtyps (RegioStaR 7) mit gleicher Einwohnerzahl "
            "zu erwarten wäre. „Wer könnte helfen“ nennt Gebiete in bis zu 50 km Entfernung mit "
            "solchen Akteuren."
        ),
        columns=(
            _("Gebiet"),
            _("Thema oder Sektor"),
            _("Akteure"),
            _("erwartet"),
            _("Verhältnis"),
            _("p-Wert"),
            _("Wer könnte helfen"),
        ),
        links=[
            (
                _("Karte und alle Tabellen der weißen Flecken"),
                reverse("analysis:network_gaps", args=[network.slug]),
            )
        ],
        empty=_("Keine weißen Flecken gefunden – oder es gibt in dieser Region noch keine Vergleichsdaten."),
    )
    if not overview.in_scope:
        section.findings.append(
            _("Für diese Region gibt es noch keine Vergleichsgebiete mit öffentlichen Akteuren.")
        )
        return section
    units, _kind = unit_indices(table, region_for(network=network))
    per_unit = table.white_spot[units].sum(axis=1) if units else []
    section.map = area_map(
        values={table.area_ids[i]: float(n) for i, n in zip(units, per_unit, strict=True)},
        classify=lambda v: 0 if not v else 1 if v <= 2 else 2 if v <= 5 else 3,
        legend=[_("kein weißer Fleck"), _("1 bis 2"), _("3 bis 5"), _("6 und mehr")],
        caption=_("Karte: weiße Flecken je %(unit)s (Zahl der Themen, Sektoren und Arten)")
        % {"unit": _("Gemeinde") if overview.unit_kind == "municipality" else _("Kreis")},
        describe=lambda v: (
            ngettext("%(n)s weißer Fleck", "%(n)s weiße Flecken", int(v or 0)) % {"n": int(v or 0)}
        ),
    )
    for spot in overview.spots:
        row = spot.row
        helpers = ", ".join(f"{h.name} ({h.count}, {number(h.distance_km)} km)" for h in spot.helpers)
        section.rows.append(
            (
                spot.area_name,
                spot.key_label,
                row.count,
                _r(row.expected, 1),
                _r(row.ratio),
                _r(row.p_value, 4),
                helpers,
            )
        )
    with_spots = sorted(
        (t for t in overview.totals if t.white_spots), key=lambda t: (-t.white_spots, t.label)
    )
    section.bars = bars([(t.label, float(t.white_spots)) for t in with_spots[:10]])
    unit = _("Gemeinden") if overview.unit_kind == "municipality" else _("Kreise")
    section.bars_caption = _("Zahl der weißen Flecken je Thema oder Sektor (%(unit)s)") % {"unit": unit}
    total = sum(t.white_spots for t in overview.totals)
    section.findings.append(
        ngettext("%(n)s weißer Fleck in der Region.", "%(n)s weiße Flecken in der Region.", total)
        % {"n": number(total)}
    )
    if with_spots:
        top = with_spots[0]
        section.findings.append(
            _("Am häufigsten fehlt: %(label)s (in %(n)s %(unit)s).")
            % {"label": top.label, "n": top.white_spots, "unit": unit}
        )
    return section


def network_section(data: ReportData) -> Section:
    """Structure of the ties: components, isolated actors, brokers, communities."""
    from wandelwerk.ties.findings import findings

    network, a = data.network, data.structure
    section = Section(
        key="netzwerkstruktur",
        title=_("Netzwerkstruktur"),
        intro=_(
            "Beziehungen zwischen den Akteuren: erfasste Kooperationen, Mitgliedschaften, Förderungen und "
            "Lieferungen sowie gemeinsame Projekte, Arbeitsgruppen und Veranstaltungen. Brücken verbinden "
            "Gruppen, die sonst kaum Kontakt hätten."
        ),
        columns=(
            _("Brücke"),
            _("Sektor"),
            _("Verbindungen"),
            _("verbundene Gruppen"),
            _("ohne sie abgeschnitten"),
        ),
        links=[(_("Netzwerkgrafik und alle Tabellen"), reverse("ties:network", args=[network.slug]))],
        empty=_("Noch keine Brücken: dafür braucht es Beziehungen zwischen den Akteuren."),
    )
    for finding in findings(a):
        text = finding.text
        if finding.names:
            text += " " + ", ".join(n.name for n in finding.names)
            if finding.more:
                text += " " + _("und %(n)s weitere") % {"n": finding.more}
        section.findings.append(text)
    for b in a.brokers:
        section.rows.append((b.actor.name, b.actor.sector_label, b.degree, b.communities_linked, b.cut_off))
    if a.community_rows:
        section.bars = bars(
            [
                (_("Gruppe %(n)s") % {"n": c.number} + f" ({c.main_sector})", float(c.size))
                for c in a.community_rows[:12]
            ]
        )
        section.bars_caption = _("Größe der Gruppen (Gemeinschaften), Zahl der Akteure")
    return section


def isolated_section(data: ReportData) -> Section:
    """Actors without any tie in the region — the first people to introduce."""
    a = data.structure
    section = Section(
        key="vereinzelte",
        title=_("Akteure ohne Verbindung"),
        intro=_("Diese Akteure haben in der Region noch keine erfasste Beziehung; ländliche zuerst."),
        columns=(_("Akteur"), _("Sektor"), _("Raum")),
        empty=_("Alle Akteure haben mindestens eine Beziehung – oder es ist noch keine Beziehung erfasst."),
    )
    if a.ties == 0:
        return section
    isolated = [r for r in a.rows if r.isolated]
    isolated.sort(key=lambda r: (r.settlement != "rural", r.name))
    places = {"urban": _("städtisch"), "rural": _("ländlich")}
    section.rows = [(r.name, r.sector_label, places.get(r.settlement, "–")) for r in isolated]
    if a.isolated_by_sector:
        sectors = dict(Sector.choices)
        section.bars = bars([(str(sectors.get(k, k)), float(n)) for k, n in a.isolated_by_sector.items()])
        section.bars_caption = _("Akteure ohne Verbindung nach Sektor")
    return section


def circular_section(data: ReportData) -> Section:
    """Circular potentials: supply without a taker, per county and material."""
    network, p = data.network, data.potentials
    section = Section(
        key="kreislaufpotenziale",
        title=_("Kreislaufpotenziale"),
        intro=_(
            "Stoffströme, die Akteure anbieten (Nebenprodukte, Reststoffe, Überschüsse), und was davon "
            "nach dem letzten Abgleich noch keinen Abnehmer hat. CO2e-Angaben sind Schätzwerte mit noch "
            "nicht abgeglichenen Faktoren."
        ),
        columns=(_("Kreis"), _("Material"), _("angeboten je Jahr"), _("ohne Abnehmer je Jahr"), _("Einheit")),
        rows=[
            (r.county_name, r.material_label, _r(r.offered, 1), _r(r.unmatched, 1), r.unit) for r in p.rows
        ],
        bars=bars([(_distinct_name(c.name, c.ags, p.counties), c.unmatched_t) for c in p.counties[:12]]),
        bars_caption=_("Angebote ohne Abnehmer je Kreis, Tonnen pro Jahr"),
        links=[
            (
                _("Kreislaufpotenziale mit Wertschöpfungsketten"),
                reverse("circular:region", args=[network.slug]),
            )
        ],
        empty=_("In dieser Region sind noch keine Stoffströme eingetragen."),
    )
    section.map = _potential_map(area_ids=data.area_ids, unmatched={c.ags: c.unmatched_t for c in p.counties})
    section.findings.append(
        _("%(offers)s Angebote und %(needs)s Gesuche; %(matches)s Vermittlungen mit %(t)s t pro Jahr.")
        % {
            "offers": number(p.offers),
            "needs": number(p.needs),
            "matches": number(p.matches),
            "t": number(p.matched_t),
        }
    )
    if p.unmatched_t:
        section.findings.append(_("Ohne Abnehmer: %(t)s t pro Jahr.") % {"t": number(p.unmatched_t)})
    if p.matches:
        section.findings.append(
            _("Geschätzte Einsparung: %(t)s t CO2e pro Jahr (Transport abgezogen).")
            % {"t": number(p.net_kg_co2e / 1000)}
        )
    return section


def _distinct_name(name: str, ags: str, counties: Any) -> str:
    """A county's name, with its key where another county has the same name (Leipzig, Leipzig)."""
    return f"{name} ({ags})" if sum(1 for c in counties if c.name == name) > 1 else name


def _potential_map(*, area_ids: frozenset[int], unmatched: dict[str, float]) -> Any:
    """Supply without a taker per county of the region (counties with none drawn as 0)."""
    from django.db.models import Q

    from wandelwerk.geo.models import Area, AreaKind

    ids = area_ids
    counties = Area.objects.filter(
        Q(pk__in=ids) | Q(parent_id__in=ids) | Q(pk__in=Area.objects.filter(pk__in=ids).values("parent_id")),
        kind=AreaKind.COUNTY,
    ).values_list("ags", flat=True)
    return area_map(
        values={ags: unmatched.get(ags, 0.0) for ags in counties},
        classify=lambda v: 0 if not v else 1 if v < 1_000 else 2 if v < 10_000 else 3,
        legend=[
            _("kein Angebot ohne Abnehmer"),
            _("unter 1.000 t"),
            _("1.000 bis unter 10.000 t"),
            _("10.000 t und mehr"),
        ],
        caption=_("Karte: Angebote ohne Abnehmer je Kreis, Tonnen pro Jahr"),
        describe=lambda v: _("%(t)s t pro Jahr") % {"t": number(v or 0)},
        palette="greens",
    )


def chains_section(data: ReportData) -> Section:
    """Value chains: which material goes from where to which use."""
    p = data.potentials
    return Section(
        key="wertschoepfungsketten",
        title=_("Wertschöpfungsketten"),
        intro=_("Vermittelte Stoffströme aus der Region: Material, Herkunft, Ziel und Verwendung."),
        columns=(
            _("Material"),
            _("aus Kreis"),
            _("in Kreis"),
            _("Verwendung"),
            _("Menge je Jahr"),
            _("Einheit"),
            _("Vermittlungen"),
            _("t CO2e je Jahr (Schätzung)"),
        ),
        rows=[
            (
                c.material_label,
                c.from_county,
                c.to_county,
                c.use,
                _r(c.quantity, 1),
                c.unit,
                c.matches,
                _r(c.net_kg_co2e / 1000, 1),
            )
            for c in p.chains
        ],
        bars=bars(
            [(f"{c.material_label}: {c.from_county} → {c.to_county}", c.quantity) for c in p.top_chains(8)]
        ),
        bars_caption=_("Größte Wertschöpfungsketten, Menge pro Jahr"),
        empty=_("Noch keine vermittelten Stoffströme."),
    )


def introductions_section(data: ReportData) -> Section:
    """Recommended introductions (coordinators only: they name pairs of actors)."""
    network, user = data.network, data.user
    section = Section(
        key="empfehlungen",
        title=_("Empfohlene Vorstellungen"),
        intro=_(
            "Paare von Akteuren, die einander helfen könnten (Angebote passen zu Bedarfen, gemeinsame "
            "Themen, Nähe) und die damit Vereinzelte oder getrennte Gruppen verbinden würden."
        ),
        columns=(_("Akteur"), _("und"), _("Begründung")),
        empty=_("Keine Empfehlungen: dafür braucht es Angebote, Bedarfe und Beziehungen."),
    )
    if not user.has_perm("recommendations.see_introductions", network):
        section.findings.append(
            _("Empfohlene Vorstellungen sieht die Koordination des Netzwerks nach der Anmeldung.")
        )
        section.empty = ""
        return section
    from wandelwerk.recommendations.selectors import introductions

    rows = introductions(network=network, limit=20)
    section.rows = [(r.a.name, r.b.name, r.text) for r in rows]
    section.links = [(_("Alle Empfehlungen"), reverse("recommendations:network", args=[network.slug]))]
    return section
