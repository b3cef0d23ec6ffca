"""Demo ties for `load_demo`: derived ties from the demo projects, groups and events, then recorded
cooperation, membership, funding and supply ties among the demo actors so every demo network shows a
realistic structure: a few geographic communities, brokers between them, 10–20 % of actors without any
tie (mostly in villages and small towns), many ties across sectors. Deterministic (seeded per network),
idempotent (skipped when demo ties exist), and two snapshots in the past show change over time."""

from __future__ import annotations

import datetime as dt
import zlib
from typing import Any

import numpy as np
from django.db import transaction
from django.utils import timezone

from wandelwerk.actors.models import Kind, Sector
from wandelwerk.ties.analysis import RURAL, settlement
from wandelwerk.ties.derivation import ties_derive
from wandelwerk.ties.models import Tie, TieKind, TieOrigin

ISOLATED_SHARE = 0.15
COMMUNITY_SIZE = 30
FIRST_DAY = dt.date(2019, 1, 1)
# leaf regions first, so each actor gets its ties from the most local network it belongs to
ORDER = (
    "region-zwickau",
    "region-freiberg-tharandt",
    "saechsische-schweiz",
    "region-hoyerswerda",
    "region-zittau-goerlitz",
    "circular-rural-regions-mittelsachsen",
    "zusammenwachsen-revier",
    "landesverband-nachhaltiges-sachsen",
)

Pair = tuple[int, int, str]


def _kind_for(a: tuple[Any, ...], b: tuple[Any, ...], rng: np.random.Generator) -> tuple[int, int, str]:
    """A plausible kind for two actors (id, kind, sector, …): funders fund, companies supply,
    networks have members; everything else cooperates."""
    (ia, ka, sa), (ib, kb, sb) = a[:3], b[:3]
    roll = rng.random()
    if ka in (Kind.FOUNDATION, Kind.ADMINISTRATION) and roll < 0.4:
        return ia, ib, TieKind.FUNDING
    if kb in (Kind.FOUNDATION, Kind.ADMINISTRATION) and roll < 0.4:
        return ib, ia, TieKind.FUNDING
    if kb == Kind.NETWORK and roll < 0.6:
        return ia, ib, TieKind.MEMBERSHIP
    if ka == Kind.NETWORK and roll < 0.6:
        return ib, ia, TieKind.MEMBERSHIP
    if sa == Sector.BUSINESS and sb == Sector.BUSINESS and roll < 0.5:
        return ia, ib, TieKind.SUPPLY
    return min(ia, ib), max(ia, ib), TieKind.COOPERATION


def _network_pairs(actors: list[tuple[Any, ...]], rng: np.random.Generator) -> tuple[dict[Pair, int], int]:
    """Ties for one network's actors (id, kind, sector, regiostar7, lon): returns {pair: 1} and how many
    actors were left without ties on purpose."""
    n = len(actors)
    if n < 3:
        return {}, n
    rural = np.array([settlement(a[3]) == RURAL for a in actors])
    weights = np.where(rural, 3.0, 1.0)
    lonely_count = max(1, int(round(n * ISOLATED_SHARE)))
    lonely = set(rng.choice(n, size=lonely_count, replace=False, p=weights / weights.sum()).tolist())
    active = [i for i in range(n) if i not in lonely]
    active.sort(key=lambda i: (actors[i][4], actors[i][0]))  # west to east: communities are places
    k = max(2, round(len(active) / COMMUNITY_SIZE))
    communities = [active[c * len(active) // k : (c + 1) * len(active) // k] for c in range(k)]
    pairs: dict[Pair, int] = {}

    def link(i: int, j: int) -> None:
        if i != j:
            pairs[_kind_for(actors[i], actors[j], rng)] = 1

    for members in communities:
        if len(members) < 2:
            continue
        # a few hubs attract ties (preferential), everyone has 1–3 ties inside the community
        popularity = np.ones(len(members))
        popularity[rng.choice(len(members), size=max(1, len(members) // 8), replace=False)] = 6.0
        for pos, i in enumerate(members):
            for _ in range(int(rng.integers(1, 4))):
                p = popularity.copy()
                p[pos] = 0
                link(i, members[int(rng.choice(len(members), p=p / p.sum()))])
    # brokers: one actor per neighbouring pair of communities ties into both (and sometimes a third)
    for c in range(k - 1):
        left, right = communities[c], communities[c + 1]
        if not left or not right:
            continue
        broker = left[int(rng.integers(len(left)))]
        for _ in range(2):
            link(broker, right[int(rng.integers(len(right)))])
        if c + 2 < k and communities[c + 2] and rng.random() < 0.5:
            link(broker, communities[c + 2][int(rng.integers(len(communities[c + 2])))])
    return pairs, lonely_count


def _bridges(members_of: dict[str, list[tuple[Any, ...]]], rng: np.random.Generator) -> dict[Pair, int]:
    """The state association's brokers: two actors of every other demo network tie into its own actors."""
    hub = members_of.get("landesverband-nachhaltiges-sachsen", [])
    out: dict[Pair, int] = {}
    if not hub:
        return out
    for slug, rows in members_of.items():
        if slug == "landesverband-nachhaltiges-sachsen" or not rows:
            continue
        for _ in range(2):
            a = rows[int(rng.integers(len(rows)))]
            b = hub[int(rng.integers(len(hub)))]
            out[_kind_for(a, b, rng)] = 1
    return out


def _started(rng: np.random.Generator, today: dt.date) -> dt.date:
    days = (today - FIRST_DAY).days - 30
    return FIRST_DAY + dt.timedelta(days=int(rng.integers(0, max(days, 1))))


@transaction.atomic
def load_demo(user: Any = None) -> str:
    """Derives ties, adds the demo network structure once and takes snapshots; returns one summary line."""
    from wandelwerk.networks.models import Network
    from wandelwerk.ties.analysis import network_actors
    from wandelwerk.ties.services import network_snapshot_take

    derived = ties_derive()
    if Tie.objects.filter(is_demo=True).exists():
        return f"Demo-Beziehungen schon vorhanden; {derived.summary()}"
    today = timezone.localdate()
    done: set[int] = set()
    pairs: dict[Pair, int] = {}
    networks = {n.slug: n for n in Network.objects.filter(slug__in=ORDER)}
    members_of: dict[str, list[tuple[Any, ...]]] = {}
    for slug in ORDER:
        network = networks.get(slug)
        if network is None:
            continue
        rows = list(
            network_actors(network=network, members=True)
            .filter(is_demo=True)
            .exclude(pk__in=done)
            .order_by("id")
            .values_list("id", "kind", "sector", "municipality__regiostar7", "lon")
        )
        done.update(r[0] for r in rows)
        members_of[slug] = rows
        found, _lonely = _network_pairs(rows, np.random.default_rng(zlib.crc32(slug.encode())))
        pairs.update(found)
    rng = np.random.default_rng(2026)
    pairs.update(_bridges(members_of, rng))
    existing = set(Tie.objects.filter(derived_key="").values_list("source_id", "target_id", "kind"))
    ties = [
        Tie(
            source_id=s,
            target_id=t,
            kind=kind,
            weight=float(rng.choice([1.0, 1.0, 1.0, 2.0, 3.0])),
            started=_started(rng, today),
            origin=TieOrigin.RECORDED,
            is_demo=True,
            note="Demodaten",
        )
        for (s, t, kind) in sorted(pairs)
        if (s, t, kind) not in existing and (t, s, kind) not in existing
    ]
    Tie.objects.bulk_create(ties, batch_size=2000)
    snapshots = 0
    for network in networks.values():
        for months in (12, 6):
            network_snapshot_take(network=network, on=today - dt.timedelta(days=30 * months))
            snapshots += 1
    return (
        f"Demo-Beziehungen: {len(ties)} erfasste Beziehungen in {len(networks)} Netzwerken, "
        f"{snapshots} Momentaufnahmen; {derived.summary()}"
    )
