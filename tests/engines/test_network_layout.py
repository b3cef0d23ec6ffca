"""The force-directed layout: deterministic, finite, no shared spots, sensible on degenerate input."""

from __future__ import annotations

import numpy as np
import pytest

from wandelwerk.engines.network import EdgeArrays, build_graph
from wandelwerk.engines.network_layout import layout, layout_graph


def _random_graph(n: int, m: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.integers(0, n, m), rng.integers(0, n, m)


def test_same_input_and_seed_give_identical_positions():
    u, v = _random_graph(200, 400, 1)
    first = layout(200, u, v, seed=3)
    second = layout(200, u, v, seed=3)
    assert np.array_equal(first, second)


def test_another_seed_gives_another_picture():
    u, v = _random_graph(50, 80, 1)
    assert not np.array_equal(layout(50, u, v, seed=1), layout(50, u, v, seed=2))


@pytest.mark.parametrize(("n", "m"), [(2, 1), (30, 0), (150, 300), (700, 1400)])
def test_positions_are_finite_inside_the_unit_square_and_never_shared(n, m):
    u, v = _random_graph(n, m, n)
    pos = layout(n, u, v, iterations=60)
    assert pos.shape == (n, 2)
    assert np.isfinite(pos).all()
    assert pos.min() >= 0.0 and pos.max() <= 1.0
    assert np.unique(np.round(pos, 6), axis=0).shape[0] == n


def test_no_nodes_give_an_empty_layout_and_one_node_sits_in_the_middle():
    assert layout(0, [], []).shape == (0, 2)
    assert layout(1, [], []).tolist() == [[0.5, 0.5]]


def test_self_loops_and_repeated_edges_are_harmless():
    pos = layout(3, [0, 0, 0, 1], [0, 1, 1, 2])
    assert np.isfinite(pos).all()
    assert np.unique(np.round(pos, 6), axis=0).shape[0] == 3


def test_tied_actors_end_closer_than_untied_groups():
    # two cliques of 10 joined by one tie: members sit near their own clique
    clique = [(i, j) for i in range(10) for j in range(i + 1, 10)]
    edges = np.array(clique + [(i + 10, j + 10) for i, j in clique] + [(0, 10)])
    pos = layout(20, edges[:, 0], edges[:, 1])
    centre_a, centre_b = pos[:10].mean(axis=0), pos[10:].mean(axis=0)
    spread = np.linalg.norm(pos[:10] - centre_a, axis=1).mean()
    assert np.linalg.norm(centre_a - centre_b) > 3 * spread


def test_edges_to_unknown_nodes_and_bad_weights_are_refused_with_the_reason():
    with pytest.raises(ValueError, match="node index 5"):
        layout(3, [0], [5])
    with pytest.raises(ValueError, match="weights"):
        layout(3, [0], [1], weights=[0.0])
    with pytest.raises(ValueError, match="differ in length"):
        layout(3, [0, 1], [1])


def test_layout_graph_follows_the_graph_node_order():
    graph = build_graph([10, 20, 30], EdgeArrays([10], [20]))
    pos = layout_graph(graph)
    assert pos.shape == (3, 2)
    # the two tied actors are closer to each other than to the lone one
    assert np.linalg.norm(pos[0] - pos[1]) < np.linalg.norm(pos[0] - pos[2])
