"""Plain-language explanations of suggestions, rendered from the engine's structured reasons.

German by default through gettext, English when the active language is English, e.g.
"bietet Werkstattraum, Sie suchen Räume; 12 km; würde Sie mit dem Netzwerk Freiberg verbinden".
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from wandelwerk.engines.recommend import Suggestion, WordMatch


def _words(matches: tuple[WordMatch, ...], limit: int = 3) -> tuple[str, str]:
    """Distinct offered and needed words (at most ``limit`` each), in order."""
    offered = list(dict.fromkeys(m.offered for m in matches))[:limit]
    needed = list(dict.fromkeys(m.needed for m in matches))[:limit]
    return ", ".join(offered), ", ".join(needed)


def reasons(
    s: Suggestion, *, community_names: dict[int, str], topic_names: dict[int, str], pair: bool = False
) -> list[str]:
    """The reasons of ``s`` as short phrases, most important first. ``pair`` phrases them for a
    coordinator introducing two actors (third person) instead of addressing the seeker."""
    out: list[str] = []
    if s.they_offer:
        offered, needed = _words(s.they_offer)
        if pair:
            out.append(
                _("bietet %(offered)s, gesucht wird %(needed)s") % {"offered": offered, "needed": needed}
            )
        else:
            out.append(
                _("bietet %(offered)s, Sie suchen %(needed)s") % {"offered": offered, "needed": needed}
            )
    if s.we_offer:
        offered, needed = _words(s.we_offer)
        if pair:
            out.append(
                _("sucht %(needed)s, angeboten wird %(offered)s") % {"offered": offered, "needed": needed}
            )
        else:
            out.append(_("sucht %(needed)s, Sie bieten %(offered)s") % {"offered": offered, "needed": needed})
    if s.shared_topics:
        names = ", ".join(topic_names.get(t, str(t)) for t in s.shared_topics)
        out.append(_("gemeinsame Handlungsfelder: %(topics)s") % {"topics": names})
    if s.distance_km is not None:
        out.append(_("%(km)s km") % {"km": f"{s.distance_km:.0f}"})
    b = s.bridging
    if b.connects_isolated:
        out.append(_("bindet einen bisher unverbundenen Akteur ins Netzwerk ein"))
    if b.other_component:
        out.append(_("verbindet zwei bisher getrennte Teilnetze"))
    if b.other_community:
        name = community_names.get(b.community)
        if name and pair:
            out.append(_("verbindet mit dem Netzwerk um %(name)s") % {"name": name})
        elif name:
            out.append(_("würde Sie mit dem Netzwerk um %(name)s verbinden") % {"name": name})
        else:
            out.append(_("verbindet zwei Gruppen im Netzwerk"))
    if b.connects_rural:
        out.append(_("stärkt Verbindungen in den ländlichen Raum"))
    return out


def explain(
    s: Suggestion, *, community_names: dict[int, str], topic_names: dict[int, str], pair: bool = False
) -> str:
    """All reasons of ``s`` in one line, separated by semicolons."""
    return "; ".join(reasons(s, community_names=community_names, topic_names=topic_names, pair=pair))
