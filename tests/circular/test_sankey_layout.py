"""Sankey layout (pure): bands conserve quantities, nodes do not overlap, output is deterministic."""

from __future__ import annotations

import pytest

from wandelwerk.engines.circular_sankey import SankeyPath, sankey_layout

COLUMNS = ("Material", "von", "nach", "Verwendung")
PATHS = [
    SankeyPath(("Holz", "A", "B", "Kompost"), 10),
    SankeyPath(("Bauschutt", "A", "A", "Recycling"), 30),
    SankeyPath(("Holz", "B", "B", "Kompost"), 5),
]


def test_node_quantities_and_band_sums_are_conserved_per_column():
    layout = sankey_layout(PATHS, columns=COLUMNS)
    assert layout.total == 45
    for column in range(4):
        assert sum(n.quantity for n in layout.nodes if n.column == column) == 45
    for node in layout.nodes:
        out = sum(b.quantity for b in layout.bands if b.source is node)
        inc = sum(b.quantity for b in layout.bands if b.target is node)
        if node.column < 3:
            assert out == pytest.approx(node.quantity)
        if node.column > 0:
            assert inc == pytest.approx(node.quantity)


def test_nodes_of_a_column_do_not_overlap_and_stay_inside():
    layout = sankey_layout(PATHS, columns=COLUMNS, height=300)
    for column in range(4):
        nodes = sorted((n for n in layout.nodes if n.column == column), key=lambda n: n.y)
        for a, b in zip(nodes, nodes[1:], strict=False):
            assert a.y + a.height <= b.y
        assert nodes[0].y >= 0 and nodes[-1].y + nodes[-1].height <= 300.1


def test_layout_is_deterministic_and_ignores_empty_paths():
    a = sankey_layout([*PATHS, SankeyPath(("x", "y", "z", "w"), 0)], columns=COLUMNS)
    b = sankey_layout(list(reversed(PATHS)), columns=COLUMNS)
    assert [x.path for x in a.bands] == [x.path for x in b.bands]
    assert all(n.label != "x" for n in a.nodes)


def test_empty_input_gives_an_empty_layout_and_wrong_lengths_raise():
    assert sankey_layout([], columns=COLUMNS).bands == []
    with pytest.raises(ValueError, match="expected 4"):
        sankey_layout([SankeyPath(("a", "b"), 1)], columns=COLUMNS)
