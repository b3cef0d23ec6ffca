"""Which subscribers a newsletter segment reaches: topics and official area keys (AGS), no Django.

Area keys nest by prefix: a state has 2 digits, a county 5, a municipality 8 (``14`` ⊃ ``14524`` ⊃
``14524330``). Two areas overlap when one key is a prefix of (or equal to) the other.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

AREA_KEY_LENGTHS = frozenset({2, 5, 8})

K = TypeVar("K", bound=Hashable)


def check_area_key(key: str) -> str:
    """The key unchanged if it is a state, county or municipality AGS; ValueError otherwise."""
    if not key.isdigit() or len(key) not in AREA_KEY_LENGTHS:
        raise ValueError(f"not an official area key (2, 5 or 8 digits): {key!r}")
    return key


def area_contains(outer: str, inner: str) -> bool:
    """True when ``inner`` lies in ``outer`` or is the same area."""
    return len(outer) <= len(inner) and inner.startswith(outer)


def areas_overlap(first: Iterable[str], second: Iterable[str]) -> bool:
    """True when an area of one set contains or equals an area of the other."""
    seconds = tuple(second)
    return any(area_contains(a, b) or area_contains(b, a) for a in first for b in seconds)


@dataclass(frozen=True, slots=True)
class Interests:
    """A segment (of a newsletter) or the interests of a subscriber; empty sets mean "everything"."""

    topics: frozenset[int] = field(default_factory=frozenset)
    areas: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        for key in self.areas:
            check_area_key(key)


def matches(segment: Interests, subscriber: Interests) -> bool:
    """Topics: either side empty or a shared topic. Areas: either side empty or an overlap by AGS prefix.
    Both conditions must hold."""
    topics_ok = not segment.topics or not subscriber.topics or bool(segment.topics & subscriber.topics)
    if not topics_ok:
        return False
    return not segment.areas or not subscriber.areas or areas_overlap(segment.areas, subscriber.areas)


def select(segment: Interests, subscribers: Iterable[tuple[K, Interests]]) -> list[K]:
    """The keys of the matching subscribers, in the order given."""
    return [key for key, interests in subscribers if matches(segment, interests)]
