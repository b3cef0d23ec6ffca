"""Project stages and the transitions between them (no Django).

idea → planning → implementation → completed; any open stage may be paused or dropped (with a
reason); a paused project resumes at idea, planning or implementation. Completed and dropped are
final. Entering implementation needs a partner who implements it ("handed to partners").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Stage(StrEnum):
    IDEA = "idea"
    PLANNING = "planning"
    IMPLEMENTATION = "implementation"
    COMPLETED = "completed"
    PAUSED = "paused"
    DROPPED = "dropped"


ALLOWED: dict[Stage, frozenset[Stage]] = {
    Stage.IDEA: frozenset({Stage.PLANNING, Stage.PAUSED, Stage.DROPPED}),
    Stage.PLANNING: frozenset({Stage.IDEA, Stage.IMPLEMENTATION, Stage.PAUSED, Stage.DROPPED}),
    Stage.IMPLEMENTATION: frozenset({Stage.COMPLETED, Stage.PAUSED, Stage.DROPPED}),
    Stage.PAUSED: frozenset({Stage.IDEA, Stage.PLANNING, Stage.IMPLEMENTATION, Stage.DROPPED}),
    Stage.COMPLETED: frozenset(),
    Stage.DROPPED: frozenset(),
}
NEEDS_REASON = frozenset({Stage.PAUSED, Stage.DROPPED})


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a transition is not allowed; ``code`` is stable, ``detail`` names the stages."""

    code: str
    detail: str


def check_transition(current: Stage, target: Stage, *, reason: str, has_implementer: bool) -> Refusal | None:
    """None when ``current`` → ``target`` is allowed, else the reason it is not."""
    if target == current:
        return Refusal("same", f"already {current.value}")
    if target not in ALLOWED[current]:
        return Refusal("not_allowed", f"{current.value} → {target.value}")
    if target in NEEDS_REASON and not reason.strip():
        return Refusal("reason_required", f"{target.value} needs a reason")
    if target == Stage.IMPLEMENTATION and not has_implementer:
        return Refusal("implementer_required", "implementation needs a lead or implementing partner")
    return None
