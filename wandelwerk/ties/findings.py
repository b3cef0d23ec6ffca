"""Plain-language findings for coordinators, written from a ``NetworkAnalysis``."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wandelwerk.ties.analysis import ActorRow, NetworkAnalysis

NAMES_SHOWN = 8
LOW_CROSS_SECTOR = 0.2


@dataclass(frozen=True, slots=True)
class Finding:
    text: str
    names: tuple[ActorRow, ...] = ()
    more: int = 0  # names not listed
    anchor: str = ""  # id of the table with the details


def _pct(share: float) -> str:
    return f"{share * 100:.0f} %"


def findings(a: NetworkAnalysis) -> list[Finding]:
    """What a coordinator should know first, most pressing first."""
    out: list[Finding] = []
    if a.actors == 0:
        return [Finding(_("In diesem Netzwerk sind noch keine Akteure sichtbar."))]
    if a.ties == 0:
        return [
            Finding(
                ngettext(
                    "Zwischen dem %(n)d Akteur ist noch keine Beziehung erfasst.",
                    "Zwischen den %(n)d Akteuren ist noch keine Beziehung erfasst.",
                    a.actors,
                )
                % {"n": a.actors}
            )
        ]
    rural = a.isolated_rural
    if rural:
        out.append(
            Finding(
                ngettext(
                    "Dieser %(n)d Akteur im ländlichen Raum hat keine Verbindung zu anderen im Netzwerk:",
                    "Diese %(n)d Akteure im ländlichen Raum haben keine Verbindung zu anderen im Netzwerk:",
                    len(rural),
                )
                % {"n": len(rural)},
                tuple(rural[:NAMES_SHOWN]),
                max(0, len(rural) - NAMES_SHOWN),
                "isolierte",
            )
        )
    if a.isolated:
        out.append(
            Finding(
                ngettext(
                    "%(n)d von %(total)d Akteuren (%(pct)s) hat noch keine Beziehung im Netzwerk.",
                    "%(n)d von %(total)d Akteuren (%(pct)s) haben noch keine Beziehung im Netzwerk.",
                    a.isolated,
                )
                % {"n": a.isolated, "total": a.actors, "pct": _pct(a.isolated / a.actors)},
                anchor="isolierte",
            )
        )
    for b in a.brokers[:3]:
        out.append(
            Finding(
                _broker_text(b.actor.name, b.communities_linked, b.pieces_if_removed, b.cut_off),
                anchor="vermittler",
            )
        )
    connected = a.actors - a.isolated
    if a.components - a.isolated > 1 and connected:
        pieces = a.components - a.isolated
        out.append(
            Finding(
                _(
                    "Die verbundenen Akteure bilden %(pieces)d getrennte Teilnetze; das größte umfasst "
                    "%(largest)d von %(connected)d Akteuren mit Beziehungen."
                )
                % {"pieces": pieces, "largest": a.largest_component, "connected": connected}
            )
        )
    if a.communities:
        out.append(
            Finding(
                ngettext(
                    "Es gibt %(n)d Gruppe, die untereinander enger verbunden ist als mit dem Rest.",
                    "Es gibt %(n)d Gruppen, die untereinander enger verbunden sind als mit dem Rest.",
                    a.communities,
                )
                % {"n": a.communities},
                anchor="gruppen",
            )
        )
    if a.cross_sector is not None:
        text = _(
            "%(pct)s der Beziehungen verbinden verschiedene Sektoren "
            "(z. B. Verwaltung und Zivilgesellschaft)."
        ) % {"pct": _pct(a.cross_sector)}
        if a.cross_sector < LOW_CROSS_SECTOR:
            text += " " + _("Das ist wenig: Begegnungen über Sektorgrenzen hinweg könnten helfen.")
        out.append(Finding(text))
    if a.urban_rural is not None:
        out.append(
            Finding(
                _("%(pct)s der Beziehungen verbinden Städte mit kleinstädtischen oder dörflichen Orten.")
                % {"pct": _pct(a.urban_rural)}
            )
        )
    return out


def _broker_text(name: str, linked: int, pieces: int, cut_off: int) -> str:
    if linked >= 2:
        text = _("„%(name)s“ verbindet %(n)d Gruppen") % {"name": name, "n": linked}
    else:
        text = _("„%(name)s“ ist eine Brücke innerhalb der eigenen Gruppe") % {"name": name}
    if pieces > 1:
        text += ngettext(
            "; ohne „%(name)s“ zerfiele das Netz in %(pieces)d Teile, und %(cut)d Akteur verlöre die "
            "Verbindung zum Rest.",
            "; ohne „%(name)s“ zerfiele das Netz in %(pieces)d Teile, und %(cut)d Akteure verlören die "
            "Verbindung zum Rest.",
            cut_off,
        ) % {"name": name, "pieces": pieces, "cut": cut_off}
    else:
        text += _("; über „%(name)s“ laufen besonders viele kürzeste Wege zwischen anderen.") % {"name": name}
    return text
