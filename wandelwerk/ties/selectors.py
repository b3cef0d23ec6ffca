"""Reads for ties. ``tie_edges`` is the one door the analysis apps use to get the network."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

import numpy as np
import numpy.typing as npt
from django.db.models import Q

from .models import Tie

_CHUNK = 5_000  # ids per IN (...) list; below SQLite's limit of 32,766 variables
_ALL_TIES_ABOVE = 100_000  # with more actors than this, read every tie and filter in NumPy


def tie_edges(
    *,
    actors: Any = None,
    at: dt.date | None = None,
    kinds: Collection[str] | None = None,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """(source ids, target ids, weights) of ties between actors of the queryset ``actors`` (both
    ends inside; all actors when None), current on ``at`` (not started later, not ended earlier;
    all when None), of ``kinds`` (all when None). Several ties between the same pair come back as
    separate rows. Costs 2 queries up to 5,000 actors, one more per further 5,000."""
    qs = Tie.objects.all()
    if at is not None:
        qs = qs.filter(Q(started__isnull=True) | Q(started__lte=at)).filter(
            Q(ended__isnull=True) | Q(ended__gte=at)
        )
    if kinds is not None:
        qs = qs.filter(kind__in=list(kinds))
    fields = ("source_id", "target_id", "weight")
    if actors is None:
        rows = list(qs.values_list(*fields))
    else:
        # The actor ids first, then the ties by source id in chunks (index ties_pair) and the
        # target checked in NumPy: a visibility subquery on both ends costs seconds on SQLite.
        ids = np.fromiter(actors.values_list("id", flat=True), dtype=np.int64)
        if len(ids) > _ALL_TIES_ABOVE:
            rows = list(qs.values_list(*fields))
        else:
            rows = []
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK].tolist()
                rows.extend(qs.filter(source_id__in=chunk).values_list(*fields))
        if rows:
            arr = np.array(rows, dtype=np.float64)
            keep = np.isin(arr[:, 0].astype(np.int64), ids) & np.isin(arr[:, 1].astype(np.int64), ids)
            rows = arr[keep].tolist()
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float64)
    arr = np.array(rows, dtype=np.float64)
    return arr[:, 0].astype(np.int64), arr[:, 1].astype(np.int64), arr[:, 2].copy()


def actor_ties(*, actor: Any, user: Any) -> list[Tie]:
    """Ties of ``actor`` (either end) whose other end ``user`` may see, newest first, with both actors
    loaded (one query)."""
    from wandelwerk.actors.visibility import actors_visible_to

    visible = actors_visible_to(user).values("id")
    qs = (
        Tie.objects.filter(Q(source=actor, target_id__in=visible) | Q(target=actor, source_id__in=visible))
        .select_related("source", "target")
        .order_by("-started", "kind", "-id")
    )
    return list(qs)


def tie_get(*, pk: int) -> Tie | None:
    return Tie.objects.select_related("source", "target").filter(pk=pk).first()
