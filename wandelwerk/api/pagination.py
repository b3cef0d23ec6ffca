"""Shared list shape for every list endpoint: `count`, `items`, paged with `limit` and `offset`."""

from __future__ import annotations

from typing import Generic, TypeVar

from ninja import Field, Schema

T = TypeVar("T")

MAX_LIMIT = 200


class PageParams(Schema):
    limit: int = Field(50, ge=1, le=MAX_LIMIT, description="Einträge pro Seite (1–200)")
    offset: int = Field(0, ge=0, le=10_000_000, description="Anzahl übersprungener Einträge")


class Page(Schema, Generic[T]):
    count: int
    items: list[T]
