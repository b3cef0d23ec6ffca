"""Idea contests: phase order, the current phase, and the ranking that combines jury and public votes.

Plain Python (no Django): the participation app loads scores and vote counts into these values and
computes here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

PHASES = ("submission", "review", "voting", "jury", "results")
BEFORE = "before"
BETWEEN = "between"
MAX_SCORE = 10


@dataclass(frozen=True, slots=True)
class PhaseSpan:
    name: str
    start: dt.datetime
    end: dt.datetime | None  # only the last phase (results) may stay open


def phase_problems(spans: Sequence[PhaseSpan]) -> list[tuple[str, str]]:
    """(phase name, problem) for every phase that ends before it starts or overlaps the previous one.
    Problems are codes: "end_before_start", "open_end", "overlap"."""
    problems: list[tuple[str, str]] = []
    previous: PhaseSpan | None = None
    for i, span in enumerate(spans):
        if span.end is None and i < len(spans) - 1:
            problems.append((span.name, "open_end"))
        elif span.end is not None and span.end <= span.start:
            problems.append((span.name, "end_before_start"))
        if previous is not None and previous.end is not None and span.start < previous.end:
            problems.append((span.name, "overlap"))
        previous = span
    return problems


def current_phase(spans: Sequence[PhaseSpan], now: dt.datetime) -> str:
    """The name of the phase containing ``now`` (start inclusive, end exclusive); "before" ahead of the
    first phase, "between" in a gap, and the last phase once it has started and not ended."""
    if not spans or now < spans[0].start:
        return BEFORE
    for span in spans:
        if span.start <= now and (span.end is None or now < span.end):
            return span.name
    return BETWEEN


@dataclass(frozen=True, slots=True)
class Score:
    member_id: int
    criterion_id: int
    value: int  # 0..10


@dataclass(frozen=True, slots=True)
class Entry:
    idea_id: int
    votes: int
    scores: tuple[Score, ...] = ()


@dataclass(frozen=True, slots=True)
class Ranked:
    idea_id: int
    rank: int
    votes: int
    jury: float  # 0..1, weighted mean of the criteria averages over the members who scored
    public: float  # 0..1, votes relative to the idea with most votes
    total: float  # 0..1, weighted combination
    winner: bool


def jury_share(scores: Iterable[Score], weights: Mapping[int, float]) -> float:
    """Average per criterion over the members, weighted by the criteria weights, scaled to 0..1.
    Criteria without scores count as 0; no criteria or zero weights give 0."""
    total_weight = sum(w for w in weights.values() if w > 0)
    if total_weight <= 0:
        return 0.0
    sums: dict[int, list[int]] = {}
    for s in scores:
        if s.criterion_id in weights:
            sums.setdefault(s.criterion_id, []).append(max(0, min(MAX_SCORE, s.value)))
    value = 0.0
    for criterion_id, weight in weights.items():
        values = sums.get(criterion_id)
        if weight > 0 and values:
            value += weight * (sum(values) / len(values)) / MAX_SCORE
    return value / total_weight


def rank(
    entries: Iterable[Entry],
    *,
    jury_weight: float,
    public_weight: float,
    criteria: Mapping[int, float],
    winners: int = 3,
) -> list[Ranked]:
    """Best first. Public votes are normalised by the highest vote count, jury scores by the maximum
    score; both are combined with the contest's weights. Ties: more votes first, then lower idea id.
    The first ``winners`` ideas with a total above 0 are winners."""
    items = list(entries)
    max_votes = max((e.votes for e in items), default=0)
    weight_sum = max(jury_weight, 0.0) + max(public_weight, 0.0)
    computed: list[tuple[float, float, float, Entry]] = []
    for e in items:
        jury = jury_share(e.scores, criteria)
        public = e.votes / max_votes if max_votes > 0 else 0.0
        total = (
            (max(jury_weight, 0.0) * jury + max(public_weight, 0.0) * public) / weight_sum
            if weight_sum > 0
            else 0.0
        )
        computed.append((round(total, 9), jury, public, e))
    computed.sort(key=lambda t: (-t[0], -t[3].votes, t[3].idea_id))
    return [
        Ranked(
            idea_id=e.idea_id,
            rank=i + 1,
            votes=e.votes,
            jury=jury,
            public=public,
            total=total,
            winner=i < winners and total > 0,
        )
        for i, (total, jury, public, e) in enumerate(computed)
    ]
