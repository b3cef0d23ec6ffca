"""/api/v1/newsletters: the public archive of sent newsletters (never subscribers)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from wandelwerk.api.pagination import Page, PageParams
from wandelwerk.core.markdown import render_markdown
from wandelwerk.newsletters import selectors

router = Router()


class NewsletterFilter(Schema):
    network: str | None = Field(None, max_length=80, description="Kürzel des Netzwerks")


class NewsletterOut(Schema):
    id: int
    network: str
    subject: str
    body: str
    body_html: str
    sent_at: datetime | None
    url: str


@router.get("newsletters", response=Page[NewsletterOut], summary="Newsletter-Archiv (versendete Ausgaben)")
def newsletter_list(
    request: HttpRequest, filters: Query[NewsletterFilter], page: Query[PageParams]
) -> dict[str, Any]:
    qs = selectors.public_newsletters(network_slug=filters.network)
    items = [
        {
            "id": n.pk,
            "network": n.network.slug,
            "subject": n.subject,
            "body": n.body,
            "body_html": render_markdown(n.body),
            "sent_at": n.sent_at,
            "url": n.get_absolute_url(),
        }
        for n in qs[page.offset : page.offset + page.limit]
    ]
    return {"count": qs.count(), "items": items}
