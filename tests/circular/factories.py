"""Helpers for the circular tests: flows through the real service, a small two-county world."""

from __future__ import annotations

from typing import Any

from tests.factories import NetworkFactory, UserFactory, make_actor, make_member
from wandelwerk.circular.models import MaterialFlow
from wandelwerk.circular.services import FlowData, flow_create
from wandelwerk.networks.models import Role


def make_flow(
    actor: Any, direction: str = "output", material: str = "wood", quantity: float = 10.0, **kw: Any
) -> MaterialFlow:
    data = FlowData(
        direction=direction,
        material=material,
        title=kw.pop("title", f"{direction} {material}"),
        quantity=quantity,
        unit=kw.pop("unit", "t"),
        **kw,
    )
    return flow_create(actor=actor, data=data, user=None)


def make_world(geo: dict[str, Any]) -> dict[str, Any]:
    """Zwickau county network with a coordinator, an owner with an actor in Zwickau, a second actor in
    Crimmitschau (≈ 13 km away) and one in Zittau (Görlitz county, ≈ 165 km away)."""
    owner = UserFactory()
    network = NetworkFactory(slug="region-zwickau", areas=[geo["zwickau_lk"]])
    other = NetworkFactory(slug="region-goerlitz", areas=[geo["goerlitz_lk"]])
    return {
        "owner": owner,
        "network": network,
        "other": other,
        "coordinator": make_member(network, Role.COORDINATOR),
        "other_coordinator": make_member(other, Role.COORDINATOR),
        "stranger": UserFactory(),
        "staff": UserFactory(is_staff=True),
        "carpenter": make_actor(geo["zwickau"], name="Zimmerei Zwickau GmbH", owner=owner),
        "garden": make_actor(geo["crimmitschau"], name="Gemeinschaftsgarten Crimmitschau"),
        "far": make_actor(geo["zittau"], name="Biohof Zittau"),
    }
