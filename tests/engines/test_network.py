"""The network-structure engine agrees with networkx on small graphs and handles degenerate input."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from networkx.algorithms.community import louvain_communities
from networkx.algorithms.community import modularity as nx_modularity

from wandelwerk.engines.network import (
    Edge,
    EdgeArrays,
    Graph,
    betweenness,
    brokers,
    build_graph,
    communities,
    components,
    cross_share,
    degrees,
    isolated_in_group,
    modularity,
    summarize,
    ties_between_groups,
)


@st.composite
def small_graphs(draw: st.DrawFn) -> tuple[list[int], list[Edge]]:
    """Up to 30 actors with arbitrary ids, ties with repeats, both directions and self-loops."""
    ids = draw(st.lists(st.integers(1, 10_000), min_size=0, max_size=30, unique=True))
    if not ids:
        return ids, []
    node = st.sampled_from(ids)
    edges = draw(
        st.lists(
            st.builds(Edge, node, node, st.sampled_from([1.0, 2.0, 0.5])),
            max_size=80,
        )
    )
    return ids, edges


def to_networkx(ids: list[int], edges: list[Edge]) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(ids)
    for e in edges:
        if e.u == e.v:
            continue
        if g.has_edge(e.u, e.v):
            g[e.u][e.v]["weight"] += e.weight
        else:
            g.add_edge(e.u, e.v, weight=e.weight)
    return g


def by_id(graph: Graph, values: np.ndarray) -> dict[int, float]:
    return dict(zip(graph.node_ids.tolist(), values.tolist(), strict=True))


def partition_sets(graph: Graph, labels: np.ndarray) -> list[set[int]]:
    return [set(graph.node_ids[labels == k].tolist()) for k in np.unique(labels).tolist()]


@settings(max_examples=150, deadline=None)
@given(small_graphs())
def test_merged_ties_and_degrees_match_networkx(data):
    # given a random multigraph, when built, then duplicates are merged and loops dropped like networkx
    ids, edges = data
    graph = build_graph(ids, edges)
    reference = to_networkx(ids, edges)
    assert graph.node_count == reference.number_of_nodes()
    assert graph.edge_count == reference.number_of_edges()
    deg = degrees(graph)
    assert by_id(graph, deg.count) == dict(reference.degree())
    assert by_id(graph, deg.weighted) == pytest.approx(dict(reference.degree(weight="weight")))


@settings(max_examples=150, deadline=None)
@given(small_graphs())
def test_components_and_isolated_nodes_match_networkx(data):
    ids, edges = data
    graph = build_graph(ids, edges)
    reference = to_networkx(ids, edges)
    parts = components(graph)
    ours = sorted(sorted(s) for s in partition_sets(graph, parts.labels))
    assert ours == sorted(sorted(c) for c in nx.connected_components(reference))
    assert parts.isolated.tolist() == sorted(nx.isolates(reference))
    # largest first, equal sizes by smallest id
    keys = [
        (-len(s), min(s))
        for s in (set(graph.node_ids[parts.labels == k].tolist()) for k in range(parts.count))
    ]
    assert keys == sorted(keys)
    assert parts.sizes.tolist() == [-k[0] for k in keys]


@settings(max_examples=150, deadline=None)
@given(small_graphs())
def test_exact_betweenness_matches_networkx_normalised(data):
    ids, edges = data
    graph = build_graph(ids, edges)
    expected = nx.betweenness_centrality(to_networkx(ids, edges), normalized=True)
    assert by_id(graph, betweenness(graph)) == pytest.approx(expected, abs=1e-12)


@settings(max_examples=100, deadline=None)
@given(small_graphs(), st.integers(0, 5))
def test_modularity_of_our_partition_equals_networkx_modularity(data, seed):
    ids, edges = data
    graph = build_graph(ids, edges)
    reference = to_networkx(ids, edges)
    found = communities(graph, seed=seed)
    assert found.labels.shape == (graph.node_count,)
    assert found.sizes.sum() == graph.node_count
    if reference.number_of_edges():
        expected = nx_modularity(reference, partition_sets(graph, found.labels), weight="weight")
        assert found.modularity == pytest.approx(expected, abs=1e-12)
        assert modularity(graph, found.labels) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_louvain_reaches_networkx_quality_on_planted_partitions(seed):
    # given four planted groups of 25 actors with dense inner and sparse outer ties
    reference = nx.planted_partition_graph(4, 25, 0.3, 0.02, seed=seed)
    u, v = np.array(reference.edges).T
    graph = build_graph(list(reference.nodes), EdgeArrays(u, v))
    # when both find communities
    ours = communities(graph, seed=seed)
    theirs = nx_modularity(reference, louvain_communities(reference, seed=seed))
    # then ours is at least 90 % as good
    assert ours.modularity >= 0.9 * theirs
    assert ours.count >= 2


@settings(max_examples=40, deadline=None)
@given(small_graphs(), st.integers(0, 3))
def test_results_are_deterministic_for_a_seed(data, seed):
    ids, edges = data
    first, second = build_graph(ids, edges), build_graph(list(reversed(ids)), list(reversed(edges)))
    assert np.array_equal(communities(first, seed=seed).labels, communities(second, seed=seed).labels)
    assert np.array_equal(betweenness(first, samples=3, seed=seed), betweenness(second, samples=3, seed=seed))


def test_sampled_betweenness_estimates_the_exact_value_and_uses_all_sources_when_asked():
    reference = nx.connected_watts_strogatz_graph(200, 6, 0.1, seed=7)
    u, v = np.array(reference.edges).T
    graph = build_graph(list(reference.nodes), EdgeArrays(u, v))
    exact = betweenness(graph)
    assert np.array_equal(betweenness(graph, samples=500), exact)
    estimate = betweenness(graph, samples=100, seed=1)
    assert np.corrcoef(exact, estimate)[0, 1] > 0.9
    assert estimate.sum() == pytest.approx(exact.sum(), rel=0.15)


def test_a_bridge_actor_is_the_top_broker_and_explains_what_it_connects():
    # given two triangles joined only through actor 7
    edges = [Edge(1, 2), Edge(2, 3), Edge(1, 3), Edge(3, 7), Edge(7, 4), Edge(4, 5), Edge(5, 6), Edge(4, 6)]
    graph = build_graph([1, 2, 3, 4, 5, 6, 7, 99], edges)
    # when brokers are ranked
    top = brokers(graph, limit=3)
    # then 7 comes first (3 and 4 tie below it, ordered by id), splitting the network in two
    assert [b.node_id for b in top] == [7, 3, 4]
    assert top[0].degree == 2
    assert top[0].pieces_if_removed == 2
    assert top[0].cut_off == 3
    assert top[0].communities_linked >= 2
    assert (top[1].pieces_if_removed, top[1].cut_off) == (2, 2)  # without 3, actors 1 and 2 are cut off


def test_cross_share_counts_ties_between_different_groups():
    graph = build_graph([1, 2, 3, 4, 5], [Edge(1, 2), Edge(2, 3, 3.0), Edge(3, 4), Edge(4, 5)])
    sector = {1: "business", 2: "civil", 3: "civil", 4: "public"}  # 5 has no sector
    share = cross_share(graph, sector)
    assert (share.cross, share.counted) == (2.0, 3.0)
    assert share.share == pytest.approx(2 / 3)
    assert cross_share(graph, sector, weighted=True).share == pytest.approx(2 / 5)
    assert ties_between_groups(graph, sector) == {
        ("business", "civil"): 1,
        ("civil", "civil"): 1,
        ("civil", "public"): 1,
    }


def test_isolated_actors_of_a_group_are_listed_by_id():
    graph = build_graph([5, 3, 8, 1, 2], [Edge(1, 2)])
    area = {1: "rural", 2: "rural", 3: "rural", 5: "urban", 8: "rural"}
    assert isolated_in_group(graph, area, "rural") == (3, 8)
    assert isolated_in_group(graph, area, "urban") == (5,)
    assert isolated_in_group(graph, area, "suburban") == ()


@pytest.mark.parametrize(
    ("ids", "edges"),
    [([], []), ([4], []), ([4], [Edge(4, 4)]), ([1, 2, 3], []), ([1, 2], [Edge(1, 2)])],
)
def test_degenerate_graphs_give_empty_or_trivial_results(ids, edges):
    graph = build_graph(ids, edges)
    n = len(ids)
    assert graph.edge_count == len([e for e in edges if e.u != e.v])
    assert components(graph).count == (n if not graph.edge_count else 1)
    assert degrees(graph).count.shape == (n,)
    assert betweenness(graph, samples=4).tolist() == [0.0] * n
    found = communities(graph)
    assert found.labels.shape == (n,) and found.sizes.sum() == n
    assert found.modularity == pytest.approx(0.0)
    assert brokers(graph) == []
    assert cross_share(graph, {}).share is None
    summary = summarize(graph)
    assert (summary.actors, summary.ties) == (n, graph.edge_count)


def test_summary_names_the_headline_figures():
    graph = build_graph(range(1, 7), [Edge(1, 2), Edge(2, 3), Edge(4, 5)])
    summary = summarize(graph)
    assert (summary.components, summary.largest_component, summary.isolated) == (3, 3, 1)
    assert summary.density == pytest.approx(3 / 15)


def test_edge_arrays_and_edge_objects_build_the_same_graph_and_kinds_filter():
    edges = [Edge(1, 2, 1.0, "cooperation"), Edge(2, 1, 2.0, "project"), Edge(2, 3, 1.0, "membership")]
    from_objects = build_graph([1, 2, 3], edges)
    from_arrays = build_graph(np.array([3, 1, 2]), EdgeArrays([1, 2, 2], [2, 1, 3], [1.0, 2.0, 1.0]))
    for name in ("node_ids", "indptr", "indices", "weights", "edge_u", "edge_v", "edge_weight"):
        assert np.array_equal(getattr(from_objects, name), getattr(from_arrays, name))
    assert from_objects.edge_weight.tolist() == [3.0, 1.0]
    only = build_graph([1, 2, 3], edges, kinds={"membership"})
    assert only.edge_count == 1 and only.neighbours(only.index_of(3)).tolist() == [only.index_of(2)]


@pytest.mark.parametrize(
    ("edges", "message"),
    [
        ([Edge(1, 42)], "node 42"),
        ([Edge(1, 2, -1.0)], "weight -1.0"),
        ([Edge(1, 2, float("nan"))], "weight nan"),
    ],
)
def test_bad_ties_are_rejected_with_a_clear_message(edges, message):
    with pytest.raises(ValueError, match=message):
        build_graph([1, 2], edges)


def test_bad_arguments_are_rejected():
    graph = build_graph([1, 2, 3], [Edge(1, 2), Edge(2, 3)])
    with pytest.raises(ValueError, match="samples"):
        betweenness(graph, samples=0)
    with pytest.raises(ValueError, match="scores has 2 values"):
        brokers(graph, scores=np.zeros(2))
    with pytest.raises(ValueError, match="differ in length"):
        build_graph([1, 2], EdgeArrays([1, 2], [2]))
    with pytest.raises(KeyError):
        graph.index_of(9)
