"""Reads in the project factory. Every list starts from ``projects_visible_to`` so drafts never leak."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from wandelwerk.actors.query import BBox, parse_bbox
from wandelwerk.geo.models import Area, AreaKind
from wandelwerk.projects.models import Partner, PartnerStatus, Project, Stage


class ProjectFilterError(ValueError):
    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param
        self.message = message


def projects_visible_to(user: Any) -> QuerySet[Project]:
    """Public projects; for signed-in people also the drafts of their teams and of the areas they
    coordinate; everything for staff."""
    qs = Project.objects.all()
    if user is None or not user.is_authenticated:
        return qs.filter(is_public=True)
    if user.is_staff:
        return qs
    from wandelwerk.networks.selectors import area_ids_for_user

    # invited organisations see the draft they are asked to join, so they can decide
    team = Partner.objects.filter(
        status__in=[PartnerStatus.ACCEPTED, PartnerStatus.INVITED], actor__owner=user
    ).values("project_id")
    condition = Q(is_public=True) | Q(created_by=user) | Q(pk__in=team)
    coordinated = area_ids_for_user(user=user, coordinator=True)
    if coordinated:
        ids = list(coordinated)
        condition |= Q(area_id__in=ids) | Q(area__parent_id__in=ids) | Q(area__parent__parent_id__in=ids)
    return qs.filter(condition)


@dataclass(frozen=True, slots=True)
class ProjectQuery:
    stage: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    measure: tuple[int, ...] = ()
    area: str = ""
    network: str = ""
    q: str = ""
    bbox: BBox | None = None


def _list(params: Any, key: str) -> list[str]:
    raw = params.getlist(key) if hasattr(params, "getlist") else ([params[key]] if params.get(key) else [])
    return [v.strip() for item in raw for v in str(item).split(",") if v.strip()]


def parse_project_query(params: Any) -> ProjectQuery:
    from wandelwerk.actors.query import FilterError

    stages = tuple(_list(params, "stage"))
    for s in stages:
        if s not in Stage.values:
            raise ProjectFilterError("stage", f"stage: unbekannte Phase „{s}“ ({', '.join(Stage.values)}).")
    try:
        measures = tuple(int(m) for m in _list(params, "measure"))
    except ValueError as exc:
        raise ProjectFilterError("measure", "measure: Maßnahmen werden mit ihrer Nummer angegeben.") from exc
    try:
        bbox = parse_bbox(params.get("bbox")) if params.get("bbox") else None
    except FilterError as exc:
        raise ProjectFilterError("bbox", exc.message) from exc
    q = (params.get("q") or "").strip()
    if len(q) > 200:
        raise ProjectFilterError("q", "q: höchstens 200 Zeichen.")
    return ProjectQuery(
        stage=stages,
        topic=tuple(_list(params, "topic")),
        measure=measures,
        area=(params.get("area") or "").strip(),
        network=(params.get("network") or "").strip(),
        q=q,
        bbox=bbox,
    )


def project_filter(*, user: Any, query: ProjectQuery) -> QuerySet[Project]:
    qs = projects_visible_to(user)
    if query.stage:
        qs = qs.filter(stage__in=query.stage)
    if query.topic:
        qs = qs.filter(topics__slug__in=query.topic).distinct()
    if query.measure:
        qs = qs.filter(measures__in=query.measure).distinct()
    if query.area:
        area = Area.objects.filter(ags=query.area).first()
        if area is None:
            raise ProjectFilterError("area", f"area: unbekannter Gebietsschlüssel „{query.area}“.")
        qs = qs.filter(in_area_q(area))
    if query.network:
        from wandelwerk.networks.models import Network
        from wandelwerk.networks.selectors import network_area_ids

        network = Network.objects.filter(slug=query.network).first()
        if network is None:
            raise ProjectFilterError("network", f"network: unbekanntes Netzwerk „{query.network}“.")
        ids = list(network_area_ids(network))
        qs = qs.filter(Q(area_id__in=ids) | Q(area__parent_id__in=ids) | Q(area__parent__parent_id__in=ids))
    if query.q:
        # few projects per installation (thousands, not millions): per-word substring matching on
        # the word and its stem ("Solaranlagen" finds "Solaranlage"), every word must match
        from wandelwerk.engines.text import substring_stem

        for word in query.q.lower().split()[:8]:
            match = Q()
            for variant in {word, substring_stem(word)}:
                match |= Q(title__icontains=variant) | Q(summary__icontains=variant)
                match |= Q(description__icontains=variant)
            qs = qs.filter(match)
    if query.bbox:
        b = query.bbox
        qs = qs.filter(lat__gte=b.min_lat, lat__lte=b.max_lat, lon__gte=b.min_lon, lon__lte=b.max_lon)
    return qs.order_by("-updated_at", "id")


def in_area_q(area: Area) -> Q:
    """Projects placed in ``area`` or in any municipality or county inside it."""
    if area.kind == AreaKind.MUNICIPALITY:
        return Q(area=area)
    if area.kind == AreaKind.COUNTY:
        return Q(area=area) | Q(area__parent=area)
    return Q(area=area) | Q(area__parent=area) | Q(area__parent__parent=area)


def project_list_page(qs: QuerySet[Project]) -> QuerySet[Project]:
    return qs.select_related("area").prefetch_related("topics", "measures")


def helpers_for(*, project: Project, limit: int = 5) -> list[tuple[Any, Any]]:
    """Public actors whose offers fit the project's open needs, nearby first, with the reason:
    [(actor, Suggestion)]. Candidates come from a box of about ±60 km around the project."""
    from wandelwerk.actors.models import Actor, Direction, Resource
    from wandelwerk.actors.visibility import public_q
    from wandelwerk.engines.matching import Candidate, Offer, OpenNeed, rank_helpers

    needs = [OpenNeed(n.category, n.title) for n in project.needs.filter(filled_at__isnull=True)]
    if not needs or project.lat is None or project.lon is None:
        return []
    categories = {n.category for n in needs}
    offers = (
        Resource.objects.filter(
            direction=Direction.OFFER,
            category__in=categories,
            actor__lat__range=(project.lat - 0.55, project.lat + 0.55),
            actor__lon__range=(project.lon - 0.85, project.lon + 0.85),
        )
        .filter(actor__in=Actor.objects.filter(public_q()))
        .values_list("actor_id", "actor__lat", "actor__lon", "category", "title")[:2000]
    )
    by_actor: dict[int, tuple[float, float, list[Any]]] = {}
    for actor_id, lat, lon, category, title in offers:
        by_actor.setdefault(actor_id, (lat, lon, []))[2].append(Offer(category, title))
    candidates = [Candidate(a, lat, lon, tuple(o)) for a, (lat, lon, o) in by_actor.items()]
    ranked = rank_helpers(needs, candidates, lat=project.lat, lon=project.lon, limit=limit)
    actors = Actor.objects.in_bulk([s.actor_id for s in ranked])
    return [(actors[s.actor_id], s) for s in ranked if s.actor_id in actors]


def invite_candidates(*, project: Project, query: str, limit: int = 10) -> QuerySet[Any]:
    """Public actors whose name contains ``query`` and who are not yet part of the project."""
    from wandelwerk.actors.models import Actor
    from wandelwerk.actors.visibility import public_q

    if not query:
        return Actor.objects.none()
    involved = project.partners.values("actor_id")
    return (
        Actor.objects.filter(public_q(), name__icontains=query)
        .exclude(pk__in=involved)
        .select_related("municipality")
        .order_by("name")[:limit]
    )


def project_extent(qs: QuerySet[Project]) -> str:
    """``west,south,east,north`` around the located projects of ``qs`` (for the map), or ""."""
    from django.db.models import Max, Min

    box = qs.filter(lat__isnull=False).aggregate(s=Min("lat"), n=Max("lat"), w=Min("lon"), e=Max("lon"))
    if box["s"] is None:
        return ""
    # at least ~20 km across, so a single place shows with its surroundings
    lat, lon = (box["s"] + box["n"]) / 2, (box["w"] + box["e"]) / 2
    half_lat = max((box["n"] - box["s"]) / 2 + 0.02, 0.1)
    half_lon = max((box["e"] - box["w"]) / 2 + 0.03, 0.15)
    return f"{lon - half_lon:.4f},{lat - half_lat:.4f},{lon + half_lon:.4f},{lat + half_lat:.4f}"


def project_area_choices(user: Any) -> dict[str, list[tuple[str, str]]]:
    """Counties and municipalities that hold projects the user may see: {"county": [(ags, name)], …}."""
    areas = Area.objects.filter(pk__in=projects_visible_to(user).values("area_id")).select_related("parent")
    counties: dict[str, str] = {}
    municipalities: dict[str, str] = {}
    for area in areas:
        municipalities[area.ags] = area.name
        if area.parent is not None and area.parent.kind == AreaKind.COUNTY:
            counties[area.parent.ags] = area.parent.name
    return {
        "county": sorted(counties.items(), key=lambda kv: kv[1]),
        "municipality": sorted(municipalities.items(), key=lambda kv: kv[1]),
    }


def projects_needing(*, actor: Any, limit: int = 5) -> list[tuple[Project, Any]]:
    """Public projects within about ±60 km whose open needs fit the actor's offers, best first:
    [(project, Suggestion)] — the same explainable score as ``helpers_for``, seen from the actor."""
    from wandelwerk.actors.models import Direction
    from wandelwerk.engines.matching import Candidate, Offer, OpenNeed, rank_helpers

    offers = tuple(
        Offer(r.category, r.title) for r in actor.resources.all() if r.direction == Direction.OFFER
    )
    if not offers or actor.lat is None or actor.lon is None:
        return []
    me = Candidate(actor.pk, actor.lat, actor.lon, offers)
    projects = (
        Project.objects.filter(
            is_public=True,
            lat__range=(actor.lat - 0.55, actor.lat + 0.55),
            lon__range=(actor.lon - 0.85, actor.lon + 0.85),
            needs__filled_at__isnull=True,
            needs__category__in={o.category for o in offers},
        )
        .exclude(stage__in=[Stage.COMPLETED, Stage.DROPPED])
        .exclude(partners__actor=actor)
        .distinct()
        .prefetch_related("needs")[:200]
    )
    ranked = []
    for project in projects:
        needs = [OpenNeed(n.category, n.title) for n in project.needs.all() if n.filled_at is None]
        hit = rank_helpers(needs, [me], lat=project.lat, lon=project.lon, limit=1)  # type: ignore[arg-type]
        if hit:
            ranked.append((project, hit[0]))
    ranked.sort(key=lambda pair: (-pair[1].score, pair[1].distance_km, pair[0].pk))
    return ranked[:limit]
