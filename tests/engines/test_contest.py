"""Contest phases and ranking: pure arithmetic, no database."""

import datetime as dt

import pytest

from wandelwerk.engines.contest import (
    Entry,
    PhaseSpan,
    Score,
    current_phase,
    jury_share,
    phase_problems,
    rank,
)

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _day(n: int) -> dt.datetime:
    return T0 + dt.timedelta(days=n)


def _spans() -> list[PhaseSpan]:
    return [
        PhaseSpan("submission", _day(0), _day(10)),
        PhaseSpan("review", _day(10), _day(12)),
        PhaseSpan("voting", _day(12), _day(20)),
        PhaseSpan("jury", _day(22), _day(25)),
        PhaseSpan("results", _day(25), None),
    ]


def test_phases_in_order_have_no_problems():
    assert phase_problems(_spans()) == []


def test_overlapping_and_reversed_phases_are_named():
    # given voting starting before review ends, and jury ending before it starts
    spans = _spans()
    spans[2] = PhaseSpan("voting", _day(11), _day(20))
    spans[3] = PhaseSpan("jury", _day(22), _day(21))
    # when / then
    assert phase_problems(spans) == [("voting", "overlap"), ("jury", "end_before_start")]


def test_open_end_is_only_allowed_for_the_last_phase():
    spans = _spans()
    spans[1] = PhaseSpan("review", _day(10), None)
    assert ("review", "open_end") in phase_problems(spans)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (-1, "before"),
        (0, "submission"),
        (10, "review"),
        (15, "voting"),
        (21, "between"),
        (24, "jury"),
        (99, "results"),
    ],
)
def test_current_phase_follows_the_clock(day, expected):
    assert current_phase(_spans(), _day(day)) == expected


def test_jury_share_weights_criteria_and_averages_members():
    # given two criteria weighted 3:1, two members
    scores = [Score(1, 10, 10), Score(2, 10, 6), Score(1, 11, 0), Score(2, 11, 4)]
    # when / then: (3 * 0.8 + 1 * 0.2) / 4
    assert jury_share(scores, {10: 3, 11: 1}) == pytest.approx(0.65)


def test_jury_share_without_criteria_is_zero():
    assert jury_share([Score(1, 10, 10)], {}) == 0.0


def test_rank_combines_normalised_jury_and_votes_with_weights():
    # given idea 1 loved by the jury, idea 2 by the public
    entries = [
        Entry(1, votes=5, scores=(Score(1, 10, 10),)),
        Entry(2, votes=10, scores=(Score(1, 10, 2),)),
        Entry(3, votes=0),
    ]
    # when the jury counts 70 %
    ranked = rank(entries, jury_weight=70, public_weight=30, criteria={10: 1}, winners=1)
    # then idea 1: 0.7*1 + 0.3*0.5 = 0.85; idea 2: 0.7*0.2 + 0.3*1 = 0.44
    assert [(r.idea_id, r.rank) for r in ranked] == [(1, 1), (2, 2), (3, 3)]
    assert ranked[0].total == pytest.approx(0.85)
    assert ranked[1].total == pytest.approx(0.44)
    assert [r.winner for r in ranked] == [True, False, False]


def test_rank_ties_go_to_more_votes_then_lower_id():
    entries = [Entry(7, votes=0), Entry(3, votes=0), Entry(5, votes=0)]
    ranked = rank(entries, jury_weight=50, public_weight=50, criteria={}, winners=3)
    assert [r.idea_id for r in ranked] == [3, 5, 7]
    assert not any(r.winner for r in ranked)  # nobody with a total of 0 wins


def test_rank_with_public_votes_only():
    entries = [Entry(1, votes=2), Entry(2, votes=4)]
    ranked = rank(entries, jury_weight=0, public_weight=100, criteria={1: 1})
    assert [(r.idea_id, r.total) for r in ranked] == [(2, 1.0), (1, 0.5)]
