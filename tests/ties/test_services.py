"""Recording, changing, ending and deleting ties by hand: validation with clear messages."""

from __future__ import annotations

import datetime as dt

import pytest

from wandelwerk.ties.models import Tie, TieKind, TieOrigin
from wandelwerk.ties.services import TieError, tie_create, tie_delete, tie_end, tie_update


def _tie(world, **kwargs):
    a = world["actors"]
    defaults = {"source": a["verein"], "target": a["stadt"], "kind": TieKind.COOPERATION}
    return tie_create(**{**defaults, **kwargs})


def test_recorded_tie_keeps_kind_weight_period_note_and_author(world):
    user = world["users"]["owner"]
    tie = _tie(world, weight=2.5, started=dt.date(2024, 1, 1), note=" Solarprojekt ", user=user)
    tie.refresh_from_db()
    assert (tie.kind, tie.weight, tie.started, tie.note) == (
        "cooperation",
        2.5,
        dt.date(2024, 1, 1),
        "Solarprojekt",
    )
    assert tie.origin == TieOrigin.RECORDED and tie.created_by == user


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"target": "verein"}, "target", "zwei verschiedene"),
        ({"kind": "friendship"}, "kind", "Unbekannte Art"),
        ({"kind": TieKind.PROJECT}, "kind", "abgeleitet"),
        ({"weight": 0}, "weight", "Gewicht"),
        ({"weight": float("nan")}, "weight", "Gewicht"),
        ({"started": dt.date(2024, 5, 1), "ended": dt.date(2024, 4, 1)}, "ended", "vor dem Beginn"),
    ],
)
def test_invalid_ties_are_refused_naming_the_field(world, kwargs, field, message):
    if kwargs.get("target") == "verein":
        kwargs = {**kwargs, "target": world["actors"]["verein"]}
    with pytest.raises(TieError, match=message) as info:
        _tie(world, **kwargs)
    assert info.value.field == field
    assert not Tie.objects.exists()


def test_the_same_cooperation_in_either_direction_is_a_duplicate(world):
    a = world["actors"]
    _tie(world)
    with pytest.raises(TieError, match="schon erfasst"):
        tie_create(source=a["stadt"], target=a["verein"], kind=TieKind.COOPERATION)
    assert Tie.objects.count() == 1


def test_funding_in_both_directions_are_two_different_ties(world):
    a = world["actors"]
    tie_create(source=a["stadt"], target=a["verein"], kind=TieKind.FUNDING)
    tie_create(source=a["verein"], target=a["stadt"], kind=TieKind.FUNDING)
    assert Tie.objects.filter(kind=TieKind.FUNDING).count() == 2


def test_update_changes_fields_and_checks_the_period(world):
    tie = _tie(world, started=dt.date(2023, 1, 1))
    tie_update(tie=tie, kind=TieKind.MEMBERSHIP, weight=3, note="neu")
    tie.refresh_from_db()
    assert (tie.kind, tie.weight, tie.note, tie.started) == ("membership", 3.0, "neu", dt.date(2023, 1, 1))
    with pytest.raises(TieError, match="vor dem Beginn"):
        tie_update(tie=tie, ended=dt.date(2022, 1, 1))


def test_update_into_an_existing_tie_is_refused(world):
    _tie(world, kind=TieKind.MEMBERSHIP)
    other = _tie(world)
    with pytest.raises(TieError, match="schon erfasst"):
        tie_update(tie=other, kind=TieKind.MEMBERSHIP)


def test_ending_sets_the_end_date_and_keeps_the_tie(world):
    tie = _tie(world, started=dt.date(2020, 1, 1))
    tie_end(tie=tie, on=dt.date(2025, 6, 30))
    tie.refresh_from_db()
    assert tie.ended == dt.date(2025, 6, 30)
    with pytest.raises(TieError, match="vor dem Beginn"):
        tie_end(tie=tie, on=dt.date(2019, 1, 1))


def test_delete_removes_a_recorded_tie(world):
    tie = _tie(world)
    tie_delete(tie=tie)
    assert not Tie.objects.exists()


def test_derived_ties_cannot_be_changed_ended_or_deleted_by_hand(world):
    a = world["actors"]
    tie = Tie.objects.create(
        source=a["stadt"],
        target=a["verein"],
        kind=TieKind.PROJECT,
        origin=TieOrigin.DERIVED,
        derived_key="project:1",
    )
    for call in (
        lambda: tie_update(tie=tie, weight=2),
        lambda: tie_end(tie=tie),
        lambda: tie_delete(tie=tie),
    ):
        with pytest.raises(TieError, match="Abgeleitete"):
            call()
    assert Tie.objects.filter(pk=tie.pk, ended__isnull=True, weight=1.0).exists()
