"""Events made through the real service."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from wandelwerk.events.services import EventData, event_create


def make_event(organiser: Any, *, area: Any = None, user: Any = None, **kwargs: Any) -> Any:
    """A published public event three days from now, two hours long, at ``area`` (or online)."""
    start = kwargs.pop("start", timezone.now() + dt.timedelta(days=3))
    data = EventData(
        kind=kwargs.pop("kind", "network_meeting"),
        title=kwargs.pop("title", "Netzwerktreffen"),
        start=start,
        end=kwargs.pop("end", start + dt.timedelta(hours=2)),
        area=area,
        online_url=kwargs.pop("online_url", "" if area is not None else "https://meet.example.org/raum"),
        is_published=kwargs.pop("is_published", True),
        **kwargs,
    )
    return event_create(user=user, organiser=organiser, data=data)
