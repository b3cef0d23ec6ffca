"""Reads for moderation. STUB — the moderation helper implements these with the same signatures."""

from __future__ import annotations

from typing import Any

from django.db.models import Q


def visible_q(model: Any, *, field: str = "pk") -> Q:
    """A filter that leaves out rows of ``model`` hidden by moderation (``field`` names the primary
    key path when filtering a related model). Stub: hides nothing yet."""
    return Q()


def is_hidden(obj: Any) -> bool:
    """Whether moderation hides this object. Stub: never."""
    return False
