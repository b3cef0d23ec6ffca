"""Demo working groups for `load_demo`, made through the real services. Idempotent: a group that
exists already (same name in the same network) is left exactly as it is."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from wandelwerk.actors.models import Topic
from wandelwerk.groups import services, services_content
from wandelwerk.groups.models import GroupRole, JoinMode, WorkingGroup
from wandelwerk.networks.models import Network

COORD = "koordination@demo.wandelwerk.test"
ZWICKAU = "zwickau@demo.wandelwerk.test"
MEMBER = "mitglied@demo.wandelwerk.test"


@dataclass(frozen=True, slots=True)
class DemoGroup:
    name: str
    network: str
    topic: str
    join_mode: str
    visibility: str
    creator: str
    members: tuple[str, ...]
    description: str
    threads: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = ()  # author, text, replies
    links: tuple[tuple[str, str], ...] = ()


GROUPS: tuple[DemoGroup, ...] = (
    DemoGroup(
        "AG Energiegemeinschaften",
        "region-zwickau",
        "energie-klimaschutz",
        "open",
        "members",
        ZWICKAU,
        (MEMBER, COORD),
        "Wir bringen Bürgerinnen und Bürger, Kommunen und Handwerk zusammen, um **gemeinsam Strom zu "
        "erzeugen und zu teilen**: Bürgersolaranlagen, Energiegenossenschaften und Energy Sharing im "
        "Landkreis Zwickau.\n\n- Austausch über Beteiligungsmodelle\n- Dachflächen-Börse\n- Begleitung "
        "neuer Genossenschaften",
        (
            (
                ZWICKAU,
                "Hallo zusammen! Die Stadtwerke haben angeboten, uns beim nächsten Treffen ihr Modell für "
                "Mieterstrom vorzustellen. Passt euch der zweite Dienstag im Monat?",
                (
                    (
                        MEMBER,
                        "Dienstag passt gut. Können wir auch über das Energy Sharing nach § 42c EnWG "
                        "sprechen?",
                    ),
                    (COORD, "Gern – ich bringe die Übersicht vom Landesverband zu Förderprogrammen mit."),
                ),
            ),
            (
                MEMBER,
                "Die Kirchgemeinde in Crimmitschau sucht Partner für eine PV-Anlage auf dem "
                "Gemeindehaus. Hat jemand Erfahrung mit Denkmalschutz-Auflagen?",
                (),
            ),
        ),
        (
            ("Bündnis Bürgerenergie: Energy Sharing", "https://www.buendnis-buergerenergie.de/"),
            ("Sächsische Energieagentur (SAENA)", "https://www.saena.de/"),
        ),
    ),
    DemoGroup(
        "AG Kreislaufwirtschaft Mittelsachsen",
        "circular-rural-regions-mittelsachsen",
        "zirkulaeres-wirtschaften",
        "request",
        "public",
        COORD,
        (MEMBER,),
        "Themenrunde aus dem Modellvorhaben *Circular Rural Regions*: Wie bleiben Baustoffe, Bioabfälle "
        "und Maschinen länger im Kreislauf? Wir verbinden Landwirtschaft, Bau, Recycling und Verwaltung.",
        (
            (
                COORD,
                "Die Potenzialanalyse ist fertig. Auffällig viel Potenzial sehen die Gutachter beim "
                "Rückbau von Stallgebäuden – wer möchte dazu eine Exkursion mitplanen?",
                ((MEMBER, "Ich bin dabei. Der Bauhof in Halsbrücke hat schon Interesse signalisiert."),),
            ),
        ),
        (("Circular Rural Regions – Modellvorhaben", "https://www.circular-rural-regions.de/"),),
    ),
    DemoGroup(
        "AG Mobilität im ländlichen Raum",
        "region-freiberg-tharandt",
        "mobilitaet",
        "open",
        "members",
        COORD,
        (MEMBER,),
        "Rufbus, Mitfahrbänke, Lastenräder: Wir sammeln, was zwischen Freiberg und Tharandt schon "
        "funktioniert, und helfen Gemeinden, gute Ideen zu übernehmen.",
        (
            (
                COORD,
                "Die Mitfahrbank in Bobritzsch-Hilbersdorf wird gut angenommen. Sollen wir eine Karte "
                "aller Bänke in der Region anlegen?",
                ((MEMBER, "Ja, bitte! Am besten mit Hinweis, welche Richtung die Bank anzeigt."),),
            ),
        ),
    ),
    DemoGroup(
        "AG Bildung für nachhaltige Entwicklung",
        "landesverband-nachhaltiges-sachsen",
        "bildung-kultur",
        "open",
        "public",
        COORD,
        (MEMBER,),
        "Lehrkräfte, Umweltbildungszentren und Vereine tauschen Methoden und Materialien für Bildung für "
        "nachhaltige Entwicklung (BNE) aus – in Schule, Kita und Erwachsenenbildung.",
        (
            (
                MEMBER,
                "Kennt jemand gute Materialien zum Thema Kreislaufwirtschaft für die Grundschule?",
                ((COORD, "Schau mal ins BNE-Portal, der Link steht unten bei den Links."),),
            ),
        ),
        (("BNE-Portal des Bundes", "https://www.bne-portal.de/"),),
    ),
    DemoGroup(
        "AG Strukturwandel gestalten",
        "zusammenwachsen-revier",
        "strukturwandel-regionalentwicklung",
        "request",
        "members",
        COORD,
        (),
        "Engagierte aus dem Mitteldeutschen Revier begleiten den Strukturwandel: Wir beobachten die "
        "Förderprogramme, bringen zivilgesellschaftliche Projekte ein und vernetzen uns über Landesgrenzen.",
    ),
    DemoGroup(
        "AG Lebendige Dörfer Oberlausitz",
        "region-zittau-goerlitz",
        "lebendige-doerfer",
        "open",
        "public",
        COORD,
        (),
        "Dorfläden, Gemeinschaftsräume und Nachbarschaftshilfe: Wir unterstützen Dörfer im Landkreis "
        "Görlitz, die ihren Zusammenhalt stärken wollen.",
    ),
)

PROTOCOL = """# Protokoll – Treffen der AG Energiegemeinschaften

**Ort:** Zwickau, Rathaus, Raum 2.14 · **Teilnehmende:** 9

## 1. Stand Bürgersolar Crimmitschau
- Dachgutachten für zwei Schulen liegt vor; Statik ist ausreichend.
- Die Genossenschaft prüft ein Modell mit Beteiligung ab 250 Euro.

## 2. Energy Sharing
- Vorstellung der neuen Regeln; offene Fragen zu Messkonzepten sammeln wir bis zum nächsten Treffen.

## Nächste Schritte
- Kontakt zur Kirchgemeinde aufnehmen (Koordination)
- Übersicht Förderprogramme ergänzen (alle)
"""


def _users() -> dict[str, Any]:
    emails = (COORD, ZWICKAU, MEMBER)
    return {u.email: u for u in get_user_model().objects.filter(email__in=emails)}


def _create(spec: DemoGroup, network: Network, users: dict[str, Any]) -> WorkingGroup | None:
    creator = users.get(spec.creator) or users.get(COORD)
    if creator is None:
        return None
    group = services.group_create(
        user=creator,
        network=network,
        name=spec.name,
        description=spec.description,
        topic=Topic.objects.filter(slug=spec.topic).first(),
        join_mode=JoinMode.OPEN,  # members are added directly; the real join mode is set below
        visibility=spec.visibility,
    )
    for email in spec.members:
        if email in users and email != creator.email:
            services.group_join(group=group, user=users[email])
    if spec.creator != COORD and COORD in users and COORD in spec.members:
        membership = group.memberships.get(user=users[COORD])
        services.member_set_role(group=group, membership_id=membership.pk, role=GroupRole.COORDINATOR)
    group.join_mode = spec.join_mode
    group.save(update_fields=["join_mode"])
    for author, text, replies in spec.threads:
        if author not in users:
            continue
        post = services_content.post_create(group=group, user=users[author], text=text)
        for reply_author, reply in replies:
            if reply_author in users:
                services_content.post_create(group=group, user=users[reply_author], text=reply, parent=post)
    for title, url in spec.links:
        services_content.link_add(group=group, user=creator, title=title, url=url)
    return group


def load_demo(*, user: Any) -> str | None:
    """Creates the demo content once; returns a line for the command output, or None if nothing was new."""
    users = _users()
    if user is not None and getattr(user, "email", None):
        users.setdefault(user.email, user)
    created: list[WorkingGroup] = []
    with transaction.atomic():
        for spec in GROUPS:
            network = Network.objects.filter(slug=spec.network).first()
            if network is None or WorkingGroup.objects.filter(network=network, name=spec.name).exists():
                continue
            group = _create(spec, network, users)
            if group is not None:
                created.append(group)
        energy = next((g for g in created if g.name == "AG Energiegemeinschaften"), None)
        if energy is not None:
            data = PROTOCOL.encode()
            services_content.document_add(
                group=energy,
                user=users.get(ZWICKAU) or users.get(COORD),
                title="Protokoll des letzten Treffens",
                name="protokoll-ag-energiegemeinschaften.md",
                size=len(data),
                stream=io.BytesIO(data),
            )
        change = next((g for g in created if g.name == "AG Strukturwandel gestalten"), None)
        if change is not None and MEMBER in users:
            services.group_join(
                group=change,
                user=users[MEMBER],
                message="Ich engagiere mich im Kulturverein in Bitterfeld und würde gern mitarbeiten.",
            )
    if not created:
        return None
    return (
        f"Arbeitsgruppen: {len(created)} angelegt (mit Mitgliedern, Diskussionen, Links und einem Protokoll)."
    )
