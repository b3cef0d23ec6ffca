"""Ties derived from what actors do together: shared projects, working groups and events.

``ties_derive`` recomputes all derived ties from scratch in memory (one query per source, O(pairs)) and
then writes only the difference: new pairs with ``bulk_create``, changed weights or dates with
``bulk_update``, and derived ties whose reason is gone (partner left, member left, registration
cancelled, project deleted) are deleted. Running it twice changes nothing the second time.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wandelwerk.actors.models import Actor
from wandelwerk.ties.models import Tie, TieKind, TieOrigin

#: weight of one shared project, working group or event between two actors (see ``ties_derive``)
PROJECT_WEIGHT = 1.0
GROUP_WEIGHT = 0.5
EVENT_WEIGHT = 0.25
#: from this many actors on, a group's or event's weight shrinks with its size
SMALL_CIRCLE = 10
#: reasons with more actors than this give no pairwise ties
#: (a big conference says little about who knows whom)
MAX_CIRCLE = 150
BATCH = 2000

Key = tuple[int, int, str, str]  # (smaller actor id, larger actor id, kind, derived_key)


@dataclass(slots=True)
class DeriveReport:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    skipped_large: int = 0  # reasons with more than MAX_CIRCLE actors

    def summary(self) -> str:
        return (
            f"Abgeleitete Beziehungen: {self.created} neu, {self.updated} geändert, {self.deleted} gelöscht, "
            f"{self.unchanged} unverändert"
            + (f"; {self.skipped_large} sehr große Anlässe übersprungen." if self.skipped_large else ".")
        )


def _circle_weight(base: float, size: int) -> float:
    """``base`` for circles up to SMALL_CIRCLE actors, then base · SMALL_CIRCLE / (size − 1)."""
    if size - 1 <= SMALL_CIRCLE:
        return base
    return round(base * SMALL_CIRCLE / (size - 1), 4)


def _pairs(
    desired: dict[Key, tuple[float, dt.date | None]],
    kind: str,
    key: str,
    members: dict[int, dt.date | None],
    base: float,
    report: DeriveReport,
    *,
    shrink: bool,
) -> None:
    """Every pair of ``members`` (actor id → the date it joined) gets a tie starting when the later joined."""
    if len(members) < 2:
        return
    if len(members) > MAX_CIRCLE:
        report.skipped_large += 1
        return
    weight = _circle_weight(base, len(members)) if shrink else base
    for a, b in combinations(sorted(members), 2):
        dates = [d for d in (members[a], members[b]) if d is not None]
        desired[(a, b, kind, key)] = (weight, max(dates) if dates else None)


def _owned_actors(user_ids: Iterable[int]) -> dict[int, list[int]]:
    owned: dict[int, list[int]] = defaultdict(list)
    ids = list(set(user_ids))
    for start in range(0, len(ids), 5000):
        for owner_id, actor_id in Actor.objects.filter(owner_id__in=ids[start : start + 5000]).values_list(
            "owner_id", "id"
        ):
            owned[owner_id].append(actor_id)
    return owned


def _desired(report: DeriveReport) -> dict[Key, tuple[float, dt.date | None]]:
    from wandelwerk.events.models import Registration, RegistrationStatus
    from wandelwerk.groups.models import GroupMembership
    from wandelwerk.projects.models import Partner, PartnerStatus

    desired: dict[Key, tuple[float, dt.date | None]] = {}
    projects: dict[int, dict[int, dt.date | None]] = defaultdict(dict)
    rows = Partner.objects.filter(status=PartnerStatus.ACCEPTED).values_list(
        "project_id", "actor_id", "decided_at", "project__created_at"
    )
    for project_id, actor_id, decided_at, created_at in rows:
        when = decided_at or created_at
        projects[project_id][actor_id] = timezone.localdate(when) if when else None
    for project_id, members in projects.items():
        _pairs(
            desired, TieKind.PROJECT, f"project:{project_id}", members, PROJECT_WEIGHT, report, shrink=False
        )

    memberships = list(
        GroupMembership.objects.filter(user__actors__isnull=False)
        .distinct()
        .values_list("group_id", "user_id", "joined_at")
    )
    regs = list(
        Registration.objects.filter(
            Q(attended=True) | Q(attended__isnull=True, status=RegistrationStatus.CONFIRMED),
            user__actors__isnull=False,
        )
        .distinct()
        .values_list("event_id", "user_id", "event__start")
    )
    owned = _owned_actors([m[1] for m in memberships] + [r[1] for r in regs])
    groups: dict[int, dict[int, dt.date | None]] = defaultdict(dict)
    for group_id, user_id, joined_at in memberships:
        for actor_id in owned.get(user_id, ()):
            groups[group_id][actor_id] = timezone.localdate(joined_at) if joined_at else None
    for group_id, members in groups.items():
        _pairs(desired, TieKind.GROUP, f"group:{group_id}", members, GROUP_WEIGHT, report, shrink=True)
    events: dict[int, dict[int, dt.date | None]] = defaultdict(dict)
    for event_id, user_id, start in regs:
        for actor_id in owned.get(user_id, ()):
            events[event_id][actor_id] = timezone.localdate(start)
    for event_id, members in events.items():
        _pairs(desired, TieKind.EVENT, f"event:{event_id}", members, EVENT_WEIGHT, report, shrink=True)
    return desired


@transaction.atomic
def ties_derive() -> DeriveReport:
    """Brings the derived ties in line with projects, working groups and events; idempotent.

    Weight rule (documented for coordinators on the network page too):

    * shared project (both accepted partners): 1.0 per project; the tie starts on the later partner
      decision (else the project's creation date);
    * shared working group (users mapped to the actors they own): 0.5, shrinking to 0.5 · 10 / (k − 1)
      for groups of k > 11 actors; starts when the later of the two joined;
    * shared event (attended, or confirmed while attendance is not recorded): 0.25, shrinking the same
      way; dated on the day the event began.

    Several reasons between the same two actors are separate ties (the analysis adds their weights).
    Circles of more than ``MAX_CIRCLE`` actors give no ties. Pairs are stored smaller actor id first.
    """
    report = DeriveReport()
    desired = _desired(report)
    existing = Tie.objects.filter(origin=TieOrigin.DERIVED).values_list(
        "id", "source_id", "target_id", "kind", "derived_key", "weight", "started"
    )
    now = timezone.now()
    to_update: list[Tie] = []
    to_delete: list[int] = []
    for pk, source_id, target_id, kind, key, weight, started in existing.iterator(chunk_size=BATCH):
        want = desired.pop((source_id, target_id, kind, key), None)
        if want is None:
            to_delete.append(pk)
        elif (weight, started) != want:
            to_update.append(Tie(pk=pk, weight=want[0], started=want[1], updated_at=now))
        else:
            report.unchanged += 1
    for start in range(0, len(to_delete), BATCH):
        Tie.objects.filter(pk__in=to_delete[start : start + BATCH]).delete()
    report.deleted = len(to_delete)
    Tie.objects.bulk_update(to_update, ["weight", "started", "updated_at"], batch_size=BATCH)
    report.updated = len(to_update)
    new = [
        Tie(
            source_id=a,
            target_id=b,
            kind=kind,
            derived_key=key,
            origin=TieOrigin.DERIVED,
            weight=weight,
            started=started,
        )
        for (a, b, kind, key), (weight, started) in desired.items()
    ]
    Tie.objects.bulk_create(new, batch_size=BATCH)
    report.created = len(new)
    return report
