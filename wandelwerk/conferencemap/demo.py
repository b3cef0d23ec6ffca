"""Demo content for the conferencemap app; called by `load_demo`: the Landkarte of the Mitmach-Konferenz
in the Central German coal region (Landkreis Leipzig), made through the real services. Idempotent."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from wandelwerk.actors.models import Actor, Topic, TopicGroup
from wandelwerk.actors.visibility import public_q
from wandelwerk.conferencemap import services
from wandelwerk.conferencemap.models import ConferenceMap
from wandelwerk.geo.models import Area

NETWORKS = ("zusammenwachsen-revier", "circular-rural-regions-mittelsachsen")
AREAS = ("14729", "14522")  # Landkreis Leipzig (in the Revier), Mittelsachsen
DESCRIPTION = (
    "Auf der Mitmach-Konferenz haben wir zusammengetragen, welche Initiativen es im Landkreis Leipzig "
    "schon gibt, welche es noch braucht und wie wir sie unterstützen können. Tragen Sie mit ein, was "
    "fehlt – und sagen Sie, womit Sie helfen könnten."
)
# (title, topic slug, municipality name or "" for the whole county, help role, description, supporters)
WISHES: tuple[tuple[str, str, str, str, str, int], ...] = (
    (
        "Repair-Café in Borna",
        "zirkulaeres-wirtschaften",
        "Borna",
        "space",
        "Einmal im Monat gemeinsam Toaster, Fahrräder und Kleidung reparieren – mit Ehrenamtlichen, die "
        "ihr Können weitergeben. Ein Raum mit Werkbank und Steckdosen wäre ideal.",
        14,
    ),
    (
        "Bürgerbus für die Dörfer um Groitzsch",
        "mobilitaet",
        "Groitzsch",
        "join",
        "Abends und am Wochenende fährt kaum ein Bus. Ein ehrenamtlich gefahrener Bürgerbus würde ältere "
        "Menschen und Jugendliche mit Groitzsch und Pegau verbinden.",
        11,
    ),
    (
        "Energiegenossenschaft für Dachflächen in Markkleeberg",
        "energie-klimaschutz",
        "Markkleeberg",
        "knowledge",
        "Schul- und Vereinsdächer mit Photovoltaik belegen und die Bürgerinnen und Bürger "
        "am Ertrag beteiligen.",
        9,
    ),
    (
        "Gemeinschaftsgarten am Stadtrand von Grimma",
        "ernaehrung-landwirtschaft",
        "Grimma",
        "material",
        "Eine brachliegende Fläche gemeinsam bewirtschaften: Beete, Obstbäume, Kompost und ein Ort zum "
        "Kennenlernen.",
        8,
    ),
    (
        "Lastenrad zum Ausleihen in Wurzen",
        "mobilitaet",
        "Wurzen",
        "money",
        "Ein freies Lastenrad, das man kostenlos ausleihen kann – beim Bäcker, in der Bibliothek oder im "
        "Rathaus.",
        7,
    ),
    (
        "Schulgarten und Klimabildung in Naunhof",
        "bildung-kultur",
        "Naunhof",
        "knowledge",
        "Grundschulkinder lernen, wie Gemüse wächst und was Klimaschutz mit dem eigenen Alltag zu tun hat.",
        6,
    ),
    (
        "Streuobstwiesen retten im Muldental",
        "naturschutz-oekologie",
        "Colditz",
        "join",
        "Alte Obstbäume pflegen, Mahd organisieren, Saft pressen: eine Initiative, die Wiesen und Wissen "
        "erhält.",
        6,
    ),
    (
        "Beratung für energetische Sanierung im Altbau",
        "bauen-wohnen",
        "",
        "knowledge",
        "Viele Eigentümerinnen und Eigentümer wissen nicht, wo sie anfangen sollen. Eine unabhängige, "
        "kostenlose Erstberatung vor Ort fehlt.",
        5,
    ),
    (
        "Schattenplätze und Trinkbrunnen in Zwenkau",
        "klimaanpassung",
        "Zwenkau",
        "",
        "Im Sommer wird es auf den Plätzen unerträglich heiß. Bäume, Sonnensegel und ein Trinkbrunnen "
        "würden helfen.",
        4,
    ),
    (
        "Baustoffbörse für gebrauchte Bauteile",
        "rohstoffe-recycling",
        "",
        "space",
        "Fenster, Türen, Ziegel aus Rückbau nicht wegwerfen, sondern weitergeben – mit einem Lager und "
        "einer einfachen Online-Liste.",
        4,
    ),
    (
        "Foodsharing-Fairteiler in Böhlen",
        "ernaehrung-landwirtschaft",
        "Böhlen",
        "join",
        "Ein öffentlich zugänglicher Kühlschrank, in dem Betriebe und Haushalte übrige Lebensmittel teilen.",
        3,
    ),
    (
        "Jugendforum Strukturwandel",
        "bildung-kultur",
        "",
        "contacts",
        "Junge Menschen sollen mitreden, wie das Revier nach der Kohle aussieht – mit eigenem Budget für "
        "kleine Projekte.",
        2,
    ),
)
COMMENTS = (
    (0, "Im Jugendhaus Borna gäbe es dienstags einen Raum mit Werkbank. Ich frage nach!"),
    (0, "Das Repair-Café in Leipzig-Plagwitz teilt gern seine **Checkliste** zur Haftung."),
    (1, "Die Gemeinde hat einen Fördertopf für Ehrenamtsmobilität – wir sollten das prüfen."),
    (2, "Wir aus der Schule wären dabei, unser Dach ist frisch saniert."),
    (5, "Tolle Idee! Die Umweltbibliothek hat Material für Grundschulen."),
)


def _participants(n: int) -> list[Any]:
    """Demo participants without a usable password (the same reserved addresses as the events demo)."""
    user_model = get_user_model()
    people = []
    for i in range(1, n + 1):
        email = f"teilnahme-{i:02d}@demo.wandelwerk.test"
        user = user_model.objects.filter(email__iexact=email).first()
        if user is None:
            user = user_model(username=email, email=email, display_name=f"Demo-Teilnahme {i}")
            user.set_unusable_password()
            user.save()
        people.append(user)
    return people


def _place() -> tuple[Any, Area] | None:
    from wandelwerk.networks.models import Network
    from wandelwerk.networks.selectors import network_area_ids

    for slug, ags in zip(NETWORKS, AREAS, strict=True):
        network = Network.objects.filter(slug=slug).first()
        area = Area.objects.filter(ags=ags).defer("boundary", "boundary_light").first()
        if network is not None and area is not None and area.pk in network_area_ids(network):
            return network, area
    return None


def _actors(area: Area, limit: int = 20) -> list[Actor]:
    """Up to ``limit`` public actors of the area, spread over the action fields."""
    picked: dict[int, Actor] = {}
    topics = list(Topic.objects.filter(group=TopicGroup.FIELD).order_by("order", "name"))
    per_topic = max(2, limit // max(1, len(topics)) + 1)
    base = Actor.objects.filter(public_q(), county=area).only(
        "id", "name", "municipality_id", "county_id", "state_id"
    )
    for topic in topics:
        for actor in base.filter(topics=topic).order_by("name", "id")[:per_topic]:
            if len(picked) < limit:
                picked.setdefault(actor.pk, actor)
    if len(picked) < limit:
        for actor in base.exclude(pk__in=list(picked)).order_by("name", "id")[: limit - len(picked)]:
            picked[actor.pk] = actor
    return list(picked.values())


@transaction.atomic
def load_demo(*, user: Any) -> str | None:
    """Creates the demo content once; returns a line for the command output, or None if nothing was new."""
    if ConferenceMap.objects.filter(is_demo=True).exists():
        return None
    place = _place()
    if place is None:
        return None
    network, area = place
    from wandelwerk.events.models import Event

    event = Event.objects.filter(network=network, kind="conference").order_by("-is_demo", "start").first()
    cmap = services.map_create(
        user=user,
        network=network,
        event=event,
        title=f"Landkarte {area.kind_label} {area.name}: was es gibt, was fehlt".replace("  ", " "),
        area=area,
        description=DESCRIPTION,
        is_demo=True,
    )
    people = _participants(20)
    actors = _actors(area)
    for i, actor in enumerate(actors):
        services.actor_link(cmap=cmap, user=people[i % len(people)], actor=actor)
    municipalities = {
        a.name.split(",")[0]: a
        for a in Area.objects.filter(parent=area).only("id", "name", "lat", "lon", "parent_id")
    }
    topics = {t.slug: t for t in Topic.objects.filter(group=TopicGroup.FIELD)}
    wishes = []
    for n, (title, slug, town, role, text, supporters) in enumerate(WISHES):
        if slug not in topics:
            continue
        wish = services.wish_create(
            cmap=cmap,
            user=people[n % len(people)],
            title=title,
            topic=topics[slug],
            description=text,
            area=municipalities.get(town) if town else None,
            help_role=role,
        )
        wishes.append(wish)
        roles = ("", "join", "knowledge", "", "space", "money", "material")
        for k in range(supporters):
            services.wish_support(
                wish=wish, user=people[(n + k + 1) % len(people)], help_role=roles[k % len(roles)]
            )
    for index, text in COMMENTS:
        if index < len(wishes):
            services.comment_create(wish=wishes[index], user=people[(index + 5) % len(people)], text=text)
    return (
        f"Demo-Landkarte „{cmap.title}“: {len(actors)} Akteure verknüpft, {len(wishes)} Wünsche mit "
        f"Unterstützungen und {len(COMMENTS)} Kommentaren."
    )
