"""Demo strategy for `load_demo`: a climate strategy of Freiberg (Region Freiberg/Tharandt) with 12
measures and projects in every stage, made through the real services. Marked as demo; idempotent."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from wandelwerk.actors.models import Actor, Kind, Sector, Status, Topic
from wandelwerk.actors.services import ActorData, actor_create
from wandelwerk.geo.models import Area
from wandelwerk.projects.models import Measure, PartnerRole, Strategy, Target
from wandelwerk.projects.services import partner_decide, partner_request, project_advance, project_create

SLUG = "klimaschutzkonzept-freiberg-2030-demo"
FREIBERG = "14522180"

MEASURES = [
    (
        "M 1.1",
        "Photovoltaik auf allen geeigneten kommunalen Dächern",
        "energie-klimaschutz",
        "installierte Leistung",
        "kWp",
        4000,
        1150,
    ),
    (
        "M 1.2",
        "Bürgerenergie: Beteiligungsmodelle für Solarparks",
        "energie-klimaschutz",
        "Genossenschaftsmitglieder",
        "Personen",
        1500,
        420,
    ),
    (
        "M 1.3",
        "Kommunale Wärmeplanung und Nahwärmenetze",
        "energie-klimaschutz",
        "Anschlüsse",
        "Gebäude",
        800,
        60,
    ),
    (
        "M 2.1",
        "Radverkehrsnetz zwischen Altstadt, Campus und Bahnhof",
        "mobilitaet",
        "neue Radwege",
        "km",
        25,
        7,
    ),
    ("M 2.2", "Lastenrad-Verleih und Mobilstationen", "mobilitaet", "Mobilstationen", "Stück", 12, 3),
    (
        "M 3.1",
        "Energetische Sanierung von Schulen und Kitas",
        "bauen-wohnen",
        "sanierte Gebäude",
        "Gebäude",
        18,
        5,
    ),
    ("M 3.2", "Beratung für private Sanierung", "bauen-wohnen", "Beratungen", "pro Jahr", 400, 150),
    (
        "M 4.1",
        "Stadtgrün und Entsiegelung gegen Hitze",
        "klimaanpassung",
        "entsiegelte Fläche",
        "m²",
        20000,
        3500,
    ),
    ("M 4.2", "Regenwasser im Stadtquartier halten", "klimaanpassung", "Rückhaltevolumen", "m³", 5000, 900),
    (
        "M 5.1",
        "Reparieren und Wiederverwenden",
        "zirkulaeres-wirtschaften",
        "Reparaturen",
        "pro Jahr",
        3000,
        800,
    ),
    (
        "M 5.2",
        "Regionale Baustoffbörse für Rückbaumaterial",
        "rohstoffe-recycling",
        "vermittelte Mengen",
        "t",
        2000,
        0,
    ),
    (
        "M 6.1",
        "Klimabildung an Schulen und im Bergbaumuseum",
        "bildung-kultur",
        "Veranstaltungen",
        "pro Jahr",
        60,
        25,
    ),
]

# title, summary, measure codes, final stage, t CO2e/year, people reached
PROJECTS = [
    (
        "Bürgersolar auf der Oberschule",
        "Eine Genossenschaft baut PV auf das Schuldach; Schüler messen mit.",
        ["M 1.1", "M 1.2"],
        "completed",
        85.0,
        900,
    ),
    (
        "Solarpark Halsbach in Bürgerhand",
        "Beteiligung für Menschen aus Freiberg und den Ortsteilen.",
        ["M 1.2"],
        "implementation",
        1900.0,
        600,
    ),
    (
        "Nahwärme Friedeburg",
        "Quartierswärme aus Abwärme und Solarthermie.",
        ["M 1.3"],
        "planning",
        650.0,
        1400,
    ),
    (
        "Radweg Campus–Bahnhof",
        "Lückenschluss mit sicherer Querung der Chemnitzer Straße.",
        ["M 2.1"],
        "implementation",
        140.0,
        5000,
    ),
    (
        "Lastenräder für Kitas",
        "Drei E-Lastenräder für Einkäufe und Ausflüge.",
        ["M 2.2"],
        "completed",
        6.0,
        400,
    ),
    (
        "Mobilstation Wernerplatz",
        "Carsharing, Leihräder und Busanschluss an einem Ort.",
        ["M 2.2", "M 2.1"],
        "idea",
        None,
        2000,
    ),
    (
        "Kita Sonnenblume energetisch sanieren",
        "Dämmung, Fenster und Wärmepumpe.",
        ["M 3.1"],
        "implementation",
        38.0,
        120,
    ),
    (
        "Sanierungslotsen im Quartier",
        "Ehrenamtliche begleiten Eigentümer zur Förderberatung.",
        ["M 3.2"],
        "planning",
        210.0,
        300,
    ),
    (
        "Schulhof entsiegeln: Grundschule Am Wasserturm",
        "Bäume, Schatten und Versickerung statt Asphalt.",
        ["M 4.1", "M 4.2"],
        "idea",
        2.0,
        350,
    ),
    ("Regengärten in der Altstadt", "Kleine Mulden sammeln Starkregen.", ["M 4.2"], "paused", None, 0),
    (
        "Repair-Café im Stadtteilzentrum",
        "Monatliche Reparaturtreffen mit Fachleuten aus dem Handwerk.",
        ["M 5.1"],
        "implementation",
        12.0,
        800,
    ),
    (
        "Bauteilbörse Mittelsachsen",
        "Türen, Fenster und Ziegel aus dem Rückbau finden neue Besitzer.",
        ["M 5.2"],
        "idea",
        300.0,
        None,
    ),
    (
        "Klimawerkstatt im Bergbaumuseum",
        "Schulprojekttage zu Rohstoffen und Energie.",
        ["M 6.1"],
        "planning",
        None,
        1500,
    ),
    (
        "Fassadengrün Petriviertel",
        "Begrünung von Hausfassaden mit Mieterinnen und Mietern.",
        ["M 4.1"],
        "dropped",
        None,
        None,
    ),
]
PATH = {
    "idea": [],
    "planning": ["planning"],
    "implementation": ["planning", "implementation"],
    "completed": ["planning", "implementation", "completed"],
    "paused": ["planning", "paused"],
    "dropped": ["dropped"],
}
REASONS = {"paused": "Förderbescheid steht noch aus.", "dropped": "Eigentümer haben abgesagt."}
# what the demo projects still lack (category, title), in turn
NEEDS = [
    ("skills", "Elektrofachkraft für die Abnahme"),
    ("spaces", "Raum für Treffen und Werkstatt"),
    ("money", "Eigenanteil für den Förderantrag"),
    ("knowledge", "Beratung zur Förderkulisse"),
    ("tools", "Lastenanhänger für Transporte"),
    ("materials", "Gebrauchte Bauteile"),
]
FUNDING = [
    "Kommunalrichtlinie (NKI), Eigenmittel der Stadt",
    "Bürgerbeteiligung über eine Energiegenossenschaft",
    "Förderprogramm des Freistaats Sachsen, Spenden",
]


def _demo_details(project: Any, i: int, final: str, user: Any) -> None:
    """Budget, funding, needs, milestones and an update, so every stage looks lived-in."""
    import datetime as dt

    from wandelwerk.projects.models import Milestone, Update
    from wandelwerk.projects.services import need_add, need_fill

    project.budget_eur = 5000 * (1 + (i * 7) % 19)
    project.funding = FUNDING[i % len(FUNDING)]
    # spread over the town (a few hundred metres to ~3 km from its centre) instead of one point
    if project.lat is not None and project.lon is not None:
        project.lat += ((i * 37) % 11 - 5) * 0.005
        project.lon += ((i * 53) % 13 - 6) * 0.007
    project.save(update_fields=["budget_eur", "funding", "lat", "lon"])
    category, title = NEEDS[i % len(NEEDS)]
    need = need_add(project=project, category=category, title=title)
    if final in ("implementation", "completed"):
        lead = project.partners.filter(status="accepted").select_related("actor").first()
        if lead is not None:
            need_fill(need=need, actor=lead.actor)
        need_add(
            project=project, category=NEEDS[(i + 2) % len(NEEDS)][0], title=NEEDS[(i + 2) % len(NEEDS)][1]
        )
    if final in ("planning", "implementation", "completed"):
        from django.utils import timezone

        today = timezone.localdate()
        # under way: applied months ago; still planning: the application is due in a few weeks
        applied = today - dt.timedelta(days=150 - 20 * (i % 6))
        if final == "planning":
            applied = today + dt.timedelta(days=30 + 10 * (i % 6))
        done = timezone.now() - dt.timedelta(days=140 - 20 * (i % 6))
        Milestone.objects.create(
            project=project,
            title="Förderantrag gestellt",
            due=applied,
            done_at=done if final != "planning" else None,
        )
        Milestone.objects.create(
            project=project,
            title="Baubeginn" if final == "planning" else "Abschlussbericht",
            due=applied + dt.timedelta(days=240),
            done_at=timezone.now() if final == "completed" else None,
        )
        Update.objects.create(
            project=project, posted_by=user, text="Auftaktreffen mit allen Partnern hat stattgefunden."
        )


def demo_strategy(*, user: Any) -> bool:
    """Creates the demo strategy with its measures and projects; False when it exists or Freiberg
    is not loaded."""
    if Strategy.objects.filter(slug=SLUG).exists():
        return False
    freiberg = Area.objects.filter(ags=FREIBERG).select_related("parent__parent").first()
    if freiberg is None:
        return False
    with transaction.atomic():
        city = actor_create(
            data=ActorData(
                name="Universitätsstadt Freiberg – Klimaschutzmanagement (Demo)",
                kind=Kind.ADMINISTRATION,
                sector=Sector.ADMINISTRATION,
                municipality=freiberg,
                description="Demo-Eintrag.",
                is_demo=True,
                source="demo",
                natural_key="demo:strategy:freiberg",
            ),
            status=Status.PUBLISHED,
        )
        strategy = Strategy.objects.create(
            title="Klimaschutzkonzept Freiberg 2030 (Demo)",
            slug=SLUG,
            publisher=city,
            area=freiberg,
            period_start=2024,
            period_end=2030,
            is_published=True,
            created_by=user,
            description="Erfundenes Beispiel: Stadt, Bürgerschaft und Wirtschaft setzen Maßnahmen um.",
        )
        Target.objects.create(
            strategy=strategy, label="Treibhausgasemissionen gegenüber 1990", year=2030, value=-65, unit="%"
        )
        Target.objects.create(
            strategy=strategy, label="Anteil erneuerbarer Strom", year=2030, value=80, unit="%"
        )
        topics = dict(Topic.objects.values_list("slug", "id"))
        measures = {}
        for code, title, topic, indicator, unit, target, current in MEASURES:
            measures[code] = Measure.objects.create(
                strategy=strategy,
                code=code,
                title=title,
                topic_id=topics.get(topic),
                indicator=indicator,
                unit=unit,
                target_value=target,
                current_value=current,
                responsible=city,
            )
        partners = list(
            Actor.objects.filter(county=freiberg.parent, is_demo=True, status=Status.PUBLISHED)
            .exclude(kind=Kind.PERSON)
            .order_by("id")[:40]
        )
        for i, (title, summary, codes, final, co2, people) in enumerate(PROJECTS):
            project = project_create(
                user=user,
                title=title,
                summary=summary,
                area=freiberg,
                measure_ids=[measures[c].pk for c in codes],
                effect_co2_t=co2,
                effect_people=people,
                is_public=True,
                topics=list(
                    Topic.objects.filter(pk__in=[measures[c].topic_id for c in codes if measures[c].topic_id])
                ),
            )
            if partners:
                implementer = partners[i % len(partners)]
                partner = partner_request(
                    project=project, actor=implementer, role=PartnerRole.IMPLEMENTER, user=user
                )
                if final in ("implementation", "completed"):
                    partner_decide(partner=partner, user=user, accept=True)
            for stage in PATH[final]:
                project_advance(project=project, user=user, to_stage=stage, reason=REASONS.get(stage, ""))
            _demo_details(project, i, final, user)
    return True
