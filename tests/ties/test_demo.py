"""The demo structure: deterministic, idempotent, with isolated rural actors, brokers and communities."""

from __future__ import annotations

import random

from tests.factories import NetworkFactory, make_actor
from wandelwerk.actors.models import Actor, Sector
from wandelwerk.ties.analysis import network_analysis
from wandelwerk.ties.demo import load_demo
from wandelwerk.ties.models import NetworkSnapshot, Tie


def _demo_region(geo, count=80):
    geo["crimmitschau"].regiostar7 = 77
    geo["crimmitschau"].save()
    geo["zwickau"].regiostar7 = 72
    geo["zwickau"].save()
    network = NetworkFactory(slug="region-zwickau", areas=[geo["zwickau_lk"]])
    rng = random.Random(1)
    sectors = list(Sector.values)
    for i in range(count):
        place = geo["crimmitschau"] if i % 2 else geo["zwickau"]
        make_actor(place, name=f"Demo {i}", sector=rng.choice(sectors), lon=12.3 + i / 100, is_demo=True)
    return network


def test_demo_gives_communities_brokers_and_mostly_rural_isolated_actors(geo):
    network = _demo_region(geo)
    line = load_demo(None)
    assert "erfasste Beziehungen" in line
    a = network_analysis(network=network, use_cache=False)
    assert 0.1 <= a.isolated / a.actors <= 0.2
    assert len(a.isolated_rural) > a.isolated / 2
    assert a.communities >= 2 and a.brokers and a.cross_sector and a.cross_sector > 0.2
    assert NetworkSnapshot.objects.filter(network=network).count() == 2


def test_demo_is_deterministic_and_idempotent(geo):
    _demo_region(geo)
    load_demo(None)
    first = sorted(Tie.objects.values_list("source__name", "target__name", "kind", "weight", "started"))
    assert "schon vorhanden" in load_demo(None)
    assert Tie.objects.count() == len(first)
    Tie.objects.all().delete()
    NetworkSnapshot.objects.all().delete()
    load_demo(None)
    assert (
        sorted(Tie.objects.values_list("source__name", "target__name", "kind", "weight", "started")) == first
    )
    assert not Tie.objects.exclude(source__in=Actor.objects.filter(is_demo=True)).exists()
