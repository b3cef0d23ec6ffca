"""``{% report_link obj %}``: a "Melden" link for signed-in people. STUB — filled in by the moderation app."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def report_link(context: Any, obj: Any) -> str:
    return ""
