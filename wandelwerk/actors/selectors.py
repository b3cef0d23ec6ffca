"""Reads of actors: filtering, full-text search, facets, map aggregation. Every read starts from
``actors_visible_to(user)`` so nothing non-public leaks into lists, maps, the API or exports."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import BooleanField, Count, F, Func, Prefetch, Q, QuerySet, Value
from django.db.models.expressions import RawSQL

from wandelwerk.actors.models import Actor, Kind, Resource, Sector, Topic, TopicGroup
from wandelwerk.actors.query import ActorQuery, FilterError
from wandelwerk.actors.visibility import actors_visible_to  # noqa: F401 - re-exported for views
from wandelwerk.engines.text import query_tokens
from wandelwerk.geo.models import Area, AreaKind
from wandelwerk.networks.models import Network


class _TsMatch(Func):
    """to_tsvector('simple', search_text) @@ to_tsquery('simple', q) — the expression of the GIN index
    (migration 0002), written as a Func so Django qualifies the column correctly inside subqueries."""

    arg_joiner = ") @@ to_tsquery('simple', "
    template = "to_tsvector('simple', %(expressions)s)"
    output_field = BooleanField()


def _fulltext(qs: QuerySet[Actor], q: str) -> QuerySet[Actor]:
    tokens = query_tokens(q)
    if not tokens:
        return qs
    if connection.vendor == "sqlite":
        match = " ".join(f'"{t}"*' for t in tokens)
        sql = "SELECT rowid FROM actors_actor_fts WHERE actors_actor_fts MATCH %s"
        return qs.filter(id__in=RawSQL(sql, [match]))  # noqa: S611 - bound parameter
    if connection.vendor == "postgresql":
        tsquery = " & ".join(f"{t}:*" for t in tokens)
        return qs.alias(fts_match=_TsMatch(F("search_text"), Value(tsquery))).filter(fts_match=True)
    condition = Q()
    for token in tokens:
        condition &= Q(search_text__icontains=token)
    return qs.filter(condition)


def area_filter(area: Area) -> Q:
    if area.kind == AreaKind.STATE:
        return Q(state_id=area.pk)
    if area.kind == AreaKind.COUNTY:
        return Q(county_id=area.pk)
    return Q(municipality_id=area.pk)


def areas_filter(area_ids: frozenset[int] | set[int]) -> Q:
    ids = list(area_ids)
    return Q(municipality_id__in=ids) | Q(county_id__in=ids) | Q(state_id__in=ids)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A query's names turned into ids, looked up once per request."""

    topic_ids: tuple[int, ...] = ()
    network_area_ids: frozenset[int] | None = None
    area: Area | None = None


def resolve(query: ActorQuery) -> Resolved:
    """Looks up topics, networks and the area of ``query``; unknown names raise FilterError."""
    from wandelwerk.networks.selectors import network_area_ids

    topic_ids: tuple[int, ...] = ()
    if query.topics:
        topics = dict(Topic.objects.filter(slug__in=query.topics).values_list("slug", "id"))
        missing = set(query.topics) - set(topics)
        if missing:
            raise FilterError("topic", f"Unbekanntes Handlungsfeld „{sorted(missing)[0]}“.")
        topic_ids = tuple(topics.values())
    area_ids: frozenset[int] | None = None
    if query.networks:
        networks = list(Network.objects.filter(slug__in=query.networks))
        missing = set(query.networks) - {n.slug for n in networks}
        if missing:
            raise FilterError("network", f"Unbekanntes Netzwerk „{sorted(missing)[0]}“.")
        ids: set[int] = set()
        for network in networks:
            ids |= network_area_ids(network)
        area_ids = frozenset(ids)
    area = None
    if query.area:
        area = Area.objects.filter(ags=query.area).only("id", "kind", "ags", "name").first()
        if area is None:
            raise FilterError("area", f"Unbekannter Gebietsschlüssel „{query.area}“.")
    return Resolved(topic_ids=topic_ids, network_area_ids=area_ids, area=area)


def apply_query(
    qs: QuerySet[Actor], query: ActorQuery, *, skip: str = "", resolved: Resolved | None = None
) -> QuerySet[Actor]:
    """Narrows ``qs`` by every part of ``query`` except the facet named ``skip`` (for facet counts)."""
    r = resolved if resolved is not None else resolve(query)
    if query.q:
        qs = _fulltext(qs, query.q)
    if query.bbox:
        b = query.bbox
        qs = qs.filter(lat__gte=b.min_lat, lat__lte=b.max_lat, lon__gte=b.min_lon, lon__lte=b.max_lon)
    if r.topic_ids and skip != "topic":
        through = Actor.topics.through.objects.filter(topic_id__in=r.topic_ids)
        qs = qs.filter(id__in=through.values("actor_id"))
    if query.kinds and skip != "kind":
        qs = qs.filter(kind__in=query.kinds)
    if query.sectors and skip != "sector":
        qs = qs.filter(sector__in=query.sectors)
    if r.network_area_ids is not None and skip != "network":
        qs = qs.filter(areas_filter(r.network_area_ids))
    if r.area is not None and skip != "area":
        qs = qs.filter(area_filter(r.area))
    return qs


def actor_filter(*, user: Any, query: ActorQuery, resolved: Resolved | None = None) -> QuerySet[Actor]:
    """Visible actors matching ``query``, ordered by name."""
    return apply_query(actors_visible_to(user), query, resolved=resolved).order_by("name", "id")


def actor_list_page(qs: QuerySet[Actor]) -> QuerySet[Actor]:
    """What a list row shows, in a fixed number of queries."""
    return qs.select_related("municipality", "county").prefetch_related(
        Prefetch("topics", queryset=Topic.objects.only("id", "slug", "name", "name_en", "group"))
    )


def actor_get(*, user: Any, slug: str) -> Actor | None:
    return (
        actors_visible_to(user)
        .select_related("municipality", "county", "state", "owner")
        .prefetch_related(
            "topics", Prefetch("resources", queryset=Resource.objects.order_by("direction", "title"))
        )
        .filter(slug=slug)
        .first()
    )


@dataclass(frozen=True, slots=True)
class FacetValue:
    key: str
    label: str
    count: int
    selected: bool


def facets(*, user: Any, query: ActorQuery, resolved: Resolved | None = None) -> dict[str, list[FacetValue]]:
    """Counts per facet value under all other active filters (one query per facet group)."""
    base = actors_visible_to(user)
    r = resolved if resolved is not None else resolve(query)
    result: dict[str, list[FacetValue]] = {}

    kind_counts = dict(
        apply_query(base, query, skip="kind", resolved=r).values_list("kind").annotate(n=Count("id"))
    )
    result["kind"] = [
        FacetValue(k, str(label), kind_counts.get(k, 0), k in query.kinds)
        for k, label in Kind.choices
        if kind_counts.get(k) or k in query.kinds
    ]
    sector_counts = dict(
        apply_query(base, query, skip="sector", resolved=r).values_list("sector").annotate(n=Count("id"))
    )
    result["sector"] = [
        FacetValue(k, str(label), sector_counts.get(k, 0), k in query.sectors)
        for k, label in Sector.choices
        if sector_counts.get(k) or k in query.sectors
    ]
    topic_ids = apply_query(base, query, skip="topic", resolved=r).values("id")
    topic_counts = dict(
        Actor.topics.through.objects.filter(actor_id__in=topic_ids)
        .values_list("topic_id")
        .annotate(n=Count("id"))
    )
    result["topic"] = [
        FacetValue(t.slug, t.name, topic_counts.get(t.pk, 0), t.slug in query.topics)
        for t in Topic.objects.filter(group=TopicGroup.FIELD)
        if topic_counts.get(t.pk) or t.slug in query.topics
    ]
    result["network"], result["area"] = _location_facets(base, query, r)
    return result


def _location_facets(
    base: QuerySet[Actor], query: ActorQuery, r: Resolved
) -> tuple[list[FacetValue], list[FacetValue]]:
    from wandelwerk.networks.selectors import all_network_area_ids

    rows = list(
        apply_query(base, query, skip="network", resolved=r)
        .values_list("municipality_id", "county_id", "state_id")
        .annotate(n=Count("id"))
    )
    area_sets = all_network_area_ids()
    networks = []
    for network in Network.objects.order_by("name").only("id", "slug", "name"):
        ids = area_sets.get(network.pk, frozenset())
        n = sum(c for m, k, s, c in rows if m in ids or k in ids or s in ids)
        if n or network.slug in query.networks:
            networks.append(FacetValue(network.slug, network.name, n, network.slug in query.networks))
    by_county = Counter(
        dict(
            apply_query(base, query, skip="area", resolved=r).values_list("county_id").annotate(n=Count("id"))
        )
    )
    top = by_county.most_common(12)
    counties = {a.pk: a for a in Area.objects.filter(pk__in=[c for c, _ in top]).only("id", "ags", "name")}
    areas = [
        FacetValue(counties[c].ags, counties[c].name, n, counties[c].ags == query.area)
        for c, n in top
        if c in counties
    ]
    if query.area and not any(a.selected for a in areas):
        chosen = Area.objects.filter(ags=query.area).only("ags", "name").first()
        if chosen is not None:
            areas.insert(0, FacetValue(chosen.ags, chosen.name, by_county.total(), True))
    return networks, areas


def home_summary(*, user: Any) -> dict[str, Any]:
    from wandelwerk.networks.selectors import network_list

    return {
        "actor_count": actors_visible_to(user).count(),
        "networks": network_list().filter(parent__isnull=True),
    }
