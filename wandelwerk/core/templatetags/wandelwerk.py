from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.utils.safestring import SafeString, mark_safe

from wandelwerk.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitised by nh3


@register.simple_tag(takes_context=True)
def query_with(context: dict[str, Any], **changes: Any) -> str:
    """The current query string with some parameters replaced (None removes one); resets paging."""
    request = context["request"]
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("partial", None)
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(params, doseq=True) if params else "?"


@register.simple_tag(takes_context=True)
def query_toggle(context: dict[str, Any], key: str, value: str) -> str:
    """The current query string with ``key=value`` added, or removed when it is already set."""
    request = context["request"]
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("partial", None)
    values = params.getlist(key)
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    params.setlist(key, values)
    return "?" + urlencode(params, doseq=True)
