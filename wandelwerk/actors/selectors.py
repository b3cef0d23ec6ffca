"""Reads of actors: filtering, full-text search, facets, map aggregation. Every read starts from
``actors_visible_to(user)`` so nothing non-public leaks into lists, maps, the API or exports."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import BooleanField, Count, F, Func, Prefetch, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor, Kind, Resource, Sector, Topic, TopicGroup
from wandelwerk.actors.query import ActorQuery, FilterError
from wandelwerk.actors.visibility import actors_visible_to  # noqa: F401 - re-exported for views
from wandelwerk.engines.text import bbox_cell_tokens, kind_token, query_tokens, sector_token, topic_token
from wandelwerk.geo.models import Area, AreaKind
from wandelwerk.networks.models import Network


class _TsMatch(Func):
    """to_tsvector('simple', search_text) @@ to_tsquery('simple', q) — the expression of the GIN index
    (migration 0002), written as a Func so Django qualifies the column correctly inside subqueries."""

    arg_joiner = ") @@ to_tsquery('simple', "
    template = "to_tsvector('simple', %(expressions)s)"
    output_field = BooleanField()


def _fulltext(qs: QuerySet[Actor], words: list[str], groups: list[list[str]]) -> QuerySet[Actor]:
    """One index lookup for all of it: every word as a prefix AND, for each group, any of its
    filter tokens (topics, kinds, sectors, map cells; see engines/text.py)."""
    if not words and not groups:
        return qs
    if connection.vendor == "sqlite":
        parts = [f'"{w}"*' for w in words] + [f"({' OR '.join(g)})" for g in groups]
        sql = "SELECT rowid FROM actors_actor_fts WHERE actors_actor_fts MATCH %s"
        return qs.filter(id__in=RawSQL(sql, [" AND ".join(parts)]))  # noqa: S611 - bound parameter
    if connection.vendor == "postgresql":
        parts = [f"{w}:*" for w in words] + [f"({' | '.join(g)})" for g in groups]
        return qs.alias(fts_match=_TsMatch(F("search_text"), Value(" & ".join(parts)))).filter(fts_match=True)
    condition = Q()
    for word in words:
        condition &= Q(search_text__icontains=word)
    for group in groups:
        any_of = Q()
        for token in group:
            any_of |= Q(search_text__icontains=token)
        condition &= any_of
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
            raise FilterError("topic", _("Unbekanntes Handlungsfeld „%(v)s“.") % {"v": sorted(missing)[0]})
        topic_ids = tuple(topics.values())
    area_ids: frozenset[int] | None = None
    if query.networks:
        networks = list(Network.objects.filter(slug__in=query.networks))
        missing = set(query.networks) - {n.slug for n in networks}
        if missing:
            raise FilterError("network", _("Unbekanntes Netzwerk „%(v)s“.") % {"v": sorted(missing)[0]})
        ids: set[int] = set()
        for network in networks:
            ids |= network_area_ids(network)
        area_ids = frozenset(ids)
    area = None
    if query.area:
        area = Area.objects.filter(ags=query.area).only("id", "kind", "ags", "name").first()
        if area is None:
            raise FilterError("area", _("Unbekannter Gebietsschlüssel „%(v)s“.") % {"v": query.area})
    return Resolved(topic_ids=topic_ids, network_area_ids=area_ids, area=area)


def apply_query(
    qs: QuerySet[Actor], query: ActorQuery, *, skip: str = "", resolved: Resolved | None = None
) -> QuerySet[Actor]:
    """Narrows ``qs`` by every part of ``query`` except the facet named ``skip`` (for facet counts)."""
    r = resolved if resolved is not None else resolve(query)
    groups: list[list[str]] = []
    if query.bbox:
        b = query.bbox
        qs = qs.filter(lat__gte=b.min_lat, lat__lte=b.max_lat, lon__gte=b.min_lon, lon__lte=b.max_lon)
        cells = bbox_cell_tokens(b.min_lon, b.min_lat, b.max_lon, b.max_lat)
        if cells:
            groups.append(cells)
    if r.topic_ids and skip != "topic":
        groups.append([topic_token(t) for t in r.topic_ids])
    if query.kinds and skip != "kind":
        qs = qs.filter(kind__in=query.kinds)
        groups.append([kind_token(k) for k in query.kinds])
    if query.sectors and skip != "sector":
        qs = qs.filter(sector__in=query.sectors)
        groups.append([sector_token(s) for s in query.sectors])
    words = query_tokens(query.q) if query.q else []
    if words or (groups and len(groups) > 1) or r.topic_ids:
        qs = _fulltext(qs, words, groups)
    if r.network_area_ids is not None and skip != "network":
        qs = qs.filter(areas_filter(r.network_area_ids))
    if r.area is not None and skip != "area":
        qs = qs.filter(area_filter(r.area))
    return qs


def actor_filter(*, user: Any, query: ActorQuery, resolved: Resolved | None = None) -> QuerySet[Actor]:
    """Visible actors matching ``query``, ordered by name."""
    return apply_query(actors_visible_to(user), query, resolved=resolved).order_by("name", "id")


LIST_DEFERRED = (
    "description",
    "search_text",
    "consent_text",
    "review_note",
    "municipality__boundary",
    "municipality__boundary_light",
    "county__boundary",
    "county__boundary_light",
)


def actor_list_page(qs: QuerySet[Actor]) -> QuerySet[Actor]:
    """What a list row shows, in a fixed number of queries (long text columns left out)."""
    return (
        qs.defer(*LIST_DEFERRED)
        .select_related("municipality", "county")
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.only("id", "slug", "name", "name_en", "group"))
        )
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
        FacetValue(t.slug, t.label, topic_counts.get(t.pk, 0), t.slug in query.topics)
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
