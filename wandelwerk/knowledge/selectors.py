"""Reads for the action pool and the toolbox. Every list starts from ``entries_visible_to`` so drafts
never leak, and adopters always go through the actors' and projects' public visibility rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from wandelwerk.actors.models import Actor, Topic, TopicGroup
from wandelwerk.actors.visibility import actors_visible_to
from wandelwerk.geo.models import Area, AreaKind
from wandelwerk.knowledge.models import Adoption, Effort, Method, MethodFile, MethodKind, Practice
from wandelwerk.knowledge.search import query_condition
from wandelwerk.projects.models import Partner, PartnerRole, PartnerStatus, Project
from wandelwerk.projects.selectors import projects_visible_to

E = TypeVar("E", Practice, Method)
MAX_QUERY = 200


class KnowledgeFilterError(ValueError):
    """A filter value is not understood; ``param`` names it."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param
        self.message = message


def entries_visible_to(model: type[E], user: Any) -> QuerySet[E]:
    """Published entries; for editors everything; for other signed-in people also their own drafts."""
    qs = model.objects.all()
    if user is None or not user.is_authenticated:
        return qs.filter(is_published=True)
    if user.has_perm("knowledge.moderate"):
        return qs
    return qs.filter(Q(is_published=True) | Q(created_by=user))


def entry_get(model: type[E], *, user: Any, slug: str) -> E | None:
    return entries_visible_to(model, user).prefetch_related("topics").filter(slug=slug).first()


@dataclass(frozen=True, slots=True)
class KnowledgeQuery:
    q: str = ""
    topic: tuple[str, ...] = ()
    effort: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()


def _values(params: Any, key: str) -> list[str]:
    raw = params.getlist(key) if hasattr(params, "getlist") else ([params[key]] if params.get(key) else [])
    return [v.strip() for item in raw for v in str(item).split(",") if v.strip()]


def parse_query(params: Any) -> KnowledgeQuery:
    """Filters from a query string (or a dict); unknown values raise ``KnowledgeFilterError``."""
    q = (params.get("q") or "").strip()
    if len(q) > MAX_QUERY:
        raise KnowledgeFilterError("q", _("q: höchstens %s Zeichen.") % MAX_QUERY)
    efforts = tuple(_values(params, "effort"))
    for value in efforts:
        if value not in Effort.values:
            raise KnowledgeFilterError(
                "effort",
                _("effort: unbekannter Aufwand „%(v)s“ (%(ok)s).")
                % {"v": value, "ok": ", ".join(Effort.values)},
            )
    kinds = tuple(_values(params, "kind"))
    for value in kinds:
        if value not in MethodKind.values:
            raise KnowledgeFilterError(
                "kind",
                _("kind: unbekannte Art „%(v)s“ (%(ok)s).")
                % {"v": value, "ok": ", ".join(MethodKind.values)},
            )
    topics = tuple(_values(params, "topic"))
    if topics:
        known = set(Topic.objects.filter(slug__in=topics).values_list("slug", flat=True))
        unknown = [t for t in topics if t not in known]
        if unknown:
            raise KnowledgeFilterError("topic", _("topic: unbekanntes Handlungsfeld „%s“.") % unknown[0])
    return KnowledgeQuery(q=q, topic=topics, effort=efforts, kind=kinds)


def _apply(qs: QuerySet[E], query: KnowledgeQuery) -> QuerySet[E]:
    if query.topic:
        qs = qs.filter(pk__in=qs.model.objects.filter(topics__slug__in=query.topic).values("pk"))
    if query.q:
        condition = query_condition(query.q)
        if condition is not None:
            qs = qs.filter(condition)
    return qs.prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("order", "name")))


def practice_filter(*, user: Any, query: KnowledgeQuery, published_only: bool = False) -> QuerySet[Practice]:
    qs = Practice.objects.filter(is_published=True) if published_only else entries_visible_to(Practice, user)
    if query.effort:
        qs = qs.filter(effort__in=query.effort)
    return _apply(qs, query).order_by("title", "id")


def method_filter(*, user: Any, query: KnowledgeQuery, published_only: bool = False) -> QuerySet[Method]:
    qs = Method.objects.filter(is_published=True) if published_only else entries_visible_to(Method, user)
    if query.kind:
        qs = qs.filter(kind__in=query.kind)
    return _apply(qs, query).order_by("title", "id")


def field_topics() -> QuerySet[Topic]:
    """The action fields offered as filters and in the forms (SDGs are not used here)."""
    return Topic.objects.filter(group=TopicGroup.FIELD).order_by("order", "name")


def drafts_for_review(*, user: Any) -> dict[str, list[Any]]:
    """Unpublished practices and methods, for editors."""
    if not user.has_perm("knowledge.moderate"):
        return {"practices": [], "methods": []}
    return {
        "practices": list(Practice.objects.filter(is_published=False).order_by("-created_at")[:50]),
        "methods": list(Method.objects.filter(is_published=False).order_by("-created_at")[:50]),
    }


# --- adopters ------------------------------------------------------------------------------------------
def public_adoptions(*, practice: Practice) -> list[Adoption]:
    """Who has adopted the practice, as anyone may see it: only public published actors, public
    projects and regions — never a private or members-only actor or a draft project, for anyone."""
    visible = (
        Q(actor__in=actors_visible_to(None))
        | Q(project__in=projects_visible_to(None))
        | Q(area__isnull=False)
    )
    return list(
        Adoption.objects.filter(practice=practice)
        .filter(visible)
        .select_related("actor__municipality", "project__area", "area")
        .order_by("-year", "id")
    )


def adoption_counts(practice_ids: list[int]) -> dict[int, int]:
    """Public adopters per practice, for lists (one query)."""
    from django.db.models import Count

    visible = (
        Q(actor__in=actors_visible_to(None))
        | Q(project__in=projects_visible_to(None))
        | Q(area__isnull=False)
    )
    rows = (
        Adoption.objects.filter(practice_id__in=practice_ids)
        .filter(visible)
        .values("practice_id")
        .annotate(n=Count("id"))
    )
    return {row["practice_id"]: row["n"] for row in rows}


def adoption_label(adoption: Adoption) -> tuple[str, str, str]:
    """(kind label, name, URL) of an adoption's target."""
    if adoption.actor_id:
        return _("Akteur"), adoption.actor.name, adoption.actor.get_absolute_url()
    if adoption.project_id:
        from django.urls import reverse

        return (
            _("Projekt"),
            adoption.project.title,
            reverse("projects:detail", kwargs={"slug": adoption.project.slug}),
        )
    return _("Region"), adoption.area.name, adoption.area.get_absolute_url()


def _point(adoption: Adoption) -> tuple[float, float] | None:
    if adoption.actor_id:
        return adoption.actor.lon, adoption.actor.lat
    if adoption.project_id:
        p = adoption.project
        if p.lat is not None and p.lon is not None:
            return p.lon, p.lat
        if p.area.lat is not None and p.area.lon is not None:
            return p.area.lon, p.area.lat
        return None
    if adoption.area.lat is not None and adoption.area.lon is not None:
        return adoption.area.lon, adoption.area.lat
    return None


def adopters_geojson(*, practice: Practice) -> dict[str, Any]:
    """The public adopters as a GeoJSON FeatureCollection (RFC 7946), one point each."""
    features = []
    for adoption in public_adoptions(practice=practice):
        point = _point(adoption)
        if point is None:
            continue
        kind, name, url = adoption_label(adoption)
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [point[0], point[1]]},
                "properties": {"name": name, "kind": kind, "url": url, "year": adoption.year},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def adopters_bbox(adoptions: list[Adoption]) -> str:
    """ "minLon,minLat,maxLon,maxLat" around the adopters (for the map's first view), or ""."""
    points = [p for p in (_point(a) for a in adoptions) if p is not None]
    if not points:
        return ""
    pad = 0.1
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    box = (min(lons) - pad, min(lats) - pad, max(lons) + pad, max(lats) + pad)
    return ",".join(f"{v:.5f}" for v in box)


@dataclass(frozen=True, slots=True)
class AdoptionOptions:
    actors: list[Actor]
    projects: list[Project]
    areas: list[Area]

    def __bool__(self) -> bool:
        return bool(self.actors or self.projects or self.areas)


def adoption_options(*, user: Any) -> AdoptionOptions:
    """What ``user`` may mark as adopting a practice: own actors, projects they lead, regions of the
    networks they coordinate, for staff also every state and county (the services check each choice
    again)."""
    if user is None or not user.is_authenticated:
        return AdoptionOptions([], [], [])
    actors = list(Actor.objects.filter(owner=user).order_by("name")[:100])
    lead = Partner.objects.filter(
        role=PartnerRole.LEAD, status=PartnerStatus.ACCEPTED, actor__owner=user
    ).values("project_id")
    projects = list(Project.objects.filter(Q(created_by=user) | Q(pk__in=lead)).order_by("title")[:100])
    from wandelwerk.knowledge.rules import coordinated_area_ids

    area_filter = Q(pk__in=list(coordinated_area_ids(user)))
    if user.is_staff:  # staff speak for any state or county (municipalities: through their networks)
        area_filter |= Q(kind__in=[AreaKind.STATE, AreaKind.COUNTY])
    areas = list(Area.objects.filter(area_filter).order_by("name")[:1000])
    return AdoptionOptions(actors, projects, areas)


def method_files(*, method: Method) -> list[MethodFile]:
    return list(method.files.all())


def practices_adopted_by(*, actor: Any = None, project: Any = None, area: Any = None) -> list[Practice]:
    """Published practices an actor, project or region has adopted (for their pages: "setzt um")."""
    adoptions = Adoption.objects.filter(practice__is_published=True)
    if actor is not None:
        adoptions = adoptions.filter(actor=actor)
    elif project is not None:
        adoptions = adoptions.filter(project=project)
    elif area is not None:
        adoptions = adoptions.filter(area=area)
    else:
        return []
    return list(Practice.objects.filter(pk__in=adoptions.values("practice_id")).order_by("title"))
