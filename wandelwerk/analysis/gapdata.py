"""Loads what the gap engine needs (areas, actor counts) and caches its result.

Areas given to :func:`wandelwerk.engines.gaps.analyse` (ids are AGS, networks ``network:<slug>``):

* municipalities with population and RegioStaR 7 type, parent = their county;
* counties with their 2024 population and a *derived* RegioStaR 7 type (see :func:`county_types`),
  parent = their state; states without type (16 states are too few peers);
* every network as an aggregate: it becomes a parent of each area it covers (child networks' areas
  rolled up), so its counts are the sum over the distinct municipalities below it.

Counts: one grouped query (UNION ALL of three GROUP BYs) over public, published actors that
moderation does not hide, per (municipality, key) with keys = topic slugs, ``sector:<x>`` and
``kind:<x>``. Members-only actors are not counted on these public pages.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any

from django.core.cache import cache
from django.db.models import Count, F, IntegerField, Max, Value
from django.db.models.functions import Coalesce

from wandelwerk.actors.models import Actor, Kind, Sector, Topic
from wandelwerk.actors.visibility import public_q
from wandelwerk.engines import gaps
from wandelwerk.geo.models import Area, AreaKind
from wandelwerk.networks.models import Network

SECTOR = "sector:"
KIND = "kind:"
NETWORK = "network:"
CACHE_SECONDS = 6 * 3600
CACHE_PREFIX = "analysis:gaps:"


def network_id(slug: str) -> str:
    return NETWORK + slug


def topic_keys() -> list[tuple[str, str]]:
    """(key, label) of every topic in display order."""
    return [(t.slug, t.label) for t in Topic.objects.only("slug", "name", "name_en", "group", "order")]


def all_keys(topics: list[tuple[str, str]]) -> list[str]:
    return (
        [slug for slug, _ in topics]
        + [SECTOR + value for value in Sector.values]
        + [KIND + value for value in Kind.values]
    )


def key_label(key: str, topics: dict[str, str]) -> str:
    """The readable name of a key: topic name, "Sektor: …" or "Art: …"."""
    from django.utils.translation import gettext as _

    if key.startswith(SECTOR):
        value = key.removeprefix(SECTOR)
        return _("Sektor: %(name)s") % {"name": Sector(value).label if value in Sector.values else value}
    if key.startswith(KIND):
        value = key.removeprefix(KIND)
        return _("Art: %(name)s") % {"name": Kind(value).label if value in Kind.values else value}
    return topics.get(key, key)


def county_types(rows: list[tuple[int, int | None, int | None, int | None]]) -> dict[int, int]:
    """County id → the RegioStaR 7 type holding the largest share of the county's population, from
    (municipality id, parent id, population, regiostar7) rows; equal shares: the more urban (lower)
    type. Counties without typed, populated municipalities get none."""
    weight: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for _id, parent, population, rt7 in rows:
        if parent is not None and rt7 is not None and population:
            weight[parent][rt7] += population
    return {county: min(types, key=lambda t: (-types[t], t)) for county, types in weight.items()}


def _municipality_rows() -> list[tuple[int, int | None, int | None, int | None]]:
    return list(
        Area.objects.filter(kind=AreaKind.MUNICIPALITY).values_list(
            "id", "parent_id", "population", "regiostar7"
        )
    )


def build_areas(states: set[str] | None = None) -> list[gaps.Area]:
    """Engine areas of ``states`` (two-digit keys; all when None) and every network."""
    from wandelwerk.networks.selectors import all_network_area_ids

    rows = list(
        Area.objects.values_list("id", "ags", "kind", "parent_id", "population", "regiostar7", "lat", "lon")
    )
    if states is not None:
        rows = [r for r in rows if r[1][:2] in states]
    types = county_types([(r[0], r[3], r[4], r[5]) for r in rows if r[2] == AreaKind.MUNICIPALITY])
    ags_of = {r[0]: r[1] for r in rows}
    extra_parents: dict[int, list[str]] = defaultdict(list)
    slugs = dict(Network.objects.values_list("id", "slug"))
    for net_pk, area_ids in all_network_area_ids().items():
        for area_id in area_ids & ags_of.keys():
            extra_parents[area_id].append(network_id(slugs[net_pk]))
    result: list[gaps.Area] = []
    for pk, ags, kind, parent, population, rt7, lat, lon in rows:
        if kind == AreaKind.COUNTY:
            rt7 = types.get(pk)
        elif kind == AreaKind.STATE:
            rt7 = None
        parents = ([ags_of[parent]] if parent in ags_of else []) + sorted(extra_parents.get(pk, ()))
        result.append(
            gaps.Area(
                id=ags,
                kind=kind,
                population=population,
                regiostar7=rt7,
                parent_ids=tuple(parents),
                lat=lat,
                lon=lon,
            )
        )
    for slug in sorted(slugs.values()):
        result.append(gaps.Area(id=network_id(slug), kind="network"))
    return result


def actor_counts() -> dict[tuple[str, str], int]:
    """(municipality AGS, key) → number of public actors, in one query."""
    public = Actor.objects.filter(public_q())
    through = Actor.topics.through.objects.filter(actor__in=public.values("id"))
    by_topic = (
        through.order_by()
        .values(ags=F("actor__municipality__ags"), key=F("topic__slug"))
        .annotate(tag=Value(0, output_field=IntegerField()), n=Count("*"))
    )
    by_sector = (
        public.order_by()
        .values(ags=F("municipality__ags"), key=F("sector"))
        .annotate(tag=Value(1, output_field=IntegerField()), n=Count("id"))
    )
    by_kind = (
        public.order_by()
        .values(ags=F("municipality__ags"), key=F("kind"))
        .annotate(tag=Value(2, output_field=IntegerField()), n=Count("id"))
    )
    prefix = ("", SECTOR, KIND)
    counts: dict[tuple[str, str], int] = {}
    for row in by_topic.union(by_sector, by_kind, all=True):
        counts[(row["ags"], prefix[row["tag"]] + row["key"])] = row["n"]
    return counts


def data_version() -> str:
    """Changes whenever actors, topics, network areas, areas or moderation decisions change
    (six small aggregate queries; an actor's topics change through its update, which touches
    ``updated_at``)."""
    from wandelwerk.moderation.models import Flag

    agg: dict[str, Any] = Actor.objects.aggregate(updated=Max("updated_at"), n=Count("id"))
    extra = [
        Topic.objects.count(),
        Network.areas.through.objects.aggregate(n=Count("id"), m=Coalesce(Max("id"), 0)),
        Network.objects.aggregate(m=Coalesce(Max("id"), 0)),
        Area.objects.count(),
        Flag.objects.aggregate(n=Count("id"), h=Max("hidden_at"), d=Max("decided_at")),
    ]
    raw = repr((agg, extra))
    return hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()[:16]


def gap_table() -> gaps.GapTable:
    """The gap analysis for Germany and every network, from the cache when the data is unchanged."""
    key = CACHE_PREFIX + data_version()
    table = cache.get(key)
    if table is None:
        table = compute_gap_table()
        cache.set(key, table, CACHE_SECONDS)
    return table  # type: ignore[no-any-return]


def compute_gap_table() -> gaps.GapTable:
    """Comparison scope: the states where at least one public actor is listed. Peers from states
    without any entry would only say "Wandelwerk is not used there", not "nobody is active"."""
    counts = actor_counts()
    areas = build_areas({ags[:2] for ags, _ in counts})
    topics = topic_keys()
    known = {a.id for a in areas if a.kind == gaps.MUNICIPALITY}
    keys = all_keys(topics)
    key_set = set(keys)
    counts = {k: v for k, v in counts.items() if k[0] in known and k[1] in key_set}
    return gaps.analyse(areas, counts, keys=keys)
