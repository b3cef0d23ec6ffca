"""Network structure of the ties between actors: components, degrees, betweenness, brokers,
communities, cross-group shares and isolated actors (plain Python + NumPy, no Django).

Build a :class:`Graph` once with :func:`build_graph`, then call the metrics. Per-node results are
arrays indexed like ``graph.node_ids`` (actor ids, ascending); every ordering breaks ties by actor id.
Shortest paths ignore weights; degrees, communities and shares can use them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from wandelwerk.engines.network_graph import Edge, EdgeArrays, FloatArray, Graph, IntArray, build_graph
from wandelwerk.engines.network_louvain import Communities, communities, modularity
from wandelwerk.engines.network_paths import Components, Degrees, betweenness, components, degrees, reachable

__all__ = [
    "Broker",
    "Communities",
    "Components",
    "CrossShare",
    "Degrees",
    "Edge",
    "EdgeArrays",
    "Graph",
    "Summary",
    "betweenness",
    "brokers",
    "build_graph",
    "communities",
    "components",
    "cross_share",
    "degrees",
    "isolated_in_group",
    "modularity",
    "summarize",
    "ties_between_groups",
]


@dataclass(frozen=True, slots=True)
class Broker:
    """An actor many shortest paths run through, and why that matters.

    ``communities_linked``: distinct communities among the actor and its direct partners.
    ``pieces_if_removed``: into how many separate groups its partners fall without it (1: they stay
    connected); ``cut_off``: actors outside the largest of those groups, who would lose their
    connection to the rest of the network if this actor dropped out.
    """

    node_id: int
    betweenness: float
    degree: int
    communities_linked: int
    pieces_if_removed: int
    cut_off: int


@dataclass(frozen=True, slots=True)
class CrossShare:
    """Ties whose two ends lie in different groups; ``share`` is None when no tie was counted."""

    cross: float
    counted: float
    share: float | None


@dataclass(frozen=True, slots=True)
class Summary:
    """Headline figures of a network for the plain-language overview."""

    actors: int
    ties: int
    components: int
    largest_component: int
    isolated: int
    density: float


def _split_without(graph: Graph, index: int) -> tuple[int, int]:
    """(pieces, actors outside the largest piece) among the neighbours' side when ``index`` is removed."""
    nbrs = graph.neighbours(index)
    if nbrs.size < 2:
        return (1 if nbrs.size else 0), 0
    blocked = np.zeros(graph.node_count, dtype=np.bool_)
    blocked[index] = True
    remaining = nbrs.copy()
    piece_sizes: list[int] = []
    while remaining.size:
        reached = reachable(graph, int(remaining[0]), blocked)
        piece_sizes.append(int(reached.sum()))
        blocked |= reached
        remaining = remaining[~reached[remaining]]
    return len(piece_sizes), sum(piece_sizes) - max(piece_sizes)


def brokers(
    graph: Graph,
    *,
    limit: int = 10,
    scores: FloatArray | None = None,
    partition: Communities | None = None,
    samples: int | None = None,
    seed: int = 0,
) -> list[Broker]:
    """The ``limit`` actors with the highest betweenness (> 0), highest first, equal scores by id.

    Pass ``scores`` (from :func:`betweenness`) and ``partition`` (from :func:`communities`) when you
    already have them; otherwise they are computed with ``samples`` and ``seed``.
    """
    if limit < 0:
        raise ValueError(f"limit must not be negative, got {limit}")
    if scores is None:
        scores = betweenness(graph, samples=samples, seed=seed)
    if scores.shape[0] != graph.node_count:
        raise ValueError(f"scores has {scores.shape[0]} values for {graph.node_count} nodes")
    if partition is None:
        partition = communities(graph, seed=seed)
    order = np.lexsort((np.arange(graph.node_count), -scores))
    order = order[scores[order] > 0][:limit]
    result = []
    for index in order.tolist():
        nbrs = graph.neighbours(index)
        linked = np.unique(np.r_[partition.labels[nbrs], partition.labels[index]]).shape[0]
        pieces, cut_off = _split_without(graph, index)
        result.append(
            Broker(
                node_id=int(graph.node_ids[index]),
                betweenness=float(scores[index]),
                degree=int(nbrs.shape[0]),
                communities_linked=int(linked),
                pieces_if_removed=pieces,
                cut_off=cut_off,
            )
        )
    return result


def _group_codes(graph: Graph, group_of: Mapping[int, str]) -> tuple[IntArray, list[str]]:
    """Per node index a group code (-1: no group) and the group names, sorted, codes index them."""
    names = sorted(set(group_of.values()))
    code = {name: i for i, name in enumerate(names)}
    codes = np.fromiter(
        (code[group_of[i]] if i in group_of else -1 for i in graph.node_ids.tolist()),
        dtype=np.int64,
        count=graph.node_count,
    )
    return codes, names


def cross_share(graph: Graph, group_of: Mapping[int, str], *, weighted: bool = False) -> CrossShare:
    """Share of ties between different groups (e.g. sector, or urban/rural type of the place).

    Ties with an end outside ``group_of`` are not counted. ``weighted`` sums tie weights instead of
    counting ties.
    """
    codes, _ = _group_codes(graph, group_of)
    cu, cv = codes[graph.edge_u], codes[graph.edge_v]
    known = (cu >= 0) & (cv >= 0)
    w = graph.edge_weight if weighted else np.ones(graph.edge_count, dtype=np.float64)
    counted = float(w[known].sum())
    cross = float(w[known & (cu != cv)].sum())
    return CrossShare(cross, counted, cross / counted if counted > 0 else None)


def ties_between_groups(graph: Graph, group_of: Mapping[int, str]) -> dict[tuple[str, str], int]:
    """Ties per unordered pair of groups, keyed (smaller name, larger name); only pairs with ties."""
    codes, names = _group_codes(graph, group_of)
    cu, cv = codes[graph.edge_u], codes[graph.edge_v]
    known = (cu >= 0) & (cv >= 0)
    a, b = np.minimum(cu[known], cv[known]), np.maximum(cu[known], cv[known])
    k = max(len(names), 1)
    keys, counts = np.unique(a * k + b, return_counts=True)
    return {(names[int(key) // k], names[int(key) % k]): int(c) for key, c in zip(keys, counts, strict=True)}


def isolated_in_group(graph: Graph, group_of: Mapping[int, str], group: str) -> tuple[int, ...]:
    """Ids (ascending) of actors in ``group`` without any tie — "these 12 rural initiatives have no tie"."""
    lonely = graph.node_ids[np.diff(graph.indptr) == 0].tolist()
    return tuple(i for i in lonely if group_of.get(i) == group)


def summarize(graph: Graph, parts: Components | None = None) -> Summary:
    """Actors, ties, components, size of the largest component, isolated actors and density."""
    parts = parts if parts is not None else components(graph)
    n = graph.node_count
    pairs = n * (n - 1) / 2
    return Summary(
        actors=n,
        ties=graph.edge_count,
        components=parts.count,
        largest_component=int(parts.sizes[0]) if parts.count else 0,
        isolated=int(parts.isolated.shape[0]),
        density=graph.edge_count / pairs if pairs else 0.0,
    )
