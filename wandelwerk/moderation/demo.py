"""Demo content for the moderation app; called by `load_demo`."""

from __future__ import annotations

from typing import Any


def load_demo(*, user: Any) -> str | None:
    """Creates the demo content once; returns a line for the command output, or None if nothing was new."""
    return None
