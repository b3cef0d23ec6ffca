from __future__ import annotations

from django.db.models import QuerySet

from wandelwerk.core.models import Page


def footer_pages() -> QuerySet[Page]:
    """Pages linked from every footer (lazy: evaluated only where a template renders it)."""
    return Page.objects.filter(in_footer=True).only("slug", "title", "title_en").order_by("footer_order")


def page_get(*, slug: str) -> Page | None:
    return Page.objects.filter(slug=slug).first()
