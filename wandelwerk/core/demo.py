"""Synthetic demo actors on the loaded geography, shared by ``manage.py synth``, ``load_demo`` and the
benchmarks: reads the areas and topics, runs ``engines.synth`` and writes through the actors services.

Everything written here is flagged demo (``is_demo``, source "demo", natural key ``demo:<seed>:<n>``);
a rerun skips the keys that exist, so nothing is duplicated and nothing existing is changed.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wandelwerk.actors.models import Actor, Topic, TopicGroup
from wandelwerk.actors.services import ActorData, BulkActor, actor_create, actors_bulk_insert
from wandelwerk.engines.synth import Mix, Municipality, SynthActor, SynthTopic, generate
from wandelwerk.geo.models import Area, AreaKind

DEMO_PREFIX = "demo:"


class SynthError(ValueError):
    """Synthetic data cannot be made (e.g. no geography loaded); the message says what to do."""


@dataclass(frozen=True, slots=True)
class SynthResult:
    created: int
    skipped: int
    seconds: float

    @property
    def rows_per_second(self) -> float:
        return self.created / self.seconds if self.seconds > 0 else 0.0


def synth_municipalities(
    *, states: Sequence[str] = (), within: Iterable[int] | None = None
) -> list[Municipality]:
    """The inhabited municipalities (ordered by AGS) of the given states (two-digit keys; all if empty),
    or of the given areas (states, counties or municipalities by id) when ``within`` is given."""
    qs = Area.objects.filter(kind=AreaKind.MUNICIPALITY, lat__isnull=False, lon__isnull=False)
    qs = qs.filter(parent__isnull=False, parent__parent__isnull=False)
    if states:
        qs = qs.filter(parent__parent__ags__in=list(states))
    if within is not None:
        ids = list(within)
        qs = qs.filter(pk__in=ids) | qs.filter(parent_id__in=ids) | qs.filter(parent__parent_id__in=ids)
    rows = qs.order_by("ags").values_list(
        "id", "parent_id", "parent__parent_id", "ags", "name", "lat", "lon",
        "min_lon", "min_lat", "max_lon", "max_lat", "population", "regiostar7",
    )  # fmt: skip
    out = []
    for pk, county, state, ags, name, lat, lon, x0, y0, x1, y1, population, rs7 in rows:
        assert lat is not None and lon is not None  # filtered above
        if x0 is None or y0 is None or x1 is None or y1 is None:
            x0, y0, x1, y1 = lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01
        out.append(
            Municipality(pk, county, state, ags, name, lat, lon, (x0, y0, x1, y1), population or 0, rs7)
        )
    return out


def synth_topics() -> list[SynthTopic]:
    """The action fields (not the SDGs), ordered by id."""
    return [
        SynthTopic(pk, slug)
        for pk, slug in Topic.objects.filter(group=TopicGroup.FIELD).order_by("pk").values_list("pk", "slug")
    ]


def _existing(seed: int, count: int) -> np.ndarray:
    """Which of the numbers 0 … count-1 already exist for ``seed`` (natural keys demo:<seed>:<n>)."""
    taken = np.zeros(count, dtype=bool)
    prefix = f"{DEMO_PREFIX}{seed}:"
    keys = Actor.objects.filter(natural_key__startswith=prefix).values_list("natural_key", flat=True)
    for key in keys.iterator(chunk_size=20_000):
        tail = key[len(prefix) :]
        if tail.isdigit() and int(tail) < count:
            taken[int(tail)] = True
    return taken


def _bulk_row(a: SynthActor) -> BulkActor:
    return BulkActor(
        name=a.name,
        kind=a.kind,
        sector=a.sector,
        municipality_id=a.municipality_id,
        county_id=a.county_id,
        state_id=a.state_id,
        lat=a.lat,
        lon=a.lon,
        precision=a.precision,
        natural_key=a.natural_key,
        description=a.description,
        street=a.street,
        place=a.place,
        website=a.website,
        email=a.email,
        visibility=a.visibility,
        status=a.status,
        source=a.source,
        last_confirmed=a.last_confirmed,
        is_demo=a.is_demo,
        topic_ids=a.topic_ids,
        resources=a.resources,
    )


def _create_one(a: SynthActor, areas: dict[int, Area]) -> None:
    """One actor through the regular service: for persons who opted in (the service records time and
    text of the consent) and for names whose slug is taken already (the service finds a free one)."""
    municipality = areas.get(a.municipality_id)
    if municipality is None:
        municipality = areas[a.municipality_id] = Area.objects.select_related("parent__parent").get(
            pk=a.municipality_id
        )
    data = ActorData(
        name=a.name,
        kind=a.kind,
        sector=a.sector,
        municipality=municipality,
        lat=a.lat,
        lon=a.lon,
        precision=a.precision,
        description=a.description,
        street=a.street,
        place=a.place,
        website=a.website,
        email=a.email,
        visibility=a.visibility,
        topic_ids=a.topic_ids,
        source=a.source,
        natural_key=a.natural_key,
        last_confirmed=a.last_confirmed,
        is_demo=True,
        person_consent=a.person_consent,
        resources=a.resources,
    )
    actor_create(data=data, status=a.status)


def _slug_taken(actors: Sequence[SynthActor]) -> set[str]:
    """Which of these names' slugs exist already (from other seeds, imports or people)."""
    slugs = [slugify(a.name)[:200] for a in actors]
    taken: set[str] = set()
    for start in range(0, len(slugs), 5000):
        taken.update(
            Actor.objects.filter(slug__in=slugs[start : start + 5000]).values_list("slug", flat=True)
        )
    return taken


def synth_insert(
    *,
    municipalities: Sequence[Municipality],
    topics: Sequence[SynthTopic],
    count: int,
    seed: int,
    batch: int = 20_000,
    mix: Mix | None = None,
    reference_date: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SynthResult:
    """Generates actors 0 … count-1 for ``seed`` and inserts those not yet present, ``batch`` rows per
    transaction (an interrupted run is continued by the next one). Returns what was created."""
    if count < 0 or batch < 1:
        raise SynthError("count must be ≥ 0 and batch ≥ 1")
    if not municipalities:
        raise SynthError("Keine Gemeinden geladen: zuerst `python manage.py load_geography` ausführen.")
    start = time.perf_counter()
    taken = _existing(seed, count)
    skipped = int(taken.sum())
    if skipped == count:
        return SynthResult(0, skipped, time.perf_counter() - start)
    topic_names = dict(Topic.objects.filter(pk__in=[t.id for t in topics]).values_list("pk", "name"))
    areas: dict[int, Area] = {}
    created = 0
    rows: list[SynthActor] = []

    def flush() -> None:
        # Rows go through the fast bulk path, except persons who consented and names whose slug exists
        # already: actors_bulk_insert only checks the plain slug, not its "-2", "-3" … variants.
        nonlocal created, rows
        taken = _slug_taken(rows)
        single = [a for a in rows if a.person_consent or slugify(a.name)[:200] in taken]
        bulk = [_bulk_row(a) for a in rows if not (a.person_consent or slugify(a.name)[:200] in taken)]
        with transaction.atomic():
            if bulk:
                created += actors_bulk_insert(rows=bulk, topic_names=topic_names, batch_size=min(batch, 5000))
            for actor in single:
                _create_one(actor, areas)
            created += len(single)
        rows = []
        if progress is not None:
            progress(created, count - skipped)

    today = reference_date or timezone.localdate()
    for actor in generate(municipalities, topics, count=count, seed=seed, mix=mix, reference_date=today):
        if taken[actor.n]:
            continue
        rows.append(actor)
        if len(rows) >= batch:
            flush()
    if rows:
        flush()
    return SynthResult(created, skipped, time.perf_counter() - start)


# --- the demo installation (networks from the seed pages, users, actors) -----------------------------------
DEMO_SEED = 2026
DEMO_ACTORS = 3000
DEMO_PASSWORD = "Wandelwerk-Demo-2026"  # noqa: S105 - published demo login, on reserved .test addresses
DEMO_MIX = Mix(pending=0.01, members=0.05, private=0.02, person_consent=0.6)
_NOTE = "\n\n_Demodaten: Beschreibung nach der öffentlichen Projektseite; die Akteure sind erfunden._"
_REGIONAL = (
    "Regionales Nachhaltigkeitsnetzwerk im Landesverband Nachhaltiges Sachsen: Netzwerktreffen bringen "
    "Engagierte aus Vereinen und Initiativen, Kommunen, Unternehmen, Bildungseinrichtungen und "
    "Religionsgemeinschaften zusammen. Begonnen 2021 im Projekt „Netzwerk Zukunft Regional“, fortgeführt "
    "mit „Den Wandel lokal verankern“."
)


@dataclass(frozen=True, slots=True)
class DemoNetwork:
    slug: str
    name: str
    areas: tuple[tuple[str, str], ...]  # (AGS, name as expected in the Area table)
    description: str
    parent: str = ""


LV = "landesverband-nachhaltiges-sachsen"
DEMO_NETWORKS: tuple[DemoNetwork, ...] = (
    DemoNetwork(
        LV,
        "Landesverband Nachhaltiges Sachsen",
        (("14", "Sachsen"),),
        "Zusammenschluss von Organisationen, Unternehmen und Einzelpersonen für eine nachhaltige Entwicklung "
        "in Sachsen. Weil die Akteursdichte auf dem Land geringer ist als in den kreisfreien Städten, stellt "
        "der Verband die regionale Vernetzung in den Mittelpunkt und unterstützt Netzwerke in fünf "
        "Teilregionen.",
    ),
    DemoNetwork("region-zwickau", "Region Zwickau", (("14524", "Zwickau"),), _REGIONAL, LV),
    DemoNetwork(
        "region-freiberg-tharandt",
        "Region Freiberg/Tharandt",
        (
            ("14522180", "Freiberg"),
            ("14628400", "Tharandt"),
            ("14522035", "Bobritzsch-Hilbersdorf"),
            ("14522240", "Halsbrücke"),
        ),
        _REGIONAL,
        LV,
    ),
    DemoNetwork(
        "saechsische-schweiz",
        "Sächsische Schweiz",
        (("14628", "Sächsische Schweiz-Osterzgebirge"),),
        _REGIONAL,
        LV,
    ),
    DemoNetwork(
        "region-hoyerswerda",
        "Region Hoyerswerda",
        (
            ("14625240", "Hoyerswerda"),
            ("14625030", "Bernsdorf"),
            ("14625120", "Elsterheide"),
            ("14625310", "Lauta"),
            ("14625330", "Lohsa"),
            ("14625570", "Spreetal"),
            ("14625640", "Wittichenau"),
        ),
        _REGIONAL,
        LV,
    ),
    DemoNetwork("region-zittau-goerlitz", "Region Zittau/Görlitz", (("14626", "Görlitz"),), _REGIONAL, LV),
    DemoNetwork(
        "zusammenwachsen-revier",
        "ZusammenWachsen – Engagiert im Revier",
        (
            ("15087", "Mansfeld-Südharz"),
            ("15084", "Burgenlandkreis"),
            ("15088", "Saalekreis"),
            ("15082", "Anhalt-Bitterfeld"),
            ("14730", "Nordsachsen"),
            ("14729", "Leipzig"),
            ("14713", "Leipzig"),
            ("15002", "Halle (Saale)"),
        ),
        "Zivilgesellschaftliches Netzwerk im Mitteldeutschen Revier (Sommer 2024 bis Sommer 2027): Beratung, "
        "Begleitung und Vernetzung für Engagierte und ein sozial, ökologisch und ökonomisch nachhaltiger "
        "Strukturwandel – mit Netzwerktreffen, Arbeitsgruppen und Kompetenzstellen.",
    ),
    DemoNetwork(
        "circular-rural-regions-mittelsachsen",
        "Circular Rural Regions Mittelsachsen",
        (("14522", "Mittelsachsen"),),
        "Modellvorhaben im Landkreis Mittelsachsen: Eine Potenzialanalyse deckt Ressourcen, Prozesse und "
        "Akteure der Kreislaufwirtschaft auf; Foren, Themenrunden und ein Mitmachwettbewerb verbinden "
        "Landwirtschaft, Bau, Industrie, Rohstoffgewinnung und -recycling, Verwaltung, Forschung und "
        "Zivilgesellschaft.",
    ),
)

# email, display name, staff, [(network slug, role)]
DEMO_USERS: tuple[tuple[str, str, bool, tuple[tuple[str, str], ...]], ...] = (
    (
        "koordination@demo.wandelwerk.test",
        "Demo-Koordination",
        False,
        (
            (LV, "coordinator"),
            ("zusammenwachsen-revier", "coordinator"),
            ("circular-rural-regions-mittelsachsen", "coordinator"),
        ),
    ),
    (
        "zwickau@demo.wandelwerk.test",
        "Koordination Region Zwickau",
        False,
        (("region-zwickau", "coordinator"),),
    ),
    ("mitglied@demo.wandelwerk.test", "Demo-Mitglied", False, ((LV, "member"),)),
    ("admin@demo.wandelwerk.test", "Demo-Administration", True, ()),
)


@dataclass(slots=True)
class DemoReport:
    networks_created: list[str]
    networks_kept: list[str]
    networks_skipped: list[str]  # none of their areas is loaded
    missing_areas: list[str]
    users_created: list[str]
    actors: SynthResult | None = None


def _resolve_area(ags: str, name: str) -> Area | None:
    """The area with this AGS; if the key is unknown (other territorial state), one of the same level
    in the same state whose name starts with ``name``."""
    area = Area.objects.filter(ags=ags).first()
    if area is not None:
        return area
    kind = {2: AreaKind.STATE, 5: AreaKind.COUNTY}.get(len(ags), AreaKind.MUNICIPALITY)
    return (
        Area.objects.filter(kind=kind, ags__startswith=ags[:2], name__istartswith=name)
        .order_by("ags")
        .first()
    )


def _demo_networks(report: DemoReport) -> None:
    from wandelwerk.networks.models import Network
    from wandelwerk.networks.services import network_create

    for spec in DEMO_NETWORKS:
        if Network.objects.filter(slug=spec.slug).exists():
            report.networks_kept.append(spec.slug)
            continue
        areas = []
        for ags, name in spec.areas:
            area = _resolve_area(ags, name)
            if area is None:
                report.missing_areas.append(f"{name} ({ags})")
            else:
                areas.append(area)
        if not areas:
            report.networks_skipped.append(spec.slug)
            continue
        parent = Network.objects.filter(slug=spec.parent).first() if spec.parent else None
        network_create(
            slug=spec.slug,
            name=spec.name,
            areas=areas,
            parent=parent,
            description=spec.description + _NOTE,
            is_demo=True,
        )
        report.networks_created.append(spec.slug)


def _demo_users(report: DemoReport) -> None:
    """Creates the demo accounts that are missing (verified primary email, so they can log in). Existing
    accounts and memberships are left exactly as they are (a changed password or role stays)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from wandelwerk.networks.models import Membership, Network
    from wandelwerk.networks.services import membership_set

    user_model = get_user_model()
    for email, display_name, staff, roles in DEMO_USERS:
        user = user_model.objects.filter(email__iexact=email).first()
        if user is None:
            user = user_model(username=email, email=email, display_name=display_name)
            user.is_staff = user.is_superuser = staff
            user.set_password(DEMO_PASSWORD)
            user.save()
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            report.users_created.append(email)
        for slug, role in roles:
            network = Network.objects.filter(slug=slug).first()
            if network is not None and not Membership.objects.filter(network=network, user=user).exists():
                membership_set(network=network, user=user, role=role)


def demo_load(*, actors: int = DEMO_ACTORS, progress: Callable[[int, int], None] | None = None) -> DemoReport:
    """Creates what is missing of the demo installation on the loaded geography. Never deletes or
    changes existing rows, so it is safe to run again (and fast: existing parts are only looked up)."""
    if not Area.objects.filter(kind=AreaKind.MUNICIPALITY).exists():
        raise SynthError("Keine Gemeinden geladen: zuerst `python manage.py load_geography` ausführen.")
    report = DemoReport([], [], [], [], [])
    with transaction.atomic():
        _demo_networks(report)
        _demo_users(report)
    from wandelwerk.networks.models import Network

    area_ids = set(
        Network.areas.through.objects.filter(network__slug__in=[n.slug for n in DEMO_NETWORKS]).values_list(
            "area_id", flat=True
        )
    )
    if area_ids and actors:
        report.actors = synth_insert(
            municipalities=synth_municipalities(within=area_ids),
            topics=synth_topics(),
            count=actors,
            seed=DEMO_SEED,
            batch=5000,
            mix=DEMO_MIX,
            progress=progress,
        )
    return report
