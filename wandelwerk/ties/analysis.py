"""Network structure of one Network: fetch actors and ties, run the network engine, explain the result.

Fetch, then compute: ``network_analysis`` loads the actors of the network's areas (public ones, or for
coordinators the members-only ones too) and the ties between them in two queries, hands plain arrays to
``wandelwerk.engines.network`` and keeps the result (cached per network, view and data state).

Urban/rural split (RegioStaR 7 of the actor's municipality, by settlement type): "städtisch" are 71
Metropole, 72 Regiopole/Großstadt, 73 Mittelstadt im städtischen Raum and 75 zentrale Stadt einer
ländlichen Region; "ländlich" are 74 and 77 (kleinstädtischer, dörflicher Raum) and 76 (Mittelstadt im
ländlichen Raum). Splitting by region type instead (RegioStaR 2: 71–74 vs 75–77) would put whole
rural counties on one side, and the question coordinators ask is whether villages and small towns are
connected to the towns around them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils import timezone

from wandelwerk.actors.models import Actor, Sector, Status, Visibility
from wandelwerk.actors.selectors import areas_filter
from wandelwerk.engines import network as net
from wandelwerk.ties.models import Tie
from wandelwerk.ties.selectors import tie_edges

URBAN_CODES = frozenset({71, 72, 73, 75})
RURAL_CODES = frozenset({74, 76, 77})
URBAN, RURAL = "urban", "rural"
EXACT_BETWEENNESS_MAX = 2000  # above this many actors betweenness is estimated from samples
BETWEENNESS_SAMPLES = 500
CACHE_SECONDS = 6 * 3600
BROKER_LIMIT = 10
SEED = 0


def settlement(regiostar7: int | None) -> str:
    """ "urban", "rural" or "" (unknown) for a municipality's RegioStaR 7 code."""
    if regiostar7 in URBAN_CODES:
        return URBAN
    if regiostar7 in RURAL_CODES:
        return RURAL
    return ""


@dataclass(slots=True)
class ActorRow:
    id: int
    name: str
    slug: str
    kind: str
    sector: str
    settlement: str
    members_only: bool
    degree: int = 0
    weighted: float = 0.0
    betweenness: float = 0.0
    community: int = 0
    component: int = 0
    isolated: bool = True
    is_broker: bool = False

    @property
    def sector_label(self) -> str:
        return str(Sector(self.sector).label) if self.sector in Sector.values else self.sector


@dataclass(slots=True)
class BrokerRow:
    actor: ActorRow
    betweenness: float
    degree: int
    communities_linked: int
    pieces_if_removed: int
    cut_off: int


@dataclass(slots=True)
class CommunityRow:
    number: int  # 1-based for people
    size: int
    main_sector: str
    examples: list[ActorRow]

    @property
    def colour(self) -> int:
        """Index of the colour class in the graph (12 colours, repeating)."""
        return (self.number - 1) % 12


@dataclass(slots=True)
class NetworkAnalysis:
    """Everything the network structure page shows; ``rows`` are ordered by degree (desc), then name."""

    members: bool
    at: dt.date
    actors: int = 0
    ties: int = 0
    members_only: int = 0
    components: int = 0
    largest_component: int = 0
    isolated: int = 0
    density: float = 0.0
    communities: int = 0
    modularity: float = 0.0
    sampled: bool = False
    cross_sector: float | None = None
    urban_rural: float | None = None
    rows: list[ActorRow] = field(default_factory=list)
    brokers: list[BrokerRow] = field(default_factory=list)
    community_rows: list[CommunityRow] = field(default_factory=list)
    isolated_rural: list[ActorRow] = field(default_factory=list)
    isolated_by_sector: dict[str, int] = field(default_factory=dict)
    edges: list[tuple[int, int, float]] = field(default_factory=list)  # actor ids, merged weight

    def figures(self) -> dict[str, Any]:
        """The headline figures as plain JSON (stored in snapshots)."""
        return {
            "actors": self.actors,
            "ties": self.ties,
            "components": self.components,
            "largest_component": self.largest_component,
            "isolated": self.isolated,
            "isolated_rural": len(self.isolated_rural),
            "communities": self.communities,
            "modularity": round(self.modularity, 4),
            "density": round(self.density, 6),
            "cross_sector": None if self.cross_sector is None else round(self.cross_sector, 4),
            "urban_rural": None if self.urban_rural is None else round(self.urban_rural, 4),
            "brokers": len(self.brokers),
        }


@dataclass(frozen=True, slots=True)
class AreaScope:
    """A state, county or municipality analysed like a network (``pk`` keys the caches)."""

    area: Any  # geo.Area

    @property
    def pk(self) -> str:
        return f"area-{self.area.ags}"

    @property
    def name(self) -> str:
        return str(self.area.name)


def scope_area_ids(scope: Any) -> frozenset[int]:
    """The area ids a network or an AreaScope covers."""
    if isinstance(scope, AreaScope):
        return frozenset({scope.area.pk})
    from wandelwerk.networks.selectors import network_area_ids

    return network_area_ids(scope)


def network_actors(*, network: Any, members: bool) -> Any:
    """Actors counted for ``network`` (a Network or an AreaScope): published public ones in its areas;
    with ``members`` also the published members-only ones (for its coordinators). Never private or
    hidden ones."""
    from wandelwerk.actors.visibility import public_q
    from wandelwerk.moderation.selectors import visible_q

    qs = Actor.objects.filter(areas_filter(scope_area_ids(network)))
    if members:
        return qs.filter(
            Q(status=Status.PUBLISHED, visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS])
            & visible_q(Actor)
        )
    return qs.filter(public_q())


def data_stamp(network: Any) -> str:
    """Changes whenever a tie or an actor is added, changed or deleted (two aggregate queries)."""
    ties = Tie.objects.aggregate(n=Count("id"), last=Max("updated_at"), top=Max("id"))
    actors = Actor.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    raw = f"{network.pk}:{ties}:{actors}"
    return hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()[:16]


def network_analysis(
    *, network: Any, members: bool = False, at: dt.date | None = None, use_cache: bool = True
) -> NetworkAnalysis:
    """The structure of ``network``'s ties on ``at`` (today), cached until a tie or actor changes."""
    at = at or timezone.localdate()
    key = f"ties:analysis:v1:{network.pk}:{int(members)}:{at.isoformat()}:{data_stamp(network)}"
    if use_cache:
        hit = cache.get(key)
        if hit is not None:
            return hit  # type: ignore[no-any-return]
    result = _compute(network=network, members=members, at=at)
    if use_cache:
        cache.set(key, result, CACHE_SECONDS)
    return result


def _compute(*, network: Any, members: bool, at: dt.date) -> NetworkAnalysis:
    qs = network_actors(network=network, members=members)
    raw = list(
        qs.order_by("id").values_list(
            "id", "name", "slug", "kind", "sector", "visibility", "municipality__regiostar7"
        )
    )
    rows = {
        pk: ActorRow(pk, name, slug, kind, sector, settlement(r7), visibility == Visibility.MEMBERS)
        for pk, name, slug, kind, sector, visibility, r7 in raw
    }
    src, dst, weight = tie_edges(actors=qs, at=at)
    result = NetworkAnalysis(members=members, at=at)
    graph = net.build_graph(
        np.fromiter(rows, dtype=np.int64, count=len(rows)), net.EdgeArrays(src, dst, weight)
    )
    _measure(graph, rows, result)
    return result


def _measure(graph: net.Graph, rows: dict[int, ActorRow], out: NetworkAnalysis) -> None:
    n = graph.node_count
    parts = net.components(graph)
    summary = net.summarize(graph, parts)
    deg = net.degrees(graph)
    out.sampled = n > EXACT_BETWEENNESS_MAX
    scores = net.betweenness(graph, samples=BETWEENNESS_SAMPLES if out.sampled else None, seed=SEED)
    partition = net.communities(graph, seed=SEED)
    brokers = net.brokers(graph, limit=BROKER_LIMIT, scores=scores, partition=partition)
    ids = graph.node_ids.tolist()
    for i, pk in enumerate(ids):
        row = rows[pk]
        row.degree = int(deg.count[i])
        row.weighted = round(float(deg.weighted[i]), 3)
        row.betweenness = float(scores[i])
        row.community = int(partition.labels[i]) + 1
        row.component = int(parts.labels[i]) + 1
        row.isolated = row.degree == 0
    sector_of = {pk: r.sector for pk, r in rows.items()}
    place_of = {pk: r.settlement for pk, r in rows.items() if r.settlement}
    out.actors, out.ties = summary.actors, summary.ties
    out.members_only = sum(1 for r in rows.values() if r.members_only)
    out.components, out.largest_component = summary.components, summary.largest_component
    out.isolated, out.density = summary.isolated, summary.density
    # communities of one actor are isolated actors: count only real groups
    out.communities = int((partition.sizes > 1).sum())
    out.modularity = partition.modularity
    out.cross_sector = net.cross_share(graph, sector_of).share
    out.urban_rural = net.cross_share(graph, place_of).share
    for b in brokers:
        rows[b.node_id].is_broker = True
        out.brokers.append(
            BrokerRow(
                rows[b.node_id], b.betweenness, b.degree, b.communities_linked, b.pieces_if_removed, b.cut_off
            )
        )
    out.isolated_rural = [rows[pk] for pk in net.isolated_in_group(graph, place_of, RURAL)]
    out.isolated_rural.sort(key=lambda r: (r.name.casefold(), r.id))
    by_sector: dict[str, int] = {}
    for r in rows.values():
        if r.isolated:
            by_sector[r.sector_label] = by_sector.get(r.sector_label, 0) + 1
    out.isolated_by_sector = dict(sorted(by_sector.items(), key=lambda kv: (-kv[1], kv[0])))
    out.rows = sorted(rows.values(), key=lambda r: (-r.degree, -r.weighted, r.name.casefold(), r.id))
    out.community_rows = _community_rows(out.rows, partition)
    out.edges = [
        (ids[a], ids[b], float(w))
        for a, b, w in zip(
            graph.edge_u.tolist(), graph.edge_v.tolist(), graph.edge_weight.tolist(), strict=True
        )
    ]


def _community_rows(rows: list[ActorRow], partition: net.Communities) -> list[CommunityRow]:
    groups: dict[int, list[ActorRow]] = {}
    for r in rows:  # rows come by degree, so the first members are the best connected
        groups.setdefault(r.community, []).append(r)
    out = []
    for number, size in enumerate(partition.sizes.tolist(), start=1):
        if size < 2:
            continue
        members = groups.get(number, [])
        sectors: dict[str, int] = {}
        for r in members:
            sectors[r.sector_label] = sectors.get(r.sector_label, 0) + 1
        main = max(sorted(sectors), key=lambda s: sectors[s]) if sectors else ""
        out.append(CommunityRow(number, int(size), main, members[:3]))
    return out
