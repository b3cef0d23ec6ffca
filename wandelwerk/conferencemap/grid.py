"""The "Landkarte" table: rows = areas, columns = topics; each cell the existing actors, the wishes and
their supporters. Plain Python over values the selectors fetched (no database here)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

WHOLE = 0  # row key for wishes about the map's whole area


@dataclass(frozen=True, slots=True)
class ActorFact:
    name: str
    url: str
    row: int
    topic_ids: frozenset[int]


@dataclass(frozen=True, slots=True)
class WishFact:
    title: str
    url: str
    row: int
    topic_id: int
    supporters: int


@dataclass(slots=True)
class Cell:
    actors: list[tuple[str, str]] = field(default_factory=list)  # (name, url)
    wishes: list[tuple[str, str, int]] = field(default_factory=list)  # (title, url, supporters)

    @property
    def supporters(self) -> int:
        return sum(w[2] for w in self.wishes)

    @property
    def empty(self) -> bool:
        return not self.actors and not self.wishes


@dataclass(slots=True)
class Row:
    key: int
    name: str
    cells: list[Cell]

    @property
    def empty(self) -> bool:
        return all(c.empty for c in self.cells)


def build(
    *,
    rows: Sequence[tuple[int, str]],
    topic_ids: Sequence[int],
    actors: Iterable[ActorFact],
    wishes: Iterable[WishFact],
    whole_label: str,
) -> list[Row]:
    """One row per area (in the given order) plus, if any wish is about the whole area, a last row for
    those; actors count in every topic column they have; facts outside the rows or topics are left out."""
    column = {t: i for i, t in enumerate(topic_ids)}
    table = {key: Row(key, name, [Cell() for _ in topic_ids]) for key, name in rows}
    whole = Row(WHOLE, whole_label, [Cell() for _ in topic_ids])
    for a in actors:
        row = table.get(a.row)
        if row is None:
            continue
        for t in sorted(a.topic_ids, key=lambda t: column.get(t, -1)):
            if t in column:
                row.cells[column[t]].actors.append((a.name, a.url))
    for w in wishes:
        row = whole if w.row == WHOLE else table.get(w.row)
        if row is not None and w.topic_id in column:
            row.cells[column[w.topic_id]].wishes.append((w.title, w.url, w.supporters))
    result = [table[key] for key, _name in rows]
    for row in result + [whole]:
        for cell in row.cells:
            cell.actors.sort()
            cell.wishes.sort(key=lambda w: (-w[2], w[0]))
    if not whole.empty:
        result.append(whole)
    return result
