"""URL slugs that stay unique within a table."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.text import slugify


def unique_slug(queryset: QuerySet[Any], text: str, *, fallback: str) -> str:
    """``slugify(text)``, or with "-2", "-3" … appended while ``queryset`` already has that slug."""
    base = slugify(text)[:200] or fallback
    slug, n = base, 1
    while queryset.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
