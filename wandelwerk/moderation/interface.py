"""What other apps need to make their content reportable (the contract; the moderation app fills it in).

A reportable model implements ``moderation_context(self) -> ModerationContext``. Lists and pages of
that content leave out hidden rows with ``wandelwerk.moderation.selectors.visible_q(Model)`` and show a
report link with ``{% load moderation %}{% report_link obj %}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ModerationContext:
    network: Any  # networks.Network whose moderators (coordinators) decide, or None (staff only)
    author: Any  # the user who wrote it (told about the decision), or None
    title: str  # shown in the moderation queue
    url: str  # where the content is shown
