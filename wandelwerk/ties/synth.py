"""Synthetic ties between the synthetic demo actors (``manage.py synth --ties N``), drawn by
``engines.synth_ties``: local, clustered, heavy-tailed, with a few long bridges and isolated actors."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.db import transaction

from wandelwerk.actors.models import Actor
from wandelwerk.engines.synth_ties import generate_ties

from .models import Tie, TieKind, TieOrigin

SYNTH_NOTE = "synthetisch"
# kinds in the proportions a regional network might record them
_KINDS = (TieKind.COOPERATION,) * 6 + (TieKind.MEMBERSHIP,) * 2 + (TieKind.FUNDING, TieKind.SUPPLY)


@dataclass(frozen=True, slots=True)
class SynthTiesResult:
    actors: int
    created: int
    skipped: bool  # synthetic ties existed already


def ties_synth(*, count: int, seed: int = 1, batch: int = 20_000) -> SynthTiesResult:
    """Adds ``count`` synthetic ties (marked as demo data) among the synthetic demo actors, once:
    if synthetic ties exist already nothing is added. All or nothing."""
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    rows = list(Actor.objects.filter(is_demo=True).order_by("id").values_list("id", "lat", "lon"))
    if Tie.objects.filter(is_demo=True, note=SYNTH_NOTE).exists():
        return SynthTiesResult(actors=len(rows), created=0, skipped=True)
    if not rows or count == 0:
        return SynthTiesResult(actors=len(rows), created=0, skipped=False)
    arr = np.array(rows, dtype=np.float64)
    ids = arr[:, 0].astype(np.int64)
    drawn = generate_ties(arr[:, 1], arr[:, 2], count=count, seed=seed)
    rng = np.random.default_rng(seed)
    kinds = rng.integers(0, len(_KINDS), size=len(drawn))
    created = 0
    with transaction.atomic():
        for start in range(0, len(drawn), batch):
            stop = min(start + batch, len(drawn))
            Tie.objects.bulk_create(
                [
                    Tie(
                        source_id=int(ids[drawn.src[i]]),
                        target_id=int(ids[drawn.dst[i]]),
                        kind=_KINDS[int(kinds[i])],
                        origin=TieOrigin.IMPORTED,
                        weight=float(drawn.weight[i]),
                        note=SYNTH_NOTE,
                        is_demo=True,
                    )
                    for i in range(start, stop)
                ]
            )
            created += stop - start
    return SynthTiesResult(actors=len(rows), created=created, skipped=False)
