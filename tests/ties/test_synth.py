"""``manage.py synth --ties N``: synthetic ties among the synthetic demo actors, once."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from tests.factories import make_actor
from wandelwerk.actors.models import Actor
from wandelwerk.ties.models import Tie
from wandelwerk.ties.synth import ties_synth

pytestmark = pytest.mark.django_db


def test_synthetic_ties_join_demo_actors_only_and_are_added_once(geo):
    # given 40 demo actors and one real actor
    places = [geo["zwickau"], geo["crimmitschau"], geo["zittau"]]
    for i in range(40):
        make_actor(places[i % 3], name=f"Demo {i}", lat=places[i % 3].lat + i * 0.001)
    Actor.objects.update(is_demo=True)
    real = make_actor(geo["zwickau"], name="Echter Verein")
    # when 60 synthetic ties are drawn
    result = ties_synth(count=60, seed=3)
    # then they exist between demo actors, without self-ties or duplicate pairs, marked as demo data
    assert (result.actors, result.created, result.skipped) == (40, 60, False)
    pairs = list(Tie.objects.values_list("source_id", "target_id"))
    assert len(pairs) == 60 == len({frozenset(p) for p in pairs})
    assert all(a != b for a, b in pairs)
    assert not Tie.objects.filter(source=real).exists() and not Tie.objects.filter(target=real).exists()
    assert Tie.objects.filter(is_demo=True).count() == 60
    # and a second run adds nothing
    assert ties_synth(count=60, seed=3).skipped
    assert Tie.objects.count() == 60


def test_synth_command_refuses_negative_tie_count(geo):
    with pytest.raises(CommandError, match="--ties"):
        call_command("synth", actors=0, ties=-1)
