"""Reads for ties. ``tie_edges`` is the one door the analysis apps use to get the network."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

import numpy as np
import numpy.typing as npt
from django.db.models import Q

from .models import Tie


def tie_edges(
    *,
    actors: Any = None,
    at: dt.date | None = None,
    kinds: Collection[str] | None = None,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """(source ids, target ids, weights) of ties between actors of the queryset ``actors`` (both
    ends inside, as a subquery, so any size works; all actors when None), current on ``at``
    (not started later, not ended earlier; all when None),
    of ``kinds`` (all when None). Several ties between the same pair come back as separate rows."""
    qs = Tie.objects.all()
    if actors is not None:
        inside = actors.values("id")
        qs = qs.filter(source_id__in=inside, target_id__in=inside)
    if at is not None:
        qs = qs.filter(Q(started__isnull=True) | Q(started__lte=at)).filter(
            Q(ended__isnull=True) | Q(ended__gte=at)
        )
    if kinds is not None:
        qs = qs.filter(kind__in=list(kinds))
    rows = list(qs.values_list("source_id", "target_id", "weight"))
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float64)
    arr = np.array(rows, dtype=np.float64)
    return arr[:, 0].astype(np.int64), arr[:, 1].astype(np.int64), arr[:, 2].copy()
