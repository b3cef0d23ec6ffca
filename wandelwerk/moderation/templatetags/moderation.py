"""``{% report_link obj %}``: a "Melden" link for signed-in people (nothing for anonymous visitors)."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.urls import reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def report_link(context: Any, obj: Any) -> str:
    """Needs no database query: the link names the model and primary key only."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if obj is None or getattr(obj, "pk", None) is None or user is None or not user.is_authenticated:
        return ""
    meta = obj._meta
    url = reverse("moderation:report", kwargs={"target": f"{meta.app_label}.{meta.model_name}", "pk": obj.pk})
    return render_to_string("moderation/_report_link.html", {"url": url, "kind": meta.verbose_name})
