"""Reads for conference maps; each page's rows in a fixed number of queries. Only public actors and
wishes and comments that moderation has not hidden; supporters only as counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor, Topic, TopicGroup
from wandelwerk.actors.visibility import public_q
from wandelwerk.conferencemap import grid
from wandelwerk.conferencemap.models import Comment, ConferenceMap, MapActor, Support, Wish
from wandelwerk.geo.models import Area, AreaKind
from wandelwerk.geo.names import fold_name
from wandelwerk.geo.selectors import area_actor_q
from wandelwerk.moderation.selectors import visible_q

AREA_FIELDS = ("id", "ags", "name", "kind", "parent_id", "lat", "lon")


def map_list() -> QuerySet[ConferenceMap]:
    wishes = Q(wishes__in=Wish.objects.filter(visible_q(Wish)))
    return (
        ConferenceMap.objects.select_related("network", "area")
        .defer("area__boundary", "area__boundary_light")
        .annotate(wish_count=Count("wishes", filter=wishes, distinct=True))
        .order_by("-created_at", "-id")
    )


def map_get(*, pk: int) -> ConferenceMap | None:
    return (
        ConferenceMap.objects.select_related("network", "area", "event")
        .defer("area__boundary", "area__boundary_light")
        .filter(pk=pk)
        .first()
    )


def field_topics() -> QuerySet[Topic]:
    return Topic.objects.filter(group=TopicGroup.FIELD).order_by("order", "name")


def sub_areas(area: Area) -> list[Area]:
    """The table's rows: counties of a state, municipalities of a county, a municipality itself."""
    if area.kind == AreaKind.MUNICIPALITY:
        return [area]
    children = Area.objects.filter(parent=area).only(*AREA_FIELDS)
    return sorted(children, key=lambda a: (fold_name(a.name), a.ags))  # "Böhlen" before "Borna"


def map_actor_links(cmap: ConferenceMap) -> list[MapActor]:
    """Links to actors that are public now (proposed ones appear once the review published them)."""
    actors = Actor.objects.only(
        "id", "name", "slug", "kind", "place", "lat", "lon", "municipality_id", "county_id", "state_id"
    ).prefetch_related(Prefetch("topics", queryset=Topic.objects.only("id", "name", "name_en")))
    return list(
        MapActor.objects.filter(map=cmap)
        .filter(actor__in=Actor.objects.filter(public_q()))
        .prefetch_related(Prefetch("actor", queryset=actors))
        .order_by("actor__name", "id")
    )


def map_wishes(cmap: ConferenceMap) -> QuerySet[Wish]:
    return (
        Wish.objects.filter(map=cmap)
        .filter(visible_q(Wish))
        .select_related("topic", "area")
        .only(
            "id",
            "title",
            "status",
            "help_role",
            "lat",
            "lon",
            "created_at",
            "topic_id",
            "area_id",
            "map_id",
            "project_id",
            "consulting_request_id",
            "description",
            "topic__name",
            "topic__name_en",
            "topic__order",
            "area__name",
            "area__kind",
            "area__parent_id",
        )
        .annotate(supporters=Count("supports"))
        .order_by("-supporters", "title", "id")
    )


@dataclass(slots=True)
class TopicCluster:
    topic: Topic
    wishes: list[Wish]

    @property
    def supporters(self) -> int:
        return sum(w.supporters for w in self.wishes)  # type: ignore[attr-defined]


def clusters_by_topic(wishes: list[Wish]) -> list[TopicCluster]:
    """Wishes grouped by topic; topics with the most supporters first."""
    groups: dict[int, TopicCluster] = {}
    for wish in wishes:
        groups.setdefault(wish.topic_id, TopicCluster(wish.topic, [])).wishes.append(wish)
    return sorted(groups.values(), key=lambda c: (-c.supporters, c.topic.order, c.topic.name))


def wish_get(*, pk: int) -> Wish | None:
    return (
        Wish.objects.filter(pk=pk)
        .filter(visible_q(Wish))
        .select_related("topic", "area", "map__network", "map__area", "project", "consulting_request")
        .defer("area__boundary", "area__boundary_light", "map__area__boundary", "map__area__boundary_light")
        .annotate(supporters=Count("supports"))
        .first()
    )


def wish_comments(wish: Wish) -> list[Comment]:
    return list(wish.comments.filter(visible_q(Comment)).order_by("created_at", "id"))


def help_offers(wish: Wish) -> list[tuple[str, int]]:
    """How people could help (the author's offer and supporters' offers), as counts per kind."""
    counts: Counter[str] = Counter(
        dict(
            Support.objects.filter(wish=wish)
            .exclude(help_role="")
            .values_list("help_role")
            .annotate(n=Count("id"))
        )
    )
    if wish.help_role:
        counts[wish.help_role] += 1
    from wandelwerk.conferencemap.models import HelpRole

    return [(HelpRole(role).label, n) for role, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def supported_by(user: Any, wish_ids: list[int]) -> set[int]:
    if not user.is_authenticated or not wish_ids:
        return set()
    return set(Support.objects.filter(user=user, wish_id__in=wish_ids).values_list("wish_id", flat=True))


def actor_candidates(cmap: ConferenceMap, *, q: str, limit: int = 20) -> list[Actor]:
    """Public actors in the map's area whose name contains ``q`` and that are not on the map yet."""
    q = (q or "").strip()
    if len(q) < 2:
        return []
    return list(
        Actor.objects.filter(public_q(), area_actor_q(cmap.area), name__icontains=q)
        .exclude(conference_links__map=cmap)
        .only("id", "name", "slug", "place")
        .order_by("name", "id")[:limit]
    )


def _row_of_area(area_kind: str, area_id: int, parent_id: int | None, cmap: ConferenceMap) -> int | None:
    if cmap.area.kind == AreaKind.MUNICIPALITY:
        return cmap.area_id
    if area_id == cmap.area_id:
        return grid.WHOLE
    if cmap.area.kind == AreaKind.STATE and area_kind == AreaKind.MUNICIPALITY:
        return parent_id
    return area_id


def _row_or_none(row: int | None) -> int:
    return -1 if row is None else row


def landkarte(cmap: ConferenceMap) -> tuple[list[Topic], list[grid.Row]]:
    """(topic columns, rows) for the area × topic table, in five queries."""
    topics = list(field_topics().only("id", "name", "name_en", "order"))
    rows = [(a.pk, a.name) for a in sub_areas(cmap.area)]
    by_state = cmap.area.kind == AreaKind.STATE
    actors = []
    for link in map_actor_links(cmap):
        a = link.actor
        actors.append(
            grid.ActorFact(
                name=a.name,
                url=a.get_absolute_url(),
                row=a.county_id if by_state else a.municipality_id,
                topic_ids=frozenset(t.pk for t in a.topics.all()),
            )
        )
    wishes = [
        grid.WishFact(
            title=w.title,
            url=w.get_absolute_url(),
            row=_row_or_none(_row_of_area(w.area.kind, w.area_id, w.area.parent_id, cmap)),
            topic_id=w.topic_id,
            supporters=w.supporters,  # type: ignore[attr-defined]
        )
        for w in map_wishes(cmap)
    ]
    whole = _("ganzes Gebiet (%(name)s)") % {"name": cmap.area.name}
    return topics, grid.build(
        rows=rows, topic_ids=[t.pk for t in topics], actors=actors, wishes=wishes, whole_label=whole
    )


def map_features(cmap: ConferenceMap, *, actors: bool = True) -> dict[str, Any]:
    """GeoJSON (RFC 7946) of the map's wishes (and its public actors): public fields only."""
    features: list[dict[str, Any]] = []
    for w in map_wishes(cmap):
        if w.lat is None or w.lon is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [w.lon, w.lat]},
                "properties": {
                    "kind": "wish",
                    "id": w.pk,
                    "name": _("Wunsch: %(title)s") % {"title": w.title},
                    "title": w.title,
                    "topic": w.topic.label,
                    "place": w.area.name,
                    "supporters": w.supporters,  # type: ignore[attr-defined]
                    "status": w.status,
                    "url": w.get_absolute_url(),
                },
            }
        )
    if actors:
        for link in map_actor_links(cmap):
            a = link.actor
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [a.lon, a.lat]},
                    "properties": {
                        "kind": "actor",
                        "id": a.pk,
                        "name": a.name,
                        "place": a.place,
                        "url": a.get_absolute_url(),
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}
