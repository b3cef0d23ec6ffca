"""Reads for partner recommendations: load public actors into the engine's index, ask it, explain.

Fetch, then compute: ``load_index`` reads actors, topics, offer/need titles and ties in five queries,
runs the network engine (components, Louvain communities) and builds the
``wandelwerk.engines.recommend`` index. The result is kept in process memory per scope and data
stamp (see docs/decisions/0010-analysis.md); any change to actors, resources or ties changes the stamp.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.db.models import Count, Max, QuerySet

from wandelwerk.actors.models import Actor, Direction, Resource
from wandelwerk.actors.visibility import public_q
from wandelwerk.engines import network as net
from wandelwerk.engines.recommend import Suggestion, recommend
from wandelwerk.engines.recommend_index import ActorArrays, RecommendIndex, build_index
from wandelwerk.engines.recommend_pairs import Introduction
from wandelwerk.engines.recommend_pairs import introductions as engine_introductions
from wandelwerk.engines.recommend_scorers import Seeker
from wandelwerk.engines.recommend_terms import encode_texts
from wandelwerk.ties.analysis import RURAL_CODES
from wandelwerk.ties.models import Tie
from wandelwerk.ties.selectors import tie_edges

from .explain import explain

MAX_CACHED = 8  # scopes kept in memory per process


@dataclass(frozen=True, slots=True, eq=False)
class LoadedIndex:
    """The engine index plus what the pages need to name things."""

    index: RecommendIndex
    community_names: dict[int, str]
    build_ms: float
    stamp: str
    memo: dict[Any, Any] = field(default_factory=dict)  # results computed from this index


@dataclass(frozen=True, slots=True)
class Row:
    """One suggestion for a page: the actor, the engine's reasons and the German explanation."""

    actor: Actor
    suggestion: Suggestion
    text: str


@dataclass(frozen=True, slots=True)
class IntroductionRow:
    """A recommended introduction between two actors, with its reason in plain language."""

    a: Actor
    b: Actor
    score: float
    text: str


_lock = threading.Lock()
_cache: OrderedDict[tuple[str, str], LoadedIndex] = OrderedDict()


def public_actors(*, network: Any = None) -> QuerySet[Actor]:
    """Public actors, all or those in ``network``'s areas."""
    if network is None:
        return Actor.objects.filter(public_q())
    from wandelwerk.ties.analysis import network_actors

    return network_actors(network=network, members=False)  # type: ignore[no-any-return]


def data_stamp() -> str:
    """Changes whenever an actor, a resource or a tie is added, changed or deleted (3 queries)."""
    parts = (
        Actor.objects.aggregate(n=Count("id"), last=Max("updated_at")),
        Resource.objects.aggregate(n=Count("id"), top=Max("id"), last=Max("created_at")),
        Tie.objects.aggregate(n=Count("id"), top=Max("id"), last=Max("updated_at")),
    )
    return hashlib.sha1(repr(parts).encode(), usedforsecurity=False).hexdigest()[:16]


def _csr(rows: dict[int, list[int]], ids: list[int]) -> tuple[Any, Any]:
    lengths = [len(rows.get(i, ())) for i in ids]
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    values = np.fromiter((v for i in ids for v in rows.get(i, ())), dtype=np.int64, count=int(indptr[-1]))
    return indptr, values


def build(actors: QuerySet[Actor]) -> LoadedIndex:
    """Index ``actors`` (four queries): offers and needs by title, topics, place, rural flag (RegioStaR 7
    codes 74, 76, 77 as in the ties analysis) and network position among these actors."""
    start = time.perf_counter()
    raw = list(
        actors.order_by("id").values_list(
            "id", "lat", "lon", "municipality__regiostar7", "municipality__name"
        )
    )
    ids = [r[0] for r in raw]
    position = {pk: i for i, pk in enumerate(ids)}
    offers: list[list[str]] = [[] for _ in ids]
    needs: list[list[str]] = [[] for _ in ids]
    inside = actors.values("id")
    for actor_id, direction, title in Resource.objects.filter(actor_id__in=inside).values_list(
        "actor_id", "direction", "title"
    ):
        (offers if direction == Direction.OFFER else needs)[position[actor_id]].append(title)
    topics: dict[int, list[int]] = {}
    for actor_id, topic_id in Actor.topics.through.objects.filter(actor_id__in=inside).values_list(
        "actor_id", "topic_id"
    ):
        topics.setdefault(actor_id, []).append(topic_id)
    enc = encode_texts(offers, needs)
    t_ptr, t_ids = _csr(topics, ids)
    # All ties in one plain query, then kept where both ends are indexed: on SQLite this is far
    # cheaper than tie_edges' two visibility subqueries (2.6 s → 10 ms for the demo data).
    src, dst, weight = tie_edges()
    id_array = np.asarray(ids, dtype=np.int64)
    both = np.isin(src, id_array) & np.isin(dst, id_array)
    src, dst, weight = src[both], dst[both], weight[both]
    graph = net.build_graph(id_array, net.EdgeArrays(src, dst, weight))
    parts = net.components(graph)
    groups = net.communities(graph)
    arrays = ActorArrays(
        actor_ids=id_array,
        vocabulary=enc.vocabulary,
        offer_indptr=enc.offer_indptr,
        offer_terms=enc.offer_terms,
        need_indptr=enc.need_indptr,
        need_terms=enc.need_terms,
        topic_indptr=t_ptr,
        topic_ids=t_ids,
        lat=np.array([r[1] for r in raw], dtype=np.float64),
        lon=np.array([r[2] for r in raw], dtype=np.float64),
        rural=np.array([r[3] in RURAL_CODES for r in raw], dtype=np.bool_),
        community=groups.labels,
        component=parts.labels,
        tie_src=src,
        tie_dst=dst,
        network_known=graph.edge_count > 0,
    )
    index = build_index(arrays)
    names = _community_names(groups.labels, [r[4] for r in raw], graph)
    return LoadedIndex(index, names, (time.perf_counter() - start) * 1000.0, "")


def _community_names(labels: Any, places: list[str], graph: net.Graph) -> dict[int, str]:
    """Each community with ties is named after the municipality most of its members are in."""
    tied = np.diff(graph.indptr) > 0
    counts: dict[int, Counter[str]] = {}
    for label, place, has in zip(labels.tolist(), places, tied.tolist(), strict=True):
        if has:
            counts.setdefault(label, Counter())[place or ""] += 1
    return {label: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for label, c in counts.items()}


def load_index(*, network: Any = None) -> LoadedIndex:
    """The index of public actors (all, or of ``network``), rebuilt when the data stamp changes."""
    stamp = data_stamp()
    scope = "all" if network is None else f"network:{network.pk}"
    with _lock:
        hit = _cache.get((scope, stamp))
        if hit is not None:
            _cache.move_to_end((scope, stamp))
            return hit
    loaded = build(public_actors(network=network))
    loaded = LoadedIndex(loaded.index, loaded.community_names, loaded.build_ms, stamp)
    with _lock:
        for key in [k for k in _cache if k[0] == scope]:
            del _cache[key]
        _cache[(scope, stamp)] = loaded
        while len(_cache) > MAX_CACHED:
            _cache.popitem(last=False)
    return loaded


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def _rows(loaded: LoadedIndex, suggestions: list[Suggestion], topic_names: dict[int, str]) -> list[Row]:
    actors = Actor.objects.select_related("municipality").in_bulk([s.actor_id for s in suggestions])
    return [
        Row(
            actors[s.actor_id], s, explain(s, community_names=loaded.community_names, topic_names=topic_names)
        )
        for s in suggestions
        if s.actor_id in actors
    ]


def _topic_names() -> dict[int, str]:
    from django.utils.translation import get_language

    from wandelwerk.actors.models import Topic

    english = (get_language() or "de").startswith("en")
    return {
        pk: (en if english and en else de)
        for pk, de, en in Topic.objects.values_list("id", "name", "name_en")
    }


def partners_for_actor(*, actor: Actor, limit: int = 10, max_km: float | None = None) -> list[Row]:
    """Top public partners for a public ``actor`` (empty when the actor is not public)."""
    loaded = load_index()
    try:
        suggestions = recommend(loaded.index, for_actor=actor.pk, limit=limit, max_km=max_km)
    except KeyError:
        return []
    return _rows(loaded, suggestions, _topic_names())


def partners_for_project(*, project: Any, limit: int = 10, max_km: float | None = None) -> list[Row]:
    """Top public partners for ``project``'s open needs; actors already in the project are left out."""
    titles = [n.title for n in project.needs.all() if n.filled_at is None]
    if not titles:
        return []
    loaded = load_index()
    seeker = Seeker.from_texts(
        titles,
        topics=[t.pk for t in project.topics.all()],
        lat=project.lat,
        lon=project.lon,
        rural=getattr(project.area, "regiostar7", None) in RURAL_CODES,
    )
    involved = list(project.partners.values_list("actor_id", flat=True))
    suggestions = recommend(loaded.index, seeker=seeker, limit=limit, max_km=max_km, exclude_ids=involved)
    return _rows(loaded, suggestions, _topic_names())


def introductions(*, network: Any, limit: int = 20) -> list[IntroductionRow]:
    """Recommended introductions among ``network``'s public actors: pairs without a tie whose tie would
    connect an isolated or rural actor or two communities, best first, each with its reason in German.
    For the lead's report page; the same list the network page shows."""
    loaded = load_index(network=network)
    key = ("introductions", limit)
    if key not in loaded.memo:  # ~1 ms per focus actor: computed once per index
        loaded.memo[key] = engine_introductions(loaded.index, limit=limit)
    pairs: list[Introduction] = loaded.memo[key]
    actors = Actor.objects.select_related("municipality").in_bulk({pk for p in pairs for pk in (p.a, p.b)})
    topic_names = _topic_names()
    return [
        IntroductionRow(
            actors[p.a],
            actors[p.b],
            p.suggestion.score,
            explain(p.suggestion, community_names=loaded.community_names, topic_names=topic_names, pair=True),
        )
        for p in pairs
        if p.a in actors and p.b in actors
    ]
